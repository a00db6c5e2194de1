//! Tests of the scoring scheme's default data and validation.

use super::*;

#[test]
fn the_default_scheme_is_valid_and_complete() {
    let scheme = ScoringScheme::default_scheme();
    assert_eq!(scheme.validate(), Ok(()));
    assert_eq!(scheme.version, DEFAULT_SCHEME_VERSION);
    let codes: Vec<&str> = scheme.criteria().map(|(_, c)| c.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "R1", "R2", "R3", "R4", "R5", "R6", "V1", "V2", "V3", "V4", "V5", "V6", "G1", "G2",
            "G3", "G4", "G5", "G6", "G7", "G8"
        ]
    );
    assert_eq!(scheme.risk.grid.max_score(), 16);
    for (_, criterion) in scheme.criteria() {
        assert!(
            !criterion.guidance.is_empty(),
            "{} has guidance",
            criterion.code
        );
    }
    assert_eq!(
        scheme.governance.areas[2].scale.label(3),
        Some("Some key areas for improvement")
    );
    assert_eq!(scheme.value.criteria[0].scale.label(0), Some("None"));
    assert_eq!(scheme.value.criteria[0].scale.label(4), None);
}

#[test]
fn a_scheme_survives_json() {
    let scheme = ScoringScheme::default_scheme();
    let json = serde_json::to_string(&scheme).expect("serialise");
    let back: ScoringScheme = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, scheme);
    assert!(
        json.contains("\"test\":\"annual_input_at_least\""),
        "{json}"
    );
}

fn refused(change: impl FnOnce(&mut ScoringScheme)) -> String {
    let mut scheme = ScoringScheme::default_scheme();
    change(&mut scheme);
    scheme.validate().expect_err("refused").to_string()
}

#[test]
fn validation_names_what_to_fix() {
    assert!(refused(|s| s.version = 0).contains("starts at 1"));
    assert!(refused(|s| s.value.criteria[1].code = "V1".into()).contains("code V1"));
    assert!(refused(|s| s.risk.grid.high_from = 17).contains("4x4"));
    assert!(refused(|s| s.risk.grid.medium_from = 10).contains("must rise"));
    assert!(refused(|s| s.value.bands.low_up_to = 67).contains("Value bands"));
    assert!(
        refused(|s| s.governance.areas[0].scale = Scale::from_labels(0, &["a"; 4]))
            .contains("1 (Excellent)")
    );
    assert!(
        refused(|s| {
            s.value.criteria[0].scale.labels.pop();
        })
        .contains("labels")
    );
    assert!(
        refused(|s| s.risk.criteria[0].scale = Scale::from_labels(1, &["a"; 5]))
            .contains("within 1 to 4")
    );
    assert!(
        refused(|s| s.significance.rule = SignificanceRule::AtLeast { count: 4 })
            .contains("3 criteria")
    );
    assert!(
        refused(|s| s.significance.rule = SignificanceRule::WeightedAtLeast { threshold: 0 })
            .contains("total weight, 3")
    );
    assert!(
        refused(
            |s| s.significance.criteria[2].test = SignificanceTest::CriterionAtLeast {
                criterion: "V9".into(),
                score: 3
            }
        )
        .contains("V9")
    );
    assert!(refused(|s| s.review.weak_months = 0).contains("1 to 120"));
    assert!(refused(|s| s.significance.not_met = Significance::Significant).contains("cannot"));
    assert!(
        refused(|s| s.value.criteria.iter_mut().for_each(|c| c.weight = 0))
            .contains("weight above 0")
    );
}

#[test]
fn a_5x5_grid_is_allowed_with_its_own_bands() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.risk.grid.likelihood.push("Certain".into());
    scheme.risk.grid.impact.push("Catastrophic".into());
    scheme.risk.grid.medium_from = 6;
    scheme.risk.grid.high_from = 15;
    assert_eq!(scheme.validate(), Ok(()));
    assert_eq!(scheme.risk.grid.max_score(), 25);
}
