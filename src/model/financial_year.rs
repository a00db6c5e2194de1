//! `FinancialYear`: an English council's year, 1 April to 31 March, named by the calendar year
//! it starts in and written "2025/26". Contributions are recorded by it, reviews are costed for
//! it; every label, first and last day in the program comes from here.

use chrono::{Datelike, NaiveDate};

/// A financial year (1 April to 31 March), named by the year it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    /// The calendar year of its 1 April (2025 for 2025/26).
    pub starts_in: i32,
}

impl FinancialYear {
    /// The year starting on 1 April of `year`.
    pub const fn starting(year: i32) -> Self {
        Self { starts_in: year }
    }

    /// The year `date` falls in: 2026-03-31 is in 2025/26, 2026-04-01 in 2026/27.
    pub fn of(date: NaiveDate) -> Self {
        let starts_in = if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        };
        Self { starts_in }
    }

    /// Its first day, 1 April.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.starts_in, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day, 31 March of the next calendar year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.starts_in + 1, 3, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Whether `date` is inside it.
    pub fn contains(self, date: NaiveDate) -> bool {
        Self::of(date) == self
    }

    /// As councils write it: "2025/26"; 1999 is "1999/00".
    pub fn label(self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{:02}",
            self.starts_in,
            (self.starts_in + 1).rem_euclid(100)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        crate::model::parse_date(text).expect("date")
    }

    #[test]
    fn a_financial_year_runs_april_to_march() {
        let year = FinancialYear::starting(2025);
        assert_eq!(year.label(), "2025/26");
        assert_eq!(FinancialYear::starting(1999).label(), "1999/00");
        assert_eq!(year.first_day(), date("2025-04-01"));
        assert_eq!(year.last_day(), date("2026-03-31"));
        assert_eq!(FinancialYear::of(date("2026-03-31")), year);
        assert_eq!(
            FinancialYear::of(date("2026-04-01")),
            FinancialYear::starting(2026)
        );
        assert!(year.contains(date("2025-04-01")));
        assert!(!year.contains(date("2025-03-31")));
    }
}
