//! Paints an export [`Scene`]'s items with egui's painter, so the screen shows exactly the
//! picture that is exported: scene points map to screen points by one scale and offset.

use egui::{Color32, Pos2, Stroke as EguiStroke, pos2, vec2};

use crate::export::scene::{Anchor, Color, Dash, Geometry, Item, Point, Scene, Shape, TextRun};
use crate::export::text;

/// Where the scene lands on screen: `screen = origin + scale * point`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneTransform {
    /// Screen position of scene point (0, 0).
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
}

fn color(color: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r, color.g, color.b, color.a)
}

fn shape_ui(painter: &egui::Painter, shape: &Shape, at: SceneTransform) {
    let fill = shape.paint.fill.map_or(Color32::TRANSPARENT, color);
    let stroke = shape.paint.stroke.map_or(EguiStroke::NONE, |s| {
        EguiStroke::new(s.width * at.scale, color(s.color))
    });
    match &shape.geometry {
        Geometry::RoundedRect { rect, radius } => {
            let min = at.to_screen(Point::new(rect.x, rect.y));
            let max = at.to_screen(Point::new(rect.right(), rect.bottom()));
            let rect = egui::Rect::from_min_max(min, max);
            let radius = radius * at.scale;
            painter.rect(rect, radius, fill, stroke, egui::StrokeKind::Middle);
        }
        Geometry::Ellipse { rect } | Geometry::Council { rect } => {
            let center = at.to_screen(rect.center());
            let radius = vec2(rect.width, rect.height) * at.scale / 2.0;
            painter.add(egui::Shape::ellipse_filled(center, radius, fill));
            painter.add(egui::Shape::ellipse_stroke(center, radius, stroke));
        }
        Geometry::Circle { center, radius } => {
            painter.circle(at.to_screen(*center), radius * at.scale, fill, stroke);
        }
        Geometry::Polyline { points, .. } => {
            let screen: Vec<Pos2> = points.iter().map(|p| at.to_screen(*p)).collect();
            let dashed = shape.paint.stroke.is_some_and(|s| s.dash != Dash::Solid);
            if dashed {
                painter.extend(egui::Shape::dashed_line(
                    &screen,
                    stroke,
                    4.0 * at.scale,
                    3.0 * at.scale,
                ));
            } else {
                painter.add(egui::Shape::line(screen, stroke));
            }
        }
    }
}

fn text_ui(painter: &egui::Painter, run: &TextRun, at: SceneTransform) {
    let size = run.size * at.scale;
    if size < 3.0 {
        return;
    }
    if let Some(background) = run.background {
        let bounds = run.bounds();
        let min = at.to_screen(Point::new(bounds.x, bounds.y));
        let max = at.to_screen(Point::new(bounds.right(), bounds.bottom()));
        painter.rect_filled(egui::Rect::from_min_max(min, max), 0.0, color(background));
    }
    let font = match run.weight {
        text::FontWeight::Bold => egui::FontId::new(size, egui::FontFamily::Proportional),
        text::FontWeight::Regular => egui::FontId::proportional(size),
    };
    let align = match run.anchor {
        Anchor::Start => egui::Align2::LEFT_TOP,
        Anchor::Middle => egui::Align2::CENTER_TOP,
        Anchor::End => egui::Align2::RIGHT_TOP,
    };
    let line_height = text::line_height(run.size);
    for (index, line) in run.lines.iter().enumerate() {
        let top = Point::new(
            run.origin.x,
            run.origin.y + index as f32 * line_height + (line_height - run.size * 1.15) / 2.0,
        );
        painter.text(
            at.to_screen(top),
            align,
            line,
            font.clone(),
            color(run.color),
        );
    }
}

/// Paints the scene's items (not its caption or legend) with `at`.
pub fn paint_scene_ui(painter: &egui::Painter, scene: &Scene, at: SceneTransform) {
    for item in &scene.items {
        match item {
            Item::Shape(shape) => shape_ui(painter, shape, at),
            Item::Text(run) => text_ui(painter, run, at),
        }
    }
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
