//! The diagram made fit for a printed page: names must print at [`MIN_PRINTED_NAME_PT`] or
//! more, or a cabinet paper cannot use the picture.
//!
//! [`plan`] tries, in order, and keeps the first that prints the names large enough (else the
//! one that prints them largest):
//!
//! 1. the picture as arranged on screen (stored positions, gaps of hidden nodes closed);
//! 2. a compact arrangement of the same boxes for the page: for a structure, the layers as
//!    arranged, left-to-right order kept, sub-groups stacked in columns under their parent
//!    (as many columns as suit the page's shape), tighter gaps ([`compact_structure`]); for
//!    the council's involvement, the role columns cut to the page's shape
//!    ([`compact_involvement`]). Stored positions never change: this is the page's picture.
//!
//! The legend goes below or beside the picture, whichever prints it larger
//! ([`crate::export::compose`]). With [`PageChoice::Auto`] the page is A4 landscape when the
//! names print large enough on it, else A3 landscape.
//!
//! Everything here is pure and deterministic: only additions, multiplications and divisions
//! decide positions.

use chrono::NaiveDate;

use crate::export::{Caption, Format, Orientation, PageSetup, PaperSize, Point, Scene, compose};
use crate::model::{Register, View};

use super::sizing::NAME_SIZE;
use super::{BuildOptions, Diagram, Visibility, scene};

mod compact;
pub use compact::{
    LARGE_PICTURE, PRINT_WRAPS, compact_candidates, compact_involvement, compact_structure,
    place_in_order, rewrapped, tightened,
};

/// The smallest size, in points, partnership names may print at on paper.
pub const MIN_PRINTED_NAME_PT: f32 = 7.0;

/// Gap between boxes side by side in a compact arrangement, in points.
pub const PRINT_NODE_GAP: f32 = 12.0;
/// Gap between layers in a compact arrangement, in points.
pub const PRINT_LAYER_GAP: f32 = 30.0;
/// Gap between the columns of one stack of sub-groups, in points (the spine of the next
/// column runs in it, beside its boxes).
pub const PRINT_COLUMN_GAP: f32 = 8.0;

/// Which page to print on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageChoice {
    /// This page.
    Fixed(PageSetup),
    /// A4 landscape when the names print large enough on it, else A3 landscape.
    Auto,
}

impl std::str::FromStr for PageChoice {
    type Err = crate::export::page::UnknownPage;

    /// `auto`, or a page name as [`PageSetup`] reads it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if name.trim().eq_ignore_ascii_case("auto") {
            Ok(Self::Auto)
        } else {
            name.parse().map(Self::Fixed)
        }
    }
}

impl std::fmt::Display for PageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Fixed(setup) => write!(f, "{setup}"),
            Self::Auto => f.write_str("auto"),
        }
    }
}

/// How the picture was arranged for the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// As on screen.
    AsArranged,
    /// A compact arrangement made for the page (the order kept; nothing stored changes).
    Compact,
}

/// The picture chosen for a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintPlan {
    /// The page.
    pub setup: PageSetup,
    /// The picture.
    pub scene: Scene,
    /// The diagram as arranged for the page (its nodes where the picture has them).
    pub diagram: Diagram,
    /// How it was arranged.
    pub arrangement: Arrangement,
    /// The size partnership names print at, in points.
    pub name_pt: f32,
}

impl PrintPlan {
    /// A note in plain words on how the picture was made to fit, or why it could not be;
    /// `None` when the picture is printed as arranged and readable.
    pub fn note(&self) -> Option<String> {
        let small = self.name_pt < MIN_PRINTED_NAME_PT - 0.05;
        match (self.arrangement, small) {
            (Arrangement::AsArranged, false) => None,
            (Arrangement::Compact, false) => Some(format!(
                "Arranged more compactly for the page so that names print at {:.1} pt \
                 (the order is kept; the diagram on screen is unchanged).",
                self.name_pt
            )),
            (_, true) => {
                let bigger = if self.setup.paper == PaperSize::A4 {
                    "choose A3, or "
                } else {
                    ""
                };
                Some(format!(
                    "Names print at only {:.1} pt on {}: {bigger}show fewer partnerships \
                     (filters, or focus on one partnership).",
                    self.name_pt, self.setup
                ))
            }
        }
    }
}

/// The size names print at when `scene` is laid out on `setup`.
pub fn printed_name_pt(scene: &Scene, setup: &PageSetup) -> f32 {
    compose(scene, setup)
        .picture_scale
        .map_or(NAME_SIZE, |scale| NAME_SIZE * scale)
}

/// The picture of `diagram` to print on `choice`, made to fit as the module says.
pub fn plan(diagram: &Diagram, caption: &Caption, choice: PageChoice) -> PrintPlan {
    match choice {
        PageChoice::Fixed(setup) => plan_on(diagram, caption, setup),
        PageChoice::Auto => {
            let a4 = plan_on(
                diagram,
                caption,
                PageSetup::new(PaperSize::A4, Orientation::Landscape),
            );
            if a4.name_pt >= MIN_PRINTED_NAME_PT {
                return a4;
            }
            let a3 = plan_on(
                diagram,
                caption,
                PageSetup::new(PaperSize::A3, Orientation::Landscape),
            );
            if a3.name_pt > a4.name_pt { a3 } else { a4 }
        }
    }
}

fn plan_on(diagram: &Diagram, caption: &Caption, setup: PageSetup) -> PrintPlan {
    let as_arranged = scene::diagram_scene(diagram, caption.clone());
    let pt = printed_name_pt(&as_arranged, &setup);
    let mut best = PrintPlan {
        setup,
        scene: as_arranged,
        diagram: diagram.clone(),
        arrangement: Arrangement::AsArranged,
        name_pt: pt,
    };
    // Hidden nodes leave holes in the arrangement: then a compact picture is tried even when
    // the names are readable, and taken when it prints them clearly larger.
    let holes = diagram
        .nodes
        .iter()
        .any(|n| n.visibility == Visibility::Hidden);
    if pt >= MIN_PRINTED_NAME_PT && !holes {
        return best;
    }
    let better = if pt >= MIN_PRINTED_NAME_PT {
        1.1
    } else {
        1.0001
    };
    // Among the compact pictures that print the names large enough, the one whose lines
    // cross the fewest boxes (then the largest); if none does, the largest.
    let mut best_crossings = usize::MAX;
    for compact in compact_candidates(diagram) {
        let picture = scene::diagram_scene(&compact, caption.clone());
        let pt = printed_name_pt(&picture, &setup);
        let readable = pt >= MIN_PRINTED_NAME_PT;
        let best_readable = best.name_pt >= MIN_PRINTED_NAME_PT;
        // Counted only where it decides (large unreadable pictures skip the cost).
        let crossings = if readable {
            line_box_crossings(&picture, &compact)
        } else {
            usize::MAX
        };
        let take = if best.arrangement == Arrangement::AsArranged {
            pt > best.name_pt * better
        } else if readable && best_readable {
            crossings < best_crossings || (crossings == best_crossings && pt > best.name_pt)
        } else {
            pt > best.name_pt * 1.0001
        };
        if take {
            best_crossings = crossings;
            best = PrintPlan {
                setup,
                scene: picture,
                diagram: compact,
                arrangement: Arrangement::Compact,
                name_pt: pt,
            };
        }
    }
    best
}

/// How many times the picture's lines run across a shown box (other than at their ends):
/// fewer is cleaner. Boxes are taken 2 points inside their outline, so a line that starts
/// or stops at a box does not count.
pub fn line_box_crossings(picture: &Scene, diagram: &Diagram) -> usize {
    let boxes: Vec<crate::export::Rect> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .map(|n| scene::node_rect(n).inflate(-2.0))
        .collect();
    let mut count = 0;
    for item in &picture.items {
        let crate::export::Item::Shape(shape) = item else {
            continue;
        };
        let crate::export::Geometry::Polyline { points, .. } = &shape.geometry else {
            continue;
        };
        for pair in points.windows(2) {
            count += boxes
                .iter()
                .filter(|b| segment_meets_rect(pair[0], pair[1], b))
                .count();
        }
    }
    count
}

/// Whether the segment `a`–`b` passes through the inside of `rect` (clipped parametrically).
fn segment_meets_rect(a: Point, b: Point, rect: &crate::export::Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut enter = 0.0_f32;
    let mut leave = 1.0_f32;
    for (p, q) in [
        (-dx, a.x - rect.x),
        (dx, rect.right() - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    enter < leave
}

/// The page's picture of `diagram`, encoded: what File, Export diagram and the command line
/// write. Returns the bytes and the plan (for its note).
pub fn export(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    choice: PageChoice,
    format: Format,
    data_as_at: NaiveDate,
) -> Result<(Vec<u8>, PrintPlan), crate::export::ExportError> {
    let diagram = Diagram::build(register, view, options);
    if let Some(reason) = super::empty_reason(register, view, &diagram) {
        return Err(crate::export::ExportError::NothingToDraw(reason));
    }
    let caption = scene::caption(register, &diagram, data_as_at);
    let plan = plan(&diagram, &caption, choice);
    let bytes = match format {
        Format::Pdf => {
            let page = compose(&plan.scene, &plan.setup);
            let info = super::describe::document_info(
                register,
                &plan.diagram,
                &caption.title,
                Some(chrono::Local::now().naive_local()),
            );
            let alt = super::describe::alt_text(&plan.diagram);
            crate::export::pdf::write_pdf(
                &info,
                &[crate::export::pdf::PdfPage::new(page, alt)],
                &crate::export::pdf::PageNumbering::default(),
            )?
        }
        _ => crate::export::export(&plan.scene, &plan.setup, format)?,
    };
    Ok((bytes, plan))
}
