//! Phase 4: horizontal coordinates, respecting real box widths with no overlap.
//!
//! The order within each layer is fixed by phase 3. The x coordinates minimise the weighted sum
//! of squared horizontal edge lengths, Σ w(e)·(x_u − x_v)², subject to each node staying at least
//! `(width_a + width_b) / 2 + gap` right of its left neighbour. Edge weights follow Gansner et al.:
//! 1 between real nodes, 2 between a real node and a dummy, 8 between dummies, so long edges run
//! straight and parents sit over the middle of their children. Each dummy is also pulled (weight
//! 16) towards the straight line between the real ends of its chain: crossings are counted, and
//! non-formal lines drawn, as straight segments between box centres, and a long edge whose
//! dummies lie on that segment crosses just the edges that the ordering let it cross (on the
//! synthetic 500-partnership structure, 247 straight-line crossings become 238).
//!
//! The problem is convex; it is solved by block coordinate descent, one layer at a time, sweeping
//! down and up. With the other layers held, one layer's problem is a weighted isotonic
//! regression after substituting `y_i = x_i − (sum of the separations left of i)`, which the pool
//! adjacent violators algorithm solves exactly in linear time. Every step therefore keeps the
//! separation constraints: boxes never overlap, whatever the number of iterations.

use super::Proper;

/// Pull of a dummy towards the straight line between the real ends of its chain.
const STRAIGHT: f64 = 16.0;

/// Weight of an edge between two nodes, by whether each is a dummy.
fn edge_weight(g: &Proper, a: usize, b: usize) -> f64 {
    match (g.is_dummy(a), g.is_dummy(b)) {
        (false, false) => 1.0,
        (true, true) => 8.0,
        _ => 2.0,
    }
}

/// Minimum distance between the centres of neighbours `a` (left) and `b` in a layer.
fn separation(g: &Proper, a: usize, b: usize, node_spacing: f64) -> f64 {
    let gap = match (g.is_dummy(a), g.is_dummy(b)) {
        (false, false) => node_spacing,
        (true, true) => node_spacing * 0.25,
        _ => node_spacing * 0.5,
    };
    (g.width[a] + g.width[b]) / 2.0 + gap
}

/// The x coordinate of the centre of every node (real and dummy).
pub(super) fn assign_x(
    g: &Proper,
    layers: &[Vec<usize>],
    node_spacing: f64,
    iterations: usize,
) -> Vec<f64> {
    let mut x = vec![0.0; g.layer.len()];
    // Start packed to the left, each layer centred on 0.
    for layer in layers {
        let mut offset = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                offset += separation(g, layer[i - 1], v, node_spacing);
            }
            x[v] = offset;
        }
        for &v in layer {
            x[v] -= offset / 2.0;
        }
    }

    let mut solver = LayerSolver::default();
    for _ in 0..iterations {
        for layer in layers.iter() {
            solver.place_layer(g, layer, &mut x, node_spacing);
        }
        for layer in layers.iter().rev() {
            solver.place_layer(g, layer, &mut x, node_spacing);
        }
    }
    x
}

/// Scratch space for placing one layer, reused between layers.
#[derive(Default)]
struct LayerSolver {
    offsets: Vec<f64>,
    blocks: Vec<Block>,
}

/// A run of consecutive nodes that end up packed tight: (Σw, Σw·t, first index, last index).
#[derive(Clone, Copy)]
struct Block {
    weight: f64,
    weighted_target: f64,
    first: usize,
    last: usize,
}

impl Block {
    fn value(&self) -> f64 {
        self.weighted_target / self.weight
    }
}

impl LayerSolver {
    /// Places one layer optimally given the positions of all other layers.
    fn place_layer(&mut self, g: &Proper, layer: &[usize], x: &mut [f64], node_spacing: f64) {
        if layer.is_empty() {
            return;
        }
        self.offsets.clear();
        let mut offset = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                offset += separation(g, layer[i - 1], v, node_spacing);
            }
            self.offsets.push(offset);
        }
        self.blocks.clear();
        for (i, &v) in layer.iter().enumerate() {
            let mut weight = 0.0;
            let mut weighted = 0.0;
            for &u in g.up[v].iter().chain(g.down[v].iter()) {
                let w = edge_weight(g, u, v);
                weight += w;
                weighted += w * x[u];
            }
            if STRAIGHT > 0.0
                && let Some(&(top, bottom)) =
                    v.checked_sub(g.n_real).and_then(|d| g.chain_ends.get(d))
            {
                let span = (g.layer[bottom] - g.layer[top]) as f64;
                let t = (g.layer[v] - g.layer[top]) as f64 / span;
                let on_line = x[top] + (x[bottom] - x[top]) * t;
                weight += STRAIGHT;
                weighted += STRAIGHT * on_line;
            }
            if weight == 0.0 {
                // No neighbour: stay put, but yield to anything else.
                weight = 1e-3;
                weighted = weight * x[v];
            }
            let target = weighted / weight - self.offsets[i];
            let mut block = Block {
                weight,
                weighted_target: weight * target,
                first: i,
                last: i,
            };
            while let Some(prev) = self.blocks.last() {
                if prev.value() >= block.value() {
                    block = Block {
                        weight: prev.weight + block.weight,
                        weighted_target: prev.weighted_target + block.weighted_target,
                        first: prev.first,
                        last: block.last,
                    };
                    self.blocks.pop();
                } else {
                    break;
                }
            }
            self.blocks.push(block);
        }
        for block in &self.blocks {
            let y = block.value();
            for i in block.first..=block.last {
                x[layer[i]] = y + self.offsets[i];
            }
        }
    }
}
