//! `Builder`: puts records into a register through `Register::apply`, one insert at a time,
//! and resolves the names the data files use to the ids the records need.
//!
//! Nothing is forced in: a record the model refuses (an untidy name, a reference to nothing, a
//! relationship with itself) is left out and the refusal is kept in `problems`, with the file
//! and line it came from. The sample's tests require `problems` to be empty.

use std::collections::HashMap;
use std::fmt::Display;

use chrono::NaiveDate;

use super::text::Place;
use crate::model::{
    Edit, FinancialYear, Hours, Money, OrganisationId, PartnershipId, PersonId, PriorityId, Record,
    Register, ThemeId, parse_date,
};

/// A register being built, the names seen so far, and what went wrong.
pub(super) struct Builder {
    /// The register so far.
    pub register: Register,
    /// Everything that was refused or could not be read, with where it came from.
    pub problems: Vec<String>,
    /// Organisations by name.
    pub organisations: HashMap<String, OrganisationId>,
    /// People by name.
    pub people: HashMap<String, PersonId>,
    /// Partnerships by name.
    pub partnerships: HashMap<String, PartnershipId>,
    /// Themes by name.
    pub themes: HashMap<String, ThemeId>,
    /// Corporate priorities by name.
    pub priorities: HashMap<String, PriorityId>,
    /// How far the written dates move, so the sample is as at the day it is made.
    pub shift: DateShift,
}

/// The sample is written as at [`SAMPLE_WRITTEN_ON`]; made on another day, every date in it
/// moves by the days between (and every financial year with them), so its assessments stay
/// within the last two years, its reviews mostly ahead and only the few written as overdue
/// (due before that day) are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateShift {
    days: i64,
    years: i32,
}

/// The day the sample's data is written as at: its assessments from November 2024 and 2025,
/// six reviews of high-risk bodies just past due, its money to 2026/27.
pub const SAMPLE_WRITTEN_ON: (i32, u32, u32) = (2026, 5, 10);

impl DateShift {
    /// The shift that brings the written sample to `today`.
    pub fn to(today: NaiveDate) -> Self {
        let (year, month, day) = SAMPLE_WRITTEN_ON;
        let Some(written) = NaiveDate::from_ymd_opt(year, month, day) else {
            return Self::default();
        };
        Self {
            days: (today - written).num_days(),
            years: FinancialYear::of(today).starts_in - FinancialYear::of(written).starts_in,
        }
    }

    /// `date` moved.
    pub fn date(self, date: NaiveDate) -> NaiveDate {
        date.checked_add_signed(chrono::TimeDelta::days(self.days))
            .unwrap_or(date)
    }

    /// A financial year (by the calendar year it starts in) moved.
    pub fn year(self, year: i32) -> i32 {
        year + self.years
    }
}

impl Builder {
    /// An empty register for the named council.
    pub fn new(council_name: &str) -> Self {
        Self {
            register: Register::without_views(council_name),
            problems: Vec::new(),
            organisations: HashMap::new(),
            people: HashMap::new(),
            partnerships: HashMap::new(),
            themes: HashMap::new(),
            priorities: HashMap::new(),
            shift: DateShift::default(),
        }
    }

    /// Notes a problem found at `place`.
    pub fn problem(&mut self, place: Place, message: impl Display) {
        self.problems.push(format!("{place}: {message}"));
    }

    /// Inserts a record through the model's rules; on refusal keeps the reason and returns false.
    pub fn add(&mut self, record: impl Into<Record>, place: Place) -> bool {
        match self.register.apply(&Edit::insert(record)) {
            Ok(()) => true,
            Err(error) => {
                self.problem(place, error);
                false
            }
        }
    }

    /// The organisation of this name.
    pub fn organisation(&mut self, name: &str, place: Place) -> Option<OrganisationId> {
        let found = self.organisations.get(name).copied();
        self.found(found, "organisation", name, place)
    }

    /// The person of this name.
    pub fn person(&mut self, name: &str, place: Place) -> Option<PersonId> {
        let found = self.people.get(name).copied();
        self.found(found, "person", name, place)
    }

    /// The partnership of this name.
    pub fn partnership(&mut self, name: &str, place: Place) -> Option<PartnershipId> {
        let found = self.partnerships.get(name).copied();
        self.found(found, "partnership", name, place)
    }

    /// The theme of this name.
    pub fn theme(&mut self, name: &str, place: Place) -> Option<ThemeId> {
        let found = self.themes.get(name).copied();
        self.found(found, "theme", name, place)
    }

    /// The corporate priority of this name.
    pub fn priority(&mut self, name: &str, place: Place) -> Option<PriorityId> {
        let found = self.priorities.get(name).copied();
        self.found(found, "corporate priority", name, place)
    }

    fn found<T>(&mut self, found: Option<T>, what: &str, name: &str, place: Place) -> Option<T> {
        if found.is_none() {
            self.problem(place, format!("no {what} is called “{name}”"));
        }
        found
    }

    /// Reads a value with `read`, noting a problem when it fails.
    pub fn read<T, E: Display>(
        &mut self,
        place: Place,
        text: &str,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match read(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.problem(place, error);
                None
            }
        }
    }

    /// Reads a choice by its stored code or its label ("board member" finds `board_member`).
    pub fn choice<T>(
        &mut self,
        place: Place,
        text: &str,
        parse: fn(&str) -> Option<T>,
        what: &str,
    ) -> Option<T> {
        let found = parse(text).or_else(|| parse(&text.trim().replace([' ', '-'], "_")));
        if found.is_none() {
            self.problem(place, format!("“{text}” is not a {what}"));
        }
        found
    }

    /// Reads an ISO date.
    pub fn date(&mut self, place: Place, text: &str) -> Option<NaiveDate> {
        let shift = self.shift;
        self.read(place, text, parse_date)
            .map(|date| shift.date(date))
    }

    /// Reads an amount of money ("£8,000").
    pub fn money(&mut self, place: Place, text: &str) -> Option<Money> {
        self.read(place, text, Money::parse)
    }

    /// Reads a number of hours ("2.5").
    pub fn hours(&mut self, place: Place, text: &str) -> Option<Hours> {
        self.read(place, text, Hours::parse)
    }

    /// Reads a whole number.
    pub fn number<T: std::str::FromStr>(&mut self, place: Place, text: &str) -> Option<T> {
        let parsed = text.trim().parse().ok();
        if parsed.is_none() {
            self.problem(place, format!("“{text}” is not a whole number"));
        }
        parsed
    }
}

/// Splits a list written with semicolons ("A; B; C"), dropping empty items.
pub(super) fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}
