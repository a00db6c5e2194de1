//! The one rule for text that a spreadsheet could run as a formula (formula injection): a cell
//! that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading
//! apostrophe (CSV, TSV) or Excel's quote prefix (XLSX), so "=HYPERLINK(...)" typed as a
//! partnership's name stays text wherever it is opened.
//!
//! It lives in the model, the layer every exporter and the clipboard can reach: CSV and XLSX
//! (`crate::export::table`), the annual-review exports and the tables' tab-separated copy
//! (`crate::tables::tsv`) all call these functions, so the rule cannot drift between them.
//! Typed numbers, money and dates are written as numbers and dates, never as text, and are not
//! touched.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula when they begin it.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would take `text` as a formula: it begins with one of
/// [`FORMULA_STARTS`].
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

/// `text` as a spreadsheet reads it as text: with a leading apostrophe when it
/// [`looks_like_formula`], otherwise as it is.
pub fn neutralised(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text [`neutralised`] was made from: the leading apostrophe taken off again when what
/// follows it looks like a formula (a paste from a sheet this program wrote); anything else
/// is kept whole.
pub fn unneutralised(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_is_neutralised_and_comes_back() {
        for text in ["=SUM(A1)", "+44 1858", "-1", "@cmd", "\tTab", "\rCR"] {
            let written = neutralised(text);
            assert_eq!(written, format!("'{text}"));
            assert_eq!(unneutralised(&written), text);
        }
        for text in ["Plain", "'quoted already", "", "£5", "1-2"] {
            assert_eq!(neutralised(text), text);
            assert_eq!(unneutralised(text), text);
        }
    }
}
