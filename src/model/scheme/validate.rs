//! Checking that a scoring scheme makes sense, with a message that names what to fix.

use super::*;

fn invalid(message: impl Into<String>) -> InvalidValue {
    InvalidValue(message.into())
}

impl ScoringScheme {
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
