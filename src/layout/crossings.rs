//! Counting edge crossings of a drawing: straight segments between box centres.
//!
//! This is the measure quoted in the design (and used to compare with Graphviz `dot`, dagre and
//! ELK): each edge is the straight segment between the centres of its two nodes, and a crossing
//! is a pair of segments that properly intersect (cross at a point interior to both). Pairs that
//! share a node never count, nor do segments that only touch or lie on the same line.
//! Duplicate edges, and an edge given in both directions, are drawn once and counted once.

use super::{LayoutEdge, Point};

/// The number of pairs of edges whose straight segments between node centres cross.
///
/// `positions[i]` is the centre of node `i`; edges with an end out of range are ignored.
/// Runs a sweep over `x`, so only pairs whose `x` ranges overlap are tested.
pub fn count_crossings(positions: &[Point], edges: &[LayoutEdge]) -> u64 {
    let n = positions.len();
    let mut pairs: Vec<(usize, usize)> = edges
        .iter()
        .filter(|e| e.from < n && e.to < n && e.from != e.to)
        .map(|e| (e.from.min(e.to), e.from.max(e.to)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();

    struct Segment {
        a: usize,
        b: usize,
        min_x: f64,
        max_x: f64,
        min_y: f64,
        max_y: f64,
    }
    let mut segments: Vec<Segment> = pairs
        .iter()
        .map(|&(a, b)| {
            let (p, q) = (positions[a], positions[b]);
            Segment {
                a,
                b,
                min_x: p.x.min(q.x),
                max_x: p.x.max(q.x),
                min_y: p.y.min(q.y),
                max_y: p.y.max(q.y),
            }
        })
        .collect();
    segments.sort_by(|s, t| s.min_x.total_cmp(&t.min_x));

    let mut count = 0u64;
    for (k, s) in segments.iter().enumerate() {
        for t in &segments[k + 1..] {
            if t.min_x > s.max_x {
                break;
            }
            if t.min_y > s.max_y || t.max_y < s.min_y {
                continue;
            }
            if s.a == t.a || s.a == t.b || s.b == t.a || s.b == t.b {
                continue;
            }
            if segments_cross(
                positions[s.a],
                positions[s.b],
                positions[t.a],
                positions[t.b],
            ) {
                count += 1;
            }
        }
    }
    count
}

/// The sign of the turn `a → b → c`: positive counter-clockwise, negative clockwise, 0 collinear.
fn orientation(a: Point, b: Point, c: Point) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether segments `p1 p2` and `q1 q2` properly cross (at a point interior to both).
pub fn segments_cross(p1: Point, p2: Point, q1: Point, q2: Point) -> bool {
    let d1 = orientation(q1, q2, p1);
    let d2 = orientation(q1, q2, p2);
    let d3 = orientation(p1, p2, q1);
    let d4 = orientation(p1, p2, q2);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(from: usize, to: usize) -> LayoutEdge {
        LayoutEdge::new(from, to)
    }

    #[test]
    fn k22_drawn_crossed_has_one_crossing() {
        // Parents 0, 1 on top; children 2, 3 below; 2 is under 0 and 3 under 1.
        let p = [
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(0.0, 100.0),
            Point::new(100.0, 100.0),
        ];
        let k22 = [e(2, 0), e(2, 1), e(3, 0), e(3, 1)];
        assert_eq!(count_crossings(&p, &k22), 1);
        // Only the "straight down" edges: none cross.
        assert_eq!(count_crossings(&p, &[e(2, 0), e(3, 1)]), 0);
    }

    #[test]
    fn shared_endpoints_and_touching_do_not_count() {
        let p = [
            Point::new(0.0, 0.0),
            Point::new(100.0, 100.0),
            Point::new(100.0, 0.0),
            Point::new(50.0, 50.0),
        ];
        // 0-1 and 0-2 share node 0; 2-3 ends on the diagonal 0-1 (touching, not crossing).
        assert_eq!(count_crossings(&p, &[e(0, 1), e(0, 2), e(2, 3)]), 0);
    }

    #[test]
    fn duplicates_and_reverse_edges_count_once() {
        let p = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(10.0, 0.0),
            Point::new(0.0, 10.0),
        ];
        assert_eq!(
            count_crossings(&p, &[e(0, 1), e(1, 0), e(2, 3), e(2, 3)]),
            1
        );
        // Out-of-range edges are ignored.
        assert_eq!(count_crossings(&p, &[e(0, 1), e(2, 9)]), 0);
    }

    #[test]
    fn star_against_a_line_counts_every_crossing() {
        // A horizontal segment at y = 50 crossed by five vertical segments.
        let mut p = vec![Point::new(-10.0, 50.0), Point::new(110.0, 50.0)];
        let mut edges = vec![e(0, 1)];
        for i in 0..5 {
            let x = 10.0 + 20.0 * i as f64;
            p.push(Point::new(x, 0.0));
            p.push(Point::new(x, 100.0));
            edges.push(e(2 + 2 * i, 3 + 2 * i));
        }
        assert_eq!(count_crossings(&p, &edges), 5);
    }
}
