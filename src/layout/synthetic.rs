//! Synthetic graphs shaped like a council's partnership structure, for tests and benchmarks.
//!
//! [`lsp_structure`] builds one district per 80 partnerships, each with a Local Strategic
//! Partnership board, an executive, themed partnerships and sub-groups (several levels deep),
//! with about 10% of sub-groups reporting to a second parent; above them, per county area (up
//! to six districts), two or three county boards, to which the district boards and about 30% of
//! the themed partnerships also report; and one reporting cycle per 80 partnerships. [`membership_network`] adds
//! organisations that are members of several partnerships each. Box sizes come from made-up
//! label lengths wrapped at about 28 characters, as the caller's measuring would give.
//! Everything is drawn from a seeded generator, so a seed always gives the same graph.

use super::{LayoutEdge, LayoutNode};

/// A generated graph: nodes with box sizes, edges child → parent, and a label per node.
#[derive(Debug, Clone, Default)]
pub struct SyntheticGraph {
    /// The nodes (all free).
    pub nodes: Vec<LayoutNode>,
    /// The edges, `from` reports to / is a member of `to`.
    pub edges: Vec<LayoutEdge>,
    /// A label per node, e.g. for writing a DOT file.
    pub labels: Vec<String>,
    /// Number of partnership nodes (they come first; organisations follow).
    pub partnerships: usize,
}

use super::rng::SplitMix64 as Rng;

/// Box size for a label of `chars` characters wrapped at 28, about 6.5 points a character.
fn box_for(chars: usize) -> (f64, f64) {
    let per_line = 28;
    let lines = chars.div_ceil(per_line).max(1);
    let longest = chars.min(per_line);
    (longest as f64 * 6.5 + 20.0, lines as f64 * 15.0 + 14.0)
}

fn push_node(g: &mut SyntheticGraph, rng: &mut Rng, label: String, extra: usize) {
    let chars = label.len() + extra + rng.below(18);
    let (w, h) = box_for(chars);
    g.nodes.push(LayoutNode::new(w, h));
    g.labels.push(label);
}

/// The structure of `partnerships` partnerships (at least 1), see the module documentation.
pub fn lsp_structure(partnerships: usize, seed: u64) -> SyntheticGraph {
    let mut rng = Rng(seed);
    let mut g = SyntheticGraph::default();
    let total = partnerships.max(1);
    let districts = (total / 80).max(1);
    // Two-tier areas: each county has two or three county boards (health and wellbeing, safer
    // communities, children's trust) and up to six districts, each with its own LSP.
    let county_areas = districts.div_ceil(6);
    let mut county_boards: Vec<Vec<usize>> = Vec::new();
    for c in 0..county_areas {
        let mut boards = Vec::new();
        for b in 0..2 + rng.below(2) {
            if g.nodes.len() + 1 < total {
                boards.push(g.nodes.len());
                push_node(&mut g, &mut rng, format!("County Board {c}.{b}"), 14);
            }
        }
        county_boards.push(boards);
    }
    let edge = |g: &mut SyntheticGraph, from: usize, to: usize| {
        g.edges.push(LayoutEdge::new(from, to));
    };
    // Per district: board, executive, themes; then sub-groups are spread over the districts.
    let mut themes_of: Vec<Vec<usize>> = Vec::new();
    let mut subgroups_of: Vec<Vec<(usize, usize)>> = Vec::new(); // (node, depth)
    for d in 0..districts {
        if g.nodes.len() >= total {
            break;
        }
        let area = &county_boards[d * county_areas / districts];
        let board = g.nodes.len();
        push_node(
            &mut g,
            &mut rng,
            format!("Local Strategic Partnership Board {d}"),
            0,
        );
        if let Some(&county) = area.first() {
            edge(&mut g, board, county);
        }
        let mut themes = Vec::new();
        if g.nodes.len() < total {
            let exec = g.nodes.len();
            push_node(&mut g, &mut rng, format!("LSP Executive {d}"), 6);
            edge(&mut g, exec, board);
            let theme_count = 6 + rng.below(3);
            for t in 0..theme_count {
                if g.nodes.len() >= total {
                    break;
                }
                let theme = g.nodes.len();
                push_node(&mut g, &mut rng, format!("Themed Partnership {d}.{t}"), 16);
                edge(&mut g, theme, exec);
                if !area.is_empty() && rng.chance(0.3) {
                    edge(&mut g, theme, area[rng.below(area.len())]);
                }
                themes.push(theme);
            }
        }
        themes_of.push(themes);
        subgroups_of.push(Vec::new());
    }
    let mut made = 0usize;
    while g.nodes.len() < total {
        let d = made % themes_of.len().max(1);
        made += 1;
        if themes_of.get(d).is_none_or(|t| t.is_empty()) {
            let v = g.nodes.len();
            push_node(&mut g, &mut rng, format!("Partnership {v}"), 10);
            continue;
        }
        let v = g.nodes.len();
        push_node(&mut g, &mut rng, format!("Sub-group {v}"), 20);
        let themes = &themes_of[d];
        let subs = &subgroups_of[d];
        let deep: Vec<(usize, usize)> = subs
            .iter()
            .copied()
            .filter(|&(_, depth)| depth < 3)
            .collect();
        let (parent, depth) = if !deep.is_empty() && rng.chance(0.35) {
            deep[rng.below(deep.len())]
        } else {
            (themes[rng.below(themes.len())], 0)
        };
        edge(&mut g, v, parent);
        if rng.chance(0.1) {
            // A second parent at the same or a higher level, never below: no cycle.
            let other = if depth > 0 && rng.chance(0.5) {
                let shallower: Vec<usize> = subs
                    .iter()
                    .filter(|&&(_, dd)| dd < depth)
                    .map(|&(n, _)| n)
                    .collect();
                shallower.get(rng.below(shallower.len().max(1))).copied()
            } else {
                Some(themes[rng.below(themes.len())])
            };
            if let Some(other) = other.filter(|&o| o != parent) {
                edge(&mut g, v, other);
            }
        }
        subgroups_of[d].push((v, depth + 1));
    }
    // One reporting cycle per 80 partnerships: a themed partnership "reports to" one of its
    // own sub-groups.
    for d in 0..(total / 80) {
        let Some(themes) = themes_of.get(d % themes_of.len().max(1)) else {
            break;
        };
        let Some(&theme) = themes.first() else {
            continue;
        };
        if let Some(child) = g
            .edges
            .iter()
            .find(|e| e.to == theme && e.from > theme)
            .map(|e| e.from)
        {
            edge(&mut g, theme, child);
        }
    }
    g.partnerships = g.nodes.len();
    g
}

/// The membership network: `partnerships` partnerships and `organisations` organisations, each
/// organisation a member of 1 to 9 partnerships (5 on average, favouring a few large
/// partnerships). With `with_structure` the reporting edges of [`lsp_structure`] are kept too.
pub fn membership_network(
    partnerships: usize,
    organisations: usize,
    with_structure: bool,
    seed: u64,
) -> SyntheticGraph {
    let mut g = lsp_structure(partnerships, seed);
    if !with_structure {
        g.edges.clear();
    }
    let mut rng = Rng(seed ^ 0x0a11_ce5e_ed00);
    let p = g.partnerships;
    for o in 0..organisations {
        let v = g.nodes.len();
        push_node(&mut g, &mut rng, format!("Organisation {o}"), 8);
        let memberships = 1 + rng.below(5) + rng.below(5);
        let mut chosen: Vec<usize> = Vec::new();
        for _ in 0..memberships {
            // Half the picks among the first fifth (boards, themes), the rest anywhere.
            let target = if rng.chance(0.5) {
                rng.below((p / 5).max(1))
            } else {
                rng.below(p)
            };
            if !chosen.contains(&target) {
                chosen.push(target);
                g.edges.push(LayoutEdge::new(v, target));
            }
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts() {
        let g = lsp_structure(80, 1);
        assert_eq!(g.nodes.len(), 80);
        assert_eq!(g.partnerships, 80);
        let multi = (0..80)
            .filter(|&v| g.edges.iter().filter(|e| e.from == v).count() > 1)
            .count();
        assert!((4..=24).contains(&multi), "{multi} multi-parent nodes");
        let m = membership_network(500, 1000, false, 2);
        assert_eq!(m.nodes.len(), 1500);
        assert!(m.edges.iter().all(|e| e.from >= 500 && e.to < 500));
        assert_eq!(lsp_structure(80, 1).edges, g.edges);
    }
}
