//! How the sample's assessments turn criterion scores into bands and a recommendation.
//!
//! This is the default scheme of `research/domain.md` section 4.4, written down only so the
//! sample's stored results are consistent (the scoring panel has its own, configurable, code):
//!
//! - Risk criteria R1-R6 are each rated 1-4. Likelihood is their mean (rounded half up), impact
//!   the worst single rating; the risk score is likelihood x impact (1-16): Low up to 4,
//!   Medium 5-8, High 9 and over (a 4x4 grid as Chichester's).
//! - Value criteria V1-V6 are each rated 0-3; the total as a percentage of 18 (rounded) is
//!   High at 67% or more, Low at 33% or less, Medium between.
//! - The recommendation comes from the value x risk matrix; an officer may choose another one
//!   in the same cell, or any other with an override reason.
//! - Governance health counts seven pieces of evidence (a governing document, reviewed within
//!   three years, a risk register, an information-sharing protocol, a complaints procedure, a
//!   conflict-of-interest procedure, an exit strategy): 6-7 Excellent, 4-5 Good, 2-3 Some key
//!   areas for improvement, 0-1 Many key weaknesses.
//! - Significance follows Gravesham's rule: significant when statutory, when the council's
//!   annual input (money plus officer hours costed at the hourly rate) is £10,000 or more, or
//!   when it is fundamental to a corporate priority (V1 rated 3); otherwise "key other" unless
//!   its value is low.
//! - Value for money: good for high value, fair for medium, poor for low value that costs the
//!   council £2,000 a year or more (fair if it costs less).
//! - The next review is a year on, or six months on for high risk or weak governance (as
//!   Manchester re-reviews).

use chrono::{Months, NaiveDate};

use crate::model::{
    Assessment, AssessmentId, Band, CriterionScore, GovernanceRating, GoverningDocument, Hours,
    Money, Partnership, Recommendation, Significance, StatutoryStatus, ValueForMoney,
};

/// Codes of the risk criteria, in order.
pub(super) const RISK_CODES: [&str; 6] = ["R1", "R2", "R3", "R4", "R5", "R6"];
/// Codes of the value criteria, in order.
pub(super) const VALUE_CODES: [&str; 6] = ["V1", "V2", "V3", "V4", "V5", "V6"];
/// The codes of the governance areas in the default scheme (the Audit Commission checklist).
const GOVERNANCE_CODES: [&str; 8] = ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"];

/// Likelihood (rounded mean) and impact (worst rating) from six risk ratings of 1-4.
pub(super) fn likelihood_and_impact(risk: &[u8; 6]) -> (u8, u8) {
    let sum: u32 = risk.iter().map(|&r| u32::from(r)).sum();
    let likelihood = (2 * sum + 6) / 12;
    let impact = risk.iter().copied().max().unwrap_or(1);
    (u8::try_from(likelihood).unwrap_or(4), impact)
}

/// Risk band of likelihood x impact.
pub(super) fn risk_band(likelihood: u8, impact: u8) -> Band {
    match u32::from(likelihood) * u32::from(impact) {
        0..=4 => Band::Low,
        5..=8 => Band::Medium,
        _ => Band::High,
    }
}

/// Value band of six ratings of 0-3.
pub(super) fn value_band(value: &[u8; 6]) -> Band {
    let sum: u32 = value.iter().map(|&v| u32::from(v)).sum();
    let percent = (sum * 100 + 9) / 18;
    if percent >= 67 {
        Band::High
    } else if percent <= 33 {
        Band::Low
    } else {
        Band::Medium
    }
}

/// The recommendations the matrix allows for a value and risk band; the first is suggested.
pub(super) fn allowed(value: Band, risk: Band) -> &'static [Recommendation] {
    use Recommendation::*;
    match (value, risk) {
        (Band::High, Band::Low) => &[Maintain, Increase],
        (Band::High, _) => &[Maintain],
        (Band::Medium, Band::Low) => &[Maintain],
        (Band::Medium, Band::Medium) => &[Review],
        (Band::Medium, Band::High) => &[Review, Reduce],
        (Band::Low, Band::Low) => &[Reduce, RemoveFromRegister],
        (Band::Low, Band::Medium) => &[Reduce],
        (Band::Low, Band::High) => &[Reduce, Withdraw],
    }
}

/// Governance health from the partnership's evidence, as at `date`.
pub(super) fn governance(partnership: &Partnership, date: NaiveDate) -> GovernanceRating {
    let reviewed_recently = partnership
        .governing_document_reviewed
        .and_then(|reviewed| reviewed.checked_add_months(Months::new(36)))
        .is_some_and(|due| due >= date);
    let points = [
        partnership.governing_document != GoverningDocument::None,
        reviewed_recently,
        partnership.risk_register,
        partnership.information_sharing_protocol,
        partnership.complaints_procedure,
        partnership.conflict_of_interest_procedure,
        !partnership.exit_strategy.is_empty(),
    ]
    .iter()
    .filter(|&&met| met)
    .count();
    match points {
        6.. => GovernanceRating::Excellent,
        4..=5 => GovernanceRating::Good,
        2..=3 => GovernanceRating::SomeWeaknesses,
        _ => GovernanceRating::ManyWeaknesses,
    }
}

/// The council's annual input: money plus officer hours a month costed for twelve months.
pub(super) fn annual_cost(hours_per_month: Hours, money: Money, hourly_rate: Money) -> Money {
    let officer_pence = i64::from(hours_per_month.tenths)
        .saturating_mul(12)
        .saturating_mul(hourly_rate.pence)
        / 10;
    Money {
        pence: officer_pence,
    } + money
}

/// Significance by the Gravesham rule (see the module documentation).
pub(super) fn significance(
    statutory: StatutoryStatus,
    annual_cost: Money,
    value: &[u8; 6],
) -> Significance {
    if statutory == StatutoryStatus::Statutory
        || annual_cost >= Money::from_pounds(10_000)
        || value[0] >= 3
    {
        Significance::Significant
    } else if value_band(value) == Band::Low {
        Significance::NotSignificant
    } else {
        Significance::KeyOther
    }
}

/// Value for money from the value band and what the council puts in.
pub(super) fn value_for_money(value: Band, annual_cost: Money) -> ValueForMoney {
    match value {
        Band::High => ValueForMoney::Good,
        Band::Medium => ValueForMoney::Fair,
        Band::Low if annual_cost >= Money::from_pounds(2_000) => ValueForMoney::Poor,
        Band::Low => ValueForMoney::Fair,
    }
}

/// When to assess again.
pub(super) fn next_review(
    date: NaiveDate,
    risk: Band,
    governance: GovernanceRating,
) -> Option<NaiveDate> {
    let weak = matches!(
        governance,
        GovernanceRating::SomeWeaknesses | GovernanceRating::ManyWeaknesses
    );
    let months = if risk == Band::High || weak { 6 } else { 12 };
    date.checked_add_months(Months::new(months))
}

/// The criterion scores as stored: R1-R6 then V1-V6.
pub(super) fn criterion_scores(risk: &[u8; 6], value: &[u8; 6]) -> Vec<CriterionScore> {
    RISK_CODES
        .iter()
        .zip(risk)
        .chain(VALUE_CODES.iter().zip(value))
        .map(|(code, &score)| CriterionScore {
            criterion: (*code).to_string(),
            score: i32::from(score),
            evidence: String::new(),
        })
        .collect()
}

/// The eight governance areas (G1-G8) each rated at `governance`'s level (1 Excellent .. 4 Many
/// key weaknesses), so that the areas give the overall rating stored and "Start from the last
/// assessment" has them to copy.
fn with_governance_areas(
    mut scores: Vec<CriterionScore>,
    governance: GovernanceRating,
) -> Vec<CriterionScore> {
    let level = GovernanceRating::ALL
        .iter()
        .position(|rating| *rating == governance)
        .map_or(2, |index| index + 1);
    scores.extend(GOVERNANCE_CODES.iter().map(|code| CriterionScore {
        criterion: (*code).to_string(),
        score: i32::try_from(level).unwrap_or(2),
        evidence: String::new(),
    }));
    scores
}

/// An assessment of `partnership` on `date` from its criterion ratings and the council's annual
/// input. The recommendation is `chosen` or, without one, the matrix's suggestion; governance
/// is `governance` or, without one, worked out from the partnership's evidence. Assessor,
/// override reason and notes are left empty for the caller.
pub(super) fn assessment(
    partnership: &Partnership,
    date: NaiveDate,
    risk: &[u8; 6],
    value: &[u8; 6],
    annual_cost: Money,
    chosen: Option<Recommendation>,
    governance_given: Option<GovernanceRating>,
) -> Assessment {
    let (likelihood, impact) = likelihood_and_impact(risk);
    let risk_band = risk_band(likelihood, impact);
    let value_band = value_band(value);
    let governance = governance_given.unwrap_or_else(|| governance(partnership, date));
    let suggested = allowed(value_band, risk_band)[0];
    let recommendation = chosen.unwrap_or(suggested);
    let value_sum: u32 = value.iter().map(|&v| u32::from(v)).sum();
    Assessment {
        id: AssessmentId(0),
        partnership: partnership.id,
        date: Some(date),
        assessor: String::new(),
        scheme_version: 1,
        scores: with_governance_areas(criterion_scores(risk, value), governance),
        risk_likelihood: likelihood,
        risk_impact: impact,
        risk_band: Some(risk_band),
        value_band: Some(value_band),
        value_percent: Some((value_sum * 100 + 9) / 18),
        governance: Some(governance),
        significance: significance(partnership.statutory_status, annual_cost, value),
        value_for_money: Some(value_for_money(value_band, annual_cost)),
        annual_input: Some(annual_cost),
        suggested_recommendation: Some(suggested),
        recommendation: Some(recommendation),
        override_reason: String::new(),
        next_review: next_review(date, risk_band, governance),
        notes: String::new(),
    }
}

/// Whether an assessment's recommendation is one the matrix allows for its bands.
pub(super) fn follows_matrix(assessment: &Assessment) -> bool {
    match (
        assessment.value_band,
        assessment.risk_band,
        assessment.recommendation,
    ) {
        (Some(value), Some(risk), Some(recommendation)) => {
            allowed(value, risk).contains(&recommendation)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_is_mean_times_worst() {
        assert_eq!(likelihood_and_impact(&[1, 1, 1, 1, 1, 1]), (1, 1));
        assert_eq!(likelihood_and_impact(&[1, 1, 2, 2, 1, 2]), (2, 2));
        assert_eq!(likelihood_and_impact(&[3, 2, 3, 2, 3, 2]), (3, 3));
        assert_eq!(risk_band(2, 2), Band::Low);
        assert_eq!(risk_band(2, 3), Band::Medium);
        assert_eq!(risk_band(2, 4), Band::Medium);
        assert_eq!(risk_band(3, 3), Band::High);
    }

    #[test]
    fn value_bands_at_their_edges() {
        assert_eq!(value_band(&[2, 2, 2, 2, 2, 2]), Band::High); // 12/18 = 67%
        assert_eq!(value_band(&[2, 2, 2, 2, 2, 1]), Band::Medium);
        assert_eq!(value_band(&[1, 1, 1, 1, 1, 2]), Band::Medium); // 7/18 = 39%
        assert_eq!(value_band(&[1, 1, 1, 1, 1, 1]), Band::Low); // 6/18 = 33%
    }

    #[test]
    fn the_matrix_scales_down_low_value() {
        assert_eq!(allowed(Band::Low, Band::Low)[0], Recommendation::Reduce);
        assert!(allowed(Band::Low, Band::High).contains(&Recommendation::Withdraw));
        assert!(allowed(Band::High, Band::Low).contains(&Recommendation::Increase));
        assert_eq!(
            allowed(Band::Medium, Band::Medium),
            &[Recommendation::Review]
        );
    }

    #[test]
    fn officer_time_counts_towards_cost() {
        let cost = annual_cost(
            Hours::whole(10),
            Money::from_pounds(100),
            Money::from_pounds(38),
        );
        assert_eq!(cost, Money::from_pounds(10 * 12 * 38 + 100));
    }
}
