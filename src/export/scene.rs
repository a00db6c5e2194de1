//! The scene: a picture in points (1/72 inch), independent of any page, that every encoder (SVG,
//! PNG, PDF) and the screen draw the same way.
//!
//! A [`Scene`] is a list of [`Item`]s in drawing order (later items on top): [`Shape`]s (rounded
//! boxes for partnerships, the council's own shape, ellipses for organisations, circles for the
//! risk/value matrix, lines with arrowheads) and [`TextRun`]s; plus the [`Legend`] and the
//! [`Caption`] that every exported picture carries. The page layout ([`super::page`]) places the
//! caption and legend; the items keep their own coordinates (x to the right, y down).
//!
//! The geometry helpers ([`council_outline`], [`arrow_head`], [`Dash::pattern`]) are shared, so
//! the screen draws exactly what the encoders write.

use chrono::NaiveDate;

use super::text::{self, FontWeight};

/// A point in points, x to the right and y down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Distance from the left.
    pub x: f32,
    /// Distance from the top.
    pub y: f32,
}

impl Point {
    /// The point at (`x`, `y`).
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle in points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width (not negative).
    pub width: f32,
    /// Height (not negative).
    pub height: f32,
}

impl Rect {
    /// The rectangle with its top-left corner at (`x`, `y`).
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle of the given size centred on `center`.
    pub fn centered(center: Point, width: f32, height: f32) -> Self {
        Self::new(
            center.x - width / 2.0,
            center.y - height / 2.0,
            width,
            height,
        )
    }

    /// The smallest rectangle holding every point (an empty list gives `None`).
    pub fn around(points: &[Point]) -> Option<Self> {
        let first = points.first()?;
        let (mut left, mut top, mut right, mut bottom) = (first.x, first.y, first.x, first.y);
        for point in &points[1..] {
            left = left.min(point.x);
            top = top.min(point.y);
            right = right.max(point.x);
            bottom = bottom.max(point.y);
        }
        Some(Self::new(left, top, right - left, bottom - top))
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// This rectangle grown by `by` on every side (shrunk when negative, never below zero size).
    pub fn inflate(&self, by: f32) -> Self {
        let width = (self.width + 2.0 * by).max(0.0);
        let height = (self.height + 2.0 * by).max(0.0);
        Self::centered(self.center(), width, height)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Self) -> Self {
        let left = self.x.min(other.x);
        let top = self.y.min(other.y);
        let right = self.right().max(other.right());
        let bottom = self.bottom().max(other.bottom());
        Self::new(left, top, right - left, bottom - top)
    }

    /// Whether `other` lies inside this rectangle, allowing `tolerance` points of rounding.
    pub fn contains_rect(&self, other: &Self, tolerance: f32) -> bool {
        other.x >= self.x - tolerance
            && other.y >= self.y - tolerance
            && other.right() <= self.right() + tolerance
            && other.bottom() <= self.bottom() + tolerance
    }
}

/// A colour, 8-bit sRGB with alpha (255 is opaque; faded nodes use less).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha: 0 transparent, 255 opaque.
    pub a: u8,
}

impl Color {
    /// Black.
    pub const BLACK: Self = Self::rgb(0, 0, 0);
    /// White.
    pub const WHITE: Self = Self::rgb(255, 255, 255);
    /// The dark grey used for body text.
    pub const TEXT: Self = Self::rgb(0x22, 0x22, 0x22);
    /// The mid grey used for secondary text (dates, sources).
    pub const MUTED: Self = Self::rgb(0x55, 0x55, 0x55);

    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// The same colour with another alpha.
    pub const fn with_alpha(self, a: u8) -> Self {
        Self { a, ..self }
    }

    /// `#rrggbb` (alpha is written separately, as an opacity).
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Alpha as an opacity from 0 to 1.
    pub fn opacity(&self) -> f32 {
        f32::from(self.a) / 255.0
    }
}

/// How a line or border is drawn. Colour is never the only signal: these differ in greyscale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dash {
    /// Unbroken (reports to, accountable to, sub-group of).
    #[default]
    Solid,
    /// Dashes (advises, informs).
    Dashed,
    /// Round dots (shared membership).
    Dotted,
}

impl Dash {
    /// The dash pattern (on, off) in points for a line `width` points wide; `None` for solid.
    /// Dotted lines are zero-length dashes drawn with round caps, so each dot is a circle of the
    /// line's width.
    pub fn pattern(self, width: f32) -> Option<[f32; 2]> {
        let width = width.max(0.25);
        match self {
            Self::Solid => None,
            Self::Dashed => Some([(4.0 * width).max(5.0), (2.5 * width).max(3.0)]),
            Self::Dotted => Some([0.0, (2.5 * width).max(2.5)]),
        }
    }

    /// Whether line ends and dashes are round (dotted) or square-cut.
    pub fn round_caps(self) -> bool {
        self == Self::Dotted
    }
}

/// The outline of a shape or a line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: Color,
    /// Width in points.
    pub width: f32,
    /// Solid, dashed or dotted.
    pub dash: Dash,
}

impl Stroke {
    /// A solid stroke.
    pub const fn solid(color: Color, width: f32) -> Self {
        Self {
            color,
            width,
            dash: Dash::Solid,
        }
    }

    /// A stroke with the given dash style.
    pub const fn new(color: Color, width: f32, dash: Dash) -> Self {
        Self { color, width, dash }
    }
}

/// How a shape is filled and outlined.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Paint {
    /// Fill colour, or none.
    pub fill: Option<Color>,
    /// Outline, or none.
    pub stroke: Option<Stroke>,
}

impl Paint {
    /// Filled and outlined.
    pub const fn new(fill: Color, stroke: Stroke) -> Self {
        Self {
            fill: Some(fill),
            stroke: Some(stroke),
        }
    }

    /// Outline only (lines, empty boxes).
    pub const fn stroke(stroke: Stroke) -> Self {
        Self {
            fill: None,
            stroke: Some(stroke),
        }
    }

    /// Fill only.
    pub const fn fill(fill: Color) -> Self {
        Self {
            fill: Some(fill),
            stroke: None,
        }
    }

    /// Half the stroke width: how far the outline reaches outside the geometry.
    fn overhang(&self) -> f32 {
        self.stroke.map_or(0.0, |stroke| stroke.width / 2.0)
    }
}

/// Which ends of a line carry an arrowhead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ArrowHeads {
    /// A plain line.
    #[default]
    None,
    /// An arrowhead at the last point (the usual "reports to" arrow).
    End,
    /// An arrowhead at the first point.
    Start,
    /// Arrowheads at both ends.
    Both,
}

impl ArrowHeads {
    /// Whether the first point has a head.
    pub fn at_start(self) -> bool {
        matches!(self, Self::Start | Self::Both)
    }

    /// Whether the last point has a head.
    pub fn at_end(self) -> bool {
        matches!(self, Self::End | Self::Both)
    }
}

/// What a shape is.
#[derive(Clone, Debug, PartialEq)]
pub enum Geometry {
    /// A box with rounded corners (a partnership).
    RoundedRect {
        /// The box.
        rect: Rect,
        /// Corner radius (0 for a square-cornered box).
        radius: f32,
    },
    /// An ellipse filling `rect` (an organisation).
    Ellipse {
        /// The ellipse's bounding box.
        rect: Rect,
    },
    /// The council: a flat hexagon filling `rect` with a double border, unlike any other shape.
    /// Its text fits in [`council_text_area`].
    Council {
        /// The hexagon's bounding box.
        rect: Rect,
    },
    /// A circle (a partnership on the risk/value matrix).
    Circle {
        /// Centre.
        center: Point,
        /// Radius.
        radius: f32,
    },
    /// A line through the points, with optional arrowheads (drawn filled in the stroke colour).
    /// Lines are never filled.
    Polyline {
        /// At least two points.
        points: Vec<Point>,
        /// Which ends have heads.
        arrows: ArrowHeads,
    },
}

/// A shape: geometry, paint, and an optional tooltip (the full name; an SVG `<title>`).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// What is drawn.
    pub geometry: Geometry,
    /// Fill and outline.
    pub paint: Paint,
    /// Shown on hover in SVG viewers and on screen.
    pub tooltip: Option<String>,
}

impl Shape {
    /// A shape without a tooltip.
    pub fn new(geometry: Geometry, paint: Paint) -> Self {
        Self {
            geometry,
            paint,
            tooltip: None,
        }
    }

    /// The same shape with a tooltip.
    pub fn with_tooltip(mut self, tooltip: impl Into<String>) -> Self {
        self.tooltip = Some(tooltip.into());
        self
    }

    /// Everything the shape paints, outline and arrowheads included (`None` for a line with
    /// fewer than two points, which draws nothing).
    pub fn bounds(&self) -> Option<Rect> {
        let overhang = self.paint.overhang();
        match &self.geometry {
            Geometry::RoundedRect { rect, .. }
            | Geometry::Ellipse { rect }
            | Geometry::Council { rect } => Some(rect.inflate(overhang)),
            Geometry::Circle { center, radius } => {
                Some(Rect::centered(*center, 2.0 * radius, 2.0 * radius).inflate(overhang))
            }
            Geometry::Polyline { points, arrows } => {
                if points.len() < 2 {
                    return None;
                }
                let width = self.paint.stroke.map_or(1.0, |stroke| stroke.width);
                let mut bounds = Rect::around(points)?.inflate(overhang);
                let head_overhang = arrow_head_outline(width) / 2.0;
                for head in polyline_heads(points, *arrows, width) {
                    if let Some(head_bounds) = Rect::around(&head) {
                        bounds = bounds.union(&head_bounds.inflate(head_overhang));
                    }
                }
                Some(bounds)
            }
        }
    }
}

/// Horizontal alignment of text on its anchor point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The anchor is the left end of each line.
    Start,
    /// The anchor is the middle of each line.
    #[default]
    Middle,
    /// The anchor is the right end of each line.
    End,
}

/// One or more lines of text in the embedded font. Wrap with [`text::wrap`] first; a run never
/// wraps by itself, so its size is what [`text::block_size`] says.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The anchor: x as [`Anchor`] says, y the top of the first line.
    pub origin: Point,
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// Font size in points.
    pub size: f32,
    /// Regular or bold.
    pub weight: FontWeight,
    /// Where `origin.x` is on each line.
    pub anchor: Anchor,
    /// Text colour.
    pub color: Color,
    /// A box of this colour behind the text (labels on lines stay readable).
    pub background: Option<Color>,
}

impl TextRun {
    /// Padding of the background box around the text, in points.
    pub const BACKGROUND_PADDING: f32 = 1.5;

    /// A run of regular dark text, centred on `origin.x`.
    pub fn new(origin: Point, lines: Vec<String>, size: f32) -> Self {
        Self {
            origin,
            lines,
            size,
            weight: FontWeight::Regular,
            anchor: Anchor::Middle,
            color: Color::TEXT,
            background: None,
        }
    }

    /// One line of text.
    pub fn line(origin: Point, text: impl Into<String>, size: f32) -> Self {
        Self::new(origin, vec![text.into()], size)
    }

    /// The same run in bold.
    pub fn bold(mut self) -> Self {
        self.weight = FontWeight::Bold;
        self
    }

    /// The same run with another anchor.
    pub fn anchored(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }

    /// The same run in another colour.
    pub fn colored(mut self, color: Color) -> Self {
        self.color = color;
        self
    }

    /// The same run on a box of `color`.
    pub fn with_background(mut self, color: Color) -> Self {
        self.background = Some(color);
        self
    }

    /// The box the text occupies: full line heights, widest line (background excluded).
    pub fn text_box(&self) -> Rect {
        let size = text::block_size(&self.lines, self.size, self.weight);
        let left = match self.anchor {
            Anchor::Start => self.origin.x,
            Anchor::Middle => self.origin.x - size.width / 2.0,
            Anchor::End => self.origin.x - size.width,
        };
        Rect::new(left, self.origin.y, size.width, size.height)
    }

    /// The baseline of line `index` (0 is the first).
    pub fn baseline(&self, index: usize) -> f32 {
        self.origin.y
            + text::first_baseline(self.size)
            + index as f32 * text::line_height(self.size)
    }

    /// Everything the run paints, background included.
    pub fn bounds(&self) -> Rect {
        let text_box = self.text_box();
        if self.background.is_some() {
            text_box.inflate(Self::BACKGROUND_PADDING)
        } else {
            text_box
        }
    }
}

/// One thing drawn, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A shape.
    Shape(Shape),
    /// Text.
    Text(TextRun),
}

impl Item {
    /// Everything the item paints (`None` for a degenerate line).
    pub fn bounds(&self) -> Option<Rect> {
        match self {
            Self::Shape(shape) => shape.bounds(),
            Self::Text(run) => Some(run.bounds()),
        }
    }
}

/// The shape of a legend swatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SwatchShape {
    /// A rounded box (partnership).
    RoundedRect,
    /// An ellipse (organisation).
    Ellipse,
    /// The council's hexagon.
    Council,
    /// A circle (matrix point).
    Circle,
}

/// What a legend entry shows beside its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LegendSymbol {
    /// A small shape with the given fill and border (themes, risk-band borders, kinds).
    Swatch {
        /// Which shape.
        shape: SwatchShape,
        /// Its fill and border, as in the picture.
        paint: Paint,
    },
    /// A badge as drawn on the boxes: its letters in `ink` on a `fill` pill.
    Badge {
        /// The letters ("AB", "Lead", "£").
        text: &'static str,
        /// The pill's colour.
        fill: Color,
        /// The letters' colour.
        ink: Color,
    },
    /// A short line in the given style (relationship types).
    Line {
        /// Colour, width and dash.
        stroke: Stroke,
        /// Arrowheads, as in the picture.
        arrows: ArrowHeads,
    },
}

/// One legend entry: a symbol and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The symbol.
    pub symbol: LegendSymbol,
    /// What it means.
    pub label: String,
}

/// A titled group of legend entries ("Lines", "Fill: theme", "Border: risk band").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LegendGroup {
    /// The group's heading.
    pub title: String,
    /// Its entries.
    pub entries: Vec<LegendEntry>,
}

/// The legend: every style rule in the picture, so colour is never the only signal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// The groups, in order.
    pub groups: Vec<LegendGroup>,
    /// Printed smaller (at [`super::page::COMPACT_LEGEND_SCALE`]), leaving the picture more
    /// of the page: for diagrams, whose names must stay large enough to read. A compact legend
    /// also takes no more than [`super::page::COMPACT_LEGEND_SHARE`] of the printable height
    /// below the picture, and its text prints no larger than the picture's names (down to
    /// [`super::page::MIN_LEGEND_TEXT_PT`]).
    pub compact: bool,
    /// The size of the picture's names in scene points, when the legend's text must print no
    /// larger than they do (diagrams); `None` to print it at its own size.
    pub names_size: Option<f32>,
}

impl Legend {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|group| group.entries.is_empty())
    }
}

/// The caption block every exported picture carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The picture's title ("Appendix 4: how the partnerships relate to each other").
    pub title: String,
    /// The date of the data, shown as "Data as at 14 March 2026".
    pub data_as_at: NaiveDate,
    /// Where the data comes from ("Source: Partnership register, Policy Team").
    pub source: String,
}

impl Caption {
    /// "Data as at 14 March 2026".
    pub fn data_as_at_line(&self) -> String {
        format!("Data as at {}", self.data_as_at.format("%-d %B %Y"))
    }
}

/// A picture: items in drawing order, a legend and a caption.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Shapes and text, later ones on top.
    pub items: Vec<Item>,
    /// The legend.
    pub legend: Legend,
    /// The caption block.
    pub caption: Caption,
}

impl Scene {
    /// An empty picture with this caption.
    pub fn new(caption: Caption) -> Self {
        Self {
            items: Vec::new(),
            legend: Legend::default(),
            caption,
        }
    }

    /// Adds a shape on top.
    pub fn push_shape(&mut self, shape: Shape) {
        self.items.push(Item::Shape(shape));
    }

    /// Adds text on top.
    pub fn push_text(&mut self, run: TextRun) {
        self.items.push(Item::Text(run));
    }

    /// Everything the items paint (`None` when nothing is drawn). Caption and legend are placed
    /// by the page layout and are not included.
    pub fn bounds(&self) -> Option<Rect> {
        items_bounds(&self.items)
    }
}

/// The union of the items' bounds (`None` when nothing is drawn).
pub fn items_bounds(items: &[Item]) -> Option<Rect> {
    items
        .iter()
        .filter_map(Item::bounds)
        .reduce(|all, one| all.union(&one))
}

/// How far the council hexagon's side points reach in from its box: the slanted ends.
fn council_slant(rect: &Rect) -> f32 {
    (rect.height * 0.35).min(rect.width / 2.0)
}

/// The council hexagon's corners, clockwise from the left point.
pub fn council_outline(rect: &Rect) -> [Point; 6] {
    let slant = council_slant(rect);
    let middle = rect.y + rect.height / 2.0;
    [
        Point::new(rect.x, middle),
        Point::new(rect.x + slant, rect.y),
        Point::new(rect.right() - slant, rect.y),
        Point::new(rect.right(), middle),
        Point::new(rect.right() - slant, rect.bottom()),
        Point::new(rect.x + slant, rect.bottom()),
    ]
}

/// The gap between the council's two borders, in points, for an outline `width` wide.
pub fn council_border_gap(width: f32) -> f32 {
    width + 2.0
}

/// The inner border of the council hexagon, `gap` points inside the outer one.
pub fn council_inner_outline(rect: &Rect, gap: f32) -> [Point; 6] {
    council_outline(&rect.inflate(-gap))
}

/// The rectangle inside the council hexagon where its label goes: between the inner border's
/// top and bottom edges, clear of its stroke.
pub fn council_text_area(rect: &Rect, stroke_width: f32) -> Rect {
    let gap = council_border_gap(stroke_width);
    let inner = rect.inflate(-gap);
    let inset = council_slant(&inner) + stroke_width;
    Rect::new(
        inner.x + inset,
        inner.y + stroke_width,
        (inner.width - 2.0 * inset).max(0.0),
        (inner.height - 2.0 * stroke_width).max(0.0),
    )
}

/// The size (width, height) of the council shape whose [`council_text_area`] holds a text
/// block of `width` x `height` points.
pub fn council_size_for_text(width: f32, height: f32, stroke_width: f32) -> (f32, f32) {
    let gap = council_border_gap(stroke_width);
    let inner_height = height + 2.0 * stroke_width;
    let inner_width = width + 2.0 * (inner_height * 0.35 + stroke_width);
    (inner_width + 2.0 * gap, inner_height + 2.0 * gap)
}

/// Width of the outline drawn round an arrowhead (same colour, round joins) so small heads
/// stay crisp, for a line `width` points wide.
pub fn arrow_head_outline(width: f32) -> f32 {
    (width / 2.0).min(1.0)
}

/// Length of an arrowhead for a line `width` points wide.
pub fn arrow_length(width: f32) -> f32 {
    (width * 4.0).max(7.0)
}

/// An arrowhead pointing at `tip` along the direction from `from`: its three corners (tip,
/// then the two back corners) and the point where the line should stop, so a blunt line end
/// never shows past the point. `None` when the two points coincide.
pub fn arrow_head(from: Point, tip: Point, width: f32) -> Option<([Point; 3], Point)> {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let distance = (dx * dx + dy * dy).sqrt();
    if distance <= f32::EPSILON {
        return None;
    }
    let (ux, uy) = (dx / distance, dy / distance);
    let length = arrow_length(width).min(distance);
    let half_width = length * 0.4;
    let base = Point::new(tip.x - ux * length, tip.y - uy * length);
    let left = Point::new(base.x - uy * half_width, base.y + ux * half_width);
    let right = Point::new(base.x + uy * half_width, base.y - ux * half_width);
    let line_end = Point::new(tip.x - ux * length * 0.8, tip.y - uy * length * 0.8);
    Some(([tip, left, right], line_end))
}

/// The arrowheads of a polyline (zero, one or two triangles).
pub fn polyline_heads(points: &[Point], arrows: ArrowHeads, width: f32) -> Vec<[Point; 3]> {
    polyline_with_heads(points, arrows, width).1
}

/// A polyline's points with the ends pulled back under their arrowheads, and the heads.
pub fn polyline_with_heads(
    points: &[Point],
    arrows: ArrowHeads,
    width: f32,
) -> (Vec<Point>, Vec<[Point; 3]>) {
    let mut line = points.to_vec();
    let mut heads = Vec::new();
    let count = line.len();
    if count < 2 {
        return (line, heads);
    }
    if arrows.at_end()
        && let Some((head, end)) = arrow_head(points[count - 2], points[count - 1], width)
    {
        heads.push(head);
        line[count - 1] = end;
    }
    if arrows.at_start()
        && let Some((head, start)) = arrow_head(points[1], points[0], width)
    {
        heads.push(head);
        line[0] = start;
    }
    (line, heads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_head_points_along_the_line_and_the_line_stops_inside_it() {
        let Some(([tip, left, right], end)) =
            arrow_head(Point::new(0.0, 0.0), Point::new(100.0, 0.0), 1.0)
        else {
            panic!("a head");
        };
        assert_eq!(tip, Point::new(100.0, 0.0));
        assert!((left.x - 93.0).abs() < 1e-4 && (right.x - 93.0).abs() < 1e-4);
        assert!((left.y + right.y).abs() < 1e-4 && left.y.abs() > 2.0);
        assert!(end.x > 93.0 && end.x < 100.0);
        assert!(arrow_head(Point::new(1.0, 1.0), Point::new(1.0, 1.0), 1.0).is_none());
    }

    #[test]
    fn shape_bounds_include_outline_and_heads() {
        let boxed = Shape::new(
            Geometry::RoundedRect {
                rect: Rect::new(10.0, 10.0, 100.0, 40.0),
                radius: 6.0,
            },
            Paint::new(Color::WHITE, Stroke::solid(Color::BLACK, 2.0)),
        );
        assert_eq!(boxed.bounds(), Some(Rect::new(9.0, 9.0, 102.0, 42.0)));
        let line = Shape::new(
            Geometry::Polyline {
                points: vec![Point::new(0.0, 0.0), Point::new(0.0, 50.0)],
                arrows: ArrowHeads::End,
            },
            Paint::stroke(Stroke::solid(Color::BLACK, 1.0)),
        );
        let bounds = line.bounds().expect("bounds");
        assert!(
            bounds.width >= 5.0,
            "the head is wider than the line: {bounds:?}"
        );
        assert!(
            bounds.bottom() >= 50.0 && bounds.bottom() <= 50.6,
            "{bounds:?}"
        );
    }

    #[test]
    fn council_text_area_is_inside_the_hexagon() {
        let (width, height) = council_size_for_text(120.0, 30.0, 1.5);
        let rect = Rect::new(0.0, 0.0, width, height);
        let area = council_text_area(&rect, 1.5);
        assert!((area.width - 120.0).abs() < 0.01, "{area:?}");
        assert!((area.height - 30.0).abs() < 0.01, "{area:?}");
        let inner = council_inner_outline(&rect, council_border_gap(1.5));
        // Inside the inner border's flat top and bottom, clear of its stroke.
        assert!(area.x >= inner[1].x + 1.5 - 0.01 && area.right() <= inner[2].x - 1.5 + 0.01);
        assert!(area.y >= inner[1].y + 1.5 - 0.01 && area.bottom() <= inner[4].y - 1.5 + 0.01);
    }

    #[test]
    fn caption_date_reads_as_british_english() {
        let caption = Caption {
            title: String::new(),
            data_as_at: NaiveDate::from_ymd_opt(2026, 3, 4).expect("date"),
            source: String::new(),
        };
        assert_eq!(caption.data_as_at_line(), "Data as at 4 March 2026");
    }
}
