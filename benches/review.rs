//! The review cycle on a 10,000-partnership synthetic register: taking a snapshot (the
//! content made and deflated; and the whole step, written to the file as one edit, target
//! under 0.5 s), reading one back, comparing it with now (target under 0.5 s) after a round
//! of edits, and a page of a 100,000-row audit log. Prints the snapshot's size.

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, Hours, PartnershipStatus};
use partnership_atlas::review::snapshots::{encode, snapshot_register};
use partnership_atlas::review::{State, compare, take_snapshot};
use partnership_atlas::store::AuditFilter;

fn bench_review(c: &mut Criterion) {
    let register = partnership_atlas::sample::synthetic_register(10_000, 1);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 22).expect("date");
    let folder = tempfile::tempdir().expect("temp");
    let path = folder.path().join("big.atlas");
    let mut document = Document::create(&path, register.clone()).expect("created");

    let content = encode(&register).expect("encoded");
    eprintln!(
        "{} partnerships: snapshot content {} KB",
        register.partnerships.len(),
        content.len() / 1024
    );
    let mut group = c.benchmark_group("review 10k");
    group.sample_size(10);
    group.bench_function("snapshot content (records to deflated JSON)", |b| {
        b.iter(|| encode(&register).expect("encoded"))
    });
    group.bench_function("take snapshot, written to the file, and undo", |b| {
        b.iter(|| {
            let edit = take_snapshot(
                document.register(),
                "As at Cabinet",
                Some(day),
                "2026-03-22T18:00:00+00:00",
            )
            .expect("taken");
            document.apply(edit).expect("applied");
            document.undo().expect("undone");
        })
    });

    // A snapshot, then a round of edits: 300 removed, 300 seats with fewer hours.
    let edit = take_snapshot(&register, "As at Cabinet", Some(day), "x").expect("taken");
    let mut now = register.clone();
    now.apply(&edit).expect("applied");
    let snapshot = now.snapshots.values().next().cloned().expect("one");
    let ids: Vec<_> = now.partnerships.keys().copied().take(300).collect();
    for id in ids {
        let before = now.partnerships[&id].clone();
        let mut after = before.clone();
        after.status = PartnershipStatus::Removed;
        now.apply(&Edit::change(before, after)).expect("removed");
    }
    let seats: Vec<_> = now.representations.keys().copied().take(300).collect();
    for id in seats {
        let before = now.representations[&id].clone();
        let mut after = before.clone();
        after.hours_per_month = Hours::whole(1);
        now.apply(&Edit::change(before, after)).expect("changed");
    }
    group.bench_function("read a snapshot back", |b| {
        b.iter(|| snapshot_register(&snapshot).expect("read"))
    });
    group.bench_function(
        "compare a snapshot with now (read back and compared)",
        |b| {
            b.iter(|| {
                let then = snapshot_register(&snapshot).expect("read");
                compare(
                    State {
                        label: "As at Cabinet",
                        as_at: day,
                        register: &then,
                    },
                    State {
                        label: "Now",
                        as_at: day,
                        register: &now,
                    },
                )
            })
        },
    );

    // The audit log grown to 100,000 rows: the first screenful of a filtered page.
    let id = *document.register().partnerships.keys().next().expect("one");
    let rows = document
        .store()
        .audit_count(&AuditFilter::default())
        .expect("count");
    let mut step = rows;
    while step < 100_000 {
        // Ten thousand audited changes to one record per transaction, each from the last.
        let mut current = document.register().partnerships[&id].clone();
        let mut edits = Vec::new();
        for _ in 0..10_000.min(100_000 - step) {
            let mut after = current.clone();
            after.short_name = format!("S{step}");
            edits.push(Edit::change(current, after.clone()));
            current = after;
            step += 1;
        }
        let batch = Edit::Batch {
            description: "Bench edits".to_string(),
            edits,
        };
        document.apply(batch).expect("edited");
    }
    let store = document.store();
    eprintln!(
        "audit log: {} rows",
        store.audit_count(&AuditFilter::default()).expect("count")
    );
    group.bench_function("audit log: count and first page of 200, 100k rows", |b| {
        b.iter(|| {
            let filter = AuditFilter::default();
            (
                store.audit_count(&filter).expect("count"),
                store.audit_page(&filter, 0, 200).expect("page"),
            )
        })
    });
    group.bench_function("audit log: filtered by person, 100k rows", |b| {
        b.iter(|| {
            let filter = AuditFilter {
                user: Some("nobody".to_string()),
                ..AuditFilter::default()
            };
            store.audit_count(&filter).expect("count")
        })
    });
    group.finish();
}

criterion_group!(benches, bench_review);
criterion_main!(benches);
