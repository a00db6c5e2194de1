//! The "Type the path" window: opening, creating or saving a register by typing its path,
//! for desktops with no file window and for anyone who prefers to paste a path.

use std::path::PathBuf;

use super::{Command, CommandQueue};

/// What the chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open an existing register.
    Open,
    /// Create a new, empty register.
    New,
    /// Save a copy of the open register.
    SaveCopy,
    /// Export the risk/value matrix picture.
    ExportMatrix,
    /// Export the annual review overview table.
    ExportOverview,
    /// Import rows from a spreadsheet.
    Import,
    /// Choose another register to merge into the open one.
    MergeFrom,
}

impl PathPurpose {
    /// The file window's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open a register",
            Self::New => "Create a new register",
            Self::SaveCopy => "Save a copy of the register",
            Self::ExportMatrix => "Export the risk/value matrix (.png, .svg or .pdf)",
            Self::ExportOverview => "Export the annual review table (.xlsx or .csv)",
            Self::Import => "Import from a spreadsheet (.xlsx, .xls, .ods or .csv)",
            Self::MergeFrom => "Choose a register to merge into this one",
        }
    }
}

impl PathPurpose {
    /// What to type, with an example of a whole path for this purpose.
    pub fn example(self) -> &'static str {
        match self {
            Self::Open | Self::New | Self::SaveCopy | Self::MergeFrom => {
                "Type or paste where the register file is (or is to go), folder and name, for \
                 example C:\\Users\\jo\\Documents\\Partnership register.atlas or \
                 \\\\fileserver\\Policy\\Partnership register.atlas"
            }
            Self::ExportMatrix => {
                "Type or paste where to save the picture, folder and name, for example \
                 C:\\Users\\jo\\Documents\\Risk and value matrix.png"
            }
            Self::Import => {
                "Type or paste where the spreadsheet is, folder and name, for example \
                 C:\\Users\\jo\\Documents\\Partnership register.xlsx"
            }
            Self::ExportOverview => {
                "Type or paste where to save the table, folder and name, for example \
                 C:\\Users\\jo\\Documents\\Annual review of partnerships.xlsx"
            }
        }
    }
}

/// A typed path as the user meant it: surrounding spaces and one pair of surrounding quotes
/// (Windows Explorer's "Copy as path" adds them) are taken off; nothing else is touched, so
/// spaces, non-ASCII letters, drive letters and `\\server\share` paths pass through whole.
pub fn tidy_typed_path(text: &str) -> Option<PathBuf> {
    let trimmed = text.trim();
    let unquoted = trimmed
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or(trimmed)
        .trim();
    (!unquoted.is_empty()).then(|| PathBuf::from(unquoted))
}

/// The "Type the path" window's state while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct TypedPathDialog {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path as typed.
    pub text: String,
    /// Why the last path did not work.
    pub error: Option<String>,
    /// Why this window is shown instead of the usual file window, if it is.
    pub explanation: Option<String>,
    focus_given: bool,
}

impl TypedPathDialog {
    /// A window asking for a path for `purpose`, saying why if `explanation` is given.
    pub fn new(purpose: PathPurpose, explanation: Option<String>) -> Self {
        Self {
            purpose,
            text: String::new(),
            error: None,
            explanation,
            focus_given: false,
        }
    }
}

/// Draws the window over everything else.
pub fn typed_path_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut TypedPathDialog,
    commands: &mut CommandQueue,
) {
    let modal = egui::Modal::new(egui::Id::new("typed_path_dialog")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(dialog.purpose.title());
        ui.add_space(4.0);
        if let Some(explanation) = &dialog.explanation {
            ui.label(explanation);
        }
        ui.label(dialog.purpose.example());
        ui.add_space(4.0);
        let label = ui.label("Path");
        let field_id = egui::Id::new("typed_path_field");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.text)
                    .id(field_id)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !dialog.focus_given {
            response.request_focus();
            dialog.focus_given = true;
        }
        if response.changed() {
            dialog.error = None;
        }
        if let Some(error) = &dialog.error {
            ui.label(
                egui::RichText::new(error).color(super::theme::invalid_text_colour(ui.visuals())),
            );
        }
        let entered =
            response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        let mut submit = entered;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let action = match dialog.purpose {
                PathPurpose::Open => "Open",
                PathPurpose::MergeFrom => "Merge",
                PathPurpose::New => "Create",
                PathPurpose::SaveCopy => "Save copy",
                PathPurpose::ExportMatrix | PathPurpose::ExportOverview => "Export",
                PathPurpose::Import => "Read",
            };
            submit |= ui.button(action).clicked();
            cancel = ui.button("Cancel").clicked();
        });
        if submit {
            match tidy_typed_path(&dialog.text) {
                Some(path) => commands.send(Command::TypedPathChosen(path)),
                None => dialog.error = Some("Type a path first".to_string()),
            }
        }
        cancel
    });
    if modal.inner || modal.should_close() {
        commands.send(Command::CancelTypedPath);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_taken_as_written() {
        for path in [
            r"C:\Users\Jo Bloggs\Documents\Partnership register 2026.atlas",
            r"\\fileserver\Policy team\Partnerships\register.atlas",
            "/home/jo/Registres du conseil/Région Est.atlas",
            "relative/register.atlas",
        ] {
            assert_eq!(tidy_typed_path(path), Some(PathBuf::from(path)));
            assert_eq!(
                tidy_typed_path(&format!("  \"{path}\"  ")),
                Some(PathBuf::from(path))
            );
        }
        assert_eq!(tidy_typed_path("   "), None);
        assert_eq!(tidy_typed_path("\"\""), None);
    }
}
