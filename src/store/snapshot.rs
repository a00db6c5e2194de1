//! Read-only views: a private, consistent copy of a register, made without writing a byte to it
//! and without holding it, so the person who edits it is never kept out.
//!
//! A register that nobody holds is copied with SQLite's backup API while a brief exclusive read
//! lock keeps writers out: consistent by construction.
//!
//! A register that another program holds (`locking_mode=EXCLUSIVE`) cannot be read through
//! SQLite at all: its lock refuses every other connection, readers included. Its files can still
//! be read as plain files (SQLite's locks on Windows and POSIX sit on bytes past the first GiB,
//! never on the pages of a register), so the copy is made from them: the WAL file first, then
//! the main file, and then both are read again and compared with the copy. SQLite only ever adds
//! to the WAL (a restart rewrites its header with a new salt), and a checkpoint only writes into
//! the main file pages that the WAL already holds, so if both files read the same twice, no
//! commit and no restart happened in between and the copy is a state the register really was
//! in. If the holder was writing at that moment the copy is made again (a few times); SQLite's
//! WAL checksums drop any frame cut short, and the integrity check runs on the copy before it is
//! used. The copy lives in the user's own temporary folder and is deleted on close.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Local};

use super::owner_note::{self, OwnerNote};
use super::{HeldElsewhere, StoreError};

/// How a read-only register was read, for the window's title and status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnlyView {
    /// When the copy being shown was taken.
    pub taken_at: DateTime<Local>,
    /// Another program held the register when the copy was taken (so it may have changed since).
    pub held_elsewhere: bool,
    /// Who held it, from the owner note, if `held_elsewhere` and the note could be read.
    pub holder: Option<OwnerNote>,
}

impl ReadOnlyView {
    /// A one-line description: "Read-only copy taken at 10:32, while jsmith on COUNCIL-PC42 has
    /// it open (since 25 November 2025, 09:14)".
    pub fn describe(&self) -> String {
        let taken = self.taken_at.format("%H:%M");
        match (&self.holder, self.held_elsewhere) {
            (Some(holder), true) => format!(
                "Read-only copy taken at {taken}, while {} on {} has it open (since {})",
                holder.user,
                holder.machine,
                holder.since_text()
            ),
            (None, true) => {
                format!("Read-only copy taken at {taken}, while someone else has it open")
            }
            (_, false) => format!("Read-only copy taken at {taken}"),
        }
    }
}

/// A folder of the user's own temporary folder holding one private copy; removed on drop.
#[derive(Debug)]
pub(super) struct PrivateCopy {
    folder: PathBuf,
}

impl PrivateCopy {
    /// Makes a new, empty private folder.
    pub(super) fn new(register: &Path) -> Result<Self, StoreError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let serial = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        let folder = std::env::temp_dir().join(format!(
            "partnership-atlas-view-{}-{serial}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir(&folder).map_err(|error| io_error(register, &error))?;
        Ok(Self { folder })
    }

    /// The copy's database file.
    pub(super) fn database(&self) -> PathBuf {
        self.folder.join("view.atlas")
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        // A leftover copy in the temporary folder harms nothing; the system clears it in time.
        std::fs::remove_dir_all(&self.folder).ok();
    }
}

/// Copies the files of a register that another program holds into `destination` (and its
/// `-wal`), checking that the copy is consistent as the module docs describe. Gives up with
/// `InUse` (naming the holder) if the holder keeps writing through every try.
pub(super) fn copy_held_register(register: &Path, destination: &Path) -> Result<(), StoreError> {
    const TRIES: u32 = 5;
    let wal = suffixed(register, "-wal");
    let wal_copy = suffixed(destination, "-wal");
    for attempt in 1..=TRIES {
        let wal_there = copy_if_there(&wal, &wal_copy, register)?;
        copy_if_there(register, destination, register)?;
        if same_as_copy(&wal, wal_there.then_some(wal_copy.as_path()), register)?
            && same_as_copy(register, Some(destination), register)?
        {
            if !wal_there {
                std::fs::remove_file(&wal_copy).ok();
            }
            return Ok(());
        }
        if attempt < TRIES {
            std::thread::sleep(std::time::Duration::from_millis(150 * u64::from(attempt)));
        }
    }
    Err(StoreError::InUse(HeldElsewhere {
        path: register.to_path_buf(),
        holder: owner_note::read_holder(register),
    }))
}

/// Copies `source` to `destination` if it exists; says whether it did.
///
/// Plain `File::open` and a byte copy, not `std::fs::copy`: on Windows Rust opens files sharing
/// read, write and delete, which a file SQLite has open for writing requires, while
/// `CopyFileEx`'s own sharing is not documented.
fn copy_if_there(source: &Path, destination: &Path, register: &Path) -> Result<bool, StoreError> {
    let mut from = match std::fs::File::open(source) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::remove_file(destination).ok();
            return Ok(false);
        }
        Err(error) => return Err(io_error(register, &error)),
    };
    let mut to = std::fs::File::create(destination).map_err(|error| io_error(register, &error))?;
    std::io::copy(&mut from, &mut to).map_err(|error| io_error(register, &error))?;
    Ok(true)
}

/// Whether `source` now holds exactly the bytes of `copy` (or, with no copy, is absent).
fn same_as_copy(source: &Path, copy: Option<&Path>, register: &Path) -> Result<bool, StoreError> {
    let opened = std::fs::File::open(source);
    let (mut now, copy) = match (opened, copy) {
        (Err(error), None) if error.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        (Err(error), Some(_)) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        (Err(error), _) => return Err(io_error(register, &error)),
        (Ok(_), None) => return Ok(false),
        (Ok(file), Some(copy)) => (file, copy),
    };
    let mut then = std::fs::File::open(copy).map_err(|error| io_error(register, &error))?;
    let mut a = vec![0u8; 1 << 16];
    let mut b = vec![0u8; 1 << 16];
    loop {
        let read_now = read_full(&mut now, &mut a).map_err(|error| io_error(register, &error))?;
        let read_then = read_full(&mut then, &mut b).map_err(|error| io_error(register, &error))?;
        if read_now != read_then || a[..read_now] != b[..read_then] {
            return Ok(false);
        }
        if read_now == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buffer` is full or the file ends; returns the bytes read.
fn read_full(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn io_error(register: &Path, error: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: register.to_path_buf(),
        detail: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_of_still_files_is_exact_and_cleaned_up() {
        let folder = tempfile::tempdir().expect("temp dir");
        let register = folder.path().join("r.atlas");
        std::fs::write(&register, b"main file bytes").expect("write");
        std::fs::write(suffixed(&register, "-wal"), b"wal bytes").expect("write");
        let private = PrivateCopy::new(&register).expect("private folder");
        let copy = private.database();
        copy_held_register(&register, &copy).expect("copy");
        assert_eq!(std::fs::read(&copy).expect("read"), b"main file bytes");
        assert_eq!(
            std::fs::read(suffixed(&copy, "-wal")).expect("read"),
            b"wal bytes"
        );
        let kept = private.folder.clone();
        drop(private);
        assert!(!kept.exists());
    }

    #[test]
    fn no_wal_means_no_wal_in_the_copy() {
        let folder = tempfile::tempdir().expect("temp dir");
        let register = folder.path().join("r.atlas");
        std::fs::write(&register, b"main").expect("write");
        let private = PrivateCopy::new(&register).expect("private folder");
        copy_held_register(&register, &private.database()).expect("copy");
        assert!(!suffixed(&private.database(), "-wal").exists());
    }

    #[test]
    fn describes_the_view() {
        let view = ReadOnlyView {
            taken_at: Local::now(),
            held_elsewhere: true,
            holder: None,
        };
        assert!(view.describe().contains("while someone else has it open"));
    }
}
