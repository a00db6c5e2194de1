//! "Merge…" in the Organisations and People tables: two rows selected, one is merged into the
//! other after a confirmation that names both and says what moves (`crate::merge`). The merge is
//! one edit, so one Undo takes it back.

use std::collections::BTreeSet;

use super::CommandQueue;
use super::command::Command;
use crate::merge::{DuplicateMerge, merge_organisations, merge_people};
use crate::model::{OrganisationId, PersonId, Register};

/// Two records chosen to merge: the first is kept, the second merged into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergePair {
    /// Two organisations.
    Organisations(OrganisationId, OrganisationId),
    /// Two people.
    People(PersonId, PersonId),
}

impl MergePair {
    fn swapped(self) -> Self {
        match self {
            Self::Organisations(a, b) => Self::Organisations(b, a),
            Self::People(a, b) => Self::People(b, a),
        }
    }

    fn plan(self, register: &Register) -> Result<DuplicateMerge, String> {
        match self {
            Self::Organisations(keep, remove) => merge_organisations(register, keep, remove),
            Self::People(keep, remove) => merge_people(register, keep, remove),
        }
        .map_err(|refusal| refusal.to_string())
    }
}

/// The "Merge…" button: enabled when exactly two rows are selected.
pub fn merge_button_ui<K: Copy>(
    ui: &mut egui::Ui,
    selected: &BTreeSet<K>,
    pair: impl Fn(K, K) -> MergePair,
    chosen: &mut Option<MergePair>,
) {
    let two: Vec<K> = selected.iter().copied().collect();
    let button = ui
        .add_enabled(two.len() == 2, egui::Button::new("Merge…"))
        .on_hover_text("Merge the two selected rows into one: everything that uses the second moves to the first")
        .on_disabled_hover_text("Select two rows (Ctrl+click) to merge them");
    if button.clicked()
        && let [keep, remove] = two.as_slice()
    {
        *chosen = Some(pair(*keep, *remove));
    }
}

/// The confirmation, while a pair is chosen.
pub fn merge_window_ui(
    ctx: &egui::Context,
    register: &Register,
    chosen: &mut Option<MergePair>,
    commands: &mut CommandQueue,
) {
    let Some(pair) = *chosen else {
        return;
    };
    let plan = pair.plan(register);
    let mut open = true;
    let mut close = false;
    egui::Window::new("Merge two records")
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .open(&mut open)
        .show(ctx, |ui| match &plan {
            Ok(merge) => {
                ui.label(egui::RichText::new(format!("Keep {}", merge.kept)).strong());
                ui.label(format!("Merge into it and remove {}", merge.removed));
                ui.add_space(6.0);
                ui.label(merge.summary());
                ui.label("One step: Undo takes the whole merge back.");
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if ui.button("Merge").clicked() {
                        commands.send(Command::edit(merge.edit.clone()));
                        close = true;
                    }
                    if ui.button("Keep the other one").clicked() {
                        *chosen = Some(pair.swapped());
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Err(reason) => {
                ui.label(reason);
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            }
        });
    if close || !open {
        *chosen = None;
    }
}
