//! What Explore mode explores, read from the register: a membership view's nodes and lines as
//! the diagram builds them (where they are arranged now), or the knowledge network
//! (`crate::analysis::knowledge_network`), laid out on a circle to start. Rebuilt from the
//! register whenever it changes; never the source of truth.

use egui::{Color32, Pos2};

use crate::analysis::KnowledgeSettings;
use crate::analysis::knowledge_network::{Flow, FlowNode, knowledge_network};
use crate::diagram::{BuildOptions, Diagram, Visibility};
use crate::model::{NodeRef, Register, ViewId, ViewKind};

/// Which network is explored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A membership view (organisations and the partnerships they belong to).
    Membership(ViewId),
    /// Partnerships, their representatives and who they report back to.
    Knowledge,
}

/// How a node or line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A partnership.
    Partnership,
    /// A member organisation.
    Organisation,
    /// A council representative.
    Person,
    /// Who knowledge comes back to.
    Recipient,
    /// Knowledge flows along it.
    Flowing,
    /// Overdue, or no route at all.
    Stopped,
}

impl Tone {
    /// A node's radius in diagram points; egui_graphs writes its name in a font of that size,
    /// so partnerships read larger than the rest.
    pub fn radius(self) -> f32 {
        match self {
            Self::Partnership => 10.0,
            _ => 7.0,
        }
    }

    /// The fill or line colour.
    pub fn colour(self) -> Color32 {
        match self {
            Self::Partnership => Color32::from_rgb(0x1f, 0x5f, 0xa8),
            Self::Organisation => Color32::from_rgb(0x70, 0x70, 0x70),
            Self::Person => Color32::from_rgb(0x2e, 0x7d, 0x32),
            Self::Recipient => Color32::from_rgb(0xb3, 0x5c, 0x00),
            Self::Flowing => Color32::from_rgb(0x60, 0x90, 0x60),
            Self::Stopped => Color32::from_rgb(0xc6, 0x28, 0x28),
        }
    }
}

/// One node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The diagram node it is, in a membership view (its place can be kept).
    pub node: Option<NodeRef>,
    /// Its name.
    pub name: String,
    /// How it is drawn.
    pub tone: Tone,
    /// Where it starts, in diagram points.
    pub start: Pos2,
    /// Pinned in the view already.
    pub pinned: bool,
}

/// The network to explore.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    /// The nodes.
    pub nodes: Vec<Node>,
    /// Lines between node indices, with how each is drawn.
    pub edges: Vec<(usize, usize, Tone)>,
}

/// The membership views of the register, by name.
pub fn membership_views(register: &Register) -> Vec<(ViewId, String)> {
    let mut views: Vec<(ViewId, String)> = register
        .views
        .values()
        .filter(|v| v.kind == ViewKind::Membership)
        .map(|v| (v.id, v.name.clone()))
        .collect();
    views.sort_by(|a, b| a.1.cmp(&b.1));
    views
}

/// The network `choice` names, as the register has it on `settings.today`.
pub fn build(register: &Register, choice: Choice, settings: &KnowledgeSettings) -> Network {
    match choice {
        Choice::Membership(view) => membership(register, view),
        Choice::Knowledge => knowledge(register, settings),
    }
}

fn membership(register: &Register, view: ViewId) -> Network {
    let Some(view) = register.views.get(&view) else {
        return Network::default();
    };
    let diagram = Diagram::build(register, view, &BuildOptions::default());
    let mut index = vec![None; diagram.nodes.len()];
    let mut network = Network::default();
    for (at, node) in diagram.nodes.iter().enumerate() {
        if node.visibility == Visibility::Hidden {
            continue;
        }
        index[at] = Some(network.nodes.len());
        network.nodes.push(Node {
            node: Some(node.node),
            name: node.name.clone(),
            tone: match node.node {
                NodeRef::Partnership(_) => Tone::Partnership,
                NodeRef::Organisation(_) => Tone::Organisation,
            },
            start: Pos2::new(node.centre.x, node.centre.y),
            pinned: node.pinned,
        });
    }
    for edge in &diagram.edges {
        if edge.visibility == Visibility::Hidden {
            continue;
        }
        let ends = (
            index.get(edge.edge.from).copied().flatten(),
            index.get(edge.edge.to).copied().flatten(),
        );
        if let (Some(from), Some(to)) = ends {
            network.edges.push((from, to, Tone::Organisation));
        }
    }
    network
}

fn knowledge(register: &Register, settings: &KnowledgeSettings) -> Network {
    let flows = knowledge_network(register, settings);
    let count = flows.nodes.len().max(1) as f32;
    let radius = 40.0 * count.sqrt() + 60.0;
    let nodes = flows
        .nodes
        .iter()
        .enumerate()
        .map(|(at, node)| {
            let angle = std::f32::consts::TAU * at as f32 / count;
            Node {
                node: None,
                name: flows.name(register, at),
                tone: match node {
                    FlowNode::Partnership(_) => Tone::Partnership,
                    FlowNode::Person(_) => Tone::Person,
                    FlowNode::Recipient { .. } => Tone::Recipient,
                },
                start: Pos2::new(radius * angle.cos(), radius * angle.sin()),
                pinned: false,
            }
        })
        .collect();
    let edges = flows
        .edges
        .iter()
        .map(|edge| {
            let tone = match edge.flow {
                Flow::Flowing => Tone::Flowing,
                Flow::Overdue | Flow::NoRoute => Tone::Stopped,
            };
            (edge.from, edge.to, tone)
        })
        .collect();
    Network { nodes, edges }
}
