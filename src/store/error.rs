//! What can go wrong with a register file, in words a council officer can act on.

use std::path::{Path, PathBuf};

use super::owner_note::{self, OwnerNote};

/// A failure to open, create, read or write a register file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No file at the path.
    #[error("There is no file at {}", .0.display())]
    NotFound(PathBuf),
    /// Creating a register where a file already is.
    #[error("A file already exists at {}: choose another name", .0.display())]
    AlreadyExists(PathBuf),
    /// Not a SQLite database at all (a text file, a spreadsheet).
    #[error("{} is not a Partnership Atlas register: it is not a database file", .0.display())]
    NotADatabase(PathBuf),
    /// A SQLite database, but some other program's.
    #[error("{} is a database, but not a Partnership Atlas register", .0.display())]
    NotARegister(PathBuf),
    /// The file is shorter than its own header says: cut off in a copy or download.
    #[error("{} is incomplete (cut short, perhaps in a copy or download): open a backup copy instead", .0.display())]
    Truncated(PathBuf),
    /// The file is damaged.
    #[error("{} is damaged and cannot be opened safely ({detail}): open a backup copy instead", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite found.
        detail: String,
    },
    /// Written by a newer version of the program.
    #[error("{} was saved by a newer version of Partnership Atlas (file format {found}; this version reads up to {supported}): update the program to open it", .path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The file's format version.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// Another program or person has the file open (SQLite's lock says so); who, if their
    /// owner note says.
    #[error("{0}")]
    InUse(HeldElsewhere),
    /// The file or its folder cannot be written.
    #[error("{} cannot be written (the file or its folder is read-only, or you lack permission): save a copy elsewhere", .0.display())]
    ReadOnly(PathBuf),
    /// The disk is full.
    #[error("The disk holding {} is full: free some space or save a copy elsewhere", .0.display())]
    DiskFull(PathBuf),
    /// The drive went away or a read or write failed.
    #[error("Reading or writing {} failed (the drive may have been disconnected): {detail}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// The file and the program's copy of the register disagree; nothing was written.
    #[error(
        "The register file does not match what is on screen ({0}); nothing was written. Close and reopen the register"
    )]
    OutOfStep(String),
    /// A stored record could not be read.
    #[error(
        "A stored {entity} could not be read ({detail}): the file may have been changed by another program"
    )]
    BadRecord {
        /// Which kind of record.
        entity: &'static str,
        /// What was wrong.
        detail: String,
    },
}

impl StoreError {
    /// Turns a SQLite error into the plain-words error for `path`.
    pub(super) fn from_sqlite(path: &Path, error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                Self::InUse(HeldElsewhere { path, holder: None })
            }
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => Self::ReadOnly(path),
            Some(ErrorCode::DiskFull) => Self::DiskFull(path),
            Some(ErrorCode::NotADatabase) => Self::NotADatabase(path),
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path,
                detail: error.to_string(),
            },
            _ => Self::Io {
                path,
                detail: error.to_string(),
            },
        }
    }

    /// The same error about `path` instead of the file it was found in (a private copy is
    /// reported as the register the user chose).
    pub(super) fn at_path(self, path: &Path) -> Self {
        let path = path.to_path_buf();
        match self {
            Self::NotFound(_) => Self::NotFound(path),
            Self::AlreadyExists(_) => Self::AlreadyExists(path),
            Self::NotADatabase(_) => Self::NotADatabase(path),
            Self::NotARegister(_) => Self::NotARegister(path),
            Self::Truncated(_) => Self::Truncated(path),
            Self::Corrupt { detail, .. } => Self::Corrupt { path, detail },
            Self::TooNew {
                found, supported, ..
            } => Self::TooNew {
                path,
                found,
                supported,
            },
            Self::InUse(held) => Self::InUse(HeldElsewhere { path, ..held }),
            Self::ReadOnly(_) => Self::ReadOnly(path),
            Self::DiskFull(_) => Self::DiskFull(path),
            Self::Io { detail, .. } => Self::Io { path, detail },
            other @ (Self::OutOfStep(_) | Self::BadRecord { .. }) => other,
        }
    }

    /// An `InUse` error for `path` with the holder named from the owner note; any other error
    /// is returned as it is.
    pub(super) fn naming_holder(self, path: &Path) -> Self {
        match self {
            Self::InUse(HeldElsewhere { holder: None, .. }) => Self::InUse(HeldElsewhere {
                path: path.to_path_buf(),
                holder: owner_note::read_holder(path),
            }),
            other => other,
        }
    }
}

/// A register that another program holds: which file, and who has it if their owner note
/// says. Displays as the message for the user: "S:\Policy\register.atlas is open by jsmith on
/// COUNCIL-PC42 since 25 November 2025, 09:14: try again when they have closed it".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldElsewhere {
    /// The register.
    pub path: PathBuf,
    /// Who holds it, from the owner note beside it (`None` if there is no readable note).
    pub holder: Option<OwnerNote>,
}

impl std::fmt::Display for HeldElsewhere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.holder {
            Some(note) => write!(
                f,
                "{} is open by {}: try again when they have closed it",
                self.path.display(),
                note.holder_text()
            ),
            None => write!(
                f,
                "{} is open in another Partnership Atlas window or on another computer: try \
                 again when it has been closed",
                self.path.display()
            ),
        }
    }
}
