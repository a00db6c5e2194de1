//! The same register reached by another path (issue 13, defect 1). On Linux and macOS, closing
//! any descriptor of a file drops every lock the process holds on it; a second open of a held
//! register by another path (`DIR/../DIR/reg.atlas`) used to read its header with a plain
//! `File::open`, drop the lock, and let a second program edit the register underneath: its
//! committed edits were then lost when the first program checkpointed.

use std::path::Path;
use std::process::Command;

use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership, PartnershipId, Register};
use partnership_atlas::store::{Store, StoreError, same_file};

const BINARY: &str = env!("CARGO_BIN_EXE_partnership-atlas");

fn register() -> Register {
    let mut register = Register::new("Test District Council");
    register
        .apply(&Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "LSP Board".into(),
            ..Partnership::default()
        }))
        .expect("insert");
    register
}

fn rename(document: &mut Document, name: &str) {
    let before = document.register().partnerships[&PartnershipId(1)].clone();
    let after = Partnership {
        name: name.into(),
        ..before.clone()
    };
    document.apply(Edit::change(before, after)).expect("edit");
}

fn stress_edits(path: &Path) -> std::process::Output {
    Command::new(BINARY)
        .arg("stress-edits")
        .arg(path)
        .args(["--count", "20"])
        .output()
        .expect("run stress-edits")
}

#[test]
fn a_second_open_by_another_path_is_refused_and_keeps_the_lock() {
    let folder = tempfile::tempdir().expect("tempdir");
    let team = folder.path().join("Policy Team");
    std::fs::create_dir(&team).expect("folder");
    let path = team.join("reg.atlas");
    drop(Document::create(&path, register()).expect("create"));
    let roundabout = team.join("..").join("Policy Team").join("reg.atlas");
    assert!(same_file(&path, &roundabout));

    let mut document = Document::open(&path).expect("open");
    rename(&mut document, "Before the second open");

    // Opened again by another path, in this process: refused, for editing and for reading.
    let error = Document::open(&roundabout).expect_err("a second hold here");
    assert!(matches!(error, StoreError::AlreadyOpenHere(_)), "{error:?}");
    assert!(
        error.to_string().contains("is already open here"),
        "{error}"
    );
    assert!(matches!(
        Store::check(&roundabout),
        Err(StoreError::AlreadyOpenHere(_))
    ));
    assert!(matches!(
        Document::open_read_only(&roundabout),
        Err(StoreError::AlreadyOpenHere(_))
    ));

    // The lock is still held: another program cannot write.
    let second = stress_edits(&path);
    assert!(
        !second.status.success(),
        "a second program edited a held register: {}",
        String::from_utf8_lossy(&second.stdout)
    );
    assert!(String::from_utf8_lossy(&second.stdout).is_empty());

    // Nothing committed is lost, and the owner note is still ours.
    rename(&mut document, "After the second open");
    drop(document);
    let reopened = Document::open(&path).expect("reopen");
    assert_eq!(
        reopened.register().partnerships[&PartnershipId(1)].name,
        "After the second open"
    );
    assert_eq!(reopened.register().partnerships.len(), 1, "no stress edits");
    let audit = reopened.store().audit_entries(usize::MAX).expect("audit");
    assert_eq!(audit.len(), 3, "creation and two renames: {audit:?}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_held_register_is_the_same_register() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("reg.atlas");
    drop(Document::create(&path, register()).expect("create"));
    let link = folder.path().join("shortcut.atlas");
    std::os::unix::fs::symlink(&path, &link).expect("link");
    let _document = Document::open(&link).expect("open through the link");
    assert!(matches!(
        Document::open(&path),
        Err(StoreError::AlreadyOpenHere(_))
    ));
    assert!(!stress_edits(&path).status.success());
}
