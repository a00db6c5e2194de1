//! The compact arrangements [`super::plan`] tries when the picture as arranged would print its
//! names too small: the arrangement drawn closer together, narrower wraps, and, for structures
//! and the council's involvement, rearrangements of different shapes (sub-groups stacked in
//! columns under their parent, role columns cut to the page). Each keeps where its nodes are
//! arranged, so a move in a compact picture still stores a real position.

use std::collections::{BTreeMap, BTreeSet};

use super::{PRINT_COLUMN_GAP, PRINT_LAYER_GAP, PRINT_NODE_GAP};
use crate::diagram::arrange::{self, STACK_GAP, STACK_INDENT};
use crate::diagram::graph::{GraphNode, NodeKind, ViewGraph};
use crate::diagram::sizing::NAME_SIZE;
use crate::diagram::{Diagram, Visibility};
use crate::export::Point;
use crate::model::ViewKind;

/// Compact arrangements of `diagram`: the arrangement drawn closer together, then (for
/// structures and the council's involvement) rearrangements of different shapes.
pub fn compact_candidates(diagram: &Diagram) -> Vec<Diagram> {
    let mut all = vec![tightened(diagram, PRINT_NODE_GAP)];
    let shown = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .count();
    if shown > LARGE_PICTURE {
        // No page makes hundreds of names readable: one rearrangement, not every shape.
        match diagram.kind {
            ViewKind::Structure => all.push(compact_structure(diagram, f32::INFINITY)),
            ViewKind::Involvement => {
                all.push(compact_involvement(diagram, arrange::COLUMN_LENGTH));
            }
            ViewKind::Membership => {}
        }
    } else {
        all.extend(rearranged_candidates(diagram));
    }
    all
}

/// More shown nodes than this, and only one rearrangement is tried for the page.
pub const LARGE_PICTURE: usize = 200;

/// The arrangement with its centres drawn together by one factor (boxes keep their size),
/// as far as it can go before two shown boxes would come closer than `gap`: the same
/// picture, the same shape, less space between. Never spreads a picture out.
pub fn tightened(diagram: &Diagram, gap: f32) -> Diagram {
    let shown: Vec<&crate::diagram::DiagramNode> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .collect();
    let footprints: Vec<Footprint> = shown
        .iter()
        .map(|n| Footprint {
            centre: n.centre,
            width: n.width,
            height: n.height,
        })
        .collect();
    let factor = tightest_factor(&footprints, gap);
    let mut tight = diagram.clone();
    if !(factor.is_finite() && factor > 0.0 && factor < 1.0) {
        return tight;
    }
    for node in &mut tight.nodes {
        node.centre = Point::new(node.centre.x * factor, node.centre.y * factor);
    }
    keep_arranged(diagram, &mut tight);
    tight
}

/// The factor every centre can be drawn together by before two of `shown` come closer than
/// `gap`: the largest, over all pairs, of the factor at which that pair would touch (apart at
/// factor k when |dx| k >= the width they need or |dy| k >= the height). Not every pair is
/// looked at: a pair can only raise the factor found so far, f, when |dx| <= need_x / f, so
/// with the nodes sorted left to right each node is compared only with those that close on
/// its right. Neighbours in that order give the first f. The same answer as every pair, in
/// about n log n for an arranged picture (10,000 boxes: tens of milliseconds, not seconds).
fn tightest_factor(shown: &[Footprint], gap: f32) -> f32 {
    let pair_factor = |a: &Footprint, b: &Footprint| pair_factor(a, b, gap);
    let mut order: Vec<&Footprint> = shown.iter().collect();
    order.sort_by(|a, b| a.centre.x.total_cmp(&b.centre.x));
    let widest = order.iter().map(|n| n.width).fold(0.0_f32, f32::max);
    let mut factor = 0.0_f32;
    for pair in order.windows(2) {
        factor = factor.max(pair_factor(pair[0], pair[1]));
    }
    for (i, a) in order.iter().enumerate() {
        // Pairs further apart across than this cannot beat `factor` (nor can any node further
        // right: the order is by x). With no factor yet, every pair is looked at.
        // A little further, so rounding never drops a pair at the edge.
        let reach = if factor > 0.0 {
            ((a.width + widest) / 2.0 + gap) / factor * 1.001
        } else {
            f32::INFINITY
        };
        for b in &order[i + 1..] {
            if b.centre.x - a.centre.x > reach {
                break;
            }
            factor = factor.max(pair_factor(a, b));
        }
    }
    factor
}

/// A shown box's centre and size: all that drawing centres together looks at.
#[derive(Clone, Copy, Debug)]
struct Footprint {
    centre: Point,
    width: f32,
    height: f32,
}

/// The factor at which boxes `a` and `b`, drawn together, would come within `gap`.
fn pair_factor(a: &Footprint, b: &Footprint, gap: f32) -> f32 {
    let dx = (a.centre.x - b.centre.x).abs();
    let dy = (a.centre.y - b.centre.y).abs();
    let need_x = (a.width + b.width) / 2.0 + gap;
    let need_y = (a.height + b.height) / 2.0 + gap;
    let across = if dx > 0.0 { need_x / dx } else { f32::INFINITY };
    let down = if dy > 0.0 { need_y / dy } else { f32::INFINITY };
    across.min(down)
}

/// Rearrangements of `diagram` of different shapes, tall to wide.
fn rearranged_candidates(diagram: &Diagram) -> Vec<Diagram> {
    match diagram.kind {
        ViewKind::Structure => {
            let limits = [
                60.0,
                100.0,
                140.0,
                180.0,
                230.0,
                300.0,
                400.0,
                f32::INFINITY,
            ];
            PRINT_WRAPS
                .iter()
                .map(|&wrap| rewrapped(diagram, wrap))
                .flat_map(|narrow| {
                    limits
                        .iter()
                        .map(|&limit| compact_structure(&narrow, limit))
                        .collect::<Vec<_>>()
                })
                .collect()
        }
        ViewKind::Involvement => PRINT_WRAPS
            .iter()
            .map(|&wrap| rewrapped(diagram, wrap))
            .flat_map(|narrow| {
                (2..=16)
                    .map(|length| compact_involvement(&narrow, length))
                    .collect::<Vec<_>>()
            })
            .collect(),
        ViewKind::Membership => Vec::new(),
    }
}

/// Widths names are wrapped at in a compact arrangement: as on screen, and narrower (taller
/// boxes, more of them across a page).
pub const PRINT_WRAPS: [f32; 3] = [crate::diagram::sizing::WRAP_WIDTH, 96.0, 80.0];

/// `diagram` with its names wrapped at `wrap` points (boxes resized). Boxes sized by cost keep
/// their size: their size is the message.
pub fn rewrapped(diagram: &Diagram, wrap: f32) -> Diagram {
    let mut narrow = diagram.clone();
    if diagram.settings.style.size_by_cost || wrap >= crate::diagram::sizing::WRAP_WIDTH {
        return narrow;
    }
    // Never narrower than the longest word: a name broken inside a word is worse than a
    // smaller picture.
    let longest_word = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .flat_map(|n| n.name.split_whitespace())
        .map(|word| {
            crate::export::text::line_width(word, NAME_SIZE, crate::export::FontWeight::Bold)
        })
        .fold(0.0, f32::max);
    let wrap = wrap.max(longest_word.ceil());
    for node in &mut narrow.nodes {
        let size = crate::diagram::sizing::size_wrapped(
            node.kind,
            &node.name,
            &node.detail.join(" "),
            1.0,
            wrap,
        );
        node.lines = size.lines;
        node.detail = size.detail;
        node.width = size.width;
        node.height = size.height;
    }
    narrow
}

/// Places items of the given widths in this order along a line, each as near its `desired`
/// centre as can be (least squares) with at least `gap` between neighbours: pool adjacent
/// violators on the desired centres less the packed offsets.
pub fn place_in_order(widths: &[f32], desired: &[f32], gap: f32) -> Vec<f32> {
    let mut offsets = Vec::with_capacity(widths.len());
    let mut offset = 0.0_f32;
    for (i, &width) in widths.iter().enumerate() {
        if i > 0 {
            offset += (widths[i - 1] + width) / 2.0 + gap;
        }
        offsets.push(offset);
    }
    // Blocks of (sum, count, first index), means never decreasing.
    let mut blocks: Vec<(f32, f32, usize)> = Vec::new();
    for (i, (&want, &offset)) in desired.iter().zip(&offsets).enumerate() {
        blocks.push((want - offset, 1.0, i));
        while blocks.len() >= 2 {
            let (sum, count, _) = blocks[blocks.len() - 1];
            let (before_sum, before_count, first) = blocks[blocks.len() - 2];
            if before_sum / before_count > sum / count {
                blocks.pop();
                blocks.pop();
                blocks.push((before_sum + sum, before_count + count, first));
            } else {
                break;
            }
        }
    }
    let mut centres = vec![0.0; widths.len()];
    for (b, &(sum, count, first)) in blocks.iter().enumerate() {
        let end = blocks.get(b + 1).map_or(widths.len(), |next| next.2);
        let level = sum / count;
        for i in first..end {
            centres[i] = level + offsets[i];
        }
    }
    centres
}

/// One thing in a row of the compact structure: a box, or a stack of sub-groups.
#[derive(Clone, Debug)]
enum Block {
    Node(usize),
    /// The parent and the stack's columns of leaves, top to bottom.
    Stack(usize, Vec<Vec<usize>>),
}

/// The structure rearranged compactly: layers from the formal lines (a line counts only
/// when its parent is arranged above the child, which also breaks cycles), each layer's
/// left-to-right order as arranged, the sub-groups of one parent that have none of their own
/// stacked in columns no taller than `stack_limit` under it, rows packed with
/// [`PRINT_NODE_GAP`] and [`PRINT_LAYER_GAP`] and centred over their children. Hidden nodes
/// stay where they were (they are not drawn).
pub fn compact_structure(diagram: &Diagram, stack_limit: f32) -> Diagram {
    let nodes = &diagram.nodes;
    let n = nodes.len();
    let shown: Vec<bool> = nodes
        .iter()
        .map(|node| node.visibility != Visibility::Hidden)
        .collect();
    let mut order: Vec<usize> = (0..n).filter(|&v| shown[v]).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (nodes[a].centre, nodes[b].centre);
        pa.y.total_cmp(&pb.y)
            .then(pa.x.total_cmp(&pb.x))
            .then(a.cmp(&b))
    });
    let mut rank = vec![usize::MAX; n];
    for (r, &v) in order.iter().enumerate() {
        rank[v] = r;
    }
    let mut parents: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut children: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for edge in &diagram.edges {
        let (child, parent) = (edge.edge.from, edge.edge.to);
        if child < n
            && parent < n
            && shown[child]
            && shown[parent]
            && edge.edge.kind.is_formal()
            && rank[parent] < rank[child]
        {
            parents[child].insert(parent);
            children[parent].insert(child);
        }
    }
    let mut layer = vec![0usize; n];
    for &v in &order {
        layer[v] = parents[v].iter().map(|&p| layer[p] + 1).max().unwrap_or(0);
    }
    // Stacks: a parent's leaves with no other parent, when there are two or more.
    let mut stacked = vec![false; n];
    let mut blocks: Vec<(usize, f32, Block)> = Vec::new();
    for &p in &order {
        let mut leaves: Vec<usize> = children[p]
            .iter()
            .copied()
            .filter(|&c| children[c].is_empty() && parents[c].len() == 1)
            .collect();
        if leaves.len() < 2 {
            continue;
        }
        leaves.sort_by_key(|&c| rank[c]);
        let columns = stack_columns(diagram, &leaves, stack_limit);
        for &leaf in &leaves {
            stacked[leaf] = true;
        }
        blocks.push((layer[p] + 1, nodes[p].centre.x, Block::Stack(p, columns)));
    }
    for &v in &order {
        if !stacked[v] {
            blocks.push((layer[v], nodes[v].centre.x, Block::Node(v)));
        }
    }
    let row_count = blocks.iter().map(|b| b.0 + 1).max().unwrap_or(0);
    let mut rows: Vec<Vec<Block>> = vec![Vec::new(); row_count];
    blocks.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for (row, _, block) in blocks {
        rows[row].push(block);
    }

    let size = |block: &Block| -> (f32, f32) {
        match block {
            Block::Node(v) => (nodes[*v].width, nodes[*v].height),
            Block::Stack(_, columns) => stack_size(diagram, columns),
        }
    };
    // Rows top to bottom: boxes centred on the row's line, stacks hanging from its top.
    let mut tops = Vec::with_capacity(row_count);
    let mut top = 0.0_f32;
    for row in &rows {
        tops.push(top);
        let height = row.iter().map(|b| size(b).1).fold(0.0, f32::max);
        top += height + PRINT_LAYER_GAP;
    }
    // Across: the widest row packed first; rows above centred over their children, rows
    // below under their parents.
    let widths: Vec<f32> = rows
        .iter()
        .map(|row| {
            row.iter().map(|b| size(b).0).sum::<f32>()
                + PRINT_NODE_GAP * row.len().saturating_sub(1) as f32
        })
        .collect();
    let widest = (0..row_count)
        .max_by(|&a, &b| widths[a].total_cmp(&widths[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut x: Vec<Option<f32>> = vec![None; n];
    let place_row = |r: usize, x: &mut Vec<Option<f32>>| {
        let row = &rows[r];
        let sizes: Vec<(f32, f32)> = row.iter().map(size).collect();
        let row_widths: Vec<f32> = sizes.iter().map(|s| s.0).collect();
        // Packed and centred on the widest row, for blocks with nothing placed to follow.
        let mut packed = Vec::with_capacity(row.len());
        let mut left = (widths[widest] - widths[r]) / 2.0;
        for &w in &row_widths {
            packed.push(left + w / 2.0);
            left += w + PRINT_NODE_GAP;
        }
        let desired: Vec<f32> = row
            .iter()
            .zip(&sizes)
            .zip(&packed)
            .map(|((block, &(width, _)), &fallback)| {
                let follow: Vec<f32> = match block {
                    Block::Node(v) => {
                        let near = if r < widest {
                            &children[*v]
                        } else {
                            &parents[*v]
                        };
                        near.iter().filter_map(|&w| x[w]).collect()
                    }
                    Block::Stack(p, columns) => x[*p]
                        .map(|px| {
                            let first = columns.first().map_or(0.0, |c| column_width(diagram, c));
                            px + (width - first) / 2.0
                        })
                        .into_iter()
                        .collect(),
                };
                if follow.is_empty() {
                    fallback
                } else {
                    follow.iter().sum::<f32>() / follow.len() as f32
                }
            })
            .collect();
        let centres = place_in_order(&row_widths, &desired, PRINT_NODE_GAP);
        for (block, centre) in row.iter().zip(centres) {
            match block {
                Block::Node(v) => x[*v] = Some(centre),
                Block::Stack(p, columns) => {
                    let (width, _) = stack_size(diagram, columns);
                    let mut left = centre - width / 2.0;
                    for column in columns {
                        for &leaf in column {
                            x[leaf] = Some(left + STACK_INDENT as f32 + nodes[leaf].width / 2.0);
                        }
                        left += column_width(diagram, column) + PRINT_COLUMN_GAP;
                    }
                    let _ = p;
                }
            }
        }
    };
    place_row(widest, &mut x);
    for r in (0..widest).rev() {
        place_row(r, &mut x);
    }
    for r in widest + 1..row_count {
        place_row(r, &mut x);
    }

    // Down: row by row, each block just under whatever is already placed across its width
    // and under its parents (a skyline), the boxes of one row on one line, stacks each at
    // their own height: a tall stack pushes down only what is under it.
    let mut compact = diagram.clone();
    let mut placed: Vec<(f32, f32, f32)> = Vec::new(); // left, right, bottom
    let mut bottom = vec![f32::NEG_INFINITY; n];
    let needed_top = |left: f32,
                      right: f32,
                      ups: &mut dyn Iterator<Item = usize>,
                      placed: &[(f32, f32, f32)],
                      bottom: &[f32]| {
        let under = placed
            .iter()
            .filter(|(l, r, _)| {
                *l < right + PRINT_NODE_GAP / 2.0 && left - PRINT_NODE_GAP / 2.0 < *r
            })
            .map(|(_, _, b)| *b)
            .chain(ups.map(|p| bottom[p]))
            .fold(f32::NEG_INFINITY, f32::max);
        if under.is_finite() {
            under + PRINT_LAYER_GAP
        } else {
            0.0
        }
    };
    for row in &rows {
        let mut row_placed = Vec::new();
        let line_height = row
            .iter()
            .filter_map(|b| match b {
                Block::Node(v) => Some(nodes[*v].height),
                Block::Stack(..) => None,
            })
            .fold(0.0, f32::max);
        let line_top = row
            .iter()
            .filter_map(|b| match b {
                Block::Node(v) => {
                    let centre = x[*v].unwrap_or(nodes[*v].centre.x);
                    let half = nodes[*v].width / 2.0;
                    Some(needed_top(
                        centre - half,
                        centre + half,
                        &mut parents[*v].iter().copied(),
                        &placed,
                        &bottom,
                    ))
                }
                Block::Stack(..) => None,
            })
            .fold(f32::NEG_INFINITY, f32::max);
        for block in row {
            match block {
                Block::Node(v) => {
                    let centre = Point::new(
                        x[*v].unwrap_or(nodes[*v].centre.x),
                        line_top + line_height / 2.0,
                    );
                    compact.nodes[*v].centre = centre;
                    let half = nodes[*v].width / 2.0;
                    bottom[*v] = centre.y + nodes[*v].height / 2.0;
                    row_placed.push((centre.x - half, centre.x + half, bottom[*v]));
                }
                Block::Stack(p, columns) => {
                    let lefts: Vec<f32> = columns
                        .iter()
                        .map(|c| {
                            c.first().and_then(|&leaf| x[leaf]).map_or(0.0, |cx| {
                                cx - c.first().map_or(0.0, |&leaf| nodes[leaf].width / 2.0)
                                    - STACK_INDENT as f32
                            })
                        })
                        .collect();
                    let (width, _) = stack_size(diagram, columns);
                    let left = lefts.first().copied().unwrap_or(0.0);
                    let top = needed_top(
                        left,
                        left + width,
                        &mut std::iter::once(*p),
                        &placed,
                        &bottom,
                    );
                    for column in columns {
                        let mut y = top;
                        for &leaf in column {
                            let height = nodes[leaf].height;
                            compact.nodes[leaf].centre = Point::new(
                                x[leaf].unwrap_or(nodes[leaf].centre.x),
                                y + height / 2.0,
                            );
                            y += height + STACK_GAP as f32;
                        }
                        let column_left =
                            column.first().and_then(|&leaf| x[leaf]).map_or(left, |cx| {
                                cx - column.first().map_or(0.0, |&leaf| nodes[leaf].width / 2.0)
                                    - STACK_INDENT as f32
                            });
                        row_placed.push((
                            column_left,
                            column_left + column_width(diagram, column),
                            y - STACK_GAP as f32,
                        ));
                    }
                }
            }
        }
        placed.extend(row_placed);
    }
    keep_arranged(diagram, &mut compact);
    compact
}

/// Lets each node of `compact` still know where it is arranged (stored), whatever it shows: a
/// move made in a compact picture moves the stored position as far.
fn keep_arranged(diagram: &Diagram, compact: &mut Diagram) {
    for (before, node) in diagram.nodes.iter().zip(compact.nodes.iter_mut()) {
        node.arranged_at = before.arranged();
    }
}

/// Splits a stack's leaves (in order) into the fewest columns of near-equal count whose
/// boxes stack no taller than `limit`.
fn stack_columns(diagram: &Diagram, leaves: &[usize], limit: f32) -> Vec<Vec<usize>> {
    for count in 1..leaves.len() {
        let per_column = leaves.len().div_ceil(count);
        let columns: Vec<Vec<usize>> = leaves.chunks(per_column).map(<[usize]>::to_vec).collect();
        if columns.iter().all(|c| column_height(diagram, c) <= limit) {
            return columns;
        }
    }
    leaves.iter().map(|&leaf| vec![leaf]).collect()
}

fn column_height(diagram: &Diagram, column: &[usize]) -> f32 {
    column.iter().map(|&v| diagram.nodes[v].height).sum::<f32>()
        + STACK_GAP as f32 * column.len().saturating_sub(1) as f32
}

fn column_width(diagram: &Diagram, column: &[usize]) -> f32 {
    STACK_INDENT as f32
        + column
            .iter()
            .map(|&v| diagram.nodes[v].width)
            .fold(0.0, f32::max)
}

fn stack_size(diagram: &Diagram, columns: &[Vec<usize>]) -> (f32, f32) {
    let width = columns
        .iter()
        .map(|c| column_width(diagram, c))
        .sum::<f32>()
        + PRINT_COLUMN_GAP * columns.len().saturating_sub(1) as f32;
    let height = columns
        .iter()
        .map(|c| column_height(diagram, c))
        .fold(0.0, f32::max);
    (width, height)
}

/// The shown part of `diagram` as a view graph, and the diagram index of each of its nodes.
fn shown_graph(diagram: &Diagram) -> (ViewGraph, Vec<usize>) {
    let map: Vec<usize> = (0..diagram.nodes.len())
        .filter(|&v| diagram.nodes[v].visibility != Visibility::Hidden)
        .collect();
    let index: BTreeMap<usize, usize> = map.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    let nodes = map
        .iter()
        .map(|&v| {
            let node = &diagram.nodes[v];
            GraphNode {
                node: node.node,
                kind: node.kind,
                name: node.name.clone(),
                detail: String::new(),
                level: node.level,
            }
        })
        .collect();
    let edges = diagram
        .edges
        .iter()
        .filter_map(|e| {
            let mut edge = e.edge.clone();
            edge.from = *index.get(&e.edge.from)?;
            edge.to = *index.get(&e.edge.to)?;
            Some(edge)
        })
        .collect();
    (ViewGraph { nodes, edges }, map)
}

/// The council's involvement with the role columns cut at `column_length` boxes, shown nodes
/// only (no gaps for hidden ones).
pub fn compact_involvement(diagram: &Diagram, column_length: usize) -> Diagram {
    let (graph, map) = shown_graph(diagram);
    let sizes: Vec<(f64, f64)> = map
        .iter()
        .map(|&v| {
            let node = &diagram.nodes[v];
            (f64::from(node.width), f64::from(node.height))
        })
        .collect();
    let positions = arrange::role_columns(&graph, &sizes, column_length);
    let mut compact = diagram.clone();
    for (&v, p) in map.iter().zip(positions) {
        compact.nodes[v].centre = p;
    }
    keep_arranged(diagram, &mut compact);
    debug_assert!(
        compact
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Council)
            .count()
            <= 1
    );
    compact
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_pair(shown: &[Footprint], gap: f32) -> f32 {
        let mut factor = 0.0_f32;
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                factor = factor.max(pair_factor(a, b, gap));
            }
        }
        factor
    }

    proptest! {
        /// The pruned sweep finds exactly what comparing every pair finds.
        #[test]
        fn the_sweep_agrees_with_every_pair(
            boxes in prop::collection::vec(
                (-2000.0_f32..2000.0, -2000.0_f32..2000.0, 20.0_f32..200.0, 10.0_f32..80.0),
                0..60,
            ),
            gap in 0.0_f32..30.0,
        ) {
            let shown: Vec<Footprint> = boxes
                .iter()
                .map(|&(x, y, width, height)| Footprint { centre: Point::new(x, y), width, height })
                .collect();
            prop_assert_eq!(tightest_factor(&shown, gap), every_pair(&shown, gap));
        }
    }

    #[test]
    fn two_boxes_on_one_centre_cannot_be_drawn_together() {
        let a = Footprint {
            centre: Point::new(5.0, 5.0),
            width: 10.0,
            height: 10.0,
        };
        assert_eq!(tightest_factor(&[a, a], 4.0), f32::INFINITY);
    }
}
