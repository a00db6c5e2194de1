//! What cells need to know beyond their own record: names of linked records, each
//! partnership's officer hours and latest contributions, and today's date (for overdue
//! actions). Built once per register change, so drawing reads and never searches.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::cell::LinkTarget;
use crate::model::{
    Hours, InvalidValue, Money, PartnershipId, Register, ReviewDue, normalised_name,
};

/// Sums and names worked out once from the register.
pub struct Lookup<'a> {
    /// The register as it is now.
    pub register: &'a Register,
    /// Today, for "overdue".
    pub today: NaiveDate,
    /// The newest financial year with a contribution, if any.
    pub contribution_year: Option<i32>,
    hours: HashMap<PartnershipId, Hours>,
    money: HashMap<PartnershipId, Money>,
    /// Every partnership's review due today, by the register's one rule (`None`: not worked
    /// out, asked of the register one partnership at a time).
    reviews: Option<BTreeMap<PartnershipId, ReviewDue>>,
}

impl<'a> Lookup<'a> {
    /// Adds up hours and money in one pass over the register.
    pub fn new(register: &'a Register, today: NaiveDate) -> Self {
        let contribution_year = register.latest_contribution_year();
        let mut hours: HashMap<PartnershipId, Hours> = HashMap::new();
        for r in register.representations.values() {
            let total = hours.entry(r.partnership).or_default();
            *total = *total + r.hours_per_month;
        }
        let mut money: HashMap<PartnershipId, Money> = HashMap::new();
        for c in register.contributions.values() {
            if Some(c.year) == contribution_year {
                let total = money.entry(c.partnership).or_default();
                *total = *total + c.amount;
            }
        }
        Self {
            register,
            today,
            contribution_year,
            hours,
            money,
            reviews: Some(register.reviews_due_as_at(today)),
        }
    }

    /// Names of linked records only, without the sums of hours and money (which then read
    /// as zero): for checking and showing one record's fields, as the detail form does each
    /// frame.
    pub fn names_only(register: &'a Register, today: NaiveDate) -> Self {
        Self {
            register,
            today,
            contribution_year: register.latest_contribution_year(),
            hours: HashMap::new(),
            money: HashMap::new(),
            reviews: None,
        }
    }

    /// Officer hours a month on a partnership, over all its representatives.
    pub fn hours(&self, id: PartnershipId) -> Hours {
        self.hours.get(&id).copied().unwrap_or_default()
    }

    /// The council's contributions to a partnership in the newest year with any.
    pub fn latest_contribution(&self, id: PartnershipId) -> Money {
        self.money.get(&id).copied().unwrap_or_default()
    }

    /// When a partnership's next review is due today, and what set it (the register's one
    /// rule: its current assessment's next review, else its own review date).
    pub fn review_due(&self, id: PartnershipId) -> Option<ReviewDue> {
        match &self.reviews {
            Some(reviews) => reviews.get(&id).copied(),
            None => self.register.review_due(id, self.today),
        }
    }

    /// The name of a linked record ("" when there is no link; a placeholder if it is gone).
    pub fn link_name(&self, target: LinkTarget, id: Option<i64>) -> String {
        let Some(id) = id else {
            return String::new();
        };
        link_name(self.register, target, id).unwrap_or_else(|| format!("(missing #{id})"))
    }

    /// Every record a link may point at, as (id, name), sorted by name.
    pub fn link_options(&self, target: LinkTarget) -> Vec<(i64, String)> {
        link_options(self.register, target)
    }

    /// Reads a typed link: a name (any case and spacing) or "#12". Empty means no link,
    /// refused when `optional` is false.
    pub fn resolve_link(
        &self,
        target: LinkTarget,
        text: &str,
        optional: bool,
    ) -> Result<Option<i64>, InvalidValue> {
        let what = target_label(target);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return if optional {
                Ok(None)
            } else {
                Err(InvalidValue(format!("Choose a {what}")))
            };
        }
        if let Some(number) = trimmed.strip_prefix('#')
            && let Ok(id) = number.trim().parse::<i64>()
            && link_name(self.register, target, id).is_some()
        {
            return Ok(Some(id));
        }
        let wanted = normalised_name(trimmed);
        let found: Vec<i64> = link_options(self.register, target)
            .into_iter()
            .filter(|(_, name)| normalised_name(name) == wanted)
            .map(|(id, _)| id)
            .collect();
        match found.as_slice() {
            [id] => Ok(Some(*id)),
            [] => Err(InvalidValue(format!(
                "There is no {what} called “{trimmed}” in the register"
            ))),
            [first, ..] => Ok(Some(*first)),
        }
    }
}

/// Lower-case words for a link target ("organisation").
pub fn target_label(target: LinkTarget) -> &'static str {
    match target {
        LinkTarget::Partnership => "partnership",
        LinkTarget::Organisation => "organisation",
        LinkTarget::Person => "person",
        LinkTarget::Strategy => "strategy document",
        LinkTarget::Objective => "objective",
        LinkTarget::Theme => "theme",
        LinkTarget::Priority => "corporate priority",
        LinkTarget::Representation => "representation",
    }
}

fn link_name(register: &Register, target: LinkTarget, id: i64) -> Option<String> {
    use crate::model::*;
    match target {
        LinkTarget::Partnership => register
            .partnerships
            .get(&PartnershipId(id))
            .map(|r| r.name.clone()),
        LinkTarget::Organisation => register
            .organisations
            .get(&OrganisationId(id))
            .map(|r| r.name.clone()),
        LinkTarget::Person => register.people.get(&PersonId(id)).map(|r| r.name.clone()),
        LinkTarget::Strategy => register
            .strategies
            .get(&StrategyId(id))
            .map(|r| r.title.clone()),
        LinkTarget::Objective => register
            .objectives
            .get(&ObjectiveId(id))
            .map(objective_name),
        LinkTarget::Theme => register.themes.get(&ThemeId(id)).map(|r| r.name.clone()),
        LinkTarget::Priority => register
            .priorities
            .get(&PriorityId(id))
            .map(|r| r.name.clone()),
        LinkTarget::Representation => register
            .representations
            .get(&RepresentationId(id))
            .map(|r| representation_name(register, r)),
    }
}

/// "Ann Smith on Community Safety Partnership".
fn representation_name(
    register: &Register,
    representation: &crate::model::Representation,
) -> String {
    let person = register
        .people
        .get(&representation.person)
        .map_or("(no one)", |p| p.name.as_str());
    format!(
        "{person} on {}",
        register.partnership_name(representation.partnership)
    )
}

/// "SO2 Reduce reoffending", or the text alone when there is no reference.
fn objective_name(objective: &crate::model::Objective) -> String {
    if objective.reference.is_empty() {
        objective.text.clone()
    } else {
        format!("{} {}", objective.reference, objective.text)
    }
}

fn link_options(register: &Register, target: LinkTarget) -> Vec<(i64, String)> {
    let mut options: Vec<(i64, String)> = match target {
        LinkTarget::Partnership => register
            .partnerships
            .values()
            .map(|r| (r.id.0, r.name.clone()))
            .collect(),
        LinkTarget::Organisation => register
            .organisations
            .values()
            .map(|r| (r.id.0, r.name.clone()))
            .collect(),
        LinkTarget::Person => register
            .people
            .values()
            .map(|r| (r.id.0, r.name.clone()))
            .collect(),
        LinkTarget::Strategy => register
            .strategies
            .values()
            .map(|r| (r.id.0, r.title.clone()))
            .collect(),
        LinkTarget::Objective => register
            .objectives
            .values()
            .map(|r| (r.id.0, objective_name(r)))
            .collect(),
        LinkTarget::Theme => register
            .themes
            .values()
            .map(|r| (r.id.0, r.name.clone()))
            .collect(),
        LinkTarget::Priority => register
            .priorities
            .values()
            .map(|r| (r.id.0, r.name.clone()))
            .collect(),
        LinkTarget::Representation => register
            .representations
            .values()
            .map(|r| (r.id.0, representation_name(register, r)))
            .collect(),
    };
    options.sort_by_cached_key(|(id, name)| (normalised_name(name), *id));
    options
}
