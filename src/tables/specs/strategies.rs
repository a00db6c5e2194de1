//! Strategies: the documents, their objectives and measures, and which partnerships deliver
//! which objective.

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

/// The strategy documents table.
pub fn strategies() -> TableSpec<Strategy> {
    TableSpec {
        id: "strategies",
        noun: "strategy",
        columns: vec![
            Column::name(
                "title",
                "Title",
                "A strategy's title",
                |r| &r.title,
                |r, v| r.title = v,
            ),
            Column::optional_link(
                "owner",
                "Owner",
                LinkTarget::Organisation,
                |r: &Strategy| r.owner.map(|o| o.0),
                |r, v| r.owner = v.map(OrganisationId),
            ),
            Column::date(
                "published",
                "Published",
                |r| r.published,
                |r, v| r.published = v,
            ),
            Column::text("period", "Period", |r| &r.period, |r, v| r.period = v),
            Column::text("link", "Link", |r| &r.link, |r, v| r.link = v),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = StrategyId(id))),
        new_record: |register, _| {
            Ok(Strategy {
                id: StrategyId::next_in(&register.strategies),
                title: "New strategy".to_string(),
                ..Strategy::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// The objectives table.
pub fn objectives() -> TableSpec<Objective> {
    TableSpec {
        id: "objectives",
        noun: "objective",
        columns: vec![
            Column::link(
                "strategy",
                "Strategy",
                LinkTarget::Strategy,
                |r: &Objective| Some(r.strategy.0),
                |r, v| r.strategy = StrategyId(v.unwrap_or_default()),
            ),
            Column::text(
                "reference",
                "Reference",
                |r| &r.reference,
                |r, v| r.reference = v,
            ),
            Column::name(
                "text",
                "Objective",
                "An objective",
                |r| &r.text,
                |r, v| r.text = v,
            ),
        ],
        name_column: Some(2),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = ObjectiveId(id))),
        new_record: |register, _| {
            Ok(Objective {
                id: ObjectiveId::next_in(&register.objectives),
                strategy: super::first_key(&register.strategies, "a strategy")?,
                text: "New objective".to_string(),
                ..Objective::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// The measures table.
pub fn measures() -> TableSpec<Measure> {
    TableSpec {
        id: "measures",
        noun: "measure",
        columns: vec![
            Column::link(
                "objective",
                "Objective",
                LinkTarget::Objective,
                |r: &Measure| Some(r.objective.0),
                |r, v| r.objective = ObjectiveId(v.unwrap_or_default()),
            ),
            Column::name(
                "name",
                "Measure",
                "A measure's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::text("unit", "Unit", |r| &r.unit, |r, v| r.unit = v),
            Column::text(
                "baseline",
                "Baseline",
                |r| &r.baseline,
                |r, v| r.baseline = v,
            ),
            Column::text("target", "Target", |r| &r.target, |r, v| r.target = v),
            Column::text("latest", "Latest", |r| &r.latest, |r, v| r.latest = v),
            Column::choice("rag", "RAG", |r: &Measure| r.rag, |r, v| r.rag = v),
        ],
        name_column: Some(1),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = MeasureId(id))),
        new_record: |register, _| {
            Ok(Measure {
                id: MeasureId::next_in(&register.measures),
                objective: super::first_key(&register.objectives, "an objective")?,
                name: "New measure".to_string(),
                ..Measure::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// Which partnership delivers which objective.
pub fn objective_deliveries() -> TableSpec<ObjectiveDelivery> {
    TableSpec {
        id: "objective_deliveries",
        noun: "delivering partnership",
        columns: vec![
            Column::link(
                "objective",
                "Objective",
                LinkTarget::Objective,
                |r: &ObjectiveDelivery| Some(r.objective.0),
                |r, v| r.objective = ObjectiveId(v.unwrap_or_default()),
            ),
            Column::link(
                "partnership",
                "Delivered by",
                LinkTarget::Partnership,
                |r: &ObjectiveDelivery| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
        ],
        name_column: None,
        numeric_id: None,
        new_record: |register, current| {
            let partnership = super::partnership_for_new_row(register, current)?;
            let objective = register
                .objectives
                .keys()
                .copied()
                .find(|o| {
                    !register
                        .objective_deliveries
                        .contains_key(&(partnership, *o))
                })
                .ok_or_else(|| {
                    InvalidValue(
                        "Add an objective first (this partnership delivers every one)".to_string(),
                    )
                })?;
            Ok(ObjectiveDelivery {
                partnership,
                objective,
            })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
