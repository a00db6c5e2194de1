//! The people table (officers and councillors) and the representation table (who represents
//! the council where, and for how many hours).

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The people table.
pub fn people() -> TableSpec<Person> {
    TableSpec {
        id: "people",
        noun: "person",
        columns: vec![
            Column::name(
                "name",
                "Name",
                "A person's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::choice(
                "kind",
                "Officer or councillor",
                |r: &Person| r.kind,
                |r, v| r.kind = v,
            ),
            Column::text(
                "job_title",
                "Job title or portfolio",
                |r| &r.job_title,
                |r, v| r.job_title = v,
            ),
            Column::text("email", "E-mail", |r| &r.email, |r, v| r.email = v),
            Column::text("notes", "Notes", |r: &Person| &r.notes, |r, v| r.notes = v).hidden(),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = PersonId(id))),
        new_record: |register, _| {
            Ok(Person {
                id: PersonId::next_in(&register.people),
                name: "New person".to_string(),
                ..Person::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// The representation table: one row per person per partnership.
pub fn representations() -> TableSpec<Representation> {
    TableSpec {
        id: "representations",
        noun: "representation",
        columns: vec![
            Column::link(
                "person",
                "Person",
                LinkTarget::Person,
                |r: &Representation| Some(r.person.0),
                |r, v| r.person = PersonId(v.unwrap_or_default()),
            )
            .also_called(&["Councillor", "Representative", "Member"]),
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                |r: &Representation| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
            Column::choice(
                "role",
                "Role on the body",
                |r: &Representation| r.role_on_body,
                |r, v| r.role_on_body = v,
            ),
            Column::choice(
                "appointed_by",
                "Appointed by",
                |r: &Representation| r.appointed_by,
                |r, v| r.appointed_by = v,
            ),
            Column::date(
                "term_start",
                "Term starts",
                |r| r.term_start,
                |r, v| r.term_start = v,
            ),
            Column::date(
                "term_end",
                "Term ends",
                |r| r.term_end,
                |r, v| r.term_end = v,
            ),
            Column::hours(
                "hours",
                "Hours a month",
                |r: &Representation| r.hours_per_month,
                |r, v| r.hours_per_month = v,
            )
            .also_called(&["Officer hours per month", "Hours per month", "Hours"]),
            Column::integer(
                "meetings",
                "Meetings a year",
                (0, 365),
                |r| i64::from(r.meetings_per_year),
                |r, v| r.meetings_per_year = u32::try_from(v).unwrap_or(0),
            ),
        ],
        name_column: None,
        numeric_id: Some((|r| r.id.0, |r, id| r.id = RepresentationId(id))),
        new_record: |register, current| {
            Ok(Representation {
                id: RepresentationId::next_in(&register.representations),
                person: super::first_key(&register.people, "a person")?,
                partnership: super::partnership_for_new_row(register, current)?,
                ..Representation::default()
            })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
