//! Typed identifiers: a partnership id can never be passed where an organisation id is meant.

macro_rules! ids {
    ($( $(#[$meta:meta])* $name:ident ),+ $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
            #[serde(transparent)]
            pub struct $name(pub i64);

            impl $name {
                /// The id after the highest one in `map`: what a new record gets.
                pub fn next_in<T>(map: &std::collections::BTreeMap<Self, T>) -> Self {
                    Self(map.keys().next_back().map_or(1, |last| last.0 + 1))
                }
            }

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    write!(f, "{}", self.0)
                }
            }
        )+
    };
}

ids! {
    /// A partnership (any body on the register).
    PartnershipId,
    /// A typed relationship between two partnerships.
    RelationshipId,
    /// A partner organisation.
    OrganisationId,
    /// An organisation's membership of a partnership.
    MembershipId,
    /// An officer or councillor.
    PersonId,
    /// A person representing the council on a partnership.
    RepresentationId,
    /// A route by which a representative reports back into the council.
    ReportBackRouteId,
    /// One year's money or in-kind input to a partnership.
    ContributionId,
    /// A community strategy theme.
    ThemeId,
    /// A corporate priority.
    PriorityId,
    /// A strategy document.
    StrategyId,
    /// A strategic objective of a strategy document.
    ObjectiveId,
    /// A key performance measure of an objective.
    MeasureId,
    /// An action plan item.
    ActionId,
    /// One dated assessment of a partnership.
    AssessmentId,
    /// A saved diagram view.
    ViewId,
    /// A named, dated copy of the register.
    SnapshotId,
    /// A questionnaire round.
    RoundId,
}
