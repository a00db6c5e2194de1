//! The diagram canvas: paints the cached scene with the one scene painter (culled to the
//! window, with level of detail), pans (drag the background, or scroll), zooms (Ctrl+wheel or
//! pinch about the pointer, 15% a notch), selects (click; Shift+click adds), drags boxes (one
//! move edit when the drag ends), nudges the selection with the arrow keys (one edit when the
//! keys are let go; Shift moves further) and opens the right-click menu. Repaints only on
//! input.

use std::collections::BTreeSet;

use egui::{Key, Sense, Vec2};

use super::{DiagramPanelState, Drag, MenuTarget, badges, camera, context_menu, detail};
use crate::diagram::{Diagram, Visibility, canvas_edits, edits};
use crate::export::Point;
use crate::model::{NodeRef, PartnershipId};
use crate::ui::PanelContext;
use crate::ui::scene_painter::{self, SceneTransform};
use crate::ui::{Command, CommandQueue};

/// The canvas's accessible name.
pub const CANVAS_LABEL: &str = "Diagram canvas";
const SELECTED: egui::Color32 = egui::Color32::from_rgb(0x00, 0x5e, 0xb8);
/// How far one arrow-key press nudges the selection, in diagram points (Shift: ten times).
pub const NUDGE_STEP: f32 = 2.0;

/// Arrow keys pressed but not yet stored: the boxes move on screen while a key is held, and
/// the whole move becomes one edit when the keys are let go.
pub(super) struct Nudge {
    base: Diagram,
    indexes: BTreeSet<usize>,
    total: Point,
}

/// Draws the canvas and handles its input.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Other, true, CANVAS_LABEL));
    let response = response.on_hover_cursor(egui::CursorIcon::Grab);
    if state.camera.fitted
        && state
            .canvas
            .is_some_and(|before| before.size() != rect.size())
    {
        state.fit_to_window();
    }
    state.canvas = Some(rect);
    if state.camera.pending.is_some() {
        let selection = selection_bounds(state);
        let picture = state.cache.as_ref().and_then(|c| c.scene.bounds());
        state.camera.aim(rect, picture, selection);
    }

    if response.hovered() {
        let (factor, zooming, scroll) = ui.input(|i| {
            (
                camera::zoom_in_notches(i),
                camera::wheel_zooms(i),
                i.smooth_scroll_delta,
            )
        });
        if zooming {
            if (factor - 1.0).abs() > f32::EPSILON {
                let pointer = response.hover_pos().unwrap_or(rect.center());
                state.camera.zoom_about(rect, pointer, factor);
            }
        } else if scroll != Vec2::ZERO {
            state.camera.pan_by(scroll);
        }
    }
    if response.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        nudge_keys(ui, context, state, commands);
    }

    drag_and_click(ui, &response, context, state, current, commands, rect);
    context_menu::open_on_right_click(&response, state, current, rect);
    let view = state.camera.transform(rect);

    let Some(cache) = &state.cache else { return };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let level = detail::level(view.scale);
    scene_painter::paint_items(
        &painter,
        &cache.scene.items,
        &cache.bounds,
        view,
        level.scene,
    );
    if level.short_names {
        detail::paint_short_names(&painter, &cache.diagram, &cache.short_names, &view);
    }
    if badges::badges_need_redrawing(&view, level.scene.hide_text_below) {
        badges::paint_readable_badges(&painter, &cache.diagram, &view);
    }
    paint_selection(&painter, &cache.diagram, &state.selected, &view);
    if let Some(pointer) = response.hover_pos()
        && let Some(index) = cache.diagram.node_at(view.to_scene(pointer))
        && state.drag.is_none()
    {
        let node = &cache.diagram.nodes[index];
        if level.short_names {
            // Names are short or left off at this size: outline the box under the pointer.
            let r = view
                .rect(&crate::diagram::scene::node_rect(node))
                .expand(1.5);
            painter.rect_stroke(
                r,
                2.0,
                egui::Stroke::new(1.5, SELECTED.gamma_multiply(0.6)),
                egui::StrokeKind::Outside,
            );
        }
        response.clone().on_hover_text_at_pointer(node.name.clone());
    }
    context_menu::menu_ui(&response, context, state, current, commands);
}

fn paint_selection(
    painter: &egui::Painter,
    diagram: &Diagram,
    selected: &BTreeSet<NodeRef>,
    view: &SceneTransform,
) {
    for node in &diagram.nodes {
        if node.visibility == Visibility::Hidden || !selected.contains(&node.node) {
            continue;
        }
        let r = view
            .rect(&crate::diagram::scene::node_rect(node))
            .expand(3.0);
        painter.rect_stroke(
            r,
            6.0 * view.scale + 3.0,
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
}

/// The selected boxes' bounds, in diagram points.
fn selection_bounds(state: &DiagramPanelState) -> Option<crate::export::Rect> {
    let cache = state.cache.as_ref()?;
    cache
        .diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden && state.selected.contains(&n.node))
        .map(crate::diagram::scene::node_rect)
        .reduce(|a, b| a.union(&b))
}

/// The arrow keys move the selected boxes on screen; letting go stores the move as one edit.
fn nudge_keys(
    ui: &egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let (delta, held) = ui.input(|i| {
        let step = if i.modifiers.shift {
            NUDGE_STEP * 10.0
        } else {
            NUDGE_STEP
        };
        let mut delta = Point::new(0.0, 0.0);
        for event in &i.events {
            if let egui::Event::Key {
                key, pressed: true, ..
            } = event
            {
                match key {
                    Key::ArrowLeft => delta.x -= step,
                    Key::ArrowRight => delta.x += step,
                    Key::ArrowUp => delta.y -= step,
                    Key::ArrowDown => delta.y += step,
                    _ => {}
                }
            }
        }
        let held = [
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::ArrowUp,
            Key::ArrowDown,
        ]
        .iter()
        .any(|&key| i.key_down(key));
        (delta, held)
    });
    let movable = !context.read_only && state.cache.as_ref().is_some_and(|c| c.preview.is_none());
    if movable && (delta.x != 0.0 || delta.y != 0.0) {
        let indexes = state.selected_indexes();
        if let Some(cache) = &mut state.cache
            && !indexes.is_empty()
        {
            let nudge = state.nudge.get_or_insert_with(|| Nudge {
                base: cache.diagram.clone(),
                indexes: indexes.clone(),
                total: Point::new(0.0, 0.0),
            });
            nudge.total = Point::new(nudge.total.x + delta.x, nudge.total.y + delta.y);
            for &index in &nudge.indexes {
                if let Some(node) = cache.diagram.nodes.get_mut(index) {
                    node.drag_to(Point::new(node.centre.x + delta.x, node.centre.y + delta.y));
                }
            }
            cache.redraw(context.register);
        }
    }
    if !held && let Some(nudge) = state.nudge.take() {
        commit_nudge(context, state, &nudge, commands);
    }
}

fn commit_nudge(
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    nudge: &Nudge,
    commands: &mut CommandQueue,
) {
    let Some(cache) = &mut state.cache else {
        return;
    };
    match canvas_edits::nudge_edit(
        context.register,
        &cache.view,
        &nudge.base,
        &nudge.indexes,
        nudge.total,
    ) {
        Ok(Some(edit)) => commands.send(Command::edit(edit)),
        Ok(None) => {}
        Err(error) => {
            commands.send(Command::ReportError(error.to_string()));
            cache.revision = u64::MAX; // Draw it from the register again.
        }
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
    rect: egui::Rect,
) {
    let view = state.camera.transform(rect);
    let Some(cache) = &mut state.cache else {
        return;
    };
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }
    // Where the button went down: a drag starts only after the pointer has moved a little.
    let press = ui.input(|i| i.pointer.press_origin());
    if response.drag_started_by(egui::PointerButton::Primary)
        && let Some(pointer) = press.or(response.interact_pointer_pos())
    {
        let at = view.to_scene(pointer);
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
                let at = view.to_scene(pointer);
                let node = &mut cache.diagram.nodes[drag.index];
                let centre = Point::new(at.x - drag.grab.x, at.y - drag.grab.y);
                if centre != node.centre {
                    node.drag_to(centre);
                    drag.moved = true;
                    cache.redraw(context.register);
                }
            }
            _ => state.camera.pan_by(response.drag_delta()),
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
        match cache.diagram.node_at(view.to_scene(pointer)) {
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
                select(state, current, node, shift);
            }
            None => {
                state.selected.clear();
                *current = None;
            }
        }
    }
}

/// Selects `node` (adding it to the selection with Shift); a partnership becomes current for
/// every panel.
pub(super) fn select(
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    node: NodeRef,
    add: bool,
) {
    if !add {
        state.selected.clear();
    }
    state.selected.insert(node);
    if let NodeRef::Partnership(id) = node {
        *current = Some(id);
    }
}

/// What is under `pointer`: the box (if any) and the diagram point, for the right-click menu.
pub(super) fn menu_target(
    view: &SceneTransform,
    diagram: &Diagram,
    pointer: egui::Pos2,
) -> MenuTarget {
    let at = view.to_scene(pointer);
    MenuTarget {
        node: diagram.node_at(at).map(|index| diagram.nodes[index].node),
        at,
    }
}
