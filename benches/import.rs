//! The three targets. Import of 10,000 partnerships with their organisations, people
//! and memberships from an XLSX workbook, whole process (the workbook read by calamine, each sheet
//! previewed, its one edit applied; target under 2 s); the merge of two 2,000-partnership
//! registers (planned and applied; target under 2 s); the JSON export of the sample and its
//! re-import (target under 0.5 s). The registers are `synthetic_register(N, seed)`.

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::import::{
    ImportEntity, ImportOptions, build_preview, parse_map, read_table,
};
use partnership_atlas::interchange::json;
use partnership_atlas::merge::{MergeOptions, plan_register_merge};
use partnership_atlas::model::{Entity, Register};
use partnership_atlas::sample::{sample_register, synthetic_register};
use partnership_atlas::tables::{Lookup, TableSpec, parse_tsv, specs};

/// The sheets, in the order they go in (organisations and people before the partnerships and
/// memberships naming them).
const SHEETS: [(&str, ImportEntity); 4] = [
    ("Organisations", ImportEntity::Organisations),
    ("People", ImportEntity::People),
    ("Partnerships", ImportEntity::Partnerships),
    ("Memberships", ImportEntity::Memberships),
];

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
}

/// A table's rows as the program copies them (headings first), without the Id column.
fn rows<T: Entity + 'static>(spec: &TableSpec<T>, register: &Register) -> Vec<Vec<String>> {
    let keys: Vec<T::Key> = T::map(register).keys().cloned().collect();
    let shown: Vec<bool> = spec.columns.iter().map(|c| c.is_editable()).collect();
    let text = spec.copy_rows(&Lookup::new(register, today()), &keys, &shown);
    parse_tsv(&text)
}

/// The register's organisations, partnerships and memberships as a three-sheet workbook.
fn workbook(register: &Register) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheets = [
        rows(&specs::organisations(), register),
        rows(&specs::people(), register),
        rows(&specs::partnerships(), register),
        rows(&specs::memberships(), register),
    ];
    for ((name, _), sheet_rows) in SHEETS.iter().zip(sheets) {
        let sheet = workbook.add_worksheet().set_name(*name).expect("name");
        for (r, row) in sheet_rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, cell).expect("cell");
            }
        }
    }
    workbook.save_to_buffer().expect("xlsx")
}

/// The whole import: each sheet read, previewed and applied, into an empty register.
fn import_all(bytes: &[u8]) -> Register {
    let mut register = Register::new("Bench Council");
    for (sheet, entity) in SHEETS {
        let table = read_table("register.xlsx", bytes, Some(sheet)).expect("sheet");
        let options = ImportOptions {
            entity,
            map: parse_map("Id=-").expect("map"),
            file_name: "register.xlsx".to_string(),
            ..ImportOptions::default()
        };
        let preview = build_preview(&register, today(), &table, &options).expect("preview");
        let edit = preview.edit().unwrap_or_else(|| {
            let refused = preview.rows.iter().find(|r| !r.reasons.is_empty());
            panic!(
                "{sheet}: {}: {refused:?} {:?}",
                preview.summary(),
                preview.unresolved.first()
            )
        });
        register.apply(edit).expect("applies");
    }
    register
}

fn bench_import(c: &mut Criterion) {
    let source = synthetic_register(10_000, 7);
    let bytes = workbook(&source);
    let imported = import_all(&bytes);
    eprintln!(
        "workbook {} KB: {} organisations, {} people, {} partnerships, {} memberships imported",
        bytes.len() / 1024,
        imported.organisations.len(),
        imported.people.len(),
        imported.partnerships.len(),
        imported.memberships.len()
    );
    assert_eq!(imported.partnerships.len(), source.partnerships.len());
    assert_eq!(imported.memberships.len(), source.memberships.len());
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(
        "10k partnerships with organisations, people, memberships from XLSX",
        |b| b.iter(|| import_all(&bytes)),
    );
    group.bench_function("10k partnerships sheet: read and preview only", |b| {
        let empty = Register::new("Bench Council");
        b.iter(|| {
            let table = read_table("register.xlsx", &bytes, Some("Partnerships")).expect("sheet");
            build_preview(&empty, today(), &table, &ImportOptions::default()).expect("preview")
        })
    });
    group.finish();
}

fn bench_merge(c: &mut Criterion) {
    let ours = synthetic_register(2_000, 1);
    let theirs = synthetic_register(2_000, 2);
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("2,000 into 2,000 partnerships: planned and applied", |b| {
        b.iter(|| {
            let plan = plan_register_merge(&ours, &theirs, "theirs.atlas", MergeOptions::default());
            let mut merged = ours.clone();
            merged.apply(&plan.edit).expect("applies");
            merged
        })
    });
    group.finish();
}

fn bench_json(c: &mut Criterion) {
    let sample = sample_register();
    let mut group = c.benchmark_group("json");
    group.bench_function("sample: export and re-import", |b| {
        b.iter(|| json::decode(&json::encode(&sample).expect("encoded")).expect("decoded"))
    });
    let big = synthetic_register(2_000, 3);
    group.sample_size(10);
    group.bench_function("2,000 partnerships: export and re-import", |b| {
        b.iter(|| json::decode(&json::encode(&big).expect("encoded")).expect("decoded"))
    });
    group.finish();
}

criterion_group!(benches, bench_import, bench_merge, bench_json);
criterion_main!(benches);
