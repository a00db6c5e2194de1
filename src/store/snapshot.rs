//! Read-only views: what the window says about a register opened to look at only. The copy
//! itself is made in memory by `file_image`, without writing a byte to the register and without
//! holding it, so the person who edits it is never kept out.

use chrono::{DateTime, Local};

use super::owner_note::OwnerNote;

/// How a read-only register was read, for the window's title and status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnlyView {
    /// When the copy being shown was taken.
    pub taken_at: DateTime<Local>,
    /// Someone's owner note lay beside the register when the copy was taken (so it may have
    /// changed since).
    pub held_elsewhere: bool,
    /// Who, from the owner note.
    pub holder: Option<OwnerNote>,
    /// The snapshot shown, in words ("Snapshot “As at Cabinet”, as at 22 March 2026"), when
    /// the view is of one of the register's snapshots rather than the file.
    pub snapshot: Option<String>,
}

impl ReadOnlyView {
    /// A one-line description: "Read-only copy taken at 10:32, while jsmith on COUNCIL-PC42 has
    /// it open (since 25 November 2025, 09:14)".
    pub fn describe(&self) -> String {
        let taken = self.taken_at.format("%H:%M");
        if let Some(snapshot) = &self.snapshot {
            return format!("{snapshot}, read-only: nothing here can be changed");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_the_view() {
        let view = ReadOnlyView {
            taken_at: Local::now(),
            held_elsewhere: true,
            holder: None,
            snapshot: None,
        };
        assert!(view.describe().contains("while someone else has it open"));
    }
}
