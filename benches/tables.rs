//! Frame CPU cost of the partnerships table with 10,000 rows on screen (no rendering): the
//! whole app's UI run in `egui::Context::run`, scrolled to the middle, unfiltered and filtered.

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;

fn app_with(partnerships: usize) -> (tempfile::TempDir, AtlasApp) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("big.atlas");
    let register = partnership_atlas::sample::synthetic_register(partnerships, 1);
    let document = Document::create(&path, register).expect("create");
    let app = AtlasApp::with_document(document, None);
    (folder, app)
}

fn frame(ctx: &egui::Context, app: &mut AtlasApp, events: Vec<egui::Event>) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    };
    let _ = ctx.run_ui(input, |ui| app.ui(ui));
}

fn bench_table(c: &mut Criterion) {
    let (_folder, mut app) = app_with(10_000);
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    // Scroll to the middle: a wheel scroll over the table, repeated.
    for _ in 0..40 {
        frame(
            &ctx,
            &mut app,
            vec![
                egui::Event::PointerMoved(egui::pos2(600.0, 500.0)),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Page,
                    delta: egui::vec2(0.0, -4.0),
                    modifiers: egui::Modifiers::NONE,
                    phase: egui::TouchPhase::Move,
                },
            ],
        );
    }
    c.bench_function("partnerships table 10k rows, middle, unfiltered", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()));
    });
    // Ctrl+F, then type a word into the filter box.
    let ctrl = egui::Modifiers::COMMAND;
    frame(
        &ctx,
        &mut app,
        vec![egui::Event::Key {
            key: egui::Key::F,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: ctrl,
        }],
    );
    frame(&ctx, &mut app, Vec::new());
    frame(
        &ctx,
        &mut app,
        vec![egui::Event::Text("partnership".to_string())],
    );
    frame(&ctx, &mut app, Vec::new());
    let shown = app.ui_state().partnerships.table.rows().visible_len();
    eprintln!("filtered to {shown} of 10,000-odd rows");
    c.bench_function("partnerships table 10k rows, filtered", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()));
    });
}

criterion_group!(benches, bench_table);
criterion_main!(benches);
