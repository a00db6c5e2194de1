//! A register on a shared drive: two programs on one register, a holder that dies, a write that
//! fails, and paths as officers name them.
//!
//! The two-process tests start the real binary (`stress-edits`, which holds the register and
//! prints "committed N" after each edit that has been committed), so the lock and the owner
//! note are exercised between processes exactly as between two officers' computers, except that
//! both run on this one machine.

mod common;
use common::files::{BINARY, register_of};

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use partnership_atlas::document::{Document, DocumentError};
use partnership_atlas::model::{Edit, EntityKind, Partnership, PartnershipId, Register};
use partnership_atlas::platform;
use partnership_atlas::store::{HeldElsewhere, Store, StoreError, owner_note};

/// Set to a register's path, it makes `helper_person_editing` hold that register.
const HOLD_VARIABLE: &str = "PARTNERSHIP_ATLAS_TEST_HOLD";

/// A closed register at `path`.
fn make_register(path: &Path) {
    drop(
        Document::create(
            path,
            register_of(
                "Denbighshire County Council",
                &["Conwy and Denbighshire PSB", "Community Safety Partnership"],
            ),
        )
        .expect("create"),
    );
}

/// The program holding a register, with its "committed N" lines arriving on a channel.
struct Holder {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Holder {
    /// Starts `stress-edits` on `path` and waits until it has committed `edits` edits.
    fn start(path: &Path, edits: usize) -> Self {
        let child = Command::new(BINARY)
            .arg("stress-edits")
            .arg(path)
            .args(["--count", "100000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the holder");
        Self::watch(child, edits)
    }

    /// Holds `path` in a second copy of this test program, editing as a person would: one
    /// edit every 200 ms (see `helper_person_editing`).
    fn start_person(path: &Path, edits: usize) -> Self {
        let child = Command::new(std::env::current_exe().expect("test program"))
            .args([
                "--exact",
                "helper_person_editing",
                "--ignored",
                "--nocapture",
            ])
            .env(HOLD_VARIABLE, path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the person editing");
        Self::watch(child, edits)
    }

    fn watch(mut child: Child, edits: usize) -> Self {
        let stdout: ChildStdout = child.stdout.take().expect("stdout");
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let holder = Self { child, lines };
        holder.wait_for_commit(edits);
        holder
    }

    fn wait_for_commit(&self, edits: usize) {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .expect("the holder stopped committing edits");
            if committed_number(&line) == Some(edits) {
                return;
            }
        }
    }

    /// Kills the holder at once (SIGKILL on Unix, TerminateProcess on Windows: no clean-up
    /// runs) and returns the highest edit it reported as committed.
    fn kill(mut self) -> usize {
        self.child.kill().expect("kill the holder");
        self.child.wait().expect("reap the holder");
        let mut last = None;
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(10)) {
            last = committed_number(&line).or(last);
        }
        last.expect("the holder reported committed edits")
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        // A failed assertion must not leave the holder running.
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// N from a "committed N" line (the test harness may print its own words before it).
fn committed_number(line: &str) -> Option<usize> {
    let (_, number) = line.rsplit_once("committed ")?;
    number.trim().parse().ok()
}

/// The number of the stress test's partnership name, "Stress test N".
fn stress_number(register: &Register) -> usize {
    let names: Vec<&str> = register
        .partnerships
        .values()
        .filter_map(|partnership| partnership.name.strip_prefix("Stress test "))
        .collect();
    assert_eq!(names.len(), 1, "one stress test partnership: {names:?}");
    names[0].parse().expect("number")
}

fn assert_names_holder(error: &StoreError, path: &Path, holder_pid: u32) {
    let StoreError::InUse(HeldElsewhere { path: held, holder }) = error else {
        panic!("expected InUse, got {error:?}");
    };
    assert_eq!(held, path);
    let holder = holder.as_ref().expect("the holder is named");
    assert_eq!(holder.user, platform::user_name());
    assert_eq!(holder.machine, platform::machine_name());
    assert_eq!(holder.process_id, holder_pid);
    let message = error.to_string();
    let expected = format!(
        "{} is open by {} on {} since ",
        path.display(),
        platform::user_name(),
        platform::machine_name()
    );
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn second_opener_is_told_who_holds_it_and_takes_over_after_the_holder_dies() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("register.atlas");
    make_register(&path);

    let holder = Holder::start(&path, 20);
    let holder_pid = holder.child.id();

    // The owner note beside the file names the holder.
    let note = owner_note::read(&path).expect("owner note beside the register");
    assert_eq!(note.process_id, holder_pid);
    assert!(owner_note::note_path(&path).exists());

    // A second opener in this process is refused, naming the holder.
    let error = Document::open(&path).expect_err("the register is held");
    assert_names_holder(&error, &path, holder_pid);

    // A second process's `check` reads a consistent copy (it takes no lock, so it never keeps
    // the holder out) and says plainly who holds it.
    let check = Command::new(BINARY)
        .arg("check")
        .arg(&path)
        .output()
        .expect("run check");
    // Against a holder that commits thousands of edits a second (checkpointing all the while)
    // a consistent copy may not come within the check's few seconds of tries; then the check
    // refuses, naming the holder, as the read-only open below may. A person's pace is checked
    // to succeed in `read_only_view_while_someone_edits`.
    let stdout = String::from_utf8_lossy(&check.stdout);
    let stderr = String::from_utf8_lossy(&check.stderr);
    if check.status.success() {
        assert!(
            stdout.contains(&format!(
                "Open by: {} on {} since ",
                platform::user_name(),
                platform::machine_name()
            )),
            "{stdout}"
        );
        assert!(stdout.contains("Integrity: ok"), "{stdout}");
    } else {
        assert!(
            stderr.contains(&format!(
                "is open by {} on {} since ",
                platform::user_name(),
                platform::machine_name()
            )),
            "a refusal names the holder: {stderr}"
        );
    }

    // A writing command never writes to it.
    let writer = Command::new(BINARY)
        .arg("stress-edits")
        .arg(&path)
        .args(["--count", "1"])
        .output()
        .expect("run a second writer");
    assert!(!writer.status.success());
    assert!(String::from_utf8_lossy(&writer.stdout).is_empty());

    // Read-only while the holder commits hundreds of edits a second: either a consistent copy
    // with every edit committed before it, or a plain refusal naming the holder; never a torn
    // copy. (A person edits far more slowly: see `read_only_view_while_someone_edits`.)
    holder.wait_for_commit(40);
    match Document::open_read_only(&path) {
        Ok(view) => {
            let seen = stress_number(view.register());
            assert!(seen >= 40, "the copy has the committed edits: {seen}");
            let about = view.store().read_only_view().expect("view facts");
            assert!(about.held_elsewhere);
            assert!(view.is_read_only());
        }
        Err(error) => assert_names_holder(&error, &path, holder_pid),
    }

    // The holder dies without closing: its lock goes with it, its note stays behind.
    let last_reported = holder.kill();
    assert!(
        owner_note::note_path(&path).exists(),
        "the stale note is left"
    );

    let mut document = Document::open(&path).expect("opens again after the holder died");
    let stale = document
        .store()
        .stale_note_taken_over()
        .expect("the stale note is taken over");
    assert_eq!(stale.process_id, holder_pid);
    let message = stale.taken_over_message(&path);
    assert!(message.contains("no longer running"), "{message}");
    let ours = owner_note::read(&path).expect("our note now");
    assert_eq!(ours.process_id, std::process::id());

    // Every edit reported as committed is there (one more may have committed unreported).
    let found = stress_number(document.register());
    assert!(
        found == last_reported || found == last_reported + 1,
        "reported {last_reported}, found {found}"
    );
    let audit = document.store().audit_entries(usize::MAX).expect("audit");
    let renames = audit
        .iter()
        .filter(|entry| entry.description.contains("Stress test"))
        .count();
    assert!(renames > last_reported, "{renames} audited edits");

    // And it is a sound, editable register.
    let id = PartnershipId(1);
    let before = document.register().partnerships[&id].clone();
    let after = Partnership {
        name: "Conwy and Denbighshire Public Services Board".into(),
        ..before.clone()
    };
    document.apply(Edit::change(before, after)).expect("edit");
    drop(document);
    assert!(
        !owner_note::note_path(&path).exists(),
        "closing removes our note"
    );
    let report = Store::check(&path).expect("check");
    assert!(report.integrity_ok);
}

#[test]
fn check_and_read_only_hold_nothing() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("register.atlas");
    make_register(&path);

    let view = Document::open_read_only(&path).expect("read-only");
    assert!(!view.store().read_only_view().expect("view").held_elsewhere);
    // The read-only view does not keep the editor out, and writes nothing beside the file.
    let mut editor = Document::open(&path).expect("open for editing beside a read-only view");
    assert!(editor.store().stale_note_taken_over().is_none());
    let id = PartnershipId(2);
    let before = editor.register().partnerships[&id].clone();
    let after = Partnership {
        name: "Denbighshire Community Safety Partnership".into(),
        ..before.clone()
    };
    editor.apply(Edit::change(before, after)).expect("edit");
    // The view is a copy as it was when opened.
    assert_eq!(
        view.register().partnerships[&id].name,
        "Community Safety Partnership"
    );
    assert!(matches!(view_edit_fails(view), DocumentError::ReadOnly));
    drop(editor);
    let listing: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(listing, ["register.atlas"]);
}

fn view_edit_fails(mut view: Document) -> DocumentError {
    let id = PartnershipId(1);
    let before = view.register().partnerships[&id].clone();
    let after = Partnership {
        name: "Changed".into(),
        ..before.clone()
    };
    view.apply(Edit::change(before, after))
        .expect_err("a read-only view refuses edits")
}

/// A write that fails part-way leaves the register in memory and in the file the same, says why
/// in plain words, and can be retried.
///
/// How the failure is made: SQLite's `max_page_count` quota is set to the file's present size,
/// so the next write that needs a new page fails inside its transaction with `SQLITE_FULL`,
/// the error SQLite also gives when the disk itself is full (the OS's ENOSPC or
/// ERROR_DISK_FULL), and is rolled back the same way. Permission tricks do not work here (the
/// tests run as root, and the file is already open), and a small full filesystem needs mount
/// rights CI does not have.
#[test]
fn a_failed_write_leaves_file_and_memory_equal() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("register.atlas");
    make_register(&path);
    let mut document = Document::open(&path).expect("open");
    let before_failure = document.register().clone();

    document
        .store()
        .refuse_growth_for_tests(true)
        .expect("limit");
    let big = Partnership {
        id: PartnershipId(3),
        name: "Health and Wellbeing Board".into(),
        notes: "Minutes and terms of reference. ".repeat(4000),
        ..Partnership::default()
    };
    let error = document
        .apply(Edit::insert(big.clone()))
        .expect_err("the write fails");
    let DocumentError::Store(StoreError::DiskFull(full)) = &error else {
        panic!("expected a full disk, got {error:?}");
    };
    assert_eq!(full, &path);
    assert!(
        error.to_string().starts_with("The disk holding "),
        "{error}"
    );
    assert_eq!(document.register(), &before_failure, "memory unchanged");
    assert_eq!(document.undo_description(), None, "nothing to undo");
    assert_eq!(
        document.store().load().expect("file"),
        before_failure,
        "file unchanged"
    );

    // Space again: the same edit goes through, and survives closing.
    document
        .store()
        .refuse_growth_for_tests(false)
        .expect("lift limit");
    document.apply(Edit::insert(big)).expect("retry");
    let expected = document.register().clone();
    drop(document);
    let (_store, on_disk) = Store::open(&path).expect("reopen");
    assert_eq!(on_disk, expected);
}

/// The folder and name an officer in Denbighshire might give, through the CLI and the library.
#[test]
fn paths_with_spaces_and_welsh_letters_work() {
    let folder = tempfile::tempdir().expect("tempdir");
    let team = folder
        .path()
        .join("Polisi a Phartneriaethau – Tîm Strategaeth");
    std::fs::create_dir(&team).expect("folder");
    let path: PathBuf = team.join("Cyngor Sir Ddinbych – Partneriaethau.atlas");

    let created = Command::new(BINARY)
        .arg("new")
        .arg(&path)
        .args(["--council", "Cyngor Sir Ddinbych"])
        .output()
        .expect("run new");
    assert!(created.status.success(), "{created:?}");
    assert!(
        String::from_utf8_lossy(&created.stdout).contains(&path.display().to_string()),
        "{created:?}"
    );

    let checked = Command::new(BINARY)
        .arg("check")
        .arg(&path)
        .output()
        .expect("run check");
    assert!(checked.status.success(), "{checked:?}");
    let report = String::from_utf8_lossy(&checked.stdout);
    assert!(
        report.starts_with(&format!("Register: {}\n", path.display())),
        "{report}"
    );
    assert!(report.contains("Integrity: ok"), "{report}");

    let mut document = Document::open(&path).expect("open");
    assert_eq!(
        document.register().settings.council_name,
        "Cyngor Sir Ddinbych"
    );
    assert!(owner_note::note_path(&path).exists());
    document
        .apply(Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Bwrdd Gwasanaethau Cyhoeddus Conwy a Sir Ddinbych".into(),
            ..Partnership::default()
        }))
        .expect("edit");
    // This process holds it: it is never read here as a plain file (that would drop the
    // lock on Linux and macOS), so `check` in the same process is refused in plain words.
    let error = Store::check(&path).expect_err("held here");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{} is already open here", path.display())),
        "{error}"
    );
    drop(document);
    let counts = Store::check(&path).expect("check").counts;
    assert!(counts.contains(&(EntityKind::Partnership, 1)), "{counts:?}");
}

/// Someone has the register open and edits it now and then (every 200 ms here, faster than any
/// person): a second person's read-only view is a consistent copy with every edit committed
/// before it, made without stopping them.
#[test]
fn read_only_view_while_someone_edits() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("register.atlas");
    make_register(&path);
    let holder = Holder::start_person(&path, 3);
    let holder_pid = holder.child.id();

    let view = Document::open_read_only(&path).expect("read-only view of a held register");
    let seen = stress_number(view.register());
    assert!(seen >= 3, "the copy has the committed edits: {seen}");
    let about = view.store().read_only_view().expect("view facts");
    assert!(about.held_elsewhere);
    assert_eq!(
        about.holder.as_ref().map(|holder| holder.process_id),
        Some(holder_pid)
    );
    assert!(
        about.describe().contains(&format!(
            "while {} on {} has it open",
            platform::user_name(),
            platform::machine_name()
        )),
        "{}",
        about.describe()
    );
    // The copy is sound and private: checking the original reads a copy too, naming the holder.
    assert!(view.is_read_only());
    let report = Store::check(&path).expect("check of a held register");
    assert_eq!(
        report.held_by.map(|holder| holder.process_id),
        Some(holder_pid)
    );
    holder.wait_for_commit(seen + 2);
    drop(view);
    drop(holder);
}

/// Not a test on its own: the person editing in `read_only_view_while_someone_edits`, run as a
/// second process of this test program with the register's path in `HOLD_VARIABLE`.
#[test]
#[ignore = "helper process, started by read_only_view_while_someone_edits"]
fn helper_person_editing() {
    let Some(path) = std::env::var_os(HOLD_VARIABLE) else {
        return;
    };
    let mut document = Document::open(Path::new(&path)).expect("open");
    let id = PartnershipId(1);
    for step in 1..=300 {
        let before = document.register().partnerships[&id].clone();
        let after = Partnership {
            name: format!("Stress test {step}"),
            ..before.clone()
        };
        document.apply(Edit::change(before, after)).expect("edit");
        println!("committed {step}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// An older register opened read-only is brought up to date in the private copy only: the file
/// itself keeps every byte.
#[test]
fn read_only_view_of_an_older_register_leaves_it_as_it_was() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("old register.atlas");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/register-schema-v1.atlas"
        ),
        &path,
    )
    .expect("copy fixture");
    let before = std::fs::read(&path).expect("read");
    let view = Document::open_read_only(&path).expect("read-only view of an older register");
    assert!(!view.register().partnerships.is_empty());
    assert!(view.is_read_only());
    drop(view);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file changed"
    );
    let listing: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(listing, ["old register.atlas"]);
}
