//! The contributions table: money and in-kind input per partnership per year, in pounds and
//! pence (kept as whole pence).

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The contributions table.
pub fn contributions() -> TableSpec<Contribution> {
    TableSpec {
        id: "contributions",
        noun: "contribution",
        columns: vec![
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                |r: &Contribution| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
            Column::financial_year("year", "Financial year", |r| r.year, |r, v| r.year = v),
            Column::choice("kind", "Type", |r: &Contribution| r.kind, |r, v| r.kind = v),
            Column::money(
                "amount",
                "Amount",
                |r: &Contribution| r.amount,
                |r, v| r.amount = v,
            )
            .also_called(&["Financial contribution", "Contribution"]),
            Column::text("notes", "Notes", |r| &r.notes, |r, v| r.notes = v),
        ],
        name_column: None,
        numeric_id: Some((|r| r.id.0, |r, id| r.id = ContributionId(id))),
        new_record: |register, current| {
            Ok(Contribution {
                id: ContributionId::next_in(&register.contributions),
                partnership: super::partnership_for_new_row(register, current)?,
                year: register.latest_contribution_year().unwrap_or(2025),
                ..Contribution::default()
            })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: Some(|r| r.year),
    }
}
