//! Every field of a partnership, declared once: its column (id, heading, the other names
//! spreadsheets know it by, how it is read, checked and set), the detail form's group it is
//! shown in, and the form's hint. The partnerships table, the detail form, paste and copy (and
//! the importer) all read this one list.

use crate::model::*;
use crate::tables::{Column, LinkTarget};

/// A group of fields, shown as one collapsing section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormGroup {
    /// Names, kind, status, place in the structure, legal standing, dates, significance.
    Identity,
    /// What it is for and what the council expects of it.
    Purpose,
    /// Who leads for the council and what the council does there.
    Council,
    /// Its budget, who funds it, liabilities, who holds its money.
    Resources,
    /// Governing document, procedures in place, review and exit.
    Governance,
}

impl FormGroup {
    /// Every group, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::Identity,
        Self::Purpose,
        Self::Council,
        Self::Resources,
        Self::Governance,
    ];

    /// The section's heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::Identity => "Identity and classification",
            Self::Purpose => "Purpose and strategy alignment",
            Self::Council => "Council involvement",
            Self::Resources => "Resources",
            Self::Governance => "Governance evidence",
        }
    }
}

/// One field of a partnership.
pub struct PartnershipField {
    /// Its column: id, heading, other names, editor and rules.
    pub column: Column<Partnership>,
    /// The form's section it is in.
    pub group: FormGroup,
    /// How the form shows it.
    pub lines: Lines,
    /// Grey words the form shows while the field is empty.
    pub hint: &'static str,
}

/// How many lines the form gives a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// One line.
    One,
    /// Several lines of text.
    Several,
}

/// Every field of a partnership, in the form's order.
pub fn partnership_fields() -> Vec<PartnershipField> {
    use FormGroup::*;
    use Lines::*;
    type P = Partnership;
    // (group, lines, hint, column)
    let rows: Vec<(FormGroup, Lines, &'static str, Column<P>)> = vec![
        (
            Identity,
            One,
            "The name as published",
            Column::name(
                "name",
                "Name",
                "A partnership's name",
                |r: &P| &r.name,
                |r, v| r.name = v,
            )
            .also_called(&["Partnership", "Partnership name"]),
        ),
        (
            Identity,
            One,
            "An acronym or short form (\"CSP\")",
            Column::text(
                "short_name",
                "Short name",
                |r: &P| &r.short_name,
                |r, v| r.short_name = v,
            )
            .also_called(&["Acronym", "Abbreviation"]),
        ),
        (
            Identity,
            One,
            "Former or other names, separated by semicolons",
            Column::list(
                "aliases",
                "Other names",
                |r: &P| &r.aliases,
                |r, v| r.aliases = v,
            )
            .also_called(&["Aliases", "Also known as", "Former names"]),
        ),
        (
            Identity,
            One,
            "",
            Column::choice("kind", "Kind", |r: &P| r.kind, |r, v| r.kind = v)
                .also_called(&["Type", "Partnership type"]),
        ),
        (
            Identity,
            One,
            "",
            Column::choice("status", "Status", |r: &P| r.status, |r, v| r.status = v),
        ),
        (
            Identity,
            Several,
            "Why it is dormant, closing, closed or removed",
            Column::text(
                "status_reason",
                "Status reason",
                |r: &P| &r.status_reason,
                |r, v| r.status_reason = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "level",
                "Structural level",
                |r: &P| r.structural_level,
                |r, v| r.structural_level = v,
            )
            .also_called(&["Level"]),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "layer",
                "Governance layer",
                |r: &P| r.governance_layer,
                |r, v| r.governance_layer = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "geography",
                "Geography",
                |r: &P| r.geography,
                |r, v| r.geography = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "statutory",
                "Statutory status",
                |r: &P| r.statutory_status,
                |r, v| r.statutory_status = v,
            )
            .also_called(&["Statutory"]),
        ),
        (
            Identity,
            One,
            "The law behind it (\"Crime and Disorder Act 1998 s5\")",
            Column::text(
                "legal_basis",
                "Legal basis",
                |r: &P| &r.legal_basis,
                |r, v| r.legal_basis = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "legal_form",
                "Legal form",
                |r: &P| r.legal_form,
                |r, v| r.legal_form = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::date(
                "date_created",
                "Date created",
                |r| r.date_created,
                |r, v| r.date_created = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::date(
                "date_joined",
                "Date joined",
                |r| r.date_joined,
                |r, v| r.date_joined = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::date(
                "date_left",
                "Date left",
                |r| r.date_left,
                |r, v| r.date_left = v,
            ),
        ),
        (
            Identity,
            One,
            "",
            Column::choice(
                "significance",
                "Significance",
                |r: &P| r.significance,
                |r, v| r.significance = v,
            ),
        ),
        (
            Purpose,
            Several,
            "What it was set up to do",
            Column::text(
                "purpose",
                "Purpose",
                |r: &P| &r.purpose,
                |r, v| r.purpose = v,
            ),
        ),
        (
            Purpose,
            Several,
            "Outcomes the council expects from it",
            Column::text(
                "expected_outcomes",
                "Expected outcomes",
                |r: &P| &r.expected_outcomes,
                |r, v| r.expected_outcomes = v,
            ),
        ),
        (
            Council,
            One,
            "The directorate or service area that leads",
            Column::text(
                "service_area",
                "Service area",
                |r: &P| &r.service_area,
                |r, v| r.service_area = v,
            )
            .also_called(&["Directorate", "Service"]),
        ),
        (
            Council,
            One,
            "",
            Column::optional_link(
                "responsible_officer",
                "Responsible officer",
                LinkTarget::Person,
                |r: &P| r.responsible_officer.map(|p| p.0),
                |r, v| r.responsible_officer = v.map(PersonId),
            )
            .also_called(&["Lead officer", "Officer"]),
        ),
        (
            Council,
            One,
            "",
            Column::choice(
                "council_role",
                "Council role",
                |r: &P| r.council_role,
                |r, v| r.council_role = v,
            ),
        ),
        (
            Council,
            One,
            "Why the council has no seat, if it has none",
            Column::text(
                "no_seat_reason",
                "No seat because",
                |r: &P| &r.no_seat_reason,
                |r, v| r.no_seat_reason = v,
            ),
        ),
        (
            Council,
            One,
            "Where another council speaks for this one, which",
            Column::text(
                "lead_district",
                "Lead district",
                |r: &P| &r.lead_district,
                |r, v| r.lead_district = v,
            ),
        ),
        (
            Council,
            Several,
            "With no seat: how the council hears what is decided",
            Column::text(
                "kept_informed",
                "How the council is kept informed",
                |r: &P| &r.kept_informed,
                |r, v| r.kept_informed = v,
            ),
        ),
        (
            Council,
            One,
            "",
            Column::date(
                "last_met",
                "Last met",
                |r: &P| r.last_met,
                |r, v| r.last_met = v,
            ),
        ),
        (
            Council,
            One,
            "The cabinet or scrutiny body that receives its reports",
            Column::text(
                "reports_to_council",
                "Reports to (council)",
                |r: &P| &r.reports_to_council,
                |r, v| r.reports_to_council = v,
            ),
        ),
        (
            Resources,
            One,
            "Its own annual budget, for example £120,000",
            Column::optional_money(
                "total_budget",
                "Total annual budget",
                |r: &P| r.total_budget,
                |r, v| r.total_budget = v,
            )
            .also_called(&["Budget", "Annual budget"]),
        ),
        (
            Resources,
            One,
            "Who provides the money",
            Column::text(
                "funding_sources",
                "Funding sources",
                |r: &P| &r.funding_sources,
                |r, v| r.funding_sources = v,
            ),
        ),
        (
            Resources,
            Several,
            "Redundancy costs, guarantees, costs of leaving",
            Column::text(
                "liabilities",
                "Liabilities",
                |r: &P| &r.liabilities,
                |r, v| r.liabilities = v,
            ),
        ),
        (
            Resources,
            One,
            "",
            Column::optional_link(
                "accountable_body",
                "Accountable body",
                LinkTarget::Organisation,
                |r: &P| r.accountable_body.map(|o| o.0),
                |r, v| r.accountable_body = v.map(OrganisationId),
            )
            .also_called(&["Host body", "Host organisation"]),
        ),
        (
            Governance,
            One,
            "",
            Column::choice(
                "governing_document",
                "Governing document",
                |r: &P| r.governing_document,
                |r, v| r.governing_document = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::date(
                "governing_document_reviewed",
                "Document last reviewed",
                |r| r.governing_document_reviewed,
                |r, v| r.governing_document_reviewed = v,
            ),
        ),
        (
            Governance,
            One,
            "Where to read the governing document",
            Column::text(
                "document_link",
                "Document link",
                |r: &P| &r.document_link,
                |r, v| r.document_link = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::boolean(
                "risk_register",
                "A risk register exists",
                |r: &P| r.risk_register,
                |r, v| r.risk_register = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::boolean(
                "information_sharing_protocol",
                "Information-sharing protocol in place",
                |r: &P| r.information_sharing_protocol,
                |r, v| r.information_sharing_protocol = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::boolean(
                "complaints_procedure",
                "Complaints procedure in place",
                |r: &P| r.complaints_procedure,
                |r, v| r.complaints_procedure = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::boolean(
                "meetings_in_public",
                "Meetings in public, papers published",
                |r: &P| r.meetings_in_public,
                |r, v| r.meetings_in_public = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            Column::boolean(
                "conflict_of_interest_procedure",
                "Conflict-of-interest procedure in place",
                |r: &P| r.conflict_of_interest_procedure,
                |r, v| r.conflict_of_interest_procedure = v,
            ),
        ),
        (
            Governance,
            Several,
            "How the council would leave; empty if there is no exit strategy",
            Column::text(
                "exit_strategy",
                "Exit strategy",
                |r: &P| &r.exit_strategy,
                |r, v| r.exit_strategy = v,
            ),
        ),
        (
            Governance,
            One,
            "",
            super::review_date::review_date_column().also_called(&["Next review", "Review due"]),
        ),
        (
            Governance,
            Several,
            "Anything else",
            Column::text("notes", "Notes", |r: &P| &r.notes, |r, v| r.notes = v)
                .also_called(&["Comments"]),
        ),
    ];
    rows.into_iter()
        .map(|(group, lines, hint, column)| PartnershipField {
            column,
            group,
            lines,
            hint,
        })
        .collect()
}
