//! The comparison in one paragraph of plain English for a covering report: "Since 22 March:
//! 3 partnerships added, 5 networks removed from the register, 4 re-rated; officer time down
//! 36 hours a month." Counts and plurals come from `model::words`, as every count does.

use chrono::{Datelike, NaiveDate};

use super::changes::{BodyChange, Changes};
use crate::model::words::{counted, with_noun};
use crate::model::{Hours, Money, PartnershipKind};

/// The noun a list of bodies is counted with: the kind's own word when they are all of one
/// kind that has one ("network", "outside body", "joint committee"), else "partnership".
fn noun_for(bodies: &[BodyChange]) -> &'static str {
    let word = |kind: PartnershipKind| match kind {
        PartnershipKind::NetworkForum => "network",
        PartnershipKind::OutsideBody => "outside body",
        PartnershipKind::JointCommittee => "joint committee",
        _ => "partnership",
    };
    match bodies.first() {
        Some(first) if bodies.iter().all(|b| word(b.kind) == word(first.kind)) => word(first.kind),
        _ => "partnership",
    }
}

/// "22 March", or "22 March 2026" when the later state is in another year.
fn day_words(day: NaiveDate, other: NaiveDate) -> String {
    if day.year() == other.year() {
        day.format("%-d %B").to_string()
    } else {
        day.format("%-d %B %Y").to_string()
    }
}

fn hours_words(before: Hours, after: Hours) -> Option<String> {
    let (was, is) = (i64::from(before.tenths), i64::from(after.tenths));
    if was == is {
        return None;
    }
    let difference = Hours {
        tenths: u32::try_from((is - was).unsigned_abs()).unwrap_or(u32::MAX),
    };
    let way = if is > was { "up" } else { "down" };
    Some(format!(
        "officer time {way} {} a month",
        with_noun(&difference.to_string(), "hour")
    ))
}

fn money_words(before: Money, after: Money) -> Option<String> {
    if before == after {
        return None;
    }
    let difference = Money {
        pence: after.pence.saturating_sub(before.pence).saturating_abs(),
    };
    let way = if after.pence > before.pence {
        "up"
    } else {
        "down"
    };
    Some(format!(
        "contributions {way} {} a year",
        difference.format_whole_pounds()
    ))
}

/// The paragraph.
pub fn summary(changes: &Changes) -> String {
    let since = day_words(changes.since.as_at, changes.to.as_at);
    let mut counts = Vec::new();
    if !changes.added.is_empty() {
        let noun = noun_for(&changes.added);
        counts.push(format!("{} added", counted(changes.added.len(), noun)));
    }
    if !changes.removed.is_empty() {
        let noun = noun_for(&changes.removed);
        counts.push(format!(
            "{} removed from the register",
            counted(changes.removed.len(), noun)
        ));
    }
    // After a count with its noun, "4 re-rated" reads on; first in the list, it needs one.
    let bare = |count: usize, counts: &Vec<String>| {
        if counts.is_empty() {
            counted(count, "partnership")
        } else {
            count.to_string()
        }
    };
    if !changes.statuses.is_empty() {
        let count = bare(changes.statuses.len(), &counts);
        counts.push(format!("{count} changed status"));
    }
    if !changes.ratings.is_empty() {
        let count = bare(changes.ratings.len(), &counts);
        counts.push(format!("{count} re-rated"));
    }
    if !changes.representation.is_empty() {
        counts.push(counted(
            changes.representation.len(),
            "representation change",
        ));
    }
    let resources: Vec<String> = [
        hours_words(changes.total_before.hours, changes.total_after.hours),
        money_words(changes.total_before.money, changes.total_after.money),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut text = format!("Since {since}: ");
    match (counts.is_empty(), resources.is_empty()) {
        (true, true) => text.push_str("no changes to the register"),
        (false, true) => text.push_str(&counts.join(", ")),
        (true, false) => text.push_str(&resources.join(" and ")),
        (false, false) => {
            text.push_str(&counts.join(", "));
            text.push_str("; ");
            text.push_str(&resources.join(" and "));
        }
    }
    text.push('.');
    text
}
