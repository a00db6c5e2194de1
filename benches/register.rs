//! Register benchmarks (DESIGN.md section 9): opening a register (the sample, and a synthetic
//! one of 10,000 partnerships), and one edit (apply, commit, audit) at 10,000 partnerships.
//!
//! Run with `cargo bench --bench register`.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Partnership, PartnershipId};
use partnership_atlas::sample;

fn write_register(folder: &std::path::Path, name: &str, partnerships: Option<usize>) -> PathBuf {
    let path = folder.join(name);
    let register = match partnerships {
        Some(count) => sample::synthetic_register(count, 1),
        None => sample::sample_register(),
    };
    drop(Document::create(&path, register).expect("create register"));
    path
}

fn open_registers(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("tempdir");
    let sample_path = write_register(folder.path(), "sample.atlas", None);
    let large_path = write_register(folder.path(), "large.atlas", Some(10_000));
    let mut group = c.benchmark_group("open");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("sample register", |b| {
        b.iter(|| Document::open(&sample_path).expect("open sample"));
    });
    group.bench_function("10,000 partnerships", |b| {
        b.iter(|| Document::open(&large_path).expect("open large"));
    });
    group.finish();
}

fn one_edit(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = write_register(folder.path(), "large.atlas", Some(10_000));
    let mut document = Document::open(&path).expect("open");
    let id = PartnershipId(1);
    let mut step = 0u64;
    c.bench_function("edit at 10,000 partnerships (apply, commit, audit)", |b| {
        b.iter(|| {
            step += 1;
            let before: Partnership = document.register().partnerships[&id].clone();
            let after = Partnership {
                notes: format!("Benchmark note {step}"),
                ..before.clone()
            };
            document.apply(Edit::change(before, after)).expect("edit");
        });
    });
}

criterion_group!(benches, open_registers, one_edit);
criterion_main!(benches);
