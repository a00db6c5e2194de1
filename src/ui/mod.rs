//! Everything drawn on screen, one panel per file. UI code reads the register and its own
//! state, and sends [`Command`]s for anything that changes the register or the open file; it
//! never changes the register itself.
//!
//! Only this module and `crate::app` use egui, eframe and egui_extras. `Command`s and
//! `Message`s are defined here, below `app`, so the UI never depends on the app that applies
//! them.

pub mod analysis;
mod appendix_pack_dialog;
mod choice_combo;
pub mod command;
pub mod command_table;
pub mod diagram;
pub mod help_windows;
pub mod import_dialog;
mod menu_bar;
pub mod merge_records_dialog;
pub mod merge_register_dialog;
pub mod message;
mod messages;
pub mod navigation_bar;
pub mod partnerships;
mod people_panel;
mod register_panels;
pub mod review;
pub mod scene_painter;
pub mod scoring;
mod show_record;
mod start_page;
mod status_bar;
pub mod table_panels;
pub mod table_view;
mod text_field;
pub mod theme;
mod typed_path_dialog;

use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::model::{PartnershipId, Register};
use crate::ui::message::Message;

pub use appendix_pack_dialog::{AppendixPackDialog, PackRequest, TableRequest};
pub use choice_combo::choice_combo_ui;
pub use command::{Command, CommandQueue};
pub use diagram::{DiagramExport, DiagramPanelState};
pub use help_windows::HelpTopic;
pub use import_dialog::ImportDialog;
pub use navigation_bar::Section;
pub use partnerships::{PaneSizes, PartnershipsPanelState};
pub use show_record::show_record;
pub use text_field::{FieldBuffers, TextFieldRules, committed_text_field_ui};
pub use typed_path_dialog::{PathPurpose, TypedPathDialog, tidy_typed_path};

/// The panels the navigation list offers (only those that work), in its sections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PanelKind {
    /// The register's partnerships, with a detail form.
    #[default]
    Partnerships,
    /// Typed relationships between partnerships.
    Relationships,
    /// Partner organisations.
    Organisations,
    /// People, representation, and the person x partnership matrix.
    People,
    /// Organisations in partnerships.
    Memberships,
    /// Money and in-kind input.
    Contributions,
    /// Strategy documents, objectives, measures and deliveries.
    Strategies,
    /// Themes and corporate priorities with their partnerships.
    Themes,
    /// The action plan.
    Actions,
    /// The "partnership of partnerships" diagram.
    Diagram,
    /// The assessment form for the current partnership.
    Scoring,
    /// The annual review overview of every partnership.
    AnnualReview,
    /// The risk/value matrix chart.
    Matrix,
    /// The scoring scheme's settings.
    ScoringScheme,
    /// Overlaps, conformity, gaps, load and the knowledge network.
    Analysis,
    /// Snapshots of the register and what changed since one.
    Review,
    /// Who changed what, when.
    AuditLog,
    /// Questionnaire rounds: sent, reminded, returned.
    Rounds,
}

impl PanelKind {
    /// Every panel, in navigation order.
    pub const ALL: &'static [Self] = &[
        Self::Partnerships,
        Self::Relationships,
        Self::Organisations,
        Self::People,
        Self::Memberships,
        Self::Contributions,
        Self::Strategies,
        Self::Themes,
        Self::Actions,
        Self::Diagram,
        Self::Scoring,
        Self::AnnualReview,
        Self::Matrix,
        Self::ScoringScheme,
        Self::Analysis,
        Self::Review,
        Self::Rounds,
        Self::AuditLog,
    ];

    /// The panel's name in the navigation list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Partnerships => "Partnerships",
            Self::Relationships => "Relationships",
            Self::Organisations => "Organisations",
            Self::People => "People and representation",
            Self::Memberships => "Memberships",
            Self::Contributions => "Contributions",
            Self::Strategies => "Strategies",
            Self::Themes => "Themes and priorities",
            Self::Actions => "Actions",
            Self::Diagram => "Diagram",
            Self::Scoring => "Assessment",
            Self::AnnualReview => "Annual review",
            Self::Matrix => "Risk/value matrix",
            Self::ScoringScheme => "Scoring scheme",
            Self::Analysis => "Analysis",
            Self::Review => "Snapshots and changes",
            Self::AuditLog => "Audit log",
            Self::Rounds => "Questionnaire rounds",
        }
    }
}

/// What the screen shows, kept between frames: which panel, what is selected, half-typed
/// values. Never the register itself.
#[derive(Debug, Default)]
pub struct UiState {
    /// The panel on show.
    pub panel: PanelKind,
    /// The partnership selected: the current partnership for every panel.
    pub current_partnership: Option<PartnershipId>,
    /// The partnerships panel's own state (filter, sort, the detail form).
    pub partnerships: PartnershipsPanelState,
    /// The other table panels' state.
    pub tables: table_panels::TablePanels,
    /// The diagram panel's own state (view, selection, zoom, tools).
    pub diagram: DiagramPanelState,
    /// The assessment form's draft.
    pub scoring: scoring::ScoringPanelState,
    /// The annual review overview's filter and sort.
    pub overview: scoring::overview_table::OverviewState,
    /// The matrix chart as last built.
    pub matrix: scoring::matrix_view::MatrixViewState,
    /// The scoring scheme being edited.
    pub scheme: scoring::scheme_settings::SchemeSettingsState,
    /// The Analysis section's question, thresholds and chosen finding.
    pub analysis: analysis::AnalysisPanelState,
    /// The Review section's snapshots and comparison.
    pub review: review::ReviewPanelState,
    /// The Review section's questionnaire rounds.
    pub rounds: review::rounds::RoundsPanelState,
    /// The audit log's filters and the pages read.
    pub audit: review::audit_log::AuditLogState,
    /// The "Type the path" window, while it is open.
    pub typed_path: Option<TypedPathDialog>,
    /// The import window (File, Import...), while it is open.
    pub import: Option<ImportDialog>,
    /// The merge register window (File, Merge register...), while it is open.
    pub merge_register: Option<merge_register_dialog::MergeRegisterDialog>,
    /// The appendix pack window (File, Export appendix pack...).
    pub appendix_pack: AppendixPackDialog,
    /// The Help window open, if one is.
    pub help: Option<HelpTopic>,
    /// The navigation list is hidden to a narrow strip (View, Show or hide the navigation list).
    pub navigation_hidden: bool,
}

impl UiState {
    /// A different register was opened (or it was closed): forget selections and drafts.
    pub fn register_changed_hands(&mut self) {
        self.current_partnership = None;
        self.partnerships.forget_register();
        self.tables.forget_register();
        self.diagram.forget_register();
        self.scoring.forget_register();
        self.overview.forget_register();
        self.matrix.forget_register();
        self.scheme.forget_register();
        self.analysis.forget_register();
        self.review.forget_register();
        self.rounds.forget_register();
        self.audit.forget_register();
    }

    /// A partnership was just added: select it, show it, and put the cursor in its name.
    pub fn partnership_added(&mut self, id: PartnershipId) {
        self.panel = PanelKind::Partnerships;
        self.current_partnership = Some(id);
        self.partnerships.show_added(id);
    }
}

/// What a frame may read of the application.
pub struct AppView<'a> {
    /// The open register, if any.
    pub document: Option<&'a Document>,
    /// Changes whenever the register changes.
    pub revision: u64,
    /// Messages for the user.
    pub messages: &'a [Message],
    /// Recently opened registers, newest first.
    pub recent_files: &'a [PathBuf],
    /// A file window is open, waiting for the user.
    pub file_dialog_open: bool,
    /// The folder holding the settings and the sample register, if there is one.
    pub settings_folder: Option<&'a Path>,
    /// A text field had the keyboard as the menus opened: Cut, Copy, Paste and Select all
    /// act in it.
    pub typing: bool,
}

/// What a panel may read of the register.
pub struct PanelContext<'a> {
    /// The register as it is now.
    pub register: &'a Register,
    /// Changes are refused.
    pub read_only: bool,
    /// Changes whenever the register changes.
    pub revision: u64,
}

/// Draws the whole window: menu, navigation, the panel, status bar, messages, dialogs.
pub fn app_ui(
    ui: &mut egui::Ui,
    view: &AppView<'_>,
    state: &mut UiState,
    commands: &mut CommandQueue,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        menu_bar::menu_bar_ui(ui, view, state.panel, commands)
    });
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(ui, view));
    if view.document.is_some() {
        navigation_bar::navigation_ui(ui, state.panel, state.navigation_hidden, commands);
    }
    egui::CentralPanel::default().show(ui, |ui| match view.document {
        None => start_page::start_page_ui(ui, view, commands),
        Some(document) => {
            let context = PanelContext {
                register: document.register(),
                read_only: document.is_read_only(),
                revision: view.revision,
            };
            let current = &mut state.current_partnership;
            let tables = &mut state.tables;
            match state.panel {
                PanelKind::Partnerships => partnerships::partnerships_panel_ui(
                    ui,
                    &context,
                    &mut state.partnerships,
                    tables,
                    current,
                    commands,
                ),
                PanelKind::Relationships => {
                    register_panels::relationships_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Organisations => {
                    register_panels::organisations_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::People => {
                    people_panel::people_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Memberships => {
                    register_panels::memberships_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Contributions => {
                    register_panels::contributions_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Strategies => {
                    register_panels::strategies_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Themes => {
                    register_panels::themes_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Actions => {
                    register_panels::actions_panel_ui(ui, &context, tables, current, commands)
                }
                PanelKind::Diagram => {
                    diagram::diagram_panel_ui(ui, &context, &mut state.diagram, current, commands)
                }
                PanelKind::Scoring => scoring::scoring_panel_ui(
                    ui,
                    &context,
                    &mut state.scoring,
                    &mut state.current_partnership,
                    commands,
                ),
                PanelKind::AnnualReview => scoring::overview_table::overview_ui(
                    ui,
                    &context,
                    &mut state.overview,
                    &mut state.current_partnership,
                    commands,
                ),
                PanelKind::Matrix => scoring::matrix_view::matrix_view_ui(
                    ui,
                    &context,
                    &mut state.matrix,
                    state.overview.basis(),
                    &mut state.current_partnership,
                    commands,
                ),
                PanelKind::Analysis => analysis::analysis_panel_ui(
                    ui,
                    &context,
                    &mut state.analysis,
                    &mut state.current_partnership,
                    &mut state.diagram,
                    commands,
                ),
                PanelKind::AuditLog => review::audit_log::audit_log_ui(
                    ui,
                    document.store(),
                    view.revision,
                    &mut state.audit,
                ),
                PanelKind::Review => {
                    review::review_panel_ui(ui, &context, &mut state.review, commands)
                }
                PanelKind::Rounds => {
                    review::rounds::rounds_panel_ui(ui, &context, &mut state.rounds, commands)
                }
                PanelKind::ScoringScheme => scoring::scheme_settings::scheme_settings_ui(
                    ui,
                    &context,
                    &mut state.scheme,
                    commands,
                ),
            }
        }
    });
    messages::messages_ui(ui.ctx(), view.messages, commands);
    let facts = help_windows::HelpFacts {
        settings_folder: view.settings_folder,
        register: view.document.map(Document::path),
    };
    help_windows::help_window_ui(ui.ctx(), &mut state.help, &facts);
    if let Some(dialog) = &mut state.import {
        import_dialog::import_dialog_ui(ui.ctx(), dialog, commands);
    }
    if let Some(dialog) = &mut state.typed_path {
        typed_path_dialog::typed_path_dialog_ui(ui.ctx(), dialog, commands);
    }
    if let Some(document) = view.document {
        merge_register_dialog::merge_register_dialog_ui(
            ui.ctx(),
            document.register(),
            &mut state.merge_register,
            commands,
        );
        appendix_pack_dialog::appendix_pack_dialog_ui(
            ui.ctx(),
            document.register(),
            &mut state.appendix_pack,
            commands,
        );
    }
}
