//! The diagram made fit for a printed page: names must print at [`MIN_PRINTED_NAME_PT`] or
//! more, or a cabinet paper cannot use the picture.
//!
//! [`plan`] tries, in order, and keeps the first that prints the names large enough (else the
//! one that prints them largest):
//!
//! 1. the picture as arranged on screen (stored positions, gaps of hidden nodes closed);
//! 2. a compact arrangement of the same boxes for the page: for a structure, the layers as
//!    arranged, left-to-right order kept, sub-groups stacked in columns under their parent
//!    (as many columns as suit the page's shape), tighter gaps ([`compact_structure`]); for
//!    the council's involvement, the role columns cut to the page's shape
//!    ([`compact_involvement`]). Stored positions never change: this is the page's picture.
//!
//! The legend goes below or beside the picture, whichever prints it larger
//! ([`crate::export::compose`]). With [`PageChoice::Auto`] the page is A4 landscape when the
//! names print large enough on it, else A3 landscape.
//!
//! Everything here is pure and deterministic: only additions, multiplications and divisions
//! decide positions.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::export::{Caption, Format, Orientation, PageSetup, PaperSize, Point, Scene, compose};
use crate::model::{Register, View, ViewKind};

use super::arrange::{self, STACK_GAP, STACK_INDENT};
use super::graph::{GraphNode, NodeKind, ViewGraph};
use super::sizing::NAME_SIZE;
use super::{BuildOptions, Diagram, Visibility, scene};

/// The smallest size, in points, partnership names may print at on paper.
pub const MIN_PRINTED_NAME_PT: f32 = 7.0;

/// Gap between boxes side by side in a compact arrangement, in points.
pub const PRINT_NODE_GAP: f32 = 12.0;
/// Gap between layers in a compact arrangement, in points.
pub const PRINT_LAYER_GAP: f32 = 30.0;
/// Gap between the columns of one stack of sub-groups, in points (the spine of the next
/// column runs in it, beside its boxes).
pub const PRINT_COLUMN_GAP: f32 = 8.0;

/// Which page to print on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageChoice {
    /// This page.
    Fixed(PageSetup),
    /// A4 landscape when the names print large enough on it, else A3 landscape.
    Auto,
}

impl std::str::FromStr for PageChoice {
    type Err = crate::export::page::UnknownPage;

    /// `auto`, or a page name as [`PageSetup`] reads it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if name.trim().eq_ignore_ascii_case("auto") {
            Ok(Self::Auto)
        } else {
            name.parse().map(Self::Fixed)
        }
    }
}

impl std::fmt::Display for PageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Fixed(setup) => write!(f, "{setup}"),
            Self::Auto => f.write_str("auto"),
        }
    }
}

/// How the picture was arranged for the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// As on screen.
    AsArranged,
    /// A compact arrangement made for the page (the order kept; nothing stored changes).
    Compact,
}

/// The picture chosen for a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintPlan {
    /// The page.
    pub setup: PageSetup,
    /// The picture.
    pub scene: Scene,
    /// The diagram as arranged for the page (its nodes where the picture has them).
    pub diagram: Diagram,
    /// How it was arranged.
    pub arrangement: Arrangement,
    /// The size partnership names print at, in points.
    pub name_pt: f32,
}

impl PrintPlan {
    /// A note in plain words on how the picture was made to fit, or why it could not be;
    /// `None` when the picture is printed as arranged and readable.
    pub fn note(&self) -> Option<String> {
        let small = self.name_pt < MIN_PRINTED_NAME_PT - 0.05;
        match (self.arrangement, small) {
            (Arrangement::AsArranged, false) => None,
            (Arrangement::Compact, false) => Some(format!(
                "Arranged more compactly for the page so that names print at {:.1} pt \
                 (the order is kept; the diagram on screen is unchanged).",
                self.name_pt
            )),
            (_, true) => {
                let bigger = if self.setup.paper == PaperSize::A4 {
                    "choose A3, or "
                } else {
                    ""
                };
                Some(format!(
                    "Names print at only {:.1} pt on {}: {bigger}show fewer partnerships \
                     (filters, or focus on one partnership).",
                    self.name_pt, self.setup
                ))
            }
        }
    }
}

/// The size names print at when `scene` is laid out on `setup`.
pub fn printed_name_pt(scene: &Scene, setup: &PageSetup) -> f32 {
    compose(scene, setup)
        .picture_scale
        .map_or(NAME_SIZE, |scale| NAME_SIZE * scale)
}

/// The picture of `diagram` to print on `choice`, made to fit as the module says.
pub fn plan(diagram: &Diagram, caption: &Caption, choice: PageChoice) -> PrintPlan {
    match choice {
        PageChoice::Fixed(setup) => plan_on(diagram, caption, setup),
        PageChoice::Auto => {
            let a4 = plan_on(
                diagram,
                caption,
                PageSetup::new(PaperSize::A4, Orientation::Landscape),
            );
            if a4.name_pt >= MIN_PRINTED_NAME_PT {
                return a4;
            }
            let a3 = plan_on(
                diagram,
                caption,
                PageSetup::new(PaperSize::A3, Orientation::Landscape),
            );
            if a3.name_pt > a4.name_pt { a3 } else { a4 }
        }
    }
}

fn plan_on(diagram: &Diagram, caption: &Caption, setup: PageSetup) -> PrintPlan {
    let as_arranged = scene::diagram_scene(diagram, caption.clone());
    let pt = printed_name_pt(&as_arranged, &setup);
    let mut best = PrintPlan {
        setup,
        scene: as_arranged,
        diagram: diagram.clone(),
        arrangement: Arrangement::AsArranged,
        name_pt: pt,
    };
    // Hidden nodes leave holes in the arrangement: then a compact picture is tried even when
    // the names are readable, and taken when it prints them clearly larger.
    let holes = diagram
        .nodes
        .iter()
        .any(|n| n.visibility == Visibility::Hidden);
    if pt >= MIN_PRINTED_NAME_PT && !holes {
        return best;
    }
    let better = if pt >= MIN_PRINTED_NAME_PT {
        1.1
    } else {
        1.0001
    };
    // Among the compact pictures that print the names large enough, the one whose lines
    // cross the fewest boxes (then the largest); if none does, the largest.
    let mut best_crossings = usize::MAX;
    for compact in compact_candidates(diagram) {
        let picture = scene::diagram_scene(&compact, caption.clone());
        let pt = printed_name_pt(&picture, &setup);
        let readable = pt >= MIN_PRINTED_NAME_PT;
        let best_readable = best.name_pt >= MIN_PRINTED_NAME_PT;
        // Counted only where it decides (large unreadable pictures skip the cost).
        let crossings = if readable {
            line_box_crossings(&picture, &compact)
        } else {
            usize::MAX
        };
        let take = if best.arrangement == Arrangement::AsArranged {
            pt > best.name_pt * better
        } else if readable && best_readable {
            crossings < best_crossings || (crossings == best_crossings && pt > best.name_pt)
        } else {
            pt > best.name_pt * 1.0001
        };
        if take {
            best_crossings = crossings;
            best = PrintPlan {
                setup,
                scene: picture,
                diagram: compact,
                arrangement: Arrangement::Compact,
                name_pt: pt,
            };
        }
    }
    best
}

/// How many times the picture's lines run across a shown box (other than at their ends):
/// fewer is cleaner. Boxes are taken 2 points inside their outline, so a line that starts
/// or stops at a box does not count.
pub fn line_box_crossings(picture: &Scene, diagram: &Diagram) -> usize {
    let boxes: Vec<crate::export::Rect> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .map(|n| scene::node_rect(n).inflate(-2.0))
        .collect();
    let mut count = 0;
    for item in &picture.items {
        let crate::export::Item::Shape(shape) = item else {
            continue;
        };
        let crate::export::Geometry::Polyline { points, .. } = &shape.geometry else {
            continue;
        };
        for pair in points.windows(2) {
            count += boxes
                .iter()
                .filter(|b| segment_meets_rect(pair[0], pair[1], b))
                .count();
        }
    }
    count
}

/// Whether the segment `a`–`b` passes through the inside of `rect` (clipped parametrically).
fn segment_meets_rect(a: Point, b: Point, rect: &crate::export::Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut enter = 0.0_f32;
    let mut leave = 1.0_f32;
    for (p, q) in [
        (-dx, a.x - rect.x),
        (dx, rect.right() - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter < leave
}

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
    let shown: Vec<&super::DiagramNode> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .collect();
    let mut factor = 0.0_f32;
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            let dx = (a.centre.x - b.centre.x).abs();
            let dy = (a.centre.y - b.centre.y).abs();
            let need_x = (a.width + b.width) / 2.0 + gap;
            let need_y = (a.height + b.height) / 2.0 + gap;
            // Apart at factor k when dx * k >= need_x or dy * k >= need_y.
            let across = if dx > 0.0 { need_x / dx } else { f32::INFINITY };
            let down = if dy > 0.0 { need_y / dy } else { f32::INFINITY };
            factor = factor.max(across.min(down));
        }
    }
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
pub const PRINT_WRAPS: [f32; 3] = [super::sizing::WRAP_WIDTH, 96.0, 80.0];

/// `diagram` with its names wrapped at `wrap` points (boxes resized). Boxes sized by cost keep
/// their size: their size is the message.
pub fn rewrapped(diagram: &Diagram, wrap: f32) -> Diagram {
    let mut narrow = diagram.clone();
    if diagram.settings.style.size_by_cost || wrap >= super::sizing::WRAP_WIDTH {
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
        let size =
            super::sizing::size_wrapped(node.kind, &node.name, &node.detail.join(" "), 1.0, wrap);
        node.lines = size.lines;
        node.detail = size.detail;
        node.width = size.width;
        node.height = size.height;
    }
    narrow
}

/// The page's picture of `diagram`, encoded: what File, Export diagram and the command line
/// write. Returns the bytes and the plan (for its note).
pub fn export(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    choice: PageChoice,
    format: Format,
    data_as_at: NaiveDate,
) -> Result<(Vec<u8>, PrintPlan), crate::export::ExportError> {
    let diagram = Diagram::build(register, view, options);
    let caption = scene::caption(register, &diagram, data_as_at);
    let plan = plan(&diagram, &caption, choice);
    let bytes = crate::export::export(&plan.scene, &plan.setup, format)?;
    Ok((bytes, plan))
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
