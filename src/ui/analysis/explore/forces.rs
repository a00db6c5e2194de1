//! The force-directed layout of Explore mode, as an egui_graphs [`Layout`]: lines pull, nodes
//! push apart (Fruchterman and Reingold), the moves shrink as the network cools, and it stops
//! by itself once nodes barely move; a weak pull to the middle keeps separate parts in view. Pinned nodes and the node under the pointer stay where
//! they are, so the network settles around what the user holds.
//!
//! The state (running, the pinned nodes, the heat) lives in egui's memory by the view's id, as
//! egui_graphs keeps every layout state; the explore panel reads and writes it between frames.

use egui_graphs::{DisplayEdge, DisplayNode, Graph, Layout, LayoutState};
use petgraph::EdgeType;
use petgraph::stable_graph::IndexType;
use serde::{Deserialize, Serialize};

/// The ideal length of a line, in diagram points.
const IDEAL: f32 = 60.0;

/// How strongly every node is pulled to the middle of the network, per point away.
const GRAVITY: f32 = 0.5;

/// The largest move of one node in one step at full heat, in diagram points.
const MAX_STEP: f32 = 24.0;

/// Heat lost each step (the move limit is multiplied by this).
const COOLING: f32 = 0.98;

/// The network has settled when the mean move of a step is below this many points...
const SETTLED_MOVE: f32 = 0.15;

/// ... or after this many steps since it was last stirred.
const MAX_STEPS: u32 = 500;

/// Steps taken in one frame at most, and the time they may take: a small network settles in a
/// second or two even at a software renderer's frame rate, a large one a step a frame.
const STEPS_A_FRAME: u32 = 6;
const FRAME_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);

/// The layout's state between frames.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ForcesState {
    /// Moving nodes; false once settled or paused.
    pub running: bool,
    /// Node indices (petgraph's) that never move.
    pub pinned: Vec<usize>,
    /// The move limit now, 0 to 1 of [`MAX_STEP`].
    pub heat: f32,
    /// Steps since last stirred.
    pub steps: u32,
    /// The mean move of the last step, in points.
    pub last_move: f32,
}

impl Default for ForcesState {
    fn default() -> Self {
        Self {
            running: true,
            pinned: Vec::new(),
            heat: 1.0,
            steps: 0,
            last_move: f32::INFINITY,
        }
    }
}

impl LayoutState for ForcesState {}

impl ForcesState {
    /// Set moving again, warm enough to make room around a moved node without scattering the
    /// rest.
    pub fn stir(&mut self) {
        self.running = true;
        self.heat = self.heat.max(0.35);
        self.steps = 0;
    }
}

/// The layout itself (egui_graphs makes one from the state each frame).
#[derive(Debug, Default)]
pub struct Forces {
    state: ForcesState,
}

impl Layout<ForcesState> for Forces {
    fn from_state(state: ForcesState) -> impl Layout<ForcesState> {
        Self { state }
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
        let start = std::time::Instant::now();
        for _ in 0..STEPS_A_FRAME {
            if !self.state.running || start.elapsed() > FRAME_BUDGET {
                break;
            }
            step(g, &mut self.state);
        }
    }

    fn state(&self) -> ForcesState {
        self.state.clone()
    }
}

/// One step: every free node moves by the forces on it, at most the heat allows.
pub fn step<N, E, Ty, Ix, Dn, De>(g: &mut Graph<N, E, Ty, Ix, Dn, De>, state: &mut ForcesState)
where
    N: Clone,
    E: Clone,
    Ty: EdgeType,
    Ix: IndexType,
    Dn: DisplayNode<N, E, Ty, Ix>,
    De: DisplayEdge<N, E, Ty, Ix, Dn>,
{
    let indices: Vec<_> = g.g().node_indices().collect();
    let places: Vec<egui::Pos2> = indices
        .iter()
        .map(|&i| g.node(i).map_or(egui::Pos2::ZERO, |n| n.location()))
        .collect();
    let mut push = vec![egui::Vec2::ZERO; indices.len()];
    let slots: std::collections::HashMap<usize, usize> = indices
        .iter()
        .enumerate()
        .map(|(slot, i)| (i.index(), slot))
        .collect();
    let slot = |index: usize| slots.get(&index).copied();
    for a in 0..places.len() {
        for b in (a + 1)..places.len() {
            let mut delta = places[a] - places[b];
            if delta.length_sq() < 0.01 {
                // Two nodes on one spot: part them the same way every time.
                delta = egui::vec2(((a + b) % 7) as f32 - 3.0, 1.0);
            }
            let distance = delta.length().max(1.0);
            let force = IDEAL * IDEAL / distance;
            let along = delta / distance * force;
            push[a] += along;
            push[b] -= along;
        }
    }
    for edge in g.g().edge_indices() {
        let Some((from, to)) = g.edge_endpoints(edge) else {
            continue;
        };
        let (Some(a), Some(b)) = (slot(from.index()), slot(to.index())) else {
            continue;
        };
        let delta = places[b] - places[a];
        let distance = delta.length().max(1.0);
        let along = delta / distance * (distance * distance / IDEAL);
        push[a] += along;
        push[b] -= along;
    }
    // A gentle pull to the middle, so parts of the network with no line between them stay in
    // view instead of drifting apart for ever.
    let count = places.len().max(1) as f32;
    let middle = places
        .iter()
        .fold(egui::Vec2::ZERO, |sum, p| sum + p.to_vec2())
        / count;
    for (slot, place) in places.iter().enumerate() {
        push[slot] += (middle - place.to_vec2()) * GRAVITY;
    }
    let limit = MAX_STEP * state.heat;
    let mut moved = 0.0;
    let mut free = 0usize;
    for (slot, &index) in indices.iter().enumerate() {
        let held =
            state.pinned.contains(&index.index()) || g.node(index).is_some_and(|n| n.dragged());
        if held {
            continue;
        }
        let mut by = push[slot] * 0.1;
        if by.length() > limit {
            by = by.normalized() * limit;
        }
        if !(by.x.is_finite() && by.y.is_finite()) {
            continue;
        }
        if let Some(node) = g.node_mut(index) {
            node.set_location(places[slot] + by);
        }
        moved += by.length();
        free += 1;
    }
    state.last_move = if free == 0 { 0.0 } else { moved / free as f32 };
    state.heat = (state.heat * COOLING).max(0.02);
    state.steps += 1;
    if state.last_move < SETTLED_MOVE || state.steps >= MAX_STEPS {
        state.running = false;
    }
}
