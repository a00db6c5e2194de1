//! `Command`: every action a user can ask for, as a value.
//!
//! Menus, buttons and keyboard shortcuts all send `Command`s; `AtlasApp` applies them in one
//! place (`crate::app`'s `command_handling.rs`). The UI reads state and never changes the register itself.

use std::path::PathBuf;

use super::PanelKind;
use super::help_windows::HelpTopic;
use super::navigation_bar::Section;
use crate::model::Edit;

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask where to create a new, empty register (file window or typed path).
    NewRegister,
    /// Ask which register to open (file window or typed path).
    OpenRegister,
    /// Ask for a register's path to be typed.
    OpenByTypingPath,
    /// Open the register at this path for editing.
    OpenPath(PathBuf),
    /// Open the register at this path to look at only.
    OpenPathReadOnly(PathBuf),
    /// Create a new, empty register at this path and open it.
    CreateAt(PathBuf),
    /// Save a clean copy of the register at this path (one another program changed) beside it,
    /// and open the copy.
    SaveCleanCopy(PathBuf),
    /// Use the path typed in the "Type the path" window for what it was asked for.
    TypedPathChosen(PathBuf),
    /// Close the "Type the path" window.
    CancelTypedPath,
    /// Ask where to save a copy of the open register.
    SaveCopyAs,
    /// Save a copy of the open register at this path.
    SaveCopyTo(PathBuf),
    /// Close the open register (the window stays open).
    CloseRegister,
    /// Close the window.
    Quit,
    /// Forget the list of recently opened registers.
    ClearRecent,
    /// Undo the newest change.
    Undo,
    /// Redo the newest undone change.
    Redo,
    /// Make one change to the register (boxed: an edit holds two whole records).
    Edit(Box<Edit>),
    /// Add a new partnership and select it.
    AddPartnership,
    /// Ask where to export the risk/value matrix (file window or typed path).
    ExportMatrix,
    /// Export the risk/value matrix to this path (SVG, PNG at 300 dpi or PDF, A4 landscape).
    ExportMatrixTo(PathBuf),
    /// Ask where to export the annual review overview table (file window or typed path).
    ExportOverview,
    /// Export the annual review overview to this path (XLSX or CSV, by its extension).
    ExportOverviewTo(PathBuf),
    /// Ask which spreadsheet to import (file window or typed path).
    ShowImport,
    /// Read this spreadsheet into the import window and preview it.
    ImportFrom(PathBuf),
    /// Preview the import again with the window's sheet, heading row, kind and mapping.
    RefreshImport,
    /// Apply the import previewed: all rows as one undoable step.
    ApplyImport,
    /// Close the import window without importing.
    CloseImport,
    /// Write an analysis answer as a table (CSV, XLSX, DOCX or PDF, by the extension).
    ExportAnalysisTo {
        /// Which answer.
        question: crate::analysis::Question,
        /// Its thresholds and day (boxed: a command stays small).
        settings: Box<crate::analysis::AnalysisSettings>,
        /// Where to write it.
        path: PathBuf,
    },
    /// Write what changed since snapshot `since` (to snapshot `to`, or now) as a table (CSV,
    /// XLSX, DOCX or PDF, by the extension).
    ExportChangesTo {
        /// From.
        since: crate::model::SnapshotId,
        /// To; `None` for the register now.
        to: Option<crate::model::SnapshotId>,
        /// Where to write it.
        path: PathBuf,
    },
    /// Write a round's questionnaires (one workbook and one PDF each) into a folder.
    WriteRoundPapers {
        /// The round.
        round: crate::model::RoundId,
        /// The folder (made if missing).
        folder: PathBuf,
        /// Only the outstanding ones.
        outstanding_only: bool,
    },
    /// Write a round's reminder CSV (the outstanding partnerships, lead officers, e-mails).
    WriteRoundReminders {
        /// The round.
        round: crate::model::RoundId,
        /// The CSV to write.
        path: PathBuf,
    },
    /// Read a returned questionnaire workbook into the rounds panel's preview.
    ReadQuestionnaire(PathBuf),
    /// Apply the previewed questionnaire as one step, audited as "questionnaire".
    ApplyQuestionnaire,
    /// Show one of the open register's snapshots, read-only, in place of the register (which
    /// closes; open it again to edit).
    OpenSnapshot(crate::model::SnapshotId),
    /// Show the audit log with the history of one record (titled).
    ShowRecordHistory(crate::model::RecordKey, String),
    /// Show a panel.
    ShowPanel(PanelKind),
    /// Show a section of the navigation list: its first panel, or its next one when the
    /// section is already on show (Ctrl+1 again walks through the register's tables).
    ShowSection(Section),
    /// Show or hide the navigation list down the left.
    ToggleNavigation,
    /// Do to the table on show what its own keys do (the Edit menu's Copy is Ctrl+C).
    TableAction(TableAction),
    /// Open a Help window.
    ShowHelp(HelpTopic),
    /// Show the Diagram panel with this view.
    ShowDiagramView(crate::model::ViewId),
    /// Show the Diagram panel with its export form open (File, Export diagram...).
    ShowDiagramExport,
    /// Write a diagram view to a picture file.
    ExportDiagram(Box<super::DiagramExport>),
    /// Open the appendix pack window (File, Export appendix pack...).
    ShowAppendixPack,
    /// Choose another register to merge into this one (File, Merge register...).
    MergeRegister,
    /// Read the register at this path and show what merging it would do.
    MergeRegisterFrom(PathBuf),
    /// Apply a merge of another register, as one step audited as a merge.
    ApplyRegisterMerge(Box<Edit>),
    /// Write the appendix pack, keeping its contents in the register (boxed: it is large).
    ExportAppendixPack(Box<super::PackRequest>),
    /// Stop the appendix pack being written (nothing is left behind).
    CancelAppendixPack,
    /// Write one report table to a file (its extension chooses the format).
    ExportTable(Box<super::TableRequest>),
    /// Tell the user something could not be done (a change refused before it was sent).
    ReportError(String),
    /// Hide a message.
    DismissMessage(u64),
}

/// What the Edit menu can do to the table on show, as the table's own keys do it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableAction {
    /// Copy the selected rows, then ask whether to delete them.
    Cut,
    /// Copy the selected rows (or every shown row) as tab-separated text.
    Copy,
    /// Paste rows from the clipboard, through the preview.
    Paste,
    /// Select every shown row.
    SelectAll,
    /// Put the keyboard in the table's filter box.
    Find,
    /// Add a new row.
    NewRow,
}

/// Commands sent while a frame is drawn, applied when it ends.
#[derive(Debug, Default)]
pub struct CommandQueue {
    commands: Vec<Command>,
}

impl Command {
    /// The command that makes `edit`.
    pub fn edit(edit: Edit) -> Self {
        Self::Edit(Box::new(edit))
    }
}

impl CommandQueue {
    /// Asks for `command` to be applied.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Takes every command sent so far, oldest first.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    /// Whether nothing was sent.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }
}
