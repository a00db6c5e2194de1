//! The report tables read back by independent readers: the workbook with calamine (types:
//! money as numbers, dates as dates, formula-like text as text), the Word document's XML (the
//! table, its repeated header row, its text), the PDF with poppler (pages, metadata, text), and
//! the CSV against golden files.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use partnership_atlas::export::pdf;
use partnership_atlas::export::table::{
    self, Cell, Column, ColumnKind, Group, Row, Table, TableKind, csv, docx, print, xlsx,
};
use partnership_atlas::model::{Money, Partnership, PartnershipId, Register};
use partnership_atlas::scoring::ReviewBasis;

fn as_at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("date")
}

fn sample_with_a_formula_name() -> Register {
    let mut register = partnership_atlas::sample::sample_register();
    let id = PartnershipId::next_in(&register.partnerships);
    register.partnerships.insert(
        id,
        Partnership {
            id,
            name: "=HYPERLINK(\"http://example.invalid\",\"Click\")".to_string(),
            ..Partnership::default()
        },
    );
    register
}

fn workbook(bytes: &[u8]) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("calamine reads it")
}

/// The first row of `range` whose cells include `text`, as its cells.
fn row_with(range: &calamine::Range<Data>, text: &str) -> Vec<Data> {
    range
        .rows()
        .find(|row| {
            row.iter()
                .any(|cell| matches!(cell, Data::String(s) if s == text))
        })
        .unwrap_or_else(|| panic!("a row with {text}"))
        .to_vec()
}

#[test]
fn the_workbook_holds_typed_cells_a_sheet_a_table() {
    let register = sample_with_a_formula_name();
    // In 2026/27 the broadband programme has the seed's £530,000.
    let basis = ReviewBasis::on(NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"));
    let tables = table::kinds::build_tables(
        &[
            TableKind::Recommendations,
            TableKind::Register,
            TableKind::Actions,
        ],
        &register,
        basis,
    );
    let refs: Vec<&Table> = tables.iter().collect();
    let written = xlsx::tables_xlsx(&refs, &xlsx::WorkbookInfo::default()).expect("workbook");
    assert!(written.shortened.is_empty(), "{:?}", written.shortened);
    let mut book = workbook(&written.bytes);
    assert_eq!(
        book.sheet_names(),
        ["Recommendations", "Register", "Actions"]
    );

    let range = book.worksheet_range("Recommendations").expect("sheet");
    let headings = row_with(&range, "Officer hours a month");
    assert_eq!(headings[0], Data::String("Recommendation".into()));
    let hours_at = headings
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == "Officer hours a month"))
        .expect("hours column");
    let money_at = headings
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == "Contributions (£ a year)"))
        .expect("money column");
    let total = row_with(&range, "TOTAL");
    let hours = &total[hours_at];
    let money = &total[money_at];
    assert!(
        matches!(hours, Data::Float(h) if *h > 100.0),
        "hours a number: {hours:?}"
    );
    assert!(
        matches!(money, Data::Float(m) if *m > 500_000.0),
        "money a number: {money:?}"
    );
    // The sample's economic partnership group is the seed's "104 hours, £538,000".
    let broadband = row_with(&range, "Broadband Mardleshire Programme Board");
    assert_eq!(broadband[money_at], Data::Float(530_000.0));

    let register_sheet = book.worksheet_range("Register").expect("sheet");
    let formula = row_with(
        &register_sheet,
        "=HYPERLINK(\"http://example.invalid\",\"Click\")",
    );
    assert!(formula.iter().any(|c| matches!(c, Data::String(_))));
    let formulas = book.worksheet_formula("Register").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "nothing is a formula"
    );
    let actions = book.worksheet_range("Actions").expect("sheet");
    let dated = actions
        .rows()
        .flat_map(|row| row.iter())
        .filter(|cell| matches!(cell, Data::DateTime(_)))
        .count();
    assert!(dated >= 20, "due dates are dates: {dated}");
    let due = actions
        .rows()
        .flat_map(|row| row.iter())
        .find_map(|cell| match cell {
            Data::DateTime(date) => date.as_datetime(),
            _ => None,
        })
        .expect("a date");
    assert!(due.date() > NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"));
}

#[test]
fn long_text_and_dates_outside_excel_are_written_and_listed() {
    let mut odd = Table::new(
        "Odd data",
        "Odd",
        as_at(),
        vec![
            Column::new("Notes", ColumnKind::Text),
            Column::new("Date", ColumnKind::Date),
            Column::new("Money", ColumnKind::Money),
        ],
    );
    let long = "word ".repeat(10_000);
    odd.groups.push(Group {
        heading: String::new(),
        rows: vec![
            Row::data(vec![
                Cell::Text(long.clone()),
                Cell::Date(NaiveDate::from_ymd_opt(1850, 6, 1).expect("date")),
                Cell::Money(Money { pence: 12_345 }),
            ]),
            Row::data(vec![
                Cell::text("-5 is text, not a number"),
                Cell::Date(as_at()),
                Cell::Money(Money { pence: -500 }),
            ]),
        ],
        subtotal: None,
    });
    let written = xlsx::table_xlsx(&odd, &xlsx::WorkbookInfo::default()).expect("workbook");
    assert_eq!(written.shortened.len(), 2, "{:?}", written.shortened);
    assert!(written.shortened[0].what.contains("characters cut"));
    assert!(written.shortened[1].what.contains("1850-06-01"));
    let mut book = workbook(&written.bytes);
    let range = book.worksheet_range("Odd").expect("sheet");
    let cells: Vec<&Data> = range.rows().flat_map(|row| row.iter()).collect();
    let cut = cells
        .iter()
        .find_map(|c| match c {
            Data::String(s) if s.starts_with("word word") => Some(s.clone()),
            _ => None,
        })
        .expect("the long text");
    assert!(cut.encode_utf16().count() <= 32_767);
    assert!(
        cut.ends_with("see the register for the rest]"),
        "a visible marker"
    );
    assert!(cells.contains(&&Data::String("1850-06-01".into())));
    assert!(cells.contains(&&Data::String("-5 is text, not a number".into())));
    assert!(cells.contains(&&Data::Float(123.45)));
    assert!(cells.contains(&&Data::Float(-5.0)));
    // Formula-like text keeps Excel's quote prefix.
    let styles = zip_part(&written.bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""));
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut file = archive.by_name(name).expect("the part");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8");
    text
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn texts(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

#[test]
fn the_word_document_has_a_table_with_a_repeated_header_row() {
    let register = partnership_atlas::sample::sample_register();
    let built = table::build_table(
        TableKind::Recommendations,
        &register,
        ReviewBasis::on(as_at()),
    );
    let info = docx::DocumentInfo {
        title: built.title.clone(),
        author: "Ashmere Vale District Council".into(),
        subject: "Recommendations".into(),
    };
    let bytes = docx::table_docx(&built, &info).expect("docx");
    let xml = zip_part(&bytes, "word/document.xml");
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let tables: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 1);
    let rows: Vec<_> = tables[0]
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    let header = rows[0];
    assert!(
        header
            .descendants()
            .any(|n| n.has_tag_name((W, "tblHeader"))),
        "the header row repeats on every page"
    );
    let header_cells: Vec<String> = header
        .children()
        .filter(|n| n.has_tag_name((W, "tc")))
        .map(texts)
        .collect();
    let headings: Vec<String> = built.columns.iter().map(|c| c.heading.clone()).collect();
    assert_eq!(header_cells, headings);
    assert!(
        rows[1..]
            .iter()
            .all(|row| !row.descendants().any(|n| n.has_tag_name((W, "tblHeader")))),
        "only the header repeats"
    );
    let all: Vec<String> = rows.iter().map(|row| texts(*row)).collect();
    assert!(
        all.iter().any(|t| t.starts_with("↑ Increase")),
        "group heading"
    );
    assert!(
        all.iter()
            .any(|t| t.contains("Broadband Mardleshire Programme Board"))
    );
    assert!(
        all.last().is_some_and(|t| t.starts_with("TOTAL")),
        "{:?}",
        all.last()
    );
    let heading = document
        .descendants()
        .find(|n| n.has_tag_name((W, "pStyle")))
        .and_then(|n| n.attribute((W, "val")));
    assert_eq!(heading, Some("Heading1"));
    assert!(xml.contains("Data as at 31 March 2026"));
    let core = zip_part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:creator>Ashmere Vale District Council</dc:creator>"));
    assert!(core.contains("<dc:language>en-GB</dc:language>"));
    let styles = zip_part(&bytes, "word/styles.xml");
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"));
    assert!(styles.contains("<w:name w:val=\"Table Grid\"/>"));
    // Word sets the text at the printed tables' size, so the fitted columns do not wrap.
    assert!(
        styles.contains("<w:sz w:val=\"17\"/>"),
        "8.5 pt, as printed"
    );
}

/// Runs a poppler tool, which `.ci/run` installs.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{tool} runs (poppler-utils installed): {error}"));
    assert!(output.status.success(), "{tool} {args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .map(|value| value.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn a_table_pdf_has_its_pages_metadata_and_text() {
    let register = partnership_atlas::sample::sample_register();
    let built = table::build_table(TableKind::Register, &register, ReviewBasis::on(as_at()));
    let info = pdf::DocumentInfo {
        title: built.title.clone(),
        author: "Ashmere Vale District Council".into(),
        subject: "The register".into(),
        ..pdf::DocumentInfo::default()
    };
    let (bytes, shortened) = print::tables_pdf(&[&built], &info).expect("pdf");
    assert!(shortened.is_empty());
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("register.pdf");
    std::fs::write(&path, bytes).expect("write");
    let path = path.to_string_lossy().into_owned();
    let info = poppler("pdfinfo", &[&path]);
    let pages: usize = info_field(&info, "Pages").parse().expect("pages");
    assert_eq!(pages, print::layout(&built).page_count());
    assert!(pages >= 3, "83 partnerships take several pages: {pages}");
    assert_eq!(info_field(&info, "Title"), built.title);
    assert_eq!(info_field(&info, "Author"), "Ashmere Vale District Council");
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert!(
        info_field(&info, "Page size").contains("841.89 x 595.276"),
        "A4 landscape"
    );
    let second = poppler("pdftotext", &["-layout", "-f", "2", "-l", "2", &path, "-"]);
    assert!(
        second.contains("Partnership register of Ashmere Vale"),
        "{second}"
    );
    assert!(second.contains("Data as at 31 March 2026"));
    assert!(second.contains("Officer"), "the header row repeats");
    assert!(second.contains(&format!("Page 2 of {pages}")));
}

#[test]
fn csv_golden_files() {
    let register = partnership_atlas::sample::sample_register();
    let basis = ReviewBasis::on(as_at());
    for kind in TableKind::ALL {
        let text = csv::table_csv(&table::build_table(kind, &register, basis));
        assert!(text.starts_with('\u{feff}'), "a byte-order mark");
        assert!(text.ends_with("\r\n"), "CRLF line ends");
        insta::assert_snapshot!(
            format!("table_csv_{}", kind.code()),
            text.trim_start_matches('\u{feff}').replace("\r\n", "⏎\n")
        );
    }
}

#[test]
fn the_cli_writes_each_format_and_refuses_an_unknown_table() {
    let folder = tempfile::tempdir().expect("temp");
    let register_path = folder.path().join("sample.atlas");
    let mut report = Vec::new();
    partnership_atlas::cli::run(
        partnership_atlas::cli::Command::Sample {
            out: register_path.clone(),
            partnerships: None,
            seed: 1,
        },
        &mut report,
    )
    .expect("sample");
    for extension in ["xlsx", "csv", "docx", "pdf", "png"] {
        let out = folder.path().join(format!("resources.{extension}"));
        let mut report = Vec::new();
        partnership_atlas::cli::run_export(
            partnership_atlas::cli::ExportCommand::Table {
                file: register_path.clone(),
                table: "resources".into(),
                out: out.clone(),
                as_at: Some(as_at()),
                dpi: 150,
            },
            &mut report,
        )
        .expect("export");
        let said = String::from_utf8(report).expect("utf-8");
        assert!(said.starts_with("Wrote "), "{said}");
        assert!(
            std::fs::metadata(&out).expect("written").len() > 200,
            "{extension}"
        );
    }
    // The PDF says what it is, who by, and in which language, and is tagged.
    let pdf_path = folder.path().join("resources.pdf");
    let info = poppler("pdfinfo", &[&pdf_path.to_string_lossy()]);
    assert_eq!(
        info_field(&info, "Title"),
        "Ashmere Vale District Council's resources in partnerships"
    );
    assert_eq!(info_field(&info, "Author"), "Ashmere Vale District Council");
    assert_eq!(
        info_field(&info, "Subject"),
        "Ashmere Vale District Council's resources in partnerships: Data as at 31 March 2026"
    );
    assert_eq!(info_field(&info, "Tagged"), "yes");
    let bytes = std::fs::read(&pdf_path).expect("read");
    assert!(
        bytes.windows(13).any(|w| w == b"/Lang (en-GB)"),
        "the catalog names the language"
    );
    let error = partnership_atlas::cli::run_export(
        partnership_atlas::cli::ExportCommand::Table {
            file: register_path,
            table: "budgets".into(),
            out: folder.path().join("x.xlsx"),
            as_at: None,
            dpi: 300,
        },
        &mut Vec::new(),
    )
    .expect_err("unknown table");
    assert!(error.to_string().contains("recommendations"), "{error}");
    assert!(!Path::new(&folder.path().join("x.xlsx")).exists());
}

/// The hours and money cells of `row`, in column order (other cells left out).
fn amounts(row: &Row) -> Vec<i64> {
    row.cells
        .iter()
        .filter_map(|cell| match cell {
            Cell::Hours(hours) => Some(i64::from(hours.tenths)),
            Cell::Money(money) => Some(money.pence),
            _ => None,
        })
        .collect()
}

fn added_up<'a>(rows: impl Iterator<Item = &'a Row>) -> Vec<i64> {
    rows.map(amounts)
        .reduce(|sum, row| sum.iter().zip(&row).map(|(a, b)| a + b).collect())
        .unwrap_or_default()
}

#[test]
fn every_subtotal_and_total_adds_up_to_its_rows() {
    let register = partnership_atlas::sample::sample_register();
    let built = table::build_table(
        TableKind::Recommendations,
        &register,
        ReviewBasis::on(as_at()),
    );
    assert_eq!(
        built.groups.len(),
        7,
        "five recommendations, removal, not assessed"
    );
    for group in &built.groups {
        let subtotal = group.subtotal.as_ref().expect("a subtotal");
        assert_eq!(
            amounts(subtotal),
            added_up(group.rows.iter()),
            "{}",
            group.heading
        );
        assert_eq!(
            subtotal.cells[1],
            Cell::count(group.rows.len()),
            "{} counts its partnerships",
            group.heading
        );
    }
    let total = built.total.as_ref().expect("a TOTAL row");
    assert_eq!(total.cells[0], Cell::text("TOTAL"));
    assert_eq!(
        amounts(total),
        added_up(built.groups.iter().filter_map(|g| g.subtotal.as_ref()))
    );
    assert_eq!(total.cells[1], Cell::count(built.data_rows()));

    // Representation: each person's hours, and the TOTAL of them.
    let seats = table::build_table(
        TableKind::Representation,
        &register,
        ReviewBasis::on(as_at()),
    );
    for group in &seats.groups {
        let subtotal = group.subtotal.as_ref().expect("a subtotal");
        assert_eq!(amounts(subtotal), added_up(group.rows.iter()));
    }
    assert_eq!(
        amounts(seats.total.as_ref().expect("TOTAL")),
        added_up(seats.groups.iter().filter_map(|g| g.subtotal.as_ref()))
    );
}

#[test]
fn the_seed_s_economic_partnership_and_its_groups_are_104_hours_and_538000_pounds() {
    let register = partnership_atlas::sample::sample_register();
    // 2026/27, the year of the broadband programme's £530,000.
    let basis = ReviewBasis::on(NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"));
    let built = table::build_table(TableKind::Resources, &register, basis);
    let families = built
        .groups
        .iter()
        .find(|g| g.heading == "By partnership and the groups under it")
        .expect("the families group");
    let family = families
        .rows
        .iter()
        .find(|row| {
            row.cells[0]
                == Cell::text(
                    "Mardleshire and Ebbsworth Economic Partnership Board and 4 groups under it",
                )
        })
        .expect("the economic partnership board's line");
    assert_eq!(family.cells[1], Cell::count(5));
    let pence = built.columns_pence();
    let printed: Vec<String> = family
        .cells
        .iter()
        .zip(&pence)
        .map(|(cell, pence)| cell.printed(*pence))
        .collect();
    assert_eq!(printed[2], "104.0", "officer hours a month");
    assert_eq!(printed[4], "£538,000", "contributions");
    // The other groups add up to the TOTAL.
    let total = amounts(built.total.as_ref().expect("TOTAL"));
    for heading in ["By place in the structure", "By recommendation"] {
        let group = built
            .groups
            .iter()
            .find(|g| g.heading == heading)
            .expect(heading);
        assert_eq!(added_up(group.rows.iter()), total, "{heading}");
    }
}

#[test]
fn group_names_are_words_in_flat_files_and_never_formulas() {
    let mut odd = Table::new(
        "Odd groups",
        "Odd",
        as_at(),
        vec![
            Column::new("Name", ColumnKind::Text),
            Column::new("Recommendation", ColumnKind::Label),
        ],
    );
    odd.group_column = Some("Group".into());
    let maintain = partnership_atlas::model::Recommendation::Maintain;
    for heading in [table::recommendation_with_sign(maintain), "=SUM(A1)".into()] {
        odd.groups.push(Group {
            heading,
            rows: vec![Row::data(vec![
                Cell::text("A body"),
                Cell::Recommendation(maintain),
            ])],
            subtotal: None,
        });
    }
    let text = csv::table_csv(&odd);
    assert!(text.contains("\r\nMaintain,A body,Maintain\r\n"), "{text}");
    assert!(text.contains("\r\n'=SUM(A1),A body,Maintain\r\n"), "{text}");
    // The printed table keeps the matrix's sign.
    assert!(
        print::layout(&odd).alt_text(0).contains("= Maintain"),
        "{}",
        print::layout(&odd).alt_text(0)
    );

    let written = xlsx::table_xlsx(&odd, &xlsx::WorkbookInfo::default()).expect("workbook");
    let mut book = workbook(&written.bytes);
    let range = book.worksheet_range("Odd").expect("sheet");
    let maintained = row_with(&range, "Maintain");
    assert_eq!(
        maintained,
        [
            Data::String("Maintain".into()),
            Data::String("A body".into()),
            Data::String("Maintain".into())
        ]
    );
    row_with(&range, "=SUM(A1)");
    let formulas = book.worksheet_formula("Odd").expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    // Only the group name looks like a formula: its cell has Excel's quote prefix.
    let styles = zip_part(&written.bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}
