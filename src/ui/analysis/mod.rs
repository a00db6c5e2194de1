//! The Analysis section: the five questions a head of policy asks of the whole register, each
//! answer with its evidence (`crate::analysis`). One panel per question, each in its own file
//! (its thresholds and its rows); this file draws the question tabs, the list of findings, the
//! chosen finding's evidence with "Show in diagram" and "Show in tables" (`follow.rs`), and
//! the export of the answer as a table for a paper.
//!
//! The answers are worked out again only when the register or a threshold changes. Beside the
//! five questions, "Explore a network" (`explore/`) explores a membership view or the
//! knowledge network live.

mod conformity;
pub mod explore;
mod follow;
mod gaps;
mod knowledge;
mod load;
mod overlaps;

use egui::{Align, Layout};
use egui_extras::{Column, TableBuilder};

use super::PanelContext;
use super::diagram::DiagramPanelState;
use crate::analysis::{AnalysisSettings, Question};
use crate::model::{PartnershipId, RecordKey, RepresentationId, parse_date};
use crate::ui::{Command, CommandQueue};

pub use knowledge::RouteForm;

/// One finding as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingRow {
    /// The cells, one per heading.
    pub cells: Vec<String>,
    /// The whole evidence, in words.
    pub evidence: String,
    /// The records it is about, most important first.
    pub records: Vec<RecordKey>,
    /// The representation a report-back route may be recorded for (knowledge findings).
    pub representation: Option<RepresentationId>,
    /// Stands out (above a threshold, overdue).
    pub flagged: bool,
}

/// One answer, ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The column headings.
    pub headings: Vec<&'static str>,
    /// Each column's starting width (the last takes what is left).
    pub widths: Vec<f32>,
    /// The findings.
    pub rows: Vec<FindingRow>,
    /// A line above the list ("3 pairs score 20% or more").
    pub summary: String,
}

struct Cached {
    revision: u64,
    question: Question,
    settings: AnalysisSettings,
    answer: Answer,
}

/// The section's state between frames (never the register).
pub struct AnalysisPanelState {
    /// The question on show.
    pub question: Question,
    /// Every threshold, and the day the answers are for.
    pub settings: AnalysisSettings,
    /// The "as at" date as typed.
    pub as_at_text: String,
    /// The chosen finding, by its place in the list.
    pub selected: Option<usize>,
    /// Where to export the answer.
    pub export_path: String,
    /// The report-back route being recorded from a knowledge finding.
    pub route_form: RouteForm,
    /// Exploring a network instead of answering a question.
    pub exploring: bool,
    /// Explore mode.
    pub explore: explore::ExploreState,
    cache: Option<Cached>,
}

impl Default for AnalysisPanelState {
    fn default() -> Self {
        let today = chrono::Local::now().date_naive();
        Self {
            question: Question::Overlaps,
            settings: AnalysisSettings::on(today),
            as_at_text: today.to_string(),
            selected: None,
            export_path: String::new(),
            route_form: RouteForm::default(),
            exploring: false,
            explore: explore::ExploreState::default(),
            cache: None,
        }
    }
}

impl std::fmt::Debug for AnalysisPanelState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalysisPanelState")
            .field("question", &self.question)
            .field("selected", &self.selected)
            .finish_non_exhaustive()
    }
}

impl AnalysisPanelState {
    /// A different register: forget the chosen finding and the answers.
    pub fn forget_register(&mut self) {
        self.selected = None;
        self.cache = None;
        self.route_form = RouteForm::default();
        self.explore.forget_register();
    }

    /// The answer on show, worked out again if the register or a threshold changed.
    pub fn answer(&mut self, context: &PanelContext<'_>) -> &Answer {
        let fresh = self.cache.as_ref().is_some_and(|c| {
            c.revision == context.revision
                && c.question == self.question
                && c.settings == self.settings
        });
        if !fresh {
            let register = context.register;
            let answer = match self.question {
                Question::Overlaps => overlaps::answer(register, &self.settings),
                Question::Conformity => conformity::answer(register, &self.settings),
                Question::Gaps => gaps::answer(register, &self.settings),
                Question::Load => load::answer(register, &self.settings),
                Question::Knowledge => knowledge::answer(register, &self.settings),
            };
            if self.selected.is_some_and(|i| i >= answer.rows.len()) {
                self.selected = None;
            }
            self.cache = Some(Cached {
                revision: context.revision,
                question: self.question,
                settings: self.settings,
                answer,
            });
        }
        match &self.cache {
            Some(cached) => &cached.answer,
            None => empty_answer(),
        }
    }
}

fn empty_answer() -> &'static Answer {
    static EMPTY: std::sync::OnceLock<Answer> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Answer::default)
}

/// Draws the Analysis section.
pub fn analysis_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut AnalysisPanelState,
    current: &mut Option<PartnershipId>,
    diagram: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    ui.horizontal_wrapped(|ui| {
        for question in Question::ALL {
            let chosen = !state.exploring && state.question == question;
            if ui.selectable_label(chosen, question.label()).clicked() && !chosen {
                state.question = question;
                state.selected = None;
                state.exploring = false;
            }
        }
        ui.separator();
        if ui
            .selectable_label(state.exploring, "Explore a network")
            .on_hover_text(
                "Explore a membership view or the knowledge network: it arranges itself, and \
                 you can drag and pin nodes",
            )
            .clicked()
        {
            state.exploring = !state.exploring;
        }
    });
    ui.separator();
    if state.exploring {
        ui.heading("How are our partnerships, members and report-back routes connected?");
        let settings = state.settings;
        explore::explore_ui(ui, context, &mut state.explore, &settings, commands);
        return;
    }
    ui.heading(state.question.question());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("As at").id;
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.as_at_text)
                    .desired_width(90.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label);
        let response = response.on_hover_text("The day the answers are for");
        if (response.lost_focus() || response.changed())
            && let Ok(date) = parse_date(&state.as_at_text)
        {
            state.settings = state.settings.with_today(date);
        }
        ui.separator();
        let settings = &mut state.settings;
        match state.question {
            Question::Overlaps => overlaps::thresholds_ui(ui, settings),
            Question::Conformity => conformity::thresholds_ui(ui, settings),
            Question::Gaps => gaps::thresholds_ui(ui, settings),
            Question::Load => load::thresholds_ui(ui, settings),
            Question::Knowledge => knowledge::thresholds_ui(ui, settings),
        }
    });
    let answer = state.answer(context).clone();
    ui.label(&answer.summary);
    export_ui(ui, state, commands);
    egui::Panel::right("analysis_evidence")
        .resizable(true)
        .default_size(380.0)
        .size_range(240.0..=700.0)
        .show(ui, |ui| {
            evidence_ui(ui, context, state, &answer, current, diagram, commands);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        if answer.rows.is_empty() {
            ui.label("Nothing found with these thresholds.");
            return;
        }
        findings_ui(ui, state, &answer);
    });
}

/// The list of findings; a click chooses one.
fn findings_ui(ui: &mut egui::Ui, state: &mut AnalysisPanelState, answer: &Answer) {
    let row_height = ui.spacing().interact_size.y + 2.0;
    let warn = ui.visuals().warn_fg_color;
    let mut clicked = None;
    // On a narrow window the columns share the room, so the evidence stays in view.
    let wanted: f32 = answer.widths.iter().sum::<f32>() + 200.0;
    ui.scope(|ui| {
        let scale = (ui.available_width() / wanted).clamp(0.45, 1.0);
        let mut table = TableBuilder::new(ui)
            .id_salt(("analysis_table", state.question))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center));
        for (index, _) in answer.headings.iter().enumerate() {
            let column = if index + 1 == answer.headings.len() {
                Column::remainder().at_least(120.0).clip(true)
            } else {
                let width = answer.widths.get(index).copied().unwrap_or(150.0) * scale;
                Column::initial(width).at_least(40.0).clip(true)
            };
            table = table.column(column);
        }
        table
            .header(row_height, |mut header| {
                for heading in &answer.headings {
                    header.col(|ui| {
                        ui.strong(*heading);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, answer.rows.len(), |mut table_row| {
                    let index = table_row.index();
                    let Some(row) = answer.rows.get(index) else {
                        return;
                    };
                    let selected = state.selected == Some(index);
                    table_row.set_selected(selected);
                    let mut hit = false;
                    for (column, cell) in row.cells.iter().enumerate() {
                        table_row.col(|ui| {
                            let mut text = egui::RichText::new(cell);
                            if row.flagged && column + 1 == row.cells.len() {
                                text = text.color(warn);
                            }
                            if column == 0 {
                                hit |= ui.selectable_label(selected, text).clicked();
                            } else {
                                ui.label(text).on_hover_text(cell);
                            }
                        });
                    }
                    if hit || table_row.response().clicked() {
                        clicked = Some(index);
                    }
                });
            });
    });
    if let Some(index) = clicked {
        state.selected = Some(index);
    }
}

/// The chosen finding's evidence, the ways to follow it, and the export.
fn evidence_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut AnalysisPanelState,
    answer: &Answer,
    current: &mut Option<PartnershipId>,
    diagram: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(row) = state.selected.and_then(|i| answer.rows.get(i)) else {
        ui.add(
            egui::Label::new(
                "Choose a finding to see its evidence and show its records in the diagram and \
                 the tables.",
            )
            .wrap(),
        );
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(row.cells.first().map_or("", String::as_str)).strong(),
                )
                .wrap(),
            );
            ui.horizontal_wrapped(|ui| {
                let partnerships = follow::partnerships_in(&row.records);
                if ui
                    .add_enabled(
                        !partnerships.is_empty(),
                        egui::Button::new("Show in diagram"),
                    )
                    .on_hover_text("Select these partnerships in the diagram")
                    .clicked()
                {
                    follow::show_in_diagram(
                        context.register,
                        &partnerships,
                        current,
                        diagram,
                        commands,
                    );
                }
                if ui
                    .button("Show in tables")
                    .on_hover_text("Make the first partnership current and open its table")
                    .clicked()
                {
                    follow::show_in_tables(&row.records, current, commands);
                }
            });
            ui.add(egui::Label::new(&row.evidence).wrap());
            if state.question == Question::Knowledge
                && let Some(representation) = row.representation
            {
                ui.separator();
                knowledge::route_form_ui(
                    ui,
                    context,
                    &mut state.route_form,
                    representation,
                    &state.settings,
                    commands,
                );
            }
        });
}

/// "Export as table": a path ending .csv, .xlsx, .docx or .pdf.
fn export_ui(ui: &mut egui::Ui, state: &mut AnalysisPanelState, commands: &mut CommandQueue) {
    ui.horizontal(|ui| {
        let label = ui.label("Export this answer to").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.export_path)
                .desired_width(320.0)
                .hint_text("a .csv, .xlsx, .docx or .pdf file"),
        )
        .labelled_by(label)
        .on_hover_text("The file to write the answer to, as a table for a paper");
        let path = super::tidy_typed_path(&state.export_path);
        if ui
            .add_enabled(path.is_some(), egui::Button::new("Export answer"))
            .clicked()
            && let Some(path) = path
        {
            commands.send(Command::ExportAnalysisTo {
                question: state.question,
                settings: Box::new(state.settings),
                path,
            });
        }
    });
}
