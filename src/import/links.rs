//! Links by id, then by name: a parent partnership, a member organisation or a representative
//! typed in a cell is found in the register (and among the rows being imported) by "#12" or a
//! bare id, by its name as the tables compare names, then by its normalised name
//! ([`crate::reconcile::normalise_name`]: "The Citizens' Advice Ltd" finds "Citizens Advice").
//! What is found is written as "#id", so the table's own reading takes it as it is; what is not
//! is listed, and can be made as a new record with that name.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Edit, Entity, Register, normalised_name};
use crate::reconcile::normalise_name;
use crate::tables::{LinkTarget, Lookup, TableSpec, specs};

/// A link no record answers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnresolvedLink {
    /// What kind of record it names ("organisation").
    pub what: &'static str,
    /// The name as written.
    pub name: String,
    /// The sheet rows naming it, from 1.
    pub rows: Vec<usize>,
    /// Whether the import makes it (asked for with "create missing").
    pub created: bool,
}

/// The records a link may point at, by id and by both forms of name.
pub struct LinkIndex {
    target: LinkTarget,
    ids: std::collections::HashSet<i64>,
    by_name: HashMap<String, i64>,
    by_normal: HashMap<String, Vec<i64>>,
}

impl LinkIndex {
    /// The index of every record of `target` in `register`.
    pub fn new(register: &Register, today: NaiveDate, target: LinkTarget) -> Self {
        let mut index = Self {
            target,
            ids: Default::default(),
            by_name: HashMap::new(),
            by_normal: HashMap::new(),
        };
        for (id, name) in Lookup::names_only(register, today).link_options(target) {
            index.add(id, &name);
        }
        index
    }

    /// Adds a record (one made by the import).
    pub fn add(&mut self, id: i64, name: &str) {
        self.ids.insert(id);
        self.by_name.entry(normalised_name(name)).or_insert(id);
        self.by_normal
            .entry(normalise_name(name))
            .or_default()
            .push(id);
    }

    /// The record a cell names, if exactly one does.
    pub fn find(&self, text: &str) -> Option<i64> {
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix('#').unwrap_or(trimmed).trim();
        if let Ok(id) = digits.parse::<i64>()
            && self.ids.contains(&id)
        {
            return Some(id);
        }
        if let Some(id) = self.by_name.get(&normalised_name(trimmed)) {
            return Some(*id);
        }
        match self
            .by_normal
            .get(&normalise_name(trimmed))
            .map(Vec::as_slice)
        {
            Some([id]) => Some(*id),
            _ => None,
        }
    }

    /// The kind of record indexed.
    pub fn target(&self) -> LinkTarget {
        self.target
    }
}

/// Makes a new record of `target` named `name` in `staged`, as the table's new row with its
/// name set; returns its edit and id. `None` for kinds that need more than a name.
pub fn create_named(
    register: &mut Register,
    today: NaiveDate,
    target: LinkTarget,
    name: &str,
) -> Option<(Edit, i64)> {
    match target {
        LinkTarget::Partnership => create_with(&specs::partnerships(), register, today, name),
        LinkTarget::Organisation => create_with(&specs::organisations(), register, today, name),
        LinkTarget::Person => create_with(&specs::people(), register, today, name),
        _ => None,
    }
}

fn create_with<T: Entity + 'static>(
    spec: &TableSpec<T>,
    register: &mut Register,
    today: NaiveDate,
    name: &str,
) -> Option<(Edit, i64)> {
    let (id_of, set_id) = spec.numeric_id?;
    let name_column = spec.name_column?;
    let mut record = (spec.new_record)(register, None).ok()?;
    set_id(&mut record, spec.next_id(register));
    spec.columns[name_column]
        .set(&Lookup::names_only(register, today), &mut record, name)
        .ok()?;
    let id = id_of(&record);
    let edit = Edit::Insert(record.into());
    register.apply(&edit).ok()?;
    Some((edit, id))
}
