//! Which assessment is current, and when a partnership's next review is due: one rule that
//! every panel (the Partnerships table and form, the Assessment panel, the Annual review, the
//! matrix, the diagram's style rules) and every export reads, so no two of them can disagree.
//!
//! - An assessment is newer than another when it is dated later; an undated one is older than
//!   any dated one; two on the same day are told apart by identifier (the one entered later).
//! - A partnership's current assessment as at a date is its newest made on or before that date
//!   (an undated one counts on every date). An assessment dated later is not made yet.
//! - Its next review is due on its current assessment's next review date; a partnership never
//!   assessed by then is due on its own review date (the one set by hand before its first
//!   assessment). An assessment that recommends withdrawal may set no date.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::entities::{Assessment, Partnership};
use super::ids::{AssessmentId, PartnershipId};
use super::record::Register;

impl Assessment {
    /// Its place in time, for finding the newest: the date (undated first), then the
    /// identifier.
    pub fn recency(&self) -> (Option<NaiveDate>, AssessmentId) {
        (self.date, self.id)
    }

    /// Whether it had been made by `as_at` (an undated one always counts).
    pub fn made_by(&self, as_at: NaiveDate) -> bool {
        self.date.is_none_or(|date| date <= as_at)
    }
}

/// Where a partnership's next review date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewSource {
    /// The current assessment set it.
    Assessment(AssessmentId),
    /// Never assessed: the partnership's own review date.
    Partnership,
}

/// A partnership's next review: when, and what set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewDue {
    /// The date; `None` when none is set (or the assessment recommends withdrawal).
    pub date: Option<NaiveDate>,
    /// What set it.
    pub source: ReviewSource,
}

impl ReviewDue {
    /// The review due for `partnership` whose current assessment is `current`.
    pub fn of(partnership: &Partnership, current: Option<&Assessment>) -> Self {
        match current {
            Some(assessment) => Self {
                date: assessment.next_review,
                source: ReviewSource::Assessment(assessment.id),
            },
            None => Self {
                date: partnership.review_date,
                source: ReviewSource::Partnership,
            },
        }
    }

    /// Whether it falls before `as_at` (no date is never overdue).
    pub fn is_overdue(&self, as_at: NaiveDate) -> bool {
        self.date.is_some_and(|due| due < as_at)
    }
}

impl Register {
    /// The newest assessment of a partnership, whatever its date (the latest entered).
    pub fn current_assessment(&self, id: PartnershipId) -> Option<&Assessment> {
        self.assessments
            .values()
            .filter(|a| a.partnership == id)
            .max_by_key(|a| a.recency())
    }

    /// A partnership's current assessment as at `as_at`: its newest made on or before it.
    pub fn current_assessment_as_at(
        &self,
        id: PartnershipId,
        as_at: NaiveDate,
    ) -> Option<&Assessment> {
        self.assessments
            .values()
            .filter(|a| a.partnership == id && a.made_by(as_at))
            .max_by_key(|a| a.recency())
    }

    /// Every partnership's current assessment as at `as_at`; partnerships with none are left
    /// out. One pass over the assessments (the overview of 10,000 partnerships needs it).
    pub fn current_assessments_as_at(
        &self,
        as_at: NaiveDate,
    ) -> BTreeMap<PartnershipId, &Assessment> {
        self.newest_assessments(|a| a.made_by(as_at))
    }

    /// Every partnership's newest assessment, whatever its date ([`Self::current_assessment`]
    /// for all at once, in one pass: a picture of 10,000 partnerships looks each one up).
    pub fn current_assessments(&self) -> BTreeMap<PartnershipId, &Assessment> {
        self.newest_assessments(|_| true)
    }

    fn newest_assessments(
        &self,
        counts: impl Fn(&Assessment) -> bool,
    ) -> BTreeMap<PartnershipId, &Assessment> {
        let mut current: BTreeMap<PartnershipId, &Assessment> = BTreeMap::new();
        for assessment in self.assessments.values().filter(|a| counts(a)) {
            let newer = current
                .get(&assessment.partnership)
                .is_none_or(|seen| assessment.recency() > seen.recency());
            if newer {
                current.insert(assessment.partnership, assessment);
            }
        }
        current
    }

    /// When partnership `id`'s next review is due as at `as_at` (see the module's rule);
    /// `None` when the register has no such partnership.
    pub fn review_due(&self, id: PartnershipId, as_at: NaiveDate) -> Option<ReviewDue> {
        let partnership = self.partnerships.get(&id)?;
        Some(ReviewDue::of(
            partnership,
            self.current_assessment_as_at(id, as_at),
        ))
    }

    /// Every partnership's review due as at `as_at` (see the module's rule), in one pass over
    /// the assessments: what a table of every partnership shows in its review date column.
    pub fn reviews_due_as_at(&self, as_at: NaiveDate) -> BTreeMap<PartnershipId, ReviewDue> {
        let current = self.current_assessments_as_at(as_at);
        self.partnerships
            .iter()
            .map(|(id, partnership)| (*id, ReviewDue::of(partnership, current.get(id).copied())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_date;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).expect("date")
    }

    fn assessment(id: i64, partnership: i64, day: Option<&str>, next: Option<&str>) -> Assessment {
        Assessment {
            id: AssessmentId(id),
            partnership: PartnershipId(partnership),
            date: day.map(date),
            next_review: next.map(date),
            ..Assessment::default()
        }
    }

    fn register(assessments: &[Assessment]) -> Register {
        let mut register = Register::new("Test");
        for id in [1, 2, 3] {
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
        for a in assessments {
            register.assessments.insert(a.id, a.clone());
        }
        register
    }

    #[test]
    fn the_current_assessment_is_the_newest_made_by_the_date() {
        let register = register(&[
            assessment(1, 1, Some("2024-06-01"), None),
            assessment(2, 1, Some("2025-06-01"), None),
            assessment(3, 1, Some("2025-06-01"), None),
            assessment(4, 2, None, None),
            assessment(5, 2, Some("2025-09-01"), None),
        ]);
        let ids = |as_at: &str| -> Vec<(i64, i64)> {
            register
                .current_assessments_as_at(date(as_at))
                .iter()
                .map(|(p, a)| (p.0, a.id.0))
                .collect()
        };
        // Before anything dated: only the undated assessment counts.
        assert_eq!(ids("2024-05-31"), [(2, 4)]);
        // On the day an assessment is dated, it counts.
        assert_eq!(ids("2024-06-01"), [(1, 1), (2, 4)]);
        // Two the same day: the later identifier.
        assert_eq!(ids("2025-06-01"), [(1, 3), (2, 4)]);
        assert_eq!(ids("2025-09-01"), [(1, 3), (2, 5)]);
        // One partnership at a time agrees with all at once.
        for as_at in ["2024-05-31", "2024-06-01", "2025-06-01", "2025-09-01"] {
            for (id, current) in register.current_assessments_as_at(date(as_at)) {
                assert_eq!(
                    register
                        .current_assessment_as_at(id, date(as_at))
                        .map(|a| a.id),
                    Some(current.id)
                );
            }
        }
        assert_eq!(
            register.current_assessment(PartnershipId(1)).map(|a| a.id),
            Some(AssessmentId(3))
        );
    }

    #[test]
    fn the_review_is_due_when_the_current_assessment_says() {
        // The partnership's own date (2026-11-04) is the one set before its first assessment;
        // once assessed, the assessment's next review is the date every panel shows.
        let register = register(&[
            assessment(1, 1, Some("2025-06-01"), Some("2026-06-01")),
            assessment(2, 1, Some("2026-06-01"), Some("2027-06-01")),
        ]);
        let due = |id: i64, as_at: &str| register.review_due(PartnershipId(id), date(as_at));
        let now = due(1, "2026-12-01").expect("partnership");
        assert_eq!(now.date, Some(date("2027-06-01")));
        assert_eq!(now.source, ReviewSource::Assessment(AssessmentId(2)));
        assert!(!now.is_overdue(date("2026-12-01")));
        // As at the day before the newer assessment, the older one set the date, and it was
        // not yet overdue (due that very day is not overdue).
        let then = due(1, "2026-05-31").expect("partnership");
        assert_eq!(then.date, Some(date("2026-06-01")));
        assert_eq!(then.source, ReviewSource::Assessment(AssessmentId(1)));
        assert!(!then.is_overdue(date("2026-06-01")));
        assert!(then.is_overdue(date("2026-06-02")));
        // Before any assessment: the partnership's own date.
        let before = due(1, "2025-01-01").expect("partnership");
        assert_eq!(before.date, Some(date("2026-11-04")));
        assert_eq!(before.source, ReviewSource::Partnership);
        // Never assessed.
        assert_eq!(
            due(2, "2026-12-01").map(|d| d.source),
            Some(ReviewSource::Partnership)
        );
        assert!(due(9, "2026-12-01").is_none());
    }

    #[test]
    fn every_review_due_at_once_agrees_with_one_at_a_time() {
        let register = register(&[
            assessment(1, 1, Some("2025-06-01"), Some("2026-06-01")),
            assessment(2, 1, Some("2026-06-01"), Some("2027-06-01")),
            assessment(3, 3, Some("2025-06-01"), None),
        ]);
        for as_at in ["2025-01-01", "2026-05-31", "2026-12-01"] {
            let all = register.reviews_due_as_at(date(as_at));
            assert_eq!(all.len(), 3);
            for (id, due) in &all {
                assert_eq!(Some(*due), register.review_due(*id, date(as_at)));
            }
        }
        let now = register.reviews_due_as_at(date("2026-12-01"));
        assert_eq!(now[&PartnershipId(1)].date, Some(date("2027-06-01")));
        assert_eq!(now[&PartnershipId(2)].date, Some(date("2026-11-04")));
        assert_eq!(now[&PartnershipId(3)].date, None);
    }

    #[test]
    fn an_assessment_that_sets_no_date_is_never_overdue() {
        let register = register(&[assessment(1, 3, Some("2025-06-01"), None)]);
        let due = register
            .review_due(PartnershipId(3), date("2030-01-01"))
            .expect("partnership");
        assert_eq!(due.date, None);
        assert!(!due.is_overdue(date("2030-01-01")));
    }
}
