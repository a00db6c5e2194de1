//! The register's list of diagram views, changed as edits: a new view, a duplicate (with its
//! arranged positions), a rename, a delete (with its positions). Each is one edit, so one undo
//! step, refused with a reason in plain words when the name is empty or already taken.

use crate::model::{Edit, EditError, InvalidValue, Register, View, ViewId, ViewKind};

/// A name for a view, checked: trimmed, not empty, not another view's (ignoring case, as
/// `export diagram --view` finds views).
pub fn checked_view_name(
    register: &Register,
    name: &str,
    except: Option<ViewId>,
) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(refusal("A view needs a name"));
    }
    let wanted = name.to_lowercase();
    if let Some(other) = register
        .views
        .values()
        .find(|v| Some(v.id) != except && v.name.trim().to_lowercase() == wanted)
    {
        return Err(refusal(&format!(
            "There is already a view called “{}”: choose another name",
            other.name
        )));
    }
    Ok(name.to_string())
}

fn refusal(text: &str) -> EditError {
    EditError::Invalid(InvalidValue(text.to_string()))
}

/// `base`, or `base 2`, `base 3`... whichever no view is called yet.
pub fn unused_view_name(register: &Register, base: &str) -> String {
    std::iter::once(base.to_string())
        .chain((2..).map(|number| format!("{base} {number}")))
        .find(|name| checked_view_name(register, name, None).is_ok())
        .unwrap_or_else(|| base.to_string())
}

/// A new view of `kind` called `name`, with the default filters and style; and its id.
pub fn new_view_edit(
    register: &Register,
    name: &str,
    kind: ViewKind,
) -> Result<(Edit, ViewId), EditError> {
    let name = checked_view_name(register, name, None)?;
    let id = ViewId::next_in(&register.views);
    let view = View {
        id,
        name: name.clone(),
        kind,
        settings: serde_json::json!({}),
    };
    Ok((
        Edit::Batch {
            description: format!("New view “{name}”"),
            edits: vec![Edit::insert(view)],
        },
        id,
    ))
}

/// A copy of view `id` called `name`: same kind, filters, style and arranged positions.
pub fn duplicate_view_edit(
    register: &Register,
    id: ViewId,
    name: &str,
) -> Result<(Edit, ViewId), EditError> {
    let original = view(register, id)?;
    let name = checked_view_name(register, name, None)?;
    let copy_id = ViewId::next_in(&register.views);
    let mut edits = vec![Edit::insert(View {
        id: copy_id,
        name: name.clone(),
        kind: original.kind,
        settings: original.settings.clone(),
    })];
    for position in positions_of(register, id) {
        let mut copy = *position;
        copy.view = copy_id;
        edits.push(Edit::insert(copy));
    }
    Ok((
        Edit::Batch {
            description: format!("Duplicate view “{}” as “{name}”", original.name),
            edits,
        },
        copy_id,
    ))
}

/// View `id` renamed to `name` (no edit when the name is unchanged).
pub fn rename_view_edit(
    register: &Register,
    id: ViewId,
    name: &str,
) -> Result<Option<Edit>, EditError> {
    let before = view(register, id)?;
    let name = checked_view_name(register, name, Some(id))?;
    if name == before.name {
        return Ok(None);
    }
    let mut after = before.clone();
    after.name = name.clone();
    Ok(Some(Edit::Batch {
        description: format!("Rename view “{}” to “{name}”", before.name),
        edits: vec![Edit::change(before.clone(), after)],
    }))
}

/// View `id` deleted, with its arranged positions (undo brings both back).
pub fn delete_view_edit(register: &Register, id: ViewId) -> Result<Edit, EditError> {
    let gone = view(register, id)?;
    let mut edits: Vec<Edit> = positions_of(register, id)
        .map(|position| Edit::delete(*position))
        .collect();
    edits.push(Edit::delete(gone.clone()));
    Ok(Edit::Batch {
        description: format!("Delete view “{}”", gone.name),
        edits,
    })
}

fn view(register: &Register, id: ViewId) -> Result<&View, EditError> {
    register
        .views
        .get(&id)
        .ok_or_else(|| EditError::Missing("view".to_string()))
}

fn positions_of(
    register: &Register,
    id: ViewId,
) -> impl Iterator<Item = &crate::model::NodePosition> + '_ {
    register
        .node_positions
        .iter()
        .filter(move |((view, _), _)| *view == id)
        .map(|(_, position)| position)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodePosition, NodeRef, PartnershipId};

    fn with_view() -> (Register, ViewId) {
        let mut register = crate::sample::sample_register();
        let id = *register.views.keys().next().expect("a view");
        register.node_positions.insert(
            (id, NodeRef::Partnership(PartnershipId(1))),
            NodePosition {
                view: id,
                node: NodeRef::Partnership(PartnershipId(1)),
                x: 10.0,
                y: 20.0,
                pinned: true,
            },
        );
        (register, id)
    }

    fn applied(register: &Register, edit: &Edit) -> Register {
        let mut after = register.clone();
        after.apply(edit).expect("applies");
        after
    }

    #[test]
    fn a_new_view_takes_an_unused_name_and_undoes_exactly() {
        let (register, _) = with_view();
        let name = unused_view_name(&register, "LSP structure");
        assert_eq!(name, "LSP structure 2");
        let (edit, id) = new_view_edit(&register, &name, ViewKind::Structure).expect("made");
        let after = applied(&register, &edit);
        assert_eq!(after.views[&id].name, "LSP structure 2");
        assert_eq!(after.views.len(), register.views.len() + 1);
        assert_eq!(applied(&after, &edit.inverse()), register);
    }

    #[test]
    fn names_are_checked_ignoring_case_and_spaces() {
        let (register, id) = with_view();
        let taken = register.views[&id].name.to_uppercase();
        assert!(new_view_edit(&register, &format!("  {taken} "), ViewKind::Structure).is_err());
        assert!(new_view_edit(&register, "   ", ViewKind::Structure).is_err());
        // A view may be renamed to its own name in other case.
        let edit = rename_view_edit(&register, id, &taken)
            .expect("allowed")
            .expect("changed");
        assert_eq!(applied(&register, &edit).views[&id].name, taken);
        assert_eq!(
            rename_view_edit(&register, id, &register.views[&id].name).expect("ok"),
            None
        );
    }

    #[test]
    fn a_duplicate_copies_settings_and_positions() {
        let (register, id) = with_view();
        let (edit, copy) = duplicate_view_edit(&register, id, "Copy").expect("made");
        let after = applied(&register, &edit);
        assert_eq!(after.views[&copy].kind, register.views[&id].kind);
        assert_eq!(after.views[&copy].settings, register.views[&id].settings);
        let moved = after.node_positions[&(copy, NodeRef::Partnership(PartnershipId(1)))];
        assert_eq!((moved.x, moved.y, moved.pinned), (10.0, 20.0, true));
        assert_eq!(applied(&after, &edit.inverse()), register);
    }

    #[test]
    fn a_delete_takes_the_positions_with_it_and_undo_brings_both_back() {
        let (register, id) = with_view();
        let edit = delete_view_edit(&register, id).expect("made");
        let after = applied(&register, &edit);
        assert!(!after.views.contains_key(&id));
        assert!(after.node_positions.keys().all(|(view, _)| *view != id));
        assert_eq!(applied(&after, &edit.inverse()), register);
    }
}
