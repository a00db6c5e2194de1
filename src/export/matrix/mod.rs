//! The risk/value matrix: every assessed partnership placed by its current risk (across) and
//! value (up), on a 3 x 3 grid of bands, as a circle whose area grows with its annual cost to
//! the council, coloured by its recommendation AND marked with the recommendation's sign
//! (↑ = ? ↓ × −), so the chart reads in greyscale too. Names never overlap ([`labels`]).
//!
//! Each cell is shaded faintly by what the scheme's matrix suggests there and says so in words.
//! Within a cell a partnership sits by its score (risk likelihood x impact, value percentage);
//! circles that would cover each other are pushed apart, staying in their cell. The same
//! [`Scene`] is drawn on screen and exported; [`MatrixChart::points`] lets the screen find
//! which partnership was clicked.

mod grid;
pub mod labels;

use chrono::NaiveDate;

use super::scene::{
    Anchor, Caption, Color, Geometry, LegendEntry, LegendGroup, LegendSymbol, Paint, Point, Rect,
    Scene, Shape, Stroke, SwatchShape, TextRun,
};
use super::text::{self, FontWeight};
use crate::model::{Band, Money, PartnershipId, Recommendation, Register, RiskGrid};
use crate::scoring::{self, OverviewRow};
use labels::{Labelled, Marker, place_labels};

/// Width of one band column, in points.
pub const CELL_WIDTH: f32 = 164.0;
/// Height of one band row, in points.
pub const CELL_HEIGHT: f32 = 112.0;
/// Smallest circle radius (a partnership that costs nothing), in points.
pub const MIN_RADIUS: f32 = 6.0;
/// Largest circle radius (the costliest partnership), in points.
pub const MAX_RADIUS: f32 = 17.0;
/// Size of the name labels, in points.
pub const LABEL_SIZE: f32 = 7.0;
/// Labels wrap at this width, in points.
pub const LABEL_WIDTH: f32 = 92.0;
/// Width of one column of the key to numbered circles, in points.
pub const KEY_COLUMN_WIDTH: f32 = 150.0;

const LEFT: f32 = 70.0;
const TOP: f32 = 18.0;
const AXIS_SIZE: f32 = 8.0;
const CELL_TEXT_SIZE: f32 = 6.5;
const INSET: f32 = 14.0;
/// Room at the top of each cell for its heading.
const HEADING_ROOM: f32 = 11.0;
const GRID: Color = Color::rgb(0x99, 0x99, 0x99);
const OUTLINE: Color = Color::rgb(0x33, 0x33, 0x33);

/// One partnership on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPoint {
    /// The partnership.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: String,
    /// Circle centre, in scene points.
    pub center: Point,
    /// Circle radius.
    pub radius: f32,
    /// Where its name (or its number) is beside the circle.
    pub label: Rect,
    /// Its number in the key, when the chart was too crowded for its name.
    pub key_number: Option<u32>,
    /// Its current recommendation.
    pub recommendation: Option<Recommendation>,
    /// Its annual cost to the council.
    pub annual_cost: Money,
}

/// The chart: the scene to draw or export, and where each partnership is on it.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixChart {
    /// The picture.
    pub scene: Scene,
    /// Every partnership shown, in identifier order.
    pub points: Vec<MatrixPoint>,
    /// The 3 x 3 grid.
    pub plot: Rect,
    /// Partnerships still reviewed but never assessed, so not on the chart.
    pub not_assessed: usize,
    /// Where every partnership of the register is: on the chart, or why not.
    pub coverage: scoring::MatrixCoverage,
}

impl MatrixChart {
    /// The partnership whose circle (or, failing that, label) is at `point` (scene points);
    /// the smallest circle wins where circles overlap.
    pub fn partnership_at(&self, point: Point) -> Option<PartnershipId> {
        let in_circle = self
            .points
            .iter()
            .filter(|p| {
                let (dx, dy) = (point.x - p.center.x, point.y - p.center.y);
                dx * dx + dy * dy <= p.radius * p.radius
            })
            .min_by(|a, b| a.radius.total_cmp(&b.radius));
        in_circle
            .or_else(|| {
                self.points.iter().find(|p| {
                    p.label
                        .contains_rect(&Rect::new(point.x, point.y, 0.0, 0.0), 0.0)
                })
            })
            .map(|p| p.partnership)
    }
}

/// A recommendation's fill colour (Okabe-Ito, safe for colour blindness), the colour of its
/// sign on that fill, and the sign.
pub fn recommendation_style(
    recommendation: Option<Recommendation>,
) -> (Color, Color, &'static str) {
    match recommendation {
        Some(Recommendation::Increase) => (Color::rgb(0x00, 0x7a, 0x5a), Color::WHITE, "↑"),
        Some(Recommendation::Maintain) => (Color::rgb(0x00, 0x72, 0xb2), Color::WHITE, "="),
        Some(Recommendation::Review) => (Color::rgb(0xe6, 0x9f, 0x00), Color::BLACK, "?"),
        Some(Recommendation::Reduce) => (Color::rgb(0xd5, 0x5e, 0x00), Color::WHITE, "↓"),
        Some(Recommendation::Withdraw) => (Color::rgb(0x88, 0x22, 0x55), Color::WHITE, "×"),
        Some(Recommendation::RemoveFromRegister) => {
            (Color::rgb(0x44, 0x44, 0x44), Color::WHITE, "−")
        }
        None => (Color::rgb(0xcc, 0xcc, 0xcc), Color::BLACK, "·"),
    }
}

/// The column of a risk band (Low left) or the row of a value band (High at the top).
fn column_of(band: Band) -> usize {
    match band {
        Band::Low => 0,
        Band::Medium => 1,
        Band::High => 2,
    }
}

/// `(lowest, highest)` risk score in each band of the grid.
fn risk_ranges(grid: &RiskGrid) -> [(u32, u32); 3] {
    let medium = grid.medium_from.max(2);
    let high = grid.high_from.max(medium + 1);
    [
        (1, medium - 1),
        (medium, high - 1),
        (high, grid.max_score().max(high)),
    ]
}

/// Where `value` sits in `lowest..=highest`, from 0 to 1 (a missing value sits in the middle).
fn fraction(value: Option<u32>, (lowest, highest): (u32, u32)) -> f32 {
    match value {
        Some(value) if highest >= lowest => {
            let steps = (highest - lowest + 1) as f32;
            ((value.saturating_sub(lowest)) as f32 + 0.5) / steps
        }
        _ => 0.5,
    }
    .clamp(0.0, 1.0)
}

/// A circle's radius for `cost`: its area grows with the cost, from [`MIN_RADIUS`] at nothing
/// to [`MAX_RADIUS`] at `largest`.
pub fn radius_for(cost: Money, largest: Money) -> f32 {
    if largest.pence <= 0 || cost.pence <= 0 {
        return MIN_RADIUS;
    }
    let share = (cost.pence as f64 / largest.pence as f64)
        .clamp(0.0, 1.0)
        .sqrt() as f32;
    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share
}

fn cell_rect(plot: &Rect, column: usize, row: usize) -> Rect {
    Rect::new(
        plot.x + column as f32 * CELL_WIDTH,
        plot.y + row as f32 * CELL_HEIGHT,
        CELL_WIDTH,
        CELL_HEIGHT,
    )
}

/// Up to this many circles, every pair is looked at in every round, as always (the pictures
/// of real registers stay exactly as they were); beyond it, pairs are found through a grid.
const EVERY_PAIR_UP_TO: usize = 1_000;

/// Pushes overlapping circles apart, each staying inside its own cell.
///
/// Each round looks at each pair that may touch once, from its lower index. Up to
/// [`EVERY_PAIR_UP_TO`] circles that is every pair; above it (a synthetic register of 10,000
/// partnerships, where every pair was 5 billion looks) the pairs come from a [`grid::Grid`]
/// made at the start of the round, searched as far as each circle can reach.
fn spread(centers: &mut [Point], radii: &[f32], cells: &[Rect]) {
    spread_finding_pairs(centers, radii, cells, centers.len() <= EVERY_PAIR_UP_TO);
}

fn spread_finding_pairs(centers: &mut [Point], radii: &[f32], cells: &[Rect], every_pair: bool) {
    let largest = radii.iter().copied().fold(0.0f32, f32::max);
    let mut neighbours: Vec<usize> = Vec::new();
    // A crowd too big for its cells never stops overlapping: with the grid, spreading stops
    // once ten rounds have taken off less than a hundredth of the overlap.
    let mut overlap_ten_rounds_ago = f32::INFINITY;
    for round in 0..120 {
        let mut moved = false;
        let mut overlap = 0.0f32;
        // Buckets a third of the widest reach: a small circle's search stays small.
        let mut buckets = grid::Grid::new((2.0 * largest + 1.5) / 3.0);
        if !every_pair {
            for (index, center) in centers.iter().enumerate() {
                buckets.insert(index, &Rect::new(center.x, center.y, 0.0, 0.0));
            }
        }
        for i in 0..centers.len() {
            neighbours.clear();
            if every_pair {
                neighbours.extend(i + 1..centers.len());
            } else {
                // As far as circle `i` can touch another at the start of the round.
                let reach = radii[i] + largest + 1.5;
                let start = centers[i];
                let around = Rect::new(start.x - reach, start.y - reach, 2.0 * reach, 2.0 * reach);
                // Each centre is filed under one bucket, so each pair comes once.
                neighbours.extend(buckets.near(&around).filter(|&j| j > i));
            }
            for &j in &neighbours {
                let depth = push_apart(centers, radii, i, j);
                moved |= depth > 0.0;
                overlap += depth;
            }
        }
        for ((center, radius), cell) in centers.iter_mut().zip(radii).zip(cells) {
            let margin = radius + 1.0;
            center.x = center.x.clamp(
                cell.x + margin,
                (cell.right() - margin).max(cell.x + margin),
            );
            center.y = center.y.clamp(
                cell.y + margin,
                (cell.bottom() - margin).max(cell.y + margin),
            );
        }
        if !moved {
            break;
        }
        if !every_pair && round % 10 == 9 {
            if overlap > overlap_ten_rounds_ago * 0.99 {
                break;
            }
            overlap_ten_rounds_ago = overlap;
        }
    }
}

/// Pushes circles `i` and `j` apart if they overlap; returns by how much they overlapped
/// (0 if they did not).
fn push_apart(centers: &mut [Point], radii: &[f32], i: usize, j: usize) -> f32 {
    let need = radii[i] + radii[j] + 1.5;
    let (dx, dy) = (centers[j].x - centers[i].x, centers[j].y - centers[i].y);
    let distance = (dx * dx + dy * dy).sqrt();
    if distance >= need {
        return 0.0;
    }
    let (ux, uy) = if distance < 1e-3 {
        // A fixed direction per circle, without sin/cos (platforms round those differently;
        // the chart must be the same bytes everywhere).
        let (ux, uy) = crate::layout::geometry::EIGHT_DIRECTIONS[j % 8];
        (ux as f32, uy as f32)
    } else {
        (dx / distance, dy / distance)
    };
    let push = (need - distance) / 2.0 + 0.05;
    centers[i] = Point::new(centers[i].x - ux * push, centers[i].y - uy * push);
    centers[j] = Point::new(centers[j].x + ux * push, centers[j].y + uy * push);
    need - distance
}

fn band_label(band: Band) -> &'static str {
    match band {
        Band::Low => "Low",
        Band::Medium => "Medium",
        Band::High => "High",
    }
}

/// The caption for a matrix of `register` on `today`.
pub fn matrix_caption(register: &Register, today: NaiveDate) -> Caption {
    let council = register.settings.council_name.trim();
    let title = if council.is_empty() {
        "Risk and value of the council's partnerships".to_string()
    } else {
        format!("Risk and value of {council}'s partnerships")
    };
    let source = if register.settings.source_line.trim().is_empty() {
        if council.is_empty() {
            "Source: partnership register, current assessments".to_string()
        } else {
            format!("Source: {council} partnership register, current assessments")
        }
    } else {
        register.settings.source_line.trim().to_string()
    };
    Caption {
        title,
        data_as_at: today,
        source,
    }
}

/// The chart of `register` as it stands on `today` (costs for that financial year, with the
/// representatives in post that day).
pub fn matrix_chart(register: &Register, today: NaiveDate) -> MatrixChart {
    matrix_chart_for(register, &scoring::ReviewBasis::on(today))
}

/// The chart of `register` for a review basis: the assessments current on its date, sized by
/// the cost in its financial year.
pub fn matrix_chart_for(register: &Register, basis: &scoring::ReviewBasis) -> MatrixChart {
    let today = basis.as_at;
    let overview = scoring::overview_for(register, basis);
    let scheme = scoring::current_scheme(register);
    let mut scene = Scene::new(matrix_caption(register, today));
    let plot = Rect::new(LEFT, TOP, 3.0 * CELL_WIDTH, 3.0 * CELL_HEIGHT);

    // Cells, shaded by what the matrix suggests there, with the suggestion in words.
    let mut obstacles = Vec::new();
    for value in [Band::High, Band::Medium, Band::Low] {
        for risk in [Band::Low, Band::Medium, Band::High] {
            let cell = cell_rect(&plot, column_of(risk), 2 - column_of(value));
            let suggested = scheme.recommendations.cell(value, risk).suggested;
            let (fill, _, sign) = recommendation_style(Some(suggested));
            scene.push_shape(Shape::new(
                Geometry::RoundedRect {
                    rect: cell,
                    radius: 0.0,
                },
                Paint::new(fill.with_alpha(22), Stroke::solid(GRID, 0.6)),
            ));
            let heading = TextRun::line(
                Point::new(cell.x + 4.0, cell.y + 3.0),
                format!("Matrix suggests: {sign} {}", suggested.label()),
                CELL_TEXT_SIZE,
            )
            .anchored(Anchor::Start)
            .colored(Color::MUTED);
            obstacles.push(heading.bounds());
            scene.push_text(heading);
        }
    }
    push_axes(&mut scene, &plot, &scheme.risk.grid, &scheme.value.bands);

    // The partnerships.
    let rows: Vec<&OverviewRow> = overview
        .rows
        .iter()
        .filter(|row| scoring::is_reviewed(row.status))
        .filter(|row| row.risk_band.is_some() && row.value_band.is_some())
        .collect();
    let largest = rows
        .iter()
        .map(|row| row.cost.total)
        .max()
        .unwrap_or_default();
    let smallest = rows
        .iter()
        .map(|row| row.cost.total)
        .min()
        .unwrap_or_default();
    let ranges = risk_ranges(&scheme.risk.grid);
    let bands = &scheme.value.bands;
    let value_ranges = [
        (0, bands.low_up_to),
        (
            bands.low_up_to + 1,
            bands.high_from.saturating_sub(1).max(bands.low_up_to + 1),
        ),
        (bands.high_from, 100),
    ];
    let mut centers = Vec::with_capacity(rows.len());
    let mut radii = Vec::with_capacity(rows.len());
    let mut cells = Vec::with_capacity(rows.len());
    for row in &rows {
        let risk = row.risk_band.unwrap_or(Band::Medium);
        let value = row.value_band.unwrap_or(Band::Medium);
        let cell = cell_rect(&plot, column_of(risk), 2 - column_of(value));
        let across = fraction(row.risk_score, ranges[column_of(risk)]);
        let up = fraction(row.value_percent, value_ranges[column_of(value)]);
        // Partnerships with the same scores would stack in a line and only push each other
        // along it; a small fixed nudge lets them spread sideways too.
        let nudge = ((centers.len() * 37) % 11) as f32 * 0.6 - 3.0;
        centers.push(Point::new(
            cell.x + INSET + across * (cell.width - 2.0 * INSET) + nudge,
            cell.bottom() - INSET - up * (cell.height - 2.0 * INSET - HEADING_ROOM),
        ));
        radii.push(radius_for(row.cost.total, largest));
        // Circles keep clear of the cell's heading.
        cells.push(Rect::new(
            cell.x,
            cell.y + HEADING_ROOM,
            cell.width,
            cell.height - HEADING_ROOM,
        ));
    }
    spread(&mut centers, &radii, &cells);

    // Biggest circles first, so small ones stay visible on top.
    let mut drawing_order: Vec<usize> = (0..rows.len()).collect();
    drawing_order.sort_by(|a, b| radii[*b].total_cmp(&radii[*a]).then(a.cmp(b)));
    for &index in &drawing_order {
        let row = rows[index];
        let (fill, ink, sign) = recommendation_style(row.recommendation);
        let tooltip = format!(
            "{}: {}; risk {} ({}), value {} ({}); {} a year",
            row.name,
            row.recommendation
                .map_or("no recommendation", Recommendation::label),
            row.risk_band.map_or("?", band_label),
            row.risk_score
                .map_or_else(|| "-".to_string(), |s| s.to_string()),
            row.value_band.map_or("?", band_label),
            row.value_percent
                .map_or_else(|| "-".to_string(), |p| format!("{p}%")),
            row.cost.total.format_whole_pounds(),
        );
        scene.push_shape(
            Shape::new(
                Geometry::Circle {
                    center: centers[index],
                    radius: radii[index],
                },
                Paint::new(fill, Stroke::solid(OUTLINE, 0.75)),
            )
            .with_tooltip(tooltip),
        );
        let sign_size = (radii[index] * 1.2).clamp(7.0, 13.0);
        scene.push_text(
            TextRun::line(
                Point::new(
                    centers[index].x,
                    centers[index].y - text::line_height(sign_size) / 2.0,
                ),
                sign,
                sign_size,
            )
            .bold()
            .colored(ink),
        );
    }

    // Names.
    let markers: Vec<Marker> = centers
        .iter()
        .zip(&radii)
        .map(|(center, radius)| Marker {
            center: *center,
            radius: *radius,
        })
        .collect();
    let wrapped: Vec<Vec<String>> = rows
        .iter()
        .map(|row| text::wrap(&row.name, LABEL_SIZE, FontWeight::Regular, LABEL_WIDTH))
        .collect();
    let template = TextRun::new(Point::default(), Vec::new(), LABEL_SIZE)
        .with_background(Color::WHITE.with_alpha(225));
    let placed = place_labels(
        &markers,
        &wrapped,
        &drawing_order,
        plot,
        &obstacles,
        &template,
    );
    let mut points = Vec::with_capacity(rows.len());
    let mut keyed = Vec::new();
    for (index, labelled) in placed.into_iter().enumerate() {
        let row = rows[index];
        let (label, key_number) = match labelled {
            Labelled::Named(label) => (Some(label), None),
            Labelled::Numbered(number, label) => {
                keyed.push((number, row.name.as_str()));
                (label, Some(number))
            }
        };
        let label_rect = label.as_ref().map_or_else(
            || Rect::centered(centers[index], 0.0, 0.0),
            |label| label.run.bounds(),
        );
        if let Some(label) = label {
            if let Some((from, to)) = label.leader {
                scene.push_shape(Shape::new(
                    Geometry::Polyline {
                        points: vec![from, to],
                        arrows: super::scene::ArrowHeads::None,
                    },
                    Paint::stroke(Stroke::solid(Color::MUTED, 0.5)),
                ));
            }
            let run = if key_number.is_some() {
                label.run.bold()
            } else {
                label.run
            };
            scene.push_text(run);
        }
        points.push(MatrixPoint {
            partnership: row.partnership,
            name: row.name.clone(),
            center: centers[index],
            radius: radii[index],
            label: label_rect,
            key_number,
            recommendation: row.recommendation,
            annual_cost: row.cost.total,
        });
    }
    keyed.sort_by_key(|(number, _)| *number);
    push_key(&mut scene, &plot, &keyed);

    let coverage = overview.coverage();
    if let Some(note) = coverage.not_shown_note() {
        scene.push_text(
            TextRun::line(Point::new(plot.x, plot.bottom() + 40.0), note, AXIS_SIZE)
                .anchored(Anchor::Start)
                .colored(Color::MUTED),
        );
    }
    scene.legend.groups = legend_groups(&rows, smallest, largest, overview.year);
    MatrixChart {
        scene,
        points,
        plot,
        not_assessed: coverage.not_assessed,
        coverage,
    }
}

/// The key to numbered circles, in columns to the right of the grid.
fn push_key(scene: &mut Scene, plot: &Rect, keyed: &[(u32, &str)]) {
    if keyed.is_empty() {
        return;
    }
    let left = plot.right() + 16.0;
    scene.push_text(
        TextRun::line(
            Point::new(left, plot.y - 14.0),
            "Key to numbered circles",
            AXIS_SIZE,
        )
        .bold()
        .anchored(Anchor::Start),
    );
    let bottom = plot.bottom() + 48.0;
    let number_width = text::line_width("00", LABEL_SIZE, FontWeight::Bold);
    let (mut x, mut y) = (left, plot.y);
    for (number, name) in keyed {
        let lines = text::wrap(
            name,
            LABEL_SIZE,
            FontWeight::Regular,
            KEY_COLUMN_WIDTH - number_width - 12.0,
        );
        let height = text::block_size(&lines, LABEL_SIZE, FontWeight::Regular).height;
        if y + height > bottom && y > plot.y {
            x += KEY_COLUMN_WIDTH;
            y = plot.y;
        }
        scene.push_text(
            TextRun::line(
                Point::new(x + number_width, y),
                number.to_string(),
                LABEL_SIZE,
            )
            .bold()
            .anchored(Anchor::End),
        );
        scene.push_text(
            TextRun::new(Point::new(x + number_width + 4.0, y), lines, LABEL_SIZE)
                .anchored(Anchor::Start),
        );
        y += height + 1.5;
    }
}

/// Band names beside and under the grid, and the two axis titles.
fn push_axes(scene: &mut Scene, plot: &Rect, grid: &RiskGrid, bands: &crate::model::PercentBands) {
    let ranges = risk_ranges(grid);
    for (column, band) in [Band::Low, Band::Medium, Band::High]
        .into_iter()
        .enumerate()
    {
        let (lowest, highest) = ranges[column];
        let x = plot.x + (column as f32 + 0.5) * CELL_WIDTH;
        scene.push_text(
            TextRun::new(
                Point::new(x, plot.bottom() + 4.0),
                vec![
                    format!("{} risk", band_label(band)),
                    format!("score {lowest}–{highest}"),
                ],
                AXIS_SIZE,
            )
            .bold(),
        );
    }
    let value_ranges = [
        (Band::High, format!("{}–100%", bands.high_from)),
        (
            Band::Medium,
            format!(
                "{}–{}%",
                bands.low_up_to + 1,
                bands.high_from.saturating_sub(1)
            ),
        ),
        (Band::Low, format!("0–{}%", bands.low_up_to)),
    ];
    for (row, (band, range)) in value_ranges.into_iter().enumerate() {
        let lines = vec![format!("{} value", band_label(band)), range];
        let height = text::block_size(&lines, AXIS_SIZE, FontWeight::Bold).height;
        let y = plot.y + (row as f32 + 0.5) * CELL_HEIGHT - height / 2.0;
        scene.push_text(
            TextRun::new(Point::new(plot.x - 6.0, y), lines, AXIS_SIZE)
                .bold()
                .anchored(Anchor::End),
        );
    }
    scene.push_text(
        TextRun::line(
            Point::new(plot.x, 2.0),
            "↑ Value to the council (share of the most it could score)",
            AXIS_SIZE,
        )
        .anchored(Anchor::Start),
    );
    scene.push_text(
        TextRun::line(
            Point::new(plot.right(), plot.bottom() + 27.0),
            format!(
                "Risk to the council: likelihood × impact, 1–{} →",
                grid.max_score()
            ),
            AXIS_SIZE,
        )
        .anchored(Anchor::End),
    );
}

fn legend_groups(
    rows: &[&OverviewRow],
    smallest: Money,
    largest: Money,
    year: i32,
) -> Vec<LegendGroup> {
    let mut used: Vec<Option<Recommendation>> = Recommendation::ALL
        .iter()
        .copied()
        .map(Some)
        .filter(|r| rows.iter().any(|row| row.recommendation == *r))
        .collect();
    if rows.iter().any(|row| row.recommendation.is_none()) {
        used.push(None);
    }
    let recommendation_entries = used
        .into_iter()
        .map(|recommendation| {
            let (fill, _, sign) = recommendation_style(recommendation);
            LegendEntry {
                symbol: LegendSymbol::Swatch {
                    shape: SwatchShape::Circle,
                    paint: Paint::new(fill, Stroke::solid(OUTLINE, 0.75)),
                },
                label: format!(
                    "{sign} {}",
                    recommendation.map_or("No recommendation recorded", Recommendation::label)
                ),
            }
        })
        .collect();
    let size_entry = LegendEntry {
        symbol: LegendSymbol::Swatch {
            shape: SwatchShape::Circle,
            paint: Paint::new(Color::rgb(0xee, 0xee, 0xee), Stroke::solid(OUTLINE, 0.75)),
        },
        label: format!(
            "Circle area: cost to the council in {} (officer time and contributions), from {} to {}",
            crate::model::FinancialYear::starting(year),
            smallest.format_whole_pounds(),
            largest.format_whole_pounds()
        ),
    };
    vec![
        LegendGroup {
            title: "Recommendation (colour and sign)".to_string(),
            entries: recommendation_entries,
        },
        LegendGroup {
            title: "Reading the chart".to_string(),
            entries: vec![size_entry],
        },
    ]
}

#[cfg(test)]
mod tests;
