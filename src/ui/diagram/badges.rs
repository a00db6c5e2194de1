//! Role badges zoomed out. The scene's badges carry their letters ("AB", "Lead", "Sec", "Mem",
//! "Obs", "£") at [`BADGE_SIZE`]; once that is smaller than the level of detail draws text, a
//! badge would be a blank dark pill. Then each badge is drawn again over it, with its letters at
//! [`SMALLEST_BADGE_PX`] and the pill grown round them from the same right edge and middle, so
//! it covers the scene's pill whole: zoomed out, a badge still says which role it is.

use crate::diagram::scene::badge_rect;
use crate::diagram::sizing::BADGE_SIZE;
use crate::diagram::style::{BADGE_FILL, BADGE_TEXT, towards_white};
use crate::diagram::{Diagram, DiagramNode, Visibility};
use crate::export::FontWeight;
use crate::ui::scene_painter::{SceneFonts, SceneTransform, color};

/// Badge letters are never drawn smaller than this on screen (points).
pub const SMALLEST_BADGE_PX: f32 = 6.5;

/// Whether the scene's own badge letters are left off at `view`'s scale when text under
/// `hide_text_below` screen points is not drawn.
pub fn badges_need_redrawing(view: &SceneTransform, hide_text_below: f32) -> bool {
    BADGE_SIZE * view.scale < hide_text_below
}

/// The size of the redrawn badges' letters at `view`'s scale: screen points, and diagram points.
fn readable_size(view: &SceneTransform) -> (f32, f32) {
    let px = SMALLEST_BADGE_PX.max(BADGE_SIZE * view.scale);
    (px, px / view.scale.max(1e-6))
}

/// Where a node's badge is redrawn at `view`'s scale, on screen (`None`: it has none).
pub fn readable_badge_rect(node: &DiagramNode, view: &SceneTransform) -> Option<egui::Rect> {
    badge_rect(node, readable_size(view).1).map(|r| view.rect(&r))
}

/// Draws every shown badge in the painter's clip rectangle with readable letters.
pub fn paint_readable_badges(painter: &egui::Painter, diagram: &Diagram, view: &SceneTransform) {
    let (px, size) = readable_size(view);
    let font = SceneFonts::for_painter(painter).font(px, FontWeight::Bold);
    let seen = painter.clip_rect();
    let mut shapes = Vec::new();
    for node in &diagram.nodes {
        if node.visibility == Visibility::Hidden {
            continue;
        }
        let (Some(letters), Some(rect)) = (node.badge, badge_rect(node, size)) else {
            continue;
        };
        let pill = view.rect(&rect);
        if !seen.intersects(pill) {
            continue;
        }
        let (fill, ink) = if node.visibility == Visibility::Faded {
            (towards_white(BADGE_FILL, 0.6), color(BADGE_TEXT))
        } else {
            (BADGE_FILL, color(BADGE_TEXT))
        };
        shapes.push(egui::Shape::rect_filled(
            pill,
            pill.height() / 2.0,
            color(fill),
        ));
        let galley = painter.layout_no_wrap(letters.to_string(), font.clone(), ink);
        let at = pill.center() - galley.size() / 2.0;
        shapes.push(egui::Shape::galley(at, galley, ink));
    }
    painter.extend(shapes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_are_redrawn_only_where_their_letters_are_left_off() {
        let close = SceneTransform {
            origin: egui::Pos2::ZERO,
            scale: 1.0,
        };
        let far = SceneTransform {
            scale: 0.4,
            ..close
        };
        assert!(!badges_need_redrawing(&close, 6.0));
        assert!(badges_need_redrawing(&far, 6.0));
    }

    #[test]
    fn a_redrawn_badge_covers_the_scenes_pill() {
        let register = crate::sample::sample_register();
        let view = crate::diagram::find_view(&register, "LSP structure").expect("view");
        let diagram = Diagram::build(&register, view, &Default::default());
        let scale = 0.4;
        let grown = SMALLEST_BADGE_PX / scale;
        let mut checked = 0;
        for node in &diagram.nodes {
            let (Some(small), Some(big)) = (badge_rect(node, BADGE_SIZE), badge_rect(node, grown))
            else {
                continue;
            };
            checked += 1;
            assert!(big.x <= small.x && big.right() >= small.right() - 1e-3);
            assert!(big.y <= small.y && big.bottom() >= small.bottom());
        }
        assert!(checked > 0, "the sample has badges");
    }
}
