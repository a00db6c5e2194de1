//! What changed between two states of the register (`crate::review::compare`) as a report
//! [`Table`] for scrutiny or the executive: the summary paragraph as its first note, then one
//! group per kind of change, and the resources' totals before and after. Encoded by the table
//! encoders (CSV, XLSX, DOCX, PDF) like every other table.

use super::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::Hours;
use crate::review::changes::{Changes, Rating, Resources, Seat};
use crate::review::summary;

fn group(heading: &str, rows: Vec<Row>) -> Option<Group> {
    (!rows.is_empty()).then(|| Group {
        heading: heading.to_string(),
        rows,
        subtotal: None,
    })
}

fn row(name: &str, what: &str, before: String, after: String, note: &str) -> Row {
    Row::data(vec![
        Cell::text(name),
        Cell::text(what),
        Cell::text(before),
        Cell::text(after),
        Cell::text(note),
    ])
}

fn hours_words(hours: Hours) -> String {
    format!("{hours} hours a month")
}

fn resources_words(resources: Resources, year: &str) -> String {
    format!(
        "{}; {} in {year}",
        hours_words(resources.hours),
        resources.money.format_whole_pounds()
    )
}

fn seat_words(seat: Option<&Seat>) -> String {
    seat.map_or_else(String::new, |seat| {
        format!(
            "{}, {}, {}",
            seat.person,
            seat.role.label(),
            hours_words(seat.hours)
        )
    })
}

fn label(value: Option<&'static str>) -> &'static str {
    value.unwrap_or("not rated")
}

/// What differs between two ratings, one clause each: "Risk Medium to High".
fn rating_rows(name: &str, before: Rating, after: Rating) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut add = |what: &str, was: Option<&'static str>, is: Option<&'static str>| {
        if was != is {
            rows.push(row(
                name,
                what,
                label(was).to_string(),
                label(is).to_string(),
                "",
            ));
        }
    };
    add(
        "Risk",
        before.risk.map(|b| b.label()),
        after.risk.map(|b| b.label()),
    );
    add(
        "Value",
        before.value.map(|b| b.label()),
        after.value.map(|b| b.label()),
    );
    add(
        "Value for money",
        before.value_for_money.map(|v| v.label()),
        after.value_for_money.map(|v| v.label()),
    );
    add(
        "Recommendation",
        before.recommendation.map(|r| r.label()),
        after.recommendation.map(|r| r.label()),
    );
    rows
}

/// The comparison as a table.
pub fn changes_table(changes: &Changes, source: &str) -> Table {
    let (year_before, year_after) = (changes.year_before().label(), changes.year_after().label());
    let mut table = Table::new(
        format!(
            "What changed since {} ({})",
            changes.since.label,
            changes.since.as_at.format("%-d %B %Y")
        ),
        "Changes",
        changes.to.as_at,
        vec![
            Column::new("Partnership", ColumnKind::Text),
            Column::new("What changed", ColumnKind::Label),
            Column::new("Before", ColumnKind::Text),
            Column::new("After", ColumnKind::Text),
            Column::new("Reason", ColumnKind::Text),
        ],
    );
    table.source = source.to_string();
    table.group_column = Some("Change".to_string());
    table.notes = vec![
        summary(changes),
        format!(
            "Compared: {} (as at {}) with {} (as at {}). Money is the council's contributions in \
             the financial year each is as at ({year_before} and {year_after}); officer time is \
             the representatives' hours a month.",
            changes.since.label,
            changes.since.as_at.format("%-d %B %Y"),
            changes.to.label,
            changes.to.as_at.format("%-d %B %Y"),
        ),
    ];
    let added = changes
        .added
        .iter()
        .map(|b| {
            row(
                &b.name,
                "Added",
                String::new(),
                b.kind.label().to_string(),
                &b.reason,
            )
        })
        .collect();
    let removed = changes
        .removed
        .iter()
        .map(|b| {
            row(
                &b.name,
                "Removed",
                b.kind.label().to_string(),
                String::new(),
                &b.reason,
            )
        })
        .collect();
    let statuses = changes
        .statuses
        .iter()
        .map(|s| {
            row(
                &s.name,
                "Status",
                s.before.label().to_string(),
                s.after.label().to_string(),
                &s.reason,
            )
        })
        .collect();
    let ratings = changes
        .ratings
        .iter()
        .flat_map(|r| rating_rows(&r.name, r.before, r.after))
        .collect();
    let seats = changes
        .representation
        .iter()
        .map(|r| {
            row(
                &r.partnership_name,
                r.change.label(),
                seat_words(r.before.as_ref()),
                seat_words(r.after.as_ref()),
                "",
            )
        })
        .collect();
    let resources: Vec<Row> = changes
        .resources
        .iter()
        .map(|r| {
            row(
                &r.name,
                "Resources",
                resources_words(r.before, &year_before),
                resources_words(r.after, &year_after),
                "",
            )
        })
        .collect();
    let totals = row(
        "All partnerships",
        "Total resources",
        resources_words(changes.total_before, &year_before),
        resources_words(changes.total_after, &year_after),
        "",
    );
    table.groups = [
        group("Added to the register", added),
        group("Removed from the register", removed),
        group("Status changed", statuses),
        group("Re-rated", ratings),
        group("Representation", seats),
        group("Resources", resources),
    ]
    .into_iter()
    .flatten()
    .collect();
    table.total = Some(Row::total(totals.cells));
    table
}
