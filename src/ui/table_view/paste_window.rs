//! The paste preview window: the pasted rows (from Ctrl+V, or pasted into its text box), each
//! marked new, changed, unchanged or invalid with every invalid cell's reason. Apply writes
//! them all as one undoable step, and only when no row is invalid.

use super::{Notice, TableViewState};
use crate::model::words::plural;
use crate::model::{Entity, PartnershipId};
use crate::tables::{Lookup, PastePreview, RowOutcome, TableSpec};
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

pub(crate) fn paste_window_ui<T: Entity + 'static>(
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let Some(window) = state.paste.as_mut() else {
        return;
    };
    if window.checked_text.as_deref() != Some(window.text.as_str()) {
        let lookup = Lookup::new(context.register, super::today());
        window.preview = PastePreview::build(spec, &lookup, &window.text, shown, current);
        window.checked_text = Some(window.text.clone());
    }
    let mut close = false;
    let mut applied = None;
    egui::Window::new(format!("Paste rows into {}", plural(spec.noun)))
        .id(egui::Id::new(("paste_window", spec.id)))
        .collapsible(false)
        .default_width(760.0)
        .default_height(480.0)
        .show(ctx, |ui| {
            ui.label(
                "Paste rows copied from Excel into the box (Ctrl+V), with their heading line if \
                 you have one. Nothing is written until you press Apply.",
            );
            let label = ui.label("Rows to paste");
            ui.add(
                egui::TextEdit::multiline(&mut window.text)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY)
                    .code_editor(),
            )
            .labelled_by(label.id);
            let preview = &window.preview;
            if !preview.ignored_headings.is_empty() {
                ui.label(format!(
                    "Not pasted (no such column): {}",
                    preview.ignored_headings.join(", ")
                ));
            }
            if !preview.read_only_headings.is_empty() {
                ui.label(format!(
                    "Checked, not pasted (worked out from other records): {}",
                    preview.read_only_headings.join(", ")
                ));
            }
            ui.separator();
            ui.label(egui::RichText::new(format!("Preview: {}", preview.summary())).strong());
            let warnings = preview.warning_count();
            if warnings > 0 {
                ui.label(
                    egui::RichText::new(format!(
                        "{} to look at (marked ⚠): they do not stop the paste",
                        crate::model::words::counted(warnings, "cell")
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            egui::ScrollArea::both()
                .max_height(260.0)
                .auto_shrink([false, true])
                .show(ui, |ui| preview_grid_ui(ui, preview));
            ui.separator();
            let invalid_colour = crate::ui::theme::invalid_text_colour(ui.visuals());
            ui.horizontal(|ui| {
                let can_apply = preview.can_apply() && !context.read_only;
                let apply = ui
                    .add_enabled(can_apply, egui::Button::new("Apply"))
                    .on_hover_text("Write every row, as one step that Ctrl+Z undoes");
                if apply.clicked()
                    && let Some(batch) = preview.batch()
                {
                    applied = Some(preview.summary());
                    commands.send(Command::edit(batch));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                if preview.count(RowOutcome::Invalid) > 0 {
                    ui.label(
                        egui::RichText::new(
                            "Fix the invalid rows (or delete them from the box) to apply",
                        )
                        .color(invalid_colour),
                    );
                }
            });
        });
    if close {
        state.paste = None;
    }
    if let Some(summary) = applied {
        state.notice = Some(Notice {
            text: format!("Pasted: {summary}. Ctrl+Z undoes the whole paste."),
            error: false,
            offer_removal: None,
        });
    }
}

/// Every pasted cell under the column it went to: how it was read, refused cells in the
/// invalid colour with their reasons, warnings marked ⚠; each row's problems at its end.
fn preview_grid_ui(ui: &mut egui::Ui, preview: &PastePreview) {
    let invalid_colour = crate::ui::theme::invalid_text_colour(ui.visuals());
    let warn_colour = ui.visuals().warn_fg_color;
    let weak_colour = crate::ui::theme::weak_text_colour(ui.visuals());
    egui::Grid::new("paste_preview_rows")
        .striped(true)
        .num_columns(preview.headings.len() + 3)
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Row").strong());
            ui.label(egui::RichText::new("Outcome").strong());
            for heading in &preview.headings {
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(&heading.pasted).strong());
                    let went = match heading.column {
                        None => "not pasted".to_string(),
                        Some(column) if heading.worked_out => format!("{column}: checked only"),
                        Some(column) if column == heading.pasted => String::new(),
                        Some(column) => format!("into {column}"),
                    };
                    if !went.is_empty() {
                        ui.label(egui::RichText::new(went).small().color(weak_colour));
                    }
                });
            }
            ui.label(egui::RichText::new("Problems").strong());
            ui.end_row();
            for row in &preview.rows {
                ui.label(format!("Row {}", row.number));
                let outcome = egui::RichText::new(row.outcome.label());
                ui.label(if row.outcome == RowOutcome::Invalid {
                    outcome.color(invalid_colour).strong()
                } else {
                    outcome
                });
                for cell in &row.cells {
                    ui.vertical(|ui| {
                        let text = egui::RichText::new(&cell.text);
                        if let Some(reason) = &cell.refusal {
                            ui.label(text.color(invalid_colour).strong())
                                .on_hover_text(reason);
                        } else if let Some(warning) = &cell.warning {
                            ui.label(text.color(warn_colour)).on_hover_text(warning);
                        } else {
                            ui.label(text);
                        }
                        if let Some(reading) = &cell.reading {
                            ui.label(
                                egui::RichText::new(format!("read as {reading}"))
                                    .small()
                                    .color(weak_colour),
                            );
                        }
                    });
                }
                for _ in row.cells.len()..preview.headings.len() {
                    ui.label("");
                }
                ui.vertical(|ui| {
                    for error in &row.errors {
                        ui.label(egui::RichText::new(error).color(invalid_colour));
                    }
                    for (position, cell) in row.cells.iter().enumerate() {
                        if let Some(warning) = &cell.warning {
                            let column = preview
                                .headings
                                .get(position)
                                .map_or("", |heading| heading.pasted.as_str());
                            ui.label(
                                egui::RichText::new(format!("⚠ {column}: {warning}"))
                                    .color(warn_colour),
                            );
                        }
                    }
                });
                ui.end_row();
            }
        });
}
