//! One body under several names: real registers hold "Leicestershire Police" and
//! "Leicestershire Constabulary" as two organisations, "Cllr Jane Pain" and "Jane Pain" as two
//! people, "Older people" and "Older People" as two themes. The analysis reads each such group
//! as one, so two partnerships sharing a member under two spellings still share it, a person's
//! load is not split between their records, and a theme served under one spelling is not a gap
//! under the other.
//!
//! Records are one when [`crate::reconcile`] says so for certain: the same normalised name, or
//! (organisations) the same org-id, or (people) the same e-mail address. Similar names and
//! initials stay probable duplicates for a person to merge (File > Merge), never silently one.
//! Each group is named by its lowest identifier, so the answer is the same every time.

use std::collections::BTreeMap;

use crate::model::{OrganisationId, PersonId, PriorityId, Register, ThemeId};
use crate::reconcile::{normalise_name, normalise_org_id};

/// Words before a person's name that say nothing about who they are ("Cllr Jane Pain").
const TITLES: &[&str] = &[
    "cllr",
    "councillor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "rev",
];

/// Which records of a register are one body, person, theme or priority.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identities {
    organisations: BTreeMap<OrganisationId, OrganisationId>,
    people: BTreeMap<PersonId, PersonId>,
    themes: BTreeMap<ThemeId, ThemeId>,
    priorities: BTreeMap<PriorityId, PriorityId>,
}

impl Identities {
    /// Finds every kind of group in `register`.
    pub fn of(register: &Register) -> Self {
        Self::default()
            .with_organisations(register)
            .with_people(register)
            .with_themes(register)
    }

    /// Finds which organisations are one (each answer asks only for the kinds it counts: the
    /// names are normalised one by one, which is most of the cost on a large register).
    pub fn with_organisations(mut self, register: &Register) -> Self {
        self.organisations = grouped(register.organisations.values().map(|o| {
            let mut keys = vec![format!("n:{}", normalise_name(&o.name))];
            let id = normalise_org_id(&o.org_id);
            if !id.is_empty() {
                keys.push(format!("i:{id}"));
            }
            (o.id, keys)
        }));
        self
    }

    /// Finds which people are one.
    pub fn with_people(mut self, register: &Register) -> Self {
        self.people = grouped(register.people.values().map(|p| {
            let mut keys = vec![format!("n:{}", person_name_key(&p.name))];
            let email = p.email.trim().to_lowercase();
            if email.contains('@') {
                keys.push(format!("e:{email}"));
            }
            (p.id, keys)
        }));
        self
    }

    /// Finds which themes are one, and which priorities.
    pub fn with_themes(mut self, register: &Register) -> Self {
        self.themes = grouped(
            register
                .themes
                .values()
                .map(|t| (t.id, vec![normalise_name(&t.name)])),
        );
        self.priorities = grouped(
            register
                .priorities
                .values()
                .map(|p| (p.id, vec![normalise_name(&p.name)])),
        );
        self
    }

    /// The organisation that stands for `id`'s group (itself when it has no other name).
    pub fn organisation(&self, id: OrganisationId) -> OrganisationId {
        self.organisations.get(&id).copied().unwrap_or(id)
    }

    /// The person that stands for `id`'s group.
    pub fn person(&self, id: PersonId) -> PersonId {
        self.people.get(&id).copied().unwrap_or(id)
    }

    /// The theme that stands for `id`'s group.
    pub fn theme(&self, id: ThemeId) -> ThemeId {
        self.themes.get(&id).copied().unwrap_or(id)
    }

    /// The priority that stands for `id`'s group.
    pub fn priority(&self, id: PriorityId) -> PriorityId {
        self.priorities.get(&id).copied().unwrap_or(id)
    }

    /// The other records of `id`'s group (empty when it has no other name), lowest first.
    pub fn other_people(&self, id: PersonId) -> Vec<PersonId> {
        let head = self.person(id);
        self.people
            .iter()
            .filter(|(other, group)| **group == head && **other != id)
            .map(|(other, _)| *other)
            .collect()
    }

    /// The other records of `id`'s group, lowest first.
    pub fn other_organisations(&self, id: OrganisationId) -> Vec<OrganisationId> {
        let head = self.organisation(id);
        self.organisations
            .iter()
            .filter(|(other, group)| **group == head && **other != id)
            .map(|(other, _)| *other)
            .collect()
    }
}

/// A person's name without titles, normalised: "Cllr Jane Pain" and "jane pain" are one.
pub fn person_name_key(name: &str) -> String {
    let normal = normalise_name(name);
    let words: Vec<&str> = normal.split(' ').collect();
    let start = words
        .iter()
        .take_while(|word| TITLES.contains(word))
        .count()
        .min(words.len().saturating_sub(1));
    words[start..].join(" ")
}

/// The one spelling a free-text group name (a service area, a portfolio) is counted under:
/// "Housing", "housing" and "Housing." are one.
pub fn group_key(name: &str) -> String {
    normalise_name(name)
}

/// Every id to the lowest id it shares a key with, directly or through others (so "A" with
/// A's org-id and "A Ltd" with another spelling of it are one).
fn grouped<K: Ord + Copy>(items: impl Iterator<Item = (K, Vec<String>)>) -> BTreeMap<K, K> {
    let mut parent: BTreeMap<K, K> = BTreeMap::new();
    let mut by_key: BTreeMap<String, K> = BTreeMap::new();
    fn root<K: Ord + Copy>(parent: &BTreeMap<K, K>, mut id: K) -> K {
        while let Some(&up) = parent.get(&id) {
            if up == id {
                break;
            }
            id = up;
        }
        id
    }
    for (id, keys) in items {
        parent.entry(id).or_insert(id);
        for key in keys {
            if key.is_empty() || key.ends_with(':') {
                continue;
            }
            match by_key.get(&key).copied() {
                None => {
                    by_key.insert(key, id);
                }
                Some(other) => {
                    let (a, b) = (root(&parent, id), root(&parent, other));
                    let (low, high) = if a <= b { (a, b) } else { (b, a) };
                    parent.insert(high, low);
                }
            }
        }
    }
    let ids: Vec<K> = parent.keys().copied().collect();
    ids.into_iter().map(|id| (id, root(&parent, id))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_not_part_of_a_name() {
        assert_eq!(person_name_key("Cllr Jane Pain"), "jane pain");
        assert_eq!(person_name_key("Councillor  jane PAIN"), "jane pain");
        assert_eq!(
            person_name_key("Dr. Ann Marie Hawkins"),
            "ann marie hawkins"
        );
        // A name that is nothing but a title keeps its last word.
        assert_eq!(person_name_key("Cllr"), "cllr");
    }

    #[test]
    fn groups_join_through_any_shared_key() {
        let groups = grouped(
            [
                (3, vec!["a".to_string(), "x".to_string()]),
                (1, vec!["b".to_string()]),
                (2, vec!["a".to_string(), "b".to_string()]),
                (4, vec!["c".to_string()]),
            ]
            .into_iter(),
        );
        assert_eq!(groups[&3], 1);
        assert_eq!(groups[&2], 1);
        assert_eq!(groups[&1], 1);
        assert_eq!(groups[&4], 4);
    }
}
