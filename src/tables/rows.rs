//! A table's rows: every cell worked out once per register change, then filtered and sorted
//! when the filter, order, shown columns or scope change. Frames only read the result, so a
//! 10,000-row table costs nothing extra per frame.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::cell::{Cell, TotalKind};
use super::lookup::Lookup;
use super::ops::TableSpec;
use crate::model::{Entity, Hours, Money, PartnershipId, Register};

/// Which column the rows are sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortOrder {
    /// The column's position in the table's spec.
    pub column: usize,
    /// A to Z, smallest first, earliest first.
    pub ascending: bool,
}

impl SortOrder {
    /// The order after the user clicks `column`'s heading: that column ascending, or the
    /// other way if it was already sorted by it.
    pub fn after_clicking(current: Option<Self>, column: usize) -> Self {
        match current {
            Some(order) if order.column == column => Self {
                column,
                ascending: !order.ascending,
            },
            _ => Self {
                column,
                ascending: true,
            },
        }
    }
}

/// Which rows a table keeps before its filter: all, one partnership's, one year's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowScope {
    /// Only the rows of this partnership.
    pub partnership: Option<PartnershipId>,
    /// Only the rows of one financial year, or all (tables with years).
    pub year: YearScope,
}

/// Which financial year's rows a table with years keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum YearScope {
    /// Every year.
    #[default]
    All,
    /// The newest year any row counts in (follows the register as years are added).
    Latest,
    /// One year (2026 is 2026/27).
    Year(i32),
}

/// What the visible rows were last worked out for.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shown {
    filter: String,
    sort: Option<SortOrder>,
    columns: Vec<bool>,
    scope: RowScope,
}

/// The rows of one table, built once per register change.
#[derive(Debug)]
pub struct TableRows<K> {
    keys: Vec<K>,
    cells: Vec<Vec<Cell>>,
    search: Vec<Vec<String>>,
    flagged: Vec<bool>,
    partnership: Vec<Option<PartnershipId>>,
    year: Vec<Option<i32>>,
    visible: Vec<usize>,
    built_for: Option<u64>,
    shown: Shown,
}

impl<K> Default for TableRows<K> {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            cells: Vec::new(),
            search: Vec::new(),
            flagged: Vec::new(),
            partnership: Vec::new(),
            year: Vec::new(),
            visible: Vec::new(),
            built_for: None,
            shown: Shown::default(),
        }
    }
}

impl<K: Copy + PartialEq> TableRows<K> {
    /// Brings the rows up to date: rebuilt if the register changed (`revision`), re-filtered
    /// and re-sorted if the filter, order, shown columns or scope changed. `scope` keeps only
    /// the rows of one partnership. Returns whether the visible rows may have changed.
    #[allow(clippy::too_many_arguments)] // each is one thing the rows depend on
    pub fn refresh<T: Entity<Key = K> + 'static>(
        &mut self,
        spec: &TableSpec<T>,
        register: &Register,
        today: NaiveDate,
        revision: u64,
        filter: &str,
        sort: Option<SortOrder>,
        shown_columns: &[bool],
        scope: RowScope,
    ) -> bool {
        // Hidden columns' cells are not worked out (a partnership has forty fields): showing
        // one builds the rows again.
        let rebuilt = self.built_for != Some(revision) || self.shown.columns != shown_columns;
        if rebuilt {
            self.build(spec, register, today, shown_columns);
            self.built_for = Some(revision);
        }
        let wanted = Shown {
            filter: filter.to_string(),
            sort,
            columns: shown_columns.to_vec(),
            scope,
        };
        if rebuilt || wanted != self.shown {
            self.shown = wanted;
            self.visible = self.filtered_and_sorted();
            return true;
        }
        false
    }

    fn build<T: Entity<Key = K> + 'static>(
        &mut self,
        spec: &TableSpec<T>,
        register: &Register,
        today: NaiveDate,
        shown_columns: &[bool],
    ) {
        let lookup = Lookup::new(register, today);
        let records = T::map(register);
        self.keys = records.keys().copied().collect();
        let shown = |column: usize| shown_columns.get(column).copied().unwrap_or(true);
        self.cells = records
            .values()
            .map(|record| {
                spec.columns
                    .iter()
                    .enumerate()
                    .map(|(index, c)| {
                        if shown(index) {
                            c.cell(&lookup, record)
                        } else {
                            Cell::text("")
                        }
                    })
                    .collect()
            })
            .collect();
        self.search = self
            .cells
            .iter()
            .map(|row| row.iter().map(|cell| cell.text.to_lowercase()).collect())
            .collect();
        self.flagged = records
            .values()
            .map(|record| spec.flagged.is_some_and(|flag| flag(&lookup, record)))
            .collect();
        self.partnership = records
            .values()
            .map(|record| spec.partnership_of.and_then(|of| of(record)))
            .collect();
        self.year = records
            .values()
            .map(|record| spec.year_of.map(|of| of(record)))
            .collect();
    }

    fn filtered_and_sorted(&self) -> Vec<usize> {
        let words: Vec<String> = self
            .shown
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let columns = &self.shown.columns;
        let year = self.year_shown();
        let mut visible: Vec<usize> = (0..self.keys.len())
            .filter(|&row| {
                let scope = self.shown.scope;
                scope
                    .partnership
                    .is_none_or(|p| self.partnership[row] == Some(p))
                    && year.is_none_or(|y| self.year[row] == Some(y))
            })
            .filter(|&row| {
                words.iter().all(|word| {
                    self.search[row].iter().enumerate().any(|(col, text)| {
                        columns.get(col).copied().unwrap_or(true) && text.contains(word.as_str())
                    })
                })
            })
            .collect();
        if let Some(order) = self.shown.sort {
            visible.sort_by(|&a, &b| {
                let by = |row: usize| self.cells[row].get(order.column).map(|c| &c.sort);
                let ordering = by(a).cmp(&by(b)).then(a.cmp(&b));
                if order.ascending {
                    ordering
                } else {
                    ordering.reverse()
                }
            });
        }
        visible
    }

    /// The one financial year the rows are kept to, if they are (the scope's year, with
    /// "latest" worked out).
    pub fn year_shown(&self) -> Option<i32> {
        match self.shown.scope.year {
            YearScope::All => None,
            YearScope::Latest => self.year.iter().flatten().copied().max(),
            YearScope::Year(year) => Some(year),
        }
    }

    /// Forgets everything (another register was opened).
    pub fn forget(&mut self) {
        *self = Self::default();
    }

    /// How many rows pass the filter.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// How many rows there are in all.
    pub fn total_len(&self) -> usize {
        self.keys.len()
    }

    /// The key of the `index`th visible row.
    pub fn visible_key(&self, index: usize) -> Option<K> {
        self.visible.get(index).map(|&row| self.keys[row])
    }

    /// The cells of the `index`th visible row.
    pub fn visible_cells(&self, index: usize) -> Option<&[Cell]> {
        self.visible
            .get(index)
            .map(|&row| self.cells[row].as_slice())
    }

    /// Whether the `index`th visible row needs attention (an overdue action).
    pub fn visible_flagged(&self, index: usize) -> bool {
        self.visible
            .get(index)
            .is_some_and(|&row| self.flagged[row])
    }

    /// The partnership the `index`th visible row belongs to, if any.
    pub fn visible_partnership(&self, index: usize) -> Option<PartnershipId> {
        self.visible
            .get(index)
            .and_then(|&row| self.partnership[row])
    }

    /// Where a record is among the visible rows.
    pub fn visible_position(&self, key: K) -> Option<usize> {
        self.visible.iter().position(|&row| self.keys[row] == key)
    }

    /// The keys of every visible row, in order.
    pub fn visible_keys(&self) -> Vec<K> {
        self.visible.iter().map(|&row| self.keys[row]).collect()
    }

    /// The totals row over the visible rows: one entry per column ("104", "£538,000").
    pub fn totals<T: Entity<Key = K> + 'static>(&self, spec: &TableSpec<T>) -> Vec<Option<String>> {
        totals_over(spec, &self.cells, &self.visible, &self.shown.columns)
    }

    /// Every financial year any row counts in (whatever the filter), newest first; empty for a
    /// table without years.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.year.iter().flatten().copied().collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The totals row over the visible rows of each financial year, newest first: money of
    /// different years is never added together. Empty for a table without years.
    pub fn totals_by_year<T: Entity<Key = K> + 'static>(
        &self,
        spec: &TableSpec<T>,
    ) -> Vec<(i32, Vec<Option<String>>)> {
        self.totals_by_year_over(spec, &self.visible)
    }

    fn totals_by_year_over<T: Entity<Key = K> + 'static>(
        &self,
        spec: &TableSpec<T>,
        counted: &[usize],
    ) -> Vec<(i32, Vec<Option<String>>)> {
        let mut years: Vec<i32> = counted.iter().filter_map(|&row| self.year[row]).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
            .into_iter()
            .map(|year| {
                let rows: Vec<usize> = counted
                    .iter()
                    .copied()
                    .filter(|&row| self.year[row] == Some(year))
                    .collect();
                (
                    year,
                    totals_over(spec, &self.cells, &rows, &self.shown.columns),
                )
            })
            .collect()
    }
}

impl<K: Copy + Ord> TableRows<K> {
    /// The keys of the visible rows that are `selected`, in the order shown.
    pub fn visible_selected(&self, selected: &BTreeSet<K>) -> Vec<K> {
        self.selected_rows(selected)
            .into_iter()
            .map(|row| self.keys[row])
            .collect()
    }

    /// The totals row over the visible rows that are `selected`, as Excel's status bar sums
    /// the selection.
    pub fn selected_totals<T: Entity<Key = K> + 'static>(
        &self,
        spec: &TableSpec<T>,
        selected: &BTreeSet<K>,
    ) -> Vec<Option<String>> {
        totals_over(
            spec,
            &self.cells,
            &self.selected_rows(selected),
            &self.shown.columns,
        )
    }

    /// [`Self::totals_by_year`] over the visible rows that are `selected`.
    pub fn selected_totals_by_year<T: Entity<Key = K> + 'static>(
        &self,
        spec: &TableSpec<T>,
        selected: &BTreeSet<K>,
    ) -> Vec<(i32, Vec<Option<String>>)> {
        self.totals_by_year_over(spec, &self.selected_rows(selected))
    }

    fn selected_rows(&self, selected: &BTreeSet<K>) -> Vec<usize> {
        self.visible
            .iter()
            .copied()
            .filter(|&row| selected.contains(&self.keys[row]))
            .collect()
    }
}

/// The totals row over `rows`: one entry per shown column ("104", "£538,000"); none for a
/// hidden one.
fn totals_over<T: Entity + 'static>(
    spec: &TableSpec<T>,
    cells: &[Vec<Cell>],
    rows: &[usize],
    shown: &[bool],
) -> Vec<Option<String>> {
    spec.columns
        .iter()
        .enumerate()
        .map(|(col, column)| {
            if !shown.get(col).copied().unwrap_or(true) {
                return None;
            }
            let sum = || -> i64 {
                rows.iter()
                    .filter_map(|&row| cells[row].get(col).and_then(Cell::number_value))
                    .sum()
            };
            match column.total {
                TotalKind::None => None,
                TotalKind::Hours => Some(
                    Hours {
                        tenths: u32::try_from(sum()).unwrap_or(u32::MAX),
                    }
                    .to_string(),
                ),
                TotalKind::Money => Some(Money { pence: sum() }.format_whole_pounds()),
            }
        })
        .collect()
}
