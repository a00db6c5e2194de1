//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) read by calamine: the sheet chosen, every cell as
//! text (whole numbers without ".0", dates as ISO dates), and merged cells filled with their
//! value across the cells they cover, so a heading merged over two columns names both.

use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, Sheets, open_workbook_auto_from_rs};

use super::{ImportError, SheetTable};
use crate::model::words::listed;

/// Extensions read as workbooks (lower case, without the dot).
const WORKBOOK_EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "xla", "ods"];

/// Whether a file with this extension (lower case) is read as a workbook.
pub fn is_workbook_extension(extension: &str) -> bool {
    WORKBOOK_EXTENSIONS.contains(&extension)
}

/// Reads the sheet called `sheet`, or the first, of a workbook's bytes.
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<SheetTable, ImportError> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|error| ImportError::Workbook(error.to_string()))?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|name| name.as_str() == wanted || name.trim().eq_ignore_ascii_case(wanted.trim()))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                wanted: wanted.to_string(),
                have: listed(&sheets.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>()),
            })?,
        None => sheets.first().cloned().ok_or(ImportError::NoSheets)?,
    };
    let range = workbook
        .worksheet_range(&chosen)
        .map_err(|error| ImportError::Workbook(error.to_string()))?;
    let merged = merged_cells(&mut workbook, &chosen);
    Ok(SheetTable {
        rows: cells_as_text(&range, &merged),
        sheets,
        sheet: chosen,
    })
}

/// The merged areas of a sheet (none when the format does not say).
fn merged_cells(workbook: &mut Sheets<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Every cell from A1 (so row numbers are the sheet's), merged areas filled.
fn cells_as_text(range: &Range<Data>, merged: &[Dimensions]) -> Vec<Vec<String>> {
    let Some((end_row, end_column)) = range.end() else {
        return Vec::new();
    };
    let (rows, columns) = (end_row as usize + 1, end_column as usize + 1);
    let mut table: Vec<Vec<String>> = (0..rows)
        .map(|row| {
            (0..columns)
                .map(|column| {
                    range
                        .get_value((row as u32, column as u32))
                        .map(cell_text)
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    for area in merged {
        let (top, left) = (area.start.0 as usize, area.start.1 as usize);
        let Some(value) = table.get(top).and_then(|row| row.get(left)).cloned() else {
            continue;
        };
        for row in top..=(area.end.0 as usize).min(rows.saturating_sub(1)) {
            for column in left..=(area.end.1 as usize).min(columns.saturating_sub(1)) {
                if let Some(cell) = table.get_mut(row).and_then(|cells| cells.get_mut(column)) {
                    cell.clone_from(&value);
                }
            }
        }
    }
    table
}

/// One cell as text: whole numbers without a decimal point, dates as 2026-12-01, yes/no for
/// booleans, an error cell as its code ("#N/A").
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => number_text(*number),
        Data::Bool(value) => if *value { "Yes" } else { "No" }.to_string(),
        Data::DateTime(moment) => match moment.as_datetime() {
            Some(at) if moment.is_datetime() => {
                if at.time() == chrono::NaiveTime::MIN {
                    at.date().format("%Y-%m-%d").to_string()
                } else {
                    at.format("%Y-%m-%d %H:%M").to_string()
                }
            }
            _ => number_text(moment.as_f64()),
        },
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// A number as a person would type it: "12" for 12.0, "12.5", never "1e21" for whole amounts.
fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}
