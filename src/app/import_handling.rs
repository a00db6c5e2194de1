//! The import window's commands: read the file chosen, preview it again when the sheet, heading
//! row, kind or mapping changes, and apply it as one undoable step audited as "import". The
//! choices applied are remembered for the file's layout in the settings, and offered again
//! when a file with the same headings is imported.

use std::path::Path;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::import::{ImportOptions, build_preview, read_table};
use crate::store::EditOrigin;
use crate::ui::ImportDialog;

impl AtlasApp {
    /// Reads `path` into a new import window and previews it.
    pub(super) fn import_from(&mut self, path: &Path) -> Result<(), Failure> {
        if self.document.is_none() {
            return Err("There is no register open to import into"
                .to_string()
                .into());
        }
        let bytes = std::fs::read(path)
            .map_err(|error| format!("{} cannot be read: {error}", path.display()))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let table = read_table(&file_name, &bytes, None).map_err(|error| error.to_string())?;
        let mut options = ImportOptions {
            file_name,
            ..ImportOptions::default()
        };
        let recalled = self.settings.import_layouts.recall(&table);
        if let Some(recalled) = &recalled {
            options.entity = recalled.entity;
            options.header_row = Some(recalled.header_row);
            options.map = recalled.map.clone();
        }
        self.ui_state.import = Some(ImportDialog {
            path: path.to_path_buf(),
            sheet: table.sheet.clone(),
            table,
            options,
            preview: None,
            error: None,
            remembered: recalled.is_some(),
        });
        self.refresh_import();
        Ok(())
    }

    /// Previews the import again with the window's choices (reading the file again for
    /// another sheet).
    pub(super) fn refresh_import(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        let Some(dialog) = &mut self.ui_state.import else {
            return;
        };
        dialog.error = None;
        if dialog.sheet != dialog.table.sheet {
            let read = std::fs::read(&dialog.path)
                .map_err(|error| format!("{} cannot be read: {error}", dialog.path.display()))
                .and_then(|bytes| {
                    read_table(&dialog.options.file_name, &bytes, Some(&dialog.sheet))
                        .map_err(|e| e.to_string())
                });
            match read {
                Ok(table) => {
                    dialog.table = table;
                    dialog.options.header_row = None;
                }
                Err(error) => {
                    dialog.error = Some(error);
                    return;
                }
            }
        }
        let today = chrono::Local::now().date_naive();
        match build_preview(document.register(), today, &dialog.table, &dialog.options) {
            Ok(preview) => dialog.preview = Some(preview),
            Err(error) => dialog.error = Some(error.to_string()),
        }
    }

    /// Applies the previewed import as one step and closes the window.
    pub(super) fn apply_import(&mut self) {
        self.refresh_import();
        let Some(edit) = self
            .ui_state
            .import
            .as_ref()
            .and_then(|d| d.preview.as_ref())
            .filter(|p| crate::ui::import_dialog::ready_to_apply(p))
            .and_then(|p| p.edit().cloned())
        else {
            self.messages.error(
                "The import cannot be applied: fix the rows marked Invalid and the links that name no record, and say whether each probable duplicate is the same or new",
            );
            return;
        };
        let Some(document) = &mut self.document else {
            return;
        };
        let description = edit.describe();
        match document.apply_from(edit, EditOrigin::Import) {
            Ok(()) => {
                self.revision += 1;
                if let Some(dialog) = self.ui_state.import.take()
                    && let Some(preview) = &dialog.preview
                    && let Some(headings) = dialog.table.rows.get(preview.header_row - 1)
                {
                    self.settings
                        .import_layouts
                        .remember(headings, &dialog.options);
                    self.save_settings();
                }
                self.messages.notice(format!(
                    "{description}: done. Edit, Undo takes it back in one step"
                ));
            }
            Err(error) => self
                .messages
                .error(format!("{error}. Nothing was imported")),
        }
    }
}
