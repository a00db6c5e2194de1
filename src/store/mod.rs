//! The register file: the only code in the program that knows SQL.
//!
//! One SQLite file per register. Every open, for editing or for reading, makes the same checks
//! (`verify`): the header with plain reads before SQLite sees the file (`header`), then on a
//! hardened connection with a work budget (`guard`) the schema against this build's
//! (`schema_check`), SQLite's integrity check, and every record against its checksum and its row
//! (`load`). A file that fails is refused with its own message and left as it was.
//!
//! An open register is held with `locking_mode=EXCLUSIVE` taken before anything is read: SQLite
//! keeps the WAL index in this process's memory (no `-shm` file, safe on network drives) and no
//! other process can read or write while we hold it. Every `Edit` is written in one transaction
//! with its audit rows. Beside it lies its owner note ([`owner_note`]): who holds it.
//!
//! Read-only uses (`check`, exports, a read-only view) read the register's files as plain bytes
//! into memory (`file_image`): no lock, no side file, so they work on a read-only share, a CD or
//! a full disk, and while someone else edits. A register this process holds is never read as a
//! plain file, nor opened twice (`held_here`): on Linux and macOS that would drop its lock.
//!
//! New registers (new, sample, a copy, a clean copy) are made under a temporary name in the
//! same folder and renamed into place only when complete (`creation`).

mod audit;
mod audit_query;
mod creation;
mod error;
mod file_image;
mod guard;
mod header;
mod held_here;
mod load;
pub mod owner_note;
mod row_writes;
mod rows;
mod schema;
mod schema_check;
pub mod snapshot;
mod verify;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

pub use audit::{AuditEntry, EditOrigin};
pub use audit_query::AuditFilter;
pub use error::{Cause, HeldElsewhere, StoreError};
pub use header::APPLICATION_ID;
pub use held_here::{held_here, same_file};
pub use owner_note::OwnerNote;
pub use schema::newest_version;
pub use snapshot::ReadOnlyView;

use crate::model::{Edit, EntityKind, Register};
use verify::{SchemaRule, Verified};

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
    /// Damaged records and broken links, each in plain words naming the record. Empty: sound.
    pub findings: Vec<String>,
    /// Who has it open, if their owner note is beside it (the check read a consistent copy).
    pub held_by: Option<OwnerNote>,
}

/// What saving a clean copy left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanCopyReport {
    /// Each thing that did not belong in a register (a trigger, a view, an extra table).
    pub left_out: Vec<String>,
    /// Records copied.
    pub records: usize,
    /// Audit log entries copied.
    pub audit_entries: u64,
}

/// An open register file.
///
/// Held for editing (from [`Store::open`] or [`Store::create`]) it keeps SQLite's exclusive
/// lock and an owner note beside the file until it is dropped. Read-only (from
/// [`Store::open_read_only`]) it is a copy in memory and holds nothing.
pub struct Store {
    connection: Connection,
    path: PathBuf,
    read_only: bool,
    /// The owner note this store wrote, removed again on drop.
    owner_note: Option<OwnerNote>,
    /// A stale owner note found (and replaced) on opening.
    taken_over: Option<OwnerNote>,
    /// How a read-only store's copy was made.
    view: Option<ReadOnlyView>,
    /// This process's hold on the file (declared after `connection`: released after it closes).
    _reservation: Option<held_here::Reservation>,
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
    /// Creates a new register file at `path` holding `register`, and opens it for editing.
    /// Refuses to overwrite a file (an unfinished one left by an older version is named as
    /// such). The file appears under its name only when complete.
    pub fn create(path: &Path, register: &Register) -> Result<Self, StoreError> {
        creation::create(path, register, &creation::Provenance::New)?;
        let (store, _) = Self::open(path)?;
        Ok(store)
    }

    /// Creates a new register file at `path` holding `register` made from another file, its
    /// audit log starting with `description` ("Create register from register.json"), and opens
    /// it for editing; otherwise as [`Store::create`].
    pub fn create_from(
        path: &Path,
        register: &Register,
        description: String,
    ) -> Result<Self, StoreError> {
        creation::create(path, register, &creation::Provenance::From(description))?;
        let (store, _) = Self::open(path)?;
        Ok(store)
    }

    /// Opens an existing register for editing, refusing anything that is not a sound register
    /// of this or an older version (older ones are brought up to date). Returns the register.
    ///
    /// The register is held (exclusive lock and owner note) until the store is dropped. If
    /// another program holds it, the error is [`StoreError::InUse`] naming the holder from
    /// their owner note; if this program already holds it (by any path), it is
    /// [`StoreError::AlreadyOpenHere`]. If a stale note (its program gone) was found it is
    /// taken over: [`Store::stale_note_taken_over`] then returns it, for a message to the user.
    pub fn open(path: &Path) -> Result<(Self, Register), StoreError> {
        Self::open_inner(path).map_err(|error| error.naming_holder(path))
    }

    fn open_inner(path: &Path) -> Result<(Self, Register), StoreError> {
        // First: this process must not hold it already (the plain reads below would drop the
        // lock), and nobody else here may open it while this opens.
        let reservation = held_here::Reservation::new(path)?;
        let facts = header_facts(path)?;
        let file_bytes = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
        let cleanup = SideFileCleanup::before_opening(path);
        let sqlite = |error| StoreError::from_sqlite(path, error);
        let mut connection = open_connection(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        // SQLite opens a file it may not write (a read-only drive, share or file) read-only
        // without a word; the first write would then fail as a "disk I/O error".
        if connection.is_readonly(rusqlite::MAIN_DB).map_err(sqlite)? {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        // Held before anything is read, and nothing checkpointed into the file if it is
        // refused: the file stays as it was.
        connection
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(sqlite)?;
        connection
            .pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(sqlite)?;
        connection
            .execute_batch("BEGIN EXCLUSIVE; COMMIT;")
            .map_err(sqlite)?;
        let verified = verify::verify(&mut connection, path, facts, file_bytes, SchemaRule::Exact)?;
        refuse_findings(path, &verified)?;
        cleanup.keep();
        let mut store = Self::held(connection, path, reservation);
        store.configure_for_writing()?;
        if verified.version < newest_version() {
            store.migrate(verified.version)?;
            // Write the migrated schema into the file itself, header included.
            store
                .connection
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .map_err(sqlite)?;
        }
        Ok((store, verified.register))
    }

    fn held(connection: Connection, path: &Path, reservation: held_here::Reservation) -> Self {
        Self {
            connection,
            path: path.to_path_buf(),
            read_only: false,
            owner_note: None,
            taken_over: None,
            view: None,
            _reservation: Some(reservation),
        }
    }

    /// Opens a register to look at only: nothing is ever written to it, and it is not held, so
    /// whoever edits it is not kept out. Works while another program holds the register, and
    /// where it cannot be written (a read-only share, a CD, a full disk).
    ///
    /// The store is a consistent copy in memory (see `file_image`); [`Store::read_only_view`]
    /// says when it was taken and who held the register. An older file is brought up to date in
    /// the copy only. If the holder writes so fast that no consistent copy can be had, the
    /// error is [`StoreError::InUse`] naming them.
    pub fn open_read_only(path: &Path) -> Result<(Self, Register), StoreError> {
        let taken_at = chrono::Local::now();
        let (mut connection, verified) = read_copy(path, SchemaRule::Exact)?;
        refuse_findings(path, &verified)?;
        migrate(&mut connection, verified.version)
            .map_err(|error| StoreError::from_sqlite(path, error))?;
        let holder = owner_note::read(path);
        let store = Self {
            connection,
            path: path.to_path_buf(),
            read_only: true,
            owner_note: None,
            taken_over: None,
            view: Some(ReadOnlyView {
                taken_at,
                held_elsewhere: holder.is_some(),
                holder,
                snapshot: None,
            }),
            _reservation: None,
        };
        Ok((store, verified.register))
    }

    /// A read-only view of `register` as a snapshot of the register at `path` holds it: a
    /// fresh register in memory (nothing written anywhere), its audit log one row naming the
    /// snapshot. Every edit is refused, as in any read-only view.
    pub fn snapshot_view(
        path: &Path,
        register: &Register,
        snapshot: String,
    ) -> Result<Self, StoreError> {
        let sqlite = |error| StoreError::from_sqlite(path, error);
        let mut connection = Connection::open_in_memory().map_err(sqlite)?;
        guard::harden(&connection).map_err(sqlite)?;
        schema::add_functions(&connection).map_err(sqlite)?;
        migrate(&mut connection, 0).map_err(sqlite)?;
        let transaction = connection.transaction().map_err(sqlite)?;
        for record in register.records() {
            row_writes::insert_row(&transaction, &record)?;
        }
        let context = audit::AuditContext::now(1, EditOrigin::Edit, snapshot.clone());
        audit::record_creation(&transaction, &context).map_err(sqlite)?;
        transaction.commit().map_err(sqlite)?;
        Ok(Self {
            connection,
            path: path.to_path_buf(),
            read_only: true,
            owner_note: None,
            taken_over: None,
            view: Some(ReadOnlyView {
                taken_at: chrono::Local::now(),
                held_elsewhere: false,
                holder: None,
                snapshot: Some(snapshot),
            }),
            _reservation: None,
        })
    }

    /// Checks a register file without changing it: version, schema, integrity, every record
    /// and link, counts. Reads a consistent copy (as [`Store::open_read_only`] does), so it
    /// works while someone edits the register and on a drive that cannot be written.
    pub fn check(path: &Path) -> Result<CheckReport, StoreError> {
        let (_connection, verified) = read_copy(path, SchemaRule::Exact)?;
        Ok(CheckReport {
            schema_version: verified.version,
            integrity_ok: true,
            counts: verified.register.counts(),
            audit_entries: verified.audit_entries,
            findings: verified.findings,
            held_by: owner_note::read(path),
        })
    }

    /// Saves a clean copy of `source` at `destination`: its records and audit log copied into
    /// a fresh register, leaving out what does not belong in one (a trigger, a view, an extra
    /// table or index). For a file refused with [`StoreError::ForeignSchema`] whose
    /// [`StoreError::clean_copy_possible`] is true; `source` is not changed.
    pub fn save_clean_copy(
        source: &Path,
        destination: &Path,
    ) -> Result<CleanCopyReport, StoreError> {
        let (connection, verified) = read_copy(source, SchemaRule::TablesSound)?;
        refuse_findings(source, &verified)?;
        let audit_rows =
            audit::all_rows(&connection).map_err(|error| StoreError::from_sqlite(source, error))?;
        let records = verified.register.records().count();
        let provenance = creation::Provenance::CleanCopy {
            source: source.to_path_buf(),
            left_out: verified.left_out.clone(),
            audit_rows,
        };
        creation::create(destination, &verified.register, &provenance)?;
        Ok(CleanCopyReport {
            left_out: verified.left_out,
            records,
            audit_entries: verified.audit_entries + 1,
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
            row_writes::write_leaf(&transaction, leaf)?;
            audit::record(&transaction, &context, leaf).map_err(sqlite)?;
        }
        transaction.commit().map_err(sqlite)
    }

    /// Reads the whole register back from the file (checked as on opening).
    pub fn load(&self) -> Result<Register, StoreError> {
        let loaded = load::load_register(&self.connection)
            .map_err(|error| StoreError::from_sqlite(&self.path, error))?;
        if loaded.findings.is_empty() {
            Ok(loaded.register)
        } else {
            Err(StoreError::Damaged {
                path: self.path.clone(),
                findings: loaded.findings,
            })
        }
    }

    /// The newest audit entries, newest first.
    pub fn audit_entries(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        audit::newest(&self.connection, limit).map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// How many audit rows `filter` lets through.
    pub fn audit_count(&self, filter: &AuditFilter) -> Result<usize, StoreError> {
        audit_query::count(&self.connection, filter)
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// A page of the audit rows `filter` lets through, newest first.
    pub fn audit_page(
        &self,
        filter: &AuditFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        audit_query::page(&self.connection, filter, offset, limit)
            .map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// Everyone the audit log names, in order.
    pub fn audit_users(&self) -> Result<Vec<String>, StoreError> {
        audit_query::users(&self.connection).map_err(|e| StoreError::from_sqlite(&self.path, e))
    }

    /// Writes a complete, consistent copy of the register to `destination` (SQLite's backup
    /// API into a temporary file beside it, renamed into place when complete), replacing a file
    /// there, unless that file is a register someone has open. The open register stays the one
    /// being edited.
    pub fn save_copy_as(&self, destination: &Path) -> Result<(), StoreError> {
        if same_file(&self.path, destination) || held_here(destination) {
            return Err(StoreError::AlreadyOpenHere(destination.to_path_buf()));
        }
        if destination.exists() && held_elsewhere(destination) {
            return Err(StoreError::InUse(HeldElsewhere {
                path: destination.to_path_buf(),
                holder: owner_note::read_holder(destination),
            }));
        }
        creation::write_whole(destination, |temporary| {
            self.connection
                .backup(
                    rusqlite::MAIN_DB,
                    temporary,
                    None::<fn(rusqlite::backup::Progress)>,
                )
                .map_err(|error| StoreError::from_sqlite(destination, error))
        })
    }

    fn configure_for_writing(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |error| StoreError::from_sqlite(&path, error);
        self.connection
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .map_err(sqlite)?;
        self.connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        // Exclusive locking was set before WAL was first touched: the WAL index lives in our
        // heap, never in a -shm file that network drives cannot share (ARCHITECTURE.md).
        self.connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        self.connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        // Held: a `-shm` beside it was left by a reader or an older version that was killed
        // (no reader can be using it while we hold the lock). Gone is fine; a file another
        // program still maps is left.
        std::fs::remove_file(side_files(&self.path)[1].as_path()).ok();
        // Any owner note already there is stale. Ours says who holds it now.
        let claim = owner_note::claim(&self.path);
        self.owner_note = claim.written;
        self.taken_over = claim.taken_over;
        Ok(())
    }

    fn migrate(&mut self, from_version: u32) -> Result<(), StoreError> {
        migrate(&mut self.connection, from_version)
            .map_err(|error| StoreError::from_sqlite(&self.path, error))
    }
}

/// Applies the migrations after `from_version`, in one transaction.
fn migrate(connection: &mut Connection, from_version: u32) -> rusqlite::Result<()> {
    let newest = newest_version();
    if from_version >= newest {
        return Ok(());
    }
    schema::add_functions(connection)?;
    let transaction = connection.transaction()?;
    for (index, migration) in schema::MIGRATIONS.iter().enumerate() {
        let version = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if version > from_version {
            transaction.execute_batch(migration)?;
        }
    }
    transaction.pragma_update(None, "user_version", newest)?;
    transaction.commit()
}

/// Refuses a register with damaged records or broken links.
fn refuse_findings(path: &Path, verified: &Verified) -> Result<(), StoreError> {
    if verified.findings.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_path_buf(),
            findings: verified.findings.clone(),
        })
    }
}

/// Reads `path` as a consistent copy in memory and verifies it: the one read path of `check`,
/// the exports, read-only views and clean copies.
fn read_copy(path: &Path, rule: SchemaRule) -> Result<(Connection, Verified), StoreError> {
    held_here::refuse_if_held_here(path)?;
    let metadata = std::fs::metadata(path).map_err(|error| StoreError::from_io(path, error))?;
    if !metadata.is_file() {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    let image = file_image::read_image(path)?;
    let facts = header::check_image(
        path,
        &image.bytes,
        image.file_len,
        image.had_wal_frames,
        newest_version(),
    )?;
    let mut bytes = image.bytes;
    // Rollback mode for the copy (SQLite's in-memory databases have no WAL).
    bytes[18] = 1;
    bytes[19] = 1;
    let sqlite = |error| StoreError::from_sqlite(path, error);
    let mut connection = Connection::open_in_memory().map_err(sqlite)?;
    guard::harden(&connection).map_err(sqlite)?;
    let len = bytes.len();
    connection
        .deserialize_read_exact(rusqlite::MAIN_DB, &bytes[..], len, false)
        .map_err(sqlite)?;
    drop(bytes);
    let file_bytes = u64::try_from(len).unwrap_or(u64::MAX);
    let verified = verify::verify(&mut connection, path, facts, file_bytes, rule)?;
    Ok((connection, verified))
}

/// How long to wait for another program's lock before saying the register is in use. Long
/// enough to ride out another window opening or closing the file, short enough not to freeze
/// this one.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(300);

/// Opens a hardened connection that gives up on a lock after [`LOCK_WAIT`] (SQLite's default
/// here is five seconds, which froze the window when another program held the register).
fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    let connection = Connection::open_with_flags(path, flags)?;
    guard::harden(&connection)?;
    schema::add_functions(&connection)?;
    connection.busy_timeout(LOCK_WAIT)?;
    Ok(connection)
}

/// Side files (`-wal`, `-shm`) that SQLite made beside a register it was refused or probed
/// through. Dropped after the connection, it removes those that were not there before (an
/// empty `-wal` and its `-shm`), so a refused file's folder is left as it was.
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

    /// The register opened: its side files are in use, not to be removed.
    fn keep(mut self) {
        self.made.clear();
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
/// read, and nothing is left beside it. Never called for a register this process holds.
fn held_elsewhere(path: &Path) -> bool {
    if held_here(path) {
        return false;
    }
    let _cleanup = SideFileCleanup::before_opening(path);
    let Ok(connection) = open_connection(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    let probe = connection.query_row("PRAGMA schema_version", [], |row| row.get::<_, i64>(0));
    // Closed before `_cleanup` removes what SQLite made (Windows cannot remove open files).
    drop(connection);
    matches!(
        probe.map_err(|error| error.sqlite_error_code()),
        Err(Some(
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        ))
    )
}

/// Removes what killed programs left in the temporary folder: older versions' private copies
/// of registers (`partnership-atlas-view-*`, this version reads into memory instead) an hour or
/// more old. Called at start; returns how many were removed.
pub fn remove_stale_temporary_copies() -> usize {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return 0;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("partnership-atlas-view-")
        })
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|metadata| metadata.modified())
                .is_ok_and(|modified| modified < hour_ago)
        })
        .filter(|entry| std::fs::remove_dir_all(entry.path()).is_ok())
        .count()
}
