//! The report-back routes table (the knowledge network): for each representation, who the
//! representative reports back to, how often, and when they last did.

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The report-back routes table.
pub fn report_back_routes() -> TableSpec<ReportBackRoute> {
    TableSpec {
        id: "report_back_routes",
        noun: "report-back route",
        columns: vec![
            Column::link(
                "representation",
                "Representative and body",
                LinkTarget::Representation,
                |r: &ReportBackRoute| Some(r.representation.0),
                |r, v| r.representation = RepresentationId(v.unwrap_or_default()),
            ),
            Column::choice(
                "audience",
                "Reports to",
                |r: &ReportBackRoute| r.audience,
                |r, v| r.audience = v,
            ),
            Column::text(
                "recipient",
                "Recipient",
                |r: &ReportBackRoute| &r.recipient,
                |r, v| r.recipient = v,
            ),
            Column::choice(
                "frequency",
                "How often",
                |r: &ReportBackRoute| r.frequency,
                |r, v| r.frequency = v,
            ),
            Column::date(
                "last_reported",
                "Last reported",
                |r| r.last_reported,
                |r, v| r.last_reported = v,
            ),
            Column::text(
                "notes",
                "Notes",
                |r: &ReportBackRoute| &r.notes,
                |r, v| r.notes = v,
            )
            .hidden(),
        ],
        name_column: None,
        numeric_id: Some((|r| r.id.0, |r, id| r.id = ReportBackRouteId(id))),
        new_record: |register, current| {
            let representation = register
                .representations
                .values()
                .find(|r| Some(r.partnership) == current)
                .or_else(|| register.representations.values().next())
                .map(|r| r.id)
                .ok_or_else(|| InvalidValue("Add a representation first".to_string()))?;
            Ok(ReportBackRoute {
                id: ReportBackRouteId::next_in(&register.report_back_routes),
                representation,
                ..ReportBackRoute::default()
            })
        },
        // A route belongs to a representation, not directly to a partnership.
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
