//! The embedded font and text measurement: line widths, line heights and word wrap, so callers
//! can size boxes to their wrapped labels before anything is drawn.
//!
//! The font (Liberation Sans, SIL Open Font Licence, `assets/fonts/`) is compiled in, used here
//! and by every encoder, so an export looks the same on every machine. Liberation Sans has
//! Arial's metrics, so an SVG opened where the font is missing falls back to Arial and still
//! fits. Widths are the sum of the glyphs' advance widths: kerning and ligatures only narrow
//! Latin text, so a measured line is never narrower than the drawn one.

use std::sync::OnceLock;

/// The family name of the embedded font, as written in SVG `font-family`.
pub const FONT_FAMILY: &str = "Liberation Sans";

/// What SVG files ask for: the embedded font first, then metric-compatible fallbacks.
pub const SVG_FONT_FAMILY: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

/// Liberation Sans Regular.
pub static REGULAR_FONT: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");

/// Liberation Sans Bold.
pub static BOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// Line spacing as a multiple of the font size.
pub const LINE_SPACING: f32 = 1.2;

/// Regular or bold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FontWeight {
    /// Regular (400).
    #[default]
    Regular,
    /// Bold (700).
    Bold,
}

/// The width and height of a block of text, in points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TextSize {
    /// The widest line.
    pub width: f32,
    /// All lines at [`line_height`].
    pub height: f32,
}

/// Advance widths of one face, in font units, and its vertical metrics.
struct Metrics {
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    /// Advances of U+0000..U+00FF, the common case, looked up without the cmap.
    latin: [u16; 256],
    face: Option<ttf_parser::Face<'static>>,
    /// Advance of a character the font lacks (its .notdef box).
    missing: u16,
}

impl Metrics {
    fn load(data: &'static [u8]) -> Self {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            // Cannot happen with the fonts compiled in (a test parses them); measure as a
            // typical sans-serif font would rather than fail.
            return Self {
                units_per_em: 1000.0,
                ascender: 905.0,
                descender: -212.0,
                latin: [560; 256],
                face: None,
                missing: 560,
            };
        };
        let missing = face
            .glyph_hor_advance(ttf_parser::GlyphId(0))
            .unwrap_or(face.units_per_em());
        let mut latin = [missing; 256];
        for (code, advance) in latin.iter_mut().enumerate() {
            if let Some(found) = u8::try_from(code)
                .ok()
                .and_then(|byte| face.glyph_index(char::from(byte)))
                .and_then(|glyph| face.glyph_hor_advance(glyph))
            {
                *advance = found;
            }
        }
        Self {
            units_per_em: f32::from(face.units_per_em()),
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            latin,
            missing,
            face: Some(face),
        }
    }

    fn advance(&self, c: char) -> u16 {
        if let Some(advance) = u8::try_from(u32::from(c))
            .ok()
            .map(|code| self.latin[usize::from(code)])
        {
            return advance;
        }
        self.face
            .as_ref()
            .and_then(|face| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)))
            .unwrap_or(self.missing)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c))).sum();
        units as f32 * size / self.units_per_em
    }
}

fn metrics(weight: FontWeight) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    match weight {
        FontWeight::Regular => REGULAR.get_or_init(|| Metrics::load(REGULAR_FONT)),
        FontWeight::Bold => BOLD.get_or_init(|| Metrics::load(BOLD_FONT)),
    }
}

/// The width of one line of text in points, at `size` points.
pub fn line_width(text: &str, size: f32, weight: FontWeight) -> f32 {
    metrics(weight).width(text, size)
}

/// The distance from one baseline to the next, in points.
pub fn line_height(size: f32) -> f32 {
    size * LINE_SPACING
}

/// The distance from the top of a line box to its baseline: the font's ascender plus half the
/// leading, so the glyphs sit in the middle of the line box.
pub fn first_baseline(size: f32) -> f32 {
    let metrics = metrics(FontWeight::Regular);
    let ascent = metrics.ascender / metrics.units_per_em * size;
    let descent = -metrics.descender / metrics.units_per_em * size;
    let leading = (line_height(size) - ascent - descent).max(0.0);
    ascent + leading / 2.0
}

/// The size of a block of lines: the widest line by the number of lines at [`line_height`].
pub fn block_size(lines: &[String], size: f32, weight: FontWeight) -> TextSize {
    let metrics = metrics(weight);
    let width = lines
        .iter()
        .map(|line| metrics.width(line, size))
        .fold(0.0, f32::max);
    TextSize {
        width,
        height: lines.len() as f32 * line_height(size),
    }
}

/// Breaks `text` into lines no wider than `max_width` points: at spaces where it can, inside a
/// word only when the word alone is too wide (and never fewer than one character a line).
/// Line breaks in `text` are kept; runs of spaces become one. Empty text gives no lines.
pub fn wrap(text: &str, size: f32, weight: FontWeight, max_width: f32) -> Vec<String> {
    let metrics = metrics(weight);
    let space = metrics.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = metrics.width(word, size);
            if !line.is_empty() && line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max_width {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = break_word(word, size, metrics, max_width);
                line = pieces.pop().unwrap_or_default();
                line_width = metrics.width(&line, size);
                lines.extend(pieces);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Splits a word too wide for a line into pieces that fit (one character at least each).
fn break_word(word: &str, size: f32, metrics: &Metrics, max_width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut width = 0.0;
    for c in word.chars() {
        let advance = f32::from(metrics.advance(c)) * size / metrics.units_per_em;
        if !piece.is_empty() && width + advance > max_width {
            pieces.push(std::mem::take(&mut piece));
            width = 0.0;
        }
        piece.push(c);
        width += advance;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_parse_and_are_liberation_sans() {
        for data in [REGULAR_FONT, BOLD_FONT] {
            let face = ttf_parser::Face::parse(data, 0).expect("font parses");
            let family = face
                .names()
                .into_iter()
                .filter(|name| name.name_id == ttf_parser::name_id::FAMILY)
                .find_map(|name| name.to_string())
                .expect("family name");
            assert_eq!(family, FONT_FAMILY);
        }
        assert!(metrics(FontWeight::Regular).face.is_some());
        assert!(metrics(FontWeight::Bold).face.is_some());
    }

    #[test]
    fn widths_follow_the_font() {
        // Arial metrics: "M" is 0.833 em, space 0.278 em; bold is wider.
        assert!((line_width("M", 10.0, FontWeight::Regular) - 8.33).abs() < 0.01);
        assert!((line_width(" ", 10.0, FontWeight::Regular) - 2.78).abs() < 0.01);
        assert!(
            line_width("Community Safety", 10.0, FontWeight::Bold)
                > line_width("Community Safety", 10.0, FontWeight::Regular)
        );
        assert_eq!(line_width("", 10.0, FontWeight::Regular), 0.0);
        assert!(line_width("Łódź – Ærø €", 10.0, FontWeight::Regular) > 40.0);
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_every_word() {
        let text = "Health and Wellbeing Board for the County of Westshire";
        let lines = wrap(text, 10.0, FontWeight::Regular, 100.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(
                line_width(line, 10.0, FontWeight::Regular) <= 100.0,
                "{line}"
            );
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrap_breaks_a_word_too_long_for_the_line() {
        let lines = wrap("Supercalifragilistic", 12.0, FontWeight::Bold, 30.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), "Supercalifragilistic");
        for line in &lines {
            assert!(line_width(line, 12.0, FontWeight::Bold) <= 30.0 || line.chars().count() == 1);
        }
        // Narrower than one character: one character a line, nothing lost or looping.
        assert_eq!(wrap("abc", 12.0, FontWeight::Regular, 0.0).len(), 3);
    }

    #[test]
    fn wrap_keeps_line_breaks_and_drops_empty_text() {
        assert_eq!(
            wrap("One\nTwo  three", 10.0, FontWeight::Regular, 500.0),
            ["One", "Two three"]
        );
        assert!(wrap("   ", 10.0, FontWeight::Regular, 500.0).is_empty());
    }

    #[test]
    fn block_size_counts_lines() {
        let lines = vec!["A".to_string(), "Wider line".to_string()];
        let size = block_size(&lines, 10.0, FontWeight::Regular);
        assert!((size.height - 24.0).abs() < 1e-4);
        assert!((size.width - line_width("Wider line", 10.0, FontWeight::Regular)).abs() < 1e-4);
        let baseline = first_baseline(10.0);
        assert!(baseline > 8.0 && baseline < 10.0, "{baseline}");
    }
}
