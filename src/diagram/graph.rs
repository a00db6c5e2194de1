//! The node set of a view: which partnerships and organisations it draws and the lines between
//! them, for each kind of view. No positions, no styling: see `style` and `arrange`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    CouncilRole, MembershipRole, NodeRef, OrganisationId, PartnershipId, Register, RelationshipId,
    RelationshipKind, StructuralLevel, View, ViewKind,
};

/// What a node is drawn as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A partnership: a rounded box.
    Partnership,
    /// The council itself: its own hexagon.
    Council,
    /// Another organisation: an ellipse.
    Organisation,
}

/// One node of a view, before styling.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    /// What it stands for (the key of its stored position).
    pub node: NodeRef,
    /// What it is drawn as.
    pub kind: NodeKind,
    /// The full name.
    pub name: String,
    /// A second line under the name (the council's role and officer hours in the involvement
    /// view), empty if none.
    pub detail: String,
    /// The partnership's structural level in the structure view: as set, or inferred from its
    /// place in the accountability tree when none is set (`None` in other views and for
    /// organisations).
    pub level: Option<NodeLevel>,
}

/// A partnership's level in the LSP structure, and whether the register says so or the
/// diagram inferred it from the tree (shown as inferred until someone sets it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NodeLevel {
    /// The level.
    pub level: StructuralLevel,
    /// Inferred from the tree's depth: the register has no level for it.
    pub inferred: bool,
}

impl NodeLevel {
    /// "Sub-group" or "Sub-group (inferred)".
    pub fn label(&self) -> String {
        if self.inferred {
            format!("{} (inferred)", self.level.label())
        } else {
            self.level.label().to_string()
        }
    }
}

/// What a line means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// A typed relationship between two partnerships.
    Relationship(RelationshipKind),
    /// An organisation's membership of a partnership (dotted).
    Membership(MembershipRole),
    /// The council sits on a partnership (involvement view).
    Involvement(CouncilRole),
}

impl LineKind {
    /// Whether the line is a formal line of accountability (drawn solid, laid out in layers).
    pub fn is_formal(self) -> bool {
        matches!(self, Self::Relationship(kind) if kind.is_formal())
    }

    /// A stable code for graph exports ("sub_group_of", "membership", "involvement").
    pub fn code(self) -> &'static str {
        match self {
            Self::Relationship(kind) => kind.code(),
            Self::Membership(_) => "membership",
            Self::Involvement(_) => "involvement",
        }
    }

    /// Words for the legend and the line label ("Sub-group of", "Member").
    pub fn label(self) -> &'static str {
        match self {
            Self::Relationship(kind) => kind.label(),
            Self::Membership(role) => role.label(),
            Self::Involvement(role) => role.label(),
        }
    }
}

/// One line of a view, by node index: `from` is the child (the sub-group, the member, the
/// partnership the council sits on, the body commissioned), `to` the parent.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    /// The child's index.
    pub from: usize,
    /// The parent's index.
    pub to: usize,
    /// What the line means.
    pub kind: LineKind,
    /// Words to print on the line when line labels are on.
    pub label: String,
    /// The relationship it draws, if it is one (so it can be removed from the diagram).
    pub relationship: Option<RelationshipId>,
}

/// The nodes and lines of a view, in a stable order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewGraph {
    /// Nodes, partnerships first in id order, then organisations in id order.
    pub nodes: Vec<GraphNode>,
    /// Lines, in a stable order.
    pub edges: Vec<GraphEdge>,
}

impl ViewGraph {
    /// The index of `node`, if the view draws it.
    pub fn index_of(&self, node: NodeRef) -> Option<usize> {
        self.nodes.iter().position(|n| n.node == node)
    }

    /// For each node, the indexes of its neighbours (either direction), sorted.
    pub fn neighbours(&self) -> Vec<Vec<usize>> {
        let mut around = vec![BTreeSet::new(); self.nodes.len()];
        for e in &self.edges {
            around[e.from].insert(e.to);
            around[e.to].insert(e.from);
        }
        around
            .into_iter()
            .map(|s| s.into_iter().collect())
            .collect()
    }

    /// The nodes at most `steps` lines away from `centre` (itself included).
    pub fn within_steps(&self, centre: usize, steps: usize) -> BTreeSet<usize> {
        let around = self.neighbours();
        let mut seen = BTreeSet::from([centre]);
        let mut frontier = vec![centre];
        for _ in 0..steps {
            let mut next = Vec::new();
            for v in frontier {
                for &w in around.get(v).map(Vec::as_slice).unwrap_or_default() {
                    if seen.insert(w) {
                        next.push(w);
                    }
                }
            }
            frontier = next;
        }
        seen
    }
}

/// Levels that make up the district's LSP structure.
fn in_lsp_structure(level: StructuralLevel) -> bool {
    matches!(
        level,
        StructuralLevel::LspBoard
            | StructuralLevel::LspExecutive
            | StructuralLevel::Thematic
            | StructuralLevel::SubGroup
            | StructuralLevel::TaskAndFinish
            | StructuralLevel::AreaBoard
            | StructuralLevel::WiderNetwork
    )
}

/// The node set of `view` in `register`.
pub fn view_graph(register: &Register, view: &View) -> ViewGraph {
    match view.kind {
        ViewKind::Structure => structure_graph(register),
        ViewKind::Involvement => involvement_graph(register),
        ViewKind::Membership => membership_graph(register),
    }
}

fn partnership_node(register: &Register, id: PartnershipId) -> GraphNode {
    GraphNode {
        node: NodeRef::Partnership(id),
        kind: NodeKind::Partnership,
        name: register.partnership_name(id).to_string(),
        detail: String::new(),
        level: None,
    }
}

fn organisation_node(register: &Register, id: OrganisationId) -> GraphNode {
    let is_council = register.settings.council_organisation == Some(id);
    GraphNode {
        node: NodeRef::Organisation(id),
        kind: if is_council {
            NodeKind::Council
        } else {
            NodeKind::Organisation
        },
        name: register
            .organisations
            .get(&id)
            .map_or_else(|| "(missing organisation)".to_string(), |o| o.name.clone()),
        detail: String::new(),
        level: None,
    }
}

/// The LSP structure: every partnership given one of its levels, every partnership in the
/// accountability tree (either end of a sub-group of, reports to, accountable to or
/// commissions line: an imported register often has the links and no levels), and everything
/// those are formally accountable to, above them; every relationship among those partnerships.
/// Levels not set are inferred from the tree ([`infer_levels`]).
fn structure_graph(register: &Register) -> ViewGraph {
    // Formal lines by partnership, both ways, built once (not a scan of every relationship
    // for every partnership).
    let mut formal_up: BTreeMap<PartnershipId, Vec<PartnershipId>> = BTreeMap::new();
    let mut in_tree: BTreeSet<PartnershipId> = BTreeSet::new();
    for r in register.relationships.values() {
        if r.kind.is_formal()
            && r.from != r.to
            && register.partnerships.contains_key(&r.from)
            && register.partnerships.contains_key(&r.to)
        {
            formal_up.entry(r.from).or_default().push(r.to);
            in_tree.insert(r.from);
            in_tree.insert(r.to);
        }
    }
    let mut chosen: BTreeSet<PartnershipId> = register
        .partnerships
        .values()
        .filter(|p| in_lsp_structure(p.structural_level))
        .map(|p| p.id)
        .collect();
    chosen.extend(in_tree);
    // County and sub-regional boards above: follow formal lines upwards until nothing is added.
    let mut frontier: Vec<PartnershipId> = chosen.iter().copied().collect();
    while let Some(id) = frontier.pop() {
        for &to in formal_up.get(&id).map(Vec::as_slice).unwrap_or_default() {
            if chosen.insert(to) {
                frontier.push(to);
            }
        }
    }
    let mut nodes: Vec<GraphNode> = chosen
        .iter()
        .map(|&id| partnership_node(register, id))
        .collect();
    let index: BTreeMap<PartnershipId, usize> =
        chosen.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let edges: Vec<GraphEdge> = register
        .relationships
        .values()
        .filter_map(|r| {
            let (&from, &to) = (index.get(&r.from)?, index.get(&r.to)?);
            // The commissioned body sits below the one commissioning it.
            let (from, to) = if r.kind == RelationshipKind::Commissions {
                (to, from)
            } else {
                (from, to)
            };
            Some(GraphEdge {
                from,
                to,
                kind: LineKind::Relationship(r.kind),
                label: if r.label.is_empty() {
                    r.kind.label().to_string()
                } else {
                    r.label.clone()
                },
                relationship: Some(r.id),
            })
        })
        .collect();
    let given: Vec<Option<StructuralLevel>> = chosen
        .iter()
        .map(|id| {
            register
                .partnerships
                .get(id)
                .map(|p| p.structural_level)
                .filter(|&level| level != StructuralLevel::Standalone)
        })
        .collect();
    for (node, level) in nodes.iter_mut().zip(infer_levels(&given, &edges)) {
        node.level = Some(level);
    }
    ViewGraph { nodes, edges }
}

/// The level a body one step below a body at `parent` most likely has.
fn level_below(parent: StructuralLevel) -> StructuralLevel {
    match parent {
        StructuralLevel::LspBoard | StructuralLevel::LspExecutive => StructuralLevel::Thematic,
        StructuralLevel::Thematic | StructuralLevel::AreaBoard | StructuralLevel::WiderNetwork => {
            StructuralLevel::SubGroup
        }
        StructuralLevel::SubGroup | StructuralLevel::TaskAndFinish => {
            StructuralLevel::TaskAndFinish
        }
        // A body accountable to a county or sub-regional board heads the district's tree.
        StructuralLevel::CountyBoard
        | StructuralLevel::SubRegional
        | StructuralLevel::Standalone => StructuralLevel::LspBoard,
    }
}

/// Each node's level: `given` where the register sets one, else inferred from the tree of
/// formal lines in `edges` (`from` the child, `to` the parent): a body with no formal parent
/// heads the tree (LSP board) when it has sub-groups, else it is a themed partnership; a body
/// below another takes the level below its parent's ([`level_below`]: LSP board, themed
/// partnership, sub-group, task and finish group). Parents are settled before their children
/// (breadth first from the heads), so depth decides; a node on a loop of lines (which the
/// register refuses, but an old file may hold) is settled from whichever parent comes first.
pub fn infer_levels(given: &[Option<StructuralLevel>], edges: &[GraphEdge]) -> Vec<NodeLevel> {
    let n = given.len();
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges.iter().filter(|e| e.kind.is_formal()) {
        if e.from < n && e.to < n && e.from != e.to {
            parents[e.from].push(e.to);
            children[e.to].push(e.from);
        }
    }
    let mut level: Vec<Option<NodeLevel>> = given
        .iter()
        .map(|g| {
            g.map(|level| NodeLevel {
                level,
                inferred: false,
            })
        })
        .collect();
    let mut settled = vec![false; n];
    let mut queue = std::collections::VecDeque::new();
    for v in 0..n {
        if parents[v].is_empty() {
            if level[v].is_none() {
                let head = if children[v].is_empty() {
                    StructuralLevel::Thematic
                } else {
                    StructuralLevel::LspBoard
                };
                level[v] = Some(NodeLevel {
                    level: head,
                    inferred: true,
                });
            }
            settled[v] = true;
            queue.push_back(v);
        }
    }
    loop {
        while let Some(v) = queue.pop_front() {
            let parent_level = level[v].map_or(StructuralLevel::LspBoard, |l| l.level);
            for &child in &children[v] {
                if settled[child] {
                    continue;
                }
                settled[child] = true;
                if level[child].is_none() {
                    level[child] = Some(NodeLevel {
                        level: level_below(parent_level),
                        inferred: true,
                    });
                }
                queue.push_back(child);
            }
        }
        // Nodes only on loops have no head: start from the first one left.
        match (0..n).find(|&v| !settled[v]) {
            Some(v) => {
                settled[v] = true;
                if level[v].is_none() {
                    level[v] = Some(NodeLevel {
                        level: StructuralLevel::Thematic,
                        inferred: true,
                    });
                }
                queue.push_back(v);
            }
            None => break,
        }
    }
    level
        .into_iter()
        .map(|l| {
            l.unwrap_or(NodeLevel {
                level: StructuralLevel::Thematic,
                inferred: true,
            })
        })
        .collect()
}

/// The council and every partnership it has a seat on, with its role and officer hours.
fn involvement_graph(register: &Register) -> ViewGraph {
    let mut nodes: Vec<GraphNode> = register
        .partnerships
        .values()
        .filter(|p| p.council_role != CouncilRole::NoDirectSeat)
        .map(|p| {
            let hours = register.hours_per_month(p.id);
            let mut node = partnership_node(register, p.id);
            node.detail = format!("{} · {hours} h a month", p.council_role.label());
            node
        })
        .collect();
    let Some(council) = register.settings.council_organisation else {
        return ViewGraph {
            nodes,
            edges: Vec::new(),
        };
    };
    let council_index = nodes.len();
    nodes.push(organisation_node(register, council));
    let edges = register
        .partnerships
        .values()
        .filter(|p| p.council_role != CouncilRole::NoDirectSeat)
        .enumerate()
        .map(|(i, p)| GraphEdge {
            from: i,
            to: council_index,
            kind: LineKind::Involvement(p.council_role),
            label: p.council_role.label().to_string(),
            relationship: None,
        })
        .collect();
    ViewGraph { nodes, edges }
}

/// Organisations and the partnerships they belong to (partnerships with no members too). The
/// council itself is left out: it sits on nearly everything, which would pull the picture
/// into one knot, and its seats are what the involvement view shows.
fn membership_graph(register: &Register) -> ViewGraph {
    let council = register.settings.council_organisation;
    let partnerships: Vec<PartnershipId> = register.partnerships.keys().copied().collect();
    let organisations: BTreeSet<OrganisationId> = register
        .memberships
        .values()
        .map(|m| m.organisation)
        .filter(|id| register.organisations.contains_key(id) && Some(*id) != council)
        .collect();
    let mut nodes: Vec<GraphNode> = partnerships
        .iter()
        .map(|&id| partnership_node(register, id))
        .collect();
    let partnership_index: BTreeMap<PartnershipId, usize> = partnerships
        .iter()
        .enumerate()
        .map(|(i, &id)| (id, i))
        .collect();
    let mut organisation_index = BTreeMap::new();
    for &id in &organisations {
        organisation_index.insert(id, nodes.len());
        nodes.push(organisation_node(register, id));
    }
    let edges = register
        .memberships
        .values()
        .filter_map(|m| {
            Some(GraphEdge {
                from: *organisation_index.get(&m.organisation)?,
                to: *partnership_index.get(&m.partnership)?,
                kind: LineKind::Membership(m.role),
                label: m.role.label().to_string(),
                relationship: None,
            })
        })
        .collect();
    ViewGraph { nodes, edges }
}
