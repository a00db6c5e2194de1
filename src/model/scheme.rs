//! The scoring scheme: the criteria, scales, weights, bands and rules that assessments use.
//!
//! A scheme is register data: a record keyed by its `version`, stored in the register file like
//! any other. Each `Assessment` keeps the `scheme_version` it was made with, and a scheme that
//! assessments use is never changed in place (`Register::apply` refuses it): changing the scheme
//! makes a new version, so old assessments keep both their stored results and the rules that
//! produced them.
//!
//! This file holds the types and their validation only. The arithmetic (risk and value scores,
//! bands, governance rating, significance, value for money, the suggested recommendation and the
//! next review date) is in `crate::scoring`.
//!
//! [`ScoringScheme::default_scheme`] is the documented default (version 1), built from
//! `research/domain.md` section 4. Like a shipped migration, it must never be edited once
//! shipped: registers that never stored a scheme rely on it to recompute their version 1
//! assessments (a unit test pins its arithmetic).

use serde::{Deserialize, Serialize};

use super::choice::{Band, GovernanceRating, Recommendation, Significance, ValueForMoney};
use super::values::{InvalidValue, Money};

/// The version of the built-in default scheme.
pub const DEFAULT_SCHEME_VERSION: u32 = 1;

/// The largest grid side (likelihood or impact steps) a scheme may use.
pub const MAX_GRID_STEPS: usize = 10;

/// The points a criterion is rated on, each with a label ("0 None", "3 Strong").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// The lowest score.
    pub min: i32,
    /// The highest score.
    pub max: i32,
    /// One label per point, lowest first.
    pub labels: Vec<String>,
}

impl Scale {
    /// A scale from `min` with one point per label.
    pub fn from_labels(min: i32, labels: &[&str]) -> Self {
        let count = i32::try_from(labels.len()).unwrap_or(i32::MAX);
        Self {
            min,
            max: min.saturating_add(count).saturating_sub(1),
            labels: labels.iter().map(|label| (*label).to_string()).collect(),
        }
    }

    /// Whether `score` is a point of the scale.
    pub fn contains(&self, score: i32) -> bool {
        (self.min..=self.max).contains(&score)
    }

    /// The label of `score`, if it is a point of the scale.
    pub fn label(&self, score: i32) -> Option<&str> {
        let index = usize::try_from(score.checked_sub(self.min)?).ok()?;
        self.labels.get(index).map(String::as_str)
    }
}

/// One thing an officer rates: a risk, a value, a governance area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Short code, unique in the scheme, stored with each score ("R1", "V3", "G5").
    pub code: String,
    /// What is rated ("Financial exposure and liabilities").
    pub title: String,
    /// What to look at when rating it, and where the criterion comes from.
    pub guidance: String,
    /// The points it is rated on.
    pub scale: Scale,
    /// Its weight in its group's total (0 leaves it out of the arithmetic).
    pub weight: u32,
}

/// How the overall likelihood and impact of an assessment are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskDerivation {
    /// The officer enters the overall likelihood and impact; the risk criteria are rated as the
    /// evidence for them.
    Entered,
    /// From the risk criteria: likelihood is their weighted mean (rounded half up), impact the
    /// worst single rating. Many middling concerns make something going wrong likely; the worst
    /// concern says how bad it would be.
    MeanAndWorst,
}

/// The likelihood x impact grid and its bands on the product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskGrid {
    /// Labels of the likelihood steps, 1 first; their number is the grid's height.
    pub likelihood: Vec<String>,
    /// Labels of the impact steps, 1 first; their number is the grid's width.
    pub impact: Vec<String>,
    /// The lowest likelihood x impact that is Medium risk (below it: Low).
    pub medium_from: u32,
    /// The lowest likelihood x impact that is High risk.
    pub high_from: u32,
}

impl RiskGrid {
    /// The highest likelihood step.
    pub fn likelihood_max(&self) -> u8 {
        u8::try_from(self.likelihood.len()).unwrap_or(u8::MAX)
    }

    /// The highest impact step.
    pub fn impact_max(&self) -> u8 {
        u8::try_from(self.impact.len()).unwrap_or(u8::MAX)
    }

    /// The highest risk score (likelihood x impact).
    pub fn max_score(&self) -> u32 {
        u32::from(self.likelihood_max()) * u32::from(self.impact_max())
    }
}

/// Risk: criteria R1.., the grid and how likelihood and impact are found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskScheme {
    /// The risk criteria.
    pub criteria: Vec<Criterion>,
    /// The likelihood x impact grid and its bands.
    pub grid: RiskGrid,
    /// How likelihood and impact are found.
    pub derivation: RiskDerivation,
}

/// Bands on a whole percentage: High from `high_from`, Low up to `low_up_to`, Medium between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentBands {
    /// The lowest percentage that is High.
    pub high_from: u32,
    /// The highest percentage that is Low.
    pub low_up_to: u32,
}

/// Value: criteria V1.. and the bands on their weighted, normalised total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueScheme {
    /// The value criteria.
    pub criteria: Vec<Criterion>,
    /// Bands on the total as a whole percentage of the most it could be.
    pub bands: PercentBands,
}

/// How the governance areas' ratings (1 best .. 4 worst) make one rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovernanceCombine {
    /// The weighted mean of the rated areas, a half rounded towards the worse rating.
    Mean,
    /// The worst rated area.
    Worst,
}

/// Governance health: the areas rated 1-4 and how they combine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GovernanceScheme {
    /// The areas, each rated 1 Excellent .. 4 Many key weaknesses. An area left unrated is
    /// "unable to assess".
    pub areas: Vec<Criterion>,
    /// How the ratings combine.
    pub combine: GovernanceCombine,
}

/// What a significance criterion tests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "snake_case")]
pub enum SignificanceTest {
    /// The officer answers yes (score 1) or no (score 0).
    OfficerJudgement,
    /// The partnership is statutory (set up to meet a legal requirement).
    Statutory,
    /// The council's annual input is at least `threshold`: money contributed plus officer hours
    /// costed at the register's hourly rate (without the hours, officer-heavy partnerships
    /// would look free).
    AnnualInputAtLeast {
        /// The threshold.
        threshold: Money,
    },
    /// The risk band is at least `band`.
    RiskBandAtLeast {
        /// The lowest band that meets the test.
        band: Band,
    },
    /// Another criterion (risk, value or governance) is scored at least `score`.
    CriterionAtLeast {
        /// The other criterion's code.
        criterion: String,
        /// The lowest score that meets the test.
        score: i32,
    },
}

/// One test of whether a partnership is significant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignificanceCriterion {
    /// Short code, unique in the scheme ("S2").
    pub code: String,
    /// What is tested ("Council resources of £10,000 a year or more").
    pub title: String,
    /// Where the test comes from and how to read it.
    pub guidance: String,
    /// The test.
    pub test: SignificanceTest,
    /// Its weight, for the weighted rule.
    pub weight: u32,
}

/// How the significance criteria that are met decide significance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum SignificanceRule {
    /// Significant if any criterion is met (Gravesham).
    AnyOf,
    /// Significant if at least `count` criteria are met (Chorley: 3 of 5).
    AtLeast {
        /// How many must be met.
        count: u32,
    },
    /// Significant if the weights of the criteria met add up to at least `threshold`.
    WeightedAtLeast {
        /// The total weight needed.
        threshold: u32,
    },
}

/// Significance: the criteria, the rule, and what a partnership is when the rule is not met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignificanceScheme {
    /// The criteria.
    pub criteria: Vec<SignificanceCriterion>,
    /// The rule.
    pub rule: SignificanceRule,
    /// What a partnership is when the rule is not met (Gravesham: "key other").
    pub not_met: Significance,
    /// What it is when the rule is not met and its value band is Low.
    pub not_met_low_value: Significance,
}

/// One value per band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByBand<T> {
    /// For Low.
    pub low: T,
    /// For Medium.
    pub medium: T,
    /// For High.
    pub high: T,
}

impl<T> ByBand<T> {
    /// The value for `band`.
    pub fn get(&self, band: Band) -> &T {
        match band {
            Band::Low => &self.low,
            Band::Medium => &self.medium,
            Band::High => &self.high,
        }
    }

    /// The value for `band`, to change.
    pub fn get_mut(&mut self, band: Band) -> &mut T {
        match band {
            Band::Low => &mut self.low,
            Band::Medium => &mut self.medium,
            Band::High => &mut self.high,
        }
    }
}

/// Value for money from the value band and what the partnership costs the council.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VfmRule {
    /// An annual input (money plus costed officer time) below this is "low cost".
    pub low_cost_below: Money,
    /// The rating by value band when the cost is low.
    pub when_low_cost: ByBand<ValueForMoney>,
    /// The rating by value band otherwise.
    pub otherwise: ByBand<ValueForMoney>,
}

/// One cell of the recommendation matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixCell {
    /// The recommendation suggested.
    pub suggested: Recommendation,
    /// Other recommendations the cell allows without an override reason ("increase *or*
    /// maintain"). Anything else is an override and needs a reason.
    pub also_allowed: Vec<Recommendation>,
    /// What the cell says to do besides ("strengthen governance").
    pub advice: String,
}

/// The recommendation matrix: value band x risk band -> what the council should do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationMatrix {
    /// The cells, by value band and then by risk band.
    pub cells: ByBand<ByBand<MatrixCell>>,
}

impl RecommendationMatrix {
    /// The cell for a value band and a risk band.
    pub fn cell(&self, value: Band, risk: Band) -> &MatrixCell {
        self.cells.get(value).get(risk)
    }
}

/// When to assess again: sooner for weak ratings (Manchester re-assesses after 6 months).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRule {
    /// Months to the next review usually.
    pub usual_months: u32,
    /// Months to the next review when anything is weak.
    pub weak_months: u32,
    /// Governance ratings that are weak.
    pub weak_governance: Vec<GovernanceRating>,
    /// Risk bands that are weak.
    pub weak_risk: Vec<Band>,
    /// Recommendations (as chosen) that call for an early look.
    pub weak_recommendations: Vec<Recommendation>,
    /// Recommendations after which there is no next review (the partnership leaves the
    /// register).
    pub no_review_for: Vec<Recommendation>,
}

/// Which group a criterion belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionGroup {
    /// Risk.
    Risk,
    /// Value.
    Value,
    /// Governance health.
    Governance,
    /// Significance.
    Significance,
}

impl CriterionGroup {
    /// Words for headings.
    pub fn label(self) -> &'static str {
        match self {
            Self::Risk => "Risk",
            Self::Value => "Value",
            Self::Governance => "Governance health",
            Self::Significance => "Significance",
        }
    }
}

/// The criteria, weights, scales, bands and rules that assessments use. Stored in the register,
/// one record per version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringScheme {
    /// Version: what identifies it and what assessments keep. From 1.
    pub version: u32,
    /// Name for the settings view ("Default scheme").
    pub name: String,
    /// What it is based on and what changed from the version before.
    pub description: String,
    /// Risk.
    pub risk: RiskScheme,
    /// Value.
    pub value: ValueScheme,
    /// Governance health.
    pub governance: GovernanceScheme,
    /// Significance.
    pub significance: SignificanceScheme,
    /// Value for money.
    pub value_for_money: VfmRule,
    /// The recommendation matrix.
    pub recommendations: RecommendationMatrix,
    /// When to assess again.
    pub review: ReviewRule,
}

impl Default for ScoringScheme {
    fn default() -> Self {
        Self::default_scheme()
    }
}

fn invalid(message: impl Into<String>) -> InvalidValue {
    InvalidValue(message.into())
}

impl ScoringScheme {
    /// Every rated criterion with its group: risk, then value, then governance areas.
    /// (Significance criteria are listed in `significance.criteria`.)
    pub fn criteria(&self) -> impl Iterator<Item = (CriterionGroup, &Criterion)> + '_ {
        let risk = self.risk.criteria.iter().map(|c| (CriterionGroup::Risk, c));
        let value = self
            .value
            .criteria
            .iter()
            .map(|c| (CriterionGroup::Value, c));
        let governance = self
            .governance
            .areas
            .iter()
            .map(|c| (CriterionGroup::Governance, c));
        risk.chain(value).chain(governance)
    }

    /// The rated criterion with this code, with its group.
    pub fn criterion(&self, code: &str) -> Option<(CriterionGroup, &Criterion)> {
        self.criteria()
            .find(|(_, criterion)| criterion.code == code)
    }

    /// Checks that the scheme makes sense: codes unique, scales and weights usable, bands in
    /// order, the governance areas on the 1-4 scale, significance tests pointing at real
    /// criteria. The message names what to fix.
    pub fn validate(&self) -> Result<(), InvalidValue> {
        if self.version == 0 {
            return Err(invalid("A scoring scheme's version starts at 1"));
        }
        if self.name.trim().is_empty() {
            return Err(invalid("A scoring scheme needs a name"));
        }
        self.validate_codes()?;
        self.validate_risk()?;
        self.validate_value()?;
        self.validate_governance()?;
        self.validate_significance()?;
        self.validate_review()
    }

    fn validate_codes(&self) -> Result<(), InvalidValue> {
        let codes = self
            .criteria()
            .map(|(_, c)| (c.code.as_str(), c.title.as_str()))
            .chain(
                self.significance
                    .criteria
                    .iter()
                    .map(|c| (c.code.as_str(), c.title.as_str())),
            );
        let mut seen = std::collections::BTreeSet::new();
        for (code, title) in codes {
            if code.trim().is_empty() || code.trim() != code {
                return Err(invalid(format!(
                    "The criterion “{title}” needs a code without spaces at its ends, for example R1"
                )));
            }
            if title.trim().is_empty() {
                return Err(invalid(format!("The criterion {code} needs a title")));
            }
            if !seen.insert(code.to_lowercase()) {
                return Err(invalid(format!(
                    "Two criteria have the code {code}: each code must be different"
                )));
            }
        }
        for (_, criterion) in self.criteria() {
            validate_scale(criterion)?;
        }
        Ok(())
    }

    fn validate_risk(&self) -> Result<(), InvalidValue> {
        let grid = &self.risk.grid;
        for (steps, what) in [(&grid.likelihood, "likelihood"), (&grid.impact, "impact")] {
            if !(2..=MAX_GRID_STEPS).contains(&steps.len()) {
                return Err(invalid(format!(
                    "The risk grid needs 2 to {MAX_GRID_STEPS} {what} steps, not {}",
                    steps.len()
                )));
            }
        }
        let max = grid.max_score();
        if !(grid.medium_from > 1 && grid.medium_from <= grid.high_from && grid.high_from <= max) {
            return Err(invalid(format!(
                "Risk bands must rise: Medium from more than 1, High from no less than Medium \
                 and no more than {max} (the top of the {}x{} grid); they are Medium from {} \
                 and High from {}",
                grid.likelihood_max(),
                grid.impact_max(),
                grid.medium_from,
                grid.high_from
            )));
        }
        if self.risk.derivation == RiskDerivation::MeanAndWorst {
            if total_weight(&self.risk.criteria) == 0 {
                return Err(invalid(
                    "Likelihood and impact come from the risk criteria, so at least one risk \
                     criterion needs a weight above 0",
                ));
            }
            let top = grid.likelihood_max().min(grid.impact_max());
            for criterion in &self.risk.criteria {
                if criterion.scale.min < 1 || criterion.scale.max > i32::from(top) {
                    return Err(invalid(format!(
                        "Risk criterion {} is rated {} to {}, but likelihood and impact come \
                         from the risk criteria, so it must be rated within 1 to {top}",
                        criterion.code, criterion.scale.min, criterion.scale.max
                    )));
                }
            }
        }
        Ok(())
    }

    fn validate_value(&self) -> Result<(), InvalidValue> {
        if total_weight(&self.value.criteria) == 0 {
            return Err(invalid(
                "At least one value criterion needs a weight above 0",
            ));
        }
        if let Some(flat) = self
            .value
            .criteria
            .iter()
            .find(|c| c.weight > 0 && c.scale.max <= c.scale.min)
        {
            return Err(invalid(format!(
                "Value criterion {} needs at least two points on its scale",
                flat.code
            )));
        }
        let bands = self.value.bands;
        if !(bands.low_up_to < bands.high_from && bands.high_from <= 100) {
            return Err(invalid(format!(
                "Value bands must rise: Low up to a percentage below High's start, and High \
                 from no more than 100%; they are Low up to {}% and High from {}%",
                bands.low_up_to, bands.high_from
            )));
        }
        Ok(())
    }

    fn validate_governance(&self) -> Result<(), InvalidValue> {
        for area in &self.governance.areas {
            if area.scale.min != 1 || area.scale.max != 4 {
                return Err(invalid(format!(
                    "Governance area {} must be rated 1 (Excellent) to 4 (Many key weaknesses)",
                    area.code
                )));
            }
        }
        if !self.governance.areas.is_empty() && total_weight(&self.governance.areas) == 0 {
            return Err(invalid(
                "At least one governance area needs a weight above 0",
            ));
        }
        Ok(())
    }

    fn validate_significance(&self) -> Result<(), InvalidValue> {
        let significance = &self.significance;
        for criterion in &significance.criteria {
            match &criterion.test {
                SignificanceTest::AnnualInputAtLeast { threshold } if threshold.pence < 0 => {
                    return Err(invalid(format!(
                        "Significance criterion {} has a threshold below zero",
                        criterion.code
                    )));
                }
                SignificanceTest::CriterionAtLeast {
                    criterion: other,
                    score,
                } => {
                    let Some((_, target)) = self.criterion(other) else {
                        return Err(invalid(format!(
                            "Significance criterion {} tests criterion {other}, which the \
                             scheme does not have",
                            criterion.code
                        )));
                    };
                    if !target.scale.contains(*score) {
                        return Err(invalid(format!(
                            "Significance criterion {} tests {other} for {score} or more, but \
                             {other} is rated {} to {}",
                            criterion.code, target.scale.min, target.scale.max
                        )));
                    }
                }
                _ => {}
            }
        }
        let count = u32::try_from(significance.criteria.len()).unwrap_or(u32::MAX);
        let weights = significance
            .criteria
            .iter()
            .map(|c| c.weight)
            .fold(0, u32::saturating_add);
        match significance.rule {
            SignificanceRule::AnyOf if count == 0 => {
                return Err(invalid(
                    "The “any of” significance rule needs at least one criterion",
                ));
            }
            SignificanceRule::AtLeast { count: needed } if needed == 0 || needed > count => {
                return Err(invalid(format!(
                    "The significance rule needs {needed} of {count} criteria met: it must be \
                     between 1 and the number of criteria"
                )));
            }
            SignificanceRule::WeightedAtLeast { threshold }
                if threshold == 0 || threshold > weights =>
            {
                return Err(invalid(format!(
                    "The significance rule needs a weight of {threshold}: it must be between 1 \
                     and the criteria's total weight, {weights}"
                )));
            }
            _ => {}
        }
        for outcome in [significance.not_met, significance.not_met_low_value] {
            if matches!(
                outcome,
                Significance::Significant | Significance::NotAssessed
            ) {
                return Err(invalid(format!(
                    "A partnership that does not meet the significance rule cannot be “{}”",
                    outcome.label()
                )));
            }
        }
        Ok(())
    }

    fn validate_review(&self) -> Result<(), InvalidValue> {
        for months in [self.review.usual_months, self.review.weak_months] {
            if !(1..=120).contains(&months) {
                return Err(invalid(format!(
                    "Reviews must be 1 to 120 months apart, not {months}"
                )));
            }
        }
        Ok(())
    }
}

fn total_weight(criteria: &[Criterion]) -> u32 {
    criteria
        .iter()
        .map(|c| c.weight)
        .fold(0, u32::saturating_add)
}

fn validate_scale(criterion: &Criterion) -> Result<(), InvalidValue> {
    let scale = &criterion.scale;
    if scale.max < scale.min || scale.max - scale.min > 10 {
        return Err(invalid(format!(
            "Criterion {} is rated {} to {}: a scale runs upwards over at most 11 points",
            criterion.code, scale.min, scale.max
        )));
    }
    let points = usize::try_from(scale.max - scale.min + 1).unwrap_or(0);
    if scale.labels.len() != points {
        return Err(invalid(format!(
            "Criterion {} has {points} points but {} labels: give each point one label",
            criterion.code,
            scale.labels.len()
        )));
    }
    if criterion.weight > 100 {
        return Err(invalid(format!(
            "Criterion {} has a weight of {}: weights go up to 100",
            criterion.code, criterion.weight
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The default scheme.

/// Risk criteria are rated on the grid's four steps (how much of a concern each one is).
const RISK_POINTS: [&str; 4] = [
    "Low concern",
    "Some concern",
    "Significant concern",
    "Serious concern",
];
/// Value criteria are rated 0-3 (domain.md 4.4).
const VALUE_POINTS: [&str; 4] = ["None", "Weak", "Adequate", "Strong"];
/// Governance areas are rated 1-4 as in Nottingham's annual health check (domain.md 4.2).
const GOVERNANCE_POINTS: [&str; 4] = [
    "Excellent",
    "Good",
    "Some key areas for improvement",
    "Many key weaknesses",
];

fn criterion(code: &str, title: &str, guidance: &str, min: i32, points: &[&str]) -> Criterion {
    Criterion {
        code: code.to_string(),
        title: title.to_string(),
        guidance: guidance.to_string(),
        scale: Scale::from_labels(min, points),
        weight: 1,
    }
}

fn cell(suggested: Recommendation, also: &[Recommendation], advice: &str) -> MatrixCell {
    MatrixCell {
        suggested,
        also_allowed: also.to_vec(),
        advice: advice.to_string(),
    }
}

impl ScoringScheme {
    /// The built-in default scheme, version 1, from `research/domain.md` section 4.
    ///
    /// - **Risk** (4.3, 4.4): criteria R1-R6, each rated 1-4 for how much of a concern it is.
    ///   Likelihood is their mean (rounded half up) and impact the worst rating, on a 4x4 grid as
    ///   Chichester's committee required; the risk score likelihood x impact (1-16) is Low up to
    ///   4, Medium 5-8, High 9 and over.
    /// - **Value** (4.4): criteria V1-V6 rated 0 None, 1 Weak, 2 Adequate, 3 Strong, equally
    ///   weighted (no public source gave a weighted grid; weights are configurable). The total
    ///   as a whole percentage of the most it could be is High at 67% or more, Low at 33% or
    ///   less, Medium between.
    /// - **Governance health** (2.2, 4.2): the eight Audit Commission checklist areas, each
    ///   rated 1 Excellent, 2 Good, 3 Some key areas for improvement, 4 Many key weaknesses (as
    ///   Nottingham's health check); the rating is their mean, a half rounded towards the worse.
    /// - **Significance** (4.1): Gravesham's "any of" rule: statutory; council resources of
    ///   £10,000 a year or more, counting officer time at the register's hourly rate (Gravesham
    ///   raised its threshold to £50,000 in 2021: set your own); or fundamental to a corporate
    ///   priority (V1 rated 3). Otherwise "key other", or "not significant" when value is Low.
    /// - **Value for money** (4.4): good for high value, fair for medium, poor for low value
    ///   unless it costs the council under £2,000 a year (then fair).
    /// - **Recommendations** (4.4): the value x risk matrix, putting the Audit Commission's
    ///   "scale down" principle into practice.
    /// - **Review**: a year on; six months on when governance is below Good, risk is High, or
    ///   the recommendation is review, reduce or withdraw (Manchester re-assesses anything below
    ///   its top rating after six months). No review after "remove from register".
    pub fn default_scheme() -> Self {
        use Recommendation::*;
        let risk_criteria = vec![
            criterion(
                "R1",
                "Financial exposure and liabilities",
                "How much could the council lose? Grants and contributions at stake, guarantees, \
                 redundancy costs and other liabilities on termination. (East Devon records \
                 liabilities; Cheshire West asks for redundancy costs and potential liabilities.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R2",
                "Governance gaps",
                "Is there a current terms of reference or partnership agreement, an exit \
                 strategy and a risk register? (Chichester's audit criticised missing exit \
                 strategies and risk assessments; Nottingham flagged terms of reference not \
                 refreshed in four years.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R3",
                "Reputational risk to the council",
                "Could the partnership's failure, conduct or decisions damage the council's \
                 reputation with residents, partners or regulators?",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R4",
                "Service-delivery dependency",
                "How heavily does the council rely on the partners to deliver its services? \
                 (Chorley and South Ribble count heavy reliance on a partner for service \
                 delivery.)",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R5",
                "Performance: targets missed, inactivity",
                "Are its targets being missed? Has it stopped meeting or producing anything?",
                1,
                &RISK_POINTS,
            ),
            criterion(
                "R6",
                "Accountability",
                "Is it clear how decisions are made and recorded, who carries them out, who \
                 scrutinises them and whom they are reported to? (Audit Commission checklist, \
                 governance.)",
                1,
                &RISK_POINTS,
            ),
        ];
        let value_criteria = vec![
            criterion(
                "V1",
                "Contribution to corporate priorities and community strategy objectives",
                "How many corporate priorities or Sustainable Community Strategy objectives \
                 does it serve, and how directly? Rate 3 (Strong) when it is fundamental to \
                 delivering one: Gravesham's test for a significant partnership.",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V2",
                "Added value beyond what partners would do alone",
                "What does it achieve that the partners would not achieve on their own? Is it \
                 more efficient or better than acting alone? (Audit Commission checklist, added \
                 value; East Devon's appropriateness tests.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V3",
                "Evidence of outcomes: targets met",
                "Which of its targets are met and which missed? Is progress managed and \
                 reported? (Audit Commission checklist, performance management.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V4",
                "Benefit to residents, businesses and visitors",
                "Who benefits, and how would they notice if it stopped? (East Devon's \
                 appropriateness tests.)",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V5",
                "Cost-effectiveness",
                "Do the outcomes justify the council's money and officer hours (costed at the \
                 register's hourly rate)? Value for money is equal or better outcomes for less \
                 expenditure, costs including time (Audit Commission); Maldon checked that \
                 officer time was used effectively.",
                0,
                &VALUE_POINTS,
            ),
            criterion(
                "V6",
                "Statutory or leverage value",
                "Is there a statutory duty to take part? Does it lever in external funding, or \
                 give the council influence on national or regional thinking? (Gravesham 2021; \
                 Cheshire West.)",
                0,
                &VALUE_POINTS,
            ),
        ];
        let governance_areas = vec![
            criterion(
                "G1",
                "Rationale",
                "Why does it exist? What are the agreed aims, and where are they published? Is \
                 there a better way to serve the public?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G2",
                "Added value",
                "How does it add value, and how is that shown to the public? How do you know \
                 the funds are well spent, and how does the public know?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G3",
                "Governance",
                "How do its arrangements link to each partner's own governance? How are \
                 decisions made and recorded, who makes sure they are carried out, who \
                 scrutinises them and whom are they reported to?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G4",
                "Performance management",
                "Which targets are met and which missed? Who manages and reports progress?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G5",
                "Financial management",
                "Who provides the money and who decides how to spend it? Can it be \
                 reallocated? What are the financial reporting arrangements?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G6",
                "Risk management",
                "How do you know when things are going wrong, and who can act? How are \
                 conflicts of interest resolved?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G7",
                "Termination",
                "What happens if the partnership ends or the council withdraws? How are \
                 resources returned to the partners?",
                1,
                &GOVERNANCE_POINTS,
            ),
            criterion(
                "G8",
                "Serving the public",
                "How effectively does it engage and serve the public? Is there a joint \
                 complaints procedure?",
                1,
                &GOVERNANCE_POINTS,
            ),
        ];
        let significance_criteria = vec![
            SignificanceCriterion {
                code: "S1".into(),
                title: "Set up to meet a legal or statutory requirement".into(),
                guidance: "Met when the partnership is recorded as statutory (Gravesham 2021)."
                    .into(),
                test: SignificanceTest::Statutory,
                weight: 1,
            },
            SignificanceCriterion {
                code: "S2".into(),
                title: "Council resources of £10,000 a year or more".into(),
                guidance: "Money contributed in the financial year plus officer hours a month x \
                           12 at the register's hourly rate (Gravesham 2012 and 2017; raised to \
                           £50,000 in 2021)."
                    .into(),
                test: SignificanceTest::AnnualInputAtLeast {
                    threshold: Money::from_pounds(10_000),
                },
                weight: 1,
            },
            SignificanceCriterion {
                code: "S3".into(),
                title: "Fundamental to delivering a corporate priority".into(),
                guidance: "Met when V1 is rated 3, Strong (Gravesham).".into(),
                test: SignificanceTest::CriterionAtLeast {
                    criterion: "V1".into(),
                    score: 3,
                },
                weight: 1,
            },
        ];
        Self {
            version: DEFAULT_SCHEME_VERSION,
            name: "Default scheme".into(),
            description: "Built from research/domain.md section 4: risk criteria R1-R6 on \
                          Chichester's 4x4 likelihood x impact grid, value criteria V1-V6 rated \
                          0-3, the eight Audit Commission governance checklist areas rated 1-4 \
                          as in Nottingham's health check, Gravesham's significance rule, and \
                          the value x risk recommendation matrix."
                .into(),
            risk: RiskScheme {
                criteria: risk_criteria,
                grid: RiskGrid {
                    likelihood: ["Unlikely", "Possible", "Likely", "Almost certain"]
                        .map(String::from)
                        .to_vec(),
                    impact: ["Minor", "Moderate", "Major", "Severe"]
                        .map(String::from)
                        .to_vec(),
                    medium_from: 5,
                    high_from: 9,
                },
                derivation: RiskDerivation::MeanAndWorst,
            },
            value: ValueScheme {
                criteria: value_criteria,
                bands: PercentBands {
                    high_from: 67,
                    low_up_to: 33,
                },
            },
            governance: GovernanceScheme {
                areas: governance_areas,
                combine: GovernanceCombine::Mean,
            },
            significance: SignificanceScheme {
                criteria: significance_criteria,
                rule: SignificanceRule::AnyOf,
                not_met: Significance::KeyOther,
                not_met_low_value: Significance::NotSignificant,
            },
            value_for_money: VfmRule {
                low_cost_below: Money::from_pounds(2_000),
                when_low_cost: ByBand {
                    low: ValueForMoney::Fair,
                    medium: ValueForMoney::Fair,
                    high: ValueForMoney::Good,
                },
                otherwise: ByBand {
                    low: ValueForMoney::Poor,
                    medium: ValueForMoney::Fair,
                    high: ValueForMoney::Good,
                },
            },
            recommendations: RecommendationMatrix {
                cells: ByBand {
                    high: ByBand {
                        low: cell(Maintain, &[Increase], "Increase or maintain resources"),
                        medium: cell(Maintain, &[], "Maintain; strengthen governance"),
                        high: cell(Maintain, &[], "Maintain; review governance urgently"),
                    },
                    medium: ByBand {
                        low: cell(Maintain, &[], "Maintain"),
                        medium: cell(Review, &[], "Review"),
                        high: cell(Review, &[Reduce], "Review; consider reducing"),
                    },
                    low: ByBand {
                        low: cell(
                            Reduce,
                            &[RemoveFromRegister],
                            "Reduce resources or remove from register",
                        ),
                        medium: cell(Reduce, &[], "Reduce"),
                        high: cell(Reduce, &[Withdraw], "Reduce or withdraw"),
                    },
                },
            },
            review: ReviewRule {
                usual_months: 12,
                weak_months: 6,
                weak_governance: vec![
                    GovernanceRating::SomeWeaknesses,
                    GovernanceRating::ManyWeaknesses,
                ],
                weak_risk: vec![Band::High],
                weak_recommendations: vec![Review, Reduce, Withdraw],
                no_review_for: vec![RemoveFromRegister],
            },
        }
    }
}

#[cfg(test)]
mod tests {
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
}
