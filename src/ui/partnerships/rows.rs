//! The partnerships table's rows: built from the register once per change (with each
//! partnership's officer hours and latest contribution), then filtered and sorted when the
//! filter or sort order changes. Frames only read the result, so a 10,000-row table costs
//! nothing extra per frame.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{
    CouncilRole, Hours, Money, PartnershipId, PartnershipKind, PartnershipStatus, Register,
    StructuralLevel, normalised_name,
};

/// The table's columns, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// Name.
    Name,
    /// Kind of body.
    Kind,
    /// Status.
    Status,
    /// Place in the structure.
    Level,
    /// The council's role.
    CouncilRole,
    /// Officer hours a month.
    Hours,
    /// Contribution in the latest year.
    Contribution,
    /// Next review date.
    ReviewDate,
}

impl SortColumn {
    /// Every column, left to right.
    pub const ALL: &'static [Self] = &[
        Self::Name,
        Self::Kind,
        Self::Status,
        Self::Level,
        Self::CouncilRole,
        Self::Hours,
        Self::Contribution,
        Self::ReviewDate,
    ];

    /// Whether the column holds numbers (right-aligned).
    pub fn is_numeric(self) -> bool {
        matches!(self, Self::Hours | Self::Contribution)
    }
}

/// Which column the rows are sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortOrder {
    /// The column.
    pub column: SortColumn,
    /// A to Z, smallest first, earliest first.
    pub ascending: bool,
}

impl Default for SortOrder {
    fn default() -> Self {
        Self {
            column: SortColumn::Name,
            ascending: true,
        }
    }
}

impl SortOrder {
    /// The order after the user clicks `column`'s heading: that column ascending, or the
    /// other way if it was already sorted by it.
    pub fn after_clicking(self, column: SortColumn) -> Self {
        if self.column == column {
            Self {
                column,
                ascending: !self.ascending,
            }
        } else {
            Self {
                column,
                ascending: true,
            }
        }
    }
}

/// One partnership as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnershipRow {
    /// Which partnership.
    pub id: PartnershipId,
    /// Name as published.
    pub name: String,
    /// Kind of body.
    pub kind: PartnershipKind,
    /// Status.
    pub status: PartnershipStatus,
    /// Place in the structure.
    pub level: StructuralLevel,
    /// The council's role.
    pub council_role: CouncilRole,
    /// Officer hours a month, over all the council's representatives.
    pub hours: Hours,
    /// The council's contributions in the latest year with any.
    pub contribution: Money,
    /// Next review of the council's involvement.
    pub review_date: Option<NaiveDate>,
    sort_name: String,
    search_text: String,
}

impl PartnershipRow {
    /// The text of one cell.
    pub fn cell_text(&self, column: SortColumn) -> String {
        match column {
            SortColumn::Name => self.name.clone(),
            SortColumn::Kind => self.kind.label().to_string(),
            SortColumn::Status => self.status.label().to_string(),
            SortColumn::Level => self.level.label().to_string(),
            SortColumn::CouncilRole => self.council_role.label().to_string(),
            SortColumn::Hours => self.hours.to_string(),
            SortColumn::Contribution => self.contribution.format(true),
            SortColumn::ReviewDate => self
                .review_date
                .map(|date| date.to_string())
                .unwrap_or_default(),
        }
    }

    fn compare(&self, other: &Self, column: SortColumn) -> Ordering {
        let by_column = match column {
            SortColumn::Name => Ordering::Equal,
            SortColumn::Kind => self.kind.cmp(&other.kind),
            SortColumn::Status => self.status.cmp(&other.status),
            SortColumn::Level => self.level.cmp(&other.level),
            SortColumn::CouncilRole => self.council_role.cmp(&other.council_role),
            SortColumn::Hours => self.hours.cmp(&other.hours),
            SortColumn::Contribution => self.contribution.cmp(&other.contribution),
            // Rows with no review date go after those with one.
            SortColumn::ReviewDate => match (self.review_date, other.review_date) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        by_column
            .then_with(|| self.sort_name.cmp(&other.sort_name))
            .then_with(|| self.id.cmp(&other.id))
    }

    fn matches(&self, words: &[String]) -> bool {
        words
            .iter()
            .all(|word| self.search_text.contains(word.as_str()))
    }
}

/// The rows, built once per register change, and the filtered, sorted view of them.
#[derive(Debug, Default)]
pub struct PartnershipRows {
    rows: Vec<PartnershipRow>,
    visible: Vec<usize>,
    contribution_year: Option<i32>,
    built_for_revision: Option<u64>,
    shown_filter: String,
    shown_sort: SortOrder,
}

impl PartnershipRows {
    /// Brings the rows up to date: rebuilt if the register changed (`revision`), re-filtered
    /// and re-sorted if the filter or order changed, untouched otherwise. Returns whether the
    /// visible rows may have changed.
    pub fn refresh(
        &mut self,
        register: &Register,
        revision: u64,
        filter: &str,
        sort: SortOrder,
    ) -> bool {
        let rebuilt = self.built_for_revision != Some(revision);
        if rebuilt {
            self.contribution_year = register.latest_contribution_year();
            self.rows = build_rows(register, self.contribution_year);
            self.built_for_revision = Some(revision);
        }
        if rebuilt || filter != self.shown_filter || sort != self.shown_sort {
            self.shown_filter = filter.to_string();
            self.shown_sort = sort;
            self.visible = filtered_and_sorted(&self.rows, filter, sort);
            return true;
        }
        false
    }

    /// Forgets everything (another register was opened).
    pub fn forget(&mut self) {
        *self = Self::default();
    }

    /// How many rows pass the filter.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The `index`th row that passes the filter, in sorted order.
    pub fn visible_row(&self, index: usize) -> Option<&PartnershipRow> {
        self.visible.get(index).and_then(|&row| self.rows.get(row))
    }

    /// Where a partnership is among the visible rows.
    pub fn visible_position(&self, id: PartnershipId) -> Option<usize> {
        self.visible
            .iter()
            .position(|&row| self.rows.get(row).is_some_and(|r| r.id == id))
    }

    /// How many partnerships there are in all.
    pub fn total_len(&self) -> usize {
        self.rows.len()
    }

    /// The financial year the contribution column shows ("2025/26"), if any money is recorded.
    pub fn contribution_year_label(&self) -> Option<String> {
        self.contribution_year.map(financial_year_label)
    }
}

/// "2025/26" for the financial year starting in 2025.
pub fn financial_year_label(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

/// Every partnership as a row. Hours and contributions are added up in one pass over the
/// register (the same sums as `Register::hours_per_month` and `contribution_in_year`, which
/// would each scan every record once per partnership).
fn build_rows(register: &Register, contribution_year: Option<i32>) -> Vec<PartnershipRow> {
    let mut hours: HashMap<PartnershipId, Hours> = HashMap::new();
    for representation in register.representations.values() {
        let total = hours.entry(representation.partnership).or_default();
        *total = *total + representation.hours_per_month;
    }
    let mut money: HashMap<PartnershipId, Money> = HashMap::new();
    if let Some(year) = contribution_year {
        for contribution in register.contributions.values() {
            if contribution.year == year {
                let total = money.entry(contribution.partnership).or_default();
                *total = *total + contribution.amount;
            }
        }
    }
    let reviews = register.reviews_due_as_at(chrono::Local::now().date_naive());
    register
        .partnerships
        .values()
        .map(|partnership| {
            let mut row = PartnershipRow {
                id: partnership.id,
                name: partnership.name.clone(),
                kind: partnership.kind,
                status: partnership.status,
                level: partnership.structural_level,
                council_role: partnership.council_role,
                hours: hours.get(&partnership.id).copied().unwrap_or_default(),
                contribution: money.get(&partnership.id).copied().unwrap_or_default(),
                review_date: reviews.get(&partnership.id).and_then(|due| due.date),
                sort_name: normalised_name(&partnership.name),
                search_text: String::new(),
            };
            let mut search_text: Vec<String> =
                SortColumn::ALL.iter().map(|&c| row.cell_text(c)).collect();
            search_text.push(partnership.short_name.clone());
            search_text.extend(partnership.aliases.iter().cloned());
            row.search_text = search_text.join("\n").to_lowercase();
            row
        })
        .collect()
}

fn filtered_and_sorted(rows: &[PartnershipRow], filter: &str, sort: SortOrder) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut visible: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.matches(&words))
        .map(|(index, _)| index)
        .collect();
    visible.sort_by(|&a, &b| {
        let ordering = rows[a].compare(&rows[b], sort.column);
        if sort.ascending {
            ordering
        } else {
            ordering.reverse()
        }
    });
    visible
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contribution, ContributionId, Partnership, Person, PersonId};
    use crate::model::{Representation, RepresentationId};

    fn register() -> Register {
        let mut register = Register::new("Test District Council");
        for (id, name, status) in [
            (1, "Community Safety Partnership", PartnershipStatus::Active),
            (2, "Health and Wellbeing Board", PartnershipStatus::Active),
            (3, "Arts network", PartnershipStatus::Removed),
        ] {
            register.partnerships.insert(
                PartnershipId(id),
                Partnership {
                    id: PartnershipId(id),
                    name: name.to_string(),
                    status,
                    ..Partnership::default()
                },
            );
        }
        register.people.insert(
            PersonId(1),
            Person {
                id: PersonId(1),
                name: "Ann Hawkins".into(),
                ..Person::default()
            },
        );
        for (id, partnership, tenths) in [(1, 1, 40), (2, 1, 25), (3, 2, 100)] {
            register.representations.insert(
                RepresentationId(id),
                Representation {
                    id: RepresentationId(id),
                    person: PersonId(1),
                    partnership: PartnershipId(partnership),
                    hours_per_month: Hours { tenths },
                    ..Representation::default()
                },
            );
        }
        for (id, partnership, year, pounds) in
            [(1, 1, 2024, 100), (2, 1, 2025, 8000), (3, 2, 2025, 500)]
        {
            register.contributions.insert(
                ContributionId(id),
                Contribution {
                    id: ContributionId(id),
                    partnership: PartnershipId(partnership),
                    year,
                    amount: Money::from_pounds(pounds),
                    ..Contribution::default()
                },
            );
        }
        register
    }

    fn names(rows: &PartnershipRows) -> Vec<&str> {
        (0..rows.visible_len())
            .filter_map(|i| rows.visible_row(i))
            .map(|row| row.name.as_str())
            .collect()
    }

    #[test]
    fn sums_agree_with_the_register() {
        let register = register();
        let year = register.latest_contribution_year();
        for row in build_rows(&register, year) {
            assert_eq!(row.hours, register.hours_per_month(row.id));
            assert_eq!(
                row.contribution,
                register.contribution_in_year(row.id, year.unwrap_or_default())
            );
        }
    }

    #[test]
    fn rows_sort_by_any_column_both_ways_and_filter_on_every_word() {
        let register = register();
        let mut rows = PartnershipRows::default();
        rows.refresh(&register, 1, "", SortOrder::default());
        assert_eq!(
            names(&rows),
            [
                "Arts network",
                "Community Safety Partnership",
                "Health and Wellbeing Board"
            ]
        );
        let by_hours = SortOrder::default().after_clicking(SortColumn::Hours);
        rows.refresh(&register, 1, "", by_hours);
        assert_eq!(names(&rows)[2], "Health and Wellbeing Board");
        rows.refresh(&register, 1, "", by_hours.after_clicking(SortColumn::Hours));
        assert_eq!(names(&rows)[0], "Health and Wellbeing Board");
        rows.refresh(&register, 1, "REMOVED arts", SortOrder::default());
        assert_eq!(names(&rows), ["Arts network"]);
        rows.refresh(&register, 1, "£8,000", SortOrder::default());
        assert_eq!(names(&rows), ["Community Safety Partnership"]);
        assert_eq!(rows.contribution_year_label().as_deref(), Some("2025/26"));
        assert_eq!(rows.total_len(), 3);
    }

    #[test]
    fn financial_years_read_as_councils_write_them() {
        assert_eq!(financial_year_label(2025), "2025/26");
        assert_eq!(financial_year_label(1999), "1999/00");
    }
}
