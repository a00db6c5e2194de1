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
                    "Not pasted (worked out from other records): {}",
                    preview.read_only_headings.join(", ")
                ));
            }
            ui.separator();
            ui.label(egui::RichText::new(format!("Preview: {}", preview.summary())).strong());
            let invalid_colour = crate::ui::theme::invalid_text_colour(ui.visuals());
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    egui::Grid::new("paste_preview_rows")
                        .striped(true)
                        .num_columns(3)
                        .show(ui, |ui| {
                            for row in &preview.rows {
                                ui.label(format!("Row {}", row.number));
                                let outcome = egui::RichText::new(row.outcome.label());
                                ui.label(if row.outcome == RowOutcome::Invalid {
                                    outcome.color(invalid_colour).strong()
                                } else {
                                    outcome
                                });
                                ui.vertical(|ui| {
                                    ui.label(&row.name);
                                    for error in &row.errors {
                                        ui.label(egui::RichText::new(error).color(invalid_colour));
                                    }
                                });
                                ui.end_row();
                            }
                        });
                });
            ui.separator();
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
