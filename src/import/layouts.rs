//! Mappings remembered per file layout: when a sheet with the same headings (in the same order,
//! compared as normalised names) is imported again, the window offers the kind of record, the
//! heading row and the column choices the user applied last time. Kept in the user's settings
//! (`settings.json`, beside the recent files): a layout belongs to the files a person brings,
//! not to one register. Pure: the app loads and saves them.

use serde::{Deserialize, Serialize};

use super::{ColumnMap, ImportEntity, ImportOptions, SheetTable};
use crate::model::normalised_name;

/// How many layouts are remembered; the one used longest ago is forgotten first.
pub const LAYOUTS_KEPT: usize = 40;

/// How many rows from the top are looked at for a remembered heading row.
const ROWS_LOOKED_AT: usize = 20;

/// One remembered layout and what was chosen for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedLayout {
    /// The headings, normalised, in order: the layout's fingerprint.
    pub headings: Vec<String>,
    /// What the rows were ("partnerships").
    pub entity: String,
    /// The user's column choices: heading to field id, `None` for left out.
    pub map: Vec<(String, Option<String>)>,
}

/// The layouts remembered, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RememberedLayouts(pub Vec<RememberedLayout>);

/// What a remembered layout gives a new import.
#[derive(Clone, Debug, PartialEq)]
pub struct Recalled {
    /// What the rows are.
    pub entity: ImportEntity,
    /// The heading row, from 1: where the remembered headings are in this sheet.
    pub header_row: usize,
    /// The column choices.
    pub map: ColumnMap,
}

/// A row's headings as a layout's fingerprint: normalised, trailing empty cells dropped.
fn fingerprint(row: &[String]) -> Vec<String> {
    let mut headings: Vec<String> = row.iter().map(|cell| normalised_name(cell)).collect();
    while headings.last().is_some_and(String::is_empty) {
        headings.pop();
    }
    headings
}

impl RememberedLayouts {
    /// The choices remembered for `table`'s layout: the first of its first twenty rows whose
    /// headings are a remembered layout's.
    pub fn recall(&self, table: &SheetTable) -> Option<Recalled> {
        table
            .rows
            .iter()
            .take(ROWS_LOOKED_AT)
            .enumerate()
            .find_map(|(index, row)| {
                let headings = fingerprint(row);
                if headings.iter().all(String::is_empty) {
                    return None;
                }
                let layout = self.0.iter().find(|layout| layout.headings == headings)?;
                Some(Recalled {
                    entity: ImportEntity::parse(&layout.entity)?,
                    header_row: index + 1,
                    map: ColumnMap(layout.map.clone()),
                })
            })
    }

    /// Remembers what `options` chose for the sheet whose headings are `headings` (newest
    /// first, replacing the layout's old entry, at most [`LAYOUTS_KEPT`]).
    pub fn remember(&mut self, headings: &[String], options: &ImportOptions) {
        let headings = fingerprint(headings);
        if headings.iter().all(String::is_empty) {
            return;
        }
        self.0.retain(|layout| layout.headings != headings);
        self.0.insert(
            0,
            RememberedLayout {
                headings,
                entity: options.entity.name().to_string(),
                map: options.map.0.clone(),
            },
        );
        self.0.truncate(LAYOUTS_KEPT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> SheetTable {
        SheetTable {
            rows: rows
                .iter()
                .map(|row| row.iter().map(|c| c.to_string()).collect())
                .collect(),
            ..SheetTable::default()
        }
    }

    #[test]
    fn a_layout_is_recalled_wherever_its_headings_are_and_only_for_the_same_headings() {
        let mut layouts = RememberedLayouts::default();
        let options = ImportOptions {
            entity: ImportEntity::Organisations,
            map: crate::import::parse_map("Body=name,Colour=-").expect("map"),
            ..ImportOptions::default()
        };
        layouts.remember(&["Body".into(), "Colour".into(), String::new()], &options);
        let moved = table(&[
            &["Outside bodies 2027"],
            &[],
            &["body ", "COLOUR"],
            &["A", "b"],
        ]);
        let recalled = layouts.recall(&moved).expect("recalled");
        assert_eq!(recalled.entity, ImportEntity::Organisations);
        assert_eq!(recalled.header_row, 3);
        assert_eq!(recalled.map, options.map);
        assert_eq!(
            layouts.recall(&table(&[&["Body", "Colour", "Notes"]])),
            None
        );

        // Remembered again: replaced, not doubled; the newest first; at most LAYOUTS_KEPT.
        layouts.remember(&["Body".into(), "Colour".into()], &ImportOptions::default());
        assert_eq!(layouts.0.len(), 1);
        assert_eq!(layouts.0[0].entity, "partnerships");
        for n in 0..LAYOUTS_KEPT + 5 {
            layouts.remember(&[format!("Heading {n}")], &ImportOptions::default());
        }
        assert_eq!(layouts.0.len(), LAYOUTS_KEPT);
        assert_eq!(
            layouts.0[0].headings,
            vec![format!("heading {}", LAYOUTS_KEPT + 4)]
        );
    }

    #[test]
    fn remembered_layouts_survive_json() {
        let mut layouts = RememberedLayouts::default();
        layouts.remember(&["Name".into()], &ImportOptions::default());
        let text = serde_json::to_string(&layouts).expect("json");
        let back: RememberedLayouts = serde_json::from_str(&text).expect("read");
        assert_eq!(back, layouts);
    }
}
