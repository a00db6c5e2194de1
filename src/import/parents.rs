//! A partnerships sheet's parent column ("Parent", "Reports to", "Accountable to",
//! "Sub-group of"): each cell becomes a relationship line of that kind from the row's
//! partnership to the one it names, found in the register or among the rows like any link
//! (by id, name, short or other name, then initials).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::links::{LinkIndex, LinkMatch, UnresolvedLink, initials_note, resolve_missing};
use super::mapping::{Target, parent_kind};
use super::preview::{FieldChange, ImportPreview};
use crate::model::{
    Edit, PartnershipId, Record, Register, Relationship, RelationshipId, RelationshipKind,
};
use crate::tables::{LinkTarget, RowOutcome};

/// The partnerships' parents: each parent column's cell becomes a relationship line from the
/// row's partnership to the one it names (in the register or the sheet). A line already
/// recorded is left as it is; one that cannot be drawn makes its row invalid.
#[allow(clippy::too_many_arguments)]
pub(super) fn parents(
    preview: &mut ImportPreview,
    targets: &[Option<Target>],
    headings: &[String],
    data: &[(usize, Vec<String>)],
    after: &mut Register,
    today: NaiveDate,
    unresolved: &mut BTreeMap<(&'static str, String), UnresolvedLink>,
    create: bool,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(position) = targets.iter().position(|t| *t == Some(Target::Parent)) else {
        return edits;
    };
    let kind = headings
        .get(position)
        .and_then(|h| parent_kind(h))
        .unwrap_or(RelationshipKind::ReportsTo);
    let mut index = LinkIndex::new(after, today, LinkTarget::Partnership);
    for (row_index, (line, cells)) in data.iter().enumerate() {
        let Some(row) = preview.rows.get(row_index) else {
            continue;
        };
        let parent = cells.get(position).map(String::as_str).unwrap_or("").trim();
        if parent.is_empty() || row.outcome == RowOutcome::Invalid {
            continue;
        }
        let Some(from) = index.find(&row.name) else {
            continue;
        };
        let to = match index.matches(parent) {
            LinkMatch::Found(id) => Some(id),
            LinkMatch::ByInitials { id, name } => {
                preview.rows[row_index]
                    .reasons
                    .push(initials_note("Parent", parent, &name));
                Some(id)
            }
            found => {
                let ambiguous = matches!(found, LinkMatch::Ambiguous(_));
                let mut made = Vec::new();
                let id = resolve_missing(
                    after,
                    today,
                    &mut made,
                    unresolved,
                    &mut index,
                    (parent, found),
                    *line,
                    create,
                );
                edits.extend(made);
                if ambiguous {
                    preview.rows[row_index].outcome = RowOutcome::Invalid;
                    preview.rows[row_index].reasons.push(format!(
                        "Parent: more than one partnership answers to “{parent}”"
                    ));
                    continue;
                }
                id
            }
        };
        let Some(to) = to else {
            preview.rows[row_index].outcome = RowOutcome::Invalid;
            preview.rows[row_index]
                .reasons
                .push(format!("Parent: there is no partnership called “{parent}”"));
            continue;
        };
        let (from, to) = (PartnershipId(from), PartnershipId(to));
        if after
            .relationships
            .values()
            .any(|r| r.from == from && r.to == to && r.kind == kind)
        {
            continue;
        }
        if let Some(reason) = after.new_line_refusal(from, kind, to) {
            preview.rows[row_index].outcome = RowOutcome::Invalid;
            preview.rows[row_index]
                .reasons
                .push(format!("Parent: {reason}"));
            continue;
        }
        let edit = Edit::Insert(Record::from(Relationship {
            id: RelationshipId::next_in(&after.relationships),
            from,
            to,
            kind,
            ..Relationship::default()
        }));
        if after.apply(&edit).is_ok() {
            if preview.rows[row_index].outcome == RowOutcome::Unchanged {
                preview.rows[row_index].outcome = RowOutcome::Changed;
            }
            preview.rows[row_index].changes.push(FieldChange {
                field: "Parent",
                old: String::new(),
                new: parent.to_string(),
            });
            edits.push(edit);
        }
    }
    edits
}
