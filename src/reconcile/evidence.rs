//! Why two records look like one body, in words a person can weigh: the same or a similar name,
//! one written as the other's initials, the same org-id, or the same members.

use std::collections::HashSet;
use std::hash::Hash;

use crate::model::words::counted;
use crate::reconcile::similarity::{NameForm, form_similarity, similarity_bound};

/// How alike two names must be (see [`crate::reconcile::name_similarity`]) to be called similar. "Citizens Advice"
/// and "Citizen Advice" are 0.99; "Leicester City" and "Leicestershire County" are under it.
pub const SIMILAR_NAME: f64 = 0.92;

/// The share of members two bodies must have in common (Jaccard: shared over all) to be called
/// the same members, as a fraction: four in five.
pub const SAME_MEMBERS: (usize, usize) = (4, 5);

/// One reason two records look like the same body.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// The names are the same once case, punctuation, "&"/"and", "The", "Ltd", "Council",
    /// accents and spacing are set aside.
    SameName,
    /// The names are alike: a spelling, a plural, a word more or less.
    SimilarName {
        /// How alike, in whole percent.
        percent: u8,
    },
    /// One name is the other's initials.
    Initials {
        /// The name written as initials, as given.
        short: String,
        /// The name written out, as given.
        long: String,
    },
    /// The same organisation identifier (a Companies House or charity number, an org-id).
    SameOrgId(String),
    /// Most members are the same.
    SameMembers {
        /// Members both have.
        shared: usize,
        /// Members either has.
        of: usize,
    },
}

impl Evidence {
    /// The evidence in plain words, as the preview shows it.
    pub fn words(&self) -> String {
        match self {
            Self::SameName => "same name".to_string(),
            Self::SimilarName { percent } => format!("similar name ({percent}% alike)"),
            Self::Initials { short, long } => {
                format!("initials: \u{201c}{short}\u{201d} for \u{201c}{long}\u{201d}")
            }
            Self::SameOrgId(id) => format!("same org-id ({id})"),
            Self::SameMembers { shared, of } => {
                format!(
                    "same members ({} of {of})",
                    counted(*shared, "shared member")
                )
            }
        }
    }
}

/// A pair of records that may be one body, with every reason found.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbableDuplicate {
    /// The reasons, strongest first.
    pub evidence: Vec<Evidence>,
}

impl ProbableDuplicate {
    /// Gathers the reasons; `None` when there are none.
    pub fn from_evidence(mut evidence: Vec<Evidence>) -> Option<Self> {
        evidence.sort_by_key(strength);
        (!evidence.is_empty()).then_some(Self { evidence })
    }

    /// Every reason in words, joined: "same org-id (GB-CHC-1234); similar name (96% alike)".
    pub fn words(&self) -> String {
        self.evidence
            .iter()
            .map(Evidence::words)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The order reasons are shown in: an identifier first, then names, then members.
fn strength(evidence: &Evidence) -> u8 {
    match evidence {
        Evidence::SameOrgId(_) => 0,
        Evidence::SameName => 1,
        Evidence::Initials { .. } => 2,
        Evidence::SimilarName { .. } => 3,
        Evidence::SameMembers { .. } => 4,
    }
}

/// What two names say about two records being one: the same normalised name, one the initials
/// of the other, or a similar name; `None` when the names say nothing. Symmetric except that
/// [`Evidence::Initials`] names which was the short one.
pub fn compare_names(a: &str, b: &str) -> Option<Evidence> {
    compare_forms(&NameForm::new(a), &NameForm::new(b))
}

/// [`compare_names`] of two names already read ([`NameForm`]), for comparing one name with
/// many.
pub fn compare_forms(a: &NameForm, b: &NameForm) -> Option<Evidence> {
    if a.normal.is_empty() || b.normal.is_empty() {
        return None;
    }
    if a.normal == b.normal {
        return Some(Evidence::SameName);
    }
    let initials_of = |short: &NameForm, long: &NameForm| {
        short
            .written_initials
            .as_ref()
            .is_some_and(|acronym| *acronym == long.initials)
    };
    if initials_of(a, b) {
        return Some(Evidence::Initials {
            short: a.written.clone(),
            long: b.written.clone(),
        });
    }
    if initials_of(b, a) {
        return Some(Evidence::Initials {
            short: b.written.clone(),
            long: a.written.clone(),
        });
    }
    if similarity_bound(a.length, b.length) < SIMILAR_NAME {
        return None;
    }
    let score = form_similarity(a, b);
    // Rounded down, so 91.9% alike is never shown as 92%.
    (score >= SIMILAR_NAME).then(|| Evidence::SimilarName {
        percent: (score * 100.0).floor() as u8,
    })
}

/// The organisation identifier in one form: upper case, without spaces, dots, dashes or
/// underscores ("gb-chc 1234" and "GB-CHC-1234" are "GBCHC1234").
pub fn normalise_org_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// [`Evidence::SameOrgId`] when both records have an identifier and they are one once spacing
/// and punctuation are set aside; the evidence names `a`'s identifier as written.
pub fn same_org_id(a: Option<&str>, b: Option<&str>) -> Option<Evidence> {
    let (a, b) = (a?.trim(), b?.trim());
    let normal = normalise_org_id(a);
    (!normal.is_empty() && normal == normalise_org_id(b))
        .then(|| Evidence::SameOrgId(a.to_string()))
}

/// [`Evidence::SameMembers`] when two bodies with at least two members each share at least
/// [`SAME_MEMBERS`] of all their members (shared over either's, so symmetric).
pub fn same_members<K: Eq + Hash>(a: &[K], b: &[K]) -> Option<Evidence> {
    let a: HashSet<&K> = a.iter().collect();
    let b: HashSet<&K> = b.iter().collect();
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let shared = a.intersection(&b).count();
    let of = a.union(&b).count();
    let (top, bottom) = SAME_MEMBERS;
    (bottom * shared >= top * of).then_some(Evidence::SameMembers { shared, of })
}
