//! Tab-separated text, as Excel puts it on the clipboard and reads it back: quoted fields
//! (with tabs, newlines and doubled quotes inside), Windows line endings, a UTF-8 byte-order
//! mark, and the empty line Excel adds at the end.

use crate::model::neutralised;

/// Reads tab-separated text into rows of fields. Never fails: odd text gives odd fields,
/// which the paste preview then reports cell by cell.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else if c == '\r' && chars.peek() == Some(&'\n') {
                // A line break inside a cell, written the Windows way: keep one newline.
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            '\t' => {
                row.push(unneutralised(std::mem::take(&mut field)));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(unneutralised(std::mem::take(&mut field)));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            other => {
                field.push(other);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() || in_quotes {
        row.push(unneutralised(field));
        rows.push(row);
    }
    // Excel ends the copied block with a line break; blank lines carry nothing.
    rows.retain(|row| row.iter().any(|f| !f.trim().is_empty()));
    rows
}

/// Writes rows as tab-separated text with Windows line endings (what Excel expects). Fields
/// holding a tab, a line break or a quote are quoted. Text that a spreadsheet would run as a
/// formula gets a leading apostrophe, by the one rule every export uses
/// ([`crate::model::neutralised`]).
pub fn write_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| quoted(&neutralised(f))).collect();
        out.push_str(&fields.join("\t"));
        out.push_str("\r\n");
    }
    out
}

/// A pasted field without the apostrophe [`write_tsv`] (or a CSV this program wrote) put
/// before a formula-like start.
fn unneutralised(field: String) -> String {
    match crate::model::unneutralised(&field) {
        unchanged if unchanged.len() == field.len() => field,
        stripped => stripped.to_string(),
    }
}

fn quoted(field: &str) -> String {
    if field.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
