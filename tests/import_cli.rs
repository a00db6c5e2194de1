//! `partnership-atlas import FILE --from ...`: a refused import (an invalid row, an unresolved
//! link) changes nothing, byte for byte; an accepted one is one step, audited as "import" with
//! the file's name.

use std::path::{Path, PathBuf};

use clap::Parser as _;
use partnership_atlas::cli::{Cli, Command, run};
use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership, PartnershipId, Register};
use partnership_atlas::sample;

fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("sample.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

fn import(args: &[&str]) -> Result<String, String> {
    let mut words = vec!["partnership-atlas", "import"];
    words.extend_from_slice(args);
    let cli = Cli::try_parse_from(words).map_err(|e| e.to_string())?;
    let command: Command = cli.command.expect("a command");
    let mut out = Vec::new();
    let result = run(command, &mut out);
    let printed = String::from_utf8(out).expect("utf-8");
    result
        .map(|()| printed.clone())
        .map_err(|e| format!("{printed}\n{e}"))
}

fn text(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

fn bytes_beside(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(path.parent().expect("folder"))
        .expect("list")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "csv"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("read")))
        .collect();
    files.sort();
    files
}

#[test]
fn an_invalid_row_is_refused_and_the_register_is_left_byte_for_byte() {
    let (folder, path) = sample_file();
    let csv = folder.path().join("in.csv");
    std::fs::write(
        &csv,
        "Name,Status\r\nYouth Board,Active\r\nOld Board,Sleeping\r\n",
    )
    .expect("write");
    let before = bytes_beside(&path);
    let refused = import(&[&text(&path), "--from", &text(&csv)]).expect_err("refused");
    assert!(refused.contains("row 3: Invalid “Old Board”"), "{refused}");
    assert!(refused.contains("Status:"), "{refused}");
    assert!(refused.contains("Nothing was imported"), "{refused}");
    assert_eq!(bytes_beside(&path), before);
}

#[test]
fn an_unresolved_link_is_refused_unless_missing_records_are_made() {
    let (folder, path) = sample_file();
    let register = Document::open_read_only(&path).expect("open");
    let partnership = register
        .register()
        .partnerships
        .values()
        .next()
        .expect("one")
        .name
        .clone();
    drop(register);
    let csv = folder.path().join("members.csv");
    std::fs::write(
        &csv,
        format!("Partnership;Organisation\n{partnership};Nowhere Trust\n"),
    )
    .expect("write");
    let before = bytes_beside(&path);
    let args = [
        text(&path),
        "--from".into(),
        text(&csv),
        "--entity".into(),
        "memberships".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let refused = import(&args).expect_err("refused");
    assert!(
        refused.contains("organisation “Nowhere Trust” (row 2)"),
        "{refused}"
    );
    assert_eq!(bytes_beside(&path), before);
    let mut dry = args.clone();
    dry.extend(["--create-missing", "--dry-run"]);
    assert!(
        import(&dry)
            .expect("dry run")
            .contains("Dry run: nothing was changed")
    );
    assert_eq!(bytes_beside(&path), before);
    let mut create = args.clone();
    create.push("--create-missing");
    let done = import(&create).expect("imported");
    assert!(done.contains("(row 2, will be created)"), "{done}");
    let document = Document::open_read_only(&path).expect("open");
    assert!(
        document
            .register()
            .organisations
            .values()
            .any(|o| o.name == "Nowhere Trust")
    );
    let audit = document.store().audit_entries(10).expect("audit");
    let imported: Vec<_> = audit
        .iter()
        .filter(|entry| entry.origin == "import")
        .collect();
    assert_eq!(
        imported.len(),
        2,
        "the organisation and the membership: {audit:?}"
    );
    assert!(
        imported.iter().all(|entry| entry.step == imported[0].step),
        "one step"
    );
    assert!(
        imported[0].description.contains("members.csv"),
        "{imported:?}"
    );
}

/// The lead's hand test: a title row and a blank line above the headings, officer hours
/// written as a word, a parent given by its initials, one missing organisation.
#[test]
fn a_messy_register_is_reported_by_the_spreadsheets_rows_with_every_fault_named() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("county.atlas");
    let mut register = Register::new("Test County");
    register
        .apply(&Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Local Strategic Partnership".to_string(),
            ..Partnership::default()
        }))
        .expect("add");
    drop(Document::create(&path, register).expect("write"));
    let csv = folder.path().join("messy.csv");
    std::fs::write(
        &csv,
        "Partnership register 2026\r\n\r\nName,Accountable to,Officer hours per month\r\n\
         Youth Board,LSP,\r\n\r\nCarers Group,LSP,five\r\n",
    )
    .expect("write");
    let before = bytes_beside(&path);
    let refused = import(&[&text(&path), "--from", &text(&csv)]).expect_err("refused");
    assert!(refused.contains("Headings in row 3:"), "{refused}");
    assert!(
        refused.contains("Officer hours per month -> hours"),
        "mapped, not left out: {refused}"
    );
    assert!(refused.contains("row 4: New “Youth Board”"), "{refused}");
    assert!(
        refused.contains("Parent: “LSP” read as “Local Strategic Partnership” (its initials)"),
        "{refused}"
    );
    assert!(
        refused.contains("row 6: Invalid “Carers Group”"),
        "{refused}"
    );
    assert!(
        refused.contains("Officer hours per month: \"five\" is not a number of hours"),
        "{refused}"
    );
    assert_eq!(bytes_beside(&path), before, "nothing written");
}
