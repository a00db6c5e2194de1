//! The Review section's "Snapshots and changes" panel: take a named, dated snapshot of the
//! register, rename or delete one (each an `Edit`), choose two states to compare (a snapshot
//! and now, or two snapshots), and read what changed with its summary paragraph, exported as a
//! table. The snapshots and the comparison are worked out by `crate::review`.

pub mod audit_log;
mod changes_view;
pub mod rounds;
mod rounds_questions;
mod rounds_return;
mod rounds_table;
mod snapshot_list;

use chrono::NaiveDate;

use super::{Command, CommandQueue, PanelContext};
use crate::model::SnapshotId;
use crate::review::Changes;

/// The panel's state between frames.
#[derive(Debug, Default)]
pub struct ReviewPanelState {
    /// The name typed for a new snapshot.
    pub new_name: String,
    /// The "as at" day typed for a new snapshot (empty: today).
    pub new_date: String,
    /// The snapshot being renamed, with the name typed so far.
    pub renaming: Option<(SnapshotId, String)>,
    /// Compare from this snapshot.
    pub since: Option<SnapshotId>,
    /// Compare to this snapshot; `None` for the register now.
    pub to: Option<SnapshotId>,
    /// The comparison shown, and what it was worked out from.
    pub shown: Option<ShownChanges>,
    /// Where to export the comparison.
    pub export_path: String,
}

/// A comparison on show, with what it was made from (so a later edit makes it stale).
#[derive(Debug)]
pub struct ShownChanges {
    /// From.
    pub since: SnapshotId,
    /// To (`None`: now).
    pub to: Option<SnapshotId>,
    /// The register's revision when compared.
    pub revision: u64,
    /// What changed.
    pub changes: Changes,
}

impl ReviewPanelState {
    /// A different register was opened.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }
}

/// A typed day, or `None` for empty; an error in words for anything else.
fn typed_day(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::model::parse_date(text)
        .map(Some)
        .map_err(|error| error.to_string())
}

/// Draws the panel.
pub fn review_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ReviewPanelState,
    commands: &mut CommandQueue,
) {
    ui.heading("Snapshots and changes");
    ui.label(
        "A snapshot keeps the register as it was, inside the file, \"as at\" the meeting that \
         approved it. Compare a snapshot with now, or two snapshots, to say what changed.",
    );
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            snapshot_list::take_snapshot_ui(ui, context, state, commands);
            ui.add_space(6.0);
            snapshot_list::snapshot_list_ui(ui, context, state, commands);
            ui.separator();
            changes_view::compare_ui(ui, context, state);
            changes_view::changes_ui(ui, context, state, commands);
        });
}

pub(super) fn send_or_report(
    commands: &mut CommandQueue,
    result: Result<crate::model::Edit, crate::review::SnapshotError>,
) {
    match result {
        Ok(edit) => commands.send(Command::edit(edit)),
        Err(error) => commands.send(Command::ReportError(error.to_string())),
    }
}
