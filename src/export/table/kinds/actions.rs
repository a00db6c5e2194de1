//! `actions`: the action plan by the body that owns each action (seed 001, Appendix 2): the
//! council's own actions (those about no partnership, or about a body outside the LSP's
//! structure), the LSP board's (actions about the board or its executive), then each themed
//! partnership's (actions about it or any of its sub-groups). Within a body, by due date.

use std::collections::{BTreeMap, BTreeSet};

use super::Context;
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{Action, PartnershipId, Register, StructuralLevel};

/// Who owns an action.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Owner {
    /// The council.
    Council,
    /// The LSP board (by name).
    Board(String),
    /// A themed partnership (by name, then id).
    Themed(String, PartnershipId),
}

/// The themed partnership or LSP board `id` belongs to, following its lines upwards.
fn owner_of(register: &Register, id: PartnershipId) -> Owner {
    let mut seen = BTreeSet::new();
    let mut waiting = vec![id];
    while let Some(next) = waiting.pop() {
        if !seen.insert(next) {
            continue;
        }
        if let Some(partnership) = register.partnerships.get(&next) {
            match partnership.structural_level {
                StructuralLevel::Thematic => {
                    return Owner::Themed(partnership.name.clone(), partnership.id);
                }
                StructuralLevel::LspBoard | StructuralLevel::LspExecutive => {
                    return Owner::Board(board_name(register).unwrap_or(partnership.name.clone()));
                }
                _ => {}
            }
        }
        waiting.extend(register.parents_of(next).map(|line| line.to));
    }
    Owner::Council
}

fn board_name(register: &Register) -> Option<String> {
    register
        .partnerships
        .values()
        .find(|p| p.structural_level == StructuralLevel::LspBoard)
        .map(|p| p.name.clone())
}

/// The action plan table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let as_at = context.basis.as_at;
    let columns = vec![
        Column::new("Action", ColumnKind::Text),
        Column::new("About", ColumnKind::Text),
        Column::new("Owner", ColumnKind::Text),
        Column::new("Due", ColumnKind::Date),
        Column::new("Status", ColumnKind::Label),
        Column::new("Notes", ColumnKind::Text),
    ];
    let mut table = context.table(
        format!("Action plan for {}'s partnerships", context.council()),
        "Actions",
        columns,
    );
    table.group_column = Some("Owning body".to_string());
    let mut by_owner: BTreeMap<Owner, Vec<&Action>> = BTreeMap::new();
    for action in register.actions.values() {
        let owner = action
            .partnership
            .map_or(Owner::Council, |id| owner_of(register, id));
        by_owner.entry(owner).or_default().push(action);
    }
    let council = context.council().to_string();
    let mut overdue = 0usize;
    for (owner, mut actions) in by_owner {
        actions.sort_by_key(|a| (a.due.is_none(), a.due, a.id));
        let heading = match owner {
            Owner::Council => council.clone(),
            Owner::Board(name) => format!("{name} (LSP board)"),
            Owner::Themed(name, _) => name,
        };
        let mut group = Group {
            heading,
            ..Group::default()
        };
        for action in actions {
            let late = action.status.is_open() && action.due.is_some_and(|due| due < as_at);
            overdue += usize::from(late);
            let status = if late {
                format!("{} (overdue)", action.status.label())
            } else {
                action.status.label().to_string()
            };
            group.rows.push(Row::data(vec![
                Cell::text(action.title.as_str()),
                Cell::label(action.partnership.map(|id| register.partnership_name(id))),
                Cell::label(
                    action
                        .owner
                        .and_then(|id| register.people.get(&id))
                        .map(|p| p.name.as_str()),
                ),
                Cell::date(action.due),
                Cell::Text(status),
                Cell::text(action.notes.as_str()),
            ]));
        }
        table.groups.push(group);
    }
    table.notes = vec![format!(
        "{}, {} overdue on {}; by the body that owns it, then by due date.",
        crate::model::words::counted(register.actions.len(), "action"),
        overdue,
        as_at.format("%-d %B %Y")
    )];
    table
}
