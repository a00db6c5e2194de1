//! A partnership's assessments, newest first, with trend arrows since the one before (better
//! in green, worse in red, and in words, so colour is never the only signal). Each row's date
//! opens the whole assessment.

use crate::model::{AssessmentId, PartnershipId, Register};
use crate::scoring::{self, Direction, Trend, Verdict};
use crate::ui::theme;

fn trend_text(trend: Option<Trend>) -> (String, Option<Verdict>) {
    match trend {
        Some(trend) => {
            let arrow = match trend.direction {
                Direction::Up => "↑",
                Direction::Same => "→",
                Direction::Down => "↓",
            };
            let words = match trend.verdict {
                Verdict::Better => " better",
                Verdict::Same => "",
                Verdict::Worse => " worse",
            };
            (format!(" {arrow}{words}"), Some(trend.verdict))
        }
        None => (String::new(), None),
    }
}

/// Earlier assessments, newest first, with trend arrows since the one before. Each row's date
/// opens the whole assessment; returns the one clicked.
pub fn history_ui(
    ui: &mut egui::Ui,
    register: &Register,
    partnership: PartnershipId,
) -> Option<AssessmentId> {
    let mut opened = None;
    ui.heading("History");
    let entries = scoring::history(register, partnership);
    if entries.is_empty() {
        ui.label("Never assessed.");
        return None;
    }
    let good = theme::good_text_colour(ui.visuals());
    let bad = theme::invalid_text_colour(ui.visuals());
    egui::Grid::new("assessment_history")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                "Date",
                "Risk",
                "Value",
                "Governance",
                "Recommendation",
                "Assessor",
            ] {
                ui.label(egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for entry in entries {
                let a = entry.assessment;
                let date = a.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
                let open = egui::Button::new(
                    egui::RichText::new(date)
                        .underline()
                        .color(ui.visuals().hyperlink_color),
                )
                .frame(false);
                if ui
                    .add(open)
                    .on_hover_text("Open this assessment: every score, its evidence, the reason for an override and the assessor")
                    .clicked()
                {
                    opened = Some(a.id);
                }
                for (value, trend) in [
                    (a.risk_band.map(|b| b.label()), entry.risk),
                    (a.value_band.map(|b| b.label()), entry.value),
                    (a.governance.map(|g| g.label()), entry.governance),
                ] {
                    let (arrow, verdict) = trend_text(trend);
                    let text = egui::RichText::new(format!("{}{arrow}", value.unwrap_or("—")));
                    let text = match verdict {
                        Some(Verdict::Better) => text.color(good),
                        Some(Verdict::Worse) => text.color(bad),
                        _ => text,
                    };
                    ui.label(text);
                }
                let recommendation = a.recommendation.map_or("—", |r| r.label());
                if a.override_reason.trim().is_empty() {
                    ui.label(recommendation);
                } else {
                    ui.label(format!("{recommendation} (override)"))
                        .on_hover_text(&a.override_reason);
                }
                ui.label(&a.assessor);
                ui.end_row();
            }
        });
    opened
}
