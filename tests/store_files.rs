//! Opening files from elsewhere: each unsound file gets its own clear message and is left
//! exactly as it was, byte for byte, with nothing made beside it.

mod common;
use common::files::{folder_listing, register_of};

use std::path::{Path, PathBuf};

use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership, PartnershipId, Register};
use partnership_atlas::store::{Store, StoreError, newest_version};

/// A sound register file in `folder`, closed again.
fn sound_register(folder: &Path) -> PathBuf {
    let path = folder.join("sound.atlas");
    drop(
        Document::create(
            &path,
            register_of(
                "Test District Council",
                &["LSP Board", "Community Safety Partnership"],
            ),
        )
        .expect("create"),
    );
    path
}

/// Opens `path` for editing and for checking; both must fail without touching anything.
fn refuse(path: &Path) -> (StoreError, StoreError) {
    let folder = path.parent().expect("parent");
    let bytes_before = std::fs::read(path).expect("read");
    let listing_before = folder_listing(folder);
    let open_error = Store::open(path).expect_err("open must refuse");
    let check_error = Store::check(path).expect_err("check must refuse");
    assert_eq!(
        std::fs::read(path).expect("read"),
        bytes_before,
        "file bytes changed"
    );
    assert_eq!(
        folder_listing(folder),
        listing_before,
        "files appeared beside it"
    );
    (open_error, check_error)
}

#[test]
fn a_closed_register_leaves_no_side_files_and_reopens() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    assert_eq!(folder_listing(folder.path()), ["sound.atlas"]);
    let report = Store::check(&path).expect("check");
    assert_eq!(report.schema_version, newest_version());
    assert!(report.integrity_ok);
    assert_eq!(folder_listing(folder.path()), ["sound.atlas"]);
    let document = Document::open(&path).expect("open");
    assert_eq!(
        document.register(),
        &register_of(
            "Test District Council",
            &["LSP Board", "Community Safety Partnership"]
        )
    );
}

#[test]
fn a_text_file_is_not_a_register() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("register.csv");
    std::fs::write(&path, "Partnership,Kind\nLSP Board,partnership\n").expect("write");
    let (open_error, check_error) = refuse(&path);
    assert!(
        matches!(open_error, StoreError::NotADatabase(_)),
        "{open_error:?}"
    );
    assert!(matches!(check_error, StoreError::NotADatabase(_)));
    assert!(
        open_error
            .to_string()
            .contains("is not a Partnership Atlas register")
    );
}

#[test]
fn an_empty_file_is_not_a_register_and_an_empty_register_file_is_unfinished() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("empty.csv");
    std::fs::write(&path, b"").expect("write");
    let (open_error, _) = refuse(&path);
    assert!(
        matches!(open_error, StoreError::NotADatabase(_)),
        "{open_error:?}"
    );
    // An empty `.atlas`: what an older version left when it was killed while making one.
    let path = folder.path().join("empty.atlas");
    std::fs::write(&path, b"").expect("write");
    let (open_error, check_error) = refuse(&path);
    assert!(
        matches!(open_error, StoreError::Unfinished(_)),
        "{open_error:?}"
    );
    assert!(matches!(check_error, StoreError::Unfinished(_)));
    assert!(open_error.to_string().contains("is an unfinished register"));
}

#[test]
fn another_programs_database_is_not_a_register() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[68..72].copy_from_slice(&0u32.to_be_bytes());
    std::fs::write(&path, &bytes).expect("write");
    let (open_error, _) = refuse(&path);
    assert!(
        matches!(open_error, StoreError::NotARegister(_)),
        "{open_error:?}"
    );
    assert!(
        open_error
            .to_string()
            .contains("is a database, but not a Partnership Atlas register")
    );
}

#[test]
fn a_truncated_register_is_refused() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let bytes = std::fs::read(&path).expect("read");
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    // Cut off at a page boundary (as an interrupted copy would), and mid-page.
    for cut in [bytes.len() - page_size, bytes.len() / 2 + 7] {
        std::fs::write(&path, &bytes[..cut]).expect("write");
        let (open_error, check_error) = refuse(&path);
        assert!(
            matches!(open_error, StoreError::Truncated(_)),
            "{cut}: {open_error:?}"
        );
        assert!(matches!(check_error, StoreError::Truncated(_)));
        assert!(open_error.to_string().contains("incomplete"));
    }
}

#[test]
fn a_register_whose_checkpoint_was_killed_half_way_opens_with_every_edit() {
    // While a program edits, the WAL holds the new pages; a checkpoint copies them into the
    // file. Killed half way, the file's page 1 already counts pages that are still only in the
    // WAL, so the file looks short. SQLite replays the WAL on open: nothing is lost, and the
    // register must open rather than be called cut short.
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let mut document = Document::open(&path).expect("open");
    let names: Vec<String> = (0..60).map(|i| format!("Partnership number {i}")).collect();
    for (i, name) in names.iter().enumerate() {
        document
            .apply(Edit::insert(Partnership {
                id: PartnershipId(100 + i as i64),
                name: name.clone(),
                // Long enough that the edits take new pages.
                notes: "Minutes and terms of reference. ".repeat(40),
                ..Partnership::default()
            }))
            .expect("edit");
    }
    // The files as a killed holder leaves them (copied while it still holds the register).
    let copy = folder.path().join("killed.atlas");
    let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
    std::fs::copy(&path, &copy).expect("copy main");
    std::fs::copy(wal(&path), wal(&copy)).expect("copy wal");
    drop(document);

    let main = std::fs::read(&copy).expect("read main");
    let page_size = usize::from(u16::from_be_bytes([main[16], main[17]]));
    let log = std::fs::read(wal(&copy)).expect("read wal");
    // The newest frame of page 1: what the checkpoint writes first.
    let frame = 24 + page_size;
    let page_one = (0..(log.len() - 32) / frame)
        .map(|i| 32 + i * frame)
        .rfind(|&at| u32::from_be_bytes([log[at], log[at + 1], log[at + 2], log[at + 3]]) == 1)
        .expect("the WAL has page 1");
    let mut half_done = main.clone();
    half_done[..page_size].copy_from_slice(&log[page_one + 24..page_one + frame]);
    let counted = u32::from_be_bytes([half_done[28], half_done[29], half_done[30], half_done[31]]);
    assert!(
        counted as usize * page_size > half_done.len(),
        "the test needs page 1 to count pages the file does not have yet"
    );
    std::fs::write(&copy, &half_done).expect("write");

    Store::check(&copy).expect("check replays the WAL");
    let reopened = Document::open(&copy).expect("opens");
    for name in &names {
        assert!(
            reopened
                .register()
                .partnerships
                .values()
                .any(|p| &p.name == name),
            "{name} is there"
        );
    }
    drop(reopened);
    // Without its WAL the same file really is cut short.
    std::fs::write(&copy, &half_done).expect("write");
    let _ = std::fs::remove_file(wal(&copy));
    let _ = std::fs::remove_file(format!("{}-shm", copy.display()));
    let (open_error, _) = refuse(&copy);
    assert!(
        matches!(open_error, StoreError::Truncated(_)),
        "{open_error:?}"
    );
}

#[test]
fn a_register_with_a_flipped_byte_in_a_page_is_refused() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let mut bytes = std::fs::read(&path).expect("read");
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    // The b-tree page header of the second page: its page-type byte.
    bytes[page_size] ^= 0x20;
    std::fs::write(&path, &bytes).expect("write");
    let (open_error, check_error) = refuse(&path);
    assert!(
        matches!(open_error, StoreError::Corrupt { .. }),
        "{open_error:?}"
    );
    assert!(
        matches!(check_error, StoreError::Corrupt { .. }),
        "{check_error:?}"
    );
    assert!(open_error.to_string().contains("is damaged"));
}

#[test]
fn a_register_from_a_newer_version_is_refused() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[60..64].copy_from_slice(&(newest_version() + 1).to_be_bytes());
    std::fs::write(&path, &bytes).expect("write");
    let (open_error, _) = refuse(&path);
    match &open_error {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!(*found, newest_version() + 1);
            assert_eq!(*supported, newest_version());
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(
        open_error
            .to_string()
            .contains("newer version of Partnership Atlas")
    );
}

#[test]
fn a_folder_or_a_missing_file_is_refused_plainly() {
    let folder = tempfile::tempdir().expect("tempdir");
    let missing = folder.path().join("missing.atlas");
    assert!(matches!(
        Store::open(&missing),
        Err(StoreError::NotFound(_))
    ));
    assert!(!missing.exists(), "opening must never create a file");
    assert!(matches!(
        Store::open(folder.path()),
        Err(StoreError::NotADatabase(_))
    ));
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let bytes = std::fs::read(&path).expect("read");
    let error = Document::create(&path, Register::default()).expect_err("must refuse");
    assert!(matches!(error, StoreError::AlreadyExists(_)));
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn save_a_copy_as_writes_a_sound_register_and_keeps_editing_the_original() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = sound_register(folder.path());
    let mut document = Document::open(&path).expect("open");
    let copy = folder.path().join("copy – Partneriaethau.atlas");
    document.save_copy_as(&copy).expect("save copy");
    let board = document.register().partnerships[&PartnershipId(1)].clone();
    document
        .apply(Edit::change(
            board.clone(),
            Partnership {
                name: "Renamed board".into(),
                ..board
            },
        ))
        .expect("edit original");
    drop(document);
    let copied = Document::open(&copy).expect("open copy");
    assert_eq!(
        copied.register(),
        &register_of(
            "Test District Council",
            &["LSP Board", "Community Safety Partnership"]
        ),
        "the copy is as it was when saved"
    );
    let original = Document::open(&path).expect("reopen");
    assert_eq!(
        original.register().partnerships[&PartnershipId(1)].name,
        "Renamed board"
    );
}
