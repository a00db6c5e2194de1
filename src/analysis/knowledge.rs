//! The knowledge network (seed 004, "Recommendation 31": "mechanisms for managing the flow of
//! knowledge into and out of partnerships to the relevant officers and Members ... need to be
//! more robust"). Each representation should have a report-back route: to a portfolio holder,
//! a committee, a service team or a named officer, how often, and when it last did.
//!
//! This lists where knowledge does not come back into the council:
//! - a representative in post with no report-back route;
//! - a representative whose every route is overdue (or was never used, a period after their
//!   term began);
//! - a body the council has no seat on, with the reason recorded but not how the council is
//!   kept informed; or with no reason either, so nothing comes back at all.
//!
//! A body where another district leads, recorded with the reason and how the council is kept
//! informed, is not listed: that is a route too (seed 004, 2.9 and 2.10).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Evidence, is_active};
use crate::model::{
    PartnershipId, PersonId, RecordKey, Register, ReportBackRoute, ReportBackRouteId,
    Representation, RepresentationId,
};
use crate::scoring::in_post_on;

/// When a report is late.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnowledgeSettings {
    /// The day the answer is for.
    pub today: NaiveDate,
    /// Days after a report was due before it counts as overdue.
    pub grace_days: u32,
}

impl KnowledgeSettings {
    /// As at `today`, with two weeks' grace.
    pub fn on(today: NaiveDate) -> Self {
        Self {
            today,
            grace_days: 14,
        }
    }
}

/// Where one route stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteState {
    /// When it last reported back, if ever.
    pub last: Option<NaiveDate>,
    /// When the next report is (or was) due: a period after the last one, or after the term
    /// began if it never reported; `None` if neither date is known.
    pub due: Option<NaiveDate>,
    /// Past due by more than the grace days, or never used and no date to count from.
    pub overdue: bool,
}

/// Where `route` stands on `settings.today` (`representation` is the one it belongs to).
pub fn route_state(
    route: &ReportBackRoute,
    representation: Option<&Representation>,
    settings: &KnowledgeSettings,
) -> RouteState {
    let meetings = representation.map_or(0, |r| r.meetings_per_year);
    let from = route
        .last_reported
        .or_else(|| representation.and_then(|r| r.term_start));
    let due = from.and_then(|date| route.frequency.next_due(date, meetings));
    let overdue = match due {
        Some(due) => {
            let grace = chrono::Days::new(u64::from(settings.grace_days));
            due.checked_add_days(grace)
                .is_none_or(|late_from| settings.today > late_from)
        }
        None => true,
    };
    RouteState {
        last: route.last_reported,
        due,
        overdue,
    }
}

/// Why knowledge does not come back from a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnowledgeProblem {
    /// A representative in post has no report-back route.
    NoRoute,
    /// Every route of a representative is overdue; the earliest due date, if known.
    Overdue {
        /// When the first of them was due.
        due: Option<NaiveDate>,
        /// When they last reported back on any route, if ever.
        last: Option<NaiveDate>,
    },
    /// No seat, for a recorded reason, but how the council is kept informed is not recorded.
    NoSeatNotInformed,
    /// No representative in post and no reason recorded: nothing comes back.
    NoSeatNoReason,
}

impl KnowledgeProblem {
    /// Short words for a table column.
    pub fn label(self) -> &'static str {
        match self {
            Self::NoRoute => "No report-back route",
            Self::Overdue { last: None, .. } => "Never reported back",
            Self::Overdue { .. } => "Report-back overdue",
            Self::NoSeatNotInformed => "No seat; not told how the council is kept informed",
            Self::NoSeatNoReason => "No representative and no reason recorded",
        }
    }
}

/// One place where knowledge does not come back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnowledgeFinding {
    /// The body.
    pub partnership: PartnershipId,
    /// The representation concerned, if it is about one.
    pub representation: Option<RepresentationId>,
    /// Its representative.
    pub person: Option<PersonId>,
    /// Its routes (all overdue, for `Overdue`).
    pub routes: Vec<ReportBackRouteId>,
    /// What is wrong.
    pub problem: KnowledgeProblem,
}

impl KnowledgeFinding {
    /// The finding in words, with its evidence.
    pub fn describe(&self, register: &Register) -> String {
        let person = self
            .person
            .and_then(|id| register.people.get(&id))
            .map_or("", |p| p.name.as_str());
        let partnership = register.partnerships.get(&self.partnership);
        match self.problem {
            KnowledgeProblem::NoRoute => {
                format!("{person} sits on it but reports back to nobody on record")
            }
            KnowledgeProblem::Overdue { due, last } => {
                let due = due.map_or_else(String::new, |d| format!(", due {}", long_date(d)));
                match last {
                    Some(last) => {
                        format!("{person} last reported back on {}{due}", long_date(last))
                    }
                    None => format!("{person} has never reported back{due}"),
                }
            }
            KnowledgeProblem::NoSeatNotInformed => format!(
                "No seat: {}; how the council is kept informed is not recorded",
                partnership.map_or("", |p| p.no_seat_reason.trim_end_matches('.'))
            ),
            KnowledgeProblem::NoSeatNoReason => {
                "No council representative in post and no reason recorded".to_string()
            }
        }
    }
}

impl Evidence for KnowledgeFinding {
    fn records(&self) -> Vec<RecordKey> {
        let mut records = vec![RecordKey::Partnership(self.partnership)];
        records.extend(self.representation.map(RecordKey::Representation));
        records.extend(self.person.map(RecordKey::Person));
        records.extend(self.routes.iter().copied().map(RecordKey::ReportBackRoute));
        records
    }
}

/// The knowledge network's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnowledgeReport {
    /// Where knowledge does not come back, by partnership then representation.
    pub findings: Vec<KnowledgeFinding>,
    /// Representations in post on bodies at work.
    pub representations: usize,
    /// Of those, how many have a route that is up to date.
    pub flowing: usize,
    /// Routes on record (on every body).
    pub routes: usize,
    /// Routes overdue (on bodies at work, representatives in post).
    pub overdue_routes: usize,
}

/// Every body at work, and where its knowledge does not come back.
pub fn knowledge(register: &Register, settings: &KnowledgeSettings) -> KnowledgeReport {
    let mut routes_of: BTreeMap<RepresentationId, Vec<&ReportBackRoute>> = BTreeMap::new();
    for route in register.report_back_routes.values() {
        routes_of
            .entry(route.representation)
            .or_default()
            .push(route);
    }
    let mut in_post: BTreeMap<PartnershipId, Vec<&Representation>> = BTreeMap::new();
    for representation in register.representations.values() {
        if in_post_on(representation, settings.today) {
            in_post
                .entry(representation.partnership)
                .or_default()
                .push(representation);
        }
    }
    let mut report = KnowledgeReport {
        routes: register.report_back_routes.len(),
        ..KnowledgeReport::default()
    };
    for partnership in register.partnerships.values() {
        if !is_active(partnership.status) {
            continue;
        }
        let Some(representations) = in_post.get(&partnership.id) else {
            let problem = if partnership.no_seat_reason.trim().is_empty() {
                Some(KnowledgeProblem::NoSeatNoReason)
            } else if partnership.kept_informed.trim().is_empty() {
                Some(KnowledgeProblem::NoSeatNotInformed)
            } else {
                None
            };
            if let Some(problem) = problem {
                report.findings.push(KnowledgeFinding {
                    partnership: partnership.id,
                    representation: None,
                    person: None,
                    routes: Vec::new(),
                    problem,
                });
            }
            continue;
        };
        for representation in representations {
            report.representations += 1;
            let routes = routes_of
                .get(&representation.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let finding = |problem, routes: Vec<ReportBackRouteId>| KnowledgeFinding {
                partnership: partnership.id,
                representation: Some(representation.id),
                person: Some(representation.person),
                routes,
                problem,
            };
            if routes.is_empty() {
                report
                    .findings
                    .push(finding(KnowledgeProblem::NoRoute, Vec::new()));
                continue;
            }
            let states: Vec<RouteState> = routes
                .iter()
                .map(|route| route_state(route, Some(representation), settings))
                .collect();
            let late = states.iter().filter(|s| s.overdue).count();
            report.overdue_routes += late;
            if late < states.len() {
                report.flowing += 1;
                continue;
            }
            let due = states.iter().filter_map(|s| s.due).min();
            let last = states.iter().filter_map(|s| s.last).max();
            report.findings.push(finding(
                KnowledgeProblem::Overdue { due, last },
                routes.iter().map(|r| r.id).collect(),
            ));
        }
    }
    report
}

/// "3 March 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
