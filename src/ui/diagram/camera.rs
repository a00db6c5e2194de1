//! Where the diagram is on the canvas: a pan offset and a scale, moved by the wheel (scroll to
//! pan, Ctrl+wheel or pinch to zoom about the pointer, by [`ZOOM_STEP`] a notch), by dragging
//! the background, "Fit to window" and "Zoom to selection".
//!
//! Notches are read from the raw wheel events, not from egui's zoom factor: egui turns points
//! into zoom with an exponential whose step depends on how the platform reports a notch, which
//! made six notches fill the screen with one box.

use egui::{Event, MouseWheelUnit, Vec2};

use crate::export::Rect;
use crate::ui::scene_painter::SceneTransform;

/// How much one wheel notch (or one pinch step) zooms: 15%.
pub const ZOOM_STEP: f32 = 1.15;
/// The smallest and largest scale (screen points per diagram point).
pub const MIN_SCALE: f32 = 0.03;
/// The largest scale.
pub const MAX_SCALE: f32 = 6.0;
/// "Zoom to selection" never magnifies more than this (one box should not fill the screen).
const SELECTION_MAX_SCALE: f32 = 2.0;
/// Free space left round the picture by "Fit to window", in screen points.
const FIT_MARGIN: f32 = 16.0;

/// Where the camera is asked to go on the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aim {
    /// The whole picture in the window.
    Fit,
    /// The selected boxes in the window.
    Selection,
}

/// Pan and scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Where diagram point (0, 0) is, from the canvas's top-left corner.
    pub pan: Vec2,
    /// Screen points per diagram point.
    pub scale: f32,
    /// A fit asked for, done when the canvas is next drawn.
    pub pending: Option<Aim>,
    /// The picture was last fitted to the window and not moved since: a window of another
    /// size fits it again.
    pub fitted: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            scale: 1.0,
            pending: Some(Aim::Fit),
            fitted: false,
        }
    }
}

impl Camera {
    /// Diagram points to screen points on a canvas at `canvas`.
    pub fn transform(&self, canvas: egui::Rect) -> SceneTransform {
        SceneTransform {
            origin: canvas.min + self.pan,
            scale: self.scale,
        }
    }

    /// Zooms by `factor` keeping the diagram point under `pointer` where it is.
    pub fn zoom_about(&mut self, canvas: egui::Rect, pointer: egui::Pos2, factor: f32) {
        let before = self.transform(canvas);
        let anchor = before.to_scene(pointer);
        self.fitted = false;
        self.scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        self.pan = pointer - canvas.min - Vec2::new(anchor.x, anchor.y) * self.scale;
    }

    /// Shows `bounds` (diagram points) whole and centred on `canvas`, at most `max_scale`.
    pub fn show(&mut self, canvas: egui::Rect, bounds: &Rect, max_scale: f32) {
        let scale = ((canvas.width() - 2.0 * FIT_MARGIN) / bounds.width.max(1.0))
            .min((canvas.height() - 2.0 * FIT_MARGIN) / bounds.height.max(1.0))
            .clamp(MIN_SCALE, max_scale.max(MIN_SCALE));
        self.scale = scale;
        let centre = bounds.center();
        self.pan = canvas.size() / 2.0 - Vec2::new(centre.x, centre.y) * scale;
    }

    /// Moves the picture by `delta` screen points.
    pub fn pan_by(&mut self, delta: Vec2) {
        if delta != Vec2::ZERO {
            self.pan += delta;
            self.fitted = false;
        }
    }

    /// Does the pending fit, given the picture's bounds and the selection's.
    pub fn aim(&mut self, canvas: egui::Rect, picture: Option<Rect>, selection: Option<Rect>) {
        match self.pending {
            Some(Aim::Fit) => {
                if let Some(bounds) = picture {
                    self.show(canvas, &bounds, MAX_SCALE);
                    self.pending = None;
                    self.fitted = true;
                }
            }
            Some(Aim::Selection) => {
                if let Some(bounds) = selection.or(picture) {
                    self.show(canvas, &bounds.inflate(24.0), SELECTION_MAX_SCALE);
                }
                self.fitted = false;
                self.pending = None;
            }
            None => {}
        }
    }
}

/// The zoom asked for this frame by Ctrl+wheel notches and pinch steps, as a factor:
/// [`ZOOM_STEP`] in or out whatever the platform makes of a notch in points, at most one step a
/// frame (X11 under winit delivers each notch twice in the same frame, which zoomed twice as
/// far as asked), and a pinch no faster than one step a frame.
pub fn zoom_in_notches(input: &egui::InputState) -> f32 {
    let mut notches = 0.0_f32;
    let mut pinch = 1.0_f32;
    for event in &input.raw.events {
        match event {
            Event::MouseWheel {
                unit,
                delta,
                modifiers,
                ..
            } if modifiers.command || modifiers.ctrl => {
                let amount = delta.y + delta.x;
                notches += match unit {
                    MouseWheelUnit::Line | MouseWheelUnit::Page => amount,
                    // Touchpads and smooth wheels send points: 40 points make one notch, as
                    // egui scrolls a line.
                    MouseWheelUnit::Point => amount / 40.0,
                };
            }
            Event::Zoom(factor) => pinch *= factor,
            _ => {}
        }
    }
    ZOOM_STEP.powf(notches.clamp(-1.0, 1.0)) * pinch.clamp(1.0 / ZOOM_STEP, ZOOM_STEP)
}

/// Whether the wheel asked to zoom this frame (so the scroll is not also a pan).
pub fn wheel_zooms(input: &egui::InputState) -> bool {
    input.raw.events.iter().any(|event| match event {
        Event::MouseWheel { modifiers, .. } => modifiers.command || modifiers.ctrl,
        Event::Zoom(_) => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let canvas = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(800.0, 600.0));
        let mut camera = Camera {
            pan: egui::vec2(30.0, 40.0),
            scale: 0.5,
            pending: None,
            fitted: false,
        };
        let pointer = egui::pos2(300.0, 200.0);
        let under = camera.transform(canvas).to_scene(pointer);
        camera.zoom_about(canvas, pointer, ZOOM_STEP);
        assert!((camera.scale - 0.5 * ZOOM_STEP).abs() < 1e-6);
        let after = camera.transform(canvas).to_screen(under);
        assert!((after - pointer).length() < 1e-3, "{after:?}");
    }

    #[test]
    fn zoom_to_selection_never_magnifies_past_twice() {
        let canvas = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
        let mut camera = Camera {
            pending: Some(Aim::Selection),
            ..Camera::default()
        };
        let one_box = Rect::new(100.0, 100.0, 120.0, 40.0);
        camera.aim(
            canvas,
            Some(Rect::new(0.0, 0.0, 2000.0, 800.0)),
            Some(one_box),
        );
        assert_eq!(camera.scale, SELECTION_MAX_SCALE);
        let centre = camera.transform(canvas).to_screen(one_box.center());
        assert!((centre - canvas.center()).length() < 1e-3);
        assert_eq!(camera.pending, None);
    }
}
