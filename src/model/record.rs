//! `Record`: any one row of the register, and `RecordKey`: what identifies it.
//!
//! The `entities!` list below is the one place that names every kind of record; the register's
//! maps, the keys, the reference checks and the store's tables all follow from it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entities::*;
use super::ids::*;
use super::report_back::ReportBackRoute;
use super::round::Round;
use super::scheme::ScoringScheme;

/// A kind of record kept in the register, stored in a map keyed by `Key`.
pub trait Entity: Clone + PartialEq + Into<Record> {
    /// What identifies one record of this kind.
    type Key: Ord + Copy + std::fmt::Debug;
    /// Which kind this is.
    const KIND: EntityKind;
    /// This record's key.
    fn key(&self) -> Self::Key;
    /// This record's key, wrapped for mixing with other kinds.
    fn record_key(&self) -> RecordKey;
    /// The map in the register that holds records of this kind.
    fn map(register: &Register) -> &BTreeMap<Self::Key, Self>;
    /// The same map, to change.
    fn map_mut(register: &mut Register) -> &mut BTreeMap<Self::Key, Self>;
    /// The records that must exist for this one to make sense.
    fn references(&self) -> Vec<RecordKey>;
    /// Words for the user naming this record ("partnership “Community Safety Partnership”").
    fn title(&self) -> String;
}

macro_rules! entities {
    ($( $variant:ident($ty:ty) key $key:ty, map $field:ident, $label:literal; )+) => {
        /// Every kind of record, for audit entries, store tables and messages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum EntityKind {
            /// The register's settings (one record).
            Settings,
            $( #[doc = $label] $variant, )+
        }

        impl EntityKind {
            /// Every kind, settings first.
            pub const ALL: &'static [Self] = &[Self::Settings, $(Self::$variant),+];

            /// Lower-case plural for counts ("partnerships", "people").
            pub fn plural_label(self) -> String {
                super::words::plural(self.label())
            }

            /// Lower-case words for messages ("partnership", "theme tag").
            pub fn label(self) -> &'static str {
                match self {
                    Self::Settings => "register settings",
                    $(Self::$variant => $label,)+
                }
            }
        }

        /// Any one record of the register.
        // Records are built and moved one at a time; boxing the big ones would only add
        // allocations and noise to every match.
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "entity", content = "record", rename_all = "snake_case")]
        pub enum Record {
            /// The register's settings.
            Settings(RegisterSettings),
            $( #[doc = $label] $variant($ty), )+
        }

        /// What identifies a record.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(tag = "entity", content = "key", rename_all = "snake_case")]
        pub enum RecordKey {
            /// The register's settings.
            Settings,
            $( #[doc = $label] $variant($key), )+
        }

        impl From<RegisterSettings> for Record {
            fn from(settings: RegisterSettings) -> Self {
                Record::Settings(settings)
            }
        }

        $(
            impl From<$ty> for Record {
                fn from(record: $ty) -> Self {
                    Record::$variant(record)
                }
            }
        )+

        impl Record {
            /// The kind of record.
            pub fn kind(&self) -> EntityKind {
                match self {
                    Self::Settings(_) => EntityKind::Settings,
                    $(Self::$variant(_) => EntityKind::$variant,)+
                }
            }

            /// What identifies it.
            pub fn key(&self) -> RecordKey {
                match self {
                    Self::Settings(_) => RecordKey::Settings,
                    $(Self::$variant(record) => record.record_key(),)+
                }
            }

            /// The records it needs.
            pub fn references(&self) -> Vec<RecordKey> {
                match self {
                    Self::Settings(settings) => settings
                        .council_organisation
                        .map(RecordKey::Organisation)
                        .into_iter()
                        .collect(),
                    $(Self::$variant(record) => record.references(),)+
                }
            }

            /// Words naming it.
            pub fn title(&self) -> String {
                match self {
                    Self::Settings(_) => "register settings".to_string(),
                    $(Self::$variant(record) => record.title(),)+
                }
            }
        }

        impl RecordKey {
            /// The kind of record.
            pub fn kind(&self) -> EntityKind {
                match self {
                    Self::Settings => EntityKind::Settings,
                    $(Self::$variant(_) => EntityKind::$variant,)+
                }
            }
        }

        impl Register {
            /// The record with this key, if the register has it.
            pub fn get(&self, key: &RecordKey) -> Option<Record> {
                match key {
                    RecordKey::Settings => Some(Record::Settings(self.settings.clone())),
                    $(RecordKey::$variant(k) => self.$field.get(k).cloned().map(Record::$variant),)+
                }
            }

            /// Whether the register has a record with this key.
            pub fn contains(&self, key: &RecordKey) -> bool {
                match key {
                    RecordKey::Settings => true,
                    $(RecordKey::$variant(k) => self.$field.contains_key(k),)+
                }
            }

            /// Every record in a stable order (kind, then key), each after the records it links
            /// to; the settings, which link to the council's organisation, come last.
            pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
                std::iter::empty()
                    $(.chain(self.$field.values().cloned().map(Record::$variant)))+
                    .chain(std::iter::once(Record::Settings(self.settings.clone())))
            }

            /// Every record that needs the record `key` to exist.
            pub fn referrers(&self, key: &RecordKey) -> Vec<RecordKey> {
                let mut found = Vec::new();
                if self.settings.council_organisation.map(RecordKey::Organisation).as_ref() == Some(key) {
                    found.push(RecordKey::Settings);
                }
                $(
                    for record in self.$field.values() {
                        if record.references().contains(key) {
                            found.push(record.record_key());
                        }
                    }
                )+
                found
            }

            /// How many records of each kind the register holds (settings not counted).
            pub fn counts(&self) -> Vec<(EntityKind, usize)> {
                vec![$((EntityKind::$variant, self.$field.len()),)+]
            }

            pub(super) fn put_record(&mut self, record: Record) {
                match record {
                    Record::Settings(settings) => self.settings = settings,
                    $(Record::$variant(r) => { self.$field.insert(r.key(), r); })+
                }
            }

            pub(super) fn remove_record(&mut self, key: &RecordKey) {
                match key {
                    RecordKey::Settings => {}
                    $(RecordKey::$variant(k) => { self.$field.remove(k); })+
                }
            }
        }

        /// The whole register in memory: its settings and one map per kind of record.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Register {
            /// Register-wide settings.
            pub settings: RegisterSettings,
            $( #[doc = $label] pub $field: BTreeMap<$key, $ty>, )+
        }
    };
}

entities! {
    // In dependency order: every kind comes after the kinds it links to, so `records()` can be
    // written out in order with each link already in place.
    Organisation(Organisation) key OrganisationId, map organisations, "organisation";
    Person(Person) key PersonId, map people, "person";
    Partnership(Partnership) key PartnershipId, map partnerships, "partnership";
    Relationship(Relationship) key RelationshipId, map relationships, "relationship";
    Membership(Membership) key MembershipId, map memberships, "membership";
    Representation(Representation) key RepresentationId, map representations, "representation";
    ReportBackRoute(ReportBackRoute) key ReportBackRouteId, map report_back_routes, "report-back route";
    Contribution(Contribution) key ContributionId, map contributions, "contribution";
    Theme(Theme) key ThemeId, map themes, "theme";
    Priority(Priority) key PriorityId, map priorities, "corporate priority";
    ThemeTag(ThemeTag) key (PartnershipId, ThemeId), map theme_tags, "theme tag";
    PriorityTag(PriorityTag) key (PartnershipId, PriorityId), map priority_tags, "priority tag";
    Strategy(Strategy) key StrategyId, map strategies, "strategy document";
    Objective(Objective) key ObjectiveId, map objectives, "objective";
    Measure(Measure) key MeasureId, map measures, "measure";
    ObjectiveDelivery(ObjectiveDelivery) key (PartnershipId, ObjectiveId), map objective_deliveries, "objective delivery";
    Action(Action) key ActionId, map actions, "action";
    ScoringScheme(ScoringScheme) key u32, map scoring_schemes, "scoring scheme";
    Assessment(Assessment) key AssessmentId, map assessments, "assessment";
    View(View) key ViewId, map views, "view";
    NodePosition(NodePosition) key (ViewId, NodeRef), map node_positions, "node position";
    Snapshot(Snapshot) key SnapshotId, map snapshots, "snapshot";
    Round(Round) key RoundId, map rounds, "questionnaire round";
}

/// Implements `Entity` for one kind: its key, map, references and title.
macro_rules! entity {
    ($ty:ident, $variant:ident, $field:ident, |$r:ident| key $key_expr:expr, refs $refs:expr, title $title:expr) => {
        impl Entity for $ty {
            type Key = <$ty as KeyOf>::Key;
            const KIND: EntityKind = EntityKind::$variant;
            fn key(&self) -> Self::Key {
                let $r = self;
                $key_expr
            }
            fn record_key(&self) -> RecordKey {
                RecordKey::$variant(self.key())
            }
            fn map(register: &Register) -> &BTreeMap<Self::Key, Self> {
                &register.$field
            }
            fn map_mut(register: &mut Register) -> &mut BTreeMap<Self::Key, Self> {
                &mut register.$field
            }
            #[allow(unused_variables)] // some kinds refer to nothing
            fn references(&self) -> Vec<RecordKey> {
                let $r = self;
                $refs
            }
            #[allow(unused_variables)] // some titles name no field
            fn title(&self) -> String {
                let $r = self;
                $title
            }
        }
    };
}

/// Ties each record type to its key type (keeps the `entity!` calls short).
pub trait KeyOf {
    /// The key type.
    type Key;
}

macro_rules! key_of {
    ($($ty:ty => $key:ty),+ $(,)?) => { $(impl KeyOf for $ty { type Key = $key; })+ };
}

key_of! {
    Partnership => PartnershipId, Relationship => RelationshipId, Organisation => OrganisationId,
    Membership => MembershipId, Person => PersonId, Representation => RepresentationId,
    Contribution => ContributionId, Theme => ThemeId, Priority => PriorityId,
    ThemeTag => (PartnershipId, ThemeId), PriorityTag => (PartnershipId, PriorityId),
    Strategy => StrategyId, Objective => ObjectiveId, Measure => MeasureId,
    ObjectiveDelivery => (PartnershipId, ObjectiveId), Action => ActionId,
    Assessment => AssessmentId, View => ViewId, NodePosition => (ViewId, NodeRef),
    Snapshot => SnapshotId, ScoringScheme => u32, ReportBackRoute => ReportBackRouteId,
    Round => RoundId,
}

fn quoted(kind: &str, name: &str) -> String {
    format!("{kind} “{name}”")
}

entity!(Partnership, Partnership, partnerships, |r| key r.id,
    refs {
        let mut refs: Vec<RecordKey> = r.responsible_officer.map(RecordKey::Person).into_iter().collect();
        refs.extend(r.accountable_body.map(RecordKey::Organisation));
        refs
    },
    title quoted("partnership", &r.name));
entity!(Relationship, Relationship, relationships, |r| key r.id,
    refs vec![RecordKey::Partnership(r.from), RecordKey::Partnership(r.to)],
    title format!("{} relationship", r.kind.label().to_lowercase()));
entity!(Organisation, Organisation, organisations, |r| key r.id,
    refs Vec::new(), title quoted("organisation", &r.name));
entity!(Membership, Membership, memberships, |r| key r.id,
    refs vec![RecordKey::Partnership(r.partnership), RecordKey::Organisation(r.organisation)],
    title "membership".to_string());
entity!(Person, Person, people, |r| key r.id, refs Vec::new(), title quoted("person", &r.name));
entity!(Representation, Representation, representations, |r| key r.id,
    refs vec![RecordKey::Person(r.person), RecordKey::Partnership(r.partnership)],
    title "representation".to_string());
entity!(ReportBackRoute, ReportBackRoute, report_back_routes, |r| key r.id,
refs vec![RecordKey::Representation(r.representation)],
title if r.recipient.is_empty() {
    format!("report-back route to {}", r.audience.label().to_lowercase())
} else {
    quoted("report-back route to", &r.recipient)
});
entity!(Contribution, Contribution, contributions, |r| key r.id,
    refs vec![RecordKey::Partnership(r.partnership)],
    title format!("{} contribution of {}", r.year, r.amount));
entity!(Theme, Theme, themes, |r| key r.id, refs Vec::new(), title quoted("theme", &r.name));
entity!(Priority, Priority, priorities, |r| key r.id, refs Vec::new(),
    title quoted("corporate priority", &r.name));
entity!(ThemeTag, ThemeTag, theme_tags, |r| key (r.partnership, r.theme),
    refs vec![RecordKey::Partnership(r.partnership), RecordKey::Theme(r.theme)],
    title "theme tag".to_string());
entity!(PriorityTag, PriorityTag, priority_tags, |r| key (r.partnership, r.priority),
    refs vec![RecordKey::Partnership(r.partnership), RecordKey::Priority(r.priority)],
    title "priority tag".to_string());
entity!(Strategy, Strategy, strategies, |r| key r.id,
    refs r.owner.map(RecordKey::Organisation).into_iter().collect(),
    title quoted("strategy", &r.title));
entity!(Objective, Objective, objectives, |r| key r.id,
    refs vec![RecordKey::Strategy(r.strategy)], title quoted("objective", &r.text));
entity!(Measure, Measure, measures, |r| key r.id,
    refs vec![RecordKey::Objective(r.objective)], title quoted("measure", &r.name));
entity!(ObjectiveDelivery, ObjectiveDelivery, objective_deliveries, |r| key (r.partnership, r.objective),
    refs vec![RecordKey::Partnership(r.partnership), RecordKey::Objective(r.objective)],
    title "objective delivery".to_string());
entity!(Action, Action, actions, |r| key r.id,
    refs {
        let mut refs: Vec<RecordKey> = r.partnership.map(RecordKey::Partnership).into_iter().collect();
        refs.extend(r.owner.map(RecordKey::Person));
        refs
    },
    title quoted("action", &r.title));
entity!(Assessment, Assessment, assessments, |r| key r.id,
    refs {
        // Version 0: made before schemes were stored (or imported unscored); no scheme to keep.
        let mut refs = vec![RecordKey::Partnership(r.partnership)];
        if r.scheme_version > 0 {
            refs.push(RecordKey::ScoringScheme(r.scheme_version));
        }
        refs
    },
    title format!("assessment of {}", r.date.map(|d| d.to_string()).unwrap_or_default()));
entity!(View, View, views, |r| key r.id, refs Vec::new(), title quoted("view", &r.name));
entity!(NodePosition, NodePosition, node_positions, |r| key (r.view, r.node),
    refs vec![RecordKey::View(r.view), match r.node {
        NodeRef::Partnership(id) => RecordKey::Partnership(id),
        NodeRef::Organisation(id) => RecordKey::Organisation(id),
    }],
    title "node position".to_string());
entity!(Snapshot, Snapshot, snapshots, |r| key r.id, refs Vec::new(), title quoted("snapshot", &r.name));
entity!(Round, Round, rounds, |r| key r.id, refs Vec::new(), title quoted("questionnaire round", &r.name));
entity!(ScoringScheme, ScoringScheme, scoring_schemes, |r| key r.version, refs Vec::new(),
    title format!("scoring scheme version {}", r.version));
