//! Beside the criteria: the results worked out live (risk, value, governance, significance,
//! value for money, next review), the recommendation with its override and reason, Save (or
//! why it cannot save yet), the partnership's cost to the council, and its history of
//! assessments with trend arrows.

use super::draft::{AssessmentDraft, Evaluation};
use crate::model::{Recommendation, Register, ScoringScheme};
use crate::scoring;
use crate::ui::theme;
use crate::ui::{Command, CommandQueue};

/// The live results of the draft, as labelled lines.
pub fn results_ui(ui: &mut egui::Ui, evaluation: &Evaluation) {
    ui.heading("Results");
    match &evaluation.suggested {
        Ok(outcome) => {
            egui::Grid::new("assessment_results")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    let row = |ui: &mut egui::Ui, name: &str, value: String| {
                        ui.label(name);
                        ui.label(egui::RichText::new(value).strong());
                        ui.end_row();
                    };
                    row(
                        ui,
                        "Risk",
                        format!(
                            "{} (likelihood {} × impact {} = {})",
                            outcome.risk.band.label(),
                            outcome.risk.likelihood,
                            outcome.risk.impact,
                            outcome.risk.score
                        ),
                    );
                    row(
                        ui,
                        "Value",
                        format!(
                            "{} ({}%)",
                            outcome.value.band.label(),
                            outcome.value.percent
                        ),
                    );
                    row(
                        ui,
                        "Governance",
                        outcome.governance.rating.map_or_else(
                            || "Unable to assess".to_string(),
                            |rating| rating.label().to_string(),
                        ),
                    );
                    row(
                        ui,
                        "Significance",
                        outcome.significance.significance.label().to_string(),
                    );
                    row(
                        ui,
                        "Value for money",
                        outcome.value_for_money.label().to_string(),
                    );
                    row(
                        ui,
                        "Matrix suggests",
                        outcome.recommendation.suggested.label().to_string(),
                    );
                    row(ui, "Advice", outcome.recommendation.advice.clone());
                });
        }
        Err(error) => {
            ui.label(
                egui::RichText::new(format!("Not worked out yet: {error}"))
                    .color(theme::weak_text_colour(ui.visuals())),
            );
        }
    }
}

/// The recommendation picker and the override reason; returns nothing, edits `draft`.
pub fn recommendation_ui(
    ui: &mut egui::Ui,
    draft: &mut AssessmentDraft,
    suggested: Option<Recommendation>,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Recommendation");
        let follow = match suggested {
            Some(suggestion) => format!("As the matrix suggests: {}", suggestion.label()),
            None => "As the matrix suggests".to_string(),
        };
        let shown = draft
            .chosen
            .map_or(follow.clone(), |r| r.label().to_string());
        egui::ComboBox::from_id_salt("recommendation_choice")
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.chosen, None, follow);
                for &recommendation in Recommendation::ALL {
                    ui.selectable_value(
                        &mut draft.chosen,
                        Some(recommendation),
                        recommendation.label(),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    let overriding =
        matches!((draft.chosen, suggested), (Some(chosen), Some(suggested)) if chosen != suggested);
    if overriding || !draft.override_reason.is_empty() {
        ui.horizontal(|ui| {
            let label = ui.label("Reason for the override");
            ui.add(
                egui::TextEdit::multiline(&mut draft.override_reason)
                    .desired_rows(2)
                    .hint_text("Required when the recommendation differs from the matrix"),
            )
            .labelled_by(label.id);
        });
    }
}

/// The next review the assessment would set, with the recommendation as chosen (an override
/// counts: the same rule Save applies), when the scores are in.
pub fn next_review_preview(
    scheme: &ScoringScheme,
    draft: &AssessmentDraft,
    evaluation: &Evaluation,
) -> Option<Option<chrono::NaiveDate>> {
    let outcome = evaluation.suggested.as_ref().ok()?;
    let date = draft.date().ok()?;
    let chosen = draft.chosen.unwrap_or(outcome.recommendation.suggested);
    Some(scoring::next_review(
        &scheme.review,
        date,
        outcome.governance.rating,
        outcome.risk.band,
        chosen,
    ))
}

/// The words of the preview line: "Next review after this assessment: 1 June 2027".
pub fn next_review_words(next: Option<chrono::NaiveDate>) -> String {
    match next {
        Some(date) => format!(
            "Next review after this assessment: {}",
            super::picker::long_date(date)
        ),
        None => {
            "No next review after this assessment: the partnership leaves the register".to_string()
        }
    }
}

/// Save, enabled only when the assessment can be saved, with the reason shown when not.
pub fn save_ui(
    ui: &mut egui::Ui,
    register: &Register,
    scheme: &ScoringScheme,
    draft: &mut AssessmentDraft,
    evaluation: Evaluation,
    read_only: bool,
    commands: &mut CommandQueue,
) {
    ui.add_space(6.0);
    let blocked = if read_only {
        Some("The register is open read-only".to_string())
    } else {
        evaluation.to_save.as_ref().err().cloned()
    };
    if let Some(next) = next_review_preview(scheme, draft, &evaluation) {
        ui.label(next_review_words(next));
    }
    ui.horizontal_wrapped(|ui| {
        let save = ui.add_enabled(blocked.is_none(), egui::Button::new("Save assessment"));
        if let Some(reason) = &blocked {
            // Not red: an unfinished form is not an error.
            ui.label(
                egui::RichText::new(format!("Cannot save yet: {reason}"))
                    .color(theme::weak_text_colour(ui.visuals())),
            );
        }
        if save.clicked()
            && let Ok(assessment) = evaluation.to_save
        {
            let id = assessment.id;
            match AssessmentDraft::save_edit(register, scheme, assessment) {
                Ok(edit) => {
                    commands.send(Command::edit(edit));
                    draft.saved_as = Some(id);
                }
                Err(message) => {
                    ui.label(message);
                }
            }
        }
    });
}

/// Officer hours and money: the partnership's cost to the council this year.
pub fn resources_ui(ui: &mut egui::Ui, register: &Register, draft: &AssessmentDraft) {
    let Ok(date) = draft.date() else { return };
    let year = crate::model::FinancialYear::of(date);
    let cost = scoring::annual_cost(register, draft.partnership, year.starts_in, date);
    ui.heading("Resources");
    egui::Grid::new("assessment_resources")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Officer hours a month");
            ui.label(cost.hours_per_month.to_string());
            ui.end_row();
            ui.label(format!(
                "Officer time a year (at {} an hour)",
                register.settings.officer_hourly_rate.format_with_pence()
            ));
            ui.label(cost.officer_time.format_whole_pounds());
            ui.end_row();
            ui.label(format!("Contributions {year}"));
            ui.label(cost.contributions.format_whole_pounds());
            ui.end_row();
            ui.label(egui::RichText::new("Annual cost to the council").strong());
            ui.label(egui::RichText::new(cost.total.format_whole_pounds()).strong());
            ui.end_row();
        });
}
