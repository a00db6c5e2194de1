//! The comparison the window and the command line ask for: from one of the register's own
//! snapshots to another, or to the register now. One place reads the snapshots back and
//! names the sides, so the screen, the export and `report FILE changes` agree.

use chrono::NaiveDate;

use super::changes::{Changes, State, compare};
use super::snapshots::{SnapshotError, snapshot_register};
use crate::model::{Register, SnapshotId};

/// What changed from snapshot `since` to snapshot `to`, or to `register` as it is now (as at
/// `today`) when `to` is `None`.
pub fn changes_between(
    register: &Register,
    since: SnapshotId,
    to: Option<SnapshotId>,
    today: NaiveDate,
) -> Result<Changes, SnapshotError> {
    let side = |id: SnapshotId| -> Result<(String, NaiveDate, Register), SnapshotError> {
        let snapshot = register
            .snapshots
            .get(&id)
            .ok_or_else(|| SnapshotError::NotFound(format!("number {}", id.0)))?;
        Ok((
            snapshot.name.clone(),
            snapshot.as_at_date().unwrap_or(today),
            snapshot_register(snapshot)?,
        ))
    };
    let (since_label, since_day, before) = side(since)?;
    let later = to.map(side).transpose()?;
    let (to_label, to_day, after) = match &later {
        Some((label, day, held)) => (label.as_str(), *day, held),
        None => ("Now", today, register),
    };
    Ok(compare(
        State {
            label: &since_label,
            as_at: since_day,
            register: &before,
        },
        State {
            label: to_label,
            as_at: to_day,
            register: after,
        },
    ))
}
