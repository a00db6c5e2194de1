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
