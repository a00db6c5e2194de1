//! Merging organisation B into organisation A (or person B into person A) inside one register:
//! everything that points at B is re-pointed at A, once, and B is removed, as one batch edit.
//! A membership or diagram place B has where A already has one is removed instead of doubled.

use std::collections::BTreeMap;

use crate::model::{
    Edit, EntityKind, NodeRef, OrganisationId, PersonId, Record, RecordKey, Register, words,
};

/// Why two records cannot be merged. Messages are for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeRefusal {
    /// The same record was chosen twice.
    #[error("Choose two different records to merge")]
    SameRecord,
    /// One of them is no longer in the register.
    #[error("The {0} is no longer in the register")]
    Missing(String),
}

/// A merge of two records, ready to confirm: the edit and what it does, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateMerge {
    /// The one batch edit.
    pub edit: Edit,
    /// The record kept ("organisation “Citizens Advice”").
    pub kept: String,
    /// The record removed.
    pub removed: String,
    /// What moves to the kept record, counted by kind ("3 memberships").
    pub moved: Vec<String>,
    /// What is removed because the kept record already has it ("1 membership").
    pub dropped: Vec<String>,
}

impl DuplicateMerge {
    /// The confirmation in one sentence.
    pub fn summary(&self) -> String {
        let moved = if self.moved.is_empty() {
            "nothing to move".to_string()
        } else {
            format!("moves {}", join(&self.moved))
        };
        let dropped = if self.dropped.is_empty() {
            String::new()
        } else {
            format!(
                ", and removes {} the kept one already has",
                join(&self.dropped)
            )
        };
        format!(
            "Merge {} into {}: {moved}{dropped}; then {} is removed.",
            self.removed, self.kept, self.removed
        )
    }
}

/// Merges organisation `remove` into `keep`.
pub fn merge_organisations(
    register: &Register,
    keep: OrganisationId,
    remove: OrganisationId,
) -> Result<DuplicateMerge, MergeRefusal> {
    merge(
        register,
        RecordKey::Organisation(keep),
        RecordKey::Organisation(remove),
    )
}

/// Merges person `remove` into `keep`.
pub fn merge_people(
    register: &Register,
    keep: PersonId,
    remove: PersonId,
) -> Result<DuplicateMerge, MergeRefusal> {
    merge(register, RecordKey::Person(keep), RecordKey::Person(remove))
}

fn merge(
    register: &Register,
    keep: RecordKey,
    remove: RecordKey,
) -> Result<DuplicateMerge, MergeRefusal> {
    if keep == remove {
        return Err(MergeRefusal::SameRecord);
    }
    let kept = register
        .get(&keep)
        .ok_or_else(|| MergeRefusal::Missing(keep.kind().label().to_string()))?;
    let removed = register
        .get(&remove)
        .ok_or_else(|| MergeRefusal::Missing(remove.kind().label().to_string()))?;
    let mut repoints = Vec::new();
    let mut drops = Vec::new();
    let mut moved: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut dropped: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for user in register.referrers(&remove) {
        let Some(record) = register.get(&user) else {
            continue;
        };
        match repointed(register, &record, keep, remove) {
            Some(Repointed::Changed(after)) => {
                *moved.entry(user.kind()).or_default() += 1;
                repoints.push(Edit::change(record, after));
            }
            Some(Repointed::Moved(after)) => {
                *moved.entry(user.kind()).or_default() += 1;
                drops.push(Edit::Delete(record));
                repoints.push(Edit::Insert(after));
            }
            Some(Repointed::AlreadyThere) => {
                *dropped.entry(user.kind()).or_default() += 1;
                drops.push(Edit::Delete(record));
            }
            // A kind this merge does not know how to re-point: left as it is, so removing B
            // is refused (in use) rather than the record lost.
            None => {}
        }
    }
    // Deletes first (a moved place frees its key), then the re-pointed records, then B.
    let mut edits = drops;
    edits.extend(repoints);
    edits.push(Edit::Delete(removed.clone()));
    let description = format!("Merge {} into {}", removed.title(), kept.title());
    Ok(DuplicateMerge {
        edit: Edit::Batch { description, edits },
        kept: kept.title(),
        removed: removed.title(),
        moved: counted(&moved),
        dropped: counted(&dropped),
    })
}

/// How one record that points at B reads once it points at A.
enum Repointed {
    /// The same record, its link changed.
    Changed(Record),
    /// A record whose key holds the link (a diagram place): a new record under a new key.
    Moved(Record),
    /// A has the same already (a membership of the same partnership, a place in the view).
    AlreadyThere,
}

fn repointed(
    register: &Register,
    record: &Record,
    keep: RecordKey,
    remove: RecordKey,
) -> Option<Repointed> {
    let org = |id: &mut Option<OrganisationId>| {
        if let (RecordKey::Organisation(keep), RecordKey::Organisation(remove)) = (keep, remove)
            && *id == Some(remove)
        {
            *id = Some(keep);
        }
    };
    let person = |id: &mut Option<PersonId>| {
        if let (RecordKey::Person(keep), RecordKey::Person(remove)) = (keep, remove)
            && *id == Some(remove)
        {
            *id = Some(keep);
        }
    };
    let mut after = record.clone();
    match &mut after {
        Record::Settings(settings) => org(&mut settings.council_organisation),
        Record::Partnership(partnership) => {
            org(&mut partnership.accountable_body);
            person(&mut partnership.responsible_officer);
        }
        Record::Strategy(strategy) => org(&mut strategy.owner),
        Record::Action(action) => person(&mut action.owner),
        Record::Membership(membership) => {
            let RecordKey::Organisation(keep) = keep else {
                return None;
            };
            let doubled = register.memberships.values().any(|other| {
                other.partnership == membership.partnership && other.organisation == keep
            });
            if doubled {
                return Some(Repointed::AlreadyThere);
            }
            membership.organisation = keep;
        }
        Record::Representation(representation) => {
            let RecordKey::Person(keep) = keep else {
                return None;
            };
            representation.person = keep;
        }
        Record::NodePosition(position) => {
            let RecordKey::Organisation(keep) = keep else {
                return None;
            };
            position.node = NodeRef::Organisation(keep);
            if register
                .node_positions
                .contains_key(&(position.view, position.node))
            {
                return Some(Repointed::AlreadyThere);
            }
            return Some(Repointed::Moved(after));
        }
        _ => return None,
    }
    Some(Repointed::Changed(after))
}

fn counted(counts: &BTreeMap<EntityKind, usize>) -> Vec<String> {
    counts
        .iter()
        .map(|(kind, count)| words::counted(*count, kind.label()))
        .collect()
}

fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
