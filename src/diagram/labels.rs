//! Labels on lines, placed so that none covers a box or another label: each label tries
//! points along its own line (middle first, then further out, on every segment of its route)
//! and takes the first spot that is free. A label with no free spot becomes a small number on
//! its line, and the number is explained in a key under the legend ("Labels on lines").
//! Deterministic: the lines are taken in order and the spots in a fixed order.

use crate::export::text;
use crate::export::{Color, Point, Rect, TextRun};

/// Where along a segment a label may sit, in the order tried.
const SPOTS: [f32; 7] = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];
/// Rings of spots tried around a line for a number, and their spacing in points.
const RINGS: usize = 8;
const RING_STEP: f32 = 6.0;
/// Space kept clear around boxes and between labels, in points.
const CLEARANCE: f32 = 1.0;

/// A label asked for on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineLabel {
    /// The words.
    pub text: String,
    /// The line's route, as drawn.
    pub route: Vec<Point>,
    /// Text colour.
    pub color: Color,
}

/// The labels placed: text runs to draw on top, and the numbered key for those drawn as a
/// number (number, index into the labels asked for).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacedLabels {
    /// Runs to draw, each on a white box.
    pub runs: Vec<TextRun>,
    /// For each label drawn as a number: the number and the label's index.
    pub key: Vec<(usize, usize)>,
}

/// The run for `words` centred on `at`.
fn run_at(words: &str, at: Point, size: f32, color: Color) -> TextRun {
    let top = at.y - text::line_height(size) / 2.0;
    TextRun::line(Point::new(at.x, top), words, size)
        .colored(color)
        .with_background(Color::WHITE)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// The spots along `route` where a label may sit, in the order tried: the longest segment
/// first.
fn spots(route: &[Point]) -> Vec<Point> {
    let mut segments: Vec<(f32, Point, Point)> = route
        .windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            // Squared length orders the segments: no square root needed.
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            (dx * dx + dy * dy, a, b)
        })
        .collect();
    // Stable: equal lengths keep the route's order.
    segments.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut all = Vec::with_capacity(segments.len() * SPOTS.len());
    for &share in &SPOTS {
        for &(_, a, b) in &segments {
            all.push(Point::new(
                a.x + (b.x - a.x) * share,
                a.y + (b.y - a.y) * share,
            ));
        }
    }
    all
}

/// Places `labels` at `size` points, clear of `boxes` and of each other.
pub fn place(labels: &[LineLabel], boxes: &[Rect], size: f32) -> PlacedLabels {
    let obstacles: Vec<Rect> = boxes.iter().map(|b| b.inflate(CLEARANCE)).collect();
    let mut taken: Vec<Rect> = Vec::new();
    let mut placed = PlacedLabels::default();
    let free = |rect: &Rect, taken: &[Rect]| {
        !obstacles.iter().any(|b| overlaps(rect, b)) && !taken.iter().any(|t| overlaps(rect, t))
    };
    let mut numbered = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let found = spots(&label.route).into_iter().find_map(|at| {
            let run = run_at(&label.text, at, size, label.color);
            let rect = run.bounds().inflate(CLEARANCE / 2.0);
            free(&rect, &taken).then_some((run, rect))
        });
        match found {
            Some((run, rect)) => {
                taken.push(rect);
                placed.runs.push(run);
            }
            None => numbered.push(index),
        }
    }
    // Numbers are placed after every label that fits, so they take what room is left.
    for (n, index) in numbered.into_iter().enumerate() {
        let label = &labels[index];
        let number = (n + 1).to_string();
        // On the line if there is room, else close beside it (rings around the line's spots,
        // nearest first): the key names both ends, so the number need only be near.
        let mut candidates = spots(&label.route);
        let middles: Vec<Point> = candidates.iter().take(SPOTS.len()).copied().collect();
        for ring in 1..=RINGS {
            let step = ring as f32 * RING_STEP;
            for middle in &middles {
                for (dx, dy) in [
                    (step, 0.0),
                    (-step, 0.0),
                    (0.0, -step),
                    (0.0, step),
                    (step, -step),
                    (-step, -step),
                    (step, step),
                    (-step, step),
                ] {
                    candidates.push(Point::new(middle.x + dx, middle.y + dy));
                }
            }
        }
        let mut best: Option<(usize, TextRun, Rect)> = None;
        for at in candidates {
            let run = run_at(&number, at, size, label.color).bold();
            let rect = run.bounds().inflate(CLEARANCE / 2.0);
            let clashes = obstacles
                .iter()
                .chain(taken.iter())
                .filter(|o| overlaps(&rect, o))
                .count();
            if best.as_ref().is_none_or(|(least, _, _)| clashes < *least) {
                best = Some((clashes, run, rect));
            }
            if clashes == 0 {
                break;
            }
        }
        if let Some((_, run, rect)) = best {
            taken.push(rect);
            placed.runs.push(run);
        }
        placed.key.push((n + 1, index));
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str, from: Point, to: Point) -> LineLabel {
        LineLabel {
            text: text.to_string(),
            route: vec![from, to],
            color: Color::BLACK,
        }
    }

    #[test]
    fn labels_on_parallel_lines_do_not_overlap_and_avoid_boxes() {
        let boxes = vec![Rect::new(-20.0, 45.0, 200.0, 10.0)];
        let labels: Vec<LineLabel> = (0..4)
            .map(|i| {
                let x = i as f32 * 12.0;
                label("Reports to", Point::new(x, 0.0), Point::new(x, 100.0))
            })
            .collect();
        let placed = place(&labels, &boxes, 7.5);
        let rects: Vec<Rect> = placed.runs.iter().map(TextRun::bounds).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(!overlaps(a, &boxes[0]), "{a:?}");
            for b in &rects[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} {b:?}");
            }
        }
        assert_eq!(placed.runs.len(), 4);
    }

    #[test]
    fn a_label_with_no_room_becomes_a_number_in_the_key() {
        // A line between two boxes 6 points apart: no room for the words anywhere on it.
        let boxes = vec![
            Rect::new(-50.0, -40.0, 100.0, 40.0),
            Rect::new(-50.0, 6.0, 100.0, 40.0),
        ];
        let labels = vec![label(
            "Accountable to",
            Point::new(0.0, -20.0),
            Point::new(0.0, 26.0),
        )];
        let placed = place(&labels, &boxes, 7.5);
        assert_eq!(placed.key, vec![(1, 0)]);
        assert_eq!(placed.runs.len(), 1);
        assert_eq!(placed.runs[0].lines, vec!["1".to_string()]);
    }
}
