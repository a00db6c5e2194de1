//! Where a sub-group added from the diagram goes (issue 14, item 12: adding without
//! disturbing). Not under its parent, on its siblings' lines, but in the free place beside its
//! siblings: under the last of a column of sub-groups, or after the last (or before the first)
//! of a row of them. A place is taken only if the new box overlaps no box and every line
//! already drawn keeps its route exactly (the bus it joins may grow, nothing else moves);
//! with no such place, or no siblings, the layout's own place stands.

use crate::export::{Point, Rect};
use crate::model::{NodeRef, RelationshipKind, ViewKind};

use super::arrange::NODE_SPACING;
use super::graph::LineKind;
use super::scene::edge_routes;
use super::{Diagram, Visibility};

/// Boxes whose edges are this close (points) are in one column or one row.
const ALIGNED: f32 = 2.0;
/// The least room kept between the new box and any other (a column's own gap may be small).
const CLEARANCE: f32 = 3.0;
/// How many places along a row are tried on each side.
const TRIES_ALONG: usize = 8;

fn rect(diagram: &Diagram, v: usize) -> Rect {
    let n = &diagram.nodes[v];
    Rect::centered(n.centre, n.width, n.height)
}

/// The shown boxes (not rows) that are sub-groups of `parent`, besides `new`.
fn siblings(diagram: &Diagram, parent: usize, new: usize) -> Vec<usize> {
    let mut found: Vec<usize> = diagram
        .edges
        .iter()
        .filter(|e| e.edge.to == parent && e.edge.from != new && e.edge.kind.is_formal())
        .map(|e| e.edge.from)
        .filter(|&v| {
            let n = &diagram.nodes[v];
            n.row_of.is_none() && n.visibility != Visibility::Hidden
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The groups of `rects` whose `key` is the same (within [`ALIGNED`]), largest first.
fn aligned_groups(rects: &[Rect], key: impl Fn(&Rect) -> f32) -> Vec<Vec<Rect>> {
    let mut groups: Vec<Vec<Rect>> = Vec::new();
    for r in rects {
        match groups
            .iter_mut()
            .find(|g| (key(&g[0]) - key(r)).abs() < ALIGNED)
        {
            Some(group) => group.push(*r),
            None => groups.push(vec![*r]),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
}

/// Places to try for a box `width` wide beside `siblings`, best first (top-left corners):
/// under each column of them, then along each row of them, right and left, then under the
/// lowest.
fn candidates(diagram: &Diagram, siblings: &[usize], width: f32) -> Vec<Point> {
    let rects: Vec<Rect> = siblings.iter().map(|&v| rect(diagram, v)).collect();
    let step = NODE_SPACING as f32;
    let mut out = Vec::new();
    for mut column in aligned_groups(&rects, |r| r.x) {
        if column.len() < 2 {
            continue;
        }
        column.sort_by(|a, b| a.y.total_cmp(&b.y));
        let gap = column
            .windows(2)
            .map(|w| w[1].y - w[0].bottom())
            .fold(f32::INFINITY, f32::min)
            .max(4.0);
        let last = column[column.len() - 1];
        // Under whatever hangs below the column's last box too (its own stacked sub-groups).
        let span = (last.x, last.x + width);
        let bottom = (0..diagram.nodes.len())
            .filter(|&v| {
                let n = &diagram.nodes[v];
                n.row_of.is_none() && n.visibility != Visibility::Hidden
            })
            .map(|v| rect(diagram, v))
            .filter(|r| r.y >= last.y - ALIGNED && r.x < span.1 && span.0 < r.right())
            .map(|r| r.bottom())
            .fold(last.bottom(), f32::max);
        out.push(Point::new(last.x, bottom + gap));
    }
    for row in aligned_groups(&rects, |r| r.y) {
        let top = row[0].y;
        let right = row.iter().map(|r| r.right()).fold(f32::MIN, f32::max);
        let left = row.iter().map(|r| r.x).fold(f32::MAX, f32::min);
        for k in 0..TRIES_ALONG {
            let along = k as f32 * (width + step);
            out.push(Point::new(right + step + along, top));
            out.push(Point::new(left - step - width - along, top));
        }
    }
    if let Some(lowest) = rects
        .iter()
        .max_by(|a, b| a.bottom().total_cmp(&b.bottom()))
    {
        out.push(Point::new(lowest.x, lowest.bottom() + step));
    }
    out
}

fn same_route(a: &Option<Vec<Point>>, b: &Option<Vec<Point>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(p, q)| (p.x - q.x).abs() < 0.01 && (p.y - q.y).abs() < 0.01)
        }
        (a, b) => a.is_none() == b.is_none(),
    }
}

/// Where the new sub-group `new` of `parent` should be arranged in `diagram` (the view as it
/// will be, the new box at the layout's place) so that `before` (the view without it) keeps
/// every route; `None` to keep the layout's place.
pub fn beside_siblings(before: &Diagram, diagram: &Diagram, new: NodeRef) -> Option<Point> {
    if before.kind != ViewKind::Structure {
        return None;
    }
    let v = diagram.index_of(new)?;
    let node = &diagram.nodes[v];
    if node.row_of.is_some() {
        return None;
    }
    let parent = diagram.edges.iter().find_map(|e| {
        (e.edge.from == v && e.edge.kind == LineKind::Relationship(RelationshipKind::SubGroupOf))
            .then_some(e.edge.to)
    })?;
    let sibs = siblings(diagram, parent, v);
    let old_routes = edge_routes(before);
    // Each line of `before` as it is in `diagram`.
    let old_edges: Vec<Option<usize>> = before
        .edges
        .iter()
        .map(|e| {
            let (from, to) = (
                diagram.index_of(before.nodes[e.edge.from].node)?,
                diagram.index_of(before.nodes[e.edge.to].node)?,
            );
            diagram
                .edges
                .iter()
                .position(|d| d.edge.from == from && d.edge.to == to && d.edge.kind == e.edge.kind)
        })
        .collect();
    let others: Vec<Rect> = (0..diagram.nodes.len())
        .filter(|&w| w != v && diagram.nodes[w].row_of.is_none())
        .map(|w| rect(diagram, w).inflate(CLEARANCE))
        .collect();
    let shift = Point::new(
        node.arranged().x - node.centre.x,
        node.arranged().y - node.centre.y,
    );
    for corner in candidates(diagram, &sibs, node.width) {
        let centre = Point::new(corner.x + node.width / 2.0, corner.y + node.height / 2.0);
        let placed = Rect::centered(centre, node.width, node.height);
        if others.iter().any(|r| overlaps(r, &placed)) {
            continue;
        }
        let mut trial = diagram.clone();
        trial.nodes[v].centre = centre;
        let routes = edge_routes(&trial);
        let kept = old_routes
            .iter()
            .zip(&old_edges)
            .all(|(route, again)| again.is_some_and(|i| same_route(route, &routes[i])));
        if kept {
            return Some(Point::new(centre.x + shift.x, centre.y + shift.y));
        }
    }
    None
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}
