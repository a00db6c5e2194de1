//! What the window shows when no register is open: ways to open or start one.

use super::AppView;
use crate::ui::{Command, CommandQueue};

/// Draws the start page.
pub fn start_page_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading("No register is open");
        ui.add_space(8.0);
        ui.label("Open a partnership register, or start a new one.");
        ui.add_space(12.0);
        ui.add_enabled_ui(!view.file_dialog_open, |ui| {
            if ui.button("Open a register...").clicked() {
                commands.send(Command::OpenRegister);
            }
            if ui.button("New register...").clicked() {
                commands.send(Command::NewRegister);
            }
        });
        if ui.button("Open by typing a path...").clicked() {
            commands.send(Command::OpenByTypingPath);
        }
        if view.file_dialog_open {
            ui.label("A file window is open: choose a file there, or cancel it.");
        }
        if !view.recent_files.is_empty() {
            ui.add_space(16.0);
            ui.strong("Recent registers");
            for path in view.recent_files {
                let words = super::menu_bar::recent_file_words(ui, path);
                let button = egui::Button::new(words).frame(false);
                if ui
                    .add(button)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    commands.send(Command::OpenPath(path.clone()));
                }
            }
        }
    });
}
