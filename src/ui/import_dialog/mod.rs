//! The import window (File, Import...): the file read, its sheet, the heading row, what the rows
//! are, where each column goes (a choice per column), and the preview of every row with its
//! reasons, the links that name no record and the probable duplicates. Apply sends
//! [`Command::ApplyImport`]; the app imports all rows as one undoable step.

mod preview_table;

use std::path::PathBuf;

use super::{Command, CommandQueue};
use crate::import::{ImportEntity, ImportOptions, ImportPreview, SheetTable};

/// The import window's state while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportDialog {
    /// The file read.
    pub path: PathBuf,
    /// Its cells, as read.
    pub table: SheetTable,
    /// The sheet wanted (read again when it differs from the table's).
    pub sheet: String,
    /// What to import and how.
    pub options: ImportOptions,
    /// The preview of the options as they are.
    pub preview: Option<ImportPreview>,
    /// Why the file or the options cannot be read.
    pub error: Option<String>,
    /// The choices came from the last import of a file with these headings.
    pub remembered: bool,
}

/// Draws the import window.
pub fn import_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut ImportDialog,
    commands: &mut CommandQueue,
) {
    let mut open = true;
    let mut changed = false;
    egui::Window::new("Import from a spreadsheet")
        .id(egui::Id::new("import_dialog"))
        .open(&mut open)
        .default_size([1100.0, 720.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(format!("File: {}", dialog.path.display()));
            ui.horizontal(|ui| {
                if dialog.table.sheets.len() > 1 {
                    ui.label("Sheet");
                    egui::ComboBox::from_id_salt("import_sheet")
                        .selected_text(dialog.sheet.clone())
                        .show_ui(ui, |ui| {
                            for sheet in dialog.table.sheets.clone() {
                                changed |= ui.selectable_value(&mut dialog.sheet, sheet.clone(), sheet).changed();
                            }
                        });
                }
                ui.label("Rows are");
                egui::ComboBox::from_id_salt("import_entity")
                    .selected_text(dialog.options.entity.name())
                    .show_ui(ui, |ui| {
                        for entity in ImportEntity::ALL {
                            if ui.selectable_value(&mut dialog.options.entity, entity, entity.name()).changed() {
                                dialog.options.map = Default::default();
                                changed = true;
                            }
                        }
                    });
                ui.label("Headings in row");
                let mut row = dialog.options.header_row.or(dialog.preview.as_ref().map(|p| p.header_row)).unwrap_or(1);
                let most = dialog.table.rows.len().max(1);
                if ui.add(egui::DragValue::new(&mut row).range(1..=most)).changed() {
                    dialog.options.header_row = Some(row);
                    changed = true;
                }
                changed |= ui
                    .checkbox(&mut dialog.options.create_missing, "Create missing records")
                    .on_hover_text("Make an organisation, person or partnership for each name no record answers to")
                    .changed();
            });
            if dialog.remembered {
                ui.label("Columns are mapped as you mapped this layout of headings last time.");
            }
            if let Some(error) = &dialog.error {
                ui.colored_label(super::theme::invalid_text_colour(ui.visuals()), error);
            }
            if let Some(preview) = &dialog.preview {
                changed |= mapping_ui(ui, dialog.options.entity, preview, &mut dialog.options);
                ui.separator();
                changed |= preview_table::preview_ui(ui, preview, &mut dialog.options.duplicates);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let can_apply = dialog.preview.as_ref().is_some_and(ready_to_apply);
                if ui
                    .add_enabled(can_apply, egui::Button::new("Apply import"))
                    .on_disabled_hover_text("Fix the rows marked Invalid, the links that name no record, and say whether each probable duplicate is the same or new")
                    .clicked()
                {
                    commands.send(Command::ApplyImport);
                }
                if ui.button("Cancel").clicked() {
                    commands.send(Command::CloseImport);
                }
                if let Some(preview) = &dialog.preview {
                    ui.label(preview.summary());
                }
            });
        });
    if !open {
        commands.send(Command::CloseImport);
    }
    if changed {
        commands.send(Command::RefreshImport);
    }
}

/// Whether the window may apply the preview: it can be applied and every probable duplicate is
/// settled.
pub fn ready_to_apply(preview: &ImportPreview) -> bool {
    preview.can_apply() && preview.unsettled() == 0
}

/// One choice per column of where it goes; returns whether one changed.
fn mapping_ui(
    ui: &mut egui::Ui,
    entity: ImportEntity,
    preview: &ImportPreview,
    options: &mut ImportOptions,
) -> bool {
    let fields = entity.fields();
    let mut changed = false;
    ui.label("Columns (choose where each goes):");
    egui::ScrollArea::horizontal()
        .id_salt("import_mapping")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (position, heading) in preview.headings.iter().enumerate() {
                    ui.vertical(|ui| {
                        let shown = if heading.heading.is_empty() {
                            format!("Column {}", position + 1)
                        } else {
                            heading.heading.clone()
                        };
                        ui.label(&shown);
                        let current = heading
                            .field
                            .and_then(|id| fields.iter().find(|(field, _)| *field == id))
                            .map_or("(left out)", |(_, label)| label);
                        let combo = egui::ComboBox::from_id_salt(("import_map", position))
                            .selected_text(current)
                            .show_ui(ui, |ui| {
                                if ui
                                    .selectable_label(heading.field.is_none(), "(left out)")
                                    .clicked()
                                {
                                    options.map.set(&heading.heading, None);
                                    changed = true;
                                }
                                for (id, label) in &fields {
                                    if ui
                                        .selectable_label(heading.field == Some(*id), *label)
                                        .clicked()
                                    {
                                        options.map.set(&heading.heading, Some(id));
                                        changed = true;
                                    }
                                }
                            });
                        if let Some(why) = &heading.left_out {
                            combo.response.on_hover_text(why);
                        }
                    });
                }
            });
        });
    changed
}
