//! Exports asked for from the Review section: what changed since a snapshot, as a table
//! (CSV, XLSX, DOCX or PDF by the extension), the same table `report FILE changes` writes.

use std::path::Path;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::export::analysis_tables::encode_for_path;
use crate::export::changes_table::changes_table;
use crate::model::SnapshotId;
use crate::review::changes_between;

impl AtlasApp {
    /// Shows snapshot `id` of the open register read-only in its place.
    pub(super) fn open_snapshot(&mut self, id: SnapshotId) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open".to_string().into());
        };
        let snapshot = document
            .register()
            .snapshots
            .get(&id)
            .ok_or_else(|| Failure::from("That snapshot has been deleted".to_string()))?;
        let register = crate::review::snapshot_register(snapshot)
            .map_err(|error| Failure::from(error.to_string()))?;
        let as_at = snapshot.as_at_date().map_or_else(String::new, |day| {
            format!(", as at {}", day.format("%-d %B %Y"))
        });
        let description = format!("Snapshot “{}”{as_at}", snapshot.name);
        let path = document.path().to_path_buf();
        let view = crate::document::Document::snapshot_view(&path, register, description)
            .map_err(|error| Failure::from(error.to_string()))?;
        self.install_document(view);
        Ok(())
    }

    /// Writes what changed from snapshot `since` to snapshot `to` (or now) to `path`.
    pub(super) fn export_changes_to(
        &mut self,
        since: SnapshotId,
        to: Option<SnapshotId>,
        path: &Path,
    ) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to export from"
                .to_string()
                .into());
        };
        let register = document.register();
        let today = chrono::Local::now().date_naive();
        let changes = changes_between(register, since, to, today)
            .map_err(|error| Failure::from(error.to_string()))?;
        let table = changes_table(&changes, &register.settings.source_line);
        let bytes = encode_for_path(&table, path, &register.settings.council_name)
            .map_err(Failure::from)?;
        crate::platform::write_file_atomically(path, &bytes).map_err(|error| {
            Failure::from(format!(
                "{} could not be written: {}",
                path.display(),
                crate::platform::write_failure_words(&error)
            ))
        })?;
        self.messages.notice(format!(
            "Exported “{}” ({}): {}",
            table.title,
            table.describe_rows(),
            path.display()
        ));
        Ok(())
    }
}
