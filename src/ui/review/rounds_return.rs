//! The preview of a returned questionnaire: every answer that changes the register, field by
//! field (old and new), and every one that cannot go in with why; Apply makes it one undoable
//! step audited as "questionnaire" (refused, with nothing changed, while any answer is invalid).

use super::rounds::RoundsPanelState;
use crate::review::rounds::LineOutcome;
use crate::ui::{Command, CommandQueue, PanelContext};

/// Draws the preview window while a returned questionnaire is waiting.
pub(super) fn preview_window(
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    state: &mut RoundsPanelState,
    commands: &mut CommandQueue,
) {
    let Some(preview) = &state.preview else {
        return;
    };
    let mut close = false;
    egui::Window::new("Returned questionnaire")
        .collapsible(false)
        .default_width(760.0)
        .max_width(960.0)
        .show(ctx, |ui| {
            ui.strong(format!(
                "{} (round “{}”), from {}",
                preview.partnership_name, preview.round_name, preview.file_name
            ));
            if let Some(before) = preview.returned_before {
                ui.weak(format!(
                    "Marked returned before, on {}: applying this reads it again.",
                    before.format("%-d %B %Y")
                ));
            }
            let changed = preview.changed();
            let invalid = preview.invalid();
            ui.label(format!(
                "{} changed, {} unchanged, {invalid} that cannot go in",
                crate::model::words::counted(changed, "answer"),
                preview.lines.len() - changed - invalid
            ));
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    // One block per answer that does something, the words wrapped to the window.
                    for line in &preview.lines {
                        if line.outcome == LineOutcome::Unchanged {
                            continue;
                        }
                        ui.add_space(4.0);
                        ui.strong(&line.question);
                        ui.add(
                            egui::Label::new(format!("The register holds: {}", line.old)).wrap(),
                        );
                        ui.add(egui::Label::new(format!("The answer: {}", line.new)).wrap());
                        if let LineOutcome::Invalid(why) = &line.outcome {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("Cannot go in: {why}"),
                            );
                        }
                    }
                });
            ui.horizontal(|ui| {
                let can = preview.edit.is_some() && !context.read_only;
                if ui
                    .add_enabled(can, egui::Button::new("Apply answers"))
                    .on_disabled_hover_text(
                        "Correct the answers that cannot go in, and read it again",
                    )
                    .clicked()
                {
                    commands.send(Command::ApplyQuestionnaire);
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
    if close {
        state.preview = None;
    }
}
