//! Adding a sub-group from the diagram (issue 14, item 12): the new box takes the free place
//! beside its siblings, overlaps nothing, and every line already drawn keeps its route.

use super::graph::LineKind;
use super::scene::edge_routes;
use super::{BuildOptions, Diagram, edits};
use crate::export::{Point, Rect};
use crate::model::{PartnershipId, Register, RelationshipKind, View};

fn structure(register: &Register) -> View {
    crate::diagram::find_view(register, "LSP structure")
        .expect("view")
        .clone()
}

fn id_of(register: &Register, name: &str) -> PartnershipId {
    register
        .partnerships
        .values()
        .find(|p| p.name == name)
        .expect("in the sample")
        .id
}

fn rect_of(diagram: &Diagram, index: usize) -> Rect {
    let n = &diagram.nodes[index];
    Rect::centered(n.arranged(), n.width, n.height)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Adds a sub-group to `parent_name`, returning the diagrams before and after and the new
/// node's index in the after one.
fn add_to(parent_name: &str) -> (Diagram, Diagram, usize) {
    // Sub-groups drawn as boxes: listed inside their parent (the standard view now), a new
    // one is a row of the container and takes no place of its own.
    let mut register = super::tests::sample_with_boxes();
    let view = structure(&register);
    let before = Diagram::build(&register, &view, &BuildOptions::default());
    let parent = id_of(&register, parent_name);
    let edit = edits::add_sub_group_edit(&register, &view, &before, parent, "New task group")
        .expect("edit");
    register.apply(&edit).expect("applies");
    let view = register.views[&view.id].clone();
    let after = Diagram::build(&register, &view, &BuildOptions::default());
    let new = after
        .nodes
        .iter()
        .position(|n| n.name == "New task group")
        .expect("drawn");
    (before, after, new)
}

fn siblings(diagram: &Diagram, parent: usize, except: usize) -> Vec<usize> {
    diagram
        .edges
        .iter()
        .filter(|e| {
            e.edge.to == parent
                && e.edge.from != except
                && e.edge.kind == LineKind::Relationship(RelationshipKind::SubGroupOf)
                && diagram.nodes[e.edge.from].row_of.is_none()
        })
        .map(|e| e.edge.from)
        .collect()
}

fn check_beside_siblings(parent_name: &str) {
    let (before, after, new) = add_to(parent_name);
    let parent = after
        .nodes
        .iter()
        .position(|n| n.name == parent_name)
        .expect("parent");
    let placed = rect_of(&after, new);
    for v in 0..after.nodes.len() {
        if v != new && after.nodes[v].row_of.is_none() {
            assert!(
                !overlaps(&placed, &rect_of(&after, v)),
                "{parent_name}: the new box overlaps {}",
                after.nodes[v].name
            );
        }
    }
    let sibs = siblings(&after, parent, new);
    assert!(!sibs.is_empty(), "{parent_name} has sub-groups");
    let band = sibs
        .iter()
        .map(|&s| rect_of(&after, s))
        .reduce(|a, b| a.union(&b))
        .expect("siblings");
    // In a row with siblings (same top), or under a column of them (same left): in the page
    // grid, under the column their blocks are in, below what hangs there already.
    let beside = sibs.iter().map(|&s| rect_of(&after, s)).any(|s| {
        (s.y - placed.y).abs() < 1.0 || ((s.x - placed.x).abs() < 1.0 && placed.y > s.bottom())
    });
    assert!(
        beside && placed.y >= band.y - 1.0,
        "{parent_name}: the new box {placed:?} is beside its siblings {band:?}"
    );
    // Every line drawn before keeps its route.
    let routes_before = edge_routes(&before);
    let routes_after = edge_routes(&after);
    for (edge, route) in before.edges.iter().zip(&routes_before) {
        let from = after
            .index_of(before.nodes[edge.edge.from].node)
            .expect("kept");
        let to = after
            .index_of(before.nodes[edge.edge.to].node)
            .expect("kept");
        let again = after
            .edges
            .iter()
            .position(|e| e.edge.from == from && e.edge.to == to && e.edge.kind == edge.edge.kind)
            .expect("line kept");
        let same = match (route, &routes_after[again]) {
            (Some(a), Some(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b).all(|(p, q): (&Point, &Point)| {
                        (p.x - q.x).abs() < 0.01 && (p.y - q.y).abs() < 0.01
                    })
            }
            (a, b) => a.is_none() == b.is_none(),
        };
        assert!(
            same,
            "{parent_name}: the line {} to {} moved: {route:?} then {:?}",
            before.nodes[edge.edge.from].name, before.nodes[edge.edge.to].name, routes_after[again]
        );
    }
}

#[test]
fn a_sub_group_added_to_a_row_of_siblings_goes_beside_them() {
    check_beside_siblings("Ashmere Vale Housing Partnership");
}

#[test]
fn a_sub_group_added_to_a_column_of_siblings_goes_under_them() {
    check_beside_siblings("Ashmere Vale Community Safety Partnership");
}

#[test]
fn a_sub_group_added_to_the_board_goes_beside_its_sub_groups() {
    check_beside_siblings("Ashmere Vale Partnership Board");
}
