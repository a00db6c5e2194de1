//! The assessment form driven through accessible labels, as a new user would: pick the
//! partnership in the panel's own picker, fill in every score, see the bands and the matrix's
//! suggestion, override it (refused without a reason), see the preview's next review count the
//! override, save and see the saved assessment ("Saved", "New assessment"), read the same review
//! date in the Annual review, the Partnerships table and its detail form, open a history row and read the reason, and have "Start from the
//! last assessment" ask before it overwrites a score.

mod common;
use common::sample_copy;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{PartnershipId, Recommendation, ScoringScheme};
use partnership_atlas::scoring;
use partnership_atlas::ui::Command;
use partnership_atlas::ui::PanelKind;

/// The app on the sample copy, the Assessment panel showing partnership `id` (none: as the
/// user first finds it).
fn harness_on(
    path: &Path,
    folder: &tempfile::TempDir,
    id: Option<PartnershipId>,
) -> Harness<'static, AtlasApp> {
    let document = Document::open(path).expect("open");
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.set_native_dialogs(false);
    app.select_partnership(id);
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

fn register(harness: &Harness<'_, AtlasApp>) -> partnership_atlas::model::Register {
    harness.state().document().expect("open").register().clone()
}

fn an_assessed_partnership(path: &Path) -> (PartnershipId, String) {
    let document = Document::open_read_only(path).expect("open");
    let register = document.register();
    let partnership = register
        .partnerships
        .values()
        .find(|p| register.current_assessment(p.id).is_some())
        .expect("an assessed partnership");
    (partnership.id, partnership.name.clone())
}

/// Scores every risk criterion `risk` and every value criterion `value` (their words).
fn score_everything(harness: &mut Harness<'_, AtlasApp>, risk: &str, value: &str) {
    let scheme = ScoringScheme::default_scheme();
    for criterion in &scheme.risk.criteria {
        pick(
            harness,
            &format!("{} {}", criterion.code, criterion.title),
            risk,
        );
    }
    for criterion in &scheme.value.criteria {
        pick(
            harness,
            &format!("{} {}", criterion.code, criterion.title),
            value,
        );
    }
}

/// The text of the one label that starts with `start`.
fn label_starting(harness: &Harness<'_, AtlasApp>, start: &str) -> String {
    harness
        .query_all_by_label_contains(start)
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .find(|label| label.starts_with(start))
        .unwrap_or_else(|| panic!("a label starting {start:?}"))
}

#[test]
fn pick_assess_override_save_then_see_the_saved_assessment_and_the_same_review_date() {
    let (folder, path) = sample_copy();
    let (id, name) = an_assessed_partnership(&path);
    let before = Document::open_read_only(&path)
        .expect("open")
        .register()
        .assessments
        .len();
    let mut harness = harness_on(&path, &folder, None);

    // The panel's own picker: search for the partnership by a word of its name.
    harness
        .get_by_role_and_label(Role::ComboBox, "Partnership")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a partnership")
        .type_text(&name);
    harness.run_steps(2);
    harness
        .query_all_by_label(&name)
        .last()
        .expect("the partnership in the list")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().current_partnership, Some(id));
    assert!(
        harness
            .query_by_label_contains("Next due for review:")
            .is_some(),
        "the next due for review is offered"
    );

    score_everything(&mut harness, "1 Low concern", "0 None");
    // Low risk, low value: the matrix suggests reducing.
    harness.get_by_label("Low (likelihood 1 × impact 1 = 1)");
    harness.get_by_label("Low (0%)");
    let scheme = ScoringScheme::default_scheme();
    let cell = scheme.recommendations.cell(
        partnership_atlas::model::Band::Low,
        partnership_atlas::model::Band::Low,
    );
    assert!(harness.query_by_label(cell.suggested.label()).is_some());
    let before_override = label_starting(&harness, "Next review after this assessment: ");

    // Override to Increase: refused until a reason is given.
    pick(&mut harness, "Recommendation", "Increase");
    assert!(harness.query_by_label_contains("Cannot save yet").is_some());
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save assessment")
            .accesskit_node()
            .is_disabled()
    );
    let reason = "New lead officer, outcomes expected next year";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Reason for the override")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Reason for the override")
        .type_text(reason);
    harness.run_steps(3);
    if let Some(node) = harness.query_by_label_contains("Cannot save yet") {
        panic!("still refused: {:?}", node.accesskit_node().label());
    }
    // The preview counts the override (Increase from low value is not the usual year).
    let preview = label_starting(&harness, "Next review after this assessment: ");
    harness
        .get_by_role_and_label(Role::Button, "Save assessment")
        .click();
    harness.run_steps(4);

    // Saved: the saved assessment is shown, with its reason, and no complaint.
    assert!(harness.query_by_label("Saved").is_some());
    assert!(harness.query_by_label_contains("Cannot save yet").is_none());
    harness.get_by_label(reason);
    let register_now = register(&harness);
    assert_eq!(register_now.assessments.len(), before + 1);
    let newest = scoring::history(&register_now, id)[0].assessment.clone();
    assert_eq!(newest.recommendation, Some(Recommendation::Increase));
    assert_eq!(newest.suggested_recommendation, Some(cell.suggested));
    assert_eq!(newest.override_reason, reason);
    assert!(!newest.assessor.is_empty(), "the OS user name by default");
    let due = newest.next_review.expect("a next review");
    assert_eq!(
        preview,
        format!(
            "Next review after this assessment: {}",
            due.format("%-d %B %Y")
        ),
        "the preview said what was saved"
    );
    // Reduce (the suggestion) calls for a look in six months; Increase is the usual year.
    assert_ne!(
        preview, before_override,
        "the override changed the preview's date"
    );
    assert!(
        harness.query_by_label("Increase (override)").is_some(),
        "in the history"
    );
    // The register's one review date agrees.
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        register_now.review_due(id, today).and_then(|d| d.date),
        Some(due)
    );

    // The Annual review shows the same date for it.
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::AnnualReview));
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text(&name);
    harness.run_steps(3);
    assert!(
        harness.query_by_label(&due.to_string()).is_some(),
        "the Annual review's Review due is {due}"
    );

    // The Partnerships table's Review date column and the detail form show it too, not the
    // date the partnership had before.
    let own_date = register_now.partnerships[&id].review_date;
    assert_ne!(own_date, Some(due), "the test needs a date that changed");
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Partnerships));
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text(&name);
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_role_and_label(Role::Button, &due.to_string())
            .next()
            .is_some(),
        "the table's Review date is {due}"
    );
    if let Some(own) = own_date {
        assert!(
            harness
                .query_all_by_role_and_label(Role::Button, &own.to_string())
                .next()
                .is_none(),
            "the table no longer shows {own}"
        );
    }
    harness.get_by_label("Governance evidence").scroll_to_me();
    harness.run_steps(2);
    harness
        .get_by_label("Governance evidence")
        .click_accesskit();
    harness.run_steps(3);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Review date")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(due.to_string().as_str()),
        "the detail form's Review date"
    );

    // New assessment: an empty form again.
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Scoring));
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "New assessment")
        .click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Saved").is_none());
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save assessment")
            .accesskit_node()
            .is_disabled()
    );
    drop(harness);
    let reopened = Document::open_read_only(&path).expect("reopen");
    assert_eq!(reopened.register().assessments.len(), before + 1);
}

#[test]
fn a_history_row_opens_the_whole_assessment_with_its_reason_and_assessor() {
    let (folder, path) = sample_copy();
    let document = Document::open_read_only(&path).expect("open");
    let overridden = document
        .register()
        .assessments
        .values()
        .find(|a| !a.override_reason.is_empty() && !a.assessor.is_empty() && a.date.is_some())
        .expect("the sample has an override with a reason")
        .clone();
    drop(document);
    let mut harness = harness_on(&path, &folder, Some(overridden.partnership));
    let date = overridden.date.expect("dated").to_string();
    harness.get_by_role_and_label(Role::Button, &date).click();
    harness.run_steps(3);
    harness.get_by_label(&overridden.override_reason);
    harness.get_by_label("Reason for the override");
    assert!(
        harness.query_all_by_label(&overridden.assessor).count() >= 2,
        "the assessor on the card and in the history"
    );
    let first = &overridden.scores[0];
    assert!(
        harness.query_by_label_contains(&first.criterion).is_some(),
        "the scores are listed"
    );
    if !first.evidence.is_empty() {
        assert!(harness.query_by_label(&first.evidence).is_some());
    }
    harness
        .get_by_role_and_label(Role::Button, "Back to the form")
        .click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Save assessment");
}

#[test]
fn start_from_the_last_assessment_asks_before_it_overwrites_a_score() {
    let (folder, path) = sample_copy();
    let (id, _) = an_assessed_partnership(&path);
    let last = Document::open_read_only(&path)
        .expect("open")
        .register()
        .current_assessment(id)
        .expect("assessed")
        .clone();
    let r1 = last
        .scores
        .iter()
        .find(|s| s.criterion == "R1")
        .expect("R1 scored")
        .score;
    let mine = if r1 == 4 {
        "1 Low concern"
    } else {
        "4 Serious concern"
    };
    let mine_score = if r1 == 4 { 1 } else { 4 };
    let mut harness = harness_on(&path, &folder, Some(id));
    let scheme = ScoringScheme::default_scheme();
    let r1_label = format!("R1 {}", scheme.risk.criteria[0].title);
    pick(&mut harness, &r1_label, mine);

    harness
        .get_by_role_and_label(Role::Button, "Start from the last assessment")
        .click();
    harness.run_steps(3);
    // It asks, and nothing is changed yet.
    harness.get_by_label_contains("You have already scored 1 criterion differently");
    let draft_r1 = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .ui_state()
            .scoring
            .draft(id)
            .and_then(|d| d.scores.get("R1").copied())
    };
    assert_eq!(draft_r1(&harness), Some(mine_score));
    // Keep mine, fill in the rest.
    harness
        .get_by_role_and_label(Role::Button, "Fill in only what is not scored")
        .click();
    harness.run_steps(3);
    assert_eq!(draft_r1(&harness), Some(mine_score));
    let draft = harness.state().ui_state().scoring.draft(id).expect("draft");
    assert!(draft.scores.len() >= last.scores.len());
    // Asked again, replace: the last assessment's score.
    harness
        .get_by_role_and_label(Role::Button, "Start from the last assessment")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Replace them")
        .click();
    harness.run_steps(3);
    assert_eq!(draft_r1(&harness), Some(r1));
}

#[test]
fn save_is_refused_without_a_reason_and_undo_takes_a_save_back_whole() {
    let (folder, path) = sample_copy();
    let (id, _) = an_assessed_partnership(&path);
    let before = Document::open_read_only(&path)
        .expect("open")
        .register()
        .assessments
        .len();
    let mut harness = harness_on(&path, &folder, Some(id));
    harness
        .get_by_role_and_label(Role::Button, "Start from the last assessment")
        .click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Matrix suggests").is_some());
    // Pick a recommendation outside the cell.
    let register_now = register(&harness);
    let current = register_now
        .current_assessment(id)
        .expect("assessed")
        .clone();
    let scheme = scoring::current_scheme(&register_now).into_owned();
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
    assert_eq!(register(&harness).assessments.len(), before);

    // Back to the matrix's suggestion: saves; undo removes it whole and the form is back.
    pick(
        &mut harness,
        "Recommendation",
        &format!("As the matrix suggests: {}", cell.suggested.label()),
    );
    harness
        .get_by_role_and_label(Role::Button, "Save assessment")
        .click();
    harness.run_steps(4);
    assert_eq!(register(&harness).assessments.len(), before + 1);
    assert!(harness.query_by_label("Saved").is_some());
    harness.state_mut().send(Command::Undo);
    harness.run_steps(3);
    assert_eq!(register(&harness).assessments.len(), before);
    assert!(harness.query_by_label("Saved").is_none());
    // The scores entered are still in the form.
    assert!(
        !harness
            .get_by_role_and_label(Role::Button, "Save assessment")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_matrix_says_where_every_partnership_is() {
    let (folder, path) = sample_copy();
    let total = Document::open_read_only(&path)
        .expect("open")
        .register()
        .partnerships
        .len();
    let mut harness = harness_on(&path, &folder, None);
    harness
        .state_mut()
        .send(Command::ShowPanel(PanelKind::Matrix));
    harness.run_steps(3);
    let words = label_starting(&harness, &format!("{total} partnerships: "));
    // "84 partnerships: 76 on the matrix, 2 not yet assessed and 6 not reviewed (4 removed,
    // 2 closed)": the counts named add up to the register's total.
    assert!(words.contains("on the matrix"), "{words}");
    assert!(words.contains("not reviewed ("), "{words}");
    let counted: usize = words
        .split_once(": ")
        .map(|(_, parts)| parts.split(" (").next().unwrap_or(parts))
        .into_iter()
        .flat_map(|parts| parts.split([',', ' ']))
        .filter_map(|word| word.parse::<usize>().ok())
        .sum();
    assert_eq!(counted, total, "{words}");
}

#[test]
fn next_due_for_review_picks_the_partnership_due_first_and_the_assessor_is_chosen_from_people() {
    let (folder, path) = sample_copy();
    let document = Document::open_read_only(&path).expect("open");
    let register = document.register().clone();
    drop(document);
    let today = chrono::Local::now().date_naive();
    let overview = scoring::overview_for(&register, &scoring::ReviewBasis::on(today));
    let first = overview.review_queue()[0].partnership;
    let mut harness = harness_on(&path, &folder, None);
    harness
        .get_by_label_contains("Next due for review: ")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().current_partnership, Some(first));

    // The assessor: one of the register's people, from the menu beside the field.
    let person = register
        .people
        .values()
        .find(|p| p.kind == partnership_atlas::model::PersonKind::Officer)
        .expect("an officer");
    let shown = if person.job_title.is_empty() {
        person.name.clone()
    } else {
        format!("{} ({})", person.name, person.job_title)
    };
    harness
        .get_by_role_and_label(Role::Button, "People…")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, &shown)
        .click_accesskit();
    harness.run_steps(3);
    let draft = harness
        .state()
        .ui_state()
        .scoring
        .draft(first)
        .expect("a draft");
    assert_eq!(draft.assessor, person.name);
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Assessor")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(person.name.as_str())
    );
}
