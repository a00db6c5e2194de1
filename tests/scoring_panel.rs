//! The assessment form driven through accessible labels: fill in every score, see the bands
//! and the matrix's suggestion, override it (refused without a reason), save, find the new
//! assessment in the history and in the register file, and undo it as one change.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{PartnershipId, Recommendation};
use partnership_atlas::sample;
use partnership_atlas::scoring;
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("Sample council register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

/// The app on the sample copy, the Assessment panel showing partnership `id`.
fn harness_on(
    path: &Path,
    folder: &tempfile::TempDir,
    id: PartnershipId,
) -> Harness<'static, AtlasApp> {
    let document = Document::open(path).expect("open");
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.set_native_dialogs(false);
    app.select_partnership(Some(id));
    app.send(Command::ShowPanel(PanelKind::Scoring));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

/// Picks `option` in the combo box labelled `label`.
fn pick(harness: &mut Harness<'_, AtlasApp>, label: &str, option: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, label)
        .scroll_to_me();
    // Let the scrolling settle before clicking where the box now is.
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run_steps(2);
    // The open list is drawn last, above the form (the same words may be in the history).
    harness
        .query_all_by_label(option)
        .last()
        .expect("the option in the open list")
        .click();
    harness.run_steps(2);
}

fn a_partnership(path: &Path) -> PartnershipId {
    let document = Document::open_read_only(path).expect("open");
    let register = document.register();
    register
        .partnerships
        .keys()
        .copied()
        .find(|id| register.current_assessment(*id).is_some())
        .expect("an assessed partnership")
}

#[test]
fn an_officer_assesses_overrides_with_a_reason_saves_and_finds_it_in_the_history() {
    let (folder, path) = sample_copy();
    let id = a_partnership(&path);
    let before = Document::open_read_only(&path)
        .expect("open")
        .register()
        .assessments
        .len();
    let mut harness = harness_on(&path, &folder, id);

    let scheme = partnership_atlas::model::ScoringScheme::default_scheme();
    for criterion in &scheme.risk.criteria {
        pick(
            &mut harness,
            &format!("{} {}", criterion.code, criterion.title),
            "1 Low concern",
        );
    }
    for criterion in &scheme.value.criteria {
        pick(
            &mut harness,
            &format!("{} {}", criterion.code, criterion.title),
            "0 None",
        );
    }
    // Low risk, low value: the matrix suggests reducing.
    harness.get_by_label("Low (likelihood 1 × impact 1 = 1)");
    harness.get_by_label("Low (0%)");
    let suggestion = scheme
        .recommendations
        .cell(
            partnership_atlas::model::Band::Low,
            partnership_atlas::model::Band::Low,
        )
        .suggested;
    assert!(
        harness
            .query_by_label_contains(&format!("{} (", suggestion.label()))
            .is_some()
    );

    // Override to Increase: refused until a reason is given.
    pick(&mut harness, "Recommendation", "Increase");
    assert!(harness.query_by_label_contains("Cannot save yet").is_some());
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save assessment")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Reason for the override")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Reason for the override")
        .type_text("New lead officer, outcomes expected next year");
    harness.run_steps(3);
    if let Some(node) = harness.query_by_label_contains("Cannot save yet") {
        panic!("still refused: {:?}", node.accesskit_node().label());
    }
    harness
        .get_by_role_and_label(Role::Button, "Save assessment")
        .click();
    harness.run_steps(4);

    // In the register and its file, as one change.
    let register = harness.state().document().expect("open").register().clone();
    assert_eq!(register.assessments.len(), before + 1);
    let newest = scoring::history(&register, id)[0].assessment.clone();
    assert_eq!(newest.recommendation, Some(Recommendation::Increase));
    assert_eq!(newest.suggested_recommendation, Some(suggestion));
    assert_eq!(
        newest.override_reason,
        "New lead officer, outcomes expected next year"
    );
    assert!(!newest.assessor.is_empty(), "the OS user name by default");
    assert!(
        harness.query_by_label("Increase (override)").is_some(),
        "in the history"
    );
    drop(harness);
    let reopened = Document::open_read_only(&path).expect("reopen");
    assert_eq!(reopened.register().assessments.len(), before + 1);
}

#[test]
fn save_is_refused_without_a_reason_and_undo_takes_a_save_back_whole() {
    let (folder, path) = sample_copy();
    let id = a_partnership(&path);
    let before = Document::open_read_only(&path)
        .expect("open")
        .register()
        .assessments
        .len();
    let mut harness = harness_on(&path, &folder, id);
    harness
        .get_by_label("Start from the last assessment")
        .click();
    harness.run_steps(3);
    let suggested = harness.query_by_label_contains("Matrix suggests").is_some();
    assert!(suggested);
    // Pick a recommendation outside the cell: every recommendation but the suggested ones.
    let register = harness.state().document().expect("open").register().clone();
    let current = register.current_assessment(id).expect("assessed").clone();
    let scheme = scoring::current_scheme(&register).into_owned();
    let cell = scheme.recommendations.cell(
        current.value_band.expect("v"),
        current.risk_band.expect("r"),
    );
    let other = Recommendation::ALL
        .iter()
        .copied()
        .find(|r| !scoring::cell_allows(cell, *r))
        .expect("an override");
    pick(&mut harness, "Recommendation", other.label());
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save assessment")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_role_and_label(Role::Button, "Save assessment")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .assessments
            .len(),
        before
    );

    // Back to the matrix's suggestion: saves; undo removes it whole.
    pick(
        &mut harness,
        "Recommendation",
        &format!("As the matrix suggests: {}", cell.suggested.label()),
    );
    harness
        .get_by_role_and_label(Role::Button, "Save assessment")
        .click();
    harness.run_steps(4);
    assert_eq!(
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .assessments
            .len(),
        before + 1
    );
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .assessments
            .len(),
        before
    );
}
