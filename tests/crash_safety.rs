//! Crash safety: a child process applies edits one by one and is killed at random moments.
//! After every kill the file passes the integrity check and holds every edit the child
//! reported as committed (DESIGN.md section 8: a crash loses at most the edit in flight).

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use partnership_atlas::document::Document;
use partnership_atlas::store::Store;

const KILLS: usize = 24;

/// Runs `stress-edits` until it has reported `committed_target` more edits, then kills it.
/// Returns the last edit number it reported as committed.
fn run_and_kill(path: &std::path::Path, committed_target: usize) -> Option<usize> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
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

    for kill in 0..KILLS {
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
