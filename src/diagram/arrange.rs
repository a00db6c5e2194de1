//! Where each node goes: stored positions are kept exactly; nodes without one are placed by
//! [`place_new_nodes`] around them without moving anything; a view with no stored position at
//! all gets a full layout (layered for structures, force-directed for networks). Re-layout
//! (all, or a selection) is [`relayout`], with pinned nodes fixed. Pure and deterministic.

use std::collections::{BTreeMap, BTreeSet};

use crate::export::Point;
use crate::layout::{
    self, ForceOptions, LayeredOptions, LayoutEdge, LayoutNode, PlaceOptions, Placement,
    force_layout, layered_layout_with_soft_edges, place_new_nodes,
};
use crate::model::{Register, ViewId, ViewKind};

use super::graph::ViewGraph;
use super::sizing::NodeSize;

/// A node's place and whether it came from the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Centre of the box.
    pub centre: Point,
    /// The position is stored in the view.
    pub stored: bool,
    /// The node is pinned.
    pub pinned: bool,
}

/// Gap between boxes in a layer, and between a layout's boxes generally, in points.
pub const NODE_SPACING: f64 = 22.0;
/// Gap between layers, in points.
pub const LAYER_SPACING: f64 = 40.0;

fn to_layout(p: Point) -> layout::Point {
    layout::Point::new(f64::from(p.x), f64::from(p.y))
}

fn from_layout(p: layout::Point) -> Point {
    Point::new(p.x as f32, p.y as f32)
}

/// The edges the layout follows: formal lines only in a structure (advice lines do not make
/// layers), every line in a network.
pub fn layout_edges(kind: ViewKind, graph: &ViewGraph) -> Vec<LayoutEdge> {
    graph
        .edges
        .iter()
        .filter(|e| e.from != e.to && (kind != ViewKind::Structure || e.kind.is_formal()))
        .map(|e| LayoutEdge::new(e.from, e.to))
        .collect()
}

fn layout_nodes(sizes: &[NodeSize], fixed: &[Option<Point>]) -> Vec<LayoutNode> {
    sizes
        .iter()
        .zip(fixed)
        .map(|(size, fixed)| {
            let node = LayoutNode::new(f64::from(size.width), f64::from(size.height));
            match fixed {
                Some(p) => node.fixed_at(to_layout(*p)),
                None => node,
            }
        })
        .collect()
}

/// A full layout of the view's kind, keeping the `fixed` nodes where they are.
pub fn full_layout(
    kind: ViewKind,
    graph: &ViewGraph,
    sizes: &[NodeSize],
    fixed: &[Option<Point>],
) -> Vec<Point> {
    let nodes = layout_nodes(sizes, fixed);
    let edges = layout_edges(kind, graph);
    let positions = match kind {
        ViewKind::Structure if fixed.iter().all(Option::is_none) => {
            return page_grid_layout(graph, &nodes, &edges, &[]);
        }
        ViewKind::Structure => {
            // Advice lines make no layers but are drawn: the ordering keeps them from crossing.
            let soft: Vec<LayoutEdge> = graph
                .edges
                .iter()
                .filter(|e| e.from != e.to && !e.kind.is_formal())
                .map(|e| LayoutEdge::new(e.from, e.to))
                .collect();
            stacked_layered_layout(&nodes, &edges, &soft)
        }
        ViewKind::Involvement if fixed.iter().all(Option::is_none) => {
            let sizes: Vec<(f64, f64)> = nodes
                .iter()
                .map(|n| (n.size().width, n.size().height))
                .collect();
            return role_columns(graph, &sizes, COLUMN_LENGTH);
        }
        ViewKind::Involvement | ViewKind::Membership => {
            let options = ForceOptions {
                node_spacing: NODE_SPACING * 0.75,
                ..ForceOptions::default()
            };
            force_layout(&nodes, &edges, &options)
        }
    };
    positions.into_iter().map(from_layout).collect()
}

/// A fresh structure as a page ([`super::page_grid`]): the LSP board alone on top, the bodies
/// under it in columns, other boards in a band beside or below; `quiet` marks nodes the
/// view's filters leave out (empty when none is known).
pub(super) fn page_grid_layout(
    graph: &ViewGraph,
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    quiet: &[bool],
) -> Vec<Point> {
    let sizes: Vec<layout::Size> = nodes.iter().map(LayoutNode::size).collect();
    let tree: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    // Bodies with no formal line (a container's loop to its own rows counts as one).
    let mut loose = vec![true; graph.nodes.len()];
    for e in graph.edges.iter().filter(|e| e.kind.is_formal()) {
        for end in [e.from, e.to] {
            if let Some(l) = loose.get_mut(end) {
                *l = false;
            }
        }
    }
    super::page_grid::arrange(
        &sizes,
        &tree,
        &loose,
        quiet,
        board_of(graph),
        &PAGE_ROOMS,
        &super::page_grid::SPACING,
    )
    .into_iter()
    .map(from_layout)
    .collect()
}

/// The view's LSP board: its node of that level, the first by name when there are several.
pub fn board_of(graph: &ViewGraph) -> Option<usize> {
    (0..graph.nodes.len())
        .filter(|&v| {
            graph.nodes[v]
                .level
                .is_some_and(|l| l.level == crate::model::StructuralLevel::LspBoard)
        })
        .min_by(|&a, &b| graph.nodes[a].name.cmp(&graph.nodes[b].name))
}

/// The rooms a fresh structure's page grid is made for (width, height, in points): an A4
/// landscape page's printable area less the title and source lines, with the compact legend
/// below the picture (at most 12% of the page's height) or beside it (a quarter of its
/// width). A3 has the same shapes; the page's layout picks the better of the two.
pub const PAGE_ROOMS: [(f64, f64); 2] = [(757.0, 386.0), (565.0, 457.0)];

/// The shape a structure is laid out for (width over height): the picture's room on an A4
/// or A3 landscape page, less the title above it and the legend below. A layer that would make
/// the structure wider is wrapped into rows, so what is arranged on screen prints large.
pub const PAGE_ASPECT: f64 = 2.0;

/// Indent of a stack of sub-groups from the spine line that joins them to their parent.
pub const STACK_INDENT: f64 = 16.0;
/// Vertical gap between the boxes of a stack.
pub const STACK_GAP: f64 = 10.0;

/// The tallest box stacked under its parent: a box of four lines of name. A container (its
/// sub-groups listed inside it) is already a column; stacking containers makes a tower.
pub const STACKABLE_HEIGHT: f64 = 64.0;

/// A layered layout in which the leaves under one parent (sub-groups with no sub-groups of
/// their own and no other parent) are stacked in a column under it, org-chart style, instead
/// of spreading along one very wide layer: the picture keeps a page's proportions.
fn stacked_layered_layout(
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    soft: &[LayoutEdge],
) -> Vec<layout::Point> {
    let n = nodes.len();
    let mut parents: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut children: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for e in edges
        .iter()
        .filter(|e| e.from < n && e.to < n && e.from != e.to)
    {
        parents[e.from].insert(e.to);
        children[e.to].insert(e.from);
    }
    // Stacks: the free leaves of each parent, when it has at least two.
    let mut stacks: Vec<(usize, Vec<usize>)> = Vec::new();
    for (parent, kids) in children.iter().enumerate() {
        let leaves: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| {
                children[c].is_empty()
                    && parents[c].len() == 1
                    && nodes[c].fixed.is_none()
                    && nodes[c].size().height <= STACKABLE_HEIGHT
            })
            .collect();
        if leaves.len() >= 2 {
            stacks.push((parent, leaves));
        }
    }
    let mut stack_of = vec![None; n];
    for (s, (_, leaves)) in stacks.iter().enumerate() {
        for &leaf in leaves {
            stack_of[leaf] = Some(s);
        }
    }
    // The reduced graph: every other node as it is, then one tall node per stack.
    let mut reduced_index = vec![0usize; n];
    let mut reduced: Vec<LayoutNode> = Vec::new();
    for v in 0..n {
        if stack_of[v].is_none() {
            reduced_index[v] = reduced.len();
            reduced.push(nodes[v]);
        }
    }
    let mut stack_index = Vec::with_capacity(stacks.len());
    for (_, leaves) in &stacks {
        let width = leaves
            .iter()
            .map(|&l| nodes[l].size().width)
            .fold(0.0, f64::max)
            + STACK_INDENT;
        let height = leaves.iter().map(|&l| nodes[l].size().height).sum::<f64>()
            + STACK_GAP * (leaves.len() - 1) as f64;
        stack_index.push(reduced.len());
        reduced.push(LayoutNode::new(width, height));
    }
    for (v, s) in stack_of.iter().enumerate() {
        if let Some(s) = s {
            reduced_index[v] = stack_index[*s];
        }
    }
    let reduced_edges: Vec<LayoutEdge> = edges
        .iter()
        .filter(|e| e.from < n && e.to < n)
        .map(|e| LayoutEdge::new(reduced_index[e.from], reduced_index[e.to]))
        .collect();
    let reduced_soft: Vec<LayoutEdge> = soft
        .iter()
        .filter(|e| e.from < n && e.to < n)
        .map(|e| LayoutEdge::new(reduced_index[e.from], reduced_index[e.to]))
        .collect();
    let options = LayeredOptions {
        node_spacing: NODE_SPACING,
        layer_spacing: LAYER_SPACING,
        page_aspect: Some(PAGE_ASPECT),
        ..LayeredOptions::default()
    };
    let layered = layered_layout_with_soft_edges(&reduced, &reduced_edges, &reduced_soft, &options);
    let mut placed = layered.positions;
    // Stacks hang from the top of their layer, close under their parent, however tall. The
    // boxes of one layer of one component share a centre line, which identifies the layer.
    let band = |p: &layout::Point| (p.y * 8.0).round() as i64;
    let mut layer_top: BTreeMap<i64, f64> = BTreeMap::new();
    for (v, p) in placed.iter().enumerate() {
        let top = p.y - reduced[v].size().height / 2.0;
        let entry = layer_top.entry(band(p)).or_insert(top);
        *entry = entry.min(top);
    }
    for &s in &stack_index {
        if let Some(&top) = layer_top.get(&band(&placed[s]))
            && reduced[s].fixed.is_none()
        {
            placed[s].y = top + reduced[s].size().height / 2.0;
        }
    }
    let mut positions: Vec<layout::Point> = (0..n).map(|v| placed[reduced_index[v]]).collect();
    for (s, (_, leaves)) in stacks.iter().enumerate() {
        let column = reduced[stack_index[s]].size();
        let centre = placed[stack_index[s]];
        let left = centre.x - column.width / 2.0 + STACK_INDENT;
        let mut top = centre.y - column.height / 2.0;
        for &leaf in leaves {
            let size = nodes[leaf].size();
            positions[leaf] = layout::Point::new(left + size.width / 2.0, top + size.height / 2.0);
            top += size.height + STACK_GAP;
        }
    }
    positions
}

/// Most boxes in one column of the involvement view before it continues in the next.
pub const COLUMN_LENGTH: usize = 10;

/// The involvement view as an org chart: the council on top, the bodies it sits on below in
/// columns of at most `column_length` boxes, one group of columns per role (accountable body,
/// lead, secretariat, member...), so the picture reads like a table and fits a page. `sizes`
/// are the boxes' (width, height).
pub fn role_columns(graph: &ViewGraph, sizes: &[(f64, f64)], column_length: usize) -> Vec<Point> {
    let nodes: Vec<LayoutNode> = sizes.iter().map(|&(w, h)| LayoutNode::new(w, h)).collect();
    role_columns_layout(graph, &nodes, column_length.max(1))
        .into_iter()
        .map(from_layout)
        .collect()
}

fn role_columns_layout(
    graph: &ViewGraph,
    nodes: &[LayoutNode],
    column_length: usize,
) -> Vec<layout::Point> {
    use super::graph::{LineKind, NodeKind};
    let mut positions = vec![layout::Point::default(); nodes.len()];
    let council = graph.nodes.iter().position(|n| n.kind == NodeKind::Council);
    // Roles in the order the register lists them; within a role, the view graph's order.
    let mut groups: BTreeMap<crate::model::CouncilRole, Vec<usize>> = BTreeMap::new();
    let mut loose = Vec::new();
    for (v, node) in graph.nodes.iter().enumerate() {
        if Some(v) == council {
            continue;
        }
        let role = graph.edges.iter().find_map(|e| match e.kind {
            LineKind::Involvement(role) if e.from == v => Some(role),
            _ => None,
        });
        match (role, node.kind) {
            (Some(role), _) => groups.entry(role).or_default().push(v),
            _ => loose.push(v),
        }
    }
    let mut columns: Vec<Vec<usize>> = Vec::new();
    for members in groups
        .into_values()
        .chain((!loose.is_empty()).then_some(loose))
    {
        for chunk in members.chunks(column_length) {
            columns.push(chunk.to_vec());
        }
    }
    let council_height = council.map_or(0.0, |c| nodes[c].size().height);
    let top = council_height + LAYER_SPACING;
    let mut left = 0.0;
    for column in &columns {
        let width = column
            .iter()
            .map(|&v| nodes[v].size().width)
            .fold(0.0, f64::max);
        let mut y = top;
        for &v in column {
            let size = nodes[v].size();
            positions[v] = layout::Point::new(
                left + STACK_INDENT + size.width / 2.0,
                y + size.height / 2.0,
            );
            y += size.height + STACK_GAP;
        }
        left += STACK_INDENT + width + NODE_SPACING;
    }
    if let Some(c) = council {
        positions[c] = layout::Point::new((left - NODE_SPACING) / 2.0, council_height / 2.0);
    }
    positions
}

/// Places the nodes of a view: stored positions kept, the rest placed around them.
pub fn arrange(
    register: &Register,
    view: ViewId,
    kind: ViewKind,
    graph: &ViewGraph,
    sizes: &[NodeSize],
) -> Vec<Placed> {
    let stored: Vec<Option<(Point, bool)>> = graph
        .nodes
        .iter()
        .map(|node| {
            register
                .node_positions
                .get(&(view, node.node))
                .map(|p| (Point::new(p.x, p.y), p.pinned))
        })
        .collect();
    arrange_from(stored, kind, graph, sizes)
}

/// [`arrange`] from these stored places (one per node, `None` where none is stored).
pub fn arrange_from(
    stored: Vec<Option<(Point, bool)>>,
    kind: ViewKind,
    graph: &ViewGraph,
    sizes: &[NodeSize],
) -> Vec<Placed> {
    let fixed: Vec<Option<Point>> = stored.iter().map(|s| s.map(|(p, _)| p)).collect();
    let centres: Vec<Point> = if fixed.iter().all(Option::is_none) {
        full_layout(kind, graph, sizes, &fixed)
    } else if fixed.iter().all(Option::is_some) {
        fixed.iter().map(|p| p.unwrap_or_default()).collect()
    } else {
        let options = PlaceOptions {
            node_spacing: NODE_SPACING,
            layer_spacing: LAYER_SPACING,
            placement: match kind {
                ViewKind::Structure => Placement::Layered,
                ViewKind::Involvement | ViewKind::Membership => Placement::Near,
            },
        };
        let nodes = layout_nodes(sizes, &fixed);
        place_new_nodes(&nodes, &layout_edges(kind, graph), &options)
            .into_iter()
            .map(from_layout)
            .collect()
    };
    centres
        .into_iter()
        .zip(stored)
        .map(|(centre, stored)| Placed {
            centre,
            stored: stored.is_some(),
            pinned: stored.is_some_and(|(_, pinned)| pinned),
        })
        .collect()
}

/// New positions for a re-layout: of every node (`selection` None) or of the selected nodes
/// only, the others staying where they are. Pinned nodes never move.
pub fn relayout(
    kind: ViewKind,
    graph: &ViewGraph,
    sizes: &[NodeSize],
    current: &[Placed],
    selection: Option<&BTreeSet<usize>>,
) -> Vec<Point> {
    let fixed: Vec<Option<Point>> = current
        .iter()
        .enumerate()
        .map(|(v, placed)| {
            let moves = !placed.pinned && selection.is_none_or(|chosen| chosen.contains(&v));
            (!moves).then_some(placed.centre)
        })
        .collect();
    full_layout(kind, graph, sizes, &fixed)
}
