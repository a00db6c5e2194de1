//! File, Export appendix pack...: a window choosing what the pack holds (diagram views, the
//! matrix, tables) and the folder to write, then showing the pack's progress with a Cancel
//! button. The choice is sent with the export and kept in the register (one audited edit of
//! its settings), so the next pack, from here or the command line, holds the same. Below it,
//! any one table on its own: a file named .xlsx, .csv, .docx, .pdf or .png (as the command
//! line's `export table`).

use std::path::PathBuf;

use crate::appendix::{PackContents, Progress};
use crate::export::table::TableKind;
use crate::model::{Register, ViewId};

use super::{Command, CommandQueue};

/// An appendix pack asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRequest {
    /// What it holds.
    pub contents: PackContents,
    /// The new folder to write.
    pub folder: PathBuf,
}

/// One table asked for, on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRequest {
    /// Which table.
    pub kind: TableKind,
    /// The file to write; its extension chooses the format.
    pub path: PathBuf,
}

/// The window's state.
#[derive(Debug, Default)]
pub struct AppendixPackDialog {
    /// The window is showing.
    pub open: bool,
    /// The views ticked.
    pub views: Vec<ViewId>,
    /// The matrix ticked.
    pub matrix: bool,
    /// The tables ticked.
    pub tables: Vec<TableKind>,
    /// The folder as typed.
    pub folder: String,
    /// The pack being written, while it is.
    pub running: Option<Progress>,
    /// What the last pack said.
    pub last_result: Option<String>,
    /// The table to export on its own (`None`: the first, the register excerpt).
    pub single_table: Option<TableKind>,
    /// The file for the table on its own, as typed.
    pub table_file: String,
}

impl AppendixPackDialog {
    /// Opens the window with the register's kept choice and a suggested folder.
    pub fn open_for(&mut self, register: &Register, folder: String) {
        let contents = PackContents::of(register);
        self.views = contents.views;
        self.matrix = contents.matrix;
        self.tables = contents.tables;
        if self.folder.trim().is_empty() {
            self.folder = folder;
        }
        self.last_result = None;
        self.open = true;
    }

    /// The contents ticked, in the register's order of views and the pack's order of tables.
    pub fn contents(&self, register: &Register) -> PackContents {
        PackContents {
            views: register
                .views
                .keys()
                .copied()
                .filter(|id| self.views.contains(id))
                .collect(),
            matrix: self.matrix,
            tables: TableKind::ALL
                .into_iter()
                .filter(|kind| self.tables.contains(kind))
                .collect(),
        }
    }
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, item: T, on: bool) {
    if on && !list.contains(&item) {
        list.push(item);
    } else if !on {
        list.retain(|x| *x != item);
    }
}

/// Draws the window.
pub fn appendix_pack_dialog_ui(
    ctx: &egui::Context,
    register: &Register,
    dialog: &mut AppendixPackDialog,
    commands: &mut CommandQueue,
) {
    if !dialog.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Export appendix pack")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            if let Some(progress) = dialog.running.clone() {
                running_ui(ui, &progress, commands);
                return;
            }
            choices_ui(ui, register, dialog);
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Folder to write:");
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.folder)
                        .desired_width(300.0)
                        .hint_text("a new folder"),
                )
                .labelled_by(label.id);
            });
            let contents = dialog.contents(register);
            let folder = super::tidy_typed_path(&dialog.folder);
            ui.horizontal(|ui| {
                let ready = !contents.is_empty() && folder.is_some();
                let export = ui.add_enabled(ready, egui::Button::new("Export pack"));
                if export.clicked()
                    && let Some(folder) = folder
                {
                    commands.send(Command::ExportAppendixPack(Box::new(PackRequest {
                        contents,
                        folder,
                    })));
                }
                if ui.button("Close").clicked() {
                    dialog.open = false;
                }
            });
            if let Some(result) = &dialog.last_result {
                ui.label(result);
            }
            ui.separator();
            single_table_ui(ui, dialog, commands);
        });
    if !open {
        dialog.open = false;
    }
}

fn choices_ui(ui: &mut egui::Ui, register: &Register, dialog: &mut AppendixPackDialog) {
    ui.label("Diagrams (PDF, and PNG at 300 dpi):");
    for (id, view) in &register.views {
        let mut on = dialog.views.contains(id);
        if ui.checkbox(&mut on, view.name.as_str()).changed() {
            toggle(&mut dialog.views, *id, on);
        }
    }
    ui.checkbox(&mut dialog.matrix, "Risk/value matrix");
    ui.add_space(4.0);
    ui.label("Tables (Word, PDF, and one workbook):");
    for kind in TableKind::ALL {
        let mut on = dialog.tables.contains(&kind);
        if ui.checkbox(&mut on, kind.label()).changed() {
            toggle(&mut dialog.tables, kind, on);
        }
    }
    ui.add_space(4.0);
    ui.label(
        "The folder also gets one combined PDF with a contents page. The choice is kept in \
         the register for the next pack.",
    );
}

/// One table on its own, in the format its file's name asks for.
fn single_table_ui(
    ui: &mut egui::Ui,
    dialog: &mut AppendixPackDialog,
    commands: &mut CommandQueue,
) {
    ui.label("Or one table on its own (.xlsx, .csv, .docx, .pdf or .png):");
    let mut kind = dialog.single_table.unwrap_or(TableKind::ALL[0]);
    ui.horizontal(|ui| {
        let label = ui.label("Table:");
        let id = egui::Id::new("appendix single table");
        let all = &TableKind::ALL;
        if let Some(picked) =
            super::choice_combo::choice_combo_ui(ui, id, label.id, all, kind, TableKind::label)
        {
            kind = picked;
        }
    });
    dialog.single_table = Some(kind);
    ui.horizontal(|ui| {
        let label = ui.label("Table file:");
        ui.add(
            egui::TextEdit::singleline(&mut dialog.table_file)
                .desired_width(300.0)
                .hint_text("a file ending .xlsx, .csv, .docx, .pdf or .png"),
        )
        .labelled_by(label.id);
    });
    let path = super::tidy_typed_path(&dialog.table_file);
    if ui
        .add_enabled(path.is_some(), egui::Button::new("Export table"))
        .clicked()
        && let Some(path) = path
    {
        commands.send(Command::ExportTable(Box::new(TableRequest { kind, path })));
    }
}

fn running_ui(ui: &mut egui::Ui, progress: &Progress, commands: &mut CommandQueue) {
    let (done, total) = progress.fraction();
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.label(format!("Writing: {}", progress.step()));
    ui.add(egui::ProgressBar::new(fraction).show_percentage());
    if ui.button("Cancel").clicked() {
        commands.send(Command::CancelAppendixPack);
    }
}
