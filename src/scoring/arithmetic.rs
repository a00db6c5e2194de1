//! Each scoring result on its own: risk, value, governance health, significance, value for
//! money, the recommendation and the next review date.
//!
//! Scores come as the assessment stores them (`CriterionScore`: a code and a score). They are
//! checked against the scheme first ([`ScoreSheet::new`]): unknown codes, duplicates and scores
//! off the scale are refused with a message naming the criterion.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::ScoringError;
use crate::model::{
    Band, Criterion, CriterionScore, GovernanceCombine, GovernanceRating, MatrixCell, Money,
    PercentBands, Recommendation, RecommendationMatrix, ReviewRule, RiskDerivation, RiskGrid,
    ScoringScheme, Significance, SignificanceRule, SignificanceTest, ValueForMoney, VfmRule,
};

/// An assessment's scores, checked against a scheme and looked up by code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreSheet<'a> {
    scheme: &'a ScoringScheme,
    scores: BTreeMap<&'a str, i32>,
}

impl<'a> ScoreSheet<'a> {
    /// Checks `scores` against `scheme`: every code is a criterion of the scheme (a rated one,
    /// or a significance criterion the officer answers yes 1 / no 0), none is scored twice, and
    /// each score is a point of its scale. Criteria left unscored are allowed here; the results
    /// that need them say so.
    pub fn new(
        scheme: &'a ScoringScheme,
        scores: &'a [CriterionScore],
    ) -> Result<Self, ScoringError> {
        let mut sheet = BTreeMap::new();
        for entry in scores {
            let code = entry.criterion.as_str();
            let (min, max) = if let Some((_, criterion)) = scheme.criterion(code) {
                (criterion.scale.min, criterion.scale.max)
            } else if scheme
                .significance
                .criteria
                .iter()
                .any(|c| c.code == code && c.test == SignificanceTest::OfficerJudgement)
            {
                (0, 1)
            } else {
                return Err(ScoringError::UnknownCriterion {
                    code: code.to_string(),
                    version: scheme.version,
                });
            };
            if !(min..=max).contains(&entry.score) {
                return Err(ScoringError::OutOfScale {
                    code: code.to_string(),
                    score: entry.score,
                    min,
                    max,
                });
            }
            if sheet.insert(code, entry.score).is_some() {
                return Err(ScoringError::ScoredTwice(code.to_string()));
            }
        }
        Ok(Self {
            scheme,
            scores: sheet,
        })
    }

    /// The scheme the scores were checked against.
    pub fn scheme(&self) -> &'a ScoringScheme {
        self.scheme
    }

    /// The score given to `code`, if any.
    pub fn get(&self, code: &str) -> Option<i32> {
        self.scores.get(code).copied()
    }

    /// The score of `criterion`, or `NotScored`.
    fn required(&self, criterion: &Criterion) -> Result<i32, ScoringError> {
        self.get(&criterion.code)
            .ok_or_else(|| ScoringError::NotScored {
                code: criterion.code.clone(),
                title: criterion.title.clone(),
            })
    }
}

/// `part / whole` as a whole percentage, a half rounded up (12 of 18 is 66.7%, so 67%).
/// Returns 0 when `whole` is 0.
pub fn whole_percent(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    // floor(100 x part / whole + 1/2)
    let rounded = (200 * u128::from(part) + u128::from(whole)) / (2 * u128::from(whole));
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// The weighted mean of `(score, weight)` pairs, a half rounded up; `None` without weight.
fn weighted_mean_rounded(pairs: impl Iterator<Item = (i32, u32)>) -> Option<i32> {
    let (mut total, mut weights) = (0i64, 0i64);
    for (score, weight) in pairs {
        total += i64::from(score) * i64::from(weight);
        weights += i64::from(weight);
    }
    if weights == 0 {
        return None;
    }
    // floor(total / weights + 1/2), for totals of either sign.
    let mean = (2 * total + weights).div_euclid(2 * weights);
    i32::try_from(mean).ok()
}

// ---------------------------------------------------------------------------------------------
// Risk

/// Risk: the overall likelihood and impact, their product and its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskResult {
    /// Likelihood, 1 to the grid's height.
    pub likelihood: u8,
    /// Impact, 1 to the grid's width.
    pub impact: u8,
    /// Likelihood x impact.
    pub score: u32,
    /// The band of the score.
    pub band: Band,
}

/// The band of a risk score (likelihood x impact): High from `high_from`, Medium from
/// `medium_from`, Low below.
pub fn risk_band(grid: &RiskGrid, score: u32) -> Band {
    if score >= grid.high_from {
        Band::High
    } else if score >= grid.medium_from {
        Band::Medium
    } else {
        Band::Low
    }
}

/// Risk from the scores. With `RiskDerivation::Entered`, `entered` (likelihood, impact) is
/// required and must be on the grid. With `MeanAndWorst`, every risk criterion with a weight
/// must be scored: likelihood is their weighted mean, a half rounded up; impact the worst
/// (highest) score; `entered` is ignored.
pub fn risk(sheet: &ScoreSheet<'_>, entered: Option<(u8, u8)>) -> Result<RiskResult, ScoringError> {
    let scheme = sheet.scheme();
    let grid = &scheme.risk.grid;
    let (likelihood_max, impact_max) = (grid.likelihood_max(), grid.impact_max());
    let (likelihood, impact) = match scheme.risk.derivation {
        RiskDerivation::Entered => entered.ok_or(ScoringError::RiskNotEntered {
            likelihood_max,
            impact_max,
        })?,
        RiskDerivation::MeanAndWorst => {
            let mut rated = Vec::new();
            for criterion in scheme.risk.criteria.iter().filter(|c| c.weight > 0) {
                rated.push((sheet.required(criterion)?, criterion.weight));
            }
            let mean = weighted_mean_rounded(rated.iter().copied());
            let worst = rated.iter().map(|(score, _)| *score).max();
            match (mean, worst) {
                (Some(mean), Some(worst)) => (
                    u8::try_from(mean).unwrap_or(0),
                    u8::try_from(worst).unwrap_or(0),
                ),
                _ => (0, 0),
            }
        }
    };
    if !(1..=likelihood_max).contains(&likelihood) || !(1..=impact_max).contains(&impact) {
        return Err(ScoringError::RiskOffGrid {
            likelihood,
            impact,
            likelihood_max,
            impact_max,
        });
    }
    let score = u32::from(likelihood) * u32::from(impact);
    Ok(RiskResult {
        likelihood,
        impact,
        score,
        band: risk_band(grid, score),
    })
}

// ---------------------------------------------------------------------------------------------
// Value

/// Value: the weighted total, the most it could be, the whole percentage and its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueResult {
    /// Sum over the criteria of weight x (score - the scale's lowest point).
    pub points: u64,
    /// The same sum with every criterion at the top of its scale.
    pub most: u64,
    /// `points` as a whole percentage of `most`, a half rounded up.
    pub percent: u32,
    /// The band of the percentage.
    pub band: Band,
}

/// The band of a value percentage: High from `high_from`, Low up to `low_up_to`, Medium
/// between.
pub fn value_band(bands: &PercentBands, percent: u32) -> Band {
    if percent >= bands.high_from {
        Band::High
    } else if percent <= bands.low_up_to {
        Band::Low
    } else {
        Band::Medium
    }
}

/// Value from the scores: every value criterion with a weight must be scored. The weighted
/// total is normalised to a whole percentage (rounded half up, so 12 of 18 is 67%) and banded.
pub fn value(sheet: &ScoreSheet<'_>) -> Result<ValueResult, ScoringError> {
    let scheme = sheet.scheme();
    let (mut points, mut most) = (0u64, 0u64);
    for criterion in scheme.value.criteria.iter().filter(|c| c.weight > 0) {
        let score = sheet.required(criterion)?;
        let weight = u64::from(criterion.weight);
        let above_floor = u64::try_from(score - criterion.scale.min).unwrap_or(0);
        let range = u64::try_from(criterion.scale.max - criterion.scale.min).unwrap_or(0);
        points += weight * above_floor;
        most += weight * range;
    }
    let percent = whole_percent(points, most);
    Ok(ValueResult {
        points,
        most,
        percent,
        band: value_band(&scheme.value.bands, percent),
    })
}

// ---------------------------------------------------------------------------------------------
// Governance health

/// Governance health: the combined rating and the areas that need attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GovernanceResult {
    /// The combined rating; `None` when no weighted area was rated.
    pub rating: Option<GovernanceRating>,
    /// Areas left unrated ("unable to assess").
    pub unable_to_assess: Vec<String>,
    /// Areas rated 3 or 4. With the unrated ones, these are where Nottingham asks the
    /// partnership for more information.
    pub weak_areas: Vec<String>,
}

/// The rating for a level 1-4 (1 Excellent .. 4 Many key weaknesses).
pub fn governance_rating(level: i32) -> Option<GovernanceRating> {
    let index = usize::try_from(level.checked_sub(1)?).ok()?;
    GovernanceRating::ALL.get(index).copied()
}

/// Governance health from the areas rated. Unrated areas are "unable to assess" and left out
/// of the rating. `Mean`: the weighted mean of the rated areas, a half rounded towards the
/// worse rating (1.5 is Good, 2.5 Some key areas for improvement). `Worst`: the worst area.
pub fn governance(sheet: &ScoreSheet<'_>) -> GovernanceResult {
    let scheme = sheet.scheme();
    let mut rated = Vec::new();
    let mut unable_to_assess = Vec::new();
    let mut weak_areas = Vec::new();
    for area in &scheme.governance.areas {
        match sheet.get(&area.code) {
            Some(score) => {
                if score >= 3 {
                    weak_areas.push(area.code.clone());
                }
                if area.weight > 0 {
                    rated.push((score, area.weight));
                }
            }
            None => unable_to_assess.push(area.code.clone()),
        }
    }
    let level = match scheme.governance.combine {
        GovernanceCombine::Mean => weighted_mean_rounded(rated.iter().copied()),
        GovernanceCombine::Worst => rated.iter().map(|(score, _)| *score).max(),
    };
    GovernanceResult {
        rating: level.and_then(governance_rating),
        unable_to_assess,
        weak_areas,
    }
}

// ---------------------------------------------------------------------------------------------
// Significance

/// What significance and value for money are judged against, besides the scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssessmentFacts {
    /// The council's annual input: money contributed in the year plus officer hours costed at
    /// the register's hourly rate (see `resources`).
    pub annual_input: Money,
    /// Whether the partnership is statutory.
    pub statutory: bool,
}

/// Significance: the outcome and which criteria were met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignificanceResult {
    /// The outcome.
    pub significance: Significance,
    /// Codes of the criteria met, in scheme order.
    pub met: Vec<String>,
    /// Total weight of the criteria met.
    pub weight_met: u32,
}

/// Significance by the scheme's rule: any of the criteria met; at least k of them; or their
/// weights adding up to a threshold. When the rule is not met the partnership is the scheme's
/// `not_met` (or `not_met_low_value` when its value band is Low). An officer-judgement
/// criterion must be answered (1 yes, 0 no); a criterion testing another criterion's score is
/// not met when that criterion is unscored.
pub fn significance(
    sheet: &ScoreSheet<'_>,
    facts: &AssessmentFacts,
    risk_band: Band,
    value_band: Band,
) -> Result<SignificanceResult, ScoringError> {
    let scheme = sheet.scheme();
    let mut met = Vec::new();
    let mut weight_met = 0u32;
    for criterion in &scheme.significance.criteria {
        let is_met = match &criterion.test {
            SignificanceTest::OfficerJudgement => {
                sheet
                    .get(&criterion.code)
                    .ok_or_else(|| ScoringError::NotScored {
                        code: criterion.code.clone(),
                        title: criterion.title.clone(),
                    })?
                    == 1
            }
            SignificanceTest::Statutory => facts.statutory,
            SignificanceTest::AnnualInputAtLeast { threshold } => facts.annual_input >= *threshold,
            SignificanceTest::RiskBandAtLeast { band } => risk_band >= *band,
            SignificanceTest::CriterionAtLeast {
                criterion: other,
                score,
            } => sheet.get(other).is_some_and(|given| given >= *score),
        };
        if is_met {
            met.push(criterion.code.clone());
            weight_met = weight_met.saturating_add(criterion.weight);
        }
    }
    let count = u32::try_from(met.len()).unwrap_or(u32::MAX);
    let rule_met = match scheme.significance.rule {
        SignificanceRule::AnyOf => count >= 1,
        SignificanceRule::AtLeast { count: needed } => count >= needed,
        SignificanceRule::WeightedAtLeast { threshold } => weight_met >= threshold,
    };
    let significance = if rule_met {
        Significance::Significant
    } else if value_band == Band::Low {
        scheme.significance.not_met_low_value
    } else {
        scheme.significance.not_met
    };
    Ok(SignificanceResult {
        significance,
        met,
        weight_met,
    })
}

// ---------------------------------------------------------------------------------------------
// Value for money, recommendation, review

/// Value for money by value band: the `when_low_cost` rating when the annual input is below
/// `low_cost_below`, otherwise the `otherwise` rating.
pub fn value_for_money(rule: &VfmRule, value_band: Band, annual_input: Money) -> ValueForMoney {
    if annual_input < rule.low_cost_below {
        *rule.when_low_cost.get(value_band)
    } else {
        *rule.otherwise.get(value_band)
    }
}

/// The recommendation: what the matrix suggested, what was chosen, and why if they differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationChoice {
    /// What the matrix suggests for the value and risk bands.
    pub suggested: Recommendation,
    /// What the officer chose (the suggestion unless they chose otherwise).
    pub chosen: Recommendation,
    /// Why, when the choice is an override (outside the cell); empty otherwise.
    pub override_reason: String,
    /// The cell's advice ("Maintain; strengthen governance").
    pub advice: String,
}

impl RecommendationChoice {
    /// Whether the officer chose something the matrix cell does not allow.
    pub fn is_override(&self) -> bool {
        !self.override_reason.is_empty()
    }
}

/// Whether `recommendation` is one the cell allows without a reason.
pub fn cell_allows(cell: &MatrixCell, recommendation: Recommendation) -> bool {
    cell.suggested == recommendation || cell.also_allowed.contains(&recommendation)
}

/// The recommendation for the bands. `chosen` `None` takes the matrix's suggestion. A choice the
/// cell allows (its suggestion or an alternative, "increase *or* maintain") needs no reason and
/// keeps none; any other choice is an override and needs a non-empty `reason` (kept trimmed).
pub fn choose_recommendation(
    matrix: &RecommendationMatrix,
    value_band: Band,
    risk_band: Band,
    chosen: Option<Recommendation>,
    reason: &str,
) -> Result<RecommendationChoice, ScoringError> {
    let cell = matrix.cell(value_band, risk_band);
    let chosen = chosen.unwrap_or(cell.suggested);
    let override_reason = if cell_allows(cell, chosen) {
        String::new()
    } else {
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() {
            return Err(ScoringError::OverrideNeedsReason {
                suggested: cell.suggested,
                chosen,
            });
        }
        reason
    };
    Ok(RecommendationChoice {
        suggested: cell.suggested,
        chosen,
        override_reason,
        advice: cell.advice.clone(),
    })
}

/// The cell's advice fitted to the assessment, so it never contradicts it. A clause about
/// governance ("strengthen governance", "review governance urgently") is advice for weak
/// governance: when governance health was rated and the review rule does not count the rating
/// as weak (Excellent or Good in the default scheme), the clause is replaced by the risks rated
/// highest (`highest_risks`, "R3 Reputational risk to the council"), or dropped when there are
/// none. Unrated governance keeps the clause: nobody has shown it is sound.
pub fn fitted_advice(
    advice: &str,
    governance: Option<GovernanceRating>,
    rule: &ReviewRule,
    highest_risks: &[String],
) -> String {
    let sound = governance.is_some_and(|rating| !rule.weak_governance.contains(&rating));
    if !sound {
        return advice.to_string();
    }
    let mut clauses: Vec<String> = Vec::new();
    let mut replaced = false;
    for clause in advice.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        if !clause.to_lowercase().contains("governance") {
            clauses.push(clause.to_string());
        } else if !replaced && !highest_risks.is_empty() {
            replaced = true;
            let lead = if clauses.is_empty() {
                "Address"
            } else {
                "address"
            };
            clauses.push(format!(
                "{lead} the risks rated highest ({})",
                crate::model::words::listed(highest_risks)
            ));
        }
    }
    clauses.join("; ")
}

/// The risk criteria rated highest, as "R3 Reputational risk to the council", when the highest
/// rating is above the bottom of its scale (nothing stands out when every risk is the least).
pub fn highest_risks(sheet: &ScoreSheet<'_>) -> Vec<String> {
    let criteria = &sheet.scheme().risk.criteria;
    let scored: Vec<(&Criterion, i32)> = criteria
        .iter()
        .filter_map(|c| sheet.get(&c.code).map(|score| (c, score)))
        .collect();
    let Some(top) = scored
        .iter()
        .filter(|(c, score)| *score > c.scale.min)
        .map(|(_, score)| *score)
        .max()
    else {
        return Vec::new();
    };
    scored
        .iter()
        .filter(|(_, score)| *score == top)
        .map(|(c, _)| format!("{} {}", c.code, c.title))
        .collect()
}

/// When to assess again: `weak_months` after `date` when the governance rating, the risk band
/// or the chosen recommendation is one the rule lists as weak, else `usual_months`; no date
/// after a recommendation in `no_review_for`. Month ends clamp (31 August + 6 months is the
/// last day of February).
pub fn next_review(
    rule: &ReviewRule,
    date: NaiveDate,
    governance: Option<GovernanceRating>,
    risk_band: Band,
    recommendation: Recommendation,
) -> Option<NaiveDate> {
    if rule.no_review_for.contains(&recommendation) {
        return None;
    }
    let weak = governance.is_some_and(|rating| rule.weak_governance.contains(&rating))
        || rule.weak_risk.contains(&risk_band)
        || rule.weak_recommendations.contains(&recommendation);
    let months = if weak {
        rule.weak_months
    } else {
        rule.usual_months
    };
    date.checked_add_months(Months::new(months))
}
