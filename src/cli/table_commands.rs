//! `partnership-atlas export table` and `export pack`: a report table for a paper (XLSX, CSV,
//! DOCX, PDF or PNG by the --out extension), and the whole appendix pack in a folder, from a
//! register opened read-only.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::CliError;
use crate::appendix;
use crate::document::Document;
use crate::export::PNG_DPI_CHOICES;
use crate::export::table::{self, TableKind, encode};
use crate::scoring::ReviewBasis;

/// The file formats a table is written in: the tables' one encoder's.
pub use crate::export::table::encode::TableFileFormat;

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

fn open(file: &Path) -> Result<Document, CliError> {
    // The error names the file itself: no second copy of the path before it.
    Document::open_read_only(file).map_err(fail)
}

fn write(out: &Path, bytes: &[u8]) -> Result<(), CliError> {
    crate::platform::write_file_atomically(out, bytes).map_err(|error| {
        CliError(format!(
            "{} could not be written: {}",
            out.display(),
            crate::platform::write_failure_words(&error)
        ))
    })
}

/// Writes one table to `out`, reporting what was written to `report`.
pub fn export_table(
    file: &Path,
    name: &str,
    out: &Path,
    as_at: Option<NaiveDate>,
    dpi: u32,
    report: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let kind = TableKind::parse(name).ok_or_else(|| {
        CliError(format!(
            "There is no table called \"{}\": choose one of {}",
            name.trim(),
            TableKind::codes()
        ))
    })?;
    let format = TableFileFormat::from_path(out).ok_or_else(|| {
        CliError(format!(
            "{}: name the file .xlsx, .csv, .docx, .pdf or .png to choose the format",
            out.display()
        ))
    })?;
    if format == TableFileFormat::Png && !PNG_DPI_CHOICES.contains(&dpi) {
        return Err(CliError(format!(
            "{dpi} dpi is not offered for pictures: choose 150, 300 or 600"
        )));
    }
    let document = open(file)?;
    let register = document.register();
    let today = chrono::Local::now().date_naive();
    let basis = ReviewBasis::on(as_at.unwrap_or(today));
    let built = table::build_table(kind, register, basis);
    let written = write_table_file(&built, register, format, out, dpi)?;
    writeln!(
        report,
        "Wrote {} ({}, {}; {})",
        written.describe(),
        built.title,
        built.describe_rows(),
        built.caption().data_as_at_line()
    )
    .map_err(fail)?;
    for line in &written.shortened {
        writeln!(report, "Shortened: {line}").map_err(fail)?;
    }
    Ok(())
}

/// What writing a table produced.
pub struct WrittenTable {
    /// The files, in order.
    pub files: Vec<PathBuf>,
    /// Cells changed to fit.
    pub shortened: Vec<table::Shortened>,
}

impl WrittenTable {
    fn describe(&self) -> String {
        let names: Vec<String> = self.files.iter().map(|f| f.display().to_string()).collect();
        names.join(", ")
    }
}

/// Writes `built` in `format` at `out` (PNG: a file per page), encoded by the tables' one
/// encoder (`crate::export::table::encode`).
pub fn write_table_file(
    built: &table::Table,
    register: &crate::model::Register,
    format: TableFileFormat,
    out: &Path,
    dpi: u32,
) -> Result<WrittenTable, CliError> {
    let encoded =
        encode::encode(built, format, &register.settings.council_name, dpi).map_err(fail)?;
    let files = encode::file_paths(out, format, &encoded);
    for (path, bytes) in files.iter().zip(&encoded.files) {
        write(path, bytes)?;
    }
    Ok(WrittenTable {
        files,
        shortened: encoded.shortened,
    })
}

/// Writes the appendix pack of `file` into the folder `out`, as the register's pack settings
/// choose.
pub fn export_pack(
    file: &Path,
    out: &Path,
    as_at: Option<NaiveDate>,
    report: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let document = open(file)?;
    let register = document.register();
    let today = chrono::Local::now().date_naive();
    let basis = ReviewBasis::on(as_at.unwrap_or(today));
    let contents = appendix::PackContents::of(register);
    let outcome = appendix::write_pack(
        register,
        &contents,
        basis,
        out,
        &appendix::Progress::silent(),
    )
    .map_err(fail)?;
    writeln!(
        report,
        "Wrote the appendix pack to {} ({}; {})",
        out.display(),
        outcome.describe(),
        basis.describe()
    )
    .map_err(fail)?;
    for name in &outcome.files {
        writeln!(report, "  {name}").map_err(fail)?;
    }
    for line in &outcome.notes {
        writeln!(report, "Note: {line}").map_err(fail)?;
    }
    Ok(())
}
