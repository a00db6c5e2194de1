//! The overview of the whole register for the annual review: one row per partnership with its
//! current bands, recommendation, cost and review date; flags for partnerships never assessed
//! and reviews overdue; totals by recommendation ("Reduce: 7 partnerships, 36 hours a month,
//! £12,000"); and a partnership's assessment history with trends.
//!
//! "Current" is the newest assessment made on or before the overview's date (an "as at" in the
//! past leaves out assessments made since: `period.rs`). Costs are for a financial year given
//! by the caller, with representatives in post on the overview's date.

use chrono::NaiveDate;

use super::period::ReviewBasis;
use super::resources::{AnnualCost, annual_costs};
use crate::model::{
    Assessment, AssessmentId, Band, GovernanceRating, Hours, Money, PartnershipId,
    PartnershipStatus, Recommendation, Register, ReviewDue, Significance, ValueForMoney,
};

/// Whether a partnership with this status is still reviewed: everything but closed and
/// removed ones. Only these are flagged and counted in the totals.
pub fn is_reviewed(status: PartnershipStatus) -> bool {
    !matches!(
        status,
        PartnershipStatus::Closed | PartnershipStatus::Removed
    )
}

/// One partnership in the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewRow {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: PartnershipStatus,
    /// The current (newest) assessment, if any.
    pub current: Option<AssessmentId>,
    /// When it was last assessed.
    pub assessed_on: Option<NaiveDate>,
    /// Current risk band.
    pub risk_band: Option<Band>,
    /// Current risk score (likelihood x impact).
    pub risk_score: Option<u32>,
    /// Current value band.
    pub value_band: Option<Band>,
    /// Current value score, a whole percentage (assessments made before it was stored have
    /// none).
    pub value_percent: Option<u32>,
    /// Current governance rating.
    pub governance: Option<GovernanceRating>,
    /// Significance: the current assessment's, or the partnership's own when never assessed.
    pub significance: Significance,
    /// Current value for money.
    pub value_for_money: Option<ValueForMoney>,
    /// Current recommendation (as chosen).
    pub recommendation: Option<Recommendation>,
    /// Why the current recommendation overrides the matrix; empty when it does not.
    pub override_reason: String,
    /// Cost to the council for the year.
    pub cost: AnnualCost,
    /// When the next review is due, by the register's one rule ([`ReviewDue`]): the current
    /// assessment's next review, or the partnership's own review date when never assessed.
    pub review_due: Option<NaiveDate>,
    /// Reviewed (see [`is_reviewed`]) and never assessed.
    pub never_assessed: bool,
    /// Reviewed and its review date is before the overview's date.
    pub review_overdue: bool,
}

impl OverviewRow {
    /// Whether the current recommendation overrides the matrix (it has a reason).
    pub fn overridden(&self) -> bool {
        !self.override_reason.is_empty()
    }
}

/// Partnerships, hours and money for one recommendation (or for "not assessed").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationTotal {
    /// The recommendation; `None` for partnerships not yet assessed.
    pub recommendation: Option<Recommendation>,
    /// How many partnerships.
    pub partnerships: usize,
    /// Their officer hours a month.
    pub hours_per_month: Hours,
    /// Their contributions for the year.
    pub contributions: Money,
    /// Their whole cost for the year (contributions plus costed officer time).
    pub annual_cost: Money,
}

impl RecommendationTotal {
    /// The group's name ("Reduce", "Not assessed").
    pub fn label(&self) -> &'static str {
        self.recommendation
            .map_or("Not assessed", Recommendation::label)
    }

    /// One line for a report: "Reduce: 7 partnerships, 36 hours a month, £12,000" (the money
    /// is the contributions; officer time is the hours).
    pub fn summary(&self) -> String {
        use crate::model::words;
        format!(
            "{}: {}, {} a month, {}",
            self.label(),
            words::counted(self.partnerships, "partnership"),
            words::with_noun(&self.hours_per_month.to_string(), "hour"),
            self.contributions.format_whole_pounds()
        )
    }
}

/// The overview for a [`ReviewBasis`] (as at a date, costed for a financial year).
pub fn overview_for(register: &Register, basis: &ReviewBasis) -> Overview {
    overview(register, basis.as_at, basis.year)
}

/// The overview of the register on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    /// The date reviews are judged overdue against.
    pub today: NaiveDate,
    /// The financial year costed.
    pub year: i32,
    /// One row per partnership, in identifier order.
    pub rows: Vec<OverviewRow>,
    /// Totals over reviewed partnerships by current recommendation, in the order of
    /// `Recommendation::ALL`, then "not assessed"; groups with no partnership left out.
    pub totals: Vec<RecommendationTotal>,
    /// Reviewed partnerships never assessed.
    pub never_assessed: usize,
    /// Reviewed partnerships whose review is overdue.
    pub overdue: usize,
}

/// The overview of every partnership as at `today`, costed for financial `year`: the current
/// assessment of each is the newest made on or before `today` (see
/// [`Register::current_assessments_as_at`]).
pub fn overview(register: &Register, today: NaiveDate, year: i32) -> Overview {
    let current = register.current_assessments_as_at(today);
    let costs = annual_costs(register, year, today);
    let mut rows = Vec::with_capacity(register.partnerships.len());
    for (id, partnership) in &register.partnerships {
        let assessment = current.get(id).copied();
        let reviewed = is_reviewed(partnership.status);
        let due = ReviewDue::of(partnership, assessment);
        rows.push(OverviewRow {
            partnership: *id,
            name: partnership.name.clone(),
            status: partnership.status,
            current: assessment.map(|a| a.id),
            assessed_on: assessment.and_then(|a| a.date),
            risk_band: assessment.and_then(|a| a.risk_band),
            risk_score: assessment
                .filter(|a| a.risk_likelihood > 0 && a.risk_impact > 0)
                .map(|a| u32::from(a.risk_likelihood) * u32::from(a.risk_impact)),
            value_band: assessment.and_then(|a| a.value_band),
            value_percent: assessment.and_then(|a| a.value_percent),
            governance: assessment.and_then(|a| a.governance),
            significance: assessment.map_or(partnership.significance, |a| a.significance),
            value_for_money: assessment.and_then(|a| a.value_for_money),
            recommendation: assessment.and_then(|a| a.recommendation),
            override_reason: assessment
                .map(|a| a.override_reason.trim().to_string())
                .unwrap_or_default(),
            cost: costs.get(id).copied().unwrap_or_default(),
            review_due: due.date,
            never_assessed: reviewed && assessment.is_none(),
            review_overdue: reviewed && due.is_overdue(today),
        });
    }
    let totals = totals_by_recommendation(&rows);
    let never_assessed = rows.iter().filter(|r| r.never_assessed).count();
    let overdue = rows.iter().filter(|r| r.review_overdue).count();
    Overview {
        today,
        year,
        rows,
        totals,
        never_assessed,
        overdue,
    }
}

/// Where every partnership of an overview is on the risk/value matrix, so the counts add up:
/// plotted, reviewed but not assessed, assessed without bands (imported unscored), and not
/// reviewed at all (closed or removed from the register).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCoverage {
    /// Every partnership in the register.
    pub partnerships: usize,
    /// Reviewed and assessed with risk and value bands: a circle on the matrix.
    pub plotted: usize,
    /// Reviewed and never assessed (as at the overview's date).
    pub not_assessed: usize,
    /// Reviewed and assessed, but without a risk or value band.
    pub without_bands: usize,
    /// Not reviewed, by status (closed, removed), in status order; none left out.
    pub not_reviewed: Vec<(PartnershipStatus, usize)>,
}

impl MatrixCoverage {
    /// Every partnership counted once: the parts add up to `partnerships`.
    pub fn accounted(&self) -> usize {
        self.plotted
            + self.not_assessed
            + self.without_bands
            + self.not_reviewed.iter().map(|(_, n)| n).sum::<usize>()
    }

    /// The partnerships not on the matrix, in words, one part per reason: "2 not yet
    /// assessed", "1 assessed without risk and value bands", "6 not reviewed (4 removed, 2
    /// closed)". Parts with none are left out; empty when every partnership is plotted.
    pub fn not_plotted(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if self.not_assessed > 0 {
            parts.push(format!("{} not yet assessed", self.not_assessed));
        }
        if self.without_bands > 0 {
            parts.push(format!(
                "{} assessed without risk and value bands",
                self.without_bands
            ));
        }
        let not_reviewed: usize = self.not_reviewed.iter().map(|(_, n)| n).sum();
        if not_reviewed > 0 {
            let statuses: Vec<String> = self
                .not_reviewed
                .iter()
                .map(|(status, n)| format!("{n} {}", status.label().to_lowercase()))
                .collect();
            parts.push(format!(
                "{not_reviewed} not reviewed ({})",
                statuses.join(", ")
            ));
        }
        parts
    }

    /// "84 partnerships: 76 on the matrix, 2 not yet assessed, 6 not reviewed (4 removed, 2
    /// closed)". Parts with none are left out.
    pub fn describe(&self) -> String {
        use crate::model::words::counted;
        let mut parts = vec![format!("{} on the matrix", self.plotted)];
        parts.extend(self.not_plotted());
        format!(
            "{}: {}",
            counted(self.partnerships, "partnership"),
            crate::model::words::listed(&parts)
        )
    }

    /// The note under a printed matrix: "Not shown (8 of 84 partnerships): 2 not yet assessed
    /// and 6 not reviewed (4 removed, 2 closed)."; `None` when every partnership is on it.
    pub fn not_shown_note(&self) -> Option<String> {
        let parts = self.not_plotted();
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "Not shown ({} of {}): {}.",
            self.partnerships - self.plotted,
            crate::model::words::counted(self.partnerships, "partnership"),
            crate::model::words::listed(&parts)
        ))
    }
}

impl Overview {
    /// Where each of its partnerships is on the matrix (see [`MatrixCoverage`]).
    pub fn coverage(&self) -> MatrixCoverage {
        let reviewed = |row: &&OverviewRow| is_reviewed(row.status);
        let plotted = |row: &OverviewRow| row.risk_band.is_some() && row.value_band.is_some();
        let not_reviewed = PartnershipStatus::ALL
            .iter()
            .map(|&status| {
                let count = self.rows.iter().filter(|r| r.status == status).count();
                (status, count)
            })
            .filter(|(status, count)| !is_reviewed(*status) && *count > 0)
            .collect();
        MatrixCoverage {
            partnerships: self.rows.len(),
            plotted: self
                .rows
                .iter()
                .filter(reviewed)
                .filter(|r| plotted(r))
                .count(),
            not_assessed: self
                .rows
                .iter()
                .filter(reviewed)
                .filter(|r| r.current.is_none())
                .count(),
            without_bands: self
                .rows
                .iter()
                .filter(reviewed)
                .filter(|r| r.current.is_some() && !plotted(r))
                .count(),
            not_reviewed,
        }
    }

    /// The reviewed partnerships in the order they fall due for review: overdue first (the
    /// longest overdue first), partnerships never assessed and with no date set as due on the
    /// overview's date, then by date; those an assessment set no date for (to withdraw) are
    /// left out. Ties by name.
    pub fn review_queue(&self) -> Vec<&OverviewRow> {
        let mut queue: Vec<(NaiveDate, &OverviewRow)> = self
            .rows
            .iter()
            .filter(|row| is_reviewed(row.status))
            .filter_map(|row| match (row.review_due, row.current) {
                (Some(due), _) => Some((due, row)),
                (None, None) => Some((self.today, row)),
                (None, Some(_)) => None,
            })
            .collect();
        queue.sort_by(|(a_due, a), (b_due, b)| {
            a_due
                .cmp(b_due)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        queue.into_iter().map(|(_, row)| row).collect()
    }
}

/// Totals of reviewed rows by recommendation (see [`Overview::totals`]).
pub fn totals_by_recommendation(rows: &[OverviewRow]) -> Vec<RecommendationTotal> {
    let groups = Recommendation::ALL
        .iter()
        .copied()
        .map(Some)
        .chain(std::iter::once(None));
    groups
        .filter_map(|recommendation| {
            let members: Vec<&OverviewRow> = rows
                .iter()
                .filter(|row| is_reviewed(row.status) && row.recommendation == recommendation)
                .collect();
            if members.is_empty() {
                return None;
            }
            Some(RecommendationTotal {
                recommendation,
                partnerships: members.len(),
                hours_per_month: members.iter().map(|r| r.cost.hours_per_month).sum(),
                contributions: members.iter().map(|r| r.cost.contributions).sum(),
                annual_cost: members.iter().map(|r| r.cost.total).sum(),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// History

/// Which way a measure moved since the assessment before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Higher risk, higher value, or better governance.
    Up,
    /// No change.
    Same,
    /// Lower risk, lower value, or worse governance.
    Down,
}

/// Whether a move is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Lower risk, higher value, better governance.
    Better,
    /// No change.
    Same,
    /// Higher risk, lower value, worse governance.
    Worse,
}

/// A measure's move since the assessment before: the direction (for the arrow) and whether it
/// is better or worse (for its colour and words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trend {
    /// Which way the measure moved.
    pub direction: Direction,
    /// Whether that is better or worse.
    pub verdict: Verdict,
}

impl Trend {
    fn of<T: Ord>(before: Option<T>, after: Option<T>, higher_is_better: bool) -> Option<Self> {
        let (before, after) = (before?, after?);
        let direction = match after.cmp(&before) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Equal => Direction::Same,
            std::cmp::Ordering::Less => Direction::Down,
        };
        let verdict = match (direction, higher_is_better) {
            (Direction::Same, _) => Verdict::Same,
            (Direction::Up, true) | (Direction::Down, false) => Verdict::Better,
            _ => Verdict::Worse,
        };
        Some(Self { direction, verdict })
    }
}

/// One assessment in a partnership's history, with its trends since the one before.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry<'a> {
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Risk band since the one before (`None` for the first, or a band missing).
    pub risk: Option<Trend>,
    /// Value band since the one before.
    pub value: Option<Trend>,
    /// Governance rating since the one before.
    pub governance: Option<Trend>,
}

/// A partnership's assessments, newest first, each with its trends since the one before.
/// Trends compare bands and ratings, which stay comparable across scheme versions.
pub fn history(register: &Register, partnership: PartnershipId) -> Vec<HistoryEntry<'_>> {
    let mut assessments: Vec<&Assessment> = register
        .assessments
        .values()
        .filter(|a| a.partnership == partnership)
        .collect();
    assessments.sort_by_key(|a| (a.date, a.id));
    // Governance ratings run Excellent (best) first: a "higher" rating is a worse one, so the
    // direction is reversed to read Up for better health.
    let health = |a: &Assessment| a.governance.map(std::cmp::Reverse);
    let mut entries: Vec<HistoryEntry<'_>> = assessments
        .iter()
        .enumerate()
        .map(|(index, assessment)| {
            let before = index.checked_sub(1).map(|i| assessments[i]);
            HistoryEntry {
                assessment,
                risk: before.and_then(|b| Trend::of(b.risk_band, assessment.risk_band, false)),
                value: before.and_then(|b| Trend::of(b.value_band, assessment.value_band, true)),
                governance: before.and_then(|b| Trend::of(health(b), health(assessment), true)),
            }
        })
        .collect();
    entries.reverse();
    entries
}
