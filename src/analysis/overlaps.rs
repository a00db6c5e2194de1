//! Duplication and overlap: pairs of partnerships that may duplicate each other, ranked, each
//! with its evidence.
//!
//! Five kinds of evidence, each a number from 0 to 1, make a pair's score (a weighted sum,
//! shown as a percentage):
//!
//! | evidence | measure | weight |
//! | --- | --- | --- |
//! | shared member organisations | Jaccard: shared / all members of either | 35 |
//! | similar purposes | TF-IDF cosine of name and purpose ([`super::text`]), explained by the shared words | 30 |
//! | the same strategy objectives delivered | Jaccard of the objectives | 15 |
//! | shared council representatives | Jaccard of the people | 10 |
//! | the same theme and level | half for the themes' Jaccard, half for the same structural level | 10 |
//!
//! The council's own organisation is left out of the members: it sits on nearly everything in
//! its own register, so it would make every pair look alike.
//!
//! One body under several names counts once ([`super::identity`]): a member recorded as
//! "Leicestershire Police" on one body and "Leicestershire Constabulary" on the other is shared,
//! and so is a representative recorded twice.
//!
//! # Not all against all
//!
//! Only pairs that share something are compared. Inverted indexes list, for each member
//! organisation, representative, objective and purpose word, the partnerships that have it;
//! the candidate pairs are those that meet in some list. A key shared by more than √N bodies
//! (at least 25), such as a county-wide police force or a word every purpose uses, is too common
//! to suggest a pair on its own: it does not make candidates, though it still counts in the
//! evidence of pairs found otherwise. So the work grows with the pairs that really share
//! something, not with N².

use std::collections::BTreeMap;

use super::identity::Identities;
use super::text::{Vocabulary, WordVector, cosine_explained, tf_idf};
use super::{Evidence, counted, is_active, listed};
use crate::model::{
    ObjectiveId, OrganisationId, PartnershipId, PersonId, RecordKey, Register, StructuralLevel,
    ThemeId,
};

/// Weights of the five kinds of evidence, in percent (they add up to 100).
const MEMBER_WEIGHT: f64 = 35.0;
const PURPOSE_WEIGHT: f64 = 30.0;
const OBJECTIVE_WEIGHT: f64 = 15.0;
const REPRESENTATIVE_WEIGHT: f64 = 10.0;
const THEME_LEVEL_WEIGHT: f64 = 10.0;

/// Shared words named in a pair's explanation, at most.
const WORDS_SHOWN: usize = 8;

/// A shared word is named when it makes at least this share of the similarity (percent): the
/// place names every purpose uses count for little and are left out of the explanation.
const MIN_WORD_SHARE: u32 = 5;

/// What to compare and what to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverlapSettings {
    /// Pairs scoring below this (a percentage) are left out.
    pub min_score: u32,
    /// Also compare bodies that are not at work (proposed, dormant, closed, removed).
    pub include_inactive: bool,
    /// At most this many pairs, best first.
    pub limit: usize,
}

impl Default for OverlapSettings {
    fn default() -> Self {
        Self {
            min_score: 20,
            include_inactive: false,
            limit: 200,
        }
    }
}

/// A purpose word two partnerships share, with its part of their similarity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedWord {
    /// The word as first written in the register.
    pub word: String,
    /// Its part of the purposes' similarity, in percent of the whole similarity.
    pub share: u32,
}

/// Two partnerships that may duplicate each other, with the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverlapPair {
    /// The partnership with the lower identifier.
    pub first: PartnershipId,
    /// The other.
    pub second: PartnershipId,
    /// The weighted score, 0 to 100.
    pub score: u32,
    /// Member organisations of both (the council's own left out).
    pub shared_members: Vec<OrganisationId>,
    /// Member organisations of either.
    pub member_union: usize,
    /// Shared members as a percentage of the members of either.
    pub member_jaccard: u32,
    /// Council representatives on both.
    pub shared_representatives: Vec<PersonId>,
    /// Shared representatives as a percentage of the representatives of either.
    pub representative_jaccard: u32,
    /// How alike the names and purposes read, 0 to 100.
    pub purpose_similarity: u32,
    /// The shared words that make the similarity, largest part first.
    pub shared_words: Vec<SharedWord>,
    /// Strategy objectives both deliver.
    pub shared_objectives: Vec<ObjectiveId>,
    /// Shared objectives as a percentage of the objectives of either.
    pub objective_jaccard: u32,
    /// Themes both serve.
    pub shared_themes: Vec<ThemeId>,
    /// Their structural level, when it is the same.
    pub same_level: Option<StructuralLevel>,
}

impl OverlapPair {
    /// The evidence in words: "5 of 5 member organisations shared; purposes 64% alike
    /// (dementia, carers, loneliness); 2 objectives both deliver; ...".
    pub fn summary(&self, register: &Register) -> String {
        let mut parts = Vec::new();
        if !self.shared_members.is_empty() {
            parts.push(format!(
                "{} of {} shared ({}%)",
                self.shared_members.len(),
                counted(self.member_union, "member organisation"),
                self.member_jaccard
            ));
        }
        if !self.shared_representatives.is_empty() {
            let names: Vec<String> = self
                .shared_representatives
                .iter()
                .filter_map(|id| register.people.get(id).map(|p| p.name.clone()))
                .collect();
            parts.push(format!("both represented by {}", listed(&names)));
        }
        if self.purpose_similarity > 0 {
            let words: Vec<String> = self.shared_words.iter().map(|w| w.word.clone()).collect();
            parts.push(format!(
                "purposes {}% alike ({})",
                self.purpose_similarity,
                words.join(", ")
            ));
        }
        if !self.shared_objectives.is_empty() {
            parts.push(format!(
                "{} both deliver",
                counted(self.shared_objectives.len(), "objective")
            ));
        }
        if !self.shared_themes.is_empty() {
            let names: Vec<String> = self
                .shared_themes
                .iter()
                .filter_map(|id| register.themes.get(id).map(|t| t.name.clone()))
                .collect();
            parts.push(format!("same theme ({})", listed(&names)));
        }
        if let Some(level) = self.same_level {
            parts.push(format!("both {}", level.label().to_lowercase()));
        }
        parts.join("; ")
    }
}

impl Evidence for OverlapPair {
    fn records(&self) -> Vec<RecordKey> {
        let mut records = vec![
            RecordKey::Partnership(self.first),
            RecordKey::Partnership(self.second),
        ];
        records.extend(
            self.shared_members
                .iter()
                .copied()
                .map(RecordKey::Organisation),
        );
        records.extend(
            self.shared_representatives
                .iter()
                .copied()
                .map(RecordKey::Person),
        );
        records.extend(
            self.shared_objectives
                .iter()
                .copied()
                .map(RecordKey::Objective),
        );
        records.extend(self.shared_themes.iter().copied().map(RecordKey::Theme));
        records
    }
}

/// What is compared of one partnership, each list sorted.
struct Profile {
    id: PartnershipId,
    level: StructuralLevel,
    members: Vec<OrganisationId>,
    representatives: Vec<PersonId>,
    objectives: Vec<ObjectiveId>,
    themes: Vec<ThemeId>,
}

/// Every compared partnership's profile and purpose vector.
struct Profiles {
    profiles: Vec<Profile>,
    vectors: Vec<WordVector>,
    vocabulary: Vocabulary,
}

impl Profiles {
    fn build(register: &Register, include_inactive: bool) -> Self {
        let mut position: BTreeMap<PartnershipId, usize> = BTreeMap::new();
        let mut profiles = Vec::new();
        let mut documents = Vec::new();
        for partnership in register.partnerships.values() {
            if !include_inactive && !is_active(partnership.status) {
                continue;
            }
            position.insert(partnership.id, profiles.len());
            profiles.push(Profile {
                id: partnership.id,
                level: partnership.structural_level,
                members: Vec::new(),
                representatives: Vec::new(),
                objectives: Vec::new(),
                themes: Vec::new(),
            });
            documents.push(format!("{}. {}", partnership.name, partnership.purpose));
        }
        let identities = Identities::of(register);
        let council = register
            .settings
            .council_organisation
            .map(|id| identities.organisation(id));
        for membership in register.memberships.values() {
            let organisation = identities.organisation(membership.organisation);
            if Some(organisation) == council {
                continue;
            }
            if let Some(&at) = position.get(&membership.partnership) {
                profiles[at].members.push(organisation);
            }
        }
        for representation in register.representations.values() {
            if let Some(&at) = position.get(&representation.partnership) {
                profiles[at]
                    .representatives
                    .push(identities.person(representation.person));
            }
        }
        for delivery in register.objective_deliveries.values() {
            if let Some(&at) = position.get(&delivery.partnership) {
                profiles[at].objectives.push(delivery.objective);
            }
        }
        for tag in register.theme_tags.values() {
            if let Some(&at) = position.get(&tag.partnership) {
                profiles[at].themes.push(identities.theme(tag.theme));
            }
        }
        for profile in &mut profiles {
            profile.representatives.sort_unstable();
            profile.representatives.dedup();
            profile.members.sort_unstable();
            profile.members.dedup();
            profile.objectives.sort_unstable();
            profile.objectives.dedup();
            profile.themes.sort_unstable();
            profile.themes.dedup();
        }
        let (vocabulary, vectors) = tf_idf(&documents);
        Self {
            profiles,
            vectors,
            vocabulary,
        }
    }

    fn index_of(&self, id: PartnershipId) -> Option<usize> {
        self.profiles
            .binary_search_by_key(&id, |profile| profile.id)
            .ok()
    }

    /// Pairs (as indices, lower first) that meet in at least one index list short enough to
    /// count, each once, in order.
    fn candidates(&self) -> Vec<(u32, u32)> {
        let count = self.profiles.len();
        let cap = ((count as f64).sqrt().ceil() as usize).max(25);
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut add_index = |keys: &mut dyn Iterator<Item = (u64, u32)>| {
            let mut postings: BTreeMap<u64, Vec<u32>> = BTreeMap::new();
            for (key, at) in keys {
                postings.entry(key).or_default().push(at);
            }
            lists.extend(
                postings
                    .into_values()
                    .filter(|list| list.len() > 1 && list.len() <= cap),
            );
        };
        let indexed = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        add_index(
            &mut self
                .profiles
                .iter()
                .enumerate()
                .flat_map(|(at, p)| p.members.iter().map(move |o| (o.0 as u64, indexed(at)))),
        );
        add_index(&mut self.profiles.iter().enumerate().flat_map(|(at, p)| {
            p.representatives
                .iter()
                .map(move |o| (o.0 as u64, indexed(at)))
        }));
        add_index(
            &mut self
                .profiles
                .iter()
                .enumerate()
                .flat_map(|(at, p)| p.objectives.iter().map(move |o| (o.0 as u64, indexed(at)))),
        );
        add_index(&mut self.vectors.iter().enumerate().flat_map(|(at, v)| {
            v.terms
                .iter()
                .map(move |(term, _)| (u64::from(*term), indexed(at)))
        }));
        let mut pairs: Vec<u64> = Vec::new();
        for list in &lists {
            for (n, &a) in list.iter().enumerate() {
                for &b in &list[n + 1..] {
                    let (low, high) = if a < b { (a, b) } else { (b, a) };
                    pairs.push((u64::from(low) << 32) | u64::from(high));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
            .into_iter()
            .map(|packed| ((packed >> 32) as u32, (packed & 0xFFFF_FFFF) as u32))
            .collect()
    }

    /// The evidence for the pair at indices `a` and `b` (either order gives the same answer).
    fn pair(&self, a: usize, b: usize) -> OverlapPair {
        let (a, b) = if self.profiles[a].id <= self.profiles[b].id {
            (a, b)
        } else {
            (b, a)
        };
        let (first, second) = (&self.profiles[a], &self.profiles[b]);
        let (shared_members, member_union) = shared(&first.members, &second.members);
        let (shared_representatives, representative_union) =
            shared(&first.representatives, &second.representatives);
        let (shared_objectives, objective_union) = shared(&first.objectives, &second.objectives);
        let (shared_themes, theme_union) = shared(&first.themes, &second.themes);
        let (similarity, parts) = cosine_explained(&self.vectors[a], &self.vectors[b]);
        let member = ratio(shared_members.len(), member_union);
        let representative = ratio(shared_representatives.len(), representative_union);
        let objective = ratio(shared_objectives.len(), objective_union);
        let same_level = first.level == second.level;
        let theme_level =
            0.5 * ratio(shared_themes.len(), theme_union) + if same_level { 0.5 } else { 0.0 };
        let score = MEMBER_WEIGHT * member
            + PURPOSE_WEIGHT * similarity
            + OBJECTIVE_WEIGHT * objective
            + REPRESENTATIVE_WEIGHT * representative
            + THEME_LEVEL_WEIGHT * theme_level;
        let shared_words = parts
            .iter()
            .map(|(term, part)| SharedWord {
                word: self.vocabulary.words[*term as usize].clone(),
                share: if similarity > 0.0 {
                    percent(part / similarity)
                } else {
                    0
                },
            })
            .filter(|word| word.share >= MIN_WORD_SHARE)
            .take(WORDS_SHOWN)
            .collect();
        OverlapPair {
            first: first.id,
            second: second.id,
            score: score.round().clamp(0.0, 100.0) as u32,
            member_union,
            member_jaccard: percent(member),
            shared_members,
            representative_jaccard: percent(representative),
            shared_representatives,
            purpose_similarity: percent(similarity),
            shared_words,
            objective_jaccard: percent(objective),
            shared_objectives,
            shared_themes,
            same_level: same_level.then_some(first.level),
        }
    }
}

/// The items of both sorted lists, and how many items either has.
fn shared<T: Ord + Copy>(a: &[T], b: &[T]) -> (Vec<T>, usize) {
    let mut both = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both.len();
    (both, union)
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn percent(fraction: f64) -> u32 {
    (fraction * 100.0).round().clamp(0.0, 100.0) as u32
}

/// The pairs that may duplicate each other, best first: score, then more shared members,
/// then identifiers (so the ranking is the same every time).
pub fn overlaps(register: &Register, settings: &OverlapSettings) -> Vec<OverlapPair> {
    let profiles = Profiles::build(register, settings.include_inactive);
    let mut pairs: Vec<OverlapPair> = profiles
        .candidates()
        .into_iter()
        .map(|(a, b)| profiles.pair(a as usize, b as usize))
        .filter(|pair| pair.score >= settings.min_score)
        .collect();
    pairs.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(y.shared_members.len().cmp(&x.shared_members.len()))
            .then((x.first, x.second).cmp(&(y.first, y.second)))
    });
    pairs.truncate(settings.limit);
    pairs
}

/// The evidence for one pair, whatever its score, in either order; `None` if either is not
/// compared (not in the register, or not at work and `include_inactive` is off).
pub fn pair_evidence(
    register: &Register,
    a: PartnershipId,
    b: PartnershipId,
    include_inactive: bool,
) -> Option<OverlapPair> {
    if a == b {
        return None;
    }
    let profiles = Profiles::build(register, include_inactive);
    Some(profiles.pair(profiles.index_of(a)?, profiles.index_of(b)?))
}
