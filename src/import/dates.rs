//! Dates as spreadsheets write them, read into the register's one form (2026-12-01): day first
//! ("01/12/2026" is 1 December, as in England), ISO, "1 Dec 2026", "1 December 2026",
//! "01-12-2026", "1.12.2026", two-digit years, and Excel's serial day numbers (46357).

use chrono::{Duration, NaiveDate};

/// Forms tried in order; day before month throughout.
const FORMS: [&str; 12] = [
    "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y",
    "%d %b %y", "%d/%m/%y", "%d-%b-%y", "%Y/%m/%d",
];

/// Serial day numbers read as dates: 1 January 1955 to 31 December 2117.
const SERIALS: std::ops::RangeInclusive<i64> = 20_090..=79_988;

/// The date a cell means, when it is one of the forms above; `None` otherwise (the table's own
/// reading then says why not). A time after the date ("2026-12-01 00:00") is ignored.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let trimmed = text.trim();
    let date_part = trimmed
        .split_once([' ', 'T'])
        .filter(|(date, rest)| date.contains(['-', '/']) && rest.contains(':'))
        .map_or(trimmed, |(date, _)| date);
    let date_part = date_part.replace(',', "");
    for form in FORMS {
        if let Ok(date) = NaiveDate::parse_from_str(&date_part, form) {
            return Some(date);
        }
    }
    let serial: i64 = trimmed.parse().ok().filter(|n| SERIALS.contains(n))?;
    // Excel's day 1 is 1 January 1900 and it counts a 29 February 1900 that never was, so
    // serials from March 1900 on count from 30 December 1899.
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial))
}

/// A date cell in the register's form when it is a date, else as it was.
pub fn normalise_date_cell(text: &str) -> String {
    read_date(text).map_or_else(
        || text.to_string(),
        |date| date.format("%Y-%m-%d").to_string(),
    )
}
