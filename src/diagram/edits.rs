//! Changes made from the diagram, as `Edit`s: a move (one edit when a drag ends), pin and
//! unpin, re-layout of all or the selection, add a sub-group, connect two partnerships, remove
//! a relationship. Each is one `Batch`, so one undo step.
//!
//! Positions the view shows but has not stored yet (placed by the layout) are stored in the
//! same step, so a change never makes the rest of the picture jump; a partnership added from
//! the diagram gets its place stored with it.

use std::collections::{BTreeMap, BTreeSet};

use crate::export::Point;
use crate::model::{
    Edit, EditError, InvalidValue, NodePosition, NodeRef, Partnership, PartnershipId, Register,
    Relationship, RelationshipId, RelationshipKind, StructuralLevel, ThemeId, ThemeTag, View,
};

use super::graph::{GraphNode, ViewGraph};
use super::sizing::NodeSize;
use super::{BuildOptions, Diagram, arrange};

/// A position to store for a node: centre and pinned.
type Place = (Point, bool);

/// Edits that store every node's place: `changes` where given, else where it is shown now.
/// Stored nodes with no change give no edit.
fn store_places(
    register: &Register,
    diagram: &Diagram,
    changes: &BTreeMap<usize, Place>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (v, node) in diagram.nodes.iter().enumerate() {
        // A row listed in its container has no place of its own.
        if node.row_of.is_some() {
            continue;
        }
        let key = (diagram.view, node.node);
        let (centre, pinned) = changes
            .get(&v)
            .copied()
            .unwrap_or((node.arranged(), node.pinned));
        let after = NodePosition {
            view: diagram.view,
            node: node.node,
            x: centre.x,
            y: centre.y,
            pinned,
        };
        match register.node_positions.get(&key) {
            Some(before) if *before != after => edits.push(Edit::change(*before, after)),
            Some(_) => {}
            None => edits.push(Edit::insert(after)),
        }
    }
    edits
}

fn batch(description: String, edits: Vec<Edit>) -> Option<Edit> {
    (!edits.is_empty()).then_some(Edit::Batch { description, edits })
}

/// Storing every shown node of `diagram` where it is shown (a compact arrangement made for
/// print becomes the view's arrangement): one edit, or `None` if nothing changes. Hidden
/// nodes keep their places.
pub fn store_shown_places(
    register: &Register,
    diagram: &Diagram,
    description: String,
) -> Option<Edit> {
    let changes: BTreeMap<usize, Place> = diagram
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.visibility != super::Visibility::Hidden)
        .map(|(v, n)| (v, (n.centre, n.pinned)))
        .collect();
    batch(description, store_places(register, diagram, &changes))
}

/// Moving node `index` to `centre` (diagram points): one edit, or none if nothing changes.
pub fn move_edit(
    register: &Register,
    diagram: &Diagram,
    index: usize,
    centre: Point,
) -> Option<Edit> {
    let node = diagram.nodes.get(index)?;
    // `centre` is where it is shown: store it where it is arranged.
    let offset = node.offset();
    let arranged = Point::new(centre.x + offset.x, centre.y + offset.y);
    let changes = BTreeMap::from([(index, (arranged, node.pinned))]);
    batch(
        format!("Move “{}” in {}", node.name, diagram.name),
        store_places(register, diagram, &changes),
    )
}

/// Pinning or unpinning the nodes `indexes`.
pub fn pin_edit(
    register: &Register,
    diagram: &Diagram,
    indexes: &BTreeSet<usize>,
    pinned: bool,
) -> Option<Edit> {
    let changes: BTreeMap<usize, Place> = indexes
        .iter()
        .filter_map(|&v| diagram.nodes.get(v).map(|n| (v, (n.arranged(), pinned))))
        .collect();
    let verb = if pinned { "Pin" } else { "Unpin" };
    let what = match indexes.len() {
        1 => indexes
            .first()
            .and_then(|&v| diagram.nodes.get(v))
            .map_or_else(String::new, |n| format!("“{}”", n.name)),
        count => format!("{count} nodes"),
    };
    batch(
        format!("{verb} {what} in {}", diagram.name),
        store_places(register, diagram, &changes),
    )
}

/// Re-laying out every node (`selection` None) or the selected ones; pinned nodes stay.
pub fn relayout_edit(
    register: &Register,
    diagram: &Diagram,
    selection: Option<&BTreeSet<usize>>,
) -> Option<Edit> {
    let graph = ViewGraph {
        nodes: diagram
            .nodes
            .iter()
            .map(|n| GraphNode {
                node: n.node,
                kind: n.kind,
                name: n.name.clone(),
                detail: String::new(),
                level: n.level,
            })
            .collect(),
        edges: diagram.edges.iter().map(|e| e.edge.clone()).collect(),
    };
    let sizes: Vec<NodeSize> = diagram
        .nodes
        .iter()
        .map(|n| NodeSize {
            lines: Vec::new(),
            detail: Vec::new(),
            width: n.width,
            height: n.height,
        })
        .collect();
    let current: Vec<arrange::Placed> = diagram
        .nodes
        .iter()
        .map(|n| arrange::Placed {
            centre: n.arranged(),
            stored: n.stored,
            pinned: n.pinned,
        })
        .collect();
    let positions = arrange::relayout(diagram.kind, &graph, &sizes, &current, selection);
    let changes: BTreeMap<usize, Place> = positions
        .into_iter()
        .enumerate()
        .map(|(v, p)| (v, (p, current[v].pinned)))
        .collect();
    let description = match selection {
        None => format!("Re-layout {}", diagram.name),
        Some(chosen) => format!(
            "Re-layout {} selected nodes in {}",
            chosen.len(),
            diagram.name
        ),
    };
    batch(description, store_places(register, diagram, &changes))
}

/// `edits` made from the diagram, with every place stored first (so nothing jumps) and the
/// places of any node they add stored after.
pub fn keeping_places(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    description: String,
    edits: Vec<Edit>,
) -> Result<Edit, EditError> {
    keeping_places_placing(register, view, diagram, description, edits, |_| {
        BTreeMap::new()
    })
}

/// [`keeping_places`], with `place` choosing places (by node index) in the picture after the
/// edits for nodes they add, instead of the layout's.
fn keeping_places_placing(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    description: String,
    edits: Vec<Edit>,
    place: impl FnOnce(&Diagram) -> BTreeMap<usize, Place>,
) -> Result<Edit, EditError> {
    let mut all = store_places(register, diagram, &BTreeMap::new());
    all.extend(edits);
    let mut after = register.clone();
    after.apply(&Edit::Batch {
        description: description.clone(),
        edits: all.clone(),
    })?;
    let later = Diagram::build(&after, view, &BuildOptions::default());
    let changes = place(&later);
    all.extend(store_places(&after, &later, &changes));
    Ok(Edit::Batch {
        description,
        edits: all,
    })
}

/// Adding a sub-group named `name` under `parent`, with its place in the view.
pub fn add_sub_group_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    parent: PartnershipId,
    name: &str,
) -> Result<Edit, EditError> {
    let id = PartnershipId::next_in(&register.partnerships);
    let parent_record = register.partnerships.get(&parent);
    let partnership = Partnership {
        id,
        name: name.to_string(),
        structural_level: StructuralLevel::SubGroup,
        service_area: parent_record
            .map(|p| p.service_area.clone())
            .unwrap_or_default(),
        ..Partnership::default()
    };
    let relationship = Relationship {
        id: RelationshipId::next_in(&register.relationships),
        from: id,
        to: parent,
        kind: RelationshipKind::SubGroupOf,
        label: String::new(),
    };
    let mut edits = vec![Edit::insert(partnership), Edit::insert(relationship)];
    // A sub-group serves its parent's themes, so it takes its colour.
    let parent_themes = register
        .theme_tags
        .range((parent, ThemeId(i64::MIN))..=(parent, ThemeId(i64::MAX)));
    for (&(_, theme), _) in parent_themes {
        edits.push(Edit::insert(ThemeTag {
            partnership: id,
            theme,
        }));
    }
    // Beside its siblings, not on their lines (issue 14, item 12).
    let new = NodeRef::Partnership(id);
    keeping_places_placing(
        register,
        view,
        diagram,
        format!(
            "Add sub-group “{name}” to “{}”",
            register.partnership_name(parent)
        ),
        edits,
        |later| {
            let beside = super::sub_group_place::beside_siblings(diagram, later, new);
            match (beside, later.index_of(new)) {
                (Some(at), Some(v)) => BTreeMap::from([(v, (at, false))]),
                _ => BTreeMap::new(),
            }
        },
    )
}

/// Connecting `from` to `to` with a relationship of `kind`.
pub fn connect_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    from: PartnershipId,
    to: PartnershipId,
    kind: RelationshipKind,
) -> Result<Edit, EditError> {
    if let Some(refusal) = register.new_line_refusal(from, kind, to) {
        return Err(EditError::Invalid(InvalidValue(refusal)));
    }
    let relationship = Relationship {
        id: RelationshipId::next_in(&register.relationships),
        from,
        to,
        kind,
        label: String::new(),
    };
    keeping_places(
        register,
        view,
        diagram,
        format!(
            "Connect “{}” to “{}” ({})",
            register.partnership_name(from),
            register.partnership_name(to),
            kind.label().to_lowercase()
        ),
        vec![Edit::insert(relationship)],
    )
}

/// Removing the relationship `id`.
pub fn remove_relationship_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    id: RelationshipId,
) -> Result<Edit, EditError> {
    let relationship = register
        .relationships
        .get(&id)
        .ok_or_else(|| EditError::Missing("relationship".to_string()))?
        .clone();
    keeping_places(
        register,
        view,
        diagram,
        format!(
            "Remove the line from “{}” to “{}”",
            register.partnership_name(relationship.from),
            register.partnership_name(relationship.to)
        ),
        vec![Edit::delete(relationship)],
    )
}

/// The node standing for a partnership, for callers that have only its id.
pub fn partnership_node(id: PartnershipId) -> NodeRef {
    NodeRef::Partnership(id)
}
