//! The memberships table: organisations in partnerships, with their role.

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The memberships table (filter by a partnership's or an organisation's name to see it from
/// either side).
pub fn memberships() -> TableSpec<Membership> {
    TableSpec {
        id: "memberships",
        noun: "membership",
        columns: vec![
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                |r: &Membership| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
            Column::link(
                "organisation",
                "Organisation",
                LinkTarget::Organisation,
                |r: &Membership| Some(r.organisation.0),
                |r, v| r.organisation = OrganisationId(v.unwrap_or_default()),
            ),
            Column::choice("role", "Role", |r: &Membership| r.role, |r, v| r.role = v),
            Column::boolean("voting", "Voting", |r| r.voting, |r, v| r.voting = v),
            Column::text(
                "representative",
                "Representative",
                |r| &r.representative,
                |r, v| r.representative = v,
            ),
        ],
        name_column: None,
        numeric_id: Some((|r| r.id.0, |r, id| r.id = MembershipId(id))),
        new_record: |register, current| {
            Ok(Membership {
                id: MembershipId::next_in(&register.memberships),
                partnership: super::partnership_for_new_row(register, current)?,
                organisation: super::first_key(&register.organisations, "an organisation")?,
                voting: true,
                ..Membership::default()
            })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
