//! The menu bar: File, Edit, View and Help, each item read from the one command table
//! (`command_table.rs`) with its shortcut beside it. Every item sends a [`Command`].

use std::path::Path;

use egui::Button;

use super::command::{Command, CommandQueue, TableAction};
use super::command_table::{self, CommandEntry, Menu};
use super::navigation_bar::Section;
use super::{AppView, PanelKind, theme};

/// Draws the menu bar; `panel` is the panel on show (the Edit menu acts on its table).
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    view: &AppView<'_>,
    panel: PanelKind,
    commands: &mut CommandQueue,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.name(), |ui| menu_ui(ui, menu, view, panel, commands));
        }
    });
}

fn menu_ui(
    ui: &mut egui::Ui,
    menu: Menu,
    view: &AppView<'_>,
    panel: PanelKind,
    commands: &mut CommandQueue,
) {
    let register_open = view.document.is_some();
    for entry in command_table::in_menu(menu) {
        if starts_a_group(&entry.command) {
            ui.separator();
        }
        let label = label(entry, view);
        let enabled = enabled(&entry.command, view, panel);
        let mut button = Button::new(label);
        if let Some(&shortcut) = entry.shortcuts.first()
            && entry.shortcuts_live(register_open)
        {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add_enabled(enabled, button).clicked() {
            commands.send(entry.command.clone());
        }
        if entry.command == Command::OpenByTypingPath {
            ui.add_enabled_ui(!view.recent_files.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| recent_menu_ui(ui, view, commands));
            });
        }
    }
}

/// Whether a separator goes above `command` in its menu.
fn starts_a_group(command: &Command) -> bool {
    matches!(
        command,
        Command::SaveCopyAs
            | Command::Quit
            | Command::TableAction(TableAction::Cut | TableAction::Find)
            | Command::ToggleNavigation
            | Command::ShowHelp(super::HelpTopic::Folders)
    )
}

/// The item's words: Undo and Redo say what they would undo.
fn label(entry: &CommandEntry, view: &AppView<'_>) -> String {
    let what = match entry.command {
        Command::Undo => view.document.and_then(|d| d.undo_description()),
        Command::Redo => view.document.and_then(|d| d.redo_description()),
        _ => None,
    };
    what.map_or_else(
        || entry.text.to_string(),
        |what| format!("{} {what}", entry.text),
    )
}

/// Whether the command can be done now.
fn enabled(command: &Command, view: &AppView<'_>, panel: PanelKind) -> bool {
    let register_open = view.document.is_some();
    let writable = view.document.is_some_and(|d| !d.is_read_only());
    let table_on_show = register_open && panel.section() == Section::Register;
    match command {
        Command::SaveCopyAs
        | Command::ShowDiagramExport
        | Command::ShowImport
        | Command::ShowAppendixPack
        | Command::MergeRegister
        | Command::CloseRegister
        | Command::ShowSection(_)
        | Command::ToggleNavigation => register_open,
        Command::Undo => {
            writable
                && view
                    .document
                    .is_some_and(|d| d.undo_description().is_some())
        }
        Command::Redo => {
            writable
                && view
                    .document
                    .is_some_and(|d| d.redo_description().is_some())
        }
        Command::TableAction(
            TableAction::Cut | TableAction::Copy | TableAction::Paste | TableAction::SelectAll,
        ) if view.typing => true,
        Command::TableAction(TableAction::Cut | TableAction::Paste | TableAction::NewRow) => {
            table_on_show && writable
        }
        Command::TableAction(_) => table_on_show,
        _ => true,
    }
}

fn recent_menu_ui(ui: &mut egui::Ui, view: &AppView<'_>, commands: &mut CommandQueue) {
    for path in view.recent_files {
        let response = ui
            .add(Button::new(recent_file_words(ui, path)))
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

/// A recent register as Office lists it: its name, then its folder in small, weak words.
pub fn recent_file_words(ui: &egui::Ui, path: &Path) -> egui::text::LayoutJob {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let folder = path
        .parent()
        .map(|folder| folder.display().to_string())
        .unwrap_or_default();
    let style = ui.style();
    let mut job = egui::text::LayoutJob::default();
    egui::RichText::new(name).append_to(
        &mut job,
        style,
        egui::FontSelection::Default,
        egui::Align::Center,
    );
    if !folder.is_empty() {
        egui::RichText::new(format!("\n{folder}"))
            .small()
            .color(theme::weak_text_colour(ui.visuals()))
            .append_to(
                &mut job,
                style,
                egui::FontSelection::Default,
                egui::Align::Center,
            );
    }
    job
}
