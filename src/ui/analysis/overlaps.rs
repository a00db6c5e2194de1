//! Overlaps and duplication: pairs of partnerships that may duplicate each other, best first,
//! with the shared members, representatives, purpose words and objectives behind each score.

use super::{Answer, FindingRow};
use crate::analysis::{self, AnalysisSettings, Evidence, counted};
use crate::model::Register;

/// The thresholds: the lowest score shown, and whether bodies not at work are compared.
pub fn thresholds_ui(ui: &mut egui::Ui, settings: &mut AnalysisSettings) {
    ui.label("Lowest score");
    ui.add(
        egui::DragValue::new(&mut settings.overlaps.min_score)
            .range(0..=100)
            .suffix("%"),
    )
    .on_hover_text("Pairs scoring below this are left out");
    ui.checkbox(
        &mut settings.overlaps.include_inactive,
        "Compare bodies not at work too",
    );
}

/// The ranked pairs.
pub fn answer(register: &Register, settings: &AnalysisSettings) -> Answer {
    let pairs = analysis::overlaps(register, &settings.overlaps);
    let rows = pairs
        .iter()
        .map(|pair| {
            let summary = pair.summary(register);
            FindingRow {
                cells: vec![
                    register.partnership_name(pair.first).to_string(),
                    register.partnership_name(pair.second).to_string(),
                    format!("{}%", pair.score),
                    summary.clone(),
                ],
                evidence: format!(
                    "{} and {} score {}%: {summary}.",
                    register.partnership_name(pair.first),
                    register.partnership_name(pair.second),
                    pair.score
                ),
                records: pair.records(),
                representation: None,
                flagged: false,
            }
        })
        .collect();
    Answer {
        headings: vec!["Partnership", "May duplicate", "Score", "Evidence"],
        widths: vec![300.0, 300.0, 60.0],
        rows,
        summary: format!(
            "{} score {}% or more (shared members 35%, similar purposes 30%, the same objectives \
             15%, shared representatives 10%, the same theme and level 10%).",
            counted(pairs.len(), "pair"),
            settings.overlaps.min_score
        ),
    }
}
