//! The papers of a questionnaire round, from what `crate::review::rounds` works out: each
//! partnership's fillable workbook (`workbook`) and printable PDF (`pdf`, a report `Table`
//! through the one table printer), a round's progress as a report `Table`, and the reminder
//! CSV for a mail merge (`reminders`).

pub mod pdf;
pub mod reminders;
pub mod workbook;

pub use pdf::{questionnaire_pdf, questionnaire_table};
pub use reminders::{progress_table, reminders_csv};
pub use workbook::questionnaire_xlsx;

use std::path::Path;

use chrono::NaiveDate;

use crate::model::{Register, Round};
use crate::platform::write_file_atomically;
use crate::review::rounds::{Questionnaire, questionnaire};

/// The file name (without extension) of a partnership's questionnaire: its id and name, with
/// characters file systems refuse left out ("12 Community Safety Partnership").
pub fn file_stem(questionnaire: &Questionnaire) -> String {
    let name: String = questionnaire
        .partnership_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_&'(),".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = name.chars().take(80).collect();
    format!("{} {}", questionnaire.partnership, short.trim_end())
}

/// Writes each partnership's workbook and PDF into `folder` (made if missing; only the
/// outstanding ones when `outstanding_only`, none for a partnership no longer in the register),
/// each file whole or not at all; returns how many partnerships' papers were written. The
/// window and the command line both write a round's papers through this.
pub fn write_round_papers(
    register: &Register,
    round: &Round,
    folder: &Path,
    today: NaiveDate,
    outstanding_only: bool,
) -> Result<usize, String> {
    std::fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    let mut written = 0;
    for entry in &round.entries {
        if (outstanding_only && !entry.is_outstanding())
            || !register.partnerships.contains_key(&entry.partnership)
        {
            continue;
        }
        let asked =
            questionnaire(register, round, entry.partnership, today).map_err(|e| e.to_string())?;
        let stem = file_stem(&asked);
        let workbook = questionnaire_xlsx(&asked).map_err(|e| e.to_string())?;
        let pdf = questionnaire_pdf(&asked, &register.settings.council_name, today)
            .map_err(|e| e.to_string())?;
        for (extension, bytes) in [("xlsx", workbook), ("pdf", pdf)] {
            let path = folder.join(format!("{stem}.{extension}"));
            write_file_atomically(&path, &bytes)
                .map_err(|error| format!("{}: {error}", path.display()))?;
        }
        written += 1;
    }
    Ok(written)
}
