//! Probable duplicates among the rows imported and between them and the register, each with its
//! evidence in words ([`crate::reconcile`]). Names are compared within blocks that share a word
//! (or whose initials one is), so a 10,000-row sheet is not compared pair by pair.

use std::collections::HashMap;

use crate::model::normalised_name;
use crate::reconcile::{NameForm, ProbableDuplicate, compare_forms};

/// The largest block compared pair by pair: a word most names share ("partnership") says nothing.
const LARGEST_BLOCK: usize = 60;

/// Where the other name of a probable duplicate is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherRecord {
    /// Another row of the sheet (its row number, from 1).
    Row(usize),
    /// A record already in the register.
    Register,
}

/// What the user said a probable duplicate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DuplicateChoice {
    /// The same body as the other: the row changes the register's record (keeping its name),
    /// or, against another row, is left out for that row.
    Same,
    /// A different body: the row goes in as it is.
    New,
}

/// The user's answers, by the row's sheet number and the other name.
pub type DuplicateChoices = std::collections::BTreeMap<(usize, String), DuplicateChoice>;

/// One probable duplicate.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// The sheet row (from 1).
    pub row: usize,
    /// The row's name.
    pub name: String,
    /// The name it is like.
    pub other_name: String,
    /// Where that name is.
    pub other: OtherRecord,
    /// Why they look like one.
    pub evidence: ProbableDuplicate,
    /// What the user said it is; `None` until settled.
    pub choice: Option<DuplicateChoice>,
}

impl Duplicate {
    /// The key of the user's answer about it.
    pub fn key(&self) -> (usize, String) {
        (self.row, self.other_name.clone())
    }

    /// The finding in words: "Row 4 “LLEP” may be “Leicester & ... Partnership” in the register:
    /// initials ...".
    pub fn words(&self) -> String {
        let place = match self.other {
            OtherRecord::Row(row) => format!("row {row}"),
            OtherRecord::Register => "the register".to_string(),
        };
        format!(
            "Row {} “{}” may be “{}” in {place}: {}",
            self.row,
            self.name,
            self.other_name,
            self.evidence.words()
        )
    }
}

/// Probable duplicates of the named `rows` (sheet row, name) among themselves and against the
/// register's `names`. A row whose name is the register's record by the tables' own comparison
/// is that record (it changes it), not a duplicate; nor are two rows of one name, which the
/// preview already refuses.
pub fn find_duplicates(rows: &[(usize, String)], register_names: &[String]) -> Vec<Duplicate> {
    // Each name read once: its form for comparing, and the tables' own form of it.
    let read = |name: &String| (NameForm::new(name), normalised_name(name));
    let row_forms: Vec<(NameForm, String)> = rows.iter().map(|(_, name)| read(name)).collect();
    let register_forms: Vec<(NameForm, String)> = register_names.iter().map(read).collect();
    // (is the register, index) by block key.
    let mut blocks: HashMap<String, Vec<(bool, usize)>> = HashMap::new();
    let mut block = |form: &NameForm, entry: (bool, usize)| {
        let all_words: Vec<&str> = form.normal.split(' ').filter(|w| !w.is_empty()).collect();
        let mut keys: Vec<String> = all_words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .map(|w| (*w).to_string())
            .collect();
        if !form.initials.is_empty() {
            keys.push(format!("#{}", form.initials));
        }
        if let Some(short) = &form.written_initials {
            keys.push(format!("#{short}"));
        } else if let [word] = all_words.as_slice() {
            keys.push(format!("#{word}"));
        }
        keys.sort();
        keys.dedup();
        for key in keys {
            blocks.entry(key).or_default().push(entry);
        }
    };
    for (index, (form, _)) in row_forms.iter().enumerate() {
        block(form, (false, index));
    }
    for (index, (form, _)) in register_forms.iter().enumerate() {
        block(form, (true, index));
    }
    let mut found: Vec<Duplicate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut keys: Vec<&String> = blocks.keys().collect();
    keys.sort();
    for key in keys {
        let members = &blocks[key];
        if members.len() > LARGEST_BLOCK {
            continue;
        }
        for (position, &(a_register, a)) in members.iter().enumerate() {
            if a_register {
                continue;
            }
            let (row, name) = &rows[a];
            let (form, tables_form) = &row_forms[a];
            for &(b_register, b) in &members[position + 1..] {
                let ((other_form, other_tables_form), other_name, other) = if b_register {
                    (
                        &register_forms[b],
                        &register_names[b],
                        OtherRecord::Register,
                    )
                } else {
                    (&row_forms[b], &rows[b].1, OtherRecord::Row(rows[b].0))
                };
                if tables_form == other_tables_form || !seen.insert((a, b_register, b)) {
                    continue;
                }
                let Some(evidence) = compare_forms(form, other_form) else {
                    continue;
                };
                if let Some(evidence) = ProbableDuplicate::from_evidence(vec![evidence]) {
                    found.push(Duplicate {
                        row: *row,
                        name: name.clone(),
                        other_name: other_name.clone(),
                        other,
                        evidence,
                        choice: None,
                    });
                }
            }
        }
    }
    found.sort_by_key(|d| (d.row, d.other_name.clone()));
    found
}

/// The probable duplicates of a sheet's rows and what the user's answers do to them.
#[derive(Debug, Default)]
pub(super) struct Settled {
    /// Every probable duplicate, with its answer.
    pub duplicates: Vec<Duplicate>,
    /// Rows left out as the same as another row: (row, name, note).
    pub left_out: Vec<(usize, String, String)>,
    /// Notes for rows that were answered "the same as the register's".
    pub notes: Vec<(usize, String)>,
}

/// Finds the probable duplicates of the data rows' names (the cell at `name_position`) among
/// themselves and against `register_names`, and applies `choices`: a row the same as a record
/// of the register takes that record's name (so it changes it, keeping its name); a row the
/// same as another row is taken out of `data` (the other row stands for both).
pub(super) fn settle(
    data: &mut Vec<(usize, Vec<String>)>,
    name_position: usize,
    register_names: &[String],
    choices: &DuplicateChoices,
) -> Settled {
    let named: Vec<(usize, String)> = data
        .iter()
        .filter_map(|(line, cells)| {
            let name = cells.get(name_position)?.trim();
            (!name.is_empty()).then(|| (*line, name.to_string()))
        })
        .collect();
    let mut settled = Settled {
        duplicates: find_duplicates(&named, register_names),
        ..Settled::default()
    };
    let mut answered: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for duplicate in &mut settled.duplicates {
        duplicate.choice = choices.get(&duplicate.key()).copied();
        if duplicate.choice != Some(DuplicateChoice::Same) || !answered.insert(duplicate.row) {
            continue;
        }
        let Some(position) = data.iter().position(|(line, _)| *line == duplicate.row) else {
            continue;
        };
        match duplicate.other {
            OtherRecord::Register => {
                if let Some(cell) = data[position].1.get_mut(name_position) {
                    cell.clone_from(&duplicate.other_name);
                }
                settled.notes.push((
                    duplicate.row,
                    format!(
                        "The same as “{}” in the register (as you said): it changes that record and keeps its name",
                        duplicate.other_name
                    ),
                ));
            }
            OtherRecord::Row(other) => {
                data.remove(position);
                settled.left_out.push((
                    duplicate.row,
                    duplicate.name.clone(),
                    format!("Left out: the same as row {other} (as you said)"),
                ));
            }
        }
    }
    settled
}
