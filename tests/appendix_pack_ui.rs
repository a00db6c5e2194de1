//! The appendix pack from the window, driven by accessible labels: File, Export appendix
//! pack..., choose two tables and one view, export, and find the files; the choice is kept in
//! the register as one undoable edit.

mod common;
use common::{CTRL, sample_copy};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::appendix::PackContents;
use partnership_atlas::document::Document;
use partnership_atlas::export::table::TableKind;

#[test]
fn choosing_two_tables_and_one_view_writes_that_pack() {
    let (folder, path) = sample_copy();
    let document = Document::open(&path).expect("open");
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.set_native_dialogs(false);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export appendix pack...").click();
    harness.run_steps(3);
    assert!(harness.state().ui_state().appendix_pack.open);

    // Everything is ticked at first: keep the LSP structure, recommendations and actions.
    for label in [
        "Council involvement",
        "Membership network",
        "Risk/value matrix",
    ] {
        harness.get_by_role_and_label(Role::CheckBox, label).click();
        harness.run_steps(1);
    }
    for kind in TableKind::ALL {
        if !matches!(kind, TableKind::Recommendations | TableKind::Actions) {
            harness
                .get_by_role_and_label(Role::CheckBox, kind.label())
                .click();
            harness.run_steps(1);
        }
    }
    let out = folder.path().join("Cabinet pack");
    let field = || (Role::TextInput, "Folder to write:");
    harness.get_by_role_and_label(field().0, field().1).click();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(field().0, field().1)
        .type_text(&out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Export pack").click();
    harness.run_steps(2);
    // The pack runs on its own thread: wait for it, frame by frame.
    for _ in 0..600 {
        if harness.state().ui_state().appendix_pack.running.is_none()
            && harness
                .state()
                .ui_state()
                .appendix_pack
                .last_result
                .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
    }
    let result = harness
        .state()
        .ui_state()
        .appendix_pack
        .last_result
        .clone()
        .expect("the pack finished");
    assert!(result.starts_with("Wrote the appendix pack"), "{result}");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "00 Appendix pack.pdf",
            "01 LSP structure.pdf",
            "01 LSP structure.png",
            "02 Recommendations.docx",
            "02 Recommendations.pdf",
            "03 Actions.docx",
            "03 Actions.pdf",
            "04 All tables.xlsx"
        ]
    );
    // The choice is kept in the register, in the file, as an undoable edit.
    let register = harness.state().document().expect("open").register().clone();
    let kept = PackContents::of(&register);
    assert_eq!(
        kept.tables,
        [TableKind::Recommendations, TableKind::Actions]
    );
    assert_eq!(kept.views.len(), 1);
    assert!(!kept.matrix);
    assert!(
        harness
            .state()
            .document()
            .and_then(|d| d.undo_description())
            .is_some()
    );
}

#[test]
fn one_table_on_its_own_is_written_from_the_pack_window() {
    let (folder, path) = sample_copy();
    let document = Document::open(&path).expect("open");
    let mut app = AtlasApp::with_document(document, Some(folder.path().join("settings")));
    app.set_native_dialogs(false);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export appendix pack...").click();
    harness.run_steps(3);
    // The first table, the register excerpt, is chosen at first.
    let out = folder.path().join("Register excerpt.csv");
    harness
        .get_by_role_and_label(Role::TextInput, "Table file:")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Table file:")
        .type_text(&out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Export table").click();
    harness.run_steps(3);
    let text = std::fs::read_to_string(&out).expect("the table was written");
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(
        text.contains("Place in the structure,Partnership,Statutory"),
        "{}",
        &text[..200.min(text.len())]
    );
    // Nothing else was written, and the register was not changed.
    assert!(
        harness
            .state()
            .document()
            .and_then(|d| d.undo_description())
            .is_none()
    );
}
