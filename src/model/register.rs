//! Rules every record must keep, and questions the rest of the program asks of a register.

use super::choice::{RelationshipKind, ViewKind};
use super::entities::*;
use super::ids::*;
use super::record::Record;
pub use super::record::Register;
use super::scheme::ScoringScheme;
use super::values::{Hours, InvalidValue, Money, parse_name};

impl Record {
    /// Checks the rules a record must keep on its own, whatever else is in the register.
    pub fn validate(&self) -> Result<(), InvalidValue> {
        match self {
            Record::Partnership(p) => {
                require_name(&p.name, "A partnership's name")?;
                if let (Some(joined), Some(left)) = (p.date_joined, p.date_left)
                    && left < joined
                {
                    return Err(InvalidValue(format!(
                        "“{}” cannot be left ({left}) before it was joined ({joined})",
                        p.name
                    )));
                }
                Ok(())
            }
            Record::Organisation(o) => require_name(&o.name, "An organisation's name"),
            Record::Person(p) => require_name(&p.name, "A person's name"),
            Record::Theme(t) => require_name(&t.name, "A theme's name"),
            Record::Priority(p) => require_name(&p.name, "A priority's name"),
            Record::Strategy(s) => require_name(&s.title, "A strategy's title"),
            Record::Objective(o) => require_name(&o.text, "An objective"),
            Record::Measure(m) => require_name(&m.name, "A measure's name"),
            Record::Action(a) => require_name(&a.title, "An action"),
            Record::View(v) => require_name(&v.name, "A view's name"),
            Record::Snapshot(s) => require_name(&s.name, "A snapshot's name"),
            Record::Round(r) => require_name(&r.name, "A round's name"),
            Record::Relationship(r) if r.from == r.to => Err(InvalidValue(
                "A partnership cannot have a relationship with itself".to_string(),
            )),
            Record::Representation(r) => match (r.term_start, r.term_end) {
                (Some(start), Some(end)) if end < start => Err(InvalidValue(format!(
                    "A term cannot end ({end}) before it starts ({start})"
                ))),
                _ => Ok(()),
            },
            Record::NodePosition(n) if !(n.x.is_finite() && n.y.is_finite()) => Err(InvalidValue(
                "A node position must be a finite number".to_string(),
            )),
            Record::Assessment(a) if a.risk_likelihood > 10 || a.risk_impact > 10 => Err(
                InvalidValue("Risk likelihood and impact are scored 1 to 10 at most".to_string()),
            ),
            Record::Assessment(a) if a.value_percent.is_some_and(|percent| percent > 100) => Err(
                InvalidValue("A value score is a percentage: 100 at most".to_string()),
            ),
            Record::ScoringScheme(scheme) => scheme.validate(),
            _ => Ok(()),
        }
    }
}

fn require_name(name: &str, what: &str) -> Result<(), InvalidValue> {
    let tidy = parse_name(name, what)?;
    if tidy != name {
        return Err(InvalidValue(format!(
            "{what} has spaces at its ends or doubled inside: “{name}”"
        )));
    }
    Ok(())
}

/// The names of the standard views, in order.
pub const STANDARD_VIEW_NAMES: [&str; 3] =
    ["LSP structure", "Council involvement", "Membership network"];

impl Register {
    /// A register holding exactly `records` (a later record with the same key replaces an
    /// earlier one). No rule is checked: for registers kept whole elsewhere (a snapshot).
    pub fn from_records(records: impl IntoIterator<Item = Record>) -> Self {
        let mut register = Self::default();
        for record in records {
            register.put_record(record);
        }
        register
    }
}

impl Register {
    /// A new register for the named council: no records but the built-in default scoring
    /// scheme (version 1), so the register says which rules its first assessments use, and the
    /// standard diagram views ([`Register::standard_views`]), so a new register has a diagram.
    pub fn new(council_name: &str) -> Self {
        let mut register = Self::without_views(council_name);
        for view in Self::standard_views() {
            register.views.insert(view.id, view);
        }
        register
    }

    /// [`Register::new`] without the standard views: for builders that bring their own (the
    /// sample register, synthetic registers).
    pub fn without_views(council_name: &str) -> Self {
        let mut register = Self::default();
        register.settings.council_name = council_name.to_string();
        let scheme = ScoringScheme::default_scheme();
        register.scoring_schemes.insert(scheme.version, scheme);
        register
    }

    /// The views every register starts with: the LSP structure, the council's involvement
    /// and the membership network (ids 1, 2, 3; default filters and style).
    pub fn standard_views() -> Vec<View> {
        [
            (STANDARD_VIEW_NAMES[0], ViewKind::Structure),
            (STANDARD_VIEW_NAMES[1], ViewKind::Involvement),
            (STANDARD_VIEW_NAMES[2], ViewKind::Membership),
        ]
        .into_iter()
        .zip(1..)
        .map(|((name, kind), id)| View {
            id: ViewId(id),
            name: name.to_string(),
            kind,
            settings: View::standard_settings(kind),
        })
        .collect()
    }

    /// The partnerships `id` is a sub-group of, or reports or is accountable to.
    pub fn parents_of(&self, id: PartnershipId) -> impl Iterator<Item = &Relationship> + '_ {
        self.relationships.values().filter(move |r| {
            r.from == id && r.kind.is_formal() && r.kind != RelationshipKind::Commissions
        })
    }

    /// Whether `ancestor` is above `id` in the structure: reached by following `id`'s lines
    /// of accountability ([`Register::parents_of`]) upwards, directly or through others. A new
    /// line making `id` answer to one of its own sub-groups would close a loop.
    pub fn is_above(&self, ancestor: PartnershipId, id: PartnershipId) -> bool {
        self.is_above_without(ancestor, id, None)
    }

    /// [`Register::is_above`], leaving the line `without` out (the line being changed).
    fn is_above_without(
        &self,
        ancestor: PartnershipId,
        id: PartnershipId,
        without: Option<RelationshipId>,
    ) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        let mut waiting = vec![id];
        while let Some(next) = waiting.pop() {
            for line in self
                .parents_of(next)
                .filter(|line| Some(line.id) != without)
            {
                if line.to == ancestor {
                    return true;
                }
                if seen.insert(line.to) {
                    waiting.push(line.to);
                }
            }
        }
        false
    }

    /// Why a new line "`from` `kind` `to`" may not be drawn, in plain words, or `None` when it
    /// may: a partnership cannot relate to itself, the same line cannot be recorded twice, and
    /// a line of accountability cannot make a partnership answer to its own sub-group.
    pub fn new_line_refusal(
        &self,
        from: PartnershipId,
        kind: RelationshipKind,
        to: PartnershipId,
    ) -> Option<String> {
        self.line_refusal_replacing(from, kind, to, None)
    }

    /// Why `after` may not go in as a new record or as the new version of `before`, for the
    /// rules that look at other records (so far: relationship lines, as
    /// [`Register::new_line_refusal`]); `None` when it may. The tables and paste ask this.
    pub fn record_refusal(&self, before: Option<&Record>, after: &Record) -> Option<String> {
        let Record::Relationship(line) = after else {
            return None;
        };
        let replacing = match before {
            Some(Record::Relationship(old)) => {
                if (old.from, old.kind, old.to) == (line.from, line.kind, line.to) {
                    // A new label only: the line itself is as it was.
                    return None;
                }
                Some(old.id)
            }
            _ => None,
        };
        self.line_refusal_replacing(line.from, line.kind, line.to, replacing)
    }

    /// [`Register::new_line_refusal`] for a line that replaces the line `replacing`.
    fn line_refusal_replacing(
        &self,
        from: PartnershipId,
        kind: RelationshipKind,
        to: PartnershipId,
        replacing: Option<RelationshipId>,
    ) -> Option<String> {
        if from == to {
            return Some(
                "A partnership cannot have a relationship with itself: pick another one"
                    .to_string(),
            );
        }
        let duplicate = self
            .relationships
            .values()
            .any(|r| Some(r.id) != replacing && r.from == from && r.to == to && r.kind == kind);
        if duplicate {
            return Some(format!(
                "“{}” is already recorded as {} “{}”",
                self.partnership_name(from),
                kind.label().to_lowercase(),
                self.partnership_name(to)
            ));
        }
        let answers_upwards = kind.is_formal() && kind != RelationshipKind::Commissions;
        if answers_upwards && self.is_above_without(from, to, replacing) {
            return Some(format!(
                "“{}” already answers to “{}”, directly or through other partnerships: a line \
                 the other way would make a loop. Remove the existing line first if the \
                 structure has changed",
                self.partnership_name(to),
                self.partnership_name(from)
            ));
        }
        None
    }

    /// Council officer hours a month spent on a partnership, over all its representatives.
    pub fn hours_per_month(&self, id: PartnershipId) -> Hours {
        self.representations
            .values()
            .filter(|r| r.partnership == id)
            .map(|r| r.hours_per_month)
            .sum()
    }

    /// The council's contributions to a partnership in one financial year.
    pub fn contribution_in_year(&self, id: PartnershipId, year: i32) -> Money {
        self.contributions
            .values()
            .filter(|c| c.partnership == id && c.year == year)
            .map(|c| c.amount)
            .sum()
    }

    /// The newest financial year with any contribution recorded.
    pub fn latest_contribution_year(&self) -> Option<i32> {
        self.contributions.values().map(|c| c.year).max()
    }

    /// The council's lead representative on a partnership: the lead officer if there is one,
    /// else the first officer.
    pub fn lead_officer(&self, id: PartnershipId) -> Option<&Person> {
        use super::choice::{PersonKind, RoleOnBody};
        let officers: Vec<(&Representation, &Person)> = self
            .representations
            .values()
            .filter(|r| r.partnership == id)
            .filter_map(|r| self.people.get(&r.person).map(|p| (r, p)))
            .filter(|(_, p)| p.kind == PersonKind::Officer)
            .collect();
        officers
            .iter()
            .find(|(r, _)| r.role_on_body == RoleOnBody::LeadOfficer)
            .or_else(|| officers.first())
            .map(|(_, p)| *p)
    }

    /// The councillors representing the council on a partnership.
    pub fn member_representatives(&self, id: PartnershipId) -> Vec<&Person> {
        use super::choice::PersonKind;
        self.representations
            .values()
            .filter(|r| r.partnership == id)
            .filter_map(|r| self.people.get(&r.person))
            .filter(|p| p.kind == PersonKind::Councillor)
            .collect()
    }

    /// Name of a partnership, or a plain placeholder if it is missing.
    pub fn partnership_name(&self, id: PartnershipId) -> &str {
        self.partnerships
            .get(&id)
            .map_or("(missing partnership)", |p| p.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::super::choice::*;
    use super::super::edit::{Edit, EditError};
    use super::*;

    fn partnership(id: i64, name: &str) -> Partnership {
        Partnership {
            id: PartnershipId(id),
            name: name.to_string(),
            ..Partnership::default()
        }
    }

    #[test]
    fn insert_update_delete_and_their_inverses() {
        let mut register = Register::new("Test District Council");
        let empty = register.clone();
        let board = partnership(1, "LSP Board");
        let insert = Edit::insert(board.clone());
        register.apply(&insert).expect("insert");
        assert_eq!(register.partnerships.len(), 1);

        let renamed = Partnership {
            name: "Harborough Partnership Board".to_string(),
            ..board.clone()
        };
        let update = Edit::change(board.clone(), renamed.clone());
        let before_update = register.clone();
        register.apply(&update).expect("update");
        assert_eq!(register.partnerships[&PartnershipId(1)].name, renamed.name);
        register.apply(&update.inverse()).expect("undo update");
        assert_eq!(register, before_update);

        register.apply(&insert.inverse()).expect("undo insert");
        assert_eq!(register, empty);
    }

    #[test]
    fn a_stale_update_is_refused() {
        let mut register = Register::new("Test");
        let board = partnership(1, "Board");
        register
            .apply(&Edit::insert(board.clone()))
            .expect("insert");
        let first = Partnership {
            name: "First".into(),
            ..board.clone()
        };
        let second = Partnership {
            name: "Second".into(),
            ..board.clone()
        };
        register
            .apply(&Edit::change(board.clone(), first))
            .expect("first update");
        let error = register
            .apply(&Edit::change(board, second))
            .expect_err("stale");
        assert!(matches!(error, EditError::Stale(_)));
    }

    #[test]
    fn deleting_a_partnership_in_use_is_refused_with_the_reason() {
        let mut register = Register::new("Test");
        let board = partnership(1, "Board");
        let csp = partnership(2, "Community Safety Partnership");
        register.apply(&Edit::insert(board.clone())).expect("board");
        register.apply(&Edit::insert(csp)).expect("csp");
        register
            .apply(&Edit::insert(Relationship {
                id: RelationshipId(1),
                from: PartnershipId(2),
                to: PartnershipId(1),
                kind: RelationshipKind::SubGroupOf,
                label: String::new(),
            }))
            .expect("relationship");
        let error = register.apply(&Edit::delete(board)).expect_err("in use");
        assert_eq!(
            error.to_string(),
            "The partnership “Board” cannot be deleted: it is used by 1 relationship. \
             Mark it as removed instead, or remove those first"
        );
    }

    #[test]
    fn a_reference_to_nothing_is_refused() {
        let mut register = Register::new("Test");
        let error = register
            .apply(&Edit::insert(Membership {
                id: MembershipId(1),
                partnership: PartnershipId(9),
                organisation: OrganisationId(9),
                ..Membership::default()
            }))
            .expect_err("dangling");
        assert!(matches!(error, EditError::MissingReference { .. }));
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut register = Register::new("Test");
        let before = register.clone();
        let batch = Edit::Batch {
            description: "Paste 2 rows".into(),
            edits: vec![
                Edit::insert(partnership(1, "Board")),
                Edit::insert(partnership(2, "  ")),
            ],
        };
        assert!(register.apply(&batch).is_err());
        assert_eq!(register, before);
    }

    #[test]
    fn names_must_be_tidy() {
        let mut register = Register::new("Test");
        assert!(
            register
                .apply(&Edit::insert(partnership(1, " Board")))
                .is_err()
        );
        assert!(register.apply(&Edit::insert(partnership(1, ""))).is_err());
    }

    #[test]
    fn hours_and_money_add_up_per_partnership() {
        let mut register = Register::new("Test");
        register
            .apply(&Edit::insert(partnership(1, "LLEP")))
            .expect("p");
        register
            .apply(&Edit::insert(Person {
                id: PersonId(1),
                name: "Ann Hawkins".into(),
                ..Person::default()
            }))
            .expect("person");
        for (id, tenths) in [(1, 400), (2, 25)] {
            register
                .apply(&Edit::insert(Representation {
                    id: RepresentationId(id),
                    person: PersonId(1),
                    partnership: PartnershipId(1),
                    hours_per_month: Hours { tenths },
                    ..Representation::default()
                }))
                .expect("representation");
        }
        register
            .apply(&Edit::insert(Contribution {
                id: ContributionId(1),
                partnership: PartnershipId(1),
                year: 2025,
                amount: Money::from_pounds(8000),
                ..Contribution::default()
            }))
            .expect("contribution");
        assert_eq!(
            register.hours_per_month(PartnershipId(1)).to_string(),
            "42.5"
        );
        assert_eq!(
            register.contribution_in_year(PartnershipId(1), 2025),
            Money::from_pounds(8000)
        );
        assert_eq!(
            register
                .lead_officer(PartnershipId(1))
                .map(|p| p.name.as_str()),
            Some("Ann Hawkins")
        );
    }
}
