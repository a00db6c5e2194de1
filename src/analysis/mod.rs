//! Analysis: the questions a head of policy asks of the whole register, each answered with its
//! evidence (seed 000: "the extent of duplication and conformity between both partnerships and
//! strategy documents"; seed 004: the older-people gap, the knowledge network, the bodies where
//! another district leads).
//!
//! - [`overlaps`]: pairs of partnerships that may duplicate each other, ranked, each with the
//!   shared members, representatives, purpose words, objectives, themes and level behind it;
//!   found through inverted indexes, so a register of 10,000 is not compared all against all.
//! - [`conformity`]: strategy objectives and measures nobody delivers, partnerships linked to
//!   no objective or priority, objectives delivered by several partnerships.
//! - [`gaps`]: themes and priorities with no active partnership, bodies with no council
//!   representative, significant bodies missing governance documents, reviews and actions
//!   overdue, ended terms, bodies gone quiet; each linking to the records that show it.
//! - [`load`]: each representative's bodies, hours, meetings and reporting-back duties, and
//!   the same per service and per portfolio, with a settable threshold.
//! - [`knowledge`]: the knowledge network: each report-back route's state, and where
//!   knowledge does not come back into the council; [`knowledge_network`] draws it as a graph
//!   (partnerships, their representatives, who they report back to) for the window to explore.
//!
//! Real registers are messy: one body, person or theme under several names. [`identity`] finds
//! the records that are one (same normalised name, org-id or e-mail) and every answer counts
//! them once.
//!
//! Pure functions over the model: no egui, no SQL, no files. Every answer names records by
//! [`RecordKey`] so the window can select them and the exports can name them.

pub mod conformity;
pub mod gaps;
pub mod identity;
pub mod knowledge;
pub mod knowledge_network;
pub mod load;
pub mod overlaps;
pub mod text;

pub use conformity::{Conformity, ConformitySettings, conformity};
pub use gaps::{Gap, GapKind, GapSettings, gaps};
pub use knowledge::{
    KnowledgeFinding, KnowledgeProblem, KnowledgeReport, KnowledgeSettings, RouteState, knowledge,
    route_state,
};
pub use load::{GroupLoad, LoadReport, LoadSettings, PersonLoad, load};
pub use overlaps::{OverlapPair, OverlapSettings, SharedWord, overlaps, pair_evidence};

use chrono::NaiveDate;

use crate::model::{PartnershipStatus, RecordKey};

/// The five answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    /// Which partnerships duplicate each other.
    Overlaps,
    /// Which strategy objectives nobody delivers.
    Conformity,
    /// Where the gaps are.
    Gaps,
    /// Who is overloaded.
    Load,
    /// Where knowledge stops flowing back.
    Knowledge,
}

impl Question {
    /// Every question, in the order the window shows them.
    pub const ALL: [Self; 5] = [
        Self::Overlaps,
        Self::Conformity,
        Self::Gaps,
        Self::Load,
        Self::Knowledge,
    ];

    /// The word the command line takes ("overlaps").
    pub fn code(self) -> &'static str {
        match self {
            Self::Overlaps => "overlaps",
            Self::Conformity => "conformity",
            Self::Gaps => "gaps",
            Self::Load => "load",
            Self::Knowledge => "knowledge",
        }
    }

    /// The heading ("Overlaps and duplication").
    pub fn label(self) -> &'static str {
        match self {
            Self::Overlaps => "Overlaps and duplication",
            Self::Conformity => "Conformity with strategies",
            Self::Gaps => "Gaps",
            Self::Load => "Representation load",
            Self::Knowledge => "Knowledge network",
        }
    }

    /// The question in the head of policy's words.
    pub fn question(self) -> &'static str {
        match self {
            Self::Overlaps => "Which of our partnerships may duplicate each other?",
            Self::Conformity => "Which strategy objectives does nobody deliver?",
            Self::Gaps => "Where are the gaps?",
            Self::Load => "Who is overloaded?",
            Self::Knowledge => "Where does knowledge stop flowing back into the council?",
        }
    }

    /// Reads a command-line word.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|q| q.code().eq_ignore_ascii_case(text))
    }
}

/// Every threshold of every answer, as at one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysisSettings {
    /// Overlap thresholds.
    pub overlaps: OverlapSettings,
    /// What counts as a shared objective.
    pub conformity: ConformitySettings,
    /// The set times for gaps.
    pub gaps: GapSettings,
    /// The load thresholds.
    pub load: LoadSettings,
    /// When a report-back is late.
    pub knowledge: KnowledgeSettings,
}

impl AnalysisSettings {
    /// The usual thresholds, as at `today`.
    pub fn on(today: NaiveDate) -> Self {
        Self {
            overlaps: OverlapSettings::default(),
            conformity: ConformitySettings::default(),
            gaps: GapSettings::on(today),
            load: LoadSettings::on(today),
            knowledge: KnowledgeSettings::on(today),
        }
    }

    /// The day the answers are for.
    pub fn today(&self) -> NaiveDate {
        self.gaps.today
    }

    /// The same thresholds as at another day.
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.gaps.today = today;
        self.load.today = today;
        self.knowledge.today = today;
        self
    }
}

/// Whether a partnership with this status is at work: active, or closing but still meeting.
/// Proposed, dormant, closed and removed bodies deliver nothing today.
pub fn is_active(status: PartnershipStatus) -> bool {
    matches!(
        status,
        PartnershipStatus::Active | PartnershipStatus::Closing
    )
}

// Counted words and lists, from the program's one rule (`model/words.rs`).
pub use crate::model::words::{counted, listed};

/// The records a finding points at, for selecting them in the tables and the diagram.
pub trait Evidence {
    /// Every record the finding is about or rests on, most important first.
    fn records(&self) -> Vec<RecordKey>;
}

#[cfg(test)]
mod messy_tests;
#[cfg(test)]
mod network_tests;
#[cfg(test)]
mod tests;
