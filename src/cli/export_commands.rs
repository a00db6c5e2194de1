//! `partnership-atlas export matrix|overview`: the risk/value matrix as SVG, PNG or PDF, and the
//! annual-review overview as CSV or XLSX, from a register opened read-only (the file is never changed,
//! and a register someone else has open can still be exported).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;

use super::CliError;
use crate::diagram::{
    self,
    graph_export::{GraphFormat, write_graph},
    print::PageChoice,
};
use crate::document::Document;
use crate::export::{self, Format, PageSetup, TableFormat, matrix, overview_csv, overview_xlsx};
use crate::model::parse_date;
use crate::scoring;

/// What to export.
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
        /// Page: auto (A4 landscape if the names print at 7 pt or more on it, else A3
        /// landscape), a4-landscape, a4-portrait, a3-landscape or a3-portrait.
        #[arg(long, default_value = "auto")]
        page: String,
        /// The date in "Data as at" (YYYY-MM-DD; default today).
        #[arg(long)]
        data_as_at: Option<String>,
        /// Pages: one (the view on one page), or per-theme (a PDF of an overview and one page
        /// per themed partnership, numbered, with the same key).
        #[arg(long, default_value = "one")]
        pages: String,
        /// Sub-groups for this export: as-view (the view's choice), boxes, inside (listed
        /// inside their parent) or collapsed ("+5 sub-groups"). The register is not changed.
        #[arg(long, default_value = "as-view")]
        sub_groups: String,
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

    /// The whole register as JSON (every record, view, position, scheme and assessment), for
    /// scripts and archiving; `import-json` makes a register from it again. See
    /// docs/json-format.md.
    Json {
        /// The register.
        file: PathBuf,
        /// Where to write it: a .json file.
        #[arg(long)]
        out: PathBuf,
    },

    /// The risk/value matrix of every assessed partnership (SVG, PNG or PDF, by --out's
    /// extension), with caption and legend.
    Matrix {
        /// The register.
        file: PathBuf,
        /// Where to write it: a .svg, .png or .pdf file.
        #[arg(long)]
        out: PathBuf,
        /// Resolution of a PNG: 150, 300 or 600.
        #[arg(long, default_value_t = 300)]
        dpi: u32,
        /// Page: a4-landscape, a4-portrait, a3-landscape or a3-portrait.
        #[arg(long, default_value = "a4-landscape")]
        page: PageSetup,
        /// The date the data is as at (YYYY-MM-DD; default today): costs are for its
        /// financial year.
        #[arg(long)]
        as_at: Option<NaiveDate>,
    },
    /// The overview of every partnership (current bands, recommendation, costs, review date)
    /// as CSV or an Excel workbook (by --out's extension) for a spreadsheet or report.
    Overview {
        /// The register.
        file: PathBuf,
        /// Where to write it: a .csv or .xlsx file.
        #[arg(long)]
        out: PathBuf,
        /// The date the data is as at (YYYY-MM-DD; default today, or the end of --year):
        /// assessments made after it do not count, reviews due before it are overdue.
        #[arg(long)]
        as_at: Option<NaiveDate>,
        /// The financial year costed, by the year it starts in (2025 for 2025/26; default the
        /// year of the as-at date).
        #[arg(long)]
        year: Option<i32>,
    },
    /// A report table for a paper: XLSX, CSV, DOCX, PDF or PNG (by --out's extension).
    Table {
        /// The register.
        file: PathBuf,
        /// Which table: register, recommendations, resources, annual-report, assessments,
        /// representation, outside-bodies, actions or removed.
        #[arg(long)]
        table: String,
        /// Where to write it: a .xlsx, .csv, .docx, .pdf or .png file (PNG: one file a page).
        #[arg(long)]
        out: PathBuf,
        /// The date the data is as at (YYYY-MM-DD; default today): costs are for its
        /// financial year.
        #[arg(long)]
        as_at: Option<NaiveDate>,
        /// Resolution of PNG pages: 150, 300 or 600.
        #[arg(long, default_value_t = 300)]
        dpi: u32,
    },
    /// The appendix pack: every chosen view, the matrix and every chosen table, and one
    /// combined PDF, written into a new folder (the register's pack settings choose).
    Pack {
        /// The register.
        file: PathBuf,
        /// The folder to write (it must not exist yet, or be empty).
        #[arg(long)]
        out: PathBuf,
        /// The date the data is as at (YYYY-MM-DD; default today).
        #[arg(long)]
        as_at: Option<NaiveDate>,
    },
    /// The audit log for internal audit: who changed what, when, with what origin, and each
    /// record before and after, as CSV or XLSX (from the --out extension).
    Audit {
        /// The register.
        file: PathBuf,
        /// Where to write it: a .csv or .xlsx file.
        #[arg(long)]
        out: PathBuf,
        /// Only changes on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<NaiveDate>,
        /// Only changes on or before this day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<NaiveDate>,
        /// Only changes by this user (their computer account name).
        #[arg(long)]
        user: Option<String>,
    },
}

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

/// Runs one export, reporting what was written to `report`.
pub fn run_export(command: ExportCommand, report: &mut dyn std::io::Write) -> Result<(), CliError> {
    let today = chrono::Local::now().date_naive();
    match command {
        ExportCommand::Json { file, out } => {
            let document = open(&file)?;
            let bytes = crate::interchange::json::encode(document.register()).map_err(|error| {
                CliError(format!(
                    "The register could not be written as JSON: {error}"
                ))
            })?;
            write(&out, &bytes)?;
            writeln!(
                report,
                "Wrote {} ({} records)",
                out.display(),
                document.register().records().count()
            )
            .map_err(fail)
        }
        ExportCommand::Diagram {
            file,
            view,
            out,
            dpi,
            page,
            data_as_at,
            pages,
            sub_groups,
        } => {
            let setup: PageChoice = page.parse().map_err(fail)?;
            let per_theme = match pages.trim().to_ascii_lowercase().as_str() {
                "one" | "1" => false,
                "per-theme" | "per_theme" => true,
                other => {
                    return Err(CliError(format!(
                        "--pages {other}: choose one or per-theme"
                    )));
                }
            };
            let sub_groups = match sub_groups.trim().to_ascii_lowercase().as_str() {
                "as-view" | "view" => None,
                "boxes" => Some(diagram::settings::SubGroups::Boxes),
                "inside" => Some(diagram::settings::SubGroups::Inside),
                "collapsed" => Some(diagram::settings::SubGroups::Collapsed),
                other => {
                    return Err(CliError(format!(
                        "--sub-groups {other}: choose as-view, boxes, inside or collapsed"
                    )));
                }
            };
            let format = Format::from_path(&out, dpi).ok_or_else(|| {
                CliError(format!(
                    "Cannot tell the picture format from {}: end the name in .svg, .png or .pdf",
                    out.display()
                ))
            })?;
            let data_as_at = match data_as_at {
                Some(text) => parse_date(&text).map_err(fail)?,
                None => today,
            };
            if per_theme && format != Format::Pdf {
                return Err(CliError(
                    "--pages per-theme writes a PDF: end the --out name in .pdf".to_string(),
                ));
            }
            let how = DiagramExport {
                format,
                choice: setup,
                data_as_at,
                per_theme,
                sub_groups,
            };
            export_diagram(&file, &view, &out, &how, report)
        }
        ExportCommand::Graph { file, view, out } => export_graph(&file, &view, &out, report),
        ExportCommand::Table {
            file,
            table,
            out,
            as_at,
            dpi,
        } => super::table_commands::export_table(&file, &table, &out, as_at, dpi, report),
        ExportCommand::Audit {
            file,
            out,
            since,
            until,
            user,
        } => {
            let filter = crate::store::AuditFilter {
                user,
                since,
                until,
                ..crate::store::AuditFilter::default()
            };
            export_audit(&file, &out, &filter, today, report)
        }
        ExportCommand::Pack { file, out, as_at } => {
            super::table_commands::export_pack(&file, &out, as_at, report)
        }
        ExportCommand::Matrix {
            file,
            out,
            dpi,
            page,
            as_at,
        } => {
            let format = Format::from_path(&out, dpi).ok_or_else(|| {
                CliError(format!(
                    "{}: name the file .svg, .png or .pdf to choose the format",
                    out.display()
                ))
            })?;
            let document = open(&file)?;
            let chart = matrix::matrix_chart(document.register(), as_at.unwrap_or(today));
            let bytes = export::export(&chart.scene, &page, format).map_err(fail)?;
            write(&out, &bytes)?;
            writeln!(
                report,
                "Wrote {} ({}; {page})",
                out.display(),
                chart.coverage.describe()
            )
            .map_err(fail)
        }
        ExportCommand::Overview {
            file,
            out,
            as_at,
            year,
        } => {
            let format = TableFormat::from_path(&out).ok_or_else(|| {
                CliError(format!(
                    "{}: name the file .csv or .xlsx to choose the format",
                    out.display()
                ))
            })?;
            let basis = match (as_at, year) {
                (Some(date), Some(year)) => scoring::ReviewBasis { as_at: date, year },
                (Some(date), None) => scoring::ReviewBasis::on(date),
                (None, Some(year)) => scoring::ReviewBasis::for_year(year, today),
                (None, None) => scoring::ReviewBasis::on(today),
            };
            let document = open(&file)?;
            let overview = scoring::overview_for(document.register(), &basis);
            let bytes = match format {
                TableFormat::Csv => overview_csv::overview_csv(&overview).into_bytes(),
                TableFormat::Xlsx => overview_xlsx::overview_xlsx(&overview).map_err(fail)?,
            };
            write(&out, &bytes)?;
            writeln!(
                report,
                "Wrote {} ({} {}; {} never assessed, {} overdue)",
                out.display(),
                crate::model::words::counted(overview.rows.len(), "partnership"),
                basis.describe(),
                overview.never_assessed,
                overview.overdue
            )
            .map_err(fail)?;
            for total in &overview.totals {
                writeln!(report, "{}", total.summary()).map_err(fail)?;
            }
            Ok(())
        }
    }
}

/// How `export diagram` writes its picture.
struct DiagramExport {
    format: Format,
    choice: PageChoice,
    data_as_at: chrono::NaiveDate,
    per_theme: bool,
    sub_groups: Option<diagram::settings::SubGroups>,
}

/// Writes a diagram view as a picture (SVG, PNG or PDF from the file name), or as a PDF of
/// pages per theme.
fn export_diagram(
    file: &Path,
    view: &str,
    path: &Path,
    how: &DiagramExport,
    report: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let document = open(file)?;
    let register = document.register();
    let mut view = diagram::find_view(register, view).map_err(fail)?.clone();
    if let Some(choice) = how.sub_groups {
        let mut settings = diagram::ViewSettings::from_json(&view.settings);
        settings.grouping.sub_groups = choice;
        settings.grouping.per_partnership.clear();
        view.settings = settings.to_json(&view.settings);
    }
    let options = diagram::BuildOptions::default();
    if how.per_theme {
        let (bytes, plans) = diagram::pages::export_theme_pages(
            register,
            &view,
            &options,
            how.choice,
            how.data_as_at,
        )
        .map_err(fail)?;
        write(path, &bytes)?;
        let smallest = plans
            .iter()
            .map(|p| p.name_pt)
            .fold(f32::INFINITY, f32::min);
        let pages = plans.len();
        writeln!(
            report,
            "Wrote {} ({}: {}; names print at {smallest:.1} pt or more)",
            path.display(),
            view.name,
            crate::model::words::counted(pages, "page"),
        )
        .map_err(fail)?;
        for (number, plan) in plans.iter().enumerate() {
            if let Some(note) = &plan.note {
                writeln!(report, "Note (page {}): {note}", number + 1).map_err(fail)?;
            }
        }
        return Ok(());
    }
    let (bytes, plan) = diagram::print::export(
        register,
        &view,
        &options,
        how.choice,
        how.format,
        how.data_as_at,
    )
    .map_err(fail)?;
    write(path, &bytes)?;
    writeln!(
        report,
        "Wrote {} ({} on {}; names print at {:.1} pt)",
        path.display(),
        view.name,
        plan.setup,
        plan.name_pt
    )
    .map_err(fail)?;
    if plan.note().is_some() {
        let advice = diagram::print::advice_for_plan(register, &view, &options, &plan);
        writeln!(report, "Note: {}", advice.describe()).map_err(fail)?;
    }
    Ok(())
}

/// Writes a diagram view's graph for other tools (GraphML, DOT or JSON from the file name).
fn export_graph(
    file: &Path,
    view: &str,
    path: &Path,
    report: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let format = GraphFormat::from_path(path).ok_or_else(|| {
        CliError(format!(
            "Cannot tell the graph format from {}: end the name in .graphml, .dot or .json",
            path.display()
        ))
    })?;
    let document = open(file)?;
    let register = document.register();
    let view = diagram::find_view(register, view).map_err(fail)?;
    let diagram = diagram::Diagram::build(register, view, &diagram::BuildOptions::default());
    write(path, write_graph(register, &diagram, format).as_bytes())?;
    writeln!(report, "Wrote {} ({})", path.display(), view.name).map_err(fail)
}

/// `export audit`: the filtered log, newest first, as CSV or XLSX.
fn export_audit(
    file: &std::path::Path,
    out: &std::path::Path,
    filter: &crate::store::AuditFilter,
    today: NaiveDate,
    report: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("csv" | "xlsx")) {
        return Err(CliError(format!(
            "{}: end the name with .csv or .xlsx to choose the format",
            out.display()
        )));
    }
    let document = open(file)?;
    let store = document.store();
    let total = store.audit_count(filter).map_err(fail)?;
    let entries = store.audit_page(filter, 0, total).map_err(fail)?;
    let table = crate::export::audit_table::audit_table(&entries, filter, today);
    let council = &document.register().settings.council_name;
    let bytes =
        crate::export::analysis_tables::encode_for_path(&table, out, council).map_err(fail)?;
    crate::platform::write_file_atomically(out, &bytes).map_err(|error| {
        CliError(format!(
            "{} could not be written: {}",
            out.display(),
            crate::platform::write_failure_words(&error)
        ))
    })?;
    writeln!(
        report,
        "Wrote {} ({}: {})",
        out.display(),
        crate::export::audit_table::filter_words(filter),
        crate::model::words::counted(entries.len(), "row")
    )
    .map_err(fail)
}
