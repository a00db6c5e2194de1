//! The Review section's "Questionnaire rounds" panel driven as the head of policy drives it:
//! open it from the navigation list, start a round of every active partnership, see "N of N
//! outstanding", mark one questionnaire returned and see the count fall; undo puts it back. A
//! returned workbook read from its typed path shows old and new, and Apply makes it one step
//! audited as "questionnaire".

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

#[test]
fn a_returned_workbook_is_previewed_field_by_field_and_applied_as_one_questionnaire_step() {
    use partnership_atlas::export::round_papers::questionnaire_xlsx;
    use partnership_atlas::model::RoundRule;
    use partnership_atlas::review::rounds::{questionnaire, start_round};

    let (folder, mut harness) = sample_app();
    click(&mut harness, Role::Button, "Questionnaire rounds");
    let today = chrono::Local::now().date_naive();
    let register = harness.state().document().expect("open").register();
    let edit =
        start_round(register, "Spring 2027", RoundRule::AllActive, today, None).expect("start");
    harness.state_mut().send(Command::edit(edit));
    harness.run_steps(3);
    let register = harness.state().document().expect("open").register();
    let round = register.rounds.values().next().expect("round").clone();
    let chosen = round.entries[0].partnership;
    let old_purpose = register.partnerships[&chosen].purpose.clone();
    // The respondent's answer: the workbook as sent with the purpose typed over.
    let mut asked = questionnaire(register, &round, chosen, today).expect("questionnaire");
    let purpose = asked
        .asked
        .iter_mut()
        .find(|a| a.wording == "Purpose")
        .expect("purpose asked");
    purpose.current = "To keep everyone safe".to_string();
    let path = folder.path().join("CSP return.xlsx");
    std::fs::write(&path, questionnaire_xlsx(&asked).expect("workbook")).expect("write");

    type_into(
        &mut harness,
        "Returned workbook",
        &path.display().to_string(),
    );
    click(&mut harness, Role::Button, "Read returned questionnaire");
    harness.get_by_label_contains("1 answer changed");
    harness.get_by_label("The answer: To keep everyone safe");
    harness.get_by_label(&format!("The register holds: {old_purpose}"));
    click(&mut harness, Role::Button, "Apply answers");

    let document = harness.state().document().expect("open");
    let register = document.register();
    assert_eq!(
        register.partnerships[&chosen].purpose,
        "To keep everyone safe"
    );
    let entry = register.rounds[&round.id].entry(chosen).expect("entry");
    assert_eq!(entry.returned, Some(today));
    assert_eq!(entry.returned_file, "CSP return.xlsx");
    let newest = document.store().audit_entries(5).expect("audit");
    assert_eq!(newest[0].origin, "questionnaire");
    assert!(
        newest[0].description.contains("CSP return.xlsx"),
        "{}",
        newest[0].description
    );
    assert!(shows(
        &harness,
        &format!(
            "{} of {} outstanding",
            round.entries.len() - 1,
            round.entries.len()
        )
    ));

    // One undo takes the whole questionnaire back.
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    let register = harness.state().document().expect("open").register();
    assert_eq!(register.partnerships[&chosen].purpose, old_purpose);
    assert!(
        register.rounds[&round.id]
            .entry(chosen)
            .expect("entry")
            .returned
            .is_none()
    );
}
