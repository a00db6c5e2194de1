//! The legend laid out for the page: one row block per group, the group's heading in a shared
//! first column (or on a row of its own when long), its entries in a grid of equal columns so
//! symbols and labels line up. Symbols are drawn as in the picture, so line styles and border
//! styles are explained as well as colours.

use super::scene::{
    Anchor, Color, Geometry, Item, Legend, LegendEntry, LegendGroup, LegendSymbol, Paint, Point,
    Rect, Shape, Stroke, SwatchShape, TextRun, council_size_for_text,
};
use super::text::{self, FontWeight};

/// Font size of legend text, in points.
pub const LEGEND_SIZE: f32 = 9.0;
const PADDING: f32 = 6.0;
const SWATCH_WIDTH: f32 = 24.0;
const SWATCH_HEIGHT: f32 = 13.0;
const COUNCIL_SWATCH_WIDTH: f32 = 30.0;
const LINE_SAMPLE_WIDTH: f32 = 34.0;
const SYMBOL_LABEL_GAP: f32 = 5.0;
const COLUMN_GAP: f32 = 16.0;
const ROW_GAP: f32 = 3.0;
const GROUP_GAP: f32 = 4.0;
/// Headings up to this share of the width share one column.
const HEADING_COLUMN_SHARE: f32 = 0.3;
const BORDER: Color = Color::rgb(0xbb, 0xbb, 0xbb);
const SWATCH_HAIRLINE: Color = Color::rgb(0x88, 0x88, 0x88);

/// The legend as items from (0, 0) in a framed box `width` wide, and its height (no items and
/// 0 when there is nothing to show).
pub fn layout(legend: &Legend, width: f32) -> (Vec<Item>, f32) {
    if legend.is_empty() {
        return (Vec::new(), 0.0);
    }
    let left = PADDING;
    let right = (width - PADDING).max(left + 1.0);
    let groups: Vec<&LegendGroup> = legend
        .groups
        .iter()
        .filter(|group| !group.entries.is_empty())
        .collect();
    let column_limit = (right - left) * HEADING_COLUMN_SHARE;
    let heading_column = groups
        .iter()
        .map(|group| text::line_width(&group.title, LEGEND_SIZE, FontWeight::Bold))
        .filter(|&heading| heading <= column_limit)
        .fold(0.0, f32::max);

    let mut items = Vec::new();
    let mut y = PADDING;
    for group in groups {
        y = layout_group(group, left, right, heading_column, y, &mut items) + GROUP_GAP;
    }
    let height = y - GROUP_GAP + PADDING;
    let frame = Shape::new(
        Geometry::RoundedRect {
            rect: Rect::new(0.25, 0.25, width - 0.5, height - 0.5),
            radius: 3.0,
        },
        Paint::stroke(Stroke::solid(BORDER, 0.5)),
    );
    items.insert(0, Item::Shape(frame));
    (items, height)
}

/// Lays out one group from `top`; returns the bottom of its last row.
fn layout_group(
    group: &LegendGroup,
    left: f32,
    right: f32,
    heading_column: f32,
    top: f32,
    items: &mut Vec<Item>,
) -> f32 {
    let line = text::line_height(LEGEND_SIZE);
    let mut y = top;
    let mut entries_left = left;
    let heading = text::wrap(&group.title, LEGEND_SIZE, FontWeight::Bold, right - left);
    if !heading.is_empty() {
        let size = text::block_size(&heading, LEGEND_SIZE, FontWeight::Bold);
        let in_column = heading.len() == 1 && heading_column > 0.0 && size.width <= heading_column;
        items.push(Item::Text(
            TextRun::new(Point::new(left, y), heading, LEGEND_SIZE)
                .bold()
                .anchored(Anchor::Start)
                .colored(Color::BLACK),
        ));
        if in_column {
            entries_left = left + heading_column + 2.0 * SYMBOL_LABEL_GAP;
        } else {
            y += size.height + 2.0;
        }
    }

    // Equal columns as wide as the widest entry, as many as fit; one column wraps its labels.
    let available = (right - entries_left).max(1.0);
    let symbol_column = group.entries.iter().map(symbol_width).fold(0.0, f32::max);
    let widest_label = group
        .entries
        .iter()
        .map(|entry| text::line_width(&entry.label, LEGEND_SIZE, FontWeight::Regular))
        .fold(0.0, f32::max);
    let natural = symbol_column + SYMBOL_LABEL_GAP + widest_label;
    let fit = ((available + COLUMN_GAP) / (natural + COLUMN_GAP)).floor() as usize;
    let columns = fit.clamp(1, group.entries.len());
    let column_width = if columns == 1 { available } else { natural };
    let label_room = (column_width - symbol_column - SYMBOL_LABEL_GAP).max(1.0);

    for row in group.entries.chunks(columns) {
        let mut row_height = line.max(SWATCH_HEIGHT);
        for (index, entry) in row.iter().enumerate() {
            let x = entries_left + index as f32 * (column_width + COLUMN_GAP);
            let symbol_center = Point::new(x + symbol_column / 2.0, y + line / 2.0);
            items.push(Item::Shape(symbol_shape(entry.symbol, symbol_center)));
            if let LegendSymbol::Badge { text, ink, .. } = entry.symbol {
                items.push(Item::Text(
                    TextRun::line(
                        Point::new(
                            symbol_center.x,
                            symbol_center.y - text::line_height(BADGE_TEXT_SIZE) / 2.0,
                        ),
                        text,
                        BADGE_TEXT_SIZE,
                    )
                    .bold()
                    .anchored(Anchor::Middle)
                    .colored(ink),
                ));
            }
            let label = text::wrap(&entry.label, LEGEND_SIZE, FontWeight::Regular, label_room);
            if !label.is_empty() {
                let size = text::block_size(&label, LEGEND_SIZE, FontWeight::Regular);
                row_height = row_height.max(size.height);
                let label_x = x + symbol_column + SYMBOL_LABEL_GAP;
                items.push(Item::Text(
                    TextRun::new(Point::new(label_x, y), label, LEGEND_SIZE)
                        .anchored(Anchor::Start),
                ));
            }
        }
        y += row_height + ROW_GAP;
    }
    y - ROW_GAP
}

fn symbol_width(entry: &LegendEntry) -> f32 {
    match entry.symbol {
        LegendSymbol::Swatch {
            shape: SwatchShape::Council,
            ..
        } => COUNCIL_SWATCH_WIDTH,
        LegendSymbol::Swatch {
            shape: SwatchShape::Circle,
            ..
        } => SWATCH_HEIGHT,
        LegendSymbol::Swatch { .. } => SWATCH_WIDTH,
        LegendSymbol::Badge { text, .. } => badge_width(text),
        LegendSymbol::Line { .. } => LINE_SAMPLE_WIDTH,
    }
}

/// Size of a badge's letters in the legend.
const BADGE_TEXT_SIZE: f32 = 7.0;

/// A legend badge's width: its letters with room either side, never narrower than round.
fn badge_width(text: &str) -> f32 {
    (text::line_width(text, BADGE_TEXT_SIZE, FontWeight::Bold) + 7.0).max(SWATCH_HEIGHT)
}

/// The legend symbol as a shape centred on `center`, fitted to the swatch height.
fn symbol_shape(symbol: LegendSymbol, center: Point) -> Shape {
    match symbol {
        LegendSymbol::Swatch { shape, paint } => {
            // Thick borders would swallow a small swatch: keep them thin enough to see the fill.
            // A fill with no border gets a hairline, so pale fills show on white paper.
            let mut paint = paint;
            match paint.stroke.as_mut() {
                Some(stroke) => stroke.width = stroke.width.min(2.5),
                None => paint.stroke = Some(Stroke::solid(SWATCH_HAIRLINE, 0.5)),
            }
            let stroke_width = paint.stroke.map_or(0.0, |stroke| stroke.width);
            let inner = SWATCH_HEIGHT - stroke_width;
            let geometry = match shape {
                SwatchShape::RoundedRect => Geometry::RoundedRect {
                    rect: Rect::centered(center, SWATCH_WIDTH - stroke_width, inner),
                    radius: 3.0,
                },
                SwatchShape::Ellipse => Geometry::Ellipse {
                    rect: Rect::centered(center, SWATCH_WIDTH - stroke_width, inner),
                },
                SwatchShape::Council => {
                    let (_, height) = council_size_for_text(6.0, 0.0, stroke_width);
                    Geometry::Council {
                        rect: Rect::centered(
                            center,
                            COUNCIL_SWATCH_WIDTH - stroke_width,
                            height.max(inner),
                        ),
                    }
                }
                SwatchShape::Circle => Geometry::Circle {
                    center,
                    radius: inner / 2.0,
                },
            };
            Shape::new(geometry, paint)
        }
        LegendSymbol::Badge { text, fill, .. } => Shape::new(
            Geometry::RoundedRect {
                rect: Rect::centered(center, badge_width(text), SWATCH_HEIGHT - 2.0),
                radius: (SWATCH_HEIGHT - 2.0) / 2.0,
            },
            Paint::fill(fill),
        ),
        LegendSymbol::Line { stroke, arrows } => {
            let half = LINE_SAMPLE_WIDTH / 2.0 - stroke.width / 2.0;
            Shape::new(
                Geometry::Polyline {
                    points: vec![
                        Point::new(center.x - half, center.y),
                        Point::new(center.x + half, center.y),
                    ],
                    arrows,
                },
                Paint::stroke(stroke),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::scene::{ArrowHeads, Dash};

    fn entry(label: &str) -> LegendEntry {
        LegendEntry {
            symbol: LegendSymbol::Line {
                stroke: Stroke::new(Color::BLACK, 1.0, Dash::Dashed),
                arrows: ArrowHeads::End,
            },
            label: label.to_string(),
        }
    }

    fn texts(items: &[Item]) -> Vec<&TextRun> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => Some(run),
                Item::Shape(_) => None,
            })
            .collect()
    }

    #[test]
    fn an_empty_legend_takes_no_room() {
        let legend = Legend {
            compact: false,
            names_size: None,
            groups: vec![LegendGroup {
                title: "Lines".to_string(),
                entries: Vec::new(),
            }],
        };
        assert_eq!(layout(&legend, 500.0), (Vec::new(), 0.0));
    }

    #[test]
    fn entries_share_a_row_in_equal_columns_and_labels_line_up() {
        let legend = Legend {
            compact: false,
            names_size: None,
            groups: vec![
                LegendGroup {
                    title: "Lines".to_string(),
                    entries: vec![entry("reports to"), entry("advises"), entry("member")],
                },
                LegendGroup {
                    title: "Border: risk".to_string(),
                    entries: vec![entry("high"), entry("low")],
                },
            ],
        };
        let (items, height) = layout(&legend, 700.0);
        let runs = texts(&items);
        assert_eq!(runs.len(), 7);
        // Both groups' first entries start in the same column, after the heading column.
        let first_labels: Vec<f32> = [1, 5].iter().map(|&i| runs[i].origin.x).collect();
        assert_eq!(first_labels[0], first_labels[1]);
        // The three line entries sit on one row.
        assert!(
            runs[1..4]
                .iter()
                .all(|run| run.origin.y == runs[1].origin.y)
        );
        assert!(height < 60.0, "{height}");
    }

    #[test]
    fn a_narrow_legend_stacks_and_wraps_within_its_width() {
        let legend = Legend {
            compact: false,
            names_size: None,
            groups: vec![LegendGroup {
                title: "A heading far too long to share a column with the entries".to_string(),
                entries: vec![
                    entry("a label long enough to need wrapping in a narrow legend box"),
                    entry("short"),
                ],
            }],
        };
        let (items, height) = layout(&legend, 160.0);
        for item in &items {
            let bounds = item.bounds().expect("bounds");
            assert!(Rect::new(0.0, 0.0, 160.0, height).contains_rect(&bounds, 0.01));
        }
        assert!(height > 60.0);
    }
}
