//! The import preview as a table: each row's number, what it would do, its name, and its
//! changes (old to new) or reasons; then the links naming no record and the probable duplicates.

use crate::import::ImportPreview;
use crate::tables::RowOutcome;

/// Draws the preview.
pub(super) fn preview_ui(ui: &mut egui::Ui, preview: &ImportPreview) {
    if let Some(problem) = &preview.problem {
        ui.colored_label(crate::ui::theme::invalid_text_colour(ui.visuals()), problem);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("import_preview")
        .max_height(ui.available_height() - 40.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("import_preview_rows")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("Row");
                    ui.strong("Does");
                    ui.strong("Name");
                    ui.strong("Changes and reasons");
                    ui.end_row();
                    for row in &preview.rows {
                        ui.label(row.line.to_string());
                        let colour = match row.outcome {
                            RowOutcome::Invalid => {
                                crate::ui::theme::invalid_text_colour(ui.visuals())
                            }
                            RowOutcome::Unchanged => {
                                crate::ui::theme::weak_text_colour(ui.visuals())
                            }
                            _ => crate::ui::theme::good_text_colour(ui.visuals()),
                        };
                        ui.colored_label(colour, row.outcome.label());
                        ui.label(&row.name);
                        ui.vertical(|ui| {
                            for change in &row.changes {
                                ui.label(format!(
                                    "{}: “{}” → “{}”",
                                    change.field, change.old, change.new
                                ));
                            }
                            for reason in &row.reasons {
                                ui.label(reason);
                            }
                        });
                        ui.end_row();
                    }
                });
            if !preview.unresolved.is_empty() {
                ui.add_space(6.0);
                ui.strong("Links that name no record");
                for link in &preview.unresolved {
                    let rows: Vec<String> = link.rows.iter().map(usize::to_string).collect();
                    let fate = if link.created {
                        " (will be created)"
                    } else {
                        ""
                    };
                    ui.label(format!(
                        "{} “{}”, rows {}{fate}",
                        link.what,
                        link.name,
                        rows.join(", ")
                    ));
                }
            }
            if !preview.duplicates.is_empty() {
                ui.add_space(6.0);
                ui.strong("Probable duplicates");
                for duplicate in &preview.duplicates {
                    ui.label(duplicate.words());
                }
            }
        });
}
