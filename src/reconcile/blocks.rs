//! Names indexed for comparing one with many: each read once ([`NameForm`]) and filed under its
//! words of four letters or more and its initials, so a name is compared only with the names
//! sharing one of those (a word most names share, filed under more than [`LARGEST_BLOCK`],
//! says nothing and is passed over). Two registers of 4,000 organisations are then not
//! compared pair by pair.

use std::collections::HashMap;

use super::similarity::NameForm;

/// The most names a key may be filed under and still pick candidates.
pub const LARGEST_BLOCK: usize = 60;

/// The keys a name is filed under: its normalised words of four letters or more, its initials
/// and the initials it is written as (or, for one short word, the word).
pub fn block_keys(form: &NameForm) -> Vec<String> {
    let words: Vec<&str> = form.normal.split(' ').filter(|w| !w.is_empty()).collect();
    let mut keys: Vec<String> = words
        .iter()
        .filter(|w| w.chars().count() >= 4)
        .map(|w| (*w).to_string())
        .collect();
    if !form.initials.is_empty() {
        keys.push(format!("#{}", form.initials));
    }
    if let Some(short) = &form.written_initials {
        keys.push(format!("#{short}"));
    } else if let [word] = words.as_slice() {
        keys.push(format!("#{word}"));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Names read and filed by [`block_keys`].
#[derive(Debug, Default)]
pub struct NameIndex {
    forms: Vec<NameForm>,
    blocks: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// Reads and files `names`, numbered in order from 0.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = Self::default();
        for name in names {
            let form = NameForm::new(name);
            for key in block_keys(&form) {
                index.blocks.entry(key).or_default().push(index.forms.len());
            }
            index.forms.push(form);
        }
        index
    }

    /// The names filed under a key `form` is filed under, in order, each once.
    pub fn candidates(&self, form: &NameForm) -> Vec<&NameForm> {
        let mut found: Vec<usize> = block_keys(form)
            .iter()
            .filter_map(|key| self.blocks.get(key))
            .filter(|block| block.len() <= LARGEST_BLOCK)
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.forms[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_a_word_or_initials_and_common_words_pick_none() {
        let mut names = vec![
            "Leicester & Leicestershire Economic Partnership".to_string(),
            "Citizens Advice".to_string(),
            "Fire Service".to_string(),
        ];
        names.extend((0..=LARGEST_BLOCK).map(|n| format!("Board {n} Trust")));
        let index = NameIndex::new(names.iter().map(String::as_str));
        let written = |name: &str| -> Vec<String> {
            index
                .candidates(&NameForm::new(name))
                .into_iter()
                .map(|form| form.written.clone())
                .collect()
        };
        assert_eq!(
            written("LLEP"),
            vec!["Leicester & Leicestershire Economic Partnership"]
        );
        assert_eq!(written("Citizen Advice"), vec!["Citizens Advice"]);
        assert!(
            written("Trust of Nowhere").is_empty(),
            "a word over {LARGEST_BLOCK} names share"
        );
    }
}
