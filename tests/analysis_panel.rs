//! The Analysis section driven the way a head of policy drives it: open it from the
//! navigation bar, choose the top overlap and follow it to the diagram, then on the knowledge
//! network record a report-back route for a representative who has none and see the finding
//! go, with undo bringing it back; explore the membership network live (egui_graphs, driven
//! with `run_steps`), drag and pin a node, keep the arrangement and undo it.

mod common;
use common::sample_copy;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::analysis::{self, KnowledgeProblem};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::model::{NodeRef, PartnershipId, Register};
use partnership_atlas::ui::PanelKind;

/// The sample's "today": a little over four months after its newest assessment.
fn sample_today(register: &Register) -> chrono::NaiveDate {
    let newest = register
        .assessments
        .values()
        .filter_map(|a| a.date)
        .max()
        .expect("assessed");
    newest + chrono::Days::new(133)
}

fn id_of(register: &Register, name: &str) -> PartnershipId {
    register
        .partnerships
        .values()
        .find(|p| p.name == name)
        .map(|p| p.id)
        .expect("in the sample")
}

fn click(harness: &mut Harness<'_, AtlasApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(3);
}

fn open_analysis(path: &std::path::Path, folder: &tempfile::TempDir) -> Harness<'static, AtlasApp> {
    let document = Document::open(path).expect("open");
    let app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(2);
    click(&mut harness, Role::Button, "Analysis");
    assert_eq!(harness.state().ui_state().panel, PanelKind::Analysis);
    // The answers as at the sample's own year end, whatever today is.
    let today = sample_today(harness.state().document().expect("open").register());
    let field = harness.get_by_role_and_label(Role::TextInput, "As at");
    field.click();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "As at")
        .type_text(&today.to_string());
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().analysis.settings.today(), today);
    harness
}

#[test]
fn the_top_overlap_is_followed_to_the_diagram() {
    let (folder, path) = sample_copy();
    let mut harness = open_analysis(&path, &folder);
    let register = harness.state().document().expect("open").register().clone();
    let group = id_of(
        &register,
        "Ashmere Town Centre Night-time Economy Task and Finish Group",
    );
    let centre = id_of(&register, "Ashmere Town Centre Partnership");
    // The pair ranks first: its name is the first row's first cell.
    let first = harness
        .query_all_by_role_and_label(
            Role::Button,
            "Ashmere Town Centre Night-time Economy Task and Finish Group",
        )
        .next()
        .expect("the top pair is listed");
    first.click();
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().analysis.selected, Some(0));
    assert!(
        harness
            .query_all_by_label_contains("6 of 9 member organisations shared")
            .next()
            .is_some(),
        "the evidence is shown"
    );
    click(&mut harness, Role::Button, "Show in diagram");
    harness.run_steps(3);
    let state = harness.state().ui_state();
    assert_eq!(state.panel, PanelKind::Diagram);
    assert_eq!(state.current_partnership, Some(group));
    assert!(
        state
            .diagram
            .selected
            .contains(&NodeRef::Partnership(group))
    );
    assert!(
        state
            .diagram
            .selected
            .contains(&NodeRef::Partnership(centre))
    );
    let diagram = state.diagram.diagram().expect("a diagram is shown");
    assert!(diagram.index_of(NodeRef::Partnership(group)).is_some());
    assert!(diagram.index_of(NodeRef::Partnership(centre)).is_some());
}

#[test]
fn recording_a_report_back_route_clears_the_finding_and_undo_brings_it_back() {
    let (folder, path) = sample_copy();
    let mut harness = open_analysis(&path, &folder);
    click(&mut harness, Role::Button, "Knowledge network");
    let register = harness.state().document().expect("open").register().clone();
    let executive = id_of(&register, "Ashmere Vale Partnership Executive");
    let settings = harness.state().ui_state().analysis.settings;
    let before = analysis::knowledge(&register, &settings.knowledge);
    let finding = before
        .findings
        .iter()
        .find(|f| f.partnership == executive)
        .expect("the Executive's knowledge does not come back")
        .clone();
    assert_eq!(finding.problem, KnowledgeProblem::NoRoute);
    let representation = finding.representation.expect("a representation");

    click(
        &mut harness,
        Role::Button,
        "Ashmere Vale Partnership Executive",
    );
    assert!(harness.state().ui_state().analysis.selected.is_some());
    assert!(
        harness
            .query_by_label("Record a report-back route")
            .is_some()
    );
    let recipient = harness.get_by_role_and_label(Role::TextInput, "Recipient");
    recipient.click();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Recipient")
        .type_text("Portfolio Holder for Communities");
    harness.run_steps(2);
    click(&mut harness, Role::Button, "Record route");
    harness.run_steps(3);

    let knowledge_of = |harness: &Harness<'_, AtlasApp>| {
        let register = harness.state().document().expect("open").register();
        analysis::knowledge(register, &settings.knowledge)
    };
    {
        let register = harness.state().document().expect("open").register();
        let route = register
            .report_back_routes
            .values()
            .find(|r| r.representation == representation)
            .expect("the route is recorded");
        assert_eq!(route.recipient, "Portfolio Holder for Communities");
        assert_eq!(route.last_reported, Some(settings.today()));
    }
    assert!(
        knowledge_of(&harness)
            .findings
            .iter()
            .all(|f| f.partnership != executive),
        "the finding is gone"
    );
    assert!(
        harness
            .query_all_by_role_and_label(Role::Button, "Ashmere Vale Partnership Executive")
            .next()
            .is_none(),
        "and gone from the list"
    );
    // It is in the file too.
    drop(harness);
    let reopened = Document::open(&path).expect("reopen");
    assert!(
        reopened
            .register()
            .report_back_routes
            .values()
            .any(|r| r.representation == representation)
    );
}

#[test]
fn undo_takes_the_recorded_route_back_in_the_same_session() {
    let (folder, path) = sample_copy();
    let mut harness = open_analysis(&path, &folder);
    click(&mut harness, Role::Button, "Knowledge network");
    let routes_before = harness
        .state()
        .document()
        .expect("open")
        .register()
        .report_back_routes
        .len();
    click(
        &mut harness,
        Role::Button,
        "Ashmere Vale Partnership Executive",
    );
    click(&mut harness, Role::Button, "Record route");
    let routes = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .report_back_routes
            .len()
    };
    assert_eq!(routes(&harness), routes_before + 1);
    assert!(
        harness
            .query_all_by_role_and_label(Role::Button, "Ashmere Vale Partnership Executive")
            .next()
            .is_none()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(routes(&harness), routes_before);
    // Undo shows what it changed (the routes table); back in Analysis the finding is there.
    assert_ne!(harness.state().ui_state().panel, PanelKind::Analysis);
    click(&mut harness, Role::Button, "Analysis");
    click(&mut harness, Role::Button, "Knowledge network");
    assert!(
        harness
            .query_all_by_role_and_label(Role::Button, "Ashmere Vale Partnership Executive")
            .next()
            .is_some(),
        "the finding is listed again"
    );
}

#[test]
fn an_answer_is_exported_from_the_window_as_a_table() {
    let (folder, path) = sample_copy();
    let mut harness = open_analysis(&path, &folder);
    click(&mut harness, Role::Button, "Gaps");
    let out = folder.path().join("gaps.csv");
    harness
        .get_by_role_and_label(Role::TextInput, "Export this answer to")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Export this answer to")
        .type_text(out.to_str().expect("utf-8 path"));
    harness.run_steps(2);
    click(&mut harness, Role::Button, "Export answer");
    harness.run_steps(2);
    let text = std::fs::read_to_string(&out).expect("the answer is written");
    assert!(text.contains("Gap,About,Evidence"), "{text}");
    assert!(text.contains("Theme with no body at work,Older people,"));
    assert!(
        harness
            .query_all_by_label_contains("Exported “Gaps in the council's partnership working”")
            .next()
            .is_some(),
        "the window says so"
    );
}

/// The stored places of `view`, by node.
fn places_of(
    harness: &Harness<'_, AtlasApp>,
    view: partnership_atlas::model::ViewId,
) -> Vec<(NodeRef, (f32, f32, bool))> {
    harness
        .state()
        .document()
        .expect("open")
        .register()
        .node_positions
        .values()
        .filter(|p| p.view == view)
        .map(|p| (p.node, (p.x, p.y, p.pinned)))
        .collect()
}

#[test]
fn exploring_the_membership_network_settles_keeps_a_dragged_node_and_undoes_in_one_step() {
    let (folder, path) = sample_copy();
    let mut harness = open_analysis(&path, &folder);
    click(&mut harness, Role::Button, "Explore a network");
    let ctx = harness.ctx.clone();
    let explore =
        |harness: &Harness<'_, AtlasApp>| harness.state().ui_state().analysis.explore.positions();
    let view = match harness.state().ui_state().analysis.explore.choice {
        Some(partnership_atlas::ui::analysis::explore::Choice::Membership(view)) => view,
        other => panic!("a membership view is explored first, not {other:?}"),
    };
    let stored_before = places_of(&harness, view);
    assert!(harness.state().ui_state().analysis.explore.running(&ctx));
    assert!(
        harness.state().ui_state().analysis.explore.live_last_frame,
        "the widget draws while it arranges"
    );
    let start = explore(&harness);
    assert!(
        start.len() > 10,
        "the view's nodes are there: {}",
        start.len()
    );
    harness.run_steps(5);
    let moving = explore(&harness);
    assert!(
        start.iter().zip(&moving).any(|(a, b)| a.1 != b.1),
        "the forces move nodes"
    );
    // It settles by itself.
    for _ in 0..200 {
        if !harness.state().ui_state().analysis.explore.running(&ctx) {
            break;
        }
        harness.run_steps(10);
    }
    assert!(
        !harness.state().ui_state().analysis.explore.running(&ctx),
        "settled"
    );
    harness.remove_cursor();
    harness.run_steps(2);
    assert!(
        !harness.state().ui_state().analysis.explore.live_last_frame,
        "settled with the pointer elsewhere, our own still picture draws it, and asks for no repaint"
    );

    // Drag a partnership somewhere else: it stays where it is dropped, pinned.
    let register = harness.state().document().expect("open").register().clone();
    let (name, _) = explore(&harness)
        .into_iter()
        .find(|(name, _)| register.partnerships.values().any(|p| &p.name == name))
        .expect("a partnership in the view");
    let from = harness
        .state()
        .ui_state()
        .analysis
        .explore
        .screen_position(&ctx, &name)
        .expect("on screen");
    harness.hover_at(from);
    harness.run_steps(2);
    assert!(
        harness.state().ui_state().analysis.explore.live_last_frame,
        "the widget takes over under the pointer"
    );
    harness.drag_at(from);
    harness.run_steps(1);
    let to = from + egui::vec2(70.0, 45.0);
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
    let ui_state = harness.state().ui_state();
    assert_eq!(
        ui_state.analysis.explore.pinned(&ctx),
        std::slice::from_ref(&name),
        "dropped is pinned"
    );
    let dropped = explore(&harness)
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("still there")
        .1;
    for _ in 0..200 {
        if !harness.state().ui_state().analysis.explore.running(&ctx) {
            break;
        }
        harness.run_steps(10);
    }
    let held = explore(&harness)
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("there")
        .1;
    assert_eq!(held, dropped, "the rest settle around the pinned node");

    click(&mut harness, Role::Button, "Keep this arrangement");
    harness.run_steps(3);
    assert_eq!(
        harness.state().ui_state().panel,
        PanelKind::Diagram,
        "back to our own canvas"
    );
    assert_eq!(harness.state().ui_state().diagram.view, Some(view));
    let partnership = register
        .partnerships
        .values()
        .find(|p| p.name == name)
        .expect("named")
        .id;
    let kept = places_of(&harness, view);
    let (x, y, pinned) = kept
        .iter()
        .find(|(node, _)| *node == NodeRef::Partnership(partnership))
        .expect("its place is stored")
        .1;
    assert_eq!((x, y, pinned), (held.x, held.y, true));
    assert_ne!(kept, stored_before);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        places_of(&harness, view),
        stored_before,
        "one undo takes the whole arrangement back"
    );
}
