//! `merge FILE --from OTHER`: two synthetic registers merge, a second merge changes nothing,
//! the sample merged into itself changes nothing, a dry run writes nothing, the step is audited
//! as "merge" with the other file's name.

use std::path::Path;

use clap::Parser as _;
use partnership_atlas::cli::{Cli, Command, run};
use partnership_atlas::document::Document;

fn cli(words: &[&str]) -> Result<String, String> {
    let cli = Cli::try_parse_from(words).map_err(|e| e.to_string())?;
    let command: Command = cli.command.expect("a command");
    let mut out = Vec::new();
    run(command, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn file(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn two_seeds_merge_once_and_the_second_merge_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let ours = folder.path().join("county.atlas");
    let theirs = folder.path().join("district.atlas");
    cli(&[
        "partnership-atlas",
        "sample",
        file(&ours),
        "--partnerships",
        "120",
        "--seed",
        "3",
    ])
    .expect("ours");
    cli(&[
        "partnership-atlas",
        "sample",
        file(&theirs),
        "--partnerships",
        "120",
        "--seed",
        "9",
    ])
    .expect("theirs");
    let theirs_before = std::fs::read(&theirs).expect("read");
    let ours_before = std::fs::read(&ours).expect("read");
    let dry = cli(&[
        "partnership-atlas",
        "merge",
        file(&ours),
        "--from",
        file(&theirs),
        "--dry-run",
    ])
    .expect("dry run");
    assert!(dry.contains("Dry run: nothing was changed"), "{dry}");
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        ours_before,
        "a dry run writes nothing"
    );

    let first = cli(&[
        "partnership-atlas",
        "merge",
        file(&ours),
        "--from",
        file(&theirs),
    ])
    .expect("merge");
    assert!(first.contains("Merged "), "{first}");
    assert!(first.contains("To add: "), "{first}");
    let document = Document::open_read_only(&ours).expect("open");
    let newest = document.store().audit_entries(1).expect("audit");
    assert_eq!(newest[0].origin, "merge");
    assert_eq!(newest[0].description, "Merge register district.atlas");
    drop(document);

    let second = cli(&[
        "partnership-atlas",
        "merge",
        file(&ours),
        "--from",
        file(&theirs),
    ])
    .expect("merge again");
    assert!(second.contains("Nothing to merge"), "{second}");
    assert_eq!(
        std::fs::read(&theirs).expect("read"),
        theirs_before,
        "theirs never changed"
    );
    let check = cli(&["partnership-atlas", "check", file(&ours)]).expect("check");
    assert!(check.contains("Records and links: ok"), "{check}");
}

#[test]
fn the_sample_merged_into_itself_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let ours = folder.path().join("ours.atlas");
    let copy = folder.path().join("copy.atlas");
    cli(&["partnership-atlas", "sample", file(&ours)]).expect("sample");
    std::fs::copy(&ours, &copy).expect("copy");
    let said = cli(&[
        "partnership-atlas",
        "merge",
        file(&ours),
        "--from",
        file(&copy),
    ])
    .expect("merge");
    assert!(said.contains("Nothing to merge"), "{said}");
}
