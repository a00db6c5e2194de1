//! Reading a `[partnership]` block: the partnership's own fields, and the lines about it
//! (relationships, members, representatives, money, assessments) that become other records.

use chrono::NaiveDate;

use super::builder::{Builder, list};
use super::scoring;
use super::text::{Block, Place};
use crate::model::{
    AppointedBy, Assessment, Contribution, ContributionId, ContributionKind, CouncilRole,
    GovernanceLayer, GovernanceRating, GoverningDocument, Hours, LegalForm, MembershipRole, Money,
    OrganisationId, Partnership, PartnershipId, PartnershipKind, PartnershipStatus, PersonId,
    PersonKind, PriorityId, Recommendation, RelationshipKind, ReportAudience, ReportBackRoute,
    ReportFrequency, Representation, RepresentationId, RoleOnBody, Significance, StatutoryStatus,
    StructuralLevel, ThemeId,
};

/// Default start of a councillor's term: the annual meeting after the 2023 elections.
const COUNCILLOR_TERM_START: (i32, u32, u32) = (2023, 5, 18);
/// Default end of a councillor's term: the annual meeting after the 2027 elections.
const COUNCILLOR_TERM_END: (i32, u32, u32) = (2027, 5, 13);
/// Default start of an officer's representation, when the partnership is older.
const OFFICER_TERM_START: (i32, u32, u32) = (2022, 4, 1);

/// An organisation's place in the partnership, before it becomes a `Membership`.
pub(super) struct MemberDraft {
    pub organisation: OrganisationId,
    pub role: MembershipRole,
    pub representative: String,
    pub place: Place,
}

/// One `assess:` line, before its bands are worked out.
pub(super) struct AssessmentDraft {
    pub date: NaiveDate,
    pub risk: [u8; 6],
    pub value: [u8; 6],
    pub recommendation: Option<Recommendation>,
    pub override_reason: String,
    pub governance: Option<GovernanceRating>,
    pub assessor: Option<String>,
    pub notes: String,
    pub place: Place,
}

/// A partnership as read, with the records about it that are inserted after it.
pub(super) struct Draft {
    pub record: Partnership,
    pub place: Place,
    pub relations: Vec<(RelationshipKind, String, Place)>,
    pub members: Vec<MemberDraft>,
    pub representations: Vec<(Representation, Place)>,
    /// Report-back routes, each with the person whose representation here it belongs to.
    pub reports: Vec<(PersonId, ReportBackRoute, Place)>,
    pub contributions: Vec<(Contribution, Place)>,
    pub assessments: Vec<AssessmentDraft>,
    pub themes: Vec<(ThemeId, Place)>,
    pub priorities: Vec<(PriorityId, Place)>,
    significance_given: bool,
    review_given: bool,
}

fn ymd((year, month, day): (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The governance layer a level usually sits in.
fn default_layer(level: StructuralLevel) -> GovernanceLayer {
    match level {
        StructuralLevel::LspExecutive => GovernanceLayer::Executive,
        StructuralLevel::SubGroup | StructuralLevel::TaskAndFinish | StructuralLevel::AreaBoard => {
            GovernanceLayer::Operational
        }
        _ => GovernanceLayer::Strategic,
    }
}

/// The legal form a kind of body usually has.
fn default_form(kind: PartnershipKind) -> LegalForm {
    match kind {
        PartnershipKind::Partnership | PartnershipKind::OutsideBody => LegalForm::Unincorporated,
        PartnershipKind::SharedWorking => LegalForm::Contractual,
        PartnershipKind::JointCommittee => LegalForm::JointCommittee,
        PartnershipKind::NetworkForum => LegalForm::Informal,
        PartnershipKind::CompanyOrTrust => LegalForm::CompanyLimitedByGuarantee,
    }
}

/// The membership role that matches the council's role, if the council is a member at all.
fn council_membership(role: CouncilRole) -> Option<MembershipRole> {
    match role {
        CouncilRole::AccountableBody => Some(MembershipRole::AccountableBody),
        CouncilRole::LeadOrChair => Some(MembershipRole::Chair),
        CouncilRole::Secretariat => Some(MembershipRole::Secretariat),
        CouncilRole::Member => Some(MembershipRole::Member),
        CouncilRole::Observer => Some(MembershipRole::Observer),
        CouncilRole::FunderOnly | CouncilRole::NoDirectSeat => None,
    }
}

/// Reads one `[partnership]` block. The partnership gets `id`; names of other partnerships
/// (in relationship lines) are kept as text until every partnership is known.
pub(super) fn read_partnership(
    builder: &mut Builder,
    block: &Block,
    id: PartnershipId,
    council: Option<OrganisationId>,
) -> Draft {
    let mut draft = Draft {
        record: Partnership {
            id,
            name: block.title.clone(),
            status: PartnershipStatus::Active,
            geography: crate::model::Geography::District,
            statutory_status: StatutoryStatus::NonStatutory,
            ..Partnership::default()
        },
        place: block.place,
        relations: Vec::new(),
        members: Vec::new(),
        representations: Vec::new(),
        reports: Vec::new(),
        contributions: Vec::new(),
        assessments: Vec::new(),
        themes: Vec::new(),
        priorities: Vec::new(),
        significance_given: false,
        review_given: false,
    };
    let mut layer_given = false;
    let mut form_given = false;
    let mut accountable_member = None;
    let mut rep_lines = Vec::new();
    for line in &block.lines {
        let place = line.place;
        let Some((key, value)) = line.field() else {
            builder.problem(place, "expected “field: value”");
            continue;
        };
        let p = &mut draft.record;
        match key.as_str() {
            "short" => p.short_name = value.to_string(),
            "alias" => p.aliases.extend(list(value).map(str::to_string)),
            "kind" => {
                if let Some(kind) =
                    builder.choice(place, value, PartnershipKind::parse, "partnership kind")
                {
                    p.kind = kind;
                }
            }
            "status" => {
                if let Some(status) =
                    builder.choice(place, value, PartnershipStatus::parse, "status")
                {
                    p.status = status;
                }
            }
            "reason" => p.status_reason = value.to_string(),
            "level" => {
                if let Some(level) =
                    builder.choice(place, value, StructuralLevel::parse, "structural level")
                {
                    p.structural_level = level;
                }
            }
            "layer" => {
                if let Some(layer) =
                    builder.choice(place, value, GovernanceLayer::parse, "governance layer")
                {
                    p.governance_layer = layer;
                    layer_given = true;
                }
            }
            "geography" => {
                if let Some(geography) =
                    builder.choice(place, value, crate::model::Geography::parse, "geography")
                {
                    p.geography = geography;
                }
            }
            "statutory" => {
                p.statutory_status = StatutoryStatus::Statutory;
                p.legal_basis = value.to_string();
            }
            "form" => {
                if let Some(form) = builder.choice(place, value, LegalForm::parse, "legal form") {
                    p.legal_form = form;
                    form_given = true;
                }
            }
            "purpose" => p.purpose = value.to_string(),
            "outcomes" => p.expected_outcomes = value.to_string(),
            "created" => p.date_created = builder.date(place, value),
            "joined" => p.date_joined = builder.date(place, value),
            "left" => p.date_left = builder.date(place, value),
            "significance" => {
                if let Some(significance) =
                    builder.choice(place, value, Significance::parse, "significance")
                {
                    p.significance = significance;
                    draft.significance_given = true;
                }
            }
            "review" => {
                p.review_date = builder.date(place, value);
                draft.review_given = true;
            }
            "exit" => p.exit_strategy = value.to_string(),
            "service" => p.service_area = value.to_string(),
            "officer" => p.responsible_officer = builder.person(value, place),
            "role" => {
                if let Some(role) = builder.choice(place, value, CouncilRole::parse, "council role")
                {
                    p.council_role = role;
                }
            }
            "no seat" => p.no_seat_reason = value.to_string(),
            "lead district" => p.lead_district = value.to_string(),
            "kept informed" => p.kept_informed = value.to_string(),
            "last met" => p.last_met = builder.date(place, value),
            "reporting" => p.reports_to_council = value.to_string(),
            "budget" => p.total_budget = builder.money(place, value),
            "funding" => p.funding_sources = value.to_string(),
            "liabilities" => p.liabilities = value.to_string(),
            "accountable body" => {
                p.accountable_body = builder.organisation(value, place);
                accountable_member = p.accountable_body.map(|org| (org, place));
            }
            "document" => read_document(builder, &mut draft.record, value, place),
            "link" => p.document_link = value.to_string(),
            "evidence" => read_evidence(builder, &mut draft.record, value, place),
            "notes" => p.notes = value.to_string(),
            "themes" => {
                for name in list(value) {
                    if let Some(theme) = builder.theme(name, place) {
                        draft.themes.push((theme, place));
                    }
                }
            }
            "priorities" => {
                for name in list(value) {
                    if let Some(priority) = builder.priority(name, place) {
                        draft.priorities.push((priority, place));
                    }
                }
            }
            "sub-group of" | "reports to" | "accountable to" | "commissions" | "advises"
            | "informs" => {
                let kind_text = key.replace(['-', ' '], "_");
                if let Some(kind) =
                    builder.choice(place, &kind_text, RelationshipKind::parse, "relationship")
                {
                    draft.relations.push((kind, value.to_string(), place));
                }
            }
            "chair" | "vice-chair" | "secretariat" | "members" | "co-opted" | "observers" => {
                let role_text = match key.as_str() {
                    "members" => "member",
                    "observers" => "observer",
                    other => other,
                };
                if let Some(role) =
                    builder.choice(place, role_text, MembershipRole::parse, "membership role")
                {
                    read_members(builder, &mut draft.members, value, role, place);
                }
            }
            "rep" => rep_lines.push((value.to_string(), place)),
            "report" => read_report(builder, &mut draft, value, place),
            "money" => read_money(builder, &mut draft, value, place),
            "assess" => {
                if let Some(assessment) = read_assessment(builder, value, place) {
                    draft.assessments.push(assessment);
                }
            }
            other => builder.problem(place, format!("unknown partnership field “{other}”")),
        }
    }
    if !layer_given {
        draft.record.governance_layer = default_layer(draft.record.structural_level);
    }
    if !form_given {
        draft.record.legal_form = default_form(draft.record.kind);
    }
    for (text, place) in rep_lines {
        read_representation(builder, &mut draft, &text, place);
    }
    if let Some((org, place)) = accountable_member {
        draft.members.push(MemberDraft {
            organisation: org,
            role: MembershipRole::AccountableBody,
            representative: String::new(),
            place,
        });
    }
    if let (Some(org), Some(role)) = (council, council_membership(draft.record.council_role)) {
        draft.members.push(MemberDraft {
            organisation: org,
            role,
            representative: String::new(),
            place: draft.place,
        });
    }
    // One membership per organisation: the first role listed wins.
    let mut seen = std::collections::HashSet::new();
    draft
        .members
        .retain(|member| seen.insert(member.organisation));
    draft
}

fn read_document(builder: &mut Builder, p: &mut Partnership, value: &str, place: Place) {
    let (code, date) = value.split_once(' ').unwrap_or((value, ""));
    if let Some(document) =
        builder.choice(place, code, GoverningDocument::parse, "governing document")
    {
        p.governing_document = document;
    }
    if !date.trim().is_empty() {
        p.governing_document_reviewed = builder.date(place, date);
    }
}

fn read_evidence(builder: &mut Builder, p: &mut Partnership, value: &str, place: Place) {
    for item in value.split(',').map(str::trim) {
        match item {
            "none" | "" => {}
            "risk register" => p.risk_register = true,
            "information sharing" => p.information_sharing_protocol = true,
            "complaints" => p.complaints_procedure = true,
            "public meetings" => p.meetings_in_public = true,
            "conflicts of interest" => p.conflict_of_interest_procedure = true,
            other => builder.problem(place, format!("unknown governance evidence “{other}”")),
        }
    }
}

fn read_members(
    builder: &mut Builder,
    members: &mut Vec<MemberDraft>,
    value: &str,
    role: MembershipRole,
    place: Place,
) {
    for item in list(value) {
        let (name, representative) = match item.split_once(" = ") {
            Some((name, who)) => (name.trim(), who.trim()),
            None => (item, ""),
        };
        if let Some(organisation) = builder.organisation(name, place) {
            members.push(MemberDraft {
                organisation,
                role,
                representative: representative.to_string(),
                place,
            });
        }
    }
}

/// `person | role on body | appointed by | hours a month | meetings a year [| start [| end]]`.
fn read_representation(builder: &mut Builder, draft: &mut Draft, text: &str, place: Place) {
    let cells: Vec<&str> = text.split('|').map(str::trim).collect();
    if !(5..=7).contains(&cells.len()) {
        builder.problem(
            place,
            "rep needs person | role | appointed by | hours | meetings [| start | end]",
        );
        return;
    }
    let person = builder.person(cells[0], place);
    let role = builder.choice(place, cells[1], RoleOnBody::parse, "role on a body");
    let appointed = builder.choice(place, cells[2], AppointedBy::parse, "appointer");
    let hours = builder.hours(place, cells[3]);
    let meetings = builder.number::<u32>(place, cells[4]);
    let (Some(person), Some(role), Some(appointed), Some(hours), Some(meetings)) =
        (person, role, appointed, hours, meetings)
    else {
        return;
    };
    let councillor = builder
        .register
        .people
        .get(&person)
        .is_some_and(|p| p.kind == PersonKind::Councillor);
    let joined = draft.record.date_joined;
    let (default_start, default_end) = if councillor {
        (
            ymd(COUNCILLOR_TERM_START).map(|d| builder.shift.date(d)),
            ymd(COUNCILLOR_TERM_END).map(|d| builder.shift.date(d)),
        )
    } else {
        (ymd(OFFICER_TERM_START).map(|d| builder.shift.date(d)), None)
    };
    let term_start = match cells.get(5) {
        Some(text) => builder.date(place, text),
        None => default_start.max(joined),
    };
    let term_end = match cells.get(6) {
        Some(text) => builder.date(place, text),
        None => default_end,
    };
    draft.representations.push((
        Representation {
            id: RepresentationId(0),
            person,
            partnership: draft.record.id,
            role_on_body: role,
            appointed_by: appointed,
            term_start,
            term_end,
            hours_per_month: hours,
            meetings_per_year: meetings,
        },
        place,
    ));
}

/// `report: person | audience | recipient | frequency [| last reported]`: a report-back route
/// of that person's representation on this partnership.
fn read_report(builder: &mut Builder, draft: &mut Draft, text: &str, place: Place) {
    let cells: Vec<&str> = text.split('|').map(str::trim).collect();
    if !(4..=5).contains(&cells.len()) {
        builder.problem(
            place,
            "report needs person | audience | recipient | frequency [| last reported]",
        );
        return;
    }
    let person = builder.person(cells[0], place);
    let audience = builder.choice(place, cells[1], ReportAudience::parse, "report audience");
    let frequency = builder.choice(place, cells[3], ReportFrequency::parse, "report frequency");
    let last_reported = match cells.get(4) {
        Some(text) => builder.date(place, text),
        None => None,
    };
    let (Some(person), Some(audience), Some(frequency)) = (person, audience, frequency) else {
        return;
    };
    draft.reports.push((
        person,
        ReportBackRoute {
            audience,
            recipient: cells[2].to_string(),
            frequency,
            last_reported,
            ..ReportBackRoute::default()
        },
        place,
    ));
}

/// `year | type | amount [| note]`.
fn read_money(builder: &mut Builder, draft: &mut Draft, text: &str, place: Place) {
    let cells: Vec<&str> = text.split('|').map(str::trim).collect();
    if !(3..=4).contains(&cells.len()) {
        builder.problem(place, "money needs year | type | amount [| note]");
        return;
    }
    let shift = builder.shift;
    let year = builder
        .number::<i32>(place, cells[0])
        .map(|year| shift.year(year));
    let kind = builder.choice(
        place,
        cells[1],
        ContributionKind::parse,
        "contribution type",
    );
    let amount = builder.money(place, cells[2]);
    if let (Some(year), Some(kind), Some(amount)) = (year, kind, amount) {
        draft.contributions.push((
            Contribution {
                id: ContributionId(0),
                partnership: draft.record.id,
                year,
                kind,
                amount,
                notes: cells.get(3).map_or_else(String::new, |n| (*n).to_string()),
            },
            place,
        ));
    }
}

/// Six ratings after a letter: "R 2 1 3 3 2 1".
fn ratings(
    builder: &mut Builder,
    text: &str,
    letter: &str,
    range: std::ops::RangeInclusive<u8>,
    place: Place,
) -> Option<[u8; 6]> {
    let digits = text.strip_prefix(letter).unwrap_or("");
    let values: Vec<u8> = digits
        .split_whitespace()
        .filter_map(|d| d.parse::<u8>().ok())
        .collect();
    match <[u8; 6]>::try_from(values) {
        Ok(array) if array.iter().all(|v| range.contains(v)) => Some(array),
        _ => {
            builder.problem(
                place,
                format!(
                    "{letter} needs six ratings from {} to {}",
                    range.start(),
                    range.end()
                ),
            );
            None
        }
    }
}

/// `date | R a b c d e f | V a b c d e f [| rec x] [| override why] [| gov x] [| by who]
/// [| note text]`.
fn read_assessment(builder: &mut Builder, text: &str, place: Place) -> Option<AssessmentDraft> {
    let cells: Vec<&str> = text.split('|').map(str::trim).collect();
    if cells.len() < 3 {
        builder.problem(place, "assess needs date | R ... | V ...");
        return None;
    }
    let date = builder.date(place, cells[0]);
    let risk = ratings(builder, cells[1], "R", 1..=4, place);
    let value = ratings(builder, cells[2], "V", 0..=3, place);
    let mut draft = AssessmentDraft {
        date: date?,
        risk: risk?,
        value: value?,
        recommendation: None,
        override_reason: String::new(),
        governance: None,
        assessor: None,
        notes: String::new(),
        place,
    };
    for cell in &cells[3..] {
        let (word, rest) = cell.split_once(' ').unwrap_or((cell, ""));
        let rest = rest.trim();
        match word {
            "rec" => {
                draft.recommendation =
                    builder.choice(place, rest, Recommendation::parse, "recommendation");
            }
            "override" => draft.override_reason = rest.to_string(),
            "gov" => {
                draft.governance =
                    builder.choice(place, rest, GovernanceRating::parse, "governance rating");
            }
            "by" => draft.assessor = Some(rest.to_string()),
            "note" => draft.notes = rest.to_string(),
            other => builder.problem(place, format!("unknown assessment part “{other}”")),
        }
    }
    Some(draft)
}

impl Draft {
    /// Officer hours a month over all the representatives.
    pub fn hours(&self) -> Hours {
        self.representations
            .iter()
            .map(|(r, _)| r.hours_per_month)
            .sum()
    }

    /// Money put in, in one year.
    pub fn money_in(&self, year: i32) -> Money {
        self.contributions
            .iter()
            .filter(|(c, _)| c.year == year)
            .map(|(c, _)| c.amount)
            .sum()
    }

    /// Works out the assessments' bands and recommendations, and sets the partnership's
    /// significance and review date from the newest one unless the block gave them.
    pub fn score(&mut self, builder: &mut Builder, hourly_rate: Money) -> Vec<(Assessment, Place)> {
        let assessor_default = self
            .record
            .responsible_officer
            .and_then(|id| builder.register.people.get(&id))
            .map_or_else(
                || "Policy, Performance and Partnerships".to_string(),
                |p| p.name.clone(),
            );
        let mut scored = Vec::new();
        for draft in &self.assessments {
            use chrono::Datelike;
            let cost =
                scoring::annual_cost(self.hours(), self.money_in(draft.date.year()), hourly_rate);
            let mut assessment = scoring::assessment(
                &self.record,
                draft.date,
                &draft.risk,
                &draft.value,
                cost,
                draft.recommendation,
                draft.governance,
            );
            assessment.assessor = draft
                .assessor
                .clone()
                .unwrap_or_else(|| assessor_default.clone());
            assessment.override_reason = draft.override_reason.clone();
            assessment.notes = draft.notes.clone();
            if !scoring::follows_matrix(&assessment) && assessment.override_reason.is_empty() {
                builder.problem(
                    draft.place,
                    "the recommendation is not one the matrix suggests for these bands: give an override reason",
                );
            }
            scored.push((assessment, draft.place));
        }
        if let Some((newest, _)) = scored.iter().max_by_key(|(a, _)| a.date) {
            if !self.significance_given {
                self.record.significance = newest.significance;
            }
            if !self.review_given {
                self.record.review_date = newest.next_review;
            }
        }
        scored
    }
}
