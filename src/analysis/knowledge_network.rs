//! The knowledge network as a graph (seed 004, "Recommendation 31"): from each partnership at
//! work, through the council's representatives in post on it, to whoever they report back to
//! (a portfolio holder, a committee, a service team, a named officer). A body where another
//! district leads, and the council is kept informed another way, links straight to how it is
//! kept informed. The window explores it as a live network; each line says whether knowledge
//! flows along it (a route overdue, a representative with no route).
//!
//! Recipients written two ways ("Overview and Scrutiny Committee", "overview & scrutiny
//! committee") are one node, named as first written.

use std::collections::BTreeMap;

use super::identity::{Identities, group_key};
use super::is_active;
use super::knowledge::{KnowledgeSettings, route_state};
use crate::model::{PartnershipId, PersonId, Register, ReportAudience};
use crate::scoring::in_post_on;

/// What a node of the knowledge network stands for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FlowNode {
    /// A partnership at work.
    Partnership(PartnershipId),
    /// A council representative (one node per person, whatever their records).
    Person(PersonId),
    /// Who knowledge comes back to.
    Recipient {
        /// What kind of recipient; `None` for how a body where another district leads keeps
        /// the council informed.
        audience: Option<ReportAudience>,
        /// The name as first written.
        name: String,
    },
}

/// Whether knowledge flows along a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// A representative's seat, and they report back on some route in time.
    Flowing,
    /// A route or a seat whose reports are overdue (or never made).
    Overdue,
    /// A seat whose representative reports back to nobody on record.
    NoRoute,
}

/// One line: from a partnership to a representative, or a representative (or a partnership
/// kept informed another way) to a recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowEdge {
    /// The index of the node knowledge comes from.
    pub from: usize,
    /// The index of the node it goes to.
    pub to: usize,
    /// Whether it flows.
    pub flow: Flow,
}

/// The whole network, nodes in a stable order (partnerships, people, recipients).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowNetwork {
    /// The nodes.
    pub nodes: Vec<FlowNode>,
    /// The lines, each once.
    pub edges: Vec<FlowEdge>,
}

impl FlowNetwork {
    /// A node's name as the register has it.
    pub fn name(&self, register: &Register, index: usize) -> String {
        match self.nodes.get(index) {
            Some(FlowNode::Partnership(id)) => register.partnership_name(*id).to_string(),
            Some(FlowNode::Person(id)) => register
                .people
                .get(id)
                .map_or_else(String::new, |p| p.name.clone()),
            Some(FlowNode::Recipient { name, .. }) => name.clone(),
            None => String::new(),
        }
    }
}

/// The knowledge network as at `settings.today`.
pub fn knowledge_network(register: &Register, settings: &KnowledgeSettings) -> FlowNetwork {
    let identities = Identities::default().with_people(register);
    let mut routes_of: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for route in register.report_back_routes.values() {
        routes_of
            .entry(route.representation)
            .or_default()
            .push(route);
    }
    let mut seats_of: BTreeMap<PartnershipId, Vec<_>> = BTreeMap::new();
    for representation in register.representations.values() {
        if in_post_on(representation, settings.today) {
            seats_of
                .entry(representation.partnership)
                .or_default()
                .push(representation);
        }
    }
    let mut nodes: BTreeMap<FlowNode, ()> = BTreeMap::new();
    let mut recipients: BTreeMap<String, FlowNode> = BTreeMap::new();
    // Each spelling's key once: many routes name the same recipient the same way.
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut recipient = |audience: Option<ReportAudience>, name: &str| -> FlowNode {
        let key = keys
            .entry(name.to_string())
            .or_insert_with(|| group_key(name))
            .clone();
        recipients
            .entry(key)
            .or_insert_with(|| FlowNode::Recipient {
                audience,
                name: name.trim().to_string(),
            })
            .clone()
    };
    // Lines by their end nodes, the worst flow kept when two records draw one line.
    let mut lines: BTreeMap<(FlowNode, FlowNode), Flow> = BTreeMap::new();
    let mut line = |from: FlowNode, to: FlowNode, flow: Flow| {
        let kept = lines.entry((from, to)).or_insert(flow);
        if rank(flow) > rank(*kept) {
            *kept = flow;
        }
    };
    for partnership in register.partnerships.values() {
        if !is_active(partnership.status) {
            continue;
        }
        let body = FlowNode::Partnership(partnership.id);
        nodes.insert(body.clone(), ());
        let seats = seats_of.remove(&partnership.id).unwrap_or_default();
        if seats.is_empty() && !partnership.kept_informed.trim().is_empty() {
            let to = recipient(None, &partnership.kept_informed);
            nodes.insert(to.clone(), ());
            line(body.clone(), to, Flow::Flowing);
        }
        for seat in seats {
            let person = FlowNode::Person(identities.person(seat.person));
            nodes.insert(person.clone(), ());
            let routes = routes_of
                .get(&seat.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut any_flowing = false;
            for route in routes {
                let to = recipient(Some(route.audience), &route.recipient);
                nodes.insert(to.clone(), ());
                let overdue = route_state(route, Some(seat), settings).overdue;
                any_flowing |= !overdue;
                let flow = if overdue {
                    Flow::Overdue
                } else {
                    Flow::Flowing
                };
                line(person.clone(), to, flow);
            }
            let seat_flow = match (routes.is_empty(), any_flowing) {
                (true, _) => Flow::NoRoute,
                (false, true) => Flow::Flowing,
                (false, false) => Flow::Overdue,
            };
            line(body.clone(), person, seat_flow);
        }
    }
    let nodes: Vec<FlowNode> = nodes.into_keys().collect();
    let index: BTreeMap<&FlowNode, usize> = nodes.iter().enumerate().map(|(i, n)| (n, i)).collect();
    let edges = lines
        .iter()
        .filter_map(|((from, to), flow)| {
            Some(FlowEdge {
                from: *index.get(from)?,
                to: *index.get(to)?,
                flow: *flow,
            })
        })
        .collect();
    FlowNetwork { nodes, edges }
}

fn rank(flow: Flow) -> u8 {
    match flow {
        Flow::Flowing => 0,
        Flow::Overdue => 1,
        Flow::NoRoute => 2,
    }
}
