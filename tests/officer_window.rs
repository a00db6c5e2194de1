//! The officer's day at a small screen (1024 x 768), driven by accessible labels: the
//! partnerships table keeps names readable and scrolls sideways, Add partnership puts the
//! keyboard in the new record's Name, Ctrl+2 shows the diagram, a one-cell edit is named in
//! English in the undo menu, and the record pane's size is remembered between sessions.

mod common;
use common::sample_copy;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::ui::PanelKind;
use partnership_atlas::ui::command_table;

const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

/// The window at 1024 x 768 on a copy of the sample, with its settings in `settings`.
fn small_app(path: &std::path::Path, settings: &std::path::Path) -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(Some(path.to_path_buf()), Some(settings.to_path_buf()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

#[test]
fn at_1024_names_stay_readable_and_the_table_scrolls_sideways() {
    let (folder, path) = sample_copy();
    let harness = small_app(&path, &folder.path().join("settings"));
    let heading = |label: &str| {
        harness
            .query_by_label_contains(label)
            .map(|node| node.rect())
    };
    let name = heading("Name").expect("the Name heading");
    let kind = heading("Kind").expect("the Kind heading");
    assert!(
        kind.left() - name.left() >= 200.0,
        "the Name column is {} points wide",
        kind.left() - name.left()
    );
    // Review date is further right than the window: reached by scrolling, not squeezed.
    let review = heading("Review date").expect("the Review date heading");
    assert!(review.left() > 1024.0, "Review date at {}", review.left());
}

#[test]
fn add_partnership_puts_the_keyboard_in_the_new_name() {
    let (folder, path) = sample_copy();
    let mut harness = small_app(&path, &folder.path().join("settings"));
    harness.get_by_label("Add partnership").click();
    harness.run_steps(4);
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert!(name.is_focused(), "the new record's Name has the keyboard");
    assert!(
        name.rect().bottom() <= 768.0 && name.rect().top() >= 0.0,
        "and is in view: {:?}",
        name.rect()
    );
}

#[test]
fn ctrl_2_shows_the_diagram_and_ctrl_1_the_register() {
    let (folder, path) = sample_copy();
    let mut harness = small_app(&path, &folder.path().join("settings"));
    harness.key_press_modifiers(CTRL, Key::Num2);
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().panel, PanelKind::Diagram);
    harness.key_press_modifiers(CTRL, Key::Num3);
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().panel, PanelKind::Scoring);
    harness.key_press_modifiers(CTRL, Key::Num1);
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().panel, PanelKind::Partnerships);
}

#[test]
fn a_one_cell_edit_is_named_in_english_in_the_undo_menu() {
    let (folder, path) = sample_copy();
    let mut harness = small_app(&path, &folder.path().join("settings"));
    harness.get_by_label("Add partnership").click();
    harness.run_steps(4);
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Kestleigh Area Board");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let undo = harness
        .state()
        .document()
        .expect("open")
        .undo_description()
        .expect("an edit");
    assert!(
        undo.starts_with("Change partnership “New partnership")
            && undo.ends_with(": Name to Kestleigh Area Board"),
        "{undo}"
    );
}

#[test]
fn the_record_pane_s_height_is_remembered() {
    let (folder, path) = sample_copy();
    let settings = folder.path().join("settings");
    let mut harness = small_app(&path, &settings);
    harness.get_by_label("Add partnership").click();
    harness.run_steps(4);
    let height = harness
        .state()
        .settings()
        .record_pane_below
        .expect("the pane's height is kept");
    assert!(height > 100.0 && height < 768.0, "{height}");
    drop(harness);
    let saved = std::fs::read_to_string(settings.join("settings.json")).expect("saved");
    assert!(saved.contains("record_pane_below"), "{saved}");
}

/// Chooses `item` from the menu `menu` (its label is its words and its shortcut).
fn choose(harness: &mut Harness<'_, AtlasApp>, menu: &str, item: &str) {
    harness.get_by_role_and_label(Role::Button, menu).click();
    harness.run_steps(3);
    let keys = command_table::COMMANDS
        .iter()
        .find(|entry| entry.text == item)
        .and_then(|entry| entry.shortcuts.first())
        .map(|shortcut| harness.ctx.format_shortcut(shortcut))
        .expect("a shortcut");
    harness
        .get_by_role_and_label(Role::Button, &format!("{item} {keys}"))
        .click();
    harness.run_steps(4);
}

#[test]
fn the_edit_menu_cuts_in_the_text_field_that_has_the_keyboard() {
    let (folder, path) = sample_copy();
    let mut harness = small_app(&path, &folder.path().join("settings"));
    harness.get_by_label("Add partnership").click();
    harness.run_steps(4);
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Kestleigh Area Board");
    harness.run_steps(2);
    let rows = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .partnerships
            .len()
    };
    let before = rows(&harness);
    choose(&mut harness, "Edit", "Select all");
    choose(&mut harness, "Edit", "Cut");
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert!(name.is_focused(), "the field has the keyboard back");
    assert_eq!(name.value().as_deref(), Some(""), "its text was cut");
    assert_eq!(rows(&harness), before, "no table row was cut");
}
