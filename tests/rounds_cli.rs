//! `partnership-atlas questionnaire`: start a round writing one workbook and one PDF per
//! partnership, print its status, write the reminder CSV, and read a returned workbook with
//! --dry-run (the preview, nothing changed) and for real; a workbook with an invalid answer is
//! refused with a non-zero exit and nothing changed.

mod common;

use std::ffi::OsStr;

use common::files::cli;
use partnership_atlas::document::Document;
use partnership_atlas::model::PartnershipStatus;

fn run(args: &[&OsStr]) -> (bool, String, String) {
    let output = cli(args);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_round_from_the_command_line() {
    let (folder, register) = common::sample_copy();
    let papers = folder.path().join("papers");
    let file = register.as_os_str();
    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "start".as_ref(),
        "--round".as_ref(),
        "Annual review 2026".as_ref(),
        "--out".as_ref(),
        papers.as_os_str(),
    ]);
    assert!(ok, "{out}{err}");
    let active = Document::open_read_only(&register)
        .expect("read")
        .register()
        .partnerships
        .values()
        .filter(|p| p.status == PartnershipStatus::Active)
        .count();
    assert!(
        out.contains(&format!("wrote {active} questionnaires")),
        "{out}"
    );
    let names = common::files::folder_listing(&papers);
    assert_eq!(names.len(), active * 2, "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".pdf")));

    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "status".as_ref(),
        "--round".as_ref(),
        "annual review 2026".as_ref(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains(&format!("{active} sent")), "{out}");
    assert!(
        out.contains(&format!("{active} of {active} outstanding")),
        "{out}"
    );

    let csv = folder.path().join("reminders.csv");
    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "reminders".as_ref(),
        "--round".as_ref(),
        "Annual review 2026".as_ref(),
        "--out".as_ref(),
        csv.as_os_str(),
    ]);
    assert!(ok, "{out}{err}");
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(text.contains("Partnership,Lead officer,E-mail"), "{text}");
    assert_eq!(
        text.lines().count(),
        active + 1,
        "a heading and one line each"
    );

    // A workbook read back unchanged: the preview says so; --dry-run changes nothing.
    let workbook = names
        .iter()
        .find(|n| n.ends_with(".xlsx"))
        .map(|n| papers.join(n))
        .expect("a workbook");
    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "return".as_ref(),
        "--from".as_ref(),
        workbook.as_os_str(),
        "--dry-run".as_ref(),
    ]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("0 answers changed"), "{out}");
    assert!(out.contains("Dry run: nothing was changed"), "{out}");
    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "return".as_ref(),
        "--from".as_ref(),
        workbook.as_os_str(),
    ]);
    assert!(ok, "{out}{err}");
    let (_, out, _) = run(&[
        "questionnaire".as_ref(),
        file,
        "status".as_ref(),
        "--round".as_ref(),
        "Annual review 2026".as_ref(),
    ]);
    assert!(
        out.contains(&format!("{} of {active} outstanding", active - 1)),
        "{out}"
    );

    // An invalid answer: the preview names it, the exit is non-zero, nothing changes.
    let other = names
        .iter()
        .filter(|n| n.ends_with(".xlsx"))
        .map(|n| papers.join(n))
        .nth(1)
        .expect("another workbook");
    let bad = folder.path().join("bad return.xlsx");
    std::fs::write(&bad, with_answer(&other, "Status", "Wobbly")).expect("write");
    let before = std::fs::read(&register).expect("register bytes");
    let (ok, out, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "return".as_ref(),
        "--from".as_ref(),
        bad.as_os_str(),
    ]);
    assert!(!ok, "{out}");
    assert!(out.contains("Status: “Wobbly” cannot go in"), "{out}");
    assert!(err.contains("Nothing was changed"), "{err}");
    assert_eq!(std::fs::read(&register).expect("register bytes"), before);

    // Not a questionnaire: refused in words, non-zero.
    let (ok, _, err) = run(&[
        "questionnaire".as_ref(),
        file,
        "return".as_ref(),
        "--from".as_ref(),
        csv.as_os_str(),
    ]);
    assert!(!ok);
    assert!(err.contains("not a questionnaire"), "{err}");
}

/// The workbook at `path` written again by another program (rust_xlsxwriter, cell by cell, as
/// calamine reads them) with the answer to `question` replaced by `answer`.
fn with_answer(path: &std::path::Path, question: &str, answer: &str) -> Vec<u8> {
    use calamine::Reader as _;
    let mut original: calamine::Xlsx<_> = calamine::open_workbook(path).expect("open workbook");
    let mut copy = rust_xlsxwriter::Workbook::new();
    for name in original.sheet_names() {
        let range = original.worksheet_range(&name).expect("sheet");
        let sheet = copy.add_worksheet();
        sheet.set_name(&name).expect("name");
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut replaced_row = None;
        for (row, column, cell) in range.used_cells() {
            let row = u32::try_from(row).expect("row") + top;
            let column = u16::try_from(column).expect("column") + u16::try_from(left).expect("c");
            if replaced_row == Some(row) && column == 1 {
                continue;
            }
            let text = cell.to_string();
            if column == 0 && text == question {
                sheet.write_string(row, 1, answer).expect("write");
                replaced_row = Some(row);
            }
            sheet.write_string(row, column, text).expect("write");
        }
    }
    copy.save_to_buffer().expect("bytes")
}
