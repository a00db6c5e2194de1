//! Exports asked for from the window: the risk/value matrix to SVG, PNG (300 dpi) or PDF on
//! A4 landscape, from the same scene the Risk/value matrix panel shows, and the annual review
//! overview to XLSX or CSV. Both are as at the date and financial year chosen in the Annual
//! review panel (today and this year unless changed).

use std::path::Path;

use super::AtlasApp;
use super::command_handling::Failure;
use crate::export::{self, Format, PageSetup, TableFormat, matrix, overview_csv, overview_xlsx};
use crate::platform::{write_failure_words, write_file_atomically};
use crate::scoring;

/// Writes an export whole or not at all (a failure leaves no file, or the old one).
pub(super) fn write_export(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_file_atomically(path, bytes).map_err(|error| {
        Failure::from(format!(
            "{} could not be written: {}",
            path.display(),
            write_failure_words(&error)
        ))
    })
}

impl AtlasApp {
    /// Writes the matrix of the open register, as at the overview's date, to `path` (format
    /// by extension).
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
        let basis = self.ui_state.overview.basis();
        let chart = matrix::matrix_chart_for(document.register(), &basis);
        let setup = PageSetup::new(export::PaperSize::A4, export::Orientation::Landscape);
        let bytes = export::export(&chart.scene, &setup, format)
            .map_err(|error| Failure::from(format!("The matrix could not be made: {error}")))?;
        write_export(path, &bytes)?;
        self.messages.notice(format!(
            "Exported the risk/value matrix ({}, A4 landscape, {}): {}",
            crate::model::words::counted(chart.points.len(), "partnership"),
            basis.describe(),
            path.display()
        ));
        Ok(())
    }

    /// Writes the annual review overview of the open register to `path`: an Excel workbook
    /// for `.xlsx`, CSV for `.csv`.
    pub(super) fn export_overview_to(&mut self, path: &Path) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to export from"
                .to_string()
                .into());
        };
        let format = TableFormat::from_path(path).ok_or_else(|| {
            Failure::from(format!(
                "{}: end the name with .xlsx or .csv to choose the format",
                path.display()
            ))
        })?;
        let basis = self.ui_state.overview.basis();
        let overview = scoring::overview_for(document.register(), &basis);
        let bytes = match format {
            TableFormat::Csv => overview_csv::overview_csv(&overview).into_bytes(),
            TableFormat::Xlsx => overview_xlsx::overview_xlsx(&overview)
                .map_err(|error| Failure::from(format!("The table could not be made: {error}")))?,
        };
        write_export(path, &bytes)?;
        self.messages.notice(format!(
            "Exported the annual review table ({}, {}): {}",
            crate::model::words::counted(overview.rows.len(), "partnership"),
            basis.describe(),
            path.display()
        ));
        Ok(())
    }

    /// Writes an analysis answer of the open register to `path` as a table (format by the
    /// extension: .csv, .xlsx, .docx or .pdf).
    pub(super) fn export_analysis_to(
        &mut self,
        question: crate::analysis::Question,
        settings: &crate::analysis::AnalysisSettings,
        path: &Path,
    ) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to export from"
                .to_string()
                .into());
        };
        let register = document.register();
        let table = export::analysis_tables::answer_table(register, question, settings);
        let bytes =
            export::analysis_tables::encode_for_path(&table, path, &register.settings.council_name)
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
