//! Page layout: a [`Scene`] on A4 or A3, portrait or landscape, inside the margins, with the
//! caption block (title and "Data as at" at the top, source line at the bottom) and the legend.
//!
//! The picture is scaled down to fit, never clipped and never enlarged (a scene is drawn at its
//! print size), and centred in the space the caption and legend leave. When the caption and
//! legend alone would take more than [`MAX_CHROME_SHARE`] of the page, everything is scaled down
//! together. The bounds therefore always include every label, the caption and the legend.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::legend;
use super::scene::{Anchor, Color, Item, Point, Rect, Scene, TextRun, items_bounds};
use super::text::{self, FontWeight};

/// Points per millimetre.
pub const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// The largest share of the printable height the caption and legend may take before the
/// whole page is scaled down to leave the picture the rest.
pub const MAX_CHROME_SHARE: f32 = 0.6;

const TITLE_SIZE: f32 = 14.0;
const DATE_SIZE: f32 = 10.0;
const SOURCE_SIZE: f32 = 8.5;
const GAP: f32 = 10.0;

/// The scale of a compact legend ([`super::Legend::compact`]): its 9 pt text prints at 7.65 pt.
pub const COMPACT_LEGEND_SCALE: f32 = 0.85;
/// The most of the printable height a compact legend below the picture takes.
pub const COMPACT_LEGEND_SHARE: f32 = 0.12;
/// A compact legend's text never prints smaller than this, in points.
pub const MIN_LEGEND_TEXT_PT: f32 = 6.0;

/// Text printed smaller than this, in points, is hard to read on paper.
pub const MIN_READABLE_TEXT_PT: f32 = 6.0;

/// A paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PaperSize {
    /// 210 x 297 mm.
    #[default]
    A4,
    /// 297 x 420 mm.
    A3,
}

/// Which way up the paper is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall (the usual choice for a diagram).
    #[default]
    Landscape,
}

/// Paper, orientation and margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSetup {
    /// A4 or A3.
    pub paper: PaperSize,
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// The margin on every side, in millimetres.
    pub margin_mm: f32,
}

impl Default for PageSetup {
    /// A4 landscape with 15 mm margins.
    fn default() -> Self {
        Self::new(PaperSize::A4, Orientation::Landscape)
    }
}

impl PageSetup {
    /// The default margin, in millimetres.
    pub const DEFAULT_MARGIN_MM: f32 = 15.0;

    /// The paper in the given orientation with the default margin.
    pub const fn new(paper: PaperSize, orientation: Orientation) -> Self {
        Self {
            paper,
            orientation,
            margin_mm: Self::DEFAULT_MARGIN_MM,
        }
    }

    /// The page in words, for messages and the window: "A4 landscape" (its `Display` is the
    /// command line's `a4-landscape`).
    pub fn words(&self) -> String {
        let paper = match self.paper {
            PaperSize::A4 => "A4",
            PaperSize::A3 => "A3",
        };
        let orientation = match self.orientation {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        };
        format!("{paper} {orientation}")
    }

    /// The page's width and height in millimetres.
    pub fn size_mm(&self) -> (f32, f32) {
        let (short, long) = match self.paper {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A3 => (297.0, 420.0),
        };
        match self.orientation {
            Orientation::Portrait => (short, long),
            Orientation::Landscape => (long, short),
        }
    }

    /// The page's width and height in points.
    pub fn size_pt(&self) -> (f32, f32) {
        let (width, height) = self.size_mm();
        (width * POINTS_PER_MM, height * POINTS_PER_MM)
    }

    /// The area inside the margins, in points (the margin is capped so some area remains).
    pub fn printable(&self) -> Rect {
        let (width, height) = self.size_pt();
        let margin = (self.margin_mm.max(0.0) * POINTS_PER_MM).min(width.min(height) / 4.0);
        Rect::new(margin, margin, width - 2.0 * margin, height - 2.0 * margin)
    }
}

impl fmt::Display for PageSetup {
    /// `a4-landscape`, as the command line takes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paper = match self.paper {
            PaperSize::A4 => "a4",
            PaperSize::A3 => "a3",
        };
        let orientation = match self.orientation {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        };
        write!(f, "{paper}-{orientation}")
    }
}

/// A page name the program does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown page \"{0}\": use a4-landscape, a4-portrait, a3-landscape or a3-portrait")]
pub struct UnknownPage(pub String);

impl FromStr for PageSetup {
    type Err = UnknownPage;

    /// Reads `a4-landscape`, `a3-portrait` and so on (any case; `a4` alone is landscape).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let lower = name.trim().to_ascii_lowercase();
        let (paper, orientation) = lower.split_once('-').unwrap_or((lower.as_str(), ""));
        let paper = match paper {
            "a4" => PaperSize::A4,
            "a3" => PaperSize::A3,
            _ => return Err(UnknownPage(name.to_string())),
        };
        let orientation = match orientation {
            "" | "landscape" => Orientation::Landscape,
            "portrait" => Orientation::Portrait,
            _ => return Err(UnknownPage(name.to_string())),
        };
        Ok(Self::new(paper, orientation))
    }
}

/// A uniform scale then a shift: `page = scale * point + (dx, dy)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// Scale factor.
    pub scale: f32,
    /// Shift right.
    pub dx: f32,
    /// Shift down.
    pub dy: f32,
}

impl Transform {
    /// No change.
    pub const IDENTITY: Self = Self {
        scale: 1.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// Where a point lands.
    pub fn apply(&self, point: Point) -> Point {
        Point::new(
            self.scale * point.x + self.dx,
            self.scale * point.y + self.dy,
        )
    }

    /// Where a rectangle lands.
    pub fn apply_rect(&self, rect: &Rect) -> Rect {
        let corner = self.apply(Point::new(rect.x, rect.y));
        Rect::new(
            corner.x,
            corner.y,
            rect.width * self.scale,
            rect.height * self.scale,
        )
    }

    /// `self` after `inner`: first `inner`, then `self`.
    pub fn then_inside(&self, inner: &Self) -> Self {
        Self {
            scale: self.scale * inner.scale,
            dx: self.scale * inner.dx + self.dx,
            dy: self.scale * inner.dy + self.dy,
        }
    }
}

/// Items drawn through one transform.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer<'a> {
    /// From the items' coordinates to the page's, in points.
    pub transform: Transform,
    /// The items, in drawing order.
    pub items: Cow<'a, [Item]>,
}

/// A laid-out page: what every encoder draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<'a> {
    /// The paper.
    pub setup: PageSetup,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The background (white).
    pub background: Color,
    /// The picture's title (the document title of SVG and PDF).
    pub title: String,
    /// Layers in drawing order: the picture, then the caption block and legend.
    pub layers: Vec<Layer<'a>>,
    /// Page points per scene point of the picture (`None` when nothing is drawn): a label
    /// of size `s` prints at `s * picture_scale` points.
    pub picture_scale: Option<f32>,
    /// Where the legend went.
    pub legend_place: LegendPlace,
}

impl Page<'_> {
    /// Everything drawn, in page points (`None` for an empty page).
    pub fn content_bounds(&self) -> Option<Rect> {
        self.layers
            .iter()
            .filter_map(|layer| {
                items_bounds(&layer.items).map(|bounds| layer.transform.apply_rect(&bounds))
            })
            .reduce(|all, one| all.union(&one))
    }

    /// The smallest text on paper, in points after scaling (`None` without text): a picture
    /// scaled far down prints labels too small to read, and the caller can say so.
    pub fn smallest_text_pt(&self) -> Option<f32> {
        self.layers
            .iter()
            .flat_map(|layer| {
                layer.items.iter().filter_map(move |item| match item {
                    Item::Text(run) if !run.lines.is_empty() => {
                        Some(run.size * layer.transform.scale)
                    }
                    _ => None,
                })
            })
            .reduce(f32::min)
    }
}

impl Page<'_> {
    /// A warning in plain words when the picture had to be shrunk so far that its smallest
    /// labels print under [`MIN_READABLE_TEXT_PT`]; `None` when everything is readable.
    pub fn readability_warning(&self) -> Option<String> {
        let smallest = self.smallest_text_pt()?;
        (smallest < MIN_READABLE_TEXT_PT).then(|| {
            format!(
                "The picture was shrunk to fit the page: its smallest labels print at {smallest:.1} pt. \
                 Choose a larger page (A3), landscape, or show fewer partnerships."
            )
        })
    }
}

/// The caption block and legend laid out for a width, from y = 0.
struct Chrome {
    /// Title and date, at the top.
    header: Vec<Item>,
    header_height: f32,
    /// The legend box, from y = 0, drawn at `legend_scale`.
    legend: Vec<Item>,
    legend_height: f32,
    legend_scale: f32,
    /// The source line, from y = 0.
    footer: Vec<Item>,
    footer_height: f32,
}

impl Chrome {
    fn layout(scene: &Scene, width: f32, legend_width: f32, legend_cap: f32) -> Self {
        let mut header = Vec::new();
        let mut y = 0.0;
        let title = text::wrap(&scene.caption.title, TITLE_SIZE, FontWeight::Bold, width);
        if !title.is_empty() {
            let height = text::block_size(&title, TITLE_SIZE, FontWeight::Bold).height;
            header.push(Item::Text(
                TextRun::new(Point::new(0.0, y), title, TITLE_SIZE)
                    .bold()
                    .anchored(Anchor::Start)
                    .colored(Color::BLACK),
            ));
            y += height;
        }
        let date = text::wrap(
            &scene.caption.data_as_at_line(),
            DATE_SIZE,
            FontWeight::Regular,
            width,
        );
        let date_height = text::block_size(&date, DATE_SIZE, FontWeight::Regular).height;
        header.push(Item::Text(
            TextRun::new(Point::new(0.0, y), date, DATE_SIZE)
                .anchored(Anchor::Start)
                .colored(Color::MUTED),
        ));
        y += date_height;
        let header_height = y;

        let legend_scale = if scene.legend.compact {
            COMPACT_LEGEND_SCALE
        } else {
            1.0
        }
        .min(legend_cap);
        let (legend, legend_height) = legend::layout(&scene.legend, legend_width / legend_scale);
        let legend_height = legend_height * legend_scale;

        let source = text::wrap(
            &scene.caption.source,
            SOURCE_SIZE,
            FontWeight::Regular,
            width,
        );
        let footer_height = text::block_size(&source, SOURCE_SIZE, FontWeight::Regular).height;
        let footer = if source.is_empty() {
            Vec::new()
        } else {
            vec![Item::Text(
                TextRun::new(Point::new(0.0, 0.0), source, SOURCE_SIZE)
                    .anchored(Anchor::Start)
                    .colored(Color::MUTED),
            )]
        };
        Self {
            header,
            header_height,
            legend,
            legend_height,
            legend_scale,
            footer,
            footer_height,
        }
    }

    /// Height of everything but the picture, gaps included (a legend beside the picture
    /// needs the picture's height, no more).
    fn height(&self, place: LegendPlace) -> f32 {
        let mut height = self.header_height + GAP;
        match place {
            LegendPlace::Below if self.legend_height > 0.0 => {
                height += self.legend_height + GAP;
            }
            LegendPlace::Below | LegendPlace::Corner => {}
            LegendPlace::Beside => height += self.legend_height,
        }
        if self.footer_height > 0.0 {
            height += self.footer_height + GAP / 2.0;
        }
        height
    }
}

fn shifted(items: Vec<Item>, dx: f32, dy: f32, scale: f32) -> Layer<'static> {
    Layer {
        transform: Transform { scale, dx, dy },
        items: Cow::Owned(items),
    }
}

/// Where the legend goes on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LegendPlace {
    /// A strip across the page under the picture, its groups side by side where they fit.
    #[default]
    Below,
    /// A column at the right of the picture (chosen when it leaves the picture more room,
    /// as with a wide legend on a landscape page).
    Beside,
    /// In a corner of the picture's room that the picture leaves empty (beside a board alone
    /// on its row, say): it costs the picture nothing.
    Corner,
}

/// The share of the printable width a legend column beside the picture takes.
pub const LEGEND_COLUMN_SHARE: f32 = 0.24;
/// The narrowest and widest legend column, in points.
const LEGEND_COLUMN_WIDTH: (f32, f32) = (150.0, 230.0);

/// Lays `scene` out on the page: caption block, picture (scaled down to fit, centred), legend,
/// source line. A compact legend goes in a corner the picture leaves empty when there is one
/// (it costs the picture nothing); else the legend goes below the picture or beside it,
/// whichever prints the picture larger (below on a tie). Everything lies inside the margins.
pub fn compose<'a>(scene: &'a Scene, setup: &PageSetup) -> Page<'a> {
    let below = compose_with(scene, setup, LegendPlace::Below);
    if scene.legend.is_empty() || scene.items.is_empty() {
        return below;
    }
    if scene.legend.compact {
        let corner = compose_with(scene, setup, LegendPlace::Corner);
        if corner.legend_place == LegendPlace::Corner && corner.picture_scale >= below.picture_scale
        {
            return corner;
        }
    }
    let beside = compose_with(scene, setup, LegendPlace::Beside);
    match (below.picture_scale, beside.picture_scale) {
        // Diagrams (a compact legend) take any gain: their names are what must stay legible.
        (Some(under), Some(side))
            if side > under * if scene.legend.compact { 1.001 } else { 1.01 } =>
        {
            beside
        }
        _ => below,
    }
}

/// Lays `scene` out with the legend at `place`; see [`compose`].
/// A corner that the picture fills gives the page with the legend below.
pub fn compose_with<'a>(scene: &'a Scene, setup: &PageSetup, place: LegendPlace) -> Page<'a> {
    let page = compose_legend_at(scene, setup, place);
    if page.legend_place == place {
        page
    } else {
        compose_legend_at(scene, setup, LegendPlace::Below)
    }
}

fn compose_legend_at<'a>(scene: &'a Scene, setup: &PageSetup, place: LegendPlace) -> Page<'a> {
    let (mut page, mut fit) = compose_capped(scene, setup, place, 1.0);
    if !scene.legend.compact || fit.legend_height <= 0.0 {
        return page;
    }
    // A compact legend: no taller than its share of the page below the picture, its text no
    // larger than the names; each step gives the picture more room, so names grow, so a few
    // steps settle it.
    let floor = MIN_LEGEND_TEXT_PT / fit.legend_text_pt * fit.legend_scale;
    let mut cap = fit.legend_scale;
    for _ in 0..4 {
        let mut wanted = cap;
        let share = COMPACT_LEGEND_SHARE * setup.printable().height;
        if place == LegendPlace::Below && fit.legend_height > share {
            wanted = wanted.min(cap * share / fit.legend_height);
        }
        if let (Some(names), Some(scale)) = (scene.legend.names_size, page.picture_scale) {
            let names_pt = names * scale;
            if fit.legend_text_pt > names_pt + 0.01 {
                wanted = wanted.min(cap * names_pt / fit.legend_text_pt);
            }
        }
        let wanted = wanted.max(floor.min(cap));
        if wanted >= cap * 0.999 {
            break;
        }
        cap = wanted;
        (page, fit) = compose_capped(scene, setup, place, cap);
    }
    page
}

/// What [`compose_capped`] made of the legend, in page points.
struct LegendFit {
    legend_scale: f32,
    legend_text_pt: f32,
    legend_height: f32,
}

fn compose_capped<'a>(
    scene: &'a Scene,
    setup: &PageSetup,
    place: LegendPlace,
    legend_cap: f32,
) -> (Page<'a>, LegendFit) {
    let (page_width, page_height) = setup.size_pt();
    let printable = setup.printable();
    let column = (printable.width * LEGEND_COLUMN_SHARE)
        .clamp(LEGEND_COLUMN_WIDTH.0, LEGEND_COLUMN_WIDTH.1)
        .min(printable.width / 2.0);
    let legend_width = |width: f32| match place {
        LegendPlace::Below => width,
        LegendPlace::Beside | LegendPlace::Corner => column * width / printable.width,
    };

    // Scale the whole page down (laying it out on a larger virtual page) while the caption
    // and legend would leave the picture less than its share. Wider virtual pages only shorten
    // the chrome, so this settles in a step or two.
    let mut page_scale = 1.0_f32;
    let mut chrome = Chrome::layout(
        scene,
        printable.width,
        legend_width(printable.width),
        legend_cap,
    );
    for _ in 0..6 {
        let allowed = MAX_CHROME_SHARE * printable.height / page_scale;
        if chrome.height(place) <= allowed + 1e-3 {
            break;
        }
        page_scale = (page_scale * allowed / chrome.height(place)).min(page_scale * 0.999);
        let width = printable.width / page_scale;
        chrome = Chrome::layout(scene, width, legend_width(width), legend_cap);
    }
    let virtual_width = printable.width / page_scale;
    let virtual_height = printable.height / page_scale;
    // Whatever happened above, the chrome must fit: scale once more if it still does not.
    if chrome.height(place) > virtual_height {
        page_scale *= virtual_height / chrome.height(place);
    }
    let virtual_height = printable.height / page_scale;
    let to_page = Transform {
        scale: page_scale,
        dx: printable.x,
        dy: printable.y,
    };

    let area_top = chrome.header_height + GAP;
    let mut area_bottom = virtual_height;
    if chrome.footer_height > 0.0 {
        area_bottom -= chrome.footer_height + GAP / 2.0;
    }
    let footer_top = area_bottom + GAP / 2.0;
    let mut area_width = virtual_width;
    let (mut legend_x, mut legend_top) = match place {
        LegendPlace::Corner => (0.0, area_top),
        LegendPlace::Below => {
            if chrome.legend_height > 0.0 {
                area_bottom -= chrome.legend_height + GAP;
            }
            (0.0, area_bottom + GAP)
        }
        LegendPlace::Beside => {
            let width = legend_width(virtual_width);
            area_width -= width + GAP;
            (virtual_width - width, area_top)
        }
    };
    let area = Rect::new(
        0.0,
        area_top,
        area_width.max(0.0),
        (area_bottom - area_top).max(0.0),
    );

    let mut layers = Vec::new();
    let mut picture_scale = None;
    let mut corner = None;
    if let Some(bounds) = scene.bounds() {
        let scale = fit_scale(&bounds, &area);
        let picture = Transform {
            scale,
            dx: area.x + (area.width - scale * bounds.width) / 2.0 - scale * bounds.x,
            dy: area.y + (area.height - scale * bounds.height) / 2.0 - scale * bounds.y,
        };
        let transform = to_page.then_inside(&picture);
        picture_scale = Some(transform.scale);
        layers.push(Layer {
            transform,
            items: Cow::Borrowed(scene.items.as_slice()),
        });
        if place == LegendPlace::Corner {
            corner = empty_corner(scene, &picture, &area, chrome.legend_scale);
            if let Some((x, y, items, height)) = &corner {
                (legend_x, legend_top) = (*x, *y);
                chrome.legend = items.clone();
                chrome.legend_height = *height;
            }
        }
    }
    let fit = LegendFit {
        legend_scale: chrome.legend_scale,
        legend_text_pt: legend::LEGEND_SIZE * chrome.legend_scale * page_scale,
        legend_height: chrome.legend_height * page_scale,
    };
    for (items, left, top, scale) in [
        (chrome.header, 0.0, 0.0, 1.0),
        (chrome.legend, legend_x, legend_top, chrome.legend_scale),
        (chrome.footer, 0.0, footer_top, 1.0),
    ] {
        if !items.is_empty() {
            let layer = shifted(items, left, top, scale);
            layers.push(Layer {
                transform: to_page.then_inside(&layer.transform),
                items: layer.items,
            });
        }
    }
    (
        Page {
            setup: *setup,
            width: page_width,
            height: page_height,
            background: Color::WHITE,
            title: scene.caption.title.clone(),
            layers,
            picture_scale,
            // A corner that the picture fills is no place for the legend.
            legend_place: if place == LegendPlace::Corner && corner.is_none() {
                LegendPlace::Below
            } else {
                place
            },
        },
        fit,
    )
}

/// The caption block of a page laid out for `width` points, as every picture prints it: the
/// title and "Data as at" at the top (from y = 0), the source line at the foot (from y = 0).
/// For pages that are not one scaled picture (a table over several pages), so they carry the
/// same caption as the pictures.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptionBlock {
    /// Title and "Data as at".
    pub header: Vec<Item>,
    /// Their height.
    pub header_height: f32,
    /// The source line (empty when there is none).
    pub footer: Vec<Item>,
    /// Its height.
    pub footer_height: f32,
    /// The gap the pictures leave between the header and what follows, in points.
    pub gap: f32,
}

/// The caption block for `caption` at `width` points (see [`CaptionBlock`]).
pub fn caption_block(caption: &super::scene::Caption, width: f32) -> CaptionBlock {
    let chrome = Chrome::layout(&Scene::new(caption.clone()), width, width, 1.0);
    CaptionBlock {
        header: chrome.header,
        header_height: chrome.header_height,
        footer: chrome.footer,
        footer_height: chrome.footer_height,
        gap: GAP,
    }
}

/// The scale that fits `bounds` into `area`: never above 1, never clipping.
/// Where the legend fits in a corner of `area` without touching anything of the picture
/// (`scene` drawn through `picture`), a gap clear: the corner's top-left (virtual page points),
/// the legend laid out for it and its height. Corners are tried top right first, the legend
/// as a column and then wider and shorter; `None` when every corner has something in it.
fn empty_corner(
    scene: &Scene,
    picture: &Transform,
    area: &Rect,
    legend_scale: f32,
) -> Option<(f32, f32, Vec<Item>, f32)> {
    if picture.scale <= 0.0 || legend_scale <= 0.0 {
        return None;
    }
    // What the picture draws, each line segment on its own (an L-shaped line leaves the
    // corner inside its bend empty), in virtual page points.
    let mut drawn: Vec<Rect> = Vec::new();
    for item in &scene.items {
        match item {
            Item::Shape(shape) => match &shape.geometry {
                super::scene::Geometry::Polyline { points, .. } if points.len() >= 2 => {
                    let pad = shape.paint.stroke.map_or(1.0, |s| s.width) + 4.0;
                    for pair in points.windows(2) {
                        if let Some(r) = Rect::around(pair) {
                            drawn.push(picture.apply_rect(&r.inflate(pad)));
                        }
                    }
                }
                _ => drawn.extend(shape.bounds().map(|r| picture.apply_rect(&r))),
            },
            Item::Text(run) => drawn.push(picture.apply_rect(&run.bounds())),
        }
    }
    let clear = |room: Rect| {
        let room = room.inflate(GAP);
        !drawn.iter().any(|r| {
            r.x < room.right() && room.x < r.right() && r.y < room.bottom() && room.y < r.bottom()
        })
    };
    let column = (area.width * LEGEND_COLUMN_SHARE)
        .clamp(LEGEND_COLUMN_WIDTH.0, LEGEND_COLUMN_WIDTH.1)
        .min(area.width);
    for width in [column, area.width / 2.0, area.width * 0.75, area.width] {
        let (items, height) = legend::layout(&scene.legend, width / legend_scale);
        let bounds = super::scene::items_bounds(&items)?;
        let (width, height) = (
            bounds.right() * legend_scale,
            (height * legend_scale).max(bounds.bottom() * legend_scale),
        );
        if width > area.width || height > area.height {
            continue;
        }
        let corners = [
            (area.right() - width, area.y),
            (area.x, area.y),
            (area.right() - width, area.bottom() - height),
            (area.x, area.bottom() - height),
        ];
        if let Some((x, y)) = corners
            .into_iter()
            .find(|&(x, y)| clear(Rect::new(x, y, width, height)))
        {
            return Some((x, y, items, height));
        }
    }
    None
}

fn fit_scale(bounds: &Rect, area: &Rect) -> f32 {
    let across = area.width / bounds.width.max(1e-3);
    let down = area.height / bounds.height.max(1e-3);
    across.min(down).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_in_points() {
        let (width, height) = PageSetup::new(PaperSize::A4, Orientation::Portrait).size_pt();
        assert!((width - 595.28).abs() < 0.01 && (height - 841.89).abs() < 0.01);
        let (width, height) = PageSetup::new(PaperSize::A3, Orientation::Landscape).size_pt();
        assert!((width - 1190.55).abs() < 0.01 && (height - 841.89).abs() < 0.01);
        let printable = PageSetup::default().printable();
        assert!((printable.x - 42.52).abs() < 0.01);
    }

    #[test]
    fn page_names_read_and_write() {
        for name in ["a4-landscape", "a4-portrait", "a3-landscape", "a3-portrait"] {
            let setup: PageSetup = name.parse().expect("known page");
            assert_eq!(setup.to_string(), name);
        }
        assert_eq!(
            "A3".parse::<PageSetup>().map(|s| s.paper),
            Ok(PaperSize::A3)
        );
        assert!("letter".parse::<PageSetup>().is_err());
        assert!("a4-sideways".parse::<PageSetup>().is_err());
    }

    #[test]
    fn transforms_compose() {
        let outer = Transform {
            scale: 2.0,
            dx: 10.0,
            dy: 5.0,
        };
        let inner = Transform {
            scale: 0.5,
            dx: 1.0,
            dy: 2.0,
        };
        let point = Point::new(3.0, 4.0);
        assert_eq!(
            outer.then_inside(&inner).apply(point),
            outer.apply(inner.apply(point))
        );
    }
}
