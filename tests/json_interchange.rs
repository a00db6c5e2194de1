//! `export json` and `import-json` through the command line: out, into a new register, out
//! again, byte for byte; a broken file refused in words with nothing written.

use std::path::Path;

use clap::Parser as _;
use partnership_atlas::cli::{Cli, Command, run};

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

fn round_trip(sample_words: &[&str]) {
    let folder = tempfile::tempdir().expect("temp dir");
    let original = folder.path().join("original.atlas");
    let first = folder.path().join("first.json");
    let copy = folder.path().join("copy.atlas");
    let second = folder.path().join("second.json");
    let mut words = vec!["partnership-atlas", "sample", file(&original)];
    words.extend_from_slice(sample_words);
    cli(&words).expect("sample");
    cli(&[
        "partnership-atlas",
        "export",
        "json",
        file(&original),
        "--out",
        file(&first),
    ])
    .expect("export");
    let said = cli(&[
        "partnership-atlas",
        "import-json",
        file(&copy),
        "--from",
        file(&first),
    ])
    .expect("import");
    assert!(said.starts_with("Created "), "{said}");
    cli(&[
        "partnership-atlas",
        "export",
        "json",
        file(&copy),
        "--out",
        file(&second),
    ])
    .expect("export again");
    let first = std::fs::read(&first).expect("first");
    assert!(first.len() > 1_000);
    assert!(
        first == std::fs::read(&second).expect("second"),
        "export, import, export: byte-identical"
    );
    let check = cli(&["partnership-atlas", "check", file(&copy)]).expect("check");
    assert!(check.contains("Records and links: ok"), "{check}");
}

#[test]
fn the_sample_goes_out_in_and_out_again_byte_for_byte() {
    round_trip(&[]);
}

#[test]
fn a_synthetic_register_of_300_goes_out_in_and_out_again_byte_for_byte() {
    round_trip(&["--partnerships", "300", "--seed", "4"]);
}

#[test]
fn broken_json_is_refused_by_line_and_column_and_nothing_is_written() {
    let folder = tempfile::tempdir().expect("temp dir");
    let json = folder.path().join("broken.json");
    let target = folder.path().join("new.atlas");
    std::fs::write(
        &json,
        "{\n  \"format\": \"partnership-atlas-register\",\n  \"version\": 1,\n  \"records\": [\n    {\"entity\": \"theme\", \"record\": {\"id\": 1,}}\n  ]\n}\n",
    )
    .expect("write");
    let error = cli(&[
        "partnership-atlas",
        "import-json",
        file(&target),
        "--from",
        file(&json),
    ])
    .expect_err("refused");
    assert!(
        error.contains("broken.json was not imported. Line 5, column"),
        "{error}"
    );
    assert!(!target.exists(), "no register made");
    let left: Vec<_> = std::fs::read_dir(folder.path()).expect("list").collect();
    assert_eq!(left.len(), 1, "nothing made beside it");
}

#[test]
fn import_json_will_not_overwrite_a_register() {
    let folder = tempfile::tempdir().expect("temp dir");
    let original = folder.path().join("original.atlas");
    let json = folder.path().join("out.json");
    cli(&["partnership-atlas", "sample", file(&original)]).expect("sample");
    cli(&[
        "partnership-atlas",
        "export",
        "json",
        file(&original),
        "--out",
        file(&json),
    ])
    .expect("export");
    let before = std::fs::read(&original).expect("read");
    cli(&[
        "partnership-atlas",
        "import-json",
        file(&original),
        "--from",
        file(&json),
    ])
    .expect_err("refused: the file exists");
    assert_eq!(std::fs::read(&original).expect("read"), before);
}
