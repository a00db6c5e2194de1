//! Every table of the register: which columns each has, and what a new row starts as.

mod actions;
mod contributions;
mod memberships;
mod organisations;
mod partnership_fields;
mod partnership_form;
mod partnerships;
mod people;
mod relationships;
mod report_back_routes;
mod review_date;
mod strategies;
mod themes;

pub use actions::{actions, is_overdue};
pub use contributions::contributions;
pub use memberships::memberships;
pub use organisations::organisations;
pub use partnership_fields::{FormGroup, Lines, PartnershipField, partnership_fields};
pub use partnership_form::{FormField, PartnershipForm, partnership_form};
pub use partnerships::partnerships;
pub use people::{people, representations};
pub use relationships::relationships;
pub use report_back_routes::report_back_routes;
pub use strategies::{measures, objective_deliveries, objectives, strategies};
pub use themes::{priorities, priority_tags, theme_tags, themes};

use crate::model::{InvalidValue, PartnershipId, Register};

/// The current partnership, or the first one, for a new row that must belong to one.
pub(crate) fn partnership_for_new_row(
    register: &Register,
    current: Option<PartnershipId>,
) -> Result<PartnershipId, InvalidValue> {
    current
        .filter(|id| register.partnerships.contains_key(id))
        .or_else(|| register.partnerships.keys().next().copied())
        .ok_or_else(|| InvalidValue("Add a partnership first".to_string()))
}

/// The first record of a map, for a new row's required link, or why there is none.
pub(crate) fn first_key<K: Copy, V>(
    map: &std::collections::BTreeMap<K, V>,
    what: &str,
) -> Result<K, InvalidValue> {
    map.keys()
        .next()
        .copied()
        .ok_or_else(|| InvalidValue(format!("Add {what} first")))
}
