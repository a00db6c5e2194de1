//! The knowledge network (seed 004, "Recommendation 31"): for each representation, who the
//! representative reports back to, how often, and when they last did. A `ReportBackRoute` is
//! how what is learnt on a partnership comes back into the council.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ids::{ReportBackRouteId, RepresentationId};

choice! {
    /// Who a representative reports back to.
    pub enum ReportAudience {
        PortfolioHolder => ("portfolio_holder", "Portfolio holder"),
        Committee => ("committee", "Committee"),
        ServiceTeam => ("service_team", "Service team"),
        NamedOfficer => ("named_officer", "Named officer"),
    }
    default PortfolioHolder
}

choice! {
    /// How often a representative reports back.
    pub enum ReportFrequency {
        AfterEachMeeting => ("after_each_meeting", "After each meeting"),
        Monthly => ("monthly", "Monthly"),
        Quarterly => ("quarterly", "Quarterly"),
        SixMonthly => ("six_monthly", "Every six months"),
        Annually => ("annually", "Annually"),
    }
    default Quarterly
}

impl ReportFrequency {
    /// Months between two reports. "After each meeting" follows the body's meetings a year
    /// (12 meetings: monthly; 4: every 3 months; 5: every 3 months, rounded up so a report
    /// is never called late before the next meeting could have happened); a body with no
    /// meetings recorded is taken as quarterly.
    pub fn months_between(self, meetings_per_year: u32) -> u32 {
        match self {
            Self::AfterEachMeeting if meetings_per_year == 0 => 3,
            Self::AfterEachMeeting => 12_u32.div_ceil(meetings_per_year.min(12)),
            Self::Monthly => 1,
            Self::Quarterly => 3,
            Self::SixMonthly => 6,
            Self::Annually => 12,
        }
    }

    /// When the report after one made on `last` is due (month ends clamp).
    pub fn next_due(self, last: NaiveDate, meetings_per_year: u32) -> Option<NaiveDate> {
        last.checked_add_months(Months::new(self.months_between(meetings_per_year)))
    }
}

/// One route by which a representative reports back into the council.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportBackRoute {
    /// Identifier.
    pub id: ReportBackRouteId,
    /// The representation whose knowledge comes back this way.
    pub representation: RepresentationId,
    /// What kind of recipient.
    pub audience: ReportAudience,
    /// The recipient by name ("Portfolio Holder for Planning", "Overview and Scrutiny
    /// Committee", "Community Services team", "Head of Policy").
    pub recipient: String,
    /// How often.
    pub frequency: ReportFrequency,
    /// When the representative last reported back this way, if ever.
    pub last_reported: Option<NaiveDate>,
    /// Anything else ("written note to the portfolio holder's briefing").
    pub notes: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn after_each_meeting_follows_the_meetings_a_year() {
        let each = ReportFrequency::AfterEachMeeting;
        assert_eq!(each.months_between(12), 1);
        assert_eq!(each.months_between(4), 3);
        assert_eq!(each.months_between(5), 3);
        assert_eq!(each.months_between(1), 12);
        assert_eq!(each.months_between(0), 3);
        assert_eq!(each.months_between(52), 1);
        assert_eq!(ReportFrequency::SixMonthly.months_between(12), 6);
    }

    #[test]
    fn the_next_report_is_due_a_period_after_the_last() {
        assert_eq!(
            ReportFrequency::Quarterly.next_due(date(2025, 11, 30), 0),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            ReportFrequency::Annually.next_due(date(2025, 4, 1), 0),
            Some(date(2026, 4, 1))
        );
    }

    #[test]
    fn choices_parse_from_code_and_label() {
        assert_eq!(
            ReportAudience::parse("Named officer"),
            Some(ReportAudience::NamedOfficer)
        );
        assert_eq!(
            ReportFrequency::parse("six_monthly"),
            Some(ReportFrequency::SixMonthly)
        );
    }
}
