//! `partnership-atlas questionnaire FILE start|status|export|mark|reminders|return`: a
//! questionnaire round from the command line. `start` begins a round (all active partnerships,
//! a theme's, or the significant ones) and writes each partnership's workbook and PDF; `status`
//! prints sent, reminded, returned and outstanding; `export` writes the papers again; `mark`
//! records questionnaires sent, reminded or returned by hand; `reminders` writes the mail-merge
//! CSV of those outstanding; `return` reads a filled workbook, prints the preview and applies
//! it as one undoable step audited as "questionnaire", or, if any answer is invalid, exits
//! non-zero changing nothing.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::CliError;
use crate::document::Document;
use crate::export::round_papers::{reminders_csv, write_round_papers};
use crate::model::{PartnershipId, Register, Round, RoundRule, normalised_name};
use crate::platform::write_file_atomically;
use crate::review::rounds::{
    Mark, find_round, mark, preview_return, progress, read_workbook, start_round,
};
use crate::store::EditOrigin;

/// The arguments of `questionnaire`.
#[derive(Debug, clap::Args)]
pub struct QuestionnaireArgs {
    /// The register.
    pub file: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub what: RoundCommand,
}

/// What `questionnaire` does.
#[derive(Debug, clap::Subcommand)]
pub enum RoundCommand {
    /// Start a round and write one workbook (.xlsx) and one PDF per partnership into a folder;
    /// each is marked sent today.
    Start {
        /// The round's name ("Annual review 2026").
        #[arg(long)]
        round: String,
        /// Only the active partnerships tagged with this theme.
        #[arg(long, conflicts_with = "significant")]
        theme: Option<String>,
        /// Only the significant partnerships.
        #[arg(long)]
        significant: bool,
        /// The day returns are asked for by (YYYY-MM-DD).
        #[arg(long)]
        due: Option<NaiveDate>,
        /// The folder to write the questionnaires into (made if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Print how far a round has got: sent, reminded, returned, outstanding.
    Status {
        /// The round's name or number.
        #[arg(long)]
        round: String,
    },
    /// Write a round's questionnaires again (the outstanding ones, or all with --all).
    Export {
        /// The round's name or number.
        #[arg(long)]
        round: String,
        /// The folder to write into (made if missing).
        #[arg(long)]
        out: PathBuf,
        /// Every partnership's, not only the outstanding ones.
        #[arg(long)]
        all: bool,
    },
    /// Record questionnaires sent, reminded or returned today (every one in the round, or the
    /// partnerships named).
    Mark {
        /// The round's name or number.
        #[arg(long)]
        round: String,
        /// sent, reminded, returned or not-returned.
        #[arg(long)]
        what: String,
        /// A partnership by name (may be given more than once; default: the whole round, or
        /// for "reminded" the outstanding ones).
        #[arg(long)]
        partnership: Vec<String>,
    },
    /// Write the reminder CSV for a mail merge: each outstanding partnership with its lead
    /// officer and e-mail.
    Reminders {
        /// The round's name or number.
        #[arg(long)]
        round: String,
        /// The CSV to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a returned workbook: print the preview (field by field, old and new) and apply it
    /// as one undoable step, or change nothing and exit non-zero if any answer is invalid.
    Return {
        /// The filled-in workbook.
        #[arg(long)]
        from: PathBuf,
        /// Print the preview and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn fail(error: impl std::fmt::Display) -> CliError {
    CliError(error.to_string())
}

fn opened(
    file: &Path,
    document: Result<Document, impl std::fmt::Display>,
) -> Result<Document, CliError> {
    document.map_err(|error| CliError(format!("{}: {error}", file.display())))
}

/// Runs `questionnaire`.
pub fn run_questionnaire(
    args: QuestionnaireArgs,
    today: NaiveDate,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let file = &args.file;
    match args.what {
        RoundCommand::Start {
            round,
            theme,
            significant,
            due,
            out: folder,
        } => {
            let mut document = opened(file, Document::open(file))?;
            let rule = rule_for(document.register(), theme.as_deref(), significant)?;
            let edit = start_round(document.register(), &round, rule, today, due).map_err(fail)?;
            document.apply(edit).map_err(fail)?;
            let started = find_round(document.register(), &round)
                .map_err(fail)?
                .clone();
            let written = write_round_papers(document.register(), &started, &folder, today, false)
                .map_err(fail)?;
            let sent =
                mark(document.register(), started.id, &[], Mark::Sent, today).map_err(fail)?;
            document.apply(sent).map_err(fail)?;
            writeln!(
                out,
                "Started the round “{}” ({}): wrote {} into {}",
                started.name,
                started.chosen_by.words(),
                crate::model::words::counted(written, "questionnaire"),
                folder.display()
            )
            .map_err(fail)
        }
        RoundCommand::Status { round } => {
            let document = opened(file, Document::open_read_only(file))?;
            let found = find_round(document.register(), &round).map_err(fail)?;
            let progress = progress(document.register(), found);
            writeln!(
                out,
                "Round “{}”: {}",
                progress.name,
                progress.counts_words()
            )
            .map_err(fail)?;
            for row in progress.outstanding_rows() {
                let reminded = row
                    .reminded
                    .map(|d| format!(", reminded {d}"))
                    .unwrap_or_default();
                let officer = if row.lead_officer.is_empty() {
                    "no lead officer".to_string()
                } else {
                    row.lead_officer.clone()
                };
                writeln!(out, "  outstanding: {} ({officer}{reminded})", row.name).map_err(fail)?;
            }
            Ok(())
        }
        RoundCommand::Export {
            round,
            out: folder,
            all,
        } => {
            let document = opened(file, Document::open_read_only(file))?;
            let found = find_round(document.register(), &round).map_err(fail)?;
            let written = write_round_papers(document.register(), found, &folder, today, !all)
                .map_err(fail)?;
            writeln!(
                out,
                "Wrote {} into {}",
                crate::model::words::counted(written, "questionnaire"),
                folder.display()
            )
            .map_err(fail)
        }
        RoundCommand::Mark {
            round,
            what,
            partnership,
        } => {
            let mut document = opened(file, Document::open(file))?;
            let found = find_round(document.register(), &round)
                .map_err(fail)?
                .clone();
            let what = match what.trim().to_lowercase().as_str() {
                "sent" => Mark::Sent,
                "reminded" => Mark::Reminded,
                "returned" => Mark::Returned,
                "not-returned" | "not returned" => Mark::NotReturned,
                other => {
                    return Err(CliError(format!(
                        "“{other}” is not something to mark: use sent, reminded, returned or \
                         not-returned"
                    )));
                }
            };
            let mut chosen = partnerships_named(document.register(), &found, &partnership)?;
            if chosen.is_empty() && what == Mark::Reminded {
                chosen = found
                    .entries
                    .iter()
                    .filter(|e| e.is_outstanding())
                    .map(|e| e.partnership)
                    .collect();
                if chosen.is_empty() {
                    return Err(CliError(format!(
                        "Every questionnaire of “{}” is back: nobody to remind",
                        found.name
                    )));
                }
            }
            let edit = mark(document.register(), found.id, &chosen, what, today).map_err(fail)?;
            let words = edit.describe();
            document.apply(edit).map_err(fail)?;
            writeln!(out, "{words}").map_err(fail)
        }
        RoundCommand::Reminders { round, out: path } => {
            let document = opened(file, Document::open_read_only(file))?;
            let found = find_round(document.register(), &round).map_err(fail)?;
            let progress = progress(document.register(), found);
            write_file_atomically(&path, reminders_csv(&progress, today).as_bytes())
                .map_err(|error| CliError(format!("{}: {error}", path.display())))?;
            writeln!(
                out,
                "Wrote {} ({} to remind; {})",
                path.display(),
                crate::model::words::counted(progress.outstanding(), "partnership"),
                progress.words()
            )
            .map_err(fail)
        }
        RoundCommand::Return { from, dry_run } => {
            let bytes = std::fs::read(&from)
                .map_err(|error| CliError(format!("{}: {error}", from.display())))?;
            let filled = read_workbook(&bytes)
                .map_err(|error| CliError(format!("{}: {error}", from.display())))?;
            let file_name = from.file_name().map_or_else(
                || from.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut document = if dry_run {
                opened(file, Document::open_read_only(file))?
            } else {
                opened(file, Document::open(file))?
            };
            let preview =
                preview_return(document.register(), &filled, &file_name, today).map_err(fail)?;
            writeln!(out, "{}", preview.words()).map_err(fail)?;
            let Some(edit) = preview.edit else {
                return Err(CliError(format!(
                    "Nothing was changed: {} cannot go in; correct the workbook and read it again",
                    crate::model::words::counted(preview.invalid(), "answer")
                )));
            };
            if dry_run {
                return writeln!(out, "Dry run: nothing was changed").map_err(fail);
            }
            document
                .apply_from(edit, EditOrigin::Questionnaire)
                .map_err(fail)?;
            writeln!(
                out,
                "Applied as one step (undo it in the window, or see it in the audit log as \
                 “questionnaire”)"
            )
            .map_err(fail)
        }
    }
}

/// The rule `--theme` or `--significant` asks for.
fn rule_for(
    register: &Register,
    theme: Option<&str>,
    significant: bool,
) -> Result<RoundRule, CliError> {
    if significant {
        return Ok(RoundRule::Significant);
    }
    let Some(wanted) = theme else {
        return Ok(RoundRule::AllActive);
    };
    register
        .themes
        .values()
        .find(|t| normalised_name(&t.name) == normalised_name(wanted))
        .map(|t| RoundRule::Theme {
            theme: t.id,
            name: t.name.clone(),
        })
        .ok_or_else(|| CliError(format!("There is no theme called “{wanted}”")))
}

/// The partnerships named, each found in the round by name.
fn partnerships_named(
    register: &Register,
    round: &Round,
    names: &[String],
) -> Result<Vec<PartnershipId>, CliError> {
    names
        .iter()
        .map(|name| {
            round
                .entries
                .iter()
                .map(|e| e.partnership)
                .find(|id| {
                    register
                        .partnerships
                        .get(id)
                        .is_some_and(|p| normalised_name(&p.name) == normalised_name(name))
                })
                .ok_or_else(|| {
                    CliError(format!(
                        "“{name}” is not a partnership in the round “{}”",
                        round.name
                    ))
                })
        })
        .collect()
}
