//! Which field each column of a sheet goes to: by the table's own headings, ids and other names
//! (`Column::answers_to`, the one field list), changed by the user's mapping where given
//! (`--map 'Lead=responsible_officer,Notes=-'`; `-` leaves a column out).

use super::ImportError;
use super::hours::{HOURS_FIELD, is_hours_heading};
use crate::model::Entity;
use crate::model::normalised_name;
use crate::tables::{EditorKind, TableSpec};

/// What one column of the sheet is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A field: the index of its column in the table's spec.
    Field(usize),
    /// The record's number (the "Id" column the program's own copies have).
    Id,
    /// A partnership's parent, by name or id, with the kind of line it is.
    Parent,
    /// A partnership's officer hours a month, held on a representation ([`super::hours`]).
    Hours,
}

/// The user's changes to the mapping: heading to field id, `None` to leave a column out.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnMap(pub Vec<(String, Option<String>)>);

impl ColumnMap {
    /// What the user said about `heading`, if anything: `Some(None)` to leave it out.
    pub fn choice_for(&self, heading: &str) -> Option<Option<&str>> {
        let wanted = normalised_name(heading);
        self.0
            .iter()
            .rev()
            .find(|(from, _)| normalised_name(from) == wanted)
            .map(|(_, to)| to.as_deref())
    }

    /// Sets (or replaces) what `heading` goes to.
    pub fn set(&mut self, heading: &str, field: Option<&str>) {
        let wanted = normalised_name(heading);
        self.0.retain(|(from, _)| normalised_name(from) != wanted);
        self.0
            .push((heading.to_string(), field.map(str::to_string)));
    }
}

/// Reads `--map 'Heading=field,Other heading=-'`.
pub fn parse_map(text: &str) -> Result<ColumnMap, ImportError> {
    let mut map = ColumnMap::default();
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (heading, field) = entry
            .split_once('=')
            .ok_or_else(|| ImportError::BadMapping(entry.to_string()))?;
        let (heading, field) = (heading.trim(), field.trim());
        if heading.is_empty() || field.is_empty() {
            return Err(ImportError::BadMapping(entry.to_string()));
        }
        map.set(heading, (field != "-").then_some(field));
    }
    Ok(map)
}

/// The headings a partnership's parent is given under, each with the line it is.
pub const PARENT_HEADINGS: [(&str, crate::model::RelationshipKind); 6] = {
    use crate::model::RelationshipKind::*;
    [
        ("Parent", ReportsTo),
        ("Parent partnership", ReportsTo),
        ("Reports to", ReportsTo),
        ("Accountable to", AccountableTo),
        ("Sub-group of", SubGroupOf),
        ("Subgroup of", SubGroupOf),
    ]
};

/// The parent line a heading names, for partnerships.
pub fn parent_kind(heading: &str) -> Option<crate::model::RelationshipKind> {
    let wanted = normalised_name(&heading.replace('-', " "));
    PARENT_HEADINGS
        .iter()
        .find(|(name, _)| normalised_name(&name.replace('-', " ")) == wanted)
        .map(|(_, kind)| *kind)
}

/// Maps every heading: the user's choice first, then "Id", then the parent and hours headings
/// (for partnerships), then the table's columns. Refuses a mapping to a field the table lacks.
pub fn map_headings<T: Entity + 'static>(
    spec: &TableSpec<T>,
    headings: &[String],
    map: &ColumnMap,
    with_parent: bool,
) -> Result<Vec<Option<Target>>, ImportError> {
    let mut targets = Vec::with_capacity(headings.len());
    for heading in headings {
        let target = match map.choice_for(heading) {
            Some(None) => None,
            Some(Some(field)) => Some(field_target(spec, field, with_parent)?),
            None => automatic_target(spec, heading, with_parent),
        };
        targets.push(target);
    }
    // A field named by two columns is read from the first only.
    let mut seen = Vec::new();
    for target in &mut targets {
        if let Some(t) = *target {
            if seen.contains(&t) {
                *target = None;
            } else {
                seen.push(t);
            }
        }
    }
    Ok(targets)
}

fn automatic_target<T: Entity + 'static>(
    spec: &TableSpec<T>,
    heading: &str,
    with_parent: bool,
) -> Option<Target> {
    if heading.trim().is_empty() {
        return None;
    }
    if spec.numeric_id.is_some() && normalised_name(heading) == "id" {
        return Some(Target::Id);
    }
    if with_parent && parent_kind(heading).is_some() {
        return Some(Target::Parent);
    }
    if with_parent && is_hours_heading(heading) {
        return Some(Target::Hours);
    }
    spec.column_for_heading(heading)
        .filter(|&c| spec.columns[c].editor != EditorKind::ReadOnly)
        .map(Target::Field)
}

fn field_target<T: Entity + 'static>(
    spec: &TableSpec<T>,
    field: &str,
    with_parent: bool,
) -> Result<Target, ImportError> {
    if field.eq_ignore_ascii_case("id") && spec.numeric_id.is_some() {
        return Ok(Target::Id);
    }
    if with_parent && (field.eq_ignore_ascii_case("parent") || parent_kind(field).is_some()) {
        return Ok(Target::Parent);
    }
    if with_parent && (field.eq_ignore_ascii_case(HOURS_FIELD) || is_hours_heading(field)) {
        return Ok(Target::Hours);
    }
    spec.columns
        .iter()
        .position(|c| c.id.eq_ignore_ascii_case(field))
        .or_else(|| spec.column_for_heading(field))
        .map(Target::Field)
        .ok_or_else(|| ImportError::NoSuchField {
            table: crate::model::words::plural(spec.noun),
            field: field.to_string(),
            fields: spec
                .columns
                .iter()
                .filter(|c| c.is_editable())
                .map(|c| c.id)
                .collect::<Vec<_>>()
                .join(", "),
        })
}
