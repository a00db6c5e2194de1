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
                egui::Button::new(format!(
                    "Add {} {} step",
                    if what == "Impact" { "an" } else { "a" },
                    what.to_lowercase()
                )),
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

/// Every cell of the grid with its score and band, likelihood rising upwards, impact to the
/// right: cells of one size, so the bands read as areas of the grid.
fn grid_preview_ui(ui: &mut egui::Ui, scheme: &ScoringScheme) {
    const CELL: egui::Vec2 = egui::vec2(86.0, 22.0);
    const AXIS: f32 = 120.0;
    let grid = &scheme.risk.grid;
    let rows = usize::from(grid.likelihood_max());
    let columns = usize::from(grid.impact_max());
    let size = egui::vec2(AXIS + CELL.x * columns as f32, CELL.y * (rows as f32 + 1.0));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::WidgetType::Image,
            true,
            format!(
                "Risk grid: Low below {}, Medium from {}, High from {}",
                grid.medium_from, grid.medium_from, grid.high_from
            ),
        )
    });
    let painter = ui.painter_at(rect);
    let text_colour = ui.visuals().text_color();
    let font = egui::FontId::proportional(12.0);
    for (row, likelihood) in (1..=grid.likelihood_max()).rev().enumerate() {
        let top = rect.top() + CELL.y * row as f32;
        let name = grid
            .likelihood
            .get(usize::from(likelihood) - 1)
            .map_or("", String::as_str);
        painter.text(
            egui::pos2(rect.left() + AXIS - 6.0, top + CELL.y / 2.0),
            egui::Align2::RIGHT_CENTER,
            format!("{likelihood} {name}"),
            font.clone(),
            text_colour,
        );
        for impact in 1..=grid.impact_max() {
            let score = u32::from(likelihood) * u32::from(impact);
            let band = scoring::risk_band(grid, score);
            let cell = egui::Rect::from_min_size(
                egui::pos2(rect.left() + AXIS + CELL.x * f32::from(impact - 1), top),
                CELL,
            )
            .shrink(1.0);
            painter.rect_filled(cell, 2.0, band_colour(band));
            painter.text(
                cell.center(),
                egui::Align2::CENTER_CENTER,
                format!("{score} {}", band.label()),
                font.clone(),
                egui::Color32::BLACK,
            );
        }
    }
    let bottom = rect.top() + CELL.y * rows as f32;
    painter.text(
        egui::pos2(rect.left() + AXIS - 6.0, bottom + CELL.y / 2.0),
        egui::Align2::RIGHT_CENTER,
        "likelihood / impact",
        font.clone(),
        ui.visuals().weak_text_color(),
    );
    for impact in 1..=grid.impact_max() {
        let name = grid
            .impact
            .get(usize::from(impact) - 1)
            .map_or("", String::as_str);
        painter.text(
            egui::pos2(
                rect.left() + AXIS + CELL.x * (f32::from(impact) - 0.5),
                bottom + CELL.y / 2.0,
            ),
            egui::Align2::CENTER_CENTER,
            format!("{impact} {name}"),
            font.clone(),
            text_colour,
        );
    }
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
                .add(egui::TextEdit::singleline(text).desired_width(240.0))
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
