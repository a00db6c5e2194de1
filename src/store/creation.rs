//! Making a register file: new, the sample, a copy, a clean copy. Each is written under a
//! temporary name in the same folder (`~$<name>.<random>.partial`), complete (schema, records,
//! audit row, switched to WAL and closed), and only then renamed to its name, without replacing
//! anything there. A program killed while making one leaves no file under the name, so the next
//! try (and the window's first start) simply makes it again.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

use super::audit::{self, AuditContext, AuditRow, EditOrigin};
use super::header::APPLICATION_ID;
use super::{StoreError, header, migrate, newest_version, open_connection, row_writes};
use crate::model::Register;

/// What the new register's audit log says about where it came from.
pub(super) enum Provenance {
    /// A new register (its audit log starts with "Create register").
    New,
    /// A new register made from a file of another kind (its audit log starts with these words,
    /// "Create register from register.json").
    From(String),
    /// A clean copy of another file: its audit log is copied, then one row says so.
    CleanCopy {
        /// The file copied.
        source: PathBuf,
        /// What was left out.
        left_out: Vec<String>,
        /// The source's audit log, oldest first.
        audit_rows: Vec<AuditRow>,
    },
}

/// Makes a register holding `register` at `path`, as the module docs say.
pub(super) fn create(
    path: &Path,
    register: &Register,
    provenance: &Provenance,
) -> Result<(), StoreError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(match header::check_header(path, newest_version()) {
            Err(StoreError::Unfinished(_)) => StoreError::Unfinished(path.to_path_buf()),
            _ => StoreError::AlreadyExists(path.to_path_buf()),
        });
    }
    let temporary = temporary_beside(path)?;
    fill(&temporary, register, provenance).map_err(|error| error.at_path(path))?;
    remove_side_files(&temporary);
    temporary
        .persist_noclobber(path)
        .map_err(|failed| match failed.error.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.to_path_buf()),
            _ => StoreError::from_io(path, failed.error),
        })
}

/// Writes a file at `destination` whole or not at all: `write` makes it at the temporary path
/// it is given (in the same folder), which is then renamed over `destination`.
pub(super) fn write_whole(
    destination: &Path,
    write: impl FnOnce(&Path) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let temporary = temporary_beside(destination)?;
    write(&temporary).map_err(|error| error.at_path(destination))?;
    remove_side_files(&temporary);
    temporary
        .persist(destination)
        .map_err(|failed| StoreError::from_io(destination, failed.error))
}

/// A new empty file `~$<name>.<random>.partial` beside `path`, removed again on drop unless it
/// is persisted.
fn temporary_beside(path: &Path) -> Result<tempfile::TempPath, StoreError> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from("~$");
    prefix.push(path.file_name().unwrap_or(path.as_os_str()));
    prefix.push(".");
    crate::platform::partial_file_builder(&prefix)
        .tempfile_in(folder)
        .map(tempfile::NamedTempFile::into_temp_path)
        .map_err(|error| StoreError::from_io(path, error))
}

/// Writes the whole register into the (empty) file at `temporary` and closes it.
fn fill(temporary: &Path, register: &Register, provenance: &Provenance) -> Result<(), StoreError> {
    let sqlite = |error| StoreError::from_sqlite(temporary, error);
    let mut connection = open_connection(
        temporary,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    connection
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(sqlite)?;
    connection
        .pragma_update(None, "synchronous", "FULL")
        .map_err(sqlite)?;
    connection
        .pragma_update(None, "foreign_keys", true)
        .map_err(sqlite)?;
    connection
        .pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sqlite)?;
    migrate(&mut connection, 0).map_err(sqlite)?;
    let transaction = connection.transaction().map_err(sqlite)?;
    // `records()` yields every record after the records it links to, so each link is checked
    // as its row goes in, by a key lookup.
    for record in register.records() {
        row_writes::insert_row(&transaction, &record)?;
    }
    match provenance {
        Provenance::New => {
            let context = AuditContext::now(1, EditOrigin::Edit, "Create register".into());
            audit::record_creation(&transaction, &context).map_err(sqlite)?;
        }
        Provenance::From(description) => {
            let context = AuditContext::now(1, EditOrigin::Edit, description.clone());
            audit::record_creation(&transaction, &context).map_err(sqlite)?;
        }
        Provenance::CleanCopy {
            source,
            left_out,
            audit_rows,
        } => {
            for row in audit_rows {
                audit::insert_row(&transaction, row).map_err(sqlite)?;
            }
            let step = audit::next_step(&transaction).map_err(sqlite)?;
            let description = format!(
                "Clean copy of {}, leaving out: {}",
                source.display(),
                left_out.join("; ")
            );
            let context = AuditContext::now(step, EditOrigin::Edit, description);
            audit::record_clean_copy(&transaction, &context).map_err(sqlite)?;
        }
    }
    transaction.commit().map_err(sqlite)?;
    // Switched to WAL while still under the temporary name; closing checkpoints and removes
    // the -wal, so the file renamed into place is complete by itself.
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .map_err(sqlite)?;
    connection.close().map_err(|(_, error)| sqlite(error))
}

/// Removes any side file SQLite left beside the temporary file (none, normally).
fn remove_side_files(temporary: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = temporary.as_os_str().to_owned();
        name.push(suffix);
        std::fs::remove_file(PathBuf::from(name)).ok();
    }
}
