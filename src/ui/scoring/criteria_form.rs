//! The criteria of the assessment form: for each criterion of the scheme, its title (guidance
//! on hover and under a "Guidance" fold), a score picker labelled with the criterion, and an
//! evidence note. Grouped as the scheme groups them: risk, value, governance health, and the
//! significance questions the officer answers.

use super::draft::AssessmentDraft;
use crate::model::{Criterion, CriterionGroup, RiskDerivation, ScoringScheme, SignificanceTest};

/// The accessible name of a criterion's score picker ("R1 Financial exposure and liabilities").
pub fn score_label(code: &str, title: &str) -> String {
    format!("{code} {title}")
}

/// The accessible name of a criterion's evidence note.
pub fn evidence_label(code: &str) -> String {
    format!("Evidence for {code}")
}

/// "each 0 to 3" when every criterion of a group has the same scale, "scales as shown" when not.
fn scale_words(criteria: &[Criterion]) -> String {
    match criteria.first() {
        Some(first)
            if criteria
                .iter()
                .all(|c| (c.scale.min, c.scale.max) == (first.scale.min, first.scale.max)) =>
        {
            format!("each {} to {}", first.scale.min, first.scale.max)
        }
        Some(_) => "scales as shown".to_string(),
        None => "no criteria".to_string(),
    }
}

/// Draws every criterion of `scheme` into `draft`.
pub fn criteria_form_ui(
    ui: &mut egui::Ui,
    scheme: &ScoringScheme,
    draft: &mut AssessmentDraft,
    read_only: bool,
) {
    let risk_heading = match scheme.risk.derivation {
        RiskDerivation::MeanAndWorst => format!(
            "Risk ({}: likelihood is their weighted mean, impact the worst)",
            scale_words(&scheme.risk.criteria)
        ),
        RiskDerivation::Entered => format!(
            "Risk ({}: the evidence for the likelihood and impact you enter)",
            scale_words(&scheme.risk.criteria)
        ),
    };
    let governance_heading = match scheme.governance.areas.first() {
        Some(area) => format!(
            "Governance health (1 {} to 4 {}; leave unrated if unable to assess)",
            area.scale.label(1).unwrap_or("best"),
            area.scale.label(4).unwrap_or("worst")
        ),
        None => "Governance health".to_string(),
    };
    let groups = [
        (CriterionGroup::Risk, &scheme.risk.criteria, risk_heading),
        (
            CriterionGroup::Value,
            &scheme.value.criteria,
            format!("Value ({}, weighted)", scale_words(&scheme.value.criteria)),
        ),
        (
            CriterionGroup::Governance,
            &scheme.governance.areas,
            governance_heading,
        ),
    ];
    for (group, criteria, heading) in groups {
        egui::CollapsingHeader::new(egui::RichText::new(group.label()).strong())
            .id_salt(("criteria_group", group.label()))
            .default_open(true)
            .show(ui, |ui| {
                ui.weak(heading.as_str());
                for criterion in criteria.iter() {
                    criterion_ui(ui, criterion, draft, read_only);
                }
            });
    }
    let questions: Vec<_> = scheme
        .significance
        .criteria
        .iter()
        .filter(|c| c.test == SignificanceTest::OfficerJudgement)
        .collect();
    if !questions.is_empty() {
        egui::CollapsingHeader::new(egui::RichText::new("Significance questions").strong())
            .default_open(true)
            .show(ui, |ui| {
                for question in questions {
                    let mut answer = draft.scores.get(&question.code).copied();
                    ui.horizontal(|ui| {
                        let label = ui
                            .label(score_label(&question.code, &question.title))
                            .on_hover_text(&question.guidance);
                        let response =
                            egui::ComboBox::from_id_salt(("significance_answer", &question.code))
                                .selected_text(match answer {
                                    Some(1) => "Yes",
                                    Some(_) => "No",
                                    None => "Not answered",
                                })
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(&mut answer, Some(1), "Yes");
                                    ui.selectable_value(&mut answer, Some(0), "No");
                                })
                                .response;
                        response.labelled_by(label.id);
                    });
                    if !read_only {
                        set_score(draft, &question.code, answer);
                    }
                }
            });
    }
}

fn set_score(draft: &mut AssessmentDraft, code: &str, score: Option<i32>) {
    match score {
        Some(score) => draft.scores.insert(code.to_string(), score),
        None => draft.scores.remove(code),
    };
}

fn criterion_ui(
    ui: &mut egui::Ui,
    criterion: &Criterion,
    draft: &mut AssessmentDraft,
    read_only: bool,
) {
    ui.add_space(4.0);
    let name = score_label(&criterion.code, &criterion.title);
    let mut score = draft.scores.get(&criterion.code).copied();
    ui.horizontal_wrapped(|ui| {
        let label = ui
            .label(egui::RichText::new(&name).strong())
            .on_hover_text(&criterion.guidance);
        let point_text = |score: Option<i32>| match score {
            Some(point) => match criterion.scale.label(point) {
                Some(words) => format!("{point} {words}"),
                None => point.to_string(),
            },
            None => "Not scored".to_string(),
        };
        ui.add_enabled_ui(!read_only, |ui| {
            let response = egui::ComboBox::from_id_salt(("criterion_score", &criterion.code))
                .selected_text(point_text(score))
                .width(190.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut score, None, "Not scored");
                    for point in criterion.scale.min..=criterion.scale.max {
                        ui.selectable_value(&mut score, Some(point), point_text(Some(point)));
                    }
                })
                .response;
            response.labelled_by(label.id);
        });
        if criterion.weight != 1 {
            ui.weak(format!("weight {}", criterion.weight));
        }
    });
    egui::CollapsingHeader::new("Guidance")
        .id_salt(("guidance", &criterion.code))
        .show(ui, |ui| {
            ui.label(&criterion.guidance);
        });
    let evidence = draft.evidence.entry(criterion.code.clone()).or_default();
    ui.horizontal(|ui| {
        // The label names the criterion: twenty fields all called "Evidence" could not be
        // told apart by a screen reader.
        let label_response = ui.weak(evidence_label(&criterion.code));
        let response = ui.add_enabled(
            !read_only,
            egui::TextEdit::singleline(evidence)
                .hint_text("What the score rests on (minutes, reports, returns)")
                .desired_width(f32::INFINITY),
        );
        response.labelled_by(label_response.id);
    });
    if !read_only {
        set_score(draft, &criterion.code, score);
    }
}
