//! The scoring scheme: the criteria, scales, weights, bands and rules that assessments use.
//!
//! A scheme is register data: a record keyed by its `version`, stored in the register file like
//! any other. Each `Assessment` keeps the `scheme_version` it was made with, and a scheme that
//! assessments use is never changed in place (`Register::apply` refuses it): changing the scheme
//! makes a new version, so old assessments keep both their stored results and the rules that
//! produced them.
//!
//! This file holds the types; their validation is in `scheme/validate.rs` and the default
//! scheme's data in `scheme/default_scheme.rs`. The arithmetic (risk and value scores,
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
}

mod default_scheme;
mod validate;

#[cfg(test)]
mod tests;
