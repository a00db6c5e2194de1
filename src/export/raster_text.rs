//! Text too small to read in a raster, drawn as a faint bar where it would be ("greeking",
//! as layout programs do): at 300 dpi a name printed under about 1.4 pt is a few pixels of
//! anti-aliased grey that nobody can read, yet turning each glyph into a path and painting it
//! is most of a big picture's time and memory (the membership network of a 10,000-partnership
//! register: 28,000 names). Only the PNG encoder does this; SVG and PDF keep every character,
//! because a reader can zoom into them.

use std::borrow::Cow;

use super::page::Page;
use super::scene::{Anchor, Geometry, Item, Paint, Rect, Shape, TextRun};
use super::text;

/// The least height of a font's em square, in pixels, drawn as text. Smaller text is a bar.
pub const LEAST_READABLE_EM_PX: f32 = 6.0;

/// How much of the text's colour a bar keeps: a light grey line, like text seen from afar.
const BAR_OPACITY: f32 = 0.45;

/// `page` with every text run whose em would be under [`LEAST_READABLE_EM_PX`] pixels at
/// `pixels_per_point` replaced by one bar per line, over the middle of where its letters
/// would be (a background box behind a label is kept). Layers with no such text are
/// borrowed, not copied.
pub fn with_unreadable_text_as_bars<'a>(page: &Page<'a>, pixels_per_point: f32) -> Page<'a> {
    let mut out = page.clone();
    for layer in &mut out.layers {
        let least_size = LEAST_READABLE_EM_PX / (pixels_per_point * layer.transform.scale);
        let unreadable = |item: &Item| matches!(item, Item::Text(run) if run.size < least_size);
        if !layer.items.iter().any(unreadable) {
            continue;
        }
        let mut items = Vec::with_capacity(layer.items.len());
        for item in layer.items.iter() {
            match item {
                Item::Text(run) if run.size < least_size => push_bars(&mut items, run),
                other => items.push(other.clone()),
            }
        }
        layer.items = Cow::Owned(items);
    }
    out
}

/// The bars standing for `run`'s lines, after its background box if it has one.
fn push_bars(items: &mut Vec<Item>, run: &TextRun) {
    if let Some(background) = run.background {
        items.push(Item::Shape(Shape {
            geometry: Geometry::RoundedRect {
                rect: run.bounds(),
                radius: 1.5,
            },
            paint: Paint::fill(background),
            tooltip: None,
        }));
    }
    let mut colour = run.color;
    colour.a = (f32::from(colour.a) * BAR_OPACITY).round() as u8;
    for (index, line) in run.lines.iter().enumerate() {
        let width = text::line_width(line, run.size, run.weight);
        if width <= 0.0 {
            continue;
        }
        let left = match run.anchor {
            Anchor::Start => run.origin.x,
            Anchor::Middle => run.origin.x - width / 2.0,
            Anchor::End => run.origin.x - width,
        };
        // Over the lower-case letters: from half an em above the baseline, 0.4 em tall.
        let baseline = run.baseline(index);
        items.push(Item::Shape(Shape {
            geometry: Geometry::RoundedRect {
                rect: Rect::new(left, baseline - 0.5 * run.size, width, 0.4 * run.size),
                radius: 0.0,
            },
            paint: Paint::fill(colour),
            tooltip: None,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::page::{PageSetup, compose};
    use crate::export::scene::{Caption, Point, Scene};

    fn scene_with_name(size: f32) -> Scene {
        let mut scene = Scene::new(Caption {
            title: "Structure".to_owned(),
            data_as_at: chrono::NaiveDate::default(),
            source: String::new(),
        });
        scene.items.push(Item::Text(TextRun::new(
            Point::new(100.0, 100.0),
            vec!["Community Safety Partnership".to_owned()],
            size,
        )));
        scene
    }

    fn texts(page: &Page) -> Vec<f32> {
        page.layers
            .iter()
            .flat_map(|layer| layer.items.iter())
            .filter_map(|item| match item {
                Item::Text(run) => Some(run.size),
                Item::Shape(_) => None,
            })
            .collect()
    }

    #[test]
    fn text_big_enough_to_read_is_left_as_text() {
        let scene = scene_with_name(9.0);
        let page = compose(&scene, &PageSetup::default());
        let raster = with_unreadable_text_as_bars(&page, 300.0 / 72.0);
        assert_eq!(raster, page);
    }

    #[test]
    fn text_under_six_pixels_becomes_one_bar_per_line_where_it_was() {
        let scene = scene_with_name(9.0);
        let page = compose(&scene, &PageSetup::default());
        let scale = page.picture_scale.unwrap_or(1.0);
        // At 20 dpi a 9 pt name (times the picture's scale) has an em of under 6 pixels.
        let pixels_per_point = 20.0 / 72.0;
        assert!(9.0 * scale * pixels_per_point < LEAST_READABLE_EM_PX);
        let raster = with_unreadable_text_as_bars(&page, pixels_per_point);
        let picture = &raster.layers[0];
        let bars: Vec<&Shape> = picture
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Shape(shape) => Some(shape),
                Item::Text(_) => None,
            })
            .collect();
        assert_eq!(bars.len(), 1, "one line, one bar");
        let Item::Text(name) = &page.layers[0].items[0] else {
            panic!("the picture's first item is the name");
        };
        let Geometry::RoundedRect { rect, .. } = bars[0].geometry else {
            panic!("a bar is a rectangle");
        };
        let text_box = name.text_box();
        assert!((rect.width - text_box.width).abs() < 0.01);
        assert!(rect.x >= text_box.x - 0.01 && rect.bottom() <= text_box.bottom() + 0.01);
        // The caption's title is bigger and stays text in its own layer.
        assert!(texts(&raster).len() < texts(&page).len());
    }
}
