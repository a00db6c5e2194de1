//! Every command over the corpus of malformed registers in `tests/fixtures/malformed/` (made by
//! `cargo run --example malformed_corpus`, see `tests/corpus/mod.rs`): `check`, four exports
//! and a writing open (`stress-edits`). Nothing panics; every file that is not a sound register
//! is refused by every command with the same plain message, and left byte for byte as it was;
//! no trigger or view ever runs; a damaged file is never read as a different truth (a byte flip
//! that is accepted changes nothing anyone can see).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "corpus/mod.rs"]
mod corpus;

const BINARY: &str = env!("CARGO_BIN_EXE_partnership-atlas");
/// A command that takes longer than this has been made to hang.
const TIME_LIMIT: Duration = Duration::from_secs(60);

struct Run {
    success: bool,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

fn run(args: &[&std::ffi::OsStr]) -> Run {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().ok();
            let output = child.wait_with_output().expect("reap");
            return Run {
                success: false,
                stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
                timed_out: true,
            };
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("reap");
    assert_ne!(output.status.code(), Some(101), "panicked: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        timed_out: false,
    }
}

/// The file and everything beside it named the same (`-wal`, `-journal`), as bytes.
fn contents(path: &Path) -> Vec<(String, Vec<u8>)> {
    let folder = path.parent().expect("folder");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(folder)
        .expect("list")
        .map(|entry| entry.expect("entry"))
        .filter(|entry| entry.file_name().to_string_lossy().contains(&name))
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).expect("read"),
            )
        })
        .collect();
    found.sort();
    found
}

/// Whether a trigger of the corpus ever ran: it marks the audit log.
fn marked(path: &Path) -> bool {
    // Immutable: SQLite reads the file as it is, taking no lock and making no side file.
    let uri = format!("file:{}?immutable=1", path.display());
    let Ok(connection) = rusqlite::Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    ) else {
        return false;
    };
    connection
        .query_row(
            "SELECT count(*) FROM audit_log WHERE user_name = ?1",
            [corpus::MARK],
            |row| row.get::<_, i64>(0),
        )
        .is_ok_and(|count| count > 0)
}

fn copy_with_side_files(from: &Path, to_folder: &Path) -> PathBuf {
    let name = from
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let to = to_folder.join(&name);
    for entry in std::fs::read_dir(from.parent().expect("folder")).expect("list") {
        let entry = entry.expect("entry");
        let other = entry.file_name().to_string_lossy().into_owned();
        if other == name || other == format!("{name}-journal") || other == format!("{name}-wal") {
            std::fs::copy(entry.path(), to_folder.join(&other)).expect("copy");
        }
    }
    to
}

#[derive(Default, Debug)]
struct Counts {
    tried: usize,
    refused: usize,
    accepted: usize,
    changed: usize,
    executed: usize,
}

#[test]
fn every_command_over_the_malformed_corpus() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("the corpus (cargo run --example malformed_corpus)")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "atlas")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 40, "{} files", files.len());
    let work = tempfile::tempdir().expect("tempdir");
    let mut counts = Counts::default();
    let mut sound_outputs: Option<(String, String)> = None;
    let mut accepted_flips = Vec::new();

    for fixture in &files {
        let name = fixture
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let sound = name.starts_with("sound");
        let flip = name.starts_with("flip-");
        let folder = work.path().join(name.trim_end_matches(".atlas"));
        std::fs::create_dir(&folder).expect("folder");
        let file = copy_with_side_files(fixture, &folder);
        let before = contents(&file);
        let out = work.path().join(format!("{name}-out"));
        std::fs::create_dir(&out).expect("out folder");
        let (csv, svg, graphml, diagram) = (
            out.join("overview.csv"),
            out.join("matrix.svg"),
            out.join("graph.graphml"),
            out.join("diagram.svg"),
        );
        let reads: Vec<Vec<&std::ffi::OsStr>> = vec![
            vec!["check".as_ref(), file.as_os_str()],
            vec![
                "export".as_ref(),
                "overview".as_ref(),
                file.as_os_str(),
                "--out".as_ref(),
                csv.as_os_str(),
                "--as-at".as_ref(),
                "2026-06-01".as_ref(),
            ],
            vec![
                "export".as_ref(),
                "matrix".as_ref(),
                file.as_os_str(),
                "--out".as_ref(),
                svg.as_os_str(),
                "--as-at".as_ref(),
                "2026-06-01".as_ref(),
            ],
            vec![
                "export".as_ref(),
                "graph".as_ref(),
                file.as_os_str(),
                "--view".as_ref(),
                "LSP structure".as_ref(),
                "--out".as_ref(),
                graphml.as_os_str(),
            ],
            vec![
                "export".as_ref(),
                "diagram".as_ref(),
                file.as_os_str(),
                "--view".as_ref(),
                "LSP structure".as_ref(),
                "--out".as_ref(),
                diagram.as_os_str(),
                "--data-as-at".as_ref(),
                "2026-06-01".as_ref(),
            ],
        ];
        let mut refusals = Vec::new();
        let mut accepted_here = 0;
        for args in &reads {
            counts.tried += 1;
            let result = run(args);
            if result.timed_out || marked(&file) {
                counts.executed += 1;
            }
            if contents(&file) != before {
                counts.changed += 1;
            }
            if result.success {
                counts.accepted += 1;
                accepted_here += 1;
            } else {
                counts.refused += 1;
                assert!(
                    result.stderr.starts_with("partnership-atlas: "),
                    "{name} {args:?}: {}",
                    result.stderr
                );
                assert_eq!(
                    result.stderr.matches(&file.display().to_string()).count(),
                    1,
                    "{name}: the path once: {}",
                    result.stderr
                );
                refusals.push(result.stderr.clone());
            }
            if sound && args[0] == "check" {
                assert!(
                    result.stdout.contains("Records and links: ok"),
                    "{}",
                    result.stdout
                );
            }
        }
        // One open path decides for every reading command: all accept, or all refuse alike.
        if accepted_here == 0 {
            assert!(
                refusals.windows(2).all(|pair| pair[0] == pair[1]),
                "{name}: the commands disagree: {refusals:#?}"
            );
        } else {
            assert_eq!(accepted_here, reads.len(), "{name}: {refusals:#?}");
        }
        let csv_text = std::fs::read_to_string(&csv).unwrap_or_default();
        let graph_text = std::fs::read_to_string(&graphml).unwrap_or_default();
        if sound {
            assert_eq!(accepted_here, reads.len(), "the sound register is read");
            sound_outputs = Some((csv_text, graph_text));
        } else if flip && accepted_here > 0 {
            accepted_flips.push((name.clone(), csv_text, graph_text));
        } else {
            assert_eq!(accepted_here, 0, "{name} must be refused");
            for export in [&csv, &svg, &graphml, &diagram] {
                assert!(!export.exists(), "{name}: a refused export left {export:?}");
            }
        }

        // The writing open, on its own copy.
        counts.tried += 1;
        let writer = run(&[
            "stress-edits".as_ref(),
            file.as_os_str(),
            "--count".as_ref(),
            "2".as_ref(),
        ]);
        if writer.timed_out || marked(&file) {
            counts.executed += 1;
        }
        if writer.success {
            counts.accepted += 1;
            assert!(sound || flip, "{name}: a writing open accepted it");
        } else {
            counts.refused += 1;
            if contents(&file) != before {
                counts.changed += 1;
            }
            assert!(!sound, "{name}: {}", writer.stderr);
        }
    }

    // An accepted flip landed where nothing is read: every export says exactly the same.
    let (sound_csv, sound_graph) = sound_outputs.expect("the sound register");
    let altered: Vec<&String> = accepted_flips
        .iter()
        .filter(|(_, csv, graph)| *csv != sound_csv || *graph != sound_graph)
        .map(|(name, _, _)| name)
        .collect();
    eprintln!(
        "corpus: {} files; tried {}, refused {}, accepted {}, changed {}, executed {}; \
         {} of 20 byte flips accepted, {} with altered content",
        files.len(),
        counts.tried,
        counts.refused,
        counts.accepted,
        counts.changed,
        counts.executed,
        accepted_flips.len(),
        altered.len()
    );
    assert!(altered.is_empty(), "read as a different truth: {altered:?}");
    assert_eq!(counts.changed, 0, "{counts:?}");
    assert_eq!(counts.executed, 0, "{counts:?}");
}

/// The corpus on disk is the one the generator makes (run `cargo run --example
/// malformed_corpus` after changing it).
#[test]
fn the_corpus_is_made_by_its_generator() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let fresh = tempfile::tempdir().expect("tempdir");
    let made = corpus::write_corpus(fresh.path());
    for path in made {
        let name = path.file_name().expect("name");
        assert!(
            fixtures.join(name).exists(),
            "{} is not in tests/fixtures/malformed",
            name.to_string_lossy()
        );
    }
}
