//! Paints export [`Scene`](crate::export::Scene) items with egui, so the screen shows the same
//! picture the exports write: boxes, ellipses, the council hexagon, lines with their dash style
//! and arrowheads, text runs. `View` maps diagram points to screen points.

use egui::{Align2, Color32, FontId, Pos2, Shape, StrokeKind, Vec2};

use crate::export::scene::{
    arrow_head, council_border_gap, council_inner_outline, council_outline,
};
use crate::export::{Anchor, Color, Dash, Geometry, Item, Point, Rect, Stroke, TextRun};

/// Diagram points to screen points: `screen = origin + point * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Where diagram point (0, 0) is on screen.
    pub origin: Pos2,
    /// Screen points per diagram point.
    pub zoom: f32,
}

impl View {
    /// A diagram point on screen.
    pub fn to_screen(&self, p: Point) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.zoom
    }

    /// A screen point in the diagram.
    pub fn to_diagram(&self, p: Pos2) -> Point {
        let d = (p - self.origin) / self.zoom;
        Point::new(d.x, d.y)
    }

    /// A diagram rectangle on screen.
    pub fn rect(&self, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_max(
            self.to_screen(Point::new(r.x, r.y)),
            self.to_screen(Point::new(r.right(), r.bottom())),
        )
    }
}

/// The egui colour of an export colour.
pub fn color(c: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

fn stroke(s: &Stroke, zoom: f32) -> egui::Stroke {
    egui::Stroke::new((s.width * zoom).max(0.5), color(s.color))
}

/// A line through `points` in the stroke's dash style.
fn styled_line(points: &[Pos2], s: &Stroke, zoom: f32, out: &mut Vec<Shape>) {
    let width = s.width * zoom;
    // Zoomed far out, dots and dashes closer than a few pixels read as a pale line: draw that,
    // which costs one shape instead of hundreds.
    let period = s
        .dash
        .pattern(s.width)
        .map_or(f32::INFINITY, |[on, off]| (on + off) * zoom);
    if period < 4.0 {
        let pale = egui::Stroke::new(width.max(0.5), color(s.color).gamma_multiply(0.55));
        out.push(Shape::line(points.to_vec(), pale));
        return;
    }
    match s.dash {
        Dash::Solid => out.push(Shape::line(points.to_vec(), stroke(s, zoom))),
        Dash::Dashed => {
            let [on, off] = s.dash.pattern(s.width).unwrap_or([5.0, 3.0]);
            out.extend(Shape::dashed_line(
                points,
                stroke(s, zoom),
                on * zoom,
                off * zoom,
            ));
        }
        Dash::Dotted => {
            let [_, gap] = s.dash.pattern(s.width).unwrap_or([0.0, 2.5]);
            out.extend(Shape::dotted_line(
                points,
                color(s.color),
                (gap * zoom).max(1.5),
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

/// The shapes that draw one scene item.
pub fn item_shapes(item: &Item, view: &View, fonts: &egui::Painter, out: &mut Vec<Shape>) {
    match item {
        Item::Shape(shape) => {
            let fill = shape.paint.fill.map_or(Color32::TRANSPARENT, color);
            let border = shape.paint.stroke;
            match &shape.geometry {
                Geometry::RoundedRect { rect, radius } => {
                    let r = view.rect(rect);
                    let solid = border.filter(|b| b.dash == Dash::Solid);
                    out.push(Shape::rect_filled(r, radius * view.zoom, fill));
                    if let Some(b) = solid {
                        out.push(Shape::rect_stroke(
                            r,
                            radius * view.zoom,
                            stroke(&b, view.zoom),
                            StrokeKind::Middle,
                        ));
                    } else if let Some(b) = border {
                        let corners = [
                            r.left_top(),
                            r.right_top(),
                            r.right_bottom(),
                            r.left_bottom(),
                        ];
                        styled_line(&closed(&corners), &b, view.zoom, out);
                    }
                }
                Geometry::Ellipse { rect } => {
                    let r = view.rect(rect);
                    out.push(Shape::ellipse_filled(r.center(), r.size() / 2.0, fill));
                    if let Some(b) = border {
                        out.push(Shape::ellipse_stroke(
                            r.center(),
                            r.size() / 2.0,
                            stroke(&b, view.zoom),
                        ));
                    }
                }
                Geometry::Council { rect } => {
                    let outer: Vec<Pos2> = council_outline(rect)
                        .iter()
                        .map(|p| view.to_screen(*p))
                        .collect();
                    let b = border.unwrap_or(Stroke::solid(Color::BLACK, 1.0));
                    out.push(Shape::convex_polygon(outer, fill, stroke(&b, view.zoom)));
                    let inner: Vec<Pos2> = council_inner_outline(rect, council_border_gap(b.width))
                        .iter()
                        .map(|p| view.to_screen(*p))
                        .collect();
                    out.push(Shape::closed_line(inner, stroke(&b, view.zoom)));
                }
                Geometry::Circle { center, radius } => {
                    out.push(Shape::circle_filled(
                        view.to_screen(*center),
                        radius * view.zoom,
                        fill,
                    ));
                    if let Some(b) = border {
                        out.push(Shape::circle_stroke(
                            view.to_screen(*center),
                            radius * view.zoom,
                            stroke(&b, view.zoom),
                        ));
                    }
                }
                Geometry::Polyline { points, arrows } => {
                    let Some(b) = border else { return };
                    if points.len() < 2 {
                        return;
                    }
                    let mut line: Vec<Point> = points.clone();
                    let n = line.len();
                    let mut heads = Vec::new();
                    if arrows.at_end()
                        && let Some((head, stop)) = arrow_head(line[n - 2], line[n - 1], b.width)
                    {
                        heads.push(head);
                        line[n - 1] = stop;
                    }
                    if arrows.at_start()
                        && let Some((head, stop)) = arrow_head(line[1], line[0], b.width)
                    {
                        heads.push(head);
                        line[0] = stop;
                    }
                    let screen: Vec<Pos2> = line.iter().map(|p| view.to_screen(*p)).collect();
                    styled_line(&screen, &b, view.zoom, out);
                    for head in heads {
                        let corners: Vec<Pos2> = head.iter().map(|p| view.to_screen(*p)).collect();
                        out.push(Shape::convex_polygon(
                            corners,
                            color(b.color),
                            egui::Stroke::NONE,
                        ));
                    }
                }
            }
        }
        Item::Text(run) => text_shapes(run, view, fonts, out),
    }
}

fn text_shapes(run: &TextRun, view: &View, fonts: &egui::Painter, out: &mut Vec<Shape>) {
    let size = run.size * view.zoom;
    if size < 3.0 {
        return; // Too small to read: skip the text layout work.
    }
    if let Some(background) = run.background {
        let r = view.rect(&run.text_box().inflate(TextRun::BACKGROUND_PADDING));
        out.push(Shape::rect_filled(r, 1.0, color(background)));
    }
    let font = FontId::proportional(size);
    let (align, x) = match run.anchor {
        Anchor::Start => (Align2::LEFT_TOP, run.origin.x),
        Anchor::Middle => (Align2::CENTER_TOP, run.origin.x),
        Anchor::End => (Align2::RIGHT_TOP, run.origin.x),
    };
    let line_height = crate::export::text::line_height(run.size);
    for (i, line) in run.lines.iter().enumerate() {
        let top = view.to_screen(Point::new(x, run.origin.y + i as f32 * line_height));
        // egui's font sits a little high in its line box; centre it as the export does.
        let pos = top + Vec2::new(0.0, (line_height * view.zoom - size) * 0.35);
        let galley = fonts.layout_no_wrap(line.clone(), font.clone(), color(run.color));
        let rect = align.anchor_size(pos, galley.size());
        let mut text = egui::epaint::TextShape::new(rect.min, galley, color(run.color));
        if run.weight == crate::export::FontWeight::Bold {
            // egui's default font has no bold face: a fake bold, drawn twice a hair apart.
            out.push(Shape::Text(text.clone()));
            text.pos.x += (size / 16.0).clamp(0.3, 1.0);
        }
        out.push(Shape::Text(text));
    }
}
