//! Exports asked for from the window: the risk/value matrix to SVG, PNG (300 dpi) or PDF on
//! A4 landscape, from the same scene the Risk/value matrix panel shows.

use std::path::Path;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::export::{self, Format, PageSetup, matrix};

impl AtlasApp {
    /// Writes the matrix of the open register, as at today, to `path` (format by extension).
    pub(super) fn export_matrix_to(&mut self, path: &Path) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to export from"
                .to_string()
                .into());
        };
        let format = Format::from_path(path, 300).ok_or_else(|| {
            Failure::from(format!(
                "{}: end the name with .png, .svg or .pdf to choose the format",
                path.display()
            ))
        })?;
        let today = chrono::Local::now().date_naive();
        let chart = matrix::matrix_chart(document.register(), today);
        let setup = PageSetup::new(export::PaperSize::A4, export::Orientation::Landscape);
        let bytes = export::export(&chart.scene, &setup, format)
            .map_err(|error| Failure::from(format!("The matrix could not be made: {error}")))?;
        std::fs::write(path, bytes).map_err(|error| {
            Failure::from(format!("{} could not be written: {error}", path.display()))
        })?;
        self.messages.notice(format!(
            "Exported the risk/value matrix ({} partnerships, A4 landscape): {}",
            chart.points.len(),
            path.display()
        ));
        Ok(())
    }
}
