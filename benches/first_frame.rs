//! The first frame (DESIGN.md section 9): open a register and draw the window's first frame,
//! CPU pass only (egui layout and tessellation, no GPU): the sample register and a synthetic
//! register of 10,000 partnerships and 20,000 organisations. Targets: under 100 ms and 1 s.
//!
//! Run with `cargo bench --bench first_frame`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::sample;

/// Opens `path`, builds the app on it and runs one full frame, tessellated.
fn open_and_draw_first_frame(path: &std::path::Path, settings: &std::path::Path) -> usize {
    let document = Document::open(path).expect("open register");
    let mut app = AtlasApp::with_document(document, Some(settings.to_path_buf()));
    let context = egui::Context::default();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..egui::RawInput::default()
    };
    let output = context.run_ui(input, |ui| app.ui(ui));
    let meshes = context.tessellate(output.shapes, output.pixels_per_point);
    meshes.len()
}

fn first_frame(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("tempdir");
    let settings = folder.path().join("settings");
    let sample_path = folder.path().join("sample.atlas");
    drop(Document::create(&sample_path, sample::sample_register()).expect("create sample"));
    let large_path = folder.path().join("large.atlas");
    drop(
        Document::create(&large_path, sample::synthetic_register(10_000, 1)).expect("create large"),
    );
    let mut group = c.benchmark_group("open and first frame");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("sample register", |b| {
        b.iter(|| open_and_draw_first_frame(&sample_path, &settings));
    });
    group.bench_function("10,000 partnerships", |b| {
        b.iter(|| open_and_draw_first_frame(&large_path, &settings));
    });
    group.finish();
}

criterion_group!(benches, first_frame);
criterion_main!(benches);
