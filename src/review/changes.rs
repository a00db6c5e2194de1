//! What changed between two states of a register (two snapshots, or a snapshot and now), for
//! the report to scrutiny or the executive: partnerships added and removed with their reasons,
//! status changes, re-ratings (risk, value, value for money, recommendation), representation
//! changes and resource changes with totals before and after.
//!
//! Pure and one pass per kind of record: 10,000 partnerships compare in well under a second.
//! Money is the council's contributions in the financial year each state is as at; officer
//! time is the representatives' hours a month.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{
    Band, FinancialYear, Hours, Money, PartnershipId, PartnershipKind, PartnershipStatus,
    Recommendation, Register, RepresentationId, RoleOnBody, ValueForMoney,
};

/// One side of a comparison: a register and the day it is as at.
#[derive(Clone, Copy, Debug)]
pub struct State<'a> {
    /// Its name ("As at Cabinet 22 March 2026", "Now").
    pub label: &'a str,
    /// The day it stands for.
    pub as_at: NaiveDate,
    /// The register as it was then.
    pub register: &'a Register,
}

/// The name and day of one side, kept with the changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// Its name.
    pub label: String,
    /// The day it stands for.
    pub as_at: NaiveDate,
}

/// A partnership that came onto, or went off, the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyChange {
    /// Which.
    pub id: PartnershipId,
    /// Its name.
    pub name: String,
    /// Its kind, for the summary's noun ("5 networks removed").
    pub kind: PartnershipKind,
    /// Why, in the register's words (its status reason), or what happened ("deleted").
    pub reason: String,
}

/// A status that changed, other than to "Removed from register" (counted as a removal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    /// Which.
    pub id: PartnershipId,
    /// Its name now.
    pub name: String,
    /// The status before.
    pub before: PartnershipStatus,
    /// The status after.
    pub after: PartnershipStatus,
    /// The status reason after.
    pub reason: String,
}

/// What an assessment said, as far as the report needs it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rating {
    /// Risk band.
    pub risk: Option<Band>,
    /// Value band.
    pub value: Option<Band>,
    /// Value for money.
    pub value_for_money: Option<ValueForMoney>,
    /// The officer's recommendation (the matrix's suggestion where none was chosen).
    pub recommendation: Option<Recommendation>,
}

/// A partnership re-rated: its current assessment says something different.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatingChange {
    /// Which.
    pub id: PartnershipId,
    /// Its name now.
    pub name: String,
    /// Before.
    pub before: Rating,
    /// After.
    pub after: Rating,
}

/// What happened to one seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatChange {
    /// A new representative.
    Added,
    /// A representative no longer recorded.
    Ended,
    /// The same seat with a different role, person or hours.
    Changed,
}

impl SeatChange {
    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Added => "Representative added",
            Self::Ended => "Representative ended",
            Self::Changed => "Representation changed",
        }
    }
}

/// One seat of the council's on a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// Who.
    pub person: String,
    /// Their role.
    pub role: RoleOnBody,
    /// Officer hours a month.
    pub hours: Hours,
}

/// A representation added, ended or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepresentationChange {
    /// The representation.
    pub id: RepresentationId,
    /// Where.
    pub partnership: PartnershipId,
    /// The partnership's name.
    pub partnership_name: String,
    /// What happened.
    pub change: SeatChange,
    /// The seat before.
    pub before: Option<Seat>,
    /// The seat after.
    pub after: Option<Seat>,
}

/// Officer time and money, before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resources {
    /// Officer hours a month.
    pub hours: Hours,
    /// Contributions in the state's financial year.
    pub money: Money,
}

/// A partnership whose resources changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceChange {
    /// Which.
    pub id: PartnershipId,
    /// Its name (now, or as it was if it has gone).
    pub name: String,
    /// Before.
    pub before: Resources,
    /// After.
    pub after: Resources,
}

/// Everything that changed from `since` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The earlier state.
    pub since: Side,
    /// The later state.
    pub to: Side,
    /// Partnerships new on the register.
    pub added: Vec<BodyChange>,
    /// Partnerships removed from the register (status "Removed from register", or deleted).
    pub removed: Vec<BodyChange>,
    /// Other status changes.
    pub statuses: Vec<StatusChange>,
    /// Re-ratings.
    pub ratings: Vec<RatingChange>,
    /// Representation changes.
    pub representation: Vec<RepresentationChange>,
    /// Resource changes, partnership by partnership.
    pub resources: Vec<ResourceChange>,
    /// The whole register's resources before.
    pub total_before: Resources,
    /// And after.
    pub total_after: Resources,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.statuses.is_empty()
            && self.ratings.is_empty()
            && self.representation.is_empty()
            && self.resources.is_empty()
    }

    /// The financial year the "before" money is for.
    pub fn year_before(&self) -> FinancialYear {
        FinancialYear::of(self.since.as_at)
    }

    /// The financial year the "after" money is for.
    pub fn year_after(&self) -> FinancialYear {
        FinancialYear::of(self.to.as_at)
    }
}

fn on_register(status: PartnershipStatus) -> bool {
    status != PartnershipStatus::Removed
}

/// What changed from `since` to `to`.
pub fn compare(since: State<'_>, to: State<'_>) -> Changes {
    let (before, after) = (since.register, to.register);
    let mut changes = Changes {
        since: Side {
            label: since.label.to_string(),
            as_at: since.as_at,
        },
        to: Side {
            label: to.label.to_string(),
            as_at: to.as_at,
        },
        added: Vec::new(),
        removed: Vec::new(),
        statuses: Vec::new(),
        ratings: Vec::new(),
        representation: Vec::new(),
        resources: Vec::new(),
        total_before: Resources::default(),
        total_after: Resources::default(),
    };
    bodies(before, after, &mut changes);
    ratings(before, after, &mut changes);
    representation(before, after, &mut changes);
    resources(since, to, &mut changes);
    changes
}

fn bodies(before: &Register, after: &Register, changes: &mut Changes) {
    for (id, new) in &after.partnerships {
        match before.partnerships.get(id) {
            None if on_register(new.status) => changes.added.push(BodyChange {
                id: *id,
                name: new.name.clone(),
                kind: new.kind,
                reason: new.status_reason.clone(),
            }),
            None => {}
            Some(old) if on_register(old.status) && !on_register(new.status) => {
                changes.removed.push(BodyChange {
                    id: *id,
                    name: new.name.clone(),
                    kind: new.kind,
                    reason: new.status_reason.clone(),
                });
            }
            Some(old) if !on_register(old.status) && on_register(new.status) => {
                changes.added.push(BodyChange {
                    id: *id,
                    name: new.name.clone(),
                    kind: new.kind,
                    reason: "Back on the register".to_string(),
                });
            }
            Some(old) if old.status != new.status => changes.statuses.push(StatusChange {
                id: *id,
                name: new.name.clone(),
                before: old.status,
                after: new.status,
                reason: new.status_reason.clone(),
            }),
            Some(_) => {}
        }
    }
    for (id, old) in &before.partnerships {
        if on_register(old.status) && !after.partnerships.contains_key(id) {
            changes.removed.push(BodyChange {
                id: *id,
                name: old.name.clone(),
                kind: old.kind,
                reason: "Deleted from the register".to_string(),
            });
        }
    }
    changes.removed.sort_by_key(|body| body.id);
}

fn rating_of(assessment: Option<&&crate::model::Assessment>) -> Rating {
    assessment.map_or_else(Rating::default, |a| Rating {
        risk: a.risk_band,
        value: a.value_band,
        value_for_money: a.value_for_money,
        recommendation: a.recommendation.or(a.suggested_recommendation),
    })
}

fn ratings(before: &Register, after: &Register, changes: &mut Changes) {
    let old = before.current_assessments();
    let new = after.current_assessments();
    for (id, partnership) in &after.partnerships {
        if !before.partnerships.contains_key(id) {
            continue;
        }
        let (was, is) = (rating_of(old.get(id)), rating_of(new.get(id)));
        if was != is {
            changes.ratings.push(RatingChange {
                id: *id,
                name: partnership.name.clone(),
                before: was,
                after: is,
            });
        }
    }
}

fn seat(register: &Register, representation: &crate::model::Representation) -> Seat {
    Seat {
        person: register
            .people
            .get(&representation.person)
            .map_or_else(|| "(missing person)".to_string(), |p| p.name.clone()),
        role: representation.role_on_body,
        hours: representation.hours_per_month,
    }
}

fn name_in(after: &Register, before: &Register, id: PartnershipId) -> String {
    after
        .partnerships
        .get(&id)
        .or_else(|| before.partnerships.get(&id))
        .map_or_else(|| "(missing partnership)".to_string(), |p| p.name.clone())
}

fn representation(before: &Register, after: &Register, changes: &mut Changes) {
    let mut found = Vec::new();
    for (id, new) in &after.representations {
        let (change, old_seat) = match before.representations.get(id) {
            None => (SeatChange::Added, None),
            Some(old) => {
                let old_seat = seat(before, old);
                if old_seat == seat(after, new) && old.partnership == new.partnership {
                    continue;
                }
                (SeatChange::Changed, Some(old_seat))
            }
        };
        found.push(RepresentationChange {
            id: *id,
            partnership: new.partnership,
            partnership_name: name_in(after, before, new.partnership),
            change,
            before: old_seat,
            after: Some(seat(after, new)),
        });
    }
    for (id, old) in &before.representations {
        if !after.representations.contains_key(id) {
            found.push(RepresentationChange {
                id: *id,
                partnership: old.partnership,
                partnership_name: name_in(after, before, old.partnership),
                change: SeatChange::Ended,
                before: Some(seat(before, old)),
                after: None,
            });
        }
    }
    found.sort_by(|a, b| (&a.partnership_name, a.id).cmp(&(&b.partnership_name, b.id)));
    changes.representation = found;
}

/// Every partnership's hours a month and contributions in `year`, in one pass each.
fn resources_of(register: &Register, year: FinancialYear) -> BTreeMap<PartnershipId, Resources> {
    let mut found: BTreeMap<PartnershipId, Resources> = BTreeMap::new();
    for representation in register.representations.values() {
        let entry = found.entry(representation.partnership).or_default();
        entry.hours = entry.hours + representation.hours_per_month;
    }
    for contribution in register.contributions.values() {
        if contribution.year == year.starts_in {
            let entry = found.entry(contribution.partnership).or_default();
            entry.money = entry.money + contribution.amount;
        }
    }
    found
}

fn resources(since: State<'_>, to: State<'_>, changes: &mut Changes) {
    let old = resources_of(since.register, FinancialYear::of(since.as_at));
    let new = resources_of(to.register, FinancialYear::of(to.as_at));
    let ids: std::collections::BTreeSet<PartnershipId> =
        old.keys().chain(new.keys()).copied().collect();
    for id in ids {
        let was = old.get(&id).copied().unwrap_or_default();
        let is = new.get(&id).copied().unwrap_or_default();
        changes.total_before.hours = changes.total_before.hours + was.hours;
        changes.total_before.money = changes.total_before.money + was.money;
        changes.total_after.hours = changes.total_after.hours + is.hours;
        changes.total_after.money = changes.total_after.money + is.money;
        if was != is {
            changes.resources.push(ResourceChange {
                id,
                name: name_in(to.register, since.register, id),
                before: was,
                after: is,
            });
        }
    }
}

#[cfg(test)]
#[path = "changes_tests.rs"]
mod tests;
