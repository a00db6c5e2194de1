//! Edits made with the keyboard and the right-click menu on the diagram: nudging the selected
//! boxes by a few points (the arrow keys), and adding a partnership where the menu was opened.
//! Each is one `Batch` that also stores the places shown, as every diagram edit does
//! ([`edits::keeping_places`]), so nothing else jumps.

use std::collections::BTreeSet;

use crate::export::Point;
use crate::model::{
    Edit, EditError, NodePosition, NodeRef, Partnership, PartnershipId, Register, View,
};

use super::{Diagram, edits};

/// Moving the boxes `indexes` of `diagram` by `delta` points: one edit, or none when there is
/// nothing to move.
pub fn nudge_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    indexes: &BTreeSet<usize>,
    delta: Point,
) -> Result<Option<Edit>, EditError> {
    let mut moved = diagram.clone();
    let mut count = 0;
    for &index in indexes {
        if let Some(node) = moved.nodes.get_mut(index) {
            let centre = Point::new(node.centre.x + delta.x, node.centre.y + delta.y);
            node.drag_to(centre);
            count += 1;
        }
    }
    if count == 0 || (delta.x == 0.0 && delta.y == 0.0) {
        return Ok(None);
    }
    let what = match (count, indexes.first().and_then(|&i| diagram.nodes.get(i))) {
        (1, Some(node)) => format!("“{}”", node.name),
        _ => crate::model::words::counted(count, "box"),
    };
    let edit = edits::keeping_places(
        register,
        view,
        &moved,
        format!("Nudge {what} in {}", diagram.name),
        Vec::new(),
    )?;
    Ok(unless_empty(edit))
}

/// `None` for a batch that changes nothing.
fn unless_empty(edit: Edit) -> Option<Edit> {
    match &edit {
        Edit::Batch { edits, .. } if edits.is_empty() => None,
        _ => Some(edit),
    }
}

/// A new partnership called `name`, placed at `at` (diagram points, where the user
/// right-clicked) in `view`; and its id.
pub fn add_partnership_at_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    name: &str,
    at: Point,
) -> Result<(Edit, PartnershipId), EditError> {
    let id = PartnershipId::next_in(&register.partnerships);
    let partnership = Partnership {
        id,
        name: name.trim().to_string(),
        ..Partnership::default()
    };
    let place = NodePosition {
        view: view.id,
        node: NodeRef::Partnership(id),
        x: at.x,
        y: at.y,
        pinned: false,
    };
    let edit = edits::keeping_places(
        register,
        view,
        diagram,
        format!("Add “{}” to {}", partnership.name, view.name),
        vec![Edit::insert(partnership), Edit::insert(place)],
    )?;
    Ok((edit, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::BuildOptions;

    fn structure() -> (Register, View, Diagram) {
        let register = crate::sample::sample_register();
        let view = crate::diagram::find_view(&register, "LSP structure")
            .expect("the sample's structure view")
            .clone();
        let diagram = Diagram::build(&register, &view, &BuildOptions::default());
        (register, view, diagram)
    }

    #[test]
    fn a_nudge_moves_the_selection_by_the_delta_in_one_undoable_edit() {
        let (register, view, diagram) = structure();
        let chosen = BTreeSet::from([0, 2]);
        let edit = nudge_edit(&register, &view, &diagram, &chosen, Point::new(5.0, -3.0))
            .expect("made")
            .expect("something moved");
        let mut after = register.clone();
        after.apply(&edit).expect("applies");
        let redrawn = Diagram::build(&after, &view, &BuildOptions::default());
        for (index, node) in diagram.nodes.iter().enumerate() {
            let now = redrawn.nodes[index].centre;
            let expected = if chosen.contains(&index) {
                Point::new(node.centre.x + 5.0, node.centre.y - 3.0)
            } else {
                node.centre
            };
            assert!(
                (now.x - expected.x).abs() < 1e-3 && (now.y - expected.y).abs() < 1e-3,
                "{}: {now:?} vs {expected:?}",
                node.name
            );
        }
        after.apply(&edit.inverse()).expect("undoes");
        assert_eq!(after, register);
        assert!(
            nudge_edit(
                &register,
                &view,
                &diagram,
                &BTreeSet::new(),
                Point::new(1.0, 0.0)
            )
            .expect("fine")
            .is_none()
        );
    }

    #[test]
    fn a_partnership_added_here_is_drawn_where_asked() {
        let (register, view, diagram) = structure();
        let at = Point::new(-400.0, 900.0);
        let (edit, id) = add_partnership_at_edit(&register, &view, &diagram, " Food network ", at)
            .expect("made");
        let mut after = register.clone();
        after.apply(&edit).expect("applies");
        assert_eq!(after.partnerships[&id].name, "Food network");
        let position = after.node_positions[&(view.id, NodeRef::Partnership(id))];
        assert_eq!((position.x, position.y), (at.x, at.y));
    }
}
