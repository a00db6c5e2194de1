//! Gaps: what the register shows is missing, each gap linking to the records that show it.
//!
//! - themes (population groups such as older people are themes) and corporate priorities
//!   that no body at work serves, or only removed, closed or dormant ones (seed 004, 2.11);
//! - bodies at work with no council representative in post, unless the reason is recorded
//!   ("another district leads", seed 004, 2.9);
//! - significant bodies without a governing document (terms of reference or the like), an
//!   exit strategy or a risk register;
//! - reviews overdue (by the scoring overview's review dates) and actions overdue;
//! - representatives whose term has ended and who were not appointed again;
//! - bodies that have not met, or whose report-back routes have not been used, within a set
//!   time (a body with no route at all is listed by the knowledge answer).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};

use super::identity::Identities;
use super::knowledge::{long_date, route_state};
use super::{Evidence, KnowledgeSettings, is_active, listed};
use crate::model::FinancialYear;
use crate::model::{
    ActionId, GoverningDocument, PartnershipId, PriorityId, RecordKey, Register, Significance,
    ThemeId,
};
use crate::scoring::in_post_on;

/// The set times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GapSettings {
    /// The day the answer is for.
    pub today: NaiveDate,
    /// A body that last met longer ago than this many months has gone quiet.
    pub quiet_months: u32,
    /// A body whose representatives last reported back longer ago than this has not
    /// reported back.
    pub report_months: u32,
}

impl GapSettings {
    /// As at `today`: quiet after 12 months, not reported back after 6.
    pub fn on(today: NaiveDate) -> Self {
        Self {
            today,
            quiet_months: 12,
            report_months: 6,
        }
    }
}

/// What kind of gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GapKind {
    /// A theme no body at work serves; the bodies tagged with it that are not at work.
    UncoveredTheme(ThemeId),
    /// A corporate priority no body at work supports.
    UncoveredPriority(PriorityId),
    /// A body at work with no representative in post and no reason recorded.
    NoRepresentative(PartnershipId),
    /// A significant body missing governance evidence.
    MissingGovernance {
        /// The body.
        partnership: PartnershipId,
        /// No governing document (terms of reference, agreement, constitution...).
        governing_document: bool,
        /// No exit strategy.
        exit_strategy: bool,
        /// No risk register.
        risk_register: bool,
    },
    /// A review date passed.
    ReviewOverdue {
        /// The body.
        partnership: PartnershipId,
        /// When the review was due.
        due: NaiveDate,
    },
    /// An open action past its due date.
    ActionOverdue {
        /// The action.
        action: ActionId,
        /// When it was due.
        due: NaiveDate,
    },
    /// A representative's term ended and they were not appointed again.
    TermEnded {
        /// The representation.
        representation: crate::model::RepresentationId,
        /// When it ended.
        ended: NaiveDate,
    },
    /// A body that has not met within the set time.
    NotMet {
        /// The body.
        partnership: PartnershipId,
        /// When it last met.
        last_met: NaiveDate,
    },
    /// A body whose representatives have not reported back within the set time.
    NotReportedBack {
        /// The body.
        partnership: PartnershipId,
        /// When any of its representatives last reported back, if ever.
        last: Option<NaiveDate>,
    },
}

impl GapKind {
    /// The heading the gap is listed under.
    pub fn heading(&self) -> &'static str {
        match self {
            Self::UncoveredTheme(_) => "Theme with no body at work",
            Self::UncoveredPriority(_) => "Priority with no body at work",
            Self::NoRepresentative(_) => "No council representative",
            Self::MissingGovernance { .. } => "Significant, governance missing",
            Self::ReviewOverdue { .. } => "Review overdue",
            Self::ActionOverdue { .. } => "Action overdue",
            Self::TermEnded { .. } => "Term ended",
            Self::NotMet { .. } => "Not met",
            Self::NotReportedBack { .. } => "Not reported back",
        }
    }
}

/// One gap and the records that show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// What is missing.
    pub kind: GapKind,
    /// The records that show it, the one it is about first.
    pub records: Vec<RecordKey>,
}

impl Evidence for Gap {
    fn records(&self) -> Vec<RecordKey> {
        self.records.clone()
    }
}

impl Gap {
    /// The partnership the gap is about, if it is about one (an action's partnership too).
    pub fn partnership(&self) -> Option<PartnershipId> {
        self.records.iter().find_map(|key| match key {
            RecordKey::Partnership(id) => Some(*id),
            _ => None,
        })
    }

    /// The name of what the gap is about.
    pub fn subject(&self, register: &Register) -> String {
        let name = |id: &PartnershipId| register.partnership_name(*id).to_string();
        match &self.kind {
            GapKind::UncoveredTheme(id) => register
                .themes
                .get(id)
                .map_or_else(String::new, |t| t.name.clone()),
            GapKind::UncoveredPriority(id) => register
                .priorities
                .get(id)
                .map_or_else(String::new, |p| p.name.clone()),
            GapKind::ActionOverdue { action, .. } => register
                .actions
                .get(action)
                .map_or_else(String::new, |a| a.title.clone()),
            GapKind::TermEnded { representation, .. } => register
                .representations
                .get(representation)
                .map(|r| name(&r.partnership))
                .unwrap_or_default(),
            GapKind::NoRepresentative(p)
            | GapKind::MissingGovernance { partnership: p, .. }
            | GapKind::ReviewOverdue { partnership: p, .. }
            | GapKind::NotMet { partnership: p, .. }
            | GapKind::NotReportedBack { partnership: p, .. } => name(p),
        }
    }

    /// The evidence in words.
    pub fn describe(&self, register: &Register) -> String {
        let partnership_names = |keys: &[RecordKey]| -> Vec<String> {
            keys.iter()
                .filter_map(|key| match key {
                    RecordKey::Partnership(id) => register.partnerships.get(id),
                    _ => None,
                })
                .map(|p| {
                    let reason = p.status_reason.trim().trim_end_matches('.');
                    if reason.is_empty() {
                        format!("{} ({})", p.name, p.status.label().to_lowercase())
                    } else {
                        format!("{} ({}: {reason})", p.name, p.status.label().to_lowercase())
                    }
                })
                .collect()
        };
        match &self.kind {
            GapKind::UncoveredTheme(_) | GapKind::UncoveredPriority(_) => {
                let others = partnership_names(&self.records[1..]);
                if others.is_empty() {
                    "No partnership is tagged with it".to_string()
                } else {
                    format!("Only bodies not at work: {}", listed(&others))
                }
            }
            GapKind::NoRepresentative(_) => {
                "No representative in post, and no reason for having no seat".to_string()
            }
            GapKind::MissingGovernance {
                governing_document,
                exit_strategy,
                risk_register,
                ..
            } => {
                let mut missing = Vec::new();
                if *governing_document {
                    missing.push("terms of reference".to_string());
                }
                if *exit_strategy {
                    missing.push("exit strategy".to_string());
                }
                if *risk_register {
                    missing.push("risk register".to_string());
                }
                format!("Significant, with no {}", listed(&missing))
            }
            GapKind::ReviewOverdue { due, .. } => format!("Review was due {}", long_date(*due)),
            GapKind::ActionOverdue { action, due } => {
                let owner = register
                    .actions
                    .get(action)
                    .and_then(|a| a.owner)
                    .and_then(|id| register.people.get(&id))
                    .map_or_else(String::new, |p| format!(" (owner {})", p.name));
                format!("Due {}, still open{owner}", long_date(*due))
            }
            GapKind::TermEnded {
                representation,
                ended,
            } => {
                let person = register
                    .representations
                    .get(representation)
                    .and_then(|r| register.people.get(&r.person))
                    .map_or("", |p| p.name.as_str());
                format!("{person}'s term ended {}", long_date(*ended))
            }
            GapKind::NotMet { last_met, .. } => {
                format!("Last met {}", long_date(*last_met))
            }
            GapKind::NotReportedBack {
                last: Some(last), ..
            } => {
                format!("Last reported back {}", long_date(*last))
            }
            GapKind::NotReportedBack { last: None, .. } => {
                "Never reported back on record".to_string()
            }
        }
    }
}

/// Every gap as at `settings.today`, in the order of [`GapKind`] then by record.
pub fn gaps(register: &Register, settings: &GapSettings) -> Vec<Gap> {
    let today = settings.today;
    let mut found = Vec::new();
    let identities = Identities::default()
        .with_themes(register)
        .with_people(register);
    coverage_gaps(register, &identities, &mut found);
    let mut in_post: BTreeMap<PartnershipId, Vec<&crate::model::Representation>> = BTreeMap::new();
    let mut every_representation: BTreeMap<PartnershipId, Vec<RecordKey>> = BTreeMap::new();
    for representation in register.representations.values() {
        every_representation
            .entry(representation.partnership)
            .or_default()
            .push(RecordKey::Representation(representation.id));
        if in_post_on(representation, today) {
            in_post
                .entry(representation.partnership)
                .or_default()
                .push(representation);
        }
    }
    for partnership in register.partnerships.values() {
        if is_active(partnership.status)
            && !in_post.contains_key(&partnership.id)
            && partnership.no_seat_reason.trim().is_empty()
        {
            let mut records = vec![RecordKey::Partnership(partnership.id)];
            records.extend(
                every_representation
                    .get(&partnership.id)
                    .into_iter()
                    .flatten()
                    .copied(),
            );
            found.push(Gap {
                kind: GapKind::NoRepresentative(partnership.id),
                records,
            });
        }
    }
    let overview = crate::scoring::overview(register, today, FinancialYear::of(today).starts_in);
    for row in &overview.rows {
        let Some(partnership) = register.partnerships.get(&row.partnership) else {
            continue;
        };
        if !is_active(partnership.status) || row.significance != Significance::Significant {
            continue;
        }
        let governing_document = partnership.governing_document == GoverningDocument::None;
        let exit_strategy = partnership.exit_strategy.trim().is_empty();
        let risk_register = !partnership.risk_register;
        if governing_document || exit_strategy || risk_register {
            let mut records = vec![RecordKey::Partnership(partnership.id)];
            records.extend(row.current.map(RecordKey::Assessment));
            found.push(Gap {
                kind: GapKind::MissingGovernance {
                    partnership: partnership.id,
                    governing_document,
                    exit_strategy,
                    risk_register,
                },
                records,
            });
        }
    }
    for row in &overview.rows {
        let active = register
            .partnerships
            .get(&row.partnership)
            .is_some_and(|p| is_active(p.status));
        if let (true, true, Some(due)) = (active, row.review_overdue, row.review_due) {
            let mut records = vec![RecordKey::Partnership(row.partnership)];
            records.extend(row.current.map(RecordKey::Assessment));
            found.push(Gap {
                kind: GapKind::ReviewOverdue {
                    partnership: row.partnership,
                    due,
                },
                records,
            });
        }
    }
    for action in register.actions.values() {
        if let Some(due) = action
            .due
            .filter(|due| action.status.is_open() && *due < today)
        {
            let mut records = vec![RecordKey::Action(action.id)];
            records.extend(action.partnership.map(RecordKey::Partnership));
            records.extend(action.owner.map(RecordKey::Person));
            found.push(Gap {
                kind: GapKind::ActionOverdue {
                    action: action.id,
                    due,
                },
                records,
            });
        }
    }
    term_gaps(register, today, &identities, &in_post, &mut found);
    quiet_gaps(register, settings, &in_post, &mut found);
    found
}

/// Themes and priorities no body at work serves. A theme recorded under two spellings is one
/// theme ([`Identities`]): it is a gap only when no body at work serves either, and then once.
fn coverage_gaps(register: &Register, identities: &Identities, found: &mut Vec<Gap>) {
    let active = |id: &PartnershipId| {
        register
            .partnerships
            .get(id)
            .is_some_and(|p| is_active(p.status))
    };
    // Each group's records (its head first) and the bodies tagged with any of them.
    let mut themes: BTreeMap<ThemeId, (Vec<ThemeId>, Vec<PartnershipId>)> = BTreeMap::new();
    for theme in register.themes.values() {
        themes
            .entry(identities.theme(theme.id))
            .or_default()
            .0
            .push(theme.id);
    }
    for tag in register.theme_tags.values() {
        if let Some(group) = themes.get_mut(&identities.theme(tag.theme)) {
            group.1.push(tag.partnership);
        }
    }
    for (head, (members, tagged)) in themes {
        if !tagged.iter().any(active) {
            let mut records: Vec<RecordKey> = members.into_iter().map(RecordKey::Theme).collect();
            records.extend(tagged.into_iter().map(RecordKey::Partnership));
            found.push(Gap {
                kind: GapKind::UncoveredTheme(head),
                records,
            });
        }
    }
    let mut priorities: BTreeMap<PriorityId, (Vec<PriorityId>, Vec<PartnershipId>)> =
        BTreeMap::new();
    for priority in register.priorities.values() {
        priorities
            .entry(identities.priority(priority.id))
            .or_default()
            .0
            .push(priority.id);
    }
    for tag in register.priority_tags.values() {
        if let Some(group) = priorities.get_mut(&identities.priority(tag.priority)) {
            group.1.push(tag.partnership);
        }
    }
    for (head, (members, tagged)) in priorities {
        if !tagged.iter().any(active) {
            let mut records: Vec<RecordKey> =
                members.into_iter().map(RecordKey::Priority).collect();
            records.extend(tagged.into_iter().map(RecordKey::Partnership));
            found.push(Gap {
                kind: GapKind::UncoveredPriority(head),
                records,
            });
        }
    }
}

/// Ended terms on bodies at work, where the same person (under any of their names) is not in
/// post there again.
fn term_gaps(
    register: &Register,
    today: NaiveDate,
    identities: &Identities,
    in_post: &BTreeMap<PartnershipId, Vec<&crate::model::Representation>>,
    found: &mut Vec<Gap>,
) {
    for representation in register.representations.values() {
        let Some(ended) = representation.term_end.filter(|end| *end < today) else {
            continue;
        };
        let active = register
            .partnerships
            .get(&representation.partnership)
            .is_some_and(|p| is_active(p.status));
        let reappointed = in_post
            .get(&representation.partnership)
            .is_some_and(|list| {
                list.iter().any(|r| {
                    identities.person(r.person) == identities.person(representation.person)
                })
            });
        if active && !reappointed {
            found.push(Gap {
                kind: GapKind::TermEnded {
                    representation: representation.id,
                    ended,
                },
                records: vec![
                    RecordKey::Partnership(representation.partnership),
                    RecordKey::Representation(representation.id),
                    RecordKey::Person(representation.person),
                ],
            });
        }
    }
}

/// Bodies that have not met, or whose representatives have not reported back, in time.
fn quiet_gaps(
    register: &Register,
    settings: &GapSettings,
    in_post: &BTreeMap<PartnershipId, Vec<&crate::model::Representation>>,
    found: &mut Vec<Gap>,
) {
    let today = settings.today;
    let before = |months: u32| today.checked_sub_months(Months::new(months));
    let quiet_before = before(settings.quiet_months);
    let report_before = before(settings.report_months);
    let mut routes: BTreeMap<crate::model::RepresentationId, Vec<&crate::model::ReportBackRoute>> =
        BTreeMap::new();
    for route in register.report_back_routes.values() {
        routes.entry(route.representation).or_default().push(route);
    }
    let knowledge = KnowledgeSettings::on(today);
    for partnership in register.partnerships.values() {
        if !is_active(partnership.status) {
            continue;
        }
        if let (Some(last_met), Some(limit)) = (partnership.last_met, quiet_before)
            && last_met < limit
        {
            found.push(Gap {
                kind: GapKind::NotMet {
                    partnership: partnership.id,
                    last_met,
                },
                records: vec![RecordKey::Partnership(partnership.id)],
            });
        }
        let Some(representations) = in_post.get(&partnership.id) else {
            continue;
        };
        let mut route_keys = BTreeSet::new();
        let mut last = None;
        let mut new_enough = false;
        for representation in representations {
            for route in routes
                .get(&representation.id)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                route_keys.insert(RecordKey::ReportBackRoute(route.id));
                last = last.max(route.last_reported);
                // A representative new in post has had no time to report yet.
                let state = route_state(route, Some(representation), &knowledge);
                new_enough |= route.last_reported.is_none() && !state.overdue;
            }
        }
        // Bodies with no route at all are the knowledge answer's (no route on record).
        let late = !route_keys.is_empty()
            && match (last, report_before) {
                (Some(last), Some(limit)) => last < limit,
                (None, _) => !new_enough,
                (Some(_), None) => false,
            };
        if late {
            let mut records = vec![RecordKey::Partnership(partnership.id)];
            records.extend(route_keys);
            found.push(Gap {
                kind: GapKind::NotReportedBack {
                    partnership: partnership.id,
                    last,
                },
                records,
            });
        }
    }
}
