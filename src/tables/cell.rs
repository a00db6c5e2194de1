//! What one cell holds: its text, how it sorts, and how it is edited and totalled.

use chrono::NaiveDate;

/// How a cell sorts: numbers as numbers, dates as dates (empty last), text ignoring case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    /// A number (pence, tenths of an hour, a year, a count).
    Number(i64),
    /// A date; `None` sorts after every date.
    Date(Option<NaiveDate>),
    /// Text in lower case.
    Text(String),
}

/// One cell as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The words shown (and copied, and searched).
    pub text: String,
    /// How it sorts.
    pub sort: SortKey,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        let sort = SortKey::Text(crate::model::normalised_name(&text));
        Self { text, sort }
    }

    /// A number cell with its own words.
    pub fn number(text: impl Into<String>, value: i64) -> Self {
        Self {
            text: text.into(),
            sort: SortKey::Number(value),
        }
    }

    /// A date cell (empty when `None`).
    pub fn date(date: Option<NaiveDate>) -> Self {
        Self {
            text: date.map(|d| d.to_string()).unwrap_or_default(),
            sort: SortKey::Date(date),
        }
    }

    /// The number behind the cell, for totals.
    pub fn number_value(&self) -> Option<i64> {
        match self.sort {
            SortKey::Number(value) => Some(value),
            _ => None,
        }
    }
}

/// The records a link column points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// A partnership.
    Partnership,
    /// An organisation.
    Organisation,
    /// A person.
    Person,
    /// A strategy document.
    Strategy,
    /// An objective.
    Objective,
    /// A theme.
    Theme,
    /// A corporate priority.
    Priority,
    /// A representation ("Ann Smith on the Community Safety Partnership").
    Representation,
}

/// How a cell is edited.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorKind {
    /// Free text.
    Text,
    /// A name: trimmed, never empty.
    Name,
    /// Pounds and pence.
    Money,
    /// Hours to one decimal place.
    Hours,
    /// A date (empty clears it, unless required).
    Date,
    /// A whole number.
    Integer,
    /// One of a closed list (`optional`: may be left empty).
    Choice {
        /// The labels offered, in order.
        options: Vec<&'static str>,
        /// Whether no value is allowed.
        optional: bool,
    },
    /// Another record, picked from a searchable list.
    Link {
        /// Which kind of record.
        target: LinkTarget,
        /// Whether no link is allowed.
        optional: bool,
    },
    /// Yes or no.
    Bool,
    /// Worked out from other records; not edited here.
    ReadOnly,
}

/// What a column's total row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalKind {
    /// No total.
    None,
    /// Hours added up (the cells' numbers are tenths).
    Hours,
    /// Money added up (the cells' numbers are pence).
    Money,
}
