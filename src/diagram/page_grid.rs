//! The structure laid out as a page, as council appendix diagrams draw it: the LSP board alone
//! on top; under it the bodies of its tree as blocks packed into columns shaped to the page;
//! the other boards (county, sub-regional) and their trees in a band of their own below.
//!
//! A block is a box with the blocks of its children in the tree stacked under it, indented,
//! org-chart style (a container already lists its sub-groups inside it as rows). The blocks
//! under the board go, tallest first, into whichever column is shortest so far (each column
//! keeps them in the register's order); every column count is tried and the one whose
//! picture prints largest in the page's room for it is kept. Every box of a tree is below
//! its parent in that tree and no two boxes overlap. Each column count costs a sort of the
//! top blocks, so the whole is O(n + e + k² log k) for k blocks under the board. Pure and
//! deterministic.

use std::collections::VecDeque;

use crate::layout::{Point, Size};

/// Gaps of the page grid, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridSpacing {
    /// Between columns (the spine of the right-hand column's lines runs in it, clear of the
    /// role badges over the left-hand column's right side).
    pub column: f64,
    /// Between blocks one above the other in a column.
    pub block: f64,
    /// Between the board and the first blocks (its bus runs there).
    pub board: f64,
    /// Between the board's structure and the band of other boards (its rule runs there).
    pub band: f64,
    /// Indent of a stack of children under their parent (their spine runs in it).
    pub indent: f64,
    /// Between a box and the next box stacked under it (room for the bus).
    pub stack: f64,
}

/// The spacing of a freshly arranged structure.
pub const SPACING: GridSpacing = GridSpacing {
    column: 22.0,
    block: 12.0,
    board: 24.0,
    band: 20.0,
    indent: 16.0,
    stack: 16.0,
};

/// The trees of the structure: the board's, then the others'.
struct Forest {
    /// The board: the LSP board, else the root with the largest tree.
    board: usize,
    /// Each node's children in the tree, by index.
    children: Vec<Vec<usize>>,
    /// The roots of the trees that are not the board's, in order.
    other_roots: Vec<usize>,
    /// Whether a node is outside the board's tree.
    outside: Vec<bool>,
}

fn forest(n: usize, edges: &[(usize, usize)], board: Option<usize>) -> Forest {
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_parent = vec![false; n];
    for &(child, parent) in edges {
        if child < n && parent < n && child != parent {
            down[parent].push(child);
            has_parent[child] = true;
        }
    }
    for list in &mut down {
        list.sort_unstable();
        list.dedup();
    }
    let reach = |root: usize| {
        let mut seen = vec![false; n];
        let mut count = 0usize;
        let mut queue = VecDeque::from([root]);
        seen[root] = true;
        while let Some(v) = queue.pop_front() {
            count += 1;
            for &c in &down[v] {
                if !seen[c] {
                    seen[c] = true;
                    queue.push_back(c);
                }
            }
        }
        count
    };
    let board = board.filter(|&b| b < n).unwrap_or_else(|| {
        (0..n)
            .filter(|&v| !has_parent[v] && !down[v].is_empty())
            .max_by_key(|&v| (reach(v), std::cmp::Reverse(v)))
            .unwrap_or(0)
    });
    // From the board, then from each other root: the nodes a root reaches that no tree holds
    // yet are its tree. Each goes under the deepest of its parents there (the longest path
    // from the root), so it is below every parent in its tree; in a cycle, under the first
    // parent to reach it breadth first.
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (parent, kids) in down.iter().enumerate() {
        for &c in kids {
            up[c].push(parent);
        }
    }
    let mut tree_of = vec![usize::MAX; n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let grow = |root: usize, tree_of: &mut Vec<usize>, children: &mut Vec<Vec<usize>>| {
        tree_of[root] = root;
        let mut reached = vec![root];
        let mut queue = VecDeque::from([root]);
        let mut seen_at: std::collections::HashMap<usize, usize> = [(root, root)].into();
        while let Some(v) = queue.pop_front() {
            for &c in &down[v] {
                if tree_of[c] == usize::MAX && !seen_at.contains_key(&c) {
                    seen_at.insert(c, v);
                    reached.push(c);
                    queue.push_back(c);
                }
            }
        }
        // Longest paths from the root over the reached nodes (Kahn's order).
        let inside = |v: usize| seen_at.contains_key(&v);
        let mut waiting: std::collections::HashMap<usize, usize> = reached
            .iter()
            .map(|&v| (v, up[v].iter().filter(|&&p| inside(p) && p != v).count()))
            .collect();
        let mut depth: std::collections::HashMap<usize, usize> = [(root, 0)].into();
        let mut ready = VecDeque::from([root]);
        while let Some(v) = ready.pop_front() {
            for &c in &down[v] {
                if c == root || !inside(c) {
                    continue;
                }
                let d = depth[&v] + 1;
                let entry = depth.entry(c).or_insert(d);
                *entry = (*entry).max(d);
                if let Some(w) = waiting.get_mut(&c) {
                    *w = w.saturating_sub(1);
                    if *w == 0 {
                        ready.push_back(c);
                    }
                }
            }
        }
        for &c in reached.iter().skip(1) {
            let parent = match waiting.get(&c) {
                // Every parent placed: the deepest (the lowest index among equals).
                Some(0) => up[c]
                    .iter()
                    .copied()
                    .filter(|&p| inside(p) && p != c)
                    .max_by_key(|p| (depth.get(p).copied().unwrap_or(0), std::cmp::Reverse(*p)))
                    .unwrap_or(seen_at[&c]),
                _ => seen_at[&c],
            };
            tree_of[c] = root;
            children[parent].push(c);
        }
    };
    let mut other_roots = Vec::new();
    if n > 0 {
        grow(board, &mut tree_of, &mut children);
    }
    // Roots first; then anything left (a cycle with no root) starts its own tree.
    let order: Vec<usize> = (0..n).filter(|&v| !has_parent[v]).chain(0..n).collect();
    for v in order {
        if tree_of[v] == usize::MAX {
            other_roots.push(v);
            grow(v, &mut tree_of, &mut children);
        }
    }
    for kids in children.iter_mut() {
        kids.sort_unstable();
    }
    let outside = tree_of.iter().map(|&t| t != board).collect();
    Forest {
        board,
        children,
        other_roots,
        outside,
    }
}

/// Whether each node lies outside the board's tree: the nodes the page grid puts in the band
/// below. `edges` are `(child, parent)`; `board` as for [`arrange`].
pub fn outside_board(n: usize, edges: &[(usize, usize)], board: Option<usize>) -> Vec<bool> {
    forest(n, edges, board).outside
}

/// Each node's block: (width, height), children before parents.
fn block_sizes(forest: &Forest, sizes: &[Size], spacing: &GridSpacing) -> Vec<Size> {
    let n = sizes.len();
    // Parents before children: breadth first over the trees; then reversed.
    let mut order = Vec::with_capacity(n);
    let roots = std::iter::once(forest.board).chain(forest.other_roots.iter().copied());
    for root in roots.filter(|&r| r < n) {
        let start = order.len();
        order.push(root);
        let mut i = start;
        while i < order.len() {
            let v = order[i];
            order.extend(forest.children[v].iter().copied());
            i += 1;
        }
    }
    let mut blocks: Vec<Size> = sizes.to_vec();
    for &v in order.iter().rev() {
        let mut width = sizes[v].width;
        let mut height = sizes[v].height;
        let indent = indent(forest, v, spacing);
        for &c in &forest.children[v] {
            width = width.max(indent + blocks[c].width);
            height += spacing.stack + blocks[c].height;
        }
        blocks[v] = Size::new(width, height);
    }
    blocks
}

/// How far the children stacked under `v` are indented: room for the spine their lines share
/// when there are several; an only child sits straight under its parent.
fn indent(forest: &Forest, v: usize, spacing: &GridSpacing) -> f64 {
    if forest.children[v].len() > 1 {
        spacing.indent
    } else {
        0.0
    }
}

/// Places the block of `v` with its top-left corner at (`left`, `top`).
fn place_block(
    v: usize,
    (left, top): (f64, f64),
    forest: &Forest,
    sizes: &[Size],
    blocks: &[Size],
    spacing: &GridSpacing,
    positions: &mut [Point],
) {
    let mut stack = vec![(v, left, top)];
    while let Some((v, left, top)) = stack.pop() {
        positions[v] = Point::new(left + sizes[v].width / 2.0, top + sizes[v].height / 2.0);
        let mut y = top + sizes[v].height + spacing.stack;
        let indent = indent(forest, v, spacing);
        for &c in &forest.children[v] {
            stack.push((c, left + indent, y));
            y += blocks[c].height + spacing.stack;
        }
    }
}

/// Columns of blocks: for each column its blocks in order, its width and its height.
struct Columns {
    columns: Vec<Vec<usize>>,
    widths: Vec<f64>,
    heights: Vec<f64>,
}

impl Columns {
    fn width(&self, gap: f64) -> f64 {
        self.widths.iter().sum::<f64>() + gap * self.widths.len().saturating_sub(1) as f64
    }

    fn height(&self) -> f64 {
        self.heights.iter().copied().fold(0.0, f64::max)
    }
}

/// `items` (in order) in `count` columns: tallest first into the shortest column.
fn masonry(items: &[usize], blocks: &[Size], count: usize, gap: f64) -> Columns {
    let count = count.clamp(1, items.len().max(1));
    let mut tallest_first = items.to_vec();
    tallest_first.sort_by(|&a, &b| {
        blocks[b]
            .height
            .total_cmp(&blocks[a].height)
            .then(a.cmp(&b))
    });
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut heights = vec![0.0_f64; count];
    for v in tallest_first {
        let shortest = (0..count)
            .min_by(|&a, &b| heights[a].total_cmp(&heights[b]).then(a.cmp(&b)))
            .unwrap_or(0);
        if !columns[shortest].is_empty() {
            heights[shortest] += gap;
        }
        heights[shortest] += blocks[v].height;
        columns[shortest].push(v);
    }
    columns.retain(|c| !c.is_empty());
    let rank: std::collections::HashMap<usize, usize> =
        items.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    for column in &mut columns {
        column.sort_by_key(|v| rank.get(v).copied().unwrap_or(usize::MAX));
    }
    // Columns in the order of their first block, so the register's order reads across.
    columns.sort_by_key(|c| c.first().and_then(|v| rank.get(v).copied()));
    let widths = columns
        .iter()
        .map(|c| c.iter().map(|&v| blocks[v].width).fold(0.0, f64::max))
        .collect();
    let heights = columns
        .iter()
        .map(|c| {
            c.iter().map(|&v| blocks[v].height).sum::<f64>()
                + gap * c.len().saturating_sub(1) as f64
        })
        .collect();
    Columns {
        columns,
        widths,
        heights,
    }
}

/// The most columns tried for any one tree: a page holds no more, legibly.
const MOST_COLUMNS: usize = 12;

/// A tree drawn as its root over its children's blocks in columns.
struct TreeGrid {
    root: usize,
    columns: Columns,
    size: Size,
}

fn tree_grid(
    root: usize,
    count: usize,
    forest: &Forest,
    sizes: &[Size],
    blocks: &[Size],
    spacing: &GridSpacing,
) -> TreeGrid {
    let under = &forest.children[root];
    let columns = masonry(under, blocks, count, spacing.block);
    let mut size = sizes[root];
    if !under.is_empty() {
        size.width = size.width.max(columns.width(spacing.column));
        size.height += spacing.board + columns.height();
    }
    TreeGrid {
        root,
        columns,
        size,
    }
}

/// Places `tree` with its top-left corner at (`left`, `top`), `width` wide: the root centred
/// over its columns.
fn place_tree(
    tree: &TreeGrid,
    (left, top, width): (f64, f64, f64),
    forest: &Forest,
    sizes: &[Size],
    blocks: &[Size],
    spacing: &GridSpacing,
    positions: &mut [Point],
) {
    let root = sizes[tree.root];
    positions[tree.root] = Point::new(left + width / 2.0, top + root.height / 2.0);
    let mut x = left + (width - tree.columns.width(spacing.column)) / 2.0;
    let y0 = top + root.height + spacing.board;
    for (column, &column_width) in tree.columns.columns.iter().zip(&tree.columns.widths) {
        let mut y = y0;
        for &v in column {
            place_block(v, (x, y), forest, sizes, blocks, spacing, positions);
            y += blocks[v].height + spacing.block;
        }
        x += column_width + spacing.column;
    }
}

/// Where the other boards' trees go.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Band {
    /// Under the board's structure.
    Below,
    /// At its right, from its first row down.
    Beside,
}

/// The room the diagram keeps over a band for its label, in points.
pub const BAND_LABEL_ROOM: f64 = 20.0;

/// Loose nodes in rows at most `width` wide (wider only for one box): their corners relative
/// to the rows' top-left, and the rows' size.
fn shelf(
    loose: &[usize],
    sizes: &[Size],
    width: f64,
    spacing: &GridSpacing,
) -> (Vec<(f64, f64)>, Size) {
    let mut corners = Vec::with_capacity(loose.len());
    let (mut x, mut y, mut row_height, mut widest) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for &v in loose {
        if x > 0.0 && x + sizes[v].width > width {
            x = 0.0;
            y += row_height + spacing.block;
            row_height = 0.0;
        }
        corners.push((x, y));
        x += sizes[v].width + spacing.column;
        row_height = row_height.max(sizes[v].height);
        widest = widest.max(x - spacing.column);
    }
    (corners, Size::new(widest, y + row_height))
}

/// The band of other boards: the boards in rows, then the blocks of everything under them in
/// columns below (so each is under its board, as the board's tree is under it).
struct BandGrid {
    /// The boards' corners (relative to the band's top-left) and the rows' size.
    roots: (Vec<(f64, f64)>, Size),
    columns: Columns,
    size: Size,
}

fn band_grid(
    forest: &Forest,
    (count, one_row): (usize, bool),
    sizes: &[Size],
    blocks: &[Size],
    spacing: &GridSpacing,
) -> BandGrid {
    let under: Vec<usize> = forest
        .other_roots
        .iter()
        .flat_map(|&r| forest.children[r].iter().copied())
        .collect();
    let columns = masonry(&under, blocks, count, spacing.block);
    let widest = forest
        .other_roots
        .iter()
        .map(|&r| sizes[r].width)
        .fold(0.0, f64::max);
    // The boards in rows as wide as the columns under them, or all in one row.
    let row = if one_row {
        f64::INFINITY
    } else {
        columns.width(spacing.column).max(widest)
    };
    let roots = shelf(&forest.other_roots, sizes, row, spacing);
    let mut size = roots.1;
    if !under.is_empty() {
        size.width = size.width.max(columns.width(spacing.column));
        size.height += spacing.board + columns.height();
    }
    BandGrid {
        roots,
        columns,
        size,
    }
}

/// One arrangement tried: the board's tree, the band of other boards, the loose bodies.
struct Plan {
    main: TreeGrid,
    band: BandGrid,
    place: Band,
    loose: (Vec<(f64, f64)>, Size),
    /// Where the band and the loose rows start, and the picture's size.
    band_at: (f64, f64),
    loose_at: (f64, f64),
    size: Size,
}

fn plan(
    forest: &Forest,
    (loose, counted): (&[usize], usize),
    (main_count, band_count, place, one_row): (usize, usize, Band, bool),
    sizes: &[Size],
    blocks: &[Size],
    spacing: &GridSpacing,
) -> Plan {
    let main = tree_grid(forest.board, main_count, forest, sizes, blocks, spacing);
    let band = band_grid(forest, (band_count, one_row), sizes, blocks, spacing);
    let has_band = !forest.other_roots.is_empty();
    let band_width = band.size.width;
    let (band_at, region_width) = match place {
        Band::Below => (
            (0.0, main.size.height + spacing.band + BAND_LABEL_ROOM),
            main.size.width.max(band_width),
        ),
        Band::Beside => (
            (
                main.size.width + spacing.band,
                sizes[forest.board].height + spacing.board + BAND_LABEL_ROOM,
            ),
            band_width,
        ),
    };
    let shelf_width =
        match place {
            Band::Below => region_width,
            Band::Beside if has_band => region_width,
            // No other boards: the loose bodies beside need no more width than two boxes.
            Band::Beside => loose.iter().map(|&v| sizes[v].width).sum::<f64>().min(
                2.0 * loose.iter().map(|&v| sizes[v].width).fold(0.0, f64::max) + spacing.column,
            ),
        };
    // The shelf holds every loose body; only the first `counted` (the shown ones) count for
    // the picture's size.
    let rows = shelf(loose, sizes, shelf_width, spacing);
    let counted_size = shelf(
        &loose[..counted.min(loose.len())],
        sizes,
        shelf_width,
        spacing,
    )
    .1;
    let band_bottom = if has_band {
        band_at.1 + band.size.height
    } else {
        band_at.1 - BAND_LABEL_ROOM
    };
    let loose_at = (
        band_at.0,
        if has_band {
            band_bottom + spacing.band + BAND_LABEL_ROOM
        } else {
            band_bottom + BAND_LABEL_ROOM
        },
    );
    let mut width = match place {
        Band::Below => main.size.width.max(band_width),
        Band::Beside => main.size.width,
    };
    let mut height = main.size.height;
    if has_band {
        width = width.max(band_at.0 + band_width);
        height = height.max(band_bottom);
    }
    if counted > 0 {
        width = width.max(loose_at.0 + counted_size.width);
        height = height.max(loose_at.1 + counted_size.height);
    }
    Plan {
        main,
        band,
        place,
        loose: rows,
        band_at,
        loose_at,
        size: Size::new(width, height),
    }
}

/// Centres for a structure of boxes `sizes` with tree lines `edges` (`(child, parent)`): the
/// page grid the module describes, for whichever of the page's `rooms` (width, height: the
/// picture's room with the legend below, say, and with it beside) prints it largest. `board`
/// is the LSP board when the view has one; `loose` marks bodies with no line in the
/// structure, which go in rows of their own after the other boards (those marked `quiet`, left
/// out by the view's filters, last and not counted in the picture's size: hidden, the picture
/// closes up round them). The other boards go
/// below the board's structure or beside it (from its first row down, so the board stays
/// alone on its row), whichever prints larger, with [`BAND_LABEL_ROOM`] over each band.
pub fn arrange(
    sizes: &[Size],
    edges: &[(usize, usize)],
    loose: &[bool],
    quiet: &[bool],
    board: Option<usize>,
    rooms: &[(f64, f64)],
    spacing: &GridSpacing,
) -> Vec<Point> {
    let n = sizes.len();
    let mut positions = vec![Point::default(); n];
    if n == 0 {
        return positions;
    }
    let is_loose = |v: usize| loose.get(v).copied().unwrap_or(false);
    let mut forest = forest(n, edges, board);
    let (mut apart, roots): (Vec<usize>, Vec<usize>) = forest
        .other_roots
        .iter()
        .partition(|&&r| r != forest.board && is_loose(r));
    forest.other_roots = roots;
    // Loose bodies the filters leave out (hidden, or faded) go last, and do not count.
    let is_quiet = |v: usize| quiet.get(v).copied().unwrap_or(false);
    apart.sort_by_key(|&v| is_quiet(v));
    let counted = apart.iter().filter(|&&v| !is_quiet(v)).count();
    let blocks = block_sizes(&forest, sizes, spacing);
    let most = |count: usize| count.clamp(1, MOST_COLUMNS);
    let mut best: Option<(f64, (usize, usize, Band, bool))> = None;
    for main_count in 1..=most(forest.children[forest.board].len()) {
        let under_others: usize = forest
            .other_roots
            .iter()
            .map(|&r| forest.children[r].len())
            .sum();
        for band_count in 1..=most(under_others) {
            for (place, one_row) in [
                (Band::Below, false),
                (Band::Beside, false),
                (Band::Below, true),
                (Band::Beside, true),
            ] {
                let choice = (main_count, band_count, place, one_row);
                let size = plan(&forest, (&apart, counted), choice, sizes, &blocks, spacing).size;
                // The page's scale is set by the tighter side.
                // Each room's scale is set by its tighter side; the best room counts.
                let scale = rooms
                    .iter()
                    .map(|&(w, h)| (w / size.width.max(1.0)).min(h / size.height.max(1.0)))
                    .fold(0.0, f64::max);
                if best.is_none_or(|(b, _)| scale > b + 1e-12) {
                    best = Some((scale, choice));
                }
            }
        }
    }
    let Some((_, choice)) = best else {
        return positions;
    };
    let plan = plan(&forest, (&apart, counted), choice, sizes, &blocks, spacing);
    let main_width = match plan.place {
        Band::Below => plan.size.width,
        Band::Beside => plan.main.size.width,
    };
    place_tree(
        &plan.main,
        (0.0, 0.0, main_width),
        &forest,
        sizes,
        &blocks,
        spacing,
        &mut positions,
    );
    let (left, top) = plan.band_at;
    for (&v, &(dx, dy)) in forest.other_roots.iter().zip(&plan.band.roots.0) {
        positions[v] = Point::new(
            left + dx + sizes[v].width / 2.0,
            top + dy + sizes[v].height / 2.0,
        );
    }
    let mut x = left;
    let y0 = top + plan.band.roots.1.height + spacing.board;
    for (column, &column_width) in plan
        .band
        .columns
        .columns
        .iter()
        .zip(&plan.band.columns.widths)
    {
        let mut y = y0;
        for &v in column {
            place_block(v, (x, y), &forest, sizes, &blocks, spacing, &mut positions);
            y += blocks[v].height + spacing.block;
        }
        x += column_width + spacing.column;
    }
    for (&v, &(dx, dy)) in apart.iter().zip(&plan.loose.0) {
        let (left, top) = (plan.loose_at.0 + dx, plan.loose_at.1 + dy);
        positions[v] = Point::new(left + sizes[v].width / 2.0, top + sizes[v].height / 2.0);
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn overlap(a: (Point, Size), b: (Point, Size)) -> bool {
        (a.0.x - b.0.x).abs() * 2.0 < a.1.width + b.1.width - 1e-6
            && (a.0.y - b.0.y).abs() * 2.0 < a.1.height + b.1.height - 1e-6
    }

    /// A board (0) with `themed` partnerships under it, each with one sub-group box, and a
    /// county board with two groups of its own, one of them a second parent of a partnership.
    fn structure(themed: usize) -> (Vec<Size>, Vec<(usize, usize)>) {
        let mut sizes = vec![Size::new(120.0, 30.0)];
        let mut edges = Vec::new();
        for t in 0..themed {
            let p = sizes.len();
            sizes.push(Size::new(170.0, 40.0 + 20.0 * (t % 4) as f64));
            edges.push((p, 0));
            sizes.push(Size::new(120.0, 30.0));
            edges.push((p + 1, p));
        }
        let county = sizes.len();
        sizes.push(Size::new(150.0, 60.0));
        sizes.push(Size::new(150.0, 30.0));
        edges.push((county + 1, county));
        edges.push((1, county + 1));
        (sizes, edges)
    }

    #[test]
    fn the_board_is_alone_on_top_and_other_boards_have_their_own_band() {
        let (sizes, edges) = structure(8);
        let at = arrange(&sizes, &edges, &[], &[], Some(0), &[(1.6, 1.0)], &SPACING);
        let county = sizes.len() - 2;
        for v in 1..sizes.len() {
            assert!(
                at[v].y - sizes[v].height / 2.0 > at[0].y + sizes[0].height / 2.0,
                "{v} beside the board"
            );
        }
        // The county board and its group lie wholly below or wholly right of the board's tree.
        let edge = |v: usize, side: fn(f64, f64) -> f64, dx: f64, dy: f64| {
            side(
                at[v].x + dx * sizes[v].width / 2.0,
                at[v].y + dy * sizes[v].height / 2.0,
            )
        };
        let right = (0..county)
            .map(|v| edge(v, |x, _| x, 1.0, 0.0))
            .fold(f64::MIN, f64::max);
        let bottom = (0..county)
            .map(|v| edge(v, |_, y| y, 0.0, 1.0))
            .fold(f64::MIN, f64::max);
        for v in county..sizes.len() {
            let (left, top) = (edge(v, |x, _| x, -1.0, 0.0), edge(v, |_, y| y, 0.0, -1.0));
            assert!(left > right || top > bottom, "{v} among the board's tree");
        }
        assert_eq!(
            outside_board(sizes.len(), &edges, Some(0)),
            (0..sizes.len()).map(|v| v >= county).collect::<Vec<_>>()
        );
    }

    #[test]
    fn many_blocks_make_several_columns_shaped_to_the_page() {
        let (sizes, edges) = structure(12);
        let at = arrange(&sizes, &edges, &[], &[], Some(0), &[(1.6, 1.0)], &SPACING);
        let (mut left, mut right, mut bottom) = (f64::MAX, f64::MIN, f64::MIN);
        for (p, s) in at.iter().zip(&sizes) {
            left = left.min(p.x - s.width / 2.0);
            right = right.max(p.x + s.width / 2.0);
            bottom = bottom.max(p.y + s.height / 2.0);
        }
        let aspect = (right - left) / bottom;
        assert!((0.8..=3.0).contains(&aspect), "{aspect}");
        let tops: std::collections::BTreeSet<i64> = (1..25)
            .step_by(2)
            .map(|v| (at[v].y - sizes[v].height / 2.0).round() as i64)
            .collect();
        assert!(tops.len() >= 2, "one strip of blocks: {tops:?}");
    }

    proptest! {
        #[test]
        fn boxes_never_overlap_and_parents_are_above_their_children(
            boxes in proptest::collection::vec((40.0..200.0_f64, 20.0..160.0_f64), 1..40),
            links in proptest::collection::vec((0usize..40, 0usize..40), 0..60),
            aspect in 0.8..3.0_f64,
        ) {
            let sizes: Vec<Size> = boxes.iter().map(|&(w, h)| Size::new(w, h)).collect();
            let n = sizes.len();
            // Parents have lower indexes, so the links make no cycle.
            let edges: Vec<(usize, usize)> = links
                .iter()
                .filter(|&&(a, b)| a < n && b < n && a != b)
                .map(|&(a, b)| (a.max(b), a.min(b)))
                .collect();
            let at = arrange(&sizes, &edges, &[], &[], Some(0), &[(aspect, 1.0)], &SPACING);
            for a in 0..n {
                prop_assert!(at[a].x.is_finite() && at[a].y.is_finite());
                for b in a + 1..n {
                    prop_assert!(!overlap((at[a], sizes[a]), (at[b], sizes[b])), "{} and {}", a, b);
                }
            }
            let trees = forest(n, &edges, Some(0));
            for (parent, kids) in trees.children.iter().enumerate() {
                for &child in kids {
                    prop_assert!(
                        at[child].y - sizes[child].height / 2.0
                            > at[parent].y + sizes[parent].height / 2.0,
                        "{} not under {}", child, parent
                    );
                }
            }
        }
    }
}
