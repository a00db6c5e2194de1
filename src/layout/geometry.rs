//! Points, sizes and box overlap tests shared by the layouts.

use serde::{Deserialize, Serialize};

/// A point in diagram coordinates (points, `y` down). Node positions are box centres.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal coordinate, growing to the right.
    pub x: f64,
    /// Vertical coordinate, growing downwards.
    pub y: f64,
}

impl Point {
    /// The point `(x, y)`.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// A box size in points.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Size {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
}

impl Size {
    /// The size `width` × `height`.
    pub const fn new(width: f64, height: f64) -> Self {
        Self { width, height }
    }
}

/// Whether two boxes, given by centre and size, come closer than `gap` on both axes, i.e.
/// overlap once each is grown by `gap / 2` on every side. Touching at exactly `gap` is fine.
/// A small tolerance absorbs floating-point rounding.
pub fn boxes_overlap(a: Point, a_size: Size, b: Point, b_size: Size, gap: f64) -> bool {
    const EPS: f64 = 1e-6;
    let dx = (a.x - b.x).abs();
    let dy = (a.y - b.y).abs();
    let min_dx = (a_size.width + b_size.width) / 2.0 + gap;
    let min_dy = (a_size.height + b_size.height) / 2.0 + gap;
    dx < min_dx - EPS && dy < min_dy - EPS
}

/// The first pair `(i, j)`, `i < j`, of boxes that overlap with the given gap, if any.
/// A sweep over `x`, so it is quick on large layouts; used by tests and by overlap removal.
pub fn find_overlap(positions: &[Point], sizes: &[Size], gap: f64) -> Option<(usize, usize)> {
    let n = positions.len().min(sizes.len());
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let la = positions[a].x - sizes[a].width / 2.0;
        let lb = positions[b].x - sizes[b].width / 2.0;
        la.total_cmp(&lb).then(a.cmp(&b))
    });
    for (k, &i) in order.iter().enumerate() {
        let right = positions[i].x + sizes[i].width / 2.0 + gap;
        for &j in &order[k + 1..] {
            let left_j = positions[j].x - sizes[j].width / 2.0;
            if left_j >= right {
                break;
            }
            if boxes_overlap(positions[i], sizes[i], positions[j], sizes[j], gap) {
                return Some((i.min(j), i.max(j)));
            }
        }
    }
    None
}

/// Eight unit directions written out, so code that must part two points in the same place
/// never calls `sin`/`cos`: the C maths libraries of Windows and Linux round those differently
/// in the last bit, and a layout must come out the same on every machine.
pub const EIGHT_DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (
        std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    ),
    (0.0, 1.0),
    (
        -std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    ),
    (-1.0, 0.0),
    (
        -std::f64::consts::FRAC_1_SQRT_2,
        -std::f64::consts::FRAC_1_SQRT_2,
    ),
    (0.0, -1.0),
    (
        std::f64::consts::FRAC_1_SQRT_2,
        -std::f64::consts::FRAC_1_SQRT_2,
    ),
];

/// The length of (dx, dy) with IEEE-exact operations only (`hypot` is a C library call whose
/// rounding differs between platforms).
pub fn length(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
}

/// The point at `fraction` of a turn round the unit circle, counter-clockwise from (1, 0):
/// `(cos 2πf, sin 2πf)`, computed with additions and multiplications only (an octant reduction
/// and Taylor polynomials to the 15th power), so it is the same bit for bit on every machine,
/// unlike the C library's `sin` and `cos`. Accurate to about 1e-15.
pub fn turn(fraction: f64) -> (f64, f64) {
    if !fraction.is_finite() {
        return (1.0, 0.0);
    }
    let f = fraction - fraction.floor();
    // Nearest quarter turn, and the rest in [-1/8, 1/8] of a turn.
    let quarter = (f * 4.0 + 0.5).floor();
    let rest = f - quarter / 4.0;
    let a = rest * 2.0 * std::f64::consts::PI;
    let a2 = a * a;
    let sin = a
        * (1.0
            - a2 / 6.0
                * (1.0
                    - a2 / 20.0
                        * (1.0
                            - a2 / 42.0
                                * (1.0
                                    - a2 / 72.0
                                        * (1.0
                                            - a2 / 110.0
                                                * (1.0 - a2 / 156.0 * (1.0 - a2 / 210.0)))))));
    let cos = 1.0
        - a2 / 2.0
            * (1.0
                - a2 / 12.0
                    * (1.0
                        - a2 / 30.0
                            * (1.0
                                - a2 / 56.0
                                    * (1.0
                                        - a2 / 90.0 * (1.0 - a2 / 132.0 * (1.0 - a2 / 182.0))))));
    match (quarter as i64).rem_euclid(4) {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_touching_at_the_gap_do_not_overlap() {
        let s = Size::new(10.0, 10.0);
        assert!(!boxes_overlap(
            Point::new(0.0, 0.0),
            s,
            Point::new(15.0, 0.0),
            s,
            5.0
        ));
        assert!(boxes_overlap(
            Point::new(0.0, 0.0),
            s,
            Point::new(14.0, 3.0),
            s,
            5.0
        ));
        // Far apart vertically: no overlap whatever x is.
        assert!(!boxes_overlap(
            Point::new(0.0, 0.0),
            s,
            Point::new(0.0, 20.0),
            s,
            5.0
        ));
    }

    #[test]
    fn turn_goes_round_the_unit_circle() {
        let close =
            |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-14 && (a.1 - b.1).abs() < 1e-14;
        assert_eq!(turn(0.0), (1.0, 0.0));
        assert!(close(turn(0.25), (0.0, 1.0)));
        assert!(close(turn(0.5), (-1.0, 0.0)));
        assert!(close(turn(-0.25), (0.0, -1.0)));
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!(close(turn(0.125), (h, h)));
        assert!(close(turn(0.375), (-h, h)));
        for i in 0..97 {
            let (c, s) = turn(i as f64 / 97.0);
            assert!((c * c + s * s - 1.0).abs() < 1e-14, "{i}");
        }
        // A sixth of a turn: cos 60° = 1/2.
        assert!((turn(1.0 / 6.0).0 - 0.5).abs() < 1e-15);
    }

    #[test]
    fn find_overlap_finds_the_pair() {
        let s = vec![Size::new(10.0, 10.0); 3];
        let p = vec![
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(5.0, 5.0),
        ];
        assert_eq!(find_overlap(&p, &s, 0.0), Some((0, 2)));
        let p2 = vec![
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(50.0, 5.0),
        ];
        assert_eq!(find_overlap(&p2, &s, 0.0), None);
    }
}
