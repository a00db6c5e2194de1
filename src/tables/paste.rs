//! The paste preview: rows copied from Excel, matched to the table's records and checked
//! cell by cell before anything is written. Every pasted cell is shown under the column it
//! went to, with how it was read ("01/12/2026" as 1 December), why it was refused, or a
//! warning (a name that a spreadsheet would take as a formula is kept, and flagged). Each row
//! is new, changed, unchanged or invalid; applying is all-or-nothing, as one undoable step.

use std::collections::{HashMap, HashSet};

use super::cell::EditorKind;
use super::lookup::Lookup;
use super::ops::{TableSpec, change};
use crate::model::{Edit, Entity, PartnershipId, Record, looks_like_formula, normalised_name};

/// What pasting a row would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// A record the table does not have yet.
    New,
    /// A record the table has, with different values.
    Changed,
    /// A record the table has, exactly as pasted.
    Unchanged,
    /// A row with at least one value that cannot go in.
    Invalid,
}

impl RowOutcome {
    /// Words for the preview.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Changed => "Changed",
            Self::Unchanged => "Unchanged",
            Self::Invalid => "Invalid",
        }
    }
}

/// Where one pasted column went.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewHeading {
    /// The heading as pasted (the column's own heading when no heading line was pasted).
    pub pasted: String,
    /// The table's column it went to, if any.
    pub column: Option<&'static str>,
    /// Whether that column is worked out from other records (its cells are checked, never
    /// written).
    pub worked_out: bool,
}

/// One pasted cell, as the preview shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviewCell {
    /// The text as pasted.
    pub text: String,
    /// How it was read, when that differs from the text ("1 Dec 2026" for "01/12/2026").
    pub reading: Option<String>,
    /// Why it cannot go in.
    pub refusal: Option<String>,
    /// Something to look at that does not stop the paste.
    pub warning: Option<String>,
}

/// One pasted row and what it would do.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// The row's number among the pasted data rows, from 1.
    pub number: usize,
    /// What it would do.
    pub outcome: RowOutcome,
    /// The row's name (or its first cell), to recognise it by.
    pub name: String,
    /// Every invalid cell: "Amount: "£12.345" has more than two decimal places...".
    pub errors: Vec<String>,
    /// Every pasted cell, one per heading.
    pub cells: Vec<PreviewCell>,
}

/// What a paste would do, row by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PastePreview {
    /// The pasted rows.
    pub rows: Vec<PreviewRow>,
    /// Headings that match no column (their cells are not pasted).
    pub ignored_headings: Vec<String>,
    /// Headings of columns worked out from other records (their cells are not pasted).
    pub read_only_headings: Vec<String>,
    /// Whether the first line was read as headings.
    pub had_headings: bool,
    /// Where each pasted column went, left to right.
    pub headings: Vec<PreviewHeading>,
    edits: Vec<Edit>,
    noun: &'static str,
}

impl PastePreview {
    /// Reads pasted tab-separated `text` against the table. Without a heading line, the
    /// cells are taken to be the shown columns in order. Rows are matched to records by the
    /// "Id" column when there is one, else by name.
    pub fn build<T: Entity + 'static>(
        spec: &TableSpec<T>,
        lookup: &Lookup<'_>,
        text: &str,
        shown: &[bool],
        current: Option<PartnershipId>,
    ) -> Self {
        Self::build_from_rows(spec, lookup, &super::tsv::parse_tsv(text), shown, current)
    }

    /// As [`PastePreview::build`], for rows already split into cells (an imported sheet, its
    /// heading row first).
    pub fn build_from_rows<T: Entity + 'static>(
        spec: &TableSpec<T>,
        lookup: &Lookup<'_>,
        table: &[Vec<String>],
        shown: &[bool],
        current: Option<PartnershipId>,
    ) -> Self {
        let mut preview = Self {
            noun: spec.noun,
            ..Self::default()
        };
        let Some(first) = table.first() else {
            return preview;
        };
        let (mapping, id_position) = match heading_mapping(spec, first) {
            Some((mapping, id_position, ignored)) => {
                preview.had_headings = true;
                preview.ignored_headings = ignored;
                preview.headings = first
                    .iter()
                    .zip(&mapping)
                    .enumerate()
                    .map(|(position, (pasted, column))| PreviewHeading {
                        pasted: pasted.trim().to_string(),
                        column: if Some(position) == id_position {
                            Some("Id")
                        } else {
                            column.map(|c| spec.columns[c].header)
                        },
                        worked_out: column
                            .is_some_and(|c| spec.columns[c].editor == EditorKind::ReadOnly),
                    })
                    .collect();
                (mapping, id_position)
            }
            None => {
                let shown_columns: Vec<Option<usize>> = (0..spec.columns.len())
                    .filter(|&c| shown.get(c).copied().unwrap_or(true))
                    .map(Some)
                    .collect();
                preview.headings = shown_columns
                    .iter()
                    .flatten()
                    .map(|&c| PreviewHeading {
                        pasted: spec.columns[c].header.to_string(),
                        column: Some(spec.columns[c].header),
                        worked_out: spec.columns[c].editor == EditorKind::ReadOnly,
                    })
                    .collect();
                (shown_columns, None)
            }
        };
        for column in mapping.iter().flatten() {
            if spec.columns[*column].editor == EditorKind::ReadOnly {
                preview
                    .read_only_headings
                    .push(spec.columns[*column].header.to_string());
            }
        }
        let data = if preview.had_headings {
            &table[1..]
        } else {
            table
        };
        let register = lookup.register;
        let by_id: HashMap<i64, T::Key> = match spec.numeric_id {
            Some((id_of, _)) => T::map(register)
                .values()
                .map(|r| (id_of(r), r.key()))
                .collect(),
            None => HashMap::new(),
        };
        let by_name: HashMap<String, T::Key> = match spec.name_column {
            Some(col) => T::map(register)
                .values()
                .map(|r| {
                    (
                        normalised_name(&spec.columns[col].cell(lookup, r).text),
                        r.key(),
                    )
                })
                .collect(),
            None => HashMap::new(),
        };
        let mut next_id = spec.next_id(register);
        let mut seen: std::collections::BTreeMap<T::Key, usize> = std::collections::BTreeMap::new();
        let mut names_seen: HashSet<String> = HashSet::new();
        for (index, cells) in data.iter().enumerate() {
            let number = index + 1;
            let mut errors = Vec::new();
            let width = cells.len().max(preview.headings.len());
            let mut shown_cells: Vec<PreviewCell> = (0..width)
                .map(|position| PreviewCell {
                    text: cells.get(position).cloned().unwrap_or_default(),
                    ..PreviewCell::default()
                })
                .collect();
            for cell in &mut shown_cells {
                if looks_like_formula(cell.text.trim_end()) {
                    cell.warning = Some(
                        "Starts as a spreadsheet formula would: kept as your text, and written \
                         with a leading apostrophe when exported"
                            .to_string(),
                    );
                }
            }
            let cell_at = |position: usize| cells.get(position).map(String::as_str).unwrap_or("");
            let name_position = spec
                .name_column
                .and_then(|col| mapping.iter().position(|m| *m == Some(col)));
            let pasted_name = name_position.map(cell_at).unwrap_or("").trim().to_string();
            let shown_name = if pasted_name.is_empty() {
                cells
                    .iter()
                    .find(|c| !c.trim().is_empty())
                    .cloned()
                    .unwrap_or_default()
            } else {
                pasted_name.clone()
            };
            // Which record the row is.
            let mut existing: Option<&T> = None;
            let id_text = id_position.map(cell_at).unwrap_or("").trim();
            if !id_text.is_empty() {
                match id_text.parse::<i64>().ok().and_then(|id| by_id.get(&id)) {
                    Some(key) => existing = spec.record(register, *key),
                    None => errors.push(format!(
                        "Id: no {} has id {id_text}; clear the Id cell to add it as a new row",
                        spec.noun
                    )),
                }
            } else if !pasted_name.is_empty()
                && let Some(key) = by_name.get(&normalised_name(&pasted_name))
            {
                existing = spec.record(register, *key);
            }
            if !pasted_name.is_empty() && !names_seen.insert(normalised_name(&pasted_name)) {
                errors.push(format!(
                    "“{pasted_name}” is pasted twice: keep one row for it"
                ));
            }
            let mut after = match existing {
                Some(record) => record.clone(),
                None => match (spec.new_record)(register, current) {
                    Ok(mut record) => {
                        if let Some((_, set_id)) = spec.numeric_id {
                            set_id(&mut record, next_id);
                        }
                        record
                    }
                    Err(reason) => {
                        errors.push(reason.0);
                        preview.push_invalid(number, shown_name, errors, shown_cells);
                        continue;
                    }
                },
            };
            for (position, column) in mapping.iter().enumerate() {
                let Some(column) = *column else { continue };
                let spec_column = &spec.columns[column];
                let outcome = if spec_column.editor == EditorKind::ReadOnly {
                    spec_column.check_worked_out(
                        lookup,
                        existing.unwrap_or(&after),
                        cell_at(position),
                    )
                } else {
                    spec_column.set(lookup, &mut after, cell_at(position))
                };
                let Some(cell) = shown_cells.get_mut(position) else {
                    continue;
                };
                match outcome {
                    Err(reason) => {
                        errors.push(format!("{}: {}", spec_column.header, reason.0));
                        cell.refusal = Some(reason.0);
                    }
                    Ok(()) if spec_column.editor != EditorKind::ReadOnly => {
                        let reading = reading_of(spec_column.cell(lookup, &after));
                        if reading != cell.text.trim() {
                            cell.reading = Some(reading);
                        }
                    }
                    Ok(()) => {}
                }
            }
            if errors.is_empty()
                && let Err(reason) = Record::validate(&after.clone().into())
            {
                errors.push(reason.0);
            }
            let before_record: Option<Record> = existing.map(|record| record.clone().into());
            if errors.is_empty()
                && let Some(reason) =
                    register.record_refusal(before_record.as_ref(), &after.clone().into())
            {
                errors.push(reason);
            }
            // A link row (a tag) is the pair it links: pasting one the table has is no change.
            if existing.is_none()
                && errors.is_empty()
                && let Some(record) = spec.record(register, after.key())
            {
                existing = Some(record);
            }
            if errors.is_empty()
                && let Some(earlier) = seen.insert(after.key(), number)
            {
                errors.push(format!(
                    "This row is the same {} as row {earlier}",
                    spec.noun
                ));
            }
            if !errors.is_empty() {
                preview.push_invalid(number, shown_name, errors, shown_cells);
                continue;
            }
            let outcome = match existing {
                Some(before) if *before == after => RowOutcome::Unchanged,
                Some(before) => {
                    preview.edits.push(change(before, after));
                    RowOutcome::Changed
                }
                None => {
                    next_id += 1;
                    preview.edits.push(Edit::insert(after));
                    RowOutcome::New
                }
            };
            preview.rows.push(PreviewRow {
                number,
                outcome,
                name: shown_name,
                errors,
                cells: shown_cells,
            });
        }
        preview
    }

    fn push_invalid(
        &mut self,
        number: usize,
        name: String,
        errors: Vec<String>,
        cells: Vec<PreviewCell>,
    ) {
        self.rows.push(PreviewRow {
            number,
            outcome: RowOutcome::Invalid,
            name,
            errors,
            cells,
        });
    }

    /// The edits of the new and changed rows, in row order (one per such row).
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// How many cells are flagged with a warning.
    pub fn warning_count(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter(|cell| cell.warning.is_some())
            .count()
    }

    /// How many rows would be new, changed, unchanged, and are invalid.
    pub fn count(&self, outcome: RowOutcome) -> usize {
        self.rows.iter().filter(|r| r.outcome == outcome).count()
    }

    /// Whether applying is allowed: no invalid row, and something to change.
    pub fn can_apply(&self) -> bool {
        self.count(RowOutcome::Invalid) == 0 && !self.edits.is_empty()
    }

    /// The whole paste as ONE edit (one undo step), when it can be applied.
    pub fn batch(&self) -> Option<Edit> {
        self.can_apply().then(|| Edit::Batch {
            description: format!(
                "Paste {}",
                crate::model::words::counted(self.edits.len(), &format!("{} row", self.noun))
            ),
            edits: self.edits.clone(),
        })
    }

    /// "2 new, 1 changed, 1 invalid": the preview in a line.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            RowOutcome::New,
            RowOutcome::Changed,
            RowOutcome::Unchanged,
            RowOutcome::Invalid,
        ]
        .iter()
        .map(|&o| (o, self.count(o)))
        .filter(|(_, n)| *n > 0)
        .map(|(o, n)| format!("{n} {}", o.label().to_lowercase()))
        .collect();
        if parts.is_empty() {
            "Nothing to paste".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// A cell as the preview says it was read: a date in words ("1 December 2026"), so a
/// day-first date cannot be mistaken; anything else as the table shows it.
fn reading_of(cell: super::cell::Cell) -> String {
    match cell.sort {
        super::cell::SortKey::Date(Some(date)) => date.format("%-d %B %Y").to_string(),
        _ => cell.text,
    }
}

/// Reads a heading line: which column each pasted cell goes to, where the Id is, and the
/// headings that match nothing. `None` when the line does not look like headings.
#[allow(clippy::type_complexity)]
fn heading_mapping<T: Entity + 'static>(
    spec: &TableSpec<T>,
    first: &[String],
) -> Option<(Vec<Option<usize>>, Option<usize>, Vec<String>)> {
    let mut mapping = Vec::new();
    let mut id_position = None;
    let mut ignored = Vec::new();
    let mut matched = 0;
    for (position, heading) in first.iter().enumerate() {
        let wanted = normalised_name(heading);
        if spec.numeric_id.is_some() && wanted == "id" {
            id_position = Some(position);
            mapping.push(None);
            matched += 1;
            continue;
        }
        match spec.column_for_heading(heading) {
            Some(c) => {
                matched += 1;
                mapping.push(Some(c));
            }
            None => {
                if !heading.trim().is_empty() {
                    ignored.push(heading.trim().to_string());
                }
                mapping.push(None);
            }
        }
    }
    (matched > 0).then_some((mapping, id_position, ignored))
}
