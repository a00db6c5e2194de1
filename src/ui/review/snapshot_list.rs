//! Taking a snapshot, and the list of snapshots with rename and delete.

use super::{ReviewPanelState, send_or_report, typed_day};
use crate::model::words::counted;
use crate::review::snapshots::snapshots_newest_first;
use crate::review::{delete_snapshot, rename_snapshot, take_snapshot};
use crate::ui::{Command, CommandQueue, PanelContext};

/// The local time now, as snapshots record it.
fn now_text() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Name, "as at" day and the Take snapshot button.
pub(super) fn take_snapshot_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ReviewPanelState,
    commands: &mut CommandQueue,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Snapshot name").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .desired_width(280.0)
                .hint_text("As at Cabinet 22 March 2026"),
        )
        .labelled_by(label);
        let label = ui.label("As at").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.new_date)
                .desired_width(90.0)
                .hint_text("today"),
        )
        .labelled_by(label)
        .on_hover_text("The day the snapshot stands for (YYYY-MM-DD); empty for today");
        let day = typed_day(&state.new_date);
        let can = !context.read_only && !state.new_name.trim().is_empty() && day.is_ok();
        let button = ui
            .add_enabled(can, egui::Button::new("Take snapshot"))
            .on_disabled_hover_text(if context.read_only {
                "This register is open to look at only"
            } else {
                "Type a name, and the day as YYYY-MM-DD or nothing"
            });
        if button.clicked()
            && let Ok(day) = day
        {
            send_or_report(
                commands,
                take_snapshot(context.register, &state.new_name, day, &now_text()),
            );
            state.new_name.clear();
            state.new_date.clear();
        }
        if let Err(error) = typed_day(&state.new_date) {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
}

/// The snapshots, newest first, each with Compare with now, Rename and Delete.
pub(super) fn snapshot_list_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ReviewPanelState,
    commands: &mut CommandQueue,
) {
    let snapshots = snapshots_newest_first(context.register);
    ui.strong(counted(snapshots.len(), "snapshot"));
    if snapshots.is_empty() {
        ui.weak("No snapshot yet: take one when the register is approved.");
        return;
    }
    egui::Grid::new("snapshots")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            ui.strong("Name");
            ui.strong("As at");
            ui.strong("Taken");
            ui.strong("");
            ui.end_row();
            for snapshot in snapshots {
                let renaming = state.renaming.as_mut().filter(|(id, _)| *id == snapshot.id);
                if let Some((id, name)) = renaming {
                    let id = *id;
                    let response = ui.add(egui::TextEdit::singleline(name).desired_width(260.0));
                    let done =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let typed = name.clone();
                    if done {
                        match rename_snapshot(context.register, id, &typed) {
                            Ok(Some(edit)) => commands.send(Command::edit(edit)),
                            Ok(None) => {}
                            Err(error) => commands.send(Command::ReportError(error.to_string())),
                        }
                        state.renaming = None;
                    }
                } else {
                    ui.label(&snapshot.name);
                }
                ui.label(
                    snapshot
                        .as_at_date()
                        .map_or_else(String::new, |d| d.format("%-d %B %Y").to_string()),
                );
                ui.label(snapshot.taken_at.replace('T', " ").get(..16).unwrap_or(""));
                ui.horizontal(|ui| {
                    if ui
                        .button("Compare with now")
                        .on_hover_text(format!("What changed since “{}”", snapshot.name))
                        .clicked()
                    {
                        state.since = Some(snapshot.id);
                        state.to = None;
                        state.shown = None;
                    }
                    if ui
                        .button("Open read-only")
                        .on_hover_text(
                            "Look at the register as this snapshot holds it; open the register \
                             again to edit",
                        )
                        .clicked()
                    {
                        commands.send(Command::OpenSnapshot(snapshot.id));
                    }
                    let editable = !context.read_only;
                    if ui
                        .add_enabled(editable, egui::Button::new("Rename"))
                        .clicked()
                    {
                        state.renaming = Some((snapshot.id, snapshot.name.clone()));
                    }
                    if ui
                        .add_enabled(editable, egui::Button::new("Delete"))
                        .on_hover_text("Undo (Ctrl+Z) brings it back")
                        .clicked()
                    {
                        send_or_report(commands, delete_snapshot(context.register, snapshot.id));
                    }
                });
                ui.end_row();
            }
        });
}
