//! The audit log: who changed what, when, from what to what. Internal audit asks for it.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

use crate::model::{Edit, Record};
use crate::platform;

/// Why an edit was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditOrigin {
    /// A change the user made.
    Edit,
    /// Undoing an earlier change.
    Undo,
    /// Redoing an undone change.
    Redo,
    /// Rows brought in from a spreadsheet (the step's description names the file).
    Import,
    /// Records brought in from another register (the step's description names its file).
    Merge,
    /// A returned questionnaire's answers (the step's description names its file).
    Questionnaire,
}

impl EditOrigin {
    fn code(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Undo => "undo",
            Self::Redo => "redo",
            Self::Import => "import",
            Self::Merge => "merge",
            Self::Questionnaire => "questionnaire",
        }
    }
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Changes written together share a step.
    pub step: i64,
    /// Local time, ISO 8601 with offset.
    pub at: String,
    /// The operating system's user name.
    pub user_name: String,
    /// The computer's name.
    pub machine: String,
    /// "edit", "undo", "redo", "import", "merge" or "questionnaire".
    pub origin: String,
    /// The step in words ("Change partnership “LSP Board”").
    pub description: String,
    /// "add", "change" or "delete".
    pub action: String,
    /// The kind of record.
    pub entity: String,
    /// Its key, as JSON.
    pub entity_key: String,
    /// The record before, as JSON.
    pub before: Option<String>,
    /// The record after, as JSON.
    pub after: Option<String>,
}

/// What every row of one step shares.
pub(super) struct AuditContext {
    step: i64,
    at: String,
    user_name: String,
    machine: String,
    origin: EditOrigin,
    description: String,
}

impl AuditContext {
    pub(super) fn now(step: i64, origin: EditOrigin, description: String) -> Self {
        Self {
            step,
            at: chrono::Local::now()
                .format("%Y-%m-%dT%H:%M:%S%:z")
                .to_string(),
            user_name: platform::user_name(),
            machine: platform::machine_name(),
            origin,
            description,
        }
    }
}

pub(super) fn next_step(transaction: &Transaction<'_>) -> rusqlite::Result<i64> {
    transaction.query_row(
        "SELECT coalesce(max(step), 0) + 1 FROM audit_log",
        [],
        |row| row.get(0),
    )
}

/// The record as the audit log keeps it: snapshots without their (large) content.
fn audit_json(record: &Record) -> String {
    let result = match record {
        Record::Snapshot(snapshot) => {
            let mut short = snapshot.clone();
            short.content = format!("({} bytes of register content)", snapshot.content.len());
            serde_json::to_string(&Record::Snapshot(short))
        }
        other => serde_json::to_string(other),
    };
    result.unwrap_or_else(|error| format!("(not recorded: {error})"))
}

pub(super) fn record(
    transaction: &Transaction<'_>,
    context: &AuditContext,
    leaf: &Edit,
) -> rusqlite::Result<()> {
    let (action, key_record, before, after) = match leaf {
        Edit::Insert(record) => ("add", record, None, Some(audit_json(record))),
        Edit::Update { before, after } => (
            "change",
            after,
            Some(audit_json(before)),
            Some(audit_json(after)),
        ),
        Edit::Delete(record) => ("delete", record, Some(audit_json(record)), None),
        Edit::Batch { .. } => return Ok(()),
    };
    let entity_key = serde_json::to_string(&key_record.key()).unwrap_or_default();
    insert(
        transaction,
        context,
        action,
        key_record.kind().label(),
        &entity_key,
        before,
        after,
    )
}

pub(super) fn record_creation(
    transaction: &Transaction<'_>,
    context: &AuditContext,
) -> rusqlite::Result<()> {
    insert(
        transaction,
        context,
        "create",
        "register",
        "null",
        None,
        None,
    )
}

fn insert(
    transaction: &Transaction<'_>,
    context: &AuditContext,
    action: &str,
    entity: &str,
    entity_key: &str,
    before: Option<String>,
    after: Option<String>,
) -> rusqlite::Result<()> {
    let mut statement = transaction.prepare_cached(
        "INSERT INTO audit_log (step, at, user_name, machine, origin, description, action, \
         entity, entity_key, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    statement.execute(params![
        context.step,
        context.at,
        context.user_name,
        context.machine,
        context.origin.code(),
        context.description,
        action,
        entity,
        entity_key,
        before,
        after,
    ])?;
    Ok(())
}

/// One row of the audit log as stored, for copying it whole into a clean copy.
#[derive(Debug, Clone)]
pub(super) struct AuditRow {
    values: Vec<rusqlite::types::Value>,
}

const AUDIT_COLUMNS: &str =
    "step, at, user_name, machine, origin, description, action, entity, entity_key, before, after";

/// Every row of the audit log, oldest first.
pub(super) fn all_rows(connection: &Connection) -> rusqlite::Result<Vec<AuditRow>> {
    let mut statement = connection.prepare(&format!(
        "SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id"
    ))?;
    let rows = statement.query_map([], |row| {
        Ok(AuditRow {
            values: (0..11)
                .map(|index| row.get::<_, rusqlite::types::Value>(index))
                .collect::<rusqlite::Result<_>>()?,
        })
    })?;
    rows.collect()
}

/// Writes a row copied with [`all_rows`].
pub(super) fn insert_row(transaction: &Transaction<'_>, row: &AuditRow) -> rusqlite::Result<()> {
    let mut statement = transaction.prepare_cached(&format!(
        "INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ))?;
    statement.execute(rusqlite::params_from_iter(row.values.iter()))?;
    Ok(())
}

/// The row that says a register is a clean copy of another file.
pub(super) fn record_clean_copy(
    transaction: &Transaction<'_>,
    context: &AuditContext,
) -> rusqlite::Result<()> {
    insert(
        transaction,
        context,
        "clean copy",
        "register",
        "null",
        None,
        None,
    )
}

pub(super) fn newest(connection: &Connection, limit: usize) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut statement = connection.prepare(
        "SELECT step, at, user_name, machine, origin, description, action, entity, entity_key, \
         before, after FROM audit_log ORDER BY id DESC LIMIT ?",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = statement.query_map([limit], |row| {
        Ok(AuditEntry {
            step: row.get(0)?,
            at: row.get(1)?,
            user_name: row.get(2)?,
            machine: row.get(3)?,
            origin: row.get(4)?,
            description: row.get(5)?,
            action: row.get(6)?,
            entity: row.get(7)?,
            entity_key: row.get(8)?,
            before: row.get(9)?,
            after: row.get(10)?,
        })
    })?;
    rows.collect()
}
