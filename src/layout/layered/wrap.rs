//! Phase 2b: page-shaped layers. A structure with many themed partnerships has one layer far
//! wider than the rest, so the drawing is a long strip that prints tiny on a page. When
//! [`super::LayeredOptions::page_aspect`] is set, such a layer is wrapped into several rows
//! (consecutive layers of the proper graph), until the drawing's estimated width is no more
//! than that aspect times its height.
//!
//! Wrapping only splits a layer into rows: every parent stays above its children (each row
//! of a layer is above the next layer), and the rest of the layout (dummy chains for edges
//! that pass a row, ordering, coordinates) treats the rows as layers. Within a layer, the
//! nodes without children come first, so they take the upper rows and the nodes whose
//! children hang below sit on the last row, right above them: fewer lines pass a row.

use super::Size;

/// How much wider than the aspect allows the estimate may be before a layer is wrapped.
const TOLERANCE: f64 = 1.1;

/// What the estimate needs besides the graph.
pub(super) struct Spacing {
    /// Gap between boxes side by side (and the room a line passing a row takes).
    pub node: f64,
    /// Gap between rows.
    pub layer: f64,
}

/// New layers for the nodes of an acyclic graph with edges `(upper, lower)` laid out on
/// `layer`: each layer split into rows so that the drawing is roughly `aspect` (width over
/// height) or narrower. `layer` is returned as it is when no wrapping helps.
pub(super) fn wrap_layers(
    layer: &[usize],
    sizes: &[Size],
    edges: &[(usize, usize)],
    aspect: f64,
    spacing: &Spacing,
) -> Vec<usize> {
    let n = layer.len();
    let layer_count = layer.iter().copied().max().map_or(0, |m| m + 1);
    if n < 2 || !aspect.is_finite() || aspect <= 0.0 {
        return layer.to_vec();
    }
    let members = members_in_order(layer, edges, layer_count);
    let mut rows = vec![1usize; layer_count];
    let mut best = assign(&members, &rows, sizes);
    let mut best_shape = estimate(&best, sizes, edges, spacing);
    // Each step wraps the layer of the widest row once more; a few dozen steps at most.
    for _ in 0..n {
        let (width, height, widest) = best_shape;
        if width <= aspect * height * TOLERANCE {
            break;
        }
        let k = layer[widest];
        if rows[k] >= members[k].len() {
            break;
        }
        let mut tried = rows.clone();
        tried[k] += 1;
        let candidate = assign(&members, &tried, sizes);
        let shape = estimate(&candidate, sizes, edges, spacing);
        // Keep the step only if the page prints the picture larger: its scale is set by
        // whichever side is the tighter fit.
        if fit(shape, aspect) <= fit(best_shape, aspect) {
            break;
        }
        rows = tried;
        best = candidate;
        best_shape = shape;
    }
    best
}

/// The size a page of `aspect` must have (in drawing units of its height) to hold the shape.
fn fit((width, height, _): (f64, f64, usize), aspect: f64) -> f64 {
    let needed = (width / aspect).max(height);
    if needed > 0.0 { 1.0 / needed } else { 0.0 }
}

/// Each layer's nodes: those without children first, then by a depth-first walk from the
/// roots (children by index), so siblings stay together.
fn members_in_order(
    layer: &[usize],
    edges: &[(usize, usize)],
    layer_count: usize,
) -> Vec<Vec<usize>> {
    let n = layer.len();
    let mut downs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_parent = vec![false; n];
    for &(u, l) in edges {
        if u < n && l < n && u != l {
            downs[u].push(l);
            has_parent[l] = true;
        }
    }
    for d in downs.iter_mut() {
        d.sort_unstable();
        d.dedup();
    }
    let mut visit = vec![usize::MAX; n];
    let mut next = 0;
    for root in (0..n).filter(|&v| !has_parent[v]).chain(0..n) {
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            if visit[v] != usize::MAX {
                continue;
            }
            visit[v] = next;
            next += 1;
            stack.extend(downs[v].iter().rev().filter(|&&w| visit[w] == usize::MAX));
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for v in 0..n {
        members[layer[v]].push(v);
    }
    for list in members.iter_mut() {
        list.sort_by_key(|&v| (!downs[v].is_empty(), visit[v]));
    }
    members
}

/// New layers when layer `k` is split into `rows[k]` rows of about equal width, in order.
fn assign(members: &[Vec<usize>], rows: &[usize], sizes: &[Size]) -> Vec<usize> {
    let n: usize = members.iter().map(Vec::len).sum();
    let mut layer = vec![0usize; n];
    let mut first_row = 0;
    for (list, &count) in members.iter().zip(rows) {
        let count = count.clamp(1, list.len().max(1));
        let total: f64 = list.iter().map(|&v| sizes[v].width).sum();
        let share = total / count as f64;
        let (mut row, mut used) = (0usize, 0.0);
        for (i, &v) in list.iter().enumerate() {
            let left = list.len() - i;
            // Move on once this row has its share, keeping a node for every row still to fill.
            if row + 1 < count
                && used > 0.0
                && (used + sizes[v].width / 2.0 > share || left < count - row)
            {
                row += 1;
                used = 0.0;
            }
            layer[v] = first_row + row;
            used += sizes[v].width;
        }
        first_row += count;
    }
    layer
}

/// Estimated width and height of the drawing on `layer`, and a node of its widest row. A row
/// is as wide as its boxes and gaps plus a gap for each line that passes it; as tall as its
/// tallest box.
fn estimate(
    layer: &[usize],
    sizes: &[Size],
    edges: &[(usize, usize)],
    spacing: &Spacing,
) -> (f64, f64, usize) {
    let count = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut width = vec![0.0_f64; count];
    let mut boxes = vec![0usize; count];
    let mut height = vec![0.0_f64; count];
    let mut some_node = vec![0usize; count];
    for (v, &k) in layer.iter().enumerate() {
        width[k] += sizes[v].width;
        boxes[k] += 1;
        height[k] = height[k].max(sizes[v].height);
        some_node[k] = v;
    }
    // Lines passing each row, as a difference array over the rows.
    let mut passing = vec![0i64; count + 1];
    for &(u, l) in edges {
        let (a, b) = (layer[u].min(layer[l]), layer[u].max(layer[l]));
        if b > a + 1 {
            passing[a + 1] += 1;
            passing[b] -= 1;
        }
    }
    let mut through = 0i64;
    let mut widest = (0.0_f64, 0usize);
    for k in 0..count {
        through += passing[k];
        let items = boxes[k] + usize::try_from(through).unwrap_or(0);
        let w = width[k] + spacing.node * items.saturating_sub(1) as f64;
        if w > widest.0 {
            widest = (w, some_node[k]);
        }
    }
    let total_height = height.iter().sum::<f64>() + spacing.layer * count.saturating_sub(1) as f64;
    (widest.0, total_height, widest.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(n: usize) -> Vec<Size> {
        vec![Size::new(120.0, 40.0); n]
    }

    const SPACING: Spacing = Spacing {
        node: 20.0,
        layer: 40.0,
    };

    #[test]
    fn a_wide_layer_under_one_board_becomes_rows() {
        // One board, twelve partnerships under it.
        let edges: Vec<(usize, usize)> = (1..13).map(|c| (0, c)).collect();
        let mut layer = vec![1; 13];
        layer[0] = 0;
        let wrapped = wrap_layers(&layer, &boxes(13), &edges, 2.0, &SPACING);
        let rows = wrapped.iter().copied().max().unwrap_or(0);
        assert!(rows >= 2, "{wrapped:?}");
        for &(u, l) in &edges {
            assert!(wrapped[u] < wrapped[l]);
        }
    }

    #[test]
    fn a_narrow_drawing_is_left_alone() {
        let edges = [(0, 1), (0, 2)];
        let layer = vec![0, 1, 1];
        assert_eq!(wrap_layers(&layer, &boxes(3), &edges, 2.0, &SPACING), layer);
    }

    #[test]
    fn nodes_with_children_take_the_last_row_of_their_layer() {
        // Board 0; partnerships 1..=8; 8 has a sub-group 9.
        let mut edges: Vec<(usize, usize)> = (1..9).map(|c| (0, c)).collect();
        edges.push((8, 9));
        let mut layer = vec![1; 10];
        layer[0] = 0;
        layer[9] = 2;
        let wrapped = wrap_layers(&layer, &boxes(10), &edges, 1.5, &SPACING);
        let last_partnership_row = (1..9).map(|v| wrapped[v]).max().unwrap_or(0);
        assert_eq!(wrapped[8], last_partnership_row);
        assert_eq!(wrapped[9], last_partnership_row + 1);
    }
}
