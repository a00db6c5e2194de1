//! PNG encoder: the page's SVG rendered by resvg at 150, 300 or 600 dpi on white, written as
//! 8-bit RGB with the resolution recorded (pHYs), so a picture pasted into a document keeps its
//! paper size. A4 landscape at 300 dpi is 3508 x 2480 pixels. Text too small to read at that
//! resolution is drawn as faint bars ([`raster_text`]).

use std::io::Write as _;

use resvg::tiny_skia;

use super::page::{Page, PageSetup, compose};
use super::scene::Scene;
use super::{ExportError, PNG_DPI_CHOICES, parse_svg, raster_text, svg};

const MM_PER_INCH: f64 = 25.4;
const POINTS_PER_INCH: f32 = 72.0;

/// The scene laid out on the page, as a PNG at `dpi`.
pub fn to_png(scene: &Scene, setup: &PageSetup, dpi: u32) -> Result<Vec<u8>, ExportError> {
    page_to_png(&compose(scene, setup), dpi)
}

/// The pixel size of `setup` at `dpi`: millimetres to inches, rounded to whole pixels.
pub fn pixel_size(setup: &PageSetup, dpi: u32) -> (u32, u32) {
    let (width_mm, height_mm) = setup.size_mm();
    let pixels = |mm: f32| (f64::from(mm) / MM_PER_INCH * f64::from(dpi)).round() as u32;
    (pixels(width_mm), pixels(height_mm))
}

/// A laid-out page as a PNG at `dpi` (one of [`PNG_DPI_CHOICES`]).
pub fn page_to_png(page: &Page, dpi: u32) -> Result<Vec<u8>, ExportError> {
    if !PNG_DPI_CHOICES.contains(&dpi) {
        return Err(ExportError::Dpi(dpi));
    }
    // Names too small to read at this resolution are drawn as bars, not glyph by glyph.
    let page = &raster_text::with_unreadable_text_as_bars(page, dpi as f32 / POINTS_PER_INCH);
    let tree = parse_svg(&svg::page_to_svg(page))?;
    let (width, height) = pixel_size(&page.setup, dpi);
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(ExportError::TooLarge { width, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_rgb(&pixmap, dpi)
}

/// Writes the (opaque) pixmap as RGB, dropping alpha, row by row.
fn encode_rgb(pixmap: &tiny_skia::Pixmap, dpi: u32) -> Result<Vec<u8>, ExportError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, width, height);
    encoder.set_color(::png::ColorType::Rgb);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    let per_metre = (f64::from(dpi) / MM_PER_INCH * 1000.0).round() as u32;
    encoder.set_pixel_dims(Some(::png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: ::png::Unit::Meter,
    }));
    let mut writer = encoder.write_header()?;
    {
        let mut stream = writer.stream_writer()?;
        let mut row = Vec::with_capacity(width as usize * 3);
        for pixels in pixmap.data().chunks_exact(width as usize * 4) {
            row.clear();
            // The background is opaque white, so premultiplied and straight colour agree.
            for pixel in pixels.chunks_exact(4) {
                row.extend_from_slice(&pixel[..3]);
            }
            stream.write_all(&row).map_err(::png::EncodingError::from)?;
        }
        stream.finish()?;
    }
    writer.finish()?;
    Ok(out)
}
