//! Reading where writing cannot (issue 13, defects 7 and 9): a register on a read-only drive
//! and on a full disk can be checked and exported, each failure has its own true message, and
//! a failed export leaves no file.
//!
//! The drives are real: small tmpfs file systems mounted for the test, one then remounted
//! read-only, one filled to the last byte. That needs root (CI runs as root); where mounting is
//! not allowed the tests say so and stop.

#![cfg(target_os = "linux")]

mod common;
use common::files::{cli, folder_listing};

use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_atlas::document::Document;

#[path = "corpus/mod.rs"]
mod corpus;

/// A tmpfs mounted on a folder of its own, unmounted on drop.
struct Drive {
    folder: tempfile::TempDir,
}

impl Drive {
    fn mount(size: &str) -> Option<Self> {
        let folder = tempfile::tempdir().expect("tempdir");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(folder.path())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("cannot mount a test drive here (not root?): test not run");
            return None;
        }
        Some(Self { folder })
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .expect("remount");
        assert!(status.success());
    }
}

impl Drop for Drive {
    fn drop(&mut self) {
        Command::new("umount").arg(self.folder.path()).status().ok();
    }
}

fn export_overview(register: &Path, out: &Path) -> std::process::Output {
    cli(&[
        "export".as_ref(),
        "overview".as_ref(),
        register.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
}

#[test]
fn a_register_on_a_read_only_drive_is_checked_and_exported_and_refused_for_editing_plainly() {
    let Some(drive) = Drive::mount("4m") else {
        return;
    };
    let path: PathBuf = drive.path().join("register.atlas");
    drop(Document::create(&path, corpus::small_register()).expect("create"));
    drive.remount_read_only();
    let before = std::fs::read(&path).expect("read");

    let check = cli(&["check".as_ref(), path.as_os_str()]);
    assert!(check.status.success(), "{check:?}");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let out = elsewhere.path().join("overview.csv");
    let export = export_overview(&path, &out);
    assert!(export.status.success(), "{export:?}");
    assert!(
        std::fs::read_to_string(&out)
            .expect("csv")
            .contains("Partnership")
    );
    let view = Document::open_read_only(&path).expect("read-only view");
    assert!(!view.register().partnerships.is_empty());

    let edit = cli(&[
        "stress-edits".as_ref(),
        path.as_os_str(),
        "--count".as_ref(),
        "1".as_ref(),
    ]);
    assert!(!edit.status.success());
    let stderr = String::from_utf8_lossy(&edit.stderr);
    assert!(
        stderr.contains("cannot be changed here") && stderr.contains("read-only"),
        "{stderr}"
    );
    assert!(!stderr.contains("disconnected"), "{stderr}");

    // An export onto the read-only drive says so, and leaves nothing.
    let onto = export_overview(&path, &drive.path().join("overview.csv"));
    assert!(!onto.status.success());
    let stderr = String::from_utf8_lossy(&onto.stderr);
    assert!(stderr.contains("the drive is read-only"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(folder_listing(drive.path()), ["register.atlas"]);
}

#[test]
fn a_register_on_a_full_disk_is_read_and_a_failed_export_leaves_no_file() {
    let Some(drive) = Drive::mount("2m") else {
        return;
    };
    let path = drive.path().join("register.atlas");
    drop(Document::create(&path, corpus::small_register()).expect("create"));
    // Fill the disk to the last byte.
    let filler = drive.path().join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    while std::io::Write::write_all(&mut file, &[0]).is_ok() {}
    drop(file);
    let before = std::fs::read(&path).expect("read");

    let check = cli(&["check".as_ref(), path.as_os_str()]);
    assert!(check.status.success(), "{check:?}");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let export = export_overview(&path, &elsewhere.path().join("overview.csv"));
    assert!(export.status.success(), "{export:?}");

    // A picture written onto the full disk: refused in plain words, and no truncated file.
    let picture = drive.path().join("matrix.png");
    let failed = cli(&[
        "export".as_ref(),
        "matrix".as_ref(),
        path.as_os_str(),
        "--out".as_ref(),
        picture.as_os_str(),
    ]);
    assert!(!failed.status.success());
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(!picture.exists(), "a failed export left a file");
    assert_eq!(folder_listing(drive.path()), ["filler", "register.atlas"]);
    assert_eq!(std::fs::read(&path).expect("read"), before);

    // Editing says the disk is full (not that the drive went away) once a write needs space.
    let edit = cli(&[
        "stress-edits".as_ref(),
        path.as_os_str(),
        "--count".as_ref(),
        "500".as_ref(),
    ]);
    assert!(!edit.status.success());
    let stderr = String::from_utf8_lossy(&edit.stderr);
    assert!(stderr.contains("is full"), "{stderr}");
    std::fs::remove_file(&filler).expect("free space");
    let check = cli(&["check".as_ref(), path.as_os_str()]);
    assert!(
        check.status.success(),
        "sound after the full disk: {check:?}"
    );
}
