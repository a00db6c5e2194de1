//! The audit log as a report [`Table`] for internal audit: who changed what, when, on which
//! computer, with what origin, and the record before and after as the log keeps it. Written as
//! CSV or XLSX by the table encoders.

use chrono::NaiveDate;

use super::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::store::{AuditEntry, AuditFilter};

/// The most characters of a record's JSON one cell holds (Excel's cell limit is 32,767).
const RECORD_CELL_LIMIT: usize = 32_000;

fn record_cell(json: Option<&str>) -> Cell {
    match json {
        None => Cell::Empty,
        Some(text) if text.len() <= RECORD_CELL_LIMIT => Cell::text(text),
        Some(text) => {
            let mut end = RECORD_CELL_LIMIT;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Cell::text(format!("{}… (cut short)", &text[..end]))
        }
    }
}

/// What a filter chose, in words, for the table's notes.
pub fn filter_words(filter: &AuditFilter) -> String {
    let mut parts = Vec::new();
    if let Some(user) = &filter.user {
        parts.push(format!("by {user}"));
    }
    if let Some(since) = filter.since {
        parts.push(format!("from {}", since.format("%-d %B %Y")));
    }
    if let Some(until) = filter.until {
        parts.push(format!("to {}", until.format("%-d %B %Y")));
    }
    if let Some(entity) = &filter.entity {
        parts.push(format!("{entity} records"));
    }
    if parts.is_empty() {
        "Every change".to_string()
    } else {
        format!("Changes {}", parts.join(", "))
    }
}

/// `entries` (newest first, as read) as a table.
pub fn audit_table(entries: &[AuditEntry], filter: &AuditFilter, today: NaiveDate) -> Table {
    let mut table = Table::new(
        "Audit log: who changed what",
        "Audit log",
        today,
        vec![
            Column::new("Step", ColumnKind::Number),
            Column::new("When", ColumnKind::Text),
            Column::new("Who", ColumnKind::Text),
            Column::new("Computer", ColumnKind::Text),
            Column::new("Origin", ColumnKind::Label),
            Column::new("What", ColumnKind::Text),
            Column::new("Action", ColumnKind::Label),
            Column::new("Record kind", ColumnKind::Label),
            Column::new("Record key", ColumnKind::Text),
            Column::new("Before", ColumnKind::Text),
            Column::new("After", ColumnKind::Text),
        ],
    );
    table.notes = vec![format!(
        "{}: {}, newest first.",
        filter_words(filter),
        crate::model::words::counted(entries.len(), "row")
    )];
    let rows = entries
        .iter()
        .map(|entry| {
            Row::data(vec![
                Cell::Number(entry.step),
                Cell::text(entry.at.replace('T', " ")),
                Cell::text(entry.user_name.clone()),
                Cell::text(entry.machine.clone()),
                Cell::text(entry.origin.clone()),
                Cell::text(entry.description.clone()),
                Cell::text(entry.action.clone()),
                Cell::text(entry.entity.clone()),
                Cell::text(entry.entity_key.clone()),
                record_cell(entry.before.as_deref()),
                record_cell(entry.after.as_deref()),
            ])
        })
        .collect();
    table.groups = vec![Group {
        heading: String::new(),
        rows,
        subtotal: None,
    }];
    table
}
