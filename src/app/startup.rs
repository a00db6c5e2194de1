//! What the window opens with: the file asked for, else the register used last, else (on the
//! very first start) a fresh copy of the sample register in the user's data folder.

use std::path::{Path, PathBuf};

use super::command_handling::OpenFor;
use super::{AtlasApp, Settings};
use crate::document::Document;
use crate::store::StoreError;
use crate::ui::message::MessageKind;

/// Removes an unfinished register and the rollback journal an older version left beside it.
fn remove_unfinished(path: &Path) -> Result<(), String> {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    std::fs::remove_file(PathBuf::from(journal)).ok();
    std::fs::remove_file(path).map_err(|error| {
        format!(
            "An unfinished copy of it is in the way and could not be removed ({error}): {}",
            path.display()
        )
    })
}

/// The sample register's file name in the data folder.
pub const SAMPLE_FILE_NAME: &str = "Sample council register.atlas";

impl AtlasApp {
    pub(super) fn start(&mut self, file: Option<PathBuf>) {
        // Copies of registers that killed programs (older versions) left in the temporary
        // folder: nothing uses them.
        crate::store::remove_stale_temporary_copies();
        let first_start = self.load_settings();
        if let Some(path) = file {
            if let Err(failure) = self.open_path(&path, OpenFor::Editing) {
                self.report(failure);
            }
            return;
        }
        if let Some(recent) = self.settings.most_recent().map(Path::to_path_buf) {
            if let Err(mut failure) = self.open_path(&recent, OpenFor::Editing) {
                failure.text = format!(
                    "The register you used last could not be opened. {}",
                    failure.text
                );
                self.report(failure);
            }
            return;
        }
        if first_start || !self.settings.sample_created {
            self.open_sample();
        }
    }

    /// Reads the settings; returns whether this is the very first start (no settings yet).
    pub(super) fn load_settings(&mut self) -> bool {
        let Some(folder) = self.settings_folder.clone() else {
            self.messages.about_program(
                MessageKind::Notice,
                "Your data folder could not be found, so recent registers will not be remembered",
            );
            return false;
        };
        match Settings::load(&folder) {
            Ok(Some(settings)) => {
                self.settings = settings;
                self.ui_state.navigation_hidden = self.settings.navigation_hidden;
                self.restore_record_pane();
                false
            }
            Ok(None) => true,
            Err(message) => {
                self.messages.about_program(MessageKind::Error, message);
                false
            }
        }
    }

    /// Writes the settings, saying so if that fails (nothing else depends on it).
    pub(super) fn save_settings(&mut self) {
        if let Some(folder) = &self.settings_folder
            && let Err(message) = self.settings.save(folder)
        {
            self.messages.about_program(MessageKind::Error, message);
        }
    }

    /// Copies the built-in sample register into the data folder (once) and opens it.
    fn open_sample(&mut self) {
        let Some(folder) = self.settings_folder.clone() else {
            return;
        };
        let path = folder.join(SAMPLE_FILE_NAME);
        let opened = if path.exists() {
            match Document::open(&path) {
                // An older version killed while it made the sample left it unfinished: it
                // holds nothing, and the sample is the program's own. Make it again.
                Err(StoreError::Unfinished(_)) => remove_unfinished(&path).and_then(|()| {
                    Document::create(
                        &path,
                        crate::sample::sample_register_as_at(chrono::Local::now().date_naive()),
                    )
                    .map_err(|error| error.to_string())
                }),
                other => other.map_err(|error| error.to_string()),
            }
        } else {
            std::fs::create_dir_all(&folder)
                .map_err(|error| {
                    format!(
                        "The folder for the sample register could not be made ({error}): {}",
                        folder.display()
                    )
                })
                .and_then(|()| {
                    Document::create(
                        &path,
                        crate::sample::sample_register_as_at(chrono::Local::now().date_naive()),
                    )
                    .map_err(|error| error.to_string())
                })
        };
        match opened {
            Ok(document) => {
                self.settings.sample_created = true;
                let council = document.register().settings.council_name.clone();
                self.install_document(document);
                self.messages.notice(format!(
                    "This is the sample register of {}, a fictional council, so you can try \
                     things out. Changes are saved in this copy only: {}. To start your own \
                     register, choose File, New register.",
                    if council.is_empty() {
                        "a district council".to_string()
                    } else {
                        council
                    },
                    path.display()
                ));
            }
            Err(message) => {
                // Not marked as done: the next start tries again.
                self.messages.error(format!(
                    "The sample register could not be set up. {message}"
                ));
            }
        }
    }
}
