//! The app shell driven the way a user drives it, through accessible labels: select a
//! partnership, rename it, undo, redo, and find the result in the register file.

mod common;
use common::sample_copy;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{Partnership, PartnershipId};

/// Ctrl on Windows and Linux, as the keyboard reports it.
const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

fn settings_folder(folder: &tempfile::TempDir) -> Option<PathBuf> {
    Some(folder.path().join("settings"))
}

fn harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    harness_sized(app, egui::vec2(1400.0, 900.0))
}

/// At this size the detail form sits under the table; from 1,780 points wide, beside it.
fn harness_sized(app: AtlasApp, size: egui::Vec2) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

/// The partnership listed first (by name) in the register.
fn first_partnership(harness: &Harness<'_, AtlasApp>) -> Partnership {
    let register = harness
        .state()
        .document()
        .expect("a register is open")
        .register();
    register
        .partnerships
        .values()
        .min_by_key(|p| p.name.to_lowercase())
        .cloned()
        .expect("the sample has partnerships")
}

fn name_in_app(harness: &Harness<'_, AtlasApp>, id: PartnershipId) -> String {
    harness
        .state()
        .document()
        .expect("a register is open")
        .register()
        .partnerships[&id]
        .name
        .clone()
}

fn name_in_file(path: &Path, id: PartnershipId) -> String {
    let document = Document::open(path).expect("the register reopens");
    document.register().partnerships[&id].name.clone()
}

/// Finds `name` through the filter box and selects its row.
fn select_partnership(harness: &mut Harness<'_, AtlasApp>, name: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text(name);
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run_steps(3);
    assert!(
        harness.state().ui_state().current_partnership.is_some(),
        "clicking the row selects the partnership"
    );
}

/// Replaces the text of the Name field with `text` and presses Enter.
fn type_name(harness: &mut Harness<'_, AtlasApp>, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    if text.is_empty() {
        harness.key_press(Key::Delete);
    } else {
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .type_text(text);
    }
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn rename_undo_redo_through_the_ui_and_the_file_keeps_the_result() {
    let (folder, path) = sample_copy();
    let mut harness = harness(AtlasApp::new(Some(path.clone()), settings_folder(&folder)));
    let target = first_partnership(&harness);
    let old_name = target.name.clone();
    let new_name = "Harborough Partnership Board (renamed)";

    select_partnership(&mut harness, &old_name);
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(target.id)
    );
    let name_field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(name_field.value().as_deref(), Some(old_name.as_str()));

    type_name(&mut harness, new_name);
    assert_eq!(
        name_in_app(&harness, target.id),
        new_name,
        "Enter commits the name"
    );
    let document = harness.state().document().expect("open");
    assert!(
        document.last_change().is_some_and(|c| c.contains(new_name)),
        "the status bar's last change names the edit: {:?}",
        document.last_change()
    );

    // Undo from the Edit menu.
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Undo Change").click();
    harness.run_steps(3);
    assert_eq!(
        name_in_app(&harness, target.id),
        old_name,
        "Undo restores the name"
    );
    let name_field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(
        name_field.value().as_deref(),
        Some(old_name.as_str()),
        "the form follows the undo"
    );

    // Redo with Ctrl+Shift+Z, undo with Ctrl+Z, redo with Ctrl+Y.
    harness.key_press_modifiers(CTRL.plus(Modifiers::SHIFT), Key::Z);
    harness.run_steps(3);
    assert_eq!(
        name_in_app(&harness, target.id),
        new_name,
        "Ctrl+Shift+Z redoes"
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert_eq!(name_in_app(&harness, target.id), old_name, "Ctrl+Z undoes");
    harness.key_press_modifiers(CTRL, Key::Y);
    harness.run_steps(3);
    assert_eq!(name_in_app(&harness, target.id), new_name, "Ctrl+Y redoes");

    drop(harness);
    assert_eq!(
        name_in_file(&path, target.id),
        new_name,
        "the file holds the result"
    );
}

#[test]
fn an_empty_name_shows_the_reason_and_nothing_is_written() {
    let (folder, path) = sample_copy();
    let mut harness = harness(AtlasApp::new(Some(path.clone()), settings_folder(&folder)));
    let target = first_partnership(&harness);
    let audit_before = audit_count(&harness);

    select_partnership(&mut harness, &target.name);
    type_name(&mut harness, "");

    assert!(
        harness
            .query_by_label_contains("name cannot be empty")
            .is_some(),
        "the reason is shown beside the field"
    );
    assert_eq!(name_in_app(&harness, target.id), target.name);
    assert_eq!(audit_count(&harness), audit_before, "nothing was written");
    let document = harness.state().document().expect("open");
    assert_eq!(document.undo_description(), None, "nothing to undo");

    // Escape puts the saved name back and the reason goes.
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .click();
    harness.run_steps(1);
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("name cannot be empty")
            .is_none()
    );
    let name_field = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(name_field.value().as_deref(), Some(target.name.as_str()));

    drop(harness);
    assert_eq!(name_in_file(&path, target.id), target.name);
}

fn audit_count(harness: &Harness<'_, AtlasApp>) -> usize {
    harness
        .state()
        .document()
        .expect("open")
        .store()
        .audit_entries(100_000)
        .expect("audit log")
        .len()
}

#[test]
fn adding_a_partnership_selects_it_ready_to_name() {
    let (folder, path) = sample_copy();
    let mut harness = harness(AtlasApp::new(Some(path.clone()), settings_folder(&folder)));
    let count_before = harness
        .state()
        .document()
        .expect("open")
        .register()
        .partnerships
        .len();

    harness.get_by_label("Add partnership").click();
    harness.run_steps(3);
    let added = harness
        .state()
        .ui_state()
        .current_partnership
        .expect("the new partnership is selected");
    assert_eq!(name_in_app(&harness, added), "New partnership");
    // The cursor is already in its name, with the text selected: typing replaces it.
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Older People's Partnership");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);

    let register = harness.state().document().expect("open").register();
    assert_eq!(register.partnerships.len(), count_before + 1);
    assert_eq!(name_in_app(&harness, added), "Older People's Partnership");
    drop(harness);
    assert_eq!(name_in_file(&path, added), "Older People's Partnership");
}

#[test]
fn on_a_wide_screen_the_form_beside_the_table_commits_the_same_way() {
    let (folder, path) = sample_copy();
    let app = AtlasApp::new(Some(path.clone()), settings_folder(&folder));
    let mut harness = harness_sized(app, egui::vec2(1920.0, 1040.0));
    let target = first_partnership(&harness);
    select_partnership(&mut harness, &target.name);
    type_name(&mut harness, "Ashmere Vale Partnership Board");
    assert_eq!(
        name_in_app(&harness, target.id),
        "Ashmere Vale Partnership Board"
    );
    drop(harness);
    assert_eq!(
        name_in_file(&path, target.id),
        "Ashmere Vale Partnership Board"
    );
}
