//! A whole assessment: every result worked out from a scheme and an officer's inputs, the
//! `Assessment` record ready for `Edit::insert`, and which scheme version applies.
//!
//! Versions: each assessment keeps the `scheme_version` it was made with. The built-in
//! [`ScoringScheme::default_scheme`] is version 1 for a register that stores no version 1 of its
//! own. [`save_scheme`] never changes a version that assessments use: it stores the change as a
//! new version (and stores version 1 first if the register relied on the built-in one), so old
//! assessments keep their stored results and can still be recomputed by their own rules.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::ScoringError;
use super::arithmetic::*;
use super::resources::annual_cost;
use crate::model::{
    Assessment, AssessmentId, CriterionScore, DEFAULT_SCHEME_VERSION, Edit, FinancialYear,
    InvalidValue, Money, PartnershipId, Recommendation, Register, ScoringScheme, StatutoryStatus,
};

/// What the officer enters for an assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentInput {
    /// The partnership assessed.
    pub partnership: PartnershipId,
    /// Date of the assessment.
    pub date: NaiveDate,
    /// Who assessed it.
    pub assessor: String,
    /// Criterion scores with evidence.
    pub scores: Vec<CriterionScore>,
    /// Overall (likelihood, impact), for a scheme whose officers enter them; ignored when the
    /// scheme derives them from the risk criteria.
    pub entered_risk: Option<(u8, u8)>,
    /// The recommendation chosen; `None` takes the matrix's suggestion.
    pub chosen: Option<Recommendation>,
    /// Why, when the choice is outside the matrix cell.
    pub override_reason: String,
    /// Anything else.
    pub notes: String,
}

impl AssessmentInput {
    /// An empty form for `partnership` on `date`.
    pub fn new(partnership: PartnershipId, date: NaiveDate) -> Self {
        Self {
            partnership,
            date,
            assessor: String::new(),
            scores: Vec::new(),
            entered_risk: None,
            chosen: None,
            override_reason: String::new(),
            notes: String::new(),
        }
    }

    /// Sets the score of `code` (replacing any earlier one), with its evidence.
    pub fn score(mut self, code: &str, score: i32, evidence: &str) -> Self {
        self.scores.retain(|s| s.criterion != code);
        self.scores.push(CriterionScore {
            criterion: code.to_string(),
            score,
            evidence: evidence.to_string(),
        });
        self
    }

    /// The inputs a stored assessment was made from, to recompute it; `None` if it has no
    /// date.
    pub fn from_assessment(assessment: &Assessment) -> Option<Self> {
        Some(Self {
            partnership: assessment.partnership,
            date: assessment.date?,
            assessor: assessment.assessor.clone(),
            scores: assessment.scores.clone(),
            entered_risk: Some((assessment.risk_likelihood, assessment.risk_impact)),
            chosen: assessment.recommendation,
            override_reason: assessment.override_reason.clone(),
            notes: assessment.notes.clone(),
        })
    }
}

/// Every result of an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Risk.
    pub risk: RiskResult,
    /// Value.
    pub value: ValueResult,
    /// Governance health.
    pub governance: GovernanceResult,
    /// Significance.
    pub significance: SignificanceResult,
    /// Value for money.
    pub value_for_money: crate::model::ValueForMoney,
    /// The suggested and the chosen recommendation.
    pub recommendation: RecommendationChoice,
    /// When to assess again.
    pub next_review: Option<NaiveDate>,
}

/// Works out every result of an assessment by `scheme`: checks the scheme and the scores, then
/// risk, value, governance, significance (against `facts`), value for money, the recommendation
/// (an override needs a reason) and the next review date.
pub fn evaluate(
    scheme: &ScoringScheme,
    input: &AssessmentInput,
    facts: &AssessmentFacts,
) -> Result<Outcome, ScoringError> {
    scheme.validate()?;
    let sheet = ScoreSheet::new(scheme, &input.scores)?;
    let risk = risk(&sheet, input.entered_risk)?;
    let value = value(&sheet)?;
    let governance = governance(&sheet);
    let significance = significance(&sheet, facts, risk.band, value.band)?;
    let value_for_money = value_for_money(&scheme.value_for_money, value.band, facts.annual_input);
    let mut recommendation = choose_recommendation(
        &scheme.recommendations,
        value.band,
        risk.band,
        input.chosen,
        &input.override_reason,
    )?;
    recommendation.advice = fitted_advice(
        &recommendation.advice,
        governance.rating,
        &scheme.review,
        &highest_risks(&sheet),
    );
    let next_review = next_review(
        &scheme.review,
        input.date,
        governance.rating,
        risk.band,
        recommendation.chosen,
    );
    Ok(Outcome {
        risk,
        value,
        governance,
        significance,
        value_for_money,
        recommendation,
        next_review,
    })
}

/// The `Assessment` record for `input` scored by `scheme`, with identifier `id`: the inputs,
/// the scheme version and every result, ready for `Edit::insert` (see [`save_assessment`]).
pub fn build_assessment(
    scheme: &ScoringScheme,
    input: &AssessmentInput,
    facts: &AssessmentFacts,
    id: AssessmentId,
) -> Result<Assessment, ScoringError> {
    let outcome = evaluate(scheme, input, facts)?;
    Ok(Assessment {
        id,
        partnership: input.partnership,
        date: Some(input.date),
        assessor: input.assessor.trim().to_string(),
        scheme_version: scheme.version,
        scores: input.scores.clone(),
        risk_likelihood: outcome.risk.likelihood,
        risk_impact: outcome.risk.impact,
        risk_band: Some(outcome.risk.band),
        value_band: Some(outcome.value.band),
        value_percent: Some(outcome.value.percent),
        governance: outcome.governance.rating,
        significance: outcome.significance.significance,
        value_for_money: Some(outcome.value_for_money),
        annual_input: Some(facts.annual_input),
        suggested_recommendation: Some(outcome.recommendation.suggested),
        recommendation: Some(outcome.recommendation.chosen),
        override_reason: outcome.recommendation.override_reason,
        next_review: outcome.next_review,
        notes: input.notes.clone(),
    })
}

/// The facts a partnership is judged against on `date`: its annual input (contributions in the
/// financial year of `date` plus the hours of representatives in post that day, costed at the
/// register's hourly rate) and whether it is statutory.
pub fn facts_on(
    register: &Register,
    partnership: PartnershipId,
    date: NaiveDate,
) -> Result<AssessmentFacts, ScoringError> {
    let record = register
        .partnerships
        .get(&partnership)
        .ok_or(ScoringError::NoSuchPartnership(partnership))?;
    let cost = annual_cost(
        register,
        partnership,
        FinancialYear::of(date).starts_in,
        date,
    );
    Ok(AssessmentFacts {
        annual_input: cost.total,
        statutory: record.statutory_status == StatutoryStatus::Statutory,
    })
}

/// A new assessment of `input.partnership` in `register`, scored by `scheme` against the
/// partnership's facts on the assessment date, with the next free identifier.
pub fn new_assessment(
    register: &Register,
    scheme: &ScoringScheme,
    input: &AssessmentInput,
) -> Result<Assessment, ScoringError> {
    let facts = facts_on(register, input.partnership, input.date)?;
    build_assessment(
        scheme,
        input,
        &facts,
        AssessmentId::next_in(&register.assessments),
    )
}

/// The edit that saves a new assessment made with `scheme`: the insert, batched with the scheme
/// itself when the register does not store that version yet (the built-in default), so every
/// version an assessment names is in the file.
pub fn save_assessment(
    register: &Register,
    scheme: &ScoringScheme,
    assessment: Assessment,
) -> Result<Edit, ScoringError> {
    if assessment.scheme_version != scheme.version {
        return Err(ScoringError::WrongScheme {
            assessment: assessment.scheme_version,
            scheme: scheme.version,
        });
    }
    let insert = Edit::insert(assessment);
    if register.scoring_schemes.contains_key(&scheme.version) {
        return Ok(insert);
    }
    Ok(Edit::Batch {
        description: insert.describe(),
        edits: vec![Edit::insert(scheme.clone()), insert],
    })
}

/// The scheme of `version`: the register's own, or for version 1 the built-in default when
/// the register stores none.
pub fn scheme_for_version(register: &Register, version: u32) -> Option<Cow<'_, ScoringScheme>> {
    match register.scoring_schemes.get(&version) {
        Some(scheme) => Some(Cow::Borrowed(scheme)),
        None if version == DEFAULT_SCHEME_VERSION => {
            Some(Cow::Owned(ScoringScheme::default_scheme()))
        }
        None => None,
    }
}

/// The scheme new assessments use: the register's newest version, or the built-in default.
pub fn current_scheme(register: &Register) -> Cow<'_, ScoringScheme> {
    match register.scoring_schemes.values().next_back() {
        Some(scheme) => Cow::Borrowed(scheme),
        None => Cow::Owned(ScoringScheme::default_scheme()),
    }
}

/// How many assessments were made with scheme `version`.
pub fn assessments_using(register: &Register, version: u32) -> usize {
    register
        .assessments
        .values()
        .filter(|a| a.scheme_version == version)
        .count()
}

/// The version a new scheme gets: one after the newest stored, and never 1 (the built-in).
pub fn next_scheme_version(register: &Register) -> u32 {
    register
        .scoring_schemes
        .keys()
        .next_back()
        .copied()
        .unwrap_or(DEFAULT_SCHEME_VERSION)
        .max(DEFAULT_SCHEME_VERSION)
        .saturating_add(1)
}

/// Saves a scheme edited in the settings view (`edited.version` is the version it was edited
/// from). A stored version that no assessment uses is changed in place; otherwise the change
/// becomes a new version (with version 1 stored first if the register relied on the built-in
/// default). Returns the scheme as saved and the edit (an empty batch if nothing changed).
pub fn save_scheme(
    register: &Register,
    edited: ScoringScheme,
) -> Result<(ScoringScheme, Edit), ScoringError> {
    let unchanged =
        scheme_for_version(register, edited.version).is_some_and(|existing| *existing == edited);
    let mut edits = Vec::new();
    let saved = match register.scoring_schemes.get(&edited.version) {
        _ if unchanged => edited,
        Some(before) if assessments_using(register, edited.version) == 0 => {
            edited.validate()?;
            edits.push(Edit::change(before.clone(), edited.clone()));
            edited
        }
        _ => {
            let mut new_version = edited;
            new_version.version = next_scheme_version(register);
            new_version.validate()?;
            if !register
                .scoring_schemes
                .contains_key(&DEFAULT_SCHEME_VERSION)
            {
                edits.push(Edit::insert(ScoringScheme::default_scheme()));
            }
            edits.push(Edit::insert(new_version.clone()));
            new_version
        }
    };
    let description = format!("Save scoring scheme version {}", saved.version);
    Ok((saved, Edit::Batch { description, edits }))
}

/// The most an officer hour may be costed at (a typo guard: £1,000 an hour).
pub const MAX_HOURLY_RATE: Money = Money { pence: 100_000 };

/// Saves what the scoring scheme settings view edits: the scheme (as [`save_scheme`]: a
/// version in use is never changed, the change becomes a new version) and the register's
/// officer hourly rate, which significance thresholds and value for money count officer time
/// at. Both go in one batch, so one Undo takes the whole save back. Stored assessments keep
/// the annual input they were judged against, so a new rate never changes their results.
/// Returns the scheme as saved and the edit, or `None` when nothing changed.
pub fn save_scheme_settings(
    register: &Register,
    edited: ScoringScheme,
    hourly_rate: Money,
) -> Result<(ScoringScheme, Option<Edit>), ScoringError> {
    if hourly_rate.pence <= 0 || hourly_rate > MAX_HOURLY_RATE {
        return Err(ScoringError::InvalidScheme(InvalidValue(format!(
            "The officer hourly rate must be more than £0 and at most {}, not {}",
            MAX_HOURLY_RATE.format_whole_pounds(),
            hourly_rate.format_with_pence()
        ))));
    }
    edited.validate()?;
    let (saved, scheme_edit) = save_scheme(register, edited)?;
    let mut edits = match scheme_edit {
        Edit::Batch { edits, .. } => edits,
        other => vec![other],
    };
    let scheme_changed = !edits.is_empty();
    let rate_changed = hourly_rate != register.settings.officer_hourly_rate;
    if rate_changed {
        let mut settings = register.settings.clone();
        settings.officer_hourly_rate = hourly_rate;
        edits.push(Edit::change(register.settings.clone(), settings));
    }
    let description = match (scheme_changed, rate_changed) {
        (false, false) => return Ok((saved, None)),
        (true, false) => format!("Save scoring scheme version {}", saved.version),
        (false, true) => format!(
            "Cost officer time at {} an hour",
            hourly_rate.format_with_pence()
        ),
        (true, true) => format!(
            "Save scoring scheme version {} and cost officer time at {} an hour",
            saved.version,
            hourly_rate.format_with_pence()
        ),
    };
    Ok((saved, Some(Edit::Batch { description, edits })))
}
