//! The command line: the same operations as the GUI, headless, so reports can be scripted and
//! tested without a display.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod export_commands;
mod import_commands;
mod report_commands;
mod round_commands;
mod snapshot_commands;
mod table_commands;
pub use export_commands::{ExportCommand, run_export};
pub use import_commands::{ImportArgs, run_import, write_preview};
pub use report_commands::{ReportArgs, run_report};
pub use round_commands::{QuestionnaireArgs, RoundCommand};

use crate::document::Document;
use crate::model::{Edit, Partnership, PartnershipId};
use crate::sample;
use crate::store::Store;

/// Partnership Atlas: the council's partnership register and its diagrams.
#[derive(Debug, Parser)]
#[command(
    name = "partnership-atlas",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A register to open in the window (default: the one used last, or the sample).
    pub file: Option<PathBuf>,
    /// What to do without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the built-in sample register, or a synthetic one of the same shape.
    Sample {
        /// Where to write it (a new file).
        out: PathBuf,
        /// Number of partnerships; above the sample's size a synthetic register is made.
        #[arg(long)]
        partnerships: Option<usize>,
        /// Seed for the synthetic register (same seed, same register).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Create an empty register.
    New {
        /// Where to create it (a new file).
        file: PathBuf,
        /// The council that keeps it.
        #[arg(long, default_value = "")]
        council: String,
    },
    /// Check a register: schema version, schema, integrity, every record and link, counts.
    /// Exits non-zero if unsound. Reads a copy: works while someone edits it, and on a drive
    /// that cannot be written.
    Check {
        /// The register to check.
        file: PathBuf,
    },
    /// Save a clean copy of a register that another program changed (a trigger, a view, an
    /// extra table): its records and audit log in a fresh register, the rest left out. The
    /// file itself is not changed.
    CleanCopy {
        /// The register to copy.
        file: PathBuf,
        /// Where to write the clean copy (a new file).
        out: PathBuf,
    },
    /// Make a new register from a JSON file written by `export json`. Everything in the file is
    /// checked first; a file with any fault is refused, naming it, and nothing is written.
    ImportJson {
        /// The register to make (a new file).
        file: PathBuf,
        /// The JSON file to read.
        #[arg(long)]
        from: PathBuf,
    },
    /// Merge another register into this one: organisations matched by org-id then name, people
    /// and partnerships by name; what is new is added, what both hold is compared field by
    /// field (left as it is unless --take-theirs); probable duplicates listed. One undoable
    /// step, audited as "merge". The other register is opened read-only.
    Merge {
        /// The register to merge into.
        file: PathBuf,
        /// The register to bring in (read only; never changed).
        #[arg(long)]
        from: PathBuf,
        /// Print what would happen and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Take the other register's value of each differing field of a shared partnership
        /// (where theirs is not empty).
        #[arg(long)]
        take_theirs: bool,
    },
    /// Export a picture or table from a register (opened read-only).
    Export {
        /// What to export.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Answer an analysis question from a register (opened read-only): overlaps, conformity,
    /// gaps, load or knowledge; printed, or written with --out as CSV, XLSX, DOCX or PDF.
    Report(ReportArgs),
    /// Import rows from a spreadsheet (CSV, XLSX, XLS, ODS) into a register: prints the
    /// preview, then applies it as one undoable step, or changes nothing if a row is invalid.
    Import(ImportArgs),
    /// Take a named, dated snapshot of a register, kept inside it ("As at Cabinet 22 March
    /// 2026"), to compare later states with (`report FILE changes --since NAME`).
    Snapshot {
        /// The register.
        file: PathBuf,
        /// The snapshot's name.
        #[arg(long)]
        name: String,
        /// The day it is as at (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// A questionnaire round: start one (writing each partnership's workbook and PDF), see
    /// its status, write reminders, read returned workbooks back.
    Questionnaire(round_commands::QuestionnaireArgs),
    /// Test aid: apply many small edits one by one, printing each committed one.
    #[command(hide = true)]
    StressEdits {
        /// The register to edit.
        file: PathBuf,
        /// How many edits.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// Create the register first (an empty one) if there is no file yet.
        #[arg(long)]
        create: bool,
    },
}

/// A command failed; the message is for the user.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

/// Runs one command, writing its report to `out`.
pub fn run(command: Command, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    match command {
        Command::Sample {
            out: path,
            partnerships,
            seed,
        } => {
            let register = match partnerships {
                Some(count) if count > sample::SAMPLE_PARTNERSHIPS => {
                    sample::synthetic_register(count, seed)
                }
                Some(count) if count != sample::SAMPLE_PARTNERSHIPS => {
                    return Err(CliError(format!(
                        "The sample has {} partnerships; ask for more than that for a synthetic register",
                        sample::SAMPLE_PARTNERSHIPS
                    )));
                }
                _ => sample::sample_register_as_at(chrono::Local::now().date_naive()),
            };
            let count = register.partnerships.len();
            Document::create(&path, register).map_err(fail)?;
            writeln!(
                out,
                "Wrote {} ({})",
                path.display(),
                crate::model::words::counted(count, "partnership")
            )
            .map_err(fail)
        }
        Command::New { file, council } => {
            Document::create(&file, crate::model::Register::new(council.trim())).map_err(fail)?;
            writeln!(out, "Created an empty register at {}", file.display()).map_err(fail)
        }
        Command::Check { file } => check(&file, out),
        Command::CleanCopy { file, out: copy } => {
            let report = Store::save_clean_copy(&file, &copy).map_err(fail)?;
            writeln!(
                out,
                "Wrote a clean copy of {} to {} ({}, {})",
                file.display(),
                copy.display(),
                crate::model::words::counted(report.records, "record"),
                crate::model::words::counted(
                    usize::try_from(report.audit_entries).unwrap_or(usize::MAX),
                    "audit log entry"
                )
            )
            .map_err(fail)?;
            for left_out in &report.left_out {
                writeln!(out, "Left out: {left_out}").map_err(fail)?;
            }
            Ok(())
        }
        Command::ImportJson { file, from } => import_json(&file, &from, out),
        Command::Merge {
            file,
            from,
            dry_run,
            take_theirs,
        } => merge_register(&file, &from, dry_run, take_theirs, out),
        Command::Export { what } => run_export(what, out),
        Command::Report(args) => run_report(args, out),
        Command::Import(args) => run_import(args, out),
        Command::Questionnaire(args) => {
            round_commands::run_questionnaire(args, chrono::Local::now().date_naive(), out)
        }
        Command::Snapshot { file, name, date } => {
            snapshot_commands::run_snapshot(&file, &name, date, out)
        }
        Command::StressEdits {
            file,
            count,
            create,
        } => stress_edits(&file, count, create, out),
    }
}

/// `import-json`: the JSON read and checked whole, then the register made from it.
fn import_json(
    file: &std::path::Path,
    from: &std::path::Path,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let bytes = std::fs::read(from)
        .map_err(|error| CliError(format!("{} could not be read: {error}", from.display())))?;
    let register = crate::interchange::json::decode(&bytes)
        .map_err(|error| CliError(format!("{} was not imported. {error}", from.display())))?;
    let records = register.records().count();
    let name = from.file_name().map_or_else(
        || from.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Document::create_from(file, register, format!("Create register from {name}")).map_err(fail)?;
    writeln!(
        out,
        "Created {} from {} ({records} records)",
        file.display(),
        from.display()
    )
    .map_err(fail)
}

/// `merge`: the plan printed, then applied as one step unless it is a dry run.
fn merge_register(
    file: &std::path::Path,
    from: &std::path::Path,
    dry_run: bool,
    take_theirs: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let theirs = Document::open_read_only(from).map_err(fail)?;
    let mut ours = if dry_run {
        Document::open_read_only(file).map_err(fail)?
    } else {
        Document::open(file).map_err(fail)?
    };
    let name = from.file_name().map_or_else(
        || from.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let plan = crate::merge::plan_register_merge(
        ours.register(),
        theirs.register(),
        &name,
        crate::merge::MergeOptions { take_theirs },
    );
    for line in plan.report_lines() {
        writeln!(out, "{line}").map_err(fail)?;
    }
    if plan.is_empty() {
        return writeln!(out, "Nothing to merge: {} changes nothing", from.display()).map_err(fail);
    }
    if dry_run {
        return writeln!(out, "Dry run: nothing was changed").map_err(fail);
    }
    let steps = plan.edit.leaves().len();
    ours.apply_from(plan.edit, crate::store::EditOrigin::Merge)
        .map_err(fail)?;
    writeln!(
        out,
        "Merged {} into {} ({steps} records added or changed, one step)",
        from.display(),
        file.display()
    )
    .map_err(fail)
}

/// `check`: the report, then a failure naming how many problems were found, if any.
fn check(file: &std::path::Path, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let report = Store::check(file).map_err(fail)?;
    writeln!(out, "Register: {}", file.display()).map_err(fail)?;
    if let Some(holder) = &report.held_by {
        writeln!(
            out,
            "Open by: {} (this check read a consistent copy)",
            holder.holder_text()
        )
        .map_err(fail)?;
    }
    writeln!(out, "Schema version: {}", report.schema_version).map_err(fail)?;
    writeln!(
        out,
        "Integrity: {}",
        if report.integrity_ok { "ok" } else { "FAILED" }
    )
    .map_err(fail)?;
    if report.findings.is_empty() {
        writeln!(out, "Records and links: ok").map_err(fail)?;
    } else {
        writeln!(
            out,
            "Records and links: {}",
            problems(report.findings.len())
        )
        .map_err(fail)?;
        for finding in &report.findings {
            writeln!(out, "  - {finding}").map_err(fail)?;
        }
    }
    for (kind, count) in &report.counts {
        writeln!(out, "{}: {count}", capitalise(&kind.plural_label())).map_err(fail)?;
    }
    writeln!(out, "Audit log entries: {}", report.audit_entries).map_err(fail)?;
    if report.findings.is_empty() {
        Ok(())
    } else {
        // The words every other command uses for the same file.
        Err(fail(crate::store::StoreError::Damaged {
            path: file.to_path_buf(),
            findings: report.findings,
        }))
    }
}

fn problems(count: usize) -> String {
    crate::model::words::counted(count, "problem")
}

/// Renames one partnership back and forth, printing "committed N" after each write lands.
fn stress_edits(
    file: &std::path::Path,
    count: usize,
    create: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let mut document = if create && !file.exists() {
        Document::create(file, crate::model::Register::new("Stress Test Council")).map_err(fail)?
    } else {
        Document::open(file).map_err(fail)?
    };
    let id = PartnershipId::next_in(&document.register().partnerships);
    document
        .apply(Edit::insert(Partnership {
            id,
            name: "Stress test 0".to_string(),
            ..Partnership::default()
        }))
        .map_err(fail)?;
    writeln!(out, "committed 0").map_err(fail)?;
    for step in 1..=count {
        let before = document.register().partnerships[&id].clone();
        let after = Partnership {
            name: format!("Stress test {step}"),
            ..before.clone()
        };
        document.apply(Edit::change(before, after)).map_err(fail)?;
        writeln!(out, "committed {step}").map_err(fail)?;
        out.flush().map_err(fail)?;
    }
    Ok(())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
