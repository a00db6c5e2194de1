//! Reads the sample's data files (embedded from `assets/sample/`) into a register, inserting
//! records in dependency order: themes, priorities, organisations and people; the settings;
//! partnerships; then what points at partnerships (relationships, tags, memberships,
//! representations, contributions, assessments); strategies with their objectives, measures and
//! deliveries; actions; views.

use std::collections::HashMap;

use super::builder::{Builder, list};
use super::partnership::{Draft, read_partnership};
use super::text::{Block, Place, parse_blocks};
use crate::model::{
    Action, ActionId, ActionStatus, AssessmentId, ContributionId, Edit, Measure, MeasureId,
    Membership, MembershipId, MembershipRole, Money, Objective, ObjectiveDelivery, ObjectiveId,
    OrgIdScheme, Organisation, OrganisationId, PartnershipId, Person, PersonId, PersonKind,
    Priority, PriorityId, PriorityTag, Rag, Record, Register, Relationship, RelationshipId,
    RepresentationId, Sector, Strategy, StrategyId, Theme, ThemeId, ThemeTag, View, ViewId,
    ViewKind, validate_org_id,
};

/// The data files, in the order they are read.
const FILES: &[(&str, &str)] = &[
    (
        "council.txt",
        include_str!("../../assets/sample/council.txt"),
    ),
    (
        "organisations.txt",
        include_str!("../../assets/sample/organisations.txt"),
    ),
    ("people.txt", include_str!("../../assets/sample/people.txt")),
    (
        "partnerships/lsp.txt",
        include_str!("../../assets/sample/partnerships/lsp.txt"),
    ),
    (
        "partnerships/community_safety.txt",
        include_str!("../../assets/sample/partnerships/community_safety.txt"),
    ),
    (
        "partnerships/health.txt",
        include_str!("../../assets/sample/partnerships/health.txt"),
    ),
    (
        "partnerships/children.txt",
        include_str!("../../assets/sample/partnerships/children.txt"),
    ),
    (
        "partnerships/economy.txt",
        include_str!("../../assets/sample/partnerships/economy.txt"),
    ),
    (
        "partnerships/subregional.txt",
        include_str!("../../assets/sample/partnerships/subregional.txt"),
    ),
    (
        "partnerships/housing.txt",
        include_str!("../../assets/sample/partnerships/housing.txt"),
    ),
    (
        "partnerships/environment.txt",
        include_str!("../../assets/sample/partnerships/environment.txt"),
    ),
    (
        "partnerships/culture.txt",
        include_str!("../../assets/sample/partnerships/culture.txt"),
    ),
    (
        "partnerships/county.txt",
        include_str!("../../assets/sample/partnerships/county.txt"),
    ),
    (
        "partnerships/outside_bodies.txt",
        include_str!("../../assets/sample/partnerships/outside_bodies.txt"),
    ),
    (
        "partnerships/shared.txt",
        include_str!("../../assets/sample/partnerships/shared.txt"),
    ),
    (
        "partnerships/networks.txt",
        include_str!("../../assets/sample/partnerships/networks.txt"),
    ),
    (
        "strategies.txt",
        include_str!("../../assets/sample/strategies.txt"),
    ),
    (
        "actions.txt",
        include_str!("../../assets/sample/actions.txt"),
    ),
];

/// Block kinds the files may use.
const KINDS: &[&str] = &[
    "council",
    "theme",
    "priority",
    "view",
    "organisations",
    "people",
    "partnership",
    "strategy",
    "actions",
];

/// A register built from the data files, and everything that could not go in.
pub(super) struct Built {
    /// The register.
    pub register: Register,
    /// Problems with the data, with file and line; empty for the shipped sample.
    pub problems: Vec<String>,
}

/// What the `[council]` block says.
struct Council {
    name: String,
    organisation: String,
    hourly_rate: Money,
    source: String,
    email_domain: String,
    place: Place,
}

/// Builds the sample register from the embedded data files.
/// The sample as written, dated as at [`SAMPLE_WRITTEN_ON`](super::builder::SAMPLE_WRITTEN_ON).
pub(super) fn build_sample() -> Built {
    build_sample_shifted(super::builder::DateShift::default())
}

/// The sample with every date moved on by `shift`.
pub(super) fn build_sample_shifted(shift: super::builder::DateShift) -> Built {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in FILES {
        let (found, trouble) = parse_blocks(file, text);
        blocks.extend(found);
        problems.extend(trouble);
    }
    let of_kind = |kind: &'static str| blocks.iter().filter(move |b| b.kind == kind);

    let council_block = of_kind("council").next();
    let mut builder = Builder::new(council_block.map_or("", |b| b.title.as_str()));
    builder.problems = problems;
    builder.shift = shift;
    for block in &blocks {
        if !KINDS.contains(&block.kind.as_str()) {
            builder.problem(block.place, format!("unknown block kind [{}]", block.kind));
        }
    }
    let council = match council_block {
        Some(block) => read_council(&mut builder, block),
        None => {
            builder.problems.push("no [council] block".to_string());
            return finish(builder);
        }
    };

    for block in of_kind("theme") {
        let id = ThemeId::next_in(&builder.register.themes);
        let description = field(block, "description");
        if builder.add(
            Theme {
                id,
                name: block.title.clone(),
                description,
            },
            block.place,
        ) {
            builder.themes.insert(block.title.clone(), id);
        }
    }
    for block in of_kind("priority") {
        let id = PriorityId::next_in(&builder.register.priorities);
        let description = field(block, "description");
        if builder.add(
            Priority {
                id,
                name: block.title.clone(),
                description,
            },
            block.place,
        ) {
            builder.priorities.insert(block.title.clone(), id);
        }
    }
    for block in of_kind("organisations") {
        read_organisations(&mut builder, block);
    }
    for block in of_kind("people") {
        read_people(&mut builder, block, &council.email_domain);
    }

    let council_org = builder.organisation(&council.organisation, council.place);
    let before = builder.register.settings.clone();
    let mut after = before.clone();
    after.council_name = council.name.clone();
    after.council_organisation = council_org;
    after.officer_hourly_rate = council.hourly_rate;
    after.source_line = council.source.clone();
    if let Err(error) = builder.register.apply(&Edit::change(
        Record::Settings(before),
        Record::Settings(after),
    )) {
        builder.problem(council.place, error);
    }

    let mut drafts = Vec::new();
    for block in of_kind("partnership") {
        let id = PartnershipId(drafts.len() as i64 + 1);
        if builder
            .partnerships
            .insert(block.title.clone(), id)
            .is_some()
        {
            builder.problem(
                block.place,
                format!("a second partnership called “{}”", block.title),
            );
        }
        drafts.push(read_partnership(&mut builder, block, id, council_org));
    }
    insert_partnerships(&mut builder, drafts, council.hourly_rate);

    for block in of_kind("strategy") {
        read_strategy(&mut builder, block);
    }
    for block in of_kind("actions") {
        read_actions(&mut builder, block);
    }
    for block in of_kind("view") {
        let kind_text = field(block, "kind");
        let Some(kind) = builder.choice(block.place, &kind_text, ViewKind::parse, "view kind")
        else {
            continue;
        };
        let id = ViewId::next_in(&builder.register.views);
        builder.add(
            View {
                id,
                name: block.title.clone(),
                kind,
                settings: View::standard_settings(kind),
            },
            block.place,
        );
    }
    finish(builder)
}

fn finish(builder: Builder) -> Built {
    Built {
        register: builder.register,
        problems: builder.problems,
    }
}

/// The value of the first `key:` line of a block, or empty.
fn field(block: &Block, key: &str) -> String {
    block
        .lines
        .iter()
        .filter_map(|line| line.field())
        .find(|(k, _)| k == key)
        .map(|(_, value)| value.to_string())
        .unwrap_or_default()
}

fn read_council(builder: &mut Builder, block: &Block) -> Council {
    let hourly_rate = field(block, "hourly rate");
    let hourly_rate = builder
        .money(block.place, &hourly_rate)
        .unwrap_or(Money::from_pounds(35));
    Council {
        name: block.title.clone(),
        organisation: field(block, "organisation"),
        hourly_rate,
        source: field(block, "source"),
        email_domain: field(block, "email domain"),
        place: block.place,
    }
}

/// Rows: name | sector | org-id scheme and identifier | ONS code | web site.
fn read_organisations(builder: &mut Builder, block: &Block) {
    for line in &block.lines {
        let cells = line.cells();
        let place = line.place;
        if !(4..=5).contains(&cells.len()) {
            builder.problem(
                place,
                "an organisation needs name | sector | org-id | ONS code | web site",
            );
            continue;
        }
        let Some(sector) = builder.choice(place, cells[1], Sector::parse, "sector") else {
            continue;
        };
        let (scheme, org_id) = match cells[2].split_once(' ') {
            Some((scheme_text, id_text)) => {
                let scheme = builder.choice(place, scheme_text, OrgIdScheme::parse, "org-id list");
                let tidy = scheme.and_then(|scheme| {
                    builder.read(place, id_text, |text| validate_org_id(scheme, text))
                });
                match (scheme, tidy) {
                    (Some(scheme), Some(tidy)) => (Some(scheme), tidy),
                    _ => continue,
                }
            }
            None if cells[2].is_empty() => (None, String::new()),
            None => {
                builder.problem(
                    place,
                    "write an org-id as its list and identifier: GB-CHC 1047501",
                );
                continue;
            }
        };
        let id = OrganisationId::next_in(&builder.register.organisations);
        let organisation = Organisation {
            id,
            name: cells[0].to_string(),
            sector,
            org_id_scheme: scheme,
            org_id,
            ons_code: cells[3].to_string(),
            website: cells.get(4).map_or_else(String::new, |w| (*w).to_string()),
            notes: String::new(),
        };
        if builder.add(organisation, place)
            && builder
                .organisations
                .insert(cells[0].to_string(), id)
                .is_some()
        {
            builder.problem(
                place,
                format!("a second organisation called “{}”", cells[0]),
            );
        }
    }
}

/// "first.last@domain", with "cllr." in front for councillors.
pub(super) fn email(name: &str, kind: PersonKind, domain: &str) -> String {
    let bare = name.strip_prefix("Cllr ").unwrap_or(name);
    let local: Vec<String> = bare
        .split_whitespace()
        .map(|part| {
            part.chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_lowercase()
        })
        .collect();
    let prefix = if kind == PersonKind::Councillor {
        "cllr."
    } else {
        ""
    };
    format!("{prefix}{}@{domain}", local.join("."))
}

/// Rows: name | officer or councillor | post or portfolio.
fn read_people(builder: &mut Builder, block: &Block, domain: &str) {
    for line in &block.lines {
        let cells = line.cells();
        let place = line.place;
        if cells.len() != 3 {
            builder.problem(place, "a person needs name | officer or councillor | post");
            continue;
        }
        let Some(kind) = builder.choice(place, cells[1], PersonKind::parse, "kind of person")
        else {
            continue;
        };
        let id = PersonId::next_in(&builder.register.people);
        let person = Person {
            id,
            name: cells[0].to_string(),
            kind,
            job_title: cells[2].to_string(),
            email: email(cells[0], kind, domain),
            notes: String::new(),
        };
        if builder.add(person, place) && builder.people.insert(cells[0].to_string(), id).is_some() {
            builder.problem(place, format!("a second person called “{}”", cells[0]));
        }
    }
}

/// Inserts the partnerships, then every record that points at them.
fn insert_partnerships(builder: &mut Builder, mut drafts: Vec<Draft>, hourly_rate: Money) {
    let scored: Vec<_> = drafts
        .iter_mut()
        .map(|draft| draft.score(builder, hourly_rate))
        .collect();
    for draft in &drafts {
        builder.add(draft.record.clone(), draft.place);
    }
    for draft in &drafts {
        for (kind, target, place) in &draft.relations {
            let Some(to) = builder.partnership(target, *place) else {
                continue;
            };
            let id = RelationshipId::next_in(&builder.register.relationships);
            builder.add(
                Relationship {
                    id,
                    from: draft.record.id,
                    to,
                    kind: *kind,
                    label: String::new(),
                },
                *place,
            );
        }
        for (theme, place) in &draft.themes {
            builder.add(
                ThemeTag {
                    partnership: draft.record.id,
                    theme: *theme,
                },
                *place,
            );
        }
        for (priority, place) in &draft.priorities {
            builder.add(
                PriorityTag {
                    partnership: draft.record.id,
                    priority: *priority,
                },
                *place,
            );
        }
        for member in &draft.members {
            let id = MembershipId::next_in(&builder.register.memberships);
            let voting = !matches!(
                member.role,
                MembershipRole::Observer | MembershipRole::Secretariat
            );
            builder.add(
                Membership {
                    id,
                    partnership: draft.record.id,
                    organisation: member.organisation,
                    role: member.role,
                    voting,
                    representative: member.representative.clone(),
                },
                member.place,
            );
        }
        let mut representation_of = std::collections::HashMap::new();
        for (representation, place) in &draft.representations {
            let id = RepresentationId::next_in(&builder.register.representations);
            if builder.add(
                crate::model::Representation {
                    id,
                    ..representation.clone()
                },
                *place,
            ) {
                representation_of.insert(representation.person, id);
            }
        }
        for (person, route, place) in &draft.reports {
            let Some(&representation) = representation_of.get(person) else {
                builder.problem(
                    *place,
                    "a report-back route needs a rep line for its person",
                );
                continue;
            };
            let id = crate::model::ReportBackRouteId::next_in(&builder.register.report_back_routes);
            builder.add(
                crate::model::ReportBackRoute {
                    id,
                    representation,
                    ..route.clone()
                },
                *place,
            );
        }
        for (contribution, place) in &draft.contributions {
            let id = ContributionId::next_in(&builder.register.contributions);
            builder.add(
                crate::model::Contribution {
                    id,
                    ..contribution.clone()
                },
                *place,
            );
        }
    }
    for assessments in scored {
        for (assessment, place) in assessments {
            let id = AssessmentId::next_in(&builder.register.assessments);
            builder.add(crate::model::Assessment { id, ..assessment }, place);
        }
    }
}

/// A `[strategy]` block: owner, published, period, link, `objective:` and `measure:` lines.
fn read_strategy(builder: &mut Builder, block: &Block) {
    let id = StrategyId::next_in(&builder.register.strategies);
    let mut strategy = Strategy {
        id,
        title: block.title.clone(),
        ..Strategy::default()
    };
    let mut objectives = Vec::new();
    let mut measures = Vec::new();
    for line in &block.lines {
        let place = line.place;
        let Some((key, value)) = line.field() else {
            builder.problem(place, "expected “field: value”");
            continue;
        };
        match key.as_str() {
            "owner" => strategy.owner = builder.organisation(value, place),
            "published" => strategy.published = builder.date(place, value),
            "period" => strategy.period = value.to_string(),
            "link" => strategy.link = value.to_string(),
            "objective" => objectives.push((value.to_string(), place)),
            "measure" => measures.push((value.to_string(), place)),
            other => builder.problem(place, format!("unknown strategy field “{other}”")),
        }
    }
    if !builder.add(strategy, block.place) {
        return;
    }
    let mut by_reference: HashMap<String, ObjectiveId> = HashMap::new();
    for (text, place) in objectives {
        let cells: Vec<&str> = text.split('|').map(str::trim).collect();
        if cells.len() != 3 {
            builder.problem(
                place,
                "an objective needs reference | objective | partnerships",
            );
            continue;
        }
        let objective_id = ObjectiveId::next_in(&builder.register.objectives);
        let objective = Objective {
            id: objective_id,
            strategy: id,
            reference: cells[0].to_string(),
            text: cells[1].to_string(),
        };
        if !builder.add(objective, place) {
            continue;
        }
        by_reference.insert(cells[0].to_string(), objective_id);
        for name in list(cells[2]) {
            if let Some(partnership) = builder.partnership(name, place) {
                builder.add(
                    ObjectiveDelivery {
                        partnership,
                        objective: objective_id,
                    },
                    place,
                );
            }
        }
    }
    for (text, place) in measures {
        let cells: Vec<&str> = text.split('|').map(str::trim).collect();
        if cells.len() != 7 {
            builder.problem(
                place,
                "a measure needs objective | measure | unit | baseline | target | latest | RAG",
            );
            continue;
        }
        let Some(&objective) = by_reference.get(cells[0]) else {
            builder.problem(place, format!("no objective {} in this strategy", cells[0]));
            continue;
        };
        let Some(rag) = builder.choice(place, cells[6], Rag::parse, "RAG rating") else {
            continue;
        };
        let measure = Measure {
            id: MeasureId::next_in(&builder.register.measures),
            objective,
            name: cells[1].to_string(),
            unit: cells[2].to_string(),
            baseline: cells[3].to_string(),
            target: cells[4].to_string(),
            latest: cells[5].to_string(),
            rag,
        };
        builder.add(measure, place);
    }
}

/// An `[actions] source` block: rows of action | partnership | owner | due | status [| notes].
fn read_actions(builder: &mut Builder, block: &Block) {
    for line in &block.lines {
        let cells = line.cells();
        let place = line.place;
        if !(5..=6).contains(&cells.len()) {
            builder.problem(
                place,
                "an action needs action | partnership | owner | due | status",
            );
            continue;
        }
        let partnership = if cells[1].is_empty() {
            None
        } else {
            match builder.partnership(cells[1], place) {
                Some(id) => Some(id),
                None => continue,
            }
        };
        let owner = builder.person(cells[2], place);
        let due = builder.date(place, cells[3]);
        let status = builder.choice(place, cells[4], ActionStatus::parse, "action status");
        let (Some(owner), Some(due), Some(status)) = (owner, due, status) else {
            continue;
        };
        let action = Action {
            id: ActionId::next_in(&builder.register.actions),
            partnership,
            title: cells[0].to_string(),
            owner: Some(owner),
            due: Some(due),
            status,
            source: block.title.clone(),
            notes: cells.get(5).map_or_else(String::new, |n| (*n).to_string()),
        };
        builder.add(action, place);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_made_from_names() {
        assert_eq!(
            email("Cllr Anita Shah", PersonKind::Councillor, "x.gov.uk"),
            "cllr.anita.shah@x.gov.uk"
        );
        assert_eq!(
            email("Ruth O'Neill", PersonKind::Officer, "x.gov.uk"),
            "ruth.oneill@x.gov.uk"
        );
    }
}
