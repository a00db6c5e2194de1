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
//!   knowledge does not come back into the council.
//!
//! Pure functions over the model: no egui, no SQL, no files. Every answer names records by
//! [`RecordKey`] so the window can select them and the exports can name them.

pub mod conformity;
pub mod gaps;
pub mod knowledge;
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

use crate::model::{PartnershipStatus, RecordKey};

/// Whether a partnership with this status is at work: active, or closing but still meeting.
/// Proposed, dormant, closed and removed bodies deliver nothing today.
pub fn is_active(status: PartnershipStatus) -> bool {
    matches!(
        status,
        PartnershipStatus::Active | PartnershipStatus::Closing
    )
}

/// "1 partnership", "3 partnerships": a count with its noun, singular or plural.
pub fn counted(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{count} {plural}")
    }
}

/// "a, b and c".
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The records a finding points at, for selecting them in the tables and the diagram.
pub trait Evidence {
    /// Every record the finding is about or rests on, most important first.
    fn records(&self) -> Vec<RecordKey>;
}

#[cfg(test)]
mod tests;
