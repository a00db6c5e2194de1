//! "Start from the last assessment": copies the last assessment's scores and evidence into the
//! form, to change only what has changed. When the form already holds scores that would be
//! overwritten, it asks first: replace them, fill in only what is not scored yet, or cancel.

use super::draft::AssessmentDraft;
use super::picker::long_date;
use crate::model::{Assessment, PartnershipId, ScoringScheme};

/// The button's label.
pub const START_FROM_LAST: &str = "Start from the last assessment";

/// The label of the question's button that overwrites what was entered.
pub const REPLACE_SCORES: &str = "Replace them";

/// The label of the question's button that keeps what was entered.
pub const FILL_UNSCORED: &str = "Fill in only what is not scored";

/// The button; asks (through `confirm`) when it would overwrite something entered.
pub fn button_ui(
    ui: &mut egui::Ui,
    draft: &mut AssessmentDraft,
    last: &Assessment,
    scheme: &ScoringScheme,
    confirm: &mut Option<PartnershipId>,
) {
    let when = last.date.map_or_else(|| "undated".to_string(), long_date);
    if ui
        .button(START_FROM_LAST)
        .on_hover_text(format!(
            "Copy the scores and evidence of the assessment of {when} into this form, to \
             change what has changed"
        ))
        .clicked()
    {
        if draft.would_overwrite(last, scheme).is_empty() {
            draft.start_from(last, scheme, false);
        } else {
            *confirm = Some(draft.partnership);
        }
    }
}

/// The question, while it is open.
pub fn confirm_ui(
    ctx: &egui::Context,
    draft: &mut AssessmentDraft,
    last: &Assessment,
    scheme: &ScoringScheme,
    confirm: &mut Option<PartnershipId>,
) {
    let overwritten = draft.would_overwrite(last, scheme);
    let when = last.date.map_or_else(|| "undated".to_string(), long_date);
    egui::Window::new("Start from the last assessment?")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "You have already scored {} differently from the assessment of {when} ({}).",
                crate::model::words::counted(overwritten.len(), "criterion"),
                overwritten.join(", ")
            ));
            ui.label("Replace them with the last assessment's, or keep yours?");
            ui.horizontal(|ui| {
                if ui.button(REPLACE_SCORES).clicked() {
                    draft.start_from(last, scheme, false);
                    *confirm = None;
                }
                if ui.button(FILL_UNSCORED).clicked() {
                    draft.start_from(last, scheme, true);
                    *confirm = None;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    *confirm = None;
                }
            });
        });
}
