//! Where each partnership stands now: the current (newest) assessment's risk band, value band
//! and recommendation. The diagram's style rules read this ("border by risk band", "badge for
//! the recommendation") without knowing how assessments are stored or which one is current.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{Assessment, AssessmentId, Band, PartnershipId, Recommendation, Register};

/// A partnership's current bands and recommendation (all `None` when never assessed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The current assessment, if any.
    pub assessment: Option<AssessmentId>,
    /// Its risk band.
    pub risk_band: Option<Band>,
    /// Its value band.
    pub value_band: Option<Band>,
    /// Its recommendation, as chosen (an officer's override included).
    pub recommendation: Option<Recommendation>,
}

impl Standing {
    fn of(assessment: &Assessment) -> Self {
        Self {
            assessment: Some(assessment.id),
            risk_band: assessment.risk_band,
            value_band: assessment.value_band,
            recommendation: assessment.recommendation,
        }
    }
}

/// The standing of every partnership in the register as at `as_at`, by identifier: its current
/// assessment's (the register's one rule, as the overview picks it: see
/// [`Register::current_assessments_as_at`]); `Standing::default()` when not assessed by then.
pub fn current_standings(
    register: &Register,
    as_at: NaiveDate,
) -> BTreeMap<PartnershipId, Standing> {
    let current = register.current_assessments_as_at(as_at);
    register
        .partnerships
        .keys()
        .map(|id| {
            (
                *id,
                current
                    .get(id)
                    .map_or_else(Standing::default, |a| Standing::of(a)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::overview;

    #[test]
    fn standings_agree_with_the_overview() {
        let register = crate::sample::sample_register();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        let standings = current_standings(&register, today);
        let rows = overview(&register, today, 2025).rows;
        assert_eq!(standings.len(), rows.len());
        let mut assessed = 0;
        for row in rows {
            let standing = standings[&row.partnership];
            assert_eq!(standing.assessment, row.current);
            assert_eq!(standing.risk_band, row.risk_band);
            assert_eq!(standing.value_band, row.value_band);
            assert_eq!(standing.recommendation, row.recommendation);
            assessed += usize::from(standing.assessment.is_some());
        }
        assert!(assessed > 40, "the sample has assessments");
    }
}
