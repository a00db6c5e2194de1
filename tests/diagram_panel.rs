//! The Diagram panel driven the way a user drives it: open it from the navigation bar, drag a
//! partnership's box, and find the move stored in the register file as one undoable step;
//! undo puts it back; a click selects the partnership for the tables too.

mod common;
use common::sample_copy;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{NodeRef, ViewId};
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

fn open_diagram(path: &std::path::Path, folder: &tempfile::TempDir) -> Harness<'static, AtlasApp> {
    let document = Document::open(path).expect("open");
    let app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(2);
    harness.get_by_label("Diagram").click();
    // The diagram never asks for frames by itself, but run_steps is used as with any panel.
    harness.run_steps(4);
    assert_eq!(harness.state().ui_state().panel, PanelKind::Diagram);
    harness
}

/// The first partnership node of the diagram shown, and where it is on screen.
fn first_node(harness: &Harness<'_, AtlasApp>) -> (ViewId, NodeRef, egui::Pos2, f32) {
    let state = &harness.state().ui_state().diagram;
    let diagram = state.diagram().expect("a diagram is shown");
    let node = diagram.nodes[0].node;
    let position = state.screen_position(node).expect("drawn");
    let zoom = state.canvas_view().expect("a canvas").scale;
    (diagram.view, node, position, zoom)
}

#[test]
fn dragging_a_node_stores_one_move_and_undo_takes_it_back() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let (view, node, start, zoom) = first_node(&harness);
    let before = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("diagram")
        .nodes[0]
        .centre;
    assert!(
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .node_positions
            .is_empty()
    );

    let delta = egui::vec2(60.0, 40.0);
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(start + delta * (step as f32 / 4.0));
        harness.run_steps(1);
    }
    harness.drop_at(start + delta);
    harness.run_steps(3);

    let register = harness.state().document().expect("open").register();
    let stored = register
        .node_positions
        .get(&(view, node))
        .expect("the move is stored");
    assert!(
        (stored.x - (before.x + delta.x / zoom)).abs() < 0.5,
        "x {} vs {} at zoom {zoom}",
        stored.x,
        before.x
    );
    assert!(
        (stored.y - (before.y + delta.y / zoom)).abs() < 0.5,
        "y {} vs {}",
        stored.y,
        before.y
    );
    let description = harness.state().document().expect("open").undo_description();
    assert!(
        description.is_some_and(|d| d.starts_with("Move")),
        "one step named for the move"
    );

    harness.state_mut().send(Command::Undo);
    harness.run_steps(2);
    let register = harness.state().document().expect("open").register();
    assert!(
        !register.node_positions.contains_key(&(view, node)),
        "undo took the move back"
    );
    let shown = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("diagram")
        .nodes[0]
        .centre;
    assert_eq!(shown, before, "and the picture is as it was");

    harness.state_mut().send(Command::Redo);
    harness.run_steps(2);
    drop(harness);
    let reopened = Document::open(&path).expect("reopen");
    let stored = reopened
        .register()
        .node_positions
        .get(&(view, node))
        .copied()
        .expect("kept in the file");
    assert!((stored.x - (before.x + delta.x / zoom)).abs() < 0.5);
}

#[test]
fn a_click_on_a_box_selects_the_partnership_for_every_panel() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let (_, node, position, _) = first_node(&harness);
    harness.hover_at(position);
    harness.run_steps(1);
    // Click exactly on the node.
    harness.drag_at(position);
    harness.drop_at(position);
    harness.run_steps(2);
    let NodeRef::Partnership(id) = node else {
        panic!("partnerships come first");
    };
    assert_eq!(harness.state().ui_state().current_partnership, Some(id));
}

#[test]
fn an_open_diagram_settles_so_the_app_is_idle() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    // `run` panics if frames keep being asked for: the diagram asks for none on its own.
    harness.run();
    let (_, _, position, _) = first_node(&harness);
    harness.hover_at(position);
    harness.run();
}

#[test]
fn a_theme_checkbox_in_the_filter_menu_filters_the_view_by_theme() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let view = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("a diagram")
        .view;
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    // Every theme is ticked while the theme filter lets everything through.
    harness.get_by_label("Community safety").click();
    harness.run_steps(3);

    let register = harness.state().document().expect("open").register();
    let settings =
        partnership_atlas::diagram::ViewSettings::from_json(&register.views[&view].settings);
    let safety = register
        .themes
        .values()
        .find(|t| t.name == "Community safety")
        .map(|t| t.id)
        .expect("the theme");
    assert!(
        !settings.filters.themes.is_empty(),
        "the theme filter is on"
    );
    assert!(!settings.filters.themes.contains(&safety));
    assert_eq!(settings.filters.themes.len(), register.themes.len() - 1);
    // The picture follows: no shown partnership serves only community safety.
    let diagram = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("a diagram");
    for node in diagram
        .nodes
        .iter()
        .filter(|n| n.visibility == partnership_atlas::diagram::Visibility::Full)
    {
        let Some(id) = node.partnership() else {
            continue;
        };
        let themes: Vec<_> = register
            .theme_tags
            .keys()
            .filter(|(p, _)| *p == id)
            .map(|(_, t)| *t)
            .collect();
        assert!(
            themes.iter().any(|t| *t != safety),
            "{} is shown in full",
            node.name
        );
    }
    // One undo takes the filter off again.
    harness.state_mut().send(Command::Undo);
    harness.run_steps(2);
    let register = harness.state().document().expect("open").register();
    let settings =
        partnership_atlas::diagram::ViewSettings::from_json(&register.views[&view].settings);
    assert!(settings.filters.themes.is_empty());
}

// ---- Views, the right-click menu, the keyboard and the wheel ----

use egui::Key;
use egui::accesskit::Role;
use partnership_atlas::model::{PartnershipId, Register, RelationshipKind};
use partnership_atlas::ui::diagram::{NUDGE_STEP, ZOOM_STEP};

fn register_of(harness: &Harness<'_, AtlasApp>) -> Register {
    harness.state().document().expect("open").register().clone()
}

fn view_names(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    register_of(harness)
        .views
        .values()
        .map(|v| v.name.clone())
        .collect()
}

fn undo(harness: &mut Harness<'_, AtlasApp>) {
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
}

/// Types `text` into the field labelled `label`, replacing what it held.
fn replace_text(harness: &mut Harness<'_, AtlasApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(1);
}

#[test]
fn a_new_register_shows_the_standard_views() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("New.atlas");
    drop(Document::create(&path, Register::new("Ashmere")).expect("a new register"));
    let mut harness = open_diagram(&path, &folder);
    assert_eq!(
        view_names(&harness),
        ["LSP structure", "Council involvement", "Membership network"]
    );
    // The picker lists them.
    harness.get_by_label("View").click();
    harness.run_steps(2);
    for name in ["LSP structure", "Council involvement", "Membership network"] {
        assert!(
            harness.query_by_label(name).is_some(),
            "the view list offers {name}"
        );
    }
}

#[test]
fn views_are_made_renamed_duplicated_and_deleted_each_as_one_undoable_edit() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let before = view_names(&harness);

    // New view.
    harness.get_by_label("New view...").click();
    harness.run_steps(2);
    replace_text(&mut harness, "Name of the view", "Health and care");
    harness.get_by_label("Create view").click();
    harness.run_steps(3);
    let register = register_of(&harness);
    let made = register
        .views
        .values()
        .find(|v| v.name == "Health and care")
        .expect("the new view is in the register")
        .id;
    assert_eq!(
        harness.state().ui_state().diagram.view,
        Some(made),
        "and shown"
    );
    undo(&mut harness);
    assert_eq!(view_names(&harness), before, "one undo takes it away");
    harness.state_mut().send(Command::Redo);
    harness.run_steps(3);
    harness.state_mut().send(Command::ShowDiagramView(made));
    harness.run_steps(2);

    // Rename it.
    harness.get_by_label("Rename view...").click();
    harness.run_steps(2);
    replace_text(&mut harness, "Name of the view", "Health and wellbeing");
    harness.get_by_label("Rename").click();
    harness.run_steps(3);
    assert_eq!(
        register_of(&harness).views[&made].name,
        "Health and wellbeing"
    );
    undo(&mut harness);
    assert_eq!(register_of(&harness).views[&made].name, "Health and care");
    harness.state_mut().send(Command::Redo);
    harness.run_steps(3);

    // A name already taken is refused, and nothing changes.
    harness.get_by_label("Rename view...").click();
    harness.run_steps(2);
    replace_text(&mut harness, "Name of the view", &before[0].to_uppercase());
    harness.get_by_label("Rename").click();
    harness.run_steps(3);
    assert_eq!(
        register_of(&harness).views[&made].name,
        "Health and wellbeing"
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);

    // Duplicate the structure view with its arrangement.
    let structure = register_of(&harness)
        .views
        .values()
        .find(|v| v.name == "LSP structure")
        .expect("the sample's structure view")
        .id;
    harness
        .state_mut()
        .send(Command::ShowDiagramView(structure));
    harness.run_steps(3);
    harness.get_by_label("Duplicate view...").click();
    harness.run_steps(2);
    harness.get_by_label("Duplicate").click();
    harness.run_steps(3);
    let register = register_of(&harness);
    let copy = register
        .views
        .values()
        .find(|v| v.name == "LSP structure (copy)")
        .expect("the copy is in the register");
    assert_eq!(copy.kind, register.views[&structure].kind);
    let copy = copy.id;
    assert_eq!(harness.state().ui_state().diagram.view, Some(copy));
    undo(&mut harness);
    assert!(!register_of(&harness).views.contains_key(&copy));
    harness.state_mut().send(Command::Redo);
    harness.run_steps(3);

    // Delete the new view, asked first; undo brings it back.
    harness.state_mut().send(Command::ShowDiagramView(made));
    harness.run_steps(3);
    harness.get_by_label("Delete view...").click();
    harness.run_steps(2);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    assert!(!register_of(&harness).views.contains_key(&made));
    assert!(
        harness
            .state()
            .document()
            .expect("open")
            .undo_description()
            .is_some_and(|d| d.starts_with("Delete view")),
        "one step named for the delete"
    );
    undo(&mut harness);
    assert_eq!(
        register_of(&harness).views[&made].name,
        "Health and wellbeing"
    );
}

/// The screen position of the shown partnership `name`.
fn box_on_screen(harness: &Harness<'_, AtlasApp>, name: &str) -> (PartnershipId, egui::Pos2) {
    let state = &harness.state().ui_state().diagram;
    let diagram = state.diagram().expect("a diagram");
    let node = diagram
        .nodes
        .iter()
        .find(|n| n.name == name)
        .expect("the box is drawn");
    let id = node.partnership().expect("a partnership");
    (id, state.screen_position(node.node).expect("on screen"))
}

fn right_click_at(harness: &mut Harness<'_, AtlasApp>, position: egui::Pos2) {
    harness.hover_at(position);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: position,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

#[test]
fn right_clicking_a_box_adds_a_sub_group_to_it_in_one_undoable_edit() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let parent_name = {
        let diagram = harness
            .state()
            .ui_state()
            .diagram
            .diagram()
            .expect("diagram");
        diagram.nodes[0].name.clone()
    };
    let (parent, position) = box_on_screen(&harness, &parent_name);
    right_click_at(&mut harness, position);
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(parent),
        "the box right-clicked is selected"
    );
    replace_text(
        &mut harness,
        "Name of the new sub-group",
        "Food poverty task group",
    );
    // Enter in the menu's name field adds it (as its "Add sub-group" button does).
    harness.key_press(Key::Enter);
    harness.run_steps(4);

    let register = register_of(&harness);
    let added = register
        .partnerships
        .values()
        .find(|p| p.name == "Food poverty task group")
        .expect("the sub-group is in the register");
    assert!(
        register.relationships.values().any(|r| r.from == added.id
            && r.to == parent
            && r.kind == RelationshipKind::SubGroupOf),
        "as a sub-group of the box right-clicked"
    );
    let diagram = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("diagram");
    assert!(
        diagram
            .nodes
            .iter()
            .any(|n| n.partnership() == Some(added.id)),
        "and drawn"
    );
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(added.id)
    );
    let added = added.id;
    undo(&mut harness);
    assert!(
        !register_of(&harness).partnerships.contains_key(&added),
        "one undo takes the sub-group and its line away"
    );
}

/// Whether partnership `id` is drawn in the diagram shown.
fn drawn(harness: &Harness<'_, AtlasApp>, id: PartnershipId) -> bool {
    let diagram = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("diagram");
    diagram.nodes.iter().any(|n| {
        n.partnership() == Some(id)
            && n.visibility != partnership_atlas::diagram::Visibility::Hidden
    })
}

fn hidden_in_view(harness: &Harness<'_, AtlasApp>, view: ViewId) -> Vec<PartnershipId> {
    let register = register_of(harness);
    partnership_atlas::diagram::hiding::hidden_partnerships(&register, &register.views[&view])
}

#[test]
fn a_box_hidden_from_its_menu_comes_back_from_the_background_menu_and_by_undo() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let view = first_node(&harness).0;
    let (id, position) = box_on_screen(&harness, "Ashmere Vale Heritage Forum");
    right_click_at(&mut harness, position);
    harness.get_by_label("Hide from this view").click();
    harness.run_steps(4);
    assert_eq!(
        hidden_in_view(&harness, view),
        vec![id],
        "stored in the view"
    );
    assert!(!drawn(&harness, id), "and no longer drawn");

    undo(&mut harness);
    assert!(
        hidden_in_view(&harness, view).is_empty(),
        "undo shows it again"
    );
    assert!(drawn(&harness, id));
    harness.state_mut().send(Command::Redo);
    harness.run_steps(3);
    assert!(!drawn(&harness, id), "redo hides it again");

    // The background's menu counts the hidden partnerships and shows them again.
    let background = harness
        .get_by_label(partnership_atlas::ui::diagram::CANVAS_LABEL)
        .rect()
        .left_bottom()
        + egui::vec2(4.0, -4.0);
    right_click_at(&mut harness, background);
    harness.get_by_label("Show hidden (1)").click();
    harness.run_steps(4);
    assert!(hidden_in_view(&harness, view).is_empty());
    assert!(drawn(&harness, id), "shown again");
    undo(&mut harness);
    assert_eq!(
        hidden_in_view(&harness, view),
        vec![id],
        "undo hides it again"
    );
}

#[test]
fn arrow_keys_nudge_the_selection_and_undo_puts_it_back() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let name = {
        let diagram = harness
            .state()
            .ui_state()
            .diagram
            .diagram()
            .expect("diagram");
        // A plain box: not a container (whose centre is one of its rows), nor a row.
        diagram
            .nodes
            .iter()
            .skip(1)
            .find(|n| n.rows.is_empty() && n.row_of.is_none())
            .expect("a plain box")
            .name
            .clone()
    };
    let (id, position) = box_on_screen(&harness, &name);
    harness.hover_at(position);
    harness.run_steps(1);
    harness.drag_at(position);
    harness.drop_at(position);
    harness.run_steps(2);
    assert_eq!(harness.state().ui_state().current_partnership, Some(id));
    let view = harness.state().ui_state().diagram.view.expect("a view");
    let node = NodeRef::Partnership(id);
    let start = harness
        .state()
        .ui_state()
        .diagram
        .diagram()
        .expect("diagram")
        .nodes
        .iter()
        .find(|n| n.node == node)
        .expect("drawn")
        .arranged();

    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    let stored = register_of(&harness).node_positions[&(view, node)];
    assert!(
        (stored.x - (start.x + NUDGE_STEP)).abs() < 1e-3,
        "{} vs {}",
        stored.x,
        start.x
    );
    assert!((stored.y - start.y).abs() < 1e-3);
    assert!(
        harness
            .state()
            .document()
            .expect("open")
            .undo_description()
            .is_some_and(|d| d.starts_with("Nudge")),
        "one step named for the nudge"
    );

    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowDown);
    harness.run_steps(3);
    let stored = register_of(&harness).node_positions[&(view, node)];
    assert!(
        (stored.y - (start.y + 10.0 * NUDGE_STEP)).abs() < 1e-3,
        "Shift moves ten steps"
    );

    undo(&mut harness);
    let stored = register_of(&harness).node_positions[&(view, node)];
    assert!(
        (stored.y - start.y).abs() < 1e-3,
        "undo takes the second nudge back"
    );
    undo(&mut harness);
    assert!(
        !register_of(&harness)
            .node_positions
            .contains_key(&(view, node)),
        "and the first"
    );
}

#[test]
fn one_ctrl_wheel_notch_zooms_by_one_step_about_the_pointer() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    let canvas = harness.get_by_label("Diagram canvas").rect();
    let pointer = canvas.center() + egui::vec2(40.0, -30.0);
    harness.hover_at(pointer);
    harness.run_steps(1);
    let before = harness
        .state()
        .ui_state()
        .diagram
        .canvas_view()
        .expect("canvas");
    let under = before.to_scene(pointer);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::COMMAND,
    });
    harness.run_steps(2);
    let after = harness
        .state()
        .ui_state()
        .diagram
        .canvas_view()
        .expect("canvas");
    let ratio = after.scale / before.scale;
    assert!(
        (ratio - ZOOM_STEP).abs() < 1e-3,
        "one notch zoomed {ratio}x"
    );
    assert!(
        (after.to_screen(under) - pointer).length() < 0.5,
        "about the pointer"
    );
}

#[test]
fn the_export_form_says_the_printed_size_and_png_changes_the_extension() {
    let (folder, path) = sample_copy();
    let mut harness = open_diagram(&path, &folder);
    harness.state_mut().send(Command::ShowDiagramExport);
    harness.run_steps(3);
    let typed = harness.state().ui_state().diagram.export.path.clone();
    assert!(typed.ends_with("Diagram.pdf"), "{typed}");
    harness.get_by_label("PNG").click();
    harness.run_steps(2);
    let typed = harness.state().ui_state().diagram.export.path.clone();
    assert!(typed.ends_with("Diagram.png"), "{typed}");
    // The printed name size is given before exporting, the page in words.
    assert!(
        harness.query_by_label_contains(" pt on A").is_some(),
        "the form says how large the names print"
    );
}
