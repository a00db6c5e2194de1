//! The navigation bar: one tab per panel that exists.

use super::PanelKind;
use crate::app::{Command, CommandQueue};

/// Draws the navigation bar with `current` highlighted.
pub fn navigation_bar_ui(ui: &mut egui::Ui, current: PanelKind, commands: &mut CommandQueue) {
    ui.horizontal(|ui| {
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
