//! The app shell driven the way a user drives it, through accessible labels: select a
//! partnership, rename it, undo, redo, and find the result in the register file.

mod common;
use common::{CTRL, sample_copy};
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{Partnership, PartnershipId};
use partnership_atlas::sample;
use partnership_atlas::ui::command_table;
use partnership_atlas::ui::{Command, PanelKind, Section};

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

/// Clicks `item` in the menu `menu`.
fn choose_from_menu(harness: &mut Harness<'_, AtlasApp>, menu: &str, item: &str) {
    harness.get_by_role_and_label(Role::Button, menu).click();
    harness.run();
    // A menu item's label is its words, then its shortcut as the menu shows it.
    let shortcut = command_table::COMMANDS
        .iter()
        .find(|entry| entry.text == item)
        .and_then(|entry| entry.shortcuts.first())
        .map(|shortcut| harness.ctx.format_shortcut(shortcut));
    let with_shortcut = shortcut.map(|keys| format!("{item} {keys}"));
    let node = harness
        .query_by_role_and_label(Role::Button, item)
        .or_else(|| {
            with_shortcut
                .as_deref()
                .and_then(|label| harness.query_by_role_and_label(Role::Button, label))
        })
        .unwrap_or_else(|| panic!("no menu item {item}"));
    node.click();
    harness.run();
}

fn panel_on_show(harness: &Harness<'_, AtlasApp>) -> PanelKind {
    harness.state().ui_state().panel
}

#[test]
fn at_1024_by_768_the_navigation_list_reaches_every_panel_by_click_and_key() {
    let (folder, path) = sample_copy();
    let app = AtlasApp::new(Some(path), settings_folder(&folder));
    let mut harness = harness_sized(app, egui::vec2(1024.0, 768.0));
    for section in Section::ALL {
        assert!(
            harness.query_by_label(section.heading()).is_some(),
            "the list has the heading {}",
            section.heading()
        );
        for &panel in section.panels() {
            let item = harness.get_by_role_and_label(Role::Button, panel.label());
            assert!(
                item.rect().right() < 200.0,
                "{} is in a narrow list on the left: {:?}",
                panel.label(),
                item.rect()
            );
            // The list scrolls when it is taller than the window (five sections at 768).
            item.scroll_to_me();
            harness.run();
            harness
                .get_by_role_and_label(Role::Button, panel.label())
                .click();
            harness.run();
            assert_eq!(panel_on_show(&harness), panel, "clicking {}", panel.label());
        }
    }

    // Ctrl+3 is Scoring; again, its next panel; Ctrl+1 back to the register's first table.
    harness.key_press_modifiers(CTRL, Key::Num3);
    harness.run();
    assert_eq!(panel_on_show(&harness), PanelKind::Scoring);
    harness.key_press_modifiers(CTRL, Key::Num3);
    harness.run();
    assert_eq!(panel_on_show(&harness), PanelKind::AnnualReview);
    harness.key_press_modifiers(CTRL, Key::Num1);
    harness.run();
    assert_eq!(panel_on_show(&harness), PanelKind::Partnerships);

    // Hidden to a strip, the panel gets the room; Ctrl+2 still works; shown again from the strip.
    let filter_before = harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .rect();
    harness.get_by_label("«").scroll_to_me();
    harness.run();
    harness.get_by_label("«").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Organisations")
            .is_none()
    );
    let filter_after = harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .rect();
    assert!(filter_after.left() < filter_before.left() - 100.0);
    harness.key_press_modifiers(CTRL, Key::Num2);
    harness.run();
    assert_eq!(panel_on_show(&harness), PanelKind::Diagram);
    harness.get_by_label("»").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Organisations")
            .is_some()
    );
}

#[test]
fn the_edit_menu_selects_finds_copies_cuts_and_pastes_in_the_table_on_show() {
    let (folder, path) = sample_copy();
    let mut harness = harness(AtlasApp::new(Some(path), settings_folder(&folder)));
    let shown = harness
        .state()
        .document()
        .expect("open")
        .register()
        .partnerships
        .len();

    choose_from_menu(&mut harness, "Edit", "Find...");
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Filter")
            .is_focused(),
        "Find puts the keyboard in the filter box"
    );
    harness.key_press(Key::Escape);
    harness.run();

    choose_from_menu(&mut harness, "Edit", "Select all");
    choose_from_menu(&mut harness, "Edit", "Copy");
    assert!(
        harness
            .query_by_label_contains(&format!("Copied {shown}"))
            .is_some(),
        "every row was selected, then copied"
    );

    // A partnership with nothing linked to it can be deleted; once added, it is selected.
    harness.get_by_label("Add partnership").click();
    harness.run();
    // The keyboard is in the new record's Name (where Cut would cut its text): leave it.
    harness.key_press(Key::Escape);
    harness.run();
    choose_from_menu(&mut harness, "Edit", "Cut");
    assert!(
        harness.query_by_label_contains("Delete 1 ").is_some(),
        "Cut copies the row, then asks before deleting it"
    );
    harness.key_press(Key::Escape);
    harness.run();

    choose_from_menu(&mut harness, "Edit", "Paste...");
    assert!(
        harness
            .query_by_label_contains("Paste rows copied from Excel into the box")
            .is_some(),
        "Paste opens the table's paste preview"
    );
}

#[test]
fn messages_go_with_their_register_and_dismissing_one_moves_nothing() {
    let (folder, path) = sample_copy();
    let other = folder.path().join("Other register.atlas");
    drop(Document::create(&other, sample::sample_register()).expect("write the other"));
    let mut harness = harness(AtlasApp::new(Some(other.clone()), settings_folder(&folder)));
    harness.state_mut().send(Command::OpenPath(path.clone()));
    harness.run();

    let without_message = harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .rect();
    harness.state_mut().send(Command::ReportError(
        "Could not write Matrix.png".to_string(),
    ));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Could not write Matrix.png")
            .is_some()
    );
    let with_message = harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .rect();
    assert_eq!(with_message, without_message, "a message takes no room");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().messages().is_empty());
    let after_dismiss = harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .rect();
    assert_eq!(after_dismiss, without_message, "dismissing moves nothing");

    // Open recent lists the name, then the folder; opening another register clears them.
    harness.state_mut().send(Command::ReportError(
        "Could not write Matrix.png".to_string(),
    ));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label_contains("Open recent").hover();
    harness.run();
    let name_then_folder = format!("Other register.atlas\n{}", folder.path().display());
    harness.get_by_label_contains(&name_then_folder).click();
    harness.run();
    assert_eq!(
        harness.state().document().expect("open").path(),
        other.as_path()
    );
    assert!(
        harness.state().messages().is_empty(),
        "the old register's messages went with it: {:?}",
        harness.state().messages()
    );

    // Closing the register clears its messages too.
    harness.state_mut().send(Command::ReportError(
        "Could not write Overview.xlsx".to_string(),
    ));
    harness.run();
    harness.key_press_modifiers(CTRL, Key::W);
    harness.run();
    assert!(harness.state().document().is_none());
    assert!(harness.state().messages().is_empty());
    assert!(harness.query_by_label_contains("Overview.xlsx").is_none());
}

#[test]
fn help_lists_the_shortcuts_from_the_command_table_and_says_where_things_are() {
    let (folder, path) = sample_copy();
    let mut harness = harness(AtlasApp::new(Some(path), settings_folder(&folder)));
    choose_from_menu(&mut harness, "Help", "Keyboard shortcuts");
    for entry in command_table::COMMANDS {
        if let Some(keys) = command_table::shortcut_words(&harness.ctx, &entry.command) {
            assert!(
                harness.query_all_by_label(&keys).next().is_some(),
                "{} is listed with {keys}",
                entry.text
            );
        }
    }
    harness.get_by_label("Close").click();
    harness.run();

    choose_from_menu(&mut harness, "Help", "About Partnership Atlas");
    for words in [env!("CARGO_PKG_VERSION"), "SIL Open Font Licence 1.1"] {
        assert!(
            harness.query_all_by_label_contains(words).next().is_some(),
            "About says {words}"
        );
    }
    harness.get_by_label("Close").click();
    harness.run();

    choose_from_menu(&mut harness, "Help", "Where your data and settings are");
    let settings = folder.path().join("settings").display().to_string();
    assert!(harness.query_by_label(&settings).is_some(), "{settings}");
}

#[test]
fn the_annual_review_export_asks_for_a_table_file_not_a_register() {
    let (folder, path) = sample_copy();
    let mut app = AtlasApp::new(Some(path), settings_folder(&folder));
    app.set_native_dialogs(false);
    let mut harness = harness(app);
    harness.state_mut().send(Command::ExportOverview);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("where to save the table")
            .is_some()
    );
    assert!(harness.query_by_label_contains(".atlas or").is_none());
}
