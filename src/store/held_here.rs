//! The registers this process holds, by file identity (device and inode, or canonical path), so
//! that the same file reached by another path (`DIR/../DIR/reg.atlas`, a link, a share name) is
//! never opened a second time here.
//!
//! That matters more than it seems. On Linux and macOS a process's locks on a file are dropped
//! when *any* descriptor of that file is closed, not only the one that took them. SQLite's own
//! code works around this between its connections; plain file reads do not. So the store reads a
//! register as plain bytes (the header check, a read-only copy) only after making sure it is not
//! one this process holds ([`Reservation::new`] refuses one that is), and a second `Store` on a
//! held register is refused ([`super::StoreError::AlreadyOpenHere`]).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::platform::{FileIdentity, file_identity};

use super::StoreError;

/// Every register reserved in this process: held for editing, or being opened.
static HELD: Mutex<Vec<(FileIdentity, PathBuf)>> = Mutex::new(Vec::new());

fn held() -> MutexGuard<'static, Vec<(FileIdentity, PathBuf)>> {
    // A panic elsewhere while the list was locked leaves it as it was: still right.
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A register reserved for this process while it is opened and held; released on drop.
#[derive(Debug)]
pub(super) struct Reservation {
    identity: FileIdentity,
}

impl Reservation {
    /// Reserves the existing file at `path`; refuses one this process already holds.
    pub(super) fn new(path: &Path) -> Result<Self, StoreError> {
        let identity = file_identity(path).map_err(|error| StoreError::from_io(path, error))?;
        let mut held = held();
        if held.iter().any(|(known, _)| *known == identity) {
            return Err(StoreError::AlreadyOpenHere(path.to_path_buf()));
        }
        held.push((identity.clone(), path.to_path_buf()));
        Ok(Self { identity })
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(index) = held.iter().position(|(known, _)| *known == self.identity) {
            held.remove(index);
        }
    }
}

/// Refuses `path` if this process holds it (so it must not be read as a plain file here).
pub(super) fn refuse_if_held_here(path: &Path) -> Result<(), StoreError> {
    if held_here(path) {
        return Err(StoreError::AlreadyOpenHere(path.to_path_buf()));
    }
    Ok(())
}

/// Whether this process holds the register at `path` (by whatever path it was opened).
pub fn held_here(path: &Path) -> bool {
    let Ok(identity) = file_identity(path) else {
        return false;
    };
    held().iter().any(|(known, _)| *known == identity)
}

/// Whether `a` and `b` name the same existing file (by identity; by path if either is missing).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (file_identity(a), file_identity(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => {
            let absolute =
                |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            absolute(a) == absolute(b)
        }
    }
}
