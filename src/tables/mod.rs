//! The register's tables, without any drawing: for each kind of record, its columns (how a cell
//! reads, sorts, totals and is edited), how a typed value becomes one [`Edit`], new rows,
//! duplicates, deletes, the filter, totals, and copy and paste as tab-separated text (what
//! Excel puts on the clipboard).
//!
//! Pure: no egui, no SQL. The screen (`crate::ui::table_view`) draws what this module says, so
//! every rule here is tested without a window.

mod cell;
mod column;
mod lookup;
mod ops;
mod paste;
mod rows;
pub mod specs;
mod structure;
mod tsv;

pub use cell::{Cell, EditorKind, LinkTarget, SortKey, TotalKind};
pub use column::{ChoiceValue, Column};
pub use lookup::{Lookup, target_label};
pub use ops::{TableSpec, totals_summary, year_totals_summary};
pub use paste::{PastePreview, PreviewCell, PreviewHeading, PreviewRow, RowOutcome};
pub use rows::{RowScope, SortOrder, TableRows, YearScope};
pub use structure::{
    Direction, RelationshipLine, add_relationship, direction_words, matching_partnerships,
    relationships_of, remove_relationship,
};
pub use tsv::{parse_tsv, write_tsv};

#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod tests;
