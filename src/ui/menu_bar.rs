//! The menu bar: File and Edit. Every item sends a [`Command`]; shortcuts are shown beside
//! the items they trigger (the window answers to them in `AtlasApp`).

use egui::{Button, KeyboardShortcut};

use super::AppView;
use super::command::{
    CLOSE_SHORTCUT, Command, CommandQueue, NEW_SHORTCUT, OPEN_SHORTCUT, QUIT_SHORTCUT,
    REDO_SHORTCUT, SAVE_COPY_SHORTCUT, UNDO_SHORTCUT,
};

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, view, commands));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, view, commands));
    });
}

fn file_menu_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    let has_document = view.document.is_some();
    menu_item_ui(
        ui,
        "New register...",
        (!has_document).then_some(NEW_SHORTCUT),
        true,
        Command::NewRegister,
        commands,
    );
    menu_item_ui(
        ui,
        "Open...",
        Some(OPEN_SHORTCUT),
        true,
        Command::OpenRegister,
        commands,
    );
    menu_item_ui(
        ui,
        "Open by typing a path...",
        None,
        true,
        Command::OpenByTypingPath,
        commands,
    );
    ui.add_enabled_ui(!view.recent_files.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| recent_menu_ui(ui, view, commands));
    });
    ui.separator();
    menu_item_ui(
        ui,
        "Save a copy as...",
        Some(SAVE_COPY_SHORTCUT),
        has_document,
        Command::SaveCopyAs,
        commands,
    );
    menu_item_ui(
        ui,
        "Export diagram...",
        None,
        has_document,
        Command::ShowDiagramExport,
        commands,
    );
    // The appendix pack (tables-export).
    menu_item_ui(
        ui,
        "Export appendix pack...",
        None,
        has_document,
        Command::ShowAppendixPack,
        commands,
    );
    menu_item_ui(
        ui,
        "Close register",
        Some(CLOSE_SHORTCUT),
        has_document,
        Command::CloseRegister,
        commands,
    );
    ui.separator();
    menu_item_ui(
        ui,
        "Quit",
        Some(QUIT_SHORTCUT),
        true,
        Command::Quit,
        commands,
    );
}

fn recent_menu_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    for path in view.recent_files {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let response = ui
            .add(Button::new(name))
            .on_hover_text(path.display().to_string());
        if response.clicked() {
            commands.send(Command::OpenPath(path.clone()));
        }
    }
    ui.separator();
    if ui.button("Clear this list").clicked() {
        commands.send(Command::ClearRecent);
    }
}

fn edit_menu_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    let writable = view.document.is_some_and(|d| !d.is_read_only());
    let undo = view.document.and_then(|d| d.undo_description());
    let redo = view.document.and_then(|d| d.redo_description());
    let undo_label = undo.map_or_else(|| "Undo".to_string(), |what| format!("Undo {what}"));
    let redo_label = redo.map_or_else(|| "Redo".to_string(), |what| format!("Redo {what}"));
    let can_undo = writable
        && view
            .document
            .is_some_and(|d| d.undo_description().is_some());
    let can_redo = writable
        && view
            .document
            .is_some_and(|d| d.redo_description().is_some());
    menu_item_ui(
        ui,
        &undo_label,
        Some(UNDO_SHORTCUT),
        can_undo,
        Command::Undo,
        commands,
    );
    menu_item_ui(
        ui,
        &redo_label,
        Some(REDO_SHORTCUT),
        can_redo,
        Command::Redo,
        commands,
    );
}

/// One menu item with its shortcut shown on the right.
fn menu_item_ui(
    ui: &mut egui::Ui,
    label: &str,
    shortcut: Option<KeyboardShortcut>,
    enabled: bool,
    command: Command,
    commands: &mut CommandQueue,
) {
    let mut button = Button::new(label);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.send(command);
    }
}
