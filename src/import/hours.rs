//! "Officer hours per month" on a partnerships sheet. The register keeps hours where the tables
//! do, on representations (a person on a partnership, `Representation::hours_per_month`), and
//! the partnerships table's "Hours a month" is their sum; so a partnership row's hours are that
//! sum. When it differs from the register's, the difference goes to one representation: its
//! lead officer's ("Lead officer", `responsible_officer`), made when the officer has none
//! there; else its only one. A cell that is not a number of hours, hours with nobody to hold
//! them, or fewer hours than the other representatives already give, makes the row invalid,
//! with the reason.

use chrono::NaiveDate;

use super::links::LinkIndex;
use super::mapping::Target;
use super::preview::{FieldChange, ImportPreview};
use crate::model::{
    Edit, Hours, PartnershipId, PersonId, Register, Representation, RepresentationId,
};
use crate::tables::{LinkTarget, Lookup, RowOutcome, specs};

/// The headings hours are given under: the representation table's own hours column (its
/// heading, id and other names), so the two cannot disagree.
pub fn is_hours_heading(heading: &str) -> bool {
    let spec = specs::representations();
    spec.column_for_heading(heading)
        .is_some_and(|c| spec.columns[c].id == HOURS_FIELD)
}

/// The field id hours map to, on partnerships as on representations.
pub const HOURS_FIELD: &str = "hours";

/// Reads each row's hours (refusing what is not a number of hours, with its row) and returns
/// the edits that put them on representations of `after`, the register with the rows in.
pub(super) fn officer_hours(
    preview: &mut ImportPreview,
    targets: &[Option<Target>],
    headings: &[String],
    data: &[(usize, Vec<String>)],
    after: &mut Register,
    today: NaiveDate,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(position) = targets.iter().position(|t| *t == Some(Target::Hours)) else {
        return edits;
    };
    let heading = headings
        .get(position)
        .map_or("Hours", |h| h.trim())
        .to_string();
    let spec = specs::representations();
    let Some(column) = spec.columns.iter().position(|c| c.id == HOURS_FIELD) else {
        return edits;
    };
    let index = LinkIndex::new(after, today, LinkTarget::Partnership);
    for (row_index, (_, cells)) in data.iter().enumerate() {
        let text = cells.get(position).map_or("", |c| c.trim());
        let Some(row) = preview.rows.get_mut(row_index) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let mut read = Representation::default();
        if let Err(error) =
            spec.columns[column].set(&Lookup::names_only(after, today), &mut read, text)
        {
            row.outcome = RowOutcome::Invalid;
            row.reasons.push(format!("{heading}: {error}"));
            continue;
        }
        if row.outcome == RowOutcome::Invalid {
            continue;
        }
        let Some(partnership) = index.find(&row.name).map(PartnershipId) else {
            continue;
        };
        let total = read.hours_per_month;
        let on_it = |r: &&Representation| r.partnership == partnership;
        let now: u32 = after
            .representations
            .values()
            .filter(on_it)
            .map(|r| r.hours_per_month.tenths)
            .sum();
        if now == total.tenths {
            continue;
        }
        let held = holder(after, partnership);
        let others = match &held {
            Ok(Holder::Existing(current)) => now - current.hours_per_month.tenths,
            _ => now,
        };
        let Some(tenths) = total.tenths.checked_sub(others) else {
            row.outcome = RowOutcome::Invalid;
            row.reasons.push(format!(
                "{heading}: the partnership's other representatives already give {} a month, more than {total}",
                Hours { tenths: others }
            ));
            continue;
        };
        let hours = Hours { tenths };
        let edit = match held {
            Err(reason) => {
                row.outcome = RowOutcome::Invalid;
                row.reasons.push(format!("{heading}: {reason}"));
                continue;
            }
            Ok(Holder::Existing(current)) => {
                let old = Hours { tenths: now }.to_string();
                let changed = Representation {
                    hours_per_month: hours,
                    ..current.clone()
                };
                row.changes.push(FieldChange {
                    field: spec.columns[column].header,
                    old,
                    new: total.to_string(),
                });
                Edit::change(current, changed)
            }
            Ok(Holder::New(person)) => {
                if row.outcome != RowOutcome::New {
                    row.changes.push(FieldChange {
                        field: spec.columns[column].header,
                        old: Hours { tenths: now }.to_string(),
                        new: total.to_string(),
                    });
                }
                Edit::insert(Representation {
                    id: RepresentationId::next_in(&after.representations),
                    person,
                    partnership,
                    hours_per_month: hours,
                    ..Representation::default()
                })
            }
        };
        if let Err(error) = after.apply(&edit) {
            row.outcome = RowOutcome::Invalid;
            row.reasons.push(format!("{heading}: {error}"));
            continue;
        }
        if row.outcome == RowOutcome::Unchanged {
            row.outcome = RowOutcome::Changed;
        }
        edits.push(edit);
    }
    edits
}

/// Who holds a partnership's hours.
enum Holder {
    /// This representation.
    Existing(Representation),
    /// A new representation of this person (the lead officer, not yet on it).
    New(PersonId),
}

/// The lead officer's representation (made when missing), else the partnership's only one.
fn holder(register: &Register, partnership: PartnershipId) -> Result<Holder, String> {
    let on_it: Vec<&Representation> = register
        .representations
        .values()
        .filter(|r| r.partnership == partnership)
        .collect();
    let lead = register
        .partnerships
        .get(&partnership)
        .and_then(|p| p.responsible_officer);
    if let Some(lead) = lead {
        return Ok(on_it
            .iter()
            .find(|r| r.person == lead)
            .map_or(Holder::New(lead), |r| Holder::Existing((*r).clone())));
    }
    match on_it.as_slice() {
        [one] => Ok(Holder::Existing((*one).clone())),
        [] => Err(
            "hours are recorded against the person who gives them: add a Lead officer column \
             naming them, or import the hours as representations"
                .to_string(),
        ),
        many => Err(format!(
            "the partnership has {}, so whose hours these are is not known: add a Lead officer \
             column, or import the hours as representations, one row each",
            crate::model::words::counted(many.len(), "representative")
        )),
    }
}
