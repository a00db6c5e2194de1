//! Layered (Sugiyama) layout for structure views: the board at the top, sub-groups below.
//!
//! Each weakly connected component is laid out on its own, in four phases:
//!
//! 1. `cycles`: break cycles by reversing a greedy feedback arc set (Eades–Lin–Smyth).
//! 2. `layering`: layers with every parent above its children (longest path, then a descent
//!    that shortens long edges); `wrap` splits a layer too wide for the page into rows.
//! 3. `ordering`: long edges become chains of dummy nodes, one per layer crossed; the order
//!    within layers minimises crossings (median and barycentre sweeps with transposition from
//!    several starts, keeping the best order seen, then sifting). Soft edges
//!    ([`layered_layout_with_soft_edges`]: advice lines in a structure view) join in here as
//!    dummy chains, though they made no layers, so the lines drawn for them cross few others.
//! 4. `coordinates`: x by a constrained quadratic optimisation that respects each box's real
//!    width and never lets two boxes overlap; each layer is as tall as its tallest box.
//!
//! The components (joined by hard or soft edges) are then packed side by side
//! ([`super::pack`]), largest first: they never interleave.
//!
//! Fixed nodes ("Re-layout selection", pins): the whole graph is laid out as if nothing were
//! fixed, so that the free nodes keep the arrangement the layout would give them; the free part
//! is then moved by the mean offset between where the layout put the fixed nodes next to them and
//! where those fixed nodes really are; finally any free node that would overlap a box is slid
//! along its row to the nearest free place. Fixed nodes never move.

mod coordinates;
mod cycles;
mod layering;
mod ordering;
mod wrap;

use serde::{Deserialize, Serialize};

use super::geometry::{Point, Size};
use super::incremental::{Obstacles, nearest_free_spot};
use super::pack::pack_in_rows;
use super::{LayoutEdge, LayoutNode, clean_edges, components};

/// Which way the layers run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Direction {
    /// Parents above children (the LSP board at the top). The default.
    #[default]
    TopDown,
    /// Parents to the left of children.
    LeftToRight,
}

/// Settings for [`layered_layout`]. Distances are in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayeredOptions {
    /// Minimum gap between two boxes in the same layer.
    pub node_spacing: f64,
    /// Gap between the bottom of the tallest box of a layer and the top of the next layer.
    pub layer_spacing: f64,
    /// Gap between the drawings of disconnected components.
    pub component_spacing: f64,
    /// Which way the layers run.
    pub direction: Direction,
    /// Keep every node with no parent on the top layer (county boards beside the LSP board)
    /// rather than just above its children.
    pub roots_on_top: bool,
    /// Upper bound on crossing-minimisation sweeps per heuristic (each sweep is one pass down
    /// or up the layers). More sweeps can only lower the crossings.
    pub max_sweeps: usize,
    /// Iterations of the coordinate optimisation (each is one pass down and one up).
    pub coordinate_iterations: usize,
    /// The shape of the page the drawing is for (width over height): a layer that would make
    /// the drawing wider than that is wrapped into rows (see `wrap`). `None`: never wrap.
    #[serde(default)]
    pub page_aspect: Option<f64>,
}

impl Default for LayeredOptions {
    fn default() -> Self {
        Self {
            node_spacing: 24.0,
            layer_spacing: 56.0,
            component_spacing: 48.0,
            direction: Direction::TopDown,
            roots_on_top: true,
            max_sweeps: 24,
            coordinate_iterations: 24,
            page_aspect: None,
        }
    }
}

/// The result of [`layered_layout`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LayeredLayout {
    /// Centre of each node's box, by node index.
    pub positions: Vec<Point>,
    /// Layer of each node within its component, 0 at the top (parents have smaller layers).
    pub layers: Vec<usize>,
    /// For each input edge, by index, the bend points (the places of its dummy nodes) in order
    /// from `from` to `to`, for drawing the edge as a polyline or spline. Empty for edges
    /// between adjacent layers, for ignored edges, and for edges next to a node whose place
    /// came from fixing rather than from the layout.
    pub bends: Vec<Vec<Point>>,
    /// For each input edge, whether it was reversed to break a cycle: such an edge is drawn with
    /// its parent (`to`) below its child.
    pub reversed: Vec<bool>,
}

/// Layered layout of the nodes and edges (`from` child → `to` parent, parent drawn above).
///
/// Nodes with [`LayoutNode::fixed`] keep their position exactly; the others are laid out around
/// them (see the module documentation). With no fixed node the drawing's top-left corner is at
/// `(0, 0)`. Same input, same output.
pub fn layered_layout(
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    options: &LayeredOptions,
) -> LayeredLayout {
    layered_layout_with_soft_edges(nodes, edges, &[], options)
}

/// [`layered_layout`] with `soft` edges as well: lines that are drawn (advice, information,
/// commissioning) but do not make layers. A soft edge puts no node above another and is never
/// reversed; it only takes part in crossing minimisation (as a chain of dummy nodes when its ends
/// are on different layers, as Graphviz does with `constraint=false`), so that the lines drawn
/// for it cross as few others as the hard ones do. Soft edges get no bend points: they are drawn
/// straight. Soft edges that duplicate a hard edge are ignored.
pub fn layered_layout_with_soft_edges(
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    soft: &[LayoutEdge],
    options: &LayeredOptions,
) -> LayeredLayout {
    let transposed = options.direction == Direction::LeftToRight;
    let flip = |p: Point| if transposed { Point::new(p.y, p.x) } else { p };
    let sizes: Vec<Size> = nodes
        .iter()
        .map(|node| {
            let s = node.size();
            if transposed {
                Size::new(s.height, s.width)
            } else {
                s
            }
        })
        .collect();
    let fixed: Vec<Option<Point>> = nodes.iter().map(|node| node.fixed.map(flip)).collect();

    let mut layout = free_layout(&sizes, edges, soft, options);
    if fixed.iter().any(Option::is_some) {
        apply_fixed(&mut layout, &sizes, edges, &fixed, options);
    }
    if transposed {
        for p in layout.positions.iter_mut() {
            *p = flip(*p);
        }
        for bend in layout.bends.iter_mut().flatten() {
            *bend = flip(*bend);
        }
    }
    layout
}

/// The proper layered graph of one component: real nodes `0..n_real`, then dummies; every edge
/// joins adjacent layers.
pub(super) struct Proper {
    layer: Vec<usize>,
    width: Vec<f64>,
    /// Neighbours on the layer above, hard edges first (see `hard_up`).
    up: Vec<Vec<usize>>,
    /// Neighbours on the layer below, hard edges first (see `hard_down`).
    down: Vec<Vec<usize>>,
    /// How many of `up[v]` are hard edges (the rest come from soft edges).
    hard_up: Vec<usize>,
    /// How many of `down[v]` are hard edges.
    hard_down: Vec<usize>,
    /// For each dummy (`v - n_real`), the real nodes at the top and bottom of its chain.
    chain_ends: Vec<(usize, usize)>,
    n_real: usize,
    layer_count: usize,
}

impl Proper {
    /// An empty proper graph over `n` real nodes on the given layers.
    fn new(layer: Vec<usize>, width: Vec<f64>) -> Self {
        let n = layer.len();
        let layer_count = layer.iter().copied().max().map_or(0, |m| m + 1);
        Self {
            layer,
            width,
            up: vec![Vec::new(); n],
            down: vec![Vec::new(); n],
            hard_up: vec![0; n],
            hard_down: vec![0; n],
            chain_ends: Vec::new(),
            n_real: n,
            layer_count,
        }
    }

    fn is_dummy(&self, v: usize) -> bool {
        v >= self.n_real
    }

    /// Joins `upper` to `lower` (on a lower layer) by a chain of dummies, one per layer in
    /// between; returns the dummies from the top. Hard edges must all be added before soft ones.
    fn add_chain(&mut self, upper: usize, lower: usize, hard: bool) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut prev = upper;
        for k in self.layer[upper] + 1..self.layer[lower] {
            let d = self.layer.len();
            self.layer.push(k);
            self.width.push(0.0);
            self.up.push(Vec::new());
            self.down.push(Vec::new());
            self.hard_up.push(0);
            self.hard_down.push(0);
            self.chain_ends.push((upper, lower));
            self.link(prev, d, hard);
            chain.push(d);
            prev = d;
        }
        self.link(prev, lower, hard);
        chain
    }

    fn link(&mut self, upper: usize, lower: usize, hard: bool) {
        self.down[upper].push(lower);
        self.up[lower].push(upper);
        if hard {
            self.hard_down[upper] += 1;
            self.hard_up[lower] += 1;
        }
    }
}

/// One component's drawing, in local coordinates with its top-left corner at `(0, 0)`.
struct ComponentLayout {
    centres: Vec<Point>,
    layer: Vec<usize>,
    /// Bends per local edge, from the upper end to the lower end.
    bends: Vec<Vec<Point>>,
    reversed: Vec<bool>,
    size: Size,
}

/// Layout ignoring fixed positions: components laid out and packed.
fn free_layout(
    sizes: &[Size],
    edges: &[LayoutEdge],
    soft: &[LayoutEdge],
    options: &LayeredOptions,
) -> LayeredLayout {
    let n = sizes.len();
    let clean = clean_edges(n, edges);
    // Soft edges as unordered pairs, less those that a hard edge already joins.
    let mut hard_pairs: Vec<(usize, usize)> = clean
        .iter()
        .map(|e| (e.from.min(e.to), e.from.max(e.to)))
        .collect();
    hard_pairs.sort_unstable();
    let mut soft_pairs: Vec<(usize, usize)> = clean_edges(n, soft)
        .iter()
        .map(|e| (e.from.min(e.to), e.from.max(e.to)))
        .filter(|p| hard_pairs.binary_search(p).is_err())
        .collect();
    soft_pairs.sort_unstable();
    soft_pairs.dedup();
    // Components joined by either kind of edge, so that a soft line's ends are ordered together.
    let joined: Vec<LayoutEdge> = clean
        .iter()
        .copied()
        .chain(soft_pairs.iter().map(|&(a, b)| LayoutEdge::new(a, b)))
        .collect();
    let components = components(n, &joined);

    let mut result = LayeredLayout {
        positions: vec![Point::default(); n],
        layers: vec![0; n],
        bends: vec![Vec::new(); edges.len()],
        reversed: vec![false; edges.len()],
    };
    // Local index of each node within its component.
    let mut local = vec![0usize; n];
    for members in &components {
        for (i, &v) in members.iter().enumerate() {
            local[v] = i;
        }
    }
    let mut component_of = vec![0usize; n];
    for (c, members) in components.iter().enumerate() {
        for &v in members {
            component_of[v] = c;
        }
    }
    let mut component_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); components.len()];
    // For each cleaned edge, its index within its component's edge list.
    let mut clean_local = Vec::with_capacity(clean.len());
    for e in &clean {
        // Upper end is the parent.
        let list = &mut component_edges[component_of[e.to]];
        clean_local.push(list.len());
        list.push((local[e.to], local[e.from]));
    }
    let mut component_soft: Vec<Vec<(usize, usize)>> = vec![Vec::new(); components.len()];
    for &(a, b) in &soft_pairs {
        component_soft[component_of[a]].push((local[a], local[b]));
    }

    let drawings: Vec<ComponentLayout> = components
        .iter()
        .zip(&component_edges)
        .zip(&component_soft)
        .map(|((members, cedges), csoft)| {
            let csizes: Vec<Size> = members.iter().map(|&v| sizes[v]).collect();
            layout_component(&csizes, cedges, csoft, options)
        })
        .collect();
    let corners = pack_in_rows(
        &drawings.iter().map(|d| d.size).collect::<Vec<_>>(),
        options.component_spacing,
    );

    for ((members, drawing), corner) in components.iter().zip(&drawings).zip(&corners) {
        for (i, &v) in members.iter().enumerate() {
            let c = drawing.centres[i];
            result.positions[v] = Point::new(c.x + corner.x, c.y + corner.y);
            result.layers[v] = drawing.layer[i];
        }
    }
    // Bends and reversal per input edge, looked up through the cleaned edge list.
    for (index, e) in edges.iter().enumerate() {
        let Ok(k) = clean.binary_search(e) else {
            continue;
        };
        let c = component_of[e.to];
        let position = clean_local[k];
        let drawing = &drawings[c];
        let corner = corners[c];
        let reversed = drawing.reversed[position];
        let mut bends: Vec<Point> = drawing.bends[position]
            .iter()
            .map(|p| Point::new(p.x + corner.x, p.y + corner.y))
            .collect();
        // Stored from the upper end (the parent, unless reversed) down; output from `from`.
        if !reversed {
            bends.reverse();
        }
        result.bends[index] = bends;
        result.reversed[index] = reversed;
    }
    result
}

/// Lays out one connected component with hard edges `(upper, lower)` and soft edges (either
/// way round) in local indices.
fn layout_component(
    sizes: &[Size],
    edges: &[(usize, usize)],
    soft: &[(usize, usize)],
    options: &LayeredOptions,
) -> ComponentLayout {
    let n = sizes.len();
    let reversed = cycles::edges_to_reverse(n, edges);
    let dag: Vec<(usize, usize)> = edges
        .iter()
        .zip(&reversed)
        .map(|(&(u, l), &r)| if r { (l, u) } else { (u, l) })
        .collect();
    let mut layer = layering::assign_layers(n, &dag, options.roots_on_top);
    if let Some(aspect) = options.page_aspect {
        let spacing = wrap::Spacing {
            node: options.node_spacing.max(0.0),
            layer: options.layer_spacing.max(0.0),
        };
        layer = wrap::wrap_layers(&layer, sizes, &dag, aspect, &spacing);
    }
    let layer_count = layer.iter().copied().max().map_or(0, |m| m + 1);

    // The proper graph: chains of dummies for edges longer than one layer; hard edges first.
    let mut g = Proper::new(layer.clone(), sizes.iter().map(|s| s.width).collect());
    let chains: Vec<Vec<usize>> = dag.iter().map(|&(u, l)| g.add_chain(u, l, true)).collect();
    for &(a, b) in soft {
        // Soft edges on one layer have no place in a layered sweep; they are drawn straight.
        match layer[a].cmp(&layer[b]) {
            std::cmp::Ordering::Less => {
                g.add_chain(a, b, false);
            }
            std::cmp::Ordering::Greater => {
                g.add_chain(b, a, false);
            }
            std::cmp::Ordering::Equal => {}
        }
    }

    let order = ordering::order_layers(&g, options.max_sweeps);
    let x = coordinates::assign_x(
        &g,
        &order,
        options.node_spacing.max(0.0),
        options.coordinate_iterations,
    );

    // Layer heights from the tallest real box; y is the middle of the layer's band.
    let mut heights = vec![0.0_f64; layer_count];
    for (v, s) in sizes.iter().enumerate() {
        heights[layer[v]] = heights[layer[v]].max(s.height);
    }
    let mut middle = vec![0.0; layer_count];
    let mut top = 0.0;
    for k in 0..layer_count {
        middle[k] = top + heights[k] / 2.0;
        top += heights[k] + options.layer_spacing.max(0.0);
    }
    let bottom = (top - options.layer_spacing.max(0.0)).max(0.0);

    let left = (0..g.layer.len())
        .map(|v| x[v] - g.width[v] / 2.0)
        .fold(f64::INFINITY, f64::min);
    let right = (0..g.layer.len())
        .map(|v| x[v] + g.width[v] / 2.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let left = if left.is_finite() { left } else { 0.0 };
    let at = |v: usize| Point::new(x[v] - left, middle[g.layer[v]]);

    ComponentLayout {
        centres: (0..n).map(at).collect(),
        layer,
        bends: chains
            .iter()
            .map(|chain| chain.iter().map(|&d| at(d)).collect())
            .collect(),
        reversed,
        size: Size::new((right - left).max(0.0), bottom),
    }
}

/// Moves the free nodes of a free layout next to the fixed ones (see the module docs).
fn apply_fixed(
    layout: &mut LayeredLayout,
    sizes: &[Size],
    edges: &[LayoutEdge],
    fixed: &[Option<Point>],
    options: &LayeredOptions,
) {
    let n = sizes.len();
    let clean = clean_edges(n, edges);
    let is_fixed = |v: usize| fixed[v].is_some();
    // Fixed nodes next to a free node say where the free part belongs; failing any, all do.
    let mut anchors: Vec<usize> = clean
        .iter()
        .flat_map(|e| [(e.from, e.to), (e.to, e.from)])
        .filter(|&(a, b)| is_fixed(a) && !is_fixed(b))
        .map(|(a, _)| a)
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    if anchors.is_empty() {
        anchors = (0..n).filter(|&v| is_fixed(v)).collect();
    }
    let (mut dx, mut dy) = (0.0, 0.0);
    for &a in &anchors {
        if let Some(p) = fixed[a] {
            dx += p.x - layout.positions[a].x;
            dy += p.y - layout.positions[a].y;
        }
    }
    let count = anchors.len().max(1) as f64;
    let (dx, dy) = (dx / count, dy / count);

    let mut obstacles = Obstacles::default();
    for v in 0..n {
        if let Some(p) = fixed[v] {
            obstacles.push(p, sizes[v]);
        }
    }
    // Free nodes row by row, left to right.
    let mut free: Vec<usize> = (0..n).filter(|&v| !is_fixed(v)).collect();
    free.sort_by(|&a, &b| {
        let (pa, pb) = (layout.positions[a], layout.positions[b]);
        pa.y.total_cmp(&pb.y)
            .then(pa.x.total_cmp(&pb.x))
            .then(a.cmp(&b))
    });
    let mut displaced = vec![false; n];
    for &v in &free {
        let target = Point::new(layout.positions[v].x + dx, layout.positions[v].y + dy);
        let spot = nearest_free_spot(&obstacles, target, sizes[v], options.node_spacing, None);
        displaced[v] = spot != target;
        layout.positions[v] = spot;
        obstacles.push(spot, sizes[v]);
    }
    for (position, pin) in layout.positions.iter_mut().zip(fixed) {
        if let Some(p) = pin {
            *position = *p;
        }
    }
    for (index, e) in edges.iter().enumerate() {
        let keep = e.from < n
            && e.to < n
            && !is_fixed(e.from)
            && !is_fixed(e.to)
            && !displaced[e.from]
            && !displaced[e.to];
        if keep {
            for bend in layout.bends[index].iter_mut() {
                bend.x += dx;
                bend.y += dy;
            }
        } else {
            layout.bends[index].clear();
        }
    }
}
