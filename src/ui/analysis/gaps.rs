//! Gaps: themes and priorities with no body at work, bodies with no representative,
//! significant bodies missing governance evidence, overdue reviews and actions, ended terms,
//! bodies gone quiet; each linking to the records that show it.

use super::{Answer, FindingRow};
use crate::analysis::{self, AnalysisSettings, Evidence, counted};
use crate::model::Register;

/// The set times.
pub fn thresholds_ui(ui: &mut egui::Ui, settings: &mut AnalysisSettings) {
    ui.label("Quiet after");
    ui.add(
        egui::DragValue::new(&mut settings.gaps.quiet_months)
            .range(1..=60)
            .suffix(" months"),
    )
    .on_hover_text("A body that has not met for longer has gone quiet");
    ui.label("Not reported back after");
    ui.add(
        egui::DragValue::new(&mut settings.gaps.report_months)
            .range(1..=60)
            .suffix(" months"),
    )
    .on_hover_text("A body whose representatives have not reported back for longer");
}

/// Every gap.
pub fn answer(register: &Register, settings: &AnalysisSettings) -> Answer {
    let found = analysis::gaps(register, &settings.gaps);
    let rows = found
        .iter()
        .map(|gap| {
            let subject = gap.subject(register);
            let evidence = gap.describe(register);
            FindingRow {
                cells: vec![
                    subject.clone(),
                    gap.kind.heading().to_string(),
                    evidence.clone(),
                ],
                evidence: format!("{}: {subject}. {evidence}.", gap.kind.heading()),
                records: gap.records(),
                representation: None,
                flagged: true,
            }
        })
        .collect();
    Answer {
        headings: vec!["About", "Gap", "Evidence"],
        widths: vec![340.0, 220.0],
        rows,
        summary: format!(
            "{}. Where another district leads, with the reason recorded, there is no gap.",
            counted(found.len(), "gap")
        ),
    }
}
