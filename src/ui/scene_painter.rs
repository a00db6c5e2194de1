//! The one painter for every export [`Scene`] on screen (the diagram, its legend, the risk/value
//! matrix): boxes, ellipses, the council's hexagon with its double border, circles, lines in
//! their dash style with arrowheads, and text runs in the export's own font (Liberation Sans,
//! regular and bold) with each line's baseline where the export puts it. Scene points map to
//! screen points by one scale and offset ([`SceneTransform`]), so the screen shows the picture
//! the files get.
//!
//! Level of detail keeps big pictures cheap and legible: text smaller than
//! [`Detail::hide_text_below`] screen points is not laid out at all, arrowheads too small to see
//! are left off, far-out dashes become one pale line, and [`paint_items`] skips items outside
//! the visible area (culling) using bounds worked out once per scene ([`item_bounds`]).

use egui::{Align2, Color32, FontFamily, FontId, Pos2, Shape, StrokeKind, pos2, vec2};

use crate::export::scene::{
    council_border_gap, council_inner_outline, council_outline, polyline_with_heads,
};
use crate::export::text::{self, FontWeight};
use crate::export::{Anchor, Color, Dash, Geometry, Item, Point, Rect, Scene, Stroke, TextRun};

/// Scene points to screen points: `screen = origin + point * scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneTransform {
    /// Where scene point (0, 0) is on screen.
    pub origin: Pos2,
    /// Screen points per scene point.
    pub scale: f32,
}

impl SceneTransform {
    /// A scene point on screen.
    pub fn to_screen(&self, point: Point) -> Pos2 {
        self.origin + vec2(point.x, point.y) * self.scale
    }

    /// A screen position in scene points.
    pub fn to_scene(&self, position: Pos2) -> Point {
        let local = (position - self.origin) / self.scale.max(1e-6);
        Point::new(local.x, local.y)
    }

    /// A scene rectangle on screen.
    pub fn rect(&self, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_max(
            self.to_screen(Point::new(r.x, r.y)),
            self.to_screen(Point::new(r.right(), r.bottom())),
        )
    }

    /// The screen rectangle `area` in scene points.
    pub fn scene_rect(&self, area: egui::Rect) -> Rect {
        let (a, b) = (self.to_scene(area.min), self.to_scene(area.max));
        Rect::new(a.x, a.y, b.x - a.x, b.y - a.y)
    }
}

/// How much detail is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detail {
    /// Text runs whose screen size is under this many points are not drawn (too small to
    /// read, and laying them out is most of a big picture's cost).
    pub hide_text_below: f32,
}

impl Detail {
    /// Everything down to 3-point text (legends, the matrix).
    pub const FULL: Self = Self {
        hide_text_below: 3.0,
    };
}

impl Default for Detail {
    fn default() -> Self {
        Self::FULL
    }
}

/// The egui colour of an export colour.
pub fn color(c: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

fn stroke(s: &Stroke, scale: f32) -> egui::Stroke {
    egui::Stroke::new((s.width * scale).max(0.5), color(s.color))
}

/// The names of the egui font families that hold the export font.
const REGULAR_FAMILY: &str = "Scene: Liberation Sans";
const BOLD_FAMILY: &str = "Scene: Liberation Sans Bold";

/// The families scene text is drawn in: the export font, regular and bold, once installed;
/// egui's own proportional font until then (fonts added in one frame take effect in the next).
#[derive(Clone, Debug, PartialEq)]
pub struct SceneFonts {
    regular: FontFamily,
    bold: FontFamily,
}

impl SceneFonts {
    /// The export font's families for `painter`, installing them on first use.
    pub fn for_painter(painter: &egui::Painter) -> Self {
        let family = |name: &str| FontFamily::Name(name.into());
        let installed = painter.fonts(|fonts| {
            let families = &fonts.definitions().families;
            families.contains_key(&family(REGULAR_FAMILY))
                && families.contains_key(&family(BOLD_FAMILY))
        });
        if installed {
            return Self {
                regular: family(REGULAR_FAMILY),
                bold: family(BOLD_FAMILY),
            };
        }
        for (name, bytes) in [
            (REGULAR_FAMILY, text::REGULAR_FONT),
            (BOLD_FAMILY, text::BOLD_FONT),
        ] {
            painter.ctx().add_font(egui::epaint::text::FontInsert::new(
                name,
                egui::FontData::from_static(bytes),
                vec![egui::epaint::text::InsertFontFamily {
                    family: family(name),
                    priority: egui::epaint::text::FontPriority::Highest,
                }],
            ));
        }
        Self {
            regular: FontFamily::Proportional,
            bold: FontFamily::Proportional,
        }
    }

    /// The font for text `size` screen points high in `weight`.
    pub fn font(&self, size: f32, weight: FontWeight) -> FontId {
        match weight {
            FontWeight::Regular => FontId::new(size, self.regular.clone()),
            FontWeight::Bold => FontId::new(size, self.bold.clone()),
        }
    }
}

/// A line through `points` in the stroke's dash style.
fn styled_line(points: &[Pos2], s: &Stroke, scale: f32, out: &mut Vec<Shape>) {
    let width = s.width * scale;
    // Far out, dots and dashes closer than a few pixels read as a pale line: draw that, which
    // costs one shape instead of hundreds.
    let period = s
        .dash
        .pattern(s.width)
        .map_or(f32::INFINITY, |[on, off]| (on + off) * scale);
    if period < 4.0 {
        let pale = egui::Stroke::new(width.max(0.5), color(s.color).gamma_multiply(0.55));
        out.push(Shape::line(points.to_vec(), pale));
        return;
    }
    match s.dash {
        Dash::Solid => out.push(Shape::line(points.to_vec(), stroke(s, scale))),
        Dash::Dashed => {
            let [on, off] = s.dash.pattern(s.width).unwrap_or([5.0, 3.0]);
            out.extend(Shape::dashed_line(
                points,
                stroke(s, scale),
                on * scale,
                off * scale,
            ));
        }
        Dash::Dotted => {
            let [_, gap] = s.dash.pattern(s.width).unwrap_or([0.0, 2.5]);
            out.extend(Shape::dotted_line(
                points,
                color(s.color),
                (gap * scale).max(1.5),
                (width / 2.0).max(0.5),
            ));
        }
    }
}

fn closed(points: &[Pos2]) -> Vec<Pos2> {
    let mut all = points.to_vec();
    if let Some(&first) = points.first() {
        all.push(first);
    }
    all
}

/// Ellipses smaller than this across on screen are drawn as fully rounded boxes.
const SMALL_ELLIPSE: f32 = 8.0;

/// Arrowheads shorter than this on screen are left off (the line alone reads the same).
const SMALLEST_ARROWHEAD: f32 = 2.0;

fn shape_shapes(shape: &crate::export::Shape, at: &SceneTransform, out: &mut Vec<Shape>) {
    let fill = shape.paint.fill.map_or(Color32::TRANSPARENT, color);
    let border = shape.paint.stroke;
    match &shape.geometry {
        Geometry::RoundedRect { rect, radius } => {
            let r = at.rect(rect);
            // Corners under a pixel are square: cheaper, and no one sees the difference.
            let radius = if radius * at.scale < 1.0 {
                0.0
            } else {
                radius * at.scale
            };
            match border {
                Some(b) if b.dash == Dash::Solid => {
                    out.push(Shape::Rect(egui::epaint::RectShape::new(
                        r,
                        radius,
                        fill,
                        stroke(&b, at.scale),
                        StrokeKind::Middle,
                    )))
                }
                Some(b) => {
                    out.push(Shape::rect_filled(r, radius, fill));
                    let corners = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                    ];
                    styled_line(&closed(&corners), &b, at.scale, out);
                }
                None => out.push(Shape::rect_filled(r, radius, fill)),
            }
        }
        Geometry::Ellipse { rect } if at.scale * rect.width.max(rect.height) < SMALL_ELLIPSE => {
            // A few pixels across, an ellipse and a fully rounded box look the same, and the
            // box costs a fraction to tessellate (many small organisations far out).
            let r = at.rect(rect);
            let outline = border.map_or(egui::Stroke::NONE, |b| stroke(&b, at.scale));
            out.push(Shape::Rect(egui::epaint::RectShape::new(
                r,
                r.height().min(r.width()) / 2.0,
                fill,
                outline,
                StrokeKind::Middle,
            )));
        }
        Geometry::Ellipse { rect } => {
            let r = at.rect(rect);
            out.push(Shape::ellipse_filled(r.center(), r.size() / 2.0, fill));
            if let Some(b) = border {
                out.push(Shape::ellipse_stroke(
                    r.center(),
                    r.size() / 2.0,
                    stroke(&b, at.scale),
                ));
            }
        }
        Geometry::Council { rect } => {
            let outer: Vec<Pos2> = council_outline(rect)
                .iter()
                .map(|p| at.to_screen(*p))
                .collect();
            let b = border.unwrap_or(Stroke::solid(Color::BLACK, 1.0));
            out.push(Shape::convex_polygon(outer, fill, stroke(&b, at.scale)));
            let inner: Vec<Pos2> = council_inner_outline(rect, council_border_gap(b.width))
                .iter()
                .map(|p| at.to_screen(*p))
                .collect();
            out.push(Shape::closed_line(inner, stroke(&b, at.scale)));
        }
        Geometry::Circle { center, radius } => {
            let centre = at.to_screen(*center);
            let radius = radius * at.scale;
            let outline = border.map_or(egui::Stroke::NONE, |b| stroke(&b, at.scale));
            out.push(Shape::circle_filled(centre, radius, fill));
            if outline != egui::Stroke::NONE {
                out.push(Shape::circle_stroke(centre, radius, outline));
            }
        }
        Geometry::Polyline { points, arrows } => {
            let Some(b) = border else { return };
            if points.len() < 2 {
                return;
            }
            let head_length = crate::export::scene::arrow_length(b.width) * at.scale;
            let (line, heads) = if head_length < SMALLEST_ARROWHEAD {
                (points.clone(), Vec::new())
            } else {
                polyline_with_heads(points, *arrows, b.width)
            };
            let screen: Vec<Pos2> = line.iter().map(|p| at.to_screen(*p)).collect();
            styled_line(&screen, &b, at.scale, out);
            for head in heads {
                let corners: Vec<Pos2> = head.iter().map(|p| at.to_screen(*p)).collect();
                out.push(Shape::convex_polygon(
                    corners,
                    color(b.color),
                    egui::Stroke::new(
                        crate::export::scene::arrow_head_outline(b.width) * at.scale,
                        color(b.color),
                    ),
                ));
            }
        }
    }
}

/// Where, in a galley of one line, the baseline is (from its top).
fn galley_baseline(galley: &egui::Galley, size: f32) -> f32 {
    galley
        .rows
        .first()
        .and_then(|row| row.row.glyphs.first().map(|glyph| row.pos.y + glyph.pos.y))
        .unwrap_or(size * 0.8)
}

fn text_shapes(
    run: &TextRun,
    at: &SceneTransform,
    painter: &egui::Painter,
    fonts: &SceneFonts,
    out: &mut Vec<Shape>,
) {
    let size = run.size * at.scale;
    if let Some(background) = run.background {
        let r = at.rect(&run.text_box().inflate(TextRun::BACKGROUND_PADDING));
        out.push(Shape::rect_filled(r, 1.0, color(background)));
    }
    let font = fonts.font(size, run.weight);
    let align = match run.anchor {
        Anchor::Start => Align2::LEFT_TOP,
        Anchor::Middle => Align2::CENTER_TOP,
        Anchor::End => Align2::RIGHT_TOP,
    };
    for (index, line) in run.lines.iter().enumerate() {
        let galley = painter.layout_no_wrap(line.clone(), font.clone(), color(run.color));
        let baseline = at.to_screen(Point::new(run.origin.x, run.baseline(index)));
        let top = pos2(baseline.x, baseline.y - galley_baseline(&galley, size));
        let rect = align.anchor_size(top, galley.size());
        out.push(Shape::galley(rect.min, galley, color(run.color)));
    }
}

/// The shapes that draw one scene item.
pub fn item_shapes(
    item: &Item,
    at: &SceneTransform,
    detail: Detail,
    painter: &egui::Painter,
    fonts: &SceneFonts,
    out: &mut Vec<Shape>,
) {
    match item {
        Item::Shape(shape) => shape_shapes(shape, at, out),
        Item::Text(run) if run.size * at.scale >= detail.hide_text_below => {
            text_shapes(run, at, painter, fonts, out);
        }
        Item::Text(_) => {}
    }
}

/// Every item's bounds (what [`paint_items`] culls by), worked out once per scene.
pub fn item_bounds(items: &[Item]) -> Vec<Option<Rect>> {
    items.iter().map(Item::bounds).collect()
}

/// Paints `items` with `at`, leaving out those whose `bounds` (from [`item_bounds`]; `None` for
/// an item that draws nothing) lie outside the painter's clip rectangle.
pub fn paint_items(
    painter: &egui::Painter,
    items: &[Item],
    bounds: &[Option<Rect>],
    at: SceneTransform,
    detail: Detail,
) {
    let seen = at.scene_rect(painter.clip_rect());
    let fonts = SceneFonts::for_painter(painter);
    let mut shapes = Vec::with_capacity(items.len() * 2);
    for (item, bound) in items.iter().zip(bounds) {
        let Some(b) = bound else { continue };
        let on_screen = b.x <= seen.right()
            && b.right() >= seen.x
            && b.y <= seen.bottom()
            && b.bottom() >= seen.y;
        if on_screen {
            item_shapes(item, &at, detail, painter, &fonts, &mut shapes);
        }
    }
    painter.extend(shapes);
}

/// Paints the scene's items (not its caption or legend) with `at`.
pub fn paint_scene_ui(painter: &egui::Painter, scene: &Scene, at: SceneTransform) {
    paint_items(
        painter,
        &scene.items,
        &item_bounds(&scene.items),
        at,
        Detail::FULL,
    );
}

/// The transform that fits `scene` into `area` (centred, never larger than `max_scale`).
pub fn fit_scene(scene: &Scene, area: egui::Rect, max_scale: f32) -> SceneTransform {
    let Some(bounds) = scene.bounds() else {
        return SceneTransform {
            origin: area.min,
            scale: 1.0,
        };
    };
    let scale = (area.width() / bounds.width.max(1.0))
        .min(area.height() / bounds.height.max(1.0))
        .min(max_scale)
        .max(0.1);
    let used = vec2(bounds.width, bounds.height) * scale;
    let corner = area.min + (area.size() - used) / 2.0;
    SceneTransform {
        origin: pos2(corner.x - bounds.x * scale, corner.y - bounds.y * scale),
        scale,
    }
}
