//! [`Table`]s as an Excel workbook (rust_xlsxwriter), one sheet per table.
//!
//! Each sheet has the caption above the table (title bold, "Data as at", note lines), then the
//! headings (bold, shaded, wrapped, frozen so they stay on screen) with a filter, and the rows.
//! A grouped table gets a first column naming each row's group, so filtering by it keeps a
//! group's rows and its subtotal together; subtotal and TOTAL rows are bold, the TOTAL under a
//! rule and outside the filter. Money is a number formatted in pounds, hours a number to one
//! decimal, dates real dates, counts numbers: the spreadsheet sorts and adds them up; bands
//! and recommendations are their words ("Maintain", without the printed sign). Columns
//! are as wide as their contents (within limits). Printing is set up too: A4, landscape when
//! the table is wide, one page wide, the headings repeated on every page.
//!
//! Nothing stops the export: text longer than a cell holds (32,767 characters) is cut with a
//! visible marker, a date outside the spreadsheet's calendar (before 1900 or after 9999) is
//! written as text, and each such change is listed in [`Workbook::shortened`]. Text that
//! could run as a formula (in a cell, a heading, a group name or the caption) gets Excel's
//! quote prefix (the one rule, `crate::model`); nothing is ever written as a formula.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum,
    Workbook as XlsxWorkbook, Worksheet, XlsxError,
};

use super::{Cell, ColumnKind, Pence, RowKind, Shortened, Table, flat_group_name};
use crate::model::looks_like_formula;

/// Why the workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the spreadsheet could not be made: {0}")]
pub struct XlsxExportError(#[from] XlsxError);

/// The most characters (UTF-16 units, as Excel counts) a cell holds.
pub const MAX_CELL_TEXT: usize = 32_767;

/// Who the workbook is by and what it is about (its document properties).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkbookInfo {
    /// The title ("Appendix pack: partnership register").
    pub title: String,
    /// The council, as author and company.
    pub author: String,
    /// What it is about.
    pub subject: String,
}

/// A written workbook and what had to be changed to write it.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The XLSX file.
    pub bytes: Vec<u8>,
    /// Cells cut short or written as text.
    pub shortened: Vec<Shortened>,
}

/// The formats of one workbook.
struct Formats {
    title: Format,
    muted: Format,
    heading: Format,
    group: Format,
    text: Format,
    number: Format,
    hours: Format,
    money_whole: Format,
    money_pence: Format,
    date: Format,
}

impl Formats {
    fn new(bold: bool, rule: bool) -> Self {
        let base = || {
            let mut format = Format::new().set_align(FormatAlign::Top);
            if bold {
                format = format.set_bold();
            }
            if rule {
                format = format
                    .set_border_top(FormatBorder::Thin)
                    .set_border_bottom(FormatBorder::Double);
            }
            format
        };
        Self {
            title: Format::new().set_bold().set_font_size(14),
            muted: Format::new().set_font_color(Color::RGB(0x55_55_55)),
            heading: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xE4_E8_EE))
                .set_border_bottom(FormatBorder::Thin),
            group: base().set_bold(),
            text: base().set_text_wrap(),
            number: base().set_num_format("#,##0"),
            hours: base().set_num_format("0.0"),
            money_whole: base().set_num_format("£#,##0;-£#,##0"),
            money_pence: base().set_num_format("£#,##0.00;-£#,##0.00"),
            date: base()
                .set_num_format("d mmm yyyy")
                .set_align(FormatAlign::Left),
        }
    }
}

/// Writes `words` as text in `format`, with Excel's quote prefix added when the text could be
/// taken for a formula (the one rule, `crate::model::looks_like_formula`): captions, headings,
/// group names and cells alike, so editing a cell in Excel never turns it into a formula.
fn write_text(
    sheet: &mut Worksheet,
    line: RowNum,
    column: ColNum,
    words: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if looks_like_formula(words) {
        let quoted = format.clone().set_quote_prefix();
        sheet.write_string_with_format(line, column, words, &quoted)?;
    } else {
        sheet.write_string_with_format(line, column, words, format)?;
    }
    Ok(())
}

/// The formats for data, subtotal and total rows.
struct RowFormats {
    data: Formats,
    subtotal: Formats,
    total: Formats,
}

impl RowFormats {
    fn new() -> Self {
        Self {
            data: Formats::new(false, false),
            subtotal: Formats::new(true, false),
            total: Formats::new(true, true),
        }
    }

    fn of(&self, kind: RowKind) -> &Formats {
        match kind {
            RowKind::Data => &self.data,
            RowKind::Subtotal => &self.subtotal,
            RowKind::Total => &self.total,
        }
    }
}

/// A worksheet name Excel accepts, unique in `taken`: at most 31 characters, none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, not "History".
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim().to_string();
    let base = if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
        "Table".to_string()
    } else {
        cleaned
    };
    let fits = |name: &str, limit: usize| name.chars().take(limit).collect::<String>();
    let free = |name: &str| !taken.iter().any(|t| t.eq_ignore_ascii_case(name));
    let first = fits(&base, 31);
    if free(&first) {
        return first;
    }
    (2..)
        .map(|number| {
            let suffix = format!(" ({number})");
            format!("{}{suffix}", fits(&base, 31 - suffix.len()))
        })
        .find(|name| free(name))
        .unwrap_or(first)
}

/// Text cut to what a cell holds, with a marker saying so; `None` when it fits.
pub fn fit_cell_text(text: &str) -> Option<String> {
    let units = text.encode_utf16().count();
    if units <= MAX_CELL_TEXT {
        return None;
    }
    let marker = format!(
        " … [shortened: the register holds {} characters; see the register for the rest]",
        text.chars().count()
    );
    let room = MAX_CELL_TEXT - marker.encode_utf16().count();
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        kept.push(c);
    }
    kept.push_str(&marker);
    Some(kept)
}

/// A date as Excel holds it, or `None` outside its calendar (1900 to 9999).
pub fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok().filter(|y| *y >= 1900)?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// Rough display width of a cell's text, in characters, for column widths.
fn width_of(cell: &Cell, pence: Pence) -> usize {
    let printed = cell.printed(pence);
    printed
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
}

/// Column widths in characters: the longest cell or heading word, within limits by kind.
fn column_widths(table: &Table) -> Vec<f64> {
    let rows = table.rows_in_order();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let pence = table.column_pence(index);
            let longest_cell = rows
                .iter()
                .filter_map(|(_, row)| row.cells.get(index))
                .map(|cell| width_of(cell, pence))
                .max()
                .unwrap_or(0);
            let longest_word = column
                .heading
                .split_whitespace()
                .map(|word| word.chars().count())
                .max()
                .unwrap_or(0);
            let (least, most) = match column.kind {
                ColumnKind::Text => (12, 60),
                ColumnKind::Label => (8, 30),
                ColumnKind::Date => (11, 12),
                _ => (8, 16),
            };
            let wanted = longest_cell.max(longest_word).max(heading_share(column));
            (wanted.clamp(least, most) + 2) as f64
        })
        .collect()
}

/// A heading wraps onto at most three lines: a column is at least a third of it wide.
fn heading_share(column: &super::Column) -> usize {
    column.heading.chars().count().div_ceil(3)
}

fn col(index: usize) -> ColNum {
    ColNum::try_from(index).unwrap_or(ColNum::MAX)
}

fn row_number(index: usize) -> RowNum {
    RowNum::try_from(index).unwrap_or(RowNum::MAX)
}

/// Writes one table on `sheet`, noting in `shortened` what had to change.
fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    shortened: &mut Vec<Shortened>,
) -> Result<(), XlsxError> {
    let formats = RowFormats::new();
    let offset = usize::from(table.group_column.is_some());
    let mut line = 0usize;
    write_text(
        sheet,
        row_number(line),
        0,
        &table.title,
        &formats.data.title,
    )?;
    line += 1;
    write_text(
        sheet,
        row_number(line),
        0,
        &table.caption().data_as_at_line(),
        &formats.data.muted,
    )?;
    line += 1;
    for note in &table.notes {
        write_text(sheet, row_number(line), 0, note, &formats.data.muted)?;
        line += 1;
    }
    line += 1;
    let heading_row = line;
    if let Some(group) = &table.group_column {
        write_text(sheet, row_number(line), 0, group, &formats.data.heading)?;
    }
    for (index, column) in table.columns.iter().enumerate() {
        write_text(
            sheet,
            row_number(line),
            col(index + offset),
            &column.heading,
            &formats.data.heading,
        )?;
    }
    if table.group_column.is_some() {
        let width = table
            .groups
            .iter()
            .map(|g| flat_group_name(&g.heading).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(10, 40);
        sheet.set_column_width(0, (width + 2) as f64)?;
    }
    for (index, width) in column_widths(table).iter().enumerate() {
        sheet.set_column_width(col(index + offset), *width)?;
    }
    let pence = table.columns_pence();
    let mut last_filtered = heading_row;
    for (written, (group, row)) in table.rows_in_order().into_iter().enumerate() {
        line += 1;
        let row_formats = formats.of(row.kind);
        if table.group_column.is_some() && row.kind != RowKind::Total {
            write_text(
                sheet,
                row_number(line),
                0,
                flat_group_name(group),
                &row_formats.group,
            )?;
        }
        for (index, column) in table.columns.iter().enumerate() {
            let cell = row.cells.get(index).unwrap_or(&Cell::Empty);
            let at = Place {
                table: &table.short_name,
                heading: &column.heading,
                row: written + 1,
                line: row_number(line),
                column: col(index + offset),
            };
            write_cell(sheet, &at, cell, row_formats, pence[index], shortened)?;
        }
        if row.kind == RowKind::Total {
            // Style the group column of the total too, so the rule runs the whole width.
            if table.group_column.is_some() {
                sheet.write_blank(row_number(line), 0, &row_formats.text)?;
            }
        } else {
            last_filtered = line;
        }
    }
    let last_column = col(table.columns.len() + offset - 1);
    sheet.set_freeze_panes(row_number(heading_row + 1), 0)?;
    sheet.autofilter(
        row_number(heading_row),
        0,
        row_number(last_filtered.max(heading_row + 1)),
        last_column,
    )?;
    sheet.set_paper_size(9);
    if table.columns.len() + offset > 6 {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(row_number(heading_row), row_number(heading_row))?;
    sheet.set_footer("&L&8&F&R&8Page &P of &N");
    Ok(())
}

/// Where a cell goes and how to name it if it must change.
struct Place<'a> {
    table: &'a str,
    heading: &'a str,
    row: usize,
    line: RowNum,
    column: ColNum,
}

impl Place<'_> {
    fn note(&self, what: String) -> Shortened {
        Shortened {
            table: self.table.to_string(),
            column: self.heading.to_string(),
            row: self.row,
            what,
        }
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    at: &Place<'_>,
    cell: &Cell,
    formats: &Formats,
    pence: Pence,
    shortened: &mut Vec<Shortened>,
) -> Result<(), XlsxError> {
    let (line, column) = (at.line, at.column);
    match cell {
        Cell::Empty => {
            sheet.write_blank(line, column, &formats.text)?;
        }
        Cell::Text(words) => {
            let fitted = fit_cell_text(words);
            if fitted.is_some() {
                shortened.push(at.note(format!(
                    "{} characters cut to the {MAX_CELL_TEXT} a spreadsheet cell holds",
                    words.chars().count()
                )));
            }
            let words = fitted.as_deref().unwrap_or(words);
            write_text(sheet, line, column, words, &formats.text)?;
        }
        Cell::Money(money) => {
            // Whole pence: an f64 holds every amount a council could have exactly.
            let pounds = money.pence as f64 / 100.0;
            let format = match pence {
                Pence::Shown => &formats.money_pence,
                Pence::Hidden => &formats.money_whole,
            };
            sheet.write_number_with_format(line, column, pounds, format)?;
        }
        Cell::Hours(hours) => {
            sheet.write_number_with_format(line, column, hours.as_f64(), &formats.hours)?;
        }
        Cell::Number(number) => {
            sheet.write_number_with_format(line, column, *number as f64, &formats.number)?;
        }
        Cell::Date(date) => match excel_date(*date) {
            Some(excel) => {
                sheet.write_datetime_with_format(line, column, excel, &formats.date)?;
            }
            None => {
                shortened.push(at.note(format!(
                    "{date} is outside the dates a spreadsheet holds (1900 to 9999), so it is \
                     written as text"
                )));
                sheet.write_string_with_format(line, column, date.to_string(), &formats.text)?;
            }
        },
        Cell::Band(_) | Cell::Recommendation(_) => {
            // The words without the printed sign, as the CSV and the group column write them.
            write_text(sheet, line, column, &cell.plain(), &formats.text)?;
        }
    }
    Ok(())
}

/// The tables as one workbook, a sheet each in the order given.
pub fn tables_xlsx(tables: &[&Table], info: &WorkbookInfo) -> Result<Workbook, XlsxExportError> {
    let mut workbook = XlsxWorkbook::new();
    let mut properties = DocProperties::new()
        .set_title(&info.title)
        .set_subject(&info.subject);
    if !info.author.trim().is_empty() {
        properties = properties
            .set_author(&info.author)
            .set_company(&info.author);
    }
    workbook.set_properties(&properties);
    let mut names: Vec<String> = Vec::new();
    let mut shortened = Vec::new();
    for table in tables {
        let name = sheet_name(&table.short_name, &names);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        names.push(name);
        write_table(sheet, table, &mut shortened)?;
    }
    Ok(Workbook {
        bytes: workbook.save_to_buffer()?,
        shortened,
    })
}

/// One table as a workbook of one sheet.
pub fn table_xlsx(table: &Table, info: &WorkbookInfo) -> Result<Workbook, XlsxExportError> {
    tables_xlsx(&[table], info)
}
