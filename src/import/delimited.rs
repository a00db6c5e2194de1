//! CSV and tab-separated files: decoded ([`super::decode`]), the delimiter found (comma,
//! semicolon or tab, whichever splits the first lines most evenly), then read by the `csv`
//! crate (quoted commas, newlines and doubled quotes, CRLF, ragged rows). Empty lines stay as
//! empty rows, so row numbers are the spreadsheet's (a cell with a newline is one row).

use super::SheetTable;
use super::decode::decode_text;

/// The delimiters tried, in order of preference when they tie.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Reads CSV bytes into rows of cells. Never fails: odd bytes give odd cells, which the preview
/// reports.
pub fn read_delimited(bytes: &[u8]) -> SheetTable {
    let (text, _) = decode_text(bytes);
    let delimiter = sniff_delimiter(&text);
    // The csv crate passes over empty lines; a spreadsheet shows each as an empty row. Each is
    // given a delimiter first, so it reads as a row of empty cells and row numbers are the ones
    // the user sees.
    let text = keep_blank_lines(&text, char::from(delimiter));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let rows = reader
        .records()
        .filter_map(Result::ok)
        .map(|record| {
            record
                .iter()
                .map(|cell| cell.replace("\r\n", "\n"))
                .collect()
        })
        .collect();
    SheetTable {
        sheets: vec![String::new()],
        sheet: String::new(),
        rows,
    }
}

/// `text` with a `delimiter` on each empty line outside quotes (LF, CRLF or CR endings), so
/// the csv crate reads the line as a row instead of passing over it.
fn keep_blank_lines(text: &str, delimiter: char) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut quoted = false;
    let mut at_line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let ends_line = !quoted && (c == '\n' || c == '\r');
        if ends_line && at_line_start {
            out.push(delimiter);
        }
        out.push(c);
        if c == '"' {
            quoted = !quoted;
        }
        if ends_line {
            if c == '\r' && chars.peek() == Some(&'\n') {
                out.push('\n');
                chars.next();
            }
            at_line_start = true;
        } else {
            at_line_start = false;
        }
    }
    out
}

/// The delimiter of a text: the one that appears on the most of its first ten lines (outside
/// quotes) with the same count on each, comma when none does.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let mut best = (b',', 0usize);
    for delimiter in DELIMITERS {
        let counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, delimiter))
            .collect();
        let Some(&most) = counts.iter().max() else {
            continue;
        };
        if most == 0 {
            continue;
        }
        // Lines splitting into the commonest number of cells: a title line does not count.
        let agreeing = counts.iter().filter(|&&c| c == most).count();
        let score = agreeing * most;
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for byte in line.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if byte == delimiter && !quoted {
            count += 1;
        }
    }
    count
}
