//! SVG encoder: a laid-out [`Page`] as an SVG document sized in millimetres with a viewBox in
//! points. Hand-written and deterministic (numbers rounded to 0.01 pt, fixed attribute order),
//! so golden tests can compare it byte for byte. All text is escaped; characters XML forbids
//! are dropped.
//!
//! The same SVG is what the PNG and PDF encoders render, so the three formats agree.

use std::fmt::Write as _;

use super::page::{Layer, Page, PageSetup, compose};
use super::scene::{
    Anchor, Geometry, Item, Paint, Point, Scene, Shape, Stroke, TextRun, arrow_head_outline,
    council_border_gap, council_inner_outline, council_outline, polyline_with_heads,
};
use super::text::{FontWeight, SVG_FONT_FAMILY};

/// The scene laid out on the page, as an SVG document.
pub fn to_svg(scene: &Scene, setup: &PageSetup) -> String {
    page_to_svg(&compose(scene, setup))
}

/// A laid-out page as an SVG document.
pub fn page_to_svg(page: &Page) -> String {
    let mut out = String::with_capacity(4096);
    let (width_mm, height_mm) = page.setup.size_mm();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{}mm\" height=\"{}mm\" viewBox=\"0 0 {} {}\" font-family=\"{}\">",
        num(width_mm),
        num(height_mm),
        num(page.width),
        num(page.height),
        escape(SVG_FONT_FAMILY),
    );
    if !page.title.trim().is_empty() {
        let _ = writeln!(out, "<title>{}</title>", escape(&page.title));
    }
    // A transparent page (an overlay, such as the PDF's page numbers) has no background.
    if page.background.a > 0 {
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            num(page.width),
            num(page.height),
            page.background.hex(),
        );
    }
    for layer in &page.layers {
        write_layer(&mut out, layer);
    }
    out.push_str("</svg>\n");
    out
}

fn write_layer(out: &mut String, layer: &Layer) {
    let t = layer.transform;
    let _ = writeln!(
        out,
        "<g transform=\"matrix({} 0 0 {} {} {})\">",
        scale_num(t.scale),
        scale_num(t.scale),
        num(t.dx),
        num(t.dy),
    );
    for item in layer.items.iter() {
        match item {
            Item::Shape(shape) => write_shape(out, shape),
            Item::Text(run) => write_text(out, run),
        }
    }
    out.push_str("</g>\n");
}

fn write_shape(out: &mut String, shape: &Shape) {
    if let Some(tooltip) = &shape.tooltip {
        let _ = writeln!(out, "<g><title>{}</title>", escape(tooltip));
    }
    match &shape.geometry {
        Geometry::RoundedRect { rect, radius } => {
            let radius = radius.clamp(0.0, rect.width.min(rect.height) / 2.0);
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                num(rect.x),
                num(rect.y),
                num(rect.width),
                num(rect.height),
            );
            if radius > 0.0 {
                let _ = write!(out, " rx=\"{}\"", num(radius));
            }
            write_paint(out, &shape.paint);
            out.push_str("/>\n");
        }
        Geometry::Ellipse { rect } => {
            let center = rect.center();
            let _ = write!(
                out,
                "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"",
                num(center.x),
                num(center.y),
                num(rect.width / 2.0),
                num(rect.height / 2.0),
            );
            write_paint(out, &shape.paint);
            out.push_str("/>\n");
        }
        Geometry::Circle { center, radius } => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"",
                num(center.x),
                num(center.y),
                num(*radius),
            );
            write_paint(out, &shape.paint);
            out.push_str("/>\n");
        }
        Geometry::Council { rect } => {
            write_polygon(out, &council_outline(rect), &shape.paint);
            if let Some(stroke) = shape.paint.stroke {
                let inner = council_inner_outline(rect, council_border_gap(stroke.width));
                write_polygon(out, &inner, &Paint::stroke(stroke));
            }
        }
        Geometry::Polyline { points, arrows } => {
            if points.len() >= 2 {
                let width = shape.paint.stroke.map_or(1.0, |stroke| stroke.width);
                let (line, heads) = polyline_with_heads(points, *arrows, width);
                out.push_str("<polyline points=\"");
                write_points(out, &line);
                out.push('"');
                write_paint(
                    out,
                    &Paint {
                        fill: None,
                        ..shape.paint
                    },
                );
                out.push_str("/>\n");
                if let Some(stroke) = shape.paint.stroke {
                    for head in heads {
                        let head_paint = Paint::new(
                            stroke.color,
                            Stroke::solid(stroke.color, arrow_head_outline(stroke.width)),
                        );
                        write_polygon(out, &head, &head_paint);
                    }
                }
            }
        }
    }
    if shape.tooltip.is_some() {
        out.push_str("</g>\n");
    }
}

fn write_polygon(out: &mut String, points: &[Point], paint: &Paint) {
    out.push_str("<polygon points=\"");
    write_points(out, points);
    out.push('"');
    write_paint(out, paint);
    out.push_str("/>\n");
}

fn write_points(out: &mut String, points: &[Point]) {
    for (index, point) in points.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", num(point.x), num(point.y));
    }
}

fn write_paint(out: &mut String, paint: &Paint) {
    match paint.fill {
        Some(fill) => {
            let _ = write!(out, " fill=\"{}\"", fill.hex());
            if fill.a < 255 {
                let _ = write!(out, " fill-opacity=\"{}\"", num(fill.opacity()));
            }
        }
        None => out.push_str(" fill=\"none\""),
    }
    if let Some(stroke) = paint.stroke {
        let _ = write!(
            out,
            " stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
            stroke.color.hex(),
            num(stroke.width),
        );
        if stroke.color.a < 255 {
            let _ = write!(out, " stroke-opacity=\"{}\"", num(stroke.color.opacity()));
        }
        if let Some([on, off]) = stroke.dash.pattern(stroke.width) {
            let _ = write!(out, " stroke-dasharray=\"{} {}\"", num(on), num(off));
        }
        if stroke.dash.round_caps() {
            out.push_str(" stroke-linecap=\"round\"");
        }
    }
}

fn write_text(out: &mut String, run: &TextRun) {
    if run.lines.is_empty() {
        return;
    }
    if let Some(background) = run.background {
        let rect = run.bounds();
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"1.5\"",
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height),
        );
        write_paint(out, &Paint::fill(background));
        out.push_str("/>\n");
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
        num(run.origin.x),
        num(run.baseline(0)),
        num(run.size),
    );
    if run.weight == FontWeight::Bold {
        out.push_str(" font-weight=\"bold\"");
    }
    match run.anchor {
        Anchor::Start => {}
        Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
        Anchor::End => out.push_str(" text-anchor=\"end\""),
    }
    let _ = write!(out, " fill=\"{}\"", run.color.hex());
    if run.color.a < 255 {
        let _ = write!(out, " fill-opacity=\"{}\"", num(run.color.opacity()));
    }
    if run.lines.len() == 1 {
        let _ = writeln!(out, ">{}</text>", escape(&run.lines[0]));
        return;
    }
    // Several lines: one tspan each, and the whole label for screen readers and search.
    let _ = write!(out, " aria-label=\"{}\">", escape(&run.lines.join(" ")));
    for (index, line) in run.lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(run.origin.x),
            num(run.baseline(index)),
            escape(line),
        );
    }
    out.push_str("</text>\n");
}

/// A number rounded to 0.01 with no trailing zeros ("12.5", "3", "-0.25").
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let rounded = (f64::from(value) * 100.0).round() / 100.0 + 0.0;
    format!("{rounded}")
}

/// A layer's scale rounded to 1e-6: rounded to 0.01 like other numbers, a small scale
/// (a large picture fitted to a page) would be off by several per cent, and the picture's
/// far side would leave its area (over the legend, or past the margin).
fn scale_num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let rounded = (f64::from(value) * 1e6).round() / 1e6 + 0.0;
    format!("{rounded}")
}

/// Text safe in XML content and attribute values: `& < > " '` escaped, tabs and line breaks
/// as spaces, other characters XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345_678), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(841.8898), "841.89");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn layer_scales_keep_six_decimals() {
        assert_eq!(scale_num(1.0), "1");
        assert_eq!(scale_num(0.116_789_4), "0.116789");
        assert_eq!(scale_num(0.85), "0.85");
    }

    #[test]
    fn escape_covers_markup_and_control_characters() {
        assert_eq!(
            escape("Fish & Chips <Ltd> \"quoted\" 'single'"),
            "Fish &amp; Chips &lt;Ltd&gt; &quot;quoted&quot; &apos;single&apos;"
        );
        assert_eq!(escape("a\u{1}b\tc"), "ab c");
        assert_eq!(escape("Łódź – café"), "Łódź – café");
    }
}
