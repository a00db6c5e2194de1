//! A partnership's review date, as the Partnerships table and the detail form show it: the
//! register's one rule (`Register::review_due`), so they show what the Assessment panel, the
//! Annual review and the exports show. Once assessed, the date is the current assessment's
//! next review and is changed by assessing again; typing another one is refused with that
//! reason. Never assessed, it is the partnership's own review date, typed as any date.

use super::super::cell::Cell;
use super::super::column::Column;
use super::super::lookup::Lookup;
use crate::model::{InvalidValue, Partnership, ReviewDue, ReviewSource, parse_date};

/// The review date column (id `review_date`, heading "Review date").
pub fn review_date_column() -> Column<Partnership> {
    Column::date(
        "review_date",
        "Review date",
        |r: &Partnership| r.review_date,
        |r, v| r.review_date = v,
    )
    .read_and_typed_by(
        |lookup, r| Cell::date(shown_date(lookup, r)),
        |lookup, r, text| {
            let typed = if text.trim().is_empty() {
                None
            } else {
                Some(parse_date(text)?)
            };
            match set_by_assessment(lookup, r) {
                // As shown: nothing to change (a copied table pasted back).
                Some(due) if due.date == typed => Ok(()),
                Some(due) => Err(InvalidValue(set_by_words(lookup, due))),
                None => {
                    r.review_date = typed;
                    Ok(())
                }
            }
        },
    )
}

/// The review due when the current assessment set it; `None` when the partnership's own date
/// is the one due (never assessed, or not in the register yet).
fn set_by_assessment(lookup: &Lookup<'_>, partnership: &Partnership) -> Option<ReviewDue> {
    lookup
        .review_due(partnership.id)
        .filter(|due| matches!(due.source, ReviewSource::Assessment(_)))
}

/// The date shown: the assessment's next review, else the record's own date (as typed).
fn shown_date(lookup: &Lookup<'_>, partnership: &Partnership) -> Option<chrono::NaiveDate> {
    match set_by_assessment(lookup, partnership) {
        Some(due) => due.date,
        None => partnership.review_date,
    }
}

/// "The review date is set by the assessment of 2026-06-01: assess the partnership again to
/// change it".
fn set_by_words(lookup: &Lookup<'_>, due: ReviewDue) -> String {
    let ReviewSource::Assessment(id) = due.source else {
        return String::new();
    };
    let when = lookup
        .register
        .assessments
        .get(&id)
        .and_then(|a| a.date)
        .map_or_else(
            || "its last assessment".to_string(),
            |d| format!("its assessment of {d}"),
        );
    format!(
        "The review date is set by {when}: assess the partnership again (Assessment) to change it"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, AssessmentId, PartnershipId, Register};

    fn date(text: &str) -> chrono::NaiveDate {
        parse_date(text).expect("date")
    }

    fn register() -> Register {
        let mut register = Register::new("Test");
        for id in [1, 2] {
            register.partnerships.insert(
                PartnershipId(id),
                Partnership {
                    id: PartnershipId(id),
                    name: format!("Partnership {id}"),
                    review_date: Some(date("2026-11-04")),
                    ..Partnership::default()
                },
            );
        }
        register.assessments.insert(
            AssessmentId(1),
            Assessment {
                id: AssessmentId(1),
                partnership: PartnershipId(1),
                date: Some(date("2026-06-01")),
                next_review: Some(date("2027-06-01")),
                ..Assessment::default()
            },
        );
        register
    }

    #[test]
    fn the_column_shows_the_one_review_date_and_types_only_the_own_one() {
        let register = register();
        let today = date("2026-12-01");
        let column = review_date_column();
        for lookup in [
            Lookup::new(&register, today),
            Lookup::names_only(&register, today),
        ] {
            let assessed = register.partnerships[&PartnershipId(1)].clone();
            let never = register.partnerships[&PartnershipId(2)].clone();
            assert_eq!(column.cell(&lookup, &assessed).text, "2027-06-01");
            assert_eq!(column.cell(&lookup, &never).text, "2026-11-04");

            // Assessed: the date as shown changes nothing; another is refused, with why.
            let mut record = assessed.clone();
            column
                .set(&lookup, &mut record, "2027-06-01")
                .expect("as shown");
            assert_eq!(record, assessed);
            let refused = column.set(&lookup, &mut record, "2027-01-01");
            let reason = refused.expect_err("set by the assessment").0;
            assert!(reason.contains("assessment of 2026-06-01"), "{reason}");
            assert_eq!(record, assessed);

            // Never assessed: its own date, typed.
            let mut record = never.clone();
            column
                .set(&lookup, &mut record, "2027-02-01")
                .expect("typed");
            assert_eq!(record.review_date, Some(date("2027-02-01")));
            assert_eq!(column.cell(&lookup, &record).text, "2027-02-01");
            column.set(&lookup, &mut record, "").expect("cleared");
            assert_eq!(record.review_date, None);
        }
    }
}
