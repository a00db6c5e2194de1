//! `partnership-atlas report FILE QUESTION [--out FILE]` on the sample: printed answers name
//! their evidence, and each table format is written and read back (CSV text, the XLSX's
//! worksheet XML, the PDF's header and pages).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use clap::Parser as _;
use partnership_atlas::cli::{Cli, Command, run};
use partnership_atlas::document::Document;
use partnership_atlas::sample;

fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("sample.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

fn report(args: &[&str]) -> Result<String, String> {
    let mut words = vec!["partnership-atlas", "report"];
    words.extend_from_slice(args);
    let cli = Cli::try_parse_from(words).map_err(|e| e.to_string())?;
    let command: Command = cli.command.expect("a command");
    let mut out = Vec::new();
    run(command, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn file(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn each_question_prints_its_answer_with_evidence() {
    let (_folder, path) = sample_file();
    let path = file(&path);
    let overlaps = report(&[&path, "overlaps", "--as-at", "2026-03-31"]).expect("overlaps");
    let first = overlaps
        .lines()
        .find(|line| line.starts_with("1 | "))
        .expect("a ranked pair");
    assert!(
        first.contains("Ashmere Town Centre Night-time Economy Task and Finish Group")
            && first.contains("member organisations shared"),
        "{first}"
    );
    let conformity = report(&[&path, "conformity", "--as-at", "2026-03-31"]).expect("conformity");
    assert!(conformity.contains("SCS7 Older residents live independently"));
    let gaps = report(&[&path, "gaps", "--as-at", "2026-03-31"]).expect("gaps");
    assert!(gaps.contains("Older people | Only bodies not at work"));
    let load = report(&[&path, "load", "--as-at", "2026-03-31", "--hours", "50"]).expect("load");
    assert!(load.contains("Above threshold: more than 50 hours a month"));
    assert!(load.contains("Gareth Pryce"));
    let knowledge = report(&[&path, "knowledge", "--as-at", "2026-03-31"]).expect("knowledge");
    assert!(knowledge.contains("No report-back route"));
    assert!(knowledge.contains("Report-back overdue"));
}

#[test]
fn answers_are_written_as_csv_xlsx_docx_and_pdf() {
    let (folder, path) = sample_file();
    let path = file(&path);
    let csv = folder.path().join("gaps.csv");
    let said =
        report(&[&path, "gaps", "--as-at", "2026-03-31", "--out", &file(&csv)]).expect("csv");
    assert!(
        said.starts_with("Wrote ") && said.contains(" rows)"),
        "{said}"
    );
    let text = std::fs::read_to_string(&csv).expect("csv written");
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(text.contains("Theme with no body at work,Older people,"));

    let xlsx = folder.path().join("load.xlsx");
    report(&[&path, "load", "--out", &file(&xlsx)]).expect("xlsx");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).expect("xlsx")).expect("zip");
    let mut shared = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .expect("strings")
        .read_to_string(&mut shared)
        .expect("read");
    assert!(shared.contains("Representation load") && shared.contains("Gareth Pryce"));

    let docx = folder.path().join("knowledge.docx");
    report(&[&path, "knowledge", "--out", &file(&docx)]).expect("docx");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).expect("docx")).expect("zip");
    let mut body = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document")
        .read_to_string(&mut body)
        .expect("read");
    assert!(body.contains("Where knowledge does not come back into the council"));

    let pdf = folder.path().join("overlaps.pdf");
    report(&[&path, "overlaps", "--out", &file(&pdf)]).expect("pdf");
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_wrong_question_or_format_is_refused_in_plain_words() {
    let (folder, path) = sample_file();
    let path = file(&path);
    let error = report(&[&path, "duplicates"]).expect_err("not a question");
    assert!(
        error.contains("choose one of overlaps, conformity, gaps, load, knowledge"),
        "{error}"
    );
    let odd = folder.path().join("gaps.txt");
    let error = report(&[&path, "gaps", "--out", &file(&odd)]).expect_err("not a format");
    assert!(
        error.contains(".csv, .xlsx, .docx, .pdf or .png"),
        "{error}"
    );
    assert!(!odd.exists(), "nothing is written");
}
