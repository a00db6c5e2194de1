//! Every kind of record the issue lists comes in from a sheet: strategies, their objectives and
//! measures (each linked by name to the one above), which partnership delivers an objective,
//! themes and priorities and the partnerships tagged with them.

use chrono::NaiveDate;

use super::*;
use crate::model::{Edit, Partnership, PartnershipId, Register};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date")
}

/// Imports `text` as `entity` into `register`, which must take it whole.
fn import(register: &mut Register, entity: ImportEntity, text: &str) -> ImportPreview {
    let table = read_table("in.csv", text.as_bytes(), None).expect("csv");
    let options = ImportOptions {
        entity,
        create_missing: true,
        ..ImportOptions::default()
    };
    let preview = build_preview(register, today(), &table, &options).expect("preview");
    let edit = preview
        .edit()
        .unwrap_or_else(|| panic!("{}: {:?}", preview.summary(), preview.rows));
    register.apply(edit).expect("applies");
    preview
}

#[test]
fn strategies_objectives_measures_and_deliveries_come_in_linked_by_name() {
    let mut register = Register::new("Test Council");
    register
        .apply(&Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Community Safety Partnership".to_string(),
            ..Partnership::default()
        }))
        .expect("add");
    import(
        &mut register,
        ImportEntity::Strategies,
        "Title,Published,Period\nSafer Streets Strategy,01/04/2026,2026-2029\n",
    );
    let strategy = register
        .strategies
        .values()
        .next()
        .expect("a strategy")
        .clone();
    assert_eq!(strategy.title, "Safer Streets Strategy");
    assert_eq!(strategy.published, NaiveDate::from_ymd_opt(2026, 4, 1));
    import(
        &mut register,
        ImportEntity::Objectives,
        "Strategy,Reference,Objective\nSafer Streets Strategy,S1,Reduce repeat victims\n",
    );
    let objective = register
        .objectives
        .values()
        .next()
        .expect("an objective")
        .clone();
    assert_eq!(objective.strategy, strategy.id);
    import(
        &mut register,
        ImportEntity::Measures,
        "Objective,Measure,Target\nReduce repeat victims,Repeat victims a year,Under 300\n",
    );
    let measure = register.measures.values().next().expect("a measure");
    assert_eq!(measure.objective, objective.id);
    assert_eq!(measure.target, "Under 300");
    import(
        &mut register,
        ImportEntity::ObjectiveDeliveries,
        "Objective,Partnership\nReduce repeat victims,CSP\n",
    );
    assert_eq!(register.objective_deliveries.len(), 1);
}

#[test]
fn themes_priorities_and_the_partnerships_tagged_with_them() {
    let mut register = Register::new("Test Council");
    register
        .apply(&Edit::insert(Partnership {
            id: PartnershipId(1),
            name: "Older People's Forum".to_string(),
            ..Partnership::default()
        }))
        .expect("add");
    import(
        &mut register,
        ImportEntity::Themes,
        "Theme,Description\nOlder people,Living well in later life\nCommunity safety,\n",
    );
    assert_eq!(register.themes.len(), 2);
    import(
        &mut register,
        ImportEntity::Priorities,
        "Priority\nHealthy communities\n",
    );
    assert_eq!(register.priorities.len(), 1);
    import(
        &mut register,
        ImportEntity::ThemeTags,
        "Partnership,Theme\nOlder People's Forum,Older people\n",
    );
    assert_eq!(register.theme_tags.len(), 1);
    import(
        &mut register,
        ImportEntity::PriorityTags,
        "Partnership,Priority\nOlder Peoples Forum,Healthy communities\n",
    );
    assert_eq!(register.priority_tags.len(), 1);
}

#[test]
fn every_kind_is_named_on_the_command_line_by_plural_or_singular() {
    for kind in ImportEntity::ALL {
        assert_eq!(ImportEntity::parse(kind.name()), Some(kind));
        assert_eq!(
            ImportEntity::parse(kind.noun()),
            Some(kind),
            "{}",
            kind.noun()
        );
    }
    assert_eq!(
        ImportEntity::parse("Theme tags"),
        Some(ImportEntity::ThemeTags)
    );
    assert_eq!(ImportEntity::parse("person"), Some(ImportEntity::People));
}
