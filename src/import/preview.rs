//! The import preview: every row of the sheet new, changed (field by field, old and new),
//! unchanged or invalid (with its reasons), the links that found no record, and probable
//! duplicates with their evidence; and the whole import as ONE edit, only when nothing is
//! invalid and nothing unresolved. Each row is read by the table's own columns (the paste
//! preview's code), so a cell is checked exactly as one typed into the table.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::dates::normalise_date_cell;
use super::duplicates::{Duplicate, DuplicateChoices, Settled, settle};
use super::header_row::find_header_row;
use super::hours::{HOURS_FIELD, is_hours_heading, officer_hours};
use super::links::{LinkIndex, LinkMatch, UnresolvedLink, initials_note, resolve_missing};
use super::mapping::{ColumnMap, Target, map_headings, parent_kind};
use super::parents::parents;
use super::{ImportEntity, ImportError, SheetTable};
use crate::model::words::counted;
use crate::model::{Edit, Entity, RecordKey, Register};
use crate::tables::{EditorKind, Lookup, PastePreview, RowOutcome, TableSpec};

/// What to import and how.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// What the rows are.
    pub entity: ImportEntity,
    /// The heading row, from 1 (found when `None`).
    pub header_row: Option<usize>,
    /// The user's changes to the mapping.
    pub map: ColumnMap,
    /// Make a record for each link that finds none.
    pub create_missing: bool,
    /// The file's name, for the edit's description and the audit log.
    pub file_name: String,
    /// The user's answers about probable duplicates.
    pub duplicates: DuplicateChoices,
}

/// One field a changed row changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's heading.
    pub field: &'static str,
    /// As it is in the register.
    pub old: String,
    /// As it would be.
    pub new: String,
}

/// One data row of the sheet and what importing it would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    /// Its row number in the sheet, from 1.
    pub line: usize,
    /// New, changed, unchanged or invalid.
    pub outcome: RowOutcome,
    /// Its name (or first cell), to know it by.
    pub name: String,
    /// Why it cannot go in, and notes (a formula-like cell kept as text).
    pub reasons: Vec<String>,
    /// For a changed row, each field it changes.
    pub changes: Vec<FieldChange>,
}

/// One column of the sheet and the field it goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappedHeading {
    /// The heading in the sheet.
    pub heading: String,
    /// The field's id ("responsible_officer", "id", "parent"), `None` when left out.
    pub field: Option<&'static str>,
    /// Why it is left out, in words, when it is.
    pub left_out: Option<String>,
}

/// What importing a sheet would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// What the rows are.
    pub entity: ImportEntity,
    /// The heading row used, from 1.
    pub header_row: usize,
    /// Every column and where it goes.
    pub headings: Vec<MappedHeading>,
    /// Every data row.
    pub rows: Vec<ImportRow>,
    /// Links that found no record.
    pub unresolved: Vec<UnresolvedLink>,
    /// Probable duplicates with their evidence.
    pub duplicates: Vec<Duplicate>,
    /// Why nothing can be imported at all (no heading names a field).
    pub problem: Option<String>,
    edit: Option<Edit>,
}

impl ImportPreview {
    /// How many rows would do `outcome`.
    pub fn count(&self, outcome: RowOutcome) -> usize {
        self.rows
            .iter()
            .filter(|row| row.outcome == outcome)
            .count()
    }

    /// How many probable duplicates the user has not yet said are the same or new.
    pub fn unsettled(&self) -> usize {
        self.duplicates
            .iter()
            .filter(|d| d.choice.is_none())
            .count()
    }

    /// Whether the import can be applied: no invalid row, no unresolved link left, something to do.
    pub fn can_apply(&self) -> bool {
        self.edit.is_some()
    }

    /// The whole import as ONE edit, when it can be applied.
    pub fn edit(&self) -> Option<&Edit> {
        self.edit.as_ref()
    }

    /// "3 new, 1 changed, 1 invalid; 2 links unresolved": the preview in a line.
    pub fn summary(&self) -> String {
        if let Some(problem) = &self.problem {
            return problem.clone();
        }
        let mut parts: Vec<String> = [
            RowOutcome::New,
            RowOutcome::Changed,
            RowOutcome::Unchanged,
            RowOutcome::Invalid,
        ]
        .into_iter()
        .map(|outcome| (outcome, self.count(outcome)))
        .filter(|(_, n)| *n > 0)
        .map(|(outcome, n)| format!("{n} {}", outcome.label().to_lowercase()))
        .collect();
        if parts.is_empty() {
            parts.push("no rows".to_string());
        }
        let mut line = parts.join(", ");
        let open = self.unresolved.iter().filter(|link| !link.created).count();
        let made = self.unresolved.len() - open;
        if open > 0 {
            line.push_str(&format!("; {} unresolved", counted(open, "link")));
        }
        if made > 0 {
            line.push_str(&format!("; {} to create", counted(made, "missing record")));
        }
        if !self.duplicates.is_empty() {
            line.push_str(&format!(
                "; {}",
                counted(self.duplicates.len(), "probable duplicate")
            ));
            let open = self.unsettled();
            if open > 0 {
                line.push_str(&format!(" ({open} to settle)"));
            }
        }
        line
    }
}

/// Builds the preview of importing `table` (see [`ImportEntity::preview`]).
pub fn build_preview(
    register: &Register,
    today: NaiveDate,
    table: &SheetTable,
    options: &ImportOptions,
) -> Result<ImportPreview, ImportError> {
    options.entity.preview(register, today, table, options)
}

/// The preview for one table's spec. `with_parent`: the rows are partnerships, whose parent
/// columns become relationships.
pub(super) fn build_for<T: Entity + 'static>(
    spec: &TableSpec<T>,
    register: &Register,
    today: NaiveDate,
    table: &SheetTable,
    options: &ImportOptions,
    with_parent: bool,
) -> Result<ImportPreview, ImportError> {
    let rows = &table.rows;
    let header_index = match options.header_row {
        Some(0) | None => find_header_row(rows, |cell| {
            spec.column_for_heading(cell).is_some()
                || (with_parent && (parent_kind(cell).is_some() || is_hours_heading(cell)))
        }),
        Some(row) if row <= rows.len() => row - 1,
        Some(row) => {
            return Err(ImportError::NoSuchRow {
                row,
                rows: rows.len(),
            });
        }
    };
    let headings: Vec<String> = rows.get(header_index).cloned().unwrap_or_default();
    let targets = map_headings(spec, &headings, &options.map, with_parent)?;
    let mut preview = ImportPreview {
        entity: options.entity,
        header_row: header_index + 1,
        headings: headings
            .iter()
            .zip(&targets)
            .map(|(heading, target)| MappedHeading {
                heading: heading.trim().to_string(),
                field: target.map(|t| match t {
                    Target::Field(c) => spec.columns[c].id,
                    Target::Id => "id",
                    Target::Parent => "parent",
                    Target::Hours => HOURS_FIELD,
                }),
                left_out: target.is_none().then(|| {
                    let chosen = options.map.choice_for(heading) == Some(None);
                    options.entity.why_left_out(heading, chosen)
                }),
            })
            .collect(),
        ..ImportPreview::default()
    };
    if !targets.iter().any(|t| matches!(t, Some(Target::Field(_)))) {
        preview.problem = Some(format!(
            "No heading in row {} names a field of {}: choose the heading row, or map the columns",
            header_index + 1,
            crate::model::words::plural(spec.noun)
        ));
        return Ok(preview);
    }
    // The data rows, with their sheet row numbers; rows with nothing in them are left out.
    let mut data: Vec<(usize, Vec<String>)> = rows
        .iter()
        .enumerate()
        .skip(header_index + 1)
        .filter(|(_, cells)| cells.iter().any(|cell| !cell.trim().is_empty()))
        .map(|(index, cells)| (index + 1, cells.clone()))
        .collect();
    // Probable duplicates by name, against the register and each other, settled as the user said.
    let name_position = spec
        .name_column
        .and_then(|name| targets.iter().position(|t| *t == Some(Target::Field(name))));
    let settled = match (spec.name_column, name_position) {
        (Some(name_column), Some(position)) => {
            let lookup = Lookup::names_only(register, today);
            let names: Vec<String> = T::map(register)
                .values()
                .map(|r| spec.columns[name_column].cell(&lookup, r).text)
                .collect();
            settle(&mut data, position, &names, &options.duplicates)
        }
        _ => Settled::default(),
    };
    preview.duplicates = settled.duplicates;
    let mut staged = register.clone();
    let mut edits: Vec<Edit> = Vec::new();
    let mut unresolved: BTreeMap<(&'static str, String), UnresolvedLink> = BTreeMap::new();
    // Notes for rows by sheet row: a link read by its initials, a duplicate answered.
    let mut notes: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (line, note) in settled.notes {
        notes.entry(line).or_default().push(note);
    }
    // Dates read in any usual form; links found by id or name and written as "#id".
    for (position, target) in targets.iter().enumerate() {
        let Some(Target::Field(column)) = *target else {
            continue;
        };
        match spec.columns[column].editor {
            EditorKind::Date => {
                for (_, cells) in &mut data {
                    if let Some(cell) = cells.get_mut(position) {
                        *cell = normalise_date_cell(cell);
                    }
                }
            }
            EditorKind::Link { target: link, .. } => {
                let mut index = LinkIndex::new(&staged, today, link);
                for (line, cells) in &mut data {
                    let Some(cell) = cells.get_mut(position) else {
                        continue;
                    };
                    if cell.trim().is_empty() {
                        continue;
                    }
                    let found = match index.matches(cell) {
                        LinkMatch::Found(id) => Some(id),
                        LinkMatch::ByInitials { id, name } => {
                            notes.entry(*line).or_default().push(initials_note(
                                spec.columns[column].header,
                                cell,
                                &name,
                            ));
                            Some(id)
                        }
                        found => resolve_missing(
                            &mut staged,
                            today,
                            &mut edits,
                            &mut unresolved,
                            &mut index,
                            (cell.as_str(), found),
                            *line,
                            options.create_missing,
                        ),
                    };
                    if let Some(id) = found {
                        *cell = format!("#{id}");
                    }
                }
            }
            _ => {}
        }
    }
    // The rows as the paste preview reads them: headings as the columns' ids.
    let mut paste_rows: Vec<Vec<String>> = Vec::with_capacity(data.len() + 1);
    paste_rows.push(
        targets
            .iter()
            .map(|target| match target {
                Some(Target::Field(c)) => spec.columns[*c].id.to_string(),
                Some(Target::Id) => "Id".to_string(),
                _ => String::new(),
            })
            .collect(),
    );
    paste_rows.extend(data.iter().map(|(_, cells)| cells.clone()));
    let lookup = Lookup::names_only(&staged, today);
    let pasted = PastePreview::build_from_rows(spec, &lookup, &paste_rows, &[], None);
    let mut row_edits = pasted.edits().iter();
    let keys: HashMap<RecordKey, T::Key> = T::map(&staged)
        .values()
        .map(|r| (r.record_key(), r.key()))
        .collect();
    let mut changed_pairs: Vec<(usize, T::Key)> = Vec::new();
    for row in &pasted.rows {
        let line = data
            .get(row.number - 1)
            .map_or(row.number, |(line, _)| *line);
        let mut reasons = row.errors.clone();
        reasons.extend(notes.remove(&line).unwrap_or_default());
        reasons.extend(row.cells.iter().filter_map(|cell| {
            cell.warning
                .as_ref()
                .map(|w| format!("“{}”: {w}", cell.text))
        }));
        if matches!(row.outcome, RowOutcome::New | RowOutcome::Changed)
            && let Some(edit) = row_edits.next()
            && row.outcome == RowOutcome::Changed
            && let Edit::Update { after, .. } = edit
            && let Some(key) = keys.get(&after.key())
        {
            changed_pairs.push((preview.rows.len(), *key));
        }
        preview.rows.push(ImportRow {
            line,
            outcome: row.outcome,
            name: row.name.clone(),
            reasons,
            changes: Vec::new(),
        });
    }
    drop(lookup);
    edits.extend(pasted.edits().iter().cloned());
    // The register as it would be, for the changes field by field and the parents.
    let mut after = staged.clone();
    let row_batch = Edit::Batch {
        description: String::new(),
        edits: pasted.edits().to_vec(),
    };
    if let Err(error) = after.apply(&row_batch) {
        preview.problem = Some(format!("The rows cannot go in together: {error}"));
    }
    {
        let (before_lookup, after_lookup) = (
            Lookup::names_only(&staged, today),
            Lookup::names_only(&after, today),
        );
        for (row_index, key) in changed_pairs {
            let (Some(before), Some(now)) = (T::map(&staged).get(&key), T::map(&after).get(&key))
            else {
                continue;
            };
            preview.rows[row_index].changes = spec
                .columns
                .iter()
                .filter(|column| column.is_editable())
                .filter_map(|column| {
                    let (old, new) = (
                        column.cell(&before_lookup, before).text,
                        column.cell(&after_lookup, now).text,
                    );
                    (old != new).then_some(FieldChange {
                        field: column.header,
                        old,
                        new,
                    })
                })
                .collect();
        }
    }
    if with_parent {
        let parent_edits = parents(
            &mut preview,
            &targets,
            &headings,
            &data,
            &mut after,
            today,
            &mut unresolved,
            options.create_missing,
        );
        edits.extend(parent_edits);
        edits.extend(officer_hours(
            &mut preview,
            &targets,
            &headings,
            &data,
            &mut after,
            today,
        ));
    }
    preview.unresolved = unresolved.into_values().collect();
    // The rows left out as the same as another, in their places.
    for (line, name, note) in settled.left_out {
        preview.rows.push(ImportRow {
            line,
            outcome: RowOutcome::Unchanged,
            name,
            reasons: vec![note],
            changes: Vec::new(),
        });
    }
    preview.rows.sort_by_key(|row| row.line);
    let blocked = preview.problem.is_some()
        || preview.count(RowOutcome::Invalid) > 0
        || preview.unresolved.iter().any(|link| !link.created);
    if !blocked && !edits.is_empty() {
        let place = if options.file_name.is_empty() {
            String::new()
        } else {
            format!(" from {}", options.file_name)
        };
        preview.edit = Some(Edit::Batch {
            description: format!(
                "Import {}{place}",
                counted(pasted.edits().len().max(1), spec.noun)
            ),
            edits,
        });
    }
    Ok(preview)
}
