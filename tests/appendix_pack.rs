//! The appendix pack of the sample register: every file in its order, a combined PDF with
//! "Data as at" on every page and a contents page, the folder whole or not at all (a cancel
//! halfway leaves nothing), and the command line.

mod common;
use common::files::folder_listing;

use std::process::Command;

use chrono::NaiveDate;
use partnership_atlas::appendix::{self, PackContents, PackError, Progress};
use partnership_atlas::export::table::TableKind;
use partnership_atlas::scoring::ReviewBasis;

fn basis() -> ReviewBasis {
    ReviewBasis::on(NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"))
}

#[test]
fn the_sample_pack_holds_every_file_in_its_order() {
    let register = partnership_atlas::sample::sample_register();
    let contents = PackContents::of(&register);
    assert_eq!(contents.views.len(), 3);
    assert_eq!(contents.tables.len(), TableKind::ALL.len());
    let parent = tempfile::tempdir().expect("temp");
    let target = parent.path().join("Cabinet pack");
    let progress = Progress::silent();
    let outcome =
        appendix::write_pack(&register, &contents, basis(), &target, &progress).expect("pack");
    let expected: Vec<String> = [
        "00 Appendix pack.pdf",
        "01 LSP structure.pdf",
        "01 LSP structure.png",
        "02 Council involvement.pdf",
        "02 Council involvement.png",
        "03 Membership network.pdf",
        "03 Membership network.png",
        "04 Risk and value matrix.pdf",
        "04 Risk and value matrix.png",
        "05 Register.docx",
        "05 Register.pdf",
        "06 Recommendations.docx",
        "06 Recommendations.pdf",
        "07 Resources.docx",
        "07 Resources.pdf",
        "08 Annual report.docx",
        "08 Annual report.pdf",
        "09 Assessments.docx",
        "09 Assessments.pdf",
        "10 Representation.docx",
        "10 Representation.pdf",
        "11 Outside bodies.docx",
        "11 Outside bodies.pdf",
        "12 Actions.docx",
        "12 Actions.pdf",
        "13 Removed.docx",
        "13 Removed.pdf",
        "14 All tables.xlsx",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(outcome.files, expected);
    assert_eq!(
        folder_listing(&target),
        expected,
        "the folder holds them, nothing else"
    );
    assert_eq!(
        folder_listing(parent.path()),
        ["Cabinet pack"],
        "no temporary folder left"
    );
    assert_eq!(
        progress.fraction().0,
        progress.fraction().1,
        "every step done"
    );

    let combined = target.join("00 Appendix pack.pdf");
    let combined = combined.to_string_lossy();
    let info = run("pdfinfo", &[&combined]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pages");
    assert_eq!(pages, outcome.combined_pages);
    assert!(
        info.contains("Author:          Ashmere Vale District Council"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"));
    let text = run("pdftotext", &[&combined, "-"]);
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), pages);
    for (index, page) in page_texts.iter().enumerate() {
        assert!(
            page.contains("Data as at 31 March 2026"),
            "page {} has the date",
            index + 1
        );
        assert!(
            page.contains(&format!("Page {} of {pages}", index + 1)),
            "page {}",
            index + 1
        );
    }
    assert!(page_texts[0].contains("Appendix pack"));
    assert!(
        page_texts[0].contains("Appendix M"),
        "a contents line for each of 13 parts"
    );
    assert!(page_texts[1].contains("LSP structure"));
    let outline = run("pdfinfo", &["-dests", &combined]);
    assert!(!outline.is_empty());
    // A bookmark for the contents and for each appendix, lettered in order.
    let bytes = std::fs::read(target.join("00 Appendix pack.pdf")).expect("read");
    let has = |text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    assert!(has("/Outlines"));
    assert!(has("(Contents)"));
    assert!(has("(Appendix A: LSP structure)"));
    assert!(has(
        "(Appendix D: Risk and value of Ashmere Vale District Council's partnerships)"
    ));
    assert!(has(
        "(Appendix F: Recommendations on Ashmere Vale District Council's input to partnerships)"
    ));
    assert!(!has("(Appendix N:"), "thirteen parts");
}

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{tool} runs (poppler-utils installed): {error}"));
    assert!(output.status.success(), "{tool} {args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn cancelling_halfway_leaves_no_folder() {
    let register = partnership_atlas::sample::sample_register();
    let contents = PackContents::everything(&register);
    let parent = tempfile::tempdir().expect("temp");
    let target = parent.path().join("Pack");
    let progress = Progress::silent();
    let watcher = progress.clone();
    let canceller = std::thread::spawn(move || {
        // Cancel once a few files are written.
        for _ in 0..60_000 {
            if watcher.fraction().0 >= 3 {
                watcher.cancel();
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        false
    });
    let result = appendix::write_pack(&register, &contents, basis(), &target, &progress);
    assert!(
        canceller.join().expect("thread"),
        "cancel was asked halfway"
    );
    assert!(matches!(result, Err(PackError::Cancelled)), "{result:?}");
    assert!(!target.exists());
    assert!(
        folder_listing(parent.path()).is_empty(),
        "nothing left behind"
    );
}

#[test]
fn a_folder_with_files_in_it_is_refused_and_left_alone() {
    let register = partnership_atlas::sample::sample_register();
    let contents = PackContents {
        views: Vec::new(),
        matrix: false,
        tables: vec![TableKind::Removed],
    };
    let parent = tempfile::tempdir().expect("temp");
    let target = parent.path().join("Pack");
    std::fs::create_dir(&target).expect("dir");
    std::fs::write(target.join("mine.txt"), "keep me").expect("write");
    let error = appendix::write_pack(&register, &contents, basis(), &target, &Progress::silent())
        .expect_err("not empty");
    assert!(error.to_string().contains("not empty"), "{error}");
    assert_eq!(folder_listing(&target), ["mine.txt"]);
    assert_eq!(folder_listing(parent.path()), ["Pack"]);
    // An empty folder is used.
    std::fs::remove_file(target.join("mine.txt")).expect("remove");
    let outcome = appendix::write_pack(&register, &contents, basis(), &target, &Progress::silent())
        .expect("pack into the empty folder");
    assert_eq!(
        outcome.files,
        [
            "00 Appendix pack.pdf",
            "01 Removed.docx",
            "01 Removed.pdf",
            "02 All tables.xlsx"
        ]
    );
}

#[test]
fn the_choice_kept_in_the_register_decides_the_cli_pack() {
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("sample.atlas");
    let mut register = partnership_atlas::sample::sample_register();
    let lsp = *register.views.keys().next().expect("a view");
    let choice = PackContents {
        views: vec![lsp],
        matrix: false,
        tables: vec![TableKind::Recommendations, TableKind::Actions],
    };
    register.settings.appendix_pack = Some(choice.to_choice());
    partnership_atlas::document::Document::create(&path, register).expect("create");
    let out = folder.path().join("pack");
    let mut report = Vec::new();
    partnership_atlas::cli::run_export(
        partnership_atlas::cli::ExportCommand::Pack {
            file: path,
            out: out.clone(),
            as_at: Some(NaiveDate::from_ymd_opt(2026, 3, 31).expect("date")),
        },
        &mut report,
    )
    .expect("pack");
    let said = String::from_utf8(report).expect("utf-8");
    assert!(said.contains("8 files"), "{said}");
    assert_eq!(
        folder_listing(&out),
        [
            "00 Appendix pack.pdf",
            "01 LSP structure.pdf",
            "01 LSP structure.png",
            "02 Recommendations.docx",
            "02 Recommendations.pdf",
            "03 Actions.docx",
            "03 Actions.pdf",
            "04 All tables.xlsx"
        ]
    );
}
