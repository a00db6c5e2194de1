//! The appendix pack from the window: the choice kept in the register (one audited, undoable
//! edit of its settings), then the pack written on its own thread from a copy of the register,
//! its progress shown in the pack window, cancellable; the folder appears whole or not at all
//! (`crate::appendix::write_pack`).

use std::thread::JoinHandle;
use std::time::Duration;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::appendix::{self, PackError, PackOutcome, Progress};
use crate::export::table::{self, encode};
use crate::model::{Edit, Record};
use crate::ui::{PackRequest, TableRequest};

/// A pack being written.
pub struct PackJob {
    progress: Progress,
    folder: std::path::PathBuf,
    handle: JoinHandle<Result<PackOutcome, PackError>>,
}

impl AtlasApp {
    /// Opens the pack window with the register's kept choice.
    pub(super) fn show_appendix_pack(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        let today = chrono::Local::now().date_naive();
        let folder = self
            .folder_to_start_in()
            .unwrap_or_default()
            .join(format!("Appendix pack {today}"))
            .display()
            .to_string();
        self.ui_state
            .appendix_pack
            .open_for(document.register(), folder);
    }

    /// Keeps the choice in the register and starts writing the pack.
    pub(super) fn start_appendix_pack(&mut self, request: PackRequest) {
        if self.pack_job.is_some() {
            self.messages
                .notice("An appendix pack is being written already: wait for it, or cancel it");
            return;
        }
        let Some(document) = &self.document else {
            return;
        };
        let chosen = Some(request.contents.to_choice());
        if !document.is_read_only() && document.register().settings.appendix_pack != chosen {
            let before = document.register().settings.clone();
            let mut after = before.clone();
            after.appendix_pack = chosen;
            self.apply_edit(Edit::change(
                Record::Settings(before),
                Record::Settings(after),
            ));
        }
        let Some(document) = &self.document else {
            return;
        };
        let register = document.register().clone();
        let basis = self.ui_state.overview.basis();
        let progress = Progress::silent();
        let shared = progress.clone();
        let folder = request.folder.clone();
        let contents = request.contents;
        let spawned = std::thread::Builder::new()
            .name("appendix pack".to_string())
            .spawn(move || appendix::write_pack(&register, &contents, basis, &folder, &shared));
        match spawned {
            Ok(handle) => {
                self.ui_state.appendix_pack.running = Some(progress.clone());
                self.pack_job = Some(PackJob {
                    progress,
                    folder: request.folder,
                    handle,
                });
            }
            Err(error) => self
                .messages
                .error(format!("The appendix pack could not be started ({error})")),
        }
    }

    /// Asks the pack being written to stop.
    pub(super) fn cancel_appendix_pack(&mut self) {
        if let Some(job) = &self.pack_job {
            job.progress.cancel();
        }
    }

    /// Checks, without waiting, whether the pack is written; keeps frames coming while it runs.
    pub(super) fn poll_appendix_pack(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.pack_job else {
            return;
        };
        if !job.handle.is_finished() {
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        }
        let Some(job) = self.pack_job.take() else {
            return;
        };
        self.ui_state.appendix_pack.running = None;
        let folder = job.folder.display().to_string();
        let text = match job.handle.join() {
            Ok(Ok(outcome)) => {
                let text = format!(
                    "Wrote the appendix pack to {folder}: {}",
                    outcome.describe()
                );
                self.messages.notice(text.clone());
                text
            }
            Ok(Err(PackError::Cancelled)) => {
                let text = "The appendix pack was cancelled; nothing was written".to_string();
                self.messages.notice(text.clone());
                text
            }
            Ok(Err(error)) => {
                let text = error.to_string();
                self.messages.error(text.clone());
                text
            }
            Err(_) => {
                let text =
                    "The appendix pack stopped unexpectedly; nothing was written".to_string();
                self.messages.error(text.clone());
                text
            }
        };
        self.ui_state.appendix_pack.last_result = Some(text);
        ctx.request_repaint();
    }

    /// Writes one table, as at the annual review's date, to the file asked for (PNG: a file
    /// a page).
    pub(super) fn export_table_to(&mut self, request: &TableRequest) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to export from"
                .to_string()
                .into());
        };
        let register = document.register();
        let format = encode::TableFileFormat::from_path(&request.path).ok_or_else(|| {
            Failure::from(
                encode::TableEncodeError::UnknownFormat(request.path.display().to_string())
                    .to_string(),
            )
        })?;
        let built = table::build_table(request.kind, register, self.ui_state.overview.basis());
        let encoded = encode::encode(
            &built,
            format,
            &register.settings.council_name,
            appendix::PACK_DPI,
        )
        .map_err(|error| Failure::from(error.to_string()))?;
        let paths = encode::file_paths(&request.path, format, &encoded);
        for (path, bytes) in paths.iter().zip(&encoded.files) {
            super::export_handling::write_export(path, bytes)?;
        }
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        self.messages.notice(format!(
            "Exported “{}” ({}; {}): {}",
            built.title,
            built.describe_rows(),
            built.caption().data_as_at_line(),
            names.join(", ")
        ));
        Ok(())
    }
}
