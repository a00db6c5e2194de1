//! Bringing another register into this one (a district's into the county's map, a neighbour's
//! for a shared partnership). Organisations are matched by org-id, then by normalised name;
//! people and partnerships by normalised name; the records hanging off them (memberships,
//! representations, report-back routes, contributions, themes, priorities and their tags,
//! strategies, objectives, measures, deliveries, actions, assessments) are brought across once,
//! with their links re-pointed, and anything this register already has is left. Partnerships
//! both hold are compared field by field; their fields change only when asked
//! (`take_theirs`). Probable duplicates that are not the same name are listed with their
//! evidence and brought as new records, for the user to merge if they are one. Views, diagram
//! places, snapshots and settings stay this register's own. Running the same merge twice
//! changes nothing the second time.

mod children;

use std::collections::BTreeMap;

use crate::model::{
    Edit, ObjectiveId, Organisation, OrganisationId, Partnership, PartnershipId, PersonId,
    PriorityId, Record, Register, RepresentationId, StrategyId, ThemeId, words,
};
use crate::reconcile::{
    Evidence, NameForm, NameIndex, compare_forms, normalise_name, normalise_org_id,
};

/// What the merge may do besides adding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Take the other register's value for each field of a shared partnership that differs
    /// (where theirs is not empty); otherwise differences are only reported.
    pub take_theirs: bool,
}

/// One field of a shared partnership that the registers hold differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDifference {
    /// The field in words ("review date").
    pub field: String,
    /// This register's value, as JSON text.
    pub ours: String,
    /// The other register's value.
    pub theirs: String,
}

/// A partnership both registers hold, and how they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPartnership {
    /// Its name here.
    pub name: String,
    /// The fields that differ (empty: the same).
    pub differences: Vec<FieldDifference>,
}

/// A record of theirs that looks like one of ours without being the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbableMatch {
    /// Theirs, named.
    pub theirs: String,
    /// Ours, named.
    pub ours: String,
    /// Why they look like one.
    pub evidence: Evidence,
}

/// A planned merge: the one edit, and what it does in words.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterMerge {
    /// The batch edit (empty when there is nothing to bring).
    pub edit: Edit,
    /// Organisations matched, and how ("by org-id", "by name"), counted.
    pub organisations_matched: usize,
    /// People matched by name.
    pub people_matched: usize,
    /// Partnerships both hold, with their differences.
    pub shared: Vec<SharedPartnership>,
    /// Probable duplicates among the new organisations and people, with evidence.
    pub probable: Vec<ProbableMatch>,
    /// Records added, counted by kind ("3 partnerships").
    pub added: Vec<String>,
    /// Shared partnerships whose fields will change (only with `take_theirs`).
    pub changed: usize,
    /// What was not brought, and why.
    pub left: Vec<String>,
}

impl RegisterMerge {
    /// Whether the merge would change nothing.
    pub fn is_empty(&self) -> bool {
        self.edit.leaves().is_empty()
    }

    /// The report in lines, as the command line prints it and the window lists it.
    pub fn report_lines(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "Organisations matched: {}; people matched: {}; partnerships both hold: {}",
                self.organisations_matched,
                self.people_matched,
                self.shared.len()
            ),
            if self.added.is_empty() {
                "To add: nothing".to_string()
            } else {
                format!("To add: {}", self.added.join(", "))
            },
        ];
        if self.changed > 0 {
            lines.push(format!(
                "To change: {} (their values taken)",
                words::counted(self.changed, "partnership")
            ));
        }
        for shared in self.shared.iter().filter(|s| !s.differences.is_empty()) {
            lines.push(format!("Differs: {}", shared.name));
            for difference in &shared.differences {
                lines.push(format!(
                    "  {}: here {} / theirs {}",
                    difference.field, difference.ours, difference.theirs
                ));
            }
        }
        for probable in &self.probable {
            lines.push(format!(
                "Probable duplicate: {} is like {} ({})",
                probable.theirs,
                probable.ours,
                probable.evidence.words()
            ));
        }
        lines.extend(self.left.iter().map(|left| format!("Not brought: {left}")));
        lines
    }
}

/// Plans merging `theirs` (from the file named `source`) into `ours`.
pub fn plan_register_merge(
    ours: &Register,
    theirs: &Register,
    source: &str,
    options: MergeOptions,
) -> RegisterMerge {
    let mut plan = Planner::new(ours);
    plan.organisations(theirs);
    plan.people(theirs);
    plan.partnerships(theirs, options);
    plan.children(theirs);
    let added = plan
        .added
        .iter()
        .map(|(kind, count)| words::counted(*count, kind))
        .collect();
    let description = format!("Merge register {source}");
    RegisterMerge {
        edit: Edit::Batch {
            description,
            edits: plan.edits,
        },
        organisations_matched: plan.organisations_matched,
        people_matched: plan.people_matched,
        shared: plan.shared,
        probable: plan.probable,
        added,
        changed: plan.changed,
        left: plan.left,
    }
}

/// The merge being worked out: their ids mapped to ours, the edits so far.
struct Planner<'a> {
    ours: &'a Register,
    edits: Vec<Edit>,
    added: BTreeMap<&'static str, usize>,
    organisations: BTreeMap<OrganisationId, OrganisationId>,
    people: BTreeMap<PersonId, PersonId>,
    partnerships: BTreeMap<PartnershipId, PartnershipId>,
    representations: BTreeMap<RepresentationId, RepresentationId>,
    themes: BTreeMap<ThemeId, ThemeId>,
    priorities: BTreeMap<PriorityId, PriorityId>,
    strategies: BTreeMap<StrategyId, StrategyId>,
    objectives: BTreeMap<ObjectiveId, ObjectiveId>,
    /// Our organisations and people with one name (or org-id) are one: each to the first.
    org_canonical: BTreeMap<OrganisationId, OrganisationId>,
    person_canonical: BTreeMap<PersonId, PersonId>,
    partnership_canonical: BTreeMap<PartnershipId, PartnershipId>,
    organisations_matched: usize,
    people_matched: usize,
    shared: Vec<SharedPartnership>,
    probable: Vec<ProbableMatch>,
    changed: usize,
    left: Vec<String>,
}

/// First id of each name, and every id to the first of its name.
fn by_name<K: Ord + Copy>(
    items: impl Iterator<Item = (K, String)>,
) -> (BTreeMap<String, K>, BTreeMap<K, K>) {
    let mut first = BTreeMap::new();
    let mut canonical = BTreeMap::new();
    for (key, name) in items {
        let normal = normalise_name(&name);
        let head = if normal.is_empty() {
            key
        } else {
            *first.entry(normal).or_insert(key)
        };
        canonical.insert(key, head);
    }
    (first, canonical)
}

impl<'a> Planner<'a> {
    fn new(ours: &'a Register) -> Self {
        Self {
            ours,
            edits: Vec::new(),
            added: BTreeMap::new(),
            organisations: BTreeMap::new(),
            people: BTreeMap::new(),
            partnerships: BTreeMap::new(),
            representations: BTreeMap::new(),
            themes: BTreeMap::new(),
            priorities: BTreeMap::new(),
            strategies: BTreeMap::new(),
            objectives: BTreeMap::new(),
            org_canonical: BTreeMap::new(),
            person_canonical: BTreeMap::new(),
            partnership_canonical: BTreeMap::new(),
            organisations_matched: 0,
            people_matched: 0,
            shared: Vec::new(),
            probable: Vec::new(),
            changed: 0,
            left: Vec::new(),
        }
    }

    fn add(&mut self, record: impl Into<Record>, kind: &'static str) {
        self.edits.push(Edit::Insert(record.into()));
        *self.added.entry(kind).or_default() += 1;
    }

    fn organisations(&mut self, theirs: &Register) {
        let ours = self.ours;
        let mut by_id: BTreeMap<String, OrganisationId> = BTreeMap::new();
        for organisation in ours.organisations.values() {
            let id = normalise_org_id(&organisation.org_id);
            if !id.is_empty() {
                by_id.entry(id).or_insert(organisation.id);
            }
        }
        let (mut names, canonical) =
            by_name(ours.organisations.values().map(|o| (o.id, o.name.clone())));
        self.org_canonical = canonical;
        let mut next = OrganisationId::next_in(&ours.organisations);
        let our_names = NameIndex::new(ours.organisations.values().map(|o| o.name.as_str()));
        for organisation in theirs.organisations.values() {
            let org_id = normalise_org_id(&organisation.org_id);
            let normal = normalise_name(&organisation.name);
            let found = (!org_id.is_empty())
                .then(|| by_id.get(&org_id).copied())
                .flatten()
                .or_else(|| names.get(&normal).copied());
            let mapped = match found {
                Some(our_id) => {
                    self.organisations_matched += 1;
                    self.org_canonical.get(&our_id).copied().unwrap_or(our_id)
                }
                None => {
                    self.note_probable(&organisation.name, &our_names);
                    let id = next;
                    next = OrganisationId(next.0 + 1);
                    self.add(
                        Organisation {
                            id,
                            ..organisation.clone()
                        },
                        "organisation",
                    );
                    if !org_id.is_empty() {
                        by_id.insert(org_id, id);
                    }
                    if !normal.is_empty() {
                        names.insert(normal, id);
                    }
                    self.org_canonical.insert(id, id);
                    id
                }
            };
            self.organisations.insert(organisation.id, mapped);
        }
    }

    /// Lists `name` as a probable duplicate of the most alike of the names in `ours` that share a
    /// word or initials with it ([`NameIndex`]), if any is.
    fn note_probable(&mut self, name: &str, ours: &NameIndex) {
        let form = NameForm::new(name);
        let best = ours
            .candidates(&form)
            .into_iter()
            .filter_map(|candidate| {
                let evidence = compare_forms(&form, candidate)?;
                let rank = match &evidence {
                    Evidence::Initials { .. } => 101,
                    Evidence::SimilarName { percent } => u32::from(*percent),
                    _ => 0,
                };
                (rank > 0).then_some((rank, candidate.written.as_str(), evidence))
            })
            .max_by_key(|(rank, _, _)| *rank);
        if let Some((_, candidate, evidence)) = best {
            self.probable.push(ProbableMatch {
                theirs: format!("\u{201c}{name}\u{201d}"),
                ours: format!("\u{201c}{candidate}\u{201d}"),
                evidence,
            });
        }
    }

    fn people(&mut self, theirs: &Register) {
        let ours = self.ours;
        let (mut names, canonical) = by_name(ours.people.values().map(|p| (p.id, p.name.clone())));
        self.person_canonical = canonical;
        let mut next = PersonId::next_in(&ours.people);
        let our_names = NameIndex::new(ours.people.values().map(|p| p.name.as_str()));
        for person in theirs.people.values() {
            let normal = normalise_name(&person.name);
            let mapped = match names.get(&normal).copied().filter(|_| !normal.is_empty()) {
                Some(our_id) => {
                    self.people_matched += 1;
                    self.person_canonical
                        .get(&our_id)
                        .copied()
                        .unwrap_or(our_id)
                }
                None => {
                    self.note_probable(&person.name, &our_names);
                    let id = next;
                    next = PersonId(next.0 + 1);
                    let mut new = person.clone();
                    new.id = id;
                    self.add(new, "person");
                    if !normal.is_empty() {
                        names.insert(normal, id);
                    }
                    self.person_canonical.insert(id, id);
                    id
                }
            };
            self.people.insert(person.id, mapped);
        }
    }

    /// Their partnership with our ids in its links (and `id` as its id).
    fn remapped(&self, partnership: &Partnership, id: PartnershipId) -> Partnership {
        let mut copy = partnership.clone();
        copy.id = id;
        copy.responsible_officer = partnership
            .responsible_officer
            .and_then(|p| self.people.get(&p).copied());
        copy.accountable_body = partnership
            .accountable_body
            .and_then(|o| self.organisations.get(&o).copied());
        copy
    }

    fn partnerships(&mut self, theirs: &Register, options: MergeOptions) {
        let ours = self.ours;
        let (mut names, canonical) =
            by_name(ours.partnerships.values().map(|p| (p.id, p.name.clone())));
        self.partnership_canonical = canonical;
        let mut next = PartnershipId::next_in(&ours.partnerships);
        for partnership in theirs.partnerships.values() {
            let normal = normalise_name(&partnership.name);
            match names.get(&normal).copied().filter(|_| !normal.is_empty()) {
                Some(our_id) => {
                    let our_id = self
                        .partnership_canonical
                        .get(&our_id)
                        .copied()
                        .unwrap_or(our_id);
                    self.partnerships.insert(partnership.id, our_id);
                    let Some(mine) = ours.partnerships.get(&our_id) else {
                        // One of theirs already added under this name: nothing more to do.
                        continue;
                    };
                    let incoming = self.remapped(partnership, our_id);
                    let (differences, taken) = compare(mine, &incoming);
                    if options.take_theirs
                        && let Some(after) = taken
                        && after != *mine
                    {
                        self.edits.push(Edit::change(mine.clone(), after));
                        self.changed += 1;
                    }
                    self.shared.push(SharedPartnership {
                        name: mine.name.clone(),
                        differences,
                    });
                }
                None => {
                    let id = next;
                    next = PartnershipId(next.0 + 1);
                    let incoming = self.remapped(partnership, id);
                    self.add(incoming, "partnership");
                    if !normal.is_empty() {
                        names.insert(normal, id);
                    }
                    self.partnership_canonical.insert(id, id);
                    self.partnerships.insert(partnership.id, id);
                }
            }
        }
    }

    fn children(&mut self, theirs: &Register) {
        children::bring(self, theirs);
    }
}

/// The fields of `mine` and `theirs` that differ, and `mine` with theirs' non-empty values.
fn compare(
    mine: &Partnership,
    theirs: &Partnership,
) -> (Vec<FieldDifference>, Option<Partnership>) {
    let (Ok(serde_json::Value::Object(ours)), Ok(serde_json::Value::Object(other))) =
        (serde_json::to_value(mine), serde_json::to_value(theirs))
    else {
        return (Vec::new(), None);
    };
    let mut taken = ours.clone();
    let mut differences = Vec::new();
    for (field, value) in &other {
        let here = ours.get(field).cloned().unwrap_or(serde_json::Value::Null);
        if here == *value {
            continue;
        }
        differences.push(FieldDifference {
            field: field.replace('_', " "),
            ours: here.to_string(),
            theirs: value.to_string(),
        });
        let empty = matches!(
            value,
            serde_json::Value::Null | serde_json::Value::Bool(false)
        ) || value.as_str().is_some_and(str::is_empty)
            || value.as_array().is_some_and(Vec::is_empty);
        if !empty {
            taken.insert(field.clone(), value.clone());
        }
    }
    let taken = serde_json::from_value(serde_json::Value::Object(taken)).ok();
    (differences, taken)
}
