//! Scoring schemes in the register file: a scheme saved through `Document` comes back equal
//! after reopening, with the assessments made with it; a scheme in use is refused a change in
//! the file as in memory; a register from the first schema takes schemes after migration.

use partnership_atlas::document::{Document, DocumentError};
use partnership_atlas::model::*;
use partnership_atlas::scoring::*;
use partnership_atlas::store::{Store, newest_version};

fn date(text: &str) -> chrono::NaiveDate {
    parse_date(text).expect("date")
}

fn setup(document: &mut Document) {
    let edits = vec![
        Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Community Safety Partnership".into(),
            statutory_status: StatutoryStatus::Statutory,
            ..Partnership::default()
        }),
        Edit::insert(Person {
            id: PersonId(1),
            name: "Ann Hawkins".into(),
            ..Person::default()
        }),
        Edit::insert(Representation {
            id: RepresentationId(1),
            person: PersonId(1),
            partnership: PartnershipId(1),
            hours_per_month: Hours::whole(8),
            ..Representation::default()
        }),
    ];
    document
        .apply(Edit::Batch {
            description: "Set up".into(),
            edits,
        })
        .expect("setup");
}

fn input(day: &str) -> AssessmentInput {
    let mut input = AssessmentInput::new(PartnershipId(1), date(day));
    input.assessor = "Ann Hawkins".into();
    for (index, score) in [2, 2, 3, 2, 1, 2].into_iter().enumerate() {
        input = input.score(&format!("R{}", index + 1), score, "");
    }
    for (index, score) in [3, 2, 2, 2, 1, 3].into_iter().enumerate() {
        input = input.score(&format!("V{}", index + 1), score, "Annual report 2024/25");
    }
    input.score("G3", 2, "Terms of reference reviewed March 2025")
}

#[test]
fn a_scheme_and_its_assessments_survive_reopening() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("scoring.atlas");
    let mut document =
        Document::create(&path, Register::new("Test District Council")).expect("create");
    setup(&mut document);

    // A new register holds the default scheme, version 1.
    let v1 = current_scheme(document.register()).into_owned();
    assert_eq!(v1, ScoringScheme::default_scheme());
    let first = new_assessment(document.register(), &v1, &input("2024-06-01")).expect("first");
    let edit = save_assessment(document.register(), &v1, first.clone()).expect("edit");
    assert!(
        matches!(edit, Edit::Insert(_)),
        "version 1 is stored already"
    );
    document.apply(edit).expect("save first");

    // A changed scheme becomes version 2, a 5x5 grid entered by the officer.
    let mut edited = v1.clone();
    edited.name = "Scheme for 2025/26".into();
    edited.risk.derivation = RiskDerivation::Entered;
    edited.risk.grid.likelihood.push("Almost certain".into());
    edited.risk.grid.impact.push("Catastrophic".into());
    edited.risk.grid.medium_from = 6;
    edited.risk.grid.high_from = 15;
    let (v2, edit) = save_scheme(document.register(), edited).expect("v2");
    assert_eq!(v2.version, 2);
    document.apply(edit).expect("save v2");
    let mut second_input = input("2025-06-01");
    second_input.entered_risk = Some((5, 3));
    let second = new_assessment(document.register(), &v2, &second_input).expect("second");
    assert_eq!(
        (second.risk_band, second.scheme_version),
        (Some(Band::High), 2)
    );
    let edit = save_assessment(document.register(), &v2, second.clone()).expect("edit");
    assert!(
        matches!(edit, Edit::Insert(_)),
        "version 2 is stored already"
    );
    document.apply(edit).expect("save second");

    let in_memory = document.register().clone();
    assert_eq!(document.store().load().expect("load"), in_memory);
    drop(document);

    let reopened = Document::open(&path).expect("reopen");
    let register = reopened.register();
    assert_eq!(register, &in_memory);
    assert_eq!(register.scoring_schemes.get(&1), Some(&v1));
    assert_eq!(register.scoring_schemes.get(&2), Some(&v2));
    assert_eq!(register.assessments[&first.id], first);
    assert_eq!(register.assessments[&second.id], second);
    assert_eq!(current_scheme(register).version, 2);
    let entries = reopened.store().audit_entries(10).expect("audit");
    assert!(
        entries
            .iter()
            .any(|e| e.description == "Save scoring scheme version 2"),
        "{entries:#?}"
    );
}

#[test]
fn a_scheme_in_use_is_refused_a_change_and_undo_puts_schemes_back() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("refused.atlas");
    let mut document =
        Document::create(&path, Register::new("Test District Council")).expect("create");
    let v1 = ScoringScheme::default_scheme();
    assert_eq!(
        document.register().scoring_schemes.get(&1),
        Some(&v1),
        "a new register holds the default scheme"
    );
    setup(&mut document);
    let assessment = new_assessment(document.register(), &v1, &input("2025-06-01")).expect("a");
    document
        .apply(Edit::insert(assessment))
        .expect("assessment");

    let before = document.register().clone();
    let mut changed = v1.clone();
    changed.value.bands.high_from = 80;
    for refused in [
        Edit::change(v1.clone(), changed.clone()),
        Edit::delete(v1.clone()),
    ] {
        let error = document.apply(refused).expect_err("in use");
        assert!(
            matches!(error, DocumentError::Edit(EditError::SchemeInUse { .. })),
            "{error}"
        );
        assert_eq!(document.register(), &before);
        assert_eq!(document.store().load().expect("load"), before);
    }

    // Undo the assessment: the scheme is free again, to change in place or delete, and undo
    // puts it back each time.
    document.undo().expect("undo assessment");
    document
        .apply(Edit::change(v1.clone(), changed))
        .expect("free to change");
    document.undo().expect("undo change");
    document
        .apply(Edit::delete(v1.clone()))
        .expect("free to delete");
    assert!(document.register().scoring_schemes.is_empty());
    assert_eq!(
        current_scheme(document.register()).into_owned(),
        v1,
        "built-in fallback"
    );
    document.undo().expect("undo delete");
    assert_eq!(document.register().scoring_schemes.get(&1), Some(&v1));
    assert_eq!(document.store().load().expect("load"), *document.register());
}

#[test]
fn a_register_from_the_first_schema_takes_scoring_schemes() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/register-schema-v1.atlas"
    );
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("old register.atlas");
    std::fs::copy(fixture, &path).expect("copy fixture");
    // Checked without migrating: a schema-1 file has no scoring schemes table, and no schemes.
    let before = Store::check(&path).expect("check schema 1");
    assert_eq!(before.schema_version, 1);
    assert!(before.counts.contains(&(EntityKind::ScoringScheme, 0)));
    let mut document = Document::open(&path).expect("open and migrate");
    assert!(document.register().scoring_schemes.is_empty());
    assert_eq!(
        current_scheme(document.register()).version,
        1,
        "the built-in default"
    );
    let (saved, edit) = save_scheme(document.register(), {
        let mut scheme = ScoringScheme::default_scheme();
        scheme.significance.criteria[1].test = SignificanceTest::AnnualInputAtLeast {
            threshold: Money::from_pounds(50_000),
        };
        scheme
    })
    .expect("save");
    document.apply(edit).expect("apply");
    let in_memory = document.register().clone();
    drop(document);
    assert_eq!(
        Store::check(&path).expect("check").schema_version,
        newest_version()
    );
    assert!(
        newest_version() >= 3,
        "scoring schemes came with migration 3"
    );
    let reopened = Document::open(&path).expect("reopen");
    assert_eq!(reopened.register(), &in_memory);
    assert_eq!(
        reopened.register().scoring_schemes.get(&saved.version),
        Some(&saved)
    );
}
