//! A write that fails (the disk is full, the drive went away) is reported in the window in plain
//! words, changes neither the screen's register nor the file, and can be tried again.
//!
//! The failure is real SQLite behaviour: the store's `max_page_count` quota is set to the file's
//! present size, so the next write that needs a new page fails inside its transaction with
//! `SQLITE_FULL`, as a full disk does (see `tests/shared_drive.rs`).

mod common;
use common::sample_copy;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;

fn document<'h>(harness: &'h Harness<'_, AtlasApp>) -> &'h Document {
    harness.state().document().expect("a register is open")
}

#[test]
fn a_failed_write_is_shown_changes_nothing_and_can_be_retried() {
    let (folder, path) = sample_copy();
    let app = AtlasApp::new(Some(path.clone()), Some(folder.path().join("settings")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    let partnerships_before = document(&harness).register().partnerships.len();

    document(&harness)
        .store()
        .refuse_growth_for_tests(true)
        .expect("cap the file");
    // Each new partnership and its audit row need room; within a few the file must grow.
    let mut failed = false;
    for _ in 0..20 {
        harness.get_by_label("Add partnership").click();
        harness.run_steps(3);
        if harness
            .query_by_label_contains("The disk holding")
            .is_some()
        {
            failed = true;
            break;
        }
    }
    assert!(
        failed,
        "a write that needs a new page is refused by the full 'disk'"
    );
    for words in ["is full", "Nothing was changed", "Save a copy as"] {
        assert!(
            harness.query_by_label_contains(words).is_some(),
            "the message says \"{words}\""
        );
    }

    // Screen and file agree: the register in memory is exactly what the file holds.
    let in_memory = document(&harness).register().clone();
    let in_file = document(&harness).store().load().expect("read the file");
    assert_eq!(
        in_memory, in_file,
        "screen and file agree after the failure"
    );
    let added_before_failure = in_memory.partnerships.len() - partnerships_before;

    // Space again: "Try again" makes the same change.
    document(&harness)
        .store()
        .refuse_growth_for_tests(false)
        .expect("lift the cap");
    harness
        .get_by_role_and_label(Role::Button, "Try again")
        .click();
    harness.run_steps(3);
    let register = document(&harness).register().clone();
    assert_eq!(
        register.partnerships.len(),
        partnerships_before + added_before_failure + 1,
        "the retried change is made"
    );
    assert_eq!(register, document(&harness).store().load().expect("file"));
    drop(harness);
    let reopened = Document::open(&path).expect("reopen");
    assert_eq!(reopened.register(), &register, "and it survives closing");
}
