//! The diagram canvas: paints the cached scene, pans (drag the background, or scroll), zooms
//! (Ctrl+wheel or pinch, around the pointer), selects (click; Shift+click adds), and drags
//! nodes (one move edit when the drag ends). Repaints only on input.

use egui::{Sense, Vec2};

use super::painter::{self, View};
use super::{DiagramPanelState, Drag, build_scene};
use crate::diagram::{Visibility, edits};
use crate::model::NodeRef;
use crate::model::PartnershipId;
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

const MIN_ZOOM: f32 = 0.05;
const MAX_ZOOM: f32 = 6.0;
const SELECTED: egui::Color32 = egui::Color32::from_rgb(0x00, 0x5e, 0xb8);

/// Draws the canvas and handles its input.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let response = response.on_hover_cursor(egui::CursorIcon::Grab);
    state.canvas = Some(rect);
    if state.fit_pending {
        fit(state, rect);
    }
    let mut view = View {
        origin: rect.min + state.pan,
        zoom: state.zoom,
    };

    if response.hovered() {
        let (zoom_delta, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        if (zoom_delta - 1.0).abs() > f32::EPSILON {
            let pointer = response.hover_pos().unwrap_or(rect.center());
            let anchor = view.to_diagram(pointer);
            state.zoom = (state.zoom * zoom_delta).clamp(MIN_ZOOM, MAX_ZOOM);
            view.zoom = state.zoom;
            view.origin = pointer - Vec2::new(anchor.x, anchor.y) * state.zoom;
            state.pan = view.origin - rect.min;
        } else if scroll != Vec2::ZERO {
            state.pan += scroll;
            view.origin += scroll;
        }
    }

    drag_and_click(ui, &response, context, state, current, commands, &mut view);

    let Some(cache) = &state.cache else { return };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let mut shapes = Vec::new();
    // Only what is on screen is tessellated.
    let seen = {
        let (a, b) = (view.to_diagram(rect.min), view.to_diagram(rect.max));
        crate::export::Rect::new(a.x, a.y, b.x - a.x, b.y - a.y)
    };
    for item in &cache.scene.items {
        let on_screen = item.bounds().is_none_or(|b| {
            b.x <= seen.right()
                && b.right() >= seen.x
                && b.y <= seen.bottom()
                && b.bottom() >= seen.y
        });
        if on_screen {
            painter::item_shapes(item, &view, &painter, &mut shapes);
        }
    }
    painter.extend(shapes);
    for node in &cache.diagram.nodes {
        if node.visibility == Visibility::Hidden || !state.selected.contains(&node.node) {
            continue;
        }
        let r = view
            .rect(&crate::diagram::scene::node_rect(node))
            .expand(3.0);
        painter.rect_stroke(
            r,
            6.0 * view.zoom + 3.0,
            egui::Stroke::new(2.5, SELECTED),
            egui::StrokeKind::Outside,
        );
        if node.pinned {
            painter.text(
                r.left_top(),
                egui::Align2::LEFT_BOTTOM,
                "pinned",
                egui::FontId::proportional(11.0),
                SELECTED,
            );
        }
    }
    if let Some(pointer) = response.hover_pos()
        && let Some(index) = cache.diagram.node_at(view.to_diagram(pointer))
        && state.drag.is_none()
    {
        response.on_hover_text_at_pointer(cache.diagram.nodes[index].name.clone());
    }
}

/// Drags move nodes (or pan), clicks select.
fn drag_and_click(
    ui: &egui::Ui,
    response: &egui::Response,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
    view: &mut View,
) {
    let Some(cache) = &mut state.cache else {
        return;
    };
    // Where the button went down: a drag starts only after the pointer has moved a little.
    let press = ui.input(|i| i.pointer.press_origin());
    if response.drag_started()
        && let Some(pointer) = press.or(response.interact_pointer_pos())
    {
        let at = view.to_diagram(pointer);
        state.drag = match cache.diagram.node_at(at) {
            Some(index) if !context.read_only && cache.preview.is_none() => {
                let centre = cache.diagram.nodes[index].centre;
                Some(Drag {
                    index,
                    grab: Vec2::new(at.x - centre.x, at.y - centre.y),
                    moved: false,
                })
            }
            _ => None,
        };
    }
    if response.dragged() {
        match (&mut state.drag, response.interact_pointer_pos()) {
            (Some(drag), Some(pointer)) => {
                let at = view.to_diagram(pointer);
                let node = &mut cache.diagram.nodes[drag.index];
                let centre = crate::export::Point::new(at.x - drag.grab.x, at.y - drag.grab.y);
                if centre != node.centre {
                    node.drag_to(centre);
                    drag.moved = true;
                    cache.scene = build_scene(context.register, &cache.diagram);
                }
            }
            _ => {
                state.pan += response.drag_delta();
                view.origin += response.drag_delta();
            }
        }
    }
    if response.drag_stopped()
        && let Some(drag) = state.drag.take()
        && drag.moved
    {
        let node = &cache.diagram.nodes[drag.index];
        if let Some(edit) =
            edits::move_edit(context.register, &cache.diagram, drag.index, node.centre)
        {
            commands.send(Command::edit(edit));
        }
    }
    if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let shift = ui.input(|i| i.modifiers.shift);
        match cache.diagram.node_at(view.to_diagram(pointer)) {
            Some(index) => {
                let node = cache.diagram.nodes[index].node;
                if let (Some(from), NodeRef::Partnership(to)) = (state.connect_from, node) {
                    state.connect_from = None;
                    if let Some(view_record) = context.register.views.get(&cache.diagram.view) {
                        match edits::connect_edit(
                            context.register,
                            view_record,
                            &cache.diagram,
                            from,
                            to,
                            state.connect_kind,
                        ) {
                            Ok(edit) => commands.send(Command::edit(edit)),
                            Err(error) => commands.send(Command::ReportError(error.to_string())),
                        }
                    }
                    return;
                }
                if !shift {
                    state.selected.clear();
                }
                state.selected.insert(node);
                if let NodeRef::Partnership(id) = node {
                    *current = Some(id);
                }
            }
            None => {
                state.selected.clear();
                *current = None;
            }
        }
    }
}

/// Zoom and pan so the whole picture fits the canvas.
pub fn fit(state: &mut DiagramPanelState, rect: egui::Rect) {
    let Some(bounds) = state.cache.as_ref().and_then(|c| c.scene.bounds()) else {
        return;
    };
    state.fit_pending = false;
    let margin = 16.0;
    let zoom = ((rect.width() - 2.0 * margin) / bounds.width.max(1.0))
        .min((rect.height() - 2.0 * margin) / bounds.height.max(1.0))
        .clamp(MIN_ZOOM, MAX_ZOOM);
    state.zoom = zoom;
    let centre = bounds.center();
    state.pan = rect.size() / 2.0 - Vec2::new(centre.x, centre.y) * zoom;
}
