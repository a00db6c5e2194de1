//! A file from elsewhere cannot change what the program does, and damage is named (issue 13,
//! defects 2, 3, 5, 6, 8 and 11): each test here failed before the store checked schemas,
//! records and links.

mod common;
use common::{files::BINARY, files::cli, files::folder_listing};

use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_atlas::document::Document;
use partnership_atlas::store::{Store, StoreError};

#[path = "corpus/mod.rs"]
mod corpus;

/// A closed, sound register in `folder`.
fn register_in(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    drop(Document::create(&path, corpus::small_register()).expect("create"));
    path
}

/// Runs SQL on the file as another program would (foreign keys off, triggers allowed).
fn tamper(path: &Path, sql: &str) {
    let connection = rusqlite::Connection::open(path).expect("open");
    connection
        .execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .expect("tamper");
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
}

#[test]
fn a_trigger_is_refused_the_file_unchanged_and_a_clean_copy_keeps_the_data() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = register_in(folder.path(), "r.atlas");
    let before_records = Document::open(&path).expect("open").register().clone();
    tamper(
        &path,
        "CREATE TRIGGER f AFTER INSERT ON audit_log BEGIN \
         UPDATE audit_log SET user_name='mallory' WHERE id=new.id; \
         DELETE FROM audit_log WHERE id=1; END;",
    );
    let bytes = std::fs::read(&path).expect("read");
    let files = folder_listing(folder.path());

    let edits = cli(&[
        "stress-edits".as_ref(),
        path.as_os_str(),
        "--count".as_ref(),
        "2".as_ref(),
    ]);
    assert!(!edits.status.success(), "a writing open ran: {edits:?}");
    let stderr = String::from_utf8_lossy(&edits.stderr);
    assert!(stderr.contains("it has a trigger “f”"), "{stderr}");
    assert!(stderr.contains("save a clean copy"), "{stderr}");
    for error in [
        Store::check(&path).expect_err("check"),
        Document::open(&path).expect_err("open"),
        Document::open_read_only(&path).expect_err("read-only"),
    ] {
        assert!(
            matches!(error, StoreError::ForeignSchema { .. }),
            "{error:?}"
        );
        assert!(error.clean_copy_possible());
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the file is unchanged"
    );
    assert_eq!(
        folder_listing(folder.path()),
        files,
        "nothing made beside it"
    );

    // The clean copy: every record and every audit row, and no trigger.
    let copy = folder.path().join("r (clean copy).atlas");
    let made = cli(&["clean-copy".as_ref(), path.as_os_str(), copy.as_os_str()]);
    assert!(made.status.success(), "{made:?}");
    assert!(
        String::from_utf8_lossy(&made.stdout).contains("Left out: it has a trigger “f”"),
        "{made:?}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the source is unchanged"
    );
    let mut document = Document::open(&copy).expect("the clean copy opens");
    assert_eq!(document.register(), &before_records);
    let first = document
        .register()
        .partnerships
        .values()
        .next()
        .cloned()
        .expect("one");
    let renamed = partnership_atlas::model::Partnership {
        name: "Renamed in the clean copy".into(),
        ..first.clone()
    };
    document
        .apply(partnership_atlas::model::Edit::change(first, renamed))
        .expect("edit");
    let audit = document.store().audit_entries(usize::MAX).expect("audit");
    assert_eq!(
        audit.len(),
        3,
        "creation, the clean copy and the edit: {audit:?}"
    );
    assert!(audit.iter().all(|entry| entry.user_name != "mallory"));
    assert!(
        audit.iter().any(|entry| entry.action == "create"),
        "the creation row is kept"
    );
}

#[test]
fn a_view_in_place_of_a_table_is_refused_at_once_without_being_evaluated() {
    let folder = tempfile::tempdir().expect("tempdir");
    for (name, view) in [
        (
            "endless.atlas",
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c) \
             SELECT 1, 'x', (SELECT max(n) FROM c)",
        ),
        ("huge.atlas", "SELECT 1, 'x', hex(zeroblob(400000000))"),
    ] {
        let path = register_in(folder.path(), name);
        tamper(
            &path,
            &format!("DROP TABLE snapshots; CREATE VIEW snapshots(id, name, data) AS {view};"),
        );
        let bytes = std::fs::read(&path).expect("read");
        let started = std::time::Instant::now();
        for args in [
            vec!["check".as_ref(), path.as_os_str()],
            vec![
                "export".as_ref(),
                "overview".as_ref(),
                path.as_os_str(),
                "--out".as_ref(),
                folder.path().join("o.csv").into_os_string().leak() as &std::ffi::OsStr,
            ],
            vec![
                "stress-edits".as_ref(),
                path.as_os_str(),
                "--count".as_ref(),
                "1".as_ref(),
            ],
        ] {
            let output = cli(&args);
            assert!(!output.status.success(), "{name}: {output:?}");
            assert!(
                String::from_utf8_lossy(&output.stderr)
                    .contains("its table “snapshots” has been replaced by a view"),
                "{name}: {output:?}"
            );
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "{name}: refused at once, not after evaluating the view"
        );
        assert_eq!(std::fs::read(&path).expect("read"), bytes);
        assert!(!folder.path().join("o.csv").exists());
    }
}

#[test]
fn damage_inside_records_is_reported_by_name() {
    let folder = tempfile::tempdir().expect("tempdir");

    // A flipped byte inside a partnership's stored text (as a failing disk would make).
    let flipped = register_in(folder.path(), "flipped.atlas");
    let register = Document::open(&flipped).expect("open").register().clone();
    let partnership = register.partnerships.values().next().expect("one").clone();
    let mut bytes = std::fs::read(&flipped).expect("read");
    // "Ashmere" becomes "ashmere": still valid JSON, a different truth. (Every copy of the text
    // in the file, so the live one too, wherever SQLite keeps it.)
    let needle = format!("\"name\":\"{}", partnership.name).into_bytes();
    let mut from = 0;
    while let Some(at) = bytes[from..]
        .windows(needle.len())
        .position(|window| window == needle.as_slice())
    {
        bytes[from + at + 9] ^= 0x20;
        from += at + needle.len();
    }
    assert!(from > 0, "the name is in the file");
    std::fs::write(&flipped, &bytes).expect("write");
    let report = Store::check(&flipped).expect("check reads it");
    assert_eq!(report.findings.len(), 2, "{:?}", report.findings);
    assert!(
        report.findings[0].contains("its stored text does not match its checksum"),
        "{:?}",
        report.findings
    );
    assert!(
        report.findings[0].starts_with("partnership “"),
        "{:?}",
        report.findings
    );
    let error = Document::open(&flipped).expect_err("refused for editing");
    assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}");
    assert!(matches!(
        Document::open_read_only(&flipped),
        Err(StoreError::Damaged { .. })
    ));
    let check = cli(&["check".as_ref(), flipped.as_os_str()]);
    assert!(!check.status.success());
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("Records and links: 2 problems"), "{stdout}");

    // A row whose key is not its record's.
    let mismatch = register_in(folder.path(), "mismatch.atlas");
    tamper(
        &mismatch,
        "UPDATE people SET id = 505 WHERE id = (SELECT min(id) FROM people);",
    );
    let report = Store::check(&mismatch).expect("check");
    let person = register.people.values().next().expect("a person");
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.starts_with(&format!(
                "person “{}” (row id 505) does not match its row: its stored text says id is {}",
                person.name, person.id.0
            ))),
        "{:?}",
        report.findings
    );

    // Links to nothing (foreign keys off in the other program).
    let dangling = register_in(folder.path(), "dangling.atlas");
    tamper(
        &dangling,
        "DELETE FROM people WHERE id = (SELECT person_id FROM representations LIMIT 1);",
    );
    let report = Store::check(&dangling).expect("check");
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.contains("representation (row id")
                && finding.contains("links to a person that is not in the register")),
        "{:?}",
        report.findings
    );
    assert!(
        !cli(&["check".as_ref(), dangling.as_os_str()])
            .status
            .success()
    );
}

#[test]
fn check_and_the_exports_agree_on_a_version_zero_file_with_tables() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = register_in(folder.path(), "zero.atlas");
    tamper(&path, "PRAGMA user_version = 0;");
    let out = folder.path().join("o.csv");
    let check = cli(&["check".as_ref(), path.as_os_str()]);
    let export = cli(&[
        "export".as_ref(),
        "overview".as_ref(),
        path.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(!check.status.success() && !export.status.success());
    assert_eq!(
        check.stderr, export.stderr,
        "one open path decides for both"
    );
    assert!(
        String::from_utf8_lossy(&check.stderr)
            .contains("its version number says it has no tables yet, but it has "),
        "{check:?}"
    );
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_no_panic() {
    use std::os::unix::process::ExitStatusExt as _;
    let folder = tempfile::tempdir().expect("tempdir");
    let path = register_in(folder.path(), "r.atlas");
    // Nobody reads: every write fails with a broken pipe, on stdout and on stderr alike.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let status = Command::new(BINARY)
        .arg("check")
        .arg(&path)
        .stdout(writer.try_clone().expect("clone"))
        .stderr(writer)
        .status()
        .expect("run");
    assert_ne!(status.code(), Some(101), "panicked: {status:?}");
    assert_eq!(status.signal(), None, "{status:?}");
}
