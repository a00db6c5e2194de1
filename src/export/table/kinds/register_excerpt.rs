//! `register`: the register excerpt with its key headings (seed 004, Appendix A), one row per
//! partnership still reviewed, grouped by its place in the structure.

use super::Context;
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{PartnershipKind, PartnershipStatus, StatutoryStatus, StructuralLevel};

/// The register excerpt.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let rows = context.rows();
    let columns = vec![
        Column::new("Partnership", ColumnKind::Text),
        Column::new("Statutory", ColumnKind::Label),
        Column::new("Council's role", ColumnKind::Label),
        Column::new("Lead officer", ColumnKind::Label),
        Column::new("Councillors", ColumnKind::Text),
        Column::new("Officer hours a month", ColumnKind::Hours),
        Column::new("Contributions (£ a year)", ColumnKind::Money),
        Column::new("Risk", ColumnKind::Label),
        Column::new("Value", ColumnKind::Label),
        Column::new("Recommendation", ColumnKind::Label),
        Column::new("Review due", ColumnKind::Date),
    ];
    let mut table = context.table(
        format!("Partnership register of {} (excerpt)", context.council()),
        "Register",
        columns,
    );
    let partnerships = context.reviewed_by_name();
    table.notes = vec![
        format!(
            "The key headings of the register for {}, by place in the structure; networks and \
             bodies removed or closed are listed separately.",
            crate::model::words::counted(partnerships.len(), "partnership")
        ),
        context.costs_note(),
    ];
    table.group_column = Some("Place in the structure".to_string());
    for level in StructuralLevel::ALL {
        let mut group = Group {
            heading: level.label().to_string(),
            ..Group::default()
        };
        for partnership in partnerships.iter().filter(|p| p.structural_level == *level) {
            let row = rows.get(&partnership.id);
            let councillors: Vec<&str> = register
                .member_representatives(partnership.id)
                .iter()
                .map(|person| person.name.as_str())
                .collect();
            // The kind and status are said only where they are not the usual.
            let mut name = partnership.name.clone();
            let mut notes = Vec::new();
            if partnership.kind != PartnershipKind::Partnership {
                notes.push(partnership.kind.label().to_lowercase());
            }
            if partnership.status != PartnershipStatus::Active {
                notes.push(partnership.status.label().to_lowercase());
            }
            if !notes.is_empty() {
                name = format!("{name} ({})", notes.join(", "));
            }
            group.rows.push(Row::data(vec![
                Cell::Text(name),
                Cell::yes(partnership.statutory_status == StatutoryStatus::Statutory),
                Cell::text(partnership.council_role.label()),
                Cell::label(
                    register
                        .lead_officer(partnership.id)
                        .map(|p| p.name.as_str()),
                ),
                Cell::text(councillors.join("; ")),
                row.map_or(Cell::Empty, |r| Cell::Hours(r.cost.hours_per_month)),
                row.map_or(Cell::Empty, |r| Cell::Money(r.cost.contributions)),
                Cell::label(row.and_then(|r| r.risk_band).map(|b| b.label())),
                Cell::label(row.and_then(|r| r.value_band).map(|b| b.label())),
                row.and_then(|r| r.recommendation)
                    .map_or(Cell::Empty, Cell::Recommendation),
                Cell::date(row.and_then(|r| r.review_due)),
            ]));
        }
        if !group.rows.is_empty() {
            table.groups.push(group);
        }
    }
    table
}
