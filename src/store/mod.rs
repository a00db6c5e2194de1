//! The register file: the only code in the program that knows SQL.
//!
//! One SQLite file per register. Files are opened defensively (header checked with plain reads
//! first, then an integrity check on a read-only connection, then SQLite's defensive mode with
//! untrusted schema) so a damaged or foreign file is refused without being changed. An open
//! register is held with `locking_mode=EXCLUSIVE` set before WAL is first used: SQLite keeps the
//! WAL index in this process's memory (no `-shm` file, safe on network drives) and no other
//! process can write while we hold it. Every `Edit` is written in one transaction with its audit
//! rows.
//!
//! Beside a register held for editing lies its owner note ([`owner_note`]): who holds it, on
//! which computer, since when. A second opener is refused by the lock and told who by the note;
//! an opener that gets the lock and finds a note takes it over as stale
//! ([`Store::stale_note_taken_over`]). Read-only opens work on a private consistent copy
//! ([`snapshot`]) and never hold the register.

mod audit;
mod error;
mod header;
pub mod owner_note;
mod rows;
mod schema;
pub mod snapshot;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use audit::{AuditEntry, EditOrigin};
pub use error::{HeldElsewhere, StoreError};
pub use header::APPLICATION_ID;
pub use owner_note::OwnerNote;
pub use schema::newest_version;
pub use snapshot::ReadOnlyView;

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
///
/// Held for editing (from [`Store::open`] or [`Store::create`]) it keeps SQLite's exclusive
/// lock and an owner note beside the file until it is dropped. Read-only (from
/// [`Store::open_read_only`]) it reads a private copy and holds nothing.
pub struct Store {
    connection: Connection,
    path: PathBuf,
    read_only: bool,
    /// Declared after `connection` so it runs after the connection has closed.
    _side_file_cleanup: SideFileCleanup,
    /// The owner note this store wrote, removed again on drop.
    owner_note: Option<OwnerNote>,
    /// A stale owner note found (and replaced) on opening.
    taken_over: Option<OwnerNote>,
    /// How a read-only store's copy was made.
    view: Option<ReadOnlyView>,
    /// A read-only store's private copy, deleted on drop (after `connection` has closed).
    _private_copy: Option<snapshot::PrivateCopy>,
}

impl Drop for Store {
    fn drop(&mut self) {
        // The connection, and so the lock, is still open here: no other opener can come between
        // the note's removal and the lock's release and have its own note removed.
        if let Some(note) = &self.owner_note {
            owner_note::release(&self.path, note);
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .field("owner_note", &self.owner_note)
            .field("taken_over", &self.taken_over)
            .field("view", &self.view)
            .finish_non_exhaustive()
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
        let connection = open_connection(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        let mut store = Self::held(connection, path);
        // Everything is written straight into the main file (rollback journal) before WAL is
        // switched on: a register killed right after it was made still has its application id,
        // schema and records in the file itself, not only in a `-wal` beside it.
        harden(&store.connection).map_err(sqlite)?;
        store
            .connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        store
            .connection
            .pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sqlite)?;
        store.migrate(0)?;
        store.write_everything(register)?;
        store.configure_for_writing()?;
        Ok(store)
    }

    /// Opens an existing register for editing, refusing anything that is not a sound register
    /// of this or an older version (older ones are brought up to date). Returns the register.
    ///
    /// The register is held (exclusive lock and owner note) until the store is dropped. If
    /// another program holds it, the error is [`StoreError::InUse`] naming the holder from
    /// their owner note. If a stale note (its program gone) was found it is taken over:
    /// [`Store::stale_note_taken_over`] then returns it, for a message to the user.
    pub fn open(path: &Path) -> Result<(Self, Register), StoreError> {
        Self::open_inner(path).map_err(|error| error.naming_holder(path))
    }

    fn open_inner(path: &Path) -> Result<(Self, Register), StoreError> {
        let facts = header_facts(path)?;
        verify_read_only(path)?;
        let sqlite = |error| StoreError::from_sqlite(path, error);
        let connection = open_connection(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        let mut store = Self::held(connection, path);
        store.configure_for_writing()?;
        // The header read before opening can lag behind a `-wal` left by a program that was
        // killed after a migration; what SQLite reads, WAL included, is the real version.
        let version = store.schema_version()?;
        if version > newest_version() {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: newest_version(),
            });
        }
        if version < facts.user_version {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: "the file's version went backwards".to_string(),
            });
        }
        if version < newest_version() {
            store.migrate(version)?;
            // Write the migrated schema into the file itself, header included.
            store
                .connection
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .map_err(sqlite)?;
        }
        let register = rows::load_register(&store.connection)?;
        Ok((store, register))
    }

    fn held(connection: Connection, path: &Path) -> Self {
        Self {
            connection,
            path: path.to_path_buf(),
            read_only: false,
            _side_file_cleanup: SideFileCleanup::default(),
            owner_note: None,
            taken_over: None,
            view: None,
            _private_copy: None,
        }
    }

    /// Opens a register to look at only: nothing is ever written to it, and it is not held, so
    /// whoever edits it is not kept out. Works while another program holds the register.
    ///
    /// The store reads a private copy in the user's temporary folder, made consistently (see
    /// [`snapshot`]): through SQLite when the register is free, from its files when another
    /// program holds it. [`Store::read_only_view`] says which, when, and who held it. An older
    /// file is brought up to date in the copy only. If the holder writes so fast that no
    /// consistent copy can be had, the error is [`StoreError::InUse`] naming them.
    pub fn open_read_only(path: &Path) -> Result<(Self, Register), StoreError> {
        match header_facts(path) {
            // Held, and caught mid-checkpoint: the copy's header is checked below.
            Ok(_) | Err(StoreError::InUse(_)) => {}
            Err(error) => return Err(error),
        }
        let private_copy = snapshot::PrivateCopy::new(path)?;
        let copy = private_copy.database();
        let taken_at = chrono::Local::now();
        let (held_elsewhere, holder) = match copy_free_register(path, &copy) {
            Ok(()) => (false, None),
            Err(StoreError::InUse(_)) => {
                snapshot::copy_held_register(path, &copy)?;
                (true, owner_note::read_holder(path))
            }
            Err(error) => return Err(error),
        };
        // Errors about the copy are reported about the register the user chose.
        let on_copy = |error: StoreError| error.at_path(path);
        let sqlite = |error| on_copy(StoreError::from_sqlite(&copy, error));
        let facts = header::check_header(&copy, newest_version()).map_err(on_copy)?;
        verify_read_only(&copy).map_err(on_copy)?;
        let connection = open_connection(
            &copy,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        harden(&connection).map_err(sqlite)?;
        connection
            .pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(sqlite)?;
        let mut store = Self::held(connection, &copy);
        // What SQLite reads, WAL included, is the real version (the header can lag behind it).
        let version = store.schema_version().map_err(on_copy)?;
        if version > newest_version() {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: newest_version(),
            });
        }
        if version < facts.user_version {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: "the file's version went backwards".to_string(),
            });
        }
        store.migrate(version).map_err(on_copy)?;
        let register = rows::load_register(&store.connection)?;
        store.path = path.to_path_buf();
        store.read_only = true;
        store.view = Some(ReadOnlyView {
            taken_at,
            held_elsewhere,
            holder,
        });
        store._private_copy = Some(private_copy);
        Ok((store, register))
    }

    /// Checks a register file without changing it: version, integrity, counts.
    ///
    /// The check holds the register (an exclusive read lock) only while it reads. A register
    /// that another program holds cannot be read: the error is [`StoreError::InUse`] naming
    /// the holder.
    pub fn check(path: &Path) -> Result<CheckReport, StoreError> {
        Self::check_inner(path).map_err(|error| error.naming_holder(path))
    }

    fn check_inner(path: &Path) -> Result<CheckReport, StoreError> {
        let facts = header_facts(path)?;
        let (reader, _cleanup) = open_checked_read_only(path)?;
        // Bound after `_cleanup`, so closed before it runs: Windows cannot remove the side
        // files while SQLite still has them open.
        let connection = reader;
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

    /// The stale owner note found beside the register when it was opened for editing: left by
    /// a program that no longer held the register (it crashed, was killed, or its computer went
    /// off). It has been replaced by this program's note. Show
    /// [`OwnerNote::taken_over_message`] to the user.
    pub fn stale_note_taken_over(&self) -> Option<&OwnerNote> {
        self.taken_over.as_ref()
    }

    /// How a read-only store's copy was made (`None` for a register held for editing).
    pub fn read_only_view(&self) -> Option<&ReadOnlyView> {
        self.view.as_ref()
    }

    /// Test aid: makes the file refuse to grow from now on, as a full disk would. SQLite's
    /// `max_page_count` quota makes the next write that needs a new page fail inside its
    /// transaction with `SQLITE_FULL`, the same error and the same rollback as a disk that
    /// has run out of space.
    #[doc(hidden)]
    pub fn refuse_growth_for_tests(&self, refuse: bool) -> Result<(), StoreError> {
        let sqlite = |error| StoreError::from_sqlite(&self.path, error);
        let pages: i64 = if refuse {
            self.connection
                .query_row("PRAGMA page_count", [], |row| row.get(0))
                .map_err(sqlite)?
        } else {
            i64::from(u32::MAX - 1)
        };
        self.connection
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |row| {
                row.get::<_, i64>(0)
            })
            .map_err(sqlite)?;
        Ok(())
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
        // Held: any owner note already there is stale. Ours says who holds it now.
        let claim = owner_note::claim(&self.path);
        self.owner_note = claim.written;
        self.taken_over = claim.taken_over;
        Ok(())
    }

    fn schema_version(&self) -> Result<u32, StoreError> {
        self.connection
            .query_row("PRAGMA user_version", [], |row| row.get::<_, u32>(0))
            .map_err(|error| StoreError::from_sqlite(&self.path, error))
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
        // `records()` yields every record after the records it links to, so each link is
        // checked as its row goes in, by a key lookup.
        for record in register.records() {
            insert_row(&transaction, &record)?;
        }
        let context = audit::AuditContext::now(1, EditOrigin::Edit, "Create register".into());
        audit::record_creation(&transaction, &context).map_err(sqlite)?;
        transaction.commit().map_err(sqlite)
    }
}

/// How long to wait for another program's lock before saying the register is in use. Long
/// enough to ride out another window opening or closing the file, short enough not to freeze
/// this one.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(300);

/// Opens a connection that gives up on a lock after [`LOCK_WAIT`] (SQLite's default here is
/// five seconds, which froze the window when another program held the register).
fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    let connection = Connection::open_with_flags(path, flags)?;
    connection.busy_timeout(LOCK_WAIT)?;
    Ok(connection)
}

/// Turns off what an untrusted file could use against us.
fn harden(connection: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    connection.pragma_update(None, "trusted_schema", false)?;
    Ok(())
}

/// Side files (`-wal`, `-shm`) that SQLite made beside a register to read it, which a read-only
/// connection cannot remove itself. Dropped after the connection, it removes those that were
/// not there before (an empty `-wal` and its `-shm`), so a read leaves the folder as it was.
#[derive(Debug, Default)]
struct SideFileCleanup {
    made: Vec<PathBuf>,
}

impl SideFileCleanup {
    fn before_opening(path: &Path) -> Self {
        Self {
            made: side_files(path)
                .into_iter()
                .filter(|side_file| !side_file.exists())
                .collect(),
        }
    }
}

impl Drop for SideFileCleanup {
    fn drop(&mut self) {
        let wal_still_empty = self
            .made
            .iter()
            .filter(|file| file.to_string_lossy().ends_with("-wal"))
            .all(|wal| std::fs::metadata(wal).map_or(true, |m| m.len() == 0));
        if wal_still_empty {
            for side_file in &self.made {
                // Gone already is fine; anything else leaves a harmless empty file.
                std::fs::remove_file(side_file).ok();
            }
        }
    }
}

fn side_files(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Opens `path` read-only and runs the integrity check; nothing is written to the file.
fn open_checked_read_only(path: &Path) -> Result<(Connection, SideFileCleanup), StoreError> {
    let sqlite = |error| StoreError::from_sqlite(path, error);
    let cleanup = SideFileCleanup::before_opening(path);
    let connection = open_connection(
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
    Ok((connection, cleanup))
}

/// The header check (plain reads, before SQLite touches the file), allowing for a holder that is
/// writing: while another program checkpoints its WAL into the file, the header can already
/// count pages that are not written yet, so for a moment the file looks cut short (seen under
/// Wine). A file that looks cut short is reported as in use if SQLite's lock says another
/// program holds it.
fn header_facts(path: &Path) -> Result<header::HeaderFacts, StoreError> {
    match header::check_header(path, newest_version()) {
        Err(StoreError::Truncated(_)) if held_elsewhere(path) => {
            Err(StoreError::InUse(HeldElsewhere {
                path: path.to_path_buf(),
                holder: None,
            }))
        }
        other => other,
    }
}

/// Whether another program holds `path`: SQLite's lock refuses even a reader. The file is only
/// read, and nothing is left beside it.
fn held_elsewhere(path: &Path) -> bool {
    let _cleanup = SideFileCleanup::before_opening(path);
    let Ok(connection) = open_connection(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    let probe = harden(&connection).and_then(|()| {
        connection.query_row("PRAGMA schema_version", [], |row| row.get::<_, i64>(0))
    });
    // Closed before `_cleanup` removes what SQLite made (Windows cannot remove open files).
    drop(connection);
    matches!(
        probe.map_err(|error| error.sqlite_error_code()),
        Err(Some(
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        ))
    )
}

/// Copies a register that nobody holds to `destination` with SQLite's backup API, holding it
/// only for the copy. `InUse` if another program holds it.
fn copy_free_register(path: &Path, destination: &Path) -> Result<(), StoreError> {
    let (reader, _cleanup) = open_checked_read_only(path)?;
    // Closed before `_cleanup` runs (see `Store::check`).
    let connection = reader;
    connection
        .backup(
            rusqlite::MAIN_DB,
            destination,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(|error| StoreError::from_sqlite(path, error))
}

/// The integrity check, done on a read-only connection that is closed again before writing.
fn verify_read_only(path: &Path) -> Result<(), StoreError> {
    let (connection, cleanup) = open_checked_read_only(path)?;
    drop(connection);
    drop(cleanup);
    Ok(())
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
