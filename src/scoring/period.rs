//! The "as at" of the annual review: which assessments count as current on a date, and which
//! financial year's contributions the costs use.
//!
//! A council reports its annual review for a financial year (1 April to 31 March) and "as at"
//! a date, often the year's end or the committee's meeting. An assessment counts as current on
//! a date when it is the newest made on or before it (an undated assessment counts on every
//! date, before any dated one); an assessment dated later is not yet made. Representatives
//! count when in post on the date; contributions are those recorded for the year.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::model::{FinancialYear, Register};

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
            year: FinancialYear::of(date).starts_in,
        }
    }

    /// For financial `year`, as at its last day (31 March), or as at `today` if the year has
    /// not ended yet (a review cannot see assessments not yet made).
    pub fn for_year(year: i32, today: NaiveDate) -> Self {
        let end = FinancialYear::starting(year).last_day();
        Self {
            as_at: end.min(today),
            year,
        }
    }

    /// The same basis as at `date`, keeping the year when `date` is inside it and moving to
    /// `date`'s year otherwise (so the date and the year never disagree unless asked for).
    pub fn with_as_at(self, date: NaiveDate) -> Self {
        Self {
            as_at: date,
            year: FinancialYear::of(date).starts_in,
        }
    }

    /// Words for headings: "as at 31 March 2026, costs for 2025/26".
    pub fn describe(&self) -> String {
        format!(
            "as at {}, costs for {}",
            self.as_at.format("%-d %B %Y"),
            FinancialYear::starting(self.year)
        )
    }
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
            .map(|date| FinancialYear::of(date).starts_in),
    );
    years.insert(FinancialYear::of(today).starts_in);
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Assessment, AssessmentId, Contribution, ContributionId, Money, PartnershipId, parse_date,
    };

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
