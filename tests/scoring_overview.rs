//! The annual review overview driven by labels: never-assessed partnerships carry a text
//! marker (not only a colour), the filter finds a partnership, and clicking its row makes it
//! the current partnership for the other panels.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::sample;
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

#[test]
fn a_row_clicked_in_the_overview_becomes_the_current_partnership() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("Sample council register.atlas");
    let document = Document::create(&path, sample::sample_register()).expect("write the sample");
    let register = document.register().clone();
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.send(Command::ShowPanel(PanelKind::AnnualReview));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);

    let never = register
        .partnerships
        .values()
        .find(|p| {
            register.current_assessment(p.id).is_none()
                && partnership_atlas::scoring::is_reviewed(p.status)
        })
        .expect("the sample has a partnership never assessed");
    let filter = harness.get_by_role_and_label(Role::TextInput, "Filter");
    filter.click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text(&never.name);
    harness.run_steps(3);
    assert!(
        harness.query_by_label("⚠ Never assessed").is_some(),
        "marked in words"
    );
    harness
        .get_by_role_and_label(Role::Button, &never.name)
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(never.id)
    );
    assert!(
        harness.query_by_label_contains("Reduce:").is_some()
            || harness.query_by_label_contains("Maintain:").is_some(),
        "totals by recommendation"
    );

    // The Assessment panel now assesses that partnership.
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Scoring));
    harness.run_steps(3);
    // It keeps the partnership chosen elsewhere.
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(never.id),
        "the Assessment panel assesses {}",
        never.name
    );
    assert!(
        !harness
            .query_all_by_label("Never assessed.")
            .collect::<Vec<_>>()
            .is_empty()
    );
}
