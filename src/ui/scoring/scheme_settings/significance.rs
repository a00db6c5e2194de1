//! Significance: the criteria (each a test: officer judgement, statutory, council input of at
//! least an amount, risk band at least, another criterion scored at least), the rule that
//! decides (any of, at least k of n, weighted total at least), what a partnership is when the
//! rule is not met, and the officer hourly rate that the money tests count officer time at.

use super::{money_ui, number_ui};
use crate::model::{
    Band, Money, ScoringScheme, Significance, SignificanceCriterion, SignificanceRule,
    SignificanceTest,
};

/// The largest money threshold offered (£100 million).
const MAX_THRESHOLD_POUNDS: f64 = 100_000_000.0;

fn test_name(test: &SignificanceTest) -> &'static str {
    match test {
        SignificanceTest::OfficerJudgement => "The officer answers yes or no",
        SignificanceTest::Statutory => "The partnership is statutory",
        SignificanceTest::AnnualInputAtLeast { .. } => "Council money and officer time at least",
        SignificanceTest::RiskBandAtLeast { .. } => "Risk band at least",
        SignificanceTest::CriterionAtLeast { .. } => "Another criterion scored at least",
    }
}

/// Each kind of test with a starting value for its settings.
fn test_choices(scheme: &ScoringScheme) -> Vec<SignificanceTest> {
    let first = scheme
        .value
        .criteria
        .first()
        .map(|c| (c.code.clone(), c.scale.max))
        .unwrap_or_default();
    vec![
        SignificanceTest::OfficerJudgement,
        SignificanceTest::Statutory,
        SignificanceTest::AnnualInputAtLeast {
            threshold: Money::from_pounds(10_000),
        },
        SignificanceTest::RiskBandAtLeast { band: Band::High },
        SignificanceTest::CriterionAtLeast {
            criterion: first.0,
            score: first.1,
        },
    ]
}

fn test_ui(
    ui: &mut egui::Ui,
    code: &str,
    test: &mut SignificanceTest,
    choices: &[SignificanceTest],
    codes: &[String],
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("Test of {code}"));
        let mut picked = None;
        egui::ComboBox::from_id_salt(ui.id().with("significance_test"))
            .selected_text(test_name(test))
            .width(300.0)
            .show_ui(ui, |ui| {
                for choice in choices {
                    let same = std::mem::discriminant(choice) == std::mem::discriminant(test);
                    if ui.selectable_label(same, test_name(choice)).clicked() && !same {
                        picked = Some(choice.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(choice) = picked {
            *test = choice;
        }
        match test {
            SignificanceTest::AnnualInputAtLeast { threshold } => {
                money_ui(
                    ui,
                    &format!("Threshold of {code}"),
                    threshold,
                    MAX_THRESHOLD_POUNDS,
                );
                ui.weak("a year (contributions plus officer hours × 12 × the hourly rate)");
            }
            SignificanceTest::RiskBandAtLeast { band } => {
                let label = ui.label(format!("Band of {code}"));
                egui::ComboBox::from_id_salt(ui.id().with("significance_band"))
                    .selected_text(band.label())
                    .show_ui(ui, |ui| {
                        for &option in Band::ALL {
                            ui.selectable_value(band, option, option.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            SignificanceTest::CriterionAtLeast { criterion, score } => {
                let label = ui.label(format!("Criterion tested by {code}"));
                egui::ComboBox::from_id_salt(ui.id().with("significance_criterion"))
                    .selected_text(criterion.as_str())
                    .show_ui(ui, |ui| {
                        for option in codes {
                            ui.selectable_value(criterion, option.clone(), option);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let label = ui.label(format!("Lowest score for {code}"));
                ui.add(egui::DragValue::new(score).range(-10..=20))
                    .labelled_by(label.id);
            }
            SignificanceTest::OfficerJudgement | SignificanceTest::Statutory => {}
        }
    });
}

fn criterion_ui(
    ui: &mut egui::Ui,
    criterion: &mut SignificanceCriterion,
    choices: &[SignificanceTest],
    codes: &[String],
    can_remove: bool,
) -> bool {
    let code = criterion.code.clone();
    let mut remove = false;
    ui.horizontal_wrapped(|ui| {
        super::code_title_weight_ui(
            ui,
            &code,
            (
                &mut criterion.code,
                &mut criterion.title,
                &mut criterion.weight,
            ),
            "Counts only under the weighted rule",
        );
        if ui
            .add_enabled(can_remove, egui::Button::new(format!("Remove {code}")))
            .clicked()
        {
            remove = true;
        }
    });
    test_ui(ui, &code, &mut criterion.test, choices, codes);
    let label = ui.label(format!("Guidance for {code}"));
    ui.add(
        egui::TextEdit::multiline(&mut criterion.guidance)
            .desired_rows(1)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    remove
}

fn rule_ui(ui: &mut egui::Ui, rule: &mut SignificanceRule, criteria: usize, weights: u32) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Significant when");
        let name = |r: &SignificanceRule| match r {
            SignificanceRule::AnyOf => "Any criterion is met (Gravesham)",
            SignificanceRule::AtLeast { .. } => {
                "At least a number of criteria are met (Chorley: 3 of 5)"
            }
            SignificanceRule::WeightedAtLeast { .. } => {
                "The weights of the criteria met reach a total"
            }
        };
        let count = u32::try_from(criteria).unwrap_or(u32::MAX).max(1);
        let choices = [
            SignificanceRule::AnyOf,
            SignificanceRule::AtLeast {
                count: count.min(3),
            },
            SignificanceRule::WeightedAtLeast {
                threshold: weights.clamp(1, 2),
            },
        ];
        egui::ComboBox::from_id_salt("significance_rule")
            .selected_text(name(rule))
            .width(400.0)
            .show_ui(ui, |ui| {
                for choice in choices {
                    let same = std::mem::discriminant(&choice) == std::mem::discriminant(rule);
                    if ui.selectable_label(same, name(&choice)).clicked() && !same {
                        *rule = choice;
                    }
                }
            })
            .response
            .labelled_by(label.id);
        match rule {
            SignificanceRule::AnyOf => {}
            SignificanceRule::AtLeast { count: needed } => {
                number_ui(ui, "Criteria needed", needed, 1..=count);
                ui.weak(format!("of {criteria}"));
            }
            SignificanceRule::WeightedAtLeast { threshold } => {
                number_ui(ui, "Total weight needed", threshold, 1..=weights.max(1));
                ui.weak(format!("of {weights}"));
            }
        }
    });
}

fn outcome_combo(ui: &mut egui::Ui, label: &str, value: &mut Significance) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        egui::ComboBox::from_id_salt(("significance_not_met", label.id))
            .selected_text(value.label())
            .show_ui(ui, |ui| {
                for option in [Significance::KeyOther, Significance::NotSignificant] {
                    ui.selectable_value(value, option, option.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Draws the significance settings and the hourly rate.
pub(super) fn significance_ui(ui: &mut egui::Ui, scheme: &mut ScoringScheme, rate: &mut Money) {
    ui.horizontal_wrapped(|ui| {
        money_ui(ui, "Officer hourly rate", rate, 1_000.0);
        ui.weak(
            "Officer hours are costed at this rate for the money tests, value for money and \
             the overview (a register setting; assessments already made keep the cost they \
             were judged against).",
        );
    });
    let choices = test_choices(scheme);
    let codes: Vec<String> = scheme.criteria().map(|(_, c)| c.code.clone()).collect();
    let count = scheme.significance.criteria.len();
    let mut remove = None;
    for (index, criterion) in scheme.significance.criteria.iter_mut().enumerate() {
        ui.push_id(("significance", index), |ui| {
            ui.separator();
            if criterion_ui(ui, criterion, &choices, &codes, count > 1) {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        scheme.significance.criteria.remove(index);
    }
    if ui.button("Add a significance criterion").clicked() {
        let taken: Vec<String> = scheme
            .criteria()
            .map(|(_, c)| c.code.to_lowercase())
            .chain(
                scheme
                    .significance
                    .criteria
                    .iter()
                    .map(|c| c.code.to_lowercase()),
            )
            .collect();
        let code = (1..)
            .map(|n| format!("S{n}"))
            .find(|code| !taken.contains(&code.to_lowercase()))
            .unwrap_or_else(|| "S".to_string());
        scheme.significance.criteria.push(SignificanceCriterion {
            code,
            title: "New significance criterion".into(),
            guidance: String::new(),
            test: SignificanceTest::OfficerJudgement,
            weight: 1,
        });
    }
    ui.separator();
    let criteria = scheme.significance.criteria.len();
    let weights = scheme
        .significance
        .criteria
        .iter()
        .map(|c| c.weight)
        .fold(0, u32::saturating_add);
    rule_ui(ui, &mut scheme.significance.rule, criteria, weights);
    outcome_combo(ui, "When not met", &mut scheme.significance.not_met);
    outcome_combo(
        ui,
        "When not met and value is Low",
        &mut scheme.significance.not_met_low_value,
    );
}
