//! The actions table: the action plan, with overdue items (due before today, still open)
//! standing out.

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The actions table.
pub fn actions() -> TableSpec<Action> {
    TableSpec {
        id: "actions",
        noun: "action",
        columns: vec![
            Column::name(
                "title",
                "Action",
                "An action",
                |r| &r.title,
                |r, v| r.title = v,
            ),
            Column::optional_link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                |r: &Action| r.partnership.map(|p| p.0),
                |r, v| r.partnership = v.map(PartnershipId),
            ),
            Column::optional_link(
                "owner",
                "Owner",
                LinkTarget::Person,
                |r: &Action| r.owner.map(|p| p.0),
                |r, v| r.owner = v.map(PersonId),
            ),
            Column::date("due", "Due", |r| r.due, |r, v| r.due = v),
            Column::choice(
                "status",
                "Status",
                |r: &Action| r.status,
                |r, v| r.status = v,
            ),
            Column::text("source", "Source", |r| &r.source, |r, v| r.source = v),
            Column::text("notes", "Notes", |r: &Action| &r.notes, |r, v| r.notes = v).hidden(),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = ActionId(id))),
        new_record: |register, current| {
            Ok(Action {
                id: ActionId::next_in(&register.actions),
                partnership: current.filter(|id| register.partnerships.contains_key(id)),
                title: "New action".to_string(),
                ..Action::default()
            })
        },
        partnership_of: Some(|r| r.partnership),
        flagged: Some(|lookup, r| is_overdue(r, lookup.today)),
        status_column: Some(4),
        year_of: None,
    }
}

/// Due before `today` and still open.
pub fn is_overdue(action: &Action, today: chrono::NaiveDate) -> bool {
    action.status.is_open() && action.due.is_some_and(|due| due < today)
}
