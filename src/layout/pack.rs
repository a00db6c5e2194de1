//! Placing the drawings of disconnected components side by side.
//!
//! Shelf packing: components go left to right, top-aligned (so the top layers of structure
//! drawings line up), starting a new row below when a row would grow wider than the widest
//! component or than √(total area) · 1.5, whichever is larger. One large drawing with a few
//! stray partnerships therefore gets them in a row underneath rather than a long tail to the
//! right.

use super::{Point, Size};

/// Top-left corner for each box, in the order given, packed in rows with `gap` between boxes.
pub fn pack_in_rows(sizes: &[Size], gap: f64) -> Vec<Point> {
    let widest = sizes.iter().map(|s| s.width).fold(0.0, f64::max);
    let area: f64 = sizes
        .iter()
        .map(|s| (s.width + gap) * (s.height + gap))
        .sum();
    let limit = widest.max(area.sqrt() * 1.5);
    let mut corners = Vec::with_capacity(sizes.len());
    let (mut x, mut y, mut row_height) = (0.0, 0.0, 0.0_f64);
    for size in sizes {
        if x > 0.0 && x + size.width > limit {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        corners.push(Point::new(x, y));
        x += size.width + gap;
        row_height = row_height.max(size.height);
    }
    corners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_boxes_share_a_row_and_wrap_under_a_wide_one() {
        let sizes = [
            Size::new(1000.0, 300.0),
            Size::new(100.0, 40.0),
            Size::new(100.0, 40.0),
        ];
        let corners = pack_in_rows(&sizes, 10.0);
        assert_eq!(corners[0], Point::new(0.0, 0.0));
        assert_eq!(corners[1], Point::new(0.0, 310.0));
        assert_eq!(corners[2], Point::new(110.0, 310.0));
    }
}
