//! The one check every open makes, for editing and for reading alike (so `check`, the exports
//! and the window always agree): on a hardened connection with a work budget, the file's
//! version, its schema against this build's (`schema_check`), SQLite's integrity check, that it
//! was ever finished (every register's audit log has its creation row), and every record and
//! link (`load`).

use std::path::Path;

use rusqlite::Connection;

use super::StoreError;
use super::guard::WorkBudget;
use super::header::HeaderFacts;
use super::load::load_register;
use super::schema::newest_version;
use super::schema_check::check_schema;
use crate::model::Register;

/// A register that passed the checks (records may still have findings: see `findings`).
pub(super) struct Verified {
    /// The register as read.
    pub register: Register,
    /// The file's schema version (what SQLite reads, WAL included).
    pub version: u32,
    /// Damaged records and broken links, in plain words.
    pub findings: Vec<String>,
    /// Rows in the audit log.
    pub audit_entries: u64,
    /// What the schema check found that a clean copy leaves out (only with
    /// [`SchemaRule::TablesSound`]).
    pub left_out: Vec<String>,
}

/// How strictly the schema must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SchemaRule {
    /// Exactly a register's schema.
    Exact,
    /// Every table a register has, as made; anything else is left out (a clean copy).
    TablesSound,
}

/// Checks and reads the database of `connection`, reporting about `path`.
pub(super) fn verify(
    connection: &mut Connection,
    path: &Path,
    header: HeaderFacts,
    file_bytes: u64,
    rule: SchemaRule,
) -> Result<Verified, StoreError> {
    let sqlite = |error| StoreError::from_sqlite(path, error);
    WorkBudget::set(connection, file_bytes).map_err(sqlite)?;
    let result = verify_within_budget(connection, path, header, rule);
    WorkBudget::lift(connection).map_err(sqlite)?;
    result
}

fn verify_within_budget(
    connection: &Connection,
    path: &Path,
    header: HeaderFacts,
    rule: SchemaRule,
) -> Result<Verified, StoreError> {
    let sqlite = |error| StoreError::from_sqlite(path, error);
    let version: u32 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(sqlite)?;
    if version > newest_version() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: newest_version(),
        });
    }
    if version < header.user_version {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "the file's version went backwards".to_string(),
            source: None,
        });
    }
    let schema = check_schema(connection, version).map_err(sqlite)?;
    let left_out = match rule {
        _ if schema.is_sound() => Vec::new(),
        SchemaRule::TablesSound if schema.clean_copy_possible => schema.findings,
        _ => {
            return Err(StoreError::ForeignSchema {
                path: path.to_path_buf(),
                clean_copy_possible: schema.clean_copy_possible,
                findings: schema.findings,
            });
        }
    };
    if version == 0 {
        // No tables at all: a register whose making never got as far as its schema.
        return Err(StoreError::Unfinished(path.to_path_buf()));
    }
    let integrity: Vec<String> = {
        let mut statement = connection
            .prepare("PRAGMA integrity_check(20)")
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(sqlite)?;
        rows.collect::<Result<_, _>>().map_err(sqlite)?
    };
    if integrity != ["ok"] {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: integrity.join("; "),
            source: None,
        });
    }
    let audit_entries: i64 = connection
        .query_row("SELECT count(*) FROM audit_log", [], |row| row.get(0))
        .map_err(sqlite)?;
    let mut loaded = load_register(connection).map_err(sqlite)?;
    if audit_entries == 0 {
        // Every register is made with its records and its creation row in one transaction: no
        // audit row and no record is a register whose making stopped between its schema and
        // its records (an older version); records without any audit row were changed since.
        if loaded.register.records().count() <= 1 {
            return Err(StoreError::Unfinished(path.to_path_buf()));
        }
        loaded
            .findings
            .push("its audit log is empty: every register's starts when it is made".to_string());
    }
    Ok(Verified {
        register: loaded.register,
        version,
        findings: loaded.findings,
        audit_entries: u64::try_from(audit_entries).unwrap_or_default(),
        left_out,
    })
}
