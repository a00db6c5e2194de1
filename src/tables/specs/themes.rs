//! Community strategy themes and corporate priorities, with the partnerships tagged to each.

use crate::model::*;
use crate::tables::{Cell, Column, LinkTarget, TableSpec, TotalKind};

/// The themes table, with how many partnerships serve each.
pub fn themes() -> TableSpec<Theme> {
    TableSpec {
        id: "themes",
        noun: "theme",
        columns: vec![
            Column::name(
                "name",
                "Theme",
                "A theme's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::text(
                "description",
                "Description",
                |r| &r.description,
                |r, v| r.description = v,
            ),
            Column::derived(
                "tagged",
                "Partnerships",
                TotalKind::None,
                |lookup, r: &Theme| {
                    let count = lookup
                        .register
                        .theme_tags
                        .values()
                        .filter(|t| t.theme == r.id)
                        .count();
                    Cell::number(count.to_string(), count as i64)
                },
            ),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = ThemeId(id))),
        new_record: |register, _| {
            Ok(Theme {
                id: ThemeId::next_in(&register.themes),
                name: "New theme".to_string(),
                ..Theme::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// The corporate priorities table, with how many partnerships support each.
pub fn priorities() -> TableSpec<Priority> {
    TableSpec {
        id: "priorities",
        noun: "priority",
        columns: vec![
            Column::name(
                "name",
                "Priority",
                "A priority's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::text(
                "description",
                "Description",
                |r| &r.description,
                |r, v| r.description = v,
            ),
            Column::derived(
                "tagged",
                "Partnerships",
                TotalKind::None,
                |lookup, r: &Priority| {
                    let count = lookup
                        .register
                        .priority_tags
                        .values()
                        .filter(|t| t.priority == r.id)
                        .count();
                    Cell::number(count.to_string(), count as i64)
                },
            ),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = PriorityId(id))),
        new_record: |register, _| {
            Ok(Priority {
                id: PriorityId::next_in(&register.priorities),
                name: "New priority".to_string(),
                ..Priority::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// Which partnership serves which theme.
pub fn theme_tags() -> TableSpec<ThemeTag> {
    TableSpec {
        id: "theme_tags",
        noun: "theme tag",
        columns: vec![
            Column::link(
                "theme",
                "Theme",
                LinkTarget::Theme,
                false,
                |r: &ThemeTag| Some(r.theme.0),
                |r, v| r.theme = ThemeId(v.unwrap_or_default()),
            ),
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                false,
                |r: &ThemeTag| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
        ],
        name_column: None,
        numeric_id: None,
        new_record: |register, current| {
            let partnership = super::partnership_for_new_row(register, current)?;
            let theme = register
                .themes
                .keys()
                .copied()
                .find(|t| !register.theme_tags.contains_key(&(partnership, *t)))
                .ok_or_else(|| {
                    InvalidValue("Add a theme first (this partnership has every one)".to_string())
                })?;
            Ok(ThemeTag { partnership, theme })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// Which partnership supports which corporate priority.
pub fn priority_tags() -> TableSpec<PriorityTag> {
    TableSpec {
        id: "priority_tags",
        noun: "priority tag",
        columns: vec![
            Column::link(
                "priority",
                "Priority",
                LinkTarget::Priority,
                false,
                |r: &PriorityTag| Some(r.priority.0),
                |r, v| r.priority = PriorityId(v.unwrap_or_default()),
            ),
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                false,
                |r: &PriorityTag| Some(r.partnership.0),
                |r, v| r.partnership = PartnershipId(v.unwrap_or_default()),
            ),
        ],
        name_column: None,
        numeric_id: None,
        new_record: |register, current| {
            let partnership = super::partnership_for_new_row(register, current)?;
            let priority = register
                .priorities
                .keys()
                .copied()
                .find(|p| !register.priority_tags.contains_key(&(partnership, *p)))
                .ok_or_else(|| {
                    InvalidValue(
                        "Add a priority first (this partnership has every one)".to_string(),
                    )
                })?;
            Ok(PriorityTag {
                partnership,
                priority,
            })
        },
        partnership_of: Some(|r| Some(r.partnership)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
