//! `removed`: the networks and bodies taken off the register (seed 004, 2.13: "operational or
//! tactical groups and networks"), and those closed, with the reason and the date: the date the
//! council left, or else the date of the assessment that recommended removal.

use super::{Context, sort_by_name};
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{PartnershipStatus, Recommendation};

/// The removed table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let columns = vec![
        Column::new("Partnership or network", ColumnKind::Text),
        Column::new("Kind", ColumnKind::Label),
        Column::new("Reason", ColumnKind::Text),
        Column::new("Date", ColumnKind::Date),
    ];
    let mut table = context.table(
        format!(
            "Networks and bodies removed from {}'s register",
            context.council()
        ),
        "Removed",
        columns,
    );
    table.group_column = Some("Status".to_string());
    let mut total = 0usize;
    for (status, heading) in [
        (PartnershipStatus::Removed, "Removed from the register"),
        (PartnershipStatus::Closed, "Closed"),
    ] {
        let mut bodies: Vec<_> = register
            .partnerships
            .values()
            .filter(|p| p.status == status)
            .collect();
        sort_by_name(&mut bodies);
        if bodies.is_empty() {
            continue;
        }
        let rows = bodies
            .iter()
            .map(|body| {
                let recommended = register
                    .assessments
                    .values()
                    .filter(|a| {
                        a.partnership == body.id
                            && a.recommendation == Some(Recommendation::RemoveFromRegister)
                    })
                    .filter_map(|a| a.date)
                    .max();
                Row::data(vec![
                    Cell::text(body.name.as_str()),
                    Cell::text(body.kind.label()),
                    Cell::text(body.status_reason.as_str()),
                    Cell::date(body.date_left.or(recommended)),
                ])
            })
            .collect();
        total += bodies.len();
        table.groups.push(Group {
            heading: heading.to_string(),
            rows,
            subtotal: None,
        });
    }
    table.notes = vec![format!(
        "{} kept on file with the reason, so this year's register can be compared with last \
         year's.",
        crate::model::words::counted(total, "body")
    )];
    table
}
