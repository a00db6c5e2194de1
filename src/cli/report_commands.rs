//! `partnership-atlas report FILE overlaps|conformity|gaps|load|knowledge [--out FILE]`: the
//! analysis answers from a register opened read-only, printed as text, or written as a table
//! for a paper (CSV, XLSX, DOCX or PDF, by the extension of `--out`).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::CliError;
use super::table_commands::{TableFileFormat, write_table_file};
use crate::analysis::{AnalysisSettings, Question};
use crate::document::Document;
use crate::export::analysis_tables::answer_table;
use crate::export::table::{Pence, Table};
use crate::model::Hours;

/// The arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The register.
    pub file: PathBuf,
    /// The question: overlaps, conformity, gaps, load or knowledge; or changes (with --since).
    pub question: String,
    /// Write the answer as a table: a .csv, .xlsx, .docx, .pdf or .png file. Without it the answer
    /// is printed.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The day the answer is for (YYYY-MM-DD; default today).
    #[arg(long)]
    pub as_at: Option<NaiveDate>,
    /// Overlaps: the lowest score shown, in percent.
    #[arg(long)]
    pub min_score: Option<u32>,
    /// Overlaps: compare bodies not at work too (proposed, dormant, closed, removed).
    #[arg(long)]
    pub include_inactive: bool,
    /// Load: more hours a month than this stands out.
    #[arg(long)]
    pub hours: Option<u32>,
    /// Load: more bodies than this stands out.
    #[arg(long)]
    pub bodies: Option<usize>,
    /// Gaps: months without a meeting before a body counts as quiet.
    #[arg(long)]
    pub quiet_months: Option<u32>,
    /// Gaps: months without a report back before a body counts as not reporting.
    #[arg(long)]
    pub report_months: Option<u32>,
    /// Changes: the snapshot to compare from (its name or number).
    #[arg(long)]
    pub since: Option<String>,
    /// Changes: the snapshot to compare to (default: the register now).
    #[arg(long)]
    pub to: Option<String>,
}

impl ReportArgs {
    fn settings(&self, today: NaiveDate) -> AnalysisSettings {
        let mut settings = AnalysisSettings::on(today);
        if let Some(score) = self.min_score {
            settings.overlaps.min_score = score;
        }
        settings.overlaps.include_inactive = self.include_inactive;
        if let Some(hours) = self.hours {
            settings.load.hours_threshold = Hours::whole(hours);
        }
        if let Some(bodies) = self.bodies {
            settings.load.bodies_threshold = bodies;
        }
        if let Some(months) = self.quiet_months {
            settings.gaps.quiet_months = months;
        }
        if let Some(months) = self.report_months {
            settings.gaps.report_months = months;
        }
        settings
    }
}

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

/// Runs `report`.
pub fn run_report(args: ReportArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    if args.question.trim().eq_ignore_ascii_case("changes") {
        let today = args
            .as_at
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let request = super::snapshot_commands::ChangesRequest {
            file: &args.file,
            since: args.since.as_deref(),
            to: args.to.as_deref(),
            out: args.out.as_ref(),
            today,
        };
        return super::snapshot_commands::run_changes(request, out);
    }
    let question = Question::parse(&args.question).ok_or_else(|| {
        let codes: Vec<&str> = Question::ALL.iter().map(|q| q.code()).collect();
        CliError(format!(
            "“{}” is not a report: choose one of {} or changes",
            args.question,
            codes.join(", ")
        ))
    })?;
    let document = Document::open_read_only(&args.file)
        .map_err(|error| CliError(format!("{}: {error}", args.file.display())))?;
    let today = args
        .as_at
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let register = document.register();
    let table = answer_table(register, question, &args.settings(today));
    match &args.out {
        None => write!(out, "{}", plain_text(&table)).map_err(fail),
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
            .map_err(fail)
        }
    }
}

/// The table as text for a terminal: title, notes, and each group's rows.
pub fn plain_text(table: &Table) -> String {
    let mut text = format!(
        "{}\nData as at {}\n",
        table.title,
        table.data_as_at.format("%-d %B %Y")
    );
    for note in &table.notes {
        text.push_str(note);
        text.push('\n');
    }
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    for group in &table.groups {
        text.push('\n');
        if !group.heading.is_empty() {
            text.push_str(&format!("{} ({})\n", group.heading, group.rows.len()));
        }
        text.push_str(&headings.join(" | "));
        text.push('\n');
        for row in group.rows.iter().chain(&group.subtotal) {
            let cells: Vec<String> = row.cells.iter().map(|c| c.printed(Pence::Hidden)).collect();
            text.push_str(&cells.join(" | "));
            text.push('\n');
        }
    }
    if table.data_rows() == 0 {
        text.push_str("\nNothing found.\n");
    }
    text
}
