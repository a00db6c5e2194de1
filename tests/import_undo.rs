//! An import is one step: undone, the register is as it was, in memory and in the file, with
//! every kind of record the import made (partnerships, their parent lines, a lead officer's
//! representation with hours, a duplicate answered "the same" changing the register's record).

use partnership_atlas::document::Document;
use partnership_atlas::import::duplicates::DuplicateChoice;
use partnership_atlas::import::{ImportEntity, ImportOptions, build_preview, read_table};
use partnership_atlas::model::Register;
use partnership_atlas::store::EditOrigin;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
}

fn import(document: &mut Document, entity: ImportEntity, text: &str, options: ImportOptions) {
    let table = read_table("in.csv", text.as_bytes(), None).expect("csv");
    let options = ImportOptions {
        entity,
        file_name: "in.csv".to_string(),
        ..options
    };
    let preview = build_preview(document.register(), today(), &table, &options).expect("preview");
    let edit = preview
        .edit()
        .unwrap_or_else(|| panic!("{}", preview.summary()))
        .clone();
    document
        .apply_from(edit, EditOrigin::Import)
        .expect("applied");
}

#[test]
fn undo_takes_a_whole_import_back_in_memory_and_in_the_file() {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("sample.atlas");
    let mut document =
        Document::create(&path, partnership_atlas::sample::sample_register()).expect("create");
    let before: Register = document.register().clone();
    let existing = before
        .partnerships
        .values()
        .find(|p| (3..=8).contains(&partnership_atlas::reconcile::initials(&p.name).len()))
        .expect("a partnership with a long name")
        .clone();
    let person = before.people.values().next().expect("one").clone();

    // Partnerships: two new, with a parent by name and a lead officer's hours; a third row
    // answered as the same as a record of the register (it changes that record).
    let short = partnership_atlas::reconcile::initials(&existing.name).to_uppercase();
    let text = format!(
        "Name,Accountable to,Lead officer,Officer hours per month,Notes\n\
         Youth Voice Board,\"{parent}\",\"{officer}\",3.5,\n\
         Youth Voice Sub-group,Youth Voice Board,,,\n\
         {short},,,,Written short\n",
        parent = existing.name,
        officer = person.name,
    );
    let table = read_table("in.csv", text.as_bytes(), None).expect("csv");
    let first = build_preview(&before, today(), &table, &ImportOptions::default()).expect("p");
    assert!(
        first
            .duplicates
            .iter()
            .any(|d| d.row == 4 && d.other_name == existing.name),
        "{:?}",
        first.duplicates
    );
    let mut options = ImportOptions::default();
    for duplicate in &first.duplicates {
        let choice = if duplicate.other_name == existing.name && duplicate.row == 4 {
            DuplicateChoice::Same
        } else {
            DuplicateChoice::New
        };
        options.duplicates.insert(duplicate.key(), choice);
    }
    import(&mut document, ImportEntity::Partnerships, &text, options);
    let imported = document.register().clone();
    assert_eq!(imported.partnerships.len(), before.partnerships.len() + 2);
    assert_eq!(imported.relationships.len(), before.relationships.len() + 2);
    assert!(
        imported
            .representations
            .values()
            .any(|r| r.person == person.id && r.hours_per_month.tenths == 35)
    );
    assert_eq!(imported.partnerships[&existing.id].notes, "Written short");
    assert_eq!(imported.partnerships[&existing.id].name, existing.name);

    document.undo().expect("undone");
    assert_eq!(document.register(), &before, "one undo takes it all back");
    drop(document);
    let reopened = Document::open_read_only(&path).expect("reopen");
    assert_eq!(reopened.register(), &before, "and the file agrees");
}
