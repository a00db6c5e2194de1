//! Name labels for the risk/value matrix that never overlap: each name tries positions round
//! its circle, nearest first, then a little further out with a short leader line. Where the
//! chart is too crowded for a name, the circle gets a number instead and the name is listed
//! under that number in the key beside the chart. Labels avoid each other, every circle, and
//! the obstacles given (cell headings).

use super::grid::Grid;
use crate::export::scene::{Anchor, Point, Rect, TextRun};

/// The side of a bucket of the grids that find nearby circles and labels, in points: about a
/// short label's size.
const BUCKET: f32 = 24.0;

/// Labels placed so far, with a grid to find those near a place.
struct Taken {
    rects: Vec<Rect>,
    grid: Grid,
}

impl Taken {
    fn push(&mut self, rect: Rect) {
        self.grid.insert(self.rects.len(), &rect);
        self.rects.push(rect);
    }

    fn any_overlaps(&self, rect: &Rect) -> bool {
        self.grid
            .near(rect)
            .any(|index| overlaps(rect, &self.rects[index]))
    }
}

/// A circle to label.
#[derive(Clone, Debug)]
pub struct Marker {
    /// Centre.
    pub center: Point,
    /// Radius.
    pub radius: f32,
}

/// A placed label: the text and, when it sits away from its circle, a leader line.
#[derive(Clone, Debug)]
pub struct PlacedLabel {
    /// The text, positioned.
    pub run: TextRun,
    /// From the circle's edge to the label, when the label is not beside the circle.
    pub leader: Option<(Point, Point)>,
}

/// Space kept between a label and anything else, in points.
const CLEARANCE: f32 = 1.0;
/// Distances from the circle's edge tried, nearest first; beyond the first, a leader is drawn.
const GAPS: [f32; 6] = [1.5, 7.0, 14.0, 24.0, 36.0, 52.0];
/// How many of [`GAPS`] a name may use; further out, a number is clearer than a long leader.
const NAME_GAPS: usize = 3;

/// Whether two rectangles overlap (touching is not overlapping).
pub fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

fn hits_circle(rect: &Rect, marker: &Marker) -> bool {
    let nearest_x = marker.center.x.clamp(rect.x, rect.right());
    let nearest_y = marker.center.y.clamp(rect.y, rect.bottom());
    let (dx, dy) = (marker.center.x - nearest_x, marker.center.y - nearest_y);
    dx * dx + dy * dy < marker.radius * marker.radius
}

/// The run for `lines` placed at `direction` (a unit step: x and y each -1, 0 or 1) from the
/// circle, `gap` beyond its edge.
fn candidate(
    lines: &[String],
    template: &TextRun,
    marker: &Marker,
    direction: (i8, i8),
    gap: f32,
) -> TextRun {
    let mut run = template.clone();
    run.lines = lines.to_vec();
    let height = run.text_box().height;
    let reach = marker.radius + gap;
    // Diagonal places sit at the circle's 45 degree point, not its bounding box corner.
    let diagonal = if direction.0 != 0 && direction.1 != 0 {
        std::f32::consts::FRAC_1_SQRT_2
    } else {
        1.0
    };
    let x = marker.center.x + f32::from(direction.0) * reach * diagonal;
    let y = marker.center.y + f32::from(direction.1) * reach * diagonal;
    run.anchor = match direction.0 {
        1 => Anchor::Start,
        -1 => Anchor::End,
        _ => Anchor::Middle,
    };
    let top = match direction.1 {
        1 => y,
        -1 => y - height,
        _ => y - height / 2.0,
    };
    run.origin = Point::new(x, top);
    run
}

/// The point of `rect` nearest to `point`.
fn nearest_on(rect: &Rect, point: Point) -> Point {
    Point::new(
        point.x.clamp(rect.x, rect.right()),
        point.y.clamp(rect.y, rect.bottom()),
    )
}

/// A leader from the circle's edge towards the label's nearest point.
fn leader(marker: &Marker, label: &Rect) -> (Point, Point) {
    let end = nearest_on(label, marker.center);
    let (dx, dy) = (end.x - marker.center.x, end.y - marker.center.y);
    let length = (dx * dx + dy * dy).sqrt().max(1e-3);
    let start = Point::new(
        marker.center.x + dx / length * marker.radius,
        marker.center.y + dy / length * marker.radius,
    );
    (start, end)
}

/// How a marker is labelled.
#[derive(Clone, Debug)]
pub enum Labelled {
    /// Its name, beside it (or near, with a leader).
    Named(PlacedLabel),
    /// A number beside it, the name listed under that number in the chart's key (too
    /// crowded for the name). `None` when not even the number found a free place.
    Numbered(u32, Option<PlacedLabel>),
}

/// Where labels may go: inside `area`, clear of `obstacles` and of every marker.
struct Room<'a> {
    area: &'a Rect,
    obstacles: &'a [Rect],
    markers: &'a [Marker],
    /// `markers` by place.
    marker_grid: Grid,
}

/// The first place for `lines` round `marker` at one of `gaps` that is inside `area` and clear
/// of `taken`, `obstacles` and every marker.
fn free_place(
    lines: &[String],
    template: &TextRun,
    marker: &Marker,
    gaps: &[f32],
    room: &Room<'_>,
    taken: &Taken,
) -> Option<PlacedLabel> {
    let Room {
        area,
        obstacles,
        markers,
        marker_grid,
    } = room;
    const DIRECTIONS: [(i8, i8); 8] = [
        (1, 0),
        (-1, 0),
        (0, -1),
        (0, 1),
        (1, -1),
        (1, 1),
        (-1, -1),
        (-1, 1),
    ];
    for gap in gaps {
        for direction in DIRECTIONS {
            let run = candidate(lines, template, marker, direction, *gap);
            let bounds = run.bounds();
            let padded = bounds.inflate(CLEARANCE);
            let free = area.contains_rect(&bounds, 0.0)
                && !taken.any_overlaps(&padded)
                && !obstacles.iter().any(|other| overlaps(&padded, other))
                && !marker_grid
                    .near(&padded)
                    .any(|index| hits_circle(&padded, &markers[index]));
            if free {
                let leader = (*gap > GAPS[0]).then(|| leader(marker, &bounds));
                return Some(PlacedLabel { run, leader });
            }
        }
    }
    None
}

/// Labels every marker (`names[i]`, already wrapped, for `markers[i]`), inside `area`, clear
/// of each other, of every marker and of `obstacles`. Names go first, in `order` (most
/// important first), beside or close to their circle. Where that is too crowded, the marker
/// gets a number (1, 2, ... from the top of the chart down, in bold) beside it instead, for a
/// key.
/// The result is by marker.
pub fn place_labels(
    markers: &[Marker],
    names: &[Vec<String>],
    order: &[usize],
    area: Rect,
    obstacles: &[Rect],
    template: &TextRun,
) -> Vec<Labelled> {
    let mut marker_grid = Grid::new(BUCKET);
    for (index, marker) in markers.iter().enumerate() {
        let r = marker.radius;
        marker_grid.insert(
            index,
            &Rect::new(marker.center.x - r, marker.center.y - r, 2.0 * r, 2.0 * r),
        );
    }
    let room = Room {
        area: &area,
        obstacles,
        markers,
        marker_grid,
    };
    let mut named: Vec<Option<PlacedLabel>> = vec![None; markers.len()];
    let mut taken = Taken {
        rects: Vec::new(),
        grid: Grid::new(BUCKET),
    };
    let mut crowded = Vec::new();
    for &index in order {
        let (Some(marker), Some(lines)) = (markers.get(index), names.get(index)) else {
            continue;
        };
        match free_place(lines, template, marker, &GAPS[..NAME_GAPS], &room, &taken) {
            Some(label) => {
                taken.push(label.run.bounds());
                named[index] = Some(label);
            }
            None => crowded.push(index),
        }
    }
    // Numbers in reading order: top to bottom, then left to right.
    crowded.sort_by(|a, b| {
        let (a, b) = (&markers[*a].center, &markers[*b].center);
        a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x))
    });
    let mut numbered: Vec<Option<(u32, Option<PlacedLabel>)>> = vec![None; markers.len()];
    let number_template = template.clone().bold();
    for (position, index) in crowded.into_iter().enumerate() {
        let number = u32::try_from(position + 1).unwrap_or(u32::MAX);
        let lines = vec![number.to_string()];
        let label = free_place(
            &lines,
            &number_template,
            &markers[index],
            &GAPS,
            &room,
            &taken,
        );
        if let Some(label) = &label {
            taken.push(label.run.bounds());
        }
        numbered[index] = Some((number, label));
    }
    named
        .into_iter()
        .zip(numbered)
        .map(|(name, number)| match (name, number) {
            (Some(label), _) => Labelled::Named(label),
            (None, Some((number, label))) => Labelled::Numbered(number, label),
            (None, None) => Labelled::Numbered(0, None),
        })
        .collect()
}
