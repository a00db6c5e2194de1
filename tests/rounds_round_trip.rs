//! A questionnaire round from start to finish on a copy of the sample register: start a round,
//! make one partnership's workbook, check what it holds (calamine: the hidden identity sheet,
//! the pre-filled answers; the sheet's XML: the data validations and the protection), fill it
//! in as a respondent's spreadsheet program would (a new workbook written by rust_xlsxwriter
//! with the same identity sheet, not our writer), read it back, see the field-by-field preview,
//! apply it as one step audited as "questionnaire", and undo it.

mod common;

use std::io::{Cursor, Read as _};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use partnership_atlas::document::Document;
use partnership_atlas::export::round_papers::{questionnaire_pdf, questionnaire_xlsx};
use partnership_atlas::model::{PartnershipStatus, RoundRule};
use partnership_atlas::review::rounds::layout::*;
use partnership_atlas::review::rounds::{
    LineOutcome, preview_return, questionnaire, read_workbook, start_round,
};
use partnership_atlas::store::EditOrigin;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a day")
}

/// Every cell of a sheet as calamine reads it, by (row, column).
fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx");
    workbook.worksheet_range(name).expect("sheet")
}

fn text(range: &calamine::Range<Data>, row: u32, column: u32) -> String {
    range
        .get_value((row, column))
        .map(|cell| cell.to_string())
        .unwrap_or_default()
}

/// The XML of one part of the workbook's zip.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("zip");
    let mut file = archive.by_name(name).expect("part");
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("read part");
    xml
}

#[test]
fn a_questionnaire_goes_out_comes_back_filled_in_applies_as_one_step_and_undoes() {
    let (_folder, path) = common::sample_copy();
    let mut document = Document::open(&path).expect("open");
    let edit = start_round(
        document.register(),
        "Annual review 2026",
        RoundRule::AllActive,
        day(),
        NaiveDate::from_ymd_opt(2026, 7, 1),
    )
    .expect("start");
    document.apply(edit).expect("apply");
    let register = document.register();
    let round = register.rounds.values().next().expect("a round").clone();
    let active = register
        .partnerships
        .values()
        .filter(|p| p.status == PartnershipStatus::Active)
        .count();
    assert_eq!(
        round.entries.len(),
        active,
        "every active partnership is asked"
    );
    assert_eq!(round.outstanding(), active);

    // The partnership with a budget and representatives, so money and hours are asked.
    let chosen = round
        .entries
        .iter()
        .map(|e| e.partnership)
        .find(|id| {
            register.partnerships[id].total_budget.is_some()
                && register
                    .representations
                    .values()
                    .any(|r| r.partnership == *id)
        })
        .expect("a partnership with a budget and a representative");
    let partnership = register.partnerships[&chosen].clone();
    let asked = questionnaire(register, &round, chosen, day()).expect("questionnaire");
    let bytes = questionnaire_xlsx(&asked).expect("workbook");

    // The hidden sheet names the round and the partnership.
    let identity = sheet(&bytes, IDENTITY_SHEET);
    assert_eq!(text(&identity, 0, 0), MARKER);
    assert_eq!(text(&identity, ROUND_ID_ROW, 1), round.id.to_string());
    assert_eq!(text(&identity, PARTNERSHIP_ID_ROW, 1), chosen.to_string());
    assert_eq!(text(&identity, PARTNERSHIP_NAME_ROW, 1), partnership.name);
    // The answers are pre-filled with what the register holds.
    let questions = sheet(&bytes, QUESTIONS_SHEET);
    let purpose_at = asked
        .asked
        .iter()
        .position(|a| a.wording == "Purpose")
        .expect("purpose asked");
    let purpose_row = FIRST_QUESTION_ROW + u32::try_from(purpose_at).expect("row");
    assert_eq!(
        text(&questions, purpose_row, u32::from(ANSWER_COLUMN)),
        partnership.purpose
    );
    assert_eq!(
        text(&questions, purpose_row, u32::from(QUESTION_COLUMN)),
        "Purpose"
    );
    // Which sheets are hidden, and the checks on the answers (calamine does not read data
    // validation, so the sheet's XML is read for it).
    let workbook_xml = part(&bytes, "xl/workbook.xml");
    assert!(
        workbook_xml.contains(r#"name="Identity" sheetId="3" state="hidden""#),
        "{workbook_xml}"
    );
    let questions_xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        questions_xml.contains("<sheetProtection"),
        "the labels are locked"
    );
    assert!(questions_xml.contains(r#"type="list""#), "drop-downs");
    assert!(
        questions_xml.contains(r#"type="whole""#),
        "whole numbers for hours"
    );
    assert!(questions_xml.contains(r#"type="date""#), "dates");
    assert!(questions_xml.contains(r#"type="decimal""#), "money");
    assert!(
        questions_xml.contains("Lists!$"),
        "lists from the hidden sheet"
    );

    // The PDF is printed by the one table printer.
    let pdf = questionnaire_pdf(&asked, "Ashmere", day()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));

    // The respondent changes the purpose, a representative's hours, the budget and the
    // status reason; their spreadsheet program writes its own file with our identity sheet.
    let hours_at = asked
        .asked
        .iter()
        .position(|a| {
            matches!(
                a.key,
                partnership_atlas::review::rounds::AnswerKey::Hours(_)
            )
        })
        .expect("hours asked");
    let budget_at = asked
        .asked
        .iter()
        .position(|a| a.wording == "Total annual budget")
        .expect("budget asked");
    let mut filled = rust_xlsxwriter::Workbook::new();
    {
        let answers = filled.add_worksheet();
        answers.set_name(QUESTIONS_SHEET).expect("name");
        for (index, one) in asked.asked.iter().enumerate() {
            let row = FIRST_QUESTION_ROW + u32::try_from(index).expect("row");
            answers
                .write_string(row, QUESTION_COLUMN, &one.wording)
                .expect("write");
            if index == purpose_at {
                answers
                    .write_string(row, ANSWER_COLUMN, "To keep Ashmere safe")
                    .expect("write");
            } else if index == hours_at {
                answers
                    .write_number(row, ANSWER_COLUMN, 7.0)
                    .expect("write");
            } else if index == budget_at {
                answers
                    .write_number(row, ANSWER_COLUMN, 98_765.5)
                    .expect("write");
            } else {
                answers
                    .write_string(row, ANSWER_COLUMN, &one.current)
                    .expect("write");
            }
        }
    }
    {
        let copy = filled.add_worksheet();
        copy.set_name(IDENTITY_SHEET).expect("name");
        let (end_row, end_column) = identity.end().expect("cells");
        for row in 0..=end_row {
            for column in 0..=end_column {
                let value = text(&identity, row, column);
                if !value.is_empty() {
                    copy.write_string(row, u16::try_from(column).expect("column"), value)
                        .expect("write");
                }
            }
        }
    }
    let filled = filled.save_to_buffer().expect("filled workbook");

    let read = read_workbook(&filled).expect("read back");
    assert_eq!(read.partnership, chosen);
    assert_eq!(read.round, round.id);
    let preview =
        preview_return(document.register(), &read, "CSP return.xlsx", day()).expect("preview");
    let changed: Vec<(&str, &str, &str)> = preview
        .lines
        .iter()
        .filter(|l| l.outcome == LineOutcome::Changed)
        .map(|l| (l.question.as_str(), l.old.as_str(), l.new.as_str()))
        .collect();
    assert_eq!(changed.len(), 3, "{changed:?}\n{}", preview.words());
    assert!(changed.contains(&(
        "Purpose",
        partnership.purpose.as_str(),
        "To keep Ashmere safe"
    )));
    assert!(
        changed
            .iter()
            .any(|(q, _, new)| *q == "Total annual budget" && *new == "98765.5")
    );
    assert_eq!(preview.invalid(), 0, "{}", preview.words());
    let edit = preview.edit.clone().expect("an edit");

    document
        .apply_from(edit, EditOrigin::Questionnaire)
        .expect("apply");
    let register = document.register();
    let after = &register.partnerships[&chosen];
    assert_eq!(after.purpose, "To keep Ashmere safe");
    assert_eq!(after.total_budget.map(|m| m.pence), Some(9_876_550));
    let hours_key = match &asked.asked[hours_at].key {
        partnership_atlas::review::rounds::AnswerKey::Hours(id) => *id,
        _ => unreachable!("hours"),
    };
    assert_eq!(
        register.representations[&hours_key].hours_per_month.tenths,
        70
    );
    let entry = register.rounds[&round.id]
        .entry(chosen)
        .expect("entry")
        .clone();
    assert_eq!(entry.returned, Some(day()));
    assert_eq!(entry.returned_file, "CSP return.xlsx");
    assert_eq!(register.rounds[&round.id].outstanding(), active - 1);

    // One step in the audit log, origin "questionnaire", named by the file.
    let newest = document.store().audit_entries(10).expect("audit");
    let step = newest[0].step;
    let rows: Vec<_> = newest.iter().filter(|e| e.step == step).collect();
    assert!(
        rows.len() >= 3,
        "the partnership, a representation and the round"
    );
    assert!(rows.iter().all(|e| e.origin == "questionnaire"));
    assert!(
        rows[0].description.contains("CSP return.xlsx"),
        "{}",
        rows[0].description
    );

    // Undo takes the whole questionnaire back in one step.
    document.undo().expect("undo");
    let register = document.register();
    assert_eq!(register.partnerships[&chosen], partnership);
    assert_eq!(register.rounds[&round.id].outstanding(), active);
}

#[test]
fn an_invalid_answer_shows_in_the_preview_and_makes_no_edit() {
    let (_folder, path) = common::sample_copy();
    let mut document = Document::open(&path).expect("open");
    let edit = start_round(
        document.register(),
        "Spring",
        RoundRule::AllActive,
        day(),
        None,
    )
    .expect("start");
    document.apply(edit).expect("apply");
    let register = document.register();
    let round = register.rounds.values().next().expect("round").clone();
    let chosen = round.entries[0].partnership;
    let asked = questionnaire(register, &round, chosen, day()).expect("questionnaire");
    let mut filled = partnership_atlas::review::rounds::read_workbook(
        &questionnaire_xlsx(&asked).expect("workbook"),
    )
    .expect("our own workbook reads back");
    assert!(
        preview_return(register, &filled, "same.xlsx", day())
            .expect("preview")
            .lines
            .iter()
            .all(|l| l.outcome == LineOutcome::Unchanged),
        "an untouched questionnaire changes nothing"
    );
    for (key, answer) in &mut filled.answers {
        if key.code() == "field:status" {
            *answer = "Wobbly".to_string();
        }
        if key.code() == "field:date_created" {
            *answer = "the thirty-third of May".to_string();
        }
    }
    let preview = preview_return(register, &filled, "bad.xlsx", day()).expect("preview");
    assert_eq!(preview.invalid(), 2, "{}", preview.words());
    assert!(preview.edit.is_none(), "all or nothing");
    assert!(
        preview.words().contains("“Wobbly” cannot go in"),
        "{}",
        preview.words()
    );
}

#[test]
fn a_workbook_that_is_not_a_questionnaire_is_refused_in_words() {
    let mut other = rust_xlsxwriter::Workbook::new();
    other
        .add_worksheet()
        .write_string(0, 0, "Budget 2026")
        .expect("write");
    let bytes = other.save_to_buffer().expect("bytes");
    let error = read_workbook(&bytes).expect_err("not ours");
    assert!(
        error
            .to_string()
            .starts_with("This is not a questionnaire from Partnership Atlas"),
        "{error}"
    );
}
