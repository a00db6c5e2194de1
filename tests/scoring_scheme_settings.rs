//! The scoring panels driven through accessible labels, asserting on the register:
//!
//! - the scheme settings: change a weight, a band threshold and the hourly rate, save, find the
//!   new version with old assessments untouched (and still recomputed to the same bands by
//!   their own version), undo the save whole; a scheme that breaks a rule says why beside Save;
//! - the matrix chart: clicking a partnership's circle makes it the current partnership;
//! - the annual review: export the table from the window to XLSX and CSV, the CSV as at a
//!   date in the past.

mod common;
use common::sample_copy;
use std::path::Path;

use egui::accesskit::{Action, ActionData, ActionRequest, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{Money, Register};
use partnership_atlas::scoring::{self, AssessmentInput};
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

fn harness_on(
    path: &Path,
    folder: &tempfile::TempDir,
    panel: PanelKind,
) -> Harness<'static, AtlasApp> {
    let document = Document::open(path).expect("open");
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.set_native_dialogs(false);
    app.send(Command::ShowPanel(panel));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

fn register(harness: &Harness<'_, AtlasApp>) -> Register {
    harness.state().document().expect("open").register().clone()
}

/// Sets the number box labelled `label` through its accessibility action, as a screen reader
/// would.
fn set_number(harness: &mut Harness<'_, AtlasApp>, label: &str, value: f64) {
    {
        let node = harness.get_by_role_and_label(Role::SpinButton, label);
        let (target_node, target_tree) = node.accesskit_node().locate();
        harness.event(egui::Event::AccessKitActionRequest(ActionRequest {
            action: Action::SetValue,
            target_node,
            target_tree,
            data: Some(ActionData::NumericValue(value)),
        }));
    }
    harness.run_steps(2);
}

fn click(harness: &mut Harness<'_, AtlasApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    // Let the scrolling settle before clicking where the widget now is.
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(3);
}

#[test]
fn a_scheme_change_saves_as_a_new_version_old_results_stay_and_undo_takes_it_back() {
    let (folder, path) = sample_copy();
    let mut harness = harness_on(&path, &folder, PanelKind::ScoringScheme);
    let before = register(&harness);
    let old_scheme = scoring::current_scheme(&before).into_owned();
    let in_use = scoring::assessments_using(&before, old_scheme.version);
    assert!(in_use > 0, "the sample's assessments use the scheme");
    assert!(harness.query_by_label_contains("No changes.").is_some());

    // A stricter High value band, a heavier V1 and a dearer officer hour.
    set_number(&mut harness, "Value High from %", 75.0);
    click(&mut harness, Role::Button, "Value criteria");
    set_number(&mut harness, "Weight of V1", 3.0);
    set_number(&mut harness, "Officer hourly rate", 42.5);
    assert!(harness.query_by_label_contains("Cannot save").is_none());
    click(&mut harness, Role::Button, "Save scheme");

    let after = register(&harness);
    let new_scheme = scoring::current_scheme(&after).into_owned();
    assert_eq!(new_scheme.version, old_scheme.version + 1, "a new version");
    assert_eq!(new_scheme.value.bands.high_from, 75);
    assert_eq!(new_scheme.value.criteria[0].weight, 3);
    assert_eq!(after.settings.officer_hourly_rate, Money { pence: 4_250 });
    assert_eq!(
        scoring::scheme_for_version(&after, old_scheme.version)
            .expect("kept")
            .into_owned(),
        old_scheme,
        "the version in use is unchanged"
    );
    assert_eq!(
        after.assessments, before.assessments,
        "stored results unchanged"
    );
    // Recomputed by its own version, each old assessment comes out as stored.
    let mut checked = 0;
    for assessment in after.assessments.values().take(20) {
        let scheme =
            scoring::scheme_for_version(&after, assessment.scheme_version).expect("its scheme");
        let Some(input) = AssessmentInput::from_assessment(assessment) else {
            continue;
        };
        let facts = scoring::AssessmentFacts {
            annual_input: assessment.annual_input.unwrap_or_default(),
            statutory: false,
        };
        if let Ok(outcome) = scoring::evaluate(&scheme, &input, &facts) {
            assert_eq!(Some(outcome.value.band), assessment.value_band);
            assert_eq!(Some(outcome.risk.band), assessment.risk_band);
            checked += 1;
        }
    }
    assert!(checked > 5, "recomputed {checked}");
    assert!(
        harness
            .query_by_label_contains(&format!("Saved as version {}", new_scheme.version))
            .is_some()
    );
    assert!(harness.query_by_label_contains("No changes.").is_some());

    // One undo takes back the scheme and the rate together; the view shows the old scheme.
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    let undone = register(&harness);
    assert_eq!(undone.scoring_schemes, before.scoring_schemes);
    assert_eq!(undone.settings, before.settings);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::SpinButton, "Value High from %")
            .accesskit_node()
            .numeric_value(),
        Some(f64::from(old_scheme.value.bands.high_from))
    );
    drop(harness);
    let reopened = Document::open_read_only(&path).expect("reopen");
    assert_eq!(reopened.register().scoring_schemes, before.scoring_schemes);
}

#[test]
fn a_scheme_that_breaks_a_rule_says_why_and_is_not_saved() {
    let (folder, path) = sample_copy();
    let mut harness = harness_on(&path, &folder, PanelKind::ScoringScheme);
    let before = register(&harness);
    set_number(&mut harness, "Risk Medium from score", 12.0);
    set_number(&mut harness, "Risk High from score", 10.0);
    assert!(
        harness
            .query_by_label_contains("Cannot save: Risk bands must rise")
            .is_some(),
        "the reason beside Save"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save scheme")
            .accesskit_node()
            .is_disabled()
    );
    // Put right, it can be saved; a new matrix suggestion and advice go with it.
    set_number(&mut harness, "Risk High from score", 13.0);
    assert!(harness.query_by_label_contains("Cannot save").is_none());
    click(
        &mut harness,
        Role::TextInput,
        "Advice for Low value, High risk",
    );
    harness.key_press(egui::Key::End);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Advice for Low value, High risk")
        .type_text("; tell the board");
    harness.run_steps(2);
    click(&mut harness, Role::Button, "Save scheme");
    let after = register(&harness);
    let scheme = scoring::current_scheme(&after);
    assert_eq!(
        (scheme.risk.grid.medium_from, scheme.risk.grid.high_from),
        (12, 13)
    );
    let advice = &scheme
        .recommendations
        .cell(
            partnership_atlas::model::Band::Low,
            partnership_atlas::model::Band::High,
        )
        .advice;
    assert!(advice.ends_with("; tell the board"), "{advice}");
    assert_eq!(
        after.scoring_schemes.len(),
        before.scoring_schemes.len() + 1
    );
}

#[test]
fn clicking_a_partnership_on_the_matrix_makes_it_current() {
    let (folder, path) = sample_copy();
    let mut harness = harness_on(&path, &folder, PanelKind::Matrix);
    let register = register(&harness);
    let basis = harness.state().ui_state().overview.basis();
    let chart = partnership_atlas::export::matrix::matrix_chart_for(&register, &basis);
    let area = harness
        .get_by_label(partnership_atlas::ui::scoring::matrix_view::MATRIX_CHART_LABEL)
        .rect();
    let at = partnership_atlas::ui::scoring::matrix_view::chart_transform(&chart, area);
    // A circle not under another one.
    let point = chart
        .points
        .iter()
        .rev()
        .find(|p| chart.partnership_at(p.center) == Some(p.partnership))
        .expect("a circle on its own");
    assert_ne!(
        harness.state().ui_state().current_partnership,
        Some(point.partnership)
    );
    let position = at.to_screen(point.center);
    harness.hover_at(position);
    harness.run_steps(1);
    harness.drag_at(position);
    harness.run_steps(1);
    harness.drop_at(position);
    harness.run_steps(3);
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(point.partnership),
        "{} became current",
        point.name
    );
    // The Assessment panel now assesses it.
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Scoring));
    harness.run_steps(3);
    // It keeps the partnership chosen elsewhere.
    assert_eq!(
        harness.state().ui_state().current_partnership,
        Some(point.partnership),
        "the Assessment panel assesses {}",
        point.name
    );
}

/// Replaces the text of the field labelled `label` with `text`.
fn retype(harness: &mut Harness<'_, AtlasApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(3);
}

#[test]
fn the_overview_exports_from_the_window_as_xlsx_and_as_csv_as_at_a_date() {
    use std::io::Read as _;
    let (folder, path) = sample_copy();
    let mut harness = harness_on(&path, &folder, PanelKind::AnnualReview);
    let register = register(&harness);

    // Export table..., the suggested path (beside the register), Export.
    click(&mut harness, Role::Button, "Export table...");
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run_steps(3);
    let xlsx = folder.path().join("Annual review of partnerships.xlsx");
    let bytes = std::fs::read(&xlsx).expect("the workbook was written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("xlsx is a zip");
    let mut strings = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .expect("strings")
        .read_to_string(&mut strings)
        .expect("utf-8");
    let some = register
        .partnerships
        .values()
        .find(|p| !p.name.contains('&'))
        .expect("a name");
    assert!(
        strings.contains(&some.name),
        "{} in the workbook",
        some.name
    );
    assert!(
        harness
            .query_by_label_contains("Exported the annual review table")
            .is_some()
    );

    // As at a date in the past: assessments made since do not count.
    retype(&mut harness, "As at", "2025-03-31");
    assert!(
        harness
            .query_by_label_contains("as at 31 March 2025, costs for 2024/25")
            .is_some()
    );
    click(&mut harness, Role::Button, "Export table...");
    let csv_path = folder.path().join("review 2024-25.csv");
    retype(&mut harness, "Path", &csv_path.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run_steps(3);
    let csv = std::fs::read_to_string(&csv_path).expect("the CSV was written");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), register.partnerships.len() + 1);
    assert!(lines[0].starts_with("Partnership,Status,Last assessed"));
    let expected = scoring::overview(
        &register,
        partnership_atlas::model::parse_date("2025-03-31").expect("date"),
        2024,
    );
    assert_eq!(
        csv,
        partnership_atlas::export::overview_csv::overview_csv(&expected),
        "the CSV is the overview as at the date chosen"
    );
    let later = register
        .assessments
        .values()
        .filter_map(|a| a.date)
        .filter(|d| d.to_string().as_str() > "2025-03-31")
        .count();
    assert!(later > 0, "the sample has assessments after the date");
}

#[test]
fn a_criterion_is_added_and_the_significance_rule_becomes_k_of_n() {
    let (folder, path) = sample_copy();
    let mut harness = harness_on(&path, &folder, PanelKind::ScoringScheme);
    click(&mut harness, Role::Button, "Value criteria");
    click(&mut harness, Role::Button, "Add a value criterion");
    // The new criterion is V7, named in its fields' labels.
    click(&mut harness, Role::TextInput, "Title of V7");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Title of V7")
        .type_text("Community cohesion");
    harness.run_steps(2);
    set_number(&mut harness, "Weight of V7", 2.0);

    click(&mut harness, Role::ComboBox, "Significant when");
    harness
        .query_all_by_label("At least a number of criteria are met (Chorley: 3 of 5)")
        .last()
        .expect("the option in the open list")
        .click();
    harness.run_steps(3);
    set_number(&mut harness, "Criteria needed", 2.0);
    // Removing S3 still leaves two criteria for "2 of n".
    click(&mut harness, Role::Button, "Remove S3");
    assert!(harness.query_by_label_contains("Cannot save").is_none());
    click(&mut harness, Role::Button, "Save scheme");

    let register = register(&harness);
    let scheme = scoring::current_scheme(&register);
    let added = scheme.value.criteria.last().expect("a value criterion");
    assert_eq!(
        (added.code.as_str(), added.title.as_str(), added.weight),
        ("V7", "Community cohesion", 2)
    );
    assert_eq!(
        scheme.significance.rule,
        partnership_atlas::model::SignificanceRule::AtLeast { count: 2 }
    );
    assert_eq!(scheme.significance.criteria.len(), 2);
    // The assessment form offers the new criterion.
    harness
        .state_mut()
        .select_partnership(register.partnerships.keys().next().copied());
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Scoring));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_role_and_label(Role::ComboBox, "V7 Community cohesion")
            .is_some()
    );
    assert!(harness.query_by_label("Evidence for V7").is_some());
}
