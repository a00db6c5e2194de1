//! A [`Table`] typeset on A4 pages, for PDF and PNG: the pictures' caption block on every page
//! (title, "Data as at", source line, from [`page::caption_block`]), the header row repeated at
//! the top of every page, group headings (repeated with "(continued)" when a group runs over a
//! page), bold subtotal and TOTAL rows, and "Page 2 of 3" in the bottom margin.
//!
//! Columns are sized to their contents ([`fit_columns`]): numbers never wrap and are
//! right-aligned; text columns share what is left and wrap at spaces. The page is portrait when
//! the table's natural width fits it, else landscape. A row is never split across pages; a row
//! too tall for a whole page (a very long note) has its longest cells cut with "…", and the
//! cut is listed. Text is measured with the embedded font (`super::super::text`), so what is
//! measured is what is drawn.

use std::borrow::Cow;

use super::{Cell, ColumnKind, Pence, RowKind, Shortened, Table};
use crate::export::page::{self, Layer, LegendPlace, Page, PageSetup, Transform};
use crate::export::scene::{
    Anchor, Color, Geometry, Item, Paint, Point, Rect, Shape, Stroke, TextRun,
};
use crate::export::text::{self, FontWeight};
use crate::export::{ExportError, Orientation, PaperSize, pdf, png};

/// Body text size, in points.
pub const BODY_SIZE: f32 = 8.5;
/// Group heading size, in points.
pub const GROUP_SIZE: f32 = 9.0;
/// Padding left and right of a cell's text, in points.
pub const PAD_X: f32 = 4.0;
/// Padding above and below a cell's text, in points.
const PAD_Y: f32 = 2.5;
/// The widest a text column asks to be before it wraps, in points.
const MAX_NATURAL_TEXT: f32 = 260.0;
/// The narrowest a text column's words are allowed before they break inside, in points.
const MAX_WORD: f32 = 110.0;
/// The least width of the first (name) column, in points.
const NAME_COLUMN: f32 = 150.0;
/// A label this wide or narrower is never wrapped, in points.
const SHORT_LABEL: f32 = 80.0;

const HEADER_FILL: Color = Color::rgb(0xe4, 0xe8, 0xee);
const GROUP_FILL: Color = Color::rgb(0xf2, 0xf4, 0xf7);
const SUBTOTAL_FILL: Color = Color::rgb(0xf7, 0xf7, 0xf7);
const RULE: Color = Color::rgb(0xbb, 0xbb, 0xbb);
const STRONG_RULE: Color = Color::rgb(0x44, 0x44, 0x44);

/// The width of `cell` on one line, in points (without padding).
fn cell_width(cell: &Cell, pence: Pence, weight: FontWeight) -> f32 {
    cell.printed(pence)
        .lines()
        .map(|line| text::line_width(line, BODY_SIZE, weight))
        .fold(0.0, f32::max)
}

fn longest_word(words: &str, weight: FontWeight) -> f32 {
    words
        .split_whitespace()
        .map(|word| text::line_width(word, BODY_SIZE, weight))
        .fold(0.0, f32::max)
}

fn weight_of(kind: RowKind) -> FontWeight {
    match kind {
        RowKind::Data => FontWeight::Regular,
        RowKind::Subtotal | RowKind::Total => FontWeight::Bold,
    }
}

/// Each column's (least, natural) width in points, padding included.
fn column_needs(table: &Table) -> Vec<(f32, f32)> {
    let rows = table.rows_in_order();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let pence = table.column_pence(index);
            let heading_word = longest_word(&column.heading, FontWeight::Bold);
            let widest_cell = rows
                .iter()
                .filter_map(|(_, row)| {
                    row.cells
                        .get(index)
                        .map(|cell| cell_width(cell, pence, weight_of(row.kind)))
                })
                .fold(0.0, f32::max);
            let (least, natural) = match column.kind {
                ColumnKind::Text => {
                    let word = rows
                        .iter()
                        .filter_map(|(_, row)| row.cells.get(index))
                        .map(|cell| longest_word(&cell.printed(pence), FontWeight::Regular))
                        .fold(heading_word, f32::max)
                        .min(MAX_WORD);
                    let natural = widest_cell.min(MAX_NATURAL_TEXT).max(word);
                    // The first column names the row: it keeps room for a name on a line or two.
                    let least = if index == 0 {
                        natural.min(NAME_COLUMN)
                    } else {
                        word.max(40.0)
                    };
                    (least, natural)
                }
                ColumnKind::Label => {
                    let word = rows
                        .iter()
                        .filter_map(|(_, row)| row.cells.get(index))
                        .map(|cell| longest_word(&cell.printed(pence), FontWeight::Bold))
                        .fold(heading_word, f32::max);
                    let natural = widest_cell.max(word).min(MAX_NATURAL_TEXT);
                    // Short labels stay on one line.
                    let least = if natural <= SHORT_LABEL {
                        natural
                    } else {
                        word
                    };
                    (least, natural)
                }
                _ => {
                    // Numbers never wrap; their heading may, on two or three lines.
                    let heading = text::line_width(&column.heading, BODY_SIZE, FontWeight::Bold);
                    let width = widest_cell.max(heading_word).max(heading / 3.0);
                    (width, widest_cell.max(heading_word).max(heading / 2.0))
                }
            };
            (least + 2.0 * PAD_X, natural + 2.0 * PAD_X)
        })
        .collect()
}

/// The table's natural width in points: every column as wide as its contents ask.
pub fn natural_width(table: &Table) -> f32 {
    column_needs(table).iter().map(|(_, natural)| natural).sum()
}

/// Column widths in points that fill `available`: natural widths when they fit (the spare
/// room going to text columns), else the least widths plus a share of what is left in
/// proportion to how much more each wanted; scaled down only when even the least widths do
/// not fit.
pub fn fit_columns(table: &Table, available: f32) -> Vec<f32> {
    let mut needs = column_needs(table);
    let natural: f32 = needs.iter().map(|(_, n)| n).sum();
    if natural <= available {
        let spare = available - natural;
        let stretchy: Vec<bool> = table
            .columns
            .iter()
            .map(|c| c.kind == ColumnKind::Text)
            .collect();
        let stretch_total: f32 = needs
            .iter()
            .zip(&stretchy)
            .filter(|(_, s)| **s)
            .map(|((_, n), _)| n)
            .sum();
        return needs
            .iter()
            .zip(&stretchy)
            .map(|((_, n), s)| {
                if stretch_total > 0.0 {
                    if *s {
                        n + spare * n / stretch_total
                    } else {
                        *n
                    }
                } else {
                    n + spare * n / natural.max(1.0)
                }
            })
            .collect();
    }
    let mut least: f32 = needs.iter().map(|(l, _)| l).sum();
    if least > available {
        // Give up the name column's extra room and labels' single lines first.
        let words = column_words(table);
        for ((need, _), word) in needs.iter_mut().zip(&words) {
            *need = need.min(*word);
        }
        least = needs.iter().map(|(l, _)| l).sum();
    }
    if least >= available {
        return needs
            .iter()
            .map(|(l, _)| l * available / least.max(1.0))
            .collect();
    }
    let wanted: f32 = needs.iter().map(|(l, n)| n - l).sum();
    needs
        .iter()
        .map(|(l, n)| l + (available - least) * (n - l) / wanted.max(1e-3))
        .collect()
}

/// Each column's longest word (text and labels) or its width (numbers, dates), padding
/// included: the least it can take without breaking words.
fn column_words(table: &Table) -> Vec<f32> {
    let rows = table.rows_in_order();
    let needs = column_needs(table);
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| match column.kind {
            ColumnKind::Text | ColumnKind::Label => {
                let pence = table.column_pence(index);
                rows.iter()
                    .filter_map(|(_, row)| row.cells.get(index))
                    .map(|cell| longest_word(&cell.printed(pence), FontWeight::Bold))
                    .fold(longest_word(&column.heading, FontWeight::Bold), f32::max)
                    .clamp(30.0, MAX_WORD)
                    + 2.0 * PAD_X
            }
            _ => needs[index].0,
        })
        .collect()
}

/// A4 portrait when the table's natural width fits its printable width, else landscape.
pub fn page_for(table: &Table) -> PageSetup {
    let portrait = PageSetup::new(PaperSize::A4, Orientation::Portrait);
    if natural_width(table) <= portrait.printable().width {
        portrait
    } else {
        PageSetup::new(PaperSize::A4, Orientation::Landscape)
    }
}

/// One line of the printed table, wrapped to its columns.
struct PrintedRow {
    kind: PrintedKind,
    /// The lines of each cell (for a group heading, one entry).
    cells: Vec<Vec<String>>,
    height: f32,
}

#[derive(Clone, Copy, PartialEq)]
enum PrintedKind {
    Header,
    Group,
    Body(RowKind),
}

/// A table laid out on pages, not yet numbered.
#[derive(Clone, Debug, PartialEq)]
pub struct TableLayout {
    /// The paper.
    pub setup: PageSetup,
    /// Each page's table items, in page points.
    pub pages: Vec<Vec<Item>>,
    /// The caption block, for the width of the printable area.
    caption: page::CaptionBlock,
    /// The document title of each page.
    title: String,
    /// Cells cut short to fit a page.
    pub shortened: Vec<Shortened>,
    /// Each page's text for screen readers.
    alt_texts: Vec<String>,
}

impl TableLayout {
    /// How many pages.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The pages without page numbers (the PDF writer prints its own).
    pub fn pages(&self) -> Vec<Page<'static>> {
        let printable = self.setup.printable();
        let to_page = Transform {
            scale: 1.0,
            dx: printable.x,
            dy: printable.y,
        };
        self.pages
            .iter()
            .map(|items| {
                let mut page = Page {
                    setup: self.setup,
                    width: self.setup.size_pt().0,
                    height: self.setup.size_pt().1,
                    background: Color::WHITE,
                    title: self.title.clone(),
                    layers: vec![
                        Layer {
                            transform: to_page,
                            items: Cow::Owned(self.caption.header.clone()),
                        },
                        Layer {
                            transform: Transform::IDENTITY,
                            items: Cow::Owned(items.clone()),
                        },
                    ],
                    picture_scale: Some(1.0),
                    legend_place: LegendPlace::Below,
                };
                if !self.caption.footer.is_empty() {
                    page.layers.push(Layer {
                        transform: Transform {
                            dy: printable.bottom() - self.caption.footer_height,
                            ..to_page
                        },
                        items: Cow::Owned(self.caption.footer.clone()),
                    });
                }
                page
            })
            .collect()
    }

    /// The pages numbered "Page 1 of N" in the bottom margin when there are several (as the
    /// PDF writer numbers them), for PNG.
    pub fn numbered_pages(&self) -> Vec<Page<'static>> {
        let mut pages = self.pages();
        let count = pages.len();
        if count > 1 {
            for (index, page) in pages.iter_mut().enumerate() {
                stamp_page_number(page, &page_number(index + 1, count));
            }
        }
        pages
    }

    /// What a screen reader says for page `index`: the table's title and the page's rows as
    /// text, a row a sentence.
    pub fn alt_text(&self, index: usize) -> String {
        self.alt_texts.get(index).cloned().unwrap_or_default()
    }
}

/// "Page 2 of 3".
pub fn page_number(number: usize, total: usize) -> String {
    format!("Page {number} of {total}")
}

/// Writes `label` centred in the bottom margin of `page`, clear of everything inside the
/// margins (so it never meets a source line or a legend).
pub fn stamp_page_number(page: &mut Page<'_>, label: &str) {
    let printable = page.setup.printable();
    let margin = page.height - printable.bottom();
    let size = 8.0;
    let top = printable.bottom() + (margin - text::line_height(size)) / 2.0;
    page.layers.push(Layer {
        transform: Transform::IDENTITY,
        items: Cow::Owned(vec![Item::Text(
            TextRun::line(Point::new(page.width / 2.0, top), label, size)
                .anchored(Anchor::Middle)
                .colored(Color::MUTED),
        )]),
    });
}

fn rule(x: f32, y: f32, width: f32, color: Color, thickness: f32) -> Item {
    Item::Shape(Shape::new(
        Geometry::Polyline {
            points: vec![Point::new(x, y), Point::new(x + width, y)],
            arrows: crate::export::ArrowHeads::None,
        },
        Paint::stroke(Stroke::solid(color, thickness)),
    ))
}

fn fill(rect: Rect, color: Color) -> Item {
    Item::Shape(Shape::new(
        Geometry::RoundedRect { rect, radius: 0.0 },
        Paint::fill(color),
    ))
}

/// Lays `table` out on its page ([`page_for`]).
pub fn layout(table: &Table) -> TableLayout {
    layout_on(table, page_for(table))
}

/// Lays `table` out on `setup`.
pub fn layout_on(table: &Table, setup: PageSetup) -> TableLayout {
    let printable = setup.printable();
    let caption = page::caption_block(&table.caption(), printable.width);
    let top = printable.y + caption.header_height + caption.gap;
    let mut bottom = printable.bottom();
    if caption.footer_height > 0.0 {
        bottom -= caption.footer_height + caption.gap / 2.0;
    }
    let body_height = (bottom - top).max(40.0);
    let widths = fit_columns(table, printable.width);
    let mut shortened = Vec::new();
    let header = header_row(table, &widths);
    let room = body_height - header.height;
    let rows = body_rows(table, &widths, room, &mut shortened);

    let mut pages: Vec<Vec<Item>> = Vec::new();
    let mut alt_texts: Vec<String> = Vec::new();
    let mut alt = String::new();
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    let mut items = Vec::new();
    let mut y = top;
    let mut current_group: Option<String> = None;
    let start_page = |items: &mut Vec<Item>, y: &mut f32| {
        draw_row(items, &header, &widths, printable.x, *y, table);
        *y += header.height;
    };
    start_page(&mut items, &mut y);
    let mut on_page = 0usize;
    for (index, row) in rows.iter().enumerate() {
        if row.kind == PrintedKind::Group {
            current_group = row.cells.first().and_then(|c| c.first()).cloned();
        }
        let needed = kept_together(&rows, index, room);
        if on_page > 0 && y + needed > bottom + 0.01 {
            pages.push(std::mem::take(&mut items));
            alt_texts.push(std::mem::take(&mut alt));
            y = top;
            start_page(&mut items, &mut y);
            on_page = 0;
            if row.kind != PrintedKind::Group
                && let Some(group) = &current_group
            {
                let continued = group_row(&format!("{group} (continued)"), printable.width);
                draw_row(&mut items, &continued, &widths, printable.x, y, table);
                y += continued.height;
            }
        }
        draw_row(&mut items, row, &widths, printable.x, y, table);
        describe_row(&mut alt, row, &headings);
        y += row.height;
        on_page += 1;
    }
    if rows.is_empty() {
        let empty = PrintedRow {
            kind: PrintedKind::Body(RowKind::Data),
            cells: vec![vec!["Nothing to show".to_string()]],
            height: text::line_height(BODY_SIZE) + 2.0 * PAD_Y,
        };
        draw_row(
            &mut items,
            &empty,
            &[printable.width],
            printable.x,
            y,
            table,
        );
    }
    pages.push(items);
    alt_texts.push(alt);
    let count = pages.len();
    let alt_texts = alt_texts
        .into_iter()
        .enumerate()
        .map(|(index, rows)| {
            format!(
                "Table: {}. {}. Page {} of {count}. {rows}",
                table.title,
                table.caption().data_as_at_line(),
                index + 1
            )
        })
        .collect();
    TableLayout {
        setup,
        pages,
        caption,
        title: table.title.clone(),
        shortened,
        alt_texts,
    }
}

/// The height row `index` needs on its page: its own, and the rows it is kept with. A group
/// heading goes with the row after it; a subtotal or the TOTAL stays with the row before it
/// (so no page starts with a total cut off from its rows). Never more than a page's `room`.
fn kept_together(rows: &[PrintedRow], index: usize, room: f32) -> f32 {
    let sticks_back = |row: &PrintedRow| {
        matches!(
            row.kind,
            PrintedKind::Body(RowKind::Subtotal | RowKind::Total)
        )
    };
    let mut needed = 0.0;
    let mut at = index;
    while let Some(row) = rows.get(at) {
        needed += row.height;
        let next = rows.get(at + 1);
        let keep = row.kind == PrintedKind::Group || next.is_some_and(sticks_back);
        if !keep {
            break;
        }
        at += 1;
    }
    let own = rows.get(index).map_or(0.0, |row| row.height);
    if needed > room { own } else { needed }
}

/// Adds a row to a page's text for screen readers: "Heading: value; ..." then a full stop.
fn describe_row(alt: &mut String, row: &PrintedRow, headings: &[&str]) {
    let sentence = match row.kind {
        PrintedKind::Group => row.cells.concat().join(" "),
        _ => row
            .cells
            .iter()
            .zip(headings)
            .filter(|(lines, _)| !lines.is_empty())
            .map(|(lines, heading)| format!("{heading}: {}", lines.join(" ")))
            .collect::<Vec<_>>()
            .join("; "),
    };
    if !sentence.is_empty() {
        if !alt.is_empty() {
            alt.push(' ');
        }
        alt.push_str(&sentence);
        alt.push('.');
    }
}

fn header_row(table: &Table, widths: &[f32]) -> PrintedRow {
    let cells: Vec<Vec<String>> = table
        .columns
        .iter()
        .zip(widths)
        .map(|(column, width)| {
            text::wrap(
                &column.heading,
                BODY_SIZE,
                FontWeight::Bold,
                width - 2.0 * PAD_X,
            )
        })
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    PrintedRow {
        kind: PrintedKind::Header,
        cells,
        height: lines as f32 * text::line_height(BODY_SIZE) + 2.0 * PAD_Y,
    }
}

fn group_row(heading: &str, width: f32) -> PrintedRow {
    let lines = text::wrap(heading, GROUP_SIZE, FontWeight::Bold, width - 2.0 * PAD_X);
    let count = lines.len().max(1);
    PrintedRow {
        kind: PrintedKind::Group,
        cells: vec![lines],
        height: count as f32 * text::line_height(GROUP_SIZE) + 2.0 * PAD_Y + 2.0,
    }
}

fn body_rows(
    table: &Table,
    widths: &[f32],
    room: f32,
    shortened: &mut Vec<Shortened>,
) -> Vec<PrintedRow> {
    let total_width: f32 = widths.iter().sum();
    let max_lines = ((room - 2.0 * PAD_Y) / text::line_height(BODY_SIZE))
        .floor()
        .max(1.0) as usize;
    let pence = table.columns_pence();
    let mut rows = Vec::new();
    let mut written = 0usize;
    for group in &table.groups {
        if !group.heading.is_empty() {
            rows.push(group_row(&group.heading, total_width));
        }
        let subtotal = group.subtotal.iter();
        for row in group.rows.iter().chain(subtotal) {
            written += 1;
            rows.push(body_row(
                table, row, widths, &pence, max_lines, written, shortened,
            ));
        }
    }
    if let Some(total) = &table.total {
        written += 1;
        rows.push(body_row(
            table, total, widths, &pence, max_lines, written, shortened,
        ));
    }
    rows
}

fn body_row(
    table: &Table,
    row: &super::Row,
    widths: &[f32],
    pence: &[Pence],
    max_lines: usize,
    written: usize,
    shortened: &mut Vec<Shortened>,
) -> PrintedRow {
    let weight = weight_of(row.kind);
    let cells: Vec<Vec<String>> = (0..table.columns.len())
        .map(|index| {
            let cell = row.cells.get(index).unwrap_or(&Cell::Empty);
            let printed = cell.printed(pence[index]);
            let mut lines = text::wrap(&printed, BODY_SIZE, weight, widths[index] - 2.0 * PAD_X);
            if lines.len() > max_lines {
                shortened.push(Shortened {
                    table: table.short_name.clone(),
                    column: table.columns[index].heading.clone(),
                    row: written,
                    what: format!(
                        "cut to the {max_lines} lines a page holds (the spreadsheet has it all)"
                    ),
                });
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    last.push_str(" …");
                }
            }
            lines
        })
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    PrintedRow {
        kind: PrintedKind::Body(row.kind),
        cells,
        height: lines as f32 * text::line_height(BODY_SIZE) + 2.0 * PAD_Y,
    }
}

fn draw_row(
    items: &mut Vec<Item>,
    row: &PrintedRow,
    widths: &[f32],
    left: f32,
    top: f32,
    table: &Table,
) {
    let width: f32 = widths.iter().sum();
    let band = Rect::new(left, top, width, row.height);
    match row.kind {
        PrintedKind::Header => {
            items.push(fill(band, HEADER_FILL));
            items.push(rule(left, top + row.height, width, STRONG_RULE, 0.8));
        }
        PrintedKind::Group => {
            items.push(fill(
                Rect::new(left, top + 2.0, width, row.height - 2.0),
                GROUP_FILL,
            ));
            let lines = row.cells.first().cloned().unwrap_or_default();
            items.push(Item::Text(
                TextRun::new(
                    Point::new(left + PAD_X, top + 2.0 + PAD_Y),
                    lines,
                    GROUP_SIZE,
                )
                .bold()
                .anchored(Anchor::Start)
                .colored(Color::BLACK),
            ));
            return;
        }
        PrintedKind::Body(RowKind::Subtotal) => {
            items.push(fill(band, SUBTOTAL_FILL));
            items.push(rule(left, top + row.height, width, RULE, 0.5));
        }
        PrintedKind::Body(RowKind::Total) => {
            items.push(rule(left, top, width, STRONG_RULE, 1.2));
            items.push(rule(left, top + row.height, width, STRONG_RULE, 1.2));
        }
        PrintedKind::Body(RowKind::Data) => {
            items.push(rule(left, top + row.height, width, RULE, 0.4));
        }
    }
    let weight = match row.kind {
        PrintedKind::Body(RowKind::Data) => FontWeight::Regular,
        _ => FontWeight::Bold,
    };
    let mut x = left;
    for (index, lines) in row.cells.iter().enumerate() {
        let column_width = widths.get(index).copied().unwrap_or(0.0);
        if !lines.is_empty() {
            let numeric = table
                .columns
                .get(index)
                .is_some_and(|column| column.kind.is_numeric());
            let (anchor, anchor_x) = if numeric {
                (Anchor::End, x + column_width - PAD_X)
            } else {
                (Anchor::Start, x + PAD_X)
            };
            let mut run = TextRun::new(Point::new(anchor_x, top + PAD_Y), lines.clone(), BODY_SIZE)
                .anchored(anchor)
                .colored(Color::TEXT);
            if weight == FontWeight::Bold {
                run = run.bold().colored(Color::BLACK);
            }
            items.push(Item::Text(run));
        }
        x += column_width;
    }
}

/// The tables as one PDF, each table starting on a new page with a bookmark, pages numbered
/// by the PDF writer; returns the bytes and the cells cut short.
pub fn tables_pdf(
    tables: &[&Table],
    info: &pdf::DocumentInfo,
) -> Result<(Vec<u8>, Vec<Shortened>), ExportError> {
    let mut pages = Vec::new();
    let mut shortened = Vec::new();
    for table in tables {
        let layout = layout(table);
        pages.extend(pdf_pages(&layout, &table.title));
        shortened.extend(layout.shortened);
    }
    let bytes = pdf::write_pdf(info, &pages, &pdf::PageNumbering::default())?;
    Ok((bytes, shortened))
}

/// A laid-out table's pages for the PDF writer: alternative text on each, the first
/// bookmarked with `bookmark`.
pub fn pdf_pages(layout: &TableLayout, bookmark: &str) -> Vec<pdf::PdfPage<'static>> {
    layout
        .pages()
        .into_iter()
        .enumerate()
        .map(|(index, page)| {
            let entry = pdf::PdfPage::new(page, layout.alt_text(index));
            if index == 0 {
                entry.bookmarked(bookmark)
            } else {
                entry
            }
        })
        .collect()
}

/// The table as PNG pictures, one per page, numbered when there are several.
pub fn table_pngs(table: &Table, dpi: u32) -> Result<(Vec<Vec<u8>>, Vec<Shortened>), ExportError> {
    let layout = layout(table);
    let pictures = layout
        .numbered_pages()
        .iter()
        .map(|page| png::page_to_png(page, dpi))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((pictures, layout.shortened))
}
