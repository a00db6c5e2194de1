//! The `Table`: a report table for a cabinet paper, built once from the register and encoded
//! many ways, as the [`Scene`](super::Scene) is for pictures.
//!
//! A [`Table`] has a title and a "data as at" date (the same caption block as the pictures),
//! note lines under the title, typed [`Column`]s, rows in [`Group`]s with optional subtotals,
//! and an optional TOTAL row ("104 hours, £538,000"). Cells are typed ([`Cell`]): text, money
//! in pounds (from integer pence), hours with one decimal, dates, counts, bands and a
//! recommendation with its sign, so each encoder writes them as what they are:
//!
//! - [`csv`]: UTF-8 with a byte-order mark (Excel then reads £ correctly), CRLF line ends,
//!   headings first; a grouped table gets a first column naming each row's group.
//! - [`xlsx`]: one sheet per table in a workbook: the caption above, headings bold and frozen,
//!   a filter, money and dates as real cells with formats, column widths to fit.
//! - [`docx`]: a Word document with the caption in heading styles and the table with a header
//!   row that repeats on every page, for committee services' report template.
//! - [`print`]: a typeset A4 table over as many pages as it needs (rows never split, header
//!   repeated, "Page 2 of 3"), each page a [`Page`](super::Page) with the pictures' caption
//!   block, encoded as PDF or PNG like any page.
//!
//! [`encode`] is the one place a table becomes the file a name asks for (by its extension).
//! The tables a paper needs are built in [`kinds`] from `crate::scoring` and the model.
//! Text that a spreadsheet could run as a formula is neutralised by the one rule in
//! `crate::model::neutralised`.

pub mod csv;
pub mod docx;
pub mod encode;
pub mod kinds;
pub mod print;
pub mod xlsx;

use chrono::NaiveDate;

pub use kinds::{TableKind, build_table};

use super::Caption;
use crate::model::{Band, Hours, Money, Recommendation};

/// What a column holds: how it is aligned, formatted and totalled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    /// Words, left-aligned and wrapped.
    Text,
    /// Money in pounds, right-aligned.
    Money,
    /// Hours to one decimal, right-aligned.
    Hours,
    /// Whole numbers (counts, scores), right-aligned.
    Number,
    /// Dates.
    Date,
    /// A short label (a band, a rating, a recommendation): left-aligned, not wrapped if it
    /// can be helped.
    Label,
}

impl ColumnKind {
    /// Whether the column is right-aligned (numbers).
    pub fn is_numeric(self) -> bool {
        matches!(self, Self::Money | Self::Hours | Self::Number)
    }
}

/// One column: its heading and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The heading ("Officer hours a month").
    pub heading: String,
    /// What its cells hold.
    pub kind: ColumnKind,
}

impl Column {
    /// A column of `kind` headed `heading`.
    pub fn new(heading: impl Into<String>, kind: ColumnKind) -> Self {
        Self {
            heading: heading.into(),
            kind,
        }
    }
}

/// One cell, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Words.
    Text(String),
    /// An amount of money (pence), shown in pounds.
    Money(Money),
    /// Hours (tenths), shown to one decimal.
    Hours(Hours),
    /// A whole number.
    Number(i64),
    /// A date.
    Date(NaiveDate),
    /// A risk or value band.
    Band(Band),
    /// A recommendation, shown with the matrix's sign ("↑ Increase").
    Recommendation(Recommendation),
}

impl Cell {
    /// Text, or [`Cell::Empty`] for blank text.
    pub fn text(words: impl Into<String>) -> Self {
        let words = words.into();
        if words.trim().is_empty() {
            Self::Empty
        } else {
            Self::Text(words)
        }
    }

    /// A date, or nothing.
    pub fn date(date: Option<NaiveDate>) -> Self {
        date.map_or(Self::Empty, Self::Date)
    }

    /// A label, or nothing.
    pub fn label(label: Option<&str>) -> Self {
        label.map_or(Self::Empty, Self::text)
    }

    /// "Yes", or nothing.
    pub fn yes(flag: bool) -> Self {
        if flag {
            Self::Text("Yes".to_string())
        } else {
            Self::Empty
        }
    }

    /// A count.
    pub fn count(count: usize) -> Self {
        Self::Number(i64::try_from(count).unwrap_or(i64::MAX))
    }

    /// The cell as printed (PDF, PNG, Word): money as "£8,000" (or "£8,000.50" where the
    /// column shows pence), hours "40.0", dates "31 Mar 2026", recommendations with their sign.
    pub fn printed(&self, pence: Pence) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(words) => words.clone(),
            Self::Money(money) => match pence {
                Pence::Shown => money.format_with_pence(),
                Pence::Hidden => money.format_whole_pounds(),
            },
            Self::Hours(hours) => format!("{}.{}", hours.tenths / 10, hours.tenths % 10),
            Self::Number(number) => group_digits(*number),
            Self::Date(date) => date.format("%-d %b %Y").to_string(),
            Self::Band(band) => band.label().to_string(),
            Self::Recommendation(recommendation) => recommendation_with_sign(*recommendation),
        }
    }

    /// The cell as plain data (CSV): money in pounds and pence without a symbol ("8000.00"),
    /// hours "2.5", ISO dates, labels as words. Text is not neutralised here.
    pub fn plain(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(words) => words.clone(),
            Self::Money(money) => plain_pounds(*money),
            Self::Hours(hours) => hours.to_string(),
            Self::Number(number) => number.to_string(),
            Self::Date(date) => date.to_string(),
            Self::Band(band) => band.label().to_string(),
            Self::Recommendation(recommendation) => recommendation.label().to_string(),
        }
    }
}

/// Whether money in a column is printed with its pence ("£8,000.50") or in whole pounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pence {
    /// "£8,000.50": some amount in the column has pence.
    Shown,
    /// "£8,000": every amount is whole pounds.
    Hidden,
}

/// A recommendation with the sign the matrix marks it with: "↑ Increase", "↓ Reduce".
pub fn recommendation_with_sign(recommendation: Recommendation) -> String {
    let (_, _, sign) = super::matrix::recommendation_style(Some(recommendation));
    format!("{sign} {}", recommendation.label())
}

/// A group's heading as the flat formats write it in their group column (CSV, the workbook):
/// a recommendation without its sign ("Maintain", not "= Maintain"), so the column filters by
/// the words the cells use and its text never begins like a formula; any other heading as it
/// is. The printed formats (PDF, PNG, Word) keep the sign.
pub fn flat_group_name(heading: &str) -> &str {
    Recommendation::ALL
        .iter()
        .find(|recommendation| recommendation_with_sign(**recommendation) == heading)
        .map_or(heading, |recommendation| recommendation.label())
}

/// Pounds with pence and no symbol or separators ("12000.50", "-0.05"): numbers a
/// spreadsheet adds up.
pub fn plain_pounds(money: Money) -> String {
    let sign = if money.pence < 0 { "-" } else { "" };
    let abs = money.pence.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn group_digits(number: i64) -> String {
    let digits = number.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if number < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// What a row is: a line of data, a group's subtotal or the table's total (drawn bold).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// A line of data.
    #[default]
    Data,
    /// A group's subtotal.
    Subtotal,
    /// The TOTAL row.
    Total,
}

/// One row: a cell per column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The cells, one per column, in column order.
    pub cells: Vec<Cell>,
    /// Data, subtotal or total.
    pub kind: RowKind,
}

impl Row {
    /// A row of data.
    pub fn data(cells: Vec<Cell>) -> Self {
        Self {
            cells,
            kind: RowKind::Data,
        }
    }

    /// A subtotal row.
    pub fn subtotal(cells: Vec<Cell>) -> Self {
        Self {
            cells,
            kind: RowKind::Subtotal,
        }
    }

    /// The TOTAL row.
    pub fn total(cells: Vec<Cell>) -> Self {
        Self {
            cells,
            kind: RowKind::Total,
        }
    }
}

/// Rows under one heading ("Increase", "Council"), with an optional subtotal. An ungrouped
/// table has one group with no heading.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// The heading printed above the rows; empty for an ungrouped table.
    pub heading: String,
    /// The rows.
    pub rows: Vec<Row>,
    /// The group's subtotal, printed under its rows.
    pub subtotal: Option<Row>,
}

/// A report table: caption, columns, grouped rows, total.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The title ("Recommendations on the council's input to partnerships").
    pub title: String,
    /// A short name for a worksheet tab or a file (31 characters at most in a workbook).
    pub short_name: String,
    /// The date the data is as at ("Data as at 31 March 2026").
    pub data_as_at: NaiveDate,
    /// Lines under the title: what the figures are, how they were worked out.
    pub notes: Vec<String>,
    /// Where the data comes from, printed at the foot of each page.
    pub source: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The heading of the column naming each row's group where the table is written flat
    /// (CSV, the workbook), e.g. "Recommendation"; `None` for an ungrouped table.
    pub group_column: Option<String>,
    /// The rows, in groups.
    pub groups: Vec<Group>,
    /// The TOTAL row, if the table has one.
    pub total: Option<Row>,
}

impl Table {
    /// An empty table.
    pub fn new(
        title: impl Into<String>,
        short_name: impl Into<String>,
        data_as_at: NaiveDate,
        columns: Vec<Column>,
    ) -> Self {
        Self {
            title: title.into(),
            short_name: short_name.into(),
            data_as_at,
            notes: Vec::new(),
            source: String::new(),
            columns,
            group_column: None,
            groups: Vec::new(),
            total: None,
        }
    }

    /// The caption block the pages print: title, "Data as at", source.
    pub fn caption(&self) -> Caption {
        Caption {
            title: self.title.clone(),
            data_as_at: self.data_as_at,
            source: self.source.clone(),
        }
    }

    /// Every row in order with its group's heading: data rows, then each subtotal after its
    /// group's rows, then the total (heading empty).
    pub fn rows_in_order(&self) -> Vec<(&str, &Row)> {
        let mut rows = Vec::new();
        for group in &self.groups {
            for row in &group.rows {
                rows.push((group.heading.as_str(), row));
            }
            if let Some(subtotal) = &group.subtotal {
                rows.push((group.heading.as_str(), subtotal));
            }
        }
        if let Some(total) = &self.total {
            rows.push(("", total));
        }
        rows
    }

    /// How many rows of data (subtotals and the total not counted).
    pub fn data_rows(&self) -> usize {
        self.groups.iter().map(|group| group.rows.len()).sum()
    }

    /// Whether column `index` shows pence: when any amount in it has pence, every amount does.
    pub fn column_pence(&self, index: usize) -> Pence {
        let any = self.rows_in_order().iter().any(|(_, row)| {
            matches!(row.cells.get(index), Some(Cell::Money(money)) if money.pence % 100 != 0)
        });
        if any { Pence::Shown } else { Pence::Hidden }
    }

    /// [`Table::column_pence`] of every column, in order.
    pub fn columns_pence(&self) -> Vec<Pence> {
        (0..self.columns.len())
            .map(|index| self.column_pence(index))
            .collect()
    }

    /// "23 rows" or "1 row": the data rows, for messages.
    pub fn describe_rows(&self) -> String {
        crate::model::words::counted(self.data_rows(), "row")
    }
}

/// A cell that had to be changed to fit a format, for the list an export reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortened {
    /// The table.
    pub table: String,
    /// The column's heading.
    pub column: String,
    /// The row, counted from 1 among the table's rows as written.
    pub row: usize,
    /// What was done, in plain words.
    pub what: String,
}

impl std::fmt::Display for Shortened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, row {}, {}: {}",
            self.table, self.row, self.column, self.what
        )
    }
}

#[cfg(test)]
mod tests;
