//! A structure on several pages: an overview (each themed partnership with its sub-groups
//! collapsed into a "+5 sub-groups" badge) and then one page per themed partnership (it, its
//! sub-groups and theirs, and the lines among them), all with the same key, numbered, in one
//! PDF (`export diagram ... --pages per-theme`).
//!
//! Each page prints what was arranged: the view's places, the other nodes hidden and the gaps
//! they leave closed, as a filter does on screen.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::export::pdf::{PageNumbering, PdfPage, write_pdf};
use crate::export::{ExportError, PageSetup, Scene, compose};
use crate::model::{NodeRef, Register, StructuralLevel, View, ViewKind};

use super::print::{PageChoice, plan};
use super::settings::{SubGroups, ViewSettings};
use super::{BuildOptions, Diagram, Visibility, close_gaps, containers, describe, scene};

/// One page of a multi-page diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramPage {
    /// The page's title (the caption's): "LSP structure: overview",
    /// "LSP structure: Community Safety Partnership".
    pub title: String,
    /// The bookmark: "Overview", or the themed partnership's name.
    pub bookmark: String,
    /// The picture.
    pub diagram: Diagram,
}

/// The themed partnerships of a structure diagram that have sub-groups: its nodes at the
/// themed level (as set or inferred) with a formal line from below, in picture order (left
/// to right, then top to bottom).
fn themed_partnerships(diagram: &Diagram) -> Vec<usize> {
    let mut themed: Vec<usize> = diagram
        .nodes
        .iter()
        .enumerate()
        .filter(|(v, n)| {
            n.visibility != Visibility::Hidden
                && n.level
                    .is_some_and(|l| l.level == StructuralLevel::Thematic)
                && diagram
                    .edges
                    .iter()
                    .any(|e| e.edge.to == *v && e.edge.kind.is_formal())
        })
        .map(|(v, _)| v)
        .collect();
    themed.sort_by(|&a, &b| {
        let (a, b) = (&diagram.nodes[a], &diagram.nodes[b]);
        a.centre
            .y
            .total_cmp(&b.centre.y)
            .then(a.centre.x.total_cmp(&b.centre.x))
    });
    themed
}

/// Node `top` and every node below it by formal lines.
fn subtree(diagram: &Diagram, top: usize) -> BTreeSet<usize> {
    let mut seen = BTreeSet::from([top]);
    let mut waiting = vec![top];
    while let Some(v) = waiting.pop() {
        for e in diagram
            .edges
            .iter()
            .filter(|e| e.edge.to == v && e.edge.kind.is_formal())
        {
            if seen.insert(e.edge.from) {
                waiting.push(e.edge.from);
            }
        }
        // Rows of a container come with it.
        for &r in &diagram.nodes[v].rows {
            seen.insert(r);
        }
    }
    seen
}

/// The pages of a structure `view`: the overview, then one per themed partnership with
/// sub-groups. Empty for other views and for a structure with no themed partnership that has
/// sub-groups (one page is all there is).
pub fn theme_pages(register: &Register, view: &View, options: &BuildOptions) -> Vec<DiagramPage> {
    let mut pages = Vec::new();
    each_theme_page(register, view, options, &mut |page| pages.push(page));
    pages
}

/// [`theme_pages`] one page at a time, each dropped after `visit` unless it keeps it: what
/// the print advice measures without holding hundreds of pages (a register of 10,000
/// partnerships has about 850). Returns how many pages there were.
pub fn each_theme_page(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    visit: &mut dyn FnMut(DiagramPage),
) -> usize {
    if view.kind != ViewKind::Structure {
        return 0;
    }
    let full = Diagram::build(register, view, options);
    let themed = themed_partnerships(&full);
    if themed.is_empty() {
        return 0;
    }

    // The overview: each themed partnership's sub-groups collapsed (unless listed inside it).
    let mut settings = ViewSettings::from_json(&view.settings);
    for &v in &themed {
        if let NodeRef::Partnership(id) = full.nodes[v].node
            && settings.grouping.sub_groups_of(id) == SubGroups::Boxes
        {
            settings
                .grouping
                .set_sub_groups_of(id, SubGroups::Collapsed);
        }
    }
    let overview_view = View {
        settings: settings.to_json(&view.settings),
        ..view.clone()
    };
    let mut overview = Diagram::build(register, &overview_view, options);
    overview.legend = full.legend.clone();
    visit(DiagramPage {
        title: format!("{}: overview", full.title()),
        bookmark: "Overview".to_string(),
        diagram: overview,
    });

    for &v in &themed {
        let keep = subtree(&full, v);
        let mut page = full.clone();
        for (w, node) in page.nodes.iter_mut().enumerate() {
            if !keep.contains(&w) {
                node.visibility = Visibility::Hidden;
            }
        }
        for edge in &mut page.edges {
            if !(keep.contains(&edge.edge.from) && keep.contains(&edge.edge.to)) {
                edge.visibility = Visibility::Hidden;
            }
        }
        close_gaps(&mut page.nodes);
        containers::place_rows(&mut page);
        let name = full.nodes[v].name.clone();
        visit(DiagramPage {
            title: format!("{}: {name}", full.title()),
            bookmark: name,
            diagram: page,
        });
    }
    themed.len() + 1
}

/// How one page of [`export_theme_pages`] printed.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFit {
    /// The size partnership names print at on it, in points.
    pub name_pt: f32,
    /// [`super::print::PrintPlan::note`]: what would help when the names print too small.
    pub note: Option<String>,
}

/// The pages of `view` as one PDF: the overview and one page per themed partnership, each
/// fitted to `choice` as arranged, numbered "Page 2 of 7", bookmarked, each figure with its
/// alternative text. A view with no themed partnership with sub-groups is one page. Returns
/// the PDF and each page's plan (for its note).
pub fn export_theme_pages(
    register: &Register,
    view: &View,
    options: &BuildOptions,
    choice: PageChoice,
    data_as_at: NaiveDate,
) -> Result<(Vec<u8>, Vec<PageFit>), ExportError> {
    // Each page is planned as it comes and only its picture kept (not its diagram, a copy of
    // the whole view): a register of 10,000 partnerships has about 850 pages.
    let mut first: Option<Diagram> = None;
    let mut pictures: Vec<(Scene, PageSetup)> = Vec::new();
    let mut fits: Vec<PageFit> = Vec::new();
    let mut described: Vec<(String, String)> = Vec::new();
    let mut add = |page: DiagramPage| {
        let mut caption = scene::caption(register, &page.diagram, data_as_at);
        caption.title = page.title.clone();
        let planned = plan(&page.diagram, &caption, choice);
        fits.push(PageFit {
            name_pt: planned.name_pt,
            note: planned.note(),
        });
        pictures.push((planned.scene, planned.setup));
        described.push((describe::alt_text(&page.diagram), page.bookmark));
        if first.is_none() {
            first = Some(page.diagram);
        }
    };
    if each_theme_page(register, view, options, &mut add) == 0 {
        let diagram = Diagram::build(register, view, options);
        if let Some(reason) = super::empty_reason(register, view, &diagram) {
            return Err(ExportError::NothingToDraw(reason));
        }
        add(DiagramPage {
            title: diagram.title().to_string(),
            bookmark: diagram.title().to_string(),
            diagram,
        });
    }
    let Some(first) = first else {
        return Err(ExportError::NothingToDraw(
            "the view has no page to print".to_string(),
        ));
    };
    let composed: Vec<PdfPage> = pictures
        .iter()
        .zip(described)
        .map(|((scene, setup), (alt_text, bookmark))| {
            PdfPage::new(compose(scene, setup), alt_text).bookmarked(bookmark)
        })
        .collect();
    let info = describe::document_info(
        register,
        &first,
        first.title(),
        Some(chrono::Local::now().naive_local()),
    );
    let bytes = write_pdf(&info, &composed, &PageNumbering::default())?;
    Ok((bytes, fits))
}
