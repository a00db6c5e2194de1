//! Orthogonal routing: a line from one box to another in horizontal and vertical runs that go
//! round every other box, with as few bends as it can. Used for every line the org-chart buses
//! do not carry (second parents, advice, informs, commissions, lines of moved boxes), so the
//! default picture never draws a line through a box.
//!
//! The router searches a sparse grid whose lines run a margin outside each box's edges and
//! through the two boxes' centres (the classic orthogonal visibility grid), by Dijkstra on
//! length plus a cost per bend. Only the boxes near the two ends are considered first; if no
//! route is found there, all of them. Pure and deterministic.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::export::{Point, Rect};

/// How far a line keeps from a box it passes, in points.
pub const CLEARANCE: f32 = 6.0;
/// The cost of one bend, in points of length.
const BEND_COST: f32 = 40.0;
/// How far round the two ends the first search looks for boxes in the way, in points.
const NEAR: f32 = 160.0;

/// A route from box `from` to box `to` in horizontal and vertical runs, clear of `obstacles`
/// (boxes, not including the two ends), from the outline of `from` to the outline of `to`.
/// `None` when no route exists (the ends are walled in).
pub fn route(from: &Rect, to: &Rect, obstacles: &[Rect]) -> Option<Vec<Point>> {
    let near = from.union(to).inflate(NEAR);
    let close: Vec<Rect> = obstacles
        .iter()
        .filter(|r| overlaps(r, &near))
        .copied()
        .collect();
    search(from, to, &close, Some(&near)).or_else(|| search(from, to, obstacles, None))
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// A search state on the heap: `estimate` is the cost so far plus the length still to go at
/// least (the A* key), `cost` the cost so far.
#[derive(Clone, Copy, PartialEq)]
struct State {
    estimate: f32,
    cost: f32,
    node: usize,
}

impl Eq for State {}

impl Ord for State {
    /// The heap's greatest is the least estimate; on ties, the one further along (most cost
    /// so far), then the smaller node, so the search is deterministic.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .estimate
            .total_cmp(&self.estimate)
            .then_with(|| self.cost.total_cmp(&other.cost))
            .then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for State {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn search(from: &Rect, to: &Rect, obstacles: &[Rect], bound: Option<&Rect>) -> Option<Vec<Point>> {
    let walls: Vec<Rect> = obstacles
        .iter()
        .map(|r| r.inflate(CLEARANCE - 0.5))
        .collect();
    let (a, b) = (from.center(), to.center());
    let mut xs = vec![a.x, b.x];
    let mut ys = vec![a.y, b.y];
    for r in obstacles.iter().chain([from, to]) {
        xs.extend([r.x - CLEARANCE, r.right() + CLEARANCE]);
        ys.extend([r.y - CLEARANCE, r.bottom() + CLEARANCE]);
    }
    if let Some(bound) = bound {
        xs.extend([bound.x, bound.right()]);
        ys.extend([bound.y, bound.bottom()]);
        xs.retain(|&x| x >= bound.x - 0.01 && x <= bound.right() + 0.01);
        ys.retain(|&y| y >= bound.y - 0.01 && y <= bound.bottom() + 0.01);
    }
    let tidy = |v: &mut Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v.dedup_by(|p, q| (*p - *q).abs() < 0.5);
    };
    tidy(&mut xs);
    tidy(&mut ys);
    let grid = Grid::new(xs, ys, &walls);
    let (xs, ys, nx) = (&grid.xs, &grid.ys, grid.xs.len());
    let at = |p: Point| {
        let i = xs.iter().position(|&x| (x - p.x).abs() < 0.5)?;
        let j = ys.iter().position(|&y| (y - p.y).abs() < 0.5)?;
        Some(j * nx + i)
    };
    let (start, goal) = (at(a)?, at(b)?);
    // States: grid point times direction of arrival (0 across, 1 down).
    let cells = nx * ys.len();
    let mut best = vec![f32::INFINITY; cells * 2];
    let mut previous = vec![usize::MAX; cells * 2];
    // What is still to go is at least the distance along the axes, plus a bend when the goal
    // is off the line the route arrived along: a consistent A* estimate (a step that removes
    // the bend pays it), so the route found is as cheap (length plus bends) as Dijkstra's,
    // and the search looks at the points towards the goal first instead of the whole grid.
    let (goal_x, goal_y) = (xs[goal % nx], ys[goal / nx]);
    let to_go = |state: usize| {
        let k = state / 2;
        let (dx, dy) = ((xs[k % nx] - goal_x).abs(), (ys[k / nx] - goal_y).abs());
        let turn = if state.is_multiple_of(2) { dy } else { dx };
        dx + dy + if turn > 0.0 { BEND_COST } else { 0.0 }
    };
    let mut heap = BinaryHeap::new();
    for d in 0..2 {
        best[start * 2 + d] = 0.0;
        heap.push(State {
            // The start goes first: its first run makes no bend, whichever way it goes.
            estimate: 0.0,
            cost: 0.0,
            node: start * 2 + d,
        });
    }
    let mut reached = None;
    while let Some(State { cost, node, .. }) = heap.pop() {
        if cost > best[node] {
            continue;
        }
        let (k, d) = (node / 2, node % 2);
        if k == goal {
            reached = Some(node);
            break;
        }
        let (i, j) = (k % nx, k / nx);
        // Each step with whether the run between the two points passes through a box.
        let steps = [
            (i > 0).then(|| (k - 1, 0, grid.across_blocked[k - 1])),
            (i + 1 < nx).then(|| (k + 1, 0, grid.across_blocked[k])),
            (j > 0).then(|| (k - nx, 1, grid.down_blocked[k - nx])),
            (j + 1 < ys.len()).then(|| (k + nx, 1, grid.down_blocked[k])),
        ];
        for (next, direction, through_box) in steps.into_iter().flatten() {
            // Points inside the two end boxes are passable (the line starts at a centre).
            let p = Point::new(xs[next % nx], ys[next / nx]);
            let in_end =
                |r: &Rect| p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom();
            if !grid.free[next] && !in_end(from) && !in_end(to) {
                continue;
            }
            if through_box {
                continue;
            }
            let q = Point::new(xs[i], ys[j]);
            let length = (p.x - q.x).abs() + (p.y - q.y).abs();
            let bend = if direction != d && k != start {
                BEND_COST
            } else {
                0.0
            };
            let state = next * 2 + direction;
            let total = cost + length + bend;
            if total < best[state] {
                best[state] = total;
                previous[state] = node;
                heap.push(State {
                    estimate: total + to_go(state),
                    cost: total,
                    node: state,
                });
            }
        }
    }
    let mut node = reached?;
    let mut points = vec![Point::new(xs[goal % nx], ys[goal / nx])];
    while previous[node] != usize::MAX {
        node = previous[node];
        let k = node / 2;
        points.push(Point::new(xs[k % nx], ys[k / nx]));
    }
    points.reverse();
    Some(clip_to_outlines(simplify(points), from, to))
}

/// The routing grid: its lines, which points lie inside a wall, and which runs between
/// neighbouring points pass through one (their middle is inside it). Each wall marks the
/// points and runs it covers, found by binary search on the sorted lines, so building the
/// grid costs its size plus what the walls cover rather than its size times the walls.
struct Grid {
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// By point `j * nx + i`: not strictly inside any wall.
    free: Vec<bool>,
    /// By point `j * nx + i`: the run to point `i + 1` passes through a wall.
    across_blocked: Vec<bool>,
    /// By point `j * nx + i`: the run to point `j + 1` passes through a wall.
    down_blocked: Vec<bool>,
}

impl Grid {
    fn new(xs: Vec<f32>, ys: Vec<f32>, walls: &[Rect]) -> Self {
        let (nx, ny) = (xs.len(), ys.len());
        let middles =
            |v: &[f32]| -> Vec<f32> { v.windows(2).map(|w| (w[1] + w[0]) / 2.0).collect() };
        let (mid_x, mid_y) = (middles(&xs), middles(&ys));
        // The indices of the sorted values strictly between `low` and `high`.
        let between = |v: &[f32], low: f32, high: f32| {
            v.partition_point(|&x| x <= low)..v.partition_point(|&x| x < high)
        };
        let mut free = vec![true; nx * ny];
        let mut across_blocked = vec![false; nx * ny];
        let mut down_blocked = vec![false; nx * ny];
        for w in walls {
            let (columns, rows) = (between(&xs, w.x, w.right()), between(&ys, w.y, w.bottom()));
            let (mid_columns, mid_rows) = (
                between(&mid_x, w.x, w.right()),
                between(&mid_y, w.y, w.bottom()),
            );
            for j in rows.clone() {
                for i in columns.clone() {
                    free[j * nx + i] = false;
                }
                for i in mid_columns.clone() {
                    across_blocked[j * nx + i] = true;
                }
            }
            for j in mid_rows {
                for i in columns.clone() {
                    down_blocked[j * nx + i] = true;
                }
            }
        }
        Self {
            xs,
            ys,
            free,
            across_blocked,
            down_blocked,
        }
    }
}

/// Drops points in the middle of a straight run.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(last) = out.last()
            && (last.x - p.x).abs() < 0.01
            && (last.y - p.y).abs() < 0.01
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// The route cut where it leaves `from` and where it enters `to` (it starts and ends at their
/// centres, so the first run leaving `from` and the last entering `to` cross their outlines).
fn clip_to_outlines(mut points: Vec<Point>, from: &Rect, to: &Rect) -> Vec<Point> {
    let inside = |p: Point, r: &Rect| p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
    // From the start: drop points while the next is still inside `from`.
    while points.len() > 2 && inside(points[1], from) {
        points.remove(0);
    }
    if points.len() >= 2 {
        points[0] = exit_point(points[0], points[1], from);
    }
    while points.len() > 2 && inside(points[points.len() - 2], to) {
        points.remove(points.len() - 1);
    }
    let n = points.len();
    if n >= 2 {
        points[n - 1] = exit_point(points[n - 1], points[n - 2], to);
    }
    points
}

/// Where the axis-parallel run from `inner` (inside `rect`) towards `outer` crosses its outline.
fn exit_point(inner: Point, outer: Point, rect: &Rect) -> Point {
    if (inner.x - outer.x).abs() < 0.01 {
        let y = if outer.y < inner.y {
            rect.y
        } else {
            rect.bottom()
        };
        let y = if outer.y < inner.y {
            y.max(outer.y)
        } else {
            y.min(outer.y)
        };
        Point::new(inner.x, y)
    } else {
        let x = if outer.x < inner.x {
            rect.x
        } else {
            rect.right()
        };
        let x = if outer.x < inner.x {
            x.max(outer.x)
        } else {
            x.min(outer.x)
        };
        Point::new(x, inner.y)
    }
}

/// Whether segment `a`-`b` passes through the inside of `rect` (shrunk by `inset`).
pub fn segment_crosses(a: Point, b: Point, rect: &Rect, inset: f32) -> bool {
    let r = rect.inflate(-inset);
    if r.width <= 0.0 || r.height <= 0.0 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut enter, mut leave) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.right() - a.x),
        (-dy, a.y - r.y),
        (dy, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter < leave
}

/// Whether a polyline crosses any of `boxes`.
pub fn crosses_any(points: &[Point], boxes: &[Rect]) -> bool {
    points.windows(2).any(|pair| {
        boxes
            .iter()
            .any(|b| segment_crosses(pair[0], pair[1], b, 1.0))
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_route_goes_round_the_box_between() {
        let from = Rect::new(0.0, 0.0, 60.0, 30.0);
        let to = Rect::new(300.0, 0.0, 60.0, 30.0);
        let wall = Rect::new(120.0, -40.0, 80.0, 110.0);
        let points = route(&from, &to, &[wall]).expect("a route");
        assert!(!crosses_any(&points, &[wall]), "{points:?}");
        for pair in points.windows(2) {
            assert!(
                (pair[0].x - pair[1].x).abs() < 0.01 || (pair[0].y - pair[1].y).abs() < 0.01,
                "orthogonal: {points:?}"
            );
        }
        // It starts on the first box's outline and ends on the second's.
        let (first, last) = (points[0], points[points.len() - 1]);
        assert!(
            (first.x - 60.0).abs() < 0.01
                || (first.y - 0.0).abs() < 0.01
                || (first.y - 30.0).abs() < 0.01
        );
        assert!(
            (last.x - 300.0).abs() < 0.01
                || (last.y - 0.0).abs() < 0.01
                || (last.y - 30.0).abs() < 0.01
        );
    }

    proptest! {
        /// The grid marks exactly what testing every wall at every point and every run's middle
        /// would: the points strictly inside a wall, and the runs whose middle is.
        #[test]
        fn grid_marks_what_every_wall_covers(
            walls in proptest::collection::vec((0.0f32..400.0, 0.0f32..300.0, 1.0f32..120.0, 1.0f32..90.0), 0..12),
            mut xs in proptest::collection::vec(0.0f32..500.0, 1..30),
            mut ys in proptest::collection::vec(0.0f32..400.0, 1..30),
        ) {
            let walls: Vec<Rect> = walls.iter().map(|&(x, y, w, h)| Rect::new(x, y, w, h)).collect();
            for v in [&mut xs, &mut ys] {
                v.sort_by(f32::total_cmp);
                v.dedup_by(|p, q| (*p - *q).abs() < 0.5);
            }
            let grid = Grid::new(xs.clone(), ys.clone(), &walls);
            let inside = |p: Point| {
                walls.iter().any(|w| p.x > w.x && p.x < w.right() && p.y > w.y && p.y < w.bottom())
            };
            let nx = xs.len();
            for (j, &y) in ys.iter().enumerate() {
                for (i, &x) in xs.iter().enumerate() {
                    let k = j * nx + i;
                    prop_assert_eq!(grid.free[k], !inside(Point::new(x, y)));
                    if i + 1 < nx {
                        let middle = Point::new((xs[i + 1] + x) / 2.0, y);
                        prop_assert_eq!(grid.across_blocked[k], inside(middle));
                    }
                    if j + 1 < ys.len() {
                        let middle = Point::new(x, (ys[j + 1] + y) / 2.0);
                        prop_assert_eq!(grid.down_blocked[k], inside(middle));
                    }
                }
            }
        }

        /// On random boxes that do not overlap, every route found is orthogonal and crosses no
        /// box but its two ends.
        #[test]
        fn routes_never_cross_a_box_they_do_not_join(
            cells in proptest::collection::btree_set((0u8..8, 0u8..6), 3..20),
            sizes in proptest::collection::vec((30.0f32..90.0, 16.0f32..50.0), 20),
        ) {
            let boxes: Vec<Rect> = cells
                .iter()
                .zip(&sizes)
                .map(|(&(i, j), &(w, h))| Rect::new(f32::from(i) * 120.0, f32::from(j) * 90.0, w, h))
                .collect();
            for a in 0..boxes.len().min(4) {
                let b = boxes.len() - 1 - a;
                if a == b { continue; }
                let others: Vec<Rect> = boxes
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != a && k != b)
                    .map(|(_, r)| *r)
                    .collect();
                if let Some(points) = route(&boxes[a], &boxes[b], &others) {
                    prop_assert!(!crosses_any(&points, &others), "{:?}", points);
                    for pair in points.windows(2) {
                        prop_assert!((pair[0].x - pair[1].x).abs() < 0.01 || (pair[0].y - pair[1].y).abs() < 0.01);
                    }
                } else {
                    prop_assert!(false, "boxes on a grid always leave a way round");
                }
            }
        }
    }
}
