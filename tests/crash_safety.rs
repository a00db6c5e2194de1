//! Crash safety: a child process applies edits one by one and is killed at random moments.
//! After every kill the file passes the integrity check and holds every edit the child
//! reported as committed (DESIGN.md section 8: a crash loses at most the edit in flight). And a
//! program killed while it makes a register leaves no file under the register's name, so the
//! next try works.

mod common;
use common::files::folder_listing;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use partnership_atlas::document::Document;
use partnership_atlas::store::Store;

/// The program under test, copied once per test run: a long soak must run one build
/// throughout, even where other builds share the target folder and replace the binary there.
fn program() -> &'static std::path::Path {
    static COPY: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        // Copies left by earlier runs go first (one that still runs keeps its file open).
        if let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) {
            for entry in entries.filter_map(Result::ok) {
                if entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with("atlas-crash-safety-")
                {
                    std::fs::remove_dir_all(entry.path()).ok();
                }
            }
        }
        let folder =
            std::env::temp_dir().join(format!("atlas-crash-safety-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("folder");
        let copy = folder.join(format!("partnership-atlas{}", std::env::consts::EXE_SUFFIX));
        std::fs::copy(env!("CARGO_BIN_EXE_partnership-atlas"), &copy).expect("copy the program");
        copy
    })
}

/// Kills per test; `PARTNERSHIP_ATLAS_KILLS` asks for more (hundreds, for a soak run).
fn kills(default: usize) -> usize {
    std::env::var("PARTNERSHIP_ATLAS_KILLS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// Runs `stress-edits` until it has reported `committed_target` more edits, then kills it.
/// Returns the last edit number it reported as committed.
fn run_and_kill(path: &std::path::Path, committed_target: usize) -> Option<usize> {
    let mut child = Command::new(program())
        .arg("stress-edits")
        .arg(path)
        .args(["--count", "100000", "--create"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start child");
    let stdout = child.stdout.take().expect("stdout");
    let mut last_committed = None;
    let started = Instant::now();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(number) = line.strip_prefix("committed ") {
            last_committed = number.trim().parse().ok();
        }
        if last_committed.is_some_and(|n: usize| n >= committed_target)
            || started.elapsed() > Duration::from_secs(20)
        {
            break;
        }
    }
    // Killed while it is in the middle of further edits: SIGKILL on Unix, TerminateProcess
    // on Windows; no chance to tidy up.
    child.kill().expect("kill child");
    let output = child.wait_with_output().expect("reap child");
    assert!(
        last_committed.is_some(),
        "the child committed nothing; it said: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    last_committed
}

#[test]
fn killed_writers_lose_nothing_they_reported_committed() {
    let folder = tempfile::tempdir().expect("tempdir");
    // The first child creates the register and is killed moments later: a register that was
    // never closed must open all the same.
    let path = folder.path().join("crash.atlas");

    for kill in 0..kills(24) {
        // Vary how far each child gets: 1 to 300 edits before the kill (thousands in all).
        let target = 1 + (kill * 137) % 300;
        let reported = run_and_kill(&path, target);
        let report = Store::check(&path).expect("the file stays a sound register");
        assert!(report.integrity_ok, "integrity after kill {kill}");

        let document = Document::open(&path).expect("reopen after kill");
        let register = document.register();
        // Each child adds one "Stress test" partnership and renames it at every step; its
        // name says the last step that reached the file.
        let newest = register
            .partnerships
            .values()
            .next_back()
            .expect("the child's partnership is there");
        let stored_step: usize = newest
            .name
            .strip_prefix("Stress test ")
            .and_then(|n| n.parse().ok())
            .expect("a stress test name");
        if let Some(reported) = reported {
            assert!(
                stored_step >= reported,
                "kill {kill}: the child reported edit {reported} committed, the file has {stored_step}"
            );
            // At most the edit in flight, plus lines still in the pipe, are ahead of the report.
            assert!(
                stored_step <= reported + 64,
                "kill {kill}: {stored_step} vs {reported}"
            );
        }
        assert_eq!(
            register.partnerships.len(),
            kill + 1,
            "one partnership per child"
        );
    }
}

/// How one killed creation ended.
#[derive(Debug, Default)]
struct CreationKills {
    tried: usize,
    no_file: usize,
    complete: usize,
}

/// Starts `args` (a command that makes `path`), kills it after `delay`, and checks what is
/// left: no file under the name, or a complete register. Then the same command, left to run,
/// makes it (or says it is there).
fn kill_creation(
    args: &[&str],
    path: &std::path::Path,
    delay: Duration,
    counts: &mut CreationKills,
) {
    let mut child = Command::new(program())
        .args(args)
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    std::thread::sleep(delay);
    child.kill().ok();
    child.wait().expect("reap");
    counts.tried += 1;
    if path.exists() {
        let report = Store::check(path).unwrap_or_else(|error| {
            panic!("a killed creation left a file that is not a whole register: {error}")
        });
        assert!(report.integrity_ok);
        counts.complete += 1;
    } else {
        counts.no_file += 1;
        let made = Command::new(program())
            .args(args)
            .arg(path)
            .output()
            .expect("run again");
        assert!(made.status.success(), "the next try works: {made:?}");
        Store::check(path).expect("and makes a sound register");
    }
    std::fs::remove_file(path).ok();
}

#[test]
fn a_kill_while_a_register_is_made_leaves_no_half_made_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let mut counts = CreationKills::default();
    let kills = kills(30);
    for kill in 0..kills {
        // From before SQLite opens the file to after the rename (a sample takes about 0.2 s
        // in a debug build).
        let delay = Duration::from_millis(((kill * 37) % 260) as u64);
        let path = folder.path().join(format!("register {kill}.atlas"));
        if kill % 2 == 0 {
            kill_creation(&["sample"], &path, delay, &mut counts);
        } else {
            kill_creation(&["new"], &path, delay / 3, &mut counts);
        }
    }
    eprintln!("creation kills: {counts:?}");
    assert_eq!(counts.tried, kills);
    // What killed creations leave is their temporary files (`~$… .partial`), never a file under
    // a register's name (the registers made were removed above; a kill after the rename may
    // leave a `-wal` or owner note of one).
    let names = folder_listing(folder.path());
    assert!(
        names.iter().all(|name| !name.ends_with(".atlas")),
        "{names:?}"
    );
}
