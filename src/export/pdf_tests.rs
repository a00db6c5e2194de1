//! Tests of the PDF writer, read back by poppler (`pdfinfo`, `pdftotext`) where it is
//! installed (CI installs it) and by looking at the bytes where it is not.

use std::process::Command;

use chrono::NaiveDate;

use super::*;
use crate::export::page::{Orientation, PaperSize};
use crate::export::scene::{Caption, Geometry, Paint, Rect, Shape, Stroke};

fn scene(title: &str, words: &str) -> Scene {
    let mut scene = Scene::new(Caption {
        title: title.to_string(),
        data_as_at: NaiveDate::from_ymd_opt(2026, 3, 14).expect("a date"),
        source: "Source: Partnership register, Policy Team".to_string(),
    });
    scene.items.push(Item::Shape(Shape {
        geometry: Geometry::RoundedRect {
            rect: Rect::new(0.0, 0.0, 200.0, 60.0),
            radius: 4.0,
        },
        paint: Paint::new(Color::WHITE, Stroke::solid(Color::BLACK, 1.0)),
        tooltip: None,
    }));
    scene.items.push(Item::Text(TextRun::line(
        Point::new(100.0, 30.0),
        words,
        10.0,
    )));
    scene
}

fn info() -> DocumentInfo {
    DocumentInfo {
        title: "Appendix 4: how the partnerships relate to each other".to_string(),
        author: "Ashmere District Council".to_string(),
        subject: "Partnership of partnerships diagram".to_string(),
        keywords: "partnerships, LSP".to_string(),
        creator: String::new(),
        language: "en-GB".to_string(),
        created: NaiveDate::from_ymd_opt(2026, 3, 14).and_then(|d| d.and_hms_opt(9, 30, 0)),
    }
}

/// Three pages: A4 landscape, A3 landscape, A4 portrait, two of them bookmarked.
fn three_pages() -> Vec<u8> {
    let scenes = [
        scene("Overview", "Ashmere Vale Partnership Board"),
        scene("Health and Wellbeing", "Health Inequalities Group"),
        scene("Community Safety", "Youth Offending Panel"),
    ];
    let setups = [
        PageSetup::new(PaperSize::A4, Orientation::Landscape),
        PageSetup::new(PaperSize::A3, Orientation::Landscape),
        PageSetup::new(PaperSize::A4, Orientation::Portrait),
    ];
    let pages: Vec<PdfPage> = scenes
        .iter()
        .zip(setups.iter())
        .enumerate()
        .map(|(index, (scene, setup))| {
            let page = PdfPage::new(compose(scene, setup), format!("Figure {index}"));
            if index == 1 {
                page
            } else {
                page.bookmarked(scene.caption.title.clone())
            }
        })
        .collect();
    write_pdf(&info(), &pages, &PageNumbering::default()).expect("a PDF")
}

/// Runs a poppler tool on the PDF; `None` when poppler is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("test.pdf");
    std::fs::write(&path, pdf).expect("written");
    let mut command = Command::new(tool);
    command.args(args).arg(&path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().ok()?;
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn pdfinfo_reads_the_document_information_tags_and_pages() {
    let pdf = three_pages();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let Some(report) = poppler("pdfinfo", &["-f", "1", "-l", "3"], &pdf) else {
        eprintln!("pdfinfo is not installed: checked the bytes only");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Marked true"));
        assert!(text.contains("/StructTreeRoot"));
        return;
    };
    let field = |name: &str| -> String {
        report
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("pdfinfo has no {name}: {report}"))
            .trim()
            .to_string()
    };
    assert_eq!(
        field("Title"),
        "Appendix 4: how the partnerships relate to each other"
    );
    assert_eq!(field("Author"), "Ashmere District Council");
    assert_eq!(field("Subject"), "Partnership of partnerships diagram");
    assert_eq!(field("Keywords"), "partnerships, LSP");
    assert_eq!(field("Creator"), "Partnership Atlas");
    assert!(field("Producer").starts_with("Partnership Atlas"));
    assert_eq!(field("Tagged"), "yes");
    assert_eq!(field("Pages"), "3");
    assert!(field("CreationDate").contains("2026"), "{report}");
    // Each page its own size.
    for (page, (width, height)) in [(841.89, 595.28), (1190.55, 841.89), (595.28, 841.89)]
        .into_iter()
        .enumerate()
    {
        let size = field(&format!("Page {:>4} size", page + 1));
        let numbers: Vec<f32> = size
            .split_whitespace()
            .filter_map(|word| word.parse().ok())
            .collect();
        assert!(
            (numbers[0] - width).abs() < 0.01 && (numbers[1] - height).abs() < 0.01,
            "page {}: {size}",
            page + 1
        );
    }
}

#[test]
fn the_text_is_text_and_every_page_is_numbered() {
    let pdf = three_pages();
    let Some(text) = poppler("pdftotext", &["-layout"], &pdf) else {
        eprintln!("pdftotext is not installed");
        return;
    };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() >= 3, "{text}");
    for (index, (page, words)) in pages
        .iter()
        .zip([
            "Ashmere Vale Partnership Board",
            "Health Inequalities Group",
            "Youth Offending Panel",
        ])
        .enumerate()
    {
        assert!(page.contains(words), "page {}: {page}", index + 1);
        assert!(
            page.contains(&format!("Page {} of 3", index + 1)),
            "page {} printed number: {page}",
            index + 1
        );
    }
}

#[test]
fn figures_carry_their_alternative_text_and_bookmarks_their_pages() {
    let pdf = three_pages();
    let text = String::from_utf8_lossy(&pdf);
    for index in 0..3 {
        assert!(
            text.contains(&format!("/Alt (Figure {index})")),
            "figure {index} alt"
        );
    }
    assert!(text.contains("/S /Figure"));
    assert!(text.contains("/S /Document"));
    assert!(text.contains("/Lang (en-GB)"));
    assert!(text.contains("/DisplayDocTitle true"));
    assert!(text.contains("/Type /Pagination"), "numbers are artifacts");
    // Two bookmarks, in page order.
    let overview = text.find("/Title (Overview)").expect("first bookmark");
    let safety = text
        .find("/Title (Community Safety)")
        .expect("second bookmark");
    assert!(overview < safety);
    assert!(
        !text.contains("/Title (Health and Wellbeing)"),
        "page 2 has none"
    );
    assert!(text.contains("/PageMode /UseOutlines"));
    // poppler reads the structure tree: a Document of three figures, each with its text.
    if let Some(structure) = poppler("pdfinfo", &["-struct"], &pdf) {
        assert!(structure.contains("Document"), "{structure}");
        assert_eq!(structure.matches("Figure").count(), 3, "{structure}");
    }
}

#[test]
fn page_labels_take_the_prefix_and_the_first_number() {
    let numbering = PageNumbering {
        prefix: "A4-".to_string(),
        first: 3,
        printed: PrintedNumbers::Always,
    };
    assert_eq!(numbering.printed_text(0, 2), "Page A4-3 of A4-4");
    let one = scene("One", "Solo");
    let page = compose(&one, &PageSetup::default());
    let pdf = write_pdf(&info(), &[PdfPage::new(page, "A figure")], &numbering).expect("PDF");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/P (A4-)"), "label prefix");
    assert!(text.contains("/St 3"), "label start");
    if let Some(words) = poppler("pdftotext", &[], &pdf) {
        assert!(words.contains("Page A4-3 of A4-3"), "{words}");
    }
    // A one-page document prints no number by default.
    let plain = page_to_pdf(&compose(&scene("One", "Solo"), &PageSetup::default())).expect("PDF");
    if let Some(words) = poppler("pdftotext", &[], &plain) {
        assert!(!words.contains("Page 1"), "{words}");
        assert!(words.contains("Solo"), "{words}");
    }
    assert!(
        String::from_utf8_lossy(&plain).contains("/Alt (One)"),
        "alt from the title"
    );
}

#[test]
fn a_document_without_pages_is_refused() {
    let error = write_pdf(&info(), &[], &PageNumbering::default()).expect_err("refused");
    assert!(error.to_string().contains("at least one page"), "{error}");
}

#[test]
fn titles_outside_latin_1_survive() {
    let mut info = info();
    info.title = "Partnerships – Ŵales & Ærø “quoted”".to_string();
    let picture = scene("x", "y");
    let page = compose(&picture, &PageSetup::default());
    let pdf = write_pdf(
        &info,
        &[PdfPage::new(page, "Alt ✓")],
        &PageNumbering::default(),
    )
    .expect("PDF");
    if let Some(report) = poppler("pdfinfo", &[], &pdf) {
        assert!(
            report.contains("Partnerships – Ŵales & Ærø “quoted”"),
            "{report}"
        );
    }
}
