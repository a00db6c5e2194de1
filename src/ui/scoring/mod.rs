//! The scoring panels: the assessment form for the current partnership (criteria, live
//! results, recommendation and override, resources, history), the overview of every
//! partnership for the annual review, the risk/value matrix, and the scoring scheme's
//! settings.

mod criteria_form;
mod draft;
pub mod matrix_view;
pub mod overview_table;
mod results;
pub mod scheme_settings;

pub use criteria_form::{evidence_label, score_label};
pub use draft::AssessmentDraft;

use super::PanelContext;
use crate::model::PartnershipId;
use crate::scoring;
use crate::ui::CommandQueue;

/// The assessment panel's memory between frames.
#[derive(Debug, Default)]
pub struct ScoringPanelState {
    /// The assessment being filled in (for the current partnership).
    pub draft: Option<AssessmentDraft>,
}

impl ScoringPanelState {
    /// Forgets the draft (another register was opened).
    pub fn forget_register(&mut self) {
        self.draft = None;
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Draws the assessment panel for `current`.
pub fn scoring_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ScoringPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(partnership) = current.and_then(|id| register.partnerships.get(&id)) else {
        ui.label("Choose a partnership (in Partnerships or Annual review) to assess it.");
        return;
    };
    // A draft saved and now in the register is done; a draft for another partnership waits.
    let saved = state
        .draft
        .as_ref()
        .and_then(|d| d.saved_as)
        .is_some_and(|id| register.assessments.contains_key(&id));
    if saved
        || state
            .draft
            .as_ref()
            .is_none_or(|d| d.partnership != partnership.id)
    {
        state.draft = Some(AssessmentDraft::new(
            partnership.id,
            today(),
            crate::platform::user_name(),
        ));
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let scheme = scoring::current_scheme(register);

    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Assess {}", partnership.name));
        match register.current_assessment(partnership.id) {
            Some(current) => {
                ui.label(format!(
                    "Last assessed {}; next review due {}.",
                    current
                        .date
                        .map_or_else(|| "undated".to_string(), |d| d.to_string()),
                    current
                        .next_review
                        .map_or_else(|| "not set".to_string(), |d| d.to_string())
                ));
                if ui
                    .button("Start from the last assessment")
                    .on_hover_text(
                        "Copy its scores and evidence into this form, to change what has changed",
                    )
                    .clicked()
                {
                    draft.start_from(current, &scheme);
                }
            }
            None => {
                ui.label("Never assessed.");
            }
        }
    });
    ui.label(format!(
        "Scored by {} (version {}).",
        scheme.name, scheme.version
    ));
    ui.separator();

    egui::Panel::right("assessment_results_side")
        .resizable(true)
        .default_size(520.0)
        .size_range(380.0..=820.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("assessment_side_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label("Assessor");
                        ui.add(
                            egui::TextEdit::singleline(&mut draft.assessor).desired_width(180.0),
                        )
                        .labelled_by(label.id);
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
                    results::history_ui(ui, register, partnership.id);
                });
        });
    egui::ScrollArea::vertical()
        .id_salt("assessment_criteria_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
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
}
