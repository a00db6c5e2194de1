//! What can go wrong with a register file, in words a council officer can act on. Each message
//! names the file once, says what is wrong, and what to do; the system's own error is kept as
//! the [`std::error::Error::source`] where there is one.

use std::path::{Path, PathBuf};

use super::owner_note::{self, OwnerNote};

/// The system's or SQLite's own error behind a [`StoreError`].
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A failure to open, create, read or write a register file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No file at the path.
    #[error("There is no file at {}", .0.display())]
    NotFound(PathBuf),
    /// Creating a register where a file already is.
    #[error("A file already exists at {}: choose another name", .0.display())]
    AlreadyExists(PathBuf),
    /// This program already holds the register (perhaps by another path to the same file): a
    /// second hold would break the first.
    #[error("{} is already open here, in this Partnership Atlas window", .0.display())]
    AlreadyOpenHere(PathBuf),
    /// Not a SQLite database at all (a text file, a spreadsheet).
    #[error("{} is not a Partnership Atlas register: it is not a database file", .0.display())]
    NotADatabase(PathBuf),
    /// A SQLite database, but some other program's.
    #[error("{} is a database, but not a Partnership Atlas register", .0.display())]
    NotARegister(PathBuf),
    /// The file is shorter than its own header says: cut off in a copy or download.
    #[error("{} is incomplete (cut short, perhaps in a copy or download): open a backup copy instead", .0.display())]
    Truncated(PathBuf),
    /// A register whose making was stopped part way (by an older version of the program, which
    /// made registers in place): it holds nothing.
    #[error("{} is an unfinished register: the program making it was stopped before it was complete, so it holds nothing. Delete it (and any file beside it named the same with -journal) and make the register again", .0.display())]
    Unfinished(PathBuf),
    /// SQLite's integrity check failed: the file is damaged.
    #[error("{} is damaged and cannot be opened safely ({detail}): open a backup copy instead", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite found.
        detail: String,
        /// SQLite's error, when it came as one.
        #[source]
        source: Option<rusqlite::Error>,
    },
    /// Records whose stored text fails its checksum, whose key or links disagree with their row,
    /// or that link to nothing.
    #[error("{} has damaged records and cannot be opened safely: {}. Open a backup copy instead", .path.display(), list(.findings))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Each damaged record, by name, and what is wrong with it.
        findings: Vec<String>,
    },
    /// The schema is not the register's: a trigger, a view, a table changed by another program.
    #[error("{} was changed by another program and cannot be opened safely: {}. {}", .path.display(), list(.findings), if *.clean_copy_possible { "Its data can be kept: save a clean copy of it (File, Save a clean copy; or partnership-atlas clean-copy)" } else { "Open a backup copy instead" })]
    ForeignSchema {
        /// The file.
        path: PathBuf,
        /// Each difference from a register's schema, in plain words.
        findings: Vec<String>,
        /// Every table of a register is there as made, so a clean copy can be saved.
        clean_copy_possible: bool,
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
    #[error("{} cannot be changed here (the file, its folder or its drive is read-only, or you lack permission): open it read-only to look at it and export, or save a copy elsewhere", .0.display())]
    ReadOnly(PathBuf),
    /// The file cannot even be read.
    #[error("You do not have permission to read {}: ask whoever looks after that folder", .0.display())]
    NoPermission(PathBuf),
    /// The disk is full.
    #[error("The disk holding {} is full: free some space or save a copy elsewhere", .0.display())]
    DiskFull(PathBuf),
    /// Reading the file took far more work than a register of its size can need.
    #[error("Reading {} took far more work than a register of its size needs, so it was stopped (the file may have been made to hang the program): open a backup copy instead", .0.display())]
    TooMuchWork(PathBuf),
    /// The file holds one value larger than any register's.
    #[error("{} holds a single value larger than any register's (over 256 MB), so it is not read: open a backup copy instead", .0.display())]
    ValueTooLarge(PathBuf),
    /// The file is far larger than any register.
    #[error("{} is {} MB, far larger than any register, so it is not read", .path.display(), .bytes / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The drive went away or a read or write failed.
    #[error("Reading or writing {} failed (the drive may have been disconnected): {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system or SQLite said.
        #[source]
        source: Cause,
    },
    /// The file and the program's copy of the register disagree; nothing was written.
    #[error(
        "The register file does not match what is on screen ({0}); nothing was written. Close and reopen the register"
    )]
    OutOfStep(String),
}

/// Up to five findings, then how many more.
fn list(findings: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = findings
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if findings.len() > SHOWN {
        let more = findings.len() - SHOWN;
        text.push_str(&format!(
            "; and {more} more {}",
            if more == 1 { "problem" } else { "problems" }
        ));
    }
    text
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
            Some(ErrorCode::CannotOpen) if path.exists() => Self::ReadOnly(path),
            Some(ErrorCode::CannotOpen) => Self::NotFound(path),
            Some(ErrorCode::DiskFull) => Self::DiskFull(path),
            Some(ErrorCode::NotADatabase) => Self::NotADatabase(path),
            Some(ErrorCode::OperationInterrupted) => Self::TooMuchWork(path),
            Some(ErrorCode::TooBig) => Self::ValueTooLarge(path),
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path,
                detail: error.to_string(),
                source: Some(error),
            },
            _ => Self::Io {
                path,
                source: Box::new(error),
            },
        }
    }

    /// Turns a file system error about `path` into the plain-words error.
    pub(super) fn from_io(path: &Path, error: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let path = path.to_path_buf();
        match error.kind() {
            ErrorKind::NotFound => Self::NotFound(path),
            ErrorKind::PermissionDenied => Self::NoPermission(path),
            ErrorKind::ReadOnlyFilesystem => Self::ReadOnly(path),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Self::DiskFull(path),
            _ => Self::Io {
                path,
                source: Box::new(error),
            },
        }
    }

    /// The same error about `path` instead of the file it was found in (a copy in memory or
    /// a file being made is reported as the register the user named).
    pub(super) fn at_path(self, path: &Path) -> Self {
        let path = path.to_path_buf();
        match self {
            Self::NotFound(_) => Self::NotFound(path),
            Self::AlreadyExists(_) => Self::AlreadyExists(path),
            Self::AlreadyOpenHere(_) => Self::AlreadyOpenHere(path),
            Self::NotADatabase(_) => Self::NotADatabase(path),
            Self::NotARegister(_) => Self::NotARegister(path),
            Self::Truncated(_) => Self::Truncated(path),
            Self::Unfinished(_) => Self::Unfinished(path),
            Self::Corrupt { detail, source, .. } => Self::Corrupt {
                path,
                detail,
                source,
            },
            Self::Damaged { findings, .. } => Self::Damaged { path, findings },
            Self::ForeignSchema {
                findings,
                clean_copy_possible,
                ..
            } => Self::ForeignSchema {
                path,
                findings,
                clean_copy_possible,
            },
            Self::TooNew {
                found, supported, ..
            } => Self::TooNew {
                path,
                found,
                supported,
            },
            Self::InUse(held) => Self::InUse(HeldElsewhere { path, ..held }),
            Self::ReadOnly(_) => Self::ReadOnly(path),
            Self::NoPermission(_) => Self::NoPermission(path),
            Self::DiskFull(_) => Self::DiskFull(path),
            Self::TooMuchWork(_) => Self::TooMuchWork(path),
            Self::ValueTooLarge(_) => Self::ValueTooLarge(path),
            Self::TooLarge { bytes, .. } => Self::TooLarge { path, bytes },
            Self::Io { source, .. } => Self::Io { path, source },
            other @ Self::OutOfStep(_) => other,
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

    /// Whether the file could be kept by saving a clean copy of it
    /// ([`super::Store::save_clean_copy`]).
    pub fn clean_copy_possible(&self) -> bool {
        matches!(
            self,
            Self::ForeignSchema {
                clean_copy_possible: true,
                ..
            }
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cause_is_kept_as_the_source() {
        use std::error::Error as _;
        let io = StoreError::from_io(
            Path::new("r.atlas"),
            std::io::Error::new(std::io::ErrorKind::ConnectionReset, "network name gone"),
        );
        assert!(matches!(io, StoreError::Io { .. }));
        let source = io.source().expect("a source");
        assert_eq!(source.to_string(), "network name gone");
        assert_eq!(
            io.to_string(),
            "Reading or writing r.atlas failed (the drive may have been disconnected): network \
             name gone"
        );
    }

    #[test]
    fn findings_are_listed_with_how_many_more() {
        let findings: Vec<String> = (1..=7).map(|i| format!("problem {i}")).collect();
        let error = StoreError::Damaged {
            path: "r.atlas".into(),
            findings,
        };
        let text = error.to_string();
        assert!(text.contains("problem 5; and 2 more problems."), "{text}");
        assert_eq!(text.matches("r.atlas").count(), 1, "the path once: {text}");
    }
}
