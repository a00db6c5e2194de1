//! The records a register holds, with the fields councils keep (research/domain.md section 3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::*;
use super::ids::*;
use super::values::{Hours, Money};

/// Register-wide settings: whose register it is and how officer time is costed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegisterSettings {
    /// The council that keeps the register, as shown in captions ("Harborough District Council").
    pub council_name: String,
    /// The council as an organisation, so diagrams can draw it as its own shape.
    pub council_organisation: Option<OrganisationId>,
    /// Cost of one officer hour, for costing officer time.
    pub officer_hourly_rate: Money,
    /// The source line printed under exported pictures.
    pub source_line: String,
    /// What the appendix pack holds, as last chosen; `None` until chosen (then everything).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appendix_pack: Option<AppendixPackChoice>,
}

impl Default for RegisterSettings {
    fn default() -> Self {
        Self {
            council_name: String::new(),
            council_organisation: None,
            officer_hourly_rate: Money::from_pounds(35),
            source_line: String::new(),
            appendix_pack: None,
        }
    }
}

/// The contents of the appendix pack as chosen in its dialog: kept in the register so the
/// next pack (from the window or the command line) holds the same.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppendixPackChoice {
    /// The diagram views, in the order chosen.
    pub views: Vec<ViewId>,
    /// Whether the risk/value matrix is in.
    pub matrix: bool,
    /// The tables, by their export code ("register", "recommendations"), in order.
    pub tables: Vec<String>,
}

/// Any body on the register: partnership, outside body, joint committee and so on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Partnership {
    /// Identifier, stable for the life of the register.
    pub id: PartnershipId,
    /// Name as published.
    pub name: String,
    /// Short name or acronym ("CSP").
    pub short_name: String,
    /// Former or other names (a CDRP became a CSP).
    pub aliases: Vec<String>,
    /// Kind of body.
    pub kind: PartnershipKind,
    /// Where it is in its life.
    pub status: PartnershipStatus,
    /// Why it was removed, closed or made dormant ("network, not a partnership").
    pub status_reason: String,
    /// Place in the LSP structure.
    pub structural_level: StructuralLevel,
    /// Strategic, executive or operational.
    pub governance_layer: GovernanceLayer,
    /// Area covered.
    pub geography: Geography,
    /// Statutory or not.
    pub statutory_status: StatutoryStatus,
    /// The law behind a statutory body ("Crime and Disorder Act 1998 s5").
    pub legal_basis: String,
    /// Legal form.
    pub legal_form: LegalForm,
    /// What it was set up to do.
    pub purpose: String,
    /// Outcomes the council expects from it.
    pub expected_outcomes: String,
    /// When the body was created.
    pub date_created: Option<NaiveDate>,
    /// When the council joined.
    pub date_joined: Option<NaiveDate>,
    /// When the council left.
    pub date_left: Option<NaiveDate>,
    /// Whether it is a significant partnership.
    pub significance: Significance,
    /// Next review of the council's involvement.
    pub review_date: Option<NaiveDate>,
    /// How the council would leave, and what happens to shared resources; empty if none.
    pub exit_strategy: String,
    /// The council's directorate or service area that leads.
    pub service_area: String,
    /// The officer responsible for the council's involvement.
    pub responsible_officer: Option<PersonId>,
    /// What the council does there.
    pub council_role: CouncilRole,
    /// Why the council has no direct seat, where it has none ("another district leads").
    pub no_seat_reason: String,
    /// Where the council has no seat: the council that speaks for it there ("Sallow Heath
    /// District Council leads for the districts").
    pub lead_district: String,
    /// Where the council has no seat: how it is kept informed ("the lead district's officer
    /// briefs the Head of Policy after each meeting").
    pub kept_informed: String,
    /// When the body last met, as far as the council knows.
    pub last_met: Option<NaiveDate>,
    /// Which cabinet or scrutiny body receives its reports.
    pub reports_to_council: String,
    /// The partnership's own total annual budget, if known.
    pub total_budget: Option<Money>,
    /// Who funds it.
    pub funding_sources: String,
    /// Liabilities to the council (redundancy, guarantees).
    pub liabilities: String,
    /// The organisation holding its money.
    pub accountable_body: Option<OrganisationId>,
    /// Governing document in place.
    pub governing_document: GoverningDocument,
    /// When the governing document was last reviewed.
    pub governing_document_reviewed: Option<NaiveDate>,
    /// Link to the governing document.
    pub document_link: String,
    /// A risk register exists.
    pub risk_register: bool,
    /// An information-sharing protocol is in place.
    pub information_sharing_protocol: bool,
    /// A complaints procedure is in place.
    pub complaints_procedure: bool,
    /// Meetings are held in public and papers published.
    pub meetings_in_public: bool,
    /// A conflict-of-interest procedure is in place.
    pub conflict_of_interest_procedure: bool,
    /// Anything else.
    pub notes: String,
}

impl Default for Partnership {
    fn default() -> Self {
        Self {
            id: PartnershipId(0),
            name: String::new(),
            short_name: String::new(),
            aliases: Vec::new(),
            kind: PartnershipKind::default(),
            status: PartnershipStatus::default(),
            status_reason: String::new(),
            structural_level: StructuralLevel::default(),
            governance_layer: GovernanceLayer::default(),
            geography: Geography::default(),
            statutory_status: StatutoryStatus::default(),
            legal_basis: String::new(),
            legal_form: LegalForm::default(),
            purpose: String::new(),
            expected_outcomes: String::new(),
            date_created: None,
            date_joined: None,
            date_left: None,
            significance: Significance::default(),
            review_date: None,
            exit_strategy: String::new(),
            service_area: String::new(),
            responsible_officer: None,
            council_role: CouncilRole::default(),
            no_seat_reason: String::new(),
            lead_district: String::new(),
            kept_informed: String::new(),
            last_met: None,
            reports_to_council: String::new(),
            total_budget: None,
            funding_sources: String::new(),
            liabilities: String::new(),
            accountable_body: None,
            governing_document: GoverningDocument::default(),
            governing_document_reviewed: None,
            document_link: String::new(),
            risk_register: false,
            information_sharing_protocol: false,
            complaints_procedure: false,
            meetings_in_public: false,
            conflict_of_interest_procedure: false,
            notes: String::new(),
        }
    }
}

/// A typed line between two partnerships: `from` is a sub-group of / reports to / advises `to`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relationship {
    /// Identifier.
    pub id: RelationshipId,
    /// The partnership the line starts at (the sub-group, the one reporting).
    pub from: PartnershipId,
    /// The partnership the line ends at (the parent, the one reported to).
    pub to: PartnershipId,
    /// What the line means.
    pub kind: RelationshipKind,
    /// Words to print on the line, if any ("sets framework for").
    pub label: String,
}

/// A partner body: council, police, NHS, voluntary sector, business.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    /// Identifier.
    pub id: OrganisationId,
    /// Name.
    pub name: String,
    /// Sector.
    pub sector: Sector,
    /// The org-id.guide list the identifier comes from.
    pub org_id_scheme: Option<OrgIdScheme>,
    /// The identifier within that list.
    pub org_id: String,
    /// ONS (GSS) code, for councils ("E07000131").
    pub ons_code: String,
    /// Web site.
    pub website: String,
    /// Anything else.
    pub notes: String,
}

/// An organisation's place in a partnership.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Membership {
    /// Identifier.
    pub id: MembershipId,
    /// The partnership.
    pub partnership: PartnershipId,
    /// The member organisation.
    pub organisation: OrganisationId,
    /// Its role there.
    pub role: MembershipRole,
    /// Whether it votes.
    pub voting: bool,
    /// The person who usually attends for it, as free text.
    pub representative: String,
}

/// A council officer or councillor.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Identifier.
    pub id: PersonId,
    /// Name ("Cllr Jane Pain", "Ann Marie Hawkins").
    pub name: String,
    /// Officer or councillor.
    pub kind: PersonKind,
    /// Post or portfolio ("Head of Policy, Performance and Partnerships").
    pub job_title: String,
    /// E-mail address.
    pub email: String,
    /// Anything else.
    pub notes: String,
}

/// A person representing the council on a partnership.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Representation {
    /// Identifier.
    pub id: RepresentationId,
    /// Who.
    pub person: PersonId,
    /// Where.
    pub partnership: PartnershipId,
    /// Their role on the body.
    pub role_on_body: RoleOnBody,
    /// Who appointed them.
    pub appointed_by: AppointedBy,
    /// Start of the term.
    pub term_start: Option<NaiveDate>,
    /// End of the term.
    pub term_end: Option<NaiveDate>,
    /// Officer hours a month, including preparation, meeting time and follow-up.
    pub hours_per_month: Hours,
    /// Meetings a year.
    pub meetings_per_year: u32,
}

/// One year's money or in-kind input from the council to a partnership.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contribution {
    /// Identifier.
    pub id: ContributionId,
    /// To which partnership.
    pub partnership: PartnershipId,
    /// The financial year it starts in (2025 is 2025/26).
    pub year: i32,
    /// Form of the contribution.
    pub kind: ContributionKind,
    /// Amount.
    pub amount: Money,
    /// Anything else.
    pub notes: String,
}

/// A community strategy theme (community safety, older people...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Theme {
    /// Identifier.
    pub id: ThemeId,
    /// Name.
    pub name: String,
    /// What it covers.
    pub description: String,
}

/// A corporate priority of the council.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Priority {
    /// Identifier.
    pub id: PriorityId,
    /// Name.
    pub name: String,
    /// What it covers.
    pub description: String,
}

/// A partnership serves a theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ThemeTag {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The theme it serves.
    pub theme: ThemeId,
}

/// A partnership supports a corporate priority.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PriorityTag {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The priority it supports.
    pub priority: PriorityId,
}

/// A plan a partnership delivers (a community strategy, a community safety plan).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Strategy {
    /// Identifier.
    pub id: StrategyId,
    /// Title.
    pub title: String,
    /// The organisation that owns it.
    pub owner: Option<OrganisationId>,
    /// When it was published.
    pub published: Option<NaiveDate>,
    /// Years it covers ("2024-2029").
    pub period: String,
    /// Where to read it.
    pub link: String,
}

/// A strategic objective of a strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    /// Identifier.
    pub id: ObjectiveId,
    /// The strategy it belongs to.
    pub strategy: StrategyId,
    /// Reference within the strategy ("SO2").
    pub reference: String,
    /// The objective.
    pub text: String,
}

/// A key performance measure of an objective.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measure {
    /// Identifier.
    pub id: MeasureId,
    /// The objective it measures.
    pub objective: ObjectiveId,
    /// What is measured.
    pub name: String,
    /// Unit ("%", "per 1,000 population").
    pub unit: String,
    /// Starting value.
    pub baseline: String,
    /// Target value.
    pub target: String,
    /// Latest value.
    pub latest: String,
    /// Rating of the latest value.
    pub rag: Rag,
}

/// A partnership delivers an objective.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObjectiveDelivery {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The objective it delivers.
    pub objective: ObjectiveId,
}

/// An item of an action plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// Identifier.
    pub id: ActionId,
    /// The partnership it concerns, if any.
    pub partnership: Option<PartnershipId>,
    /// What is to be done.
    pub title: String,
    /// Who does it.
    pub owner: Option<PersonId>,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Progress.
    pub status: ActionStatus,
    /// Where it came from ("Cabinet 22 March 2006, Appendix 2").
    pub source: String,
    /// Anything else.
    pub notes: String,
}

/// One criterion's score within an assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionScore {
    /// The criterion's code in the scoring scheme ("V1", "R3").
    pub criterion: String,
    /// The score given.
    pub score: i32,
    /// The evidence for it.
    pub evidence: String,
}

/// One dated scoring of one partnership. History is kept; the newest is current.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    /// Identifier.
    pub id: AssessmentId,
    /// The partnership assessed.
    pub partnership: PartnershipId,
    /// Date of the assessment.
    pub date: Option<NaiveDate>,
    /// Who assessed it.
    pub assessor: String,
    /// The scoring scheme version it was made with.
    pub scheme_version: u32,
    /// Criterion scores with evidence.
    pub scores: Vec<CriterionScore>,
    /// Risk likelihood (1 = rare).
    pub risk_likelihood: u8,
    /// Risk impact (1 = minor).
    pub risk_impact: u8,
    /// Risk band as computed when assessed.
    pub risk_band: Option<Band>,
    /// Value band as computed when assessed.
    pub value_band: Option<Band>,
    /// Value score as computed when assessed: a whole percentage of the most it could be.
    pub value_percent: Option<u32>,
    /// Governance health as computed when assessed.
    pub governance: Option<GovernanceRating>,
    /// Significance as decided when assessed.
    pub significance: Significance,
    /// Value for money.
    pub value_for_money: Option<ValueForMoney>,
    /// The council's annual input when assessed (money contributed plus officer hours costed
    /// at the hourly rate): what significance and value for money were judged against.
    pub annual_input: Option<Money>,
    /// What the scheme's recommendation matrix suggested.
    pub suggested_recommendation: Option<Recommendation>,
    /// What the council should do, as chosen by the officer.
    pub recommendation: Option<Recommendation>,
    /// Why the officer chose a recommendation the matrix does not allow for these bands.
    pub override_reason: String,
    /// When to assess again.
    pub next_review: Option<NaiveDate>,
    /// Anything else.
    pub notes: String,
}

/// A saved diagram: what it draws, how, and where the user put each node.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    /// Identifier.
    pub id: ViewId,
    /// Name ("LSP structure").
    pub name: String,
    /// Which picture it draws.
    pub kind: ViewKind,
    /// Filters and style rules, as the diagram code reads them (JSON object).
    pub settings: serde_json::Value,
}

impl View {
    /// The settings a new view of `kind` starts with: a structure lists each partnership's
    /// sub-groups inside it (as council appendix diagrams draw a themed partnership), which
    /// keeps the picture compact enough to print; the other kinds take every default.
    pub fn standard_settings(kind: ViewKind) -> serde_json::Value {
        match kind {
            ViewKind::Structure => serde_json::json!({ "grouping": { "sub_groups": "inside" } }),
            ViewKind::Involvement | ViewKind::Membership => serde_json::json!({}),
        }
    }
}

/// What a node in a view stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum NodeRef {
    /// A partnership.
    Partnership(PartnershipId),
    /// An organisation.
    Organisation(OrganisationId),
}

impl Default for NodeRef {
    fn default() -> Self {
        Self::Partnership(PartnershipId(0))
    }
}

/// Where a node sits in a view, as arranged by the user or the layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NodePosition {
    /// The view.
    pub view: ViewId,
    /// The node.
    pub node: NodeRef,
    /// Horizontal position of the node's centre, in diagram units (points).
    pub x: f32,
    /// Vertical position of the node's centre, in diagram units (points).
    pub y: f32,
    /// A pinned node is never moved by a re-layout.
    pub pinned: bool,
}

/// A named, dated copy of the register state, for comparing later states with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// Identifier.
    pub id: SnapshotId,
    /// Name ("As at Cabinet 22 March 2026").
    pub name: String,
    /// When it was taken (local time, ISO).
    pub taken_at: String,
    /// The day the register is "as at" (the meeting that approved it); `None` for the day it
    /// was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_at: Option<NaiveDate>,
    /// The register as it was: its records as JSON, deflated and in base64 when large
    /// (`crate::review::snapshots` writes and reads it).
    pub content: String,
}

impl Snapshot {
    /// The day the snapshot stands for: its "as at" date, or the day it was taken.
    pub fn as_at_date(&self) -> Option<NaiveDate> {
        self.as_at.or_else(|| {
            self.taken_at
                .get(..10)
                .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        })
    }
}
