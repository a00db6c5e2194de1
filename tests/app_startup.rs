//! How the window starts and recovers: the sample on the very first start, the last register
//! after that, and a plain reason (with a way on) when a file will not open.

mod common;
use common::CTRL;

use std::path::{Path, PathBuf};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::app::{AtlasApp, SAMPLE_FILE_NAME};
use partnership_atlas::document::Document;
use partnership_atlas::sample;
use partnership_atlas::ui::message::MessageKind;

fn harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    harness
}

/// Another program holding a register (`stress-edits`, editing it until killed; its output is
/// kept unread, so once the pipe is full it waits, still holding the register).
struct Holder(
    std::process::Child,
    #[allow(dead_code)] std::io::BufReader<std::process::ChildStdout>,
);

impl Holder {
    fn start(path: &Path) -> Self {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
            .arg("stress-edits")
            .arg(path)
            .args(["--count", "100000000"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the holder");
        let stdout = child.stdout.take().expect("stdout");
        let mut first = String::new();
        let mut lines = std::io::BufReader::new(stdout);
        lines
            .read_line(&mut first)
            .expect("the holder reports its first edit");
        assert!(first.starts_with("committed"), "{first}");
        Self(child, lines)
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

fn open_path(app: &AtlasApp) -> Option<PathBuf> {
    app.document().map(|document| document.path().to_path_buf())
}

#[test]
fn the_first_start_opens_a_copy_of_the_sample_and_later_starts_reopen_the_last_register() {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = folder.path().join("data folder with spaces");
    let sample_path = data.join(SAMPLE_FILE_NAME);

    let first = harness(AtlasApp::new(None, Some(data.clone())));
    assert_eq!(open_path(first.state()), Some(sample_path.clone()));
    assert!(
        first
            .query_by_label_contains("This is the sample register")
            .is_some(),
        "the user is told plainly that this is the sample"
    );
    let partnerships = first
        .state()
        .document()
        .expect("open")
        .register()
        .partnerships
        .len();
    assert_eq!(partnerships, sample::sample_register().partnerships.len());
    drop(first);

    let second = harness(AtlasApp::new(None, Some(data.clone())));
    assert_eq!(open_path(second.state()), Some(sample_path));
    assert!(
        second.state().messages().is_empty(),
        "no sample notice the second time: {:?}",
        second.state().messages()
    );
}

#[test]
fn a_file_that_is_not_a_register_is_refused_in_plain_words_and_another_can_be_opened() {
    let folder = tempfile::tempdir().expect("temp dir");
    let not_a_register = folder.path().join("minutes.atlas");
    std::fs::write(&not_a_register, "Minutes of the LSP board, 3 March").expect("write");
    let good = folder
        .path()
        .join("Registre partenariats – Région Est.atlas");
    drop(Document::create(&good, sample::sample_register()).expect("create"));

    let mut harness = harness(AtlasApp::new(
        Some(not_a_register.clone()),
        Some(folder.path().join("settings")),
    ));
    assert!(harness.state().document().is_none());
    let errors: Vec<_> = harness
        .state()
        .messages()
        .iter()
        .filter(|m| m.kind == MessageKind::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].text.contains("not a Partnership Atlas register"),
        "{}",
        errors[0].text
    );
    assert!(harness.query_by_label("No register is open").is_some());
    assert_eq!(
        std::fs::read_to_string(&not_a_register).expect("read"),
        "Minutes of the LSP board, 3 March",
        "the refused file is untouched"
    );

    // Open another by typing its path: non-ASCII letters and spaces pass through whole.
    harness.get_by_label("Open by typing a path...").click();
    harness.run_steps(3);
    let field = harness.get_by_role_and_label(Role::TextInput, "Path");
    assert!(field.is_focused(), "the path field has the keyboard");
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&format!("\"{}\"", good.display()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(open_path(harness.state()), Some(good.clone()));
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Path")
            .is_none()
    );
    assert_eq!(
        harness.state().settings().most_recent(),
        Some(good.as_path())
    );
}

#[test]
fn a_register_in_use_can_be_opened_read_only_instead() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("create"));
    // Someone else has it open: another program, editing it.
    let holder = Holder::start(&path);

    let mut harness = harness(AtlasApp::new(
        Some(path.clone()),
        Some(folder.path().join("settings")),
    ));
    assert!(harness.state().document().is_none());
    harness.get_by_label("Open read-only").click();
    harness.run_steps(3);
    let document = harness.state().document().expect("opened read-only");
    assert!(document.is_read_only());
    assert!(
        harness.query_by_label("Read-only").is_some(),
        "the status bar says so"
    );
    assert!(
        harness
            .get_by_label("Add partnership")
            .accesskit_node()
            .is_disabled(),
        "nothing can be added"
    );
    drop(harness);
    drop(holder);
}

/// Types `text` into the "Open by typing a path..." window and presses Enter.
fn open_by_typing(harness: &mut Harness<'static, AtlasApp>, text: &str) {
    if harness.query_by_label("Open by typing a path...").is_none() {
        harness.get_by_label("File").click();
        harness.run_steps(2);
    }
    harness.get_by_label("Open by typing a path...").click();
    harness.run_steps(3);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(text);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn the_open_register_opened_again_by_another_path_is_the_same_one_and_keeps_its_lock() {
    let folder = tempfile::tempdir().expect("temp dir");
    let team = folder.path().join("Policy Team");
    std::fs::create_dir(&team).expect("folder");
    let path = team.join("reg.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("create"));
    let mut harness = harness(AtlasApp::new(
        Some(path.clone()),
        Some(folder.path().join("settings")),
    ));
    assert_eq!(open_path(harness.state()), Some(path.clone()));

    let roundabout = team.join("..").join("Policy Team").join("reg.atlas");
    open_by_typing(&mut harness, &roundabout.display().to_string());
    assert_eq!(
        open_path(harness.state()),
        Some(path.clone()),
        "still the register first opened"
    );
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|message| message.text.contains("already open")),
        "{:?}",
        harness.state().messages()
    );
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .all(|message| message.kind != MessageKind::Error),
        "{:?}",
        harness.state().messages()
    );
    // Another program still cannot write to it: the window's lock was kept.
    let second = std::process::Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
        .arg("stress-edits")
        .arg(&path)
        .args(["--count", "20"])
        .output()
        .expect("run");
    assert!(!second.status.success(), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stdout).is_empty());
    let note = partnership_atlas::store::owner_note::read(&path).expect("our note");
    assert_eq!(note.process_id, std::process::id());
}

#[test]
fn the_first_start_after_an_older_version_was_killed_making_the_sample_makes_it_again() {
    for leftover in ["empty", "first page and journal"] {
        let folder = tempfile::tempdir().expect("temp dir");
        let data = folder.path().join("data");
        std::fs::create_dir(&data).expect("data folder");
        let sample_path = data.join(SAMPLE_FILE_NAME);
        if leftover == "empty" {
            std::fs::write(&sample_path, b"").expect("write");
        } else {
            let connection = rusqlite::Connection::open(&sample_path).expect("open");
            connection
                .pragma_update(None, "application_id", 0x5041_746C_i64)
                .expect("id");
            drop(connection);
            let mut journal = vec![0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
            journal.resize(512, 0);
            std::fs::write(format!("{}-journal", sample_path.display()), journal).expect("journal");
        }
        let first = harness(AtlasApp::new(None, Some(data.clone())));
        assert_eq!(
            open_path(first.state()),
            Some(sample_path.clone()),
            "{leftover}"
        );
        assert_eq!(
            first
                .state()
                .document()
                .expect("open")
                .register()
                .partnerships
                .len(),
            sample::sample_register().partnerships.len(),
            "{leftover}"
        );
        assert!(
            first
                .state()
                .messages()
                .iter()
                .all(|message| message.kind != MessageKind::Error),
            "{leftover}: {:?}",
            first.state().messages()
        );
    }
}

#[test]
fn a_register_another_program_changed_can_be_kept_as_a_clean_copy_from_the_window() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("create"));
    let connection = rusqlite::Connection::open(&path).expect("open");
    connection
        .execute_batch(
            "CREATE TRIGGER f AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;
             PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .expect("trigger");
    drop(connection);
    let bytes = std::fs::read(&path).expect("read");

    let mut harness = harness(AtlasApp::new(
        Some(path.clone()),
        Some(folder.path().join("settings")),
    ));
    assert!(harness.state().document().is_none());
    assert!(
        harness
            .query_by_label_contains("it has a trigger “f”")
            .is_some(),
        "the refusal says why: {:?}",
        harness.state().messages()
    );
    harness.get_by_label("Save a clean copy").click();
    harness.run_steps(3);
    let copy = folder.path().join("register (clean copy).atlas");
    assert_eq!(open_path(harness.state()), Some(copy.clone()));
    assert_eq!(
        harness
            .state()
            .document()
            .expect("open")
            .register()
            .partnerships
            .len(),
        sample::sample_register().partnerships.len()
    );
    assert!(
        harness
            .query_by_label_contains("Saved a clean copy")
            .is_some(),
        "{:?}",
        harness.state().messages()
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the original is unchanged"
    );
}
