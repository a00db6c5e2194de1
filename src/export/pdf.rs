//! PDF writer for every PDF the program makes: one or more composed [`Page`]s (each its own
//! paper size) in one document, with what a published cabinet paper needs.
//!
//! - Document information: title, author (the council), subject, keywords, creator, producer,
//!   date; the catalog's language (`/Lang`) and "show the title, not the file name".
//! - Tagged (`/MarkInfo /Marked true`, a structure tree): each page's picture is one `Figure`
//!   with its alternative text, inside a `Document` element; the printed page numbers are
//!   pagination artifacts, so a screen reader reads each figure's text once and skips the
//!   numbers. `pdfinfo` reports `Tagged: yes`.
//! - Bookmarks (the outline), one per page that names one, and page labels (1, 2, 3 or
//!   "A4-1", "A4-2" with a prefix) so a viewer's page box agrees with the printed number.
//!
//! Each page is the page's SVG (the same SVG the SVG and PNG exports write) converted by svg2pdf
//! into a form XObject (`svg2pdf::to_chunk`), text kept as text in the embedded font (subset),
//! and placed on its own page with pdf-writer (the version svg2pdf uses). The page is the paper
//! size exactly (A4 is 595.28 x 841.89 pt).
//!
//! krilla (with krilla-svg) was the other candidate: it tags too, but brings a second font
//! stack (skrifa) and its own content model into the build, where svg2pdf and pdf-writer are
//! already here, and for pictures it would tag the same way (one figure with its alt text).
//!
//! The API: [`DocumentInfo`], [`PdfPage`], [`PageNumbering`], [`write_pdf`]; [`to_pdf`] and
//! [`page_to_pdf`] make a one-page document with default information.

use std::collections::HashMap;

use chrono::{Datelike as _, NaiveDateTime, Timelike as _};
use pdf_writer::types::{ArtifactSubtype, ArtifactType, NumberingStyle, StructRole};
use pdf_writer::{Chunk, Content, Finish as _, Name, Pdf, Rect as PdfRect, Ref, TextStr};

use super::page::{Page, PageSetup, compose};
use super::scene::{Anchor, Color, Item, Point, Scene, TextRun};
use super::{ExportError, parse_svg, svg};

/// The producer named in every PDF.
const PRODUCER: &str = concat!("Partnership Atlas ", env!("CARGO_PKG_VERSION"));
/// The language of a document that does not say (British English).
pub const DEFAULT_LANGUAGE: &str = "en-GB";
/// The size of the printed page numbers, in points.
const PAGE_NUMBER_SIZE: f32 = 8.0;

/// What a PDF says about itself (the document information dictionary and the catalog).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The title viewers show instead of the file name ("Appendix 4: how the partnerships
    /// relate to each other").
    pub title: String,
    /// The author: the council ("Ashmere District Council").
    pub author: String,
    /// What the document is about ("The partnership of partnerships diagram, LSP structure").
    pub subject: String,
    /// Keywords, comma-separated (may be empty).
    pub keywords: String,
    /// The program that made the content ("Partnership Atlas"); empty for the default.
    pub creator: String,
    /// The natural language, a BCP 47 tag ("en-GB"); empty for [`DEFAULT_LANGUAGE`].
    pub language: String,
    /// When the document was made (local time); `None` leaves it out (as tests do, so the
    /// bytes are the same every run).
    pub created: Option<NaiveDateTime>,
}

/// One page of a document: the composed page and what is said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfPage<'a> {
    /// The laid-out page; its paper size is this page's size.
    pub page: Page<'a>,
    /// The alternative text of the page's picture (what a screen reader says for the figure):
    /// what it shows, in a sentence or two. Empty uses the page's title.
    pub alt_text: String,
    /// The bookmark (outline entry) for this page, if it has one.
    pub bookmark: Option<String>,
}

impl<'a> PdfPage<'a> {
    /// A page with its alternative text and no bookmark.
    pub fn new(page: Page<'a>, alt_text: impl Into<String>) -> Self {
        Self {
            page,
            alt_text: alt_text.into(),
            bookmark: None,
        }
    }

    /// The same page with a bookmark.
    pub fn bookmarked(mut self, bookmark: impl Into<String>) -> Self {
        self.bookmark = Some(bookmark.into());
        self
    }
}

/// How pages are numbered: the labels a viewer shows, and the numbers printed on the pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageNumbering {
    /// The label's prefix ("A4-" gives "A4-1", "A4-2"); empty for plain numbers.
    pub prefix: String,
    /// The first page's number (a pack continuing another document's numbering starts later).
    pub first: u32,
    /// Print "Page 2 of 5" (with the prefix) at the foot of each page, in the bottom margin.
    /// A one-page document prints no number unless this is `Always`.
    pub printed: PrintedNumbers,
}

/// When page numbers are printed on the pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PrintedNumbers {
    /// On every page of a document of two or more pages.
    #[default]
    WhenSeveral,
    /// On every page, even of a one-page document.
    Always,
    /// Never (labels only).
    Never,
}

impl Default for PageNumbering {
    fn default() -> Self {
        Self {
            prefix: String::new(),
            first: 1,
            printed: PrintedNumbers::WhenSeveral,
        }
    }
}

impl PageNumbering {
    /// The printed number of page `index` (0-based) of `count`: "Page 2 of 5", "Page A4-2 of
    /// A4-5".
    pub fn printed_text(&self, index: usize, count: usize) -> String {
        let number = |i: usize| format!("{}{}", self.prefix, self.first as usize + i);
        format!(
            "Page {} of {}",
            number(index),
            number(count.saturating_sub(1))
        )
    }

    fn prints(&self, count: usize) -> bool {
        match self.printed {
            PrintedNumbers::WhenSeveral => count > 1,
            PrintedNumbers::Always => true,
            PrintedNumbers::Never => false,
        }
    }
}

/// The scene laid out on the page, as a one-page PDF titled by its caption.
pub fn to_pdf(scene: &Scene, setup: &PageSetup) -> Result<Vec<u8>, ExportError> {
    page_to_pdf(&compose(scene, setup))
}

/// A laid-out page as a one-page PDF titled by the page's title, its figure described by the
/// title too (callers that know more use [`write_pdf`]).
pub fn page_to_pdf(page: &Page) -> Result<Vec<u8>, ExportError> {
    let info = DocumentInfo {
        title: page.title.clone(),
        ..DocumentInfo::default()
    };
    write_pdf(
        &info,
        &[PdfPage::new(page.clone(), String::new())],
        &PageNumbering::default(),
    )
}

/// Writes `pages` as one tagged PDF with `info`, numbered by `numbering`.
///
/// A document with no pages is refused (a PDF must have one).
pub fn write_pdf(
    info: &DocumentInfo,
    pages: &[PdfPage],
    numbering: &PageNumbering,
) -> Result<Vec<u8>, ExportError> {
    if pages.is_empty() {
        return Err(ExportError::Pdf(
            "a PDF needs at least one page".to_string(),
        ));
    }
    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let catalog_id = alloc();
    let page_tree_id = alloc();
    let struct_root_id = alloc();
    let document_element_id = alloc();
    let info_id = alloc();
    let outline_id = alloc();
    let label_id = alloc();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    let print_numbers = numbering.prints(pages.len());

    struct Placed {
        page_id: Ref,
        figure_id: Ref,
        outline_item_id: Option<Ref>,
    }
    let mut placed = Vec::with_capacity(pages.len());
    let mut chunks: Vec<Chunk> = Vec::new();
    for (index, entry) in pages.iter().enumerate() {
        let page_id = alloc();
        let content_id = alloc();
        let figure_id = alloc();
        let outline_item_id = entry.bookmark.as_ref().map(|_| alloc());
        let picture = embed_svg(&svg::page_to_svg(&entry.page), &mut alloc)?;
        let number = if print_numbers {
            let footer = page_number_page(&entry.page, &numbering.printed_text(index, pages.len()));
            Some(embed_svg(&svg::page_to_svg(&footer), &mut alloc)?)
        } else {
            None
        };
        let (width, height) = (entry.page.width, entry.page.height);

        let mut content = Content::new();
        content
            .begin_marked_content_with_properties(Name(b"Figure"))
            .properties()
            .identify(0);
        content.save_state();
        content.transform([width, 0.0, 0.0, height, 0.0, 0.0]);
        content.x_object(Name(b"P0"));
        content.restore_state();
        content.end_marked_content();
        if number.is_some() {
            content
                .begin_marked_content_with_properties(Name(b"Artifact"))
                .properties()
                .artifact()
                .kind(ArtifactType::Pagination)
                .subtype(ArtifactSubtype::Footer);
            content.save_state();
            content.transform([width, 0.0, 0.0, height, 0.0, 0.0]);
            content.x_object(Name(b"N0"));
            content.restore_state();
            content.end_marked_content();
        }
        // A few operators: not worth compressing (svg2pdf compresses the pictures).
        pdf.stream(content_id, &content.finish());

        let mut page = pdf.page(page_id);
        page.media_box(PdfRect::new(0.0, 0.0, width, height));
        page.parent(page_tree_id);
        page.contents(content_id);
        page.struct_parents(index as i32);
        let mut resources = page.resources();
        let mut x_objects = resources.x_objects();
        x_objects.pair(Name(b"P0"), picture.id);
        if let Some(number) = &number {
            x_objects.pair(Name(b"N0"), number.id);
        }
        x_objects.finish();
        resources.finish();
        page.finish();

        chunks.push(picture.chunk);
        if let Some(number) = number {
            chunks.push(number.chunk);
        }

        let alt = if entry.alt_text.trim().is_empty() {
            entry.page.title.clone()
        } else {
            entry.alt_text.clone()
        };
        let mut figure = pdf.struct_element(figure_id);
        figure.kind(StructRole::Figure);
        figure.parent(document_element_id);
        figure.page(page_id);
        figure.alt(TextStr(&alt));
        figure
            .attributes()
            .push()
            .layout()
            .bbox(PdfRect::new(0.0, 0.0, width, height));
        figure.children().marked_content_id(0);
        figure.finish();

        placed.push(Placed {
            page_id,
            figure_id,
            outline_item_id,
        });
    }

    pdf.pages(page_tree_id)
        .kids(placed.iter().map(|p| p.page_id))
        .count(placed.len() as i32);

    // The structure tree: Document > one Figure per page; the parent tree maps each page's
    // marked content (MCID 0) back to its figure.
    let mut document = pdf.struct_element(document_element_id);
    document.kind(StructRole::Document);
    document.parent(struct_root_id);
    document.lang(TextStr(language(info)));
    if !info.title.trim().is_empty() {
        document.title(TextStr(&info.title));
    }
    document
        .children()
        .items(placed.iter().map(|p| p.figure_id));
    document.finish();

    let mut root = pdf
        .indirect(struct_root_id)
        .start::<pdf_writer::writers::StructTreeRoot>();
    root.child(document_element_id);
    {
        let mut parents = root.parent_tree();
        let mut nums = parents.nums();
        for (index, p) in placed.iter().enumerate() {
            nums.insert(index as i32, p.figure_id);
        }
    }
    root.parent_tree_next_key(placed.len() as i32);
    root.finish();

    let bookmarks: Vec<(Ref, usize, &str)> = pages
        .iter()
        .zip(&placed)
        .enumerate()
        .filter_map(|(index, (entry, p))| {
            Some((p.outline_item_id?, index, entry.bookmark.as_deref()?))
        })
        .collect();
    if !bookmarks.is_empty() {
        let mut outline = pdf.outline(outline_id);
        outline.first(bookmarks[0].0);
        outline.last(bookmarks[bookmarks.len() - 1].0);
        outline.count(bookmarks.len() as i32);
        outline.finish();
        for (position, (id, index, title)) in bookmarks.iter().enumerate() {
            let mut item = pdf.outline_item(*id);
            item.title(TextStr(title));
            item.parent(outline_id);
            if position > 0 {
                item.prev(bookmarks[position - 1].0);
            }
            if let Some(next) = bookmarks.get(position + 1) {
                item.next(next.0);
            }
            item.dest().page(placed[*index].page_id).fit();
            item.finish();
        }
    }

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(page_tree_id);
    catalog.lang(TextStr(language(info)));
    catalog.mark_info().marked(true);
    catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
    catalog.viewer_preferences().display_doc_title(true);
    if !bookmarks.is_empty() {
        catalog.outlines(outline_id);
        catalog.page_mode(pdf_writer::types::PageMode::UseOutlines);
    }
    catalog.page_labels().nums().insert(0, label_id);
    catalog.finish();

    let mut label = pdf
        .indirect(label_id)
        .start::<pdf_writer::writers::PageLabel>();
    label.style(NumberingStyle::Arabic);
    if !numbering.prefix.is_empty() {
        label.prefix(TextStr(&numbering.prefix));
    }
    if numbering.first != 1 {
        label.offset(numbering.first as i32);
    }
    label.finish();

    let mut document_info = pdf.document_info(info_id);
    if !info.title.trim().is_empty() {
        document_info.title(TextStr(&info.title));
    }
    if !info.author.trim().is_empty() {
        document_info.author(TextStr(&info.author));
    }
    if !info.subject.trim().is_empty() {
        document_info.subject(TextStr(&info.subject));
    }
    if !info.keywords.trim().is_empty() {
        document_info.keywords(TextStr(&info.keywords));
    }
    let creator = if info.creator.trim().is_empty() {
        "Partnership Atlas"
    } else {
        &info.creator
    };
    document_info.creator(TextStr(creator));
    document_info.producer(TextStr(PRODUCER));
    if let Some(created) = info.created {
        document_info.creation_date(pdf_date(created));
    }
    document_info.finish();

    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

fn language(info: &DocumentInfo) -> &str {
    if info.language.trim().is_empty() {
        DEFAULT_LANGUAGE
    } else {
        &info.language
    }
}

fn pdf_date(at: NaiveDateTime) -> pdf_writer::Date {
    pdf_writer::Date::new(at.year().clamp(0, 9999) as u16)
        .month(at.month() as u8)
        .day(at.day() as u8)
        .hour(at.hour() as u8)
        .minute(at.minute() as u8)
        .second(at.second() as u8)
}

/// An SVG converted to a form XObject, its objects renumbered into the document's.
struct Embedded {
    chunk: Chunk,
    id: Ref,
}

fn embed_svg(svg: &str, alloc: &mut impl FnMut() -> Ref) -> Result<Embedded, ExportError> {
    let tree = parse_svg(svg)?;
    let (chunk, id) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|error| ExportError::Pdf(error.to_string()))?;
    let mut map = HashMap::new();
    let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(&mut *alloc));
    let id = map
        .get(&id)
        .copied()
        .ok_or_else(|| ExportError::Pdf("the picture was lost while embedding".to_string()))?;
    Ok(Embedded { chunk, id })
}

/// A transparent page of `page`'s size holding only `text` centred in the bottom margin.
fn page_number_page(page: &Page, text: &str) -> Page<'static> {
    let margin = page.setup.margin_mm * super::page::POINTS_PER_MM;
    let y = page.height - margin / 2.0 - PAGE_NUMBER_SIZE / 2.0;
    let run = TextRun::new(
        Point::new(page.width / 2.0, y),
        vec![text.to_string()],
        PAGE_NUMBER_SIZE,
    )
    .anchored(Anchor::Middle)
    .colored(Color::MUTED);
    Page {
        setup: page.setup,
        width: page.width,
        height: page.height,
        background: Color::WHITE.with_alpha(0),
        title: String::new(),
        layers: vec![super::page::Layer {
            transform: super::page::Transform::IDENTITY,
            items: std::borrow::Cow::Owned(vec![Item::Text(run)]),
        }],
        picture_scale: None,
        legend_place: page.legend_place,
    }
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
