//! The tables a cabinet or scrutiny paper needs, each built from the register as at a review
//! date ([`ReviewBasis`]): the current assessments and costs come from `crate::scoring`
//! ([`overview_for`](scoring::overview_for), [`history`](scoring::history), the totals by
//! recommendation), never worked out again here.
//!
//! | code | table | seed |
//! | --- | --- | --- |
//! | `register` | the register excerpt with its key headings | 004, Appendix A |
//! | `recommendations` | increase / maintain / review / reduce / withdraw, hours, money, TOTAL | 004, section 4 |
//! | `resources` | totals by theme, level, partnership with its groups ("104 hours, £538,000") and recommendation | 004, 4.1 |
//! | `representation` | who sits where, role, appointed by, term | 003 |
//! | `outside-bodies` | each outside body and its councillors | 003, Attachment B |
//! | `actions` | the action plan by owning body: council, LSP board, themed partnerships | 001, Appendix 2 |
//! | `assessments` | current assessments, and the history | 003 |
//! | `annual-report` | value for money per partnership; significant ones rated fair, with reasons | 003 |
//! | `removed` | networks and bodies removed or closed, reason and date | 004, 2.13 |

mod actions;
mod annual_report;
mod assessments;
mod outside_bodies;
mod recommendations;
mod register_excerpt;
mod removed;
mod representation;
mod resources;

use std::collections::BTreeMap;

use super::{Column, ColumnKind, Table};
use crate::model::{Partnership, PartnershipId, Register};
use crate::scoring::{self, Overview, OverviewRow, ReviewBasis};

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// The register excerpt.
    Register,
    /// Recommendations, grouped, with a TOTAL.
    Recommendations,
    /// Resource totals by theme, level and recommendation.
    Resources,
    /// Who represents the council where.
    Representation,
    /// Outside bodies and their councillors.
    OutsideBodies,
    /// The action plan by owning body.
    Actions,
    /// Current assessments and their history.
    Assessments,
    /// The annual report: value for money.
    AnnualReport,
    /// Networks and bodies removed.
    Removed,
}

impl TableKind {
    /// Every table, in the order a pack prints them.
    pub const ALL: [Self; 9] = [
        Self::Register,
        Self::Recommendations,
        Self::Resources,
        Self::AnnualReport,
        Self::Assessments,
        Self::Representation,
        Self::OutsideBodies,
        Self::Actions,
        Self::Removed,
    ];

    /// The name the command line and the register's pack settings use.
    pub fn code(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::Recommendations => "recommendations",
            Self::Resources => "resources",
            Self::Representation => "representation",
            Self::OutsideBodies => "outside-bodies",
            Self::Actions => "actions",
            Self::Assessments => "assessments",
            Self::AnnualReport => "annual-report",
            Self::Removed => "removed",
        }
    }

    /// What a person reads in a list of tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::Register => "Partnership register (excerpt)",
            Self::Recommendations => "Recommendations, with officer hours and contributions",
            Self::Resources => "Resources by theme, level and recommendation",
            Self::Representation => "Council representatives on partnerships",
            Self::OutsideBodies => "Councillors on outside bodies",
            Self::Actions => "Action plan",
            Self::Assessments => "Assessments, current and earlier",
            Self::AnnualReport => "Annual report: value for money",
            Self::Removed => "Networks and bodies removed from the register",
        }
    }

    /// The table named `code` (any case, `_` or `-`).
    pub fn parse(code: &str) -> Option<Self> {
        let wanted = code.trim().to_ascii_lowercase().replace('_', "-");
        Self::ALL.into_iter().find(|kind| kind.code() == wanted)
    }

    /// Every code, for messages ("register, recommendations, ...").
    pub fn codes() -> String {
        Self::ALL.map(Self::code).join(", ")
    }
}

impl std::fmt::Display for TableKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// What every table is built from: the register, the review basis, and the overview worked
/// out once for it.
pub struct Context<'a> {
    /// The register.
    pub register: &'a Register,
    /// As at, and the financial year costed.
    pub basis: ReviewBasis,
    /// The overview for the basis.
    pub overview: Overview,
}

impl<'a> Context<'a> {
    /// The context for `register` on `basis`.
    pub fn new(register: &'a Register, basis: ReviewBasis) -> Self {
        Self {
            register,
            basis,
            overview: scoring::overview_for(register, &basis),
        }
    }

    /// The overview rows by partnership.
    pub fn rows(&self) -> BTreeMap<PartnershipId, &OverviewRow> {
        self.overview
            .rows
            .iter()
            .map(|row| (row.partnership, row))
            .collect()
    }

    /// The council's name, or "the council".
    pub fn council(&self) -> &str {
        let name = self.register.settings.council_name.trim();
        if name.is_empty() { "the council" } else { name }
    }

    /// The source line every table prints.
    pub fn source(&self) -> String {
        let line = self.register.settings.source_line.trim();
        if line.is_empty() {
            format!("Source: {} partnership register", self.council())
        } else {
            line.to_string()
        }
    }

    /// "Costs for 2025/26: officer time at £38 an hour plus contributions recorded for the
    /// year; representatives in post on 31 March 2026."
    pub fn costs_note(&self) -> String {
        format!(
            "Costs for {}: officer hours a month x 12 at {} an hour, plus the contributions \
             recorded for the year; representatives in post on {}.",
            crate::model::FinancialYear::starting(self.basis.year).label(),
            self.register
                .settings
                .officer_hourly_rate
                .format_whole_pounds(),
            self.basis.as_at.format("%-d %B %Y")
        )
    }

    /// A new table with this context's date and source.
    pub fn table(&self, title: String, short_name: &str, columns: Vec<Column>) -> Table {
        let mut table = Table::new(title, short_name, self.basis.as_at, columns);
        table.source = self.source();
        table
    }

    /// Partnerships still reviewed (not closed or removed), by name.
    pub fn reviewed_by_name(&self) -> Vec<&'a Partnership> {
        let mut partnerships: Vec<&Partnership> = self
            .register
            .partnerships
            .values()
            .filter(|p| scoring::is_reviewed(p.status))
            .collect();
        sort_by_name(&mut partnerships);
        partnerships
    }
}

/// Partnerships by name (case ignored), then identifier.
pub fn sort_by_name(partnerships: &mut [&Partnership]) {
    partnerships.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
}

/// The usual money and hours columns.
pub fn cost_columns() -> Vec<Column> {
    vec![
        Column::new("Officer hours a month", ColumnKind::Hours),
        Column::new("Officer time (£ a year)", ColumnKind::Money),
        Column::new("Contributions (£ a year)", ColumnKind::Money),
        Column::new("Annual cost (£)", ColumnKind::Money),
    ]
}

/// Builds one table.
pub fn build_table(kind: TableKind, register: &Register, basis: ReviewBasis) -> Table {
    build_in(kind, &Context::new(register, basis))
}

/// Builds several tables from one overview.
pub fn build_tables(kinds: &[TableKind], register: &Register, basis: ReviewBasis) -> Vec<Table> {
    let context = Context::new(register, basis);
    kinds.iter().map(|kind| build_in(*kind, &context)).collect()
}

/// Builds one table in a context.
pub fn build_in(kind: TableKind, context: &Context<'_>) -> Table {
    match kind {
        TableKind::Register => register_excerpt::table(context),
        TableKind::Recommendations => recommendations::table(context),
        TableKind::Resources => resources::table(context),
        TableKind::Representation => representation::table(context),
        TableKind::OutsideBodies => outside_bodies::table(context),
        TableKind::Actions => actions::table(context),
        TableKind::Assessments => assessments::table(context),
        TableKind::AnnualReport => annual_report::table(context),
        TableKind::Removed => removed::table(context),
    }
}
