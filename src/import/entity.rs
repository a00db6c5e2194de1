//! The kinds of record a sheet can be imported as, each read through its table's spec.

use chrono::NaiveDate;

use super::preview::{ImportOptions, ImportPreview, build_for};
use super::{ImportError, SheetTable};
use crate::model::Register;
use crate::tables::specs;

/// What the rows of a sheet are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ImportEntity {
    /// Partnerships, with a parent by name.
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
    /// Actions.
    Actions,
}

impl ImportEntity {
    /// Every kind, in the order offered.
    pub const ALL: [Self; 8] = [
        Self::Partnerships,
        Self::Organisations,
        Self::People,
        Self::Memberships,
        Self::Representations,
        Self::Contributions,
        Self::Relationships,
        Self::Actions,
    ];

    /// The name on the command line and in the dialog ("partnerships").
    pub fn name(self) -> &'static str {
        match self {
            Self::Partnerships => "partnerships",
            Self::Organisations => "organisations",
            Self::People => "people",
            Self::Memberships => "memberships",
            Self::Representations => "representations",
            Self::Contributions => "contributions",
            Self::Relationships => "relationships",
            Self::Actions => "actions",
        }
    }

    /// Reads a name ("organisations", "Organisation", "people").
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|kind| {
            kind.name() == wanted
                || kind.name().trim_end_matches('s') == wanted
                || (wanted == "person" && *kind == Self::People)
        })
    }

    /// The field ids and headings a column can be mapped to, for the dialog's choices.
    pub fn fields(self) -> Vec<(&'static str, &'static str)> {
        fn of<T: crate::model::Entity + 'static>(
            spec: crate::tables::TableSpec<T>,
        ) -> Vec<(&'static str, &'static str)> {
            spec.columns
                .iter()
                .filter(|c| c.is_editable())
                .map(|c| (c.id, c.header))
                .collect()
        }
        let mut fields = match self {
            Self::Partnerships => of(specs::partnerships()),
            Self::Organisations => of(specs::organisations()),
            Self::People => of(specs::people()),
            Self::Memberships => of(specs::memberships()),
            Self::Representations => of(specs::representations()),
            Self::Contributions => of(specs::contributions()),
            Self::Relationships => of(specs::relationships()),
            Self::Actions => of(specs::actions()),
        };
        if self == Self::Partnerships {
            fields.push(("parent", "Parent"));
        }
        fields.insert(0, ("id", "Id"));
        fields
    }

    /// The preview of importing `table` as this kind of record into `register`.
    pub fn preview(
        self,
        register: &Register,
        today: NaiveDate,
        table: &SheetTable,
        options: &ImportOptions,
    ) -> Result<ImportPreview, ImportError> {
        let (r, t, o) = (register, today, options);
        match self {
            Self::Partnerships => build_for(&specs::partnerships(), r, t, table, o, true),
            Self::Organisations => build_for(&specs::organisations(), r, t, table, o, false),
            Self::People => build_for(&specs::people(), r, t, table, o, false),
            Self::Memberships => build_for(&specs::memberships(), r, t, table, o, false),
            Self::Representations => build_for(&specs::representations(), r, t, table, o, false),
            Self::Contributions => build_for(&specs::contributions(), r, t, table, o, false),
            Self::Relationships => build_for(&specs::relationships(), r, t, table, o, false),
            Self::Actions => build_for(&specs::actions(), r, t, table, o, false),
        }
    }
}
