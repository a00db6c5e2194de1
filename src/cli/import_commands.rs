//! `partnership-atlas import FILE --from IN.csv|IN.xlsx [--sheet NAME] [--header-row N]
//! [--entity partnerships|organisations|...] [--map 'Column=field,...'] [--dry-run]
//! [--create-missing]`: prints the import preview, then applies it as one undoable step
//! audited as "import". Refuses, changing nothing, while any row is invalid or any link
//! unresolved (unless --create-missing): the register is only read until the import can go in.

use std::path::PathBuf;

use super::CliError;
use crate::document::Document;
use crate::import::{
    ImportEntity, ImportOptions, ImportPreview, build_preview, parse_map, read_table,
};
use crate::store::EditOrigin;
use crate::tables::RowOutcome;

/// The arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The register to import into.
    pub file: PathBuf,
    /// The spreadsheet: .csv (or tab-separated .txt/.tsv), .xlsx, .xlsm, .xls or .ods.
    #[arg(long)]
    pub from: PathBuf,
    /// The workbook's sheet (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// The row holding the headings, from 1 (default: found).
    #[arg(long)]
    pub header_row: Option<usize>,
    /// What the rows are: partnerships, organisations, people, memberships, representations,
    /// contributions, relationships, strategies, objectives, measures, objective-deliveries,
    /// themes, priorities, theme-tags, priority-tags or actions.
    #[arg(long, default_value = "partnerships")]
    pub entity: String,
    /// Columns mapped by hand: 'Heading=field,Other heading=-' (- leaves a column out).
    #[arg(long)]
    pub map: Option<String>,
    /// Print the preview and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Make a record for each link that names none (an organisation, person or partnership).
    #[arg(long)]
    pub create_missing: bool,
}

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

/// Runs `import`.
pub fn run_import(args: ImportArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let entity = ImportEntity::parse(&args.entity).ok_or_else(|| {
        let names: Vec<&str> = ImportEntity::ALL.iter().map(|e| e.name()).collect();
        CliError(format!(
            "“{}” is not something to import: use {}",
            args.entity,
            names.join(", ")
        ))
    })?;
    let bytes = std::fs::read(&args.from)
        .map_err(|error| CliError(format!("{} cannot be read: {error}", args.from.display())))?;
    let file_name = args
        .from
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let table = read_table(&file_name, &bytes, args.sheet.as_deref()).map_err(fail)?;
    let options = ImportOptions {
        entity,
        header_row: args.header_row,
        map: match &args.map {
            Some(text) => parse_map(text).map_err(fail)?,
            None => Default::default(),
        },
        create_missing: args.create_missing,
        file_name,
        // Probable duplicates are listed; on the command line each goes in as a new record.
        duplicates: Default::default(),
    };
    let today = chrono::Local::now().date_naive();
    // Read only until the import is known to go in: a refused import touches nothing.
    let preview = {
        let reader = Document::open_read_only(&args.file).map_err(fail)?;
        build_preview(reader.register(), today, &table, &options).map_err(fail)?
    };
    write_preview(&preview, &table.sheet, out)?;
    if !preview.can_apply() {
        return Err(CliError(refusal(&preview)));
    }
    if args.dry_run {
        writeln!(out, "Dry run: nothing was changed").map_err(fail)?;
        return Ok(());
    }
    let mut document = Document::open(&args.file).map_err(fail)?;
    let fresh = build_preview(document.register(), today, &table, &options).map_err(fail)?;
    let Some(edit) = fresh.edit().cloned() else {
        return Err(CliError(refusal(&fresh)));
    };
    let description = edit.describe();
    document
        .apply_from(edit, EditOrigin::Import)
        .map_err(fail)?;
    writeln!(
        out,
        "{description}: done (one step, undoable in the window)"
    )
    .map_err(fail)
}

fn refusal(preview: &ImportPreview) -> String {
    if preview
        .rows
        .iter()
        .all(|row| row.outcome == RowOutcome::Unchanged)
        && preview.problem.is_none()
        && preview.unresolved.is_empty()
    {
        return "Nothing to import: every row is already in the register as it is".to_string();
    }
    format!(
        "Nothing was imported: {}. Fix the rows (or map the columns, or pass --create-missing) and try again",
        preview.summary()
    )
}

/// The preview as text: the mapping, each row, unresolved links, probable duplicates.
pub fn write_preview(
    preview: &ImportPreview,
    sheet: &str,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    if !sheet.is_empty() {
        writeln!(out, "Sheet: {sheet}").map_err(fail)?;
    }
    writeln!(out, "Headings in row {}:", preview.header_row).map_err(fail)?;
    for heading in &preview.headings {
        let to = match (heading.field, &heading.left_out) {
            (Some(field), _) => field.to_string(),
            (None, Some(why)) => format!("({why})"),
            (None, None) => "(left out)".to_string(),
        };
        writeln!(out, "  {} -> {to}", heading.heading).map_err(fail)?;
    }
    writeln!(out, "Rows:").map_err(fail)?;
    for row in &preview.rows {
        writeln!(
            out,
            "  row {}: {} “{}”",
            row.line,
            row.outcome.label(),
            row.name
        )
        .map_err(fail)?;
        for change in &row.changes {
            writeln!(
                out,
                "      {}: “{}” -> “{}”",
                change.field, change.old, change.new
            )
            .map_err(fail)?;
        }
        for reason in &row.reasons {
            writeln!(out, "      {reason}").map_err(fail)?;
        }
    }
    if !preview.unresolved.is_empty() {
        writeln!(out, "Links that name no record:").map_err(fail)?;
        for link in &preview.unresolved {
            writeln!(out, "  {}", link.words()).map_err(fail)?;
        }
    }
    if !preview.duplicates.is_empty() {
        writeln!(out, "Probable duplicates:").map_err(fail)?;
        for duplicate in &preview.duplicates {
            writeln!(out, "  {}", duplicate.words()).map_err(fail)?;
        }
    }
    writeln!(out, "Summary: {}", preview.summary()).map_err(fail)
}
