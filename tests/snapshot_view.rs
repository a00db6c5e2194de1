//! A snapshot opened read-only shows the register as it was and refuses every edit, writing
//! nothing to the register it came from.

mod common;

use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership};
use partnership_atlas::review;

#[test]
fn a_snapshot_opened_read_only_shows_its_state_and_refuses_every_edit() {
    let (_folder, path) = common::sample_copy();
    let mut document = Document::open(&path).expect("open");
    let take = review::snapshots::take_snapshot(
        document.register(),
        "As at Cabinet",
        None,
        "2026-03-22T10:00:00",
    )
    .expect("snapshot");
    document.apply(take).expect("take it");
    let snapshot = document
        .register()
        .snapshots
        .values()
        .next()
        .expect("one snapshot")
        .clone();

    // A change after the snapshot, which the snapshot must not show.
    let first = document
        .register()
        .partnerships
        .values()
        .next()
        .expect("a partnership")
        .clone();
    let renamed = Partnership {
        name: "Renamed after the snapshot".into(),
        ..first.clone()
    };
    document
        .apply(Edit::change(first.clone(), renamed))
        .expect("rename");
    drop(document);
    let bytes_before = std::fs::read(&path).expect("read");

    let register = review::snapshot_register(&snapshot).expect("the snapshot's register");
    let mut view =
        Document::snapshot_view(&path, register, "Snapshot “As at Cabinet”".into()).expect("view");
    assert!(view.is_read_only());
    assert_eq!(view.register().partnerships[&first.id].name, first.name);

    let current = view.register().partnerships[&first.id].clone();
    let attempt = Partnership {
        name: "Edited in a snapshot".into(),
        ..current.clone()
    };
    assert!(view.apply(Edit::change(current.clone(), attempt)).is_err());
    assert!(view.apply(Edit::delete(current)).is_err());
    assert_eq!(view.register().partnerships[&first.id].name, first.name);
    drop(view);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes_before,
        "the register file is unchanged"
    );
}
