//! How each kind of record maps to its table: key columns, link columns, the JSON `data` and
//! its `checksum`. Reading them back, checked, is `load.rs`; writing them is `row_writes.rs`.

use rusqlite::types::Value;
use serde::Serialize;

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
    /// [`checksum`] of `data`, stored beside it.
    pub checksum: i64,
}

/// The checksum stored with a record's JSON: its CRC-32. SQLite has no page checksums, so
/// this is how a byte changed inside a record (a failing disk, a bad copy) is found instead of
/// being read as truth.
pub(super) fn checksum(data: &str) -> i64 {
    i64::from(crc32fast::hash(data.as_bytes()))
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
        EntityKind::Round => "rounds",
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
        RecordKey::Round(k) => vec![("id", id(k.0))],
        RecordKey::ScoringScheme(version) => vec![("version", id(i64::from(version)))],
    }
}

/// The row that stores `record`.
pub(super) fn row_of(record: &Record) -> Result<Row, StoreError> {
    let data = record_json(record)?;
    Ok(Row {
        table: table_of(record.kind()),
        key: key_columns(&record.key()),
        columns: link_columns(record),
        checksum: checksum(&data),
        data,
    })
}

fn record_json(record: &Record) -> Result<String, StoreError> {
    match record {
        Record::Settings(r) => json(r),
        Record::Partnership(r) => json(r),
        Record::Relationship(r) => json(r),
        Record::Organisation(r) => json(r),
        Record::Membership(r) => json(r),
        Record::Person(r) => json(r),
        Record::Representation(r) => json(r),
        Record::ReportBackRoute(r) => json(r),
        Record::Contribution(r) => json(r),
        Record::Theme(r) => json(r),
        Record::Priority(r) => json(r),
        Record::ThemeTag(r) => json(r),
        Record::PriorityTag(r) => json(r),
        Record::Strategy(r) => json(r),
        Record::Objective(r) => json(r),
        Record::Measure(r) => json(r),
        Record::ObjectiveDelivery(r) => json(r),
        Record::Action(r) => json(r),
        Record::Assessment(r) => json(r),
        Record::View(r) => json(r),
        Record::NodePosition(r) => json(r),
        Record::Snapshot(r) => json(r),
        Record::Round(r) => json(r),
        Record::ScoringScheme(r) => json(r),
    }
}

/// The real columns of `record`'s row other than its key: its name and its links.
pub(super) fn link_columns(record: &Record) -> Vec<(&'static str, Value)> {
    match record {
        Record::Settings(r) => vec![(
            "council_organisation_id",
            optional(r.council_organisation.map(|o| o.0)),
        )],
        Record::Partnership(r) => vec![
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
        Record::Relationship(r) => vec![("from_id", id(r.from.0)), ("to_id", id(r.to.0))],
        Record::Organisation(r) => vec![("name", text(&r.name))],
        Record::Membership(r) => vec![
            ("partnership_id", id(r.partnership.0)),
            ("organisation_id", id(r.organisation.0)),
        ],
        Record::Person(r) => vec![("name", text(&r.name))],
        Record::Representation(r) => vec![
            ("person_id", id(r.person.0)),
            ("partnership_id", id(r.partnership.0)),
        ],
        Record::ReportBackRoute(r) => vec![("representation_id", id(r.representation.0))],
        Record::Contribution(r) => vec![("partnership_id", id(r.partnership.0))],
        Record::Theme(r) => vec![("name", text(&r.name))],
        Record::Priority(r) => vec![("name", text(&r.name))],
        Record::ThemeTag(_) => Vec::new(),
        Record::PriorityTag(_) => Vec::new(),
        Record::Strategy(r) => vec![
            ("name", text(&r.title)),
            ("owner_id", optional(r.owner.map(|o| o.0))),
        ],
        Record::Objective(r) => vec![("strategy_id", id(r.strategy.0))],
        Record::Measure(r) => vec![("objective_id", id(r.objective.0))],
        Record::ObjectiveDelivery(_) => Vec::new(),
        Record::Action(r) => vec![
            ("partnership_id", optional(r.partnership.map(|p| p.0))),
            ("owner_id", optional(r.owner.map(|p| p.0))),
        ],
        Record::Assessment(r) => vec![
            ("partnership_id", id(r.partnership.0)),
            (
                "scheme_version",
                optional((r.scheme_version > 0).then_some(i64::from(r.scheme_version))),
            ),
        ],
        Record::View(r) => vec![("name", text(&r.name))],
        Record::NodePosition(r) => {
            let (partnership, organisation) = match r.node {
                NodeRef::Partnership(p) => (Some(p.0), None),
                NodeRef::Organisation(o) => (None, Some(o.0)),
            };
            vec![
                ("partnership_id", optional(partnership)),
                ("organisation_id", optional(organisation)),
            ]
        }
        Record::Snapshot(r) => vec![("name", text(&r.name))],
        Record::Round(r) => vec![("name", text(&r.name))],
        Record::ScoringScheme(r) => vec![("name", text(&r.name))],
    }
}
