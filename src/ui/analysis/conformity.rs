//! Conformity with strategies: objectives and measures nobody at work delivers, partnerships
//! linked to no objective or priority, and objectives several partnerships deliver.

use super::{Answer, FindingRow};
use crate::analysis::{self, AnalysisSettings, Evidence, counted, listed};
use crate::model::{ObjectiveId, Register};

/// The threshold: how many deliverers make an objective "shared".
pub fn thresholds_ui(ui: &mut egui::Ui, settings: &mut AnalysisSettings) {
    ui.label("Shared when delivered by at least");
    ui.add(egui::DragValue::new(&mut settings.conformity.shared_from).range(2..=20))
        .on_hover_text(
            "Objectives delivered by this many partnerships or more are listed as shared",
        );
    ui.label("partnerships");
}

fn objective_name(register: &Register, id: ObjectiveId) -> String {
    register.objectives.get(&id).map_or_else(String::new, |o| {
        if o.reference.is_empty() {
            o.text.clone()
        } else {
            format!("{} {}", o.reference, o.text)
        }
    })
}

/// The three lists, one after the other.
pub fn answer(register: &Register, settings: &AnalysisSettings) -> Answer {
    let found = analysis::conformity(register, &settings.conformity);
    let names = |ids: &[crate::model::PartnershipId]| -> String {
        let names: Vec<String> = ids
            .iter()
            .map(|p| register.partnership_name(*p).to_string())
            .collect();
        listed(&names)
    };
    let mut rows = Vec::new();
    for u in &found.undelivered {
        let measures: Vec<String> = u
            .measures
            .iter()
            .filter_map(|m| register.measures.get(m).map(|m| m.name.clone()))
            .collect();
        let mut evidence = if measures.is_empty() {
            "No partnership at work delivers it".to_string()
        } else {
            format!(
                "No partnership at work delivers it; nobody works towards {}",
                listed(&measures)
            )
        };
        if !u.only_by_inactive.is_empty() {
            evidence.push_str(&format!(
                " (recorded only for {}, not at work)",
                names(&u.only_by_inactive)
            ));
        }
        rows.push(FindingRow {
            cells: vec![
                objective_name(register, u.objective),
                "Nobody delivers it".to_string(),
                evidence.clone(),
            ],
            evidence,
            records: u.records(),
            representation: None,
            flagged: true,
        });
    }
    for s in &found.shared {
        let evidence = format!("Delivered by {}", names(&s.partnerships));
        rows.push(FindingRow {
            cells: vec![
                objective_name(register, s.objective),
                format!("Delivered by {}", s.partnerships.len()),
                evidence.clone(),
            ],
            evidence: format!("{evidence}: possible duplication of effort."),
            records: s.records(),
            representation: None,
            flagged: false,
        });
    }
    for u in &found.unlinked {
        let words = match (u.no_objective, u.no_priority) {
            (true, true) => "Delivers no objective and supports no corporate priority",
            (true, false) => "Delivers no strategy objective",
            _ => "Supports no corporate priority",
        };
        rows.push(FindingRow {
            cells: vec![
                register.partnership_name(u.partnership).to_string(),
                "Not linked".to_string(),
                words.to_string(),
            ],
            evidence: words.to_string(),
            records: u.records(),
            representation: None,
            flagged: u.no_objective && u.no_priority,
        });
    }
    Answer {
        headings: vec!["Objective or partnership", "Finding", "Evidence"],
        widths: vec![380.0, 150.0],
        rows,
        summary: format!(
            "{} nobody at work delivers ({} with them); {} delivered by several partnerships; \
             {} linked to no objective or no priority.",
            counted(found.undelivered.len(), "objective"),
            counted(found.undelivered_measures(), "measure"),
            counted(found.shared.len(), "objective"),
            counted(found.unlinked.len(), "partnership"),
        ),
    }
}
