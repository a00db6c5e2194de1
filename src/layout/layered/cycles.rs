//! Phase 1: cycle removal by the greedy feedback arc set of Eades, Lin and Smyth (1993).
//!
//! Nodes are taken off the graph one at a time: sinks go to the end of a sequence, sources to the
//! front, and otherwise the node with the largest (out-degree − in-degree) goes to the front.
//! Edges that then point backwards in the sequence are reversed; at most |E|/2 − |V|/6 are.
//! Ties are broken by the smallest index, so the result is deterministic.

use std::cmp::Reverse;
use std::collections::BTreeSet;

/// For edges `(upper, lower)` over nodes `0..n`, which edges to reverse so that none is left in a
/// cycle. Self-loops must already be removed.
pub(super) fn edges_to_reverse(n: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, l) in edges {
        outs[u].push(l);
        ins[l].push(u);
    }
    let mut out_deg: Vec<i64> = outs.iter().map(|o| o.len() as i64).collect();
    let mut in_deg: Vec<i64> = ins.iter().map(|i| i.len() as i64).collect();
    let mut removed = vec![false; n];

    // Candidates keyed so that the first entry is the node to take next:
    // class 0 = sink, 1 = source, 2 = other (largest out − in first), then the index.
    let key = |v: usize, out_deg: &[i64], in_deg: &[i64]| -> (u8, Reverse<i64>, usize) {
        if out_deg[v] == 0 {
            (0, Reverse(0), v)
        } else if in_deg[v] == 0 {
            (1, Reverse(0), v)
        } else {
            (2, Reverse(out_deg[v] - in_deg[v]), v)
        }
    };
    let mut queue: BTreeSet<(u8, Reverse<i64>, usize)> =
        (0..n).map(|v| key(v, &out_deg, &in_deg)).collect();

    let mut front: Vec<usize> = Vec::with_capacity(n);
    let mut back: Vec<usize> = Vec::new();
    while let Some(first) = queue.pop_first() {
        let v = first.2;
        removed[v] = true;
        if first.0 == 0 {
            back.push(v);
        } else {
            front.push(v);
        }
        for &w in &outs[v] {
            if !removed[w] {
                queue.remove(&key(w, &out_deg, &in_deg));
                in_deg[w] -= 1;
                queue.insert(key(w, &out_deg, &in_deg));
            }
        }
        for &w in &ins[v] {
            if !removed[w] {
                queue.remove(&key(w, &out_deg, &in_deg));
                out_deg[w] -= 1;
                queue.insert(key(w, &out_deg, &in_deg));
            }
        }
    }
    let mut rank = vec![0usize; n];
    for (i, &v) in front.iter().chain(back.iter().rev()).enumerate() {
        rank[v] = i;
    }
    edges.iter().map(|&(u, l)| rank[u] > rank[l]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_acyclic(n: usize, edges: &[(usize, usize)], reverse: &[bool]) -> bool {
        let mut indeg = vec![0; n];
        let mut outs = vec![Vec::new(); n];
        for (&(u, l), &r) in edges.iter().zip(reverse) {
            let (a, b) = if r { (l, u) } else { (u, l) };
            outs[a].push(b);
            indeg[b] += 1;
        }
        let mut stack: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            for &w in &outs[v] {
                indeg[w] -= 1;
                if indeg[w] == 0 {
                    stack.push(w);
                }
            }
        }
        seen == n
    }

    #[test]
    fn a_dag_keeps_every_edge() {
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3)];
        assert_eq!(edges_to_reverse(4, &edges), vec![false; 4]);
    }

    #[test]
    fn a_triangle_loses_one_edge() {
        let edges = [(0, 1), (1, 2), (2, 0)];
        let r = edges_to_reverse(3, &edges);
        assert_eq!(r.iter().filter(|&&x| x).count(), 1);
        assert!(is_acyclic(3, &edges, &r));
    }

    #[test]
    fn two_cycles_are_broken() {
        let edges = [(0, 1), (1, 0), (1, 2), (2, 3), (3, 1), (3, 4)];
        let r = edges_to_reverse(5, &edges);
        assert!(is_acyclic(5, &edges, &r));
        assert!(r.iter().filter(|&&x| x).count() <= 2);
    }
}
