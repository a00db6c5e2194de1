//! `partnership-atlas export matrix|overview` on a small fixed register: the overview CSV as a
//! golden file (with a formula-like name neutralised), and the matrix in each format at the
//! page size asked for. The register is opened read-only and left unchanged.

use std::path::Path;

use chrono::NaiveDate;
use partnership_atlas::cli::{Command, ExportCommand, run};
use partnership_atlas::document::Document;
use partnership_atlas::model::{
    Assessment, AssessmentId, Band, Contribution, ContributionId, Money, Partnership,
    PartnershipId, PartnershipStatus, Recommendation, Register,
};

fn register() -> Register {
    let mut register = Register::new("Harborough District Council");
    let rows = [
        (
            1,
            "Safer Harborough, Community Safety Partnership",
            Some((Band::High, Band::High, Recommendation::Maintain)),
            40_000,
        ),
        (
            2,
            "=HYPERLINK(\"http://evil\",\"Tourism Forum\")",
            Some((Band::Low, Band::Low, Recommendation::Reduce)),
            1_500,
        ),
        (3, "Lutterworth Youth Network", None, 0),
    ];
    for (id, name, assessment, pounds) in rows {
        let partnership = PartnershipId(id);
        register.partnerships.insert(
            partnership,
            Partnership {
                id: partnership,
                name: name.into(),
                status: PartnershipStatus::Active,
                ..Partnership::default()
            },
        );
        if pounds > 0 {
            register.contributions.insert(
                ContributionId(id),
                Contribution {
                    id: ContributionId(id),
                    partnership,
                    year: 2025,
                    amount: Money::from_pounds(pounds),
                    ..Contribution::default()
                },
            );
        }
        if let Some((risk, value, recommendation)) = assessment {
            register.assessments.insert(
                AssessmentId(id),
                Assessment {
                    id: AssessmentId(id),
                    partnership,
                    date: NaiveDate::from_ymd_opt(2025, 10, 1),
                    risk_likelihood: 3,
                    risk_impact: 3,
                    risk_band: Some(risk),
                    value_band: Some(value),
                    value_percent: Some(50),
                    recommendation: Some(recommendation),
                    // The first is an override, kept with its reason in the export.
                    suggested_recommendation: Some(if id == 1 {
                        Recommendation::Review
                    } else {
                        recommendation
                    }),
                    override_reason: if id == 1 {
                        "Statutory: the council must take part, so it cannot be reviewed away"
                            .into()
                    } else {
                        String::new()
                    },
                    next_review: NaiveDate::from_ymd_opt(2026, 4, 1),
                    scheme_version: 1,
                    ..Assessment::default()
                },
            );
        }
    }
    register
}

fn as_at() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 3, 31)
}

fn write_register(folder: &Path) -> std::path::PathBuf {
    let path = folder.join("register.atlas");
    drop(Document::create(&path, register()).expect("create"));
    path
}

#[test]
fn overview_csv_golden_with_a_formula_neutralised() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write_register(folder.path());
    let out = folder.path().join("overview.csv");
    let mut report = Vec::new();
    run(
        Command::Export {
            what: ExportCommand::Overview {
                file,
                out: out.clone(),
                as_at: as_at(),
                year: None,
            },
        },
        &mut report,
    )
    .expect("export");
    let csv = std::fs::read_to_string(&out).expect("csv");
    assert!(
        csv.contains("\"'=HYPERLINK("),
        "the formula is neutralised: {csv}"
    );
    let report = String::from_utf8(report).expect("utf-8");
    assert!(report.contains("Reduce: 1 partnership"), "{report}");
    insta::assert_snapshot!("overview_csv_small_register", csv.replace("\r\n", "⏎\n"));
}

#[test]
fn overview_exports_as_an_excel_workbook_for_a_financial_year() {
    use std::io::Read as _;
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write_register(folder.path());
    let out = folder.path().join("overview.xlsx");
    let mut report = Vec::new();
    run(
        Command::Export {
            what: ExportCommand::Overview {
                file: file.clone(),
                out: out.clone(),
                as_at: None,
                year: Some(2025),
            },
        },
        &mut report,
    )
    .expect("export");
    let report = String::from_utf8(report).expect("utf-8");
    assert!(
        report.contains("as at 31 March 2026, costs for 2025/26"),
        "{report}"
    );
    let bytes = std::fs::read(&out).expect("written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut strings = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .expect("strings")
        .read_to_string(&mut strings)
        .expect("utf-8");
    assert!(strings.contains("Lutterworth Youth Network"), "{strings}");
    assert!(strings.contains("Safer Harborough, Community Safety Partnership"));
    // The override's reason, not just "Yes".
    assert!(strings.contains("Override reason"), "{strings}");
    assert!(
        strings.contains("Statutory: the council must take part, so it cannot be reviewed away"),
        "{strings}"
    );

    // A year before the assessments: nobody assessed yet, and no contributions that year.
    let early = folder.path().join("early.csv");
    run(
        Command::Export {
            what: ExportCommand::Overview {
                file: file.clone(),
                out: early.clone(),
                as_at: None,
                year: Some(2024),
            },
        },
        &mut Vec::new(),
    )
    .expect("export");
    let csv = std::fs::read_to_string(&early).expect("csv");
    // "Never assessed" is the one Yes in each of the three rows.
    assert_eq!(csv.matches(",Yes,").count(), 3, "{csv}");

    let refused = run(
        Command::Export {
            what: ExportCommand::Overview {
                file,
                out: folder.path().join("overview.ods"),
                as_at: None,
                year: None,
            },
        },
        &mut Vec::new(),
    );
    assert!(
        refused
            .expect_err("unknown format")
            .to_string()
            .contains(".csv or .xlsx")
    );
}

#[test]
fn matrix_exports_as_svg_pdf_and_png_at_300_dpi() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write_register(folder.path());
    for name in ["matrix.svg", "matrix.pdf", "matrix.png"] {
        let out = folder.path().join(name);
        let mut report = Vec::new();
        run(
            Command::Export {
                what: ExportCommand::Matrix {
                    file: file.clone(),
                    out: out.clone(),
                    dpi: 300,
                    page: "a4-landscape".parse().expect("page"),
                    as_at: as_at(),
                },
            },
            &mut report,
        )
        .expect("export");
        let bytes = std::fs::read(&out).expect("written");
        match name {
            "matrix.svg" => {
                assert!(String::from_utf8_lossy(&bytes).contains("Data as at 31 March 2026"))
            }
            "matrix.pdf" => assert!(bytes.starts_with(b"%PDF")),
            _ => {
                let width = u32::from_be_bytes(bytes[16..20].try_into().expect("w"));
                let height = u32::from_be_bytes(bytes[20..24].try_into().expect("h"));
                assert_eq!((width, height), (3508, 2480));
            }
        }
        assert!(String::from_utf8_lossy(&report).contains(": 2 on the matrix"));
    }
    let refused = run(
        Command::Export {
            what: ExportCommand::Matrix {
                file,
                out: folder.path().join("matrix.doc"),
                dpi: 300,
                page: "a4-landscape".parse().expect("page"),
                as_at: as_at(),
            },
        },
        &mut Vec::new(),
    );
    assert!(
        refused
            .expect_err("unknown format")
            .to_string()
            .contains(".svg, .png or .pdf")
    );
}
