//! Purposes as weighted words, for "similar purposes": each partnership's name and purpose cut
//! into words, common words of council English left out, each word reduced to its English stem
//! (Snowball's Porter 2 stemmer, so "communities" and "community" are one word), and weighted by
//! TF-IDF: a word counts for more the more often a purpose uses it and the fewer purposes use
//! it at all. Two purposes' similarity is the cosine of their weight vectors (0 to 1), and the
//! shared words that make it up are its explanation.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that say nothing about what a council partnership is for: common English, and the
/// words every register entry uses ("partnership", "council", "district", "board").
pub const STOP_WORDS: &[&str] = &[
    // Common English.
    "a",
    "about",
    "across",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "between",
    "both",
    "but",
    "by",
    "can",
    "each",
    "for",
    "from",
    "has",
    "have",
    "how",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "more",
    "most",
    "new",
    "not",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "over",
    "own",
    "so",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "up",
    "upon",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "within",
    "would",
    "year",
    "years",
    // Council English: words every register entry uses.
    "area",
    "areas",
    "board",
    "boards",
    "borough",
    "council",
    "councils",
    "county",
    "district",
    "forum",
    "group",
    "groups",
    "local",
    "partner",
    "partners",
    "partnership",
    "partnerships",
    "work",
    "works",
    "working",
    "together",
    "ensure",
    "deliver",
    "delivers",
    "delivery",
    "help",
    "helps",
    "improve",
    "improves",
    "improving",
    "support",
    "supports",
    "supporting",
    "set",
    "sets",
    "wide",
    "key",
    "main",
    "lead",
    "leads",
    "led",
];

/// One purpose as weighted words: (word index, weight) sorted by index, of length 1 overall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordVector {
    /// Word indices into [`Vocabulary::words`] and their weights, by index.
    pub terms: Vec<(u32, f64)>,
}

/// Every word seen, by index: its stem and the first form it was written in.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// The word as first written ("communities"), by index.
    pub words: Vec<String>,
    /// How many documents use each word, by index.
    pub document_frequency: Vec<u32>,
}

/// Cuts `text` into lower-case words of three letters or more that are not stop words and not
/// plain numbers: (stem, word as written) for each, in order.
pub fn words_of(stemmer: &Stemmer, text: &str) -> Vec<(String, String)> {
    let stop = stop_words();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|word| !word.chars().all(|c| c.is_ascii_digit()) && !stop.contains(word.as_str()))
        .map(|word| (stemmer.stem(&word).into_owned(), word))
        .collect()
}

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// The TF-IDF vectors of `documents` (in their order) and the vocabulary they use.
///
/// Term frequency is damped (1 + ln count, so a word said three times is not three times as
/// telling); inverse document frequency is smoothed, ln((1 + N) / (1 + df)) + 1, so a word in
/// every document still counts a little and none divides by zero.
pub fn tf_idf(documents: &[String]) -> (Vocabulary, Vec<WordVector>) {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut vocabulary = Vocabulary::default();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(documents.len());
    for document in documents {
        let mut seen: HashMap<u32, u32> = HashMap::new();
        for (stem, word) in words_of(&stemmer, document) {
            let next = u32::try_from(vocabulary.words.len()).unwrap_or(u32::MAX);
            let id = *index.entry(stem).or_insert_with(|| {
                vocabulary.words.push(word);
                vocabulary.document_frequency.push(0);
                next
            });
            *seen.entry(id).or_default() += 1;
        }
        let mut terms: Vec<(u32, u32)> = seen.into_iter().collect();
        terms.sort_unstable();
        for (id, _) in &terms {
            vocabulary.document_frequency[*id as usize] += 1;
        }
        counts.push(terms);
    }
    let total = documents.len() as f64;
    let vectors = counts
        .into_iter()
        .map(|terms| {
            let mut weighted: Vec<(u32, f64)> = terms
                .into_iter()
                .map(|(id, count)| {
                    let df = f64::from(vocabulary.document_frequency[id as usize]);
                    let tf = 1.0 + f64::from(count).ln();
                    let idf = ((1.0 + total) / (1.0 + df)).ln() + 1.0;
                    (id, tf * idf)
                })
                .collect();
            let norm = weighted.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, weight) in &mut weighted {
                    *weight /= norm;
                }
            }
            WordVector { terms: weighted }
        })
        .collect();
    (vocabulary, vectors)
}

/// The cosine of two vectors and each shared word's part of it, largest first (ties by word
/// index, so the order is the same whichever vector comes first).
pub fn cosine_explained(a: &WordVector, b: &WordVector) -> (f64, Vec<(u32, f64)>) {
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        let (ta, wa) = a.terms[i];
        let (tb, wb) = b.terms[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push((ta, wa * wb));
                i += 1;
                j += 1;
            }
        }
    }
    let total = shared.iter().map(|(_, part)| part).sum::<f64>();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    (total.min(1.0), shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_and_short_words_are_left_out_and_plurals_meet() {
        let stemmer = Stemmer::create(Algorithm::English);
        let words: Vec<String> = words_of(
            &stemmer,
            "The Partnership supports communities; a community of 2025 older people.",
        )
        .into_iter()
        .map(|(stem, _)| stem)
        .collect();
        assert_eq!(words, ["communiti", "communiti", "older", "peopl"]);
    }

    #[test]
    fn identical_purposes_are_fully_similar_and_unrelated_ones_not_at_all() {
        let documents = vec![
            "Reduce crime and anti-social behaviour in town centres".to_string(),
            "Reduce crime and anti-social behaviour in town centres".to_string(),
            "Affordable homes and homelessness prevention".to_string(),
        ];
        let (_, vectors) = tf_idf(&documents);
        let (same, _) = cosine_explained(&vectors[0], &vectors[1]);
        assert!((same - 1.0).abs() < 1e-9, "{same}");
        let (none, shared) = cosine_explained(&vectors[0], &vectors[2]);
        assert_eq!(none, 0.0);
        assert!(shared.is_empty());
    }

    #[test]
    fn the_explanation_names_the_rarer_shared_word_first() {
        let documents = vec![
            "Dementia support for older residents and carers".to_string(),
            "Dementia friendly towns for residents".to_string(),
            "Residents parking".to_string(),
            "Residents panels".to_string(),
        ];
        let (vocabulary, vectors) = tf_idf(&documents);
        let (similarity, shared) = cosine_explained(&vectors[0], &vectors[1]);
        assert!(similarity > 0.2 && similarity < 1.0, "{similarity}");
        let named: Vec<&str> = shared
            .iter()
            .map(|(id, _)| vocabulary.words[*id as usize].as_str())
            .collect();
        assert_eq!(named, ["dementia", "residents"]);
        let (back, _) = cosine_explained(&vectors[1], &vectors[0]);
        assert_eq!(similarity, back);
    }
}
