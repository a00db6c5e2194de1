//! `TableSpec<T>`: a table of one kind of record, and what can be done to its rows. Every
//! change comes back as ONE [`Edit`] (a `Batch` when it touches several rows), or as the reason
//! in plain words why it cannot be made.

use super::cell::TotalKind;
use super::column::Column;
use super::lookup::Lookup;
use crate::model::words::{counted, with_noun};
use crate::model::{
    Edit, Entity, FinancialYear, InvalidValue, PartnershipId, Record, Register, normalised_name,
};

/// Reads and sets a record's number.
pub type NumericId<T> = (fn(&T) -> i64, fn(&mut T, i64));

/// Makes the record a new row starts as (linked to the current partnership where it can be).
pub type NewRecord<T> = fn(&Register, Option<PartnershipId>) -> Result<T, InvalidValue>;

/// A table of `T` records.
pub struct TableSpec<T: Entity + 'static> {
    /// Stable id, for remembered settings ("organisations").
    pub id: &'static str,
    /// Lower-case noun for one row ("organisation"), for buttons and messages.
    pub noun: &'static str,
    /// The columns, left to right.
    pub columns: Vec<Column<T>>,
    /// The column holding the row's name: pasted rows without an id are matched on it, and a
    /// duplicate's name gets " (copy)".
    pub name_column: Option<usize>,
    /// The record's number, for the "Id" column of copied rows (none for link tables, whose
    /// key is the pair they link).
    pub numeric_id: Option<NumericId<T>>,
    /// What a new row starts as.
    pub new_record: NewRecord<T>,
    /// The partnership a row belongs to (selecting the row makes it current).
    pub partnership_of: Option<fn(&T) -> Option<PartnershipId>>,
    /// Rows that need attention stand out (overdue actions).
    pub flagged: Option<fn(&Lookup<'_>, &T) -> bool>,
    /// The column a "change status" acts on.
    pub status_column: Option<usize>,
    /// The financial year a row counts in (2026 is 2026/27): its totals are per year.
    pub year_of: Option<fn(&T) -> i32>,
}

impl<T: Entity + 'static> TableSpec<T> {
    /// The record with `key`, if it is still there.
    pub fn record<'r>(&self, register: &'r Register, key: T::Key) -> Option<&'r T> {
        T::map(register).get(&key)
    }

    /// The column whose id is `id`.
    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// The column a spreadsheet heading names (its heading, id or another name it is known
    /// by), for paste and import.
    pub fn column_for_heading(&self, heading: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.answers_to(heading))
    }

    /// The edit that puts typed `text` into one cell; `Ok(None)` when nothing changes.
    pub fn edit_cell(
        &self,
        lookup: &Lookup<'_>,
        key: T::Key,
        column: usize,
        text: &str,
    ) -> Result<Option<Edit>, InvalidValue> {
        self.edit_cells(lookup, &[key], column, text)
    }

    /// The edit that puts typed `text` into one column of several rows, as one undo step
    /// ("change status" of the selection); `Ok(None)` when nothing changes.
    pub fn edit_cells(
        &self,
        lookup: &Lookup<'_>,
        keys: &[T::Key],
        column: usize,
        text: &str,
    ) -> Result<Option<Edit>, InvalidValue> {
        let spec = self
            .columns
            .get(column)
            .ok_or_else(|| InvalidValue("There is no such column".to_string()))?;
        let mut edits = Vec::new();
        for &key in keys {
            let before = self.record(lookup.register, key).ok_or_else(|| {
                InvalidValue(format!("The {} is no longer in the register", self.noun))
            })?;
            let mut after = before.clone();
            spec.set(lookup, &mut after, text)?;
            if after != *before {
                Record::validate(&after.clone().into())?;
                let old: Record = before.clone().into();
                if let Some(reason) = lookup
                    .register
                    .record_refusal(Some(&old), &after.clone().into())
                {
                    return Err(InvalidValue(reason));
                }
                edits.push(change(before, after));
            }
        }
        let to = |record: Option<&T>| {
            let text = record
                .map(|r| spec.cell(lookup, r).text)
                .unwrap_or_default();
            if text.trim().is_empty() {
                "nothing".to_string()
            } else if let Ok(date) = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
                // A date as a sentence says it: "1 June 2027".
                date.format("%-d %B %Y").to_string()
            } else {
                text
            }
        };
        match (keys, edits.len()) {
            (_, 0) => Ok(None),
            // One row: the row and the new value in words, "Change partnership “X”: Review
            // date to 1 June 2027".
            ([key], _) => {
                let mut after = self.record(lookup.register, *key).cloned();
                if let Some(record) = after.as_mut() {
                    spec.set(lookup, record, text)?;
                }
                let before: Option<Record> =
                    self.record(lookup.register, *key).cloned().map(Into::into);
                let row = before.map_or_else(
                    || self.noun.to_string(),
                    |record| lookup.register.record_in_words(&record),
                );
                Ok(Some(Edit::Batch {
                    description: format!("Change {row}: {} to {}", spec.header, to(after.as_ref())),
                    edits,
                }))
            }
            _ => Ok(one_step(
                edits,
                format!(
                    "Change {} of {}",
                    spec.header.to_lowercase(),
                    counted(keys.len(), self.noun)
                ),
            )),
        }
    }

    /// A new row (linked to `current` where it has a partnership), with its key.
    pub fn new_row(
        &self,
        register: &Register,
        current: Option<PartnershipId>,
    ) -> Result<(T::Key, Edit), InvalidValue> {
        let mut record = (self.new_record)(register, current)?;
        if let Some(name_col) = self.name_column {
            let lookup = Lookup::new(register, chrono::NaiveDate::MIN);
            let base = self.columns[name_col].cell(&lookup, &record).text;
            let name = self.unused_name(register, &lookup, name_col, &base);
            self.columns[name_col].set(&lookup, &mut record, &name)?;
        }
        if T::map(register).contains_key(&record.key()) {
            return Err(InvalidValue(format!(
                "The register already has this {}: change the existing row instead",
                self.noun
            )));
        }
        if let Some(reason) = register.record_refusal(None, &record.clone().into()) {
            return Err(InvalidValue(reason));
        }
        let key = record.key();
        if self.name_column.is_some() {
            return Ok((key, Edit::insert(record)));
        }
        // A row without a name is named by what it links: "Add membership of Acme Housing
        // in “Kestleigh Area Board”".
        let record: Record = record.into();
        Ok((
            key,
            Edit::Batch {
                description: format!("Add {}", register.record_in_words(&record)),
                edits: vec![Edit::Insert(record)],
            },
        ))
    }

    /// Copies of the rows `keys`, each with a new id and " (copy)" after its name.
    pub fn duplicate(
        &self,
        register: &Register,
        keys: &[T::Key],
    ) -> Result<(Vec<T::Key>, Edit), InvalidValue> {
        let Some((_, set_id)) = self.numeric_id else {
            return Err(InvalidValue(format!(
                "A {} links two records: add another one instead of copying",
                self.noun
            )));
        };
        let lookup = Lookup::new(register, chrono::NaiveDate::MIN);
        let mut next = self.next_id(register);
        let mut added = Vec::new();
        let mut edits = Vec::new();
        for &key in keys {
            let Some(original) = self.record(register, key) else {
                continue;
            };
            let mut copy = original.clone();
            set_id(&mut copy, next);
            next += 1;
            if let Some(name_col) = self.name_column {
                let name = self.columns[name_col].cell(&lookup, original).text;
                let new_name =
                    self.unused_name(register, &lookup, name_col, &format!("{name} (copy)"));
                self.columns[name_col].set(&lookup, &mut copy, &new_name)?;
            }
            added.push(copy.key());
            edits.push(Edit::insert(copy));
        }
        let edit = one_step(
            edits,
            format!("Copy {}", self.rows_in_words(register, keys)),
        )
        .ok_or_else(|| InvalidValue("Select the rows to copy first".to_string()))?;
        Ok((added, edit))
    }

    /// Deleting the rows `keys`, or why not (another record uses one of them).
    pub fn delete(&self, register: &Register, keys: &[T::Key]) -> Result<Edit, InvalidValue> {
        let mut edits = Vec::new();
        for &key in keys {
            let Some(record) = self.record(register, key) else {
                continue;
            };
            let record: Record = record.clone().into();
            if let Some(refusal) = register.deletion_refusal_besides_placements(&record) {
                return Err(InvalidValue(refusal.to_string()));
            }
            // Its places in diagram views go with it, first, so the delete is not refused.
            edits.extend(
                register
                    .placements_of(&record.key())
                    .into_iter()
                    .map(Edit::delete),
            );
            edits.push(Edit::Delete(record));
        }
        if edits.is_empty() {
            return Err(InvalidValue("Select the rows to delete first".to_string()));
        }
        // Always a named step, so the undo menu says what comes back.
        Ok(Edit::Batch {
            description: format!("Delete {}", self.rows_in_words(register, keys)),
            edits,
        })
    }

    /// The rows `keys` in words: their names when there are up to three ("Kestleigh Area
    /// Board", "A, B and C"), else how many ("5 partnerships"); rows without names are
    /// counted ("1 contribution").
    pub fn rows_in_words(&self, register: &Register, keys: &[T::Key]) -> String {
        self.row_names(register, keys)
            .or_else(|| self.linked_rows_in_words(register, keys))
            .unwrap_or_else(|| counted(keys.len(), self.noun))
    }

    /// Rows without a name (a membership, a representation) by what they link, when there
    /// are up to three: "membership of Acme Housing in “Kestleigh Area Board”".
    fn linked_rows_in_words(&self, register: &Register, keys: &[T::Key]) -> Option<String> {
        const MOST_NAMED: usize = 3;
        if self.name_column.is_some() || keys.is_empty() || keys.len() > MOST_NAMED {
            return None;
        }
        let words: Vec<String> = keys
            .iter()
            .filter_map(|&key| self.record(register, key))
            .map(|record| register.record_in_words(&record.clone().into()))
            .collect();
        (words.len() == keys.len()).then(|| crate::model::words::listed(&words))
    }

    /// The names of the rows `keys` as a list ("A, B and C"): `None` for more than three rows
    /// or rows without names.
    pub fn row_names(&self, register: &Register, keys: &[T::Key]) -> Option<String> {
        const MOST_NAMED: usize = 3;
        let column = self.name_column.filter(|_| keys.len() <= MOST_NAMED)?;
        let lookup = Lookup::new(register, chrono::NaiveDate::MIN);
        let names: Vec<String> = keys
            .iter()
            .filter_map(|&key| self.record(register, key))
            .map(|record| self.columns[column].cell(&lookup, record).text)
            .collect();
        (!names.is_empty() && names.len() == keys.len())
            .then(|| crate::model::words::listed(&names))
    }

    /// The number the next new record gets.
    pub fn next_id(&self, register: &Register) -> i64 {
        let Some((id_of, _)) = self.numeric_id else {
            return 0;
        };
        T::map(register).values().map(id_of).max().unwrap_or(0) + 1
    }

    /// `base`, or `base 2`, `base 3`... whichever no row of this table has yet.
    fn unused_name(
        &self,
        register: &Register,
        lookup: &Lookup<'_>,
        name_col: usize,
        base: &str,
    ) -> String {
        let taken: std::collections::HashSet<String> = T::map(register)
            .values()
            .map(|r| normalised_name(&self.columns[name_col].cell(lookup, r).text))
            .collect();
        std::iter::once(base.to_string())
            .chain((2..1000).map(|n| format!("{base} {n}")))
            .find(|name| !taken.contains(&normalised_name(name)))
            .unwrap_or_else(|| base.to_string())
    }

    /// The selected rows as tab-separated text with a heading line: "Id" first when records
    /// have numbers, then the shown columns.
    pub fn copy_rows(&self, lookup: &Lookup<'_>, keys: &[T::Key], shown: &[bool]) -> String {
        let columns: Vec<usize> = (0..self.columns.len())
            .filter(|&c| shown.get(c).copied().unwrap_or(true))
            .collect();
        let mut table: Vec<Vec<String>> = Vec::new();
        let mut header: Vec<String> = Vec::new();
        if self.numeric_id.is_some() {
            header.push("Id".to_string());
        }
        header.extend(columns.iter().map(|&c| self.columns[c].header.to_string()));
        table.push(header);
        for &key in keys {
            let Some(record) = self.record(lookup.register, key) else {
                continue;
            };
            let mut line: Vec<String> = Vec::new();
            if let Some((id_of, _)) = self.numeric_id {
                line.push(id_of(record).to_string());
            }
            line.extend(
                columns
                    .iter()
                    .map(|&c| self.columns[c].cell(lookup, record).text),
            );
            table.push(line);
        }
        super::tsv::write_tsv(&table)
    }
}

/// "TOTAL 104 hours, £538,000": the totals row in words, for the status line and reports.
pub fn totals_summary<T: Entity + 'static>(
    spec: &TableSpec<T>,
    totals: &[Option<String>],
) -> Option<String> {
    let parts: Vec<String> = spec
        .columns
        .iter()
        .zip(totals)
        .filter_map(|(column, total)| {
            let total = total.as_ref()?;
            Some(match column.total {
                TotalKind::Hours => with_noun(total, "hour"),
                _ => total.clone(),
            })
        })
        .collect();
    (!parts.is_empty()).then(|| format!("TOTAL {}", parts.join(", ")))
}

/// The totals line of a table whose rows count in financial years: "Total 2026/27: £538,000"
/// for one year, or "Totals by year: 2026/27 £538,000; 2025/26 £510,500" when the rows span
/// several. `by_year` is newest first, as [`TableRows::totals_by_year`](super::TableRows::totals_by_year)
/// gives it.
pub fn year_totals_summary<T: Entity + 'static>(
    spec: &TableSpec<T>,
    by_year: &[(i32, Vec<Option<String>>)],
) -> Option<String> {
    let in_words = |totals: &[Option<String>]| -> Option<String> {
        let parts: Vec<String> = spec
            .columns
            .iter()
            .zip(totals)
            .filter_map(|(column, total)| {
                let total = total.as_ref()?;
                Some(match column.total {
                    TotalKind::Hours => with_noun(total, "hour"),
                    _ => total.clone(),
                })
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    match by_year {
        [] => None,
        [(year, totals)] => in_words(totals)
            .map(|words| format!("Total {}: {words}", FinancialYear::starting(*year))),
        several => {
            let parts: Vec<String> = several
                .iter()
                .filter_map(|(year, totals)| {
                    in_words(totals)
                        .map(|words| format!("{} {words}", FinancialYear::starting(*year)))
                })
                .collect();
            (!parts.is_empty()).then(|| format!("Totals by year: {}", parts.join("; ")))
        }
    }
}

/// An update, or a delete and insert when the change moves the record to another key (a tag
/// linked to another theme).
pub(super) fn change<T: Entity + 'static>(before: &T, after: T) -> Edit {
    if before.key() == after.key() {
        Edit::change(before.clone(), after)
    } else {
        Edit::Batch {
            description: format!("Change {}", Into::<Record>::into(before.clone()).title()),
            edits: vec![Edit::delete(before.clone()), Edit::insert(after)],
        }
    }
}

/// One edit for many: the edit itself when there is one, a batch when there are several.
pub(super) fn one_step(mut edits: Vec<Edit>, description: String) -> Option<Edit> {
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch { description, edits }),
    }
}
