//! `Column<T>`: one column of a table of `T` records, built from small constructors (a text
//! column, a money column, a link column...) so each table reads as a list of its columns.

use chrono::NaiveDate;

use super::cell::{Cell, EditorKind, LinkTarget, TotalKind};
use super::lookup::Lookup;
use crate::model::{Hours, InvalidValue, Money, normalised_name, parse_date, parse_name};

type Show<T> = Box<dyn Fn(&Lookup<'_>, &T) -> Cell + Send + Sync>;
type Set<T> = Box<dyn Fn(&Lookup<'_>, &mut T, &str) -> Result<(), InvalidValue> + Send + Sync>;

/// A closed list of values a column offers (kinds, statuses, roles).
pub trait ChoiceValue: Copy + PartialEq + 'static {
    /// Every value, in the order offered.
    fn all() -> &'static [Self];
    /// The words shown.
    fn label(self) -> &'static str;
    /// Reads a label or stored code.
    fn parse(text: &str) -> Option<Self>;
}

macro_rules! choice_values {
    ($($ty:ident),+ $(,)?) => {$(
        impl ChoiceValue for crate::model::$ty {
            fn all() -> &'static [Self] { Self::ALL }
            fn label(self) -> &'static str { crate::model::$ty::label(self) }
            fn parse(text: &str) -> Option<Self> { crate::model::$ty::parse(text) }
        }
    )+};
}

choice_values!(
    PartnershipKind,
    PartnershipStatus,
    StructuralLevel,
    GovernanceLayer,
    Geography,
    StatutoryStatus,
    LegalForm,
    Significance,
    GoverningDocument,
    CouncilRole,
    RelationshipKind,
    Sector,
    MembershipRole,
    PersonKind,
    RoleOnBody,
    AppointedBy,
    ContributionKind,
    Rag,
    ActionStatus,
    OrgIdScheme,
    ReportAudience,
    ReportFrequency,
);

/// One column of a table of `T`.
pub struct Column<T> {
    /// Stable id, remembered in the settings (hidden columns) and accepted as a pasted heading.
    pub id: &'static str,
    /// The heading shown.
    pub header: &'static str,
    /// Other headings spreadsheets give it ("Level" for "Structural level"), read by paste
    /// and import as this column.
    pub also_called: &'static [&'static str],
    /// How a cell is edited.
    pub editor: EditorKind,
    /// What the totals row shows.
    pub total: TotalKind,
    /// Hidden until the user shows it.
    pub hidden_by_default: bool,
    /// Where a worked-out column's value is changed instead ("the Representation table").
    pub worked_out_from: Option<&'static str>,
    show: Show<T>,
    set: Option<Set<T>>,
}

impl<T: 'static> Column<T> {
    /// The cell for `record`.
    pub fn cell(&self, lookup: &Lookup<'_>, record: &T) -> Cell {
        (self.show)(lookup, record)
    }

    /// Whether the column can be typed into.
    pub fn is_editable(&self) -> bool {
        self.set.is_some()
    }

    /// Whether the column holds numbers (right-aligned).
    pub fn is_numeric(&self) -> bool {
        matches!(
            self.editor,
            EditorKind::Money | EditorKind::Hours | EditorKind::Integer
        ) || self.total != TotalKind::None
    }

    /// Puts the typed `text` into `record`, or says why it cannot go in.
    pub fn set(&self, lookup: &Lookup<'_>, record: &mut T, text: &str) -> Result<(), InvalidValue> {
        match &self.set {
            Some(set) => set(lookup, record, text),
            None => Err(InvalidValue(format!(
                "{} is worked out from other records and cannot be typed in",
                self.header
            ))),
        }
    }

    /// Replaces how a cell reads and how a typed value goes in, keeping the editor: for a
    /// column whose value is worked out from other records for some rows and typed for the
    /// rest (a partnership's review date).
    pub fn read_and_typed_by(
        mut self,
        show: impl Fn(&Lookup<'_>, &T) -> Cell + Send + Sync + 'static,
        set: impl Fn(&Lookup<'_>, &mut T, &str) -> Result<(), InvalidValue> + Send + Sync + 'static,
    ) -> Self {
        self.show = Box::new(show);
        self.set = Some(Box::new(set));
        self
    }

    /// Also read under these other headings.
    pub fn also_called(mut self, names: &'static [&'static str]) -> Self {
        self.also_called = names;
        self
    }

    /// Whether a heading (compared as names are: case, spaces and punctuation aside) names
    /// this column: its heading, its id, or one of its other names.
    pub fn answers_to(&self, heading: &str) -> bool {
        let wanted = normalised_name(heading);
        normalised_name(self.header) == wanted
            || self.id.eq_ignore_ascii_case(heading.trim())
            || self
                .also_called
                .iter()
                .any(|name| normalised_name(name) == wanted)
    }

    /// Says where a worked-out column's value is changed instead, for refusals.
    pub fn worked_out_from(mut self, source: &'static str) -> Self {
        self.worked_out_from = Some(source);
        self
    }

    /// Checks a pasted `text` against a worked-out column: an empty cell, or the value the
    /// register already works out for `record` (a row copied out and pasted back), is fine;
    /// anything else is refused with where to change it instead.
    pub fn check_worked_out(
        &self,
        lookup: &Lookup<'_>,
        record: &T,
        text: &str,
    ) -> Result<(), InvalidValue> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(());
        }
        let current = self.cell(lookup, record);
        let same = match self.total {
            TotalKind::Hours => {
                let hours = Hours::parse(trimmed)?;
                current.number_value() == Some(i64::from(hours.tenths))
            }
            TotalKind::Money => {
                // The cell may show whole pounds: its own words match too.
                let money = Money::parse(trimmed)?;
                current.number_value() == Some(money.pence)
                    || money.format_whole_pounds() == current.text
            }
            TotalKind::None => current.text == trimmed,
        };
        if same {
            return Ok(());
        }
        let source = self
            .worked_out_from
            .unwrap_or("the records it is worked out from");
        Err(InvalidValue(format!(
            "“{trimmed}” is not the {} worked out from {source}; change it there, or clear \
             this cell",
            if current.text.is_empty() {
                "value".to_string()
            } else {
                current.text.clone()
            }
        )))
    }

    /// Hidden until the user asks for it.
    pub fn hidden(mut self) -> Self {
        self.hidden_by_default = true;
        self
    }

    fn new(id: &'static str, header: &'static str, editor: EditorKind, show: Show<T>) -> Self {
        Self {
            id,
            header,
            also_called: &[],
            editor,
            total: TotalKind::None,
            hidden_by_default: false,
            worked_out_from: None,
            show,
            set: None,
        }
    }

    /// Worked out from other records, shown and never typed into.
    pub fn derived(
        id: &'static str,
        header: &'static str,
        total: TotalKind,
        show: impl Fn(&Lookup<'_>, &T) -> Cell + Send + Sync + 'static,
    ) -> Self {
        let mut column = Self::new(id, header, EditorKind::ReadOnly, Box::new(show));
        column.total = total;
        column
    }

    /// Free text, trimmed.
    pub fn text(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> &str,
        put: fn(&mut T, String),
    ) -> Self {
        let mut column = Self::new(
            id,
            header,
            EditorKind::Text,
            Box::new(move |_, r| Cell::text(get(r))),
        );
        column.set = Some(Box::new(move |_, r, text| {
            put(r, text.trim().to_string());
            Ok(())
        }));
        column
    }

    /// A name: trimmed, single-spaced, never empty. `what` names it in messages.
    pub fn name(
        id: &'static str,
        header: &'static str,
        what: &'static str,
        get: fn(&T) -> &str,
        put: fn(&mut T, String),
    ) -> Self {
        let mut column = Self::new(
            id,
            header,
            EditorKind::Name,
            Box::new(move |_, r| Cell::text(get(r))),
        );
        column.set = Some(Box::new(move |_, r, text| {
            put(r, parse_name(text, what)?);
            Ok(())
        }));
        column
    }

    /// Pounds and pence, totalled.
    pub fn money(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> Money,
        put: fn(&mut T, Money),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| {
            let m = get(r);
            Cell::number(m.format_with_pence(), m.pence)
        };
        let mut column = Self::new(id, header, EditorKind::Money, Box::new(show));
        column.total = TotalKind::Money;
        column.set = Some(Box::new(move |_, r, text| {
            put(r, Money::parse(text)?);
            Ok(())
        }));
        column
    }

    /// Pounds and pence, or nothing (an unknown budget); not totalled.
    pub fn optional_money(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> Option<Money>,
        put: fn(&mut T, Option<Money>),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| match get(r) {
            Some(m) => Cell::number(m.format_with_pence(), m.pence),
            None => Cell::text(""),
        };
        let mut column = Self::new(id, header, EditorKind::Money, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(Money::parse(text)?)
            };
            put(r, value);
            Ok(())
        }));
        column
    }

    /// A list of short texts (other names), shown and typed separated by semicolons; empty
    /// entries and repeats are dropped.
    pub fn list(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> &[String],
        put: fn(&mut T, Vec<String>),
    ) -> Self {
        let mut column = Self::new(
            id,
            header,
            EditorKind::Text,
            Box::new(move |_, r| Cell::text(get(r).join("; "))),
        );
        column.set = Some(Box::new(move |_, r, text| {
            put(r, parse_list(text));
            Ok(())
        }));
        column
    }

    /// Hours to one decimal place, never negative, totalled.
    pub fn hours(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> Hours,
        put: fn(&mut T, Hours),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| {
            let h = get(r);
            Cell::number(h.to_string(), i64::from(h.tenths))
        };
        let mut column = Self::new(id, header, EditorKind::Hours, Box::new(show));
        column.total = TotalKind::Hours;
        column.set = Some(Box::new(move |_, r, text| {
            put(r, Hours::parse(text)?);
            Ok(())
        }));
        column
    }

    /// A date, ISO or dd/mm/yyyy; empty clears it.
    pub fn date(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> Option<NaiveDate>,
        put: fn(&mut T, Option<NaiveDate>),
    ) -> Self {
        let mut column = Self::new(
            id,
            header,
            EditorKind::Date,
            Box::new(move |_, r| Cell::date(get(r))),
        );
        column.set = Some(Box::new(move |_, r, text| {
            let date = if text.trim().is_empty() {
                None
            } else {
                Some(parse_date(text)?)
            };
            put(r, date);
            Ok(())
        }));
        column
    }

    /// A whole number between `min` and `max`.
    pub fn integer(
        id: &'static str,
        header: &'static str,
        range: (i64, i64),
        get: fn(&T) -> i64,
        put: fn(&mut T, i64),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| {
            let v = get(r);
            Cell::number(v.to_string(), v)
        };
        let mut column = Self::new(id, header, EditorKind::Integer, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            let trimmed = text.trim().replace(',', "");
            let value: i64 = trimmed
                .parse()
                .map_err(|_| InvalidValue(format!("\"{}\" is not a whole number", text.trim())))?;
            if value < range.0 || value > range.1 {
                return Err(InvalidValue(format!(
                    "{header} must be between {} and {}",
                    range.0, range.1
                )));
            }
            put(r, value);
            Ok(())
        }));
        column
    }

    /// A financial year, shown "2026/27" and typed "2026", "2026/27" or "2026-2027".
    pub fn financial_year(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> i32,
        put: fn(&mut T, i32),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| {
            let year = get(r);
            Cell::number(
                crate::model::FinancialYear::starting(year).label(),
                i64::from(year),
            )
        };
        let mut column = Self::new(id, header, EditorKind::Integer, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            put(r, parse_financial_year(text)?);
            Ok(())
        }));
        column
    }

    /// Yes or no.
    pub fn boolean(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> bool,
        put: fn(&mut T, bool),
    ) -> Self {
        let show = move |_: &Lookup<'_>, r: &T| Cell::text(if get(r) { "Yes" } else { "No" });
        let mut column = Self::new(id, header, EditorKind::Bool, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            put(r, parse_bool(text)?);
            Ok(())
        }));
        column
    }

    /// One of a closed list.
    pub fn choice<C: ChoiceValue>(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> C,
        put: fn(&mut T, C),
    ) -> Self {
        let editor = EditorKind::Choice {
            options: C::all().iter().map(|c| c.label()).collect(),
            optional: false,
        };
        let show = move |_: &Lookup<'_>, r: &T| {
            let value = get(r);
            let rank = C::all().iter().position(|c| *c == value).unwrap_or(0);
            Cell {
                text: value.label().to_string(),
                sort: super::cell::SortKey::Number(rank as i64),
            }
        };
        let mut column = Self::new(id, header, editor, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            put(r, parse_choice::<C>(text, header)?);
            Ok(())
        }));
        column
    }

    /// One of a closed list, or nothing.
    pub fn optional_choice<C: ChoiceValue>(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> Option<C>,
        put: fn(&mut T, Option<C>),
    ) -> Self {
        let editor = EditorKind::Choice {
            options: C::all().iter().map(|c| c.label()).collect(),
            optional: true,
        };
        let show = move |_: &Lookup<'_>, r: &T| Cell::text(get(r).map(|c| c.label()).unwrap_or(""));
        let mut column = Self::new(id, header, editor, Box::new(show));
        column.set = Some(Box::new(move |_, r, text| {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_choice::<C>(text, header)?)
            };
            put(r, value);
            Ok(())
        }));
        column
    }

    /// A link to another record that must be given, typed by name or picked from a list.
    pub fn link(
        id: &'static str,
        header: &'static str,
        target: LinkTarget,
        get: fn(&T) -> Option<i64>,
        put: fn(&mut T, Option<i64>),
    ) -> Self {
        Self::link_column(id, header, target, false, get, put)
    }

    /// A link to another record, or nothing: typed by name, picked from a list, or cleared.
    pub fn optional_link(
        id: &'static str,
        header: &'static str,
        target: LinkTarget,
        get: fn(&T) -> Option<i64>,
        put: fn(&mut T, Option<i64>),
    ) -> Self {
        Self::link_column(id, header, target, true, get, put)
    }

    fn link_column(
        id: &'static str,
        header: &'static str,
        target: LinkTarget,
        optional: bool,
        get: fn(&T) -> Option<i64>,
        put: fn(&mut T, Option<i64>),
    ) -> Self {
        let editor = EditorKind::Link { target, optional };
        let show = move |lookup: &Lookup<'_>, r: &T| Cell::text(lookup.link_name(target, get(r)));
        let mut column = Self::new(id, header, editor, Box::new(show));
        column.set = Some(Box::new(move |lookup, r, text| {
            put(r, lookup.resolve_link(target, text, optional)?);
            Ok(())
        }));
        column
    }

    /// A column that checks the whole typed value with `check` before `put` (org ids).
    pub fn checked_text(
        id: &'static str,
        header: &'static str,
        get: fn(&T) -> &str,
        put: fn(&mut T, &str) -> Result<(), InvalidValue>,
    ) -> Self {
        let mut column = Self::new(
            id,
            header,
            EditorKind::Text,
            Box::new(move |_, r| Cell::text(get(r))),
        );
        column.set = Some(Box::new(move |_, r, text| put(r, text)));
        column
    }
}

/// Reads "CDRP; Safer Harborough" as its entries: trimmed, single-spaced, no empty entries,
/// no repeats (ignoring case).
pub fn parse_list(text: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for entry in text.split(';') {
        let tidy = entry.split_whitespace().collect::<Vec<_>>().join(" ");
        let seen = entries
            .iter()
            .any(|e| crate::model::normalised_name(e) == crate::model::normalised_name(&tidy));
        if !tidy.is_empty() && !seen {
            entries.push(tidy);
        }
    }
    entries
}

/// Reads a financial year by the year it starts in: "2026", "2026/27", "2026-27" or
/// "2026/2027" (the second year must follow the first). 1990 to 2100.
pub fn parse_financial_year(text: &str) -> Result<i32, InvalidValue> {
    let trimmed = text.trim();
    let not_a_year = || {
        InvalidValue(format!(
            "\"{trimmed}\" is not a financial year: type the year it starts in, for example 2026 or 2026/27"
        ))
    };
    let (first, second) = match trimmed.split_once(['/', '-']) {
        Some((first, second)) => (first.trim(), Some(second.trim())),
        None => (trimmed, None),
    };
    if first.len() != 4 || !first.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_a_year());
    }
    let year: i32 = first.parse().map_err(|_| not_a_year())?;
    if let Some(second) = second {
        let next = year + 1;
        let matches = match second.len() {
            2 => second.parse::<i32>().ok() == Some(next.rem_euclid(100)),
            4 => second.parse::<i32>().ok() == Some(next),
            _ => false,
        };
        if !matches {
            return Err(InvalidValue(format!(
                "\"{trimmed}\" is not a financial year: {year} is followed by {next}"
            )));
        }
    }
    if !(1990..=2100).contains(&year) {
        return Err(InvalidValue(format!(
            "A financial year must be between 1990 and 2100, not {year}"
        )));
    }
    Ok(year)
}

/// Reads "Yes"/"No" and the other ways a spreadsheet says so.
pub fn parse_bool(text: &str) -> Result<bool, InvalidValue> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" => Ok(true),
        "no" | "n" | "false" | "0" | "" => Ok(false),
        other => Err(InvalidValue(format!("\"{other}\" is not Yes or No"))),
    }
}

fn parse_choice<C: ChoiceValue>(text: &str, header: &str) -> Result<C, InvalidValue> {
    C::parse(text).ok_or_else(|| {
        let offered: Vec<&str> = C::all().iter().map(|c| c.label()).collect();
        InvalidValue(format!(
            "\"{}\" is not a {}: choose one of {}",
            text.trim(),
            header.to_lowercase(),
            offered.join(", ")
        ))
    })
}
