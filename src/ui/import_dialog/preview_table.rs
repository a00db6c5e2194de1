//! The import preview as a table: each row's number, what it would do, its name, and its
//! changes (old to new) or reasons; then the links naming no record and the probable duplicates,
//! each answered "the same" or "new" (Apply waits until every one is).

use crate::import::ImportPreview;
use crate::import::duplicates::{DuplicateChoice, DuplicateChoices, OtherRecord};
use crate::tables::RowOutcome;

/// Draws the preview, with the answers to its probable duplicates; returns whether one changed.
pub(super) fn preview_ui(
    ui: &mut egui::Ui,
    preview: &ImportPreview,
    choices: &mut DuplicateChoices,
) -> bool {
    let mut changed = false;
    if let Some(problem) = &preview.problem {
        ui.colored_label(crate::ui::theme::invalid_text_colour(ui.visuals()), problem);
        return changed;
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
                    ui.label(link.words());
                }
            }
            if !preview.duplicates.is_empty() {
                ui.add_space(6.0);
                ui.strong("Probable duplicates: say whether each is the same body or a new one");
                changed |= duplicates_ui(ui, preview, choices);
            }
        });
    changed
}

/// Each probable duplicate with its answers (the same, or new), and one answer for the rest.
fn duplicates_ui(
    ui: &mut egui::Ui,
    preview: &ImportPreview,
    choices: &mut DuplicateChoices,
) -> bool {
    let mut changed = false;
    for duplicate in &preview.duplicates {
        ui.horizontal_wrapped(|ui| {
            let same = match duplicate.other {
                OtherRecord::Register => "Same: update it",
                OtherRecord::Row(_) => "Same: leave this row out",
            };
            for (label, choice) in [(same, DuplicateChoice::Same), ("New", DuplicateChoice::New)] {
                if ui
                    .selectable_label(duplicate.choice == Some(choice), label)
                    .clicked()
                {
                    if duplicate.choice == Some(choice) {
                        choices.remove(&duplicate.key());
                    } else {
                        choices.insert(duplicate.key(), choice);
                    }
                    changed = true;
                }
            }
            ui.label(duplicate.words());
        });
    }
    if preview.unsettled() > 0 && ui.button("The rest are all new").clicked() {
        for duplicate in preview.duplicates.iter().filter(|d| d.choice.is_none()) {
            choices.insert(duplicate.key(), DuplicateChoice::New);
        }
        changed = true;
    }
    changed
}
