//! The "as at" of the annual review: which assessments count as current on a date, and which
//! financial year's contributions the costs use.
//!
//! A council reports its annual review for a financial year (1 April to 31 March) and "as at"
//! a date, often the year's end or the committee's meeting. An assessment counts as current on
//! a date when it is the newest made on or before it (an undated assessment counts on every
//! date, before any dated one); an assessment dated later is not yet made. Representatives
//! count when in post on the date; contributions are those recorded for the year.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::resources::financial_year_of;
use crate::model::{Assessment, PartnershipId, Register};

/// The date an overview is as at and the financial year its costs are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewBasis {
    /// Assessments made on or before this date count; reviews due before it are overdue;
    /// representatives in post on it count.
    pub as_at: NaiveDate,
    /// The financial year (named by the year it starts in) whose contributions are costed.
    pub year: i32,
}

impl ReviewBasis {
    /// As at `date`, costed for the financial year that date is in.
    pub fn on(date: NaiveDate) -> Self {
        Self {
            as_at: date,
            year: financial_year_of(date),
        }
    }

    /// For financial `year`, as at its last day (31 March), or as at `today` if the year has
    /// not ended yet (a review cannot see assessments not yet made).
    pub fn for_year(year: i32, today: NaiveDate) -> Self {
        let end = financial_year_end(year);
        Self {
            as_at: end.min(today),
            year,
        }
    }

    /// The same basis as at `date`, keeping the year when `date` is inside it and moving to
    /// `date`'s year otherwise (so the date and the year never disagree unless asked for).
    pub fn with_as_at(self, date: NaiveDate) -> Self {
        let year = if financial_year_of(date) == self.year {
            self.year
        } else {
            financial_year_of(date)
        };
        Self { as_at: date, year }
    }

    /// Words for headings: "as at 31 March 2026, costs for 2025/26".
    pub fn describe(&self) -> String {
        format!(
            "as at {}, costs for {}",
            self.as_at.format("%-d %B %Y"),
            financial_year_label(self.year)
        )
    }
}

/// A financial year as councils write it: 2025 is "2025/26", 1999 is "1999/00".
pub fn financial_year_label(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

/// The first day of financial `year` (1 April).
pub fn financial_year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of financial `year` (31 March of the next calendar year).
pub fn financial_year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year + 1, 3, 31).unwrap_or(NaiveDate::MAX)
}

/// Whether `assessment` had been made by `as_at` (undated ones always count).
pub fn made_by(assessment: &Assessment, as_at: NaiveDate) -> bool {
    assessment.date.is_none_or(|date| date <= as_at)
}

/// Each partnership's current assessment as at `as_at`: the newest made on or before it (by
/// date, then by identifier). Partnerships with none are left out.
pub fn current_assessments_as_at(
    register: &Register,
    as_at: NaiveDate,
) -> BTreeMap<PartnershipId, &Assessment> {
    let mut current: BTreeMap<PartnershipId, &Assessment> = BTreeMap::new();
    for assessment in register.assessments.values() {
        if !made_by(assessment, as_at) {
            continue;
        }
        let newer = current
            .get(&assessment.partnership)
            .is_none_or(|seen| (assessment.date, assessment.id) > (seen.date, seen.id));
        if newer {
            current.insert(assessment.partnership, assessment);
        }
    }
    current
}

/// The financial years a picker should offer: every year with a contribution or an assessment
/// in the register, and the year of `today`, oldest first.
pub fn years_on_record(register: &Register, today: NaiveDate) -> Vec<i32> {
    let mut years: BTreeSet<i32> = register.contributions.values().map(|c| c.year).collect();
    years.extend(
        register
            .assessments
            .values()
            .filter_map(|a| a.date)
            .map(financial_year_of),
    );
    years.insert(financial_year_of(today));
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssessmentId, Contribution, ContributionId, Money, parse_date};

    fn date(text: &str) -> NaiveDate {
        parse_date(text).expect("date")
    }

    fn assessment(id: i64, partnership: i64, day: Option<&str>) -> Assessment {
        Assessment {
            id: AssessmentId(id),
            partnership: PartnershipId(partnership),
            date: day.map(date),
            ..Assessment::default()
        }
    }

    #[test]
    fn financial_years_run_april_to_march() {
        assert_eq!(financial_year_label(2025), "2025/26");
        assert_eq!(financial_year_label(1999), "1999/00");
        assert_eq!(financial_year_start(2025), date("2025-04-01"));
        assert_eq!(financial_year_end(2025), date("2026-03-31"));
        assert_eq!(financial_year_of(financial_year_start(2025)), 2025);
        assert_eq!(financial_year_of(financial_year_end(2025)), 2025);
    }

    #[test]
    fn a_past_year_is_as_at_its_end_and_the_current_year_as_at_today() {
        let today = date("2026-11-25");
        assert_eq!(
            ReviewBasis::for_year(2025, today),
            ReviewBasis {
                as_at: date("2026-03-31"),
                year: 2025
            }
        );
        assert_eq!(
            ReviewBasis::for_year(2026, today),
            ReviewBasis {
                as_at: today,
                year: 2026
            }
        );
        assert_eq!(ReviewBasis::on(date("2026-03-31")).year, 2025);
        assert_eq!(ReviewBasis::on(date("2026-04-01")).year, 2026);
        assert_eq!(
            ReviewBasis::for_year(2025, today).describe(),
            "as at 31 March 2026, costs for 2025/26"
        );
    }

    #[test]
    fn moving_the_date_keeps_the_year_only_while_the_date_is_inside_it() {
        let basis = ReviewBasis::for_year(2024, date("2026-11-25"));
        assert_eq!(basis.with_as_at(date("2024-12-01")).year, 2024);
        assert_eq!(basis.with_as_at(date("2025-04-01")).year, 2025);
        assert_eq!(basis.with_as_at(date("2025-03-31")).year, 2024);
    }

    #[test]
    fn the_current_assessment_is_the_newest_made_by_the_date() {
        let mut register = Register::new("Test");
        for record in [
            assessment(1, 1, Some("2024-06-01")),
            assessment(2, 1, Some("2025-06-01")),
            assessment(3, 1, Some("2025-06-01")),
            assessment(4, 2, None),
            assessment(5, 2, Some("2025-09-01")),
        ] {
            register.assessments.insert(record.id, record);
        }
        let ids = |as_at: &str| -> Vec<(i64, i64)> {
            current_assessments_as_at(&register, date(as_at))
                .iter()
                .map(|(p, a)| (p.0, a.id.0))
                .collect()
        };
        // Before anything dated: only the undated assessment counts.
        assert_eq!(ids("2024-05-31"), [(2, 4)]);
        // On the day an assessment is dated, it counts.
        assert_eq!(ids("2024-06-01"), [(1, 1), (2, 4)]);
        // Two the same day: the later identifier.
        assert_eq!(ids("2025-06-01"), [(1, 3), (2, 4)]);
        assert_eq!(ids("2025-08-31"), [(1, 3), (2, 4)]);
        assert_eq!(ids("2025-09-01"), [(1, 3), (2, 5)]);
    }

    #[test]
    fn the_years_offered_are_those_on_record_and_this_one() {
        let mut register = Register::new("Test");
        register
            .assessments
            .insert(AssessmentId(1), assessment(1, 1, Some("2023-02-01")));
        register.contributions.insert(
            ContributionId(1),
            Contribution {
                id: ContributionId(1),
                partnership: PartnershipId(1),
                year: 2024,
                amount: Money::from_pounds(10),
                ..Contribution::default()
            },
        );
        assert_eq!(
            years_on_record(&register, date("2026-11-25")),
            [2022, 2024, 2026]
        );
    }

    #[test]
    fn an_overview_in_the_past_leaves_out_later_assessments_and_costs_its_own_year() {
        use crate::model::{Band, Partnership, Recommendation};
        let mut register = Register::new("Test");
        register.partnerships.insert(
            PartnershipId(1),
            Partnership {
                id: PartnershipId(1),
                name: "Community Safety Partnership".into(),
                ..Partnership::default()
            },
        );
        let mut older = assessment(1, 1, Some("2024-06-01"));
        older.risk_band = Some(Band::Low);
        older.recommendation = Some(Recommendation::Maintain);
        let mut newer = assessment(2, 1, Some("2025-06-01"));
        newer.risk_band = Some(Band::High);
        newer.recommendation = Some(Recommendation::Reduce);
        for record in [older, newer] {
            register.assessments.insert(record.id, record);
        }
        for (id, year, pounds) in [(1, 2024, 1_000), (2, 2025, 5_000)] {
            register.contributions.insert(
                ContributionId(id),
                Contribution {
                    id: ContributionId(id),
                    partnership: PartnershipId(1),
                    year,
                    amount: Money::from_pounds(pounds),
                    ..Contribution::default()
                },
            );
        }
        let today = date("2026-11-25");
        let then = crate::scoring::overview_for(&register, &ReviewBasis::for_year(2024, today));
        assert_eq!(then.rows[0].risk_band, Some(Band::Low));
        assert_eq!(then.rows[0].cost.contributions, Money::from_pounds(1_000));
        assert_eq!(
            then.totals[0].recommendation,
            Some(Recommendation::Maintain)
        );
        let now = crate::scoring::overview_for(&register, &ReviewBasis::for_year(2025, today));
        assert_eq!(now.rows[0].risk_band, Some(Band::High));
        assert_eq!(now.rows[0].cost.contributions, Money::from_pounds(5_000));
        // Before the first assessment, it was never assessed.
        let before = crate::scoring::overview_for(&register, &ReviewBasis::on(date("2024-05-01")));
        assert!(before.rows[0].never_assessed);
    }
}
