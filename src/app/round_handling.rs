//! The rounds panel's file commands: write a round's questionnaires and its reminder CSV, read
//! a returned workbook into the panel's preview, and apply it as one undoable step audited as
//! "questionnaire" with the file's name in the step's words.

use std::path::Path;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::export::round_papers::{reminders_csv, write_round_papers};
use crate::model::RoundId;
use crate::review::rounds::{preview_return, progress, read_workbook};
use crate::store::EditOrigin;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

impl AtlasApp {
    fn open_round(
        &self,
        round: RoundId,
    ) -> Result<(&crate::model::Register, &crate::model::Round), Failure> {
        let document = self
            .document
            .as_ref()
            .ok_or_else(|| Failure::from("There is no register open".to_string()))?;
        let register = document.register();
        let found = register
            .rounds
            .get(&round)
            .ok_or_else(|| Failure::from("That round is no longer in the register".to_string()))?;
        Ok((register, found))
    }

    /// Writes the round's questionnaires into `folder`.
    pub(super) fn write_round_papers(
        &mut self,
        round: RoundId,
        folder: &Path,
        outstanding_only: bool,
    ) -> Result<(), Failure> {
        let (register, found) = self.open_round(round)?;
        let written = write_round_papers(register, found, folder, today(), outstanding_only)
            .map_err(Failure::from)?;
        self.messages.notice(format!(
            "Wrote {} (a workbook and a PDF each) into {}",
            crate::model::words::counted(written, "questionnaire"),
            folder.display()
        ));
        Ok(())
    }

    /// Writes the round's reminder CSV to `path`.
    pub(super) fn write_round_reminders(
        &mut self,
        round: RoundId,
        path: &Path,
    ) -> Result<(), Failure> {
        let (register, found) = self.open_round(round)?;
        let progress = progress(register, found);
        crate::platform::write_file_atomically(path, reminders_csv(&progress, today()).as_bytes())
            .map_err(|error| {
                Failure::from(format!(
                    "{} could not be written: {}",
                    path.display(),
                    crate::platform::write_failure_words(&error)
                ))
            })?;
        self.messages.notice(format!(
            "Wrote the reminders ({} to remind) to {}",
            crate::model::words::counted(progress.outstanding(), "partnership"),
            path.display()
        ));
        Ok(())
    }

    /// Reads a returned workbook into the rounds panel's preview.
    pub(super) fn read_questionnaire(&mut self, path: &Path) -> Result<(), Failure> {
        let document = self
            .document
            .as_ref()
            .ok_or_else(|| Failure::from("There is no register open".to_string()))?;
        let bytes = std::fs::read(path)
            .map_err(|error| format!("{} cannot be read: {error}", path.display()))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let filled = read_workbook(&bytes).map_err(|error| format!("{file_name}: {error}"))?;
        let preview = preview_return(document.register(), &filled, &file_name, today())
            .map_err(|error| format!("{file_name}: {error}"))?;
        self.ui_state.rounds.round = document
            .register()
            .rounds
            .contains_key(&filled.round)
            .then_some(filled.round);
        self.ui_state.rounds.preview = Some(preview);
        Ok(())
    }

    /// Applies the previewed questionnaire as one step.
    pub(super) fn apply_questionnaire(&mut self) {
        let Some(preview) = self.ui_state.rounds.preview.take() else {
            return;
        };
        let Some(edit) = preview.edit.clone() else {
            self.messages.error(format!(
                "Nothing was changed: {} in {} cannot go in",
                crate::model::words::counted(preview.invalid(), "answer"),
                preview.file_name
            ));
            self.ui_state.rounds.preview = Some(preview);
            return;
        };
        if self.apply_edit_from(edit, EditOrigin::Questionnaire) {
            self.messages.notice(format!(
                "Applied the questionnaire for “{}” ({}): {} changed",
                preview.partnership_name,
                preview.file_name,
                crate::model::words::counted(preview.changed(), "answer")
            ));
        } else {
            self.ui_state.rounds.preview = Some(preview);
        }
    }
}
