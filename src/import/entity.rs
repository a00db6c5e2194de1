//! The kinds of record a sheet can be imported as, each read through its table's spec.

use chrono::NaiveDate;

use super::preview::{ImportOptions, ImportPreview, build_for};
use super::{ImportError, SheetTable};
use crate::model::Register;
use crate::tables::specs;

/// What the rows of a sheet are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ImportEntity {
    /// Partnerships, with a parent by name and officer hours.
    #[default]
    Partnerships,
    /// Organisations.
    Organisations,
    /// People.
    People,
    /// Memberships: an organisation on a partnership.
    Memberships,
    /// Representations: a person on a partnership for the council.
    Representations,
    /// Contributions of money or in kind.
    Contributions,
    /// Relationships between partnerships.
    Relationships,
    /// Strategy documents.
    Strategies,
    /// A strategy's objectives.
    Objectives,
    /// An objective's measures.
    Measures,
    /// Which partnership delivers which objective.
    ObjectiveDeliveries,
    /// Community strategy themes.
    Themes,
    /// Corporate priorities.
    Priorities,
    /// Which partnership serves which theme.
    ThemeTags,
    /// Which partnership supports which priority.
    PriorityTags,
    /// Actions.
    Actions,
}

/// Runs `$body` with `$spec` bound to the table spec of `$kind`'s rows.
macro_rules! with_spec {
    ($kind:expr, $spec:ident => $body:expr) => {
        match $kind {
            ImportEntity::Partnerships => {
                let $spec = specs::partnerships();
                $body
            }
            ImportEntity::Organisations => {
                let $spec = specs::organisations();
                $body
            }
            ImportEntity::People => {
                let $spec = specs::people();
                $body
            }
            ImportEntity::Memberships => {
                let $spec = specs::memberships();
                $body
            }
            ImportEntity::Representations => {
                let $spec = specs::representations();
                $body
            }
            ImportEntity::Contributions => {
                let $spec = specs::contributions();
                $body
            }
            ImportEntity::Relationships => {
                let $spec = specs::relationships();
                $body
            }
            ImportEntity::Strategies => {
                let $spec = specs::strategies();
                $body
            }
            ImportEntity::Objectives => {
                let $spec = specs::objectives();
                $body
            }
            ImportEntity::Measures => {
                let $spec = specs::measures();
                $body
            }
            ImportEntity::ObjectiveDeliveries => {
                let $spec = specs::objective_deliveries();
                $body
            }
            ImportEntity::Themes => {
                let $spec = specs::themes();
                $body
            }
            ImportEntity::Priorities => {
                let $spec = specs::priorities();
                $body
            }
            ImportEntity::ThemeTags => {
                let $spec = specs::theme_tags();
                $body
            }
            ImportEntity::PriorityTags => {
                let $spec = specs::priority_tags();
                $body
            }
            ImportEntity::Actions => {
                let $spec = specs::actions();
                $body
            }
        }
    };
}

impl ImportEntity {
    /// Every kind, in the order offered.
    pub const ALL: [Self; 16] = [
        Self::Partnerships,
        Self::Organisations,
        Self::People,
        Self::Memberships,
        Self::Representations,
        Self::Contributions,
        Self::Relationships,
        Self::Strategies,
        Self::Objectives,
        Self::Measures,
        Self::ObjectiveDeliveries,
        Self::Themes,
        Self::Priorities,
        Self::ThemeTags,
        Self::PriorityTags,
        Self::Actions,
    ];

    /// The name on the command line and in the dialog ("partnerships", "theme-tags").
    pub fn name(self) -> &'static str {
        match self {
            Self::Partnerships => "partnerships",
            Self::Organisations => "organisations",
            Self::People => "people",
            Self::Memberships => "memberships",
            Self::Representations => "representations",
            Self::Contributions => "contributions",
            Self::Relationships => "relationships",
            Self::Strategies => "strategies",
            Self::Objectives => "objectives",
            Self::Measures => "measures",
            Self::ObjectiveDeliveries => "objective-deliveries",
            Self::Themes => "themes",
            Self::Priorities => "priorities",
            Self::ThemeTags => "theme-tags",
            Self::PriorityTags => "priority-tags",
            Self::Actions => "actions",
        }
    }

    /// One row's record, as the table names it ("strategy", "theme tag").
    pub fn noun(self) -> &'static str {
        with_spec!(self, spec => spec.noun)
    }

    /// Reads a name: the plural or the singular, any case, spaces or hyphens ("organisations",
    /// "Organisation", "person", "theme tags", "priority-tag").
    pub fn parse(text: &str) -> Option<Self> {
        let simple = |t: &str| t.trim().to_lowercase().replace(['-', '_'], " ");
        let wanted = simple(text);
        Self::ALL.into_iter().find(|kind| {
            simple(kind.name()) == wanted
                || simple(kind.noun()) == wanted
                || simple(&crate::model::words::plural(kind.noun())) == wanted
        })
    }

    /// The field ids and headings a column can be mapped to, for the dialog's choices.
    pub fn fields(self) -> Vec<(&'static str, &'static str)> {
        let mut fields: Vec<(&'static str, &'static str)> = with_spec!(self, spec => spec
            .columns
            .iter()
            .filter(|c| c.is_editable())
            .map(|c| (c.id, c.header))
            .collect());
        if self == Self::Partnerships {
            fields.push(("parent", "Parent"));
            fields.push((super::hours::HOURS_FIELD, "Officer hours a month"));
        }
        if with_spec!(self, spec => spec.numeric_id.is_some()) {
            fields.insert(0, ("id", "Id"));
        }
        fields
    }

    /// Why a heading goes to no field, in words: left out as the user chose, a field of other
    /// kinds of record ("a field of representations, not partnerships: import those rows as
    /// representations"), or no field of this kind.
    pub fn why_left_out(self, heading: &str, chosen: bool) -> String {
        if chosen {
            return "left out, as you chose".to_string();
        }
        if heading.trim().is_empty() {
            return "left out: the column has no heading".to_string();
        }
        let others: Vec<String> = Self::ALL
            .into_iter()
            .filter(|kind| *kind != self)
            .filter(|kind| {
                with_spec!(*kind, spec => spec
                    .column_for_heading(heading)
                    .is_some_and(|c| spec.columns[c].is_editable()))
            })
            .map(|kind| kind.name().to_string())
            .collect();
        if others.is_empty() {
            format!(
                "left out: no field of {} is called this; map it to one to keep it",
                self.name()
            )
        } else {
            format!(
                "left out: a field of {}, not of {}; import those rows as {}",
                crate::model::words::listed(&others),
                self.name(),
                others[0]
            )
        }
    }

    /// The preview of importing `table` as this kind of record into `register`.
    pub fn preview(
        self,
        register: &Register,
        today: NaiveDate,
        table: &SheetTable,
        options: &ImportOptions,
    ) -> Result<ImportPreview, ImportError> {
        let partnerships = self == Self::Partnerships;
        with_spec!(self, spec => build_for(&spec, register, today, table, options, partnerships))
    }
}
