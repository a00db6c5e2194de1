//! The partnerships table: the register's main list.

use crate::model::*;
use crate::tables::{Cell, Column, TableSpec, TotalKind};

/// The partnerships table: the main columns, then every other field of the detail form as a
/// hidden column (shown with Columns), so the whole record can be copied to Excel and pasted
/// back.
pub fn partnerships() -> TableSpec<Partnership> {
    let mut spec = main_columns();
    let form = super::partnership_form_columns();
    for column in form {
        if spec.column_index(column.id).is_none() {
            spec.columns.push(column.hidden());
        }
    }
    spec
}

fn main_columns() -> TableSpec<Partnership> {
    TableSpec {
        id: "partnerships",
        noun: "partnership",
        columns: vec![
            Column::name(
                "name",
                "Name",
                "A partnership's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::text(
                "short_name",
                "Short name",
                |r: &Partnership| &r.short_name,
                |r, v| r.short_name = v,
            )
            .hidden(),
            Column::choice("kind", "Kind", |r: &Partnership| r.kind, |r, v| r.kind = v),
            Column::choice(
                "status",
                "Status",
                |r: &Partnership| r.status,
                |r, v| r.status = v,
            ),
            Column::text(
                "status_reason",
                "Status reason",
                |r: &Partnership| &r.status_reason,
                |r, v| r.status_reason = v,
            )
            .hidden(),
            Column::choice(
                "level",
                "Level",
                |r: &Partnership| r.structural_level,
                |r, v| r.structural_level = v,
            ),
            Column::choice(
                "layer",
                "Governance layer",
                |r: &Partnership| r.governance_layer,
                |r, v| r.governance_layer = v,
            )
            .hidden(),
            Column::choice(
                "geography",
                "Geography",
                |r: &Partnership| r.geography,
                |r, v| r.geography = v,
            )
            .hidden(),
            Column::choice(
                "statutory",
                "Statutory status",
                |r: &Partnership| r.statutory_status,
                |r, v| r.statutory_status = v,
            )
            .hidden(),
            Column::choice(
                "significance",
                "Significance",
                |r: &Partnership| r.significance,
                |r, v| r.significance = v,
            )
            .hidden(),
            Column::choice(
                "council_role",
                "Council role",
                |r: &Partnership| r.council_role,
                |r, v| r.council_role = v,
            ),
            Column::link(
                "responsible_officer",
                "Responsible officer",
                crate::tables::LinkTarget::Person,
                true,
                |r: &Partnership| r.responsible_officer.map(|p| p.0),
                |r, v| r.responsible_officer = v.map(PersonId),
            )
            .hidden(),
            Column::derived(
                "hours",
                "Hours a month",
                TotalKind::Hours,
                |lookup, r: &Partnership| {
                    let hours = lookup.hours(r.id);
                    Cell::number(hours.to_string(), i64::from(hours.tenths))
                },
            )
            .worked_out_from("its representatives' hours (People and representation)"),
            Column::derived(
                "contribution",
                "Contribution (latest year)",
                TotalKind::Money,
                |lookup, r: &Partnership| {
                    let money = lookup.latest_contribution(r.id);
                    Cell::number(money.format(true), money.pence)
                },
            )
            .worked_out_from("its rows in Contributions"),
            Column::date(
                "review_date",
                "Review date",
                |r| r.review_date,
                |r, v| r.review_date = v,
            ),
            Column::text(
                "service_area",
                "Service area",
                |r: &Partnership| &r.service_area,
                |r, v| r.service_area = v,
            )
            .hidden(),
        ],
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
        status_column: Some(3),
        year_of: None,
    }
}
