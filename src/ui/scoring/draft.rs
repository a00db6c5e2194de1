//! The assessment being filled in: scores, evidence, assessor, date and the recommendation
//! chosen, kept between frames, and worked out live by the scoring layer.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{
    Assessment, AssessmentId, CriterionScore, Edit, PartnershipId, Recommendation, Register,
    ScoringScheme,
};
use crate::scoring::{self, AssessmentInput, Outcome, ScoringError};

/// The form's contents for one partnership.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentDraft {
    /// The partnership assessed.
    pub partnership: PartnershipId,
    /// Score per criterion code (`None`: not scored yet).
    pub scores: BTreeMap<String, i32>,
    /// Evidence per criterion code.
    pub evidence: BTreeMap<String, String>,
    /// Who is assessing.
    pub assessor: String,
    /// The date, as typed (ISO).
    pub date_text: String,
    /// The recommendation chosen; `None` follows the matrix.
    pub chosen: Option<Recommendation>,
    /// Why the choice differs from the matrix.
    pub override_reason: String,
    /// Anything else.
    pub notes: String,
    /// Saved as this assessment, waiting to see it in the register.
    pub saved_as: Option<AssessmentId>,
}

/// What the draft works out to now.
#[derive(Debug)]
pub struct Evaluation {
    /// The results with the matrix's suggestion (no override), when every score is in.
    pub suggested: Result<Outcome, ScoringError>,
    /// The results as chosen: the assessment that Save would make, or why it cannot be saved.
    pub to_save: Result<Assessment, String>,
}

impl AssessmentDraft {
    /// An empty draft for `partnership`, dated `today`, assessed by `assessor`.
    pub fn new(partnership: PartnershipId, today: NaiveDate, assessor: String) -> Self {
        Self {
            partnership,
            scores: BTreeMap::new(),
            evidence: BTreeMap::new(),
            assessor,
            date_text: today.to_string(),
            chosen: None,
            override_reason: String::new(),
            notes: String::new(),
            saved_as: None,
        }
    }

    /// The criteria of `previous` the current scheme still has, with their scores and
    /// evidence (a criterion dropped from the scheme since is left out).
    fn carried_over<'a>(
        previous: &'a Assessment,
        scheme: &'a ScoringScheme,
    ) -> impl Iterator<Item = &'a CriterionScore> + 'a {
        previous.scores.iter().filter(|score| {
            scheme.criterion(&score.criterion).is_some()
                || scheme
                    .significance
                    .criteria
                    .iter()
                    .any(|c| c.code == score.criterion)
        })
    }

    /// The criteria already scored (or with evidence typed) in this draft that starting from
    /// `previous` would change: what to ask about before overwriting.
    pub fn would_overwrite(&self, previous: &Assessment, scheme: &ScoringScheme) -> Vec<String> {
        Self::carried_over(previous, scheme)
            .filter(|score| {
                let code = &score.criterion;
                let entered_score = self.scores.get(code);
                let entered_evidence = self
                    .evidence
                    .get(code)
                    .map(|e| e.trim())
                    .filter(|e| !e.is_empty());
                entered_score.is_some_and(|s| *s != score.score)
                    || entered_evidence.is_some_and(|e| e != score.evidence.trim())
            })
            .map(|score| score.criterion.clone())
            .collect()
    }

    /// Takes the scores and evidence of `previous` (last year's assessment) as a start; the
    /// criteria the current scheme no longer has are left out. With `keep_entered`, criteria
    /// already scored in this draft keep their score and evidence.
    pub fn start_from(
        &mut self,
        previous: &Assessment,
        scheme: &ScoringScheme,
        keep_entered: bool,
    ) {
        for score in Self::carried_over(previous, scheme) {
            let code = &score.criterion;
            let entered = self.scores.contains_key(code)
                || self
                    .evidence
                    .get(code)
                    .is_some_and(|e| !e.trim().is_empty());
            if keep_entered && entered {
                continue;
            }
            self.scores.insert(code.clone(), score.score);
            self.evidence.insert(code.clone(), score.evidence.clone());
        }
    }

    /// Whether anything has been entered (a score, evidence, a choice, notes).
    pub fn is_started(&self) -> bool {
        !self.scores.is_empty()
            || self.evidence.values().any(|e| !e.trim().is_empty())
            || self.chosen.is_some()
            || !self.override_reason.trim().is_empty()
            || !self.notes.trim().is_empty()
    }

    /// The date typed, if it is one.
    pub fn date(&self) -> Result<NaiveDate, String> {
        NaiveDate::parse_from_str(self.date_text.trim(), "%Y-%m-%d").map_err(|_| {
            format!(
                "“{}” is not a date: type it as year-month-day, for example 2026-03-31",
                self.date_text.trim()
            )
        })
    }

    fn input(&self, date: NaiveDate, chosen: Option<Recommendation>) -> AssessmentInput {
        let mut input = AssessmentInput::new(self.partnership, date);
        input.assessor = self.assessor.clone();
        input.scores = self
            .scores
            .iter()
            .map(|(code, score)| CriterionScore {
                criterion: code.clone(),
                score: *score,
                evidence: self.evidence.get(code).cloned().unwrap_or_default(),
            })
            .collect();
        input.chosen = chosen;
        input.override_reason = self.override_reason.clone();
        input.notes = self.notes.clone();
        input
    }

    /// Works the draft out by `scheme` against the register's facts (costs on the date).
    pub fn evaluate(&self, register: &Register, scheme: &ScoringScheme) -> Evaluation {
        let date = match self.date() {
            Ok(date) => date,
            Err(message) => {
                return Evaluation {
                    suggested: Err(ScoringError::NoSuchPartnership(self.partnership)),
                    to_save: Err(message),
                };
            }
        };
        let suggested = scoring::facts_on(register, self.partnership, date)
            .and_then(|facts| scoring::evaluate(scheme, &self.input(date, None), &facts));
        let to_save = if self.assessor.trim().is_empty() {
            Err("Say who made the assessment (Assessor)".to_string())
        } else {
            scoring::new_assessment(register, scheme, &self.input(date, self.chosen))
                .map_err(|error| error.to_string())
        };
        Evaluation { suggested, to_save }
    }

    /// The edit that saves `assessment` (made with `scheme`), as one undoable change.
    pub fn save_edit(
        register: &Register,
        scheme: &ScoringScheme,
        assessment: Assessment,
    ) -> Result<Edit, String> {
        scoring::save_assessment(register, scheme, assessment).map_err(|error| error.to_string())
    }
}
