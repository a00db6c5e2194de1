//! The navigation bar: one tab per panel that exists, wrapping onto a second line when the
//! window is too narrow to show them all.

use super::PanelKind;
use crate::ui::{Command, CommandQueue};

/// Draws the navigation bar with `current` highlighted.
pub fn navigation_bar_ui(ui: &mut egui::Ui, current: PanelKind, commands: &mut CommandQueue) {
    ui.horizontal_wrapped(|ui| {
        for &panel in PanelKind::ALL {
            if ui
                .selectable_label(panel == current, panel.label())
                .clicked()
                && panel != current
            {
                commands.send(Command::ShowPanel(panel));
            }
        }
    });
}
