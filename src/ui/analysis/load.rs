//! Representation load: each person's bodies, hours a month, meetings a year and
//! reporting-back duties, people above the thresholds standing out; then each service and
//! each portfolio.

use super::{Answer, FindingRow};
use crate::analysis::{self, AnalysisSettings, Evidence, counted};
use crate::model::{Hours, Register};

/// The thresholds: hours a month and bodies.
pub fn thresholds_ui(ui: &mut egui::Ui, settings: &mut AnalysisSettings) {
    let mut hours = settings.load.hours_threshold.tenths / 10;
    ui.label("Stands out above");
    if ui
        .add(
            egui::DragValue::new(&mut hours)
                .range(1..=400)
                .suffix(" hours a month"),
        )
        .on_hover_text("People with more hours a month than this stand out")
        .changed()
    {
        settings.load.hours_threshold = Hours::whole(hours);
    }
    ui.label("or");
    ui.add(
        egui::DragValue::new(&mut settings.load.bodies_threshold)
            .range(1..=100)
            .suffix(" bodies"),
    )
    .on_hover_text("People on more bodies than this stand out");
}

/// People, then services, then portfolios.
pub fn answer(register: &Register, settings: &AnalysisSettings) -> Answer {
    let report = analysis::load(register, &settings.load);
    let mut rows = Vec::new();
    for person in &report.people {
        let name = register
            .people
            .get(&person.person)
            .map_or_else(String::new, |p| p.name.clone());
        let bodies: Vec<String> = person
            .bodies
            .iter()
            .map(|b| register.partnership_name(*b).to_string())
            .collect();
        let mut over = Vec::new();
        if person.over_hours {
            over.push("hours");
        }
        if person.over_bodies {
            over.push("bodies");
        }
        rows.push(FindingRow {
            cells: vec![
                name.clone(),
                counted(person.bodies.len(), "body"),
                person.hours.to_string(),
                person.meetings.to_string(),
                format!(
                    "{}, {} a year",
                    counted(person.report_duties, "route"),
                    counted(person.reports_a_year as usize, "report")
                ),
                if over.is_empty() {
                    String::new()
                } else {
                    format!("Above the threshold ({})", over.join(" and "))
                },
            ],
            evidence: format!(
                "{name}{}: {} a month, {} a year, on {}.",
                person.also_recorded_as_words(register),
                crate::model::words::with_noun(&person.hours.to_string(), "hour"),
                counted(person.meetings as usize, "meeting"),
                crate::analysis::listed(&bodies)
            ),
            records: person.records(),
            representation: None,
            flagged: person.is_over(),
        });
    }
    for (kind, groups) in [
        ("Service", &report.services),
        ("Portfolio", &report.portfolios),
    ] {
        for group in groups {
            rows.push(FindingRow {
                cells: vec![
                    format!("{kind}: {}", group.name),
                    counted(group.bodies.len(), "body"),
                    group.hours.to_string(),
                    group.meetings.to_string(),
                    format!(
                        "{}, {} a year",
                        counted(group.report_duties, "route"),
                        counted(group.reports_a_year as usize, "report")
                    ),
                    counted(group.people.len(), "person"),
                ],
                evidence: format!(
                    "{kind} {}: {} on {}, {} a month.",
                    group.name,
                    counted(group.people.len(), "person"),
                    counted(group.bodies.len(), "body"),
                    crate::model::words::with_noun(&group.hours.to_string(), "hour")
                ),
                records: group.records(),
                representation: None,
                flagged: false,
            });
        }
    }
    Answer {
        headings: vec![
            "Person, service or portfolio",
            "Bodies",
            "Hours a month",
            "Meetings a year",
            "Reporting back",
            "Stands out",
        ],
        widths: vec![300.0, 80.0, 100.0, 110.0, 170.0],
        rows,
        summary: format!(
            "{} above the threshold (more than {} hours a month or more than {}).",
            crate::model::words::counted_is(report.over().count(), "person"),
            settings.load.hours_threshold,
            counted(settings.load.bodies_threshold, "body"),
        ),
    }
}
