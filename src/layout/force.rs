//! Force-directed layout for the membership network (organisations and partnerships).
//!
//! Leaves first: a free node with exactly one neighbour (an organisation that belongs to one
//! partnership, or a partnership with one member) is taken out, and its neighbour becomes its
//! hub. The rest, the core, is laid out by Fruchterman–Reingold forces (edges pull with `d²/k`,
//! every pair pushes apart with `k²/d`, `k` the ideal edge length) plus a pull towards the centre
//! so that disconnected parts stay near. A hub pushes and is pushed as if it weighed one more
//! for each of its leaves, so busy partnerships keep apart with room round them. The all-pairs
//! push is approximated with a Barnes–Hut quadtree (cells far enough away act as one body, with
//! their total weight), so an iteration costs O(n log n). Moves are capped by a temperature that
//! cools linearly. Then each hub's leaves go evenly round an ellipse close to it (sized to the
//! leaf boxes), starting half a step from the direction of its other lines, instead of at the
//! ends of long spikes; directions come from [`super::geometry::turn`], not `sin`/`cos`.
//!
//! Then overlaps are removed: overlapping boxes (with the spacing) are pushed apart along the axis
//! of least overlap for a number of passes, and any box still overlapping is moved to the nearest
//! free place, so no two boxes overlap in the result.
//!
//! On the membership network of the synthetic 500-partnership register (about 1,500 nodes and
//! 3,000 lines; `print_membership_view_measures` in the layout tests) this took the crossings
//! from 22,689 to about 20,000 and the mean line from 11.2 to 5.1 times the mean box size; the
//! drawing covers a quarter of the area it did. The old version scaled the whole drawing up (up
//! to 4 times) to clear overlaps, which is what made the lines long.
//!
//! Deterministic: the starting positions come from a small seeded generator (SplitMix64), every
//! loop runs in index order, and the quadtree is built the same way each time. Fixed nodes never
//! move but still push and pull the others.

use serde::{Deserialize, Serialize};

use super::geometry::{Point, Size, boxes_overlap};
use super::incremental::{Obstacles, nearest_free_spot};
use super::pack::pack_in_rows;
use super::{LayoutEdge, LayoutNode, clean_edges, components};

/// Settings for [`force_layout`]. Distances are in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ForceOptions {
    /// Minimum gap between two boxes in the result.
    pub node_spacing: f64,
    /// Ideal distance between the centres of two joined nodes; 0 or less picks one from the box
    /// sizes.
    pub edge_length: f64,
    /// Number of force iterations.
    pub iterations: usize,
    /// Seed of the starting positions: the same seed gives the same layout.
    pub seed: u64,
    /// Barnes–Hut opening angle: larger is faster and rougher (0.5–1.2 are sensible).
    pub theta: f64,
    /// Strength of the pull towards the centre, relative to the edge forces.
    pub gravity: f64,
}

impl Default for ForceOptions {
    fn default() -> Self {
        Self {
            node_spacing: 16.0,
            edge_length: 0.0,
            iterations: 150,
            seed: 0x5eed_a71a5,
            theta: 1.0,
            gravity: 0.2,
        }
    }
}

/// Force-directed positions (box centres) for all nodes; fixed nodes keep theirs; no two boxes
/// come closer than `node_spacing`. Edge direction is ignored. Same input, same output.
///
/// Each connected component is laid out on its own and the components are packed side by side,
/// largest first (so partnerships with no members sit in rows beside the network instead of
/// being flung to its edges). Components that hold a fixed node are laid out together around
/// the fixed nodes; the others are packed to the right of them.
pub fn force_layout(
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    options: &ForceOptions,
) -> Vec<Point> {
    let n = nodes.len();
    let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
    let gap = options.node_spacing.max(0.0);
    let k = if options.edge_length > 0.0 {
        options.edge_length
    } else {
        let mean = sizes.iter().map(|s| s.width.max(s.height)).sum::<f64>() / n.max(1) as f64;
        (mean + gap).max(1.0)
    };
    let clean = clean_edges(n, edges);
    let groups = components(n, &clean);
    let mut positions: Vec<Point> = nodes
        .iter()
        .map(|node| node.fixed.unwrap_or_default())
        .collect();

    // Local index of every node within its group.
    let mut local = vec![0usize; n];
    let mut anchored: Vec<usize> = Vec::new();
    let mut free_groups: Vec<&Vec<usize>> = Vec::new();
    for group in &groups {
        if group.iter().any(|&v| nodes[v].fixed.is_some()) {
            anchored.extend(group.iter().copied());
        } else {
            free_groups.push(group);
        }
    }
    anchored.sort_unstable();
    // Every line belongs to one group (groups are connected parts, or the anchored ones
    // together): bucket the lines by group once, so each group's pairs are found without
    // scanning every line of the picture again.
    let mut group_of = vec![usize::MAX; n];
    for &v in &anchored {
        group_of[v] = 0;
    }
    for (index, members) in free_groups.iter().enumerate() {
        for &v in members.iter() {
            group_of[v] = index + 1;
        }
    }
    let mut lines_of_group: Vec<Vec<&LayoutEdge>> = vec![Vec::new(); free_groups.len() + 1];
    for edge in &clean {
        if let Some(lines) = group_of
            .get(edge.from)
            .and_then(|&g| lines_of_group.get_mut(g))
        {
            lines.push(edge);
        }
    }
    let group_pairs =
        |members: &[usize], lines: &[&LayoutEdge], local: &mut [usize]| -> Vec<(usize, usize)> {
            for (i, &v) in members.iter().enumerate() {
                local[v] = i;
            }
            lines
                .iter()
                .map(|e| {
                    (
                        local[e.from].min(local[e.to]),
                        local[e.from].max(local[e.to]),
                    )
                })
                .collect()
        };

    let mut bounds: Option<(Point, Point)> = None;
    if !anchored.is_empty() {
        let pairs = group_pairs(&anchored, &lines_of_group[0], &mut local);
        let group_sizes: Vec<Size> = anchored.iter().map(|&v| sizes[v]).collect();
        let group_fixed: Vec<Option<Point>> = anchored.iter().map(|&v| nodes[v].fixed).collect();
        let placed = layout_group(&group_sizes, &group_fixed, &pairs, k, gap, options, 0);
        for (&v, p) in anchored.iter().zip(placed) {
            positions[v] = p;
        }
        bounds = extent(anchored.iter().map(|&v| (positions[v], sizes[v])));
    }

    let mut drawings: Vec<(Vec<Point>, Size)> = Vec::with_capacity(free_groups.len());
    for (index, members) in free_groups.iter().enumerate() {
        let pairs = group_pairs(members, &lines_of_group[index + 1], &mut local);
        let group_sizes: Vec<Size> = members.iter().map(|&v| sizes[v]).collect();
        let free = vec![None; members.len()];
        let mut placed = layout_group(
            &group_sizes,
            &free,
            &pairs,
            k,
            gap,
            options,
            index as u64 + 1,
        );
        let (lo, hi) =
            extent(placed.iter().copied().zip(group_sizes.iter().copied())).unwrap_or_default();
        for p in placed.iter_mut() {
            p.x -= lo.x;
            p.y -= lo.y;
        }
        drawings.push((placed, Size::new(hi.x - lo.x, hi.y - lo.y)));
    }
    let corners = pack_in_rows(&drawings.iter().map(|d| d.1).collect::<Vec<_>>(), 2.0 * gap);
    let origin = bounds.map_or(Point::default(), |(lo, hi)| {
        Point::new(hi.x + 3.0 * gap, lo.y)
    });
    for ((members, (placed, _)), corner) in free_groups.iter().zip(&drawings).zip(&corners) {
        for (&v, p) in members.iter().zip(placed) {
            positions[v] = Point::new(p.x + corner.x + origin.x, p.y + corner.y + origin.y);
        }
    }
    positions
}

/// Top-left and bottom-right corners of a set of boxes given by centre and size.
fn extent(boxes: impl Iterator<Item = (Point, Size)>) -> Option<(Point, Point)> {
    let mut result: Option<(Point, Point)> = None;
    for (c, s) in boxes {
        let (lo, hi) = result.get_or_insert((c, c));
        lo.x = lo.x.min(c.x - s.width / 2.0);
        lo.y = lo.y.min(c.y - s.height / 2.0);
        hi.x = hi.x.max(c.x + s.width / 2.0);
        hi.y = hi.y.max(c.y + s.height / 2.0);
    }
    result
}

/// Forces then overlap removal for one group of nodes (local indices); fixed ones stay.
fn layout_group(
    sizes: &[Size],
    fixed_at: &[Option<Point>],
    pairs: &[(usize, usize)],
    k: f64,
    gap: f64,
    options: &ForceOptions,
    salt: u64,
) -> Vec<Point> {
    let m = sizes.len();
    let side = (m as f64).sqrt() * k;
    let mut rng = super::rng::SplitMix64(options.seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    // Free nodes start in a square around the fixed ones' centre (or the origin).
    let fixed_points: Vec<Point> = fixed_at.iter().flatten().copied().collect();
    let (cx, cy) = if fixed_points.is_empty() {
        (side / 2.0, side / 2.0)
    } else {
        centroid(&fixed_points)
    };
    let mut pos: Vec<Point> = fixed_at
        .iter()
        .map(|f| {
            let random = Point::new(
                cx + (rng.unit() - 0.5) * side,
                cy + (rng.unit() - 0.5) * side,
            );
            f.unwrap_or(random)
        })
        .collect();
    let fixed: Vec<bool> = fixed_at.iter().map(Option::is_some).collect();
    if m > 1 && fixed.iter().any(|&f| !f) {
        let hub = leaf_hubs(m, pairs, &fixed);
        let mut leaves: Vec<Vec<usize>> = vec![Vec::new(); m];
        for (v, h) in hub.iter().enumerate() {
            if let Some(h) = h {
                leaves[*h].push(v);
            }
        }
        // The core: every node that is not a leaf, by local index.
        let core: Vec<usize> = (0..m).filter(|&v| hub[v].is_none()).collect();
        let mut core_index = vec![usize::MAX; m];
        for (i, &v) in core.iter().enumerate() {
            core_index[v] = i;
        }
        let core_pairs: Vec<(usize, usize)> = pairs
            .iter()
            .filter(|&&(a, b)| hub[a].is_none() && hub[b].is_none())
            .map(|&(a, b)| (core_index[a], core_index[b]))
            .collect();
        let rings: Vec<Ring> = (0..m)
            .map(|v| Ring::new(sizes, v, &leaves[v], gap))
            .collect();
        let mass: Vec<f64> = core
            .iter()
            .map(|&v| 1.0 + LEAF_MASS * leaves[v].len() as f64)
            .collect();
        let mut core_pos: Vec<Point> = core.iter().map(|&v| pos[v]).collect();
        let core_fixed: Vec<bool> = core.iter().map(|&v| fixed[v]).collect();
        simulate(
            &mut core_pos,
            &core_fixed,
            &core_pairs,
            &mass,
            k,
            side,
            options,
        );
        for (&v, p) in core.iter().zip(&core_pos) {
            pos[v] = *p;
        }
        place_rings(&mut pos, &core_pairs, &core, &core_index, &leaves, &rings);
        remove_overlaps(&mut pos, sizes, &fixed, gap);
    }
    pos
}

/// How much a leaf adds to its hub's push on the others (a hub with a ring of ten leaves
/// pushes like eleven nodes): busy partnerships keep their distance, with room for the ring.
const LEAF_MASS: f64 = 1.0;

/// For each node of one group, the hub it hangs from if it is a free leaf: exactly one
/// neighbour, which has others (so a lone pair stays a pair). Leaves are not simulated; they are
/// put in a ring around their hub afterwards, close to it, so an organisation that belongs to
/// one partnership sits next to that partnership instead of at the end of a long spike.
fn leaf_hubs(m: usize, pairs: &[(usize, usize)], fixed: &[bool]) -> Vec<Option<usize>> {
    let mut degree = vec![0usize; m];
    let mut neighbour = vec![0usize; m];
    for &(a, b) in pairs {
        degree[a] += 1;
        degree[b] += 1;
        neighbour[a] = b;
        neighbour[b] = a;
    }
    (0..m)
        .map(|v| {
            let h = neighbour[v];
            (degree[v] == 1 && !fixed[v] && degree[h] > 1).then_some(h)
        })
        .collect()
}

/// The ring of leaves around a hub: an ellipse through the leaves' centres, with radii in
/// proportion to the largest leaf box so that boxes are spaced evenly all round.
#[derive(Clone, Copy, Default)]
struct Ring {
    rx: f64,
    ry: f64,
}

impl Ring {
    fn new(sizes: &[Size], hub: usize, leaves: &[usize], gap: f64) -> Self {
        if leaves.is_empty() {
            return Self::default();
        }
        let w = leaves.iter().map(|&l| sizes[l].width).fold(0.0, f64::max) + gap;
        let h = leaves.iter().map(|&l| sizes[l].height).fold(0.0, f64::max) + gap;
        // In units of one leaf cell: clear of the hub's box corner, and room for every leaf
        // round the circumference.
        let (hx, hy) = (
            (sizes[hub].width + gap) / 2.0 / w + 0.5,
            (sizes[hub].height + gap) / 2.0 / h + 0.5,
        );
        let clear = super::geometry::length(hx, hy);
        let around = leaves.len() as f64 * 1.2 / (2.0 * std::f64::consts::PI);
        let rho = clear.max(around);
        Self {
            rx: rho * w,
            ry: rho * h,
        }
    }
}

/// Puts each hub's leaves evenly round its ring, in index order, starting half a step from the
/// direction of the hub's other neighbours so that those lines leave between two leaves.
fn place_rings(
    pos: &mut [Point],
    core_pairs: &[(usize, usize)],
    core: &[usize],
    core_index: &[usize],
    leaves: &[Vec<usize>],
    rings: &[Ring],
) {
    let mut towards = vec![(0.0, 0.0); core.len()];
    for &(a, b) in core_pairs {
        let (pa, pb) = (pos[core[a]], pos[core[b]]);
        towards[a].0 += pb.x - pa.x;
        towards[a].1 += pb.y - pa.y;
        towards[b].0 += pa.x - pb.x;
        towards[b].1 += pa.y - pb.y;
    }
    for (h, ring_leaves) in leaves.iter().enumerate() {
        if ring_leaves.is_empty() || core_index[h] == usize::MAX {
            continue;
        }
        let (tx, ty) = towards[core_index[h]];
        let len = super::geometry::length(tx, ty);
        let (bx, by) = if len > 0.0 {
            (tx / len, ty / len)
        } else {
            (1.0, 0.0)
        };
        let count = ring_leaves.len() as f64;
        let centre = pos[h];
        for (i, &leaf) in ring_leaves.iter().enumerate() {
            let (c, s) = super::geometry::turn((i as f64 + 0.5) / count);
            let (dx, dy) = (bx * c - by * s, bx * s + by * c);
            pos[leaf] = Point::new(centre.x + dx * rings[h].rx, centre.y + dy * rings[h].ry);
        }
    }
}

/// The force iterations. A node of mass `m` pushes and is pushed `m` times as hard.
fn simulate(
    pos: &mut [Point],
    fixed: &[bool],
    pairs: &[(usize, usize)],
    mass: &[f64],
    k: f64,
    side: f64,
    options: &ForceOptions,
) {
    let n = pos.len();
    let k2 = k * k;
    let theta = options.theta.clamp(0.1, 2.0);
    let iterations = options.iterations.max(1);
    let start_temperature = side / 8.0 + k;
    let mut disp = vec![Point::default(); n];
    let mut tree = QuadTree::default();
    for it in 0..iterations {
        let temperature = start_temperature * (1.0 - it as f64 / iterations as f64) + k * 0.01;
        tree.build(pos, mass);
        let (cx, cy) = centroid(pos);
        for v in 0..n {
            disp[v] = if fixed[v] {
                Point::default()
            } else {
                let r = tree.repulsion(pos, mass, v, theta);
                let g = options.gravity.max(0.0);
                Point::new(
                    r.x * k2 * mass[v] - g * (pos[v].x - cx),
                    r.y * k2 * mass[v] - g * (pos[v].y - cy),
                )
            };
        }
        for &(a, b) in pairs {
            let dx = pos[a].x - pos[b].x;
            let dy = pos[a].y - pos[b].y;
            let d = super::geometry::length(dx, dy).max(1e-6);
            let f = d / k; // (d² / k) / d
            disp[a].x -= dx * f;
            disp[a].y -= dy * f;
            disp[b].x += dx * f;
            disp[b].y += dy * f;
        }
        for v in 0..n {
            if fixed[v] {
                continue;
            }
            let len = super::geometry::length(disp[v].x, disp[v].y);
            if len > 0.0 {
                let step = len.min(temperature) / len;
                pos[v].x += disp[v].x * step;
                pos[v].y += disp[v].y * step;
            }
        }
    }
}

fn centroid(pos: &[Point]) -> (f64, f64) {
    let n = pos.len().max(1) as f64;
    (
        pos.iter().map(|p| p.x).sum::<f64>() / n,
        pos.iter().map(|p| p.y).sum::<f64>() / n,
    )
}

/// Removes every overlap (boxes closer than `gap`) while keeping the picture's shape:
/// overlapping pairs are pushed apart along the axis where they overlap least, a few passes, and
/// any box still overlapping is moved to the nearest free place. Fixed nodes never move. (The
/// whole drawing is not scaled up first: that made every line four times as long.)
pub(super) fn remove_overlaps(pos: &mut [Point], sizes: &[Size], fixed: &[bool], gap: f64) {
    let n = pos.len();
    let mut order: Vec<usize> = (0..n).collect();
    for _pass in 0..30 {
        sort_by_left(&mut order, pos, sizes);
        let mut any = false;
        for (idx, &i) in order.iter().enumerate() {
            for &j in &order[idx + 1..] {
                if pos[j].x - sizes[j].width / 2.0 >= pos[i].x + sizes[i].width / 2.0 + gap {
                    break;
                }
                if (fixed[i] && fixed[j]) || !boxes_overlap(pos[i], sizes[i], pos[j], sizes[j], gap)
                {
                    continue;
                }
                any = true;
                let dx = pos[j].x - pos[i].x;
                let dy = pos[j].y - pos[i].y;
                let ox = (sizes[i].width + sizes[j].width) / 2.0 + gap - dx.abs();
                let oy = (sizes[i].height + sizes[j].height) / 2.0 + gap - dy.abs();
                // Which way j goes relative to i; coincident centres split by index.
                let sx = if dx > 0.0 || (dx == 0.0 && j > i) {
                    1.0
                } else {
                    -1.0
                };
                let sy = if dy > 0.0 || (dy == 0.0 && j > i) {
                    1.0
                } else {
                    -1.0
                };
                let (mx, my) = if ox <= oy {
                    (sx * ox, 0.0)
                } else {
                    (0.0, sy * oy)
                };
                let (share_i, share_j) = match (fixed[i], fixed[j]) {
                    (true, _) => (0.0, 1.0),
                    (_, true) => (1.0, 0.0),
                    _ => (0.5, 0.5),
                };
                pos[i].x -= mx * share_i;
                pos[i].y -= my * share_i;
                pos[j].x += mx * share_j;
                pos[j].y += my * share_j;
            }
        }
        if !any {
            return;
        }
    }
    // Whatever still overlaps goes to the nearest free place: fixed nodes first, then by index.
    let mut settled = Obstacles::default();
    for v in (0..n).filter(|&v| fixed[v]) {
        settled.push(pos[v], sizes[v]);
    }
    for v in (0..n).filter(|&v| !fixed[v]) {
        if settled.overlaps_any(pos[v], sizes[v], gap) {
            let step = (sizes[v].height + gap) / 2.0;
            pos[v] = nearest_free_spot(&settled, pos[v], sizes[v], gap, Some(step));
        }
        settled.push(pos[v], sizes[v]);
    }
}

/// Sorts node indices by the left edge of their box, then by index.
fn sort_by_left(order: &mut [usize], pos: &[Point], sizes: &[Size]) {
    order.sort_by(|&a, &b| {
        let la = pos[a].x - sizes[a].width / 2.0;
        let lb = pos[b].x - sizes[b].width / 2.0;
        la.total_cmp(&lb).then(a.cmp(&b))
    });
}

/// A Barnes–Hut quadtree over the current positions, rebuilt every iteration.
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
    items: Vec<usize>,
    scratch: Vec<usize>,
}

/// One square of the quadtree: its centre of mass and either children or a run of items.
#[derive(Clone, Copy)]
struct Cell {
    mass_x: f64,
    mass_y: f64,
    mass: f64,
    size: f64,
    children: [u32; 4],
    first: u32,
    count: u32,
}

const LEAF_SIZE: usize = 8;
const NO_CHILD: u32 = u32::MAX;

impl QuadTree {
    fn build(&mut self, pos: &[Point], mass: &[f64]) {
        self.cells.clear();
        self.items.clear();
        self.items.extend(0..pos.len());
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for p in pos {
            lo_x = lo_x.min(p.x);
            lo_y = lo_y.min(p.y);
            hi_x = hi_x.max(p.x);
            hi_y = hi_y.max(p.y);
        }
        let half = ((hi_x - lo_x).max(hi_y - lo_y) / 2.0).max(1e-3);
        let centre = Point::new((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
        self.build_cell(pos, mass, 0, pos.len(), centre, half, 0);
    }

    /// Builds the cell for `items[first..first + count]`; returns its index.
    #[allow(clippy::too_many_arguments)]
    fn build_cell(
        &mut self,
        pos: &[Point],
        mass: &[f64],
        first: usize,
        count: usize,
        centre: Point,
        half: f64,
        depth: u32,
    ) -> u32 {
        let index = self.cells.len() as u32;
        let (mut mx, mut my, mut total) = (0.0, 0.0, 0.0);
        for &v in &self.items[first..first + count] {
            mx += mass[v] * pos[v].x;
            my += mass[v] * pos[v].y;
            total += mass[v];
        }
        let total = if total > 0.0 { total } else { 1.0 };
        self.cells.push(Cell {
            mass_x: mx / total,
            mass_y: my / total,
            mass: total,
            size: 2.0 * half,
            children: [NO_CHILD; 4],
            first: first as u32,
            count: count as u32,
        });
        if count <= LEAF_SIZE || depth >= 32 {
            return index;
        }
        // Stable partition into quadrants: 0 = left top, 1 = right top, 2 = left bottom, 3 = right bottom.
        let quadrant = |p: Point| usize::from(p.x >= centre.x) + 2 * usize::from(p.y >= centre.y);
        let mut counts = [0usize; 4];
        for &v in &self.items[first..first + count] {
            counts[quadrant(pos[v])] += 1;
        }
        self.scratch.clear();
        for q in 0..4 {
            self.scratch.extend(
                self.items[first..first + count]
                    .iter()
                    .copied()
                    .filter(|&v| quadrant(pos[v]) == q),
            );
        }
        self.items[first..first + count].copy_from_slice(&self.scratch);
        let mut start = first;
        let quarter = half / 2.0;
        for (q, &c) in counts.iter().enumerate() {
            if c > 0 {
                let cx = centre.x + if q % 2 == 1 { quarter } else { -quarter };
                let cy = centre.y + if q >= 2 { quarter } else { -quarter };
                let child =
                    self.build_cell(pos, mass, start, c, Point::new(cx, cy), quarter, depth + 1);
                self.cells[index as usize].children[q] = child;
            }
            start += c;
        }
        index
    }

    /// Σ over other nodes of m_u (p_v − p_u) / d², i.e. the unit repulsion divided by d, with far
    /// cells taken as one body. Multiply by k² for the Fruchterman–Reingold force.
    fn repulsion(&self, pos: &[Point], mass: &[f64], v: usize, theta: f64) -> Point {
        let p = pos[v];
        let mut force = Point::default();
        let mut stack: Vec<u32> = vec![0];
        while let Some(c) = stack.pop() {
            let Some(cell) = self.cells.get(c as usize) else {
                continue;
            };
            let is_leaf = cell.children.iter().all(|&ch| ch == NO_CHILD);
            if !is_leaf {
                let dx = p.x - cell.mass_x;
                let dy = p.y - cell.mass_y;
                let d2 = dx * dx + dy * dy;
                if cell.size * cell.size < theta * theta * d2 {
                    force.x += cell.mass * dx / d2;
                    force.y += cell.mass * dy / d2;
                } else {
                    stack.extend(cell.children.iter().copied().filter(|&ch| ch != NO_CHILD));
                }
                continue;
            }
            let first = cell.first as usize;
            for &u in &self.items[first..first + cell.count as usize] {
                if u == v {
                    continue;
                }
                let mut dx = p.x - pos[u].x;
                let mut dy = p.y - pos[u].y;
                if dx == 0.0 && dy == 0.0 {
                    // Same place: part them along a direction fixed by the pair.
                    let (ux, uy) =
                        super::geometry::EIGHT_DIRECTIONS[v.wrapping_mul(31).wrapping_add(u) % 8];
                    dx = ux * 1e-3;
                    dy = uy * 1e-3;
                }
                let d2 = (dx * dx + dy * dy).max(1e-6);
                force.x += mass[u] * dx / d2;
                force.y += mass[u] * dy / d2;
            }
        }
        force
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::find_overlap;

    #[test]
    fn force_layout_has_no_overlaps_and_is_repeatable() {
        let nodes: Vec<LayoutNode> = (0..60)
            .map(|i| LayoutNode::new(60.0 + (i % 7) as f64 * 10.0, 30.0))
            .collect();
        let edges: Vec<LayoutEdge> = (10..60)
            .flat_map(|i| [LayoutEdge::new(i, i % 10), LayoutEdge::new(i, (i * 7) % 10)])
            .collect();
        let options = ForceOptions::default();
        let a = force_layout(&nodes, &edges, &options);
        let b = force_layout(&nodes, &edges, &options);
        assert_eq!(a, b);
        let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
        assert_eq!(find_overlap(&a, &sizes, options.node_spacing), None);
    }

    #[test]
    fn leaves_hang_from_their_hub_and_pairs_stay_pairs() {
        // 0-1-2 a path (1 is core, 0 and 2 leaves of 1); 3-4 a lone pair; 5 fixed with one line.
        let pairs = [(0, 1), (1, 2), (3, 4), (5, 1)];
        let mut fixed = vec![false; 6];
        assert_eq!(
            leaf_hubs(6, &pairs, &fixed),
            vec![Some(1), None, Some(1), None, None, Some(1)]
        );
        fixed[5] = true;
        assert_eq!(leaf_hubs(6, &pairs, &fixed)[5], None);
    }

    #[test]
    fn organisations_of_one_partnership_sit_close_round_it() {
        // Four partnerships in a ring, joined by shared members 4..8; each partnership also has
        // six organisations of its own (leaves).
        let mut nodes: Vec<LayoutNode> = (0..8).map(|_| LayoutNode::new(110.0, 40.0)).collect();
        let mut edges: Vec<LayoutEdge> = (0..4)
            .flat_map(|p| {
                [
                    LayoutEdge::new(4 + p, p),
                    LayoutEdge::new(4 + p, (p + 1) % 4),
                ]
            })
            .collect();
        for p in 0..4 {
            for _ in 0..6 {
                edges.push(LayoutEdge::new(nodes.len(), p));
                nodes.push(LayoutNode::new(120.0, 40.0));
            }
        }
        let options = ForceOptions::default();
        let pos = force_layout(&nodes, &edges, &options);
        let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
        assert_eq!(find_overlap(&pos, &sizes, options.node_spacing), None);
        for e in &edges[8..] {
            let (a, b) = (pos[e.from], pos[e.to]);
            let d = crate::layout::geometry::length(a.x - b.x, a.y - b.y);
            assert!(d < 400.0, "leaf {} is {d:.0} from its partnership", e.from);
        }
    }

    #[test]
    fn fixed_nodes_stay_in_the_force_layout() {
        let mut nodes: Vec<LayoutNode> = (0..20).map(|_| LayoutNode::new(50.0, 20.0)).collect();
        nodes[3] = nodes[3].fixed_at(Point::new(-500.0, 42.5));
        let edges: Vec<LayoutEdge> = (1..20).map(|i| LayoutEdge::new(i, 3)).collect();
        let positions = force_layout(&nodes, &edges, &ForceOptions::default());
        assert_eq!(positions[3], Point::new(-500.0, 42.5));
    }
}
