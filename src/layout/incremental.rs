//! Placing new nodes without moving the nodes already placed.
//!
//! "Adding a partnership places it without moving the others": every node with a
//! [`LayoutNode::fixed`] position keeps it, bit for bit; each node without one is put near its
//! placed neighbours at the nearest place where its box (plus the spacing) overlaps nothing.
//!
//! New nodes are taken in order of how many placed neighbours they have (most first, then by
//! index), so a new partnership with a new sub-group is placed first under its parent, and the
//! sub-group under it. Where a node goes:
//!
//! * [`Placement::Layered`] (structure views): below its placed parents (centred under them, one
//!   layer gap under the lowest), else above its placed children, else to the right of the
//!   drawing, top-aligned; then slid along that row to the nearest free place, so rows stay rows.
//! * [`Placement::Near`] (the membership network): at the centre of its placed neighbours, then
//!   moved to the nearest free place, searching rows above and below as well.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use serde::{Deserialize, Serialize};

use super::geometry::{Point, Size, boxes_overlap};
use super::{LayoutEdge, LayoutNode, clean_edges};

/// Where [`place_new_nodes`] puts a node relative to its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Placement {
    /// Below parents / above children, sliding along the row: for layered structure views.
    #[default]
    Layered,
    /// Amid its neighbours, nearest free place in any direction: for force-directed views.
    Near,
}

/// Settings for [`place_new_nodes`]. Distances are in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlaceOptions {
    /// Minimum gap kept between a new box and any other box.
    pub node_spacing: f64,
    /// Vertical gap between a parent's box and a new child's box ([`Placement::Layered`]).
    pub layer_spacing: f64,
    /// How new nodes are placed.
    pub placement: Placement,
}

impl Default for PlaceOptions {
    fn default() -> Self {
        Self {
            node_spacing: 24.0,
            layer_spacing: 56.0,
            placement: Placement::Layered,
        }
    }
}

/// Positions (box centres) for all nodes: fixed nodes exactly where they are, the others placed
/// near their neighbours with no overlap (see the module documentation). Deterministic.
pub fn place_new_nodes(
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    options: &PlaceOptions,
) -> Vec<Point> {
    let n = nodes.len();
    let gap = options.node_spacing.max(0.0);
    let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
    let mut placed: Vec<Option<Point>> = nodes.iter().map(|node| node.fixed).collect();
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in clean_edges(n, edges) {
        parents[e.from].push(e.to);
        children[e.to].push(e.from);
    }

    let mut obstacles = Obstacles::default();
    for (v, p) in placed.iter().enumerate() {
        if let Some(p) = p {
            obstacles.push(*p, sizes[v]);
        }
    }

    // Most placed neighbours first; stale heap entries are skipped.
    let mut placed_neighbours = vec![0usize; n];
    for v in 0..n {
        if placed[v].is_none() {
            placed_neighbours[v] = parents[v]
                .iter()
                .chain(&children[v])
                .filter(|&&w| placed[w].is_some())
                .count();
        }
    }
    let mut heap: BinaryHeap<(usize, Reverse<usize>)> = (0..n)
        .filter(|&v| placed[v].is_none())
        .map(|v| (placed_neighbours[v], Reverse(v)))
        .collect();

    while let Some((count, Reverse(v))) = heap.pop() {
        if placed[v].is_some() || count != placed_neighbours[v] {
            continue;
        }
        let size = sizes[v];
        let spot = match options.placement {
            Placement::Layered => {
                let target = layered_target(
                    v, size, &parents, &children, &placed, &sizes, &obstacles, options,
                );
                nearest_free_spot(&obstacles, target, size, gap, None)
            }
            Placement::Near => {
                let target = near_target(v, size, &parents, &children, &placed, &obstacles, gap);
                let step = (size.height + gap) / 2.0;
                nearest_free_spot(&obstacles, target, size, gap, Some(step))
            }
        };
        placed[v] = Some(spot);
        obstacles.push(spot, size);
        for &w in parents[v].iter().chain(&children[v]) {
            if placed[w].is_none() {
                placed_neighbours[w] += 1;
                heap.push((placed_neighbours[w], Reverse(w)));
            }
        }
    }
    placed.into_iter().map(Option::unwrap_or_default).collect()
}

/// Where a node would go in a structure view before avoiding overlaps.
#[allow(clippy::too_many_arguments)]
fn layered_target(
    v: usize,
    size: Size,
    parents: &[Vec<usize>],
    children: &[Vec<usize>],
    placed: &[Option<Point>],
    sizes: &[Size],
    obstacles: &Obstacles,
    options: &PlaceOptions,
) -> Point {
    let above: Vec<(Point, Size)> = parents[v]
        .iter()
        .filter_map(|&p| placed[p].map(|pt| (pt, sizes[p])))
        .collect();
    if !above.is_empty() {
        let x = above.iter().map(|(p, _)| p.x).sum::<f64>() / above.len() as f64;
        let bottom = above
            .iter()
            .map(|(p, s)| p.y + s.height / 2.0)
            .fold(f64::NEG_INFINITY, f64::max);
        return Point::new(x, bottom + options.layer_spacing + size.height / 2.0);
    }
    let below: Vec<(Point, Size)> = children[v]
        .iter()
        .filter_map(|&c| placed[c].map(|pt| (pt, sizes[c])))
        .collect();
    if !below.is_empty() {
        let x = below.iter().map(|(p, _)| p.x).sum::<f64>() / below.len() as f64;
        let top = below
            .iter()
            .map(|(p, s)| p.y - s.height / 2.0)
            .fold(f64::INFINITY, f64::min);
        return Point::new(x, top - options.layer_spacing - size.height / 2.0);
    }
    beside_everything(obstacles, size, options.node_spacing)
}

/// Where a node would go in a force-directed view before avoiding overlaps.
fn near_target(
    v: usize,
    size: Size,
    parents: &[Vec<usize>],
    children: &[Vec<usize>],
    placed: &[Option<Point>],
    obstacles: &Obstacles,
    gap: f64,
) -> Point {
    let near: Vec<Point> = parents[v]
        .iter()
        .chain(&children[v])
        .filter_map(|&w| placed[w])
        .collect();
    if near.is_empty() {
        return beside_everything(obstacles, size, gap);
    }
    let k = near.len() as f64;
    Point::new(
        near.iter().map(|p| p.x).sum::<f64>() / k,
        near.iter().map(|p| p.y).sum::<f64>() / k,
    )
}

/// To the right of everything placed, top-aligned; or at the origin when nothing is placed.
fn beside_everything(obstacles: &Obstacles, size: Size, gap: f64) -> Point {
    match obstacles.bounds() {
        Some((left_top, right_bottom)) => Point::new(
            right_bottom.x + 2.0 * gap + size.width / 2.0,
            left_top.y + size.height / 2.0,
        ),
        None => Point::new(size.width / 2.0, size.height / 2.0),
    }
}

/// Boxes already placed, which a new box must keep clear of. They are also filed in bands
/// of height by centre, so a question about one height looks only at the boxes near it: a
/// picture of 30,000 boxes asks thousands of such questions.
#[derive(Debug, Default, Clone)]
pub(super) struct Obstacles {
    centres: Vec<Point>,
    sizes: Vec<Size>,
    bands: BTreeMap<i64, Vec<usize>>,
    tallest: f64,
}

/// The height of one band of [`Obstacles`], in points (about two rows of boxes).
const BAND_HEIGHT: f64 = 64.0;

fn band(y: f64) -> i64 {
    (y / BAND_HEIGHT).floor() as i64
}

impl Obstacles {
    /// Adds a box.
    pub(super) fn push(&mut self, centre: Point, size: Size) {
        self.bands
            .entry(band(centre.y))
            .or_default()
            .push(self.centres.len());
        self.centres.push(centre);
        self.sizes.push(size);
        self.tallest = self.tallest.max(size.height);
    }

    /// The boxes whose centres are within `reach` of height `y` (and some a band further).
    fn near(&self, y: f64, reach: f64) -> impl Iterator<Item = (Point, Size)> + '_ {
        let reach = if reach.is_finite() {
            reach
        } else {
            f64::MAX / 4.0
        };
        let (low, high) = (band(y - reach), band(y + reach));
        self.bands
            .range(low.min(high)..=high.max(low))
            .flat_map(|(_, boxes)| boxes.iter())
            .map(|&i| (self.centres[i], self.sizes[i]))
    }

    /// How far from a box of height `height` another's centre can be, up or down, and still
    /// come within `gap` of it.
    fn vertical_reach(&self, height: f64, gap: f64) -> f64 {
        (self.tallest + height) / 2.0 + gap.abs() + 1.0
    }

    /// Whether a box at `centre` would come closer than `gap` to any obstacle.
    pub(super) fn overlaps_any(&self, centre: Point, size: Size, gap: f64) -> bool {
        self.near(centre.y, self.vertical_reach(size.height, gap))
            .any(|(c, s)| boxes_overlap(centre, size, c, s, gap))
    }

    /// Top-left and bottom-right corners of all boxes, if there are any.
    fn bounds(&self) -> Option<(Point, Point)> {
        if self.centres.is_empty() {
            return None;
        }
        let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
        let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
        for (c, s) in self.centres.iter().zip(&self.sizes) {
            lo.x = lo.x.min(c.x - s.width / 2.0);
            lo.y = lo.y.min(c.y - s.height / 2.0);
            hi.x = hi.x.max(c.x + s.width / 2.0);
            hi.y = hi.y.max(c.y + s.height / 2.0);
        }
        Some((lo, hi))
    }

    /// The x nearest `target.x` at which a box at height `target.y` is clear of every obstacle.
    /// Ties go right. Always exists: far enough left or right nothing is in the way.
    fn nearest_free_x(&self, target: Point, size: Size, gap: f64) -> f64 {
        const EPS: f64 = 1e-9;
        let mut blocked: Vec<(f64, f64)> = self
            .near(target.y, self.vertical_reach(size.height, gap))
            .filter(|(c, s)| (c.y - target.y).abs() < (s.height + size.height) / 2.0 + gap - 1e-6)
            .map(|(c, s)| {
                let half = (s.width + size.width) / 2.0 + gap;
                (c.x - half, c.x + half)
            })
            .collect();
        blocked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut merged: Vec<(f64, f64)> = Vec::with_capacity(blocked.len());
        for (lo, hi) in blocked {
            match merged.last_mut() {
                Some(last) if lo <= last.1 + EPS => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        for &(lo, hi) in &merged {
            if lo < target.x && target.x < hi {
                return if target.x - lo < hi - target.x {
                    lo
                } else {
                    hi
                };
            }
        }
        target.x
    }
}

/// The nearest place to `target` where a box of `size` keeps `gap` clear of every obstacle.
///
/// With `vertical_step` `None` the box only slides along its row (same `y`); with a step, rows
/// `step`, `2·step`, ... above and below are tried too and the nearest spot overall wins.
pub(super) fn nearest_free_spot(
    obstacles: &Obstacles,
    target: Point,
    size: Size,
    gap: f64,
    vertical_step: Option<f64>,
) -> Point {
    let x = obstacles.nearest_free_x(target, size, gap);
    let mut best = Point::new(x, target.y);
    let Some(step) = vertical_step else {
        return best;
    };
    let step = step.max(1.0);
    let mut best_cost = (x - target.x).abs();
    for k in 1..10_000 {
        let dy = k as f64 * step;
        if dy >= best_cost {
            break;
        }
        for sign in [-1.0, 1.0] {
            let row = Point::new(target.x, target.y + sign * dy);
            let x = obstacles.nearest_free_x(row, size, gap);
            let cost = super::geometry::length(x - target.x, dy);
            if cost < best_cost {
                best_cost = cost;
                best = Point::new(x, row.y);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::find_overlap;

    #[test]
    fn a_new_child_goes_under_its_parent() {
        let nodes = [
            LayoutNode::new(100.0, 40.0).fixed_at(Point::new(0.0, 0.0)),
            LayoutNode::new(80.0, 30.0),
        ];
        let positions = place_new_nodes(&nodes, &[LayoutEdge::new(1, 0)], &PlaceOptions::default());
        assert_eq!(positions[0], Point::new(0.0, 0.0));
        assert_eq!(positions[1], Point::new(0.0, 20.0 + 56.0 + 15.0));
    }

    #[test]
    fn a_new_child_slides_beside_its_siblings() {
        let nodes = [
            LayoutNode::new(100.0, 40.0).fixed_at(Point::new(0.0, 0.0)),
            LayoutNode::new(100.0, 40.0).fixed_at(Point::new(0.0, 96.0)),
            LayoutNode::new(100.0, 40.0),
        ];
        let edges = [LayoutEdge::new(1, 0), LayoutEdge::new(2, 0)];
        let positions = place_new_nodes(&nodes, &edges, &PlaceOptions::default());
        assert_eq!(
            &positions[..2],
            &[Point::new(0.0, 0.0), Point::new(0.0, 96.0)]
        );
        assert_eq!(positions[2].y, 96.0);
        assert!((positions[2].x.abs() - 124.0).abs() < 1e-9);
        let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
        assert_eq!(find_overlap(&positions, &sizes, 24.0 - 1e-6), None);
    }

    #[test]
    fn an_unconnected_node_goes_to_the_right() {
        let nodes = [
            LayoutNode::new(100.0, 40.0).fixed_at(Point::new(50.0, 20.0)),
            LayoutNode::new(60.0, 20.0),
        ];
        let positions = place_new_nodes(&nodes, &[], &PlaceOptions::default());
        assert_eq!(positions[1], Point::new(100.0 + 48.0 + 30.0, 10.0));
    }

    #[test]
    fn near_placement_searches_around() {
        // A wall of boxes in a row: a new neighbour of the middle one goes above or below it
        // rather than past the end of the row.
        let mut nodes: Vec<LayoutNode> = (0..21)
            .map(|i| LayoutNode::new(50.0, 20.0).fixed_at(Point::new(i as f64 * 60.0, 0.0)))
            .collect();
        nodes.push(LayoutNode::new(50.0, 20.0));
        let options = PlaceOptions {
            node_spacing: 10.0,
            placement: Placement::Near,
            ..PlaceOptions::default()
        };
        let positions = place_new_nodes(&nodes, &[LayoutEdge::new(21, 10)], &options);
        assert!((positions[21].x - 600.0).abs() < 1.0, "{:?}", positions[21]);
        assert!(positions[21].y.abs() >= 30.0 - 1e-6);
        let sizes: Vec<Size> = nodes.iter().map(LayoutNode::size).collect();
        assert_eq!(find_overlap(&positions, &sizes, 10.0 - 1e-6), None);
    }
}
