//! The partnership detail form: every field of a partnership, in the groups of a council
//! register (research/domain.md section 3): identity and classification; purpose and strategy
//! alignment; council involvement; resources; governance evidence.
//!
//! The form is a [`TableSpec`] of one row, so a typed value is checked by the same column
//! rules as a table cell and becomes one undoable [`Edit`](crate::model::Edit) through
//! [`TableSpec::edit_cell`].

use crate::model::*;
use crate::tables::{Column, LinkTarget, TableSpec};

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

/// One field of the form: its column (label, editor, rules) and how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormField {
    /// The column's position in [`PartnershipForm::spec`].
    pub column: usize,
    /// The section it is in.
    pub group: FormGroup,
    /// Several lines of text.
    pub multiline: bool,
    /// Grey words shown while the field is empty.
    pub hint: &'static str,
}

/// The form: its columns as a one-row table, and where each is shown.
pub struct PartnershipForm {
    /// Every field as a column (the column's header is the field's label).
    pub spec: TableSpec<Partnership>,
    /// The fields, in the order shown.
    pub fields: Vec<FormField>,
}

impl PartnershipForm {
    /// The fields of one group, in order.
    pub fn fields_in(&self, group: FormGroup) -> impl Iterator<Item = &FormField> + '_ {
        self.fields.iter().filter(move |f| f.group == group)
    }

    /// The field whose column id is `id`.
    pub fn field(&self, id: &str) -> Option<&FormField> {
        let column = self.spec.column_index(id)?;
        self.fields.iter().find(|f| f.column == column)
    }
}

impl std::fmt::Debug for PartnershipForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PartnershipForm")
    }
}

/// Builds the form's fields.
pub fn partnership_form() -> PartnershipForm {
    let (columns, fields) = form_columns();
    let table = super::partnerships();
    PartnershipForm {
        spec: TableSpec {
            id: "partnership_form",
            noun: "partnership",
            columns,
            name_column: Some(0),
            status_column: None,
            ..table
        },
        fields,
    }
}

/// Every field of the form as a column, for the partnerships table's hidden columns.
pub(crate) fn partnership_form_columns() -> Vec<Column<Partnership>> {
    form_columns().0
}

fn form_columns() -> (Vec<Column<Partnership>>, Vec<FormField>) {
    use FormGroup::*;
    type P = Partnership;
    // (group, multiline, hint, column)
    let rows: Vec<(FormGroup, bool, &'static str, Column<P>)> = vec![
        (
            Identity,
            false,
            "The name as published",
            Column::name(
                "name",
                "Name",
                "A partnership's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
        ),
        (
            Identity,
            false,
            "An acronym or short form (\"CSP\")",
            Column::text(
                "short_name",
                "Short name",
                |r: &P| &r.short_name,
                |r, v| r.short_name = v,
            ),
        ),
        (
            Identity,
            false,
            "Former or other names, separated by semicolons",
            Column::list(
                "aliases",
                "Other names",
                |r: &P| &r.aliases,
                |r, v| r.aliases = v,
            ),
        ),
        (
            Identity,
            false,
            "",
            Column::choice("kind", "Kind", |r: &P| r.kind, |r, v| r.kind = v),
        ),
        (
            Identity,
            false,
            "",
            Column::choice("status", "Status", |r: &P| r.status, |r, v| r.status = v),
        ),
        (
            Identity,
            true,
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
            false,
            "",
            Column::choice(
                "level",
                "Structural level",
                |r: &P| r.structural_level,
                |r, v| r.structural_level = v,
            ),
        ),
        (
            Identity,
            false,
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
            false,
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
            false,
            "",
            Column::choice(
                "statutory",
                "Statutory status",
                |r: &P| r.statutory_status,
                |r, v| r.statutory_status = v,
            ),
        ),
        (
            Identity,
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            true,
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
            true,
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
            false,
            "The directorate or service area that leads",
            Column::text(
                "service_area",
                "Service area",
                |r: &P| &r.service_area,
                |r, v| r.service_area = v,
            ),
        ),
        (
            Council,
            false,
            "",
            Column::link(
                "responsible_officer",
                "Responsible officer",
                LinkTarget::Person,
                true,
                |r: &P| r.responsible_officer.map(|p| p.0),
                |r, v| r.responsible_officer = v.map(PersonId),
            ),
        ),
        (
            Council,
            false,
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
            false,
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
            false,
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
            true,
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
            false,
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
            false,
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
            false,
            "Its own annual budget, for example £120,000",
            Column::optional_money(
                "total_budget",
                "Total annual budget",
                |r: &P| r.total_budget,
                |r, v| r.total_budget = v,
            ),
        ),
        (
            Resources,
            false,
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
            true,
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
            false,
            "",
            Column::link(
                "accountable_body",
                "Accountable body",
                LinkTarget::Organisation,
                true,
                |r: &P| r.accountable_body.map(|o| o.0),
                |r, v| r.accountable_body = v.map(OrganisationId),
            ),
        ),
        (
            Governance,
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            false,
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
            true,
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
            false,
            "",
            super::review_date::review_date_column(),
        ),
        (
            Governance,
            true,
            "Anything else",
            Column::text("notes", "Notes", |r: &P| &r.notes, |r, v| r.notes = v),
        ),
    ];
    let mut columns = Vec::with_capacity(rows.len());
    let mut fields = Vec::with_capacity(rows.len());
    for (index, (group, multiline, hint, column)) in rows.into_iter().enumerate() {
        columns.push(column);
        fields.push(FormField {
            column: index,
            group,
            multiline,
            hint,
        });
    }
    (columns, fields)
}
