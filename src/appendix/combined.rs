//! The pack's combined PDF: a contents page (itself a typeset table: appendix letter, title,
//! first page), then every part in order, each part's first page bookmarked "Appendix A:
//! title", every page numbered "Page 3 of 31" by the PDF writer. Pictures keep their caption
//! block and tables print theirs on every page, so "Data as at" is on every page.

use super::{PackError, letter};
use crate::export::page::Page;
use crate::export::pdf::{self, DocumentInfo, PageNumbering, PdfPage};
use crate::export::table::print::{self, TableLayout};
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::Register;
use crate::scoring::ReviewBasis;

/// One part of the combined PDF.
pub enum Piece {
    /// A picture on one page.
    Picture {
        /// The composed page.
        page: Box<Page<'static>>,
        /// What a screen reader says for it.
        alt_text: String,
        /// Its title.
        title: String,
    },
    /// A table over its pages.
    Table {
        /// The laid-out table.
        layout: Box<TableLayout>,
        /// Its title.
        title: String,
    },
}

impl Piece {
    /// A picture part.
    pub fn picture(page: Page<'static>, alt_text: String, title: String) -> Self {
        Self::Picture {
            page: Box::new(page),
            alt_text,
            title,
        }
    }

    /// A table part.
    pub fn table(layout: TableLayout, title: String) -> Self {
        Self::Table {
            layout: Box::new(layout),
            title,
        }
    }

    fn title(&self) -> &str {
        match self {
            Self::Picture { title, .. } | Self::Table { title, .. } => title,
        }
    }

    fn page_count(&self) -> usize {
        match self {
            Self::Picture { .. } => 1,
            Self::Table { layout, .. } => layout.page_count(),
        }
    }

    fn pdf_pages(&self, bookmark: &str) -> Vec<PdfPage<'static>> {
        match self {
            Self::Picture { page, alt_text, .. } => {
                vec![PdfPage::new((**page).clone(), alt_text.clone()).bookmarked(bookmark)]
            }
            Self::Table { layout, .. } => print::pdf_pages(layout, bookmark),
        }
    }
}

/// The contents table, with each part's first page.
fn contents_table(
    register: &Register,
    basis: ReviewBasis,
    pieces: &[Piece],
    first: &[usize],
) -> Table {
    let council = register.settings.council_name.trim();
    let title = if council.is_empty() {
        "Appendix pack: partnerships".to_string()
    } else {
        format!("Appendix pack: {council}'s partnerships")
    };
    let mut table = Table::new(
        title,
        "Contents",
        basis.as_at,
        vec![
            Column::new("Appendix", ColumnKind::Label),
            Column::new("Contents", ColumnKind::Text),
            Column::new("Page", ColumnKind::Number),
        ],
    );
    table.source = if register.settings.source_line.trim().is_empty() {
        "Source: partnership register".to_string()
    } else {
        register.settings.source_line.trim().to_string()
    };
    table.groups.push(Group {
        heading: String::new(),
        rows: pieces
            .iter()
            .zip(first)
            .enumerate()
            .map(|(index, (piece, page))| {
                Row::data(vec![
                    Cell::Text(format!("Appendix {}", letter(index))),
                    Cell::text(piece.title()),
                    Cell::count(*page),
                ])
            })
            .collect(),
        subtotal: None,
    });
    table
}

/// The combined PDF of `pieces` with its contents page; returns the bytes and the page count.
pub fn combined_pdf(
    register: &Register,
    basis: ReviewBasis,
    pieces: &[Piece],
) -> Result<(Vec<u8>, usize), PackError> {
    // The contents' length decides where the parts start; lay it out until that settles.
    let mut contents_pages = 1;
    let mut contents = print::layout(&contents_table(register, basis, pieces, &[]));
    let mut starts = Vec::new();
    for _ in 0..3 {
        starts.clear();
        let mut next = contents_pages + 1;
        for piece in pieces {
            starts.push(next);
            next += piece.page_count();
        }
        contents = print::layout(&contents_table(register, basis, pieces, &starts));
        if contents.page_count() == contents_pages {
            break;
        }
        contents_pages = contents.page_count();
    }
    let mut pages = print::pdf_pages(&contents, "Contents");
    for (index, piece) in pieces.iter().enumerate() {
        let bookmark = format!("Appendix {}: {}", letter(index), piece.title());
        pages.extend(piece.pdf_pages(&bookmark));
    }
    let council = register.settings.council_name.trim();
    let info = DocumentInfo {
        title: contents_table(register, basis, &[], &[]).title,
        author: council.to_string(),
        subject: format!(
            "Diagrams, matrix and tables for a cabinet paper, {}",
            basis.describe()
        ),
        keywords: "partnerships, partnership register, appendix".to_string(),
        creator: "Partnership Atlas".to_string(),
        language: pdf::DEFAULT_LANGUAGE.to_string(),
        created: None,
    };
    let count = pages.len();
    let bytes = pdf::write_pdf(&info, &pages, &PageNumbering::default()).map_err(|error| {
        PackError::Make {
            what: "The combined PDF".to_string(),
            error: error.to_string(),
        }
    })?;
    Ok((bytes, count))
}
