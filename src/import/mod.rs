//! Bringing a register in from a spreadsheet, pure: bytes in, a preview of every row and ONE
//! [`crate::model::Edit`] out. No SQL, no egui, no files: the caller reads the file and applies
//! the edit (the CLI's `import`, the window's File > Import…).
//!
//! The steps: [`decode`] the bytes (CSV) or read a sheet ([`workbook`]), giving a [`SheetTable`];
//! find the heading row ([`header_row`]); map headings onto fields by the table specs' own
//! names and other names ([`mapping`], overridable); read dates in the forms spreadsheets write
//! them ([`dates`]); then [`preview`] every row (new, changed field by field, unchanged,
//! invalid with reasons), links by id, name, then initials ([`links`]), a partnership's officer
//! hours put on its lead officer's representation ([`hours`]), and probable duplicates with
//! their evidence ([`duplicates`]). A mapping applied is remembered for the file's layout
//! ([`layouts`]).

pub mod dates;
pub mod decode;
pub mod delimited;
pub mod duplicates;
pub mod entity;
pub mod error;
pub mod header_row;
pub mod hours;
pub mod layouts;
pub mod links;
pub mod mapping;
mod parents;
pub mod preview;
pub mod workbook;

#[cfg(test)]
mod entity_tests;
#[cfg(test)]
mod messy_tests;
#[cfg(test)]
mod tests;

pub use entity::ImportEntity;
pub use error::ImportError;
pub use mapping::{ColumnMap, parse_map};
pub use preview::{FieldChange, ImportOptions, ImportPreview, ImportRow, build_preview};

/// A sheet's cells as text, row by row, as read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetTable {
    /// The sheets the file has (one, unnamed, for a CSV).
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// The rows, top to bottom; cells as text.
    pub rows: Vec<Vec<String>>,
}

/// Reads a file's bytes as a table: a workbook (XLSX, XLSM, XLS, ODS) by its name's extension,
/// else CSV or tab-separated text. `sheet` picks a workbook's sheet (the first when `None`).
pub fn read_table(
    file_name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<SheetTable, ImportError> {
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if workbook::is_workbook_extension(&extension) {
        workbook::read_workbook(bytes, sheet)
    } else {
        Ok(delimited::read_delimited(bytes))
    }
}
