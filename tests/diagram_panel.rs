//! The Diagram panel driven the way a user drives it: open it from the navigation bar, drag a
//! partnership's box, and find the move stored in the register file as one undoable step;
//! undo puts it back; a click selects the partnership for the tables too.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{NodeRef, ViewId};
use partnership_atlas::sample;
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("Sample council register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

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
