//! "Keep this arrangement": a membership view's explored places and pins stored in the view
//! as one edit (`diagram::edits::store_shown_places`, as the diagram stores a compact
//! arrangement), then the view shown again on the diagram's own canvas.

use std::collections::BTreeSet;

use super::Session;
use super::forces::ForcesState;
use crate::diagram::{BuildOptions, Diagram, edits::store_shown_places};
use crate::export::Point;
use crate::ui::{Command, CommandQueue, PanelContext};

/// "Keep this arrangement": every explored node's place (and pin) stored in the view as one
/// edit; then back to the diagram, which draws the view from the register.
pub fn keep_arrangement(
    context: &PanelContext<'_>,
    session: &Session,
    layout: &ForcesState,
    view: crate::model::ViewId,
    commands: &mut CommandQueue,
) {
    let Some(stored_view) = context.register.views.get(&view) else {
        return;
    };
    let mut diagram = Diagram::build(context.register, stored_view, &BuildOptions::default());
    let pinned: BTreeSet<usize> = layout.pinned.iter().copied().collect();
    for (index, node) in session.indices.iter().zip(&session.network.nodes) {
        let (Some(key), Some(shown)) = (node.node, session.graph.node(*index)) else {
            continue;
        };
        if let Some(at) = diagram.index_of(key)
            && let Some(target) = diagram.nodes.get_mut(at)
        {
            let place = shown.location();
            target.centre = Point::new(place.x, place.y);
            target.pinned = pinned.contains(&index.index());
        }
    }
    let description = format!("Keep the explored arrangement of {}", diagram.name);
    match store_shown_places(context.register, &diagram, description) {
        Some(edit) => {
            commands.send(Command::Edit(Box::new(edit)));
            commands.send(Command::ShowDiagramView(view));
        }
        None => commands.send(Command::ShowDiagramView(view)),
    }
}
