//! The owner note: a small file beside an open register saying who has it open, like the
//! `~$` owner file an office suite leaves beside a document.
//!
//! The register itself is held with SQLite's exclusive lock (see `ARCHITECTURE.md`); the lock is
//! what keeps a second writer out. The note only tells the second person *who* holds it. So:
//!
//! - it is written just after the exclusive lock is obtained, and removed (while the lock is
//!   still held) when the register is closed;
//! - a second opener that finds the register locked reads the note to name the holder;
//! - an opener that *gets* the lock and finds a note knows its writer is gone (crashed, killed,
//!   the computer switched off): the note is stale and is taken over.
//!
//! The note for `S:\Policy\register.atlas` is `S:\Policy\~$register.atlas.owner`. The `~$`
//! prefix is the one office suites use for owner files, so IT staff recognise it and sync
//! clients (OneDrive) leave it alone. It is JSON, readable in Notepad. A missing, unreadable or
//! foreign note is never an error: the note is advice, the lock is the rule.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local};
use serde::{Deserialize, Serialize};

use crate::platform;

/// Who has a register open, as written in its owner note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerNote {
    /// The holder's user name on their computer (`USERNAME` on Windows).
    pub user: String,
    /// The holder's computer name.
    pub machine: String,
    /// The holding program's process id on that computer.
    pub process_id: u32,
    /// When the register was opened, in the holder's local time with its offset.
    pub since: DateTime<FixedOffset>,
    /// The program and version that wrote the note.
    #[serde(default)]
    pub program: String,
}

impl OwnerNote {
    /// The note this process writes when it opens a register now.
    pub fn for_this_process() -> Self {
        Self {
            user: platform::user_name(),
            machine: platform::machine_name(),
            process_id: std::process::id(),
            since: Local::now().fixed_offset(),
            program: format!("Partnership Atlas {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// When the holder opened the register, in this computer's local time, in words
    /// ("25 November 2025, 09:14").
    pub fn since_text(&self) -> String {
        self.since
            .with_timezone(&Local)
            .format("%-d %B %Y, %H:%M")
            .to_string()
    }

    /// "jsmith on COUNCIL-PC42 since 25 November 2025, 09:14".
    pub fn holder_text(&self) -> String {
        format!(
            "{} on {} since {}",
            self.user,
            self.machine,
            self.since_text()
        )
    }

    /// The message to show when this (stale) note was taken over on opening `register`.
    pub fn taken_over_message(&self, register: &Path) -> String {
        format!(
            "{} was left open by {} on {} (since {}), but that program is no longer running. \
             The register is now open here; every change that was saved before it stopped is in it.",
            register.display(),
            self.user,
            self.machine,
            self.since_text()
        )
    }
}

/// Where the owner note of `register` lives: `~$<file name>.owner` in the same folder.
pub fn note_path(register: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from("~$");
    name.push(register.file_name().unwrap_or(register.as_os_str()));
    name.push(".owner");
    register.with_file_name(name)
}

/// Reads the note beside `register`; `None` if there is none or it cannot be understood.
pub fn read(register: &Path) -> Option<OwnerNote> {
    let text = std::fs::read_to_string(note_path(register)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Whether a note file (readable or not) lies beside `register`.
fn exists(register: &Path) -> bool {
    note_path(register).exists()
}

/// Reads the note of a register that another program holds. The holder writes its note just
/// after taking the lock, so a note that is missing or half-written is read again a few times
/// before giving up.
pub(super) fn read_holder(register: &Path) -> Option<OwnerNote> {
    const TRIES: u32 = 5;
    for attempt in 1..=TRIES {
        if let Some(note) = read(register) {
            return Some(note);
        }
        if attempt < TRIES {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
    None
}

/// What opening a register found and left in its owner note. Called once the exclusive lock is
/// held: any note already there was left by a program that no longer holds the lock.
#[derive(Debug, Default)]
pub(super) struct Claim {
    /// The note written for this process (removed again on close), if writing it worked.
    pub written: Option<OwnerNote>,
    /// A stale note that was there before and has been replaced.
    pub taken_over: Option<OwnerNote>,
}

/// Takes over any stale note beside `register` and writes this process's own.
///
/// Writing the note can fail (a folder that lets SQLite write the register but not create new
/// files is rare, but possible); the register is still safely held by its lock, so that is not
/// an error: the next opener is then told the register is in use without a name.
pub(super) fn claim(register: &Path) -> Claim {
    let taken_over = read(register);
    if taken_over.is_none() && exists(register) {
        // Unreadable (foreign or cut short): it is stale all the same, and replaced below.
        std::fs::remove_file(note_path(register)).ok();
    }
    let note = OwnerNote::for_this_process();
    let written = write(register, &note).ok().map(|()| note);
    Claim {
        written,
        taken_over,
    }
}

fn write(register: &Path, note: &OwnerNote) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(note).map_err(std::io::Error::other)?;
    // Whole or not at all: a second opener never reads a half-written note.
    platform::write_file_atomically(&note_path(register), (text + "\n").as_bytes())
}

/// Removes the note beside `register` if it is still `ours` (nobody else's note is ever
/// removed). Called on close while the lock is still held, so no other opener can be between.
pub(super) fn release(register: &Path, ours: &OwnerNote) {
    if read(register).as_ref() == Some(ours) {
        // If it cannot be removed, the next opener finds it stale and takes it over.
        std::fs::remove_file(note_path(register)).ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_sits_beside_the_register_with_the_office_prefix() {
        let register = Path::new("shared/Policy Team/Cyngor – Partneriaethau.atlas");
        assert_eq!(
            note_path(register),
            PathBuf::from("shared/Policy Team/~$Cyngor – Partneriaethau.atlas.owner")
        );
        assert_eq!(
            note_path(Path::new("register.atlas")),
            PathBuf::from("~$register.atlas.owner")
        );
    }

    #[cfg(windows)]
    #[test]
    fn note_beside_drive_letter_and_unc_registers() {
        assert_eq!(
            note_path(Path::new(r"S:\Policy\Partnerships\register.atlas")),
            PathBuf::from(r"S:\Policy\Partnerships\~$register.atlas.owner")
        );
        assert_eq!(
            note_path(Path::new(
                r"\\fileserver\policy\Partnerships\register.atlas"
            )),
            PathBuf::from(r"\\fileserver\policy\Partnerships\~$register.atlas.owner")
        );
    }

    #[test]
    fn claim_takes_over_a_stale_note_and_release_removes_only_ours() {
        let folder = tempfile::tempdir().expect("temp dir");
        let register = folder.path().join("register.atlas");
        let stale = OwnerNote {
            user: "jsmith".into(),
            machine: "COUNCIL-PC42".into(),
            process_id: 4242,
            since: DateTime::parse_from_rfc3339("2025-11-24T09:14:00+00:00").expect("time"),
            program: "Partnership Atlas 0.1.0".into(),
        };
        write(&register, &stale).expect("write");
        assert_eq!(read(&register), Some(stale.clone()));

        let claim = claim(&register);
        assert_eq!(claim.taken_over, Some(stale.clone()));
        let ours = claim.written.expect("our note");
        assert_eq!(ours.process_id, std::process::id());
        assert_eq!(read(&register), Some(ours.clone()));

        // Someone else's note is never removed.
        write(&register, &stale).expect("write");
        release(&register, &ours);
        assert_eq!(read(&register), Some(stale));

        write(&register, &ours).expect("write");
        release(&register, &ours);
        assert!(!note_path(&register).exists());
    }

    #[test]
    fn unreadable_note_is_replaced_without_being_reported() {
        let folder = tempfile::tempdir().expect("temp dir");
        let register = folder.path().join("register.atlas");
        std::fs::write(note_path(&register), "{\"user\": \"half").expect("write");
        let claim = claim(&register);
        assert_eq!(claim.taken_over, None);
        assert!(claim.written.is_some());
        assert_eq!(read(&register), claim.written);
    }

    #[test]
    fn holder_is_named_in_plain_words() {
        let note = OwnerNote {
            user: "jsmith".into(),
            machine: "COUNCIL-PC42".into(),
            process_id: 1,
            since: Local::now().fixed_offset(),
            program: String::new(),
        };
        let text = note.holder_text();
        assert!(text.starts_with("jsmith on COUNCIL-PC42 since "), "{text}");
        let message = note.taken_over_message(Path::new(r"S:\Policy\register.atlas"));
        assert!(
            message
                .starts_with(r"S:\Policy\register.atlas was left open by jsmith on COUNCIL-PC42")
        );
    }
}
