//! `resources`: the council's officer time and money by theme, by place in the structure, by
//! partnership with the groups under it and by recommendation, with the TOTAL for every
//! partnership reviewed. Costs are the overview's
//! (`crate::scoring::overview_for`), added up by group.

use std::collections::{BTreeMap, BTreeSet};

use super::{Context, cost_columns};
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{Hours, Money, Partnership, PartnershipId, Register, StructuralLevel};
use crate::scoring::{self, OverviewRow};

fn sums<'a>(rows: impl Iterator<Item = &'a OverviewRow>) -> (usize, Hours, Money, Money, Money) {
    rows.fold(
        (0, Hours::ZERO, Money::ZERO, Money::ZERO, Money::ZERO),
        |(count, hours, time, money, total), row| {
            (
                count + 1,
                hours + row.cost.hours_per_month,
                time + row.cost.officer_time,
                money + row.cost.contributions,
                total + row.cost.total,
            )
        },
    )
}

fn line(label: &str, sums: (usize, Hours, Money, Money, Money)) -> Vec<Cell> {
    let (count, hours, time, money, total) = sums;
    vec![
        Cell::text(label),
        Cell::count(count),
        Cell::Hours(hours),
        Cell::Money(time),
        Cell::Money(money),
        Cell::Money(total),
    ]
}

/// Each partnership with the groups under it (every body that answers to it by a formal line,
/// directly or through others: [`Register::parents_of`]) and what they take together: "the
/// partnership and its associated partnerships" of seed 004, 4.1 (the economic partnership
/// board and four groups: 104 hours, £538,000). The LSP board and executive are left out: the
/// structure is under them, and "By place in the structure" says it.
fn families(register: &Register, reviewed: &[&OverviewRow]) -> Group {
    let by_id: BTreeMap<PartnershipId, &OverviewRow> =
        reviewed.iter().map(|row| (row.partnership, *row)).collect();
    let mut under: BTreeMap<PartnershipId, Vec<&OverviewRow>> = BTreeMap::new();
    for row in reviewed {
        let mut seen = BTreeSet::new();
        let mut waiting = vec![row.partnership];
        while let Some(next) = waiting.pop() {
            for line in register.parents_of(next) {
                if seen.insert(line.to) {
                    waiting.push(line.to);
                    under.entry(line.to).or_default().push(row);
                }
            }
        }
    }
    let mut heads: Vec<&Partnership> = under
        .keys()
        .filter(|id| by_id.contains_key(id))
        .filter_map(|id| register.partnerships.get(id))
        .filter(|p| {
            !matches!(
                p.structural_level,
                StructuralLevel::LspBoard | StructuralLevel::LspExecutive
            )
        })
        .collect();
    super::sort_by_name(&mut heads);
    let mut group = Group {
        heading: "By partnership and the groups under it".to_string(),
        ..Group::default()
    };
    for head in heads {
        let groups = under.get(&head.id).map_or(&[][..], Vec::as_slice);
        let label = format!(
            "{} and {} under it",
            head.name,
            crate::model::words::counted(groups.len(), "group")
        );
        let members = by_id
            .get(&head.id)
            .copied()
            .into_iter()
            .chain(groups.iter().copied());
        group.rows.push(Row::data(line(&label, sums(members))));
    }
    group
}

/// The resources table.
pub fn table(context: &Context<'_>) -> Table {
    let mut columns = vec![
        Column::new("Group", ColumnKind::Text),
        Column::new("Partnerships", ColumnKind::Number),
    ];
    columns.extend(cost_columns());
    let mut table = context.table(
        format!("{}'s resources in partnerships", context.council()),
        "Resources",
        columns,
    );
    table.group_column = Some("Totals by".to_string());
    let register = context.register;
    let reviewed: Vec<&OverviewRow> = context
        .overview
        .rows
        .iter()
        .filter(|row| scoring::is_reviewed(row.status))
        .collect();

    let mut themes = Group {
        heading: "By theme".to_string(),
        ..Group::default()
    };
    let mut theme_list: Vec<_> = register.themes.values().collect();
    theme_list.sort_by_key(|theme| theme.name.to_lowercase());
    for theme in theme_list {
        let members = reviewed.iter().copied().filter(|row| {
            register
                .theme_tags
                .contains_key(&(row.partnership, theme.id))
        });
        themes
            .rows
            .push(Row::data(line(&theme.name, sums(members))));
    }
    let untagged = reviewed.iter().copied().filter(|row| {
        !register
            .theme_tags
            .keys()
            .any(|(partnership, _)| *partnership == row.partnership)
    });
    let untagged = sums(untagged);
    if untagged.0 > 0 {
        themes
            .rows
            .push(Row::data(line("No theme recorded", untagged)));
    }
    table.groups.push(themes);

    let mut levels = Group {
        heading: "By place in the structure".to_string(),
        ..Group::default()
    };
    for level in StructuralLevel::ALL {
        let members: Vec<&OverviewRow> = reviewed
            .iter()
            .copied()
            .filter(|row| {
                register
                    .partnerships
                    .get(&row.partnership)
                    .is_some_and(|p| p.structural_level == *level)
            })
            .collect();
        if !members.is_empty() {
            levels
                .rows
                .push(Row::data(line(level.label(), sums(members.into_iter()))));
        }
    }
    table.groups.push(levels);

    let families = families(register, &reviewed);
    if !families.rows.is_empty() {
        table.groups.push(families);
    }

    let mut recommendations = Group {
        heading: "By recommendation".to_string(),
        ..Group::default()
    };
    for total in &context.overview.totals {
        let officer_time = Money {
            pence: total
                .annual_cost
                .pence
                .saturating_sub(total.contributions.pence),
        };
        let label = match total.recommendation {
            Some(recommendation) => crate::export::table::recommendation_with_sign(recommendation),
            None => "Not assessed yet".to_string(),
        };
        recommendations.rows.push(Row::data(vec![
            Cell::Text(label),
            Cell::count(total.partnerships),
            Cell::Hours(total.hours_per_month),
            Cell::Money(officer_time),
            Cell::Money(total.contributions),
            Cell::Money(total.annual_cost),
        ]));
    }
    table.groups.push(recommendations);

    let all = sums(reviewed.iter().copied());
    table.total = Some(Row::total(line("TOTAL", all)));
    table.notes = vec![
        format!(
            "{} reviewed. A partnership serving several themes counts under each, and a group \
             under each partnership above it, so those lines add up to more than the TOTAL; \
             the structure and recommendation lines add up to it.",
            crate::model::words::counted(all.0, "partnership")
        ),
        context.costs_note(),
    ];
    table
}
