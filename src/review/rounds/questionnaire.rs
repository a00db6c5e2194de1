//! One partnership's questionnaire in a round: each question resolved against the register
//! into what is asked, what kind of answer it takes (the drop-down, date, whole number or text
//! the workbook checks) and what the register holds now, which the workbook and the PDF are
//! pre-filled with. Fields are read and typed through their columns in the one partnership
//! field list, criteria through the scoring scheme, hours through the representations.

use chrono::NaiveDate;

use super::RoundError;
use super::start::partnership_name;
use crate::model::{
    Partnership, PartnershipId, QuestionSource, Register, RepresentationId, Round, RoundId,
};
use crate::scoring::current_scheme;
use crate::tables::specs::{PartnershipField, partnership_fields};
use crate::tables::{EditorKind, Lookup};

/// What one answer changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnswerKey {
    /// A partnership field, by column id.
    Field(String),
    /// A scoring criterion, by code.
    Criterion(String),
    /// One representative's hours a month.
    Hours(RepresentationId),
}

impl AnswerKey {
    /// The key as the workbook's hidden sheet writes it ("field:purpose", "criterion:R1",
    /// "hours:12").
    pub fn code(&self) -> String {
        match self {
            Self::Field(id) => format!("field:{id}"),
            Self::Criterion(code) => format!("criterion:{code}"),
            Self::Hours(id) => format!("hours:{id}"),
        }
    }

    /// Reads a key written by [`AnswerKey::code`].
    pub fn parse(code: &str) -> Option<Self> {
        let (kind, id) = code.trim().split_once(':')?;
        match kind {
            "field" if !id.is_empty() => Some(Self::Field(id.to_string())),
            "criterion" if !id.is_empty() => Some(Self::Criterion(id.to_string())),
            "hours" => id.parse().ok().map(|id| Self::Hours(RepresentationId(id))),
            _ => None,
        }
    }
}

/// The kind of answer a question takes, as the workbook checks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    /// Free text.
    Text,
    /// A date.
    Date,
    /// Pounds and pence, not below nothing.
    Money,
    /// A whole number from 0.
    WholeNumber,
    /// One of a list (a band, a choice, a name, Yes or No).
    Choice(Vec<String>),
}

/// One question as asked of one partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    /// What the answer changes.
    pub key: AnswerKey,
    /// The words asked.
    pub wording: String,
    /// How to answer, in words ("Choose from the list", the field's hint).
    pub guidance: String,
    /// The kind of answer.
    pub kind: AnswerKind,
    /// What the register holds now, as the answer would be written.
    pub current: String,
}

/// One partnership's questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Questionnaire {
    /// The round.
    pub round: RoundId,
    /// The round's name.
    pub round_name: String,
    /// When returns are asked for by.
    pub due: Option<NaiveDate>,
    /// The partnership asked.
    pub partnership: PartnershipId,
    /// Its name.
    pub partnership_name: String,
    /// The questions, in order.
    pub asked: Vec<Asked>,
}

/// The questionnaire of `partnership` in `round`, pre-filled from the register.
pub fn questionnaire(
    register: &Register,
    round: &Round,
    partnership: PartnershipId,
    today: NaiveDate,
) -> Result<Questionnaire, RoundError> {
    if round.entry(partnership).is_none() {
        return Err(RoundError::NotInRound {
            partnership: partnership_name(register, partnership),
            round: round.name.clone(),
        });
    }
    let record = register
        .partnerships
        .get(&partnership)
        .ok_or(RoundError::NoSuchPartnership(partnership))?;
    let lookup = Lookup::names_only(register, today);
    let fields = partnership_fields();
    let scheme = current_scheme(register);
    let current = register.current_assessment(partnership);
    let mut asked = Vec::new();
    for question in &round.questions {
        match &question.source {
            QuestionSource::Field(id) => {
                let Some(field) = fields.iter().find(|f| f.column.id == id) else {
                    continue;
                };
                asked.push(field_question(&lookup, field, record, &question.wording));
            }
            QuestionSource::Criterion(code) => {
                let Some((_, criterion)) = scheme.criterion(code) else {
                    continue;
                };
                let options: Vec<String> = (criterion.scale.min..=criterion.scale.max)
                    .map(|score| score_words(score, criterion.scale.label(score)))
                    .collect();
                let now = current
                    .and_then(|a| a.scores.iter().find(|s| &s.criterion == code))
                    .map(|s| score_words(s.score, criterion.scale.label(s.score)))
                    .unwrap_or_default();
                asked.push(Asked {
                    key: AnswerKey::Criterion(code.clone()),
                    wording: question.wording.clone(),
                    guidance: first_line(&criterion.guidance),
                    kind: AnswerKind::Choice(options),
                    current: now,
                });
            }
            QuestionSource::RepresentativeHours => {
                for representation in register
                    .representations
                    .values()
                    .filter(|r| r.partnership == partnership)
                {
                    let person = register
                        .people
                        .get(&representation.person)
                        .map_or("a representative", |p| p.name.as_str());
                    asked.push(Asked {
                        key: AnswerKey::Hours(representation.id),
                        wording: format!("{}: {person}", question.wording),
                        guidance: "Whole hours a month, meetings and preparation".to_string(),
                        kind: AnswerKind::WholeNumber,
                        current: representation.hours_per_month.to_string(),
                    });
                }
            }
        }
    }
    Ok(Questionnaire {
        round: round.id,
        round_name: round.name.clone(),
        due: round.due,
        partnership,
        partnership_name: record.name.clone(),
        asked,
    })
}

/// A score as the drop-down offers it: "3 Strong", or "3" for a point with no label.
pub fn score_words(score: i32, label: Option<&str>) -> String {
    match label {
        Some(label) if !label.trim().is_empty() => format!("{score} {label}"),
        _ => score.to_string(),
    }
}

fn field_question(
    lookup: &Lookup<'_>,
    field: &PartnershipField,
    record: &Partnership,
    wording: &str,
) -> Asked {
    let column = &field.column;
    let (kind, guidance) = match &column.editor {
        EditorKind::Date => (AnswerKind::Date, "A date".to_string()),
        EditorKind::Money => (AnswerKind::Money, "Pounds a year".to_string()),
        EditorKind::Integer | EditorKind::Hours => {
            (AnswerKind::WholeNumber, "A whole number".to_string())
        }
        EditorKind::Choice { options, .. } => (
            AnswerKind::Choice(options.iter().map(|o| (*o).to_string()).collect()),
            "Choose from the list".to_string(),
        ),
        EditorKind::Bool => (
            AnswerKind::Choice(vec!["Yes".to_string(), "No".to_string()]),
            "Yes or No".to_string(),
        ),
        EditorKind::Link { target, .. } => (
            AnswerKind::Choice(
                lookup
                    .link_options(*target)
                    .into_iter()
                    .map(|(_, name)| name)
                    .collect(),
            ),
            "Choose from the list".to_string(),
        ),
        EditorKind::Text | EditorKind::Name | EditorKind::ReadOnly => {
            (AnswerKind::Text, field.hint.to_string())
        }
    };
    let guidance = if field.hint.is_empty() || guidance == field.hint {
        guidance
    } else {
        format!("{guidance}: {}", field.hint)
    };
    Asked {
        key: AnswerKey::Field(column.id.to_string()),
        wording: wording.to_string(),
        guidance,
        kind,
        current: column.cell(lookup, record).text,
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}
