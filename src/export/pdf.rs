//! PDF encoder: the page's SVG converted by svg2pdf into a one-page vector PDF, text kept as
//! text in the embedded font (subset). The page is the paper size exactly (A4 is 595.28 x
//! 841.89 pt): usvg reads the SVG's millimetres at 96 dpi, so svg2pdf is told 96 dpi too.

use super::page::{Page, PageSetup, compose};
use super::scene::Scene;
use super::{ExportError, parse_svg, svg};

/// The resolution usvg converts millimetres at.
const USVG_DPI: f32 = 96.0;

/// The scene laid out on the page, as a PDF.
pub fn to_pdf(scene: &Scene, setup: &PageSetup) -> Result<Vec<u8>, ExportError> {
    page_to_pdf(&compose(scene, setup))
}

/// A laid-out page as a PDF.
pub fn page_to_pdf(page: &Page) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(&svg::page_to_svg(page))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: USVG_DPI },
    )
    .map_err(|error| ExportError::Pdf(error.to_string()))
}
