//! `representation`: who represents the council where, in post on the as-at date: each
//! person (councillors first) with the bodies they sit on, their role there, who appointed
//! them, their term and officer hours a month, a subtotal of hours per person and the TOTAL.

use super::Context;
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{Hours, PersonKind, Representation};
use crate::scoring::{self, in_post_on};

/// The representation table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let columns = vec![
        Column::new("Partnership or body", ColumnKind::Text),
        Column::new("Role on the body", ColumnKind::Label),
        Column::new("Appointed by", ColumnKind::Label),
        Column::new("Term from", ColumnKind::Date),
        Column::new("Term to", ColumnKind::Date),
        Column::new("Meetings a year", ColumnKind::Number),
        Column::new("Hours a month", ColumnKind::Hours),
    ];
    let mut table = context.table(
        format!(
            "{} representatives on partnerships and outside bodies",
            context.council()
        ),
        "Representation",
        columns,
    );
    table.group_column = Some("Representative".to_string());
    let as_at = context.basis.as_at;
    let mut people: Vec<_> = register.people.values().collect();
    people.sort_by(|a, b| {
        let rank = |kind: PersonKind| u8::from(kind != PersonKind::Councillor);
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    let mut total_hours = Hours::ZERO;
    let mut seats = 0usize;
    for person in people {
        let mut held: Vec<&Representation> = register
            .representations
            .values()
            .filter(|r| r.person == person.id && in_post_on(r, as_at))
            .filter(|r| {
                register
                    .partnerships
                    .get(&r.partnership)
                    .is_some_and(|p| scoring::is_reviewed(p.status))
            })
            .collect();
        if held.is_empty() {
            continue;
        }
        held.sort_by_key(|r| register.partnership_name(r.partnership).to_lowercase());
        let title = person.job_title.trim();
        let heading = if title.is_empty() {
            format!("{} ({})", person.name, person.kind.label())
        } else {
            format!("{} ({}, {title})", person.name, person.kind.label())
        };
        let mut group = Group {
            heading,
            ..Group::default()
        };
        let hours: Hours = held.iter().map(|r| r.hours_per_month).sum();
        for representation in &held {
            group.rows.push(Row::data(vec![
                Cell::text(register.partnership_name(representation.partnership)),
                Cell::text(representation.role_on_body.label()),
                Cell::text(representation.appointed_by.label()),
                Cell::date(representation.term_start),
                Cell::date(representation.term_end),
                Cell::Number(i64::from(representation.meetings_per_year)),
                Cell::Hours(representation.hours_per_month),
            ]));
        }
        group.subtotal = Some(Row::subtotal(vec![
            Cell::Text(format!(
                "Total: {}",
                crate::model::words::counted(held.len(), "seat")
            )),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Hours(hours),
        ]));
        total_hours = total_hours + hours;
        seats += held.len();
        table.groups.push(group);
    }
    let people_count = table.groups.len();
    table.total = Some(Row::total(vec![
        Cell::Text(format!(
            "TOTAL: {}",
            crate::model::words::counted(seats, "seat")
        )),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Hours(total_hours),
    ]));
    table.notes = vec![format!(
        "{} in post on {}, councillors first; officer hours a month include preparation, \
         meeting time and follow-up.",
        crate::model::words::counted(people_count, "representative"),
        as_at.format("%-d %B %Y")
    )];
    table
}
