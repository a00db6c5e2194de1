//! A uniform grid over the chart, so that the circles and labels near a point are found by
//! looking in a few buckets instead of at every one: spreading circles and placing labels were
//! quadratic in the number of partnerships (14 to 16 s at 10,000).

use std::collections::HashMap;

use crate::export::scene::Rect;

/// Items (by index) filed under every bucket their rectangle touches.
#[derive(Debug, Default)]
pub struct Grid {
    size: f32,
    buckets: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    /// An empty grid of buckets `size` points square (at least 1).
    pub fn new(size: f32) -> Self {
        Self {
            size: size.max(1.0),
            buckets: HashMap::new(),
        }
    }

    fn span(&self, from: f32, to: f32) -> std::ops::RangeInclusive<i32> {
        // Saturating casts: a point far off the chart still lands in some bucket.
        let first = (from / self.size).floor() as i32;
        let last = (to / self.size).floor() as i32;
        first..=last.max(first)
    }

    /// Files item `index` under every bucket `rect` touches.
    pub fn insert(&mut self, index: usize, rect: &Rect) {
        for column in self.span(rect.x, rect.right()) {
            for row in self.span(rect.y, rect.bottom()) {
                self.buckets.entry((column, row)).or_default().push(index);
            }
        }
    }

    /// Every item filed under a bucket `rect` touches (an item may come more than once), for
    /// the caller to test exactly.
    pub fn near<'a>(&'a self, rect: &Rect) -> impl Iterator<Item = usize> + 'a {
        let columns = self.span(rect.x, rect.right());
        let rows = self.span(rect.y, rect.bottom());
        columns
            .flat_map(move |column| rows.clone().map(move |row| (column, row)))
            .filter_map(|key| self.buckets.get(&key))
            .flatten()
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_touches_and_not_what_is_far() {
        let mut grid = Grid::new(10.0);
        grid.insert(0, &Rect::new(0.0, 0.0, 5.0, 5.0));
        grid.insert(1, &Rect::new(95.0, 95.0, 20.0, 4.0));
        grid.insert(2, &Rect::new(-30.0, -30.0, 2.0, 2.0));
        let mut near: Vec<usize> = grid.near(&Rect::new(3.0, 3.0, 1.0, 1.0)).collect();
        near.sort_unstable();
        assert_eq!(near, [0]);
        let mut near: Vec<usize> = grid.near(&Rect::new(110.0, 90.0, 1.0, 10.0)).collect();
        near.dedup();
        assert_eq!(near, [1]);
        assert_eq!(grid.near(&Rect::new(-25.0, -25.0, 1.0, 1.0)).count(), 1);
    }
}
