//! A partnership's place in the structure, as its detail form edits it: the typed
//! relationships it has with other partnerships in both directions (sub-group of, reports
//! to...), a searchable list of partnerships to link to, and adding or removing one line as one
//! undoable [`Edit`]. Self-links and duplicates are refused with the reason.

use crate::model::{
    Edit, InvalidValue, PartnershipId, Register, Relationship, RelationshipId, RelationshipKind,
    normalised_name,
};

/// Which way a relationship points, seen from the partnership whose form shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// This partnership is the line's `from` (it is the sub-group, the one reporting).
    Outgoing,
    /// This partnership is the line's `to` (the parent, the one reported to).
    Incoming,
}

/// One relationship as the form lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationshipLine {
    /// The relationship.
    pub id: RelationshipId,
    /// Its type.
    pub kind: RelationshipKind,
    /// Which way it points from this partnership.
    pub direction: Direction,
    /// The partnership at the other end.
    pub other: PartnershipId,
    /// In words: "Sub-group of Harborough Partnership Board", "Has Youth Forum as a
    /// sub-group".
    pub text: String,
}

/// The words for adding a line in `direction` ("Sub-group of", "Has as a sub-group"): the
/// choices the form's relationship type list offers, read as "this partnership ... the one
/// picked".
pub fn direction_words(kind: RelationshipKind, direction: Direction) -> &'static str {
    match (direction, kind) {
        (Direction::Outgoing, kind) => kind.label(),
        (Direction::Incoming, RelationshipKind::SubGroupOf) => "Has as a sub-group",
        (Direction::Incoming, RelationshipKind::ReportsTo) => "Receives reports from",
        (Direction::Incoming, RelationshipKind::AccountableTo) => "Holds to account",
        (Direction::Incoming, RelationshipKind::Commissions) => "Commissioned by",
        (Direction::Incoming, RelationshipKind::Advises) => "Advised by",
        (Direction::Incoming, RelationshipKind::Informs) => "Informed by",
    }
}

/// How a relationship reads from its `to` end ("Has X as a sub-group", "X reports to it").
fn incoming_words(kind: RelationshipKind, other: &str) -> String {
    match kind {
        RelationshipKind::SubGroupOf => format!("Has {other} as a sub-group"),
        RelationshipKind::ReportsTo => format!("{other} reports to it"),
        RelationshipKind::AccountableTo => format!("{other} is accountable to it"),
        RelationshipKind::Commissions => format!("Commissioned by {other}"),
        RelationshipKind::Advises => format!("Advised by {other}"),
        RelationshipKind::Informs => format!("Informed by {other}"),
    }
}

/// What `from` is to `to` in a sentence's middle: "a sub-group of", "reporting to".
fn role_words(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::SubGroupOf => "a sub-group of",
        RelationshipKind::ReportsTo => "reporting to",
        RelationshipKind::AccountableTo => "accountable to",
        RelationshipKind::Commissions => "commissioning",
        RelationshipKind::Advises => "advising",
        RelationshipKind::Informs => "informing",
    }
}

/// The words of a relationship added or removed, for the status bar, the undo menu and the
/// audit log: "Empty Homes Group added as a sub-group of Housing Partnership".
fn relationship_change_words(register: &Register, line: &Relationship, done: &str) -> String {
    format!(
        "{} {done} as {} {}",
        register.partnership_name(line.from),
        role_words(line.kind),
        register.partnership_name(line.to)
    )
}

/// Every relationship of `id`, both directions: where it sits (outgoing: its parents, whom
/// it reports to) first, then what sits under it; each by the other partnership's name.
pub fn relationships_of(register: &Register, id: PartnershipId) -> Vec<RelationshipLine> {
    let mut lines: Vec<RelationshipLine> = register
        .relationships
        .values()
        .filter(|r| r.from == id || r.to == id)
        .map(|r| {
            let (direction, other) = if r.from == id {
                (Direction::Outgoing, r.to)
            } else {
                (Direction::Incoming, r.from)
            };
            let name = register.partnership_name(other);
            let text = match direction {
                Direction::Outgoing => format!("{} {name}", r.kind.label()),
                Direction::Incoming => incoming_words(r.kind, name),
            };
            RelationshipLine {
                id: r.id,
                kind: r.kind,
                direction,
                other,
                text,
            }
        })
        .collect();
    lines.sort_by_key(|line| {
        (
            line.direction == Direction::Incoming,
            line.kind.label(),
            normalised_name(register.partnership_name(line.other)),
            line.id,
        )
    });
    lines
}

/// The partnerships whose name or short name holds every word of `search` (any case), by
/// name, leaving out `except` (the partnership being edited): what the picker lists.
pub fn matching_partnerships(
    register: &Register,
    search: &str,
    except: PartnershipId,
) -> Vec<(PartnershipId, String)> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<(PartnershipId, String)> = register
        .partnerships
        .values()
        .filter(|p| p.id != except)
        .filter(|p| {
            let haystack = format!("{} {}", p.name, p.short_name).to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .map(|p| (p.id, p.name.clone()))
        .collect();
    found.sort_by_cached_key(|(id, name)| (normalised_name(name), *id));
    found
}

/// The edit adding "`from` `kind` `to`" ("Youth Forum is a sub-group of the Board"), or why
/// not: a partnership cannot relate to itself, both must be in the register, the same line
/// cannot be added twice, and a line of accountability cannot close a loop (answering to one's
/// own sub-group).
pub fn add_relationship(
    register: &Register,
    from: PartnershipId,
    kind: RelationshipKind,
    to: PartnershipId,
) -> Result<Edit, InvalidValue> {
    for id in [from, to] {
        if !register.partnerships.contains_key(&id) {
            return Err(InvalidValue(
                "That partnership is no longer in the register".to_string(),
            ));
        }
    }
    if let Some(refusal) = register.new_line_refusal(from, kind, to) {
        return Err(InvalidValue(refusal));
    }
    let line = Relationship {
        id: RelationshipId::next_in(&register.relationships),
        from,
        to,
        kind,
        label: String::new(),
    };
    Ok(Edit::Batch {
        description: relationship_change_words(register, &line, "added"),
        edits: vec![Edit::insert(line)],
    })
}

/// The edit removing relationship `id`, or why not.
pub fn remove_relationship(register: &Register, id: RelationshipId) -> Result<Edit, InvalidValue> {
    let relationship = register.relationships.get(&id).ok_or_else(|| {
        InvalidValue("That relationship is no longer in the register".to_string())
    })?;
    if let Some(refusal) = register.deletion_refusal(&relationship.clone().into()) {
        return Err(InvalidValue(refusal.to_string()));
    }
    Ok(Edit::Batch {
        description: relationship_change_words(register, relationship, "removed"),
        edits: vec![Edit::delete(relationship.clone())],
    })
}
