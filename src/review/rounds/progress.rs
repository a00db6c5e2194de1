//! How far a round has got: each partnership's sent, reminded and returned dates with its lead
//! officer and their e-mail (for the reminder mail merge), and the count in words ("27 of 80
//! outstanding"). The window's bar and table, the CLI's status and the reminder CSV read it.

use chrono::NaiveDate;

use super::start::partnership_name;
use crate::model::{PartnershipId, Register, Round, RoundId};

/// One partnership's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRow {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its name (or words saying it has gone from the register).
    pub name: String,
    /// Its responsible (lead) officer's name.
    pub lead_officer: String,
    /// Their e-mail address.
    pub email: String,
    /// When its questionnaire was sent.
    pub sent: Option<NaiveDate>,
    /// When it was last reminded.
    pub reminded: Option<NaiveDate>,
    /// When it came back.
    pub returned: Option<NaiveDate>,
    /// The file it came back as.
    pub returned_file: String,
}

impl ProgressRow {
    /// Still to come back.
    pub fn is_outstanding(&self) -> bool {
        self.returned.is_none()
    }
}

/// A round's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// One line per partnership, in the round's order.
    pub rows: Vec<ProgressRow>,
}

impl Progress {
    /// How many partnerships were asked.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// How many are still to come back.
    pub fn outstanding(&self) -> usize {
        self.rows.iter().filter(|r| r.is_outstanding()).count()
    }

    /// How many have come back.
    pub fn returned(&self) -> usize {
        self.total() - self.outstanding()
    }

    /// The share returned, 0 to 1, for a progress bar.
    pub fn fraction_returned(&self) -> f32 {
        if self.rows.is_empty() {
            return 0.0;
        }
        // Counts far below f32's exact range: the cast loses nothing.
        self.returned() as f32 / self.total() as f32
    }

    /// "27 of 80 outstanding".
    pub fn words(&self) -> String {
        format!("{} of {} outstanding", self.outstanding(), self.total())
    }

    /// Sent, reminded and returned counted in words, for a status line.
    pub fn counts_words(&self) -> String {
        let sent = self.rows.iter().filter(|r| r.sent.is_some()).count();
        let reminded = self.rows.iter().filter(|r| r.reminded.is_some()).count();
        format!(
            "{} asked: {sent} sent, {reminded} reminded, {} returned, {}",
            crate::model::words::counted(self.total(), "partnership"),
            self.returned(),
            self.words()
        )
    }

    /// The lines still outstanding: who to remind.
    pub fn outstanding_rows(&self) -> impl Iterator<Item = &ProgressRow> + '_ {
        self.rows.iter().filter(|r| r.is_outstanding())
    }
}

/// The progress of `round`.
pub fn progress(register: &Register, round: &Round) -> Progress {
    let rows = round
        .entries
        .iter()
        .map(|entry| {
            let officer = register
                .partnerships
                .get(&entry.partnership)
                .and_then(|p| p.responsible_officer)
                .and_then(|id| register.people.get(&id));
            ProgressRow {
                partnership: entry.partnership,
                name: partnership_name(register, entry.partnership),
                lead_officer: officer.map(|p| p.name.clone()).unwrap_or_default(),
                email: officer.map(|p| p.email.clone()).unwrap_or_default(),
                sent: entry.sent,
                reminded: entry.reminded,
                returned: entry.returned,
                returned_file: entry.returned_file.clone(),
            }
        })
        .collect();
    Progress {
        round: round.id,
        name: round.name.clone(),
        rows,
    }
}
