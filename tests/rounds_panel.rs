//! The Review section's "Questionnaire rounds" panel driven as the head of policy drives it:
//! open it from the navigation list, start a round of every active partnership, see "N of N
//! outstanding", mark one questionnaire returned and see the count fall; undo puts it back.

mod common;
use common::sample_app;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::PartnershipStatus;
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

/// Whether some label (the progress bar's, the status line's) holds `text`.
fn shows(harness: &Harness<'_, AtlasApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn start_a_round_mark_one_returned_and_see_the_outstanding_count_fall() {
    let (_folder, mut harness) = sample_app();
    click(&mut harness, Role::Button, "Questionnaire rounds");
    assert_eq!(harness.state().ui_state().panel, PanelKind::Rounds);
    harness.get_by_label("No round yet: start one above.");

    type_into(&mut harness, "Round name", "Annual review 2026");
    click(&mut harness, Role::Button, "Start round");
    let register = harness.state().document().expect("open").register();
    let round = register
        .rounds
        .values()
        .next()
        .expect("the round started")
        .clone();
    let active = register
        .partnerships
        .values()
        .filter(|p| p.status == PartnershipStatus::Active)
        .count();
    assert_eq!(round.entries.len(), active);
    assert!(shows(
        &harness,
        &format!("{active} of {active} outstanding")
    ));

    // The outstanding come first, in the round's order: the first button is the first entry's.
    harness
        .get_all_by_role_and_label(Role::Button, "Mark returned")
        .next()
        .expect("a Mark returned button")
        .click();
    harness.run_steps(3);
    assert!(shows(
        &harness,
        &format!("{} of {active} outstanding", active - 1)
    ));
    assert!(!shows(
        &harness,
        &format!("{active} of {active} outstanding")
    ));
    let register = harness.state().document().expect("open").register();
    assert!(register.rounds[&round.id].entries[0].returned.is_some());

    // Marking is an edit: undo puts the questionnaire back among the outstanding.
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    assert!(shows(
        &harness,
        &format!("{active} of {active} outstanding")
    ));
}
