//! Questionnaire rounds (seed 000: "A questionnaire has been circulated to all key county and
//! district wide partnerships ... Reminders have been sent"): a named, dated round, the rule that
//! chose its partnerships, its questions, and for each partnership when its questionnaire was
//! sent, reminded and returned. One `Round` record holds all of it, so every change to a round
//! (start, mark sent, a reminder, a return) is one ordinary `Edit`, undoable and audited.
//!
//! A round does not link to its partnerships as a foreign key: a partnership deleted after the
//! round started leaves its entry, named as no longer in the register, and never blocks the
//! delete. The questionnaire itself (which field or criterion each question asks about) is
//! worked out in `crate::review::rounds`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{PartnershipId, RoundId, ThemeId};

/// How a round chose its partnerships.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum RoundRule {
    /// Every active partnership.
    #[default]
    AllActive,
    /// The active partnerships tagged with one theme.
    Theme {
        /// The theme.
        theme: ThemeId,
        /// Its name when the round started (the theme may be renamed or deleted later).
        name: String,
    },
    /// The active partnerships whose significance is "Significant".
    Significant,
}

impl RoundRule {
    /// The rule in words ("all active partnerships", "the theme “Health”").
    pub fn words(&self) -> String {
        match self {
            Self::AllActive => "all active partnerships".to_string(),
            Self::Theme { name, .. } => format!("active partnerships in the theme “{name}”"),
            Self::Significant => "the significant partnerships".to_string(),
        }
    }
}

/// What a question asks about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "about", content = "id")]
pub enum QuestionSource {
    /// A field of the partnership, by its column id in the one partnership field list
    /// (`tables/specs/partnership_fields.rs`).
    Field(String),
    /// A criterion of the scoring scheme, by its code ("R1", "V3").
    Criterion(String),
    /// The hours a month each of the council's representatives gives it (one answer per
    /// representative, whole hours).
    RepresentativeHours,
}

/// One question of a round's questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// What it asks about.
    pub source: QuestionSource,
    /// The words asked ("Purpose"); the field's heading or the criterion's title unless edited.
    pub wording: String,
}

/// One partnership's questionnaire in a round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundEntry {
    /// The partnership asked.
    pub partnership: PartnershipId,
    /// When its questionnaire was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<NaiveDate>,
    /// When a reminder was last sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminded: Option<NaiveDate>,
    /// When it came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned: Option<NaiveDate>,
    /// The name of the file it came back as (empty when marked returned by hand).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub returned_file: String,
}

impl RoundEntry {
    /// A partnership's entry, nothing sent yet.
    pub fn new(partnership: PartnershipId) -> Self {
        Self {
            partnership,
            ..Self::default()
        }
    }

    /// Whether its questionnaire is still to come back.
    pub fn is_outstanding(&self) -> bool {
        self.returned.is_none()
    }
}

/// A questionnaire round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Round {
    /// Identifier.
    pub id: RoundId,
    /// Name ("Annual review 2026").
    pub name: String,
    /// The day it started.
    pub started: Option<NaiveDate>,
    /// The day returns are asked for by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// How its partnerships were chosen.
    pub chosen_by: RoundRule,
    /// The questions, in the order asked.
    pub questions: Vec<Question>,
    /// One entry per partnership asked, in the order chosen.
    pub entries: Vec<RoundEntry>,
}

impl Round {
    /// The entry of `partnership`, if it is in the round.
    pub fn entry(&self, partnership: PartnershipId) -> Option<&RoundEntry> {
        self.entries.iter().find(|e| e.partnership == partnership)
    }

    /// The entry of `partnership`, to change.
    pub fn entry_mut(&mut self, partnership: PartnershipId) -> Option<&mut RoundEntry> {
        self.entries
            .iter_mut()
            .find(|e| e.partnership == partnership)
    }

    /// How many questionnaires are still to come back.
    pub fn outstanding(&self) -> usize {
        self.entries.iter().filter(|e| e.is_outstanding()).count()
    }

    /// How many have come back.
    pub fn returned(&self) -> usize {
        self.entries.len() - self.outstanding()
    }
}
