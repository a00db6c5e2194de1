//! The diagram on the printed page: what was arranged on screen, scaled to the page. Names
//! should print at [`MIN_PRINTED_NAME_PT`] or more, or a cabinet paper cannot use the picture.
//!
//! [`plan`] never re-arranges: the page shows the view's arrangement (gaps of hidden nodes
//! closed, as on screen), scaled to fit, so screen and paper never differ. When the names
//! would print too small, [`advice`] says so before exporting, with the size, and the fixes
//! that would help, each with the size it gives: A3; sub-groups listed inside their parents;
//! one page per themed partnership; a compact arrangement; a view filtered to fewer
//! partnerships. A compact arrangement is an explicit, previewable change of the view's
//! arrangement: [`compact_arrangement`] gives the picture to preview and the one undoable
//! `Edit` that stores it ([`compact`] makes the candidates).
//!
//! The legend goes below or beside the picture, whichever prints it larger
//! ([`crate::export::compose`]). With [`PageChoice::Auto`] the page is A4 landscape when the
//! names print large enough on it, else A3 landscape.
//!
//! Everything here is pure and deterministic.

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
pub const MIN_PRINTED_NAME_PT: f32 = 8.0;

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
    /// As on screen (what [`plan`] always prints).
    AsArranged,
    /// A compact arrangement, as previewed by [`compact_arrangement`] before it is stored.
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
    /// A note in plain words when the names print under [`MIN_PRINTED_NAME_PT`], saying what
    /// would help (the fixes [`advice`] measures); `None` when the picture prints readably.
    pub fn note(&self) -> Option<String> {
        if self.name_pt >= MIN_PRINTED_NAME_PT - 0.05 {
            return None;
        }
        let bigger = if self.setup.paper == PaperSize::A4 {
            "choose A3, "
        } else {
            ""
        };
        Some(format!(
            "Names print at only {:.1} pt on {} (at least {MIN_PRINTED_NAME_PT:.0} pt reads well): \
             {bigger}list sub-groups inside their parents, print one page per themed partnership, \
             arrange the view more compactly, or show fewer partnerships (filters, or focus on one \
             partnership).",
            self.name_pt,
            self.setup.words()
        ))
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
            // The picture is the same on either page (only its scale differs): drawn once.
            let scene = scene::diagram_scene(diagram, caption.clone());
            let a4 = PageSetup::new(PaperSize::A4, Orientation::Landscape);
            let a3 = PageSetup::new(PaperSize::A3, Orientation::Landscape);
            let (on_a4, on_a3) = (printed_name_pt(&scene, &a4), printed_name_pt(&scene, &a3));
            if on_a4 >= MIN_PRINTED_NAME_PT || on_a3 <= on_a4 {
                plan_of(diagram, scene, a4)
            } else {
                plan_of(diagram, scene, a3)
            }
        }
    }
}

fn plan_on(diagram: &Diagram, caption: &Caption, setup: PageSetup) -> PrintPlan {
    plan_of(
        diagram,
        scene::diagram_scene(diagram, caption.clone()),
        setup,
    )
}

/// The plan that prints `scene`, the picture of `diagram` as arranged, on `setup`.
fn plan_of(diagram: &Diagram, scene: Scene, setup: PageSetup) -> PrintPlan {
    let name_pt = printed_name_pt(&scene, &setup);
    PrintPlan {
        setup,
        scene,
        diagram: diagram.clone(),
        arrangement: Arrangement::AsArranged,
        name_pt,
    }
}

/// One way to make the names print larger, with the size they would print at.
#[derive(Clone, Debug, PartialEq)]
pub enum PrintFix {
    /// Print on A3 landscape.
    UseA3 {
        /// The names' size on A3.
        name_pt: f32,
    },
    /// List each themed partnership's sub-groups inside its box (the view's grouping).
    ListSubGroupsInside {
        /// The names' size so, on the same page.
        name_pt: f32,
    },
    /// An overview page and one page per themed partnership (`--pages per-theme`).
    OnePagePerTheme {
        /// How many pages.
        pages: usize,
        /// The smallest size names print at on any of them.
        smallest_pt: f32,
    },
    /// Store a compact arrangement of the view (previewed first; one undoable edit).
    CompactArrangement {
        /// The names' size so, on the same page.
        name_pt: f32,
    },
    /// Show fewer partnerships: a filter, or focus on one partnership.
    FilterView,
}

impl PrintFix {
    /// The fix in words, with its size ("Choose A3: names print at 9.1 pt").
    pub fn describe(&self) -> String {
        match self {
            Self::UseA3 { name_pt } => format!("Choose A3: names print at {name_pt:.1} pt"),
            Self::ListSubGroupsInside { name_pt } => {
                format!("List sub-groups inside their parents: names print at {name_pt:.1} pt")
            }
            Self::OnePagePerTheme { pages, smallest_pt } => format!(
                "One page per themed partnership ({pages} pages): names print at {smallest_pt:.1} pt or more"
            ),
            Self::CompactArrangement { name_pt } => format!(
                "Arrange the view more compactly (preview first; one step to undo): names print at {name_pt:.1} pt"
            ),
            Self::FilterView => {
                "Show fewer partnerships: filter the view, or focus on one partnership".to_string()
            }
        }
    }

    /// The size this fix prints names at (`None` for a filter, which depends on the filter).
    pub fn name_pt(&self) -> Option<f32> {
        match self {
            Self::UseA3 { name_pt }
            | Self::ListSubGroupsInside { name_pt }
            | Self::CompactArrangement { name_pt } => Some(*name_pt),
            Self::OnePagePerTheme { smallest_pt, .. } => Some(*smallest_pt),
            Self::FilterView => None,
        }
    }
}

/// What the export form says before exporting: the page, the size names print at, and when
/// that is under [`MIN_PRINTED_NAME_PT`], the fixes that would help, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintAdvice {
    /// The page the export would use.
    pub setup: PageSetup,
    /// The size names print at, as arranged, on that page.
    pub name_pt: f32,
    /// Fixes that print the names larger (empty when they are readable already).
    pub fixes: Vec<PrintFix>,
}

impl PrintAdvice {
    /// Whether names print at [`MIN_PRINTED_NAME_PT`] or more.
    pub fn readable(&self) -> bool {
        self.name_pt >= MIN_PRINTED_NAME_PT - 0.05
    }

    /// The advice in words: the size, then each fix on its own line.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "Names print at {:.1} pt on {}.",
            self.name_pt,
            self.setup.words()
        );
        if !self.readable() {
            text.push_str(&format!(
                " That is under {MIN_PRINTED_NAME_PT:.0} pt, too small for a paper. What would help:"
            ));
            for fix in &self.fixes {
                text.push_str("\n- ");
                text.push_str(&fix.describe());
            }
        }
        text
    }
}

/// The advice for printing `view` on `choice`: the size names print at as arranged, and when
/// too small, each fix measured by building the picture it would print.
pub fn advice(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    choice: PageChoice,
) -> PrintAdvice {
    let diagram = Diagram::build(register, view, options);
    let caption = scene::caption(register, &diagram, NaiveDate::default());
    advice_for_plan(register, view, options, &plan(&diagram, &caption, choice))
}

/// The advice for a plan already made (by [`export`], say), so the picture is not built
/// and laid out again: the fixes are measured against `chosen`'s page and arrangement.
pub fn advice_for_plan(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    chosen: &PrintPlan,
) -> PrintAdvice {
    let diagram = &chosen.diagram;
    let caption = &chosen.scene.caption;
    let mut fixes = Vec::new();
    if chosen.name_pt < MIN_PRINTED_NAME_PT - 0.05 {
        if chosen.setup.paper == PaperSize::A4 {
            let a3 = PageSetup::new(PaperSize::A3, Orientation::Landscape);
            fixes.push(PrintFix::UseA3 {
                name_pt: printed_name_pt(&chosen.scene, &a3),
            });
        }
        if let Some(name_pt) = super::containers::name_pt_with_containers(
            register,
            view,
            options,
            caption,
            chosen.setup,
        ) && name_pt > chosen.name_pt * 1.01
        {
            fixes.push(PrintFix::ListSubGroupsInside { name_pt });
        }
        if diagram.kind == crate::model::ViewKind::Structure {
            let mut smallest_pt = f32::INFINITY;
            let pages = super::pages::each_theme_page(register, view, options, &mut |page| {
                let caption = scene::caption(register, &page.diagram, NaiveDate::default());
                smallest_pt =
                    smallest_pt.min(plan_on(&page.diagram, &caption, chosen.setup).name_pt);
            });
            if pages > 1 {
                fixes.push(PrintFix::OnePagePerTheme { pages, smallest_pt });
            }
        }
        if let Some((compact, _)) = best_compact(diagram, caption, chosen.setup) {
            let name_pt = printed_name_pt(
                &scene::diagram_scene(&compact, caption.clone()),
                &chosen.setup,
            );
            if name_pt > chosen.name_pt * 1.01 {
                fixes.push(PrintFix::CompactArrangement { name_pt });
            }
        }
        fixes.push(PrintFix::FilterView);
        fixes.sort_by(|a, b| {
            b.name_pt()
                .unwrap_or(0.0)
                .total_cmp(&a.name_pt().unwrap_or(0.0))
        });
    }
    PrintAdvice {
        setup: chosen.setup,
        name_pt: chosen.name_pt,
        fixes,
    }
}

/// The compact candidate that prints names largest among those whose lines cross the fewest
/// boxes, with its crossing count; `None` when no candidate prints them larger.
fn best_compact(diagram: &Diagram, caption: &Caption, setup: PageSetup) -> Option<(Diagram, f32)> {
    let as_arranged = printed_name_pt(&scene::diagram_scene(diagram, caption.clone()), &setup);
    let mut best: Option<(Diagram, f32, usize)> = None;
    // Only places can be stored: candidates that rewrap names (other box sizes) would not
    // print as previewed once stored.
    let same_boxes = |compact: &Diagram| {
        compact
            .nodes
            .iter()
            .zip(&diagram.nodes)
            .all(|(a, b)| a.width == b.width && a.height == b.height)
    };
    for compact in compact_candidates(diagram).into_iter().filter(same_boxes) {
        let picture = scene::diagram_scene(&compact, caption.clone());
        let pt = printed_name_pt(&picture, &setup);
        if pt <= as_arranged * 1.0001 {
            continue;
        }
        let readable = pt >= MIN_PRINTED_NAME_PT;
        let crossings = if readable {
            line_box_crossings(&picture, &compact)
        } else {
            usize::MAX
        };
        let better = match &best {
            None => true,
            Some((_, best_pt, best_crossings)) => {
                let best_readable = *best_pt >= MIN_PRINTED_NAME_PT;
                match (readable, best_readable) {
                    (true, true) => {
                        crossings < *best_crossings
                            || (crossings == *best_crossings && pt > *best_pt)
                    }
                    (true, false) => true,
                    (false, true) => false,
                    (false, false) => pt > *best_pt,
                }
            }
        };
        if better {
            best = Some((compact, pt, crossings));
        }
    }
    best.map(|(diagram, pt, _)| (diagram, pt))
}

/// A compact arrangement of `view` for `setup`, to preview and then store: the picture as it
/// would print (its plan) and the one `Edit` that stores every shown node's new place (undo
/// puts the old arrangement back). `None` when no compact arrangement prints names larger.
/// Nodes a filter hides keep their stored places.
pub fn compact_arrangement(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    setup: PageSetup,
    data_as_at: NaiveDate,
) -> Option<(PrintPlan, crate::model::Edit)> {
    let diagram = Diagram::build(register, view, options);
    let caption = scene::caption(register, &diagram, data_as_at);
    let (compact, name_pt) = best_compact(&diagram, &caption, setup)?;
    let edit = super::edits::store_shown_places(
        register,
        &compact,
        format!("Arrange {} compactly for {}", diagram.name, setup.words()),
    )?;
    let scene = scene::diagram_scene(&compact, caption);
    Some((
        PrintPlan {
            setup,
            scene,
            diagram: compact,
            arrangement: Arrangement::Compact,
            name_pt,
        },
        edit,
    ))
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
