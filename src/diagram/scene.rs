//! The diagram as an export [`Scene`]: lines first, then the boxes with their wrapped names,
//! the role badges, and the labels on lines on top; the legend from the style rules; the
//! caption with the title, "Data as at" and the register's source line. The screen and every
//! export draw this one scene.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::export::scene::{council_outline, council_text_area};
use crate::export::text::{self, FontWeight};
use crate::export::{
    Anchor, Caption, Color, Geometry, LegendEntry, LegendGroup, LegendSymbol, Paint, Point, Rect,
    Scene, Shape, Stroke, TextRun,
};
use crate::model::Register;

use super::buses;
use super::graph::NodeKind;
use super::labels::LineLabel;
use super::sizing::{
    BADGE_SIZE, CORNER_RADIUS, COUNCIL_STROKE, DETAIL_SIZE, LINE_LABEL_SIZE, NAME_SIZE, text_height,
};
use super::style::{self, BADGE_FILL, BADGE_TEXT, INK};
use super::{Diagram, DiagramNode, Visibility};

/// The caption for `diagram`: its title, the date of the data and the register's source line.
pub fn caption(register: &Register, diagram: &Diagram, data_as_at: NaiveDate) -> Caption {
    Caption {
        title: diagram.title().to_string(),
        data_as_at,
        source: register.settings.source_line.clone(),
    }
}

/// The box of a node.
pub fn node_rect(node: &DiagramNode) -> Rect {
    Rect::centered(node.centre, node.width, node.height)
}

/// Where a line from the node's centre towards `towards` leaves its outline.
pub fn boundary_point(node: &DiagramNode, towards: Point) -> Point {
    let c = node.centre;
    let (dx, dy) = (towards.x - c.x, towards.y - c.y);
    if dx.abs() < f32::EPSILON && dy.abs() < f32::EPSILON {
        return c;
    }
    let (hw, hh) = (node.width / 2.0, node.height / 2.0);
    let t = match node.kind {
        NodeKind::Partnership => {
            let tx = if dx.abs() > 0.0 {
                hw / dx.abs()
            } else {
                f32::INFINITY
            };
            let ty = if dy.abs() > 0.0 {
                hh / dy.abs()
            } else {
                f32::INFINITY
            };
            tx.min(ty)
        }
        NodeKind::Organisation => 1.0 / ((dx / hw).powi(2) + (dy / hh).powi(2)).sqrt(),
        NodeKind::Council => {
            let corners = council_outline(&node_rect(node));
            (0..corners.len())
                .filter_map(|i| ray_hits(c, dx, dy, corners[i], corners[(i + 1) % corners.len()]))
                .fold(f32::INFINITY, f32::min)
        }
    };
    if t.is_finite() {
        Point::new(c.x + dx * t, c.y + dy * t)
    } else {
        c
    }
}

/// The ray `c + t (dx, dy)`, t ≥ 0, meets segment `a`–`b` at this `t`.
fn ray_hits(c: Point, dx: f32, dy: f32, a: Point, b: Point) -> Option<f32> {
    let (ex, ey) = (b.x - a.x, b.y - a.y);
    let denominator = dx * ey - dy * ex;
    if denominator.abs() < 1e-9 {
        return None;
    }
    let (ax, ay) = (a.x - c.x, a.y - c.y);
    let t = (ax * ey - ay * ex) / denominator;
    let s = (ax * dy - ay * dx) / denominator;
    (t >= 0.0 && (-1e-4..=1.0001).contains(&s)).then_some(t)
}

/// Moves `point` `by` points further along the direction from `from`.
fn push_out(from: Point, point: Point, by: f32) -> Point {
    let (dx, dy) = (point.x - from.x, point.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length < f32::EPSILON {
        return point;
    }
    Point::new(point.x + dx / length * by, point.y + dy / length * by)
}

/// The two ends of the line between nodes `from` and `to`, on their outlines.
pub fn line_ends(from: &DiagramNode, to: &DiagramNode) -> (Point, Point) {
    let start = boundary_point(from, to.centre);
    let end = boundary_point(to, from.centre);
    (
        push_out(from.centre, start, from.border.width / 2.0 + 1.0),
        push_out(to.centre, end, to.border.width / 2.0 + 1.0),
    )
}

/// The route of a formal line in a structure drawn top-down, org-chart style: up from the
/// child's top to a bus line under the parent, along it, and up into the parent; or, when
/// a box is in the way (a stack of sub-groups), from the child's left side up a spine beside
/// the stack. `None` when the child is not below the parent (a moved node): a straight line.
/// `buses` holds each parent's bus height ([`buses::bus_heights`]): one bus for all the
/// parent's children, so the lines of a stack and its siblings meet on one line, in its own
/// lane where another parent's bus runs alongside.
pub fn structure_route(
    diagram: &Diagram,
    buses: &BTreeMap<usize, f32>,
    from: usize,
    to: usize,
) -> Option<Vec<Point>> {
    let (child, parent) = (diagram.nodes.get(from)?, diagram.nodes.get(to)?);
    let child_top = buses::top_of(child);
    let parent_bottom = buses::bottom_of(parent);
    if child_top - parent_bottom < 12.0 {
        return None;
    }
    let bus = *buses.get(&to)?;
    let blocked = |x: f32, top: f32, bottom: f32| {
        diagram.nodes.iter().enumerate().any(|(v, n)| {
            v != from
                && v != to
                && n.visibility != Visibility::Hidden
                && (x - n.centre.x).abs() < n.width / 2.0 + 2.0
                && top < n.centre.y + n.height / 2.0
                && bottom > n.centre.y - n.height / 2.0
        })
    };
    // A sub-group in a stack (a sibling's left edge lines up with its own) joins the spine.
    let child_left = child.centre.x - child.width / 2.0;
    let stacked = diagram.edges.iter().any(|e| {
        e.edge.to == to
            && e.edge.from != from
            && e.visibility != Visibility::Hidden
            && diagram.nodes.get(e.edge.from).is_some_and(|sibling| {
                (sibling.centre.x - sibling.width / 2.0 - child_left).abs() < 0.5
                    && (sibling.centre.y - child.centre.y).abs() > 1.0
            })
    });
    let mut points = if !stacked && !blocked(child.centre.x, bus, child_top) {
        vec![
            Point::new(child.centre.x, child_top),
            Point::new(child.centre.x, bus),
        ]
    } else {
        let left = child.centre.x - child.width / 2.0 - child.border.width / 2.0 - 1.0;
        let spine = child.centre.x - child.width / 2.0 - super::arrange::STACK_INDENT as f32 / 2.0;
        if blocked(spine, bus, child.centre.y) {
            return None;
        }
        vec![
            Point::new(left, child.centre.y),
            Point::new(spine, child.centre.y),
            Point::new(spine, bus),
        ]
    };
    points.push(Point::new(parent.centre.x, bus));
    points.push(Point::new(parent.centre.x, parent_bottom));
    points.dedup_by(|a, b| (a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01);
    Some(points)
}

fn text_color(visibility: Visibility, color: Color) -> Color {
    if visibility == Visibility::Faded {
        style::towards_white(color, 0.55)
    } else {
        color
    }
}

/// Everything drawn for one node: shape, name, detail, badge.
fn push_node(scene: &mut Scene, node: &DiagramNode) {
    let rect = node_rect(node);
    let paint = Paint::new(node.fill, node.border);
    let geometry = match node.kind {
        NodeKind::Partnership => Geometry::RoundedRect {
            rect,
            radius: if node.row_of.is_some() {
                CORNER_RADIUS / 2.0
            } else {
                CORNER_RADIUS
            },
        },
        NodeKind::Organisation => Geometry::Ellipse { rect },
        NodeKind::Council => Geometry::Council { rect },
    };
    scene.push_shape(Shape::new(geometry, paint).with_tooltip(node.name.clone()));
    let area = match node.kind {
        NodeKind::Council => council_text_area(&rect, COUNCIL_STROKE),
        _ => rect,
    };
    if node.lines.is_empty() {
        return; // An unnamed node (a quiet organisation): its name is the tooltip.
    }
    let block = text_height(&node.lines, &node.detail);
    let top = if !node.rows.is_empty() {
        // A container: its name in the header, a rule under it, the rows below.
        let header = super::containers::header_height(node.lines.len());
        scene.push_shape(Shape::new(
            Geometry::Polyline {
                points: vec![
                    Point::new(rect.x + 1.0, rect.y + header - 2.0),
                    Point::new(rect.right() - 1.0, rect.y + header - 2.0),
                ],
                arrows: crate::export::ArrowHeads::None,
            },
            Paint::stroke(Stroke::solid(
                text_color(node.visibility, node.border.color),
                0.5,
            )),
        ));
        rect.y + super::containers::HEADER_PADDING_Y
    } else if node.collapsed > 0 {
        let badge = text::line_height(BADGE_SIZE) + 4.0;
        area.y + (area.height - badge - block) / 2.0
    } else {
        area.y + (area.height - block) / 2.0
    };
    let name = if node.row_of.is_some() {
        // A row: its name from the left, its badge inside at the right.
        TextRun::new(
            Point::new(rect.x + super::containers::ROW_PADDING_X, top),
            node.lines.clone(),
            NAME_SIZE,
        )
        .anchored(Anchor::Start)
    } else {
        TextRun::new(
            Point::new(area.center().x, top),
            node.lines.clone(),
            NAME_SIZE,
        )
    }
    .colored(text_color(node.visibility, INK));
    // A row reads as an entry of its container: regular weight, the container's name bold.
    scene.push_text(if node.row_of.is_some() {
        name
    } else {
        name.bold()
    });
    if node.collapsed > 0 {
        push_collapsed(scene, node, top + block + 2.0);
    }
    if !node.detail.is_empty() {
        let detail_top = top + node.lines.len() as f32 * text::line_height(NAME_SIZE) + 2.0;
        scene.push_text(
            TextRun::new(
                Point::new(area.center().x, detail_top),
                node.detail.clone(),
                DETAIL_SIZE,
            )
            .colored(text_color(node.visibility, Color::MUTED)),
        );
    }
}

/// The label over the band of bodies not linked to the structure.
pub const UNLINKED_BAND_LABEL: &str = "Not linked to the LSP structure";

/// The label over the band of other boards (county, sub-regional) and their groups.
pub const OTHER_BOARDS_LABEL: &str = "Other boards and their groups";

/// The bands' rules and labels: over the other boards, when they lie under the board's
/// structure or beside it, and over the unlinked bodies.
fn push_bands(scene: &mut Scene, diagram: &Diagram) {
    let shown = || {
        diagram
            .nodes
            .iter()
            .filter(|n| n.visibility != Visibility::Hidden)
    };
    let Some(all) = shown().map(node_rect).reduce(|a, b| a.union(&b)) else {
        return;
    };
    let others = shown()
        .filter(|n| n.outside_board)
        .map(node_rect)
        .reduce(|a, b| a.union(&b));
    let structure = shown()
        .filter(|n| !n.outside_board && !n.unlinked)
        .map(node_rect)
        .reduce(|a, b| a.union(&b));
    let label_room = text::line_height(NAME_SIZE) + 8.0;
    if let (Some(band), Some(structure)) = (others, structure) {
        let top = band.y - label_room;
        if top > structure.bottom() {
            push_band(scene, all, top, OTHER_BOARDS_LABEL);
        } else if band.x > structure.right() + 12.0 {
            // Beside the structure: a rule down its left, the label over it.
            let x = (band.x + structure.right()) / 2.0;
            push_rule(scene, Point::new(x, top), Point::new(x, all.bottom()));
            push_label(scene, Point::new(band.x, top + 3.0), OTHER_BOARDS_LABEL);
        }
    }
    if let Some(band) = shown()
        .filter(|n| n.unlinked)
        .map(node_rect)
        .reduce(|a, b| a.union(&b))
    {
        // From the band's left: beside the structure, the band starts right of it.
        let from = if band.x > all.x + 1.0 { band.x } else { all.x };
        let across = Rect::new(from, all.y, all.right() - from, all.height);
        push_band(scene, across, band.y - label_room, UNLINKED_BAND_LABEL);
    }
}

/// A dashed rule across the picture at `top`, with `label` under it at the left.
fn push_band(scene: &mut Scene, all: Rect, top: f32, label: &str) {
    push_rule(scene, Point::new(all.x, top), Point::new(all.right(), top));
    push_label(scene, Point::new(all.x, top + 3.0), label);
}

/// A band's dashed rule.
fn push_rule(scene: &mut Scene, from: Point, to: Point) {
    scene.push_shape(Shape::new(
        Geometry::Polyline {
            points: vec![from, to],
            arrows: crate::export::ArrowHeads::None,
        },
        Paint::stroke(Stroke::new(Color::MUTED, 0.5, crate::export::Dash::Dashed)),
    ));
}

/// A band's label, its top-left corner at `at`.
fn push_label(scene: &mut Scene, at: Point, label: &str) {
    scene.push_text(
        TextRun::line(at, label, NAME_SIZE)
            .bold()
            .anchored(Anchor::Start)
            .colored(Color::MUTED),
    );
}

/// The "+5 sub-groups" tag under a collapsed parent's name.
fn push_collapsed(scene: &mut Scene, node: &DiagramNode, top: f32) {
    let label = super::containers::collapsed_label(node.collapsed);
    let height = text::line_height(BADGE_SIZE) + 1.0;
    let width = text::line_width(&label, BADGE_SIZE, FontWeight::Bold) + 8.0;
    let tag = Rect::new(node.centre.x - width / 2.0, top, width, height);
    let ink = text_color(node.visibility, INK);
    scene.push_shape(Shape::new(
        Geometry::RoundedRect {
            rect: tag,
            radius: height / 2.0,
        },
        Paint::new(Color::WHITE, Stroke::solid(ink, 0.75)),
    ));
    scene.push_text(
        TextRun::line(Point::new(tag.center().x, tag.y + 0.5), label, BADGE_SIZE)
            .bold()
            .anchored(Anchor::Middle)
            .colored(ink),
    );
}

/// The fill's letter or sign in a small white tag straddling the box's top-left corner.
fn push_mark(scene: &mut Scene, node: &DiagramNode) {
    let Some(mark) = node.mark else {
        return;
    };
    let rect = node_rect(node);
    let height = text::line_height(BADGE_SIZE) + 1.0;
    let width = (text::line_width(mark, BADGE_SIZE, FontWeight::Bold) + 6.0).max(height);
    let mark_rect = Rect::new(rect.x + CORNER_RADIUS, rect.y - height / 2.0, width, height);
    let ink = if node.visibility == Visibility::Faded {
        style::towards_white(INK, 0.6)
    } else {
        INK
    };
    scene.push_shape(Shape::new(
        Geometry::RoundedRect {
            rect: mark_rect,
            radius: height / 2.0,
        },
        Paint::new(Color::WHITE, Stroke::solid(ink, 0.75)),
    ));
    scene.push_text(
        TextRun::line(
            Point::new(mark_rect.center().x, mark_rect.y + 0.5),
            mark,
            BADGE_SIZE,
        )
        .bold()
        .anchored(Anchor::Middle)
        .colored(ink),
    );
}

/// Where a node's role badge goes, with its letters at `size` points: straddling a box's
/// top-right corner, or over the right side of a container at its row. Never narrower than round, so a
/// one-letter badge ("£") is not clipped. `None` for a node without a badge.
pub fn badge_rect(node: &DiagramNode, size: f32) -> Option<Rect> {
    let badge = node.badge?;
    let rect = node_rect(node);
    let height = text::line_height(size) + 1.0;
    let width = (text::line_width(badge, size, FontWeight::Bold) + 7.0).max(height + 2.0);
    Some(if node.row_of.is_some() {
        // Over the container's right side, half outside it.
        Rect::new(
            rect.right() + super::containers::CONTAINER_PADDING - width / 2.0,
            node.centre.y - height / 2.0,
            width,
            height,
        )
    } else {
        Rect::new(
            rect.right() - width - CORNER_RADIUS,
            rect.y - height / 2.0,
            width,
            height,
        )
    })
}

/// The role badge straddling the box's top-right corner.
fn push_badge(scene: &mut Scene, node: &DiagramNode) {
    let (Some(badge), Some(badge_rect)) = (node.badge, badge_rect(node, BADGE_SIZE)) else {
        return;
    };
    let height = badge_rect.height;
    let fill = if node.visibility == Visibility::Faded {
        style::towards_white(BADGE_FILL, 0.6)
    } else {
        BADGE_FILL
    };
    scene.push_shape(Shape::new(
        Geometry::RoundedRect {
            rect: badge_rect,
            radius: height / 2.0,
        },
        Paint::fill(fill),
    ));
    scene.push_text(
        TextRun::line(
            Point::new(badge_rect.center().x, badge_rect.y + 0.5),
            badge,
            BADGE_SIZE,
        )
        .bold()
        .anchored(Anchor::Middle)
        .colored(BADGE_TEXT),
    );
}

/// Pictures with more shown boxes than this draw lines the buses do not carry straight (a
/// route round every box costs too much there; such pictures are for screens, not papers).
pub const MAX_ROUTED_BOXES: usize = 600;

/// The boxes a line must go round, for orthogonal routing.
struct Obstacles {
    /// Shown top-level boxes (containers, not their rows) with their node index.
    boxes: Vec<(usize, Rect)>,
}

impl Obstacles {
    /// The obstacles of `diagram`, or `None` when its lines are not routed (a view that asks
    /// for straight lines, a membership network, a very large picture).
    fn of(diagram: &Diagram) -> Option<Self> {
        if diagram.settings.lines == super::settings::LineRouting::Straight
            || diagram.kind == crate::model::ViewKind::Membership
        {
            return None;
        }
        let boxes: Vec<(usize, Rect)> = diagram
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.visibility != Visibility::Hidden && n.row_of.is_none())
            .map(|(v, n)| (v, node_rect(n)))
            .collect();
        (boxes.len() <= MAX_ROUTED_BOXES).then_some(Self { boxes })
    }

    /// Every box but the two ends of a line (and the containers they are rows of).
    fn around(&self, from: usize, to: usize) -> Vec<Rect> {
        self.boxes
            .iter()
            .filter(|(v, _)| *v != from && *v != to)
            .map(|(_, r)| *r)
            .collect()
    }

    fn route(&self, diagram: &Diagram, from: usize, to: usize) -> Option<Vec<Point>> {
        let own = |v: usize| diagram.nodes[v].row_of.unwrap_or(v);
        let mut others: Vec<Rect> = self
            .boxes
            .iter()
            .filter(|(v, _)| *v != own(from) && *v != own(to))
            .map(|(_, r)| *r)
            .collect();
        // A line to a row comes in from its container's side: the other rows are in the way.
        for end in [from, to] {
            if let Some(container) = diagram.nodes[end].row_of {
                others.extend(
                    diagram.nodes[container]
                        .rows
                        .iter()
                        .filter(|&&r| r != from && r != to)
                        .map(|&r| node_rect(&diagram.nodes[r])),
                );
            }
        }
        let (a, b) = (
            node_rect(&diagram.nodes[from]),
            node_rect(&diagram.nodes[to]),
        );
        let gap = |n: &DiagramNode| n.border.width / 2.0 + 1.0;
        let mut points = super::routing::route(&a, &b, &others)?;
        // Stand off the outlines as straight lines do, so arrowheads show.
        let n = points.len();
        if n >= 2 {
            points[0] = push_out(points[1], points[0], gap(&diagram.nodes[from]));
            points[n - 1] = push_out(points[n - 2], points[n - 1], gap(&diagram.nodes[to]));
        }
        Some(points)
    }
}

/// Each line's route as drawn (`None` for a line not drawn): the points the scene's polyline
/// runs through, in diagram points, from the child's end to the parent's.
pub fn edge_routes(diagram: &Diagram) -> Vec<Option<Vec<Point>>> {
    let buses = buses::bus_heights(diagram);
    let obstacles = Obstacles::of(diagram);
    diagram
        .edges
        .iter()
        .map(|edge| {
            (edge.visibility != Visibility::Hidden
                && edge.edge.from < diagram.nodes.len()
                && edge.edge.to < diagram.nodes.len())
            .then(|| edge_route(diagram, &buses, obstacles.as_ref(), edge))
        })
        .collect()
}

/// The route of one drawn line: the org-chart bus where it applies and crosses nothing, else
/// an orthogonal route round the boxes, else straight.
fn edge_route(
    diagram: &Diagram,
    buses: &BTreeMap<usize, f32>,
    obstacles: Option<&Obstacles>,
    edge: &super::DiagramEdge,
) -> Vec<Point> {
    let (from, to) = (&diagram.nodes[edge.edge.from], &diagram.nodes[edge.edge.to]);
    let org_chart = buses::is_org_chart_line(diagram, edge);
    let routed = org_chart
        .then(|| structure_route(diagram, buses, edge.edge.from, edge.edge.to))
        .flatten();
    match (routed, obstacles) {
        (Some(points), Some(boxes))
            if super::routing::crosses_any(
                &points,
                &boxes.around(edge.edge.from, edge.edge.to),
            ) =>
        {
            boxes.route(diagram, edge.edge.from, edge.edge.to)
        }
        (Some(points), _) => Some(points),
        (None, Some(boxes)) => boxes.route(diagram, edge.edge.from, edge.edge.to),
        (None, None) => None,
    }
    .unwrap_or_else(|| {
        let (start, end) = line_ends(from, to);
        vec![start, end]
    })
}

/// The scene of `diagram` with `caption`.
pub fn diagram_scene(diagram: &Diagram, caption: Caption) -> Scene {
    let mut scene = Scene::new(caption);
    let mut labels = Vec::new();
    let buses = buses::bus_heights(diagram);
    let obstacles = Obstacles::of(diagram);
    for (edge_index, edge) in diagram.edges.iter().enumerate() {
        if edge.visibility == Visibility::Hidden {
            continue;
        }
        if edge.edge.from >= diagram.nodes.len() || edge.edge.to >= diagram.nodes.len() {
            continue;
        }
        let points = edge_route(diagram, &buses, obstacles.as_ref(), edge);
        let route = points.clone();
        let (mut stroke, arrows) = style::line_style(edge.edge.kind);
        if edge.visibility == Visibility::Faded {
            stroke = style::faded_stroke(stroke);
        }
        scene.push_shape(Shape::new(
            Geometry::Polyline { points, arrows },
            Paint::stroke(stroke),
        ));
        if diagram.settings.style.line_labels && !edge.edge.label.is_empty() {
            labels.push((
                LineLabel {
                    text: edge.edge.label.clone(),
                    route: route.clone(),
                    color: text_color(edge.visibility, Color::MUTED),
                },
                (stroke, arrows, edge_index),
            ));
        }
    }
    let shown = || {
        diagram
            .nodes
            .iter()
            .filter(|n| n.visibility != Visibility::Hidden)
    };
    push_bands(&mut scene, diagram);
    // Containers and boxes first, then the rows listed inside containers, on top.
    for node in shown().filter(|n| n.row_of.is_none()) {
        push_node(&mut scene, node);
    }
    for node in shown().filter(|n| n.row_of.is_some()) {
        push_node(&mut scene, node);
    }
    for node in shown() {
        push_badge(&mut scene, node);
        push_mark(&mut scene, node);
    }
    let boxes: Vec<Rect> = shown().map(node_rect).collect();
    let asked: Vec<LineLabel> = labels.iter().map(|(label, _)| label.clone()).collect();
    let placed = super::labels::place(&asked, &boxes, LINE_LABEL_SIZE);
    for run in placed.runs {
        scene.push_text(run);
    }
    scene.legend = diagram.legend.clone();
    if !placed.key.is_empty() {
        let entries = placed
            .key
            .iter()
            .map(|&(number, index)| {
                let (label, (stroke, arrows, edge_index)) = &labels[index];
                let edge = &diagram.edges[*edge_index].edge;
                let name = |v: usize| diagram.nodes.get(v).map_or("", |n| n.name.as_str());
                LegendEntry {
                    symbol: LegendSymbol::Line {
                        stroke: *stroke,
                        arrows: *arrows,
                    },
                    label: format!(
                        "{number}: {} ({} to {})",
                        label.text,
                        name(edge.from),
                        name(edge.to)
                    ),
                }
            })
            .collect();
        scene.legend.groups.push(LegendGroup {
            title: "Labels on lines (numbered where no room)".to_string(),
            entries,
        });
    }
    scene
}
