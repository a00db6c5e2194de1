//! `partnership-atlas snapshot FILE --name NAME [--date DATE]` and `report FILE changes
//! --since NAME [--to NAME] [--out FILE]` on the sample: a snapshot is taken into the file
//! (one audited edit), an edit is made, and the report names it, printed and as CSV.

use std::path::{Path, PathBuf};

use clap::Parser as _;
use partnership_atlas::cli::{Cli, Command, run};
use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership, PartnershipStatus};
use partnership_atlas::sample;

fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("sample.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

fn atlas(args: &[&str]) -> Result<String, String> {
    let mut words = vec!["partnership-atlas"];
    words.extend_from_slice(args);
    let cli = Cli::try_parse_from(words).map_err(|e| e.to_string())?;
    let command: Command = cli.command.expect("a command");
    let mut out = Vec::new();
    run(command, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn file(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

fn remove_first_active(path: &Path) -> String {
    let mut document = Document::open(path).expect("open");
    let before: Partnership = document
        .register()
        .partnerships
        .values()
        .find(|p| p.status == PartnershipStatus::Active)
        .cloned()
        .expect("an active body");
    let after = Partnership {
        status: PartnershipStatus::Removed,
        status_reason: "A network, not a partnership".to_string(),
        ..before.clone()
    };
    document
        .apply(Edit::change(before.clone(), after))
        .expect("applied");
    before.name
}

#[test]
fn a_snapshot_then_an_edit_is_reported_as_a_change() {
    let (folder, path) = sample_file();
    let register = file(&path);
    let taken = atlas(&[
        "snapshot",
        &register,
        "--name",
        "As at Cabinet 22 March 2026",
        "--date",
        "2026-03-22",
    ])
    .expect("taken");
    assert!(
        taken.starts_with("Took the snapshot “As at Cabinet 22 March 2026”, as at 22 March 2026"),
        "{taken}"
    );
    let again = atlas(&[
        "snapshot",
        &register,
        "--name",
        "as at cabinet 22 march 2026",
    ]);
    assert!(
        again
            .expect_err("a second of the same name")
            .contains("already a snapshot")
    );

    let name = remove_first_active(&path);
    let printed = atlas(&[
        "report",
        &register,
        "changes",
        "--since",
        "As at Cabinet 22 March 2026",
        "--as-at",
        "2026-03-31",
    ])
    .expect("report");
    assert!(printed.contains("Since 22 March: 1 "), "{printed}");
    assert!(printed.contains("removed from the register"), "{printed}");
    assert!(
        printed.contains(&format!("{name} | Removed |")),
        "{printed}"
    );

    let out = folder.path().join("changes.csv");
    let wrote = atlas(&[
        "report",
        &register,
        "changes",
        "--since",
        "1",
        "--as-at",
        "2026-03-31",
        "--out",
        &file(&out),
    ])
    .expect("written");
    assert!(wrote.starts_with("Wrote "), "{wrote}");
    let csv = std::fs::read_to_string(&out).expect("csv");
    assert!(csv.contains("A network, not a partnership"), "{csv}");

    let missing = atlas(&["report", &register, "changes", "--since", "Scrutiny"]);
    assert!(
        missing
            .expect_err("no such")
            .contains("There is no snapshot called “Scrutiny”")
    );
}

#[test]
fn a_snapshot_is_one_audited_undoable_edit() {
    let (_folder, path) = sample_file();
    atlas(&["snapshot", &file(&path), "--name", "Scrutiny April"]).expect("taken");
    let document = Document::open(&path).expect("open");
    assert_eq!(document.register().snapshots.len(), 1);
    let newest = document.store().audit_entries(1).expect("audit");
    assert_eq!(newest[0].entity, "snapshot");
    assert!(
        newest[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("bytes of register content")
    );
    drop(document);
    let mut document = Document::open(&path).expect("open again");
    let snapshot = document
        .register()
        .snapshots
        .values()
        .next()
        .cloned()
        .expect("kept");
    document.apply(Edit::delete(snapshot)).expect("deleted");
    assert!(document.register().snapshots.is_empty());
    document.undo().expect("undone");
    assert_eq!(document.register().snapshots.len(), 1);
}

#[test]
fn the_audit_log_exports_filtered_by_person_and_date() {
    let (folder, path) = sample_file();
    let register = file(&path);
    let name = remove_first_active(&path);
    let me = partnership_atlas::platform::user_name();
    let today = chrono::Local::now().date_naive().to_string();
    let out = folder.path().join("audit.csv");
    let wrote = atlas(&[
        "export",
        "audit",
        &register,
        "--out",
        &file(&out),
        "--user",
        &me,
        "--since",
        &today,
    ])
    .expect("written");
    assert!(wrote.contains(&format!("Changes by {me}")), "{wrote}");
    let csv = std::fs::read_to_string(&out).expect("csv");
    assert!(csv.contains(&name), "the change is in the log");
    assert!(
        csv.contains("Removed from register") || csv.contains("removed"),
        "{csv}"
    );

    let nobody = folder.path().join("nobody.xlsx");
    let wrote = atlas(&[
        "export",
        "audit",
        &register,
        "--out",
        &file(&nobody),
        "--user",
        "nobody-at-all",
    ])
    .expect("written");
    assert!(wrote.ends_with("0 rows)\n"), "{wrote}");
    let later = atlas(&[
        "export",
        "audit",
        &register,
        "--out",
        &file(&out),
        "--since",
        "2999-01-01",
    ])
    .expect("written");
    assert!(later.ends_with("0 rows)\n"), "{later}");
    let wrong = atlas(&["export", "audit", &register, "--out", "audit.txt"]);
    assert!(wrong.expect_err("txt").contains(".csv or .xlsx"));
}
