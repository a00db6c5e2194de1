//! The settled network, painted with egui's painter from the widget's own positions, zoom and
//! pan, so handing over between the two does not move anything. Unlike the widget it asks for
//! no repaint: with the layout settled and the pointer elsewhere the window is idle. Lines are
//! coloured by whether knowledge flows along them; a pinned node has a ring.

use egui::{Align2, Color32, FontId, Sense, Stroke};
use egui_graphs::MetadataFrame;

use super::Session;
use super::forces::ForcesState;
use super::network::Tone;

/// Paints `session`'s network into the room left in `ui`.
pub fn paint(ui: &mut egui::Ui, session: &Session, layout: &ForcesState, id: &str) {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let meta = MetadataFrame::new(Some(id.to_string())).load(ui);
    let origin = response.rect.left_top().to_vec2();
    let at = |index: usize| {
        let node = session.graph.node(*session.indices.get(index)?)?;
        Some(meta.canvas_to_screen_pos(node.location()) + origin)
    };
    for &(from, to, tone) in &session.network.edges {
        if let (Some(a), Some(b)) = (at(from), at(to)) {
            let colour = match tone {
                Tone::Flowing | Tone::Stopped => tone.colour(),
                _ => ui.visuals().weak_text_color(),
            };
            painter.line_segment([a, b], Stroke::new(1.0, colour));
        }
    }
    for (index, node) in session.network.nodes.iter().enumerate() {
        let Some(centre) = at(index) else {
            continue;
        };
        if !response.rect.expand(200.0).contains(centre) {
            continue;
        }
        // As egui_graphs' default node draws it: a circle, the name above in a monospace font
        // as tall as the radius, so nothing changes when the widget hands over.
        let radius = meta.canvas_to_screen_size(node.tone.radius());
        painter.circle_filled(centre, radius, node.tone.colour());
        let pinned = session
            .indices
            .get(index)
            .is_some_and(|i| layout.pinned.contains(&i.index()));
        if pinned {
            painter.circle_stroke(centre, radius + 2.5, Stroke::new(1.5, Color32::BLACK));
        }
        if radius >= 3.0 {
            painter.text(
                centre - egui::vec2(0.0, radius * 2.0),
                Align2::CENTER_TOP,
                &node.name,
                FontId::monospace(radius),
                node.tone.colour(),
            );
        }
    }
}
