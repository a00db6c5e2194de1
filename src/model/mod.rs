//! The domain model: the register's records and the `Edit`s that change them.
//!
//! Pure Rust: no egui, no SQL, no files. Everything else in the program depends on this layer
//! and it depends on nothing of the program's.

#[macro_use]
mod choice;
mod current;
mod edit;
mod entities;
mod financial_year;
mod ids;
mod record;
mod record_words;
mod register;
mod report_back;
mod round;
mod scheme;
mod spreadsheet_text;
mod values;
pub mod words;

pub use choice::*;
pub use current::{ReviewDue, ReviewSource};
pub use edit::{Edit, EditError};
pub use entities::*;
pub use financial_year::FinancialYear;
pub use ids::*;
pub use record::{Entity, EntityKind, Record, RecordKey, Register};
pub use register::STANDARD_VIEW_NAMES;
pub use report_back::{ReportAudience, ReportBackRoute, ReportFrequency};
pub use round::{Question, QuestionSource, Round, RoundEntry, RoundRule};
pub use scheme::*;
pub use spreadsheet_text::{FORMULA_STARTS, looks_like_formula, neutralised, unneutralised};
pub use values::{
    Hours, InvalidValue, Money, normalised_name, parse_date, parse_name, validate_org_id,
};
