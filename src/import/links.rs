//! Links by id, then by name: a parent partnership, a member organisation or a representative
//! typed in a cell is found in the register (and among the rows being imported) by "#12" or a
//! bare id, by its name as the tables compare names, then by its normalised name
//! ([`crate::reconcile::normalise_name`]: "The Citizens' Advice Ltd" finds "Citizens Advice").
//! What is found is written as "#id", so the table's own reading takes it as it is; what is not
//! is listed, and can be made as a new record with that name. A cell written as initials
//! ("LSP") finds the one record whose initials they are ([`crate::reconcile::initials`]), with a
//! note on the row; initials two records share are listed with both names, and nothing is made.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::words::{listed, noun_for};
use crate::model::{Edit, Entity, Register, normalised_name};
use crate::reconcile::{initials, normalise_name, written_initials};
use crate::tables::{LinkTarget, Lookup, TableSpec, specs, target_label};

/// A link no record answers to, or more than one does.
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
    /// The records it could mean, when more than one answers (initials two names share): the
    /// user writes the name in full; none is made.
    pub candidates: Vec<String>,
}

impl UnresolvedLink {
    /// The link in words: "organisation “Fire Service” (row 6)", "… (rows 6 and 9, will be
    /// created)", "partnership “LSP” (row 4) could be “A” or “B”: write its name in full".
    /// Counted by [`crate::model::words`], so one row is never "rows".
    pub fn words(&self) -> String {
        let rows: Vec<String> = self.rows.iter().map(usize::to_string).collect();
        let fate = if self.created {
            ", will be created"
        } else {
            ""
        };
        let mut line = format!(
            "{} “{}” ({} {}{fate})",
            self.what,
            self.name,
            noun_for(rows.len(), "row"),
            listed(&rows)
        );
        if !self.candidates.is_empty() {
            let names: Vec<String> = self.candidates.iter().map(|n| format!("“{n}”")).collect();
            line.push_str(&format!(
                " could be {}: write its name in full",
                names.join(" or ")
            ));
        }
        line
    }
}

/// What a cell naming a record finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkMatch {
    /// One record, by id, name, short name or other name.
    Found(i64),
    /// The one record whose initials the cell is ("LSP" for "Local Strategic Partnership").
    ByInitials {
        /// The record.
        id: i64,
        /// Its name, for the row's note.
        name: String,
    },
    /// More than one record answers: their names.
    Ambiguous(Vec<String>),
    /// No record answers.
    Missing,
}

impl LinkMatch {
    /// The record found, if exactly one was.
    pub fn id(&self) -> Option<i64> {
        match self {
            Self::Found(id) | Self::ByInitials { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// The records a link may point at, by id, by both forms of name (and a partnership's short
/// and other names, an objective's text without its reference), and by initials.
pub struct LinkIndex {
    target: LinkTarget,
    names: HashMap<i64, String>,
    by_name: HashMap<String, i64>,
    by_normal: HashMap<String, Vec<i64>>,
    by_initials: HashMap<String, Vec<i64>>,
}

impl LinkIndex {
    /// The index of every record of `target` in `register`.
    pub fn new(register: &Register, today: NaiveDate, target: LinkTarget) -> Self {
        let mut index = Self {
            target,
            names: HashMap::new(),
            by_name: HashMap::new(),
            by_normal: HashMap::new(),
            by_initials: HashMap::new(),
        };
        for (id, name) in Lookup::names_only(register, today).link_options(target) {
            index.add(id, &name);
        }
        if target == LinkTarget::Objective {
            // An objective is listed as "S1 Reduce repeat victims"; a sheet may give the text alone.
            for objective in register.objectives.values() {
                index.add_other_name(objective.id.0, &objective.text);
            }
        }
        if target == LinkTarget::Partnership {
            for partnership in register.partnerships.values() {
                let other_names = std::iter::once(&partnership.short_name)
                    .chain(&partnership.aliases)
                    .filter(|name| !name.trim().is_empty());
                for name in other_names {
                    index.add_other_name(partnership.id.0, name);
                }
            }
        }
        index
    }

    /// Adds a record (one made by the import).
    pub fn add(&mut self, id: i64, name: &str) {
        self.names.insert(id, name.trim().to_string());
        self.by_name.entry(normalised_name(name)).or_insert(id);
        self.add_other_name(id, name);
        let short = initials(name);
        if !short.is_empty() {
            let ids = self.by_initials.entry(short).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    fn add_other_name(&mut self, id: i64, name: &str) {
        let ids = self.by_normal.entry(normalise_name(name)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// The record a cell names, if exactly one does by id or name (initials not asked).
    pub fn find(&self, text: &str) -> Option<i64> {
        match self.matches(text) {
            LinkMatch::Found(id) => Some(id),
            _ => None,
        }
    }

    /// What a cell names: by id ("#12", "12"), by name as the tables compare names, by
    /// normalised name, a short or other name, then by initials; two or more answering at the
    /// last step that does are [`LinkMatch::Ambiguous`].
    pub fn matches(&self, text: &str) -> LinkMatch {
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix('#').unwrap_or(trimmed).trim();
        if let Ok(id) = digits.parse::<i64>()
            && self.names.contains_key(&id)
        {
            return LinkMatch::Found(id);
        }
        if let Some(id) = self.by_name.get(&normalised_name(trimmed)) {
            return LinkMatch::Found(*id);
        }
        match self
            .by_normal
            .get(&normalise_name(trimmed))
            .map(Vec::as_slice)
        {
            Some([id]) => return LinkMatch::Found(*id),
            Some(ids) if ids.len() > 1 => return LinkMatch::Ambiguous(self.names_of(ids)),
            _ => {}
        }
        let by_initials = written_initials(trimmed)
            .and_then(|short| self.by_initials.get(&short))
            .map_or(&[][..], Vec::as_slice);
        match by_initials {
            [] => LinkMatch::Missing,
            [id] => LinkMatch::ByInitials {
                id: *id,
                name: self.names.get(id).cloned().unwrap_or_default(),
            },
            ids => LinkMatch::Ambiguous(self.names_of(ids)),
        }
    }

    fn names_of(&self, ids: &[i64]) -> Vec<String> {
        let mut names: Vec<String> = ids
            .iter()
            .filter_map(|id| self.names.get(id).cloned())
            .collect();
        names.sort();
        names
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
        LinkTarget::Strategy => create_with(&specs::strategies(), register, today, name),
        LinkTarget::Theme => create_with(&specs::themes(), register, today, name),
        LinkTarget::Priority => create_with(&specs::priorities(), register, today, name),
        LinkTarget::Objective | LinkTarget::Representation => None,
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

/// A link no record answers to, or several do: listed (with the records it could mean), and
/// made when asked and none answers (the new record's edit goes first in the import).
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_missing(
    staged: &mut Register,
    today: NaiveDate,
    edits: &mut Vec<Edit>,
    unresolved: &mut BTreeMap<(&'static str, String), UnresolvedLink>,
    index: &mut LinkIndex,
    (name, found): (&str, LinkMatch),
    line: usize,
    create: bool,
) -> Option<i64> {
    let what = target_label(index.target());
    let key = (what, crate::reconcile::normalise_name(name));
    let entry = unresolved.entry(key).or_insert_with(|| UnresolvedLink {
        what,
        name: name.trim().to_string(),
        rows: Vec::new(),
        created: false,
        candidates: Vec::new(),
    });
    entry.rows.push(line);
    if let LinkMatch::Ambiguous(names) = found {
        entry.candidates = names;
        return None;
    }
    if !create || !entry.candidates.is_empty() {
        return None;
    }
    let (edit, id) = create_named(staged, today, index.target(), name.trim())?;
    entry.created = true;
    index.add(id, name.trim());
    edits.push(edit);
    Some(id)
}

/// The note on a row whose link was read as initials.
pub(super) fn initials_note(field: &str, written: &str, name: &str) -> String {
    format!(
        "{field}: “{}” read as “{name}” (its initials)",
        written.trim()
    )
}
