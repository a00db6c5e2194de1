//! The "partnership of partnerships" diagram, pure: from a [`Register`] and a [`View`], the
//! nodes and lines the view draws ([`graph`]), styled by the view's rules ([`style`], read from
//! its settings JSON by [`settings`]), sized to their wrapped labels, placed with the stored
//! positions kept ([`arrange`]), and drawn as one export [`Scene`](crate::export::Scene)
//! ([`scene`]) that the screen and every export share. [`graph_export`] writes the graph for
//! other tools (GraphML, DOT, JSON). [`edits`] turns moves, pins and re-layouts into `Edit`s.
//!
//! No egui here: the GUI draws the same scene with its own painter.

pub mod arrange;
mod buses;
pub mod canvas_edits;
pub mod containers;
pub mod describe;
pub mod edits;
pub mod graph;
pub mod graph_export;
pub mod hiding;
pub mod labels;
pub mod page_grid;
pub mod pages;
pub mod print;
pub mod routing;
pub mod scene;
pub mod settings;
pub mod sizing;
pub mod style;
mod sub_group_place;
mod view_lookup;
pub mod views;

#[cfg(test)]
mod container_tests;
#[cfg(test)]
mod print_tests;
#[cfg(test)]
mod structure_tests;
#[cfg(test)]
mod sub_group_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod xml_tests;

use std::collections::BTreeSet;

use crate::export::{Color, Legend, Point, Stroke};
use crate::model::{NodeRef, PartnershipId, Register, View, ViewId, ViewKind};

pub use graph::{GraphEdge, GraphNode, LineKind, NodeKind, NodeLevel, ViewGraph, view_graph};
pub use settings::{FillBy, FilterMode, Filters, StyleRules, ViewSettings};
pub use view_lookup::{NoSuchView, find_view};

/// Whether a node or line is drawn in full, pale, or not at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Visibility {
    /// Drawn in full.
    #[default]
    Full,
    /// Drawn pale (left out by a filter in fade mode).
    Faded,
    /// Not drawn (left out by a filter in hide mode, or outside the focus).
    Hidden,
}

/// One node, styled, sized and placed.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramNode {
    /// What it stands for.
    pub node: NodeRef,
    /// Its shape.
    pub kind: NodeKind,
    /// The full name (the tooltip).
    pub name: String,
    /// The name wrapped to the box.
    pub lines: Vec<String>,
    /// The detail line(s) under the name, wrapped (may be empty).
    pub detail: Vec<String>,
    /// Box width in points.
    pub width: f32,
    /// Box height in points.
    pub height: f32,
    /// Fill colour (already faded if faded).
    pub fill: Color,
    /// Border (already faded if faded).
    pub border: Stroke,
    /// Badge text for the council's role, if the rule is on and the council has a role.
    pub badge: Option<&'static str>,
    /// The letter or sign in the top-left corner that says what the fill says, when the fill
    /// shows a value band or a recommendation (colour is never the only signal).
    pub mark: Option<&'static str>,
    /// Drawn in full, pale or not at all.
    pub visibility: Visibility,
    /// Centre of the box as shown, in diagram points.
    pub centre: Point,
    /// Where the node is arranged (stored or placed), exactly: not `centre` when nodes hidden
    /// by a filter or focus left gaps that the picture closes ([`close_gaps`]), or in a
    /// compact print arrangement. Edits store arranged positions, so closing gaps never moves
    /// a stored position.
    pub arranged_at: Point,
    /// Whether the position is stored in the view (else it was placed just now).
    pub stored: bool,
    /// Whether the node is pinned (a re-layout never moves it).
    pub pinned: bool,
    /// Its structural level in a structure view, as set or inferred (the screen marks an
    /// inferred one); `None` elsewhere.
    pub level: Option<NodeLevel>,
    /// The container it is listed in, as a row (its box lies inside the container's).
    pub row_of: Option<usize>,
    /// When it is a container: its rows, top to bottom.
    pub rows: Vec<usize>,
    /// How many of its sub-groups are collapsed into its "+N sub-groups" badge (0 for none).
    pub collapsed: usize,
    /// In a structure view: it has no formal line to the rest, so it is drawn in the band
    /// "Not linked to the LSP structure" under the picture.
    pub unlinked: bool,
    /// In a structure view: it is not in the LSP board's tree (another board, such as a county
    /// or sub-regional one, or one of its groups), so a fresh arrangement puts it in the band
    /// of other boards under the board's structure.
    pub outside_board: bool,
}

impl DiagramNode {
    /// The partnership it stands for, if it is one.
    pub fn partnership(&self) -> Option<PartnershipId> {
        match self.node {
            NodeRef::Partnership(id) => Some(id),
            NodeRef::Organisation(_) => None,
        }
    }

    /// Where the node is arranged: its stored (or placed) position, whatever is shown.
    pub fn arranged(&self) -> Point {
        self.arranged_at
    }

    /// Shows the node at `centre` and moves where it is arranged by as much, as a drag does:
    /// the move is then stored from [`DiagramNode::arranged`].
    pub fn drag_to(&mut self, centre: Point) {
        self.arranged_at = Point::new(
            self.arranged_at.x + (centre.x - self.centre.x),
            self.arranged_at.y + (centre.y - self.centre.y),
        );
        self.centre = centre;
    }

    /// How far the node is shown from where it is arranged (`arranged - centre`).
    pub fn offset(&self) -> Point {
        Point::new(
            self.arranged_at.x - self.centre.x,
            self.arranged_at.y - self.centre.y,
        )
    }

    /// Whether `point` (diagram points) is inside the node's box.
    pub fn contains(&self, point: Point) -> bool {
        (point.x - self.centre.x).abs() <= self.width / 2.0
            && (point.y - self.centre.y).abs() <= self.height / 2.0
    }
}

/// One line, by node index (`from` child, `to` parent).
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramEdge {
    /// The line as the view graph has it.
    pub edge: GraphEdge,
    /// Drawn in full, pale or not at all.
    pub visibility: Visibility,
}

/// What the diagram is built with besides the register and the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildOptions {
    /// Show only the nodes at most this many lines from this node.
    pub focus: Option<(NodeRef, usize)>,
}

/// A view, ready to draw: nodes styled and placed, lines, legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// The view drawn.
    pub view: ViewId,
    /// The view's name.
    pub name: String,
    /// Which picture it is.
    pub kind: ViewKind,
    /// The view's filters and style rules.
    pub settings: ViewSettings,
    /// Nodes, in the view graph's order.
    pub nodes: Vec<DiagramNode>,
    /// Lines.
    pub edges: Vec<DiagramEdge>,
    /// The legend: every style rule the picture uses.
    pub legend: Legend,
}

impl Diagram {
    /// Builds the diagram of `view`.
    pub fn build(register: &Register, view: &View, options: &BuildOptions) -> Self {
        Self::build_with(register, view, options, true)
    }

    /// Builds the diagram of `view` as a full layout would place it, stored positions left
    /// aside (what a fresh arrangement would look like, for print advice).
    pub fn build_fresh(register: &Register, view: &View, options: &BuildOptions) -> Self {
        Self::build_with(register, view, options, false)
    }

    fn build_with(
        register: &Register,
        view: &View,
        options: &BuildOptions,
        use_stored: bool,
    ) -> Self {
        let settings = ViewSettings::from_json(&view.settings);
        let graph = view_graph(register, view);
        let mut sized = sizing::size_nodes(register, &graph, &settings.style);
        if view.kind == ViewKind::Membership {
            quiet_organisations(&graph, &mut sized);
        }
        let mut used = style::Used::default();
        let mut visibility = node_visibility(register, &graph, &settings);
        let focus = options.focus.or_else(|| {
            settings
                .focus
                .map(|f| (NodeRef::Partnership(f.partnership), f.steps))
        });
        if let Some((centre, steps)) = focus
            && let Some(centre) = graph.index_of(centre)
        {
            let near = graph.within_steps(centre, steps);
            for (v, seen) in visibility.iter_mut().enumerate() {
                if !near.contains(&v) {
                    *seen = Visibility::Hidden;
                }
            }
        }
        let containment = containers::plan(view.kind, &graph, &settings, &mut visibility);
        containers::resize(&containment, &graph, &mut sized);
        let unlinked = unlinked_nodes(view.kind, &graph, &settings);
        let outside = outside_board_nodes(view.kind, &graph, &unlinked);
        let mut placed = arrange_without_rows(
            register,
            view,
            &graph,
            &sized,
            &containment,
            (use_stored, &visibility),
        );
        band_unlinked(&unlinked, &sized, &mut placed);
        let fills = style::theme_fills(register);
        let assessed = register.current_assessments();
        let mut nodes = Vec::with_capacity(graph.nodes.len());
        for (v, (node, size)) in graph.nodes.iter().zip(sized).enumerate() {
            let shown = visibility[v];
            let (mut fill, mut border, mut badge) = match node.kind {
                NodeKind::Council => (style::COUNCIL_FILL, Stroke::solid(style::INK, 1.5), None),
                NodeKind::Organisation => (style::ORGANISATION_FILL, style::PLAIN_BORDER, None),
                NodeKind::Partnership => (style::PLAIN_FILL, style::PLAIN_BORDER, None),
            };
            let mut mark = None;
            if let (NodeRef::Partnership(id), true) = (node.node, shown != Visibility::Hidden) {
                let rules = &settings.style;
                if rules.colour_boxes {
                    match rules.fill_by {
                        FillBy::Theme => {
                            let theme = style::first_theme(register, id);
                            used.theme(theme);
                            if let Some(theme) = theme {
                                fill = fills.get(&theme).copied().unwrap_or(fill);
                            }
                        }
                        FillBy::ValueBand => {
                            let band = style::value_band(assessed.get(&id).copied());
                            used.value_band(band);
                            (fill, _) = style::value_fill(band);
                            mark = Some(style::value_fill(band).1);
                        }
                        FillBy::Recommendation => {
                            let recommendation = style::recommendation(assessed.get(&id).copied());
                            used.recommendation(recommendation);
                            (fill, _) = style::recommendation_fill(recommendation);
                            mark = Some(style::recommendation_fill(recommendation).1);
                        }
                    }
                }
                if rules.border_by_risk {
                    let band = style::risk_band(assessed.get(&id).copied());
                    used.band(band);
                    border = style::risk_border(band);
                }
                if rules.council_role_badge
                    && let Some(p) = register.partnerships.get(&id)
                    && let Some(text) = style::role_badge(p.council_role)
                {
                    used.role(p.council_role);
                    badge = Some(text);
                }
            }
            if shown != Visibility::Hidden {
                used.shape(node.kind);
            }
            if shown == Visibility::Faded {
                used.faded = true;
                fill = style::towards_white(fill, 0.6);
                border = style::faded_stroke(border);
            }
            let place = &placed[v];
            nodes.push(DiagramNode {
                node: node.node,
                kind: node.kind,
                name: node.name.clone(),
                lines: size.lines,
                detail: size.detail,
                width: size.width,
                height: size.height,
                fill,
                border,
                badge,
                mark,
                visibility: shown,
                centre: place.centre,
                arranged_at: place.centre,
                stored: place.stored,
                pinned: place.pinned,
                level: node.level,
                row_of: containment.row_of[v],
                rows: containment.rows.get(&v).cloned().unwrap_or_default(),
                collapsed: containment.collapsed.get(&v).copied().unwrap_or(0),
                unlinked: unlinked[v],
                outside_board: outside[v],
            });
        }
        let edges: Vec<DiagramEdge> = graph
            .edges
            .iter()
            .map(|edge| {
                let ends = [visibility[edge.from], visibility[edge.to]];
                // A row's line to its own container is the container itself.
                let inside = containment.row_of[edge.from] == Some(edge.to)
                    || containment.row_of[edge.to] == Some(edge.from);
                let shown = if inside || ends.contains(&Visibility::Hidden) {
                    Visibility::Hidden
                } else if ends.contains(&Visibility::Faded) {
                    Visibility::Faded
                } else {
                    Visibility::Full
                };
                if shown != Visibility::Hidden {
                    used.line(edge.kind);
                }
                DiagramEdge {
                    edge: edge.clone(),
                    visibility: shown,
                }
            })
            .collect();
        let legend = Legend {
            groups: style::legend_groups(register, &settings.style, &used),
            compact: true,
            names_size: Some(sizing::NAME_SIZE),
        };
        let mut diagram = Self {
            view: view.id,
            name: view.name.clone(),
            kind: view.kind,
            settings,
            nodes,
            edges,
            legend,
        };
        // Hidden nodes (a filter in hide mode, or a focus) leave no wide gaps: empty bands
        // are closed up, stored positions untouched (each node keeps its offset to them).
        // Not a fresh layout: moving one node must not make the others jump.
        if diagram
            .nodes
            .iter()
            .any(|n| n.visibility == Visibility::Hidden)
        {
            close_gaps(&mut diagram.nodes);
        }
        containers::place_rows(&mut diagram);
        diagram
    }

    /// The title for the caption: the settings' title, else the view's name.
    pub fn title(&self) -> &str {
        if self.settings.title.trim().is_empty() {
            &self.name
        } else {
            &self.settings.title
        }
    }

    /// The index of the node standing for `node`.
    pub fn index_of(&self, node: NodeRef) -> Option<usize> {
        self.nodes.iter().position(|n| n.node == node)
    }

    /// The topmost shown node at `point` (diagram points).
    pub fn node_at(&self, point: Point) -> Option<usize> {
        // A row lies inside its container: the row is what is under the pointer.
        let hit = |n: &DiagramNode| n.visibility != Visibility::Hidden && n.contains(point);
        self.nodes
            .iter()
            .rposition(|n| n.row_of.is_some() && hit(n))
            .or_else(|| self.nodes.iter().rposition(hit))
    }
}

/// In a structure view whose grouping keeps an unlinked band: the nodes with no formal line to
/// any other node of the view, when some other nodes have one (else nothing is "unlinked").
fn unlinked_nodes(kind: ViewKind, graph: &ViewGraph, settings: &ViewSettings) -> Vec<bool> {
    let n = graph.nodes.len();
    if kind != ViewKind::Structure || !settings.grouping.unlinked_band {
        return vec![false; n];
    }
    let mut linked = vec![false; n];
    for e in graph
        .edges
        .iter()
        .filter(|e| e.kind.is_formal() && e.from != e.to)
    {
        linked[e.from] = true;
        linked[e.to] = true;
    }
    if !linked.contains(&true) {
        return vec![false; n];
    }
    linked.into_iter().map(|l| !l).collect()
}

/// In a structure view: the linked nodes outside the LSP board's tree
/// ([`page_grid::outside_board`]).
fn outside_board_nodes(kind: ViewKind, graph: &ViewGraph, unlinked: &[bool]) -> Vec<bool> {
    let n = graph.nodes.len();
    if kind != ViewKind::Structure {
        return vec![false; n];
    }
    let tree: Vec<(usize, usize)> = graph
        .edges
        .iter()
        .filter(|e| e.kind.is_formal())
        .map(|e| (e.from, e.to))
        .collect();
    page_grid::outside_board(n, &tree, arrange::board_of(graph))
        .into_iter()
        .zip(unlinked)
        .map(|(outside, &unlinked)| outside && !unlinked)
        .collect()
}

/// Gap between the structure and the band of unlinked bodies under it, in points (room for
/// the band's label).
pub const UNLINKED_BAND_GAP: f32 = 40.0;

/// Places the unlinked nodes that have no stored place in rows under everything else, from the
/// picture's left, as wide as the picture: their own band, never beside the board.
fn band_unlinked(unlinked: &[bool], sized: &[sizing::NodeSize], placed: &mut [arrange::Placed]) {
    let banded: Vec<usize> = (0..placed.len())
        .filter(|&v| unlinked[v] && !placed[v].stored)
        .collect();
    // A fresh structure (nothing stored) is a page grid, which keeps them in a band of their
    // own already.
    if banded.is_empty() || !placed.iter().any(|p| p.stored) {
        return;
    }
    let (mut left, mut right, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
    // Every node counts, shown or not, so a filter never moves where a node is arranged.
    for v in (0..placed.len()).filter(|&v| !unlinked[v]) {
        let (c, s) = (placed[v].centre, &sized[v]);
        left = left.min(c.x - s.width / 2.0);
        right = right.max(c.x + s.width / 2.0);
        bottom = bottom.max(c.y + s.height / 2.0);
    }
    if !left.is_finite() {
        return;
    }
    let gap = arrange::NODE_SPACING as f32;
    let mut x = left;
    let mut y = bottom + UNLINKED_BAND_GAP;
    let mut row_height = 0.0_f32;
    for v in banded {
        let s = &sized[v];
        if x > left && x + s.width > right {
            x = left;
            y += row_height + gap;
            row_height = 0.0;
        }
        placed[v].centre = Point::new(x + s.width / 2.0, y + s.height / 2.0);
        x += s.width + gap;
        row_height = row_height.max(s.height);
    }
}

/// The places of the graph's nodes with container rows left out of the arrangement (they are
/// placed inside their containers afterwards); rows get their container's place for now.
fn arrange_without_rows(
    register: &Register,
    view: &View,
    graph: &ViewGraph,
    sized: &[sizing::NodeSize],
    containment: &containers::Containment,
    (use_stored, visibility): (bool, &[Visibility]),
) -> Vec<arrange::Placed> {
    let stored_of = |node: NodeRef| {
        use_stored
            .then(|| register.node_positions.get(&(view.id, node)))
            .flatten()
            .map(|p| (Point::new(p.x, p.y), p.pinned))
    };
    let fresh_structure =
        view.kind == ViewKind::Structure && graph.nodes.iter().all(|n| stored_of(n.node).is_none());
    if containment.rows.is_empty() && !fresh_structure {
        let stored = graph.nodes.iter().map(|n| stored_of(n.node)).collect();
        return arrange::arrange_from(stored, view.kind, graph, sized);
    }
    let kept: Vec<usize> = (0..graph.nodes.len())
        .filter(|&v| !containment.is_row(v))
        .collect();
    let mut index = vec![usize::MAX; graph.nodes.len()];
    for (i, &v) in kept.iter().enumerate() {
        index[v] = i;
    }
    // A row's lines to elsewhere count as its container's for the layout; its line to its
    // own container stays as a loop on the container (no layout follows loops), so the
    // container still counts as linked (not a body for the unlinked band).
    let owner = |v: usize| containment.row_of[v].unwrap_or(v);
    let own_row = |e: &GraphEdge| {
        containment.row_of[e.from] == Some(e.to) || containment.row_of[e.to] == Some(e.from)
    };
    let reduced = ViewGraph {
        nodes: kept.iter().map(|&v| graph.nodes[v].clone()).collect(),
        edges: graph
            .edges
            .iter()
            .filter_map(|e| {
                let (from, to) = (index[owner(e.from)], index[owner(e.to)]);
                ((from != to || own_row(e)) && from != usize::MAX && to != usize::MAX).then(|| {
                    GraphEdge {
                        from,
                        to,
                        ..e.clone()
                    }
                })
            })
            .collect(),
    };
    let sizes: Vec<sizing::NodeSize> = kept.iter().map(|&v| sized[v].clone()).collect();
    let stored: Vec<Option<(Point, bool)>> = kept
        .iter()
        .map(|&v| stored_of(graph.nodes[v].node))
        .collect();
    let placed = if view.kind == ViewKind::Structure && stored.iter().all(Option::is_none) {
        // A fresh structure: the page grid, told which nodes the filters leave out (the
        // same in either filter mode, so hiding never moves what is arranged).
        let nodes: Vec<crate::layout::LayoutNode> = sizes
            .iter()
            .map(|s| crate::layout::LayoutNode::new(f64::from(s.width), f64::from(s.height)))
            .collect();
        let quiet: Vec<bool> = kept
            .iter()
            .map(|&v| visibility.get(v).is_some_and(|s| *s != Visibility::Full))
            .collect();
        arrange::page_grid_layout(
            &reduced,
            &nodes,
            &arrange::layout_edges(view.kind, &reduced),
            &quiet,
        )
        .into_iter()
        .map(|centre| arrange::Placed {
            centre,
            stored: false,
            pinned: false,
        })
        .collect()
    } else {
        arrange::arrange_from(stored, view.kind, &reduced, &sizes)
    };
    (0..graph.nodes.len())
        .map(|v| {
            let mut place = placed[index[owner(v)]];
            if containment.is_row(v) {
                place.stored = false;
                place.pinned = false;
            }
            place
        })
        .collect()
}

/// Size of an organisation drawn without its name in the membership network.
pub const QUIET_ORGANISATION: (f32, f32) = (16.0, 11.0);

/// The membership network reads only if the many organisations in one partnership each stay
/// out of the way: an organisation in fewer than two of the view's partnerships is drawn as
/// a small unnamed ellipse (its name is its tooltip, on screen and in SVG); those linking two
/// or more partnerships, the ones that make it a network, keep their names.
fn quiet_organisations(graph: &ViewGraph, sizes: &mut [sizing::NodeSize]) {
    let mut links = vec![BTreeSet::new(); graph.nodes.len()];
    for edge in &graph.edges {
        if let Some(partnerships) = links.get_mut(edge.from) {
            partnerships.insert(edge.to);
        }
    }
    for ((node, size), partnerships) in graph.nodes.iter().zip(sizes.iter_mut()).zip(&links) {
        if node.kind == NodeKind::Organisation && partnerships.len() < 2 {
            size.lines.clear();
            size.detail.clear();
            size.width = QUIET_ORGANISATION.0;
            size.height = QUIET_ORGANISATION.1;
        }
    }
}

/// Largest gap left between boxes across, when hidden nodes leave a wider one.
pub const CLOSED_GAP_ACROSS: f32 = 2.0 * arrange::NODE_SPACING as f32;
/// Largest gap left between boxes down, when hidden nodes leave a taller one.
pub const CLOSED_GAP_DOWN: f32 = arrange::LAYER_SPACING as f32;

/// Closes the gaps that hidden nodes leave: every empty band across the picture (no shown box
/// in it) wider than [`CLOSED_GAP_ACROSS`] is narrowed to that, and every empty band down
/// taller than [`CLOSED_GAP_DOWN`] to that. Shown boxes keep their order and never come to
/// overlap (the map is monotone and each band keeps a gap); each node keeps its `arranged_at`,
/// so edits still store arranged positions. Only additions and subtractions: the same
/// picture on every machine.
pub fn close_gaps(nodes: &mut [DiagramNode]) {
    let spans = |boxes: Boxes, axis: Axis| -> Vec<(f32, f32)> {
        nodes
            .iter()
            .filter(|n| (n.visibility == Visibility::Hidden) == (boxes == Boxes::Hidden))
            .map(|n| match axis {
                Axis::Across => (n.centre.x - n.width / 2.0, n.centre.x + n.width / 2.0),
                Axis::Down => (n.centre.y - n.height / 2.0, n.centre.y + n.height / 2.0),
            })
            .collect()
    };
    let shift_x = band_shifts(
        spans(Boxes::Shown, Axis::Across),
        &spans(Boxes::Hidden, Axis::Across),
        CLOSED_GAP_ACROSS,
    );
    let shift_y = band_shifts(
        spans(Boxes::Shown, Axis::Down),
        &spans(Boxes::Hidden, Axis::Down),
        CLOSED_GAP_DOWN,
    );
    for node in nodes.iter_mut() {
        let dx = shift_at(&shift_x, node.centre.x - node.width / 2.0);
        let dy = shift_at(&shift_y, node.centre.y - node.height / 2.0);
        node.centre = Point::new(node.centre.x - dx, node.centre.y - dy);
    }
}

/// Which boxes' extents [`close_gaps`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Boxes {
    /// Those shown (faded ones included).
    Shown,
    /// Those hidden.
    Hidden,
}

/// Which way [`close_gaps`] reads extents.
#[derive(Clone, Copy)]
enum Axis {
    /// Left to right.
    Across,
    /// Top to bottom.
    Down,
}

/// For intervals on a line: the merged occupied spans, each with how far it moves back (the
/// surplus over `keep` of the empty gaps before it that a `hidden` interval reaches into: a
/// gap the user left on purpose stays).
fn band_shifts(mut spans: Vec<(f32, f32)>, hidden: &[(f32, f32)], keep: f32) -> Vec<(f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut shifts = Vec::with_capacity(merged.len());
    let mut removed = 0.0_f32;
    let mut previous_end: Option<f32> = None;
    for (start, end) in merged {
        if let Some(before) = previous_end {
            let gap = start - before;
            let left_by_hidden = hidden.iter().any(|&(a, b)| a < start && b > before);
            if gap > keep && left_by_hidden {
                removed += gap - keep;
            }
        }
        shifts.push((start, removed));
        previous_end = Some(end);
    }
    shifts
}

/// How far a box starting at `start` moves back: the shift of the last span starting at or
/// before it (a hidden node between spans moves with the span before it).
fn shift_at(shifts: &[(f32, f32)], start: f32) -> f32 {
    shifts
        .iter()
        .take_while(|(span_start, _)| *span_start <= start)
        .last()
        .map_or(0.0, |(_, shift)| *shift)
}

/// Whether each node passes the filters (a partnership hidden by hand is hidden whatever they
/// say). Organisations and the council follow the partnerships they are joined to: hidden
/// when all of those are, faded when none is in full.
fn node_visibility(
    register: &Register,
    graph: &ViewGraph,
    settings: &ViewSettings,
) -> Vec<Visibility> {
    let filters = &settings.filters;
    let left_out = match filters.mode {
        FilterMode::Fade => Visibility::Faded,
        FilterMode::Hide => Visibility::Hidden,
    };
    let mut shown: Vec<Visibility> = graph
        .nodes
        .iter()
        .map(|node| match node.node {
            NodeRef::Partnership(id) if settings.hidden.contains(&id) => Visibility::Hidden,
            NodeRef::Partnership(id) if !passes(register, id, filters) => left_out,
            NodeRef::Partnership(_)
                if !filters.levels.is_empty()
                    && !node
                        .level
                        .is_some_and(|l| filters.levels.contains(&l.level)) =>
            {
                left_out
            }
            _ => Visibility::Full,
        })
        .collect();
    let around = graph.neighbours();
    for (v, node) in graph.nodes.iter().enumerate() {
        if node.kind == NodeKind::Partnership || around[v].is_empty() {
            continue;
        }
        let ends: BTreeSet<Visibility> = around[v].iter().map(|&w| shown[w]).collect();
        if !ends.contains(&Visibility::Full) {
            shown[v] = if ends.contains(&Visibility::Faded) {
                Visibility::Faded
            } else {
                Visibility::Hidden
            };
        }
    }
    shown
}

/// Why the picture of `view` would be empty, and what to do, in plain words; `None` when it
/// shows something. An export of an empty view is refused with this.
pub fn empty_reason(register: &Register, view: &View, diagram: &Diagram) -> Option<String> {
    if diagram
        .nodes
        .iter()
        .any(|n| n.visibility != Visibility::Hidden)
    {
        return None;
    }
    let name = &view.name;
    Some(if register.partnerships.is_empty() {
        format!(
            "The view \"{name}\" has nothing to draw: the register has no partnerships yet. \
             Add partnerships (Partnerships table, or Add partnership on the diagram), then export again."
        )
    } else if !diagram.nodes.is_empty() {
        format!(
            "The view \"{name}\" has nothing to draw: its filters (or the focus) leave out {}. \
             Clear the view's filters, then export again.",
            if diagram.nodes.len() == 1 {
                "its one box".to_string()
            } else {
                format!("all {} boxes", diagram.nodes.len())
            }
        )
    } else {
        match view.kind {
            ViewKind::Structure => format!(
                "The view \"{name}\" has nothing to draw: no partnership has a structural level of the \
                 LSP structure or a \"sub-group of\", \"reports to\" or \"accountable to\" line. \
                 Link partnerships to the ones they answer to (a partnership's Relationships), or give \
                 them a structural level, then export again."
            ),
            ViewKind::Involvement => format!(
                "The view \"{name}\" has nothing to draw: the council has no seat on any partnership \
                 (every partnership's council role is \"No direct seat\"). Set the council's role on \
                 the partnerships it sits on, then export again."
            ),
            ViewKind::Membership => format!(
                "The view \"{name}\" has nothing to draw. Add partnerships and their member \
                 organisations, then export again."
            ),
        }
    })
}

/// The picture of `view` on a page, encoded: what File, Export diagram and the command line
/// both write. The picture is made to fit the page as [`print`] says (names print at
/// [`print::MIN_PRINTED_NAME_PT`] or more where that can be done).
pub fn export_view(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    setup: &crate::export::PageSetup,
    format: crate::export::Format,
    data_as_at: chrono::NaiveDate,
) -> Result<Vec<u8>, crate::export::ExportError> {
    print::export(
        register,
        view,
        options,
        print::PageChoice::Fixed(*setup),
        format,
        data_as_at,
    )
    .map(|(bytes, _)| bytes)
}

/// A note on how the picture of `view` was made to fit `setup`, or why it prints too small
/// to read (a bigger page, a filter or a focus helps); `None` when it prints as arranged.
pub fn readability_warning(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    setup: &crate::export::PageSetup,
) -> Option<String> {
    let diagram = Diagram::build(register, view, options);
    let today = chrono::NaiveDate::default();
    let caption = scene::caption(register, &diagram, today);
    print::plan(&diagram, &caption, print::PageChoice::Fixed(*setup)).note()
}

/// Whether a partnership passes every filter.
pub fn passes(register: &Register, id: PartnershipId, filters: &Filters) -> bool {
    let Some(p) = register.partnerships.get(&id) else {
        return false;
    };
    let themes_ok = filters.themes.is_empty()
        || filters
            .themes
            .iter()
            .any(|&theme| register.theme_tags.contains_key(&(id, theme)));
    let band_ok = filters.risk_bands.is_empty()
        || style::risk_band(register.current_assessment(id))
            .is_some_and(|band| filters.risk_bands.contains(&band));
    themes_ok
        && band_ok
        && (filters.kinds.is_empty() || filters.kinds.contains(&p.kind))
        && (filters.statuses.is_empty() || filters.statuses.contains(&p.status))
        && (filters.council_roles.is_empty() || filters.council_roles.contains(&p.council_role))
}
