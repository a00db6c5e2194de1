//! The user's settings kept between sessions: recently opened registers, and whether the
//! sample register has been set up. Stored as JSON in the data folder (`settings.json`).
//!
//! The register itself never lives here: it is in its own file, which the user can see.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many registers "Open recent" remembers.
pub const RECENT_FILES_KEPT: usize = 10;

/// The settings file's name inside the data folder.
pub const SETTINGS_FILE_NAME: &str = "settings.json";

/// Settings kept between sessions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Registers opened recently, newest first, as the user gave them (never rewritten).
    pub recent_files: Vec<PathBuf>,
    /// The sample register has been copied into the data folder once; not done again.
    pub sample_created: bool,
    /// Columns the user hid, by table id ("partnerships") and column id.
    pub hidden_columns: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// The navigation list is hidden to a narrow strip.
    pub navigation_hidden: bool,
    /// The partnership record pane's height under the table, as the user dragged it.
    pub record_pane_below: Option<f32>,
    /// The partnership record pane's width beside the table, as the user dragged it.
    pub record_pane_beside: Option<f32>,
    /// Import column mappings remembered per file layout (`import::layouts`).
    pub import_layouts: crate::import::layouts::RememberedLayouts,
}

impl Settings {
    /// Reads the settings in `folder`. No file means a first start (`Ok(None)`).
    pub fn load(folder: &Path) -> Result<Option<Self>, String> {
        let path = folder.join(SETTINGS_FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => {
                return Err(format!(
                    "Your settings could not be read ({error}), so the list of recent registers is empty: {}",
                    path.display()
                ));
            }
        };
        serde_json::from_str(&text).map(Some).map_err(|error| {
            format!(
                "Your settings file is damaged ({error}), so the list of recent registers starts again: {}",
                path.display()
            )
        })
    }

    /// Writes the settings to `folder` (made if missing), replacing the file whole.
    pub fn save(&self, folder: &Path) -> Result<(), String> {
        let path = folder.join(SETTINGS_FILE_NAME);
        let failed = |error: &dyn std::fmt::Display| {
            format!(
                "Your settings could not be saved ({error}); the list of recent registers will not be remembered: {}",
                path.display()
            )
        };
        std::fs::create_dir_all(folder).map_err(|error| failed(&error))?;
        let text = serde_json::to_string_pretty(self).map_err(|error| failed(&error))?;
        crate::platform::write_file_atomically(&path, text.as_bytes())
            .map_err(|error| failed(&crate::platform::write_failure_words(&error)))
    }

    /// Puts `path` at the top of the recent list (once), keeping at most [`RECENT_FILES_KEPT`].
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES_KEPT);
    }

    /// The register opened most recently.
    pub fn most_recent(&self) -> Option<&Path> {
        self.recent_files.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats_and_survive_a_round_trip() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut settings = Settings::default();
        let spaced = PathBuf::from("Council registers/Härborough 2026.atlas");
        let unc = PathBuf::from(r"\\fileserver\Policy\Partnerships\register.atlas");
        let drive = PathBuf::from(r"C:\Users\jo\Documents\register.atlas");
        settings.remember(&spaced);
        settings.remember(&unc);
        settings.remember(&drive);
        settings.remember(&spaced);
        assert_eq!(settings.recent_files, vec![spaced.clone(), drive, unc]);
        settings.save(folder.path()).expect("save");
        let loaded = Settings::load(folder.path())
            .expect("load")
            .expect("present");
        assert_eq!(loaded, settings);
        assert_eq!(loaded.most_recent(), Some(spaced.as_path()));
    }

    #[test]
    fn no_file_is_a_first_start_and_a_damaged_file_says_so() {
        let folder = tempfile::tempdir().expect("temp dir");
        assert_eq!(Settings::load(folder.path()), Ok(None));
        std::fs::write(folder.path().join(SETTINGS_FILE_NAME), "{ not json").expect("write");
        let error = Settings::load(folder.path()).expect_err("damaged");
        assert!(error.contains("damaged"), "{error}");
    }

    #[test]
    fn the_list_is_capped() {
        let mut settings = Settings::default();
        for index in 0..(RECENT_FILES_KEPT + 5) {
            settings.remember(Path::new(&format!("register {index}.atlas")));
        }
        assert_eq!(settings.recent_files.len(), RECENT_FILES_KEPT);
    }
}
