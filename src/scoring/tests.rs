//! Unit tests of the scoring arithmetic: bands and thresholds at their edges, the significance
//! rules, the recommendation matrix and overrides, costing, review dates, the overview, history
//! and scheme versions.

use chrono::NaiveDate;

use super::*;
use crate::model::*;

fn date(text: &str) -> NaiveDate {
    parse_date(text).expect("a test date")
}

fn sheet_scores(pairs: &[(&str, i32)]) -> Vec<CriterionScore> {
    pairs
        .iter()
        .map(|(code, score)| CriterionScore {
            criterion: (*code).to_string(),
            score: *score,
            evidence: String::new(),
        })
        .collect()
}

/// Scores R1-R6 and V1-V6 (and any `extra`).
fn risk_value_scores(
    risk: [i32; 6],
    value: [i32; 6],
    extra: &[(&str, i32)],
) -> Vec<CriterionScore> {
    let mut pairs: Vec<(String, i32)> = Vec::new();
    for (index, score) in risk.iter().enumerate() {
        pairs.push((format!("R{}", index + 1), *score));
    }
    for (index, score) in value.iter().enumerate() {
        pairs.push((format!("V{}", index + 1), *score));
    }
    let mut scores: Vec<CriterionScore> = pairs
        .iter()
        .map(|(code, score)| CriterionScore {
            criterion: code.clone(),
            score: *score,
            evidence: String::new(),
        })
        .collect();
    scores.extend(sheet_scores(extra));
    scores
}

fn risk_of(scheme: &ScoringScheme, risk_scores: [i32; 6]) -> RiskResult {
    let scores = risk_value_scores(risk_scores, [0; 6], &[]);
    let sheet = ScoreSheet::new(scheme, &scores).expect("valid scores");
    risk(&sheet, None).expect("risk")
}

fn value_of(scheme: &ScoringScheme, value_scores: [i32; 6]) -> ValueResult {
    let scores = risk_value_scores([1; 6], value_scores, &[]);
    let sheet = ScoreSheet::new(scheme, &scores).expect("valid scores");
    value(&sheet).expect("value")
}

// ---------------------------------------------------------------------------------------------
// Risk

#[test]
fn risk_bands_change_exactly_at_their_thresholds() {
    let grid = ScoringScheme::default_scheme().risk.grid;
    let bands: Vec<Band> = (1..=16).map(|score| risk_band(&grid, score)).collect();
    assert_eq!(bands[..4], [Band::Low; 4], "1-4 Low");
    assert_eq!(bands[4..8], [Band::Medium; 4], "5-8 Medium");
    assert_eq!(bands[8..], [Band::High; 8], "9-16 High");
}

#[test]
fn likelihood_is_the_rounded_mean_and_impact_the_worst() {
    let scheme = ScoringScheme::default_scheme();
    let cases = [
        ([1, 1, 1, 1, 1, 1], (1, 1, 1, Band::Low)),
        ([2, 2, 2, 2, 2, 2], (2, 2, 4, Band::Low)),
        // Mean 1.5 rounds up to 2; worst 2: 4, the top of Low.
        ([1, 1, 1, 2, 2, 2], (2, 2, 4, Band::Low)),
        // Mean 2.17 is 2; worst 3: 6.
        ([2, 2, 2, 2, 2, 3], (2, 3, 6, Band::Medium)),
        // Mean 1.5 is 2; worst 4: 8, the top of Medium.
        ([1, 1, 1, 1, 1, 4], (2, 4, 8, Band::Medium)),
        // Mean 1.67 is 2; worst 4: 8.
        ([1, 1, 1, 1, 2, 4], (2, 4, 8, Band::Medium)),
        // Mean 1.33 is 1; worst 3: 3, Low.
        ([1, 1, 1, 1, 1, 3], (1, 3, 3, Band::Low)),
        ([3, 3, 3, 3, 3, 3], (3, 3, 9, Band::High)),
        ([4, 4, 4, 4, 4, 4], (4, 4, 16, Band::High)),
    ];
    for (scores, (likelihood, impact, score, band)) in cases {
        let result = risk_of(&scheme, scores);
        assert_eq!(
            (result.likelihood, result.impact, result.score, result.band),
            (likelihood, impact, score, band),
            "risk scores {scores:?}"
        );
    }
}

#[test]
fn risk_weights_pull_the_mean() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.risk.criteria[0].weight = 3;
    // (3 x 4 + 5 x 1) / 8 = 2.125: likelihood 2, impact 4.
    let result = risk_of(&scheme, [4, 1, 1, 1, 1, 1]);
    assert_eq!((result.likelihood, result.impact), (2, 4));
    // Equal weights: 9 / 6 = 1.5 rounds up to 2 as well; 3 x 4 + 1 = 13 / 8 = 1.6 is 2.
    scheme.risk.criteria[0].weight = 0;
    // Left out: the other five are all 1, so likelihood and impact are 1.
    let result = risk_of(&scheme, [4, 1, 1, 1, 1, 1]);
    assert_eq!(
        (result.likelihood, result.impact, result.band),
        (1, 1, Band::Low)
    );
}

#[test]
fn entered_risk_must_be_given_and_on_the_grid() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.risk.derivation = RiskDerivation::Entered;
    let scores = risk_value_scores([1; 6], [0; 6], &[]);
    let sheet = ScoreSheet::new(&scheme, &scores).expect("scores");
    assert_eq!(
        risk(&sheet, None),
        Err(ScoringError::RiskNotEntered {
            likelihood_max: 4,
            impact_max: 4
        })
    );
    assert!(matches!(
        risk(&sheet, Some((5, 1))),
        Err(ScoringError::RiskOffGrid { .. })
    ));
    assert!(matches!(
        risk(&sheet, Some((0, 3))),
        Err(ScoringError::RiskOffGrid { .. })
    ));
    let result = risk(&sheet, Some((2, 4))).expect("entered");
    assert_eq!((result.score, result.band), (8, Band::Medium));
    let result = risk(&sheet, Some((3, 3))).expect("entered");
    assert_eq!((result.score, result.band), (9, Band::High));
    // Risk criteria are evidence only: unscored is fine.
    let none: Vec<CriterionScore> = Vec::new();
    let sheet = ScoreSheet::new(&scheme, &none).expect("no scores");
    assert_eq!(risk(&sheet, Some((1, 4))).map(|r| r.band), Ok(Band::Low));
}

#[test]
fn a_5x5_grid_bands_on_its_own_thresholds() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.risk.derivation = RiskDerivation::Entered;
    scheme.risk.grid.likelihood.push("Almost certain".into());
    scheme.risk.grid.impact.push("Catastrophic".into());
    scheme.risk.grid.medium_from = 6;
    scheme.risk.grid.high_from = 15;
    assert_eq!(scheme.validate(), Ok(()));
    let none: Vec<CriterionScore> = Vec::new();
    let sheet = ScoreSheet::new(&scheme, &none).expect("no scores");
    let band = |l, i| risk(&sheet, Some((l, i))).map(|r| r.band);
    assert_eq!(band(1, 5), Ok(Band::Low));
    assert_eq!(band(2, 3), Ok(Band::Medium));
    assert_eq!(
        band(2, 7),
        Err(ScoringError::RiskOffGrid {
            likelihood: 2,
            impact: 7,
            likelihood_max: 5,
            impact_max: 5
        })
    );
    assert_eq!(band(3, 5), Ok(Band::High));
    assert_eq!(band(5, 5), Ok(Band::High));
    assert_eq!(band(2, 7).map_err(|e| e.to_string()), Err(
        "Likelihood 2 and impact 7 are off the risk grid: likelihood runs 1 to 5 and impact 1 to 5"
            .to_string()
    ));
}

#[test]
fn a_missing_risk_score_is_named() {
    let scheme = ScoringScheme::default_scheme();
    let scores = sheet_scores(&[("R1", 2), ("R2", 2)]);
    let sheet = ScoreSheet::new(&scheme, &scores).expect("scores");
    let error = risk(&sheet, None).expect_err("incomplete");
    assert_eq!(
        error.to_string(),
        "R3 “Reputational risk to the council” has no score yet"
    );
}

// ---------------------------------------------------------------------------------------------
// Value

#[test]
fn whole_percentages_round_half_up() {
    assert_eq!(whole_percent(12, 18), 67);
    assert_eq!(whole_percent(11, 18), 61);
    assert_eq!(whole_percent(6, 18), 33);
    assert_eq!(whole_percent(1, 2), 50);
    assert_eq!(whole_percent(133, 200), 67, "66.5% rounds up");
    assert_eq!(whole_percent(1329, 2000), 66, "66.45% rounds down");
    assert_eq!(whole_percent(0, 18), 0);
    assert_eq!(whole_percent(18, 18), 100);
    assert_eq!(whole_percent(5, 0), 0);
}

#[test]
fn value_bands_change_exactly_at_their_thresholds() {
    let bands = ScoringScheme::default_scheme().value.bands;
    assert_eq!(value_band(&bands, 100), Band::High);
    assert_eq!(value_band(&bands, 67), Band::High);
    assert_eq!(value_band(&bands, 66), Band::Medium);
    assert_eq!(value_band(&bands, 34), Band::Medium);
    assert_eq!(value_band(&bands, 33), Band::Low);
    assert_eq!(value_band(&bands, 0), Band::Low);
}

#[test]
fn value_is_the_normalised_total_of_the_ratings() {
    let scheme = ScoringScheme::default_scheme();
    let cases = [
        ([2, 2, 2, 2, 2, 2], 12, 67, Band::High), // 66.7% rounds to 67
        ([2, 2, 2, 2, 2, 1], 11, 61, Band::Medium),
        ([1, 1, 1, 1, 1, 2], 7, 39, Band::Medium),
        ([1, 1, 1, 1, 1, 1], 6, 33, Band::Low), // 33.3% rounds to 33
        ([3, 3, 3, 3, 3, 3], 18, 100, Band::High),
        ([0, 0, 0, 0, 0, 0], 0, 0, Band::Low),
    ];
    for (scores, points, percent, band) in cases {
        let result = value_of(&scheme, scores);
        assert_eq!(
            (result.points, result.most, result.percent, result.band),
            (points, 18, percent, band),
            "value scores {scores:?}"
        );
    }
}

#[test]
fn value_weights_count() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.value.criteria[0].weight = 3;
    // V1 strong (3 x 3 = 9) and nothing else: 9 of 3 x 3 + 5 x 3 = 24 is 37.5%, so 38%.
    let result = value_of(&scheme, [3, 0, 0, 0, 0, 0]);
    assert_eq!((result.points, result.most, result.percent), (9, 24, 38));
    assert_eq!(result.band, Band::Medium);
    // A scale that does not start at 0 is normalised from its lowest point.
    scheme.value.criteria[1].scale = Scale::from_labels(1, &["a", "b", "c", "d", "e"]);
    let result = value_of(&scheme, [0, 1, 0, 0, 0, 0]);
    assert_eq!((result.points, result.most), (0, 9 + 4 + 12));
}

#[test]
fn configured_value_thresholds_are_used() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.value.bands = PercentBands {
        high_from: 50,
        low_up_to: 20,
    };
    assert_eq!(value_of(&scheme, [2, 2, 1, 1, 1, 2]).band, Band::High); // 9/18 = 50%
    assert_eq!(value_of(&scheme, [2, 2, 1, 1, 1, 1]).band, Band::Medium); // 8/18 = 44%
    assert_eq!(value_of(&scheme, [1, 1, 1, 1, 0, 0]).band, Band::Medium); // 4/18 = 22%
    assert_eq!(value_of(&scheme, [1, 1, 1, 0, 0, 0]).band, Band::Low); // 3/18 = 17%
}

#[test]
fn scores_are_checked_against_the_scheme() {
    let scheme = ScoringScheme::default_scheme();
    let check = |pairs: &[(&str, i32)]| {
        let scores = sheet_scores(pairs);
        ScoreSheet::new(&scheme, &scores)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        check(&[("V1", 4)]),
        Err("V1 is scored 4, but it is rated 0 to 3".into())
    );
    assert_eq!(
        check(&[("R1", 0)]),
        Err("R1 is scored 0, but it is rated 1 to 4".into())
    );
    assert_eq!(
        check(&[("X9", 1)]),
        Err("X9 is not a criterion of scoring scheme version 1".into())
    );
    assert_eq!(
        check(&[("V2", 1), ("V2", 2)]),
        Err("V2 is scored twice: give each criterion one score".into())
    );
    // Significance criteria S1-S3 are worked out, not answered.
    assert!(check(&[("S1", 1)]).is_err());
    assert_eq!(check(&[("G8", 4), ("V6", 0)]), Ok(()));
}

// ---------------------------------------------------------------------------------------------
// Governance health

fn governance_of(scheme: &ScoringScheme, pairs: &[(&str, i32)]) -> GovernanceResult {
    let scores = sheet_scores(pairs);
    governance(&ScoreSheet::new(scheme, &scores).expect("scores"))
}

fn all_areas(levels: [i32; 8]) -> Vec<(&'static str, i32)> {
    ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"]
        .into_iter()
        .zip(levels)
        .collect()
}

#[test]
fn governance_is_the_mean_rounded_towards_the_worse() {
    let scheme = ScoringScheme::default_scheme();
    let rating = |levels| governance_of(&scheme, &all_areas(levels)).rating;
    assert_eq!(rating([1; 8]), Some(GovernanceRating::Excellent));
    assert_eq!(
        rating([1, 1, 1, 1, 2, 2, 2, 1]),
        Some(GovernanceRating::Excellent)
    ); // 1.375
    assert_eq!(
        rating([1, 2, 1, 2, 1, 2, 1, 2]),
        Some(GovernanceRating::Good)
    ); // 1.5
    assert_eq!(
        rating([2, 3, 2, 3, 2, 3, 2, 2]),
        Some(GovernanceRating::Good)
    ); // 2.375
    assert_eq!(
        rating([2, 3, 2, 3, 2, 3, 2, 3]),
        Some(GovernanceRating::SomeWeaknesses)
    ); // 2.5
    assert_eq!(
        rating([4, 3, 4, 3, 4, 3, 4, 3]),
        Some(GovernanceRating::ManyWeaknesses)
    ); // 3.5
    assert_eq!(
        rating([4, 1, 1, 1, 1, 1, 1, 1]),
        Some(GovernanceRating::Excellent)
    ); // 1.375
}

#[test]
fn governance_can_take_the_worst_area() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.governance.combine = GovernanceCombine::Worst;
    let result = governance_of(&scheme, &all_areas([4, 1, 1, 1, 1, 1, 1, 1]));
    assert_eq!(result.rating, Some(GovernanceRating::ManyWeaknesses));
    assert_eq!(result.weak_areas, ["G1"]);
}

#[test]
fn unrated_areas_are_unable_to_assess() {
    let scheme = ScoringScheme::default_scheme();
    let result = governance_of(&scheme, &[("G1", 3), ("G4", 2)]);
    assert_eq!(result.rating, Some(GovernanceRating::SomeWeaknesses)); // 2.5
    assert_eq!(
        result.unable_to_assess,
        ["G2", "G3", "G5", "G6", "G7", "G8"]
    );
    assert_eq!(result.weak_areas, ["G1"]);
    let nothing = governance_of(&scheme, &[]);
    assert_eq!(nothing.rating, None);
    assert_eq!(nothing.unable_to_assess.len(), 8);
}

// ---------------------------------------------------------------------------------------------
// Significance

fn significance_of(
    scheme: &ScoringScheme,
    scores: &[CriterionScore],
    facts: AssessmentFacts,
    risk_band: Band,
    value_band: Band,
) -> Result<SignificanceResult, ScoringError> {
    let sheet = ScoreSheet::new(scheme, scores)?;
    significance(&sheet, &facts, risk_band, value_band)
}

fn facts(pounds_and_pence: i64, statutory: bool) -> AssessmentFacts {
    AssessmentFacts {
        annual_input: Money {
            pence: pounds_and_pence,
        },
        statutory,
    }
}

#[test]
fn any_of_is_met_by_any_one_criterion() {
    let scheme = ScoringScheme::default_scheme();
    let plain = risk_value_scores([1; 6], [2; 6], &[]);
    let outcome = |scores: &[CriterionScore], facts, value_band| {
        significance_of(&scheme, scores, facts, Band::Low, value_band).expect("significance")
    };
    let result = outcome(&plain, facts(0, true), Band::Medium);
    assert_eq!(
        (result.significance, result.met.clone()),
        (Significance::Significant, vec!["S1".to_string()])
    );
    // £10,000 exactly meets the threshold; a penny less does not.
    let result = outcome(&plain, facts(1_000_000, false), Band::Medium);
    assert_eq!(
        (result.significance, result.met.clone()),
        (Significance::Significant, vec!["S2".to_string()])
    );
    let result = outcome(&plain, facts(999_999, false), Band::Medium);
    assert_eq!(result.significance, Significance::KeyOther);
    assert!(result.met.is_empty());
    // Not met and low value: not significant.
    let result = outcome(&plain, facts(999_999, false), Band::Low);
    assert_eq!(result.significance, Significance::NotSignificant);
    // V1 rated 3: fundamental to a corporate priority.
    let strong = risk_value_scores([1; 6], [3, 0, 0, 0, 0, 0], &[]);
    let result = outcome(&strong, facts(0, false), Band::Low);
    assert_eq!(
        (result.significance, result.met),
        (Significance::Significant, vec!["S3".to_string()])
    );
}

/// Chorley and South Ribble's "3 or more of 5" rule, with officer judgements.
fn chorley_scheme() -> ScoringScheme {
    let mut scheme = ScoringScheme::default_scheme();
    let criterion = |code: &str, test| SignificanceCriterion {
        code: code.into(),
        title: format!("Criterion {code}"),
        guidance: String::new(),
        test,
        weight: 1,
    };
    scheme.significance.criteria = vec![
        criterion(
            "C1",
            SignificanceTest::AnnualInputAtLeast {
                threshold: Money::from_pounds(100_000),
            },
        ),
        criterion(
            "C2",
            SignificanceTest::CriterionAtLeast {
                criterion: "V1".into(),
                score: 2,
            },
        ),
        criterion("C3", SignificanceTest::RiskBandAtLeast { band: Band::High }),
        criterion("C4", SignificanceTest::OfficerJudgement),
        criterion("C5", SignificanceTest::OfficerJudgement),
    ];
    scheme.significance.rule = SignificanceRule::AtLeast { count: 3 };
    scheme.significance.not_met_low_value = Significance::KeyOther;
    assert_eq!(scheme.validate(), Ok(()));
    scheme
}

#[test]
fn k_of_n_needs_k_criteria_met() {
    let scheme = chorley_scheme();
    let answers = |c4, c5| risk_value_scores([1; 6], [2; 6], &[("C4", c4), ("C5", c5)]);
    let judge = |scores: &[CriterionScore], risk_band| {
        significance_of(&scheme, scores, facts(0, false), risk_band, Band::Medium)
            .expect("significance")
    };
    // C2 (V1 = 2) and C4: two of five.
    let result = judge(&answers(1, 0), Band::Medium);
    assert_eq!(result.met, ["C2", "C4"]);
    assert_eq!(result.significance, Significance::KeyOther);
    // Add high risk (C3): three of five.
    let result = judge(&answers(1, 0), Band::High);
    assert_eq!(result.met, ["C2", "C3", "C4"]);
    assert_eq!(result.significance, Significance::Significant);
    // An officer judgement left unanswered is asked for.
    let unanswered = risk_value_scores([1; 6], [2; 6], &[("C4", 1)]);
    let error = significance_of(
        &scheme,
        &unanswered,
        facts(0, false),
        Band::Low,
        Band::Medium,
    )
    .expect_err("C5 unanswered");
    assert_eq!(error.to_string(), "C5 “Criterion C5” has no score yet");
    // Judgements are yes (1) or no (0).
    let maybe = risk_value_scores([1; 6], [2; 6], &[("C4", 2), ("C5", 0)]);
    assert!(matches!(
        significance_of(&scheme, &maybe, facts(0, false), Band::Low, Band::Medium),
        Err(ScoringError::OutOfScale { .. })
    ));
}

#[test]
fn weighted_needs_the_threshold_weight() {
    let mut scheme = ScoringScheme::default_scheme();
    scheme.significance.criteria[0].weight = 3; // statutory
    scheme.significance.criteria[1].weight = 2; // £10,000
    scheme.significance.criteria[2].weight = 1; // V1 strong
    scheme.significance.rule = SignificanceRule::WeightedAtLeast { threshold: 4 };
    assert_eq!(scheme.validate(), Ok(()));
    let plain = risk_value_scores([1; 6], [2; 6], &[]);
    let strong = risk_value_scores([1; 6], [3, 2, 2, 2, 2, 2], &[]);
    let judge = |scores: &[CriterionScore], facts| {
        significance_of(&scheme, scores, facts, Band::Low, Band::High).expect("significance")
    };
    let result = judge(&plain, facts(0, true));
    assert_eq!(
        (result.weight_met, result.significance),
        (3, Significance::KeyOther)
    );
    let result = judge(&strong, facts(0, true));
    assert_eq!(
        (result.weight_met, result.significance),
        (4, Significance::Significant)
    );
    let result = judge(&strong, facts(1_000_000, false));
    assert_eq!(
        (result.weight_met, result.significance),
        (3, Significance::KeyOther)
    );
    let result = judge(&strong, facts(1_000_000, true));
    assert_eq!(
        (result.weight_met, result.significance),
        (6, Significance::Significant)
    );
}

#[test]
fn the_money_threshold_counts_officer_time() {
    // £5,000 contributed plus 12 hours a month at £35 (£5,040) is £10,040: significant. The
    // contribution alone is not.
    let mut register = Register::new("Test District Council");
    let day = date("2025-06-01");
    let edits = vec![
        Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Community Safety Partnership".into(),
            ..Partnership::default()
        }),
        Edit::insert(Person {
            id: PersonId(1),
            name: "Ann Hawkins".into(),
            ..Person::default()
        }),
        Edit::insert(Contribution {
            id: ContributionId(1),
            partnership: PartnershipId(1),
            year: 2025,
            amount: Money::from_pounds(5_000),
            ..Contribution::default()
        }),
    ];
    for edit in &edits {
        register.apply(edit).expect("setup");
    }
    let scheme = ScoringScheme::default_scheme();
    let scores = risk_value_scores([1; 6], [2; 6], &[]);
    let judge = |register: &Register| {
        let facts = facts_on(register, PartnershipId(1), day).expect("facts");
        (
            facts.annual_input,
            significance_of(&scheme, &scores, facts, Band::Low, Band::High)
                .expect("significance")
                .significance,
        )
    };
    assert_eq!(
        judge(&register),
        (Money::from_pounds(5_000), Significance::KeyOther)
    );
    register
        .apply(&Edit::insert(Representation {
            id: RepresentationId(1),
            person: PersonId(1),
            partnership: PartnershipId(1),
            hours_per_month: Hours::whole(12),
            ..Representation::default()
        }))
        .expect("representation");
    assert_eq!(
        register.settings.officer_hourly_rate,
        Money::from_pounds(35)
    );
    assert_eq!(
        judge(&register),
        (Money::from_pounds(10_040), Significance::Significant)
    );
}

// ---------------------------------------------------------------------------------------------
// Value for money, the matrix and overrides, review dates

#[test]
fn value_for_money_follows_value_and_cost() {
    let rule = ScoringScheme::default_scheme().value_for_money;
    let pounds = Money::from_pounds;
    assert_eq!(
        value_for_money(&rule, Band::High, pounds(50_000)),
        ValueForMoney::Good
    );
    assert_eq!(
        value_for_money(&rule, Band::Medium, pounds(50_000)),
        ValueForMoney::Fair
    );
    assert_eq!(
        value_for_money(&rule, Band::Low, pounds(2_000)),
        ValueForMoney::Poor
    );
    assert_eq!(
        value_for_money(&rule, Band::Low, Money { pence: 199_999 }),
        ValueForMoney::Fair,
        "low value that costs under £2,000 is fair"
    );
}

#[test]
fn the_matrix_is_domain_section_4_4() {
    use Recommendation::*;
    let matrix = ScoringScheme::default_scheme().recommendations;
    let expected = [
        (
            Band::High,
            Band::Low,
            Maintain,
            vec![Increase],
            "Increase or maintain resources",
        ),
        (
            Band::High,
            Band::Medium,
            Maintain,
            vec![],
            "Maintain; strengthen governance",
        ),
        (
            Band::High,
            Band::High,
            Maintain,
            vec![],
            "Maintain; review governance urgently",
        ),
        (Band::Medium, Band::Low, Maintain, vec![], "Maintain"),
        (Band::Medium, Band::Medium, Review, vec![], "Review"),
        (
            Band::Medium,
            Band::High,
            Review,
            vec![Reduce],
            "Review; consider reducing",
        ),
        (
            Band::Low,
            Band::Low,
            Reduce,
            vec![RemoveFromRegister],
            "Reduce resources or remove from register",
        ),
        (Band::Low, Band::Medium, Reduce, vec![], "Reduce"),
        (
            Band::Low,
            Band::High,
            Reduce,
            vec![Withdraw],
            "Reduce or withdraw",
        ),
    ];
    for (value, risk, suggested, also, advice) in expected {
        let cell = matrix.cell(value, risk);
        assert_eq!(
            (cell.suggested, &cell.also_allowed, cell.advice.as_str()),
            (suggested, &also, advice),
            "{value} value, {risk} risk"
        );
    }
}

#[test]
fn an_override_needs_a_reason_and_keeps_both() {
    use Recommendation::*;
    let matrix = ScoringScheme::default_scheme().recommendations;
    // No choice: the suggestion.
    let choice = choose_recommendation(&matrix, Band::Low, Band::High, None, "").expect("ok");
    assert_eq!(
        (choice.suggested, choice.chosen, choice.is_override()),
        (Reduce, Reduce, false)
    );
    // An alternative the cell allows: no reason needed, none kept.
    let choice = choose_recommendation(&matrix, Band::Low, Band::High, Some(Withdraw), "because")
        .expect("ok");
    assert_eq!((choice.suggested, choice.chosen), (Reduce, Withdraw));
    assert!(!choice.is_override());
    assert_eq!(choice.override_reason, "");
    // Outside the cell: a reason is required, and blank does not count.
    for blank in ["", "   \n"] {
        let error = choose_recommendation(&matrix, Band::Low, Band::Low, Some(Increase), blank)
            .expect_err("reason required");
        assert_eq!(
            error,
            ScoringError::OverrideNeedsReason {
                suggested: Reduce,
                chosen: Increase
            }
        );
        assert_eq!(
            error.to_string(),
            "“Increase” is not what the matrix suggests for these scores (“Reduce”): give the \
             reason for the override"
        );
    }
    let choice = choose_recommendation(
        &matrix,
        Band::Low,
        Band::Low,
        Some(Increase),
        "  New statutory   duty from April ",
    )
    .expect("override with a reason");
    assert_eq!((choice.suggested, choice.chosen), (Reduce, Increase));
    assert!(choice.is_override());
    assert_eq!(choice.override_reason, "New statutory duty from April");
}

#[test]
fn reviews_come_sooner_for_weak_ratings() {
    use Recommendation::*;
    let rule = ScoringScheme::default_scheme().review;
    let day = date("2025-06-15");
    let next = |governance, risk, recommendation| {
        next_review(&rule, day, governance, risk, recommendation)
    };
    let year_on = Some(date("2026-06-15"));
    let half_year_on = Some(date("2025-12-15"));
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::Low, Maintain),
        year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Excellent), Band::Medium, Increase),
        year_on
    );
    assert_eq!(
        next(None, Band::Low, Maintain),
        year_on,
        "unrated governance"
    );
    assert_eq!(
        next(Some(GovernanceRating::SomeWeaknesses), Band::Low, Maintain),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::ManyWeaknesses), Band::Low, Maintain),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::High, Maintain),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::Low, Review),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::Low, Reduce),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::Low, Withdraw),
        half_year_on
    );
    assert_eq!(
        next(Some(GovernanceRating::Good), Band::Low, RemoveFromRegister),
        None
    );
    // Month ends clamp.
    assert_eq!(
        next_review(&rule, date("2025-08-31"), None, Band::High, Maintain),
        Some(date("2026-02-28"))
    );
    assert_eq!(
        next_review(&rule, date("2024-02-29"), None, Band::Low, Maintain),
        Some(date("2025-02-28"))
    );
}

// ---------------------------------------------------------------------------------------------
// Resources

#[test]
fn officer_hours_are_costed_for_a_year() {
    // The design's example: 104 hours a month at £38 is £47,424 a year.
    assert_eq!(
        officer_time_cost(Hours::whole(104), Money::from_pounds(38)),
        Money::from_pounds(47_424)
    );
    assert_eq!(
        officer_time_cost(Hours { tenths: 25 }, Money::from_pounds(40)),
        Money::from_pounds(1_200)
    );
    assert_eq!(
        officer_time_cost(Hours::ZERO, Money::from_pounds(40)),
        Money::ZERO
    );
    // To the nearest penny: 0.1 h x 12 x £33.33 = £39.996, so £40.00; 0.1 h x 12 x 1p = 1.2p.
    assert_eq!(
        officer_time_cost(Hours { tenths: 1 }, Money { pence: 3_333 }),
        Money { pence: 4_000 }
    );
    assert_eq!(
        officer_time_cost(Hours { tenths: 1 }, Money { pence: 1 }),
        Money { pence: 1 }
    );
    assert_eq!(
        officer_time_cost(Hours { tenths: 1 }, Money { pence: 4 }),
        Money { pence: 5 }
    ); // 4.8p
    // No overflow at the extremes.
    let huge = officer_time_cost(Hours { tenths: u32::MAX }, Money { pence: i64::MAX });
    assert_eq!(huge.pence, i64::MAX);
}

#[test]
fn financial_years_start_on_1_april() {
    let year_of = |text: &str| crate::model::FinancialYear::of(date(text)).starts_in;
    assert_eq!(year_of("2026-03-31"), 2025);
    assert_eq!(year_of("2026-04-01"), 2026);
    assert_eq!(year_of("2026-01-01"), 2025);
    assert_eq!(year_of("2025-12-31"), 2025);
}

/// A register of `count` partnerships, each with one officer on `tenths` of an hour a month
/// and `pence` contributed in 2025.
fn register_with(count: i64, tenths: u32, pence: i64) -> Register {
    let mut register = Register::new("Test District Council");
    register.settings.officer_hourly_rate = Money::from_pounds(38);
    register
        .apply(&Edit::insert(Person {
            id: PersonId(1),
            name: "Ann Hawkins".into(),
            ..Person::default()
        }))
        .expect("person");
    for id in 1..=count {
        let edits = [
            Edit::insert(Partnership {
                id: PartnershipId(id),
                name: format!("Partnership {id}"),
                ..Partnership::default()
            }),
            Edit::insert(Representation {
                id: RepresentationId(id),
                person: PersonId(1),
                partnership: PartnershipId(id),
                hours_per_month: Hours { tenths },
                ..Representation::default()
            }),
            Edit::insert(Contribution {
                id: ContributionId(id),
                partnership: PartnershipId(id),
                year: 2025,
                amount: Money { pence },
                ..Contribution::default()
            }),
        ];
        for edit in &edits {
            register.apply(edit).expect("setup");
        }
    }
    register
}

#[test]
fn annual_cost_adds_costed_hours_of_representatives_in_post_and_the_years_money() {
    let mut register = register_with(1, 400, 800_000);
    let p = PartnershipId(1);
    let on = date("2025-09-01");
    let cost = annual_cost(&register, p, 2025, on);
    assert_eq!(cost.hours_per_month, Hours::whole(40));
    assert_eq!(cost.officer_time, Money::from_pounds(40 * 12 * 38));
    assert_eq!(cost.contributions, Money::from_pounds(8_000));
    assert_eq!(cost.total, Money::from_pounds(18_240 + 8_000));
    assert_eq!(
        annual_cost(&register, p, 2024, on).contributions,
        Money::ZERO
    );
    // A term that ended, and one not yet started, do not count.
    for (id, start, end) in [
        (2, None, Some("2025-08-31")),
        (3, Some("2025-09-02"), None),
        (4, Some("2025-09-01"), Some("2025-09-01")),
    ] {
        register
            .apply(&Edit::insert(Representation {
                id: RepresentationId(id),
                person: PersonId(1),
                partnership: p,
                hours_per_month: Hours::whole(10),
                term_start: start.map(date),
                term_end: end.map(date),
                ..Representation::default()
            }))
            .expect("representation");
    }
    assert_eq!(
        annual_cost(&register, p, 2025, on).hours_per_month,
        Hours::whole(50)
    );
    assert_eq!(
        annual_costs(&register, 2025, on)[&p],
        annual_cost(&register, p, 2025, on)
    );
}

// ---------------------------------------------------------------------------------------------
// Whole assessments and scheme versions

fn full_input(partnership: i64, day: &str, risk: [i32; 6], value: [i32; 6]) -> AssessmentInput {
    let mut input = AssessmentInput::new(PartnershipId(partnership), date(day));
    input.assessor = " Ann Hawkins ".into();
    input.scores = risk_value_scores(risk, value, &all_areas([2, 2, 2, 2, 3, 2, 2, 1]));
    input
}

#[test]
fn a_whole_assessment_is_built_ready_to_insert() {
    let mut register = register_with(1, 1040, 0);
    // A register from before schemes were stored: it relies on the built-in default.
    register.scoring_schemes.clear();
    let scheme = ScoringScheme::default_scheme();
    let input = full_input(1, "2025-06-01", [2, 2, 2, 2, 2, 3], [2, 2, 2, 2, 2, 2]).score(
        "V1",
        3,
        "Fundamental to the community safety priority",
    );
    let assessment = new_assessment(&register, &scheme, &input).expect("assessment");
    assert_eq!(assessment.id, AssessmentId(1));
    assert_eq!(assessment.assessor, "Ann Hawkins");
    assert_eq!(assessment.scheme_version, 1);
    assert_eq!((assessment.risk_likelihood, assessment.risk_impact), (2, 3));
    assert_eq!(assessment.risk_band, Some(Band::Medium));
    assert_eq!(assessment.value_percent, Some(72)); // 13 of 18
    assert_eq!(assessment.value_band, Some(Band::High));
    assert_eq!(assessment.governance, Some(GovernanceRating::Good)); // 16 / 8 = 2
    assert_eq!(assessment.significance, Significance::Significant); // £47,424 of officer time
    assert_eq!(assessment.annual_input, Some(Money::from_pounds(47_424)));
    assert_eq!(assessment.value_for_money, Some(ValueForMoney::Good));
    assert_eq!(
        assessment.suggested_recommendation,
        Some(Recommendation::Maintain)
    );
    assert_eq!(assessment.recommendation, Some(Recommendation::Maintain));
    assert_eq!(assessment.override_reason, "");
    assert_eq!(assessment.next_review, Some(date("2026-06-01")));
    assert_eq!(
        assessment
            .scores
            .iter()
            .find(|s| s.criterion == "V1")
            .map(|s| s.evidence.as_str()),
        Some("Fundamental to the community safety priority")
    );

    // Saving stores the built-in scheme with the first assessment made with it.
    let edit = save_assessment(&register, &scheme, assessment.clone()).expect("edit");
    assert_eq!(edit.describe(), "Add assessment of 2025-06-01");
    assert!(matches!(&edit, Edit::Batch { edits, .. } if edits.len() == 2));
    // Without the scheme, the assessment alone is refused: it names a scheme not stored.
    assert!(matches!(
        register.clone().apply(&Edit::insert(assessment.clone())),
        Err(EditError::MissingReference { .. })
    ));
    register.apply(&edit).expect("saved");
    assert_eq!(register.scoring_schemes.get(&1), Some(&scheme));
    assert_eq!(
        register.current_assessment(PartnershipId(1)),
        Some(&assessment)
    );
    // The next one is a plain insert.
    let second = new_assessment(
        &register,
        &scheme,
        &full_input(1, "2026-06-01", [1; 6], [1; 6]),
    )
    .expect("second");
    assert_eq!(second.id, AssessmentId(2));
    assert!(matches!(
        save_assessment(&register, &scheme, second),
        Ok(Edit::Insert(_))
    ));
}

#[test]
fn an_override_without_a_reason_builds_nothing() {
    let register = register_with(1, 10, 0);
    let scheme = ScoringScheme::default_scheme();
    let mut input = full_input(1, "2025-06-01", [1; 6], [0; 6]); // low value, low risk
    input.chosen = Some(Recommendation::Increase);
    assert!(matches!(
        new_assessment(&register, &scheme, &input),
        Err(ScoringError::OverrideNeedsReason { .. })
    ));
    input.override_reason = "Members asked to double the grant this year".into();
    let assessment = new_assessment(&register, &scheme, &input).expect("override");
    assert_eq!(
        assessment.suggested_recommendation,
        Some(Recommendation::Reduce)
    );
    assert_eq!(assessment.recommendation, Some(Recommendation::Increase));
    assert_eq!(
        assessment.override_reason,
        "Members asked to double the grant this year"
    );
    assert_eq!(assessment.significance, Significance::NotSignificant);
    assert_eq!(assessment.value_for_money, Some(ValueForMoney::Fair)); // costs £45.60
    // Increase is not weak: a year on.
    assert_eq!(assessment.next_review, Some(date("2026-06-01")));
    assert!(matches!(
        new_assessment(
            &register,
            &scheme,
            &AssessmentInput::new(PartnershipId(9), date("2025-06-01"))
        ),
        Err(ScoringError::NoSuchPartnership(PartnershipId(9)))
    ));
}

#[test]
fn the_default_scheme_arithmetic_is_pinned() {
    // Registers that never stored version 1 recompute their assessments with the built-in
    // scheme: it must keep giving these results.
    let scheme = ScoringScheme::default_scheme();
    assert_eq!(scheme.version, 1);
    assert_eq!(
        (scheme.risk.grid.medium_from, scheme.risk.grid.high_from),
        (5, 9)
    );
    assert_eq!(scheme.risk.grid.max_score(), 16);
    assert_eq!(scheme.risk.derivation, RiskDerivation::MeanAndWorst);
    assert_eq!(
        scheme.value.bands,
        PercentBands {
            high_from: 67,
            low_up_to: 33
        }
    );
    assert!(scheme.criteria().all(|(_, c)| c.weight == 1));
    assert_eq!(scheme.governance.combine, GovernanceCombine::Mean);
    assert_eq!(scheme.significance.rule, SignificanceRule::AnyOf);
    assert_eq!(
        scheme.significance.criteria[1].test,
        SignificanceTest::AnnualInputAtLeast {
            threshold: Money::from_pounds(10_000)
        }
    );
    assert_eq!(
        scheme.value_for_money.low_cost_below,
        Money::from_pounds(2_000)
    );
    assert_eq!(
        (scheme.review.usual_months, scheme.review.weak_months),
        (12, 6)
    );
}

#[test]
fn a_new_scheme_version_leaves_old_assessments_as_they_were() {
    let mut register = register_with(2, 100, 0);
    let v1 = current_scheme(&register).into_owned();
    assert_eq!(v1, ScoringScheme::default_scheme());
    // Value 12 of 18 (67%, High), risk 2 x 3 = 6 (Medium).
    let input = full_input(1, "2025-06-01", [2, 2, 2, 2, 2, 3], [2; 6]);
    let old = new_assessment(&register, &v1, &input).expect("v1 assessment");
    register
        .apply(&save_assessment(&register, &v1, old.clone()).expect("edit"))
        .expect("saved");
    assert_eq!(
        (old.value_band, old.risk_band),
        (Some(Band::High), Some(Band::Medium))
    );
    assert_eq!(old.recommendation, Some(Recommendation::Maintain));

    // The council raises the bar for High value and lowers it for High risk.
    let mut edited = v1.clone();
    edited.value.bands.high_from = 75;
    edited.risk.grid.high_from = 6;
    edited.description = "High value from 75%; High risk from 6".into();
    let (v2, edit) = save_scheme(&register, edited).expect("new version");
    assert_eq!(
        v2.version, 2,
        "version 1 is in use, so the change is a new version"
    );
    register.apply(&edit).expect("saved scheme");
    assert_eq!(
        register.scoring_schemes.keys().copied().collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(current_scheme(&register).version, 2);

    // The old assessment's stored results are untouched...
    assert_eq!(register.assessments[&old.id], old);
    // ...and recomputing it by its own version still gives them.
    let facts = AssessmentFacts {
        annual_input: old.annual_input.unwrap_or_default(),
        statutory: false,
    };
    let old_input = AssessmentInput::from_assessment(&old).expect("dated");
    let own = scheme_for_version(&register, old.scheme_version).expect("v1 kept");
    let again = build_assessment(&own, &old_input, &facts, old.id).expect("recomputed");
    assert_eq!(again, old);
    // The new version would score the same answers differently: the recommendation chosen
    // then would now be an override needing a reason.
    assert!(matches!(
        evaluate(&v2, &old_input, &facts),
        Err(ScoringError::OverrideNeedsReason { .. })
    ));
    let mut same_answers = old_input.clone();
    same_answers.chosen = None;
    let newer = evaluate(&v2, &same_answers, &facts).expect("v2");
    assert_eq!(
        (newer.value.band, newer.risk.band),
        (Band::Medium, Band::High)
    );
    assert_eq!(newer.recommendation.suggested, Recommendation::Review);
    // New assessments use version 2.
    let fresh = new_assessment(
        &register,
        &current_scheme(&register),
        &full_input(2, "2025-07-01", [2, 2, 2, 2, 2, 3], [2; 6]),
    )
    .expect("v2 assessment");
    assert_eq!(
        (fresh.scheme_version, fresh.value_band, fresh.risk_band),
        (2, Some(Band::Medium), Some(Band::High))
    );

    // A scheme in use cannot be changed or deleted behind the assessments' backs.
    let mut tampered = v1.clone();
    tampered.value.bands.high_from = 90;
    let error = register
        .apply(&Edit::change(v1.clone(), tampered))
        .expect_err("in use");
    assert_eq!(
        error.to_string(),
        "The scoring scheme version 1 cannot be changed: 1 assessment was made with it. Save the \
         changes as a new version: earlier assessments keep the rules they were scored by"
    );
    assert!(matches!(
        register.apply(&Edit::delete(v1.clone())),
        Err(EditError::SchemeInUse {
            action: "deleted",
            ..
        })
    ));

    // Version 2 is not used yet: editing it changes it in place.
    let mut tweak = v2.clone();
    tweak.name = "Scheme for 2025/26".into();
    let (saved, edit) = save_scheme(&register, tweak).expect("in place");
    assert_eq!(saved.version, 2);
    assert!(
        matches!(&edit, Edit::Batch { edits, .. } if matches!(edits.as_slice(), [Edit::Update { .. }]))
    );
    register.apply(&edit).expect("changed in place");
    // Saving without a change is no edit at all.
    let (_, nothing) = save_scheme(&register, saved).expect("unchanged");
    assert!(nothing.is_no_op());
    // An invalid scheme is refused with the reason.
    let mut broken = current_scheme(&register).into_owned();
    broken.value.bands.low_up_to = 80;
    assert!(matches!(
        save_scheme(&register, broken),
        Err(ScoringError::InvalidScheme(_))
    ));
    // A scheme version the register never had.
    assert_eq!(scheme_for_version(&register, 7), None);
    assert_eq!(next_scheme_version(&register), 3);
}

// ---------------------------------------------------------------------------------------------
// Overview and history

fn assessment_with(
    id: i64,
    partnership: i64,
    day: &str,
    next: Option<&str>,
    bands: (Band, Band),
    recommendation: Recommendation,
) -> Assessment {
    Assessment {
        id: AssessmentId(id),
        partnership: PartnershipId(partnership),
        date: Some(date(day)),
        scheme_version: 1,
        risk_likelihood: 2,
        risk_impact: 2,
        risk_band: Some(bands.0),
        value_band: Some(bands.1),
        recommendation: Some(recommendation),
        next_review: next.map(date),
        ..Assessment::default()
    }
}

#[test]
fn the_overview_flags_and_totals_by_recommendation() {
    // Ten partnerships. Seven to reduce, together 36 hours a month and £12,000 (as in the
    // issue); one maintained and overdue; one never assessed; one closed and never assessed.
    let mut register = register_with(10, 0, 0);
    for id in 1..=10 {
        let representation = register.representations[&RepresentationId(id)].clone();
        let contribution = register.contributions[&ContributionId(id)].clone();
        let (tenths, pence) = if id <= 7 {
            (
                if id == 1 { 60 } else { 50 },
                if id <= 6 { 200_000 } else { 0 },
            )
        } else {
            (100, 100_000)
        };
        let edits = [
            Edit::change(
                representation.clone(),
                Representation {
                    hours_per_month: Hours { tenths },
                    ..representation
                },
            ),
            Edit::change(
                contribution.clone(),
                Contribution {
                    amount: Money { pence },
                    ..contribution
                },
            ),
        ];
        for edit in &edits {
            register.apply(edit).expect("setup");
        }
    }
    let closed = register.partnerships[&PartnershipId(10)].clone();
    register
        .apply(&Edit::change(
            closed.clone(),
            Partnership {
                status: PartnershipStatus::Closed,
                ..closed
            },
        ))
        .expect("closed");
    for id in 1..=7 {
        // An older assessment first: the newest one counts.
        let older = assessment_with(
            100 + id,
            id,
            "2024-05-01",
            Some("2025-05-01"),
            (Band::Low, Band::High),
            Recommendation::Maintain,
        );
        let newer = assessment_with(
            id,
            id,
            "2025-05-01",
            Some("2025-11-01"),
            (Band::High, Band::Low),
            Recommendation::Reduce,
        );
        register.apply(&Edit::insert(older)).expect("older");
        register.apply(&Edit::insert(newer)).expect("newer");
    }
    let mut overdue = assessment_with(
        8,
        8,
        "2024-09-01",
        Some("2025-09-01"),
        (Band::Low, Band::High),
        Recommendation::Maintain,
    );
    overdue.override_reason = "Statutory".into();
    register.apply(&Edit::insert(overdue)).expect("overdue");

    let today = date("2025-10-01");
    let view = overview(&register, today, 2025);
    assert_eq!(view.rows.len(), 10);
    assert_eq!((view.never_assessed, view.overdue), (1, 1));
    let row = |id: i64| &view.rows[usize::try_from(id - 1).expect("index")];
    assert_eq!(row(1).recommendation, Some(Recommendation::Reduce));
    assert_eq!(row(1).assessed_on, Some(date("2025-05-01")));
    assert_eq!(row(1).risk_score, Some(4));
    assert_eq!(
        (row(1).never_assessed, row(1).review_overdue),
        (false, false)
    );
    assert_eq!(row(1).cost.hours_per_month, Hours::whole(6));
    assert!(row(8).review_overdue && row(8).overridden());
    assert!(row(9).never_assessed && !row(9).review_overdue);
    assert!(
        !row(10).never_assessed,
        "closed partnerships are not flagged"
    );
    // The day a review falls due is not yet overdue.
    let on_the_day = overview(&register, date("2025-11-01"), 2025);
    assert!(!on_the_day.rows[0].review_overdue);
    assert!(overview(&register, date("2025-11-02"), 2025).rows[0].review_overdue);

    let summaries: Vec<String> = view
        .totals
        .iter()
        .map(RecommendationTotal::summary)
        .collect();
    assert_eq!(
        summaries,
        [
            "Maintain: 1 partnership, 10 hours a month, £1,000",
            "Reduce: 7 partnerships, 36 hours a month, £12,000",
            "Not assessed: 1 partnership, 10 hours a month, £1,000",
        ]
    );
    let reduce = &view.totals[1];
    assert_eq!(
        reduce.annual_cost,
        Money::from_pounds(12_000 + 36 * 12 * 38)
    );
}

#[test]
fn history_lists_newest_first_with_trends() {
    let mut register = register_with(1, 10, 0);
    let mut first = assessment_with(
        1,
        1,
        "2023-06-01",
        None,
        (Band::High, Band::Low),
        Recommendation::Reduce,
    );
    first.governance = Some(GovernanceRating::SomeWeaknesses);
    let mut second = assessment_with(
        2,
        1,
        "2024-06-01",
        None,
        (Band::Medium, Band::Medium),
        Recommendation::Review,
    );
    second.governance = Some(GovernanceRating::Good);
    let mut third = assessment_with(
        3,
        1,
        "2025-06-01",
        None,
        (Band::Medium, Band::Low),
        Recommendation::Reduce,
    );
    third.governance = Some(GovernanceRating::ManyWeaknesses);
    // Inserted out of order: history sorts by date.
    for assessment in [third, first, second] {
        register.apply(&Edit::insert(assessment)).expect("insert");
    }
    let entries = history(&register, PartnershipId(1));
    let dates: Vec<_> = entries.iter().map(|e| e.assessment.date).collect();
    assert_eq!(
        dates,
        [
            Some(date("2025-06-01")),
            Some(date("2024-06-01")),
            Some(date("2023-06-01"))
        ]
    );
    let better_down = Trend {
        direction: Direction::Down,
        verdict: Verdict::Better,
    };
    let worse_down = Trend {
        direction: Direction::Down,
        verdict: Verdict::Worse,
    };
    let better_up = Trend {
        direction: Direction::Up,
        verdict: Verdict::Better,
    };
    let same = Trend {
        direction: Direction::Same,
        verdict: Verdict::Same,
    };
    // 2024 against 2023: risk fell (better), value rose (better), governance improved.
    assert_eq!(
        (entries[1].risk, entries[1].value, entries[1].governance),
        (Some(better_down), Some(better_up), Some(better_up))
    );
    // 2025 against 2024: risk the same, value fell, governance worse.
    assert_eq!(
        (entries[0].risk, entries[0].value, entries[0].governance),
        (Some(same), Some(worse_down), Some(worse_down))
    );
    assert_eq!(
        (entries[2].risk, entries[2].value, entries[2].governance),
        (None, None, None)
    );
    assert!(history(&register, PartnershipId(9)).is_empty());
}

#[test]
fn the_settings_view_saves_scheme_and_hourly_rate_as_one_undoable_edit() {
    let mut register = register_with(1, 80, 0);
    let old = assessment_with(
        1,
        1,
        "2025-05-01",
        Some("2026-05-01"),
        (Band::Low, Band::High),
        Recommendation::Maintain,
    );
    register.apply(&Edit::insert(old.clone())).expect("old");
    let before = register.clone();

    // Nothing changed: nothing to save.
    let unchanged = current_scheme(&register).into_owned();
    let (_, edit) =
        save_scheme_settings(&register, unchanged.clone(), Money::from_pounds(38)).expect("ok");
    assert_eq!(edit, None);

    // A heavier V1 and a dearer hour: version 2 (version 1 is in use), the rate, one batch.
    let mut edited = unchanged.clone();
    edited.value.criteria[0].weight = 3;
    let (saved, edit) =
        save_scheme_settings(&register, edited, Money::from_pounds(45)).expect("saved");
    let edit = edit.expect("an edit");
    assert_eq!(saved.version, 2);
    let Edit::Batch { description, edits } = &edit else {
        panic!("one batch: {edit:?}");
    };
    assert_eq!(
        description,
        "Save scoring scheme version 2 and cost officer time at £45.00 an hour"
    );
    assert_eq!(edits.len(), 2, "version 2 and the settings");
    register.apply(&edit).expect("apply");
    assert_eq!(
        register.settings.officer_hourly_rate,
        Money::from_pounds(45)
    );
    assert_eq!(current_scheme(&register).version, 2);
    assert_eq!(
        register.assessments[&AssessmentId(1)],
        old,
        "old results kept"
    );
    register.apply(&edit.inverse()).expect("undo");
    assert_eq!(register.scoring_schemes, before.scoring_schemes);
    assert_eq!(register.settings, before.settings);

    // Only the rate; and a rate out of range is refused in words.
    let (_, edit) =
        save_scheme_settings(&register, unchanged.clone(), Money::from_pounds(40)).expect("ok");
    assert!(matches!(edit, Some(Edit::Batch { ref edits, .. }) if edits.len() == 1));
    let refused =
        save_scheme_settings(&register, unchanged.clone(), Money::ZERO).expect_err("no free hours");
    assert!(refused.to_string().contains("more than £0"), "{refused}");
    let mut broken = unchanged;
    broken.value.bands.low_up_to = 90;
    let refused =
        save_scheme_settings(&register, broken, Money::from_pounds(38)).expect_err("bands");
    assert!(refused.to_string().contains("Value bands"), "{refused}");
}

#[test]
fn the_sample_assessments_rate_every_governance_area_as_their_overall_rating() {
    // "Start from the last assessment" copies the areas, so the sample must have them, and
    // they must give the governance rating the sample stored.
    let register = crate::sample::sample_register();
    let scheme = ScoringScheme::default_scheme();
    assert!(!register.assessments.is_empty());
    for assessment in register.assessments.values() {
        let sheet = ScoreSheet::new(&scheme, &assessment.scores).expect("valid scores");
        let result = governance(&sheet);
        assert!(result.unable_to_assess.is_empty(), "{:?}", assessment.id);
        assert_eq!(result.rating, assessment.governance, "{:?}", assessment.id);
    }
}

// ---------------------------------------------------------------------------------------------
// Advice that fits the assessment

#[test]
fn governance_advice_is_dropped_when_governance_is_sound() {
    let rule = ScoringScheme::default_scheme().review;
    let risks = ["R3 Reputational risk to the council".to_string()];
    // Excellent governance: "strengthen governance" would contradict it.
    assert_eq!(
        fitted_advice(
            "Maintain; strengthen governance",
            Some(GovernanceRating::Excellent),
            &rule,
            &risks
        ),
        "Maintain; address the risks rated highest (R3 Reputational risk to the council)"
    );
    assert_eq!(
        fitted_advice(
            "Maintain; review governance urgently",
            Some(GovernanceRating::Good),
            &rule,
            &[]
        ),
        "Maintain"
    );
    // Weak or unrated governance: the advice stands.
    for rating in [Some(GovernanceRating::SomeWeaknesses), None] {
        assert_eq!(
            fitted_advice("Maintain; strengthen governance", rating, &rule, &risks),
            "Maintain; strengthen governance"
        );
    }
    assert_eq!(
        fitted_advice(
            "Review; consider reducing",
            Some(GovernanceRating::Excellent),
            &rule,
            &risks
        ),
        "Review; consider reducing"
    );
}

#[test]
fn a_whole_assessment_with_excellent_governance_is_not_told_to_strengthen_it() {
    let register = register_with(1, 1040, 0);
    let scheme = ScoringScheme::default_scheme();
    // Medium risk and high value: the cell says "Maintain; strengthen governance".
    let mut input = full_input(1, "2025-06-01", [2, 2, 3, 2, 2, 3], [3, 3, 3, 2, 2, 2]);
    input.scores.retain(|s| !s.criterion.starts_with('G'));
    for area in &scheme.governance.areas {
        input = input.score(&area.code, 1, "Minutes and terms of reference in order");
    }
    let facts = facts_on(&register, PartnershipId(1), date("2025-06-01")).expect("facts");
    let outcome = evaluate(&scheme, &input, &facts).expect("outcome");
    assert_eq!(outcome.governance.rating, Some(GovernanceRating::Excellent));
    assert_eq!(outcome.recommendation.suggested, Recommendation::Maintain);
    assert!(
        !outcome.recommendation.advice.contains("governance"),
        "{}",
        outcome.recommendation.advice
    );
    assert!(
        outcome.recommendation.advice.contains("R3"),
        "{}",
        outcome.recommendation.advice
    );
}

// ---------------------------------------------------------------------------------------------
// Where every partnership is on the matrix, and which falls due next

#[test]
fn the_matrix_counts_add_up_to_the_register() {
    let register = crate::sample::sample_register();
    let today = date("2026-03-31");
    let overview = overview(&register, today, 2025);
    let coverage = overview.coverage();
    assert_eq!(coverage.partnerships, register.partnerships.len());
    assert_eq!(coverage.accounted(), coverage.partnerships, "{coverage:?}");
    assert!(
        coverage
            .not_reviewed
            .iter()
            .any(|(status, n)| *status == PartnershipStatus::Removed && *n > 0)
    );
    let words = coverage.describe();
    assert!(
        words.starts_with(&format!("{} partnerships: ", coverage.partnerships)),
        "{words}"
    );
    assert!(words.contains("removed"), "{words}");
    // The note under the printed matrix counts the rest, and says why each is missing.
    let note = coverage.not_shown_note().expect("some are not plotted");
    let missing = coverage.partnerships - coverage.plotted;
    assert!(
        note.starts_with(&format!(
            "Not shown ({missing} of {} partnerships): ",
            coverage.partnerships
        )),
        "{note}"
    );
    assert!(note.contains("not reviewed ("), "{note}");
    let every_one_plotted = MatrixCoverage {
        partnerships: 3,
        plotted: 3,
        not_assessed: 0,
        without_bands: 0,
        not_reviewed: Vec::new(),
    };
    assert_eq!(every_one_plotted.not_shown_note(), None);
    assert_eq!(
        every_one_plotted.describe(),
        "3 partnerships: 3 on the matrix"
    );
}

#[test]
fn the_review_queue_puts_the_longest_overdue_first() {
    let register = crate::sample::sample_register();
    let overview = overview(&register, date("2026-03-31"), 2025);
    let queue = overview.review_queue();
    assert!(!queue.is_empty());
    let dues: Vec<NaiveDate> = queue.iter().filter_map(|r| r.review_due).collect();
    assert!(dues.windows(2).all(|pair| pair[0] <= pair[1]));
    assert!(queue.iter().all(|row| is_reviewed(row.status)));
}
