//! Layout benchmarks (DESIGN.md section 9) on the synthetic LSP graphs of
//! `partnership_atlas::layout::synthetic`: the layered layout of structures of 80, 500 and 2,000
//! partnerships and of 80 partnerships with 200 organisations, and the force layout of the
//! membership network of 500 partnerships and 1,000 organisations.
//!
//! `cargo bench --bench layout` times them with criterion. With `LAYOUT_COMPARE=1` it instead
//! prints, for each graph, the median time and the crossings (straight segments between box
//! centres) of our layout beside Graphviz `dot` on the same graph with the same box sizes, and
//! the ratios; `benches/compare_graphviz.sh` runs that.

use std::hint::black_box;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use partnership_atlas::layout::synthetic::{SyntheticGraph, lsp_structure, membership_network};
use partnership_atlas::layout::{
    ForceOptions, LayeredOptions, Point, count_crossings, force_layout, layered_layout,
};

const SEED: u64 = 7;

fn graphs() -> Vec<(&'static str, SyntheticGraph, bool)> {
    vec![
        ("structure 80", lsp_structure(80, SEED), false),
        ("structure 500", lsp_structure(500, SEED), false),
        ("structure 2000", lsp_structure(2000, SEED), false),
        (
            "structure 80 + 200 organisations",
            membership_network(80, 200, true, SEED),
            false,
        ),
        (
            "membership 500 + 1000 (force)",
            membership_network(500, 1000, false, SEED),
            true,
        ),
    ]
}

fn layout_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, g, force) in graphs() {
        group.bench_function(name, |b| {
            b.iter(|| {
                if force {
                    black_box(force_layout(&g.nodes, &g.edges, &ForceOptions::default()));
                } else {
                    black_box(layered_layout(
                        &g.nodes,
                        &g.edges,
                        &LayeredOptions::default(),
                    ));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, layout_benches);

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(0.0)
}

/// Our layout: median seconds over `runs`, and crossings.
fn ours(g: &SyntheticGraph, force: bool, runs: usize) -> (f64, u64) {
    let mut times = Vec::new();
    let mut positions = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        positions = if force {
            force_layout(&g.nodes, &g.edges, &ForceOptions::default())
        } else {
            layered_layout(&g.nodes, &g.edges, &LayeredOptions::default()).positions
        };
        times.push(start.elapsed().as_secs_f64());
    }
    (median(times), count_crossings(&positions, &g.edges))
}

/// The graph as DOT: boxes of the same size (inches), parents above children, same spacing.
fn to_dot(g: &SyntheticGraph) -> String {
    let options = LayeredOptions::default();
    let mut dot = format!(
        "digraph G {{\n  nodesep={:.3}; ranksep={:.3};\n  node [shape=box, fixedsize=true, label=\"\"];\n",
        options.node_spacing / 72.0,
        options.layer_spacing / 72.0
    );
    for (i, n) in g.nodes.iter().enumerate() {
        dot.push_str(&format!(
            "  n{i} [width={:.3}, height={:.3}];\n",
            n.width / 72.0,
            n.height / 72.0
        ));
    }
    for e in &g.edges {
        dot.push_str(&format!("  n{} -> n{};\n", e.to, e.from));
    }
    dot.push_str("}\n");
    dot
}

/// Graphviz `dot -Tsvg` on the graph: median seconds, and crossings from `dot -Tplain`.
fn graphviz(g: &SyntheticGraph, runs: usize) -> Option<(f64, u64)> {
    let mut file = tempfile::NamedTempFile::new().ok()?;
    file.write_all(to_dot(g).as_bytes()).ok()?;
    let path = file.path();
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("dot").arg("-Tsvg").arg(path).output().ok()?;
        times.push(start.elapsed().as_secs_f64());
        if !out.status.success() {
            return None;
        }
    }
    let plain = Command::new("dot").arg("-Tplain").arg(path).output().ok()?;
    let mut positions = vec![Point::default(); g.nodes.len()];
    for line in String::from_utf8_lossy(&plain.stdout).lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let ["node", name, x, y, ..] = fields.as_slice() {
            let index: Option<usize> = name.strip_prefix('n').and_then(|i| i.parse().ok());
            if let (Some(i), Ok(x), Ok(y)) = (index, x.parse::<f64>(), y.parse::<f64>())
                && let Some(p) = positions.get_mut(i)
            {
                *p = Point::new(x * 72.0, -y * 72.0);
            }
        }
    }
    Some((median(times), count_crossings(&positions, &g.edges)))
}

fn compare_with_graphviz() {
    let runs: usize = std::env::var("LAYOUT_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    println!(
        "{:<34} {:>6} {:>6} | {:>9} {:>9} | {:>9} {:>9} | {:>7} {:>7}",
        "graph", "nodes", "edges", "ours s", "crossings", "dot s", "crossings", "time", "cross"
    );
    for (name, g, force) in graphs() {
        let (t, c) = ours(&g, force, runs);
        let dot_runs = if g.nodes.len() > 1000 { 1 } else { runs.min(3) };
        match graphviz(&g, dot_runs) {
            Some((dt, dc)) => println!(
                "{name:<34} {:>6} {:>6} | {t:>9.4} {c:>9} | {dt:>9.4} {dc:>9} | {:>7.3} {:>7.3}",
                g.nodes.len(),
                g.edges.len(),
                t / dt.max(1e-9),
                c as f64 / (dc as f64).max(1.0)
            ),
            None => println!(
                "{name:<34} {:>6} {:>6} | {t:>9.4} {c:>9} | (dot not available)",
                g.nodes.len(),
                g.edges.len()
            ),
        }
    }
}

fn main() {
    if std::env::var_os("LAYOUT_COMPARE").is_some() {
        compare_with_graphviz();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
