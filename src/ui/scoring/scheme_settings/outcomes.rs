//! What the scores lead to: value for money (by value band, with a low-cost threshold), the
//! recommendation matrix (for each value band and risk band: the suggestion, the other
//! recommendations the cell allows without an override reason, and its advice), and when to
//! review again (usually, and sooner after weak results).

use super::{money_ui, name_widget, number_ui, set_ui};
use crate::model::{Band, ByBand, GovernanceRating, Recommendation, ScoringScheme, ValueForMoney};

const BANDS_HIGH_FIRST: [Band; 3] = [Band::High, Band::Medium, Band::Low];
const BANDS_LOW_FIRST: [Band; 3] = [Band::Low, Band::Medium, Band::High];

fn vfm_row_ui(ui: &mut egui::Ui, row: &str, ratings: &mut ByBand<ValueForMoney>) {
    ui.label(row);
    for band in BANDS_HIGH_FIRST {
        let rating = ratings.get_mut(band);
        let label = format!(
            "Value for money, {} value, {}",
            band.label(),
            row.to_lowercase()
        );
        let response = egui::ComboBox::from_id_salt(ui.id().with((row, band.label())))
            .selected_text(rating.label())
            .show_ui(ui, |ui| {
                for &option in ValueForMoney::ALL {
                    ui.selectable_value(rating, option, option.label());
                }
            })
            .response;
        name_widget(
            &response,
            egui::WidgetType::ComboBox,
            &label,
            rating.label().to_string(),
        );
    }
    ui.end_row();
}

/// Value for money by value band, for low-cost partnerships and the rest.
pub(super) fn value_for_money_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    let rule = &mut scheme.value_for_money;
    ui.horizontal_wrapped(|ui| {
        money_ui(
            ui,
            "Low cost below",
            &mut rule.low_cost_below,
            100_000_000.0,
        );
        ui.weak("a year (contributions plus costed officer time)");
    });
    egui::Grid::new("vfm_rule").striped(true).show(ui, |ui| {
        ui.label("");
        for band in BANDS_HIGH_FIRST {
            ui.label(egui::RichText::new(format!("{} value", band.label())).strong());
        }
        ui.end_row();
        vfm_row_ui(ui, "When low cost", &mut rule.when_low_cost);
        vfm_row_ui(ui, "Otherwise", &mut rule.otherwise);
    });
}

fn cell_ui(ui: &mut egui::Ui, value: Band, risk: Band, scheme: &mut ScoringScheme) {
    let place = format!("{} value, {} risk", value.label(), risk.label());
    let cell = scheme.recommendations.cells.get_mut(value).get_mut(risk);
    ui.group(|ui| {
        ui.vertical(|ui| {
            ui.set_width(300.0);
            let suggested_label = format!("Suggestion for {place}");
            let response = egui::ComboBox::from_id_salt(ui.id().with("suggested"))
                .selected_text(cell.suggested.label())
                .width(260.0)
                .show_ui(ui, |ui| {
                    for &option in Recommendation::ALL {
                        ui.selectable_value(&mut cell.suggested, option, option.label());
                    }
                })
                .response;
            name_widget(
                &response,
                egui::WidgetType::ComboBox,
                &suggested_label,
                cell.suggested.label().to_string(),
            );
            let suggested = cell.suggested;
            cell.also_allowed.retain(|r| *r != suggested);
            let others: Vec<Recommendation> = Recommendation::ALL
                .iter()
                .copied()
                .filter(|r| *r != suggested)
                .collect();
            let allowed = if cell.also_allowed.is_empty() {
                "Also allowed: none".to_string()
            } else {
                format!(
                    "Also allowed: {}",
                    cell.also_allowed
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            ui.menu_button(allowed, |ui| {
                ui.label(format!(
                    "Recommendations {place} allows without an override reason:"
                ));
                for option in others {
                    let mut ticked = cell.also_allowed.contains(&option);
                    if ui.checkbox(&mut ticked, option.label()).changed() {
                        if ticked {
                            cell.also_allowed.push(option);
                        } else {
                            cell.also_allowed.retain(|r| *r != option);
                        }
                        cell.also_allowed
                            .sort_by_key(|r| Recommendation::ALL.iter().position(|a| a == r));
                    }
                }
            })
            .response
            .on_hover_text("Choosing anything else needs an override reason");
            let response = ui.add(
                egui::TextEdit::singleline(&mut cell.advice)
                    .desired_width(296.0)
                    .hint_text("What to do besides"),
            );
            name_widget(
                &response,
                egui::WidgetType::TextEdit,
                &format!("Advice for {place}"),
                cell.advice.clone(),
            );
        });
    });
}

/// The recommendation matrix: rows by value band (High first), columns by risk band.
pub(super) fn matrix_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    ui.weak(
        "For each value and risk band: what the assessment form suggests, what else it allows \
         without an override reason, and the advice shown with it.",
    );
    egui::Grid::new("scheme_matrix")
        .num_columns(4)
        .spacing(egui::vec2(12.0, 10.0))
        .show(ui, |ui| {
            ui.label("");
            for risk in BANDS_LOW_FIRST {
                ui.label(egui::RichText::new(format!("{} risk", risk.label())).strong());
            }
            ui.end_row();
            for value in BANDS_HIGH_FIRST {
                ui.label(egui::RichText::new(format!("{} value", value.label())).strong());
                for risk in BANDS_LOW_FIRST {
                    ui.push_id(("matrix_cell", value.label(), risk.label()), |ui| {
                        cell_ui(ui, value, risk, scheme);
                    });
                }
                ui.end_row();
            }
        });
}

/// Review intervals and what counts as weak.
pub(super) fn review_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme) {
    let review = &mut scheme.review;
    ui.horizontal_wrapped(|ui| {
        number_ui(
            ui,
            "Usual review (months)",
            &mut review.usual_months,
            1..=120,
        );
        number_ui(
            ui,
            "Review after a weak result (months)",
            &mut review.weak_months,
            1..=120,
        );
    });
    ui.label("A result is weak when governance is rated:");
    set_ui(
        ui,
        GovernanceRating::ALL,
        &mut review.weak_governance,
        |g| g.label().to_string(),
    );
    ui.label("or the risk band is:");
    set_ui(ui, Band::ALL, &mut review.weak_risk, |b| {
        format!("{} risk", b.label())
    });
    ui.label("or the recommendation chosen is:");
    set_ui(
        ui,
        Recommendation::ALL,
        &mut review.weak_recommendations,
        |r| format!("Sooner after {}", r.label().to_lowercase()),
    );
    ui.label("No next review after (the partnership leaves the register):");
    set_ui(ui, Recommendation::ALL, &mut review.no_review_for, |r| {
        format!("None after {}", r.label().to_lowercase())
    });
}
