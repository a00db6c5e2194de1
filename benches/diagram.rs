//! Diagram benchmarks (DESIGN.md section 9) on synthetic registers from
//! `partnership_atlas::sample::synthetic_register` (what `partnership-atlas sample
//! --partnerships N` writes): layout plus SVG export of the "LSP structure" view at 80, 500 and
//! 2,000 partnerships and of the "Membership network" at 500 partnerships (about 1,000
//! organisations), and a 300 dpi A4 PNG of the built-in sample's structure.
//!
//! `cargo bench --bench diagram` times them with criterion. With `DIAGRAM_COMPARE=1` it
//! instead prints, for each view, the median time of ours (layout + SVG) beside Graphviz
//! `dot -Tsvg` on the DOT that `partnership-atlas export graph` writes for the same view, and
//! the edge crossings of both (straight segments between box centres; dot's centres from
//! `dot -Tplain`, the same shown lines by node id), with the ratios, and the mean line length
//! over the mean box size (how spread out the picture is); `benches/compare_graphviz.sh` runs
//! that.

use std::collections::HashMap;
use std::hint::black_box;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group};
use partnership_atlas::diagram::graph_export::{GraphFormat, node_id, write_graph};
use partnership_atlas::diagram::{BuildOptions, Diagram, Visibility, find_view, scene};
use partnership_atlas::export::{self, Format, Orientation, PageSetup, PaperSize};
use partnership_atlas::layout::{LayoutEdge, Point, count_crossings};
use partnership_atlas::model::Register;
use partnership_atlas::sample::{sample_register, synthetic_register};

const SEED: u64 = 1;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
}

fn a4() -> PageSetup {
    PageSetup::new(PaperSize::A4, Orientation::Landscape)
}

/// Layout (the diagram build lays out a view with no stored positions) plus the SVG page.
fn layout_and_svg(register: &Register, view_name: &str) -> Vec<u8> {
    let Ok(view) = find_view(register, view_name) else {
        return Vec::new();
    };
    let diagram = Diagram::build(register, view, &BuildOptions::default());
    let picture = scene::diagram_scene(&diagram, scene::caption(register, &diagram, date()));
    export::export(&picture, &a4(), Format::Svg).unwrap_or_default()
}

fn cases() -> Vec<(String, Register, &'static str)> {
    let mut cases = Vec::new();
    for n in [80, 500, 2000] {
        cases.push((
            format!("structure {n}"),
            synthetic_register(n, SEED),
            "LSP structure",
        ));
    }
    let network = synthetic_register(500, SEED);
    let organisations = network.organisations.len();
    cases.push((
        format!("membership 500 + {organisations} organisations"),
        network,
        "Membership network",
    ));
    cases
}

fn diagram_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("diagram");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, register, view) in cases() {
        group.bench_function(format!("layout + svg, {name}"), |b| {
            b.iter(|| black_box(layout_and_svg(&register, view)));
        });
    }
    let sample = sample_register();
    group.bench_function("sample structure, A4 PNG at 300 dpi", |b| {
        b.iter(|| {
            let Ok(view) = find_view(&sample, "LSP structure") else {
                return;
            };
            let diagram = Diagram::build(&sample, view, &BuildOptions::default());
            let picture = scene::diagram_scene(&diagram, scene::caption(&sample, &diagram, date()));
            black_box(export::export(&picture, &a4(), Format::Png { dpi: 300 }).ok());
        });
    });
    group.finish();
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Our crossings: the shown lines as straight segments between the box centres drawn; their
/// mean length; and the lines by node id.
fn our_crossings(diagram: &Diagram) -> (u64, f64, Vec<(String, String)>) {
    let positions: Vec<Point> = diagram
        .nodes
        .iter()
        .map(|n| Point::new(f64::from(n.centre.x), f64::from(n.centre.y)))
        .collect();
    let shown: Vec<_> = diagram
        .edges
        .iter()
        .filter(|e| e.visibility != Visibility::Hidden)
        .collect();
    let edges: Vec<LayoutEdge> = shown
        .iter()
        .map(|e| LayoutEdge::new(e.edge.from, e.edge.to))
        .collect();
    let names = shown
        .iter()
        .map(|e| {
            (
                node_id(diagram.nodes[e.edge.from].node),
                node_id(diagram.nodes[e.edge.to].node),
            )
        })
        .collect();
    (
        count_crossings(&positions, &edges),
        mean_length(&positions, &edges),
        names,
    )
}

/// dot's crossings on the same lines, from the centres in `dot -Tplain`, and its mean line
/// length (points) over the same lines.
fn dot_crossings(plain: &str, lines: &[(String, String)]) -> (u64, f64) {
    let mut index = HashMap::new();
    let mut positions = Vec::new();
    for line in plain.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.first() == Some(&"node") && fields.len() > 3 {
            // -Tplain gives inches; points keep the lengths comparable with ours.
            let (x, y): (f64, f64) = (
                fields[2].parse().unwrap_or(0.0),
                fields[3].parse().unwrap_or(0.0),
            );
            index.insert(fields[1].trim_matches('"').to_string(), positions.len());
            positions.push(Point::new(x * 72.0, -y * 72.0));
        }
    }
    let edges: Vec<LayoutEdge> = lines
        .iter()
        .filter_map(|(a, b)| Some(LayoutEdge::new(*index.get(a)?, *index.get(b)?)))
        .collect();
    (
        count_crossings(&positions, &edges),
        mean_length(&positions, &edges),
    )
}

/// Mean length of the straight lines between centres.
fn mean_length(positions: &[Point], edges: &[LayoutEdge]) -> f64 {
    let total: f64 = edges
        .iter()
        .map(|e| {
            let (a, b) = (positions[e.from], positions[e.to]);
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).sqrt()
        })
        .sum();
    total / edges.len().max(1) as f64
}

/// Mean of the larger side of the shown boxes, in points.
fn mean_box(diagram: &Diagram) -> f64 {
    let shown: Vec<f64> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .map(|n| f64::from(n.width.max(n.height)))
        .collect();
    shown.iter().sum::<f64>() / shown.len().max(1) as f64
}

fn run_dot(format: &str, dot: &str) -> Option<(f64, String)> {
    let start = Instant::now();
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    Some((
        start.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

fn compare_with_graphviz() {
    let runs: usize = std::env::var("DIAGRAM_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    println!(
        "| view | ours: layout + SVG (median) | dot -Tsvg (median) | time ratio | our crossings | dot crossings | crossing ratio | mean line / mean box, ours | same, dot |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, register, view_name) in cases() {
        let Ok(view) = find_view(&register, view_name) else {
            continue;
        };
        let ours = median(
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    black_box(layout_and_svg(&register, view_name));
                    start.elapsed().as_secs_f64()
                })
                .collect(),
        );
        let diagram = Diagram::build(&register, view, &BuildOptions::default());
        let (crossings, our_length, lines) = our_crossings(&diagram);
        let size = mean_box(&diagram);
        let dot = write_graph(&register, &diagram, GraphFormat::Dot);
        let dot_runs = if diagram.nodes.len() > 1000 { 1 } else { 3 };
        let times: Vec<f64> = (0..dot_runs)
            .filter_map(|_| run_dot("svg", &dot).map(|(t, _)| t))
            .collect();
        let dot_time = median(times);
        let (dot_cross, dot_length) = run_dot("plain", &dot)
            .map_or((0, f64::NAN), |(_, plain)| dot_crossings(&plain, &lines));
        println!(
            "| {name} | {:.3} s | {:.3} s | {:.3} | {crossings} | {dot_cross} | {:.2} | {:.1} | {:.1} |",
            ours,
            dot_time,
            ours / dot_time,
            crossings as f64 / dot_cross.max(1) as f64,
            our_length / size,
            dot_length / size,
        );
    }
}

criterion_group!(benches, diagram_benches);

fn main() {
    if std::env::var_os("DIAGRAM_COMPARE").is_some() {
        compare_with_graphviz();
        return;
    }
    benches();
    frames();
    Criterion::default().configure_from_args().final_summary();
}

/// The CPU pass of one frame (UI plus tessellation, no GPU) with a big diagram on screen,
/// fitted to a 1600 x 1000 window: the view `view_name` of a 330-partnership register.
/// (Only the app's public API, so the same file measures older commits too.)
fn frame_bench(c: &mut Criterion, bench_name: &str, view_name: &str) {
    use partnership_atlas::app::AtlasApp;
    use partnership_atlas::document::Document;
    use partnership_atlas::ui::Command;
    let folder = std::env::temp_dir().join(format!(
        "atlas-frame-bench-{}-{}",
        std::process::id(),
        view_name.replace(' ', "-")
    ));
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join("frame.atlas");
    let _ = std::fs::remove_file(&path);
    let register = synthetic_register(330, SEED);
    let Ok(view) = find_view(&register, view_name).map(|v| v.id) else {
        return;
    };
    let Ok(document) = Document::create(&path, register) else {
        return;
    };
    let mut app = AtlasApp::with_document(document, None);
    app.send(Command::ShowDiagramView(view));
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui));
    }
    if let Some(diagram) = app.ui_state().diagram.diagram() {
        eprintln!(
            "{bench_name}: {} nodes, {} lines",
            diagram.nodes.len(),
            diagram.edges.len()
        );
    }
    c.bench_function(bench_name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        });
    });
    let _ = std::fs::remove_dir_all(&folder);
}

fn frame_benches(c: &mut Criterion) {
    frame_bench(
        c,
        "frame: membership network of 330 partnerships (UI + tessellate)",
        "Membership network",
    );
    frame_bench(
        c,
        "frame: structure view of 330 partnerships (UI + tessellate)",
        "LSP structure",
    );
}

criterion_group!(frames, frame_benches);
