//! The graph of a view for other tools: GraphML (yEd and Gephi open it, with labels,
//! attributes, box sizes and positions), DOT (Graphviz lays it out; box sizes given so its
//! layout is comparable), and JSON (every node's id, label, position and size and every line's
//! ends and type, so others can measure the layout).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Assessment, NodeRef, PartnershipId, Register};

use super::graph::NodeKind;
use super::{Diagram, Visibility};

/// A graph file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    /// GraphML with yEd's shape extension.
    GraphMl,
    /// Graphviz DOT.
    Dot,
    /// JSON.
    Json,
}

impl GraphFormat {
    /// The format a file name asks for (`.graphml`, `.dot`/`.gv`, `.json`).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "graphml" => Some(Self::GraphMl),
            "dot" | "gv" => Some(Self::Dot),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// The graph of `diagram` (its shown nodes and lines) in `format`.
pub fn write_graph(register: &Register, diagram: &Diagram, format: GraphFormat) -> String {
    match format {
        GraphFormat::GraphMl => graphml(register, diagram),
        GraphFormat::Dot => dot(diagram),
        GraphFormat::Json => json(diagram),
    }
}

/// A stable id for a node: "p12" for partnership 12, "o7" for organisation 7.
pub fn node_id(node: NodeRef) -> String {
    match node {
        NodeRef::Partnership(id) => format!("p{id}"),
        NodeRef::Organisation(id) => format!("o{id}"),
    }
}

fn shown(visibility: Visibility) -> bool {
    visibility != Visibility::Hidden
}

/// Element text and attributes by the one XML rule ([`crate::export::svg::escape_keeping_lines`]).
fn xml_escape(text: &str) -> String {
    crate::export::svg::escape_keeping_lines(text)
}

fn kind_code(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Partnership => "partnership",
        NodeKind::Council => "council",
        NodeKind::Organisation => "organisation",
    }
}

/// Attributes of a node for GraphML: (key, value).
fn attributes(
    register: &Register,
    assessed: &BTreeMap<PartnershipId, &Assessment>,
    node: NodeRef,
) -> Vec<(&'static str, String)> {
    match node {
        NodeRef::Partnership(id) => register
            .partnerships
            .get(&id)
            .map(|p| {
                vec![
                    ("partnership_kind", p.kind.label().to_string()),
                    ("status", p.status.label().to_string()),
                    ("level", p.structural_level.label().to_string()),
                    ("council_role", p.council_role.label().to_string()),
                    (
                        "risk_band",
                        super::style::risk_band(assessed.get(&id).copied())
                            .map_or_else(String::new, |b| b.label().to_string()),
                    ),
                ]
            })
            .unwrap_or_default(),
        NodeRef::Organisation(id) => register
            .organisations
            .get(&id)
            .map(|o| vec![("sector", o.sector.label().to_string())])
            .unwrap_or_default(),
    }
}

const GRAPHML_KEYS: &[(&str, &str, &str)] = &[
    ("label", "node", "string"),
    ("wrapped_label", "node", "string"),
    ("node_kind", "node", "string"),
    ("partnership_kind", "node", "string"),
    ("status", "node", "string"),
    ("level", "node", "string"),
    ("council_role", "node", "string"),
    ("risk_band", "node", "string"),
    ("sector", "node", "string"),
    ("level_inferred", "node", "boolean"),
    ("container", "node", "string"),
    ("x", "node", "double"),
    ("y", "node", "double"),
    ("width", "node", "double"),
    ("height", "node", "double"),
    ("type", "edge", "string"),
    ("edge_label", "edge", "string"),
];

fn graphml(register: &Register, diagram: &Diagram) -> String {
    let assessed = register.current_assessments();
    let mut out = String::new();
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:y=\"http://www.yworks.com/xml/graphml\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n",
    );
    for (name, domain, kind) in GRAPHML_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <key id=\"yshape\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    let _ = writeln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"directed\">",
        xml_escape(&diagram.name)
    );
    for node in diagram.nodes.iter().filter(|n| shown(n.visibility)) {
        let _ = writeln!(out, "    <node id=\"{}\">", node_id(node.node));
        let shape = match node.kind {
            NodeKind::Partnership => "roundrectangle",
            NodeKind::Council => "hexagon",
            NodeKind::Organisation => "ellipse",
        };
        let _ = writeln!(
            out,
            "      <data key=\"yshape\"><y:ShapeNode><y:Geometry x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>\
             <y:Fill color=\"{}\"/><y:BorderStyle color=\"{}\" width=\"{:.1}\"/>\
             <y:NodeLabel>{}</y:NodeLabel><y:Shape type=\"{shape}\"/></y:ShapeNode></data>",
            node.centre.x - node.width / 2.0,
            node.centre.y - node.height / 2.0,
            node.width,
            node.height,
            node.fill.hex(),
            node.border.color.hex(),
            node.border.width,
            xml_escape(&node.lines.join("\n")),
        );
        // yEd's shape first: networkx reads the y:ShapeNode's geometry and label into x, y
        // and label as text, so the typed attributes after it must win.
        let mut data = vec![
            ("label", node.name.clone()),
            ("wrapped_label", node.lines.join("\n")),
            ("node_kind", kind_code(node.kind).to_string()),
        ];
        data.extend(attributes(register, &assessed, node.node));
        if let Some(level) = node.level {
            data.push(("level_inferred", level.inferred.to_string()));
        }
        if let Some(container) = node.row_of.and_then(|c| diagram.nodes.get(c)) {
            data.push(("container", node_id(container.node)));
        }
        data.extend([
            ("x", format!("{:.1}", node.centre.x)),
            ("y", format!("{:.1}", node.centre.y)),
            ("width", format!("{:.1}", node.width)),
            ("height", format!("{:.1}", node.height)),
        ]);
        for (key, value) in data {
            let _ = writeln!(
                out,
                "      <data key=\"{key}\">{}</data>",
                xml_escape(&value)
            );
        }
        out.push_str("    </node>\n");
    }
    for (i, edge) in diagram
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| shown(e.visibility))
    {
        let (Some(from), Some(to)) = (
            diagram.nodes.get(edge.edge.from),
            diagram.nodes.get(edge.edge.to),
        ) else {
            continue;
        };
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"type\">{}</data>\n      <data key=\"edge_label\">{}</data>\n    </edge>",
            node_id(from.node),
            node_id(to.node),
            edge.edge.kind.code(),
            xml_escape(&edge.edge.label)
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn dot(diagram: &Diagram) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&diagram.name));
    out.push_str(
        "  graph [rankdir=TB, nodesep=0.3, ranksep=0.67, fontname=\"Liberation Sans\"];\n",
    );
    out.push_str(
        "  node [shape=box, style=\"rounded,filled\", fixedsize=true, fontname=\"Liberation Sans Bold\", fontsize=10];\n",
    );
    for node in diagram.nodes.iter().filter(|n| shown(n.visibility)) {
        let shape = match node.kind {
            NodeKind::Partnership => "box",
            NodeKind::Council => "hexagon",
            NodeKind::Organisation => "ellipse",
        };
        let _ = writeln!(
            out,
            "  {} [label=\"{}\", shape={shape}, width={:.3}, height={:.3}, fillcolor=\"{}\"];",
            node_id(node.node),
            node.lines
                .iter()
                .map(|line| dot_escape(line))
                .collect::<Vec<_>>()
                .join("\\n"),
            node.width / 72.0,
            node.height / 72.0,
            node.fill.hex(),
        );
    }
    for edge in diagram.edges.iter().filter(|e| shown(e.visibility)) {
        let (Some(from), Some(to)) = (
            diagram.nodes.get(edge.edge.from),
            diagram.nodes.get(edge.edge.to),
        ) else {
            continue;
        };
        let (stroke, _) = super::style::line_style(edge.edge.kind);
        let style = match stroke.dash {
            crate::export::Dash::Solid => "solid",
            crate::export::Dash::Dashed => "dashed",
            crate::export::Dash::Dotted => "dotted",
        };
        // Parents first, so dot ranks them above; the arrow still points at the parent.
        let formal =
            edge.edge.kind.is_formal() || diagram.kind != crate::model::ViewKind::Structure;
        let (_, arrows) = super::style::line_style(edge.edge.kind);
        let dir = match arrows {
            crate::export::ArrowHeads::End => "back",
            crate::export::ArrowHeads::Start => "forward",
            crate::export::ArrowHeads::Both => "both",
            crate::export::ArrowHeads::None => "none",
        };
        let _ = writeln!(
            out,
            "  {} -> {} [dir={dir}, style={style}{}];",
            node_id(to.node),
            node_id(from.node),
            if formal { "" } else { ", constraint=false" }
        );
    }
    out.push_str("}\n");
    out
}

#[derive(Serialize)]
struct JsonGraph<'a> {
    view: &'a str,
    kind: &'a str,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: String,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level_inferred: Option<bool>,
    shape: &'a str,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
    pinned: bool,
    faded: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    container: Option<String>,
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    from: String,
    to: String,
    #[serde(rename = "type")]
    kind: &'a str,
    label: &'a str,
    /// The points the drawn line runs through, child end first.
    route: Vec<[f32; 2]>,
}

fn json(diagram: &Diagram) -> String {
    let graph = JsonGraph {
        view: &diagram.name,
        kind: diagram.kind.code(),
        nodes: diagram
            .nodes
            .iter()
            .filter(|n| shown(n.visibility))
            .map(|n| JsonNode {
                id: node_id(n.node),
                label: &n.name,
                level: n.level.map(|l| l.level.label()),
                level_inferred: n.level.map(|l| l.inferred),
                shape: kind_code(n.kind),
                x: n.centre.x,
                y: n.centre.y,
                width: n.width,
                height: n.height,
                pinned: n.pinned,
                faded: n.visibility == Visibility::Faded,
                container: n
                    .row_of
                    .and_then(|c| diagram.nodes.get(c))
                    .map(|c| node_id(c.node)),
            })
            .collect(),
        edges: diagram
            .edges
            .iter()
            .zip(super::scene::edge_routes(diagram))
            .filter(|(e, _)| shown(e.visibility))
            .filter_map(|(e, route)| {
                Some(JsonEdge {
                    from: node_id(diagram.nodes.get(e.edge.from)?.node),
                    to: node_id(diagram.nodes.get(e.edge.to)?.node),
                    kind: e.edge.kind.code(),
                    label: &e.edge.label,
                    route: route?.iter().map(|p| [p.x, p.y]).collect(),
                })
            })
            .collect(),
    };
    serde_json::to_string_pretty(&graph).unwrap_or_default()
}
