//! The command line: the same operations as the GUI, headless, so reports can be scripted and
//! tested without a display.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diagram::{
    self,
    graph_export::{GraphFormat, write_graph},
};
use crate::document::Document;
use crate::export::{Format, PageSetup};
use crate::model::{Edit, Partnership, PartnershipId, parse_date};
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
    /// Check a register: schema version, integrity and counts. Exits non-zero if unsound.
    Check {
        /// The register to check.
        file: PathBuf,
    },
    /// Export a diagram or its graph from a register (the register is only read).
    Export {
        /// What to export.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Test aid: apply many small edits one by one, printing each committed one.
    #[command(hide = true)]
    StressEdits {
        /// The register to edit.
        file: PathBuf,
        /// How many edits.
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A diagram view as a picture for a paper: SVG, PNG or PDF (from the --out extension).
    Diagram {
        /// The register.
        file: PathBuf,
        /// The view's name ("LSP structure").
        #[arg(long)]
        view: String,
        /// Where to write it: a .svg, .png or .pdf file.
        #[arg(long)]
        out: PathBuf,
        /// PNG resolution: 150, 300 or 600.
        #[arg(long, default_value_t = 300)]
        dpi: u32,
        /// Page: a4-landscape, a4-portrait, a3-landscape or a3-portrait.
        #[arg(long, default_value = "a4-landscape")]
        page: String,
        /// The date in "Data as at" (YYYY-MM-DD; default today).
        #[arg(long)]
        data_as_at: Option<String>,
    },
    /// A diagram view's graph for other tools: GraphML, DOT or JSON (from the --out extension).
    Graph {
        /// The register.
        file: PathBuf,
        /// The view's name.
        #[arg(long)]
        view: String,
        /// Where to write it: a .graphml, .dot or .json file.
        #[arg(long)]
        out: PathBuf,
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
                _ => sample::sample_register(),
            };
            let count = register.partnerships.len();
            Document::create(&path, register).map_err(fail)?;
            writeln!(out, "Wrote {} ({count} partnerships)", path.display()).map_err(fail)
        }
        Command::New { file, council } => {
            Document::create(&file, crate::model::Register::new(council.trim())).map_err(fail)?;
            writeln!(out, "Created an empty register at {}", file.display()).map_err(fail)
        }
        Command::Check { file } => {
            let report = Store::check(&file).map_err(fail)?;
            writeln!(out, "Register: {}", file.display()).map_err(fail)?;
            writeln!(out, "Schema version: {}", report.schema_version).map_err(fail)?;
            writeln!(
                out,
                "Integrity: {}",
                if report.integrity_ok { "ok" } else { "FAILED" }
            )
            .map_err(fail)?;
            for (kind, count) in &report.counts {
                writeln!(out, "{}: {count}", capitalise(&kind.plural_label())).map_err(fail)?;
            }
            writeln!(out, "Audit log entries: {}", report.audit_entries).map_err(fail)
        }
        Command::Export { what } => export(what, out),
        Command::StressEdits { file, count } => stress_edits(&file, count, out),
    }
}

/// Writes a diagram or a graph of one view.
fn export(what: ExportCommand, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    match what {
        ExportCommand::Diagram {
            file,
            view,
            out: path,
            dpi,
            page,
            data_as_at,
        } => {
            let setup: PageSetup = page.parse().map_err(fail)?;
            let format = Format::from_path(&path, dpi).ok_or_else(|| {
                CliError(format!(
                    "Cannot tell the picture format from {}: end the name in .svg, .png or .pdf",
                    path.display()
                ))
            })?;
            let data_as_at = match data_as_at {
                Some(text) => parse_date(&text).map_err(fail)?,
                None => chrono::Local::now().date_naive(),
            };
            let document = Document::open_read_only(&file).map_err(fail)?;
            let register = document.register();
            let view = diagram::find_view(register, &view).map_err(CliError)?;
            let bytes = diagram::export_view(
                register,
                view,
                &diagram::BuildOptions::default(),
                &setup,
                format,
                data_as_at,
            )
            .map_err(fail)?;
            std::fs::write(&path, bytes).map_err(|error| {
                CliError(format!("Could not write {}: {error}", path.display()))
            })?;
            writeln!(out, "Wrote {} ({} on {setup})", path.display(), view.name).map_err(fail)?;
            if let Some(warning) = diagram::readability_warning(
                register,
                view,
                &diagram::BuildOptions::default(),
                &setup,
            ) {
                writeln!(out, "Note: {warning}").map_err(fail)?;
            }
            Ok(())
        }
        ExportCommand::Graph {
            file,
            view,
            out: path,
        } => {
            let format = GraphFormat::from_path(&path).ok_or_else(|| {
                CliError(format!(
                    "Cannot tell the graph format from {}: end the name in .graphml, .dot or .json",
                    path.display()
                ))
            })?;
            let document = Document::open_read_only(&file).map_err(fail)?;
            let register = document.register();
            let view = diagram::find_view(register, &view).map_err(CliError)?;
            let diagram =
                diagram::Diagram::build(register, view, &diagram::BuildOptions::default());
            std::fs::write(&path, write_graph(register, &diagram, format)).map_err(|error| {
                CliError(format!("Could not write {}: {error}", path.display()))
            })?;
            writeln!(out, "Wrote {} ({})", path.display(), view.name).map_err(fail)
        }
    }
}

/// Renames one partnership back and forth, printing "committed N" after each write lands.
fn stress_edits(
    file: &std::path::Path,
    count: usize,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let mut document = Document::open(file).map_err(fail)?;
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
