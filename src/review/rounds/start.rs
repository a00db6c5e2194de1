//! Starting a round and changing it: the partnerships a rule chooses, the questions a new round
//! asks, and the edits that start a round, mark questionnaires sent, reminded or returned, and
//! change its questions. Each is one `Edit` of the round's record.

use chrono::NaiveDate;

use super::RoundError;
use crate::model::{
    Edit, PartnershipId, PartnershipStatus, Question, QuestionSource, Register, Round, RoundEntry,
    RoundId, RoundRule, Significance,
};
use crate::scoring::current_scheme;
use crate::tables::specs::partnership_fields;

/// The partnerships `rule` chooses, in the register's order: active ones, and for a theme
/// those tagged with it, for "significant" those whose current assessment (or, unassessed,
/// whose own record) says significant.
pub fn chosen_partnerships(register: &Register, rule: &RoundRule) -> Vec<PartnershipId> {
    let current = register.current_assessments();
    register
        .partnerships
        .values()
        .filter(|p| p.status == PartnershipStatus::Active)
        .filter(|p| match rule {
            RoundRule::AllActive => true,
            RoundRule::Theme { theme, .. } => register.theme_tags.contains_key(&(p.id, *theme)),
            RoundRule::Significant => {
                let significance = current
                    .get(&p.id)
                    .map_or(p.significance, |a| a.significance);
                significance == Significance::Significant
            }
        })
        .map(|p| p.id)
        .collect()
}

/// The questions a new round asks: every partnership field that can be typed in (the name
/// only identifies the body and is not asked), the representatives' hours, and every rated
/// criterion of the register's current scoring scheme.
pub fn default_questions(register: &Register) -> Vec<Question> {
    let mut questions: Vec<Question> = partnership_fields()
        .into_iter()
        .filter(|field| field.column.is_editable() && field.column.id != "name")
        .map(|field| Question {
            source: QuestionSource::Field(field.column.id.to_string()),
            wording: field.column.header.to_string(),
        })
        .collect();
    questions.push(Question {
        source: QuestionSource::RepresentativeHours,
        wording: "Hours a month given by each council representative".to_string(),
    });
    let scheme = current_scheme(register);
    questions.extend(scheme.criteria().map(|(_, criterion)| Question {
        source: QuestionSource::Criterion(criterion.code.clone()),
        wording: criterion.title.clone(),
    }));
    questions
}

/// The edit that starts a round called `name` on `started`, asking the partnerships `rule`
/// chooses the [`default_questions`]. Refused with no name, a name in use, or nobody chosen.
pub fn start_round(
    register: &Register,
    name: &str,
    rule: RoundRule,
    started: NaiveDate,
    due: Option<NaiveDate>,
) -> Result<Edit, RoundError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(RoundError::NoName);
    }
    if register
        .rounds
        .values()
        .any(|r| r.name.eq_ignore_ascii_case(&name))
    {
        return Err(RoundError::NameTaken(name));
    }
    let chosen = chosen_partnerships(register, &rule);
    if chosen.is_empty() {
        return Err(RoundError::NobodyChosen(rule.words()));
    }
    Ok(Edit::insert(Round {
        id: RoundId::next_in(&register.rounds),
        name,
        started: Some(started),
        due,
        chosen_by: rule,
        questions: default_questions(register),
        entries: chosen.into_iter().map(RoundEntry::new).collect(),
    }))
}

/// The round named `name` (case aside) or numbered `name`.
pub fn find_round<'a>(register: &'a Register, name: &str) -> Result<&'a Round, RoundError> {
    let wanted = name.trim();
    register
        .rounds
        .values()
        .find(|r| r.name.eq_ignore_ascii_case(wanted))
        .or_else(|| {
            wanted
                .parse::<i64>()
                .ok()
                .and_then(|id| register.rounds.get(&RoundId(id)))
        })
        .ok_or_else(|| RoundError::NoSuchRound(wanted.to_string()))
}

/// What to mark on a partnership's questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Sent on the day.
    Sent,
    /// A reminder sent on the day.
    Reminded,
    /// Came back on the day (by hand: not read from a file).
    Returned,
    /// Not come back after all (the returned date cleared).
    NotReturned,
}

impl Mark {
    fn words(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Reminded => "reminded",
            Self::Returned => "returned",
            Self::NotReturned => "not returned",
        }
    }
}

/// The edit that marks the questionnaires of `partnerships` in `round` (every one in the round
/// when empty) as `what` on `date`. Refused for a partnership not in the round.
pub fn mark(
    register: &Register,
    round: RoundId,
    partnerships: &[PartnershipId],
    what: Mark,
    date: NaiveDate,
) -> Result<Edit, RoundError> {
    let before = register
        .rounds
        .get(&round)
        .ok_or_else(|| RoundError::NoSuchRound(round.to_string()))?;
    let mut after = before.clone();
    let all: Vec<PartnershipId> = before.entries.iter().map(|e| e.partnership).collect();
    let chosen: &[PartnershipId] = if partnerships.is_empty() {
        &all
    } else {
        partnerships
    };
    for partnership in chosen {
        let Some(entry) = after.entry_mut(*partnership) else {
            return Err(RoundError::NotInRound {
                partnership: partnership_name(register, *partnership),
                round: before.name.clone(),
            });
        };
        match what {
            Mark::Sent => entry.sent = Some(date),
            Mark::Reminded => entry.reminded = Some(date),
            Mark::Returned => entry.returned = Some(date),
            Mark::NotReturned => {
                entry.returned = None;
                entry.returned_file.clear();
            }
        }
    }
    let description = match chosen {
        [one] => format!(
            "Mark the questionnaire of “{}” {} in round “{}”",
            partnership_name(register, *one),
            what.words(),
            before.name
        ),
        many => format!(
            "Mark {} {} in round “{}”",
            crate::model::words::counted(many.len(), "questionnaire"),
            what.words(),
            before.name
        ),
    };
    Ok(Edit::Batch {
        description,
        edits: vec![Edit::change(before.clone(), after)],
    })
}

/// The edit that replaces `round`'s questions. Refused with none.
pub fn set_questions(
    register: &Register,
    round: RoundId,
    questions: Vec<Question>,
) -> Result<Edit, RoundError> {
    if questions.is_empty() {
        return Err(RoundError::NoQuestions);
    }
    let before = register
        .rounds
        .get(&round)
        .ok_or_else(|| RoundError::NoSuchRound(round.to_string()))?;
    let mut after = before.clone();
    after.questions = questions;
    Ok(Edit::Batch {
        description: format!("Change the questions of round “{}”", before.name),
        edits: vec![Edit::change(before.clone(), after)],
    })
}

/// A partnership's name, or words saying it is gone.
pub(super) fn partnership_name(register: &Register, id: PartnershipId) -> String {
    register.partnerships.get(&id).map_or_else(
        || format!("partnership {id} (no longer in the register)"),
        |p| p.name.clone(),
    )
}
