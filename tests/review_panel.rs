//! The Review section driven the way a head of policy drives it: open "Snapshots and changes"
//! from the navigation list, take a snapshot "as at" the cabinet, make a change, compare the
//! snapshot with now and see the change and its summary; undo takes the snapshot's deletion
//! back.

mod common;
use common::sample_app;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::{Edit, Partnership, PartnershipStatus};
use partnership_atlas::ui::{Command, PanelKind};

fn click(harness: &mut Harness<'_, AtlasApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(3);
}

fn type_into(harness: &mut Harness<'_, AtlasApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

#[test]
fn take_a_snapshot_edit_compare_and_see_the_change() {
    let (_folder, mut harness) = sample_app();
    click(&mut harness, Role::Button, "Snapshots and changes");
    assert_eq!(harness.state().ui_state().panel, PanelKind::Review);
    harness.get_by_label("0 snapshots");

    type_into(&mut harness, "Snapshot name", "As at Cabinet 22 March 2026");
    type_into(&mut harness, "As at", "2026-03-22");
    click(&mut harness, Role::Button, "Take snapshot");
    harness.get_by_label("1 snapshot");
    harness.get_by_label("As at Cabinet 22 March 2026");
    harness.get_by_label("22 March 2026");

    // One body is taken off the register, as scrutiny asked.
    let register = harness.state().document().expect("open").register();
    let before: Partnership = register
        .partnerships
        .values()
        .find(|p| p.status == PartnershipStatus::Active)
        .cloned()
        .expect("an active body");
    let after = Partnership {
        status: PartnershipStatus::Removed,
        status_reason: "A network, not a partnership".to_string(),
        ..before.clone()
    };
    harness
        .state_mut()
        .send(Command::edit(Edit::change(before.clone(), after)));
    harness.run_steps(3);

    click(&mut harness, Role::Button, "Compare with now");
    harness.get_by_label("Removed from the register (1)");
    harness.get_by_label(&before.name);
    harness.get_by_label("A network, not a partnership");
    harness.get_by_label_contains("Since 22 March");
    harness.get_by_label_contains("1 partnership removed from the register");

    // Deleting the snapshot is an edit, and undo brings it back.
    click(&mut harness, Role::Button, "Delete");
    harness.get_by_label("0 snapshots");
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    harness.get_by_label("1 snapshot");
}

#[test]
fn the_audit_log_shows_a_change_and_a_partnership_history_filters_to_it() {
    let (_folder, mut harness) = sample_app();
    let register = harness.state().document().expect("open").register();
    let before: Partnership = register.partnerships.values().next().cloned().expect("one");
    let after = Partnership {
        short_name: "AUDITED".to_string(),
        ..before.clone()
    };
    harness
        .state_mut()
        .send(Command::edit(Edit::change(before.clone(), after)));
    harness.run_steps(3);

    click(&mut harness, Role::Button, "Audit log");
    assert_eq!(harness.state().ui_state().panel, PanelKind::AuditLog);
    let change = format!("Change partnership “{}”", before.name);
    harness.get_by_label(&change);

    // Only this person's changes on a day with none: nothing.
    type_into(&mut harness, "From", "2999-01-01");
    harness.get_by_label("0 changes");

    // A partnership's History shows its own changes only.
    harness.state_mut().select_partnership(Some(before.id));
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Partnerships));
    harness.run_steps(3);
    click(&mut harness, Role::Button, "History");
    assert_eq!(harness.state().ui_state().panel, PanelKind::AuditLog);
    harness.get_by_label(&format!("History of {}", before.name));
    harness.get_by_label(&change);
    let filter = harness.state().ui_state().audit.filter().expect("a filter");
    assert!(filter.entity_key.is_some(), "one record");
    let store = harness.state().document().expect("open").store();
    let expected = store.audit_count(&filter).expect("count");
    let everything = store
        .audit_count(&partnership_atlas::store::AuditFilter::default())
        .expect("count");
    assert!(
        expected >= 1 && expected < everything,
        "{expected} of {everything}"
    );
    let words = partnership_atlas::model::words::counted(expected, "change");
    harness.get_by_label(&words);
}
