//! The register file: the only code in the program that knows SQL.
//!
//! One SQLite file per register. Files are opened defensively (header checked with plain reads
//! first, then an integrity check on a read-only connection, then SQLite's defensive mode with
//! untrusted schema) so a damaged or foreign file is refused without being changed. An open
//! register is held with `locking_mode=EXCLUSIVE` set before WAL is first used: SQLite keeps the
//! WAL index in this process's memory (no `-shm` file, safe on network drives) and no other
//! process can write while we hold it. Every `Edit` is written in one transaction with its audit
//! rows.

mod audit;
mod error;
mod header;
mod rows;
mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use audit::{AuditEntry, EditOrigin};
pub use error::StoreError;
pub use header::APPLICATION_ID;
pub use schema::newest_version;

use crate::model::{Edit, EntityKind, Record, Register};

/// What `check` found in a register file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// The file's schema version.
    pub schema_version: u32,
    /// `PRAGMA integrity_check` said "ok".
    pub integrity_ok: bool,
    /// Records of each kind.
    pub counts: Vec<(EntityKind, usize)>,
    /// Audit log entries.
    pub audit_entries: u64,
}

/// An open register file.
pub struct Store {
    connection: Connection,
    path: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Store {
    /// Creates a new register file at `path` holding `register`. Refuses to overwrite a file.
    pub fn create(path: &Path, register: &Register) -> Result<Self, StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        let result = Self::create_inner(path, register);
        if result.is_err() {
            // A half-made file is worth nothing and would block the next try.
            remove_partial_file(path);
        }
        result
    }

    fn create_inner(path: &Path, register: &Register) -> Result<Self, StoreError> {
        let sqlite = |error| StoreError::from_sqlite(path, error);
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        let mut store = Self {
            connection,
            path: path.to_path_buf(),
            read_only: false,
        };
        store.configure_for_writing()?;
        store
            .connection
            .pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sqlite)?;
        store.migrate(0)?;
        store.write_everything(register)?;
        Ok(store)
    }

    /// Opens an existing register for editing, refusing anything that is not a sound register
    /// of this or an older version (older ones are brought up to date). Returns the register.
    pub fn open(path: &Path) -> Result<(Self, Register), StoreError> {
        let facts = header::check_header(path, newest_version())?;
        verify_read_only(path)?;
        let sqlite = |error| StoreError::from_sqlite(path, error);
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        let mut store = Self {
            connection,
            path: path.to_path_buf(),
            read_only: false,
        };
        store.configure_for_writing()?;
        store.migrate(facts.user_version)?;
        let register = rows::load_register(&store.connection)?;
        Ok((store, register))
    }

    /// Opens a register to read only: nothing will be written to it.
    pub fn open_read_only(path: &Path) -> Result<(Self, Register), StoreError> {
        let facts = header::check_header(path, newest_version())?;
        if facts.user_version != newest_version() {
            // Reading an older file would need its migrations, which write. Say so plainly.
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        let connection = open_checked_read_only(path)?;
        let register = rows::load_register(&connection)?;
        Ok((
            Self {
                connection,
                path: path.to_path_buf(),
                read_only: true,
            },
            register,
        ))
    }

    /// Checks a register file without changing it: version, integrity, counts.
    pub fn check(path: &Path) -> Result<CheckReport, StoreError> {
        let facts = header::check_header(path, newest_version())?;
        let connection = open_checked_read_only(path)?;
        let register = rows::load_register(&connection)?;
        let audit_entries: i64 = connection
            .query_row("SELECT count(*) FROM audit_log", [], |row| {
                row.get::<_, i64>(0)
            })
            .map_err(|error| StoreError::from_sqlite(path, error))?;
        Ok(CheckReport {
            schema_version: facts.user_version,
            integrity_ok: true,
            counts: register.counts(),
            audit_entries: u64::try_from(audit_entries).unwrap_or_default(),
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this store refuses writes.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Writes one edit, and its audit rows, in one transaction.
    pub fn write(&mut self, edit: &Edit, origin: EditOrigin) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        let path = self.path.clone();
        let sqlite = |error| StoreError::from_sqlite(&path, error);
        let transaction = self.connection.transaction().map_err(sqlite)?;
        let step = audit::next_step(&transaction).map_err(sqlite)?;
        let context = audit::AuditContext::now(step, origin, edit.describe());
        for leaf in edit.leaves() {
            write_leaf(&transaction, leaf)?;
            audit::record(&transaction, &context, leaf).map_err(sqlite)?;
        }
        transaction.commit().map_err(sqlite)
    }

    /// Reads the whole register back from the file.
    pub fn load(&self) -> Result<Register, StoreError> {
        rows::load_register(&self.connection)
    }

    /// The newest audit entries, newest first.
    pub fn audit_entries(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        audit::newest(&self.connection, limit).map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// Writes a complete, consistent copy of the register to `destination` (SQLite's backup
    /// API), replacing a file there. The open register stays the one being edited.
    pub fn save_copy_as(&self, destination: &Path) -> Result<(), StoreError> {
        let temporary = destination.with_extension("atlas-partial");
        remove_partial_file(&temporary);
        let result = self
            .connection
            .backup(
                rusqlite::MAIN_DB,
                &temporary,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|error| StoreError::from_sqlite(destination, error))
            .and_then(|()| {
                std::fs::rename(&temporary, destination).map_err(|error| StoreError::Io {
                    path: destination.to_path_buf(),
                    detail: error.to_string(),
                })
            });
        if result.is_err() {
            remove_partial_file(&temporary);
        }
        result
    }

    fn configure_for_writing(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |error| StoreError::from_sqlite(&path, error);
        harden(&self.connection).map_err(sqlite)?;
        self.connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        // Exclusive locking before WAL is first touched: the WAL index then lives in our heap,
        // never in a -shm file that network drives cannot share (ARCHITECTURE.md).
        self.connection
            .pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(sqlite)?;
        self.connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        self.connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        // Take the exclusive lock now, not at the first edit: a second opener learns at once.
        self.connection
            .execute_batch("BEGIN EXCLUSIVE; COMMIT;")
            .map_err(sqlite)?;
        Ok(())
    }

    fn migrate(&mut self, from_version: u32) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |error| StoreError::from_sqlite(&path, error);
        let newest = newest_version();
        if from_version >= newest {
            return Ok(());
        }
        let transaction = self.connection.transaction().map_err(sqlite)?;
        for (index, migration) in schema::MIGRATIONS.iter().enumerate() {
            let version = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if version > from_version {
                transaction.execute_batch(migration).map_err(sqlite)?;
            }
        }
        transaction
            .pragma_update(None, "user_version", newest)
            .map_err(sqlite)?;
        transaction.commit().map_err(sqlite)
    }

    fn write_everything(&mut self, register: &Register) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |error| StoreError::from_sqlite(&path, error);
        let transaction = self.connection.transaction().map_err(sqlite)?;
        for record in register.records() {
            insert_row(&transaction, &record)?;
        }
        let context = audit::AuditContext::now(1, EditOrigin::Edit, "Create register".into());
        audit::record_creation(&transaction, &context).map_err(sqlite)?;
        transaction.commit().map_err(sqlite)
    }
}

/// Turns off what an untrusted file could use against us.
fn harden(connection: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    connection.pragma_update(None, "trusted_schema", false)?;
    Ok(())
}

/// Opens `path` read-only and runs the integrity check; nothing is written to the file.
fn open_checked_read_only(path: &Path) -> Result<Connection, StoreError> {
    let sqlite = |error| StoreError::from_sqlite(path, error);
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    harden(&connection).map_err(sqlite)?;
    let results: Vec<String> = {
        let mut statement = connection
            .prepare("PRAGMA integrity_check(20)")
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(sqlite)?;
        rows.collect::<Result<_, _>>().map_err(sqlite)?
    };
    if results != ["ok"] {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: results.join("; "),
        });
    }
    Ok(connection)
}

/// The integrity check, done on a read-only connection that is closed again before writing.
fn verify_read_only(path: &Path) -> Result<(), StoreError> {
    open_checked_read_only(path).map(drop)
}

fn write_leaf(transaction: &rusqlite::Transaction<'_>, leaf: &Edit) -> Result<(), StoreError> {
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

fn insert_row(transaction: &rusqlite::Transaction<'_>, record: &Record) -> Result<(), StoreError> {
    let row = rows::row_of(record)?;
    let names: Vec<&str> = row
        .key
        .iter()
        .chain(row.columns.iter())
        .map(|(name, _)| *name)
        .collect();
    let mut values: Vec<rusqlite::types::Value> = row
        .key
        .into_iter()
        .chain(row.columns)
        .map(|(_, value)| value)
        .collect();
    values.push(rusqlite::types::Value::Text(row.data));
    let placeholders = vec!["?"; values.len()].join(", ");
    let sql = format!(
        "INSERT INTO {} ({}, data) VALUES ({placeholders})",
        row.table,
        names.join(", ")
    );
    let mut statement = transaction.prepare_cached(&sql).map_err(sql_error)?;
    statement
        .execute(rusqlite::params_from_iter(values))
        .map_err(|error| classify_write_error(error, transaction))?;
    Ok(())
}

fn update_row(transaction: &rusqlite::Transaction<'_>, record: &Record) -> Result<(), StoreError> {
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
    let sets: Vec<String> = row
        .columns
        .iter()
        .map(|(name, _)| format!("{name} = ?"))
        .chain(std::iter::once("data = ?".to_string()))
        .collect();
    let wheres: Vec<String> = row
        .key
        .iter()
        .map(|(name, _)| format!("{name} = ?"))
        .collect();
    let mut values: Vec<rusqlite::types::Value> =
        row.columns.into_iter().map(|(_, value)| value).collect();
    values.push(rusqlite::types::Value::Text(row.data));
    values.extend(row.key.into_iter().map(|(_, value)| value));
    let sql = format!(
        "UPDATE {} SET {} WHERE {}",
        row.table,
        sets.join(", "),
        wheres.join(" AND ")
    );
    let mut statement = transaction.prepare_cached(&sql).map_err(sql_error)?;
    let changed = statement
        .execute(rusqlite::params_from_iter(values))
        .map_err(|error| classify_write_error(error, transaction))?;
    if changed != 1 {
        return Err(StoreError::OutOfStep(format!(
            "the {} to change is not in the file",
            record.kind().label()
        )));
    }
    Ok(())
}

fn delete_row(transaction: &rusqlite::Transaction<'_>, record: &Record) -> Result<(), StoreError> {
    let key = rows::key_columns(&record.key());
    let wheres: Vec<String> = key.iter().map(|(name, _)| format!("{name} = ?")).collect();
    let values: Vec<rusqlite::types::Value> = key.into_iter().map(|(_, value)| value).collect();
    let sql = format!(
        "DELETE FROM {} WHERE {}",
        rows::table_of(record.kind()),
        wheres.join(" AND ")
    );
    let mut statement = transaction.prepare_cached(&sql).map_err(sql_error)?;
    let changed = statement
        .execute(rusqlite::params_from_iter(values))
        .map_err(|error| classify_write_error(error, transaction))?;
    if changed != 1 {
        return Err(StoreError::OutOfStep(format!(
            "the {} to delete is not in the file",
            record.kind().label()
        )));
    }
    Ok(())
}

/// A failed statement: a broken rule means file and memory disagree; anything else is the
/// drive or the disk, reported as such.
fn classify_write_error(
    error: rusqlite::Error,
    transaction: &rusqlite::Transaction<'_>,
) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::OutOfStep(error.to_string()),
        _ => {
            let path = transaction.path().map(PathBuf::from).unwrap_or_default();
            StoreError::from_sqlite(&path, error)
        }
    }
}

fn remove_partial_file(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        // Nothing to do if it was never made; anything else is reported by the next try.
        std::fs::remove_file(PathBuf::from(name)).ok();
    }
}
