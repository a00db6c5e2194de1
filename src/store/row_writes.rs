//! Writing records as rows: insert, update (the row must be there) and delete, each with its
//! checksum, inside the caller's transaction. A broken rule (a link to nothing) means file and
//! memory disagree; any other failure is the drive or the disk.

use std::path::PathBuf;

use rusqlite::Transaction;
use rusqlite::types::Value;

use super::StoreError;
use super::rows::{self, key_columns, table_of};
use crate::model::{Edit, EntityKind, Record};

/// Writes one leaf of an edit (a batch's leaves are written one by one by the caller).
pub(super) fn write_leaf(transaction: &Transaction<'_>, leaf: &Edit) -> Result<(), StoreError> {
    match leaf {
        Edit::Insert(record) => insert_row(transaction, record),
        Edit::Update { after, .. } => update_row(transaction, after),
        Edit::Delete(record) => delete_row(transaction, record),
        Edit::Batch { .. } => Ok(()),
    }
}

fn sql_error(error: rusqlite::Error) -> StoreError {
    StoreError::OutOfStep(error.to_string())
}

/// Inserts `record`'s row.
pub(super) fn insert_row(transaction: &Transaction<'_>, record: &Record) -> Result<(), StoreError> {
    let row = rows::row_of(record)?;
    let names: Vec<&str> = row
        .key
        .iter()
        .chain(row.columns.iter())
        .map(|(name, _)| *name)
        .collect();
    let mut values: Vec<Value> = row
        .key
        .into_iter()
        .chain(row.columns)
        .map(|(_, value)| value)
        .collect();
    values.push(Value::Text(row.data));
    values.push(Value::Integer(row.checksum));
    let placeholders = vec!["?"; values.len()].join(", ");
    let sql = format!(
        "INSERT INTO {} ({}, data, checksum) VALUES ({placeholders})",
        row.table,
        names.join(", ")
    );
    run(transaction, &sql, values)?;
    Ok(())
}

fn update_row(transaction: &Transaction<'_>, record: &Record) -> Result<(), StoreError> {
    if record.kind() == EntityKind::Settings {
        // Settings are one row that may not be there yet in a brand-new file.
        let exists: bool = transaction
            .query_row("SELECT count(*) FROM settings WHERE id = 1", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|count| count > 0)
            .map_err(sql_error)?;
        if !exists {
            return insert_row(transaction, record);
        }
    }
    let row = rows::row_of(record)?;
    let mut sets = assignments(&row.columns);
    sets.extend(["data = ?".to_string(), "checksum = ?".to_string()]);
    let wheres = assignments(&row.key);
    let mut values: Vec<Value> = row.columns.into_iter().map(|(_, value)| value).collect();
    values.push(Value::Text(row.data));
    values.push(Value::Integer(row.checksum));
    values.extend(row.key.into_iter().map(|(_, value)| value));
    let sql = format!(
        "UPDATE {} SET {} WHERE {}",
        row.table,
        sets.join(", "),
        wheres.join(" AND ")
    );
    let changed = run(transaction, &sql, values)?;
    one_row(changed, record, "change")
}

fn delete_row(transaction: &Transaction<'_>, record: &Record) -> Result<(), StoreError> {
    let key = key_columns(&record.key());
    let wheres = assignments(&key);
    let values: Vec<Value> = key.into_iter().map(|(_, value)| value).collect();
    let sql = format!(
        "DELETE FROM {} WHERE {}",
        table_of(record.kind()),
        wheres.join(" AND ")
    );
    let changed = run(transaction, &sql, values)?;
    one_row(changed, record, "delete")
}

/// Runs one statement with `values`; how many rows it changed.
fn run(transaction: &Transaction<'_>, sql: &str, values: Vec<Value>) -> Result<usize, StoreError> {
    let mut statement = transaction.prepare_cached(sql).map_err(sql_error)?;
    statement
        .execute(rusqlite::params_from_iter(values))
        .map_err(|error| classify_write_error(error, transaction))
}

/// An update or delete must find the record's row: none means file and memory disagree.
fn one_row(changed: usize, record: &Record, to: &str) -> Result<(), StoreError> {
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::OutOfStep(format!(
            "the {} to {to} is not in the file",
            record.kind().label()
        )))
    }
}

/// `name = ?` for each column, for SET and WHERE.
fn assignments<V>(columns: &[(&str, V)]) -> Vec<String> {
    columns
        .iter()
        .map(|(name, _)| format!("{name} = ?"))
        .collect()
}

/// A failed statement: a broken rule means file and memory disagree; anything else is the
/// drive or the disk, reported as such.
fn classify_write_error(error: rusqlite::Error, transaction: &Transaction<'_>) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::OutOfStep(error.to_string()),
        _ => {
            let path = transaction.path().map(PathBuf::from).unwrap_or_default();
            StoreError::from_sqlite(&path, error)
        }
    }
}
