//! Representation load: for each person, the bodies they sit on, their hours a month, meetings
//! a year and the reporting-back duties that come with them (report-back routes, and how many
//! reports a year those make); people above a settable threshold stand out. The same totals per
//! service (the partnership's lead service area) and per portfolio (a councillor's portfolio,
//! from their post).
//!
//! Only representatives in post on the day, on bodies at work, count. A person recorded twice
//! ("Cllr Jane Pain" and "Jane Pain") is one person here ([`super::identity`]), so their load
//! is not split between the records; a service or portfolio written two ways ("Housing",
//! "housing") is one too, named as first written.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::identity::{Identities, group_key};
use super::{Evidence, is_active};
use crate::model::{
    Hours, PartnershipId, PersonId, PersonKind, RecordKey, Register, RepresentationId,
};
use crate::scoring::in_post_on;

/// What counts as too much.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadSettings {
    /// The day the answer is for.
    pub today: NaiveDate,
    /// More hours a month than this stands out.
    pub hours_threshold: Hours,
    /// More bodies than this stands out.
    pub bodies_threshold: usize,
}

impl LoadSettings {
    /// As at `today`: more than 30 hours a month or more than 6 bodies stands out.
    pub fn on(today: NaiveDate) -> Self {
        Self {
            today,
            hours_threshold: Hours::whole(30),
            bodies_threshold: 6,
        }
    }
}

/// One person's load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonLoad {
    /// Who (the lowest identifier of their records).
    pub person: PersonId,
    /// Their other records, when the register holds them under several names.
    pub also_recorded_as: Vec<PersonId>,
    /// Their representations in post, by identifier.
    pub representations: Vec<RepresentationId>,
    /// The bodies they sit on (each once).
    pub bodies: Vec<PartnershipId>,
    /// Hours a month, over every body.
    pub hours: Hours,
    /// Meetings a year, over every body.
    pub meetings: u32,
    /// Report-back routes they answer for.
    pub report_duties: usize,
    /// Reports a year those routes ask of them.
    pub reports_a_year: u32,
    /// Above the hours threshold.
    pub over_hours: bool,
    /// Above the bodies threshold.
    pub over_bodies: bool,
}

impl PersonLoad {
    /// Above either threshold.
    pub fn is_over(&self) -> bool {
        self.over_hours || self.over_bodies
    }

    /// " (also recorded as “Jane Pain”)" when the register holds the person under other
    /// names; empty otherwise.
    pub fn also_recorded_as_words(&self, register: &Register) -> String {
        let names: Vec<String> = self
            .also_recorded_as
            .iter()
            .filter_map(|id| register.people.get(id))
            .map(|p| format!("\u{201c}{}\u{201d}", p.name))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            format!(" (also recorded as {})", super::listed(&names))
        }
    }
}

impl Evidence for PersonLoad {
    fn records(&self) -> Vec<RecordKey> {
        let mut records = vec![RecordKey::Person(self.person)];
        records.extend(self.also_recorded_as.iter().copied().map(RecordKey::Person));
        records.extend(self.bodies.iter().copied().map(RecordKey::Partnership));
        records.extend(
            self.representations
                .iter()
                .copied()
                .map(RecordKey::Representation),
        );
        records
    }
}

/// The load of a service or a portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupLoad {
    /// The service area or portfolio.
    pub name: String,
    /// People with a representation in it.
    pub people: Vec<PersonId>,
    /// Bodies.
    pub bodies: Vec<PartnershipId>,
    /// Hours a month.
    pub hours: Hours,
    /// Meetings a year.
    pub meetings: u32,
    /// Report-back routes.
    pub report_duties: usize,
    /// Reports a year.
    pub reports_a_year: u32,
}

impl Evidence for GroupLoad {
    fn records(&self) -> Vec<RecordKey> {
        self.bodies
            .iter()
            .copied()
            .map(RecordKey::Partnership)
            .chain(self.people.iter().copied().map(RecordKey::Person))
            .collect()
    }
}

/// The whole answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Each person with a representation in post, most hours first.
    pub people: Vec<PersonLoad>,
    /// Per lead service area of the bodies, most hours first.
    pub services: Vec<GroupLoad>,
    /// Per councillor's portfolio, most hours first.
    pub portfolios: Vec<GroupLoad>,
}

impl LoadReport {
    /// People above a threshold.
    pub fn over(&self) -> impl Iterator<Item = &PersonLoad> + '_ {
        self.people.iter().filter(|p| p.is_over())
    }
}

#[derive(Default)]
struct Totals {
    people: Vec<PersonId>,
    bodies: Vec<PartnershipId>,
    hours: Hours,
    meetings: u32,
    report_duties: usize,
    reports_a_year: u32,
}

impl Totals {
    fn into_group(mut self, name: String) -> GroupLoad {
        self.people.sort_unstable();
        self.people.dedup();
        self.bodies.sort_unstable();
        self.bodies.dedup();
        GroupLoad {
            name,
            people: self.people,
            bodies: self.bodies,
            hours: self.hours,
            meetings: self.meetings,
            report_duties: self.report_duties,
            reports_a_year: self.reports_a_year,
        }
    }
}

/// Representation load as at `settings.today`.
pub fn load(register: &Register, settings: &LoadSettings) -> LoadReport {
    let identities = Identities::default().with_people(register);
    let mut duties: BTreeMap<RepresentationId, (usize, u32)> = BTreeMap::new();
    for route in register.report_back_routes.values() {
        let meetings = register
            .representations
            .get(&route.representation)
            .map_or(0, |r| r.meetings_per_year);
        let entry = duties.entry(route.representation).or_default();
        entry.0 += 1;
        entry.1 += 12 / route.frequency.months_between(meetings).max(1);
    }
    let mut people: BTreeMap<PersonId, Totals> = BTreeMap::new();
    let mut services = Groups::default();
    let mut portfolios = Groups::default();
    for representation in register.representations.values() {
        let Some(partnership) = register.partnerships.get(&representation.partnership) else {
            continue;
        };
        if !is_active(partnership.status) || !in_post_on(representation, settings.today) {
            continue;
        }
        let (routes, reports) = duties.get(&representation.id).copied().unwrap_or_default();
        let who = identities.person(representation.person);
        let person = register.people.get(&representation.person);
        let mut groups: Vec<&mut Totals> = vec![
            people.entry(who).or_default(),
            services.entry(&partnership.service_area, "(no service recorded)"),
        ];
        if let Some(person) = person.filter(|p| p.kind == PersonKind::Councillor) {
            groups.push(portfolios.entry(&person.job_title, "(no portfolio recorded)"));
        }
        for totals in groups {
            totals.people.push(who);
            totals.bodies.push(representation.partnership);
            totals.hours = totals.hours + representation.hours_per_month;
            totals.meetings += representation.meetings_per_year;
            totals.report_duties += routes;
            totals.reports_a_year += reports;
        }
    }
    let mut representations: BTreeMap<PersonId, Vec<RepresentationId>> = BTreeMap::new();
    for representation in register.representations.values() {
        let at_work = register
            .partnerships
            .get(&representation.partnership)
            .is_some_and(|p| is_active(p.status));
        if at_work && in_post_on(representation, settings.today) {
            representations
                .entry(identities.person(representation.person))
                .or_default()
                .push(representation.id);
        }
    }
    let mut people: Vec<PersonLoad> = people
        .into_iter()
        .map(|(person, totals)| {
            let group = totals.into_group(String::new());
            PersonLoad {
                person,
                also_recorded_as: identities.other_people(person),
                representations: representations.remove(&person).unwrap_or_default(),
                over_hours: group.hours > settings.hours_threshold,
                over_bodies: group.bodies.len() > settings.bodies_threshold,
                bodies: group.bodies,
                hours: group.hours,
                meetings: group.meetings,
                report_duties: group.report_duties,
                reports_a_year: group.reports_a_year,
            }
        })
        .collect();
    people.sort_by(|a, b| {
        b.hours
            .cmp(&a.hours)
            .then(b.bodies.len().cmp(&a.bodies.len()))
            .then(a.person.cmp(&b.person))
    });
    LoadReport {
        people,
        services: ranked(services),
        portfolios: ranked(portfolios),
    }
}

/// Totals by a free-text name, each spelling of one name counted together under the first.
#[derive(Default)]
struct Groups {
    by_key: BTreeMap<String, (String, Totals)>,
    /// Each spelling's key, worked out once (many bodies share a service's spelling).
    keys: std::collections::HashMap<String, String>,
}

impl Groups {
    fn entry(&mut self, text: &str, otherwise: &str) -> &mut Totals {
        let text = text.trim();
        let text = if text.is_empty() { otherwise } else { text };
        let key = match self.keys.get(text) {
            Some(key) => key.clone(),
            None => {
                let key = group_key(text);
                self.keys.insert(text.to_string(), key.clone());
                key
            }
        };
        &mut self
            .by_key
            .entry(key)
            .or_insert_with(|| (text.to_string(), Totals::default()))
            .1
    }
}

fn ranked(groups: Groups) -> Vec<GroupLoad> {
    let mut groups: Vec<GroupLoad> = groups
        .by_key
        .into_values()
        .map(|(name, totals)| totals.into_group(name))
        .collect();
    groups.sort_by(|a, b| b.hours.cmp(&a.hours).then(a.name.cmp(&b.name)));
    groups
}
