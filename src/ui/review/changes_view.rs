//! Choosing what to compare, and the change list with its summary and export. The list is
//! the report table the export writes (`export::changes_table`), drawn as a grid, so the
//! screen and the paper say the same.

use super::{ReviewPanelState, ShownChanges};
use crate::export::changes_table::changes_table;
use crate::export::table::Pence;
use crate::model::{Register, SnapshotId};
use crate::review::snapshots::snapshots_newest_first;
use crate::review::{Changes, changes_between, summary};
use crate::ui::{Command, CommandQueue, PanelContext};

fn snapshot_name(register: &Register, id: Option<SnapshotId>) -> String {
    match id {
        None => "Now".to_string(),
        Some(id) => register
            .snapshots
            .get(&id)
            .map_or_else(|| "(deleted snapshot)".to_string(), |s| s.name.clone()),
    }
}

fn work_out(
    register: &Register,
    since: SnapshotId,
    to: Option<SnapshotId>,
) -> Result<Changes, String> {
    let today = chrono::Local::now().date_naive();
    changes_between(register, since, to, today).map_err(|error| error.to_string())
}

/// From and To, and the Compare button; works the comparison out when asked.
pub(super) fn compare_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ReviewPanelState,
) {
    let register = context.register;
    if register.snapshots.is_empty() {
        return;
    }
    let snapshots = snapshots_newest_first(register);
    let mut asked = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare");
        egui::ComboBox::from_id_salt("compare_since")
            .selected_text(state.since.map_or_else(
                || "choose a snapshot".to_string(),
                |id| snapshot_name(register, Some(id)),
            ))
            .show_ui(ui, |ui| {
                for snapshot in &snapshots {
                    ui.selectable_value(&mut state.since, Some(snapshot.id), &snapshot.name);
                }
            });
        ui.label("with");
        egui::ComboBox::from_id_salt("compare_to")
            .selected_text(snapshot_name(register, state.to))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.to, None, "Now");
                for snapshot in &snapshots {
                    ui.selectable_value(&mut state.to, Some(snapshot.id), &snapshot.name);
                }
            });
        asked = ui
            .add_enabled(state.since.is_some(), egui::Button::new("Compare"))
            .clicked();
    });
    let Some(since) = state.since else {
        return;
    };
    let stale = state
        .shown
        .as_ref()
        .is_none_or(|shown| shown.since != since || shown.to != state.to);
    if asked || stale {
        match work_out(register, since, state.to) {
            Ok(changes) => {
                state.shown = Some(ShownChanges {
                    since,
                    to: state.to,
                    revision: context.revision,
                    changes,
                });
            }
            Err(error) => {
                state.shown = None;
                state.since = None;
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        }
    }
}

/// The summary, the change list and the export.
pub(super) fn changes_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ReviewPanelState,
    commands: &mut CommandQueue,
) {
    let Some(shown) = &state.shown else {
        return;
    };
    ui.add_space(6.0);
    if shown.to.is_none() && shown.revision != context.revision {
        ui.weak(
            "The register has changed since this comparison: press Compare to bring it up to date.",
        );
    }
    ui.label(egui::RichText::new(summary(&shown.changes)).strong());
    let table = changes_table(&shown.changes, &context.register.settings.source_line);
    if let Some(note) = table.notes.get(1) {
        ui.weak(note);
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label("Export the changes to").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.export_path)
                .desired_width(320.0)
                .hint_text("a .csv, .xlsx, .docx or .pdf file"),
        )
        .labelled_by(label);
        let path = crate::ui::tidy_typed_path(&state.export_path);
        if ui
            .add_enabled(path.is_some(), egui::Button::new("Export changes"))
            .clicked()
            && let Some(path) = path
        {
            commands.send(Command::ExportChangesTo {
                since: shown.since,
                to: shown.to,
                path,
            });
        }
    });
    ui.add_space(4.0);
    if table.data_rows() == 0 {
        ui.weak("Nothing changed.");
        return;
    }
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    for group in &table.groups {
        ui.add_space(4.0);
        ui.strong(format!("{} ({})", group.heading, group.rows.len()));
        egui::Grid::new(("change_group", group.heading.as_str()))
            .striped(true)
            .num_columns(headings.len())
            .show(ui, |ui| {
                for heading in &headings {
                    ui.weak(*heading);
                }
                ui.end_row();
                for row in &group.rows {
                    for cell in &row.cells {
                        ui.label(cell.printed(Pence::Hidden));
                    }
                    ui.end_row();
                }
            });
    }
    if let Some(total) = &table.total {
        ui.add_space(4.0);
        let cells: Vec<String> = total
            .cells
            .iter()
            .map(|c| c.printed(Pence::Hidden))
            .collect();
        if let [_, what, before, after, ..] = cells.as_slice() {
            ui.label(
                egui::RichText::new(format!("{what}: {before} before, {after} after")).strong(),
            );
        }
    }
}
