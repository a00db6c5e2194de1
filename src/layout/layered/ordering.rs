//! Phase 3: crossing minimisation, the order of the nodes (real and dummy) within each layer.
//!
//! Layer-by-layer sweeps: going down, each layer is sorted by the weighted median (as in
//! Graphviz `dot`) or the barycentre of its neighbours' positions in the layer above; going up,
//! by the layer below; after each sweep a transposition pass swaps neighbours in a layer while
//! that removes crossings (every other pair of sweeps it also swaps on ties, as `dot` does, to
//! drift off plateaus). Nodes with no neighbour on the side being swept keep their slot. The
//! order with the fewest crossings seen is kept. Crossings between two layers are counted
//! exactly with the accumulator tree of Barth, Jünger and Mutzel (2004).
//!
//! Sweeps settle in local optima that depend on the starting order: children follow their
//! parents, so a block of parents is never reordered. Several starting orders are therefore
//! tried, as ELK does: depth-first from the top, depth-first from the bottom (which puts the
//! parents of a shared child side by side) and breadth-first, with both heuristics, then seeded
//! shuffles alternating the two, as many as a fixed work budget allows: about 40 for an
//! 80-partnership structure, 2 for 2,000 (since sifting polishes the winner, more shuffles found
//! no fewer crossings on the synthetic structures, only took longer). The best wins; ties go to
//! the earlier start. All sorts are stable and the shuffles seeded, so the result is
//! deterministic.
//!
//! The winner is then polished by sifting (Matuszewski, Schönfeld and Molitor, 1999): each node
//! in turn, busiest first, moves to the slot of its layer where its edges cross fewest others,
//! counted exactly against both neighbouring layers; then transposition again; repeated while
//! the total falls. Sifting escapes what transposition cannot: a node that must pass a
//! neighbour it does not cross (a tie) to reach a better place. On the synthetic structures it
//! takes the 500-partnership graph from 434 crossings between layers to 184. Sifting every
//! sweep of every start found nothing more and cost fifteen times as much, so it runs once.
//!
//! Soft edges (lines that make no layers, see [`super::layered_layout_with_soft_edges`]) are
//! dummy chains like any other here; only the tree start prefers a hard parent.

use super::Proper;

/// Shuffled starts times the size of the proper graph (nodes plus edges): the work budget.
const SHUFFLE_BUDGET: usize = 8_000;

/// Fewest shuffled starts, however large the graph.
const MIN_SHUFFLES: usize = 2;

/// Most shuffled starts, however small the graph.
const MAX_SHUFFLES: usize = 64;

/// Sweeps without improvement after which a start is abandoned.
const PATIENCE: usize = 4;

/// Which value a node is sorted by during a sweep.
#[derive(Clone, Copy)]
enum Heuristic {
    Barycentre,
    Median,
}

/// The order of nodes within each layer, with as few crossings as the heuristics find.
pub(super) fn order_layers(g: &Proper, max_sweeps: usize) -> Vec<Vec<usize>> {
    let edges: usize = g.down.iter().map(Vec::len).sum();
    let work = g.layer.len() + edges;
    let shuffles = (SHUFFLE_BUDGET / work.max(1)).clamp(MIN_SHUFFLES, MAX_SHUFFLES);
    let mut ws = Workspace::new(g);

    let mut best: Option<(Vec<Vec<usize>>, u64)> = None;
    let mut consider = |order: Vec<Vec<usize>>, crossings: u64| {
        if best.as_ref().is_none_or(|b| crossings < b.1) {
            best = Some((order, crossings));
        }
    };
    let fixed_starts = [
        (tree_start(g), true),
        (depth_first(g, true), true),
        (depth_first(g, false), false),
        (breadth_first(g), true),
    ];
    for (start, first_down) in fixed_starts {
        for heuristic in [Heuristic::Median, Heuristic::Barycentre] {
            let (order, crossings) =
                ws.improve(g, start.clone(), heuristic, max_sweeps, first_down);
            consider(order, crossings);
        }
    }
    let mut rng = 0x2545_f491_4f6c_dd1d_u64 ^ (work as u64);
    let base = depth_first(g, true);
    for i in 0..shuffles {
        let mut start = base.clone();
        for layer in start.iter_mut() {
            shuffle(layer, &mut rng);
        }
        let heuristic = if i % 2 == 0 {
            Heuristic::Median
        } else {
            Heuristic::Barycentre
        };
        let (order, crossings) = ws.improve(g, start, heuristic, max_sweeps, i % 4 < 2);
        consider(order, crossings);
    }
    let Some((order, crossings)) = best else {
        return Vec::new();
    };
    ws.polish(g, order, crossings).0
}

/// Most rounds of sifting on the best order.
const SIFT_ROUNDS: usize = 8;

/// Sifting (Matuszewski, Schönfeld and Molitor, 1999), against both adjacent layers: each node in
/// turn is taken out of its layer and put back in the slot where it crosses fewest edges of the
/// other nodes of the layer, the rest staying in order. Never increases the crossings: a node
/// keeps its slot unless another is strictly better, and ties go to the nearest slot.
fn sift(g: &Proper, layers: &mut [Vec<usize>], pos: &mut [usize], lists: &mut NeighbourLists) {
    for layer in layers.iter_mut() {
        if layer.len() < 3 {
            continue;
        }
        // Neighbour lists by the node's slot in the layer as it is now ("item"); `row` holds the
        // items in their current order as nodes move.
        lists.fill(g, layer, pos);
        let mut row: Vec<usize> = (0..layer.len()).collect();
        // Busiest nodes first (they gain most), each once.
        let mut items: Vec<usize> = (0..layer.len()).collect();
        items.sort_by_key(|&k| {
            std::cmp::Reverse((g.up[layer[k]].len() + g.down[layer[k]].len(), k))
        });
        for &item in &items {
            let Some(current) = row.iter().position(|&k| k == item) else {
                continue;
            };
            // Crossings of the item's edges with the others' relative to putting it first: each
            // other node it is moved past adds c(other, item) − c(item, other). `stay` is the
            // cost where it is now (after `current` others).
            let (mut cost, mut stay) = (0i64, 0i64);
            let mut best = (0i64, current, 0usize);
            for (after, &other) in row.iter().filter(|&&k| k != item).enumerate() {
                cost += lists.crossings(other, item) as i64 - lists.crossings(item, other) as i64;
                let slot = after + 1;
                if slot == current {
                    stay = cost;
                }
                let key = (cost, slot.abs_diff(current), slot);
                if key < best {
                    best = key;
                }
            }
            if best.0 < stay {
                row.remove(current);
                row.insert(best.2, item);
            }
        }
        let nodes: Vec<usize> = row.iter().map(|&k| layer[k]).collect();
        for (i, &v) in nodes.iter().enumerate() {
            pos[v] = i;
        }
        layer.copy_from_slice(&nodes);
    }
}

/// Buffers reused across sweeps and starts.
struct Workspace {
    pos: Vec<usize>,
    movable: Vec<(f64, usize, usize)>,
    fixed_slot: Vec<bool>,
    scratch: Vec<f64>,
    pairs: Vec<(usize, usize)>,
    tree: Vec<u64>,
    lists: NeighbourLists,
}

impl Workspace {
    fn new(g: &Proper) -> Self {
        Self {
            pos: vec![0; g.layer.len()],
            movable: Vec::new(),
            fixed_slot: Vec::new(),
            scratch: Vec::new(),
            pairs: Vec::new(),
            tree: Vec::new(),
            lists: NeighbourLists::default(),
        }
    }

    fn set_positions(&mut self, layers: &[Vec<usize>]) {
        for layer in layers {
            for (i, &v) in layer.iter().enumerate() {
                self.pos[v] = i;
            }
        }
    }

    /// Sweeps from `layers` with one heuristic; returns the best order met and its crossings.
    fn improve(
        &mut self,
        g: &Proper,
        mut layers: Vec<Vec<usize>>,
        heuristic: Heuristic,
        max_sweeps: usize,
        first_down: bool,
    ) -> (Vec<Vec<usize>>, u64) {
        self.set_positions(&layers);
        let mut best_crossings = self.total_crossings(g, &layers);
        let mut best = layers.clone();
        let mut since_improvement = 0;
        for sweep in 0..max_sweeps {
            if best_crossings == 0 {
                break;
            }
            let downwards = (sweep % 2 == 0) == first_down;
            if downwards {
                for layer in layers.iter_mut().skip(1) {
                    self.sort_layer(layer, &g.up, heuristic);
                }
            } else {
                let above_bottom = layers.len().saturating_sub(1);
                for layer in layers[..above_bottom].iter_mut().rev() {
                    self.sort_layer(layer, &g.down, heuristic);
                }
            }
            transpose(
                g,
                &mut layers,
                &mut self.pos,
                &mut self.lists,
                sweep % 4 < 2,
            );
            let crossings = self.total_crossings(g, &layers);
            if crossings < best_crossings {
                best_crossings = crossings;
                best.clone_from(&layers);
                since_improvement = 0;
            } else {
                since_improvement += 1;
                if since_improvement >= PATIENCE {
                    break;
                }
            }
        }
        (best, best_crossings)
    }

    /// Sifts every node to its best slot, then transposes, while that lowers the crossings.
    fn polish(
        &mut self,
        g: &Proper,
        mut order: Vec<Vec<usize>>,
        mut crossings: u64,
    ) -> (Vec<Vec<usize>>, u64) {
        self.set_positions(&order);
        let mut best = order.clone();
        for _round in 0..SIFT_ROUNDS {
            if crossings == 0 {
                break;
            }
            sift(g, &mut order, &mut self.pos, &mut self.lists);
            transpose(g, &mut order, &mut self.pos, &mut self.lists, false);
            let after = self.total_crossings(g, &order);
            if after >= crossings {
                break;
            }
            crossings = after;
            best.clone_from(&order);
        }
        (best, crossings)
    }

    /// Reorders one layer by the heuristic value of each node's neighbours in `adjacent`.
    fn sort_layer(&mut self, layer: &mut [usize], adjacent: &[Vec<usize>], h: Heuristic) {
        self.movable.clear();
        self.fixed_slot.clear();
        self.fixed_slot.resize(layer.len(), false);
        for (slot, &v) in layer.iter().enumerate() {
            self.scratch.clear();
            self.scratch
                .extend(adjacent[v].iter().map(|&w| self.pos[w] as f64));
            match value(&mut self.scratch, h) {
                Some(key) => self.movable.push((key, slot, v)),
                None => self.fixed_slot[slot] = true,
            }
        }
        self.movable
            .sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut next = self.movable.iter();
        for (slot, &is_fixed) in self.fixed_slot.iter().enumerate() {
            if is_fixed {
                continue;
            }
            if let Some(&(_, _, v)) = next.next() {
                layer[slot] = v;
            }
        }
        for (i, &v) in layer.iter().enumerate() {
            self.pos[v] = i;
        }
    }

    /// The crossings between all pairs of consecutive layers.
    fn total_crossings(&mut self, g: &Proper, layers: &[Vec<usize>]) -> u64 {
        let mut total = 0;
        for l in 0..layers.len().saturating_sub(1) {
            self.pairs.clear();
            for &v in &layers[l] {
                for &w in &g.down[v] {
                    self.pairs.push((self.pos[v], self.pos[w]));
                }
            }
            total += bilayer_crossings(&mut self.pairs, layers[l + 1].len(), &mut self.tree);
        }
        total
    }
}

/// Fisher–Yates with a SplitMix64 stream.
fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        let j = (z % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// A depth-first order: from the top layers down (`downwards`), children following their
/// parents, or from the bottom layers up, parents following their children.
fn depth_first(g: &Proper, downwards: bool) -> Vec<Vec<usize>> {
    let n = g.layer.len();
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); g.layer_count];
    let mut seen = vec![false; n];
    let mut starts: Vec<usize> = (0..n).collect();
    if downwards {
        starts.sort_by_key(|&v| (g.layer[v], v));
    } else {
        starts.sort_by_key(|&v| (std::cmp::Reverse(g.layer[v]), v));
    }
    let next = if downwards { &g.down } else { &g.up };
    let mut stack = Vec::new();
    for s in starts {
        if seen[s] {
            continue;
        }
        stack.push(s);
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            layers[g.layer[v]].push(v);
            // Push in reverse so that the first neighbour is visited first.
            for &w in next[v].iter().rev() {
                if !seen[w] {
                    stack.push(w);
                }
            }
        }
    }
    layers
}

/// A start for nearly-tree structures (an LSP is a tree plus a few second parents): take each
/// node's first parent as its tree parent, and order the children of every tree node (and the
/// tree roots) so that siblings whose subtrees are joined by the other edges sit next to each
/// other; then read the layers off a depth-first walk of the tree. Themed partnerships that
/// share a sub-group thus start side by side, which sweeps alone rarely find.
fn tree_start(g: &Proper) -> Vec<Vec<usize>> {
    let n = g.layer.len();
    // A real parent (a short edge) before the dummy of a long one, then the parent with the
    // most children (the executive rather than a county board a theme also reports to).
    let parent: Vec<Option<usize>> = (0..n)
        .map(|v| {
            g.up[v]
                .iter()
                .enumerate()
                .min_by_key(|&(i, &u)| {
                    (
                        i >= g.hard_up[v],
                        g.is_dummy(u),
                        std::cmp::Reverse(g.down[u].len()),
                        u,
                    )
                })
                .map(|(_, &u)| u)
        })
        .collect();
    // Affinity between siblings, keyed (smaller, larger).
    let mut affinity: Vec<((usize, usize), u32)> = Vec::new();
    let root_of = |mut v: usize| {
        while let Some(p) = parent[v] {
            v = p;
        }
        v
    };
    for v in 0..n {
        for &u in g.up[v].iter().filter(|&&u| Some(u) != parent[v]) {
            // Climb from both ends to the children of their lowest common ancestor.
            let (mut a, mut b) = (u, v);
            while g.layer[b] > g.layer[a] {
                match parent[b] {
                    Some(p) if g.layer[p] >= g.layer[a] => b = p,
                    _ => break,
                }
            }
            while g.layer[a] > g.layer[b] {
                match parent[a] {
                    Some(p) => a = p,
                    None => break,
                }
            }
            let mut pair = None;
            while a != b {
                match (parent[a], parent[b]) {
                    (Some(pa), Some(pb)) if pa == pb => {
                        pair = Some((a, b));
                        break;
                    }
                    (Some(pa), Some(pb)) => {
                        a = pa;
                        b = pb;
                    }
                    _ => {
                        pair = Some((root_of(a), root_of(b)));
                        break;
                    }
                }
            }
            if let Some((x, y)) = pair.filter(|(x, y)| x != y) {
                affinity.push(((x.min(y), x.max(y)), 1));
            }
        }
    }
    affinity.sort_unstable();
    let mut merged: Vec<((usize, usize), u32)> = Vec::new();
    for (key, w) in affinity {
        match merged.last_mut() {
            Some(last) if last.0 == key => last.1 += w,
            _ => merged.push((key, w)),
        }
    }
    // Strongest pairs first; each joins two chain ends (greedy path building).
    merged.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut prev: Vec<Option<usize>> = vec![None; n];
    let mut chain_head: Vec<usize> = (0..n).collect();
    let head = |chain_head: &mut Vec<usize>, mut v: usize| {
        while chain_head[v] != v {
            chain_head[v] = chain_head[chain_head[v]];
            v = chain_head[v];
        }
        v
    };
    for ((x, y), _) in merged {
        let (hx, hy) = (head(&mut chain_head, x), head(&mut chain_head, y));
        if hx == hy {
            continue;
        }
        // Join x's chain tail to y's chain head, turning chains around where needed.
        let x_free_end = next[x].is_none() || prev[x].is_none();
        let y_free_end = next[y].is_none() || prev[y].is_none();
        if !x_free_end || !y_free_end {
            continue;
        }
        if next[x].is_some() {
            reverse_chain(x, &mut next, &mut prev);
        }
        if prev[y].is_some() {
            reverse_chain(y, &mut next, &mut prev);
        }
        next[x] = Some(y);
        prev[y] = Some(x);
        chain_head[hy] = hx;
    }

    // Children lists in tree order: by chain, chains in order of their smallest member.
    let arrange = |items: &[usize], next: &[Option<usize>], prev: &[Option<usize>]| {
        let mut out = Vec::with_capacity(items.len());
        let mut placed = std::collections::BTreeSet::new();
        for &v in items {
            if placed.contains(&v) {
                continue;
            }
            let mut start = v;
            let mut guard = 0;
            while let Some(p) = prev[start] {
                start = p;
                guard += 1;
                if guard > n {
                    break;
                }
            }
            let mut cur = Some(start);
            while let Some(c) = cur {
                if !placed.insert(c) {
                    break;
                }
                out.push(c);
                cur = next[c];
            }
        }
        out
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (v, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(v),
            None => roots.push(v),
        }
    }
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); g.layer_count];
    let mut stack: Vec<usize> = arrange(&roots, &next, &prev).into_iter().rev().collect();
    while let Some(v) = stack.pop() {
        layers[g.layer[v]].push(v);
        let ordered = arrange(&children[v], &next, &prev);
        stack.extend(ordered.into_iter().rev());
    }
    layers
}

/// Reverses the chain through `v` in place (swaps every member's next and prev).
fn reverse_chain(v: usize, next: &mut [Option<usize>], prev: &mut [Option<usize>]) {
    let mut start = v;
    while let Some(p) = prev[start] {
        start = p;
    }
    let mut cur = Some(start);
    while let Some(c) = cur {
        let after = next[c];
        std::mem::swap(&mut next[c], &mut prev[c]);
        cur = after;
    }
}

/// A breadth-first order from the top layers, following edges both ways.
fn breadth_first(g: &Proper) -> Vec<Vec<usize>> {
    let n = g.layer.len();
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); g.layer_count];
    let mut seen = vec![false; n];
    let mut starts: Vec<usize> = (0..n).collect();
    starts.sort_by_key(|&v| (g.layer[v], v));
    let mut queue = std::collections::VecDeque::new();
    for s in starts {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            layers[g.layer[v]].push(v);
            for &w in g.down[v].iter().chain(&g.up[v]) {
                if !seen[w] {
                    seen[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    layers
}

/// The barycentre or weighted median of the neighbour positions; `None` with no neighbours.
fn value(positions: &mut [f64], h: Heuristic) -> Option<f64> {
    let k = positions.len();
    if k == 0 {
        return None;
    }
    match h {
        Heuristic::Barycentre => Some(positions.iter().sum::<f64>() / k as f64),
        Heuristic::Median => {
            positions.sort_by(f64::total_cmp);
            let m = k / 2;
            if k % 2 == 1 {
                Some(positions[m])
            } else if k == 2 {
                Some((positions[0] + positions[1]) / 2.0)
            } else {
                let left = positions[m - 1] - positions[0];
                let right = positions[k - 1] - positions[m];
                if left + right <= 0.0 {
                    Some((positions[m - 1] + positions[m]) / 2.0)
                } else {
                    Some((positions[m - 1] * right + positions[m] * left) / (left + right))
                }
            }
        }
    }
}

/// Swaps neighbouring nodes in each layer while that lowers the crossings with both adjacent
/// layers. Bounded number of passes. While one layer is worked on its neighbours' positions do
/// not change, so each node's sorted neighbour positions are computed once per layer and pass.
fn transpose(
    g: &Proper,
    layers: &mut [Vec<usize>],
    pos: &mut [usize],
    lists: &mut NeighbourLists,
    allow_ties: bool,
) {
    // Only layers next to a change can gain (Graphviz's "candidate" ranks).
    let mut candidate = vec![true; layers.len()];
    for _pass in 0..8 {
        let mut improved = false;
        for l in 0..layers.len() {
            if !candidate[l] {
                continue;
            }
            candidate[l] = false;
            let layer = &mut layers[l];
            if layer.len() < 2 {
                continue;
            }
            lists.fill(g, layer, pos);
            let mut gained = false;
            for j in 0..layer.len() - 1 {
                let keep = lists.crossings(j, j + 1);
                if keep == 0 {
                    continue;
                }
                let swap = lists.crossings(j + 1, j);
                if swap < keep || (allow_ties && swap == keep) {
                    let (v, w) = (layer[j], layer[j + 1]);
                    layer.swap(j, j + 1);
                    lists.slots.swap(j, j + 1);
                    pos[v] = j + 1;
                    pos[w] = j;
                    // Swaps on ties do not count as progress, or passes would never end.
                    gained |= swap < keep;
                }
            }
            if gained {
                improved = true;
                candidate[l] = true;
                if l > 0 {
                    candidate[l - 1] = true;
                }
                if l + 1 < candidate.len() {
                    candidate[l + 1] = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Sorted neighbour positions, above and below, of the nodes of one layer, by slot.
#[derive(Default)]
struct NeighbourLists {
    buffer: Vec<usize>,
    /// Per slot: (start of the upper list, start of the lower list, end).
    slots: Vec<(usize, usize, usize)>,
}

impl NeighbourLists {
    fn fill(&mut self, g: &Proper, layer: &[usize], pos: &[usize]) {
        self.buffer.clear();
        self.slots.clear();
        for &v in layer {
            let a = self.buffer.len();
            self.buffer.extend(g.up[v].iter().map(|&u| pos[u]));
            self.buffer[a..].sort_unstable();
            let b = self.buffer.len();
            self.buffer.extend(g.down[v].iter().map(|&u| pos[u]));
            self.buffer[b..].sort_unstable();
            self.slots.push((a, b, self.buffer.len()));
        }
    }

    /// Crossings between the edges of the nodes in slots `left` and `right` if `left` were
    /// immediately left of `right`.
    fn crossings(&self, left: usize, right: usize) -> u64 {
        let (la, lb, lc) = self.slots[left];
        let (ra, rb, rc) = self.slots[right];
        pairs_greater(&self.buffer[la..lb], &self.buffer[ra..rb])
            + pairs_greater(&self.buffer[lb..lc], &self.buffer[rb..rc])
    }
}

/// The number of pairs `(x, y)`, `x` in `a`, `y` in `b`, with `x > y` (both sorted).
fn pairs_greater(a: &[usize], b: &[usize]) -> u64 {
    let mut count = 0u64;
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        count += j as u64;
    }
    count
}

/// Crossings among edges `(upper position, lower position)` between two layers, by counting
/// inversions of the lower positions with a Fenwick tree (Barth, Jünger and Mutzel).
fn bilayer_crossings(pairs: &mut [(usize, usize)], lower_len: usize, tree: &mut Vec<u64>) -> u64 {
    pairs.sort_unstable();
    tree.clear();
    tree.resize(lower_len + 1, 0);
    let mut count = 0u64;
    for (seen, &(_, lower)) in pairs.iter().enumerate() {
        // Edges seen so far whose lower end is strictly to the right of this one cross it.
        let mut not_greater = 0u64;
        let mut i = lower + 1;
        while i > 0 {
            not_greater += tree[i];
            i &= i - 1;
        }
        count += seen as u64 - not_greater;
        let mut i = lower + 1;
        while i <= lower_len {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilayer_count_of_k22_crossed() {
        let mut pairs = vec![(0, 0), (0, 1), (1, 0), (1, 1)];
        assert_eq!(bilayer_crossings(&mut pairs, 2, &mut Vec::new()), 1);
        let mut straight = vec![(0, 0), (1, 1), (2, 2)];
        assert_eq!(bilayer_crossings(&mut straight, 3, &mut Vec::new()), 0);
        let mut reversed = vec![(0, 2), (1, 1), (2, 0)];
        assert_eq!(bilayer_crossings(&mut reversed, 3, &mut Vec::new()), 3);
    }

    #[test]
    fn tree_start_puts_parents_of_a_shared_child_side_by_side() {
        // 0 executive; themes 1, 2, 3; 4 is a sub-group of 1 and 3; 5 of 2; 6 of 1; 7 of 3.
        let edges = [
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 4),
            (3, 4),
            (2, 5),
            (1, 6),
            (3, 7),
        ];
        let n = 8;
        let mut g = Proper::new(vec![0, 1, 1, 1, 2, 2, 2, 2], vec![10.0; n]);
        for (u, l) in edges {
            g.link(u, l, true);
        }
        let start = tree_start(&g);
        let at = |v: usize| start[1].iter().position(|&x| x == v).unwrap_or(usize::MAX);
        assert_eq!(at(1).abs_diff(at(3)), 1, "{start:?}");
        // And the whole ordering finds a drawing without crossings.
        let order = order_layers(&g, 24);
        let mut ws = Workspace::new(&g);
        ws.set_positions(&order);
        assert_eq!(ws.total_crossings(&g, &order), 0);
    }

    /// Two layers: `top` real nodes above `bottom` ones, joined by `edges` (top, bottom).
    fn two_layers(top: usize, bottom: usize, edges: &[(usize, usize)]) -> Proper {
        let layer = (0..top + bottom).map(|v| usize::from(v >= top)).collect();
        let mut g = Proper::new(layer, vec![10.0; top + bottom]);
        for &(u, l) in edges {
            g.link(u, l, true);
        }
        g
    }

    fn crossings_of(g: &Proper, order: &[Vec<usize>]) -> u64 {
        let mut ws = Workspace::new(g);
        ws.set_positions(order);
        ws.total_crossings(g, order)
    }

    #[test]
    fn transpose_removes_a_crossing_between_neighbours() {
        // 0 1 on top; 2 under 1 and 3 under 0, drawn crossed.
        let g = two_layers(2, 2, &[(1, 2), (0, 3)]);
        let mut order = vec![vec![0, 1], vec![2, 3]];
        assert_eq!(crossings_of(&g, &order), 1);
        let mut ws = Workspace::new(&g);
        ws.set_positions(&order);
        transpose(&g, &mut order, &mut ws.pos, &mut ws.lists, false);
        assert_eq!(crossings_of(&g, &order), 0, "{order:?}");
    }

    #[test]
    fn sifting_jumps_a_node_over_a_tie_that_stops_transpose() {
        // 0 1 on top; below: 5 under 0, 2 under 1, 3 with no edge, 4 under 0, 6 under 1. One
        // crossing (0-4 with 1-2). Swapping 0 and 1 would make three, and each swap of bottom
        // neighbours is a tie or worse (3 crosses nothing), so transpose is stuck; sifting moves
        // 2 (or 4) past 3 in one step.
        let g = two_layers(2, 5, &[(0, 5), (1, 2), (0, 4), (1, 6)]);
        let mut order = vec![vec![0, 1], vec![5, 2, 3, 4, 6]];
        let mut ws = Workspace::new(&g);
        ws.set_positions(&order);
        transpose(&g, &mut order, &mut ws.pos, &mut ws.lists, false);
        assert_eq!(crossings_of(&g, &order), 1);
        sift(&g, &mut order, &mut ws.pos, &mut ws.lists);
        assert_eq!(crossings_of(&g, &order), 0, "{order:?}");
        // Positions follow the new order.
        for layer in &order {
            for (i, &v) in layer.iter().enumerate() {
                assert_eq!(ws.pos[v], i);
            }
        }
    }

    #[test]
    fn sifting_never_adds_crossings() {
        // K(3,3) minus a matching, in a scrambled order: sifting keeps or lowers the count.
        let edges: Vec<(usize, usize)> = (0..3)
            .flat_map(|u| (3..6).filter(move |&l| l - 3 != u).map(move |l| (u, l)))
            .collect();
        let g = two_layers(3, 3, &edges);
        for bottom in [vec![3, 4, 5], vec![5, 3, 4], vec![4, 5, 3]] {
            let mut order = vec![vec![0, 1, 2], bottom];
            let before = crossings_of(&g, &order);
            let mut ws = Workspace::new(&g);
            ws.set_positions(&order);
            sift(&g, &mut order, &mut ws.pos, &mut ws.lists);
            assert!(crossings_of(&g, &order) <= before);
        }
    }

    #[test]
    fn pairs_greater_counts_inversions() {
        assert_eq!(pairs_greater(&[1, 3], &[0, 2]), 3);
        assert_eq!(pairs_greater(&[0], &[0]), 0);
    }
}
