//! The analysis answers (`crate::analysis`) as report [`Table`]s for a paper: overlaps,
//! conformity, gaps, load and the knowledge network, each row with its evidence, encoded by
//! the table encoders (CSV, XLSX, DOCX, PDF) like every other table.

use std::path::Path;

use super::table::{self, Cell, Column, ColumnKind, Group, Row, Table};
use crate::analysis::{self, AnalysisSettings, Question, counted, listed};
use crate::model::{Hours, PersonKind, Register};

/// The answer to `question` as a table.
pub fn answer_table(register: &Register, question: Question, settings: &AnalysisSettings) -> Table {
    let mut table = match question {
        Question::Overlaps => overlaps_table(register, settings),
        Question::Conformity => conformity_table(register, settings),
        Question::Gaps => gaps_table(register, settings),
        Question::Load => load_table(register, settings),
        Question::Knowledge => knowledge_table(register, settings),
    };
    table.source = register.settings.source_line.clone();
    table
}

fn text(words: impl Into<String>) -> Cell {
    Cell::text(words)
}

fn name(register: &Register, id: crate::model::PartnershipId) -> Cell {
    text(register.partnership_name(id))
}

fn person_name(register: &Register, id: Option<crate::model::PersonId>) -> Cell {
    id.and_then(|id| register.people.get(&id))
        .map_or(Cell::Empty, |p| text(p.name.clone()))
}

fn one_group(rows: Vec<Row>) -> Vec<Group> {
    vec![Group {
        heading: String::new(),
        rows,
        subtotal: None,
    }]
}

/// Pairs that may duplicate each other, best first.
pub fn overlaps_table(register: &Register, settings: &AnalysisSettings) -> Table {
    let pairs = analysis::overlaps(register, &settings.overlaps);
    let mut table = Table::new(
        "Partnerships that may duplicate each other",
        "Overlaps",
        settings.today(),
        vec![
            Column::new("Rank", ColumnKind::Number),
            Column::new("Partnership", ColumnKind::Text),
            Column::new("May duplicate", ColumnKind::Text),
            Column::new("Score (%)", ColumnKind::Number),
            Column::new("Shared members", ColumnKind::Number),
            Column::new("Members shared (%)", ColumnKind::Number),
            Column::new("Purposes alike (%)", ColumnKind::Number),
            Column::new("Evidence", ColumnKind::Text),
        ],
    );
    table.notes = vec![
        format!(
            "Score: shared member organisations 35%, similar purposes 30%, the same strategy \
             objectives 15%, shared council representatives 10%, the same theme and level 10%. \
             Pairs scoring {}% or more{}.",
            settings.overlaps.min_score,
            if settings.overlaps.include_inactive {
                ", every body compared"
            } else {
                ", bodies at work only"
            }
        ),
        "The council's own organisation is not counted as a shared member.".to_string(),
    ];
    let rows = pairs
        .iter()
        .enumerate()
        .map(|(rank, pair)| {
            Row::data(vec![
                Cell::count(rank + 1),
                name(register, pair.first),
                name(register, pair.second),
                Cell::Number(i64::from(pair.score)),
                Cell::count(pair.shared_members.len()),
                Cell::Number(i64::from(pair.member_jaccard)),
                Cell::Number(i64::from(pair.purpose_similarity)),
                text(pair.summary(register)),
            ])
        })
        .collect();
    table.groups = one_group(rows);
    table
}

/// Objectives nobody delivers, partnerships linked to nothing, objectives shared.
pub fn conformity_table(register: &Register, settings: &AnalysisSettings) -> Table {
    let answer = analysis::conformity(register, &settings.conformity);
    let mut table = Table::new(
        "Conformity with strategies",
        "Conformity",
        settings.today(),
        vec![
            Column::new("Objective or partnership", ColumnKind::Text),
            Column::new("Strategy", ColumnKind::Text),
            Column::new("Evidence", ColumnKind::Text),
            Column::new("Count", ColumnKind::Number),
        ],
    );
    table.group_column = Some("Finding".to_string());
    table.notes = vec![format!(
        "{} no body at work delivers ({} with them); {} linked to no objective or no \
         priority; {} delivered by {} or more partnerships.",
        counted(answer.undelivered.len(), "objective"),
        counted(answer.undelivered_measures(), "measure"),
        counted(answer.unlinked.len(), "partnership"),
        counted(answer.shared.len(), "objective"),
        settings.conformity.shared_from.max(2)
    )];
    let objective = |id| {
        register.objectives.get(&id).map_or(Cell::Empty, |o| {
            if o.reference.is_empty() {
                text(o.text.clone())
            } else {
                text(format!("{} {}", o.reference, o.text))
            }
        })
    };
    let strategy = |id| {
        register
            .strategies
            .get(&id)
            .map_or(Cell::Empty, |s| text(s.title.clone()))
    };
    let undelivered = answer
        .undelivered
        .iter()
        .map(|u| {
            let measures: Vec<String> = u
                .measures
                .iter()
                .filter_map(|m| register.measures.get(m).map(|m| m.name.clone()))
                .collect();
            let mut evidence = if measures.is_empty() {
                "No measures".to_string()
            } else {
                format!("Measures nobody works towards: {}", listed(&measures))
            };
            if !u.only_by_inactive.is_empty() {
                let names: Vec<String> = u
                    .only_by_inactive
                    .iter()
                    .map(|p| register.partnership_name(*p).to_string())
                    .collect();
                evidence.push_str(&format!(
                    "; recorded only for {} (not at work)",
                    listed(&names)
                ));
            }
            Row::data(vec![
                objective(u.objective),
                strategy(u.strategy),
                text(evidence),
                Cell::count(u.measures.len()),
            ])
        })
        .collect();
    let unlinked = answer
        .unlinked
        .iter()
        .map(|u| {
            let evidence = match (u.no_objective, u.no_priority) {
                (true, true) => "Delivers no objective and supports no corporate priority",
                (true, false) => "Delivers no strategy objective",
                _ => "Supports no corporate priority",
            };
            Row::data(vec![
                name(register, u.partnership),
                Cell::Empty,
                text(evidence),
                Cell::Empty,
            ])
        })
        .collect();
    let shared = answer
        .shared
        .iter()
        .map(|s| {
            let names: Vec<String> = s
                .partnerships
                .iter()
                .map(|p| register.partnership_name(*p).to_string())
                .collect();
            Row::data(vec![
                objective(s.objective),
                strategy(s.strategy),
                text(format!("Delivered by {}", listed(&names))),
                Cell::count(s.partnerships.len()),
            ])
        })
        .collect();
    table.groups = vec![
        Group {
            heading: "Objectives no body at work delivers".to_string(),
            rows: undelivered,
            subtotal: None,
        },
        Group {
            heading: "Partnerships linked to no objective or priority".to_string(),
            rows: unlinked,
            subtotal: None,
        },
        Group {
            heading: "Objectives several partnerships deliver".to_string(),
            rows: shared,
            subtotal: None,
        },
    ];
    table
}

/// Every gap, grouped by kind.
pub fn gaps_table(register: &Register, settings: &AnalysisSettings) -> Table {
    let found = analysis::gaps(register, &settings.gaps);
    let mut table = Table::new(
        "Gaps in the council's partnership working",
        "Gaps",
        settings.today(),
        vec![
            Column::new("About", ColumnKind::Text),
            Column::new("Evidence", ColumnKind::Text),
        ],
    );
    table.group_column = Some("Gap".to_string());
    table.notes = vec![format!(
        "{}. A body is quiet when it has not met for {} months; not reported back after {} \
         months. A body where another district leads, with the reason recorded, is not a gap.",
        counted(found.len(), "gap"),
        settings.gaps.quiet_months,
        settings.gaps.report_months
    )];
    let mut groups: Vec<Group> = Vec::new();
    for gap in &found {
        let heading = gap.kind.heading();
        if groups.last().is_none_or(|g| g.heading != heading) {
            groups.push(Group {
                heading: heading.to_string(),
                rows: Vec::new(),
                subtotal: None,
            });
        }
        if let Some(group) = groups.last_mut() {
            group.rows.push(Row::data(vec![
                text(gap.subject(register)),
                text(gap.describe(register)),
            ]));
        }
    }
    table.groups = groups;
    table
}

/// Each person's load, then per service and per portfolio.
pub fn load_table(register: &Register, settings: &AnalysisSettings) -> Table {
    let report = analysis::load(register, &settings.load);
    let mut table = Table::new(
        "Representation load",
        "Load",
        settings.today(),
        vec![
            Column::new("Name", ColumnKind::Text),
            Column::new("Post or portfolio", ColumnKind::Text),
            Column::new("Bodies", ColumnKind::Number),
            Column::new("Hours a month", ColumnKind::Hours),
            Column::new("Meetings a year", ColumnKind::Number),
            Column::new("Report-back routes", ColumnKind::Number),
            Column::new("Reports a year", ColumnKind::Number),
            Column::new("Above threshold", ColumnKind::Label),
        ],
    );
    table.group_column = Some("Per".to_string());
    table.notes = vec![format!(
        "Representatives in post on bodies at work. Above threshold: more than {} hours a \
         month or more than {}. {} above it.",
        settings.load.hours_threshold,
        counted(settings.load.bodies_threshold, "body"),
        crate::model::words::counted_is(report.over().count(), "person")
    )];
    let people = report
        .people
        .iter()
        .map(|p| {
            let person = register.people.get(&p.person);
            let mut over = Vec::new();
            if p.over_hours {
                over.push("hours");
            }
            if p.over_bodies {
                over.push("bodies");
            }
            let name = person.map_or(Cell::Empty, |x| {
                text(format!("{}{}", x.name, p.also_recorded_as_words(register)))
            });
            Row::data(vec![
                name,
                person.map_or(Cell::Empty, |x| {
                    let kind = if x.kind == PersonKind::Councillor {
                        "Councillor"
                    } else {
                        "Officer"
                    };
                    if x.job_title.is_empty() {
                        text(kind)
                    } else {
                        text(x.job_title.clone())
                    }
                }),
                Cell::count(p.bodies.len()),
                Cell::Hours(p.hours),
                Cell::Number(i64::from(p.meetings)),
                Cell::count(p.report_duties),
                Cell::Number(i64::from(p.reports_a_year)),
                text(over.join(" and ")),
            ])
        })
        .collect();
    let total_hours: Hours = report.people.iter().map(|p| p.hours).sum();
    let group_rows = |groups: &[analysis::GroupLoad]| -> Vec<Row> {
        groups
            .iter()
            .map(|g| {
                Row::data(vec![
                    text(g.name.clone()),
                    text(counted(g.people.len(), "person")),
                    Cell::count(g.bodies.len()),
                    Cell::Hours(g.hours),
                    Cell::Number(i64::from(g.meetings)),
                    Cell::count(g.report_duties),
                    Cell::Number(i64::from(g.reports_a_year)),
                    Cell::Empty,
                ])
            })
            .collect()
    };
    table.groups = vec![
        Group {
            heading: "People".to_string(),
            rows: people,
            subtotal: Some(Row::subtotal(vec![
                text("All people"),
                Cell::Empty,
                Cell::Empty,
                Cell::Hours(total_hours),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ])),
        },
        Group {
            heading: "Services".to_string(),
            rows: group_rows(&report.services),
            subtotal: None,
        },
        Group {
            heading: "Portfolios".to_string(),
            rows: group_rows(&report.portfolios),
            subtotal: None,
        },
    ];
    table
}

/// Where knowledge does not come back into the council.
pub fn knowledge_table(register: &Register, settings: &AnalysisSettings) -> Table {
    let report = analysis::knowledge(register, &settings.knowledge);
    let mut table = Table::new(
        "Where knowledge does not come back into the council",
        "Knowledge",
        settings.today(),
        vec![
            Column::new("Partnership", ColumnKind::Text),
            Column::new("Representative", ColumnKind::Text),
            Column::new("Problem", ColumnKind::Label),
            Column::new("Evidence", ColumnKind::Text),
        ],
    );
    table.notes = vec![format!(
        "{} of {} in post on bodies at work report back on time; {} on record, {} overdue \
         (more than {} days late).",
        report.flowing,
        counted(report.representations, "representative"),
        counted(report.routes, "report-back route"),
        report.overdue_routes,
        settings.knowledge.grace_days
    )];
    let rows = report
        .findings
        .iter()
        .map(|f| {
            Row::data(vec![
                name(register, f.partnership),
                person_name(register, f.person),
                text(f.problem.label()),
                text(f.describe(register)),
            ])
        })
        .collect();
    table.groups = one_group(rows);
    table
}

/// The table encoded in the format `path`'s extension names (.csv, .xlsx, .docx, .pdf), or
/// why it cannot be: the tables' one encoder, [`table::encode::encode_for_path`].
pub fn encode_for_path(table: &Table, path: &Path, council: &str) -> Result<Vec<u8>, String> {
    table::encode::encode_for_path(table, path, council).map_err(|error| error.to_string())
}
