//! The annual-review overview as CSV, for pasting into a scrutiny report or a spreadsheet: one
//! line per partnership with its current bands, recommendation, costs and review date.
//!
//! Cells are quoted when they hold a comma, quote or line break. A cell that a spreadsheet
//! would read as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
//! leading apostrophe, so a partnership named "=HYPERLINK(...)" stays text (formula injection).
//! Money is in pounds with pence and no symbol, so spreadsheets add it up.

use crate::model::Money;
use crate::scoring::{Overview, OverviewRow};

/// The column headings, in order.
pub const OVERVIEW_HEADINGS: [&str; 19] = [
    "Partnership",
    "Status",
    "Last assessed",
    "Risk band",
    "Risk score",
    "Value band",
    "Value %",
    "Governance",
    "Significance",
    "Value for money",
    "Recommendation",
    "Override reason",
    "Officer hours a month",
    "Officer time (£ a year)",
    "Contributions (£ a year)",
    "Annual cost (£)",
    "Review due",
    "Never assessed",
    "Review overdue",
];

/// A cell as text a spreadsheet reads as text: formula starts neutralised (the one rule,
/// [`crate::model::neutralised`]), quoted if needed. The same as the tables' CSV.
pub fn csv_cell(text: &str) -> String {
    super::table::csv::csv_field(text)
}

/// Pounds with pence and no symbol or separators ("12000.00"); negative amounts keep their
/// minus sign and are numbers, not neutralised text.
fn pounds(money: Money) -> String {
    super::table::plain_pounds(money)
}

fn yes(flag: bool) -> String {
    if flag { "Yes" } else { "" }.to_string()
}

fn row_cells(row: &OverviewRow) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    let label = |l: Option<&'static str>| l.unwrap_or("").to_string();
    vec![
        csv_cell(&row.name),
        csv_cell(row.status.label()),
        date(row.assessed_on),
        label(row.risk_band.map(|b| b.label())),
        row.risk_score.map_or_else(String::new, |s| s.to_string()),
        label(row.value_band.map(|b| b.label())),
        row.value_percent
            .map_or_else(String::new, |p| p.to_string()),
        label(row.governance.map(|g| g.label())),
        csv_cell(row.significance.label()),
        label(row.value_for_money.map(|v| v.label())),
        label(row.recommendation.map(|r| r.label())),
        csv_cell(&row.override_reason),
        row.cost.hours_per_month.to_string(),
        pounds(row.cost.officer_time),
        pounds(row.cost.contributions),
        pounds(row.cost.total),
        date(row.review_due),
        yes(row.never_assessed),
        yes(row.review_overdue),
    ]
}

/// The overview's rows by name (case ignored), then by identifier: the order of every table
/// export.
pub fn rows_by_name(overview: &Overview) -> Vec<&OverviewRow> {
    let mut rows: Vec<&OverviewRow> = overview.rows.iter().collect();
    rows.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.partnership.cmp(&b.partnership))
    });
    rows
}

/// Whether a spreadsheet would take `text` as a formula: the one rule,
/// [`crate::model::looks_like_formula`].
pub use crate::model::looks_like_formula;

/// The overview as CSV (headings first, partnerships by name, CRLF line ends as RFC 4180 and
/// Excel expect).
pub fn overview_csv(overview: &Overview) -> String {
    let rows = rows_by_name(overview);
    let mut out = String::new();
    out.push_str(&OVERVIEW_HEADINGS.map(csv_cell).join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row_cells(row).join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_quotes_doubled() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+44 1858"), "'+44 1858");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tTab"), "'\tTab");
        assert_eq!(csv_cell("\rCR"), "\"'\rCR\"");
        assert_eq!(csv_cell("Safer, Stronger"), "\"Safer, Stronger\"");
        assert_eq!(csv_cell("Plain"), "Plain");
        assert_eq!(pounds(Money { pence: 1_200_050 }), "12000.50");
        assert_eq!(pounds(Money { pence: -5 }), "-0.05");
    }
}
