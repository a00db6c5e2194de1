//! The appendix pack of the sample register (three views, the matrix, every table; PDF, PNG at
//! 300 dpi, XLSX, DOCX, the combined PDF) written whole, and each table exported on its own in
//! every format. Targets: the pack under 5 s, each table export under 0.3 s.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::appendix::{self, PackContents, Progress};
use partnership_atlas::export::pdf;
use partnership_atlas::export::table::{self, TableKind, csv, docx, print, xlsx};
use partnership_atlas::scoring::ReviewBasis;

fn basis() -> ReviewBasis {
    ReviewBasis::on(NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"))
}

fn pack(c: &mut Criterion) {
    let register = partnership_atlas::sample::sample_register();
    let contents = PackContents::everything(&register);
    let parent = tempfile::tempdir().expect("temp");
    let mut group = c.benchmark_group("appendix");
    group.sample_size(10);
    let mut run = 0;
    group.bench_function("whole pack of the sample", |b| {
        b.iter(|| {
            run += 1;
            let target = parent.path().join(format!("pack {run}"));
            appendix::write_pack(&register, &contents, basis(), &target, &Progress::silent())
                .expect("pack");
            std::fs::remove_dir_all(&target).ok();
        });
    });
    group.finish();
}

fn tables(c: &mut Criterion) {
    let register = partnership_atlas::sample::sample_register();
    let mut group = c.benchmark_group("table export");
    group.sample_size(10);
    for kind in TableKind::ALL {
        group.bench_function(format!("{kind} (build, XLSX, CSV, DOCX, PDF)"), |b| {
            b.iter(|| {
                let built = table::build_table(kind, &register, basis());
                let workbook = xlsx::table_xlsx(&built, &xlsx::WorkbookInfo::default());
                let text = csv::table_csv(&built);
                let document = docx::table_docx(&built, &docx::DocumentInfo::default());
                let printed = print::tables_pdf(&[&built], &pdf::DocumentInfo::default());
                (
                    workbook.is_ok(),
                    text.len(),
                    document.is_ok(),
                    printed.is_ok(),
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, pack, tables);
criterion_main!(benches);
