//! Managing a register's diagram views, each change one `Edit` (one undo step): new view,
//! duplicate, rename, delete, change settings, and the standard views offered to a register
//! that has none (an older file: they are offered, never written without asking).
//!
//! Names are tidied (spaces at the ends and doubled inside removed) and must be unique,
//! ignoring case, since `export diagram --view NAME` finds a view by its name.

use crate::model::{
    Edit, InvalidValue, NodePosition, Register, STANDARD_VIEW_NAMES, View, ViewId, ViewKind,
    normalised_name, parse_name,
};

use super::settings::ViewSettings;

/// The words for a view's kind in menus ("Structure", "Council involvement", "Membership").
pub fn kind_label(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Structure => "Structure (accountability tree)",
        ViewKind::Involvement => "Council involvement",
        ViewKind::Membership => "Membership network",
    }
}

fn view_of(register: &Register, id: ViewId) -> Result<&View, InvalidValue> {
    register
        .views
        .get(&id)
        .ok_or_else(|| InvalidValue("That view is no longer in the register".to_string()))
}

/// `name` tidied, or why it cannot be a view's name (empty, or taken by another view than
/// `except`).
pub fn check_view_name(
    register: &Register,
    name: &str,
    except: Option<ViewId>,
) -> Result<String, InvalidValue> {
    let tidy = parse_name(name, "A view's name")?;
    let wanted = normalised_name(&tidy);
    if let Some(other) = register
        .views
        .values()
        .find(|v| Some(v.id) != except && normalised_name(&v.name) == wanted)
    {
        return Err(InvalidValue(format!(
            "There is already a view called \u{201c}{}\u{201d}: choose another name",
            other.name
        )));
    }
    Ok(tidy)
}

/// A name not yet taken, from `base`: "base", else "base (2)", "base (3)"...
pub fn free_view_name(register: &Register, base: &str) -> String {
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    let taken = |name: &str| {
        register
            .views
            .values()
            .any(|v| normalised_name(&v.name) == normalised_name(name))
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|name| !taken(name))
        .unwrap_or(base)
}

/// A new view called `name` of `kind`, with default filters and style: one edit.
pub fn new_view_edit(
    register: &Register,
    name: &str,
    kind: ViewKind,
) -> Result<Edit, InvalidValue> {
    let name = check_view_name(register, name, None)?;
    let view = View {
        id: ViewId::next_in(&register.views),
        name,
        kind,
        settings: View::standard_settings(kind),
    };
    Ok(Edit::Batch {
        description: format!("New view \u{201c}{}\u{201d}", view.name),
        edits: vec![Edit::insert(view)],
    })
}

/// A copy of view `id` (its settings and its arrangement: every stored position) called
/// `name`, or "NAME (copy)" when `name` is `None`: one edit. The new view's id is the
/// register's next ([`ViewId::next_in`]).
pub fn duplicate_view_edit(
    register: &Register,
    id: ViewId,
    name: Option<&str>,
) -> Result<Edit, InvalidValue> {
    let view = view_of(register, id)?;
    let name = match name {
        Some(name) => check_view_name(register, name, None)?,
        None => free_view_name(register, &format!("{} (copy)", view.name)),
    };
    let copy = View {
        id: ViewId::next_in(&register.views),
        name,
        kind: view.kind,
        settings: view.settings.clone(),
    };
    let mut edits = vec![Edit::insert(copy.clone())];
    edits.extend(
        register
            .node_positions
            .values()
            .filter(|p| p.view == id)
            .map(|p| {
                Edit::insert(NodePosition {
                    view: copy.id,
                    ..*p
                })
            }),
    );
    Ok(Edit::Batch {
        description: format!("Duplicate view \u{201c}{}\u{201d}", view.name),
        edits,
    })
}

/// View `id` renamed to `name`: one edit; `Ok(None)` when the name is unchanged.
pub fn rename_view_edit(
    register: &Register,
    id: ViewId,
    name: &str,
) -> Result<Option<Edit>, InvalidValue> {
    let view = view_of(register, id)?;
    let name = check_view_name(register, name, Some(id))?;
    if name == view.name {
        return Ok(None);
    }
    let after = View {
        name: name.clone(),
        ..view.clone()
    };
    Ok(Some(Edit::Batch {
        description: format!(
            "Rename view \u{201c}{}\u{201d} to \u{201c}{name}\u{201d}",
            view.name
        ),
        edits: vec![Edit::change(view.clone(), after)],
    }))
}

/// View `id` deleted with its arrangement (the stored positions go first, so nothing refers
/// to the view): one edit, which undo puts back whole.
pub fn delete_view_edit(register: &Register, id: ViewId) -> Result<Edit, InvalidValue> {
    let view = view_of(register, id)?;
    let mut edits: Vec<Edit> = register
        .node_positions
        .values()
        .filter(|p| p.view == id)
        .map(|p| Edit::delete(*p))
        .collect();
    edits.push(Edit::delete(view.clone()));
    Ok(Edit::Batch {
        description: format!("Delete view \u{201c}{}\u{201d}", view.name),
        edits,
    })
}

/// View `id` with `settings` (keys this version does not know kept): one edit, or `None`
/// when nothing changes.
pub fn settings_edit(register: &Register, id: ViewId, settings: &ViewSettings) -> Option<Edit> {
    let view = register.views.get(&id)?;
    let after = View {
        settings: settings.to_json(&view.settings),
        ..view.clone()
    };
    (after != *view).then(|| Edit::change(view.clone(), after))
}

/// The standard views ([`Register::standard_views`]) the register lacks (by name), to offer
/// a register that has none or lost some; ids after the register's own.
pub fn missing_standard_views(register: &Register) -> Vec<View> {
    let mut next = ViewId::next_in(&register.views).0;
    Register::standard_views()
        .into_iter()
        .filter(|standard| {
            !register
                .views
                .values()
                .any(|v| normalised_name(&v.name) == normalised_name(&standard.name))
        })
        .map(|standard| {
            let view = View {
                id: ViewId(next),
                ..standard
            };
            next += 1;
            view
        })
        .collect()
}

/// Adding the standard views the register lacks, as one edit ("Add the standard views"), or
/// `None` when it has them all. The screen offers this to a register with no views; nothing
/// adds them without being asked.
pub fn add_standard_views_edit(register: &Register) -> Option<Edit> {
    let missing = missing_standard_views(register);
    if missing.is_empty() {
        return None;
    }
    let names: Vec<String> = missing
        .iter()
        .map(|v| format!("\u{201c}{}\u{201d}", v.name))
        .collect();
    Some(Edit::Batch {
        description: if missing.len() == STANDARD_VIEW_NAMES.len() {
            "Add the standard views".to_string()
        } else {
            format!(
                "Add the {} {}",
                crate::model::words::noun_for(missing.len(), "view"),
                names.join(", ")
            )
        },
        edits: missing.into_iter().map(Edit::insert).collect(),
    })
}

#[cfg(test)]
#[path = "views_tests.rs"]
mod tests;
