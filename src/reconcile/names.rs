//! Name normalisation: the one form that "The Citizens' Advice Bureau Ltd", "citizens advice
//! bureau" and "Citizens Advice Bureau Limited" share, and the initials a long name is known by.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words that tell nothing about which body a name means: articles and legal or council
/// suffixes. Dropped from the normalised name (unless the name is nothing else).
const NOISE_WORDS: &[&str] = &[
    "the", "ltd", "limited", "plc", "llp", "cic", "council", "inc", "co",
];

/// Words skipped when a name is read as initials ("Leicester and Leicestershire Economic
/// Partnership" is LLEP, not LALEP).
const LINKING_WORDS: &[&str] = &["and", "of", "the", "for", "in", "on", "at", "to"];

/// One word written two ways (British and American spellings, old and new names for a service).
const SAME_WORD: &[(&str, &str)] = &[
    ("constabulary", "police"),
    ("center", "centre"),
    ("organization", "organisation"),
    ("organizations", "organisations"),
    ("program", "programme"),
    ("programs", "programmes"),
];

/// The words of a name: diacritics folded ("é" to "e"), lower case, apostrophes dropped ("Citizens'"
/// is "citizens"), "&" and "+" read as "and", any other punctuation a space.
pub fn words(name: &str) -> Vec<String> {
    let mut text = String::with_capacity(name.len());
    for c in name.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => {}
            '&' | '+' => text.push_str(" and "),
            c if c.is_alphanumeric() => text.extend(c.to_lowercase()),
            _ => text.push(' '),
        }
    }
    text.split_whitespace()
        .map(|word| {
            SAME_WORD
                .iter()
                .find(|(from, _)| *from == word)
                .map_or(word, |(_, to)| to)
                .to_string()
        })
        .collect()
}

/// The normalised form of a name: its [`words`] without articles and suffixes ("The", "Ltd",
/// "Council"), joined by single spaces. Two spellings of one name that differ only in case,
/// punctuation, "&"/"and", accents or spacing give the same string. A name made of noise words
/// alone ("The Council") keeps them, so it is not empty.
pub fn normalise_name(name: &str) -> String {
    let all = words(name);
    let kept: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|word| !NOISE_WORDS.contains(word))
        .collect();
    if kept.is_empty() {
        all.join(" ")
    } else {
        kept.join(" ")
    }
}

/// The initials of a name, lower case: the first letter of each word that is not a linking word
/// or a suffix ("Leicester & Leicestershire Economic Partnership" is "llep"). Empty for a name of
/// fewer than two such words: one word has no initials worth matching.
pub fn initials(name: &str) -> String {
    let significant: Vec<String> = words(name)
        .into_iter()
        .filter(|word| {
            !LINKING_WORDS.contains(&word.as_str()) && !NOISE_WORDS.contains(&word.as_str())
        })
        .collect();
    if significant.len() < 2 {
        return String::new();
    }
    significant
        .iter()
        .filter_map(|word| word.chars().next())
        .collect()
}

/// Whether `short` is written as the initials of `long`: one word of two to eight letters equal to
/// `long`'s [`initials`] ("LLEP", "L.L.E.P." and "llep" all are). Either way round is asked by
/// [`crate::reconcile::compare_names`].
pub fn is_initials_of(short: &str, long: &str) -> bool {
    written_initials(short).is_some_and(|acronym| acronym == initials(long))
}

/// The initials a short name is written as, lower case, when it is written as initials: one
/// word of two to eight letters, or single letters with stops ("L.L.E.P."). `None` for a name
/// that is not ("Youth Board", "A1").
pub fn written_initials(short: &str) -> Option<String> {
    let short_words = words(short);
    let acronym: String = if short_words.iter().all(|word| word.chars().count() == 1) {
        // "L.L.E.P." reads as four one-letter words.
        short_words.concat()
    } else if let [word] = short_words.as_slice() {
        word.clone()
    } else {
        return None;
    };
    let letters = acronym.chars().count();
    ((2..=8).contains(&letters) && acronym.chars().all(char::is_alphabetic)).then_some(acronym)
}
