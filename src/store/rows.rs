//! How each kind of record maps to its table: key columns, link columns and the JSON `data`.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use crate::model::*;

/// One record as the store writes it.
pub(super) struct Row {
    pub table: &'static str,
    /// Columns that identify the row.
    pub key: Vec<(&'static str, Value)>,
    /// Other real columns: the name and the links to other rows.
    pub columns: Vec<(&'static str, Value)>,
    /// The whole record as JSON.
    pub data: String,
}

fn id(value: i64) -> Value {
    Value::Integer(value)
}

fn optional(value: Option<i64>) -> Value {
    value.map_or(Value::Null, Value::Integer)
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn json<T: Serialize>(record: &T) -> Result<String, StoreError> {
    serde_json::to_string(record).map_err(|error| StoreError::OutOfStep(error.to_string()))
}

/// The table that holds records of `kind`.
pub(super) fn table_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Settings => "settings",
        EntityKind::Partnership => "partnerships",
        EntityKind::Relationship => "relationships",
        EntityKind::Organisation => "organisations",
        EntityKind::Membership => "memberships",
        EntityKind::Person => "people",
        EntityKind::Representation => "representations",
        EntityKind::ReportBackRoute => "report_back_routes",
        EntityKind::Contribution => "contributions",
        EntityKind::Theme => "themes",
        EntityKind::Priority => "priorities",
        EntityKind::ThemeTag => "theme_tags",
        EntityKind::PriorityTag => "priority_tags",
        EntityKind::Strategy => "strategies",
        EntityKind::Objective => "objectives",
        EntityKind::Measure => "measures",
        EntityKind::ObjectiveDelivery => "objective_deliveries",
        EntityKind::Action => "actions",
        EntityKind::Assessment => "assessments",
        EntityKind::View => "views",
        EntityKind::NodePosition => "node_positions",
        EntityKind::Snapshot => "snapshots",
        EntityKind::ScoringScheme => "scoring_schemes",
    }
}

/// The key columns of the row for `key`.
pub(super) fn key_columns(key: &RecordKey) -> Vec<(&'static str, Value)> {
    match *key {
        RecordKey::Settings => vec![("id", id(1))],
        RecordKey::Partnership(k) => vec![("id", id(k.0))],
        RecordKey::Relationship(k) => vec![("id", id(k.0))],
        RecordKey::Organisation(k) => vec![("id", id(k.0))],
        RecordKey::Membership(k) => vec![("id", id(k.0))],
        RecordKey::Person(k) => vec![("id", id(k.0))],
        RecordKey::Representation(k) => vec![("id", id(k.0))],
        RecordKey::ReportBackRoute(k) => vec![("id", id(k.0))],
        RecordKey::Contribution(k) => vec![("id", id(k.0))],
        RecordKey::Theme(k) => vec![("id", id(k.0))],
        RecordKey::Priority(k) => vec![("id", id(k.0))],
        RecordKey::ThemeTag((p, t)) => vec![("partnership_id", id(p.0)), ("theme_id", id(t.0))],
        RecordKey::PriorityTag((p, t)) => {
            vec![("partnership_id", id(p.0)), ("priority_id", id(t.0))]
        }
        RecordKey::Strategy(k) => vec![("id", id(k.0))],
        RecordKey::Objective(k) => vec![("id", id(k.0))],
        RecordKey::Measure(k) => vec![("id", id(k.0))],
        RecordKey::ObjectiveDelivery((p, o)) => {
            vec![("partnership_id", id(p.0)), ("objective_id", id(o.0))]
        }
        RecordKey::Action(k) => vec![("id", id(k.0))],
        RecordKey::Assessment(k) => vec![("id", id(k.0))],
        RecordKey::View(k) => vec![("id", id(k.0))],
        RecordKey::NodePosition((view, node)) => {
            let (kind, node_id) = match node {
                NodeRef::Partnership(p) => ("partnership", p.0),
                NodeRef::Organisation(o) => ("organisation", o.0),
            };
            vec![
                ("view_id", id(view.0)),
                ("node_kind", text(kind)),
                ("node_id", id(node_id)),
            ]
        }
        RecordKey::Snapshot(k) => vec![("id", id(k.0))],
        RecordKey::ScoringScheme(version) => vec![("version", id(i64::from(version)))],
    }
}

/// The row that stores `record`.
pub(super) fn row_of(record: &Record) -> Result<Row, StoreError> {
    let (columns, data) = match record {
        Record::Settings(r) => (
            vec![(
                "council_organisation_id",
                optional(r.council_organisation.map(|o| o.0)),
            )],
            json(r)?,
        ),
        Record::Partnership(r) => (
            vec![
                ("name", text(&r.name)),
                (
                    "responsible_officer_id",
                    optional(r.responsible_officer.map(|p| p.0)),
                ),
                (
                    "accountable_body_id",
                    optional(r.accountable_body.map(|o| o.0)),
                ),
            ],
            json(r)?,
        ),
        Record::Relationship(r) => (
            vec![("from_id", id(r.from.0)), ("to_id", id(r.to.0))],
            json(r)?,
        ),
        Record::Organisation(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::Membership(r) => (
            vec![
                ("partnership_id", id(r.partnership.0)),
                ("organisation_id", id(r.organisation.0)),
            ],
            json(r)?,
        ),
        Record::Person(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::Representation(r) => (
            vec![
                ("person_id", id(r.person.0)),
                ("partnership_id", id(r.partnership.0)),
            ],
            json(r)?,
        ),
        Record::ReportBackRoute(r) => (
            vec![("representation_id", id(r.representation.0))],
            json(r)?,
        ),
        Record::Contribution(r) => (vec![("partnership_id", id(r.partnership.0))], json(r)?),
        Record::Theme(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::Priority(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::ThemeTag(r) => (Vec::new(), json(r)?),
        Record::PriorityTag(r) => (Vec::new(), json(r)?),
        Record::Strategy(r) => (
            vec![
                ("name", text(&r.title)),
                ("owner_id", optional(r.owner.map(|o| o.0))),
            ],
            json(r)?,
        ),
        Record::Objective(r) => (vec![("strategy_id", id(r.strategy.0))], json(r)?),
        Record::Measure(r) => (vec![("objective_id", id(r.objective.0))], json(r)?),
        Record::ObjectiveDelivery(r) => (Vec::new(), json(r)?),
        Record::Action(r) => (
            vec![
                ("partnership_id", optional(r.partnership.map(|p| p.0))),
                ("owner_id", optional(r.owner.map(|p| p.0))),
            ],
            json(r)?,
        ),
        Record::Assessment(r) => (
            vec![
                ("partnership_id", id(r.partnership.0)),
                (
                    "scheme_version",
                    optional((r.scheme_version > 0).then_some(i64::from(r.scheme_version))),
                ),
            ],
            json(r)?,
        ),
        Record::View(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::NodePosition(r) => {
            let (partnership, organisation) = match r.node {
                NodeRef::Partnership(p) => (Some(p.0), None),
                NodeRef::Organisation(o) => (None, Some(o.0)),
            };
            (
                vec![
                    ("partnership_id", optional(partnership)),
                    ("organisation_id", optional(organisation)),
                ],
                json(r)?,
            )
        }
        Record::Snapshot(r) => (vec![("name", text(&r.name))], json(r)?),
        Record::ScoringScheme(r) => (vec![("name", text(&r.name))], json(r)?),
    };
    Ok(Row {
        table: table_of(record.kind()),
        key: key_columns(&record.key()),
        columns,
        data,
    })
}

/// Reads every row of `table` into `map`.
fn load_table<T>(
    connection: &rusqlite::Connection,
    kind: EntityKind,
    map: &mut BTreeMap<T::Key, T>,
) -> Result<(), StoreError>
where
    T: Entity + DeserializeOwned,
{
    let bad = |detail: String| StoreError::BadRecord {
        entity: kind.label(),
        detail,
    };
    let sql = format!("SELECT data FROM {}", table_of(kind));
    let mut statement = connection
        .prepare(&sql)
        .map_err(|error| bad(error.to_string()))?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(|error| bad(error.to_string()))?;
    for data in rows {
        let data = data.map_err(|error| bad(error.to_string()))?;
        let record: T = serde_json::from_str(&data).map_err(|error| bad(error.to_string()))?;
        map.insert(record.key(), record);
    }
    Ok(())
}

/// Whether the file has a table of this name.
fn table_exists(connection: &rusqlite::Connection, table: &str) -> Result<bool, StoreError> {
    connection
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get::<_, i64>(0),
        )
        .map(|count| count > 0)
        .map_err(|error| StoreError::BadRecord {
            entity: "register",
            detail: error.to_string(),
        })
}

/// Reads the whole register.
pub(super) fn load_register(connection: &rusqlite::Connection) -> Result<Register, StoreError> {
    let mut register = Register::default();
    let settings: Option<String> = connection
        .query_row("SELECT data FROM settings WHERE id = 1", [], |row| {
            row.get(0)
        })
        .map(Some)
        .or_else(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })
        .map_err(|error| StoreError::BadRecord {
            entity: "register settings",
            detail: error.to_string(),
        })?;
    if let Some(settings) = settings {
        register.settings =
            serde_json::from_str(&settings).map_err(|error| StoreError::BadRecord {
                entity: "register settings",
                detail: error.to_string(),
            })?;
    }
    load_table(
        connection,
        EntityKind::Partnership,
        &mut register.partnerships,
    )?;
    load_table(
        connection,
        EntityKind::Relationship,
        &mut register.relationships,
    )?;
    load_table(
        connection,
        EntityKind::Organisation,
        &mut register.organisations,
    )?;
    load_table(
        connection,
        EntityKind::Membership,
        &mut register.memberships,
    )?;
    load_table(connection, EntityKind::Person, &mut register.people)?;
    load_table(
        connection,
        EntityKind::Representation,
        &mut register.representations,
    )?;
    load_table(
        connection,
        EntityKind::Contribution,
        &mut register.contributions,
    )?;
    load_table(connection, EntityKind::Theme, &mut register.themes)?;
    load_table(connection, EntityKind::Priority, &mut register.priorities)?;
    load_table(connection, EntityKind::ThemeTag, &mut register.theme_tags)?;
    load_table(
        connection,
        EntityKind::PriorityTag,
        &mut register.priority_tags,
    )?;
    load_table(connection, EntityKind::Strategy, &mut register.strategies)?;
    load_table(connection, EntityKind::Objective, &mut register.objectives)?;
    load_table(connection, EntityKind::Measure, &mut register.measures)?;
    load_table(
        connection,
        EntityKind::ObjectiveDelivery,
        &mut register.objective_deliveries,
    )?;
    load_table(connection, EntityKind::Action, &mut register.actions)?;
    load_table(
        connection,
        EntityKind::Assessment,
        &mut register.assessments,
    )?;
    load_table(connection, EntityKind::View, &mut register.views)?;
    load_table(
        connection,
        EntityKind::NodePosition,
        &mut register.node_positions,
    )?;
    load_table(connection, EntityKind::Snapshot, &mut register.snapshots)?;
    // Likewise, a file older than migration 4 has no report-back routes.
    if table_exists(connection, table_of(EntityKind::ReportBackRoute))? {
        load_table(
            connection,
            EntityKind::ReportBackRoute,
            &mut register.report_back_routes,
        )?;
    }
    // `Store::check` reads files without migrating them: one older than migration 3 has no
    // scoring schemes table, and so no schemes.
    if table_exists(connection, table_of(EntityKind::ScoringScheme))? {
        load_table(
            connection,
            EntityKind::ScoringScheme,
            &mut register.scoring_schemes,
        )?;
    }
    Ok(register)
}
