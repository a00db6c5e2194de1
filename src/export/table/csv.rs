//! A [`Table`] as CSV: UTF-8 with a byte-order mark (so Excel reads "£" and accented names
//! correctly), CRLF line ends as RFC 4180 and Excel expect, the headings on the first line.
//!
//! A grouped table gets a first column naming each row's group (headed by the table's
//! `group_column`; a recommendation written without its sign, [`flat_group_name`]), so the
//! file sorts and filters without losing which group a row was in;
//! subtotal and TOTAL rows follow as in the printed table. Money is pounds and pence with no
//! symbol ("8000.00"), hours "2.5", dates ISO, so a spreadsheet adds them up. Text cells are
//! neutralised by the one rule (`crate::model::neutralised`) and quoted when they hold a
//! comma, quote or line break.

use super::{Cell, Table, flat_group_name};
use crate::model::neutralised;

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// A field as CSV: neutralised if it is text that looks like a formula, quoted if needed.
pub fn csv_field(text: &str) -> String {
    quoted(&neutralised(text))
}

/// A field quoted when it holds a comma, quote or line break (quotes doubled).
fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One cell as a CSV field: text neutralised, numbers and dates as they are.
pub fn cell_field(cell: &Cell) -> String {
    match cell {
        Cell::Text(words) => csv_field(words),
        other => quoted(&other.plain()),
    }
}

/// Lines of fields as CSV text, without the byte-order mark.
pub fn lines_csv(lines: &[Vec<String>]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The table's lines as CSV fields: headings, then every row in order.
pub fn table_lines(table: &Table) -> Vec<Vec<String>> {
    let mut lines = Vec::with_capacity(table.data_rows() + 2);
    let mut headings: Vec<String> = Vec::new();
    if let Some(group) = &table.group_column {
        headings.push(csv_field(group));
    }
    headings.extend(table.columns.iter().map(|c| csv_field(&c.heading)));
    lines.push(headings);
    for (group, row) in table.rows_in_order() {
        let mut fields = Vec::with_capacity(table.columns.len() + 1);
        if table.group_column.is_some() {
            fields.push(csv_field(flat_group_name(group)));
        }
        for index in 0..table.columns.len() {
            fields.push(row.cells.get(index).map_or_else(String::new, cell_field));
        }
        lines.push(fields);
    }
    lines
}

/// The table as CSV text, byte-order mark first.
pub fn table_csv(table: &Table) -> String {
    let mut out = String::from(BOM);
    out.push_str(&lines_csv(&table_lines(table)));
    out
}
