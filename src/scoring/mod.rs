//! Scoring: risk and value scores and bands, governance health, significance, value for money,
//! the suggested recommendation, review dates, the cost of each partnership to the council, and
//! the overview of the whole register.
//!
//! Pure functions over the model (`crate::model`): no files, no SQL, no GUI. The rules come
//! from a [`ScoringScheme`](crate::model::ScoringScheme) (register data, versioned); this module
//! is the arithmetic that applies them. All arithmetic is on integers: scores, weights, whole
//! percentages, money in pence, hours in tenths. Where a division rounds, the function says how.
//!
//! - [`arithmetic`]: each result on its own ([`risk`], [`value`], [`governance`],
//!   [`significance`], [`value_for_money`], [`choose_recommendation`], [`next_review`]).
//! - [`assess`]: a whole assessment from a scheme and an officer's inputs ([`evaluate`],
//!   [`build_assessment`], [`new_assessment`]), and which scheme version applies
//!   ([`scheme_for_version`], [`current_scheme`], [`save_scheme`], [`save_assessment`]).
//! - [`resources`]: officer hours costed at the register's hourly rate, plus contributions, as
//!   an annual cost per partnership ([`officer_time_cost`], [`annual_costs`]).
//! - [`overview`]: one row per partnership with its current bands, recommendation, cost and
//!   review date, flags for never assessed and overdue, totals by recommendation
//!   ([`overview()`]), and an assessment history with trends ([`history`]).
//! - [`period`]: the "as at" of a review: which assessments are current on a date, and the
//!   financial year costed ([`ReviewBasis`]; the newest assessment per partnership is
//!   [`Register::current_assessments_as_at`](crate::model::Register::current_assessments_as_at)).
//! - [`standing`]: each partnership's current bands and recommendation, for the diagram's
//!   style rules ([`current_standings`]).

pub mod arithmetic;
pub mod assess;
pub mod overview;
pub mod period;
pub mod resources;
pub mod standing;

pub use arithmetic::*;
pub use assess::*;
pub use overview::*;
pub use period::*;
pub use resources::*;
pub use standing::*;

use crate::model::{InvalidValue, PartnershipId, Recommendation};

/// Why a result could not be worked out. Messages are for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoringError {
    /// A score names a criterion the scheme does not have (scores from another version).
    #[error("{code} is not a criterion of scoring scheme version {version}")]
    UnknownCriterion {
        /// The code scored.
        code: String,
        /// The scheme's version.
        version: u32,
    },
    /// The same criterion was scored twice.
    #[error("{0} is scored twice: give each criterion one score")]
    ScoredTwice(String),
    /// A criterion the result needs has no score.
    #[error("{code} “{title}” has no score yet")]
    NotScored {
        /// The criterion's code.
        code: String,
        /// Its title.
        title: String,
    },
    /// A score is not a point of the criterion's scale.
    #[error("{code} is scored {score}, but it is rated {min} to {max}")]
    OutOfScale {
        /// The criterion's code.
        code: String,
        /// The score given.
        score: i32,
        /// The lowest point.
        min: i32,
        /// The highest point.
        max: i32,
    },
    /// The scheme asks the officer for likelihood and impact and they are missing.
    #[error("Enter the overall likelihood (1 to {likelihood_max}) and impact (1 to {impact_max})")]
    RiskNotEntered {
        /// The highest likelihood step.
        likelihood_max: u8,
        /// The highest impact step.
        impact_max: u8,
    },
    /// Likelihood or impact is off the grid.
    #[error(
        "Likelihood {likelihood} and impact {impact} are off the risk grid: likelihood runs 1 to \
         {likelihood_max} and impact 1 to {impact_max}"
    )]
    RiskOffGrid {
        /// Likelihood entered.
        likelihood: u8,
        /// Impact entered.
        impact: u8,
        /// The highest likelihood step.
        likelihood_max: u8,
        /// The highest impact step.
        impact_max: u8,
    },
    /// The officer chose a recommendation the matrix does not allow, without saying why.
    #[error(
        "“{chosen}” is not what the matrix suggests for these scores (“{suggested}”): give the \
         reason for the override"
    )]
    OverrideNeedsReason {
        /// What the matrix suggested.
        suggested: Recommendation,
        /// What the officer chose.
        chosen: Recommendation,
    },
    /// The scheme itself breaks a rule.
    #[error("The scoring scheme cannot be used: {0}")]
    InvalidScheme(#[from] InvalidValue),
    /// No scheme of that version is stored or built in.
    #[error("The register has no scoring scheme version {0}")]
    NoSuchScheme(u32),
    /// The partnership is not in the register.
    #[error("The register has no partnership with id {0}")]
    NoSuchPartnership(PartnershipId),
    /// The assessment was made with another scheme version than the one given.
    #[error("The assessment was made with scoring scheme version {assessment}, not {scheme}")]
    WrongScheme {
        /// The assessment's version.
        assessment: u32,
        /// The scheme's version.
        scheme: u32,
    },
}

#[cfg(test)]
mod tests;
