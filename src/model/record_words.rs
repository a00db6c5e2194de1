//! A record in words for edit names (the undo menu, the status bar, the audit log), naming
//! what it links: "membership of Acme Housing in “Kestleigh Area Board”", "Jo Bloggs on
//! “Kestleigh Area Board”", "“Empty Homes Group” a sub-group of “Housing Partnership”".
//! A record's own `title` cannot: it does not see the register.

use super::{Edit, FinancialYear, Record, Register, RelationshipKind};

impl Register {
    /// `edit` with a name that reads as English: a single add, change or delete of a record
    /// that links others (a membership, a seat, a relationship) becomes a step of one named
    /// by both ends ("Delete Jo Bloggs on “Kestleigh Area Board”"), worked out before it is
    /// applied, while what it links is still there. Named records and batches keep theirs.
    pub fn named(&self, edit: Edit) -> Edit {
        let (verb, record) = match &edit {
            Edit::Insert(record) => ("Add", record),
            Edit::Update { after, .. } => ("Change", after),
            Edit::Delete(record) => ("Delete", record),
            Edit::Batch { .. } => return edit,
        };
        let words = self.record_in_words(record);
        if words == record.title() {
            return edit;
        }
        Edit::Batch {
            description: format!("{verb} {words}"),
            edits: vec![edit],
        }
    }

    /// `record` in words, with the names of the records it links.
    pub fn record_in_words(&self, record: &Record) -> String {
        let partnership = |id| format!("“{}”", self.partnership_name(id));
        let organisation = |id| {
            self.organisations
                .get(&id)
                .map_or("(missing organisation)", |o| o.name.as_str())
                .to_string()
        };
        match record {
            Record::Membership(m) => format!(
                "membership of {} in {}",
                organisation(m.organisation),
                partnership(m.partnership)
            ),
            Record::Representation(r) => format!(
                "{} on {}",
                self.people
                    .get(&r.person)
                    .map_or("(missing person)", |p| p.name.as_str()),
                partnership(r.partnership)
            ),
            Record::Relationship(r) => format!(
                "relationship ({} {} {})",
                partnership(r.from),
                relationship_verb(r.kind),
                partnership(r.to)
            ),
            Record::Contribution(c) => format!(
                "{} contribution of {} to {}",
                FinancialYear::starting(c.year),
                c.amount,
                partnership(c.partnership)
            ),
            Record::ThemeTag(t) => format!(
                "theme “{}” of {}",
                self.themes.get(&t.theme).map_or("", |x| x.name.as_str()),
                partnership(t.partnership)
            ),
            Record::PriorityTag(t) => format!(
                "priority “{}” of {}",
                self.priorities
                    .get(&t.priority)
                    .map_or("", |x| x.name.as_str()),
                partnership(t.partnership)
            ),
            Record::ObjectiveDelivery(d) => format!(
                "{} delivering “{}”",
                partnership(d.partnership),
                self.objectives
                    .get(&d.objective)
                    .map_or("", |x| x.text.as_str())
            ),
            Record::Assessment(a) => format!(
                "assessment of {}{}",
                partnership(a.partnership),
                a.date
                    .map(|d| format!(" on {}", d.format("%-d %B %Y")))
                    .unwrap_or_default()
            ),
            other => other.title(),
        }
    }
}

/// What `from` does to `to`, as a sentence's verb: "is a sub-group of", "reports to".
fn relationship_verb(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::SubGroupOf => "is a sub-group of",
        RelationshipKind::ReportsTo => "reports to",
        RelationshipKind::AccountableTo => "is accountable to",
        RelationshipKind::Commissions => "commissions",
        RelationshipKind::Advises => "advises",
        RelationshipKind::Informs => "informs",
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn register() -> Register {
        let mut register = Register::new("Test");
        for (id, name) in [(1, "Housing Partnership"), (2, "Empty Homes Group")] {
            register.partnerships.insert(
                PartnershipId(id),
                Partnership {
                    id: PartnershipId(id),
                    name: name.to_string(),
                    ..Partnership::default()
                },
            );
        }
        register.organisations.insert(
            OrganisationId(1),
            Organisation {
                id: OrganisationId(1),
                name: "Acme Housing".to_string(),
                ..Organisation::default()
            },
        );
        register.people.insert(
            PersonId(1),
            Person {
                id: PersonId(1),
                name: "Jo Bloggs".to_string(),
                ..Person::default()
            },
        );
        register
    }

    #[test]
    fn link_records_name_both_ends() {
        let register = register();
        let membership = Membership {
            partnership: PartnershipId(1),
            organisation: OrganisationId(1),
            ..Membership::default()
        };
        assert_eq!(
            register.record_in_words(&membership.into()),
            "membership of Acme Housing in “Housing Partnership”"
        );
        let seat = Representation {
            person: PersonId(1),
            partnership: PartnershipId(1),
            ..Representation::default()
        };
        assert_eq!(
            register.record_in_words(&seat.into()),
            "Jo Bloggs on “Housing Partnership”"
        );
        let line = Relationship {
            from: PartnershipId(2),
            to: PartnershipId(1),
            kind: RelationshipKind::SubGroupOf,
            ..Relationship::default()
        };
        assert_eq!(
            register.record_in_words(&line.into()),
            "relationship (“Empty Homes Group” is a sub-group of “Housing Partnership”)"
        );
    }

    #[test]
    fn a_single_edit_of_a_link_record_is_named_by_both_ends() {
        let register = register();
        let seat = Representation {
            person: PersonId(1),
            partnership: PartnershipId(1),
            ..Representation::default()
        };
        assert_eq!(
            Edit::delete(seat.clone()).describe(),
            "Delete representation"
        );
        let named = register.named(Edit::delete(seat));
        assert_eq!(
            named.describe(),
            "Delete Jo Bloggs on “Housing Partnership”"
        );
        assert_eq!(named.leaves().len(), 1, "still one change");
        let partnership = register.partnerships[&PartnershipId(1)].clone();
        assert_eq!(
            register.named(Edit::delete(partnership.clone())),
            Edit::delete(partnership),
            "a named record keeps its edit"
        );
    }

    #[test]
    fn named_records_read_as_their_title() {
        let register = register();
        let record: Record = register.partnerships[&PartnershipId(1)].clone().into();
        assert_eq!(
            register.record_in_words(&record),
            "partnership “Housing Partnership”"
        );
    }
}
