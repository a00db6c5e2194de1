//! The table panels driven by accessible labels, as a user drives them: add a partnership by
//! typing, give it officer hours and a contribution, see an invalid amount refused in place,
//! sort and filter, paste rows from Excel (Ctrl+V sends egui's `Event::Paste`) with one
//! invalid row, fix it in the preview's "Rows to paste" box, apply, and undo the paste in one
//! step.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{PartnershipId, Register};
use partnership_atlas::sample;

const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

fn sample_app() -> (tempfile::TempDir, Harness<'static, AtlasApp>) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = folder.path().join("Sample council register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    let app = AtlasApp::new(Some(path), Some(folder.path().join("settings")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    (folder, harness)
}

fn register<'a>(harness: &'a Harness<'_, AtlasApp>) -> &'a Register {
    harness
        .state()
        .document()
        .expect("a register is open")
        .register()
}

fn show_panel(harness: &mut Harness<'_, AtlasApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
}

/// Adds a partnership with "Add partnership" and types its name in the form.
fn add_partnership(harness: &mut Harness<'_, AtlasApp>, name: &str) -> PartnershipId {
    harness.get_by_label("Add partnership").click();
    harness.run_steps(3);
    let id = harness
        .state()
        .ui_state()
        .current_partnership
        .expect("the new partnership is current");
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text(name);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(register(harness).partnerships[&id].name, name);
    id
}

/// Clicks the only cell showing `text`, presses Enter to edit it, replaces its text with
/// `typed` and presses Enter.
fn edit_cell(harness: &mut Harness<'_, AtlasApp>, text: &str, column: &str, typed: &str) {
    // The leftmost cell showing `text`.
    harness
        .query_all_by_role_and_label(Role::Button, text)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("a cell shows the text")
        .click();
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    retype(harness, column, typed);
}

/// Replaces the text in the cell editor `column` and presses Enter.
fn retype(harness: &mut Harness<'_, AtlasApp>, column: &str, typed: &str) {
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, column)
        .type_text(typed);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn a_new_partnership_gets_hours_and_money_and_a_wrong_amount_is_refused_in_place() {
    let (_folder, mut harness) = sample_app();
    let id = add_partnership(&mut harness, "Older People's Partnership");

    // Officer hours: a representation row for the current partnership.
    show_panel(&mut harness, "People and representation");
    harness
        .get_by_role_and_label(Role::Button, "Representation")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Only the current partnership").click();
    harness.run_steps(2);
    harness.get_by_label("Add representation").click();
    harness.run_steps(4);
    edit_cell(&mut harness, "0", "Hours a month", "6.5");
    assert_eq!(register(&harness).hours_per_month(id).to_string(), "6.5");

    // Money: a contribution row, first mistyped.
    show_panel(&mut harness, "Contributions");
    harness.get_by_label("Only the current partnership").click();
    harness.run_steps(2);
    harness.get_by_label("Add contribution").click();
    harness.run_steps(4);
    let audit_before = harness
        .state()
        .document()
        .expect("open")
        .store()
        .audit_entries(100_000)
        .expect("audit")
        .len();
    edit_cell(&mut harness, "£0.00", "Amount", "£1,250.505");
    assert!(
        harness
            .query_by_label_contains("more than two decimal places")
            .is_some(),
        "the reason is shown"
    );
    let year = register(&harness)
        .latest_contribution_year()
        .expect("a year");
    assert_eq!(
        register(&harness).contribution_in_year(id, year).pence,
        0,
        "nothing written"
    );
    let audit_after = harness
        .state()
        .document()
        .expect("open")
        .store()
        .audit_entries(100_000)
        .expect("audit")
        .len();
    assert_eq!(audit_after, audit_before, "nothing written to the file");

    retype(&mut harness, "Amount", "£1,250.50");
    assert_eq!(
        register(&harness).contribution_in_year(id, year).pence,
        125_050
    );
    assert!(
        harness
            .query_by_label_contains("more than two decimal places")
            .is_none()
    );
}

#[test]
fn headings_sort_and_the_filter_narrows_the_partnerships() {
    let (_folder, mut harness) = sample_app();
    let first_by_name = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .ui_state()
            .partnerships
            .table
            .rows()
            .visible_key(0)
            .expect("a row")
    };
    harness.get_by_role_and_label(Role::Button, "Name").click();
    harness.run_steps(3);
    let ascending = first_by_name(&harness);
    let expected = register(&harness)
        .partnerships
        .values()
        .min_by_key(|p| (p.name.to_lowercase(), p.id))
        .expect("partnerships")
        .id;
    assert_eq!(ascending, expected);
    harness
        .get_by_role_and_label(Role::Button, "Name ⏶")
        .click();
    harness.run_steps(3);
    assert_ne!(
        first_by_name(&harness),
        ascending,
        "a second click reverses"
    );

    let total = register(&harness).partnerships.len();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("safety");
    harness.run_steps(3);
    let rows = harness.state().ui_state().partnerships.table.rows();
    assert!(rows.visible_len() >= 1 && rows.visible_len() < total);
    assert!(
        harness
            .query_by_label_contains(&format!("of {total} rows"))
            .is_some()
    );
}

#[test]
fn pasted_rows_are_previewed_refused_while_one_is_invalid_and_undone_in_one_step() {
    let (_folder, mut harness) = sample_app();
    show_panel(&mut harness, "Contributions");
    let before = register(&harness).contributions.len();
    let names: Vec<String> = register(&harness)
        .partnerships
        .values()
        .take(3)
        .map(|p| p.name.clone())
        .collect();
    let rows = |third_amount: &str| {
        format!(
            "Partnership\tFinancial year\tAmount\r\n{}\t2026\t£1,000.00\r\n{}\t2026\t£2,500\r\n{}\t2026\t{third_amount}\r\n",
            names[0], names[1], names[2]
        )
    };
    // Ctrl+V in the table: egui delivers the clipboard as a Paste event.
    harness.event(egui::Event::Paste(rows("£12.345")));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("2 new, 1 invalid")
            .is_some(),
        "the preview counts rows"
    );
    assert!(
        harness.query_by_label_contains("Amount: ").is_some(),
        "the invalid cell's reason is shown"
    );
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run_steps(3);
    assert_eq!(
        register(&harness).contributions.len(),
        before,
        "nothing applied"
    );

    // Fix the row in the box and apply.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Rows to paste")
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness.event(egui::Event::Paste(rows("£12.35")));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Preview: 3 new").is_some());
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run_steps(3);
    assert_eq!(register(&harness).contributions.len(), before + 3);

    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        register(&harness).contributions.len(),
        before,
        "one undo removes the whole paste"
    );
}
