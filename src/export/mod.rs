//! Export for cabinet papers: one [`Scene`] per picture, laid out on a page
//! ([`page::compose`]) and encoded as SVG, PNG (150, 300 or 600 dpi) or PDF (vector, font
//! embedded as a subset).
//!
//! The SVG encoder writes the page; the PNG (resvg) and PDF (svg2pdf) encoders render that same
//! SVG through usvg with the embedded font loaded into its font database. usvg with no fonts
//! drops text without a word, so the font database is never left empty. No egui here: the
//! screen draws the same [`Scene`] with its own painter.
//!
//! Pictures built here: the risk/value [`matrix`]. Tables: the annual-review overview as CSV
//! ([`overview_csv`]) and as an Excel workbook ([`overview_xlsx`]).

pub mod analysis_tables;
pub mod audit_table;
pub mod changes_table;
pub mod legend;
pub mod matrix;
pub mod overview_csv;
pub mod overview_xlsx;
pub mod page;
pub mod pdf;
pub mod png;
pub mod raster_text;
pub mod round_papers;
pub mod scene;
pub mod svg;
pub mod table;
pub mod text;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use svg2pdf::usvg;

pub use page::{
    LegendPlace, MIN_READABLE_TEXT_PT, Orientation, Page, PageSetup, PaperSize, compose,
    compose_with,
};
pub use scene::{
    Anchor, ArrowHeads, Caption, Color, Dash, Geometry, Item, Legend, LegendEntry, LegendGroup,
    LegendSymbol, Paint, Point, Rect, Scene, Shape, Stroke, SwatchShape, TextRun,
};
pub use text::FontWeight;

/// Resolutions offered for PNG export.
pub const PNG_DPI_CHOICES: [u32; 3] = [150, 300, 600];

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The resolution is not one of [`PNG_DPI_CHOICES`].
    #[error("{0} dpi is not offered for pictures: choose 150, 300 or 600")]
    Dpi(u32),
    /// The SVG written for the page could not be read back (a bug, not a user error).
    #[error("the picture could not be prepared for rendering: {0}")]
    Svg(#[from] usvg::Error),
    /// The image is too large to hold in memory.
    #[error("a picture of {width} x {height} pixels is too large to make: choose a lower dpi")]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// Encoding the PNG failed.
    #[error("the PNG could not be written: {0}")]
    Png(#[from] ::png::EncodingError),
    /// svg2pdf failed.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    /// The picture would be empty: the reason and what to do, in plain words.
    #[error("{0}")]
    NothingToDraw(String),
}

/// A table export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableFormat {
    /// Comma-separated values (RFC 4180, CRLF).
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl TableFormat {
    /// The format a file name asks for (`.csv` or `.xlsx`, any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Scalable vector graphics.
    Svg,
    /// A picture at the given resolution.
    Png {
        /// Dots per inch: 150, 300 or 600.
        dpi: u32,
    },
    /// A one-page PDF, vector, font embedded.
    Pdf,
}

impl Format {
    /// The format a file name asks for (`.svg`, `.png`, `.pdf`, any case); PNGs at `dpi`.
    pub fn from_path(path: &Path, dpi: u32) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png { dpi }),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }
}

/// The scene on the page, encoded.
pub fn export(scene: &Scene, setup: &PageSetup, format: Format) -> Result<Vec<u8>, ExportError> {
    let page = compose(scene, setup);
    match format {
        Format::Svg => Ok(svg::page_to_svg(&page).into_bytes()),
        Format::Png { dpi } => png::page_to_png(&page, dpi),
        Format::Pdf => pdf::page_to_pdf(&page),
    }
}

/// The font database with the embedded fonts, built once.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            database.load_font_source(usvg::fontdb::Source::Binary(Arc::new(text::REGULAR_FONT)));
            database.load_font_source(usvg::fontdb::Source::Binary(Arc::new(text::BOLD_FONT)));
            database.set_sans_serif_family(text::FONT_FAMILY);
            Arc::new(database)
        })
        .clone()
}

/// Reads SVG written by [`svg`] into a usvg tree, text shaped with the embedded font.
fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: text::FONT_FAMILY.to_string(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    Ok(usvg::Tree::from_str(svg, &options)?)
}

#[cfg(test)]
mod tests;
