//! File, Import... in the window: a CSV with one bad row shows the row refused with its reason;
//! choosing another field for the column in its drop-down list previews again and the row is
//! taken; Apply imports every row as one step and Undo takes the whole import back; the mapping
//! is remembered for the next file with the same headings; a probable duplicate is settled as
//! the same record or a new one before Apply.
//!
//! Why an earlier try at choosing a field by click failed: the partnership has some fifty
//! fields, so the drop-down list scrolls, and "Notes" is below its fold; kittest clicks at the
//! centre of a node's rectangle, which was outside the list, so the click missed. The test
//! scrolls the choice into view first.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::Register;
use partnership_atlas::reconcile::initials;
use partnership_atlas::ui::Command;

fn register(harness: &Harness<'static, AtlasApp>) -> Register {
    harness.state().document().expect("open").register().clone()
}

fn summary(harness: &Harness<'static, AtlasApp>) -> String {
    harness
        .state()
        .ui_state()
        .import
        .as_ref()
        .and_then(|dialog| dialog.preview.as_ref())
        .map(|preview| preview.summary())
        .unwrap_or_default()
}

/// Opens the drop-down list of the column whose choice reads `current` and picks `field`.
fn choose(harness: &mut Harness<'static, AtlasApp>, current: &str, field: &str) {
    harness
        .get_by(|node| node.role() == Role::ComboBox && node.value().as_deref() == Some(current))
        .click();
    harness.run();
    let choice = harness
        .query_all_by_label(field)
        .last()
        .expect("the choice is offered");
    choice.scroll_to_me();
    harness.run();
    harness
        .query_all_by_label(field)
        .last()
        .expect("the choice is still offered")
        .click();
    harness.run();
}

const CSV: &str = "Partnership register 2026\r\nName,Status\r\nYouth Voice Board,Active\r\nCarers Listening Group,Meets quarterly\r\n";

#[test]
fn a_bad_row_is_refused_remapped_in_the_window_applied_and_undone_whole() {
    let (folder, mut harness) = common::sample_app();
    let csv = folder.path().join("Register from Excel.csv");
    std::fs::write(&csv, CSV).expect("write");
    let before = register(&harness);
    harness.state_mut().send(Command::ImportFrom(csv.clone()));
    harness.run();

    harness.get_by_label("Import from a spreadsheet");
    harness.get_by_label("Invalid");
    let reasons: Vec<String> = harness
        .query_all(By::new().label_contains("Meets quarterly"))
        .filter_map(|node| node.value())
        .collect();
    assert!(
        reasons.iter().any(|r| r.starts_with("Status: ")),
        "the bad row's reason is shown: {reasons:?}"
    );
    assert!(
        summary(&harness).contains("1 invalid"),
        "{}",
        summary(&harness)
    );
    // Apply is off while a row is refused: clicking it imports nothing.
    harness
        .get_by_role_and_label(Role::Button, "Apply import")
        .click();
    harness.run();
    assert_eq!(register(&harness), before);

    // The Status column goes to Notes instead: the preview is made again and the row is new.
    choose(&mut harness, "Status", "Notes");
    assert!(
        summary(&harness).starts_with("2 new"),
        "the preview follows the mapping: {}",
        summary(&harness)
    );
    assert!(harness.query_by_label("Invalid").is_none());
    harness
        .get_by(|node| node.role() == Role::ComboBox && node.value().as_deref() == Some("Notes"));

    harness
        .get_by_role_and_label(Role::Button, "Apply import")
        .click();
    harness.run();
    let after = register(&harness);
    assert_eq!(after.partnerships.len(), before.partnerships.len() + 2);
    assert!(
        after
            .partnerships
            .values()
            .any(|p| p.name == "Carers Listening Group" && p.notes == "Meets quarterly")
    );
    assert!(
        harness.state().ui_state().import.is_none(),
        "the window closed"
    );

    // One undo takes the whole import back: the register is as it was.
    harness.state_mut().send(Command::Undo);
    harness.run();
    assert_eq!(register(&harness), before);

    // The same layout again: the window offers the mapping the user applied.
    harness.state_mut().send(Command::ImportFrom(csv));
    harness.run();
    harness.get_by_label("Columns are mapped as you mapped this layout of headings last time.");
    harness
        .get_by(|node| node.role() == Role::ComboBox && node.value().as_deref() == Some("Notes"));
    assert!(
        summary(&harness).starts_with("2 new"),
        "{}",
        summary(&harness)
    );
}

#[test]
fn a_probable_duplicate_is_settled_as_the_same_record_before_apply() {
    let (folder, mut harness) = common::sample_app();
    let before = register(&harness);
    let existing = before
        .partnerships
        .values()
        .find(|p| (3..=8).contains(&initials(&p.name).len()))
        .expect("a partnership with a long name")
        .clone();
    // The name written as its initials: like the register's record, by its initials.
    let short = initials(&existing.name).to_uppercase();
    let csv = folder.path().join("duplicates.csv");
    std::fs::write(&csv, format!("Name,Notes\n{short},Written short\n")).expect("write");
    harness.state_mut().send(Command::ImportFrom(csv));
    harness.run();
    assert!(
        summary(&harness).contains("to settle"),
        "{}",
        summary(&harness)
    );
    let apply_is_off = |harness: &Harness<'static, AtlasApp>| {
        harness
            .get_by_role_and_label(Role::Button, "Apply import")
            .accesskit_node()
            .is_disabled()
    };
    assert!(apply_is_off(&harness), "Apply waits for the duplicate");

    let position = harness
        .state()
        .ui_state()
        .import
        .as_ref()
        .and_then(|dialog| dialog.preview.as_ref())
        .and_then(|preview| {
            preview
                .duplicates
                .iter()
                .position(|d| d.other_name == existing.name)
        })
        .expect("the register's record is a probable duplicate");
    harness
        .query_all_by_label("Same: update it")
        .nth(position)
        .expect("the duplicate's answers")
        .click();
    harness.run();
    if let Some(rest) = harness.query_by_label("The rest are all new") {
        rest.click();
        harness.run();
    }
    assert!(
        !summary(&harness).contains("to settle"),
        "{}",
        summary(&harness)
    );
    assert!(!apply_is_off(&harness));
    harness
        .get_by_role_and_label(Role::Button, "Apply import")
        .click();
    harness.run();
    let after = register(&harness);
    assert_eq!(
        after.partnerships.len(),
        before.partnerships.len(),
        "no new partnership"
    );
    let changed = &after.partnerships[&existing.id];
    assert_eq!(changed.name, existing.name, "the register's name is kept");
    assert_eq!(changed.notes, "Written short");
}
