//! Level of detail on the canvas. While the names would be drawn at a readable size, the
//! scene is painted as exported (text under [`SMALLEST_TEXT_PX`] left off). Zoomed further out,
//! the scene's own text is left off and each box whose name can be read gets it at
//! [`READABLE_NAME_PX`] instead, wrapped to the box and shortened with "…" (the full name is
//! on hover); a box too small for a few letters shows its name on hover only. So a box is
//! never drawn blank when there is room for its name, and unreadable text costs nothing.

use egui::text::{LayoutJob, TextFormat, TextWrapping};

use super::badges::readable_badge_rect;
use crate::diagram::graph::NodeKind;
use crate::diagram::sizing::{COUNCIL_STROKE, NAME_SIZE};
use crate::diagram::{Diagram, Visibility, scene::node_rect};
use crate::export::FontWeight;
use crate::export::scene::council_text_area;
use crate::ui::scene_painter::{Detail, SceneFonts, SceneTransform, color};

/// Names are never drawn smaller than this on screen (points).
pub const READABLE_NAME_PX: f32 = 9.0;
/// The names in a container's rows are never drawn smaller than this on screen (points).
pub const SMALLEST_ROW_NAME_PX: f32 = 6.5;
/// Scene text smaller than this on screen is left off (nobody can read it).
pub const SMALLEST_TEXT_PX: f32 = 6.0;
/// A box narrower than this many name-heights gets its name on hover only.
const FEWEST_LETTERS: f32 = 2.5;

/// What is drawn at one scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Level {
    /// How the scene's items are painted.
    pub scene: Detail,
    /// Whether the names are drawn short, at the readable minimum, instead of the scene's.
    pub short_names: bool,
}

/// The level of detail at `scale` (screen points per diagram point).
pub fn level(scale: f32) -> Level {
    if NAME_SIZE * scale >= READABLE_NAME_PX {
        Level {
            scene: Detail {
                hide_text_below: SMALLEST_TEXT_PX,
            },
            short_names: false,
        }
    } else {
        Level {
            scene: Detail {
                hide_text_below: READABLE_NAME_PX,
            },
            short_names: true,
        }
    }
}

/// The names as drawn short: without the words at their start that many of the names share
/// (the council's place name: "Ashmere Vale Community Safety Partnership" reads "Community
/// Safety Partnership"), which would be all a short box shows. One per node, in order.
pub fn short_names(diagram: &Diagram) -> Vec<String> {
    let named: Vec<Vec<&str>> = diagram
        .nodes
        .iter()
        .map(|n| n.name.split_whitespace().collect())
        .collect();
    let count = named.iter().filter(|words| !words.is_empty()).count();
    // The longest prefix of one or two words that a quarter of the names (three at least)
    // start with and go on after.
    let mut shared: Option<Vec<&str>> = None;
    for length in [2, 1] {
        let mut tally: std::collections::BTreeMap<Vec<&str>, usize> = Default::default();
        for words in named.iter().filter(|w| w.len() > length) {
            *tally.entry(words[..length].to_vec()).or_default() += 1;
        }
        if let Some((prefix, n)) = tally.into_iter().max_by_key(|(_, n)| *n)
            && n >= 3
            && n * 4 >= count
        {
            shared = Some(prefix);
            break;
        }
    }
    named
        .iter()
        .zip(&diagram.nodes)
        .map(|(words, node)| match &shared {
            Some(prefix) if words.len() > prefix.len() && words.starts_with(prefix) => {
                words[prefix.len()..].join(" ")
            }
            _ => node.name.clone(),
        })
        .collect()
}

/// The size a name is drawn at, and the least height (screen points) it is drawn in. A box's
/// name is drawn at the readable minimum where it fits. A row of a container is as high as
/// one line of its name: its name is drawn to fill it, down to [`SMALLEST_ROW_NAME_PX`], and
/// still drawn when the row is a little lower than that (the letters' height is well under
/// the font size), so a list of sub-groups is not a stack of blank boxes.
fn name_px(is_row: bool, height: f32) -> (f32, f32) {
    if is_row {
        (
            height.clamp(SMALLEST_ROW_NAME_PX, READABLE_NAME_PX),
            SMALLEST_ROW_NAME_PX * 0.75,
        )
    } else {
        (READABLE_NAME_PX, READABLE_NAME_PX)
    }
}

/// Draws each shown, named box's short name ([`short_names`]) at the readable minimum, fitted
/// to the box, for the boxes in the painter's clip rectangle.
pub fn paint_short_names(
    painter: &egui::Painter,
    diagram: &Diagram,
    names: &[String],
    view: &SceneTransform,
) {
    let seen = painter.clip_rect();
    let fonts = SceneFonts::for_painter(painter);
    let mut shapes = Vec::new();
    for (node, name) in diagram.nodes.iter().zip(names) {
        if node.visibility == Visibility::Hidden || node.lines.is_empty() {
            continue;
        }
        let rect = node_rect(node);
        let on_screen = view.rect(&rect);
        if !seen.intersects(on_screen) {
            continue;
        }
        let area = match node.kind {
            NodeKind::Council => view.rect(&council_text_area(&rect, COUNCIL_STROKE)),
            // A container's name goes in its header, above its rows.
            _ if !node.rows.is_empty() => {
                let header = crate::diagram::containers::header_height(node.lines.len());
                view.rect(&crate::export::Rect::new(
                    rect.x, rect.y, rect.width, header,
                ))
                .shrink2(egui::vec2(3.0, 1.0))
            }
            _ => on_screen.shrink2(egui::vec2(3.0, 0.0)),
        };
        // A row of a container keeps room at its right for its badge, as drawn at this size.
        let area = match node.row_of.and(readable_badge_rect(node, view)) {
            Some(badge) => {
                let room = crate::diagram::containers::ROW_BADGE_ROOM * view.scale;
                let right = (area.max.x - room).min(badge.min.x - 1.0);
                egui::Rect::from_min_max(area.min, egui::pos2(right, area.max.y))
            }
            None => area,
        };
        let (px, least_height) = name_px(node.row_of.is_some(), area.height());
        if area.width() < FEWEST_LETTERS * px || area.height() < least_height {
            continue;
        }
        let row = px * 1.15;
        let ink = color(crate::diagram::style::INK);
        let ink = if node.visibility == Visibility::Faded {
            ink.gamma_multiply(0.45)
        } else {
            ink
        };
        let mut job = LayoutJob::single_section(
            name.clone(),
            TextFormat {
                font_id: fonts.font(px, FontWeight::Bold),
                color: ink,
                ..Default::default()
            },
        );
        job.wrap = TextWrapping {
            max_width: area.width(),
            max_rows: ((area.height() / row).floor() as usize).clamp(1, 4),
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        job.halign = egui::Align::Center;
        let galley = painter.layout_job(job);
        let top = area.center().y - galley.size().y / 2.0;
        shapes.push(egui::Shape::galley(
            egui::pos2(area.center().x, top),
            galley,
            ink,
        ));
    }
    painter.extend(shapes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_leave_off_the_place_name_most_names_start_with() {
        let register = crate::sample::sample_register();
        let view = crate::diagram::find_view(&register, "LSP structure").expect("view");
        let diagram = Diagram::build(&register, view, &Default::default());
        let short = short_names(&diagram);
        assert_eq!(short.len(), diagram.nodes.len());
        let safety = diagram
            .nodes
            .iter()
            .position(|n| n.name == "Ashmere Vale Community Safety Partnership")
            .expect("in the sample");
        assert_eq!(short[safety], "Community Safety Partnership");
        // Names that do not start with it are kept whole.
        for (node, name) in diagram.nodes.iter().zip(&short) {
            if !node.name.starts_with("Ashmere Vale ") {
                assert_eq!(name, &node.name);
            }
        }
    }

    #[test]
    fn a_row_too_low_for_the_readable_minimum_still_gets_its_name() {
        let (px, least) = name_px(true, 6.0);
        assert_eq!(px, SMALLEST_ROW_NAME_PX);
        assert!(least <= 6.0, "a 6-point row is drawn with its name");
        assert_eq!(name_px(true, 20.0).0, READABLE_NAME_PX);
        let (_, box_least) = name_px(false, 6.0);
        assert!(box_least > 6.0, "a 6-point box gets its name on hover only");
    }

    #[test]
    fn names_switch_to_the_readable_minimum_below_it() {
        let close = level(1.0);
        assert!(!close.short_names);
        assert_eq!(close.scene.hide_text_below, SMALLEST_TEXT_PX);
        let far = level(0.4);
        assert!(far.short_names, "4-point names are drawn short instead");
        assert!(
            far.scene.hide_text_below > NAME_SIZE * 0.4,
            "and the scene's own tiny names are left off"
        );
    }
}
