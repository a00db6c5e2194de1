//! `Edit`: every change to a register, each with its exact inverse.
//!
//! The user's changes, imports, layout moves and undo all go through `Register::apply`, so the
//! rules below (keys unique, references present, nothing deleted while in use, no change made
//! to a record that has moved on since it was read) hold for every path into the register.

use serde::{Deserialize, Serialize};

use super::record::{Record, RecordKey};
use super::register::Register;
use super::values::InvalidValue;

/// One change to the register. `Batch` groups changes that are undone as one step.
// An update holds two records; edits are made one at a time, so the size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    /// Add a record that is not there yet.
    Insert(Record),
    /// Replace a record, which must still be `before`, with `after` (same key).
    Update {
        /// The record as it is now.
        before: Record,
        /// The record as it will be.
        after: Record,
    },
    /// Remove a record, which must still be exactly this one and not in use.
    Delete(Record),
    /// Several edits applied all together or not at all, undone in one step.
    Batch {
        /// What the whole step does, in the user's words ("Paste 3 rows").
        description: String,
        /// The edits, in the order applied.
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied. Messages are for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// A batch failed part way and what it had done could not all be taken back: the register
    /// in memory is no longer known to be right (this should never happen).
    #[error(
        "A change failed part way and could not be fully taken back ({0}): close the register and open it again"
    )]
    RollbackFailed(String),
    /// The key is taken.
    #[error("The register already has this {0}")]
    AlreadyExists(String),
    /// The record is not in the register.
    #[error("The {0} is no longer in the register")]
    Missing(String),
    /// The record changed since the edit was made.
    #[error("The {0} has changed since it was shown: look at it again and redo the change")]
    Stale(String),
    /// Something still uses the record.
    #[error(
        "The {title} cannot be deleted: {uses}. Mark it as removed instead, or remove those first"
    )]
    InUse {
        /// The record.
        title: String,
        /// What uses it, counted ("used by 3 memberships and 1 relationship").
        uses: String,
    },
    /// The record points at something that is not there.
    #[error("The {title} refers to a {missing} that is not in the register")]
    MissingReference {
        /// The record.
        title: String,
        /// What it points at.
        missing: String,
    },
    /// An update tried to change what identifies the record.
    #[error("A change cannot give the {0} a different identity")]
    KeyChanged(String),
    /// The register's settings are changed, never added or removed.
    #[error("The register settings can be changed but not added or removed")]
    SettingsNotAddable,
    /// A scoring scheme that assessments were made with is kept as it is.
    #[error("The {title} cannot be {action}: {uses}. {advice}")]
    SchemeInUse {
        /// The scheme.
        title: String,
        /// "changed" or "deleted".
        action: &'static str,
        /// How many assessments use it ("12 assessments were made with it").
        uses: String,
        /// What to do instead.
        advice: &'static str,
    },
    /// A field value breaks a rule.
    #[error("{0}")]
    Invalid(#[from] InvalidValue),
}

impl Edit {
    /// An update from `before` to `after`.
    pub fn change(before: impl Into<Record>, after: impl Into<Record>) -> Self {
        Self::Update {
            before: before.into(),
            after: after.into(),
        }
    }

    /// Adding `record`.
    pub fn insert(record: impl Into<Record>) -> Self {
        Self::Insert(record.into())
    }

    /// Deleting `record`.
    pub fn delete(record: impl Into<Record>) -> Self {
        Self::Delete(record.into())
    }

    /// The edit that undoes this one exactly.
    pub fn inverse(&self) -> Self {
        match self {
            Self::Insert(record) => Self::Delete(record.clone()),
            Self::Delete(record) => Self::Insert(record.clone()),
            Self::Update { before, after } => Self::Update {
                before: after.clone(),
                after: before.clone(),
            },
            Self::Batch { description, edits } => Self::Batch {
                description: description.clone(),
                edits: edits.iter().rev().map(Self::inverse).collect(),
            },
        }
    }

    /// What the edit does, in words for the status bar, the undo menu and the audit log.
    pub fn describe(&self) -> String {
        match self {
            Self::Insert(record) => format!("Add {}", record.title()),
            Self::Update { after, .. } => format!("Change {}", after.title()),
            Self::Delete(record) => format!("Delete {}", record.title()),
            Self::Batch { description, .. } => description.clone(),
        }
    }

    /// The single edits inside, in order (a batch flattened; a single edit alone).
    pub fn leaves(&self) -> Vec<&Edit> {
        match self {
            Self::Batch { edits, .. } => edits.iter().flat_map(Self::leaves).collect(),
            single => vec![single],
        }
    }

    /// The record the edit is about, to show the user what changed: the first record it adds,
    /// changes or deletes, a register record before a diagram's stored place (a batch that
    /// adds a partnership and places its box is about the partnership).
    pub fn main_record(&self) -> Option<RecordKey> {
        let keys: Vec<RecordKey> = self
            .leaves()
            .into_iter()
            .filter_map(|leaf| match leaf {
                Self::Insert(record) | Self::Delete(record) => Some(record.key()),
                Self::Update { after, .. } => Some(after.key()),
                Self::Batch { .. } => None,
            })
            .collect();
        let is_place = |key: &RecordKey| matches!(key, RecordKey::NodePosition(_));
        keys.iter()
            .find(|key| !is_place(key))
            .or_else(|| keys.first())
            .copied()
    }

    /// Whether the edit changes nothing (an update to the same value, an empty batch).
    pub fn is_no_op(&self) -> bool {
        match self {
            Self::Update { before, after } => before == after,
            Self::Batch { edits, .. } => edits.iter().all(Self::is_no_op),
            Self::Insert(_) | Self::Delete(_) => false,
        }
    }
}

impl Register {
    /// Applies `edit` whole, or changes nothing and says why.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Insert(record) => self.insert_checked(record),
            Edit::Update { before, after } => self.update_checked(before, after),
            Edit::Delete(record) => self.delete_checked(record),
            Edit::Batch { edits, .. } => {
                for (done, inner) in edits.iter().enumerate() {
                    if let Err(error) = self.apply(inner) {
                        for applied in edits[..done].iter().rev() {
                            // Undoing what was just applied cannot fail: each inverse finds
                            // exactly the state its edit left. If it ever did, say so.
                            if let Err(undo_error) = self.apply(&applied.inverse()) {
                                return Err(EditError::RollbackFailed(format!(
                                    "{error}; then {undo_error}"
                                )));
                            }
                        }
                        return Err(error);
                    }
                }
                Ok(())
            }
        }
    }

    fn insert_checked(&mut self, record: &Record) -> Result<(), EditError> {
        let key = record.key();
        if key == RecordKey::Settings {
            return Err(EditError::SettingsNotAddable);
        }
        if self.contains(&key) {
            return Err(EditError::AlreadyExists(record.title()));
        }
        self.check_record(record)?;
        self.put_record(record.clone());
        Ok(())
    }

    fn update_checked(&mut self, before: &Record, after: &Record) -> Result<(), EditError> {
        let key = before.key();
        if after.key() != key {
            return Err(EditError::KeyChanged(before.title()));
        }
        match self.get(&key) {
            None => return Err(EditError::Missing(before.title())),
            Some(current) if current != *before => return Err(EditError::Stale(before.title())),
            Some(_) => {}
        }
        if before != after {
            self.check_scheme_not_in_use(before, "changed")?;
        }
        self.check_record(after)?;
        self.put_record(after.clone());
        Ok(())
    }

    /// Why `record` cannot be deleted now (other records use it), if it cannot: the same
    /// refusal `apply` gives, asked before trying (for a delete button's message).
    pub fn deletion_refusal(&self, record: &Record) -> Option<EditError> {
        let users = self.referrers(&record.key());
        (!users.is_empty()).then(|| EditError::InUse {
            title: record.title(),
            uses: describe_uses(&users),
        })
    }

    /// Where `key` (a partnership or organisation) is placed in diagram views. A placement is
    /// not a use: deleting the record deletes its placements with it, in the same step.
    pub fn placements_of(&self, key: &RecordKey) -> Vec<super::entities::NodePosition> {
        use super::entities::NodeRef;
        self.node_positions
            .values()
            .filter(|position| match (position.node, key) {
                (NodeRef::Partnership(id), RecordKey::Partnership(wanted)) => id == *wanted,
                (NodeRef::Organisation(id), RecordKey::Organisation(wanted)) => id == *wanted,
                _ => false,
            })
            .copied()
            .collect()
    }

    /// Why deleting `record` together with its diagram placements would be refused, if it would.
    pub fn deletion_refusal_besides_placements(&self, record: &Record) -> Option<EditError> {
        let users: Vec<RecordKey> = self
            .referrers(&record.key())
            .into_iter()
            .filter(|user| user.kind() != super::record::EntityKind::NodePosition)
            .collect();
        (!users.is_empty()).then(|| EditError::InUse {
            title: record.title(),
            uses: describe_uses(&users),
        })
    }

    fn delete_checked(&mut self, record: &Record) -> Result<(), EditError> {
        let key = record.key();
        if key == RecordKey::Settings {
            return Err(EditError::SettingsNotAddable);
        }
        match self.get(&key) {
            None => return Err(EditError::Missing(record.title())),
            Some(current) if current != *record => {
                return Err(EditError::Stale(record.title()));
            }
            Some(_) => {}
        }
        self.check_scheme_not_in_use(record, "deleted")?;
        let users = self.referrers(&key);
        if !users.is_empty() {
            return Err(EditError::InUse {
                title: record.title(),
                uses: describe_uses(&users),
            });
        }
        self.remove_record(&key);
        Ok(())
    }

    /// A scoring scheme that assessments were made with is never changed or deleted, so those
    /// assessments can always be recomputed by the rules they were scored with. (Deletion is
    /// refused by the assessments' references too; this gives the reason in scoring words.)
    fn check_scheme_not_in_use(
        &self,
        record: &Record,
        action: &'static str,
    ) -> Result<(), EditError> {
        let Record::ScoringScheme(scheme) = record else {
            return Ok(());
        };
        let uses = self
            .assessments
            .values()
            .filter(|assessment| assessment.scheme_version == scheme.version)
            .count();
        if uses == 0 {
            return Ok(());
        }
        Err(EditError::SchemeInUse {
            title: record.title(),
            action,
            uses: format!(
                "{} made with it",
                super::words::counted_was(uses, "assessment")
            ),
            advice: if action == "changed" {
                "Save the changes as a new version: earlier assessments keep the rules they were \
                 scored by"
            } else {
                "It is kept to show how they were scored"
            },
        })
    }

    fn check_record(&self, record: &Record) -> Result<(), EditError> {
        record.validate()?;
        for reference in record.references() {
            if !self.contains(&reference) {
                return Err(EditError::MissingReference {
                    title: record.title(),
                    missing: reference.kind().label().to_string(),
                });
            }
        }
        Ok(())
    }
}

/// "used by 3 memberships and 1 relationship".
fn describe_uses(users: &[RecordKey]) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for user in users {
        *counts.entry(user.kind().label()).or_default() += 1;
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(label, count)| super::words::counted(count, label))
        .collect();
    let listed = match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("it is used by {listed}")
}
