//! Containers: a partnership whose sub-groups are listed inside it, as council appendix
//! diagrams draw a themed partnership. The parent's box grows into a container: its name in a
//! header, then one row per sub-group, each row still its own node (selectable, styled, with
//! its badge and its lines to elsewhere). Or the sub-groups are collapsed and the parent
//! carries a "+5 sub-groups" badge.
//!
//! Only sub-groups that are leaves (no sub-groups of their own) with one formal parent become
//! rows; the others stay boxes. The layout sees one box per container (rows are left out and
//! placed inside afterwards by [`place_rows`]), so routes, print fitting and every export
//! treat a container as a box; lines between a container and its own rows are not drawn.

use std::collections::BTreeMap;

use crate::export::Caption;
use crate::export::text::{self, FontWeight};
use crate::export::{PageSetup, Point};
use crate::model::{NodeRef, Register, View, ViewKind};

use super::graph::{NodeKind, ViewGraph};
use super::settings::{SubGroups, ViewSettings};
use super::sizing::{self, NAME_SIZE, NodeSize, PADDING_X};
use super::{BuildOptions, Diagram, Visibility};

/// Space between a container's side and its rows.
pub const CONTAINER_PADDING: f32 = 3.0;
/// Gap between rows.
pub const ROW_GAP: f32 = 1.5;
/// Space between a row's text and its sides.
pub const ROW_PADDING_X: f32 = 4.0;
/// Space between a row's text and its top and bottom.
pub const ROW_PADDING_Y: f32 = 1.5;
/// Room kept at a row's right for the inner half of the council's role badge, which sits
/// over the container's right side (so rows are narrower and names take fewer lines).
pub const ROW_BADGE_ROOM: f32 = 10.0;
/// The narrowest row.
pub const MIN_ROW_WIDTH: f32 = 130.0;
/// Rows wrap their names at this width.
pub const ROW_WRAP_WIDTH: f32 = 130.0;

/// Space between a container's name and the top of its box (and the rule under the name).
pub const HEADER_PADDING_Y: f32 = 3.0;

/// Which nodes sit inside which: found from the view's grouping before layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Containment {
    /// For each node, the container it is a row of.
    pub row_of: Vec<Option<usize>>,
    /// Each container's rows, in order (by name).
    pub rows: BTreeMap<usize, Vec<usize>>,
    /// Parents whose sub-groups are collapsed, with how many are not drawn.
    pub collapsed: BTreeMap<usize, usize>,
}

impl Containment {
    /// Whether node `v` is a row of a container.
    pub fn is_row(&self, v: usize) -> bool {
        self.row_of.get(v).is_some_and(Option::is_some)
    }
}

/// The containment of a structure view's graph by its grouping; nothing for other views.
/// Collapsed sub-groups are hidden in `visibility`.
pub fn plan(
    kind: ViewKind,
    graph: &ViewGraph,
    settings: &ViewSettings,
    visibility: &mut [Visibility],
) -> Containment {
    let n = graph.nodes.len();
    let mut containment = Containment {
        row_of: vec![None; n],
        ..Containment::default()
    };
    if kind != ViewKind::Structure {
        return containment;
    }
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in graph.edges.iter().filter(|e| e.kind.is_formal()) {
        if e.from != e.to && e.from < n && e.to < n {
            parents[e.from].push(e.to);
            children[e.to].push(e.from);
        }
    }
    for parent in 0..n {
        let NodeRef::Partnership(id) = graph.nodes[parent].node else {
            continue;
        };
        if visibility[parent] == Visibility::Hidden || children[parent].is_empty() {
            continue;
        }
        let choice = settings.grouping.sub_groups_of(id);
        if choice == SubGroups::Boxes {
            continue;
        }
        // A row of a container must not itself be a container.
        if containment.is_row(parent) {
            continue;
        }
        let mut leaves: Vec<usize> = children[parent]
            .iter()
            .copied()
            .filter(|&c| {
                children[c].is_empty()
                    && parents[c].len() == 1
                    && visibility[c] != Visibility::Hidden
                    && graph.nodes[c].kind == NodeKind::Partnership
                    && !containment.rows.contains_key(&c)
            })
            .collect();
        leaves.sort_by(|&a, &b| graph.nodes[a].name.cmp(&graph.nodes[b].name));
        leaves.dedup();
        if leaves.is_empty() {
            continue;
        }
        match choice {
            SubGroups::Inside => {
                for &c in &leaves {
                    containment.row_of[c] = Some(parent);
                }
                containment.rows.insert(parent, leaves);
            }
            SubGroups::Collapsed => {
                for &c in &leaves {
                    visibility[c] = Visibility::Hidden;
                }
                containment.collapsed.insert(parent, leaves.len());
            }
            SubGroups::Boxes => {}
        }
    }
    containment
}

/// The text of a collapsed parent's badge: "+1 sub-group", "+5 sub-groups".
pub fn collapsed_label(count: usize) -> String {
    format!("+{}", crate::model::words::counted(count, "sub-group"))
}

/// A row's name wrapped and its box size, for rows `width` wide.
fn row_size(name: &str, width: f32) -> NodeSize {
    let lines = sizing::wrap_name(
        name,
        NAME_SIZE,
        FontWeight::Regular,
        width - 2.0 * ROW_PADDING_X - ROW_BADGE_ROOM,
    );
    let height = lines.len().max(1) as f32 * text::line_height(NAME_SIZE) + 2.0 * ROW_PADDING_Y;
    NodeSize {
        lines,
        detail: Vec::new(),
        width,
        height: height.ceil(),
    }
}

/// The height of a container's header (its own name).
pub fn header_height(size_lines: usize) -> f32 {
    size_lines.max(1) as f32 * text::line_height(NAME_SIZE) + 2.0 * HEADER_PADDING_Y
}

/// Sizes rows and grows each container to hold them: rows as wide as the widest row needs
/// (at least [`MIN_ROW_WIDTH`], at least the parent's own text), stacked under the header.
/// Collapsed parents get room for their badge under the name.
pub fn resize(containment: &Containment, graph: &ViewGraph, sizes: &mut [NodeSize]) {
    for (&parent, rows) in &containment.rows {
        let widest_name = rows
            .iter()
            .map(|&r| {
                text::line_width(&graph.nodes[r].name, NAME_SIZE, FontWeight::Regular)
                    + 2.0 * ROW_PADDING_X
                    + ROW_BADGE_ROOM
            })
            .fold(0.0_f32, f32::max);
        let own = sizes[parent].width - 2.0 * CONTAINER_PADDING;
        let width = widest_name
            .clamp(
                MIN_ROW_WIDTH,
                ROW_WRAP_WIDTH + 2.0 * ROW_PADDING_X + ROW_BADGE_ROOM,
            )
            .max(own)
            .ceil();
        // The name spans the container's width: fewer lines than its box would have.
        let header = sizing::wrap_name(
            &graph.nodes[parent].name,
            NAME_SIZE,
            FontWeight::Bold,
            width + 2.0 * CONTAINER_PADDING - 2.0 * PADDING_X,
        );
        if !header.is_empty() {
            sizes[parent].lines = header;
        }
        let mut height = header_height(sizes[parent].lines.len());
        for (k, &r) in rows.iter().enumerate() {
            sizes[r] = row_size(&graph.nodes[r].name, width);
            if k > 0 {
                height += ROW_GAP;
            }
            height += sizes[r].height;
        }
        sizes[parent].width = width + 2.0 * CONTAINER_PADDING;
        sizes[parent].height = (height + CONTAINER_PADDING).ceil();
    }
    for &parent in containment.collapsed.keys() {
        sizes[parent].height += text::line_height(sizing::BADGE_SIZE) + 4.0;
        sizes[parent].width = sizes[parent].width.max(sizing::MIN_WIDTH + PADDING_X);
    }
}

/// Places every row inside its container, under the header, from the container's centre
/// (shown and arranged alike: a row has no place of its own while it is listed).
pub fn place_rows(diagram: &mut Diagram) {
    let containers: Vec<(usize, Vec<usize>)> = diagram
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.rows.is_empty())
        .map(|(v, n)| (v, n.rows.clone()))
        .collect();
    for (parent, rows) in containers {
        let container = &diagram.nodes[parent];
        let (centre, arranged) = (container.centre, container.arranged_at);
        let top =
            container.centre.y - container.height / 2.0 + header_height(container.lines.len());
        let mut y = top;
        for r in rows {
            let row = &mut diagram.nodes[r];
            let cy = y + row.height / 2.0;
            row.centre = Point::new(centre.x, cy);
            row.arranged_at = Point::new(arranged.x, arranged.y + (cy - centre.y));
            y += row.height + ROW_GAP;
        }
    }
}

/// The size names would print at on `setup` if `view` listed every partnership's sub-groups
/// inside it; `None` for views that are not structures, or when it would change nothing.
pub fn name_pt_with_containers(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    caption: &Caption,
    setup: PageSetup,
) -> Option<f32> {
    if view.kind != ViewKind::Structure {
        return None;
    }
    let mut settings = ViewSettings::from_json(&view.settings);
    if settings.grouping.sub_groups == SubGroups::Inside
        && settings.grouping.per_partnership.is_empty()
    {
        return None;
    }
    settings.grouping.sub_groups = SubGroups::Inside;
    settings.grouping.per_partnership.clear();
    let grouped = View {
        settings: settings.to_json(&view.settings),
        ..view.clone()
    };
    let diagram = Diagram::build_fresh(register, &grouped, options);
    if !diagram.nodes.iter().any(|n| !n.rows.is_empty()) {
        return None;
    }
    let scene = super::scene::diagram_scene(&diagram, caption.clone());
    Some(super::print::printed_name_pt(&scene, &setup))
}
