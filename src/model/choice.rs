//! Closed lists of values ("choices"): partnership kinds, statuses, roles and so on.
//!
//! Every choice has a stable code (what the file stores, never changed once shipped), a label
//! (what the user reads) and `ALL` (the order combo boxes show).

/// Defines a closed list of values with stable codes and user-facing labels.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal), )+
        }
        default $default:ident
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every value, in the order a picker shows them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code stored in the register file.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            /// The words a user reads.
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }

            /// Reads a stored code or a label, ignoring case and surrounding spaces.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|value| {
                    value.code().eq_ignore_ascii_case(text) || value.label().eq_ignore_ascii_case(text)
                })
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::$default
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choice! {
    /// What sort of body a register entry is.
    pub enum PartnershipKind {
        Partnership => ("partnership", "Partnership"),
        OutsideBody => ("outside_body", "Outside body"),
        SharedWorking => ("shared_working_arrangement", "Shared working arrangement"),
        JointCommittee => ("joint_committee", "Joint committee"),
        NetworkForum => ("network_forum", "Network or forum"),
        CompanyOrTrust => ("company_or_trust", "Company or trust"),
    }
    default Partnership
}

choice! {
    /// Where a partnership is in its life. Nothing is deleted by a status change.
    pub enum PartnershipStatus {
        Proposed => ("proposed", "Proposed"),
        Active => ("active", "Active"),
        Dormant => ("dormant", "Dormant"),
        Closing => ("closing", "Closing"),
        Closed => ("closed", "Closed"),
        Removed => ("removed", "Removed from register"),
    }
    default Active
}

choice! {
    /// The place of a body in the LSP structure.
    pub enum StructuralLevel {
        LspBoard => ("lsp_board", "LSP board"),
        LspExecutive => ("lsp_executive", "LSP executive"),
        Thematic => ("thematic_partnership", "Themed partnership"),
        SubGroup => ("sub_group", "Sub-group"),
        TaskAndFinish => ("task_and_finish", "Task and finish group"),
        AreaBoard => ("area_board", "Area or locality board"),
        WiderNetwork => ("wider_network", "Wider network or conference"),
        CountyBoard => ("county_board", "County-wide board"),
        SubRegional => ("sub_regional", "Sub-regional partnership"),
        Standalone => ("standalone", "Standalone"),
    }
    default Standalone
}

choice! {
    /// The Audit Commission's three governance layers (2009).
    pub enum GovernanceLayer {
        Strategic => ("strategic", "Strategic"),
        Executive => ("executive", "Executive"),
        Operational => ("operational", "Operational"),
    }
    default Strategic
}

choice! {
    /// The area a body covers.
    pub enum Geography {
        Neighbourhood => ("neighbourhood", "Neighbourhood"),
        District => ("district", "District"),
        County => ("county", "County"),
        SubRegional => ("sub_regional", "Sub-regional"),
        Regional => ("regional", "Regional"),
        National => ("national", "National"),
    }
    default District
}

choice! {
    /// Whether a partnership is required by law.
    pub enum StatutoryStatus {
        Statutory => ("statutory", "Statutory"),
        NonStatutory => ("non_statutory", "Non-statutory"),
    }
    default NonStatutory
}

choice! {
    /// The legal form of a body.
    pub enum LegalForm {
        Unincorporated => ("unincorporated_association", "Unincorporated association"),
        CompanyLimitedByGuarantee => ("company_limited_by_guarantee", "Company limited by guarantee"),
        CharityOrTrust => ("charity_trust", "Charity or trust"),
        Cio => ("cio", "Charitable incorporated organisation"),
        JointCommittee => ("joint_committee", "Joint committee"),
        StatutoryBody => ("statutory_body", "Statutory body"),
        Contractual => ("contractual", "Contract or SLA"),
        Informal => ("informal", "Informal"),
    }
    default Unincorporated
}

choice! {
    /// Whether a partnership is on the "significant partnerships" list.
    pub enum Significance {
        Significant => ("significant", "Significant"),
        KeyOther => ("key_other", "Key other"),
        NotSignificant => ("not_significant", "Not significant"),
        NotAssessed => ("not_assessed", "Not assessed"),
    }
    default NotAssessed
}

choice! {
    /// The document that governs a partnership.
    pub enum GoverningDocument {
        None => ("none", "None"),
        TermsOfReference => ("terms_of_reference", "Terms of reference"),
        Mou => ("mou", "Memorandum of understanding"),
        Agreement => ("agreement", "Partnership agreement"),
        Constitution => ("constitution", "Constitution"),
        Articles => ("articles", "Articles of association"),
    }
    default None
}

choice! {
    /// What the council does in a partnership.
    pub enum CouncilRole {
        AccountableBody => ("accountable_body", "Accountable body"),
        LeadOrChair => ("lead_chair", "Lead or chair"),
        Secretariat => ("secretariat", "Secretariat"),
        Member => ("member", "Member"),
        Observer => ("observer", "Observer"),
        FunderOnly => ("funder_only", "Funder only"),
        NoDirectSeat => ("no_direct_seat", "No direct seat"),
    }
    default Member
}

choice! {
    /// A typed line between two partnerships: "from" relates to "to".
    pub enum RelationshipKind {
        SubGroupOf => ("sub_group_of", "Sub-group of"),
        ReportsTo => ("reports_to", "Reports to"),
        AccountableTo => ("accountable_to", "Accountable to"),
        Commissions => ("commissions", "Commissions"),
        Advises => ("advises", "Advises"),
        Informs => ("informs", "Informs"),
    }
    default ReportsTo
}

impl RelationshipKind {
    /// Formal lines of accountability (drawn solid); the rest are advice or information (dashed).
    pub fn is_formal(self) -> bool {
        matches!(
            self,
            Self::SubGroupOf | Self::ReportsTo | Self::AccountableTo | Self::Commissions
        )
    }
}

choice! {
    /// The sector a partner organisation belongs to.
    pub enum Sector {
        LocalGovernment => ("local_government", "Local government"),
        Public => ("public", "Other public sector"),
        Health => ("health", "Health"),
        PoliceFireProbation => ("police_fire_probation", "Police, fire and probation"),
        Education => ("education", "Education"),
        VoluntaryCommunity => ("voluntary_community", "Voluntary and community"),
        Faith => ("faith", "Faith"),
        Private => ("private", "Private"),
        Housing => ("housing", "Housing provider"),
        ParishTown => ("parish_town", "Parish or town council"),
    }
    default Public
}

choice! {
    /// An organisation's role in a partnership.
    pub enum MembershipRole {
        Chair => ("chair", "Chair"),
        ViceChair => ("vice_chair", "Vice-chair"),
        AccountableBody => ("accountable_body", "Accountable body"),
        Secretariat => ("secretariat", "Secretariat"),
        Member => ("member", "Member"),
        CoOpted => ("co_opted", "Co-opted"),
        Observer => ("observer", "Observer"),
    }
    default Member
}

choice! {
    /// Whether a person is a council officer or an elected member.
    pub enum PersonKind {
        Officer => ("officer", "Officer"),
        Councillor => ("councillor", "Councillor"),
    }
    default Officer
}

choice! {
    /// A representative's role on the body they sit on.
    pub enum RoleOnBody {
        Chair => ("chair", "Chair"),
        ViceChair => ("vice_chair", "Vice-chair"),
        BoardMember => ("board_member", "Board member"),
        Director => ("director", "Director"),
        Trustee => ("trustee", "Trustee"),
        LeadOfficer => ("lead_officer", "Lead officer"),
        SupportOfficer => ("support_officer", "Supporting officer"),
        Observer => ("observer", "Observer"),
        Substitute => ("substitute", "Substitute"),
    }
    default BoardMember
}

choice! {
    /// Who appointed a representative.
    pub enum AppointedBy {
        Council => ("council", "Full Council"),
        Cabinet => ("cabinet", "Cabinet"),
        Leader => ("leader", "Leader"),
        ChiefExecutive => ("chief_executive", "Chief Executive (delegated)"),
        Director => ("director", "Director"),
        Partnership => ("partnership", "The partnership"),
    }
    default Council
}

choice! {
    /// The form of a council contribution.
    pub enum ContributionKind {
        Grant => ("grant", "Grant"),
        Revenue => ("revenue_contribution", "Revenue contribution"),
        InKind => ("in_kind", "In kind"),
        Capital => ("capital", "Capital"),
        Subscription => ("subscription", "Subscription or fee"),
        Secondment => ("staff_secondment", "Staff secondment"),
    }
    default Revenue
}

choice! {
    /// Red, amber, green rating of a measure.
    pub enum Rag {
        NotRated => ("not_rated", "Not rated"),
        Red => ("red", "Red"),
        Amber => ("amber", "Amber"),
        Green => ("green", "Green"),
    }
    default NotRated
}

choice! {
    /// Progress of an action plan item.
    pub enum ActionStatus {
        NotStarted => ("not_started", "Not started"),
        InProgress => ("in_progress", "In progress"),
        Done => ("done", "Done"),
        Cancelled => ("cancelled", "Cancelled"),
    }
    default NotStarted
}

impl ActionStatus {
    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

choice! {
    /// A three-step band (risk, value).
    pub enum Band {
        Low => ("low", "Low"),
        Medium => ("medium", "Medium"),
        High => ("high", "High"),
    }
    default Medium
}

choice! {
    /// Value for money, in Audit Commission words.
    pub enum ValueForMoney {
        Good => ("good", "Good"),
        Fair => ("fair", "Fair"),
        Poor => ("poor", "Poor"),
    }
    default Fair
}

choice! {
    /// Governance health, from the annual health check (1 best, 4 worst).
    pub enum GovernanceRating {
        Excellent => ("excellent", "Excellent"),
        Good => ("good", "Good"),
        SomeWeaknesses => ("some_weaknesses", "Some key areas for improvement"),
        ManyWeaknesses => ("many_weaknesses", "Many key weaknesses"),
    }
    default Good
}

choice! {
    /// What the council should do about its input to a partnership.
    pub enum Recommendation {
        Increase => ("increase", "Increase"),
        Maintain => ("maintain", "Maintain"),
        Review => ("review", "Review"),
        Reduce => ("reduce", "Reduce"),
        Withdraw => ("withdraw", "Withdraw"),
        RemoveFromRegister => ("remove_from_register", "Remove from register"),
    }
    default Maintain
}

choice! {
    /// Which picture a saved view draws.
    pub enum ViewKind {
        Structure => ("structure", "Structure"),
        Involvement => ("involvement", "Council involvement"),
        Membership => ("membership", "Membership network"),
    }
    default Structure
}

choice! {
    /// The org-id.guide list an organisation identifier comes from.
    pub enum OrgIdScheme {
        CompaniesHouse => ("GB-COH", "GB-COH (Companies House)"),
        Charity => ("GB-CHC", "GB-CHC (Charity Commission)"),
        LocalAuthority => ("GB-LAE", "GB-LAE (English local authority)"),
        Nhs => ("GB-NHS", "GB-NHS (NHS organisation)"),
        Education => ("GB-EDU", "GB-EDU (school or college)"),
        SocialHousing => ("GB-SHPE", "GB-SHPE (social housing provider)"),
        Mutual => ("GB-MPR", "GB-MPR (mutual society)"),
        GovernmentOrg => ("GB-GOV", "GB-GOV (government body)"),
    }
    default CompaniesHouse
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_parse_back() {
        for kind in PartnershipKind::ALL {
            assert_eq!(PartnershipKind::parse(kind.code()), Some(*kind));
            assert_eq!(
                PartnershipKind::parse(&kind.label().to_uppercase()),
                Some(*kind)
            );
        }
        assert_eq!(
            PartnershipKind::parse("  outside body "),
            Some(PartnershipKind::OutsideBody)
        );
        assert_eq!(PartnershipKind::parse("quango"), None);
    }

    #[test]
    fn serde_uses_the_stable_code() {
        let json = serde_json::to_string(&PartnershipStatus::Removed).expect("serialise");
        assert_eq!(json, "\"removed\"");
        let back: PartnershipStatus = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, PartnershipStatus::Removed);
    }

    #[test]
    fn formal_relationships_are_the_accountability_lines() {
        assert!(RelationshipKind::ReportsTo.is_formal());
        assert!(!RelationshipKind::Advises.is_formal());
    }
}
