//! The importer on the files councils have: encodings, delimiters, title rows, messy names,
//! dates in several forms, bad rows, parents by name, and round trips of every field.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::model::{Edit, Organisation, OrganisationId, Partnership, PartnershipId, Register};
use crate::tables::{Lookup, RowOutcome, parse_tsv, specs};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date")
}

fn register() -> Register {
    let mut register = Register::new("Test Council");
    for (id, name) in [
        (1, "Community Safety Partnership"),
        (2, "Leicester & Leicestershire Economic Partnership"),
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
        .apply(&Edit::insert(Organisation {
            id: OrganisationId(1),
            name: "Citizens Advice".to_string(),
            ..Organisation::default()
        }))
        .expect("add");
    register
}

fn csv(text: &str) -> SheetTable {
    read_table("in.csv", text.as_bytes(), None).expect("csv")
}

fn preview(register: &Register, table: &SheetTable, entity: ImportEntity) -> ImportPreview {
    let options = ImportOptions {
        entity,
        file_name: "in.csv".to_string(),
        ..ImportOptions::default()
    };
    build_preview(register, today(), table, &options).expect("preview")
}

#[test]
fn utf8_with_and_without_bom_and_utf16_by_bom_decode_alike() {
    let text = "Name,Notes\r\n“Café” Board,£5\r\n";
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let plain = read_table("a.csv", text.as_bytes(), None)
        .expect("csv")
        .rows;
    for bytes in [with_bom, le, be] {
        assert_eq!(read_table("a.csv", &bytes, None).expect("csv").rows, plain);
    }
    assert_eq!(plain[1], vec!["“Café” Board".to_string(), "£5".to_string()]);
}

#[test]
fn windows_1252_is_read_when_the_bytes_are_not_utf8() {
    // "Youth – Board,£12" as Excel writes it on an English Windows: 0x96 en dash, 0xA3 pound.
    let bytes = b"Name,Notes\r\nYouth \x96 Board,\xA312\r\n";
    let (text, encoding) = decode::decode_text(bytes);
    assert_eq!(encoding, "windows-1252");
    assert!(text.contains("Youth – Board,£12"));
}

#[test]
fn semicolons_and_tabs_are_found_and_quotes_keep_commas_and_newlines() {
    assert_eq!(csv("Name;Notes\n\"A, B\";x\n").rows[1], vec!["A, B", "x"]);
    assert_eq!(csv("Name\tNotes\nA\tx\n").rows[1], vec!["A", "x"]);
    let quoted = csv("Name,Notes\r\n\"Board, the\",\"line one\r\nline two\"\r\n");
    assert_eq!(quoted.rows[1], vec!["Board, the", "line one\nline two"]);
}

#[test]
fn dates_in_several_forms_read_day_first() {
    let first_december = NaiveDate::from_ymd_opt(2026, 12, 1);
    for text in [
        "01/12/2026",
        "2026-12-01",
        "1 Dec 2026",
        "1 December 2026",
        "01-12-2026",
        "46357",
        "2026-12-01 00:00:00",
    ] {
        assert_eq!(dates::read_date(text), first_december, "{text}");
    }
    assert_eq!(dates::read_date("next week"), None);
    assert_eq!(
        dates::read_date("12"),
        None,
        "a small number is not a serial date"
    );
}

#[test]
fn a_title_row_above_the_headings_is_passed_over_and_empty_rows_left_out() {
    let table = csv(
        "Partnership register 2026,,\n,,\nName,Short name,Status\nYouth Board,YB,Active\n,,\nOlder People's Forum,,Active\n",
    );
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    assert_eq!(preview.header_row, 3);
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.rows[1].line, 6, "rows keep their sheet numbers");
    assert!(
        preview
            .rows
            .iter()
            .all(|row| row.outcome == RowOutcome::New),
        "{:?}",
        preview.rows
    );
    assert!(preview.can_apply());
}

#[test]
fn the_user_can_choose_the_heading_row() {
    let table = csv("Name,Status\nTitle,Active\nName,Status\nYouth Board,Active\n");
    let options = ImportOptions {
        header_row: Some(3),
        ..ImportOptions::default()
    };
    let preview = build_preview(&register(), today(), &table, &options).expect("preview");
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.rows[0].name, "Youth Board");
    let past_the_end = ImportOptions {
        header_row: Some(9),
        ..ImportOptions::default()
    };
    assert!(build_preview(&register(), today(), &table, &past_the_end).is_err());
}

#[test]
fn a_bad_row_is_refused_with_its_reason_and_nothing_can_be_applied() {
    let table = csv("Name,Status\nYouth Board,Active\nOld Board,Sleeping\n");
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    assert_eq!(preview.rows[1].outcome, RowOutcome::Invalid);
    assert!(
        preview.rows[1]
            .reasons
            .iter()
            .any(|r| r.starts_with("Status:")),
        "{:?}",
        preview.rows[1].reasons
    );
    assert!(!preview.can_apply());
    assert!(preview.summary().contains("1 invalid"));
}

#[test]
fn a_changed_row_shows_each_field_old_and_new() {
    let table = csv("Name,Short name\nCommunity Safety Partnership,CSP\n");
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    assert_eq!(preview.rows[0].outcome, RowOutcome::Changed);
    assert_eq!(
        preview.rows[0].changes,
        vec![FieldChange {
            field: "Short name",
            old: String::new(),
            new: "CSP".to_string()
        }]
    );
}

#[test]
fn missing_and_extra_columns_and_duplicate_rows() {
    let table = csv("Name,Favourite colour\nYouth Board,Blue\nYouth Board,Red\n");
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    assert_eq!(
        preview.headings[1].field, None,
        "an unknown heading is left out"
    );
    assert_eq!(preview.rows[1].outcome, RowOutcome::Invalid);
    assert!(
        preview.rows[1].reasons.iter().any(|r| r.contains("twice")),
        "{:?}",
        preview.rows[1].reasons
    );
}

#[test]
fn a_mapping_changes_where_a_column_goes() {
    let table = csv("Title,Colour\nYouth Board,Blue\n");
    assert!(
        preview(&register(), &table, ImportEntity::Partnerships)
            .problem
            .is_some()
    );
    let options = ImportOptions {
        map: parse_map("Title=name, Colour=notes").expect("map"),
        ..ImportOptions::default()
    };
    let mapped = build_preview(&register(), today(), &table, &options).expect("preview");
    assert_eq!(mapped.headings[0].field, Some("name"));
    assert!(mapped.can_apply());
    assert!(parse_map("Title").is_err());
    let wrong = ImportOptions {
        map: parse_map("Title=colour").expect("map"),
        ..ImportOptions::default()
    };
    assert!(build_preview(&register(), today(), &table, &wrong).is_err());
}

#[test]
fn parents_by_name_link_to_the_register_and_to_rows_of_the_file() {
    let table = csv(
        "Name,Accountable to\nYouth Board,Community Safety Partnership\nYouth Sub-group,youth board\nLoose Board,\n",
    );
    let register = register();
    let preview = preview(&register, &table, ImportEntity::Partnerships);
    assert!(preview.can_apply(), "{:?}", preview.rows);
    let mut after = register.clone();
    after.apply(preview.edit().expect("edit")).expect("applies");
    assert_eq!(after.relationships.len(), 2);
    assert!(
        after
            .relationships
            .values()
            .all(|r| r.kind == crate::model::RelationshipKind::AccountableTo)
    );
}

#[test]
fn unresolved_links_are_listed_and_can_be_created() {
    let table = csv(
        "Partnership,Organisation\nCommunity Safety Partnership,The Citizens' Advice Ltd\nCommunity Safety Partnership,Fire Service\n",
    );
    let refused = preview(&register(), &table, ImportEntity::Memberships);
    assert_eq!(
        refused.unresolved.len(),
        1,
        "“The Citizens' Advice Ltd” is found by its normalised name"
    );
    assert_eq!(refused.unresolved[0].name, "Fire Service");
    assert!(!refused.can_apply());
    let options = ImportOptions {
        entity: ImportEntity::Memberships,
        create_missing: true,
        ..ImportOptions::default()
    };
    let created = build_preview(&register(), today(), &table, &options).expect("preview");
    assert!(created.can_apply(), "{}", created.summary());
    let mut after = register();
    after.apply(created.edit().expect("edit")).expect("applies");
    assert!(
        after
            .organisations
            .values()
            .any(|o| o.name == "Fire Service")
    );
    assert_eq!(after.memberships.len(), 2);
}

#[test]
fn probable_duplicates_come_with_their_evidence() {
    let table = csv("Name\nLLEP\nCitizen Advice Board\nCitizens Advice Board\n");
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    let words: Vec<String> = preview.duplicates.iter().map(|d| d.words()).collect();
    assert!(
        words
            .iter()
            .any(|w| w.contains("“LLEP”") && w.contains("the register") && w.contains("initials")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w.contains("row 4") && w.contains("similar name")),
        "{words:?}"
    );
}

#[test]
fn formula_like_cells_are_kept_as_text_with_a_note() {
    let table = csv("Name,Notes\nYouth Board,=SUM(A1:A2)\n");
    let preview = preview(&register(), &table, ImportEntity::Partnerships);
    assert!(
        preview.rows[0]
            .reasons
            .iter()
            .any(|r| r.contains("formula"))
    );
    let mut after = register();
    after.apply(preview.edit().expect("edit")).expect("applies");
    assert!(
        after
            .partnerships
            .values()
            .any(|p| p.notes == "=SUM(A1:A2)")
    );
}

/// Every partnership field of the sample, copied out as the table copies rows.
fn sample_rows() -> (Register, Vec<Vec<String>>) {
    let register = crate::sample::sample_register_as_at(today());
    let spec = specs::partnerships();
    let keys: Vec<PartnershipId> = register.partnerships.keys().copied().collect();
    let shown = vec![true; spec.columns.len()];
    let text = spec.copy_rows(&Lookup::new(&register, today()), &keys, &shown);
    (register, parse_tsv(&text))
}

#[test]
fn a_csv_round_trip_keeps_every_partnership_field() {
    let (register, rows) = sample_rows();
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).expect("write");
    }
    let bytes = writer.into_inner().expect("bytes");
    let table = read_table("register.csv", &bytes, None).expect("read");
    let preview = preview(&register, &table, ImportEntity::Partnerships);
    assert_eq!(
        preview.count(RowOutcome::Unchanged),
        register.partnerships.len(),
        "{:?}",
        preview
            .rows
            .iter()
            .find(|r| r.outcome != RowOutcome::Unchanged)
    );
}

#[test]
fn an_xlsx_round_trip_keeps_every_partnership_field_across_a_merged_title() {
    let (register, rows) = sample_rows();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Register").expect("name");
    sheet
        .merge_range(
            0,
            0,
            0,
            3,
            "Partnership register",
            &rust_xlsxwriter::Format::new(),
        )
        .expect("merge");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 2, c as u16, cell)
                .expect("cell");
        }
    }
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let table = read_table("register.xlsx", &bytes, Some("register")).expect("read");
    assert_eq!(table.sheets, vec!["Register".to_string()]);
    assert_eq!(
        table.rows[0][3], "Partnership register",
        "a merged cell fills its area"
    );
    let preview = preview(&register, &table, ImportEntity::Partnerships);
    assert_eq!(preview.header_row, 3);
    assert_eq!(
        preview.count(RowOutcome::Unchanged),
        register.partnerships.len(),
        "{:?}",
        preview
            .rows
            .iter()
            .find(|r| r.outcome != RowOutcome::Unchanged)
    );
    assert!(matches!(
        read_table("register.xlsx", &bytes, Some("Other")),
        Err(ImportError::NoSuchSheet { .. })
    ));
}

#[test]
fn xlsx_dates_numbers_and_merged_headings_read_as_text() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .merge_range(0, 0, 0, 1, "Name", &rust_xlsxwriter::Format::new())
        .expect("merge");
    sheet.write_string(0, 2, "Established").expect("cell");
    sheet.write_string(1, 0, "Youth Board").expect("cell");
    sheet.write_number(1, 1, 12.0).expect("cell");
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 12, 1).expect("date");
    sheet
        .write_datetime_with_format(1, 2, &date, &date_format)
        .expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let table = read_table("a.xlsx", &bytes, None).expect("read");
    assert_eq!(table.rows[0], vec!["Name", "Name", "Established"]);
    assert_eq!(table.rows[1], vec!["Youth Board", "12", "2026-12-01"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_read_as_csv_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let table = read_table("x.csv", &bytes, None).expect("csv never fails");
        let _ = preview(&register(), &table, ImportEntity::Partnerships);
        let _ = read_table("x.xlsx", &bytes, None);
    }

    #[test]
    fn any_cells_map_and_preview_without_panic(
        rows in proptest::collection::vec(proptest::collection::vec("\\PC{0,12}|Name|Status|Parent|Organisation|Partnership|#1|01/12/2026", 0..5), 0..6),
        entity in 0usize..ImportEntity::ALL.len(),
    ) {
        let table = SheetTable { sheets: vec![String::new()], sheet: String::new(), rows };
        let options = ImportOptions { entity: ImportEntity::ALL[entity], create_missing: entity % 2 == 0, ..ImportOptions::default() };
        if let Ok(preview) = build_preview(&register(), today(), &table, &options)
            && let Some(edit) = preview.edit()
        {
            let mut after = register();
            prop_assert!(after.apply(edit).is_ok(), "an edit the preview allows applies");
        }
    }
}
