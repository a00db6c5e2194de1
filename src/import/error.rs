//! Why a file cannot be read for import, in plain words.

/// A file the importer cannot read at all (a row it cannot take is a preview's invalid row).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The workbook cannot be opened (damaged, password-protected, not a workbook).
    #[error("The workbook cannot be read: {0}")]
    Workbook(String),
    /// The sheet asked for is not in the workbook.
    #[error("The workbook has no sheet called “{wanted}”: it has {have}")]
    NoSuchSheet {
        /// The sheet asked for.
        wanted: String,
        /// The sheets it has, listed.
        have: String,
    },
    /// The workbook has no sheets.
    #[error("The workbook has no sheets")]
    NoSheets,
    /// A `--map` entry that is not "Heading=field".
    #[error("“{0}” is not a mapping: write Heading=field, for example 'Lead=responsible_officer'")]
    BadMapping(String),
    /// A mapping to a field the table does not have.
    #[error("The {table} have no field “{field}”: the fields are {fields}")]
    NoSuchField {
        /// The table, plural.
        table: String,
        /// The field asked for.
        field: String,
        /// Its fields' ids.
        fields: String,
    },
    /// A heading row past the end of the sheet.
    #[error("Row {row} is not in the sheet: it has {rows} rows")]
    NoSuchRow {
        /// The row asked for, from 1.
        row: usize,
        /// How many rows the sheet has.
        rows: usize,
    },
}
