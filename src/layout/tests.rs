//! Invariants of the layouts, as examples and as property tests.

use proptest::prelude::*;

use super::geometry::find_overlap;
use super::incremental::Placement;
use super::synthetic::{lsp_structure, membership_network};
use super::*;

fn sizes_of(nodes: &[LayoutNode]) -> Vec<Size> {
    nodes.iter().map(LayoutNode::size).collect()
}

fn edges_of(pairs: &[(usize, usize)]) -> Vec<LayoutEdge> {
    pairs.iter().map(|&(a, b)| LayoutEdge::new(a, b)).collect()
}

/// Checks the structure invariants: no overlaps, every parent strictly above its child except
/// reversed edges (strictly below), and reversals only where the graph has a cycle.
fn assert_structure_invariants(nodes: &[LayoutNode], edges: &[LayoutEdge], l: &LayeredLayout) {
    let options = LayeredOptions::default();
    assert_eq!(l.positions.len(), nodes.len());
    assert_eq!(
        find_overlap(&l.positions, &sizes_of(nodes), options.node_spacing),
        None
    );
    for (i, e) in edges.iter().enumerate() {
        if e.from == e.to || e.from >= nodes.len() || e.to >= nodes.len() {
            continue;
        }
        let (child, parent) = (l.positions[e.from], l.positions[e.to]);
        if l.reversed[i] {
            assert!(l.layers[e.to] > l.layers[e.from], "reversed edge {e:?}");
            assert!(parent.y > child.y, "reversed edge {e:?} drawn upwards");
        } else {
            assert!(
                l.layers[e.to] < l.layers[e.from],
                "edge {e:?} not downwards"
            );
            assert!(parent.y < child.y, "parent of {e:?} not above its child");
        }
    }
}

fn is_acyclic(n: usize, edges: &[LayoutEdge]) -> bool {
    let mut indeg = vec![0usize; n];
    let mut outs = vec![Vec::new(); n];
    for e in edges {
        if e.from != e.to {
            outs[e.from].push(e.to);
            indeg[e.to] += 1;
        }
    }
    let mut stack: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        for &w in &outs[v] {
            indeg[w] -= 1;
            if indeg[w] == 0 {
                stack.push(w);
            }
        }
    }
    seen == n
}

#[test]
fn the_board_is_on_top_and_children_under_it() {
    // 0 board; 1 executive; 2, 3, 4 themes; 5 sub-group of 2 and 3 (two parents).
    let nodes = vec![LayoutNode::new(120.0, 40.0); 6];
    let edges = edges_of(&[(1, 0), (2, 1), (3, 1), (4, 1), (5, 2), (5, 3)]);
    let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
    assert_eq!(l.layers, vec![0, 1, 2, 2, 2, 3]);
    assert_structure_invariants(&nodes, &edges, &l);
    // The multi-parent sub-group sits between its two parents; the executive over the themes.
    let x = |i: usize| l.positions[i].x;
    assert!(x(5) > x(2).min(x(3)) - 1e-6 && x(5) < x(2).max(x(3)) + 1e-6);
    assert!(x(1) >= x(2).min(x(4)) && x(1) <= x(2).max(x(4)));
    assert_eq!(count_crossings(&l.positions, &edges), 0);
    // Top-left corner at the origin.
    let left = (0..6)
        .map(|i| l.positions[i].x - 60.0)
        .fold(f64::INFINITY, f64::min);
    assert!(left.abs() < 1e-9);
    assert!((l.positions[0].y - 20.0).abs() < 1e-9);
}

#[test]
fn layer_height_follows_the_tallest_box() {
    let nodes = vec![
        LayoutNode::new(100.0, 30.0),
        LayoutNode::new(100.0, 90.0),
        LayoutNode::new(100.0, 30.0),
        LayoutNode::new(100.0, 30.0),
    ];
    let edges = edges_of(&[(1, 0), (2, 0), (3, 1)]);
    let options = LayeredOptions::default();
    let l = layered_layout(&nodes, &edges, &options);
    // Layer 1 is 90 tall: its middle is 30 + gap + 45, and layer 2 starts below it.
    assert!((l.positions[1].y - (30.0 + options.layer_spacing + 45.0)).abs() < 1e-9);
    assert_eq!(l.positions[1].y, l.positions[2].y);
    let expected = 30.0 + options.layer_spacing + 90.0 + options.layer_spacing + 15.0;
    assert!((l.positions[3].y - expected).abs() < 1e-9);
}

#[test]
fn a_cycle_is_broken_and_flagged() {
    let nodes = vec![LayoutNode::new(80.0, 30.0); 3];
    let edges = edges_of(&[(1, 0), (2, 1), (0, 2)]);
    let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
    assert_eq!(l.reversed.iter().filter(|&&r| r).count(), 1);
    assert_structure_invariants(&nodes, &edges, &l);
}

#[test]
fn long_edges_get_bend_points_from_child_to_parent() {
    // 3 reports to 0 directly and through 1 and 2: the direct edge spans two layers.
    let nodes = vec![LayoutNode::new(80.0, 30.0); 4];
    let edges = edges_of(&[(1, 0), (2, 1), (3, 2), (3, 0)]);
    let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
    assert_eq!(l.bends[3].len(), 2);
    assert!(
        l.bends[3][0].y > l.bends[3][1].y,
        "bends go upwards from the child"
    );
    assert!(l.bends[0].is_empty());
}

#[test]
fn components_sit_side_by_side_and_isolated_nodes_are_placed() {
    let nodes = vec![LayoutNode::new(100.0, 40.0); 7];
    let edges = edges_of(&[(1, 0), (2, 0), (4, 3), (5, 3)]);
    let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
    assert_structure_invariants(&nodes, &edges, &l);
    let span = |ids: &[usize]| {
        let lo = ids
            .iter()
            .map(|&i| l.positions[i].x - 50.0)
            .fold(f64::INFINITY, f64::min);
        let hi = ids
            .iter()
            .map(|&i| l.positions[i].x + 50.0)
            .fold(f64::NEG_INFINITY, f64::max);
        (lo, hi)
    };
    let (a, b) = (span(&[0, 1, 2]), span(&[3, 4, 5]));
    assert!(a.1 <= b.0 || b.1 <= a.0, "components overlap horizontally");
    // Both tops aligned.
    assert_eq!(l.positions[0].y, l.positions[3].y);
}

#[test]
fn left_to_right_puts_parents_on_the_left() {
    let nodes = vec![LayoutNode::new(100.0, 40.0); 3];
    let edges = edges_of(&[(1, 0), (2, 0)]);
    let options = LayeredOptions {
        direction: Direction::LeftToRight,
        ..LayeredOptions::default()
    };
    let l = layered_layout(&nodes, &edges, &options);
    assert!(l.positions[0].x < l.positions[1].x);
    assert_eq!(l.positions[1].x, l.positions[2].x);
    assert_eq!(find_overlap(&l.positions, &sizes_of(&nodes), 24.0), None);
}

#[test]
fn relayout_of_a_selection_keeps_the_rest() {
    let g = lsp_structure(80, 3);
    let options = LayeredOptions::default();
    let first = layered_layout(&g.nodes, &g.edges, &options);
    // Pin everything but the last ten nodes, moved somewhere else first.
    let nodes: Vec<LayoutNode> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if i < 70 {
                n.fixed_at(Point::new(
                    first.positions[i].x + 1000.0,
                    first.positions[i].y + 10.0,
                ))
            } else {
                *n
            }
        })
        .collect();
    let l = layered_layout(&nodes, &g.edges, &options);
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = n.fixed {
            assert_eq!(l.positions[i], p);
        }
    }
    assert_eq!(
        find_overlap(&l.positions, &sizes_of(&g.nodes), options.node_spacing),
        None
    );
    // The free nodes follow the pinned ones: same shift as the whole drawing.
    let moved = (70..80)
        .filter(|&i| (l.positions[i].x - first.positions[i].x - 1000.0).abs() < 1e-6)
        .count();
    assert!(
        moved >= 5,
        "only {moved} free nodes kept their place in the layout"
    );
}

#[test]
fn soft_edges_order_the_layers_but_do_not_make_them() {
    // Board 0 over themes 1, 2, 3; 4 is another top body with no formal line, which advises
    // theme 3 (a soft line). The soft line joins the two drawings, and crosses nothing.
    let nodes = vec![LayoutNode::new(80.0, 30.0); 5];
    let hard = edges_of(&[(1, 0), (2, 0), (3, 0)]);
    let soft = edges_of(&[(3, 4)]);
    let options = LayeredOptions::default();
    let plain = layered_layout(&nodes, &hard, &options);
    let l = layered_layout_with_soft_edges(&nodes, &hard, &soft, &options);
    assert_structure_invariants(&nodes, &hard, &l);
    assert_eq!(l.layers, plain.layers, "soft lines make no layers");
    assert_eq!(l.bends.len(), hard.len());
    let all: Vec<LayoutEdge> = hard.iter().chain(&soft).copied().collect();
    assert_eq!(count_crossings(&l.positions, &all), 0, "{:?}", l.positions);
    // 4 sits on the side of theme 3, next to the board.
    let side = |v: usize| l.positions[v].x.total_cmp(&l.positions[0].x);
    assert_eq!(side(4), side(3));
    assert_eq!(
        l,
        layered_layout_with_soft_edges(&nodes, &hard, &soft, &options)
    );
}

#[test]
fn soft_lines_cross_less_when_the_layout_knows_them() {
    // A synthetic structure plus advice lines between partnerships far apart in the tree.
    let g = lsp_structure(80, 1);
    let n = g.nodes.len();
    let soft: Vec<LayoutEdge> = (0..n)
        .step_by(7)
        .map(|i| LayoutEdge::new(i, (i * 13 + 5) % n))
        .collect();
    let all: Vec<LayoutEdge> = g.edges.iter().chain(&soft).copied().collect();
    let options = LayeredOptions::default();
    let blind = layered_layout(&g.nodes, &g.edges, &options);
    let aware = layered_layout_with_soft_edges(&g.nodes, &g.edges, &soft, &options);
    assert_structure_invariants(&g.nodes, &g.edges, &aware);
    assert_eq!(aware.layers, blind.layers);
    let (b, a) = (
        count_crossings(&blind.positions, &all),
        count_crossings(&aware.positions, &all),
    );
    assert!(a < b, "aware {a}, blind {b}");
}

#[test]
fn synthetic_lsp_structures_keep_the_invariants() {
    for (n, seed) in [(80, 1), (200, 2), (500, 3)] {
        let g = lsp_structure(n, seed);
        let l = layered_layout(&g.nodes, &g.edges, &LayeredOptions::default());
        assert_structure_invariants(&g.nodes, &g.edges, &l);
        // Cycles only from the deliberate ones: at most one reversed edge per 80 partnerships.
        assert!(l.reversed.iter().filter(|&&r| r).count() <= n / 80);
    }
}

#[test]
fn membership_network_force_layout_has_no_overlap() {
    let g = membership_network(40, 80, false, 5);
    let options = ForceOptions::default();
    let p = force_layout(&g.nodes, &g.edges, &options);
    assert_eq!(
        find_overlap(&p, &sizes_of(&g.nodes), options.node_spacing),
        None
    );
    assert_eq!(p, force_layout(&g.nodes, &g.edges, &options));
    let other_seed = ForceOptions {
        seed: 99,
        ..options
    };
    assert_ne!(p, force_layout(&g.nodes, &g.edges, &other_seed));
}

#[test]
fn empty_and_single_inputs() {
    let l = layered_layout(&[], &[], &LayeredOptions::default());
    assert!(l.positions.is_empty());
    assert!(force_layout(&[], &[], &ForceOptions::default()).is_empty());
    assert!(place_new_nodes(&[], &[], &PlaceOptions::default()).is_empty());
    let one = [LayoutNode::new(50.0, 20.0)];
    let bad = [LayoutEdge::new(0, 0), LayoutEdge::new(0, 7)];
    let l = layered_layout(&one, &bad, &LayeredOptions::default());
    assert_eq!(l.positions, vec![Point::new(25.0, 10.0)]);
    assert_eq!(l.bends, vec![Vec::<Point>::new(); 2]);
    // Bad sizes count as zero rather than poisoning the layout.
    let odd = [LayoutNode::new(f64::NAN, -5.0), LayoutNode::new(40.0, 20.0)];
    let l = layered_layout(&odd, &[LayoutEdge::new(0, 1)], &LayeredOptions::default());
    assert!(
        l.positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite())
    );
}

/// A brute-force crossing count to check the sweep against.
fn brute_force_crossings(positions: &[Point], edges: &[LayoutEdge]) -> u64 {
    let mut segs: Vec<(usize, usize)> = edges
        .iter()
        .filter(|e| e.from != e.to)
        .map(|e| (e.from.min(e.to), e.from.max(e.to)))
        .collect();
    segs.sort_unstable();
    segs.dedup();
    let mut count = 0;
    for i in 0..segs.len() {
        for j in i + 1..segs.len() {
            let (a, b) = segs[i];
            let (c, d) = segs[j];
            if a == c || a == d || b == c || b == d {
                continue;
            }
            if crossings::segments_cross(positions[a], positions[b], positions[c], positions[d]) {
                count += 1;
            }
        }
    }
    count
}

/// Random graphs: box sizes and edges (which may contain cycles, self-loops and duplicates).
fn graph_strategy() -> impl Strategy<Value = (Vec<LayoutNode>, Vec<LayoutEdge>)> {
    (1usize..36).prop_flat_map(|n| {
        (
            prop::collection::vec((8.0f64..220.0, 8.0f64..90.0), n),
            prop::collection::vec((0..n, 0..n), 0..(3 * n)),
        )
            .prop_map(|(sizes, pairs)| {
                (
                    sizes
                        .into_iter()
                        .map(|(w, h)| LayoutNode::new(w, h))
                        .collect(),
                    edges_of(&pairs),
                )
            })
    })
}

/// Random acyclic graphs: every edge goes from a higher index (child) to a lower (parent).
fn dag_strategy() -> impl Strategy<Value = (Vec<LayoutNode>, Vec<LayoutEdge>)> {
    graph_strategy().prop_map(|(nodes, edges)| {
        let edges = edges
            .into_iter()
            .filter(|e| e.from != e.to)
            .map(|e| LayoutEdge::new(e.from.max(e.to), e.from.min(e.to)))
            .collect();
        (nodes, edges)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn layered_has_no_overlaps_and_edges_go_down((nodes, edges) in graph_strategy()) {
        let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
        assert_structure_invariants(&nodes, &edges, &l);
    }

    #[test]
    fn layered_with_soft_edges_keeps_the_invariants(
        (nodes, edges) in graph_strategy(),
        soft_pairs in prop::collection::vec((0usize..40, 0usize..40), 0..30),
    ) {
        // Soft edges may be out of range, self-loops, or duplicate hard ones: all are handled.
        let soft = edges_of(&soft_pairs);
        let options = LayeredOptions::default();
        let l = layered_layout_with_soft_edges(&nodes, &edges, &soft, &options);
        assert_structure_invariants(&nodes, &edges, &l);
        prop_assert_eq!(
            &l,
            &layered_layout_with_soft_edges(&nodes, &edges, &soft, &options)
        );
    }

    #[test]
    fn layered_reverses_nothing_in_a_dag((nodes, edges) in dag_strategy()) {
        prop_assert!(is_acyclic(nodes.len(), &edges));
        let l = layered_layout(&nodes, &edges, &LayeredOptions::default());
        prop_assert!(l.reversed.iter().all(|&r| !r));
        assert_structure_invariants(&nodes, &edges, &l);
    }

    #[test]
    fn layered_is_deterministic((nodes, edges) in graph_strategy()) {
        let options = LayeredOptions::default();
        prop_assert_eq!(layered_layout(&nodes, &edges, &options), layered_layout(&nodes, &edges, &options));
    }

    #[test]
    fn layered_pinned_nodes_do_not_move(
        (nodes, edges) in graph_strategy(),
        pins in prop::collection::vec(any::<bool>(), 36),
        shift in -500.0f64..500.0,
    ) {
        let options = LayeredOptions::default();
        let first = layered_layout(&nodes, &edges, &options);
        let pinned: Vec<LayoutNode> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| if pins[i] { n.fixed_at(Point::new(first.positions[i].x + shift, first.positions[i].y)) } else { *n })
            .collect();
        let l = layered_layout(&pinned, &edges, &options);
        for (i, n) in pinned.iter().enumerate() {
            if let Some(p) = n.fixed {
                prop_assert_eq!(l.positions[i], p);
            }
        }
        // The pins come from a layout without overlaps, so the result has none either.
        prop_assert_eq!(find_overlap(&l.positions, &sizes_of(&nodes), options.node_spacing), None);
        prop_assert_eq!(&l, &layered_layout(&pinned, &edges, &options));
    }

    #[test]
    fn place_new_nodes_never_moves_existing_ones(
        (nodes, edges) in graph_strategy(),
        keep in prop::collection::vec(any::<bool>(), 36),
        near in any::<bool>(),
    ) {
        let first = layered_layout(&nodes, &edges, &LayeredOptions::default());
        let partial: Vec<LayoutNode> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| if keep[i] { n.fixed_at(first.positions[i]) } else { *n })
            .collect();
        let options = PlaceOptions {
            placement: if near { Placement::Near } else { Placement::Layered },
            ..PlaceOptions::default()
        };
        let placed = place_new_nodes(&partial, &edges, &options);
        for (i, n) in partial.iter().enumerate() {
            if let Some(p) = n.fixed {
                prop_assert_eq!(placed[i], p);
            }
        }
        prop_assert_eq!(find_overlap(&placed, &sizes_of(&nodes), options.node_spacing), None);
        prop_assert_eq!(&placed, &place_new_nodes(&partial, &edges, &options));
    }

    #[test]
    fn force_has_no_overlaps_keeps_pins_and_repeats(
        (nodes, edges) in graph_strategy(),
        pins in prop::collection::vec(any::<bool>(), 36),
    ) {
        let options = ForceOptions { iterations: 60, ..ForceOptions::default() };
        let first = force_layout(&nodes, &edges, &options);
        prop_assert_eq!(find_overlap(&first, &sizes_of(&nodes), options.node_spacing), None);
        let pinned: Vec<LayoutNode> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| if pins[i] { n.fixed_at(first[i]) } else { *n })
            .collect();
        let again = force_layout(&pinned, &edges, &options);
        for (i, n) in pinned.iter().enumerate() {
            if let Some(p) = n.fixed {
                prop_assert_eq!(again[i], p);
            }
        }
        prop_assert_eq!(find_overlap(&again, &sizes_of(&nodes), options.node_spacing), None);
        prop_assert_eq!(&again, &force_layout(&pinned, &edges, &options));
    }

    #[test]
    fn crossing_count_matches_brute_force(
        points in prop::collection::vec((-100i32..100, -100i32..100), 2..30),
        pairs in prop::collection::vec((0usize..30, 0usize..30), 0..60),
    ) {
        let positions: Vec<Point> = points.iter().map(|&(x, y)| Point::new(x as f64, y as f64)).collect();
        let edges: Vec<LayoutEdge> = pairs
            .iter()
            .map(|&(a, b)| LayoutEdge::new(a % positions.len(), b % positions.len()))
            .collect();
        prop_assert_eq!(count_crossings(&positions, &edges), brute_force_crossings(&positions, &edges));
    }
}

/// A board with `children` partnerships under it, some with sub-groups of their own.
fn wide_structure(children: usize, sizes: &[(f64, f64)]) -> (Vec<LayoutNode>, Vec<LayoutEdge>) {
    let mut nodes = vec![LayoutNode::new(110.0, 38.0)];
    let mut edges = Vec::new();
    for c in 0..children {
        let (w, h) = sizes[c % sizes.len().max(1)];
        nodes.push(LayoutNode::new(w, h));
        edges.push(LayoutEdge::new(c + 1, 0));
    }
    for c in (0..children).step_by(3) {
        nodes.push(LayoutNode::new(120.0, 50.0));
        edges.push(LayoutEdge::new(nodes.len() - 1, c + 1));
    }
    (nodes, edges)
}

fn drawing_size(nodes: &[LayoutNode], l: &LayeredLayout) -> (f64, f64) {
    let (mut left, mut right, mut top, mut bottom) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (p, n) in l.positions.iter().zip(nodes) {
        let s = n.size();
        left = left.min(p.x - s.width / 2.0);
        right = right.max(p.x + s.width / 2.0);
        top = top.min(p.y - s.height / 2.0);
        bottom = bottom.max(p.y + s.height / 2.0);
    }
    (right - left, bottom - top)
}

#[test]
fn a_layer_too_wide_for_the_page_is_wrapped_into_rows_nearer_the_page_shape() {
    let (nodes, edges) = wide_structure(24, &[(130.0, 60.0), (110.0, 38.0), (150.0, 90.0)]);
    let flat = layered_layout(&nodes, &edges, &LayeredOptions::default());
    let paged_options = LayeredOptions {
        page_aspect: Some(2.0),
        ..LayeredOptions::default()
    };
    let paged = layered_layout(&nodes, &edges, &paged_options);
    assert_structure_invariants(&nodes, &edges, &paged);
    let (fw, fh) = drawing_size(&nodes, &flat);
    let (pw, ph) = drawing_size(&nodes, &paged);
    assert!(fw / fh > 4.0, "the flat drawing is a strip: {fw} x {fh}");
    assert!(
        pw / ph < fw / fh / 2.0,
        "wrapped {pw} x {ph} against {fw} x {fh}"
    );
    // On a page of aspect 2 the wrapped drawing prints larger.
    let scale = |w: f64, h: f64| (2.0 / w).min(1.0 / h);
    assert!(scale(pw, ph) > 1.3 * scale(fw, fh));
    // The partnerships' rows lie between the board and the sub-groups.
    let rows: std::collections::BTreeSet<usize> = (1..=24).map(|v| paged.layers[v]).collect();
    assert!(rows.len() >= 2, "{rows:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn wrapped_layers_keep_parents_above_children_and_never_overlap(
        (nodes, edges) in graph_strategy(),
        aspect in 0.5f64..3.0,
    ) {
        let options = LayeredOptions { page_aspect: Some(aspect), ..LayeredOptions::default() };
        let l = layered_layout(&nodes, &edges, &options);
        assert_structure_invariants(&nodes, &edges, &l);
        prop_assert_eq!(&l, &layered_layout(&nodes, &edges, &options));
    }

    #[test]
    fn wide_structures_wrap_without_overlap_or_upward_lines(
        children in 2usize..60,
        sizes in prop::collection::vec((40.0f64..200.0, 20.0f64..220.0), 1..6),
        aspect in 0.5f64..3.0,
    ) {
        let (nodes, edges) = wide_structure(children, &sizes);
        let options = LayeredOptions { page_aspect: Some(aspect), ..LayeredOptions::default() };
        let l = layered_layout(&nodes, &edges, &options);
        assert_structure_invariants(&nodes, &edges, &l);
    }
}
