//! Which row holds the headings: registers often have a title, a date or a blank row above
//! them. The heading row is the first of the first twenty rows that names the most fields.

/// How many rows from the top are looked at for headings.
const ROWS_LOOKED_AT: usize = 20;

/// The index (from 0) of the heading row: the row among the first twenty naming the most
/// columns (`names_field` says whether a cell does), the first non-empty row when none does.
pub fn find_header_row(rows: &[Vec<String>], names_field: impl Fn(&str) -> bool) -> usize {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in rows.iter().take(ROWS_LOOKED_AT).enumerate() {
        let named = row
            .iter()
            .filter(|cell| !cell.trim().is_empty() && names_field(cell))
            .count();
        if named > 0 && best.is_none_or(|(_, most)| named > most) {
            best = Some((index, named));
        }
    }
    best.map(|(index, _)| index).unwrap_or_else(|| {
        rows.iter()
            .position(|row| row.iter().any(|cell| !cell.trim().is_empty()))
            .unwrap_or(0)
    })
}
