//! `outside-bodies`: the statement of councillors on outside bodies (seed 003, Attachment B):
//! each outside body, company, trust or joint committee the council sits on, with its
//! councillors in post on the as-at date, their role there and who appointed them.

use super::{Context, sort_by_name};
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{PartnershipKind, PersonKind};
use crate::scoring::{self, in_post_on};

/// Whether a body of this kind is an outside body for this statement.
pub fn is_outside_body(kind: PartnershipKind) -> bool {
    matches!(
        kind,
        PartnershipKind::OutsideBody
            | PartnershipKind::CompanyOrTrust
            | PartnershipKind::JointCommittee
    )
}

/// The outside bodies table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let columns = vec![
        Column::new("Councillor", ColumnKind::Text),
        Column::new("Portfolio or post", ColumnKind::Text),
        Column::new("Role on the body", ColumnKind::Label),
        Column::new("Appointed by", ColumnKind::Label),
        Column::new("Term to", ColumnKind::Date),
    ];
    let mut table = context.table(
        format!("Councillors on outside bodies for {}", context.council()),
        "Outside bodies",
        columns,
    );
    table.group_column = Some("Outside body".to_string());
    let as_at = context.basis.as_at;
    let mut bodies: Vec<_> = register
        .partnerships
        .values()
        .filter(|p| is_outside_body(p.kind) && scoring::is_reviewed(p.status))
        .collect();
    sort_by_name(&mut bodies);
    let mut seats = 0usize;
    for body in &bodies {
        let mut group = Group {
            heading: format!("{} ({})", body.name, body.kind.label().to_lowercase()),
            ..Group::default()
        };
        let mut councillors: Vec<_> = register
            .representations
            .values()
            .filter(|r| r.partnership == body.id && in_post_on(r, as_at))
            .filter_map(|r| register.people.get(&r.person).map(|p| (r, p)))
            .filter(|(_, p)| p.kind == PersonKind::Councillor)
            .collect();
        councillors.sort_by_key(|(_, p)| p.name.to_lowercase());
        for (representation, person) in &councillors {
            group.rows.push(Row::data(vec![
                Cell::text(person.name.as_str()),
                Cell::text(person.job_title.as_str()),
                Cell::text(representation.role_on_body.label()),
                Cell::text(representation.appointed_by.label()),
                Cell::date(representation.term_end),
            ]));
        }
        if councillors.is_empty() {
            let why = if body.no_seat_reason.trim().is_empty() {
                "No councillor appointed".to_string()
            } else {
                format!("No councillor appointed: {}", body.no_seat_reason.trim())
            };
            group.rows.push(Row::data(vec![
                Cell::Text(why),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]));
        }
        seats += councillors.len();
        table.groups.push(group);
    }
    table.notes = vec![format!(
        "{} with {} in post on {}.",
        crate::model::words::counted(bodies.len(), "outside body"),
        crate::model::words::counted(seats, "councillor seat"),
        as_at.format("%-d %B %Y")
    )];
    table
}
