//! The bus lines of the org-chart routing ([`super::scene::structure_route`]): a parent's
//! lines from its children meet on one horizontal bus under it. Parents on one layer have
//! their buses at the same height, so where their spans overlap two buses would run into one
//! line and a reader could not tell which parent a child belongs to. Such parents get lanes
//! a few points apart instead; a bus that overlaps no other stays where it was. Only
//! additions, subtractions and comparisons: the same picture on every machine.

use std::collections::BTreeMap;

use super::arrange::{LAYER_SPACING, STACK_INDENT};
use super::{Diagram, DiagramNode, Visibility};
use crate::model::ViewKind;

/// How far apart the lanes of overlapping buses are, in diagram points.
const LANE_GAP: f32 = 7.0;
/// The least room kept between a bus and the boxes above and below it.
const CLEARANCE: f32 = 4.0;
/// Buses closer than this along the line are treated as touching.
const SPAN_MARGIN: f32 = 4.0;

/// The bottom of a node's drawn outline, with its border.
pub(super) fn bottom_of(node: &DiagramNode) -> f32 {
    node.centre.y + node.height / 2.0 + node.border.width / 2.0 + 1.0
}

/// The top of a node's drawn outline, with its border.
pub(super) fn top_of(node: &DiagramNode) -> f32 {
    node.centre.y - node.height / 2.0 - node.border.width / 2.0 - 1.0
}

/// Whether `edge` is drawn as an org-chart line (down from the child to its parent's bus)
/// rather than routed round the boxes: formal lines in a structure, every line of the
/// council's involvement, none in a membership network.
pub(super) fn is_org_chart_line(diagram: &Diagram, edge: &super::DiagramEdge) -> bool {
    match diagram.kind {
        ViewKind::Structure => edge.edge.kind.is_formal(),
        ViewKind::Involvement => true,
        ViewKind::Membership => false,
    }
}

/// For every parent, the shown org-chart lines into it whose child is far enough below it to
/// be routed by a bus, as child indexes: one pass over the lines.
fn bus_children(diagram: &Diagram) -> BTreeMap<usize, Vec<usize>> {
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for edge in &diagram.edges {
        if edge.visibility == Visibility::Hidden || !is_org_chart_line(diagram, edge) {
            continue;
        }
        let (Some(parent), Some(child)) = (
            diagram.nodes.get(edge.edge.to),
            diagram.nodes.get(edge.edge.from),
        ) else {
            continue;
        };
        if top_of(child) - bottom_of(parent) >= 12.0 {
            children
                .entry(edge.edge.to)
                .or_default()
                .push(edge.edge.from);
        }
    }
    children
}

/// Where `parent`'s bus runs when nothing else is in the way: half way down to its nearest
/// child, and no further than half the layer spacing; with the top of that nearest child.
/// `None` when no child is far enough below.
fn natural_bus(parent: &DiagramNode, children: &[&DiagramNode]) -> Option<(f32, f32)> {
    let parent_bottom = bottom_of(parent);
    let nearest = children
        .iter()
        .map(|child| top_of(child))
        .fold(f32::INFINITY, f32::min);
    nearest.is_finite().then(|| {
        let bus = parent_bottom + (LAYER_SPACING as f32 / 2.0).min((nearest - parent_bottom) / 2.0);
        (bus, nearest)
    })
}

/// The height of every parent's bus, by parent index.
pub(super) fn bus_heights(diagram: &Diagram) -> BTreeMap<usize, f32> {
    struct Bus {
        parent: usize,
        natural: f32,
        lowest: f32,
        highest: f32,
        start: f32,
        end: f32,
    }
    let mut groups: BTreeMap<i64, Vec<Bus>> = BTreeMap::new();
    for (parent, children) in bus_children(diagram) {
        let Some(node) = diagram.nodes.get(parent) else {
            continue;
        };
        let children: Vec<&DiagramNode> = children
            .iter()
            .filter_map(|&c| diagram.nodes.get(c))
            .collect();
        let Some((natural, nearest)) = natural_bus(node, &children) else {
            continue;
        };
        let (mut start, mut end) = (node.centre.x, node.centre.x);
        for child in children {
            // A stacked child joins by a spine just left of its box.
            start = start.min(child.centre.x - child.width / 2.0 - STACK_INDENT as f32);
            end = end.max(child.centre.x);
        }
        let bus = Bus {
            parent,
            natural,
            lowest: bottom_of(node) + CLEARANCE,
            highest: nearest - CLEARANCE,
            start,
            end,
        };
        // Buses at one height (to a quarter point) may run into each other.
        let key = (f64::from(natural) * 4.0).round() as i64;
        groups.entry(key).or_default().push(bus);
    }
    let mut heights = BTreeMap::new();
    for mut buses in groups.into_values() {
        buses.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.parent.cmp(&b.parent)));
        // Greedy lanes: each bus takes the first lane free along its span.
        let mut lane_ends: Vec<f32> = Vec::new();
        for bus in buses {
            let lane = match lane_ends
                .iter()
                .position(|&end| end + SPAN_MARGIN < bus.start)
            {
                Some(free) => {
                    lane_ends[free] = bus.end;
                    free
                }
                None => {
                    lane_ends.push(bus.end);
                    lane_ends.len() - 1
                }
            };
            let height =
                (bus.natural + lane_offset(lane)).clamp(bus.lowest, bus.highest.max(bus.lowest));
            heights.insert(bus.parent, height);
        }
    }
    heights
}

/// Lane 0 at the natural height, then one gap up, one down, two up, two down...
fn lane_offset(lane: usize) -> f32 {
    let steps = lane.div_ceil(2) as f32;
    if lane % 2 == 1 {
        -steps * LANE_GAP
    } else {
        steps * LANE_GAP
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_alternate_round_the_natural_height() {
        let offsets: Vec<f32> = (0..5).map(lane_offset).collect();
        assert_eq!(
            offsets,
            [0.0, -LANE_GAP, LANE_GAP, -2.0 * LANE_GAP, 2.0 * LANE_GAP]
        );
    }
}
