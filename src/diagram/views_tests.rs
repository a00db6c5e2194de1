//! View management: each change one edit whose inverse puts the register back exactly.

use super::*;
use crate::diagram::{BuildOptions, Diagram, edits};
use crate::export::Point;
use crate::model::{Partnership, PartnershipId};

fn register_with_a_partnership() -> Register {
    let mut r = Register::new("Eastvale Borough Council");
    r.partnerships.insert(
        PartnershipId(1),
        Partnership {
            id: PartnershipId(1),
            name: "Eastvale Together Board".to_string(),
            structural_level: crate::model::StructuralLevel::LspBoard,
            ..Partnership::default()
        },
    );
    r
}

fn apply_and_undo(register: &mut Register, edit: &Edit) -> Register {
    let before = register.clone();
    register.apply(edit).expect("applies");
    let after = register.clone();
    register.apply(&edit.inverse()).expect("undoes");
    assert!(*register == before, "undo puts the register back");
    register.apply(edit).expect("redoes");
    assert!(*register == after, "redo again");
    after
}

#[test]
fn a_new_register_holds_the_standard_views() {
    let r = Register::new("Eastvale Borough Council");
    let views: Vec<(&str, ViewKind)> = r
        .views
        .values()
        .map(|v| (v.name.as_str(), v.kind))
        .collect();
    assert_eq!(
        views,
        vec![
            ("LSP structure", ViewKind::Structure),
            ("Council involvement", ViewKind::Involvement),
            ("Membership network", ViewKind::Membership),
        ]
    );
    assert!(missing_standard_views(&r).is_empty());
    assert_eq!(add_standard_views_edit(&r), None);
    // And each draws once there is a partnership.
    let r = register_with_a_partnership();
    let structure = crate::diagram::find_view(&r, "LSP structure").expect("there");
    let diagram = Diagram::build(&r, structure, &BuildOptions::default());
    assert_eq!(diagram.nodes.len(), 1);
}

#[test]
fn a_register_without_views_is_offered_them_as_one_edit() {
    let mut r = Register::without_views("Old file council");
    assert!(r.views.is_empty(), "nothing is written without asking");
    let edit = add_standard_views_edit(&r).expect("offered");
    let Edit::Batch { description, .. } = &edit else {
        panic!("a batch");
    };
    assert_eq!(description, "Add the standard views");
    let after = apply_and_undo(&mut r, &edit);
    assert_eq!(after.views.len(), 3);
    // A register that has one of them is offered the other two.
    let mut partial = Register::without_views("x");
    let mut structure = Register::standard_views().remove(0);
    structure.id = ViewId(7);
    structure.name = "lsp  STRUCTURE".to_string();
    partial.views.insert(structure.id, structure);
    let missing = missing_standard_views(&partial);
    let names: Vec<&str> = missing.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, vec!["Council involvement", "Membership network"]);
    assert!(missing.iter().all(|v| v.id.0 > 7), "new ids");
}

#[test]
fn new_rename_duplicate_and_delete_are_each_one_undoable_edit() {
    let mut r = register_with_a_partnership();
    let edit = new_view_edit(&r, "  Community   safety ", ViewKind::Structure).expect("a name");
    let after = apply_and_undo(&mut r, &edit);
    let made = after
        .views
        .values()
        .find(|v| v.name == "Community safety")
        .expect("made, name tidied");
    let id = made.id;

    // Names are unique ignoring case.
    let taken = new_view_edit(&r, "community SAFETY", ViewKind::Membership).expect_err("taken");
    assert!(taken.0.contains("already a view called"), "{}", taken.0);
    assert!(new_view_edit(&r, "   ", ViewKind::Membership).is_err());

    let rename = rename_view_edit(&r, id, "Safer communities")
        .expect("allowed")
        .expect("a change");
    let after = apply_and_undo(&mut r, &rename);
    assert_eq!(after.views[&id].name, "Safer communities");
    assert_eq!(
        rename_view_edit(&r, id, "Safer communities").expect("ok"),
        None
    );
    // Renaming to its own name in another case is allowed (it is not taken by another).
    assert!(
        rename_view_edit(&r, id, "SAFER communities")
            .expect("ok")
            .is_some()
    );
    assert!(rename_view_edit(&r, id, "LSP structure").is_err());

    // Arrange the view (store a position), then duplicate it: the copy has the arrangement.
    let view = r.views[&id].clone();
    let diagram = Diagram::build(&r, &view, &BuildOptions::default());
    let moved = edits::move_edit(&r, &diagram, 0, Point::new(400.0, 300.0)).expect("a move");
    r.apply(&moved).expect("moved");
    let duplicate = duplicate_view_edit(&r, id, None).expect("a copy");
    let after = apply_and_undo(&mut r, &duplicate);
    let copy = after
        .views
        .values()
        .find(|v| v.name == "Safer communities (copy)")
        .expect("named as a copy");
    assert_eq!(copy.kind, ViewKind::Structure);
    let positions = |view: ViewId| {
        after
            .node_positions
            .values()
            .filter(|p| p.view == view)
            .map(|p| (p.node, p.x, p.y))
            .collect::<Vec<_>>()
    };
    assert_eq!(positions(copy.id), positions(id));
    assert!(!positions(id).is_empty());
    // A second copy gets a free name.
    let second = duplicate_view_edit(&r, id, None).expect("a copy");
    r.apply(&second).expect("applies");
    assert!(
        r.views
            .values()
            .any(|v| v.name == "Safer communities (copy) (2)")
    );

    // Delete takes the arrangement with it, and undo brings both back.
    let delete = delete_view_edit(&r, id).expect("deletable");
    let after = apply_and_undo(&mut r, &delete);
    assert!(!after.views.contains_key(&id));
    assert!(after.node_positions.values().all(|p| p.view != id));
}

#[test]
fn settings_are_one_edit_and_unknown_keys_survive() {
    let mut r = register_with_a_partnership();
    let id = ViewId(1);
    if let Some(view) = r.views.get_mut(&id) {
        view.settings = serde_json::json!({"from_a_later_version": 3});
    }
    let mut settings = ViewSettings::from_json(&r.views[&id].settings);
    assert_eq!(
        settings_edit(&r, id, &settings).map(|_| ()),
        Some(()),
        "defaults written once"
    );
    settings.title = "Appendix 4".to_string();
    let edit = settings_edit(&r, id, &settings).expect("a change");
    let after = apply_and_undo(&mut r, &edit);
    assert_eq!(after.views[&id].settings["from_a_later_version"], 3);
    assert_eq!(
        ViewSettings::from_json(&after.views[&id].settings).title,
        "Appendix 4"
    );
    assert_eq!(settings_edit(&after, id, &settings), None);
}
