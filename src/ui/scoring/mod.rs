//! The scoring panels: the assessment form for a partnership (its own searchable picker and
//! "next due for review", the criteria, live results, recommendation and override, resources,
//! history whose rows open the whole assessment), the overview of every partnership for the
//! annual review, the risk/value matrix, and the scoring scheme's settings.
//!
//! The assessment form keeps one draft per partnership, so choosing another partnership
//! loses nothing typed. After Save the panel shows the saved assessment with "Saved" and "New
//! assessment"; if the save is undone, the draft is back as it was.

mod assessment_card;
mod assessor;
mod criteria_form;
mod draft;
mod history;
pub mod matrix_view;
pub mod overview_table;
mod picker;
mod results;
pub mod scheme_settings;
mod start_from_last;

use std::collections::BTreeMap;

pub use assessment_card::{BACK_TO_FORM, NEW_ASSESSMENT};
pub use assessor::{ASSESSOR_LABEL, CHOOSE_ASSESSOR, default_assessor};
pub use criteria_form::{evidence_label, score_label};
pub use draft::AssessmentDraft;
pub use picker::{PICKER_LABEL, PICKER_SEARCH_LABEL};
pub use start_from_last::{FILL_UNSCORED, REPLACE_SCORES, START_FROM_LAST};

use super::PanelContext;
use crate::model::{AssessmentId, PartnershipId, Register};
use crate::scoring::{self, Overview};
use crate::ui::CommandQueue;
use assessment_card::{CardAction, CardPurpose};

/// The assessment panel's memory between frames.
#[derive(Debug, Default)]
pub struct ScoringPanelState {
    /// The assessment being filled in, per partnership.
    drafts: BTreeMap<PartnershipId, AssessmentDraft>,
    /// An assessment opened from the history, shown in full until closed.
    opened: Option<AssessmentId>,
    /// The partnership picker's search words.
    picker: picker::PickerState,
    /// "Start from the last assessment" is asking before it overwrites entered scores.
    confirm_start_from: Option<PartnershipId>,
    /// The overview the picker orders partnerships by, and for which revision and day.
    overview: Option<(u64, chrono::NaiveDate, Overview)>,
}

impl ScoringPanelState {
    /// Forgets the drafts (another register was opened).
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }

    /// The draft for `partnership`, if one was started.
    pub fn draft(&self, partnership: PartnershipId) -> Option<&AssessmentDraft> {
        self.drafts.get(&partnership)
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Draws the assessment panel for `current`, with a picker that changes it.
pub fn scoring_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ScoringPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let today = today();
    ui.horizontal(|ui| {
        ui.heading("Assessment");
    });
    let before = *current;
    let overview = state_overview(context, &mut state.overview, today);
    picker::picker_ui(ui, overview, &mut state.picker, current);
    if *current != before {
        state.opened = None;
    }
    let Some(partnership) = current.and_then(|id| register.partnerships.get(&id)) else {
        ui.label("Choose the partnership to assess above, or take the next due for review.");
        return;
    };
    let id = partnership.id;
    let scheme = scoring::current_scheme(register);
    let draft = state.drafts.entry(id).or_insert_with(|| {
        AssessmentDraft::new(
            id,
            today,
            default_assessor(register, assessor::account_name().as_deref()),
        )
    });
    // A save the register no longer has (undone, or the write failed): the form is back.
    if draft
        .saved_as
        .is_some_and(|saved| !register.assessments.contains_key(&saved))
    {
        draft.saved_as = None;
    }
    status_line_ui(ui, register, id, today);
    let last = register.current_assessment_as_at(id, today);
    let showing_card = state.opened.is_some() || draft.saved_as.is_some();
    if let Some(last) = last
        && !showing_card
        && !context.read_only
    {
        start_from_last::button_ui(ui, draft, last, &scheme, &mut state.confirm_start_from);
    }
    ui.separator();

    // An assessment opened from the history, or the one just saved, in full.
    let card = match (state.opened, draft.saved_as) {
        (Some(opened), _) => register
            .assessments
            .get(&opened)
            .filter(|a| a.partnership == id)
            .map(|a| (a, CardPurpose::Opened)),
        (None, Some(saved)) => register
            .assessments
            .get(&saved)
            .map(|a| (a, CardPurpose::JustSaved)),
        (None, None) => None,
    };
    if let Some((assessment, purpose)) = card {
        let mut opened = None;
        let action = egui::ScrollArea::vertical()
            .id_salt("assessment_card_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let scheme = scoring::scheme_for_version(register, assessment.scheme_version);
                let action = assessment_card::assessment_card_ui(
                    ui,
                    assessment,
                    scheme.as_deref(),
                    &partnership.name,
                    purpose,
                );
                ui.separator();
                opened = history::history_ui(ui, register, id);
                action
            })
            .inner;
        match action {
            CardAction::NewAssessment => {
                *draft = AssessmentDraft::new(id, today, draft.assessor.clone());
            }
            CardAction::Close => state.opened = None,
            CardAction::None => {}
        }
        if opened.is_some() {
            state.opened = opened;
        }
        return;
    }
    state.opened = None;
    if state.confirm_start_from == Some(id)
        && let Some(last) = last
    {
        start_from_last::confirm_ui(
            ui.ctx(),
            draft,
            last,
            &scheme,
            &mut state.confirm_start_from,
        );
    }
    let mut opened = None;
    let side_width = (ui.available_width() * 0.45).clamp(360.0, 620.0);
    egui::Panel::right("assessment_results_side")
        .resizable(true)
        .default_size(side_width)
        .size_range(320.0..=820.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("assessment_side_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        assessor::assessor_field_ui(
                            ui,
                            register,
                            &mut draft.assessor,
                            context.read_only,
                        );
                        let label = ui.label("Date");
                        ui.add(
                            egui::TextEdit::singleline(&mut draft.date_text).desired_width(100.0),
                        )
                        .labelled_by(label.id);
                    });
                    let evaluation = draft.evaluate(register, &scheme);
                    results::results_ui(ui, &evaluation);
                    let suggested = evaluation
                        .suggested
                        .as_ref()
                        .ok()
                        .map(|o| o.recommendation.suggested);
                    results::recommendation_ui(ui, draft, suggested);
                    // The choice may have changed: work it out again before offering Save.
                    let evaluation = draft.evaluate(register, &scheme);
                    results::save_ui(
                        ui,
                        register,
                        &scheme,
                        draft,
                        evaluation,
                        context.read_only,
                        commands,
                    );
                    ui.separator();
                    results::resources_ui(ui, register, draft);
                    ui.separator();
                    opened = history::history_ui(ui, register, id);
                });
        });
    egui::ScrollArea::vertical()
        .id_salt("assessment_criteria_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(format!(
                "Scored by {} (version {}).",
                scheme.name, scheme.version
            ));
            criteria_form::criteria_form_ui(ui, &scheme, draft, context.read_only);
            ui.add_space(6.0);
            let label = ui.label("Notes");
            ui.add(
                egui::TextEdit::multiline(&mut draft.notes)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
    if opened.is_some() {
        state.opened = opened;
    }
}

/// The overview for the picker, rebuilt when the register or the day changes.
fn state_overview<'a>(
    context: &PanelContext<'_>,
    cache: &'a mut Option<(u64, chrono::NaiveDate, Overview)>,
    today: chrono::NaiveDate,
) -> &'a Overview {
    let stale = cache
        .as_ref()
        .is_none_or(|(revision, day, _)| *revision != context.revision || *day != today);
    if stale {
        *cache = None;
    }
    let (_, _, overview) = cache.get_or_insert_with(|| {
        let overview = scoring::overview_for(context.register, &scoring::ReviewBasis::on(today));
        (context.revision, today, overview)
    });
    overview
}

/// "Last assessed 1 June 2025 by Ann Hawkins; next review due 1 June 2026 (overdue)", from the
/// register's one review rule.
fn status_line_ui(
    ui: &mut egui::Ui,
    register: &Register,
    id: PartnershipId,
    today: chrono::NaiveDate,
) {
    let Some(due) = register.review_due(id, today) else {
        return;
    };
    let last = register.current_assessment_as_at(id, today);
    let assessed = match last {
        Some(a) => {
            let when = a
                .date
                .map_or_else(|| "on an unrecorded date".to_string(), picker::long_date);
            if a.assessor.is_empty() {
                format!("Last assessed {when}")
            } else {
                format!("Last assessed {when} by {}", a.assessor)
            }
        }
        None => "Never assessed".to_string(),
    };
    let review = match due.date {
        Some(date) if due.is_overdue(today) => {
            format!("next review was due {} (overdue)", picker::long_date(date))
        }
        Some(date) => format!("next review due {}", picker::long_date(date)),
        None => "no next review set".to_string(),
    };
    let text = egui::RichText::new(format!("{assessed}; {review}."));
    let text = if due.is_overdue(today) {
        text.color(crate::ui::theme::invalid_text_colour(ui.visuals()))
    } else {
        text
    };
    ui.label(text);
}
