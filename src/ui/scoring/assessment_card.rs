//! One saved assessment in full, read-only: when and by whom, every result, the matrix's
//! suggestion and the recommendation chosen with the reason for an override, the next review,
//! the notes, and each criterion's score with its evidence. Shown just after Save (with a
//! plain "Saved" and "New assessment") and when a row of the history is opened.

use super::picker::long_date;
use crate::model::{Assessment, ScoringScheme};
use crate::ui::theme;

/// What the card is shown for, which decides its buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardPurpose {
    /// Just saved: "Saved" and "New assessment".
    JustSaved,
    /// Opened from the history: "Back to the form".
    Opened,
}

/// What the user asked for on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardAction {
    /// Nothing.
    None,
    /// Start a new, empty assessment.
    NewAssessment,
    /// Close the card and go back to the form.
    Close,
}

/// The label of the "New assessment" button.
pub const NEW_ASSESSMENT: &str = "New assessment";

/// The label of the button that closes an assessment opened from the history.
pub const BACK_TO_FORM: &str = "Back to the form";

/// Draws `assessment` of `partnership_name` in full; `scheme` (the version it was made with)
/// names its criteria and their points.
pub fn assessment_card_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    scheme: Option<&ScoringScheme>,
    partnership_name: &str,
    purpose: CardPurpose,
) -> CardAction {
    let mut action = CardAction::None;
    let when = assessment
        .date
        .map_or_else(|| "undated".to_string(), long_date);
    ui.horizontal_wrapped(|ui| {
        if purpose == CardPurpose::JustSaved {
            ui.label(
                egui::RichText::new("Saved")
                    .strong()
                    .color(theme::good_text_colour(ui.visuals())),
            );
        }
        ui.heading(format!("Assessment of {partnership_name}, {when}"));
    });
    ui.horizontal(|ui| match purpose {
        CardPurpose::JustSaved => {
            if ui
                .button(NEW_ASSESSMENT)
                .on_hover_text("Start another assessment of this partnership, with an empty form")
                .clicked()
            {
                action = CardAction::NewAssessment;
            }
            ui.weak("Ctrl+Z takes the save back.");
        }
        CardPurpose::Opened => {
            if ui.button(BACK_TO_FORM).clicked() {
                action = CardAction::Close;
            }
        }
    });
    ui.add_space(4.0);
    egui::Grid::new(("assessment_card", assessment.id.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |name: &str, value: String| {
                ui.label(name);
                ui.add(egui::Label::new(egui::RichText::new(value).strong()).wrap());
                ui.end_row();
            };
            row("Date", when.clone());
            row(
                "Assessor",
                if assessment.assessor.is_empty() {
                    "not recorded".to_string()
                } else {
                    assessment.assessor.clone()
                },
            );
            row(
                "Scoring scheme",
                if assessment.scheme_version == 0 {
                    "made before schemes were kept".to_string()
                } else {
                    format!("version {}", assessment.scheme_version)
                },
            );
            row("Risk", risk_words(assessment));
            row(
                "Value",
                match (assessment.value_band, assessment.value_percent) {
                    (Some(band), Some(percent)) => format!("{} ({percent}%)", band.label()),
                    (Some(band), None) => band.label().to_string(),
                    _ => "—".to_string(),
                },
            );
            row(
                "Governance",
                assessment
                    .governance
                    .map_or("Unable to assess", |g| g.label())
                    .to_string(),
            );
            row("Significance", assessment.significance.label().to_string());
            row(
                "Value for money",
                assessment
                    .value_for_money
                    .map_or("—", |v| v.label())
                    .to_string(),
            );
            row(
                "Matrix suggested",
                assessment
                    .suggested_recommendation
                    .map_or("—", |r| r.label())
                    .to_string(),
            );
            row(
                "Recommendation",
                assessment
                    .recommendation
                    .map_or("—", |r| r.label())
                    .to_string(),
            );
            if !assessment.override_reason.trim().is_empty() {
                row(
                    "Reason for the override",
                    assessment.override_reason.clone(),
                );
            }
            row(
                "Next review",
                assessment
                    .next_review
                    .map_or_else(|| "none (leaving the register)".to_string(), long_date),
            );
            if !assessment.notes.trim().is_empty() {
                row("Notes", assessment.notes.clone());
            }
        });
    ui.add_space(6.0);
    scores_ui(ui, assessment, scheme);
    action
}

fn risk_words(assessment: &Assessment) -> String {
    let score = u32::from(assessment.risk_likelihood) * u32::from(assessment.risk_impact);
    match assessment.risk_band {
        Some(band) if score > 0 => format!(
            "{} (likelihood {} × impact {} = {score})",
            band.label(),
            assessment.risk_likelihood,
            assessment.risk_impact
        ),
        Some(band) => band.label().to_string(),
        None => "—".to_string(),
    }
}

/// Each criterion scored, in the scheme's order, with the score's words and the evidence.
fn scores_ui(ui: &mut egui::Ui, assessment: &Assessment, scheme: Option<&ScoringScheme>) {
    ui.label(egui::RichText::new("Scores and evidence").strong());
    if assessment.scores.is_empty() {
        ui.weak("No criterion scores were recorded with this assessment.");
        return;
    }
    egui::Grid::new(("assessment_card_scores", assessment.id.0))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Criterion", "Score", "Evidence"] {
                ui.label(egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for score in &assessment.scores {
                let criterion = scheme.and_then(|s| s.criterion(&score.criterion));
                let title = criterion.map_or_else(
                    || score.criterion.clone(),
                    |(_, c)| format!("{} {}", c.code, c.title),
                );
                let words = criterion.and_then(|(_, c)| c.scale.label(score.score));
                ui.label(title);
                ui.label(match words {
                    Some(words) => format!("{} {words}", score.score),
                    None => score.score.to_string(),
                });
                let evidence = if score.evidence.trim().is_empty() {
                    "—"
                } else {
                    score.evidence.as_str()
                };
                ui.add(egui::Label::new(evidence).wrap());
                ui.end_row();
            }
        });
}
