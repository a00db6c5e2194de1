//! Conformity with strategies (seed 000): which strategy objectives and measures no
//! partnership at work delivers, which partnerships are linked to no objective or corporate
//! priority, and which objectives several partnerships deliver (possible duplication of
//! effort).
//!
//! A measure is delivered through its objective: a measure of an objective nobody delivers
//! has nobody working towards it.

use std::collections::BTreeMap;

use super::{Evidence, is_active};
use crate::model::{MeasureId, ObjectiveId, PartnershipId, RecordKey, Register, StrategyId};

/// What counts as shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConformitySettings {
    /// An objective delivered by at least this many partnerships at work is listed as shared.
    pub shared_from: usize,
}

impl Default for ConformitySettings {
    fn default() -> Self {
        Self { shared_from: 2 }
    }
}

/// An objective no partnership at work delivers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndeliveredObjective {
    /// The objective.
    pub objective: ObjectiveId,
    /// Its strategy.
    pub strategy: StrategyId,
    /// Its measures, which nobody works towards either.
    pub measures: Vec<MeasureId>,
    /// Partnerships recorded as delivering it that are not at work (closed, removed...).
    pub only_by_inactive: Vec<PartnershipId>,
}

impl Evidence for UndeliveredObjective {
    fn records(&self) -> Vec<RecordKey> {
        let mut records = vec![
            RecordKey::Objective(self.objective),
            RecordKey::Strategy(self.strategy),
        ];
        records.extend(self.measures.iter().copied().map(RecordKey::Measure));
        records.extend(
            self.only_by_inactive
                .iter()
                .copied()
                .map(RecordKey::Partnership),
        );
        records
    }
}

/// A partnership at work that delivers no objective, supports no corporate priority, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnlinkedPartnership {
    /// The partnership.
    pub partnership: PartnershipId,
    /// It delivers no strategy objective.
    pub no_objective: bool,
    /// It supports no corporate priority.
    pub no_priority: bool,
}

impl Evidence for UnlinkedPartnership {
    fn records(&self) -> Vec<RecordKey> {
        vec![RecordKey::Partnership(self.partnership)]
    }
}

/// An objective several partnerships at work deliver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedObjective {
    /// The objective.
    pub objective: ObjectiveId,
    /// Its strategy.
    pub strategy: StrategyId,
    /// The partnerships at work delivering it, by identifier.
    pub partnerships: Vec<PartnershipId>,
}

impl Evidence for SharedObjective {
    fn records(&self) -> Vec<RecordKey> {
        let mut records: Vec<RecordKey> = self
            .partnerships
            .iter()
            .copied()
            .map(RecordKey::Partnership)
            .collect();
        records.push(RecordKey::Objective(self.objective));
        records
    }
}

/// The three answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conformity {
    /// Objectives nobody at work delivers, by strategy then objective.
    pub undelivered: Vec<UndeliveredObjective>,
    /// Partnerships at work linked to no objective or no priority, by identifier.
    pub unlinked: Vec<UnlinkedPartnership>,
    /// Objectives several partnerships deliver, most partnerships first.
    pub shared: Vec<SharedObjective>,
}

impl Conformity {
    /// Measures of undelivered objectives: nobody works towards them.
    pub fn undelivered_measures(&self) -> usize {
        self.undelivered.iter().map(|u| u.measures.len()).sum()
    }
}

/// Conformity of the register's partnerships with its strategies.
pub fn conformity(register: &Register, settings: &ConformitySettings) -> Conformity {
    let mut active_deliverers: BTreeMap<ObjectiveId, Vec<PartnershipId>> = BTreeMap::new();
    let mut inactive_deliverers: BTreeMap<ObjectiveId, Vec<PartnershipId>> = BTreeMap::new();
    let mut delivering: BTreeMap<PartnershipId, usize> = BTreeMap::new();
    for delivery in register.objective_deliveries.values() {
        let Some(partnership) = register.partnerships.get(&delivery.partnership) else {
            continue;
        };
        if is_active(partnership.status) {
            active_deliverers
                .entry(delivery.objective)
                .or_default()
                .push(delivery.partnership);
            *delivering.entry(delivery.partnership).or_default() += 1;
        } else {
            inactive_deliverers
                .entry(delivery.objective)
                .or_default()
                .push(delivery.partnership);
        }
    }
    let mut measures: BTreeMap<ObjectiveId, Vec<MeasureId>> = BTreeMap::new();
    for measure in register.measures.values() {
        measures
            .entry(measure.objective)
            .or_default()
            .push(measure.id);
    }
    let mut undelivered: Vec<UndeliveredObjective> = register
        .objectives
        .values()
        .filter(|objective| !active_deliverers.contains_key(&objective.id))
        .map(|objective| UndeliveredObjective {
            objective: objective.id,
            strategy: objective.strategy,
            measures: measures.get(&objective.id).cloned().unwrap_or_default(),
            only_by_inactive: inactive_deliverers
                .get(&objective.id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    undelivered.sort_by_key(|u| (u.strategy, u.objective));
    let prioritised: std::collections::BTreeSet<PartnershipId> = register
        .priority_tags
        .values()
        .map(|tag| tag.partnership)
        .collect();
    let unlinked = register
        .partnerships
        .values()
        .filter(|p| is_active(p.status))
        .map(|p| UnlinkedPartnership {
            partnership: p.id,
            no_objective: !delivering.contains_key(&p.id),
            no_priority: !prioritised.contains(&p.id),
        })
        .filter(|u| u.no_objective || u.no_priority)
        .collect();
    let mut shared: Vec<SharedObjective> = active_deliverers
        .into_iter()
        .filter(|(_, partnerships)| partnerships.len() >= settings.shared_from.max(2))
        .filter_map(|(objective, partnerships)| {
            Some(SharedObjective {
                objective,
                strategy: register.objectives.get(&objective)?.strategy,
                partnerships,
            })
        })
        .collect();
    shared.sort_by(|a, b| {
        b.partnerships
            .len()
            .cmp(&a.partnerships.len())
            .then(a.objective.cmp(&b.objective))
    });
    Conformity {
        undelivered,
        unlinked,
        shared,
    }
}
