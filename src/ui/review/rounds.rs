//! The Review section's "Questionnaire rounds" panel: start a round (all active partnerships,
//! a theme's, or the significant ones), choose a round, see its progress as a bar ("27 of 80
//! outstanding") and a table, mark questionnaires sent, reminded or returned, write the
//! questionnaires and the reminder CSV to files, edit the questions, and read a returned
//! workbook through a field-by-field preview applied as one step. The rounds themselves are
//! worked out by `crate::review::rounds`; files are written and read by the app.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::typed_day;
use crate::model::{Edit, RoundId, RoundRule, ThemeId};
use crate::review::rounds::{Mark, ReturnPreview, RoundError, mark, progress, start_round};
use crate::ui::{Command, CommandQueue, PanelContext};

/// The panel's state between frames.
#[derive(Debug, Default)]
pub struct RoundsPanelState {
    /// The name typed for a new round.
    pub new_name: String,
    /// Which partnerships a new round asks.
    pub new_rule: RuleChoice,
    /// The theme chosen for a theme round.
    pub new_theme: Option<ThemeId>,
    /// The due day typed for a new round.
    pub new_due: String,
    /// The round on show (`None`: the newest).
    pub round: Option<RoundId>,
    /// The folder to write questionnaires into.
    pub papers_folder: String,
    /// Where to write the reminder CSV.
    pub reminders_path: String,
    /// The returned workbook to read.
    pub return_path: String,
    /// A returned questionnaire read and waiting to be applied or closed.
    pub preview: Option<ReturnPreview>,
    /// The question list being edited: the question's place and the words typed.
    pub rewording: Option<(usize, String)>,
}

/// Which partnerships a new round asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleChoice {
    /// All active ones.
    #[default]
    AllActive,
    /// Those tagged with a theme.
    Theme,
    /// The significant ones.
    Significant,
}

impl RoundsPanelState {
    /// A different register was opened.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }
}

/// Draws the panel.
pub fn rounds_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut RoundsPanelState,
    commands: &mut CommandQueue,
) {
    ui.heading("Questionnaire rounds");
    ui.label(
        "A round sends each partnership a questionnaire filled in with what the register holds. \
         Track what is sent, reminded and returned, and read the returned workbooks back.",
    );
    ui.add_space(6.0);
    // The controls scroll on their own above the table, which draws only its visible rows
    // (a round of 10,000 partnerships is 10,000 rows).
    let round = shown_round(context, state);
    let controls_height = if round.is_some() {
        (ui.available_height() * 0.5).max(160.0)
    } else {
        ui.available_height()
    };
    egui::ScrollArea::vertical()
        .id_salt("round_controls")
        .max_height(controls_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            start_round_ui(ui, context, state, commands);
            ui.separator();
            let Some(round) = round else {
                ui.weak("No round yet: start one above.");
                return;
            };
            round_ui(ui, context, state, round, commands);
            ui.add_space(6.0);
            super::rounds_questions::questions_ui(ui, context, state, round, commands);
        });
    if let Some(round) = round {
        ui.separator();
        super::rounds_table::progress_table_ui(ui, context, round, commands);
    }
    super::rounds_return::preview_window(ui.ctx(), context, state, commands);
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn shown_round(context: &PanelContext<'_>, state: &RoundsPanelState) -> Option<RoundId> {
    state
        .round
        .filter(|id| context.register.rounds.contains_key(id))
        .or_else(|| context.register.rounds.keys().next_back().copied())
}

/// Sends an edit, or the refusal in words.
pub(super) fn send_edit(commands: &mut CommandQueue, result: Result<Edit, RoundError>) {
    match result {
        Ok(edit) => commands.send(Command::edit(edit)),
        Err(error) => commands.send(Command::ReportError(error.to_string())),
    }
}

fn start_round_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut RoundsPanelState,
    commands: &mut CommandQueue,
) {
    ui.strong("Start a round");
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Round name").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .desired_width(220.0)
                .hint_text("Annual review 2026"),
        )
        .labelled_by(label);
        ui.label("Ask");
        egui::ComboBox::from_id_salt("round_rule")
            .selected_text(match state.new_rule {
                RuleChoice::AllActive => "all active partnerships",
                RuleChoice::Theme => "a theme's partnerships",
                RuleChoice::Significant => "the significant partnerships",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut state.new_rule,
                    RuleChoice::AllActive,
                    "all active partnerships",
                );
                ui.selectable_value(
                    &mut state.new_rule,
                    RuleChoice::Theme,
                    "a theme's partnerships",
                );
                ui.selectable_value(
                    &mut state.new_rule,
                    RuleChoice::Significant,
                    "the significant partnerships",
                );
            });
        if state.new_rule == RuleChoice::Theme {
            let themes = &context.register.themes;
            egui::ComboBox::from_id_salt("round_theme")
                .selected_text(
                    state
                        .new_theme
                        .and_then(|id| themes.get(&id))
                        .map_or("choose a theme", |t| t.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    for theme in themes.values() {
                        ui.selectable_value(&mut state.new_theme, Some(theme.id), &theme.name);
                    }
                });
        }
        let label = ui.label("Return by").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.new_due)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(label);
        let due = typed_day(&state.new_due);
        let rule = match state.new_rule {
            RuleChoice::AllActive => Some(RoundRule::AllActive),
            RuleChoice::Significant => Some(RoundRule::Significant),
            RuleChoice::Theme => state
                .new_theme
                .and_then(|id| context.register.themes.get(&id))
                .map(|t| RoundRule::Theme {
                    theme: t.id,
                    name: t.name.clone(),
                }),
        };
        let can = !context.read_only
            && !state.new_name.trim().is_empty()
            && due.is_ok()
            && rule.is_some();
        if ui
            .add_enabled(can, egui::Button::new("Start round"))
            .on_disabled_hover_text(
                "Type a name, choose who to ask, and a day as YYYY-MM-DD or nothing",
            )
            .clicked()
            && let (Ok(due), Some(rule)) = (due, rule)
        {
            let result = start_round(context.register, &state.new_name, rule, today(), due);
            if result.is_ok() {
                state.new_name.clear();
                state.new_due.clear();
                state.round = None;
            }
            send_edit(commands, result);
        }
    });
}

fn round_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut RoundsPanelState,
    round: RoundId,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(shown) = register.rounds.get(&round) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label("Round");
        egui::ComboBox::from_id_salt("round_shown")
            .selected_text(shown.name.as_str())
            .show_ui(ui, |ui| {
                for r in register.rounds.values().rev() {
                    ui.selectable_value(&mut state.round, Some(r.id), &r.name);
                }
            });
        let started = shown
            .started
            .map(|d| format!("started {}", d.format("%-d %B %Y")))
            .unwrap_or_default();
        let due = shown
            .due
            .map(|d| format!(", returns by {}", d.format("%-d %B %Y")))
            .unwrap_or_default();
        ui.weak(format!("{}; {started}{due}", shown.chosen_by.words()));
    });
    let progress = progress(register, shown);
    ui.add(
        egui::ProgressBar::new(progress.fraction_returned()).text(format!(
            "{} ({} returned)",
            progress.words(),
            progress.returned()
        )),
    );
    ui.label(progress.counts_words());
    ui.horizontal_wrapped(|ui| {
        let can = !context.read_only;
        if ui
            .add_enabled(can, egui::Button::new("Mark all sent today"))
            .clicked()
        {
            send_edit(commands, mark(register, round, &[], Mark::Sent, today()));
        }
        let outstanding: Vec<_> = progress.outstanding_rows().map(|r| r.partnership).collect();
        if ui
            .add_enabled(
                can && !outstanding.is_empty(),
                egui::Button::new("Mark outstanding reminded today"),
            )
            .clicked()
        {
            send_edit(
                commands,
                mark(register, round, &outstanding, Mark::Reminded, today()),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Questionnaires folder").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.papers_folder)
                .desired_width(280.0)
                .hint_text("a folder for one .xlsx and one .pdf each"),
        )
        .labelled_by(label);
        let folder = crate::ui::tidy_typed_path(&state.papers_folder);
        for (words, outstanding_only) in [("Write all", false), ("Write outstanding", true)] {
            if ui
                .add_enabled(folder.is_some(), egui::Button::new(words))
                .clicked()
                && let Some(folder) = folder.clone()
            {
                commands.send(Command::WriteRoundPapers {
                    round,
                    folder,
                    outstanding_only,
                });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Reminder CSV").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.reminders_path)
                .desired_width(280.0)
                .hint_text("reminders.csv, for a mail merge"),
        )
        .labelled_by(label);
        let path = crate::ui::tidy_typed_path(&state.reminders_path);
        if ui
            .add_enabled(path.is_some(), egui::Button::new("Write reminders"))
            .clicked()
            && let Some(path) = path
        {
            commands.send(Command::WriteRoundReminders { round, path });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Returned workbook").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.return_path)
                .desired_width(280.0)
                .hint_text("the filled-in .xlsx"),
        )
        .labelled_by(label);
        let path: Option<PathBuf> = crate::ui::tidy_typed_path(&state.return_path);
        if ui
            .add_enabled(
                path.is_some() && !context.read_only,
                egui::Button::new("Read returned questionnaire"),
            )
            .clicked()
            && let Some(path) = path
        {
            commands.send(Command::ReadQuestionnaire(path));
        }
    });
}
