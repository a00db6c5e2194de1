//! A round's progress as a report `Table` (partnership, lead officer, e-mail, sent, reminded,
//! returned), and the reminder CSV for a mail merge: the outstanding partnerships with their
//! lead officer and e-mail, written by the one CSV writer (`export::table::csv`).

use chrono::NaiveDate;

use super::super::table::{Cell, Column, ColumnKind, Group, Row, Table, csv};
use crate::review::rounds::Progress;

/// The progress of a round as a table; only the outstanding partnerships when
/// `outstanding_only` (the reminder list).
pub fn progress_table(progress: &Progress, today: NaiveDate, outstanding_only: bool) -> Table {
    let mut table = Table::new(
        if outstanding_only {
            format!("Questionnaires outstanding: {}", progress.name)
        } else {
            format!("Questionnaire round: {}", progress.name)
        },
        "Round",
        today,
        vec![
            Column::new("Partnership", ColumnKind::Text),
            Column::new("Lead officer", ColumnKind::Text),
            Column::new("E-mail", ColumnKind::Text),
            Column::new("Sent", ColumnKind::Date),
            Column::new("Reminded", ColumnKind::Date),
            Column::new("Returned", ColumnKind::Date),
        ],
    );
    table.notes.push(progress.words());
    table.groups.push(Group {
        heading: String::new(),
        rows: progress
            .rows
            .iter()
            .filter(|row| !outstanding_only || row.is_outstanding())
            .map(|row| {
                Row::data(vec![
                    Cell::text(row.name.clone()),
                    Cell::text(row.lead_officer.clone()),
                    Cell::text(row.email.clone()),
                    Cell::date(row.sent),
                    Cell::date(row.reminded),
                    Cell::date(row.returned),
                ])
            })
            .collect(),
        subtotal: None,
    });
    table
}

/// The reminder CSV: one line per outstanding partnership (headings Partnership, Lead officer,
/// E-mail, Sent, Reminded, Returned), for a mail merge.
pub fn reminders_csv(progress: &Progress, today: NaiveDate) -> String {
    csv::table_csv(&progress_table(progress, today, true))
}
