//! Box sizes from the wrapped labels, measured on the embedded export font, so boxes fit their
//! names in every export and on screen. Long names wrap; nothing is ever cut off.

use crate::export::scene::council_size_for_text;
use crate::export::text::{self, FontWeight};
use crate::model::{NodeRef, Register};

use super::graph::{NodeKind, ViewGraph};
use super::settings::StyleRules;

/// Font size of node names, in points.
pub const NAME_SIZE: f32 = 10.0;
/// Font size of the detail line under a name, in points.
pub const DETAIL_SIZE: f32 = 8.0;
/// Font size of labels on lines, in points.
pub const LINE_LABEL_SIZE: f32 = 7.5;
/// Font size of role badges, in points.
pub const BADGE_SIZE: f32 = 7.0;
/// Widest a name may run before it wraps, in points.
pub const WRAP_WIDTH: f32 = 118.0;
/// Space between the text and the box's sides.
pub const PADDING_X: f32 = 9.0;
/// Space between the text and the box's top and bottom.
pub const PADDING_Y: f32 = 5.0;
/// Corner radius of partnership boxes.
pub const CORNER_RADIUS: f32 = 6.0;
/// Width of the council hexagon's border.
pub const COUNCIL_STROKE: f32 = 1.5;
/// The most lines a name takes in a box; a longer name is shortened with an ellipsis (the
/// full name stays in the register, the tooltip and the SVG `<title>`).
pub const MAX_NAME_LINES: usize = 4;
/// Widest a long name may run before it is shortened: a box widens up to this (keeping a
/// sensible aspect) before it takes a fifth line.
pub const MAX_WRAP_WIDTH: f32 = 190.0;
/// The smallest box width, so short names still make a box rather than a dot.
pub const MIN_WIDTH: f32 = 64.0;
/// The most a box grows by cost (a factor on its width and height).
pub const MAX_COST_GROWTH: f32 = 1.6;

/// A node's text and box size.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeSize {
    /// The name, wrapped.
    pub lines: Vec<String>,
    /// The detail, wrapped.
    pub detail: Vec<String>,
    /// Box width in points.
    pub width: f32,
    /// Box height in points.
    pub height: f32,
}

/// The height of the name and detail blocks together.
pub fn text_height(lines: &[String], detail: &[String]) -> f32 {
    let gap = if detail.is_empty() { 0.0 } else { 2.0 };
    lines.len() as f32 * text::line_height(NAME_SIZE)
        + gap
        + detail.len() as f32 * text::line_height(DETAIL_SIZE)
}

/// Sizes every node of `graph`.
pub fn size_nodes(register: &Register, graph: &ViewGraph, rules: &StyleRules) -> Vec<NodeSize> {
    let costs: Vec<f64> = graph
        .nodes
        .iter()
        .map(|node| match node.node {
            NodeRef::Partnership(id) if rules.size_by_cost => yearly_cost(register, id),
            _ => 0.0,
        })
        .collect();
    let most = costs.iter().copied().fold(0.0, f64::max);
    graph
        .nodes
        .iter()
        .zip(costs)
        .map(|(node, cost)| {
            let growth = if most > 0.0 {
                1.0 + (MAX_COST_GROWTH - 1.0) * (cost / most).sqrt() as f32
            } else {
                1.0
            };
            size_one(node.kind, &node.name, &node.detail, growth)
        })
        .collect()
}

/// `name` wrapped at `width`, widened step by step up to [`MAX_WRAP_WIDTH`] while it would take
/// more than [`MAX_NAME_LINES`] lines, and then cut to that many lines, the last ending in
/// an ellipsis that fits the width.
pub fn wrap_name(name: &str, size: f32, weight: FontWeight, width: f32) -> Vec<String> {
    let mut wrap = width;
    let mut lines = text::wrap(name, size, weight, wrap);
    while lines.len() > MAX_NAME_LINES && wrap < MAX_WRAP_WIDTH {
        wrap = (wrap + 18.0).min(MAX_WRAP_WIDTH);
        lines = text::wrap(name, size, weight, wrap);
    }
    if lines.len() > MAX_NAME_LINES {
        lines.truncate(MAX_NAME_LINES);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, size, weight, wrap);
        }
    }
    lines
}

/// `line` with an ellipsis, words dropped from its end until it fits `width`.
fn with_ellipsis(line: &str, size: f32, weight: FontWeight, width: f32) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    loop {
        let candidate = format!(
            "{}\u{2026}",
            words.join(" ").trim_end_matches([',', ';', ':'])
        );
        if words.len() <= 1 || text::line_width(&candidate, size, weight) <= width {
            return candidate;
        }
        words.pop();
    }
}

/// The council's cost of a partnership in a year: money in the latest year plus officer time.
pub fn yearly_cost(register: &Register, id: crate::model::PartnershipId) -> f64 {
    let money = register.latest_contribution_year().map_or(0.0, |year| {
        register.contribution_in_year(id, year).pence as f64
    });
    let hours = register.hours_per_month(id).as_f64();
    let rate = register.settings.officer_hourly_rate.pence as f64;
    money + hours * 12.0 * rate
}

fn size_one(kind: NodeKind, name: &str, detail: &str, growth: f32) -> NodeSize {
    size_wrapped(kind, name, detail, growth, WRAP_WIDTH)
}

/// A node's text and box with names wrapped at `wrap` points (organisations at 0.8 of it):
/// narrower, taller boxes for a compact printed picture.
pub fn size_wrapped(kind: NodeKind, name: &str, detail: &str, growth: f32, wrap: f32) -> NodeSize {
    let wrap_width = match kind {
        NodeKind::Organisation => wrap * 0.8,
        _ => wrap,
    };
    let mut lines = wrap_name(name, NAME_SIZE, FontWeight::Bold, wrap_width);
    if lines.is_empty() {
        lines.push("(no name)".to_string());
    }
    let detail = text::wrap(detail, DETAIL_SIZE, FontWeight::Regular, wrap_width);
    let text_width = text::block_size(&lines, NAME_SIZE, FontWeight::Bold)
        .width
        .max(text::block_size(&detail, DETAIL_SIZE, FontWeight::Regular).width);
    let text_height = text_height(&lines, &detail);
    let (width, height) = match kind {
        NodeKind::Partnership => (
            (text_width + 2.0 * PADDING_X).max(MIN_WIDTH),
            text_height + 2.0 * PADDING_Y,
        ),
        NodeKind::Council => council_size_for_text(text_width, text_height, COUNCIL_STROKE),
        // The text block fits inside the ellipse: a box scaled by √2 holds its inscribed box.
        NodeKind::Organisation => (
            (text_width + PADDING_X) * std::f32::consts::SQRT_2,
            (text_height + PADDING_Y) * std::f32::consts::SQRT_2,
        ),
    };
    NodeSize {
        lines,
        detail,
        width: (width * growth).ceil(),
        height: (height * growth).ceil(),
    }
}
