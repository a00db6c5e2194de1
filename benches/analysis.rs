//! The analysis answers on a 10,000-partnership synthetic register: all-pairs overlaps (target
//! under 1 s, through the inverted indexes), gaps and load (each under 0.2 s), conformity and
//! the knowledge network (its findings and its graph), and finding which records are one body
//! under several names. Also prints how many candidate pairs the overlaps found, so a
//! change that makes the index quadratic shows.

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::analysis::{self, AnalysisSettings};

fn bench_analysis(c: &mut Criterion) {
    let register = partnership_atlas::sample::synthetic_register(10_000, 1);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
    let settings = AnalysisSettings::on(today);
    let pairs = analysis::overlaps(&register, &settings.overlaps);
    eprintln!(
        "{} partnerships, {} memberships, {} representations, {} report-back routes; \
         {} overlap pairs shown (score {}%+), best {}%",
        register.partnerships.len(),
        register.memberships.len(),
        register.representations.len(),
        register.report_back_routes.len(),
        pairs.len(),
        settings.overlaps.min_score,
        pairs.first().map_or(0, |p| p.score)
    );
    let mut group = c.benchmark_group("analysis 10k");
    group.sample_size(10);
    group.bench_function("overlaps, all pairs", |b| {
        b.iter(|| analysis::overlaps(&register, &settings.overlaps))
    });
    group.bench_function("gaps", |b| {
        b.iter(|| analysis::gaps(&register, &settings.gaps))
    });
    group.bench_function("load", |b| {
        b.iter(|| analysis::load(&register, &settings.load))
    });
    group.bench_function("conformity", |b| {
        b.iter(|| analysis::conformity(&register, &settings.conformity))
    });
    group.bench_function("knowledge", |b| {
        b.iter(|| analysis::knowledge(&register, &settings.knowledge))
    });
    group.bench_function("knowledge network graph", |b| {
        b.iter(|| analysis::knowledge_network::knowledge_network(&register, &settings.knowledge))
    });
    group.bench_function(
        "identities, every kind (one body under several names)",
        |b| b.iter(|| analysis::identity::Identities::of(&register)),
    );
    group.bench_function("identities, people only", |b| {
        b.iter(|| analysis::identity::Identities::default().with_people(&register))
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
