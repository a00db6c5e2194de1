//! Snapshots: the register's records as they were, kept inside the register as one
//! [`Snapshot`] record, and the edits that take, rename and delete one (each an ordinary
//! `Edit`, so undoable and audited like any other change).
//!
//! The content is the JSON of every record except the snapshots themselves (a snapshot does not
//! hold earlier snapshots). Above [`COMPRESS_ABOVE`] bytes it is deflated (flate2, the
//! miniz_oxide deflate the zip and PNG writers already use) and written in base64 after the
//! [`DEFLATED`] prefix, so the record stays text as the store keeps every record.

use std::io::{Read, Write};

use base64::Engine;
use chrono::NaiveDate;

use crate::model::{Edit, EntityKind, Record, Register, Snapshot, SnapshotId};

/// Content longer than this is deflated.
pub const COMPRESS_ABOVE: usize = 16 * 1024;

/// The start of deflated content.
pub const DEFLATED: &str = "deflate+base64:";

/// A snapshot could not be taken or read back.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The name is empty.
    #[error("Give the snapshot a name, for example “As at Cabinet 22 March 2026”")]
    NoName,
    /// Another snapshot has the name already.
    #[error("There is already a snapshot called “{0}”: choose another name")]
    NameTaken(String),
    /// No snapshot has that name or number.
    #[error("There is no snapshot called “{0}”")]
    NotFound(String),
    /// The stored content is not a register.
    #[error("The snapshot “{name}” cannot be read: {why}")]
    Unreadable {
        /// The snapshot's name.
        name: String,
        /// What is wrong, in words.
        why: String,
    },
}

/// The content of a snapshot of `register`.
pub fn encode(register: &Register) -> Result<String, SnapshotError> {
    let records: Vec<Record> = register
        .records()
        .filter(|record| record.kind() != EntityKind::Snapshot)
        .collect();
    let json = serde_json::to_string(&records).map_err(|error| SnapshotError::Unreadable {
        name: String::new(),
        why: error.to_string(),
    })?;
    if json.len() <= COMPRESS_ABOVE {
        return Ok(json);
    }
    let mut encoder = flate2::write::DeflateEncoder::new(
        Vec::with_capacity(json.len() / 6),
        flate2::Compression::fast(),
    );
    let deflated = encoder
        .write_all(json.as_bytes())
        .and_then(|()| encoder.finish())
        .map_err(|error| SnapshotError::Unreadable {
            name: String::new(),
            why: error.to_string(),
        })?;
    let mut content = String::with_capacity(DEFLATED.len() + deflated.len() * 4 / 3 + 4);
    content.push_str(DEFLATED);
    base64::engine::general_purpose::STANDARD.encode_string(&deflated, &mut content);
    Ok(content)
}

/// The register a snapshot holds.
pub fn snapshot_register(snapshot: &Snapshot) -> Result<Register, SnapshotError> {
    let unreadable = |why: String| SnapshotError::Unreadable {
        name: snapshot.name.clone(),
        why,
    };
    let json = match snapshot.content.strip_prefix(DEFLATED) {
        None => snapshot.content.clone(),
        Some(encoded) => {
            let deflated = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .map_err(|error| unreadable(format!("its content is damaged ({error})")))?;
            let mut json = String::with_capacity(deflated.len() * 6);
            flate2::read::DeflateDecoder::new(deflated.as_slice())
                .read_to_string(&mut json)
                .map_err(|error| unreadable(format!("its content is damaged ({error})")))?;
            json
        }
    };
    let records: Vec<Record> = serde_json::from_str(&json)
        .map_err(|error| unreadable(format!("its records are damaged ({error})")))?;
    Ok(Register::from_records(records))
}

/// The snapshot of `register` called `name`, as at `as_at` (default: the day taken), as one
/// insert. `taken_at` is the local time, ISO 8601.
pub fn take_snapshot(
    register: &Register,
    name: &str,
    as_at: Option<NaiveDate>,
    taken_at: &str,
) -> Result<Edit, SnapshotError> {
    let name = checked_name(register, name, None)?;
    Ok(Edit::insert(Snapshot {
        id: SnapshotId::next_in(&register.snapshots),
        name,
        taken_at: taken_at.to_string(),
        as_at,
        content: encode(register)?,
    }))
}

/// Renames snapshot `id`, as one change; `None` if the name is unchanged.
pub fn rename_snapshot(
    register: &Register,
    id: SnapshotId,
    name: &str,
) -> Result<Option<Edit>, SnapshotError> {
    let before = register
        .snapshots
        .get(&id)
        .ok_or_else(|| SnapshotError::NotFound(format!("number {}", id.0)))?;
    let name = checked_name(register, name, Some(id))?;
    if name == before.name {
        return Ok(None);
    }
    let after = Snapshot {
        name,
        ..before.clone()
    };
    Ok(Some(Edit::change(before.clone(), after)))
}

/// Deletes snapshot `id`, as one edit (undo brings it back whole).
pub fn delete_snapshot(register: &Register, id: SnapshotId) -> Result<Edit, SnapshotError> {
    register
        .snapshots
        .get(&id)
        .map(|snapshot| Edit::delete(snapshot.clone()))
        .ok_or_else(|| SnapshotError::NotFound(format!("number {}", id.0)))
}

/// The snapshot called `name` (ignoring case and outer spaces), or numbered `name`.
pub fn find_snapshot<'a>(
    register: &'a Register,
    name: &str,
) -> Result<&'a Snapshot, SnapshotError> {
    let wanted = name.trim();
    register
        .snapshots
        .values()
        .find(|s| s.name.trim().eq_ignore_ascii_case(wanted))
        .or_else(|| {
            wanted
                .parse::<i64>()
                .ok()
                .and_then(|number| register.snapshots.get(&SnapshotId(number)))
        })
        .ok_or_else(|| SnapshotError::NotFound(wanted.to_string()))
}

/// Snapshots newest first (by the day they stand for, then when taken).
pub fn snapshots_newest_first(register: &Register) -> Vec<&Snapshot> {
    let mut list: Vec<&Snapshot> = register.snapshots.values().collect();
    list.sort_by(|a, b| {
        (b.as_at_date(), &b.taken_at, b.id).cmp(&(a.as_at_date(), &a.taken_at, a.id))
    });
    list
}

fn checked_name(
    register: &Register,
    name: &str,
    renaming: Option<SnapshotId>,
) -> Result<String, SnapshotError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SnapshotError::NoName);
    }
    let taken = register
        .snapshots
        .values()
        .any(|s| Some(s.id) != renaming && s.name.trim().eq_ignore_ascii_case(name));
    if taken {
        return Err(SnapshotError::NameTaken(name.to_string()));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn taken(register: &mut Register, name: &str) -> SnapshotId {
        let edit = take_snapshot(
            register,
            name,
            Some(day("2026-03-22")),
            "2026-03-23T09:00:00+00:00",
        )
        .expect("taken");
        register.apply(&edit).expect("applied");
        register.snapshots.keys().max().copied().expect("one")
    }

    #[test]
    fn a_snapshot_holds_the_register_as_it_was_and_not_later_changes() {
        let mut register = sample::sample_register_as_at(day("2026-03-01"));
        let id = taken(&mut register, "As at Cabinet 22 March 2026");
        let snapshot = register.snapshots[&id].clone();
        assert!(
            snapshot.content.starts_with(DEFLATED),
            "the sample is large"
        );
        let held = snapshot_register(&snapshot).expect("readable");
        let mut without_snapshots = register.clone();
        without_snapshots.snapshots.clear();
        assert_eq!(held, without_snapshots);
        assert_eq!(snapshot.as_at_date(), Some(day("2026-03-22")));
    }

    #[test]
    fn a_small_register_is_kept_as_plain_json() {
        let register = Register::new("Test Council");
        let content = encode(&register).expect("encoded");
        assert!(content.starts_with('['));
        let snapshot = Snapshot {
            content,
            ..Snapshot::default()
        };
        assert_eq!(snapshot_register(&snapshot).expect("read"), register);
    }

    #[test]
    fn names_must_be_given_and_unique_and_rename_and_delete_are_edits() {
        let mut register = Register::new("Test Council");
        assert!(matches!(
            take_snapshot(&register, "  ", None, "2026-03-23T09:00:00+00:00"),
            Err(SnapshotError::NoName)
        ));
        let first = taken(&mut register, "Cabinet March");
        let second = taken(&mut register, "Scrutiny April");
        assert!(matches!(
            take_snapshot(&register, "cabinet march", None, "x"),
            Err(SnapshotError::NameTaken(_))
        ));
        assert!(matches!(
            rename_snapshot(&register, second, "Cabinet March"),
            Err(SnapshotError::NameTaken(_))
        ));
        assert!(
            rename_snapshot(&register, first, "Cabinet March")
                .expect("ok")
                .is_none()
        );
        let rename = rename_snapshot(&register, first, "Cabinet 22 March")
            .expect("ok")
            .expect("a change");
        register.apply(&rename).expect("renamed");
        assert_eq!(
            find_snapshot(&register, "CABINET 22 march")
                .expect("found")
                .id,
            first
        );
        let delete = delete_snapshot(&register, first).expect("found");
        register.apply(&delete).expect("deleted");
        assert!(find_snapshot(&register, "Cabinet 22 March").is_err());
        register.apply(&delete.inverse()).expect("undone");
        assert!(find_snapshot(&register, "Cabinet 22 March").is_ok());
    }

    #[test]
    fn damaged_content_is_refused_in_words() {
        let snapshot = Snapshot {
            name: "Broken".to_string(),
            content: format!("{DEFLATED}not base64!"),
            ..Snapshot::default()
        };
        let error = snapshot_register(&snapshot).expect_err("damaged");
        assert!(
            error
                .to_string()
                .starts_with("The snapshot “Broken” cannot be read")
        );
    }
}
