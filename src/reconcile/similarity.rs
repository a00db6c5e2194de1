//! How alike two names are, from 0 (nothing shared) to 1 (the same normalised name), by strsim's
//! Jaro-Winkler on the normalised names, in their own word order and with words sorted ("Advice,
//! Citizens" is "Citizens Advice").

use crate::reconcile::names::normalise_name;

/// The similarity of two names in `0.0..=1.0`, symmetric: `name_similarity(a, b)` equals
/// `name_similarity(b, a)` exactly, because the pair is put in one order before it is measured.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (normalise_name(a), normalise_name(b));
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (first, second) = if a <= b { (&a, &b) } else { (&b, &a) };
    let as_written = strsim::jaro_winkler(first, second);
    let (first_sorted, second_sorted) = (sorted_words(first), sorted_words(second));
    let (first_sorted, second_sorted) = if first_sorted <= second_sorted {
        (first_sorted, second_sorted)
    } else {
        (second_sorted, first_sorted)
    };
    let sorted = strsim::jaro_winkler(&first_sorted, &second_sorted);
    as_written.max(sorted).clamp(0.0, 1.0)
}

/// The words of a normalised name in alphabetical order.
fn sorted_words(name: &str) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}
