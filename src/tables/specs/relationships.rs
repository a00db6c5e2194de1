//! The relationships table: typed lines between partnerships (sub-group of, reports to...).

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The relationships table.
pub fn relationships() -> TableSpec<Relationship> {
    TableSpec {
        id: "relationships",
        noun: "relationship",
        columns: vec![
            Column::link(
                "from",
                "Partnership",
                LinkTarget::Partnership,
                |r: &Relationship| Some(r.from.0),
                |r, v| r.from = PartnershipId(v.unwrap_or_default()),
            ),
            Column::choice(
                "kind",
                "Relationship",
                |r: &Relationship| r.kind,
                |r, v| r.kind = v,
            ),
            Column::link(
                "to",
                "Other partnership",
                LinkTarget::Partnership,
                |r: &Relationship| Some(r.to.0),
                |r, v| r.to = PartnershipId(v.unwrap_or_default()),
            ),
            Column::text("label", "Label", |r| &r.label, |r, v| r.label = v),
        ],
        name_column: None,
        numeric_id: Some((|r| r.id.0, |r, id| r.id = RelationshipId(id))),
        new_record: |register, current| {
            let from = super::partnership_for_new_row(register, current)?;
            // The first partnership it may report to (not itself, not already, no loop), else
            // any other: a pasted row gives its own, and a new row is then refused with why.
            let kind = RelationshipKind::default();
            let others = || {
                register
                    .partnerships
                    .keys()
                    .copied()
                    .filter(|&id| id != from)
            };
            let to = others()
                .find(|&id| register.new_line_refusal(from, kind, id).is_none())
                .or_else(|| others().next())
                .ok_or_else(|| InvalidValue("Add a second partnership first".to_string()))?;
            Ok(Relationship {
                id: RelationshipId::next_in(&register.relationships),
                from,
                to,
                kind,
                ..Relationship::default()
            })
        },
        partnership_of: Some(|r| Some(r.from)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
