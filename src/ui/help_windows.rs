//! The Help menu's windows: keyboard shortcuts (read from the one command table), about the
//! program (version, licences, the fonts it carries), and where its data and settings are.

use std::path::Path;

use super::command_table::{self, Menu};

/// Which Help window is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTopic {
    /// Every keyboard shortcut.
    Shortcuts,
    /// The program's version and licences.
    About,
    /// Where the settings, the sample register and the open register are.
    Folders,
}

impl HelpTopic {
    fn title(self) -> &'static str {
        match self {
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About Partnership Atlas",
            Self::Folders => "Where your data and settings are",
        }
    }
}

/// What the Help windows show of the program.
pub struct HelpFacts<'a> {
    /// The folder holding the settings and the sample register, if there is one.
    pub settings_folder: Option<&'a Path>,
    /// The open register's file.
    pub register: Option<&'a Path>,
}

/// Keys the tables answer that are not commands of their own.
const TABLE_KEYS: &[(&str, &str)] = &[
    ("Move the current cell", "Arrow keys, Tab, Shift+Tab"),
    ("Edit the current cell", "Enter"),
    ("Save the cell and move on", "Enter, Tab"),
    ("Leave the cell as it was", "Escape"),
    ("Delete the selected rows (asks first)", "Delete"),
    ("Select more rows", "Ctrl+click, Shift+click"),
];

/// The embedded font's licence, as shipped with it.
const EXPORT_FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Draws the open Help window, if any; closing it sets `topic` to `None`.
pub fn help_window_ui(ctx: &egui::Context, topic: &mut Option<HelpTopic>, facts: &HelpFacts<'_>) {
    let Some(shown) = *topic else {
        return;
    };
    let mut open = true;
    let mut close_clicked = false;
    egui::Window::new(shown.title())
        .id(egui::Id::new("help_window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .max_height(ctx.content_rect().height() - 80.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match shown {
                HelpTopic::Shortcuts => shortcuts_ui(ui),
                HelpTopic::About => about_ui(ui),
                HelpTopic::Folders => folders_ui(ui, facts),
            });
            ui.separator();
            close_clicked = ui.button("Close").clicked();
        });
    if !open || close_clicked {
        *topic = None;
    }
}

fn shortcuts_ui(ui: &mut egui::Ui) {
    for menu in Menu::ALL {
        let with_keys: Vec<_> = command_table::in_menu(menu)
            .filter(|entry| !entry.shortcuts.is_empty())
            .collect();
        if with_keys.is_empty() {
            continue;
        }
        ui.strong(menu.name());
        egui::Grid::new(("shortcuts", menu.name()))
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for entry in with_keys {
                    ui.label(entry.text.trim_end_matches("..."));
                    let keys = command_table::shortcut_words(ui.ctx(), &entry.command);
                    ui.label(keys.unwrap_or_default());
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
    ui.strong("In a table");
    egui::Grid::new("shortcuts_in_tables")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (what, keys) in TABLE_KEYS {
                ui.label(*what);
                ui.label(*keys);
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    ui.weak(
        "Ctrl+N adds a register when none is open, and a row to the table on show when one \
         is. Asking for a section again (Ctrl+1 twice) moves to its next panel.",
    );
}

fn about_ui(ui: &mut egui::Ui) {
    ui.heading(format!("Partnership Atlas {}", env!("CARGO_PKG_VERSION")));
    ui.label(env!("CARGO_PKG_DESCRIPTION"));
    ui.label(format!(
        "The program is free software under the {} licence.",
        env!("CARGO_PKG_LICENSE")
    ));
    ui.add_space(6.0);
    ui.strong("Fonts carried inside the program");
    ui.label(
        "Liberation Sans 2.1.5 (regular and bold), for every export and for signs on screen: \
         SIL Open Font Licence 1.1.",
    );
    ui.label(
        "On screen, egui's fonts: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT and \
         Bitstream Vera licences), Noto Emoji (SIL Open Font Licence 1.1) and emoji-icon-font \
         (MIT licence).",
    );
    ui.collapsing("Liberation Sans licence, in full", |ui| {
        ui.add(egui::Label::new(egui::RichText::new(EXPORT_FONT_LICENCE).small()).wrap());
    });
}

fn folders_ui(ui: &mut egui::Ui, facts: &HelpFacts<'_>) {
    match facts.settings_folder {
        Some(folder) => {
            folder_line_ui(
                ui,
                "Your settings (recent registers, hidden columns) and the sample register are in",
                folder,
            );
        }
        None => {
            ui.label(
                "Your data folder could not be found, so no settings are kept between sessions.",
            );
        }
    }
    ui.add_space(6.0);
    match facts.register {
        Some(path) => folder_line_ui(
            ui,
            "The register you have open is one file, kept where you chose:",
            path,
        ),
        None => {
            ui.label("No register is open. Each register is one file, kept where you choose.");
        }
    }
    ui.add_space(6.0);
    ui.weak("Exports are written where you say, each time you export.");
}

fn folder_line_ui(ui: &mut egui::Ui, words: &str, path: &Path) {
    ui.label(words);
    ui.horizontal(|ui| {
        ui.monospace(path.display().to_string());
        if ui
            .small_button("Copy")
            .on_hover_text("Copy this path")
            .clicked()
        {
            ui.ctx().copy_text(path.display().to_string());
        }
    });
}
