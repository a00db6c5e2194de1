//! How alike two names are, from 0 (nothing shared) to 1 (the same normalised name), by strsim's
//! Jaro-Winkler on the normalised names, in their own word order and with words sorted ("Advice,
//! Citizens" is "Citizens Advice").

use crate::reconcile::names::normalise_name;

/// The similarity of two names in `0.0..=1.0`, symmetric: `name_similarity(a, b)` equals
/// `name_similarity(b, a)` exactly, because the pair is put in one order before it is measured.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    form_similarity(&NameForm::new(a), &NameForm::new(b))
}

/// A name read once for comparing with many: as written, normalised, its words sorted, its
/// initials and the initials it is written as. Comparing forms gives exactly what comparing
/// the names does, without reading each name again for every pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameForm {
    /// The name as given, trimmed.
    pub written: String,
    /// [`normalise_name`].
    pub normal: String,
    /// The normalised words in alphabetical order.
    pub sorted: String,
    /// [`crate::reconcile::initials`] of the name written out.
    pub initials: String,
    /// [`crate::reconcile::written_initials`]: the initials the name is written as, if it is.
    pub written_initials: Option<String>,
    /// How many characters the normalised name has.
    pub length: usize,
}

impl NameForm {
    /// Reads `name`.
    pub fn new(name: &str) -> Self {
        let normal = normalise_name(name);
        Self {
            written: name.trim().to_string(),
            sorted: sorted_words(&normal),
            length: normal.chars().count(),
            normal,
            initials: crate::reconcile::initials(name),
            written_initials: crate::reconcile::written_initials(name),
        }
    }
}

/// [`name_similarity`] of two names already read.
pub fn form_similarity(a: &NameForm, b: &NameForm) -> f64 {
    if a.normal == b.normal {
        return 1.0;
    }
    if a.normal.is_empty() || b.normal.is_empty() {
        return 0.0;
    }
    let (first, second) = if a.normal <= b.normal {
        (&a.normal, &b.normal)
    } else {
        (&b.normal, &a.normal)
    };
    let as_written = strsim::jaro_winkler(first, second);
    let (first_sorted, second_sorted) = if a.sorted <= b.sorted {
        (&a.sorted, &b.sorted)
    } else {
        (&b.sorted, &a.sorted)
    };
    let sorted = strsim::jaro_winkler(first_sorted, second_sorted);
    as_written.max(sorted).clamp(0.0, 1.0)
}

/// The most Jaro-Winkler can give two strings of these lengths (in characters): Jaro is at
/// most (2 + shorter/longer) / 3, and Winkler's prefix bonus closes at most 0.4 of the gap.
/// Sorting a name's words keeps its length, so this bounds [`form_similarity`] too.
pub fn similarity_bound(a_length: usize, b_length: usize) -> f64 {
    let (short, long) = (a_length.min(b_length), a_length.max(b_length));
    if long == 0 {
        return 1.0;
    }
    let jaro = (2.0 + short as f64 / long as f64) / 3.0;
    jaro + 0.4 * (1.0 - jaro)
}

/// The words of a normalised name in alphabetical order.
fn sorted_words(name: &str) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}
