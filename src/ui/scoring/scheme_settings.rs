//! The scoring scheme's settings: criteria with weights and guidance, band thresholds, the
//! recommendation matrix and review intervals. Saved through `scoring::save_scheme`: a scheme
//! that assessments already use is never changed; the change becomes a new version, and the
//! view says so before and after saving.

use crate::app::{Command, CommandQueue};
use crate::model::{Band, Criterion, Recommendation, ScoringScheme};
use crate::scoring;
use crate::ui::{PanelContext, theme};

/// The scheme being edited, and what happened at the last save.
#[derive(Debug, Default)]
pub struct SchemeSettingsState {
    editing: Option<ScoringScheme>,
    outcome: Option<String>,
}

impl SchemeSettingsState {
    /// Forgets the scheme being edited.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }
}

fn criteria_ui(ui: &mut egui::Ui, title: &str, criteria: &mut [Criterion]) {
    egui::CollapsingHeader::new(egui::RichText::new(title).strong())
        .default_open(false)
        .show(ui, |ui| {
            for criterion in criteria {
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!("{} {}", criterion.code, criterion.title))
                            .strong(),
                    );
                    ui.label(format!(
                        "scale {} to {}",
                        criterion.scale.min, criterion.scale.max
                    ));
                    let label = ui.label("Weight");
                    ui.add(egui::DragValue::new(&mut criterion.weight).range(0..=10))
                        .labelled_by(label.id);
                });
                ui.add(
                    egui::TextEdit::multiline(&mut criterion.guidance)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .on_hover_text(format!("Guidance for {}", criterion.code));
            }
        });
}

fn number_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(range))
        .labelled_by(label.id);
}

/// Draws the settings view.
pub fn scheme_settings_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut SchemeSettingsState,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let current = scoring::current_scheme(register);
    let scheme = state
        .editing
        .get_or_insert_with(|| current.clone().into_owned());
    let in_use = scoring::assessments_using(register, scheme.version);
    ui.heading(format!(
        "Scoring scheme: {} (version {})",
        scheme.name, scheme.version
    ));
    if in_use > 0 {
        ui.label(format!(
            "{in_use} assessments were made with version {}. Saving a change makes a new version \
             for new assessments; those assessments keep their results.",
            scheme.version
        ));
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        criteria_ui(ui, "Risk criteria", &mut scheme.risk.criteria);
        criteria_ui(ui, "Value criteria", &mut scheme.value.criteria);
        criteria_ui(ui, "Governance areas", &mut scheme.governance.areas);
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Bands").strong());
        ui.horizontal(|ui| {
            let max = scheme.risk.grid.max_score();
            number_ui(ui, "Risk Medium from score", &mut scheme.risk.grid.medium_from, 2..=max);
            number_ui(ui, "Risk High from score", &mut scheme.risk.grid.high_from, 2..=max);
        });
        ui.horizontal(|ui| {
            number_ui(ui, "Value High from %", &mut scheme.value.bands.high_from, 1..=100);
            number_ui(ui, "Value Low up to %", &mut scheme.value.bands.low_up_to, 0..=99);
        });
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Recommendation matrix (what each cell suggests)").strong());
        egui::Grid::new("scheme_matrix").num_columns(4).show(ui, |ui| {
            ui.label("");
            for risk in [Band::Low, Band::Medium, Band::High] {
                ui.label(egui::RichText::new(format!("{} risk", risk.label())).strong());
            }
            ui.end_row();
            for value in [Band::High, Band::Medium, Band::Low] {
                ui.label(egui::RichText::new(format!("{} value", value.label())).strong());
                for risk in [Band::Low, Band::Medium, Band::High] {
                    let cell = scheme.recommendations.cells.get_mut(value).get_mut(risk);
                    egui::ComboBox::from_id_salt(("matrix_cell", value.label(), risk.label()))
                        .selected_text(cell.suggested.label())
                        .show_ui(ui, |ui| {
                            for &recommendation in Recommendation::ALL {
                                ui.selectable_value(&mut cell.suggested, recommendation, recommendation.label());
                            }
                        });
                }
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Review intervals").strong());
        ui.horizontal(|ui| {
            number_ui(ui, "Usual (months)", &mut scheme.review.usual_months, 1..=60);
            number_ui(ui, "After a weak result (months)", &mut scheme.review.weak_months, 1..=60);
        });
        ui.add_space(8.0);
        let changed = *scheme != *current;
        let problem = scheme.validate().err().map(|e| e.to_string());
        ui.horizontal_wrapped(|ui| {
            let can_save = changed && problem.is_none() && !context.read_only;
            if ui.add_enabled(can_save, egui::Button::new("Save scheme")).clicked() {
                match scoring::save_scheme(register, scheme.clone()) {
                    Ok((saved, edit)) => {
                        commands.send(Command::edit(edit));
                        state.outcome = Some(if saved.version == current.version {
                            format!("Saved version {}.", saved.version)
                        } else {
                            format!(
                                "Saved as version {}: new assessments use it; assessments made with \
                                 version {} keep their results.",
                                saved.version, current.version
                            )
                        });
                        *scheme = saved;
                    }
                    Err(error) => state.outcome = Some(error.to_string()),
                }
            }
            if ui.add_enabled(changed, egui::Button::new("Discard changes")).clicked() {
                *scheme = current.clone().into_owned();
            }
            if let Some(problem) = &problem {
                ui.label(egui::RichText::new(problem).color(theme::invalid_text_colour(ui.visuals())));
            }
        });
        if let Some(outcome) = &state.outcome {
            ui.label(outcome);
        }
    });
}
