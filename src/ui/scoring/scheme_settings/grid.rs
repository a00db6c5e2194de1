//! The risk grid (likelihood and impact steps, bands on their product, with a preview of
//! every cell's band), how likelihood and impact are found, the value bands, and the
//! governance rating scale with how the areas combine into one rating.

use super::number_ui;
use crate::model::{Band, GovernanceCombine, MAX_GRID_STEPS, RiskDerivation, ScoringScheme};
use crate::scoring;

/// Editable step labels ("Unlikely", "Possible"...), with a step added or taken off the top.
fn steps_ui(ui: &mut egui::Ui, what: &str, steps: &mut Vec<String>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{what} steps")).strong());
        for (index, text) in steps.iter_mut().enumerate() {
            let label = ui.label(format!("{what} {}", index + 1));
            ui.add(egui::TextEdit::singleline(text).desired_width(110.0))
                .labelled_by(label.id);
        }
        if ui
            .add_enabled(
                steps.len() < MAX_GRID_STEPS,
                egui::Button::new(format!("Add a {} step", what.to_lowercase())),
            )
            .clicked()
        {
            steps.push(String::new());
        }
        if ui
            .add_enabled(
                steps.len() > 2,
                egui::Button::new(format!("Remove the top {} step", what.to_lowercase())),
            )
            .clicked()
        {
            steps.pop();
        }
    });
}

fn band_colour(band: Band) -> egui::Color32 {
    match band {
        Band::Low => egui::Color32::from_rgb(0xd9, 0xef, 0xd5),
        Band::Medium => egui::Color32::from_rgb(0xfc, 0xe8, 0xb2),
        Band::High => egui::Color32::from_rgb(0xf6, 0xc6, 0xc0),
    }
}

/// Every cell of the grid with its score and band, likelihood rising upwards.
fn grid_preview_ui(ui: &mut egui::Ui, scheme: &ScoringScheme) {
    let grid = &scheme.risk.grid;
    let likelihood_max = grid.likelihood_max();
    let impact_max = grid.impact_max();
    egui::Grid::new("risk_grid_preview")
        .spacing(egui::vec2(2.0, 2.0))
        .show(ui, |ui| {
            for likelihood in (1..=likelihood_max).rev() {
                ui.weak(format!("L{likelihood}"));
                for impact in 1..=impact_max {
                    let score = u32::from(likelihood) * u32::from(impact);
                    let band = scoring::risk_band(grid, score);
                    ui.label(
                        egui::RichText::new(format!(" {score:>2} {} ", band.label()))
                            .monospace()
                            .color(egui::Color32::BLACK)
                            .background_color(band_colour(band)),
                    );
                }
                ui.end_row();
            }
            ui.label("");
            for impact in 1..=impact_max {
                ui.weak(format!("I{impact}"));
            }
            ui.end_row();
        });
}

/// The risk grid, its bands and how likelihood and impact are found.
pub(super) fn risk_grid_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    ui.label(egui::RichText::new("Risk: likelihood × impact").strong());
    steps_ui(ui, "Likelihood", &mut scheme.risk.grid.likelihood);
    steps_ui(ui, "Impact", &mut scheme.risk.grid.impact);
    let max = scheme.risk.grid.max_score();
    ui.horizontal_wrapped(|ui| {
        number_ui(
            ui,
            "Risk Medium from score",
            &mut scheme.risk.grid.medium_from,
            1..=max.max(2),
        );
        number_ui(
            ui,
            "Risk High from score",
            &mut scheme.risk.grid.high_from,
            1..=max.max(2),
        );
        ui.weak(format!("Scores run 1 to {max}; below Medium is Low."));
    });
    ui.horizontal(|ui| {
        let label = ui.label("Likelihood and impact");
        let derivation = &mut scheme.risk.derivation;
        let text = |d: RiskDerivation| match d {
            RiskDerivation::MeanAndWorst => {
                "From the risk criteria (likelihood their weighted mean, impact the worst)"
            }
            RiskDerivation::Entered => "Entered by the officer (criteria are the evidence)",
        };
        egui::ComboBox::from_id_salt("risk_derivation")
            .selected_text(text(*derivation))
            .width(460.0)
            .show_ui(ui, |ui| {
                for option in [RiskDerivation::MeanAndWorst, RiskDerivation::Entered] {
                    ui.selectable_value(derivation, option, text(option));
                }
            })
            .response
            .labelled_by(label.id);
    });
    if scheme.risk.grid.likelihood.len() <= 10 && scheme.risk.grid.impact.len() <= 10 {
        grid_preview_ui(ui, scheme);
    }
}

/// The value bands on the weighted total as a percentage.
pub(super) fn value_bands_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    ui.label(egui::RichText::new("Value bands").strong());
    ui.horizontal_wrapped(|ui| {
        number_ui(
            ui,
            "Value High from %",
            &mut scheme.value.bands.high_from,
            1..=100,
        );
        number_ui(
            ui,
            "Value Low up to %",
            &mut scheme.value.bands.low_up_to,
            0..=99,
        );
        ui.weak(format!(
            "Medium is {}% to {}%.",
            scheme.value.bands.low_up_to.saturating_add(1),
            scheme.value.bands.high_from.saturating_sub(1)
        ));
    });
}

/// The governance rating scale (one label per rating, 1 best to 4 worst, shared by every
/// area) and how the areas' ratings combine.
pub(super) fn governance_scale_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    ui.label(egui::RichText::new("Governance rating scale").strong());
    let mut labels: Vec<String> = scheme
        .governance
        .areas
        .first()
        .map(|area| area.scale.labels.clone())
        .unwrap_or_default();
    labels.resize(4, String::new());
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for (index, text) in labels.iter_mut().enumerate() {
            let label = ui.label(format!("Governance rating {}", index + 1));
            changed |= ui
                .add(egui::TextEdit::singleline(text).desired_width(200.0))
                .labelled_by(label.id)
                .changed();
        }
    });
    if changed {
        for area in &mut scheme.governance.areas {
            area.scale.min = 1;
            area.scale.max = 4;
            area.scale.labels = labels.clone();
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label("Areas combine as");
        let combine = &mut scheme.governance.combine;
        let text = |c: GovernanceCombine| match c {
            GovernanceCombine::Mean => {
                "The weighted mean of the rated areas (a half rounds to the worse)"
            }
            GovernanceCombine::Worst => "The worst rated area",
        };
        egui::ComboBox::from_id_salt("governance_combine")
            .selected_text(text(*combine))
            .width(460.0)
            .show_ui(ui, |ui| {
                for option in [GovernanceCombine::Mean, GovernanceCombine::Worst] {
                    ui.selectable_value(combine, option, text(option));
                }
            })
            .response
            .labelled_by(label.id);
    });
}
