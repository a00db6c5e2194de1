//! The window: `AtlasApp` holds the open register, the user's settings and what the screen
//! shows, draws a frame through [`crate::ui`], and applies the [`Command`]s the frame sent.
//!
//! Rerun's pattern: the UI reads state and sends commands; [`AtlasApp`] applies them in one
//! place (`command_handling.rs`), after the frame is drawn. The program asks for a new frame
//! only when something changed (or while a file window is open), so it uses no CPU when idle.

mod command_handling;
mod export_handling;
mod file_dialog;
mod import_handling;
mod pack_handling;
mod pane_memory;
mod review_handling;
mod round_handling;
mod settings;
mod startup;
mod table_actions;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

pub use file_dialog::with_register_extension;
pub use settings::Settings;
pub use startup::SAMPLE_FILE_NAME;

use crate::document::Document;
use crate::ui::command::{Command, CommandQueue, TableAction};
use crate::ui::command_table::{self, AnsweredBy};
use crate::ui::message::{Message, Messages};
use crate::ui::{self, AppView, UiState};
use file_dialog::PendingDialog;

/// The program's name, first in the window title.
pub const APP_NAME: &str = "Partnership Atlas";

/// The whole application: the open register (if any), settings and screen state.
pub struct AtlasApp {
    document: Option<Document>,
    /// Goes up whenever the register or which register is open changes, so views built from
    /// the register (the table rows) know to rebuild.
    revision: u64,
    settings: Settings,
    settings_folder: Option<PathBuf>,
    ui_state: UiState,
    messages: Messages,
    commands: CommandQueue,
    pending_dialog: Option<PendingDialog>,
    native_dialogs: bool,
    window_title: String,
    style_applied: bool,
    /// The appendix pack being written on its own thread, while it is.
    pack_job: Option<pack_handling::PackJob>,
    /// Keys and clipboard events the Edit menu asked for, handed to the next frame as if
    /// typed, so the table on show does what its own keys do.
    replayed_input: Vec<egui::Event>,
    /// The text field that had the keyboard when no menu was open: the Edit menu's Cut,
    /// Copy, Paste and Select all act in it (opening the menu takes the keyboard from it).
    text_target: Option<(egui::Id, Option<egui::text::CCursorRange>)>,
    /// Events for a text field, handed on once it has the keyboard again, and its id.
    replayed_after_focus: (Option<egui::Id>, Vec<egui::Event>),
}

impl AtlasApp {
    /// Starts the application. With `file`, opens it; otherwise reopens the register used
    /// last, or on the very first start copies the sample register into `settings_folder` and
    /// opens that. `settings_folder` holds the recent-files list (none: nothing remembered).
    /// Failures are shown as messages: the window always opens.
    pub fn new(file: Option<PathBuf>, settings_folder: Option<PathBuf>) -> Self {
        let mut app = Self::without_register(settings_folder);
        app.start(file);
        app
    }

    /// An application showing `document`, with settings kept in `settings_folder`.
    pub fn with_document(document: Document, settings_folder: Option<PathBuf>) -> Self {
        let mut app = Self::without_register(settings_folder);
        app.load_settings();
        app.install_document(document);
        app
    }

    fn without_register(settings_folder: Option<PathBuf>) -> Self {
        Self {
            document: None,
            revision: 0,
            settings: Settings::default(),
            settings_folder,
            ui_state: UiState::default(),
            messages: Messages::default(),
            commands: CommandQueue::default(),
            pending_dialog: None,
            native_dialogs: file_dialog::native_dialog_available(),
            window_title: String::new(),
            style_applied: false,
            pack_job: None,
            replayed_input: Vec::new(),
            text_target: None,
            replayed_after_focus: (None, Vec::new()),
        }
    }

    /// Uses the "Type the path" window instead of the desktop's file window (for tests and
    /// for desktops whose file window misbehaves).
    pub fn set_native_dialogs(&mut self, available: bool) {
        self.native_dialogs = available;
    }

    /// The open register, if any.
    pub fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }

    /// The messages being shown.
    pub fn messages(&self) -> &[Message] {
        self.messages.items()
    }

    /// The settings as they are now.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// What the screen shows (which panel, which partnership is selected).
    pub fn ui_state(&self) -> &UiState {
        &self.ui_state
    }

    /// Makes `id` the current partnership for every panel (as clicking its row does).
    pub fn select_partnership(&mut self, id: Option<crate::model::PartnershipId>) {
        self.ui_state.current_partnership = id;
    }

    /// Asks for `command` to be applied at the end of the next frame.
    pub fn send(&mut self, command: Command) {
        self.commands.send(command);
    }

    /// The window title: the program, then the register's file name.
    pub fn window_title(&self) -> String {
        match self.document.as_ref().and_then(|d| d.path().file_name()) {
            Some(name) => format!("{APP_NAME} — {}", name.to_string_lossy()),
            None => APP_NAME.to_string(),
        }
    }

    /// Draws one frame into `ui` (the whole window) and applies what it asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.style_applied {
            ui::theme::apply(&ctx);
            self.style_applied = true;
        }
        self.poll_file_dialog(&ctx);
        self.poll_appendix_pack(&ctx);
        self.read_window_shortcuts(&ctx);
        self.follow_text_target(&ctx);
        if !self.replayed_input.is_empty() {
            let replayed = std::mem::take(&mut self.replayed_input);
            ctx.input_mut(|input| input.events.extend(replayed));
        }
        self.replay_into_text_target(&ctx);

        let view = AppView {
            document: self.document.as_ref(),
            revision: self.revision,
            messages: self.messages.items(),
            recent_files: &self.settings.recent_files,
            file_dialog_open: self.pending_dialog.is_some(),
            settings_folder: self.settings_folder.as_deref(),
            typing: self.text_target.is_some(),
        };
        if self.ui_state.tables.hidden_columns.is_none() {
            self.ui_state.tables.hidden_columns = Some(self.settings.hidden_columns.clone());
        }
        ui::app_ui(ui, &view, &mut self.ui_state, &mut self.commands);
        self.remember_record_pane(&ctx);
        // Columns shown or hidden are remembered between sessions.
        if let Some(hidden) = &self.ui_state.tables.hidden_columns
            && *hidden != self.settings.hidden_columns
        {
            self.settings.hidden_columns = hidden.clone();
            self.save_settings();
        }

        let commands = self.commands.take();
        if !commands.is_empty() {
            for command in commands {
                self.handle(command, &ctx);
            }
            // Show the result at once.
            ctx.request_repaint();
        }
        self.update_window_title(&ctx);
    }

    fn read_window_shortcuts(&mut self, ctx: &egui::Context) {
        if self.ui_state.typed_path.is_some() {
            return; // The "Type the path" window has the keyboard.
        }
        // A text field being typed in keeps Ctrl+Z, Ctrl+Y and Ctrl+X for its own text.
        let typing = ctx.egui_wants_keyboard_input();
        let register_open = self.document.is_some();
        for (shortcut, entry) in command_table::window_shortcuts() {
            let answers = match entry.answered_by {
                AnsweredBy::Window => true,
                AnsweredBy::WindowUnlessTyping => !typing,
                AnsweredBy::WindowWithoutRegister => !register_open,
                AnsweredBy::Table => false,
            };
            if answers && ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                self.commands.send(entry.command.clone());
            }
        }
        // The desktop turns Ctrl+X into a Cut event before egui sees the key.
        if !typing && register_open && ctx.input(|i| i.events.contains(&egui::Event::Cut)) {
            ctx.input_mut(|input| input.events.retain(|e| *e != egui::Event::Cut));
            self.commands.send(Command::TableAction(TableAction::Cut));
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.pending_dialog else {
            return;
        };
        match pending.poll() {
            file_dialog::DialogOutcome::Waiting => {
                // The helper thread wakes us when the user answers; this is a safety net.
                ctx.request_repaint_after(Duration::from_millis(500));
            }
            outcome => {
                let purpose = pending.purpose;
                let seemed_missing = pending.closed_too_soon_to_be_seen();
                self.pending_dialog = None;
                self.file_dialog_finished(purpose, outcome, seemed_missing);
            }
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Text typed but not yet committed (the window closed with the cursor in a field).
        self.commit_pending_typing();
    }
}

/// Opens the window on `file` (or the register used last) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let file = file.map(|path| std::path::absolute(&path).unwrap_or(path));
    let settings_folder = crate::platform::data_folder();
    let mut viewport = egui::ViewportBuilder::default();
    // The window shows the program's icon where the desktop draws one; without it, the default.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(crate::platform::ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title(APP_NAME)
            .with_app_id("partnership-atlas")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |_creation| Ok(Box::new(AtlasApp::new(file, settings_folder)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "partnership-atlas: the window could not be opened ({error}). \
                 The command line still works: see `partnership-atlas --help`"
            );
            ExitCode::FAILURE
        }
    }
}
