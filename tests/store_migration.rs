//! Migrations: a register written by the first shipped schema opens in this version, is brought
//! up to date in place, and keeps every record.

use partnership_atlas::document::Document;
use partnership_atlas::model::*;
use partnership_atlas::store::{Store, newest_version};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/register-schema-v1.atlas"
);

#[test]
fn a_schema_1_register_is_migrated_and_keeps_its_records() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("old register.atlas");
    std::fs::copy(FIXTURE, &path).expect("copy fixture");
    assert_eq!(Store::check(&path).expect("check v1").schema_version, 1);

    let mut document = Document::open(&path).expect("open and migrate");
    let register = document.register().clone();
    assert_eq!(register.settings.council_name, "Fixture District Council");
    assert_eq!(
        register.settings.council_organisation,
        Some(OrganisationId(1))
    );
    assert_eq!(register.partnerships.len(), 2);
    let csp = &register.partnerships[&PartnershipId(2)];
    assert_eq!(csp.statutory_status, StatutoryStatus::Statutory);
    assert_eq!(
        csp.status,
        PartnershipStatus::Active,
        "missing fields take their defaults"
    );
    assert_eq!(
        register.hours_per_month(PartnershipId(2)),
        Hours { tenths: 125 }
    );
    assert_eq!(
        register.contribution_in_year(PartnershipId(2), 2025),
        Money::from_pounds(8_000)
    );
    let position = register
        .node_positions
        .get(&(ViewId(1), NodeRef::Partnership(PartnershipId(1))))
        .expect("node position");
    assert!(position.pinned);

    // The migrated file takes edits, audited with the machine column migration 2 added.
    let board = register.partnerships[&PartnershipId(1)].clone();
    document
        .apply(Edit::change(
            board.clone(),
            Partnership {
                name: "Fixture Partnership Board".into(),
                ..board
            },
        ))
        .expect("edit after migration");
    let newest = &document.store().audit_entries(1).expect("audit")[0];
    assert_eq!(newest.action, "change");
    assert!(!newest.machine.is_empty());
    drop(document);

    let report = Store::check(&path).expect("check after migration");
    assert_eq!(report.schema_version, newest_version());
    assert!(report.integrity_ok);
    let reopened = Document::open(&path).expect("reopen");
    assert_eq!(
        reopened.register().partnerships[&PartnershipId(1)].name,
        "Fixture Partnership Board"
    );
}
