//! File > Merge register...: another register (opened read-only) brought into this one. The
//! window lists what the merge found before anything changes: organisations and people
//! matched, what will be added, the partnerships both hold and each field they hold
//! differently, and probable duplicates with their evidence. Their values are taken for the
//! differing fields only when the box is ticked; "Merge" makes it one undoable step, audited as
//! a merge from the other file.

use super::CommandQueue;
use super::command::Command;
use crate::merge::{MergeOptions, RegisterMerge, plan_register_merge};
use crate::model::Register;

/// The window's state while it is open.
#[derive(Debug)]
pub struct MergeRegisterDialog {
    /// The other register's file name ("district.atlas").
    pub source: String,
    /// The other register, as read.
    pub theirs: Register,
    /// Take their values for the fields that differ.
    pub take_theirs: bool,
    plan: Option<(MergeOptions, RegisterMerge)>,
}

impl MergeRegisterDialog {
    /// The window for merging `theirs`, read from the file named `source`.
    pub fn new(source: String, theirs: Register) -> Self {
        Self {
            source,
            theirs,
            take_theirs: false,
            plan: None,
        }
    }

    /// The merge as planned now against `ours` (worked out again when the options change).
    pub fn plan(&mut self, ours: &Register) -> &RegisterMerge {
        let options = MergeOptions {
            take_theirs: self.take_theirs,
        };
        let planned = match self.plan.take() {
            Some((planned_with, plan)) if planned_with == options => (planned_with, plan),
            _ => (
                options,
                plan_register_merge(ours, &self.theirs, &self.source, options),
            ),
        };
        &self.plan.insert(planned).1
    }
}

/// Draws the window; closes it (sets `dialog` to `None`) on Merge or Cancel.
pub fn merge_register_dialog_ui(
    ctx: &egui::Context,
    ours: &Register,
    dialog: &mut Option<MergeRegisterDialog>,
    commands: &mut CommandQueue,
) {
    let Some(state) = dialog else {
        return;
    };
    let mut open = true;
    let mut close = false;
    let title = format!("Merge {} into this register", state.source);
    egui::Window::new(title)
        .collapsible(false)
        .default_width(720.0)
        .default_height(560.0)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} was opened read-only and is not changed. Nothing here changes until you \
                 press Merge.",
                state.source
            ));
            ui.checkbox(
                &mut state.take_theirs,
                "Take their values for the fields that differ (where theirs are not empty)",
            );
            let plan = state.plan(ours).clone();
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for line in plan.report_lines() {
                        if let Some(rest) = line.strip_prefix("  ") {
                            ui.label(egui::RichText::new(format!("    {rest}")).monospace());
                        } else {
                            ui.label(line);
                        }
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let merge = ui.add_enabled(!plan.is_empty(), egui::Button::new("Merge"));
                if merge.clicked() {
                    commands.send(Command::ApplyRegisterMerge(Box::new(plan.edit.clone())));
                    close = true;
                }
                if plan.is_empty() {
                    ui.label("Nothing to merge: this register already holds everything in it.");
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close || !open {
        *dialog = None;
    }
}
