//! The partnerships table: the register's main list, read from the one field list
//! (`partnership_fields.rs`) plus the two columns worked out from other records.

use super::partnership_fields::partnership_fields;
use crate::model::*;
use crate::tables::{Cell, Column, TableSpec, TotalKind};

/// The table's first columns, left to right: field ids, and the worked-out `hours` and
/// `contribution`. Every other field follows them, hidden.
const MAIN_COLUMNS: [&str; 16] = [
    "name",
    "short_name",
    "kind",
    "status",
    "status_reason",
    "level",
    "layer",
    "geography",
    "statutory",
    "significance",
    "council_role",
    "responsible_officer",
    "hours",
    "contribution",
    "review_date",
    "service_area",
];

/// The columns shown until the user chooses otherwise (Columns).
const SHOWN_COLUMNS: [&str; 8] = [
    "name",
    "kind",
    "status",
    "level",
    "council_role",
    "hours",
    "contribution",
    "review_date",
];

/// The partnerships table: the main columns, then every other field of the detail form as a
/// hidden column (shown with Columns), so the whole record can be copied to Excel and pasted
/// back.
pub fn partnerships() -> TableSpec<Partnership> {
    let mut fields: Vec<Option<Column<Partnership>>> = partnership_fields()
        .into_iter()
        .map(|field| Some(field.column))
        .collect();
    let mut take_field = |id: &str| {
        fields
            .iter_mut()
            .find(|field| field.as_ref().is_some_and(|column| column.id == id))
            .and_then(Option::take)
    };
    let mut columns: Vec<Column<Partnership>> = MAIN_COLUMNS
        .iter()
        .filter_map(|&id| match id {
            "hours" => Some(hours_column()),
            "contribution" => Some(contribution_column()),
            _ => take_field(id),
        })
        .collect();
    columns.extend(fields.into_iter().flatten());
    let columns: Vec<_> = columns
        .into_iter()
        .map(|column| {
            if SHOWN_COLUMNS.contains(&column.id) {
                column
            } else {
                column.hidden()
            }
        })
        .collect();
    let status_column = columns.iter().position(|column| column.id == "status");
    TableSpec {
        id: "partnerships",
        noun: "partnership",
        columns,
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = PartnershipId(id))),
        new_record: |register, _| {
            Ok(Partnership {
                id: PartnershipId::next_in(&register.partnerships),
                name: "New partnership".to_string(),
                ..Partnership::default()
            })
        },
        partnership_of: Some(|r| Some(r.id)),
        flagged: None,
        status_column,
        year_of: None,
    }
}

fn hours_column() -> Column<Partnership> {
    Column::derived(
        "hours",
        "Hours a month",
        TotalKind::Hours,
        |lookup, r: &Partnership| {
            let hours = lookup.hours(r.id);
            Cell::number(hours.to_string(), i64::from(hours.tenths))
        },
    )
    .worked_out_from("its representatives' hours (People and representation)")
}

fn contribution_column() -> Column<Partnership> {
    Column::derived(
        "contribution",
        "Contribution (latest year)",
        TotalKind::Money,
        |lookup, r: &Partnership| {
            let money = lookup.latest_contribution(r.id);
            Cell::number(money.format_whole_pounds(), money.pence)
        },
    )
    .worked_out_from("its rows in Contributions")
}
