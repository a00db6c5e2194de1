//! File, Import... in the window: a CSV with one bad row shows the row refused with its reason,
//! Apply imports nothing while it is, and each column offers its choice of field.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable as _};
use partnership_atlas::ui::Command;

fn partnership_count(
    harness: &egui_kittest::Harness<'static, partnership_atlas::app::AtlasApp>,
) -> usize {
    harness
        .state()
        .document()
        .expect("open")
        .register()
        .partnerships
        .len()
}

#[test]
fn a_bad_row_is_refused_then_remapped_applied_and_undone() {
    let (folder, mut harness) = common::sample_app();
    let csv = folder.path().join("Register from Excel.csv");
    std::fs::write(&csv, "Partnership register 2026\r\nName,Status\r\nYouth Voice Board,Active\r\nOlder People's Forum,Meets quarterly\r\n")
        .expect("write");
    let before = partnership_count(&harness);
    harness.state_mut().send(Command::ImportFrom(csv));
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
    // Apply is off while a row is refused: clicking it imports nothing.
    harness
        .get_by_role_and_label(Role::Button, "Apply import")
        .click();
    harness.run();
    assert_eq!(partnership_count(&harness), before);

    // Not done yet: choosing Notes for the Status column in the mapping combo, then Apply and
    // Undo. Clicking the popup's "Notes" through kittest did not change the preview (unsolved).
    harness
        .get_by(|node| node.role() == Role::ComboBox && node.value().as_deref() == Some("Status"))
        .click();
    harness.run();
    assert!(
        harness.query_all_by_label("Notes").count() >= 1,
        "the column's choices are offered"
    );
}
