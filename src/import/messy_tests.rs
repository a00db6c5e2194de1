//! The faults of a hand test on a messy register: row numbers as the spreadsheet shows them
//! (blank lines count, a cell with a newline is one row), officer hours read and checked, a
//! parent given by its initials, and counted words.

use chrono::NaiveDate;

use super::*;
use crate::model::{Edit, Hours, Partnership, PartnershipId, Person, PersonId, Register};
use crate::tables::RowOutcome;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date")
}

fn register() -> Register {
    let mut register = Register::new("Test Council");
    for (id, name) in [
        (1, "Local Strategic Partnership"),
        (2, "Community Safety Partnership"),
    ] {
        register
            .apply(&Edit::insert(Partnership {
                id: PartnershipId(id),
                name: name.to_string(),
                ..Partnership::default()
            }))
            .expect("add");
    }
    register
        .apply(&Edit::insert(Person {
            id: PersonId(1),
            name: "Jo Bloggs".to_string(),
            ..Person::default()
        }))
        .expect("add");
    register
}

fn preview_of(register: &Register, text: &str, create_missing: bool) -> ImportPreview {
    let table = read_table("messy.csv", text.as_bytes(), None).expect("csv");
    let options = ImportOptions {
        create_missing,
        file_name: "messy.csv".to_string(),
        ..ImportOptions::default()
    };
    build_preview(register, today(), &table, &options).expect("preview")
}

fn applied(register: &Register, preview: &ImportPreview) -> Register {
    let mut after = register.clone();
    after
        .apply(preview.edit().expect("the import can be applied"))
        .expect("applies");
    after
}

#[test]
fn csv_row_numbers_are_the_spreadsheets_blank_lines_and_all() {
    // Row 1 title, row 2 blank, row 3 headings; row 5 blank; row 6 a cell with a newline
    // (one row in Excel); row 7 after it.
    let text = "Partnership register 2026\r\n\r\nName,Notes\r\nYouth Board,\r\n\r\nOlder People's Forum,\"Meets\r\nquarterly\"\r\nCarers Group,\r\n";
    let preview = preview_of(&register(), text, false);
    assert_eq!(preview.header_row, 3);
    let lines: Vec<usize> = preview.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, vec![4, 6, 7], "{:?}", preview.rows);
}

#[test]
fn workbook_row_numbers_are_the_sheets_even_above_the_first_cell() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    // Nothing in rows 1 and 2; headings in row 3; a blank row 5.
    for (row, name) in [(2, "Name"), (3, "Youth Board"), (5, "Carers Group")] {
        sheet.write_string(row, 1, name).expect("cell");
    }
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let table = read_table("messy.xlsx", &bytes, None).expect("read");
    let preview =
        build_preview(&register(), today(), &table, &ImportOptions::default()).expect("preview");
    assert_eq!(preview.header_row, 3);
    let lines: Vec<usize> = preview.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, vec![4, 6]);
}

#[test]
fn officer_hours_go_to_the_lead_officers_representation_and_words_are_refused() {
    let text = "Name,Lead officer,Officer hours per month\nYouth Board,Jo Bloggs,five\nCarers Group,Jo Bloggs,4.5\n";
    let register = register();
    let preview = preview_of(&register, text, false);
    assert_eq!(
        preview.headings[2].field,
        Some("hours"),
        "not left out: {:?}",
        preview.headings
    );
    assert_eq!(preview.rows[0].outcome, RowOutcome::Invalid);
    assert!(
        preview.rows[0]
            .reasons
            .iter()
            .any(|r| r.starts_with("Officer hours per month:") && r.contains("five")),
        "{:?}",
        preview.rows[0].reasons
    );
    assert!(!preview.can_apply());

    let fixed = preview_of(&register, &text.replace("five", "5"), false);
    let after = applied(&register, &fixed);
    let mut hours: Vec<(String, Hours)> = after
        .representations
        .values()
        .map(|r| {
            (
                after.partnerships[&r.partnership].name.clone(),
                r.hours_per_month,
            )
        })
        .collect();
    hours.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        hours,
        vec![
            ("Carers Group".to_string(), Hours { tenths: 45 }),
            ("Youth Board".to_string(), Hours::whole(5)),
        ]
    );
    assert!(
        after
            .representations
            .values()
            .all(|r| r.person == PersonId(1))
    );

    // Again with other hours: the one representation changes, field by field.
    let again = preview_of(&after, &text.replace("five", "6"), false);
    assert_eq!(again.rows[0].outcome, RowOutcome::Changed);
    assert_eq!(again.rows[0].changes[0].old, "5");
    assert_eq!(again.rows[0].changes[0].new, "6");
    assert_eq!(again.rows[1].outcome, RowOutcome::Unchanged);
    assert_eq!(applied(&after, &again).representations.len(), 2);
}

#[test]
fn hours_with_nobody_to_hold_them_say_why() {
    let preview = preview_of(
        &register(),
        "Name,Officer hours per month\nYouth Board,5\n",
        false,
    );
    assert_eq!(preview.rows[0].outcome, RowOutcome::Invalid);
    assert!(
        preview.rows[0]
            .reasons
            .iter()
            .any(|r| r.contains("Lead officer")),
        "{:?}",
        preview.rows[0].reasons
    );
}

#[test]
fn a_parent_given_as_initials_is_found_with_a_note() {
    let register = register();
    let preview = preview_of(
        &register,
        "Name,Accountable to\nYouth Board,LSP\nYouth Forum,L.S.P.\n",
        false,
    );
    assert!(preview.can_apply(), "{}", preview.summary());
    assert!(
        preview.rows[0]
            .reasons
            .iter()
            .any(|r| r.contains("“LSP” read as “Local Strategic Partnership”")),
        "{:?}",
        preview.rows[0].reasons
    );
    let after = applied(&register, &preview);
    assert!(
        after
            .relationships
            .values()
            .all(|r| r.to == PartnershipId(1))
    );
    assert_eq!(after.relationships.len(), 2);
}

#[test]
fn initials_two_partnerships_share_are_listed_with_both_and_nothing_is_made() {
    let text = "Name,Accountable to\nLocal Safety Panel,\nYouth Board,LSP\n";
    let preview = preview_of(&register(), text, true);
    assert!(!preview.can_apply());
    let link = &preview.unresolved[0];
    assert_eq!(
        link.words(),
        "partnership “LSP” (row 3) could be “Local Safety Panel” or “Local Strategic Partnership”: write its name in full"
    );
    assert!(!link.created, "create missing does not guess");
}

#[test]
fn a_members_organisation_found_by_initials() {
    let mut register = register();
    register
        .apply(&Edit::insert(crate::model::Organisation {
            id: crate::model::OrganisationId(1),
            name: "Leicestershire Fire and Rescue Service".to_string(),
            ..Default::default()
        }))
        .expect("add");
    let table = read_table(
        "m.csv",
        "Partnership,Organisation\nCommunity Safety Partnership,LFRS\n".as_bytes(),
        None,
    )
    .expect("csv");
    let options = ImportOptions {
        entity: ImportEntity::Memberships,
        ..ImportOptions::default()
    };
    let preview = build_preview(&register, today(), &table, &options).expect("preview");
    assert!(preview.can_apply(), "{}", preview.summary());
    assert!(
        preview.rows[0].reasons[0].contains("(its initials)"),
        "{:?}",
        preview.rows[0].reasons
    );
}

#[test]
fn one_row_is_a_row_and_two_are_rows() {
    let mut link = links::UnresolvedLink {
        what: "organisation",
        name: "Fire Service".to_string(),
        rows: vec![6],
        created: false,
        candidates: Vec::new(),
    };
    assert_eq!(link.words(), "organisation “Fire Service” (row 6)");
    link.rows.push(9);
    link.created = true;
    assert_eq!(
        link.words(),
        "organisation “Fire Service” (rows 6 and 9, will be created)"
    );
}

#[test]
fn a_column_left_out_says_why() {
    let preview = preview_of(
        &register(),
        "Name,Councillor,Favourite colour\nYouth Board,Cllr Smith,Blue\n",
        false,
    );
    let why: Vec<String> = preview
        .headings
        .iter()
        .map(|h| h.left_out.clone().unwrap_or_default())
        .collect();
    assert_eq!(why[0], "");
    assert!(
        why[1].contains("a field of representations, not of partnerships"),
        "{why:?}"
    );
    assert!(why[2].contains("no field of partnerships"), "{why:?}");
}

#[test]
fn hours_are_the_partnerships_total_and_the_lead_officer_takes_the_difference() {
    let mut register = register();
    register
        .apply(&Edit::insert(Person {
            id: PersonId(2),
            name: "Sam Other".to_string(),
            ..Person::default()
        }))
        .expect("add");
    for (id, person, hours) in [(1, 1, 3), (2, 2, 2)] {
        register
            .apply(&Edit::insert(crate::model::Representation {
                id: crate::model::RepresentationId(id),
                person: PersonId(person),
                partnership: PartnershipId(2),
                hours_per_month: Hours::whole(hours),
                ..Default::default()
            }))
            .expect("add");
    }
    let sheet = |total: &str| {
        format!(
            "Name,Lead officer,Officer hours per month\nCommunity Safety Partnership,Jo Bloggs,{total}\n"
        )
    };
    assert_eq!(
        preview_of(&register, &sheet("5"), false).rows[0].outcome,
        RowOutcome::Changed,
        "the lead officer is new to the partnership's record, the hours are as they are"
    );
    let more = preview_of(&register, &sheet("8"), false);
    let after = applied(&register, &more);
    let jo = after
        .representations
        .values()
        .find(|r| r.person == PersonId(1))
        .expect("Jo's");
    assert_eq!(
        jo.hours_per_month,
        Hours::whole(6),
        "8 in all, 2 of them Sam's"
    );
    assert!(
        more.rows[0]
            .changes
            .iter()
            .any(|c| c.field == "Hours a month" && c.old == "5" && c.new == "8"),
        "{:?}",
        more.rows[0].changes
    );
    let fewer = preview_of(&register, &sheet("1"), false);
    assert_eq!(fewer.rows[0].outcome, RowOutcome::Invalid);
    assert!(
        fewer.rows[0]
            .reasons
            .iter()
            .any(|r| r.contains("already give 2")),
        "{:?}",
        fewer.rows[0].reasons
    );
}
