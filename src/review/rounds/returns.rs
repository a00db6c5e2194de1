//! A returned questionnaire as a preview, field by field (the question, what the register holds,
//! the answer, and whether it changes anything or cannot go in), and as ONE edit: the
//! partnership's changed fields, its representatives' changed hours, a new assessment when a
//! criterion's score changed, and the round's entry marked returned with the file's name. The
//! edit is made only when every answer can go in (all or nothing, as an import is).

use chrono::NaiveDate;

use super::RoundError;
use super::questionnaire::{AnswerKey, AnswerKind, Questionnaire, questionnaire};
use super::reading::{FilledQuestionnaire, date_answer};
use crate::model::{Edit, Hours, Register, Round};
use crate::scoring::{AssessmentInput, current_scheme, new_assessment, save_assessment};
use crate::tables::Lookup;
use crate::tables::specs::partnership_fields;

/// What one answer does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineOutcome {
    /// The answer is what the register holds.
    Unchanged,
    /// The answer changes the register.
    Changed,
    /// The answer cannot go in, and why.
    Invalid(String),
}

/// One answer in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewLine {
    /// The question's words.
    pub question: String,
    /// What the register holds.
    pub old: String,
    /// The answer given.
    pub new: String,
    /// Unchanged, changed or invalid.
    pub outcome: LineOutcome,
}

/// A returned questionnaire, read and checked against the register.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnPreview {
    /// The round's name.
    pub round_name: String,
    /// The partnership's name.
    pub partnership_name: String,
    /// The file it came from (its name only), for the audit log.
    pub file_name: String,
    /// When it came back before, if it did.
    pub returned_before: Option<NaiveDate>,
    /// Each answer.
    pub lines: Vec<PreviewLine>,
    /// The one edit that applies it; `None` while any answer is invalid.
    pub edit: Option<Edit>,
}

impl ReturnPreview {
    /// How many answers change the register.
    pub fn changed(&self) -> usize {
        self.count(|o| *o == LineOutcome::Changed)
    }

    /// How many answers cannot go in.
    pub fn invalid(&self) -> usize {
        self.count(|o| matches!(o, LineOutcome::Invalid(_)))
    }

    fn count(&self, test: impl Fn(&LineOutcome) -> bool) -> usize {
        self.lines.iter().filter(|line| test(&line.outcome)).count()
    }

    /// The preview in words, one line per answer that changes or is refused, then a summary.
    pub fn words(&self) -> String {
        let mut lines = vec![format!(
            "Questionnaire for “{}” in round “{}” ({})",
            self.partnership_name, self.round_name, self.file_name
        )];
        for line in &self.lines {
            match &line.outcome {
                LineOutcome::Unchanged => {}
                LineOutcome::Changed => lines.push(format!(
                    "  {}: “{}” → “{}”",
                    line.question, line.old, line.new
                )),
                LineOutcome::Invalid(why) => lines.push(format!(
                    "  {}: “{}” cannot go in: {why}",
                    line.question, line.new
                )),
            }
        }
        let words = crate::model::words::counted;
        lines.push(format!(
            "{} changed, {} unchanged, {} that cannot go in",
            words(self.changed(), "answer"),
            self.lines.len() - self.changed() - self.invalid(),
            self.invalid()
        ));
        lines.join("\n")
    }
}

/// Checks `filled` (read from the file called `file_name`) against the register on `today`.
/// Refused when the round or the partnership is not in the register, or the partnership is not
/// in the round; answers that cannot go in are shown in the preview, and then there is no edit.
pub fn preview_return(
    register: &Register,
    filled: &FilledQuestionnaire,
    file_name: &str,
    today: NaiveDate,
) -> Result<ReturnPreview, RoundError> {
    let round = register.rounds.get(&filled.round).ok_or_else(|| {
        RoundError::NoSuchRound(if filled.round_name.is_empty() {
            filled.round.to_string()
        } else {
            filled.round_name.clone()
        })
    })?;
    let asked = questionnaire(register, round, filled.partnership, today)?;
    let partnership = register
        .partnerships
        .get(&filled.partnership)
        .ok_or(RoundError::NoSuchPartnership(filled.partnership))?;
    let lookup = Lookup::names_only(register, today);
    let fields = partnership_fields();
    let mut after = partnership.clone();
    let mut representation_edits = Vec::new();
    let mut input = register
        .current_assessment(filled.partnership)
        .and_then(AssessmentInput::from_assessment)
        .unwrap_or_else(|| AssessmentInput::new(filled.partnership, today));
    let mut scores_changed = false;
    let mut lines = Vec::new();
    for (key, given) in &filled.answers {
        // A question dropped from the round since the workbook was made is left alone.
        let Some(question) = asked.asked.iter().find(|a| &a.key == key) else {
            continue;
        };
        let given = match question.kind {
            AnswerKind::Date => date_answer(given),
            _ => given.clone(),
        };
        let outcome = match key {
            AnswerKey::Field(id) => match fields.iter().find(|f| f.column.id == id) {
                None => LineOutcome::Invalid("the register no longer has this field".into()),
                Some(field) => {
                    let was = after.clone();
                    match field.column.set(&lookup, &mut after, &given) {
                        Err(why) => LineOutcome::Invalid(why.0),
                        Ok(()) if after == was => LineOutcome::Unchanged,
                        Ok(()) => LineOutcome::Changed,
                    }
                }
            },
            AnswerKey::Hours(id) => match register.representations.get(id) {
                None => LineOutcome::Invalid("the representative is no longer recorded".into()),
                Some(before) => match whole_hours(&given) {
                    Err(why) => LineOutcome::Invalid(why),
                    Ok(hours) if hours == before.hours_per_month => LineOutcome::Unchanged,
                    Ok(hours) => {
                        let mut changed = before.clone();
                        changed.hours_per_month = hours;
                        representation_edits.push(Edit::change(before.clone(), changed));
                        LineOutcome::Changed
                    }
                },
            },
            AnswerKey::Criterion(code) => {
                // Left blank: no score given, the last one stands.
                if given == question.current || given.is_empty() {
                    LineOutcome::Unchanged
                } else {
                    match score_of(&given, &question.kind) {
                        Err(why) => LineOutcome::Invalid(why),
                        Ok(score) => {
                            input = input.score(code, score, &format!("Questionnaire {file_name}"));
                            scores_changed = true;
                            LineOutcome::Changed
                        }
                    }
                }
            }
        };
        lines.push(PreviewLine {
            question: question.wording.clone(),
            old: question.current.clone(),
            new: given,
            outcome,
        });
    }
    let mut edits = Vec::new();
    if after != *partnership {
        if let Err(why) = crate::model::Record::Partnership(after.clone()).validate() {
            lines.push(invalid_line("The partnership", why.0));
        }
        edits.push(Edit::change(partnership.clone(), after));
    }
    edits.extend(representation_edits);
    if scores_changed {
        input.date = today;
        input.assessor = format!("Questionnaire {file_name}");
        input.chosen = None;
        input.override_reason.clear();
        let scheme = current_scheme(register);
        match new_assessment(register, &scheme, &input)
            .and_then(|assessment| save_assessment(register, &scheme, assessment))
        {
            Ok(edit) => edits.push(edit),
            Err(why) => lines.push(invalid_line("The scores", why.to_string())),
        }
    }
    edits.push(returned_edit(round, &asked, file_name, today));
    let preview = ReturnPreview {
        round_name: round.name.clone(),
        partnership_name: partnership.name.clone(),
        file_name: file_name.to_string(),
        returned_before: round.entry(filled.partnership).and_then(|e| e.returned),
        edit: None,
        lines,
    };
    let edit = (preview.invalid() == 0).then(|| Edit::Batch {
        description: format!(
            "Questionnaire returned for “{}” ({file_name})",
            preview.partnership_name
        ),
        edits,
    });
    Ok(ReturnPreview { edit, ..preview })
}

fn invalid_line(question: &str, why: String) -> PreviewLine {
    PreviewLine {
        question: question.to_string(),
        old: String::new(),
        new: String::new(),
        outcome: LineOutcome::Invalid(why),
    }
}

/// The round with the partnership's entry marked returned today from `file_name`.
fn returned_edit(round: &Round, asked: &Questionnaire, file_name: &str, today: NaiveDate) -> Edit {
    let mut after = round.clone();
    if let Some(entry) = after.entry_mut(asked.partnership) {
        entry.returned = Some(today);
        entry.returned_file = file_name.to_string();
    }
    Edit::change(round.clone(), after)
}

/// Hours a month as a whole number; an unchanged answer with tenths ("2.5") reads too.
fn whole_hours(text: &str) -> Result<Hours, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Hours::default());
    }
    Hours::parse(trimmed).map_err(|why| why.0)
}

/// The score an answer to a criterion gives: its drop-down words ("3 Strong") or the number.
fn score_of(text: &str, kind: &AnswerKind) -> Result<i32, String> {
    let AnswerKind::Choice(options) = kind else {
        return Err("not a scored question".to_string());
    };
    let trimmed = text.trim();
    let leading: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let score: i32 = leading
        .parse()
        .map_err(|_| format!("choose one of {}", options.join(", ")))?;
    if options
        .iter()
        .any(|option| option.split(' ').next() == Some(leading.as_str()))
    {
        Ok(score)
    } else {
        Err(format!("choose one of {}", options.join(", ")))
    }
}
