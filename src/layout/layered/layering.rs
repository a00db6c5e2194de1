//! Phase 2: layer assignment. Parents above children: layer 0 is the top.
//!
//! First the longest-path layering from the top (every node one layer below its lowest parent,
//! nodes with no parent on layer 0). Then a descent that shortens edges: a node with more edges
//! below it than above moves down to just above its highest child, and one with more above than
//! below moves up to just under its lowest parent; repeated until nothing moves. This removes most
//! of the long edges that the longest-path layering leaves, which means fewer dummy nodes. Every
//! edge keeps a length of at least one layer throughout.
//!
//! Nodes with no parent can be kept on the top layer (the default, [`super::LayeredOptions`]):
//! county boards and the LSP board then share the top row, as councils draw them, and on the
//! synthetic LSP graphs this gives fewer crossings of straight edges than pulling a county board
//! down next to the themed partnerships that also report to it.

/// Layers for nodes `0..n` of the acyclic graph with edges `(upper, lower)`: for every edge,
/// `layer[upper] < layer[lower]`. The smallest layer is 0. With `roots_on_top`, nodes with no
/// parent stay on layer 0 (all the top bodies in one row).
pub(super) fn assign_layers(n: usize, edges: &[(usize, usize)], roots_on_top: bool) -> Vec<usize> {
    let mut ups: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut downs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, l) in edges {
        downs[u].push(l);
        ups[l].push(u);
    }

    // Topological order (Kahn), smallest index first among the ready nodes.
    let mut indeg: Vec<usize> = ups.iter().map(Vec::len).collect();
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop_first() {
        topo.push(v);
        for &w in &downs[v] {
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.insert(w);
            }
        }
    }
    // A cycle would leave nodes out; cycle removal prevents it, but stay total regardless.
    if topo.len() < n {
        let mut seen = vec![false; n];
        for &v in &topo {
            seen[v] = true;
        }
        topo.extend((0..n).filter(|&v| !seen[v]));
    }

    let mut layer = vec![0i64; n];
    for &v in &topo {
        for &w in &downs[v] {
            layer[w] = layer[w].max(layer[v] + 1);
        }
    }

    // Descent on the total edge length. Each move keeps every edge at length >= 1.
    for _round in 0..n.max(1) {
        let mut moved = false;
        for &v in topo.iter().rev() {
            let above = ups[v].len();
            let below = downs[v].len();
            let keep_on_top = roots_on_top && above == 0;
            let target = if below > above && !keep_on_top {
                downs[v].iter().map(|&w| layer[w] - 1).min()
            } else if above > below {
                ups[v].iter().map(|&u| layer[u] + 1).max()
            } else {
                None
            };
            // Down only as far as the highest child allows; up only as far as the lowest parent.
            if let Some(target) = target
                && ((below > above && target > layer[v]) || (above > below && target < layer[v]))
            {
                layer[v] = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }

    let min = layer.iter().copied().min().unwrap_or(0);
    layer.iter().map(|&l| (l - min).max(0) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_are_above_children() {
        let edges = [(0, 1), (1, 2), (0, 2), (3, 2)];
        let layer = assign_layers(4, &edges, false);
        for &(u, l) in &edges {
            assert!(layer[u] < layer[l], "{layer:?}");
        }
        assert_eq!(layer[0], 0);
        // Node 3 has one child on layer 2: it sits right above it, not on the top layer...
        assert_eq!(layer[3], 1);
        // ... unless roots are kept on top.
        assert_eq!(assign_layers(4, &edges, true)[3], 0);
    }

    #[test]
    fn a_chain_uses_one_layer_per_node() {
        let edges = [(0, 1), (1, 2), (2, 3)];
        assert_eq!(assign_layers(4, &edges, false), vec![0, 1, 2, 3]);
    }
}
