//! An open register: the register in memory, its file, and the session's undo and redo.
//!
//! `Document::apply` is the one way a user's change reaches the register: the edit is applied in
//! memory (all or nothing), written to the file in one transaction with its audit rows, and put
//! on the undo stack. If the write fails the memory change is taken back, so screen and file
//! always agree.

use std::path::Path;

use crate::model::{Edit, EditError, Register};
use crate::store::{EditOrigin, Store, StoreError};

/// How many changes Undo can take back (and Redo redo) in a session: the oldest step is
/// forgotten when a newer one would pass it. A typed cell, a move on the diagram, a pasted
/// block are one step each, so a long day's work is a few hundred; an edit holds its records
/// before and after (a kilobyte or two each), so a thousand ordinary steps stay within a few
/// megabytes, while an unbounded history of large pastes would grow all day. Nothing is lost
/// with a forgotten step: the audit log in the file keeps every change.
pub const UNDO_STEPS: usize = 1_000;

/// Puts `item` on top of `stack`, forgetting the oldest beyond `limit`.
fn push_capped<T>(stack: &mut Vec<T>, item: T, limit: usize) {
    stack.push(item);
    if stack.len() > limit {
        let excess = stack.len() - limit;
        stack.drain(..excess);
    }
}

/// Why a change was not made. Either way, nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The change breaks a rule of the register.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The file could not be written (or read).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The register was opened read-only.
    #[error("This register is open read-only: nothing can be changed")]
    ReadOnly,
    /// A write failed and the change could not be taken back in memory, so screen and file may
    /// disagree: nothing more is written until the register is opened again.
    #[error(
        "The change could not be saved, and the register on screen may no longer match its file ({0}): close the register and open it again"
    )]
    OutOfStep(String),
}

/// An open register with its undo history for this session.
#[derive(Debug)]
pub struct Document {
    register: Register,
    store: Store,
    undo_stack: Vec<Edit>,
    redo_stack: Vec<Edit>,
    last_change: Option<String>,
    /// Set when a failed write could not be taken back in memory ([`DocumentError::OutOfStep`]).
    out_of_step: Option<String>,
}

impl Document {
    /// Opens an existing register for editing.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let (store, register) = Store::open(path)?;
        Ok(Self::from_parts(store, register))
    }

    /// Opens an existing register to look at and export only.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let (store, register) = Store::open_read_only(path)?;
        Ok(Self::from_parts(store, register))
    }

    /// A snapshot of the register at `path`, as `register`, to look at and export only
    /// (`description` names it: "Snapshot “As at Cabinet”, as at 22 March 2026").
    pub fn snapshot_view(
        path: &Path,
        register: Register,
        description: String,
    ) -> Result<Self, StoreError> {
        let store = Store::snapshot_view(path, &register, description)?;
        Ok(Self::from_parts(store, register))
    }

    /// Creates a new register file holding `register`.
    pub fn create(path: &Path, register: Register) -> Result<Self, StoreError> {
        let store = Store::create(path, &register)?;
        Ok(Self::from_parts(store, register))
    }

    /// Creates a new register file holding `register` read from another file, its audit log
    /// starting with `description` ("Create register from register.json").
    pub fn create_from(
        path: &Path,
        register: Register,
        description: String,
    ) -> Result<Self, StoreError> {
        let store = Store::create_from(path, &register, description)?;
        Ok(Self::from_parts(store, register))
    }

    fn from_parts(store: Store, register: Register) -> Self {
        Self {
            register,
            store,
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            last_change: None,
            out_of_step: None,
        }
    }

    /// The register as it is now.
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// The register file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Whether changes are refused.
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// The last change written, in words, for the status bar.
    pub fn last_change(&self) -> Option<&str> {
        self.last_change.as_deref()
    }

    /// Makes a change: in memory, in the file, in the audit log and on the undo stack.
    pub fn apply(&mut self, edit: Edit) -> Result<(), DocumentError> {
        if edit.is_no_op() {
            return Ok(());
        }
        let edit = self.register.named(edit);
        self.write(&edit, EditOrigin::Edit)?;
        push_capped(&mut self.undo_stack, edit, UNDO_STEPS);
        self.redo_stack.clear();
        Ok(())
    }

    /// Makes a change as [`Document::apply`] does, audited with `origin` (an import's rows as
    /// "import", a merge of another register as "merge", the description naming the file).
    pub fn apply_from(&mut self, edit: Edit, origin: EditOrigin) -> Result<(), DocumentError> {
        if edit.is_no_op() {
            return Ok(());
        }
        self.write(&edit, origin)?;
        push_capped(&mut self.undo_stack, edit, UNDO_STEPS);
        self.redo_stack.clear();
        Ok(())
    }

    /// Undoes the newest change; returns what was undone, or `None` if there was nothing.
    pub fn undo(&mut self) -> Result<Option<String>, DocumentError> {
        let Some(edit) = self.undo_stack.last() else {
            return Ok(None);
        };
        let inverse = edit.inverse();
        // Named by what is undone ("Undo: Delete X"), not by its inverse ("Add X").
        let description = edit.describe();
        self.write(&inverse, EditOrigin::Undo)?;
        if let Some(edit) = self.undo_stack.pop() {
            push_capped(&mut self.redo_stack, edit, UNDO_STEPS);
        }
        self.last_change = Some(format!("Undo: {description}"));
        Ok(Some(description))
    }

    /// Redoes the newest undone change; returns what was redone, or `None` if there was nothing.
    pub fn redo(&mut self) -> Result<Option<String>, DocumentError> {
        let Some(edit) = self.redo_stack.last().cloned() else {
            return Ok(None);
        };
        self.write(&edit, EditOrigin::Redo)?;
        let description = edit.describe();
        self.redo_stack.pop();
        push_capped(&mut self.undo_stack, edit, UNDO_STEPS);
        self.last_change = Some(format!("Redo: {description}"));
        Ok(Some(description))
    }

    /// The change Undo would undo.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo_stack.last()
    }

    /// The change Redo would redo.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo_stack.last()
    }

    /// What Undo would undo.
    pub fn undo_description(&self) -> Option<String> {
        self.undo_stack.last().map(Edit::describe)
    }

    /// What Redo would redo.
    pub fn redo_description(&self) -> Option<String> {
        self.redo_stack.last().map(Edit::describe)
    }

    /// Writes a complete copy of the register to `destination`; this register stays open.
    pub fn save_copy_as(&self, destination: &Path) -> Result<(), StoreError> {
        self.store.save_copy_as(destination)
    }

    /// The store, for reading the audit log.
    pub fn store(&self) -> &Store {
        &self.store
    }

    fn write(&mut self, edit: &Edit, origin: EditOrigin) -> Result<(), DocumentError> {
        if self.store.is_read_only() {
            return Err(DocumentError::ReadOnly);
        }
        if let Some(reason) = &self.out_of_step {
            return Err(DocumentError::OutOfStep(reason.clone()));
        }
        self.register.apply(edit)?;
        if let Err(error) = self.store.write(edit, origin) {
            // Take the memory change back so screen and file agree. The inverse of an edit
            // just applied always applies; if it ever did not, say so and write nothing more.
            if let Err(rollback) = self.register.apply(&edit.inverse()) {
                let reason = format!("{error}; then {rollback}");
                self.out_of_step = Some(reason.clone());
                return Err(DocumentError::OutOfStep(reason));
            }
            return Err(error.into());
        }
        self.last_change = Some(edit.describe());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::push_capped;

    #[test]
    fn a_capped_stack_forgets_its_oldest_steps_first() {
        let mut stack = Vec::new();
        for step in 1..=5 {
            push_capped(&mut stack, step, 3);
        }
        assert_eq!(stack, [3, 4, 5]);
        push_capped(&mut stack, 6, 3);
        assert_eq!(stack.last(), Some(&6), "the newest is what Undo takes back");
        assert_eq!(stack, [4, 5, 6]);
    }
}
