//! `partnership-atlas snapshot FILE --name NAME [--date DATE]`: take a named, dated snapshot
//! of a register (one undoable, audited edit, as the window's Take snapshot), and
//! `report FILE changes --since SNAPSHOT [--to SNAPSHOT]`: what changed since it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::CliError;
use super::table_commands::{TableFileFormat, write_table_file};
use crate::document::Document;
use crate::export::changes_table::changes_table;
use crate::review::snapshots::find_snapshot;
use crate::review::{changes_between, take_snapshot};

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

/// The local time now, as snapshots record it.
pub fn now_text() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Runs `snapshot`.
pub fn run_snapshot(
    file: &Path,
    name: &str,
    date: Option<NaiveDate>,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let mut document = Document::open(file).map_err(fail)?;
    let edit = take_snapshot(document.register(), name, date, &now_text()).map_err(fail)?;
    document.apply(edit).map_err(fail)?;
    let snapshot = document
        .register()
        .snapshots
        .values()
        .max_by_key(|s| s.id)
        .ok_or_else(|| CliError("The snapshot was not kept".to_string()))?;
    let as_at = snapshot.as_at_date().map_or_else(String::new, |d| {
        format!(", as at {}", d.format("%-d %B %Y"))
    });
    writeln!(
        out,
        "Took the snapshot “{}”{as_at} ({} partnerships, {} KB stored)",
        snapshot.name,
        document.register().partnerships.len(),
        snapshot.content.len().div_ceil(1024)
    )
    .map_err(fail)
}

/// The arguments `report changes` reads.
pub struct ChangesRequest<'a> {
    /// The register.
    pub file: &'a Path,
    /// The earlier snapshot.
    pub since: Option<&'a str>,
    /// The later snapshot (default: now).
    pub to: Option<&'a str>,
    /// Where to write the table.
    pub out: Option<&'a PathBuf>,
    /// "Now" is as at this day.
    pub today: NaiveDate,
}

/// Runs `report FILE changes`.
pub fn run_changes(
    request: ChangesRequest<'_>,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let since = request
        .since
        .ok_or_else(|| CliError("Say which snapshot to compare with: --since NAME".to_string()))?;
    let document = Document::open_read_only(request.file)
        .map_err(|error| CliError(format!("{}: {error}", request.file.display())))?;
    let register = document.register();
    let since = find_snapshot(register, since).map_err(fail)?.id;
    let to = match request.to {
        Some(name) => Some(find_snapshot(register, name).map_err(fail)?.id),
        None => None,
    };
    let changes = changes_between(register, since, to, request.today).map_err(fail)?;
    let table = changes_table(&changes, &register.settings.source_line);
    match request.out {
        None => write!(out, "{}", super::report_commands::plain_text(&table)).map_err(fail),
        Some(path) => {
            let format = TableFileFormat::from_path(path).ok_or_else(|| {
                CliError(format!(
                    "{}: end the name with .csv, .xlsx, .docx, .pdf or .png to choose the format",
                    path.display()
                ))
            })?;
            let written = write_table_file(&table, register, format, path, 150)?;
            let names: Vec<String> = written
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect();
            writeln!(
                out,
                "Wrote {} ({})",
                names.join(", "),
                table.describe_rows()
            )
            .map_err(fail)?;
            writeln!(out, "{}", table.notes.first().cloned().unwrap_or_default()).map_err(fail)
        }
    }
}
