//! What each partnership costs the council in a year: the officer hours a month of its
//! representatives, costed at the register's hourly rate for twelve months, plus the money
//! contributed in the financial year. "Value for money" and the significance thresholds need
//! this cost: without the hours, officer-heavy partnerships look free.
//!
//! Money is whole pence and hours are tenths, so the costing is integer arithmetic:
//! hours a month x 12 x hourly rate, rounded to the nearest penny (a half penny away from zero).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{Hours, Money, PartnershipId, Register, Representation};

/// Officer hours a month costed for a year: hours x 12 x `hourly_rate`, to the nearest penny.
/// 104 hours a month at £38 is £47,424 a year.
pub fn officer_time_cost(hours_per_month: Hours, hourly_rate: Money) -> Money {
    // tenths of an hour x 12 x pence an hour, over 10, rounded half away from zero.
    let tenth_pence = i128::from(hours_per_month.tenths) * 12 * i128::from(hourly_rate.pence);
    let pence = if tenth_pence >= 0 {
        (tenth_pence + 5) / 10
    } else {
        (tenth_pence - 5) / 10
    };
    Money {
        pence: i64::try_from(pence).unwrap_or(if pence < 0 { i64::MIN } else { i64::MAX }),
    }
}

/// Whether a representative is in post on `date`: their term has started (or has no start)
/// and has not ended (or has no end).
pub fn in_post_on(representation: &Representation, date: NaiveDate) -> bool {
    representation.term_start.is_none_or(|start| start <= date)
        && representation.term_end.is_none_or(|end| end >= date)
}

/// A partnership's cost to the council for a year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnnualCost {
    /// Officer hours a month of the representatives in post.
    pub hours_per_month: Hours,
    /// Those hours costed for a year at the register's hourly rate.
    pub officer_time: Money,
    /// Money and in-kind contributions recorded for the financial year.
    pub contributions: Money,
    /// Officer time plus contributions.
    pub total: Money,
}

impl AnnualCost {
    fn new(hours_per_month: Hours, contributions: Money, hourly_rate: Money) -> Self {
        let officer_time = officer_time_cost(hours_per_month, hourly_rate);
        Self {
            hours_per_month,
            officer_time,
            contributions,
            total: officer_time + contributions,
        }
    }
}

/// The cost of one partnership: representatives in post on `on`, contributions for the
/// financial `year`, at the register's hourly rate.
pub fn annual_cost(
    register: &Register,
    partnership: PartnershipId,
    year: i32,
    on: NaiveDate,
) -> AnnualCost {
    let hours = register
        .representations
        .values()
        .filter(|r| r.partnership == partnership && in_post_on(r, on))
        .map(|r| r.hours_per_month)
        .sum();
    AnnualCost::new(
        hours,
        register.contribution_in_year(partnership, year),
        register.settings.officer_hourly_rate,
    )
}

/// The cost of every partnership in the register (as [`annual_cost`]), in one pass over the
/// representations and contributions.
pub fn annual_costs(
    register: &Register,
    year: i32,
    on: NaiveDate,
) -> BTreeMap<PartnershipId, AnnualCost> {
    let mut hours: BTreeMap<PartnershipId, Hours> = BTreeMap::new();
    for representation in register.representations.values() {
        if in_post_on(representation, on) {
            let entry = hours.entry(representation.partnership).or_default();
            *entry = *entry + representation.hours_per_month;
        }
    }
    let mut money: BTreeMap<PartnershipId, Money> = BTreeMap::new();
    for contribution in register.contributions.values() {
        if contribution.year == year {
            let entry = money.entry(contribution.partnership).or_default();
            *entry = *entry + contribution.amount;
        }
    }
    let rate = register.settings.officer_hourly_rate;
    register
        .partnerships
        .keys()
        .map(|id| {
            let cost = AnnualCost::new(
                hours.get(id).copied().unwrap_or_default(),
                money.get(id).copied().unwrap_or_default(),
                rate,
            );
            (*id, cost)
        })
        .collect()
}
