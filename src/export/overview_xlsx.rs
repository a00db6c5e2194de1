//! The annual-review overview as an Excel workbook (rust_xlsxwriter), for a scrutiny report:
//! the sheet "Overview" has one row per partnership with the same columns as the CSV
//! ([`OVERVIEW_HEADINGS`]), headings bold and frozen, a filter on every column, numbers and
//! money as numbers (money formatted in pounds) and dates as dates, so the spreadsheet sorts
//! and adds them up; the sheet "Totals" says what the overview is as at and gives the totals
//! by recommendation.
//!
//! Cells are written as text, numbers or dates, never as formulas. Text that a spreadsheet
//! would take for a formula when retyped (starting `=`, `+`, `-`, `@`) gets Excel's quote
//! prefix, the workbook's own form of the CSV's leading apostrophe (formula injection).

use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::overview_csv::{OVERVIEW_HEADINGS, rows_by_name};
use super::table::xlsx::{excel_date, fit_cell_text};
use crate::model::FinancialYear;
use crate::model::Money;
use crate::model::looks_like_formula;
use crate::scoring::{Overview, OverviewRow};

/// Why the workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the spreadsheet could not be made: {0}")]
pub struct XlsxExportError(#[from] XlsxError);

/// Widths of the overview's columns, in characters, in the order of [`OVERVIEW_HEADINGS`].
const COLUMN_WIDTHS: [f64; 19] = [
    48.0, 10.0, 12.0, 10.0, 8.0, 10.0, 8.0, 28.0, 16.0, 12.0, 20.0, 40.0, 10.0, 14.0, 14.0, 14.0,
    12.0, 10.0, 10.0,
];

/// One cell of a row, typed.
enum Cell {
    Text(String),
    Number(f64),
    Money(Money),
    Date(NaiveDate),
    Empty,
}

fn text(words: impl Into<String>) -> Cell {
    Cell::Text(words.into())
}

fn optional(words: Option<&str>) -> Cell {
    words.map_or(Cell::Empty, text)
}

fn yes(flag: bool) -> Cell {
    if flag { text("Yes") } else { Cell::Empty }
}

fn row_cells(row: &OverviewRow) -> [Cell; 19] {
    let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
    let number = |n: Option<u32>| n.map_or(Cell::Empty, |n| Cell::Number(f64::from(n)));
    [
        text(row.name.as_str()),
        text(row.status.label()),
        date(row.assessed_on),
        optional(row.risk_band.map(|b| b.label())),
        number(row.risk_score),
        optional(row.value_band.map(|b| b.label())),
        number(row.value_percent),
        optional(row.governance.map(|g| g.label())),
        text(row.significance.label()),
        optional(row.value_for_money.map(|v| v.label())),
        optional(row.recommendation.map(|r| r.label())),
        optional(row.overridden().then_some(row.override_reason.as_str())),
        Cell::Number(f64::from(row.cost.hours_per_month.tenths) / 10.0),
        Cell::Money(row.cost.officer_time),
        Cell::Money(row.cost.contributions),
        Cell::Money(row.cost.total),
        date(row.review_due),
        yes(row.never_assessed),
        yes(row.review_overdue),
    ]
}

/// The formats of one workbook.
struct Formats {
    heading: Format,
    plain: Format,
    formula_like: Format,
    money: Format,
    hours: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            heading: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            plain: Format::new(),
            formula_like: Format::new().set_quote_prefix(),
            money: Format::new().set_num_format("£#,##0.00"),
            hours: Format::new().set_num_format("0.0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

fn pounds(money: Money) -> f64 {
    // Pence are whole; an f64 holds every whole number of pence a council could have exactly.
    money.pence as f64 / 100.0
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: ColNum,
    cell: &Cell,
    formats: &Formats,
    hours_column: bool,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(words) => {
            // Cut to what a cell holds (with a visible marker) rather than fail.
            let fitted = fit_cell_text(words);
            let words = fitted.as_deref().unwrap_or(words);
            let format = if looks_like_formula(words) {
                &formats.formula_like
            } else {
                &formats.plain
            };
            sheet.write_string_with_format(row, column, words, format)?;
        }
        Cell::Number(n) if hours_column => {
            sheet.write_number_with_format(row, column, *n, &formats.hours)?;
        }
        Cell::Number(n) => {
            sheet.write_number(row, column, *n)?;
        }
        Cell::Money(money) => {
            sheet.write_number_with_format(row, column, pounds(*money), &formats.money)?;
        }
        // A date outside the spreadsheet's calendar is written as text, not a failure.
        Cell::Date(date) => match excel_date(*date) {
            Some(excel) => {
                sheet.write_datetime_with_format(row, column, excel, &formats.date)?;
            }
            None => {
                sheet.write_string_with_format(row, column, date.to_string(), &formats.plain)?;
            }
        },
        Cell::Empty => {}
    }
    Ok(())
}

/// The column of "Officer hours a month".
const HOURS_COLUMN: usize = 12;

fn overview_sheet(sheet: &mut Worksheet, overview: &Overview) -> Result<(), XlsxError> {
    let formats = Formats::new();
    sheet.set_name("Overview")?;
    for (column, heading) in OVERVIEW_HEADINGS.iter().enumerate() {
        let column = ColNum::try_from(column).unwrap_or(ColNum::MAX);
        sheet.write_string_with_format(0, column, *heading, &formats.heading)?;
    }
    for (column, width) in COLUMN_WIDTHS.iter().enumerate() {
        sheet.set_column_width(ColNum::try_from(column).unwrap_or(ColNum::MAX), *width)?;
    }
    let rows = rows_by_name(overview);
    for (index, row) in rows.iter().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, cell) in row_cells(row).iter().enumerate() {
            let column_number = ColNum::try_from(column).unwrap_or(ColNum::MAX);
            write_cell(
                sheet,
                line,
                column_number,
                cell,
                &formats,
                column == HOURS_COLUMN,
            )?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let last_column = ColNum::try_from(OVERVIEW_HEADINGS.len() - 1).unwrap_or(ColNum::MAX);
    sheet.autofilter(0, 0, last_row.max(1), last_column)?;
    Ok(())
}

/// The first line of the Totals sheet: what the overview is as at.
pub fn overview_title(overview: &Overview) -> String {
    format!(
        "Annual review of partnerships as at {}; costs for {} (officer time at the register's \
         hourly rate plus contributions)",
        overview.today.format("%-d %B %Y"),
        FinancialYear::starting(overview.year)
    )
}

fn totals_sheet(sheet: &mut Worksheet, overview: &Overview) -> Result<(), XlsxError> {
    let formats = Formats::new();
    sheet.set_name("Totals")?;
    // Bold without wrapping: the title runs across the columns of the table under it.
    sheet.write_string_with_format(0, 0, overview_title(overview), &Format::new().set_bold())?;
    sheet.write_string(
        1,
        0,
        format!(
            "{}; {} never assessed; {} overdue for review",
            crate::model::words::counted(overview.rows.len(), "partnership"),
            overview.never_assessed,
            overview.overdue
        ),
    )?;
    let headings = [
        "Recommendation",
        "Partnerships",
        "Officer hours a month",
        "Contributions (£ a year)",
        "Annual cost (£)",
    ];
    for (column, heading) in headings.iter().enumerate() {
        let column = ColNum::try_from(column).unwrap_or(ColNum::MAX);
        sheet.write_string_with_format(3, column, *heading, &formats.heading)?;
    }
    for (column, width) in [24.0, 12.0, 12.0, 16.0, 16.0].iter().enumerate() {
        sheet.set_column_width(ColNum::try_from(column).unwrap_or(ColNum::MAX), *width)?;
    }
    for (index, total) in overview.totals.iter().enumerate() {
        let line = u32::try_from(index + 4).unwrap_or(u32::MAX);
        sheet.write_string(line, 0, total.label())?;
        sheet.write_number(
            line,
            1,
            f64::from(u32::try_from(total.partnerships).unwrap_or(0)),
        )?;
        sheet.write_number_with_format(
            line,
            2,
            f64::from(total.hours_per_month.tenths) / 10.0,
            &formats.hours,
        )?;
        sheet.write_number_with_format(line, 3, pounds(total.contributions), &formats.money)?;
        sheet.write_number_with_format(line, 4, pounds(total.annual_cost), &formats.money)?;
    }
    Ok(())
}

/// The overview as an XLSX workbook: the sheets "Overview" and "Totals".
pub fn overview_xlsx(overview: &Overview) -> Result<Vec<u8>, XlsxExportError> {
    let mut workbook = Workbook::new();
    overview_sheet(workbook.add_worksheet(), overview)?;
    totals_sheet(workbook.add_worksheet(), overview)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;
    use crate::model::{Partnership, PartnershipId, Register};

    /// The text of one part of the workbook (it is a zip of XML parts).
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut file = archive.by_name(name).expect("the part");
        let mut text = String::new();
        file.read_to_string(&mut text).expect("utf-8");
        text
    }

    #[test]
    fn the_workbook_holds_every_partnership_and_the_totals() {
        let register = crate::sample::sample_register();
        let today = NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        let overview = crate::scoring::overview(&register, today, 2025);
        let bytes = overview_xlsx(&overview).expect("workbook");
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(workbook.contains("name=\"Overview\""), "{workbook}");
        assert!(workbook.contains("name=\"Totals\""), "{workbook}");
        let strings = part(&bytes, "xl/sharedStrings.xml");
        for row in &overview.rows {
            let escaped = row.name.replace('&', "&amp;").replace('\'', "&apos;");
            assert!(
                strings.contains(&escaped) || strings.contains(&row.name),
                "{} is in the workbook",
                row.name
            );
        }
        for heading in ["Annual cost (£)", "Review overdue", "Recommendation"] {
            assert!(strings.contains(heading), "{heading}");
        }
        assert!(strings.contains("as at 31 March 2026; costs for 2025/26"));
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains("<autoFilter ref=\"A1:S"),
            "a filter on the table"
        );
        assert!(sheet.contains("<pane "), "headings frozen");
        // One row per partnership and the headings.
        assert_eq!(sheet.matches("<row ").count(), overview.rows.len() + 1);
    }

    #[test]
    fn formula_like_names_keep_their_text_with_a_quote_prefix() {
        let mut register = Register::new("Test");
        register.partnerships.insert(
            PartnershipId(1),
            Partnership {
                id: PartnershipId(1),
                name: "=HYPERLINK(\"http://x\")".into(),
                ..Partnership::default()
            },
        );
        let today = NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        let overview = crate::scoring::overview(&register, today, 2025);
        let bytes = overview_xlsx(&overview).expect("workbook");
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "no formulas");
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(
            strings.contains("<t>=HYPERLINK(\"http://x\")</t>"),
            "{strings}"
        );
    }
}
