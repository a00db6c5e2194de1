//! The one place commands are applied: opening and closing registers, edits, undo and redo,
//! file windows. Every failure becomes a message in plain words; nothing here panics.

use std::path::{Path, PathBuf};

use super::AtlasApp;
use super::file_dialog::{self, DialogOutcome, PathPurpose, with_register_extension};
use crate::document::{Document, DocumentError};
use crate::model::{Edit, Partnership, PartnershipId, Register, normalised_name};
use crate::store::{StoreError, same_file};
use crate::ui::Command;
use crate::ui::TypedPathDialog;
use crate::ui::message::MessageAction;

/// A step through the session's changes.
#[derive(Clone, Copy)]
enum Step {
    Undo,
    Redo,
}

impl Step {
    /// The change this step would take back or make again.
    fn next(self, document: &Document) -> Option<&Edit> {
        match self {
            Self::Undo => document.next_undo(),
            Self::Redo => document.next_redo(),
        }
    }

    /// Takes the step; what it undid or redid, or `None` when there was nothing.
    fn take(self, document: &mut Document) -> Result<Option<String>, DocumentError> {
        match self {
            Self::Undo => document.undo(),
            Self::Redo => document.redo(),
        }
    }
}

/// What a register is opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OpenFor {
    /// Editing: the register is held, and every change is written to it.
    Editing,
    /// Looking and exporting: read as a copy in memory, nothing written.
    Reading,
}

/// Why a command did not work, for the message area (with a way on, if there is one).
#[derive(Debug)]
pub(super) struct Failure {
    pub(super) text: String,
    pub(super) action: Option<MessageAction>,
}

impl From<String> for Failure {
    fn from(text: String) -> Self {
        Self { text, action: None }
    }
}

impl AtlasApp {
    /// Applies one command.
    pub(super) fn handle(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::NewRegister => self.ask_for_path(PathPurpose::New, ctx),
            Command::OpenRegister => self.ask_for_path(PathPurpose::Open, ctx),
            Command::SaveCopyAs => self.ask_for_path(PathPurpose::SaveCopy, ctx),
            Command::OpenByTypingPath => self.ask_to_type_path(PathPurpose::Open, None),
            Command::OpenPath(path) => {
                self.report_failure(|app| app.open_path(&path, OpenFor::Editing))
            }
            Command::OpenPathReadOnly(path) => {
                self.report_failure(|app| app.open_path(&path, OpenFor::Reading));
            }
            Command::CreateAt(path) => self.report_failure(|app| app.create_at(&path)),
            Command::SaveCleanCopy(path) => self.report_failure(|app| app.save_clean_copy(&path)),
            Command::SaveCopyTo(path) => self.report_failure(|app| app.save_copy_to(&path)),
            Command::TypedPathChosen(path) => self.typed_path_chosen(path),
            Command::CancelTypedPath => self.ui_state.typed_path = None,
            Command::CloseRegister => self.close_register(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ClearRecent => {
                self.settings.recent_files.clear();
                self.save_settings();
            }
            Command::Undo => self.take_step(Step::Undo),
            Command::Redo => self.take_step(Step::Redo),
            Command::Edit(edit) => {
                self.apply_edit(*edit);
            }
            Command::AddPartnership => self.add_partnership(),
            Command::ExportMatrix => self.ask_for_path(PathPurpose::ExportMatrix, ctx),
            Command::ExportMatrixTo(path) => self.report_failure(|app| app.export_matrix_to(&path)),
            Command::ExportOverview => self.ask_for_path(PathPurpose::ExportOverview, ctx),
            Command::ShowImport => self.ask_for_path(PathPurpose::Import, ctx),
            Command::ImportFrom(path) => self.report_failure(|app| app.import_from(&path)),
            Command::RefreshImport => self.refresh_import(),
            Command::ApplyImport => self.apply_import(),
            Command::CloseImport => self.ui_state.import = None,
            Command::ExportOverviewTo(path) => {
                self.report_failure(|app| app.export_overview_to(&path));
            }
            Command::ExportAnalysisTo {
                question,
                settings,
                path,
            } => {
                self.report_failure(|app| app.export_analysis_to(question, &settings, &path));
            }
            Command::ExportChangesTo { since, to, path } => {
                self.report_failure(|app| app.export_changes_to(since, to, &path));
            }
            Command::OpenSnapshot(id) => self.report_failure(|app| app.open_snapshot(id)),
            Command::WriteRoundPapers {
                round,
                folder,
                outstanding_only,
            } => {
                self.report_failure(|app| app.write_round_papers(round, &folder, outstanding_only))
            }
            Command::WriteRoundReminders { round, path } => {
                self.report_failure(|app| app.write_round_reminders(round, &path));
            }
            Command::ReadQuestionnaire(path) => {
                self.report_failure(|app| app.read_questionnaire(&path));
            }
            Command::ApplyQuestionnaire => self.apply_questionnaire(),
            Command::ShowRecordHistory(key, title) => {
                self.ui_state.audit.show_record(key, title);
                self.ui_state.panel = crate::ui::PanelKind::AuditLog;
            }
            Command::ShowPanel(panel) => self.ui_state.panel = panel,
            Command::ShowSection(section) => {
                self.ui_state.panel = section.panel_after(self.ui_state.panel);
            }
            Command::ToggleNavigation => {
                self.ui_state.navigation_hidden = !self.ui_state.navigation_hidden;
                self.settings.navigation_hidden = self.ui_state.navigation_hidden;
                self.save_settings();
            }
            Command::TableAction(action) => self.table_action(action, ctx),
            Command::ShowHelp(topic) => self.ui_state.help = Some(topic),
            Command::DismissMessage(id) => self.messages.dismiss(id),
            Command::ShowDiagramExport => self.show_diagram_export(),
            Command::ShowDiagramView(view) => {
                self.ui_state.panel = crate::ui::PanelKind::Diagram;
                self.ui_state.diagram.view = Some(view);
                self.ui_state.diagram.fit_to_window();
            }
            Command::ExportDiagram(export) => self.export_diagram(&export),
            Command::ReportError(text) => self.messages.error(text),
            Command::ShowAppendixPack => self.show_appendix_pack(),
            Command::MergeRegister => self.ask_for_path(PathPurpose::MergeFrom, ctx),
            Command::MergeRegisterFrom(path) => {
                self.report_failure(|app| app.merge_register_from(&path));
            }
            Command::ApplyRegisterMerge(edit) => {
                self.apply_edit_from(*edit, crate::store::EditOrigin::Merge);
            }
            Command::ExportAppendixPack(request) => self.start_appendix_pack(*request),
            Command::CancelAppendixPack => self.cancel_appendix_pack(),
            Command::ExportTable(request) => {
                self.report_failure(|app| app.export_table_to(&request));
            }
        }
    }

    fn report_failure(&mut self, action: impl FnOnce(&mut Self) -> Result<(), Failure>) {
        if let Err(failure) = action(self) {
            self.report(failure);
        }
    }

    pub(super) fn report(&mut self, failure: Failure) {
        match failure.action {
            Some(action) => self.messages.error_with_action(failure.text, action),
            None => self.messages.error(failure.text),
        }
    }

    /// Opens the register at `path`, replacing the open one only if it opens.
    pub(super) fn open_path(&mut self, path: &Path, open_for: OpenFor) -> Result<(), Failure> {
        let read_only = open_for == OpenFor::Reading;
        if self.is_open(path, open_for) {
            self.messages
                .notice(format!("This register is already open: {}", path.display()));
            return Ok(());
        }
        let opened = if read_only {
            Document::open_read_only(path)
        } else {
            Document::open(path)
        };
        match opened {
            Ok(document) => {
                self.install_document(document);
                if read_only {
                    self.messages.notice(
                        "This register is open read-only: you can look and export, not change",
                    );
                }
                Ok(())
            }
            Err(error @ StoreError::InUse(_)) => Err(Failure {
                text: format!("{error}. You can open it read-only to look at it meanwhile."),
                action: Some(MessageAction {
                    label: "Open read-only".to_string(),
                    command: Command::OpenPathReadOnly(path.to_path_buf()),
                }),
            }),
            Err(error @ StoreError::ReadOnly(_)) if !read_only => Err(Failure {
                text: error.to_string(),
                action: Some(MessageAction {
                    label: "Open read-only".to_string(),
                    command: Command::OpenPathReadOnly(path.to_path_buf()),
                }),
            }),
            Err(error) if error.clean_copy_possible() => Err(Failure {
                text: error.to_string(),
                action: Some(MessageAction {
                    label: "Save a clean copy".to_string(),
                    command: Command::SaveCleanCopy(path.to_path_buf()),
                }),
            }),
            Err(error) => Err(error.to_string().into()),
        }
    }

    /// Whether `path` is the open register, by whatever path it was reached (`DIR/../DIR`, a
    /// link, a share name: the same file), so it is switched to rather than opened twice. A
    /// register open read-only may still be opened for editing.
    fn is_open(&self, path: &Path, open_for: OpenFor) -> bool {
        self.document.as_ref().is_some_and(|document| {
            (open_for == OpenFor::Reading || !document.is_read_only())
                && same_file(document.path(), path)
        })
    }

    /// Saves text still being typed in a form (valid text only), before the register closes.
    pub(super) fn commit_pending_typing(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        if document.is_read_only() {
            return;
        }
        if let Some(edit) = self
            .ui_state
            .partnerships
            .take_pending_edit(document.register())
        {
            self.apply_edit(edit);
        }
    }

    /// Makes `document` the open register (the previous one closes).
    pub(super) fn install_document(&mut self, document: Document) {
        self.commit_pending_typing();
        let path = document.path().to_path_buf();
        let taken_over = document
            .store()
            .stale_note_taken_over()
            .map(|note| note.taken_over_message(&path));
        let read_only_view = document
            .store()
            .read_only_view()
            .map(|view| view.describe());
        self.document = Some(document);
        self.revision += 1;
        self.ui_state.register_changed_hands();
        // Messages are about the register they came with; the new one's follow.
        self.messages.forget_register();
        if let Some(message) = taken_over {
            self.messages.notice(message);
        }
        if let Some(description) = read_only_view {
            self.messages.notice(description);
        }
        self.settings.remember(&path);
        self.save_settings();
    }

    fn create_at(&mut self, path: &Path) -> Result<(), Failure> {
        let path = with_register_extension(path.to_path_buf());
        let document = Document::create(&path, Register::new(""))
            .map_err(|error| Failure::from(error.to_string()))?;
        self.install_document(document);
        self.messages.notice(format!(
            "Created a new, empty register: {}. Add its partnerships with Add partnership.",
            path.display()
        ));
        Ok(())
    }

    /// Saves a clean copy of the refused register at `source` beside it ("<name> (clean
    /// copy).atlas", numbered if taken) and opens the copy; the original is left as it was.
    fn save_clean_copy(&mut self, source: &Path) -> Result<(), Failure> {
        let stem = source
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Register".to_string());
        let folder = source.parent().map(Path::to_path_buf).unwrap_or_default();
        let destination = std::iter::once(format!("{stem} (clean copy)"))
            .chain((2..).map(|number| format!("{stem} (clean copy {number})")))
            .map(|name| folder.join(format!("{name}.{}", file_dialog::REGISTER_EXTENSION)))
            .find(|candidate| !candidate.exists())
            .unwrap_or_default();
        let report = crate::store::Store::save_clean_copy(source, &destination)
            .map_err(|error| Failure::from(error.to_string()))?;
        self.open_path(&destination, OpenFor::Editing)?;
        self.messages.notice(format!(
            "Saved a clean copy of {} as {} and opened it. Left out: {}. The original file is \
             unchanged.",
            source.display(),
            destination.display(),
            report.left_out.join("; ")
        ));
        Ok(())
    }

    fn save_copy_to(&mut self, destination: &Path) -> Result<(), Failure> {
        let destination = with_register_extension(destination.to_path_buf());
        let Some(document) = &self.document else {
            return Err("There is no register open to save a copy of"
                .to_string()
                .into());
        };
        if same_file(document.path(), &destination) {
            return Err(format!(
                "That is the register you have open: choose another name for the copy ({})",
                destination.display()
            )
            .into());
        }
        document
            .save_copy_as(&destination)
            .map_err(|error| Failure::from(error.to_string()))?;
        self.messages.notice(format!(
            "Saved a copy: {}. You are still working in {}",
            destination.display(),
            document.path().display()
        ));
        Ok(())
    }

    fn close_register(&mut self) {
        self.commit_pending_typing();
        if self.document.take().is_some() {
            self.revision += 1;
            self.ui_state.register_changed_hands();
            // Messages are about the register they came with.
            self.messages.forget_register();
        }
    }

    /// Undoes or redoes one change, then shows the user the record it changed.
    fn take_step(&mut self, step: Step) {
        let Some(document) = &mut self.document else {
            return;
        };
        let changed = step.next(document).and_then(Edit::main_record);
        match step.take(document) {
            Ok(Some(_)) => {
                self.revision += 1;
                if let Some(key) = changed {
                    crate::ui::show_record(&mut self.ui_state, document.register(), key);
                }
            }
            Ok(None) => {}
            Err(error) => self.messages.error(error.to_string()),
        }
    }

    /// Applies one edit; returns whether it was made.
    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        self.apply_edit_from(edit, crate::store::EditOrigin::Edit)
    }

    /// Applies `edit` as [`AtlasApp::apply_edit`] does, audited with `origin`.
    pub(super) fn apply_edit_from(&mut self, edit: Edit, origin: crate::store::EditOrigin) -> bool {
        let Some(document) = &mut self.document else {
            self.messages
                .error("There is no register open, so the change was not made");
            return false;
        };
        let retry = edit.clone();
        match document.apply_from(edit, origin) {
            Ok(()) => {
                self.revision += 1;
                true
            }
            Err(error @ DocumentError::Store(_)) => {
                // The file could not be written (drive gone, disk full, read-only): nothing
                // changed, on screen or in the file. The same change can be tried again.
                self.messages.error_with_action(
                    format!(
                        "{error}. Nothing was changed. Try again, or keep your work with \
                         File, Save a copy as..."
                    ),
                    MessageAction {
                        label: "Try again".to_string(),
                        command: Command::Edit(Box::new(retry)),
                    },
                );
                false
            }
            Err(error) => {
                self.messages.error(error.to_string());
                false
            }
        }
    }

    fn show_diagram_export(&mut self) {
        self.ui_state.panel = crate::ui::PanelKind::Diagram;
        let folder = self.folder_to_start_in().unwrap_or_default();
        let form = &mut self.ui_state.diagram.export;
        form.open = true;
        if form.path.trim().is_empty() {
            form.path = folder.join("Diagram.pdf").display().to_string();
        }
    }

    fn export_diagram(&mut self, export: &crate::ui::DiagramExport) {
        let Some(document) = &self.document else {
            return;
        };
        let register = document.register();
        let Some(view) = register.views.get(&export.view) else {
            self.messages
                .error("That diagram view is no longer in the register");
            return;
        };
        if export.path.as_os_str().is_empty() || export.path.parent().is_none() {
            self.messages
                .error("Type the full path of the file to write");
            return;
        }
        let today = chrono::Local::now().date_naive();
        let bytes = if export.per_theme {
            crate::diagram::pages::export_theme_pages(
                register,
                view,
                &export.options,
                crate::diagram::print::PageChoice::Fixed(export.setup),
                today,
            )
            .map(|(bytes, _)| bytes)
        } else {
            crate::diagram::export_view(
                register,
                view,
                &export.options,
                &export.setup,
                export.format,
                today,
            )
        };
        let written = bytes.map_err(|error| error.to_string()).and_then(|bytes| {
            crate::platform::write_file_atomically(&export.path, &bytes).map_err(|error| {
                format!(
                    "Could not write {}: {}",
                    export.path.display(),
                    crate::platform::write_failure_words(&error)
                )
            })
        });
        match written {
            Ok(()) => self.messages.notice(format!(
                "Exported “{}” to {}",
                view.name,
                export.path.display()
            )),
            Err(text) => self.messages.error(text),
        }
    }

    fn add_partnership(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        let register = document.register();
        let id = PartnershipId::next_in(&register.partnerships);
        let name = unused_name(register, "New partnership");
        let partnership = Partnership {
            id,
            name,
            ..Partnership::default()
        };
        if self.apply_edit(Edit::insert(partnership)) {
            self.ui_state.partnership_added(id);
        }
    }

    /// Reads the register at `path` read-only and shows what merging it would do.
    fn merge_register_from(&mut self, path: &Path) -> Result<(), Failure> {
        let Some(document) = &self.document else {
            return Err("There is no register open to merge into".to_string().into());
        };
        if same_file(document.path(), path) {
            return Err(
                "That is the register already open: choose another to merge into it"
                    .to_string()
                    .into(),
            );
        }
        let theirs = Document::open_read_only(path).map_err(|error| error.to_string())?;
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        self.ui_state.merge_register =
            Some(crate::ui::merge_register_dialog::MergeRegisterDialog::new(
                source,
                theirs.register().clone(),
            ));
        Ok(())
    }

    fn ask_for_path(&mut self, purpose: PathPurpose, ctx: &egui::Context) {
        if purpose == PathPurpose::SaveCopy && self.document.is_none() {
            self.messages
                .error("There is no register open to save a copy of");
            return;
        }
        if matches!(
            purpose,
            PathPurpose::ExportMatrix | PathPurpose::ExportOverview | PathPurpose::Import
        ) && self.document.is_none()
        {
            self.messages
                .error("There is no register open to export from");
            return;
        }
        if self.pending_dialog.is_some() {
            self.messages.notice(
                "A file window is already open (it may be behind this one): finish with it first",
            );
            return;
        }
        if !self.native_dialogs {
            self.ask_to_type_path(
                purpose,
                Some(
                    "This computer has no file window to choose with (no desktop file portal \
                     and no zenity), so type the full path instead.",
                ),
            );
            return;
        }
        let start_in = self.folder_to_start_in();
        let suggested = self.suggested_file_name(purpose);
        let waker = ctx.clone();
        match file_dialog::start_dialog(purpose, start_in.as_deref(), &suggested, move || {
            waker.request_repaint();
        }) {
            Ok(pending) => self.pending_dialog = Some(pending),
            Err(message) => self.ask_to_type_path(purpose, Some(&message)),
        }
    }

    pub(super) fn file_dialog_finished(
        &mut self,
        purpose: PathPurpose,
        outcome: DialogOutcome,
        seemed_missing: bool,
    ) {
        match outcome {
            DialogOutcome::Finished(Some(path)) => self.use_path(purpose, path),
            DialogOutcome::Finished(None) if seemed_missing => self.ask_to_type_path(
                purpose,
                Some(
                    "No file window appeared (this desktop may have no file portal and no \
                     zenity), so type the full path instead.",
                ),
            ),
            DialogOutcome::Finished(None) | DialogOutcome::Waiting => {}
            DialogOutcome::Failed => self.ask_to_type_path(
                purpose,
                Some("The file window stopped unexpectedly, so type the full path instead."),
            ),
        }
    }

    fn use_path(&mut self, purpose: PathPurpose, path: PathBuf) {
        let command = match purpose {
            PathPurpose::Open => Command::OpenPath(path),
            PathPurpose::MergeFrom => Command::MergeRegisterFrom(path),
            PathPurpose::New => Command::CreateAt(path),
            PathPurpose::SaveCopy => Command::SaveCopyTo(path),
            PathPurpose::ExportMatrix => Command::ExportMatrixTo(path),
            PathPurpose::ExportOverview => Command::ExportOverviewTo(path),
            PathPurpose::Import => Command::ImportFrom(path),
        };
        self.commands.send(command);
    }

    fn ask_to_type_path(&mut self, purpose: PathPurpose, explanation: Option<&str>) {
        let mut dialog = TypedPathDialog::new(purpose, explanation.map(str::to_string));
        if let Some(folder) = self.folder_to_start_in() {
            let suggested = match purpose {
                PathPurpose::Open | PathPurpose::Import | PathPurpose::MergeFrom => String::new(),
                PathPurpose::New
                | PathPurpose::SaveCopy
                | PathPurpose::ExportMatrix
                | PathPurpose::ExportOverview => self.suggested_file_name(purpose),
            };
            dialog.text = folder.join(suggested).display().to_string();
        }
        self.ui_state.typed_path = Some(dialog);
    }

    fn typed_path_chosen(&mut self, path: PathBuf) {
        let Some(dialog) = &self.ui_state.typed_path else {
            return;
        };
        let purpose = dialog.purpose;
        let result = match purpose {
            PathPurpose::Open if !path.exists() => {
                Err(format!("There is no file at {}", path.display()).into())
            }
            PathPurpose::Open => self.open_path(&path, OpenFor::Editing),
            PathPurpose::MergeFrom => self.merge_register_from(&path),
            PathPurpose::New => self.create_at(&path),
            PathPurpose::SaveCopy if with_register_extension(path.clone()).exists() => {
                Err(format!(
                    "A file already exists at {}: type another name",
                    with_register_extension(path.clone()).display()
                )
                .into())
            }
            PathPurpose::SaveCopy => self.save_copy_to(&path),
            PathPurpose::ExportMatrix => self.export_matrix_to(&path),
            PathPurpose::ExportOverview => self.export_overview_to(&path),
            PathPurpose::Import => self.import_from(&path),
        };
        match result {
            Ok(()) => self.ui_state.typed_path = None,
            Err(failure) => {
                if failure.action.is_some() {
                    // A failure with a way on (open read-only) belongs in the message area.
                    self.ui_state.typed_path = None;
                    self.report(failure);
                } else if let Some(dialog) = &mut self.ui_state.typed_path {
                    dialog.error = Some(failure.text);
                }
            }
        }
    }

    pub(super) fn folder_to_start_in(&self) -> Option<PathBuf> {
        self.document
            .as_ref()
            .and_then(|document| document.path().parent().map(Path::to_path_buf))
            .filter(|folder| !folder.as_os_str().is_empty())
            .or_else(|| self.settings_folder.clone())
    }

    fn suggested_file_name(&self, purpose: PathPurpose) -> String {
        match (purpose, &self.document) {
            (PathPurpose::SaveCopy, Some(document)) => {
                let stem = document
                    .path()
                    .file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Register".to_string());
                format!("{stem} copy.{}", file_dialog::REGISTER_EXTENSION)
            }
            (PathPurpose::Open | PathPurpose::Import | PathPurpose::MergeFrom, _) => String::new(),
            (PathPurpose::ExportMatrix, _) => "Risk and value matrix.png".to_string(),
            (PathPurpose::ExportOverview, _) => "Annual review of partnerships.xlsx".to_string(),
            _ => format!("New register.{}", file_dialog::REGISTER_EXTENSION),
        }
    }
}

/// `base`, or `base 2`, `base 3`... whichever no partnership has yet.
fn unused_name(register: &Register, base: &str) -> String {
    let taken: std::collections::HashSet<String> = register
        .partnerships
        .values()
        .map(|partnership| normalised_name(&partnership.name))
        .collect();
    std::iter::once(base.to_string())
        .chain((2..).map(|number| format!("{base} {number}")))
        .find(|name| !taken.contains(&normalised_name(name)))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_name_is_not_one_already_used() {
        let mut register = Register::new("Test");
        assert_eq!(unused_name(&register, "New partnership"), "New partnership");
        for (id, name) in [(1, "New partnership"), (2, "new  partnership 2")] {
            register.partnerships.insert(
                PartnershipId(id),
                Partnership {
                    id: PartnershipId(id),
                    name: name.to_string(),
                    ..Partnership::default()
                },
            );
        }
        assert_eq!(
            unused_name(&register, "New partnership"),
            "New partnership 3"
        );
    }
}
