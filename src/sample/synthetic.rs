//! Synthetic registers: the sample's shape, copied and varied to any size.
//!
//! A register of N partnerships is made of copies of the sample (the last one cut short). Each
//! copy is a council area of its own: every place name of the sample (district, town, county,
//! city, river, villages, neighbouring councils) is replaced by a newly invented one, never
//! used before in the register, so "Ashmere Vale Community Safety Partnership" becomes, say,
//! "Kestford Downs Community Safety Partnership" and names stay plausible and distinct. People
//! get new names; organisations new identifiers of the same shape (valid for their org-id
//! list) and new ONS codes. Within a copy the structure is the sample's (so the mix of kinds,
//! levels, statuses and relationships is the same, two-parent partnerships included) while
//! the details vary with the seed: dates move, governance evidence and exit strategies come
//! and go, memberships and representatives are sometimes dropped, hours and money scale, and
//! assessment ratings move a step and are scored again. Organisations and people are created
//! when first needed, and each copy gets invented local organisations (parish councils,
//! community groups, firms, schools) with a membership or two until it has about two
//! organisations per partnership. The council itself, the themes, priorities, views and the
//! national bodies (Environment Agency, Homes England ...) are shared by all copies.
//!
//! Everything goes in through `Register::apply`, as for the sample. The same seed gives the
//! same register.

use std::collections::HashMap;

use super::SampleRng;
use chrono::{Datelike, NaiveDate, TimeDelta};
use rand::{Rng, SeedableRng};

use super::load::{Built, build_sample, email};
use super::names::{NamePool, invent_place, slug};
use super::scoring;
use crate::model::{
    Action, ActionId, Assessment, AssessmentId, Contribution, ContributionId, Edit, Hours, Measure,
    MeasureId, Membership, MembershipId, MembershipRole, Money, Objective, ObjectiveDelivery,
    ObjectiveId, OrgIdScheme, Organisation, OrganisationId, Partnership, PartnershipId, Person,
    PersonId, PersonKind, PriorityTag, Record, Register, Relationship, RelationshipId,
    ReportBackRoute, ReportBackRouteId, Representation, RepresentationId, Sector, Strategy,
    StrategyId, ThemeTag, validate_org_id,
};

/// Which of a copy's places a word of the sample stands for.
#[derive(Clone, Copy)]
enum Slot {
    District,
    Town,
    NorthCounty,
    County,
    CountyStem,
    City,
    River,
    Village(usize),
    Neighbour(usize),
    OtherCounty,
    /// The district's initials followed by these letters ("AVP" for Ashmere Vale Partnership).
    Initials(&'static str),
}

/// The sample's place words. Longer words are matched first, so "Ashmere Vale" wins over
/// "Ashmere" and "Mardleshire" over "Mardle".
const TOKENS: &[(&str, Slot)] = &[
    ("Ashmere Vale", Slot::District),
    ("Ashmere", Slot::Town),
    ("North Mardleshire", Slot::NorthCounty),
    ("Mardleshire", Slot::County),
    ("Mardleford", Slot::City),
    ("Mardle", Slot::CountyStem),
    ("Ebbsworth", Slot::City),
    ("Lisle", Slot::River),
    ("Kestleigh", Slot::Village(0)),
    ("Hollinbury", Slot::Village(1)),
    ("Osbury", Slot::Village(2)),
    ("Marlcombe", Slot::Village(3)),
    ("Thrapley", Slot::Village(4)),
    ("Wendle St Mary", Slot::Village(5)),
    ("Fennick", Slot::Village(6)),
    ("Coldbrook", Slot::Village(7)),
    ("Brantham Magna", Slot::Village(8)),
    ("Saxby", Slot::Village(9)),
    ("Harrowfield", Slot::Neighbour(0)),
    ("Sallow Heath", Slot::Neighbour(1)),
    ("Kelbourne", Slot::Neighbour(2)),
    ("Wrenford", Slot::Neighbour(3)),
    ("Corvell", Slot::Neighbour(4)),
    ("South Tressel", Slot::Neighbour(5)),
    ("Tresselshire", Slot::OtherCounty),
    ("AVP", Slot::Initials("P")),
    ("AVCVS", Slot::Initials("CVS")),
];

const VILLAGES: usize = 10;
const NEIGHBOURS: usize = 6;

/// The invented places of one copy.
struct Places {
    district: String,
    town: String,
    county_stem: String,
    county: String,
    city: String,
    river: String,
    villages: Vec<String>,
    neighbours: Vec<String>,
    other_county: String,
}

impl Places {
    fn invent(rng: &mut SampleRng, pool: &mut NamePool) -> Self {
        let town = pool.place(rng);
        let district = pool.district(rng, &town);
        let county_stem = pool.county_stem(rng);
        let other_stem = pool.county_stem(rng);
        Self {
            district,
            town,
            county: format!("{county_stem}shire"),
            county_stem,
            city: pool.place(rng),
            river: pool.river(rng),
            villages: (0..VILLAGES).map(|_| pool.place(rng)).collect(),
            neighbours: (0..NEIGHBOURS).map(|_| pool.place(rng)).collect(),
            other_county: format!("{other_stem}shire"),
        }
    }

    fn value(&self, slot: Slot) -> String {
        match slot {
            Slot::District => self.district.clone(),
            Slot::Town => self.town.clone(),
            Slot::NorthCounty => format!("North {}", self.county),
            Slot::County => self.county.clone(),
            Slot::CountyStem => self.county_stem.clone(),
            Slot::City => self.city.clone(),
            Slot::River => self.river.clone(),
            Slot::Village(i) => self.villages[i % VILLAGES].clone(),
            Slot::Neighbour(i) => self.neighbours[i % NEIGHBOURS].clone(),
            Slot::OtherCounty => self.other_county.clone(),
            Slot::Initials(letters) => {
                let initials: String = self
                    .district
                    .split_whitespace()
                    .filter_map(|word| word.chars().next())
                    .collect();
                format!("{initials}{letters}")
            }
        }
    }

    /// A place of this copy to name a local organisation after.
    fn any(&self, rng: &mut SampleRng) -> &str {
        match rng.random_range(0..VILLAGES + 2) {
            0 => &self.town,
            1 => &self.city,
            i => &self.villages[i - 2],
        }
    }
}

/// Replaces the sample's place words (and their lower-case web-site forms) in text.
struct Renamer {
    /// Replacements by the first byte of the word replaced, longest first.
    by_first_byte: Vec<Vec<(String, String)>>,
}

impl Renamer {
    fn new(places: &Places) -> Self {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for &(word, slot) in TOKENS {
            let value = places.value(slot);
            pairs.push((slug(word), slug(&value)));
            pairs.push((word.to_string(), value));
        }
        pairs.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
        let mut by_first_byte = vec![Vec::new(); 256];
        for (from, to) in pairs {
            if let Some(&first) = from.as_bytes().first() {
                by_first_byte[usize::from(first)].push((from, to));
            }
        }
        Self { by_first_byte }
    }

    /// The text with every place word that starts a word replaced.
    fn rename(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        let mut word_start = true;
        while let Some(ch) = rest.chars().next() {
            if word_start {
                let candidates = &self.by_first_byte[usize::from(rest.as_bytes()[0])];
                if let Some((from, to)) = candidates
                    .iter()
                    .find(|(from, _)| rest.starts_with(from.as_str()))
                {
                    out.push_str(to);
                    rest = &rest[from.len()..];
                    word_start = false;
                    continue;
                }
            }
            out.push(ch);
            rest = &rest[ch.len_utf8()..];
            word_start = !ch.is_alphanumeric();
        }
        out
    }
}

/// The sample's records grouped by partnership, looked up once.
struct Template {
    register: Register,
    partnerships: Vec<PartnershipId>,
    memberships: HashMap<PartnershipId, Vec<MembershipId>>,
    representations: HashMap<PartnershipId, Vec<RepresentationId>>,
    contributions: HashMap<PartnershipId, Vec<ContributionId>>,
    assessments: HashMap<PartnershipId, Vec<AssessmentId>>,
}

impl Template {
    fn new(register: Register) -> Self {
        fn group<K: Copy>(
            items: impl Iterator<Item = (PartnershipId, K)>,
        ) -> HashMap<PartnershipId, Vec<K>> {
            let mut map: HashMap<PartnershipId, Vec<K>> = HashMap::new();
            for (partnership, key) in items {
                map.entry(partnership).or_default().push(key);
            }
            map
        }
        Self {
            partnerships: register.partnerships.keys().copied().collect(),
            memberships: group(register.memberships.values().map(|m| (m.partnership, m.id))),
            representations: group(
                register
                    .representations
                    .values()
                    .map(|r| (r.partnership, r.id)),
            ),
            contributions: group(
                register
                    .contributions
                    .values()
                    .map(|c| (c.partnership, c.id)),
            ),
            assessments: group(register.assessments.values().map(|a| (a.partnership, a.id))),
            register,
        }
    }
}

/// The register being made, and what it refused.
struct Output {
    register: Register,
    problems: Vec<String>,
}

impl Output {
    fn add(&mut self, record: impl Into<Record>) -> bool {
        match self.register.apply(&Edit::insert(record)) {
            Ok(()) => true,
            Err(error) => {
                self.problems.push(format!("synthetic register: {error}"));
                false
            }
        }
    }
}

/// State that lives across copies.
struct Generator<'t> {
    template: &'t Template,
    rng: SampleRng,
    pool: NamePool,
    out: Output,
    /// Template organisations shared by every copy (the council, national bodies).
    shared: HashMap<OrganisationId, OrganisationId>,
    council: Option<OrganisationId>,
}

/// One copy (an "area") and its mapping from template ids to its own.
struct Area<'p> {
    places: &'p Places,
    renamer: Renamer,
    organisations: HashMap<OrganisationId, OrganisationId>,
    people: HashMap<PersonId, PersonId>,
    partnerships: HashMap<PartnershipId, PartnershipId>,
    created_organisations: usize,
}

/// Builds a synthetic register of `target` partnerships for `seed`, with the problems the
/// model reported (none expected).
pub(super) fn generate(target: usize, seed: u64) -> Built {
    let built = build_sample();
    let template = Template::new(built.register);
    let mut pool = NamePool::default();
    for (word, _) in TOKENS {
        pool.reserve(word);
    }
    let mut generator = Generator {
        template: &template,
        rng: SampleRng::seed_from_u64(seed),
        pool,
        out: Output {
            // With the default scoring scheme, which the copied assessments were made with.
            register: Register::without_views(""),
            problems: built.problems,
        },
        shared: HashMap::new(),
        council: None,
    };
    let first_places = Places::invent(&mut generator.rng, &mut generator.pool);
    generator.start(&first_places);
    let per_copy = template.partnerships.len();
    if per_copy > 0 {
        let copies = target.div_ceil(per_copy);
        for index in 0..copies {
            let count = per_copy.min(target - index * per_copy);
            if index == 0 {
                generator.copy(&first_places, count);
            } else {
                let places = Places::invent(&mut generator.rng, &mut generator.pool);
                generator.copy(&places, count);
            }
        }
    }
    Built {
        register: generator.out.register,
        problems: generator.out.problems,
    }
}

/// A date moved by `days`.
fn shift(date: Option<NaiveDate>, days: i64) -> Option<NaiveDate> {
    date.and_then(|d| d.checked_add_signed(TimeDelta::days(days)))
}

/// Money scaled by 60-140%, to the nearest £100 (never to nothing).
fn vary_money(rng: &mut SampleRng, money: Money) -> Money {
    let percent = rng.random_range(60..=140i64);
    let pence = money.pence.saturating_mul(percent) / 100;
    let rounded = (pence + 5_000) / 10_000 * 10_000;
    Money {
        pence: if money.pence > 0 {
            rounded.max(10_000)
        } else {
            rounded
        },
    }
}

/// Hours scaled by 50-150%, to a tenth.
fn vary_hours(rng: &mut SampleRng, hours: Hours) -> Hours {
    Hours {
        tenths: hours.tenths * rng.random_range(50..=150u32) / 100,
    }
}

/// A rating moved one step a quarter of the time, kept within its scale.
fn vary_ratings(rng: &mut SampleRng, ratings: [u8; 6], low: u8, high: u8) -> [u8; 6] {
    ratings.map(|r| match rng.random_range(0..8) {
        0 => r.saturating_sub(1).max(low),
        1 => (r + 1).min(high),
        _ => r,
    })
}

/// A new identifier with the shape of `template` in its list.
fn fresh_org_id(rng: &mut SampleRng, scheme: OrgIdScheme, template: &str) -> String {
    let digits = |rng: &mut SampleRng, n: usize| -> String {
        (0..n)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect()
    };
    let letter = |rng: &mut SampleRng| char::from(b'A' + rng.random_range(0..26u8));
    let made = match scheme {
        OrgIdScheme::CompaniesHouse => format!("{:08}", rng.random_range(100_000..15_000_000u32)),
        OrgIdScheme::Charity => format!("{}", rng.random_range(1_000_000..1_210_000u32)),
        OrgIdScheme::LocalAuthority => (0..3).map(|_| letter(rng)).collect(),
        OrgIdScheme::Education => format!("{}", rng.random_range(100_000..150_000u32)),
        OrgIdScheme::SocialHousing => format!("LH{}", digits(rng, 4)),
        OrgIdScheme::Mutual => format!("{}R", digits(rng, 5)),
        OrgIdScheme::Nhs | OrgIdScheme::GovernmentOrg => template
            .chars()
            .enumerate()
            .map(|(i, c)| match c {
                _ if i == 0 => c,
                '0'..='9' => char::from(b'0' + rng.random_range(0..10u8)),
                'A'..='Z' => letter(rng),
                other => other,
            })
            .collect(),
    };
    validate_org_id(scheme, &made).unwrap_or_default()
}

fn pick<'a>(rng: &mut SampleRng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// A name for a local organisation of `sector` in `place`.
fn local_name(rng: &mut SampleRng, sector: Sector, place: &str) -> String {
    const TRADES: &[&str] = &[
        "Garage",
        "Builders",
        "Joinery",
        "Nurseries",
        "Hotel",
        "Dairy",
        "Engineering",
        "Print",
        "Haulage",
        "Farm Shop",
        "Motors",
        "Veterinary Practice",
        "Pharmacy",
        "Solicitors",
    ];
    const GROUPS: &[&str] = &[
        "Community Association",
        "Village Hall Trust",
        "Good Neighbours Scheme",
        "Youth Club",
        "Men's Shed",
        "Allotment Society",
        "Over-60s Club",
        "Community Larder",
        "Carers Group",
        "Scout Group",
        "Community Transport",
        "Sports Club",
        "Women's Institute",
        "Residents' Association",
        "Foodbank",
    ];
    match sector {
        Sector::ParishTown => format!("{place} Parish Council"),
        Sector::Private => format!("{place} {} Ltd", pick(rng, TRADES)),
        Sector::Education => {
            format!(
                "{place} {}",
                pick(
                    rng,
                    &["Primary School", "Academy", "Pre-school", "Infant School"]
                )
            )
        }
        Sector::Faith => {
            format!(
                "{place} {}",
                pick(
                    rng,
                    &[
                        "Methodist Church",
                        "Baptist Church",
                        "Parish Church",
                        "Gurdwara",
                        "Mosque"
                    ]
                )
            )
        }
        Sector::Health => {
            format!(
                "{place} {}",
                pick(rng, &["Surgery", "Medical Practice", "Health Centre"])
            )
        }
        Sector::Housing => {
            format!(
                "{place} {}",
                pick(rng, &["Homes", "Housing Association", "Housing Trust"])
            )
        }
        Sector::LocalGovernment => format!("{place} District Council"),
        Sector::PoliceFireProbation => format!("{place} Community Safety Team"),
        Sector::Public => format!(
            "{place} {}",
            pick(rng, &["Library", "Museum", "Country Park"])
        ),
        Sector::VoluntaryCommunity => format!("{place} {}", pick(rng, GROUPS)),
    }
}

impl Generator<'_> {
    /// What every copy shares: themes, priorities, views, the council and the settings.
    fn start(&mut self, places: &Places) {
        let t = &self.template.register;
        let renamer = Renamer::new(places);
        for theme in t.themes.values() {
            self.out.add(theme.clone());
        }
        for priority in t.priorities.values() {
            self.out.add(priority.clone());
        }
        for view in t.views.values() {
            self.out.add(view.clone());
        }
        if let Some(template_council) = t.settings.council_organisation
            && let Some(org) = t.organisations.get(&template_council)
        {
            let id = OrganisationId::next_in(&self.out.register.organisations);
            let name = renamer.rename(&org.name);
            self.pool.reserve(&name);
            let council = Organisation {
                id,
                name,
                org_id: org
                    .org_id_scheme
                    .map(|scheme| fresh_org_id(&mut self.rng, scheme, &org.org_id))
                    .unwrap_or_default(),
                ons_code: self.fresh_ons(&org.ons_code),
                website: renamer.rename(&org.website),
                ..org.clone()
            };
            if self.out.add(council) {
                self.shared.insert(template_council, id);
                self.council = Some(id);
            }
        }
        let before = self.out.register.settings.clone();
        let after = crate::model::RegisterSettings {
            council_name: renamer.rename(&t.settings.council_name),
            council_organisation: self.council,
            officer_hourly_rate: t.settings.officer_hourly_rate,
            source_line: renamer.rename(&t.settings.source_line),
            appendix_pack: None,
        };
        if let Err(error) = self.out.register.apply(&Edit::change(
            Record::Settings(before),
            Record::Settings(after),
        )) {
            self.out
                .problems
                .push(format!("synthetic register: {error}"));
        }
    }

    fn fresh_ons(&mut self, template: &str) -> String {
        if template.len() < 3 {
            return String::new();
        }
        let digits: String = (0..6)
            .map(|_| char::from(b'0' + self.rng.random_range(0..10u8)))
            .collect();
        format!("{}{digits}", &template[..3])
    }

    /// This copy's organisation for a template organisation, made when first needed.
    fn organisation(
        &mut self,
        copy: &mut Area,
        template_id: OrganisationId,
    ) -> Option<OrganisationId> {
        if let Some(&id) = self
            .shared
            .get(&template_id)
            .or(copy.organisations.get(&template_id))
        {
            return Some(id);
        }
        let org = self.template.register.organisations.get(&template_id)?;
        let renamed = copy.renamer.rename(&org.name);
        let shared = renamed == org.name && org.sector == Sector::Public;
        let name = if shared || (renamed != org.name && !self.pool.taken(&renamed)) {
            renamed
        } else {
            let places = copy.places;
            let sector = org.sector;
            self.pool.unique(&mut self.rng, |rng, attempt| {
                let place = if attempt < 20 {
                    places.any(rng).to_string()
                } else {
                    invent_place(rng, attempt - 20)
                };
                local_name(rng, sector, &place)
            })
        };
        self.pool.reserve(&name);
        let id = OrganisationId::next_in(&self.out.register.organisations);
        let organisation = Organisation {
            id,
            name,
            sector: org.sector,
            org_id_scheme: org.org_id_scheme,
            org_id: org
                .org_id_scheme
                .map(|scheme| fresh_org_id(&mut self.rng, scheme, &org.org_id))
                .unwrap_or_default(),
            ons_code: self.fresh_ons(&org.ons_code),
            website: copy.renamer.rename(&org.website),
            notes: copy.renamer.rename(&org.notes),
        };
        if !self.out.add(organisation) {
            return None;
        }
        if shared {
            self.shared.insert(template_id, id);
        } else {
            copy.organisations.insert(template_id, id);
        }
        copy.created_organisations += 1;
        Some(id)
    }

    /// This copy's person for a template person, made when first needed.
    fn person(&mut self, copy: &mut Area, template_id: PersonId) -> Option<PersonId> {
        if let Some(&id) = copy.people.get(&template_id) {
            return Some(id);
        }
        let person = self.template.register.people.get(&template_id)?;
        let councillor = person.kind == PersonKind::Councillor;
        let name = self.pool.person(&mut self.rng, councillor);
        let domain = copy.renamer.rename("ashmerevale.gov.uk");
        let id = PersonId::next_in(&self.out.register.people);
        let made = Person {
            id,
            email: email(&name, person.kind, &domain),
            name,
            kind: person.kind,
            job_title: copy.renamer.rename(&person.job_title),
            notes: copy.renamer.rename(&person.notes),
        };
        if !self.out.add(made) {
            return None;
        }
        copy.people.insert(template_id, id);
        Some(id)
    }

    /// The name of this copy's person standing for the template person called `name`.
    fn person_named(&mut self, copy: &mut Area, name: &str) -> Option<String> {
        let template_id = self
            .template
            .register
            .people
            .values()
            .find(|p| p.name == name)?
            .id;
        let id = self.person(copy, template_id)?;
        self.out.register.people.get(&id).map(|p| p.name.clone())
    }

    /// One copy of the sample's first `count` partnerships, in new places.
    fn copy(&mut self, places: &Places, count: usize) {
        let template = self.template;
        let mut copy = Area {
            places,
            renamer: Renamer::new(places),
            organisations: HashMap::new(),
            people: HashMap::new(),
            partnerships: HashMap::new(),
            created_organisations: 0,
        };
        let chosen = &template.partnerships[..count];
        for &template_id in chosen {
            let Some(bundle) = self.partnership(&mut copy, template_id) else {
                continue;
            };
            let id = bundle.partnership.id;
            if !self.out.add(bundle.partnership) {
                continue;
            }
            copy.partnerships.insert(template_id, id);
            let mut added = Vec::with_capacity(bundle.representations.len());
            for representation in bundle.representations {
                let id = RepresentationId::next_in(&self.out.register.representations);
                let ok = self.out.add(Representation {
                    id,
                    ..representation
                });
                added.push(ok.then_some(id));
            }
            for (index, route) in bundle.routes {
                if let Some(Some(representation)) = added.get(index) {
                    let id = ReportBackRouteId::next_in(&self.out.register.report_back_routes);
                    self.out.add(ReportBackRoute {
                        id,
                        representation: *representation,
                        ..route
                    });
                }
            }
            for contribution in bundle.contributions {
                let id = ContributionId::next_in(&self.out.register.contributions);
                self.out.add(Contribution { id, ..contribution });
            }
            for assessment in bundle.assessments {
                let id = AssessmentId::next_in(&self.out.register.assessments);
                self.out.add(Assessment { id, ..assessment });
            }
        }
        let whole = count == template.partnerships.len();
        self.links(&mut copy);
        self.strategies(&mut copy);
        self.actions(&mut copy, whole);
        self.local_organisations(&mut copy, count);
    }

    /// A partnership of this copy, with its representatives, contributions and assessments.
    fn partnership(&mut self, copy: &mut Area, template_id: PartnershipId) -> Option<Bundle> {
        let template = self.template;
        let t = template.register.partnerships.get(&template_id)?;
        let renamed = copy.renamer.rename(&t.name);
        let name = if renamed == t.name {
            format!("{} {}", copy.places.district, t.name)
        } else {
            renamed
        };
        self.pool.reserve(&name);
        let days = self.rng.random_range(-730..=180);
        let document_days = self.rng.random_range(-400..=200);
        let responsible_officer = t
            .responsible_officer
            .and_then(|person| self.person(copy, person));
        let accountable_body = t
            .accountable_body
            .and_then(|org| self.organisation(copy, org));
        let rng = &mut self.rng;
        let mut flip = |value: bool| {
            if rng.random_range(0..10) == 0 {
                !value
            } else {
                value
            }
        };
        let risk_register = flip(t.risk_register);
        let information_sharing_protocol = flip(t.information_sharing_protocol);
        let complaints_procedure = flip(t.complaints_procedure);
        let meetings_in_public = flip(t.meetings_in_public);
        let conflict_of_interest_procedure = flip(t.conflict_of_interest_procedure);
        let r = &copy.renamer;
        let exit_strategy = match (t.exit_strategy.is_empty(), self.rng.random_range(0..10)) {
            (false, 0 | 1) => String::new(),
            (true, 0) => {
                "Non-statutory: the council may withdraw on three months' notice; no liabilities."
                    .to_string()
            }
            _ => r.rename(&t.exit_strategy),
        };
        let partnership = Partnership {
            id: PartnershipId::next_in(&self.out.register.partnerships),
            name,
            short_name: r.rename(&t.short_name),
            aliases: t.aliases.iter().map(|a| r.rename(a)).collect(),
            status_reason: r.rename(&t.status_reason),
            purpose: r.rename(&t.purpose),
            expected_outcomes: r.rename(&t.expected_outcomes),
            date_created: shift(t.date_created, days),
            date_joined: shift(t.date_joined, days),
            date_left: shift(t.date_left, days),
            review_date: None,
            exit_strategy,
            service_area: r.rename(&t.service_area),
            responsible_officer,
            no_seat_reason: r.rename(&t.no_seat_reason),
            lead_district: r.rename(&t.lead_district),
            kept_informed: r.rename(&t.kept_informed),
            last_met: shift(t.last_met, days),
            reports_to_council: r.rename(&t.reports_to_council),
            total_budget: t.total_budget.map(|m| vary_money(&mut self.rng, m)),
            funding_sources: r.rename(&t.funding_sources),
            liabilities: r.rename(&t.liabilities),
            accountable_body,
            governing_document_reviewed: shift(t.governing_document_reviewed, document_days),
            document_link: r.rename(&t.document_link),
            risk_register,
            information_sharing_protocol,
            complaints_procedure,
            meetings_in_public,
            conflict_of_interest_procedure,
            notes: r.rename(&t.notes),
            ..t.clone()
        };
        let mut bundle = Bundle {
            partnership,
            representations: Vec::new(),
            routes: Vec::new(),
            contributions: Vec::new(),
            assessments: Vec::new(),
        };
        self.representations(copy, template_id, &mut bundle);
        self.assessments(copy, template_id, &mut bundle);
        Some(bundle)
    }

    fn representations(
        &mut self,
        copy: &mut Area,
        template_id: PartnershipId,
        bundle: &mut Bundle,
    ) {
        let template = self.template;
        let id = bundle.partnership.id;
        for rep_id in template
            .representations
            .get(&template_id)
            .into_iter()
            .flatten()
        {
            let Some(rep) = template.register.representations.get(rep_id) else {
                continue;
            };
            if self.rng.random_range(0..100) < 8 {
                continue;
            }
            let Some(person) = self.person(copy, rep.person) else {
                continue;
            };
            bundle.representations.push(Representation {
                person,
                partnership: id,
                hours_per_month: vary_hours(&mut self.rng, rep.hours_per_month),
                ..rep.clone()
            });
            let index = bundle.representations.len() - 1;
            for route in template.register.report_back_routes.values() {
                if route.representation == *rep_id {
                    let days = self.rng.random_range(-60..=60);
                    bundle.routes.push((
                        index,
                        ReportBackRoute {
                            recipient: copy.renamer.rename(&route.recipient),
                            last_reported: shift(route.last_reported, days),
                            ..route.clone()
                        },
                    ));
                }
            }
        }
        for contribution_id in template
            .contributions
            .get(&template_id)
            .into_iter()
            .flatten()
        {
            let Some(contribution) = template.register.contributions.get(contribution_id) else {
                continue;
            };
            if self.rng.random_range(0..100) < 5 {
                continue;
            }
            bundle.contributions.push(Contribution {
                partnership: id,
                amount: vary_money(&mut self.rng, contribution.amount),
                notes: copy.renamer.rename(&contribution.notes),
                ..contribution.clone()
            });
        }
    }

    fn assessments(&mut self, copy: &mut Area, template_id: PartnershipId, bundle: &mut Bundle) {
        let template = self.template;
        let hours: Hours = bundle
            .representations
            .iter()
            .map(|r| r.hours_per_month)
            .sum();
        let rate = template.register.settings.officer_hourly_rate;
        for assessment_id in template.assessments.get(&template_id).into_iter().flatten() {
            let Some(a) = template.register.assessments.get(assessment_id) else {
                continue;
            };
            let Some(date) = shift(a.date, self.rng.random_range(-10..=10)) else {
                continue;
            };
            let ratings = |range: std::ops::Range<usize>| -> Option<[u8; 6]> {
                let values: Vec<u8> = a
                    .scores
                    .get(range)?
                    .iter()
                    .map(|s| u8::try_from(s.score).unwrap_or(0))
                    .collect();
                <[u8; 6]>::try_from(values).ok()
            };
            let (Some(risk), Some(value)) = (ratings(0..6), ratings(6..12)) else {
                continue;
            };
            let risk = vary_ratings(&mut self.rng, risk, 1, 4);
            let value = vary_ratings(&mut self.rng, value, 0, 3);
            let money: Money = bundle
                .contributions
                .iter()
                .filter(|c| c.year == date.year())
                .map(|c| c.amount)
                .sum();
            let cost = scoring::annual_cost(hours, money, rate);
            let mut made =
                scoring::assessment(&bundle.partnership, date, &risk, &value, cost, None, None);
            let keep_override = !a.override_reason.is_empty() && self.rng.random_range(0..10) < 7;
            if keep_override {
                made.recommendation = a.recommendation;
                made.override_reason = copy.renamer.rename(&a.override_reason);
            } else if let (Some(value_band), Some(risk_band)) = (made.value_band, made.risk_band) {
                let options = scoring::allowed(value_band, risk_band);
                if options.len() > 1 && self.rng.random_range(0..10) < 3 {
                    made.recommendation = Some(options[1]);
                }
            }
            made.assessor = self
                .person_named(copy, &a.assessor)
                .unwrap_or_else(|| copy.renamer.rename(&a.assessor));
            made.notes = copy.renamer.rename(&a.notes);
            bundle.assessments.push(made);
        }
        if let Some(newest) = bundle.assessments.iter().max_by_key(|a| a.date) {
            bundle.partnership.significance = newest.significance;
            bundle.partnership.review_date = newest.next_review;
        }
    }

    /// Relationships, theme and priority tags and memberships among this copy's partnerships.
    fn links(&mut self, copy: &mut Area) {
        let template = self.template;
        let t = &template.register;
        for relationship in t.relationships.values() {
            let (Some(&from), Some(&to)) = (
                copy.partnerships.get(&relationship.from),
                copy.partnerships.get(&relationship.to),
            ) else {
                continue;
            };
            let id = RelationshipId::next_in(&self.out.register.relationships);
            self.out.add(Relationship {
                id,
                from,
                to,
                kind: relationship.kind,
                label: copy.renamer.rename(&relationship.label),
            });
        }
        for tag in t.theme_tags.values() {
            if let Some(&partnership) = copy.partnerships.get(&tag.partnership) {
                self.out.add(ThemeTag {
                    partnership,
                    theme: tag.theme,
                });
            }
        }
        for tag in t.priority_tags.values() {
            if let Some(&partnership) = copy.partnerships.get(&tag.partnership) {
                self.out.add(PriorityTag {
                    partnership,
                    priority: tag.priority,
                });
            }
        }
        for &template_id in &template.partnerships {
            let Some(&partnership) = copy.partnerships.get(&template_id) else {
                continue;
            };
            for membership_id in template.memberships.get(&template_id).into_iter().flatten() {
                let Some(membership) = t.memberships.get(membership_id) else {
                    continue;
                };
                if self.rng.random_range(0..10) == 0 {
                    continue;
                }
                let Some(organisation) = self.organisation(copy, membership.organisation) else {
                    continue;
                };
                let id = MembershipId::next_in(&self.out.register.memberships);
                self.out.add(Membership {
                    id,
                    partnership,
                    organisation,
                    representative: copy.renamer.rename(&membership.representative),
                    ..membership.clone()
                });
            }
        }
    }

    /// Strategies with at least one objective delivered by this copy's partnerships.
    fn strategies(&mut self, copy: &mut Area) {
        let t = &self.template.register;
        for strategy in t.strategies.values() {
            let objectives: Vec<&Objective> = t
                .objectives
                .values()
                .filter(|o| o.strategy == strategy.id)
                .collect();
            let delivered = t.objective_deliveries.values().any(|d| {
                copy.partnerships.contains_key(&d.partnership)
                    && objectives.iter().any(|o| o.id == d.objective)
            });
            if !delivered {
                continue;
            }
            let owner = strategy.owner.and_then(|o| self.organisation(copy, o));
            let id = StrategyId::next_in(&self.out.register.strategies);
            if !self.out.add(Strategy {
                id,
                title: copy.renamer.rename(&strategy.title),
                owner,
                link: copy.renamer.rename(&strategy.link),
                ..strategy.clone()
            }) {
                continue;
            }
            for objective in objectives {
                let objective_id = ObjectiveId::next_in(&self.out.register.objectives);
                if !self.out.add(Objective {
                    id: objective_id,
                    strategy: id,
                    reference: objective.reference.clone(),
                    text: copy.renamer.rename(&objective.text),
                }) {
                    continue;
                }
                for delivery in t.objective_deliveries.values() {
                    if delivery.objective != objective.id {
                        continue;
                    }
                    if let Some(&partnership) = copy.partnerships.get(&delivery.partnership) {
                        self.out.add(ObjectiveDelivery {
                            partnership,
                            objective: objective_id,
                        });
                    }
                }
                for measure in t.measures.values().filter(|m| m.objective == objective.id) {
                    let id = MeasureId::next_in(&self.out.register.measures);
                    self.out.add(Measure {
                        id,
                        objective: objective_id,
                        name: copy.renamer.rename(&measure.name),
                        ..measure.clone()
                    });
                }
            }
        }
    }

    /// The action plan items about this copy's partnerships (and, for a whole copy, the
    /// general ones).
    fn actions(&mut self, copy: &mut Area, whole: bool) {
        let template = self.template;
        for action in template.register.actions.values() {
            let partnership = match action.partnership {
                Some(template_id) => match copy.partnerships.get(&template_id) {
                    Some(&id) => Some(id),
                    None => continue,
                },
                None if whole => None,
                None => continue,
            };
            let owner = action.owner.and_then(|p| self.person(copy, p));
            let due = shift(action.due, self.rng.random_range(-45..=45));
            let id = ActionId::next_in(&self.out.register.actions);
            self.out.add(Action {
                id,
                partnership,
                title: copy.renamer.rename(&action.title),
                owner,
                due,
                source: copy.renamer.rename(&action.source),
                notes: copy.renamer.rename(&action.notes),
                ..action.clone()
            });
        }
    }

    /// Invented local organisations, each a member of one or two of this copy's partnerships,
    /// until the copy has about two organisations per partnership.
    fn local_organisations(&mut self, copy: &mut Area, count: usize) {
        const SECTORS: &[(Sector, u32)] = &[
            (Sector::VoluntaryCommunity, 40),
            (Sector::Private, 25),
            (Sector::ParishTown, 15),
            (Sector::Education, 10),
            (Sector::Faith, 5),
            (Sector::Health, 5),
        ];
        let partnerships: Vec<PartnershipId> = self
            .template
            .partnerships
            .iter()
            .filter_map(|id| copy.partnerships.get(id).copied())
            .collect();
        if partnerships.is_empty() {
            return;
        }
        let wanted = (2 * count).saturating_sub(copy.created_organisations);
        let places = copy.places;
        for _ in 0..wanted {
            let mut roll = self.rng.random_range(0..100u32);
            let sector = SECTORS
                .iter()
                .find(|(_, weight)| {
                    let hit = roll < *weight;
                    roll = roll.saturating_sub(*weight);
                    hit
                })
                .map_or(Sector::VoluntaryCommunity, |(sector, _)| *sector);
            let name = self.pool.unique(&mut self.rng, |rng, attempt| {
                let place = if attempt < 20 {
                    places.any(rng).to_string()
                } else {
                    invent_place(rng, attempt - 20)
                };
                local_name(rng, sector, &place)
            });
            let (scheme, org_id) = match sector {
                Sector::VoluntaryCommunity if self.rng.random_range(0..2) == 0 => (
                    Some(OrgIdScheme::Charity),
                    fresh_org_id(&mut self.rng, OrgIdScheme::Charity, ""),
                ),
                Sector::Private => (
                    Some(OrgIdScheme::CompaniesHouse),
                    fresh_org_id(&mut self.rng, OrgIdScheme::CompaniesHouse, ""),
                ),
                Sector::Education => (
                    Some(OrgIdScheme::Education),
                    fresh_org_id(&mut self.rng, OrgIdScheme::Education, ""),
                ),
                _ => (None, String::new()),
            };
            let id = OrganisationId::next_in(&self.out.register.organisations);
            if !self.out.add(Organisation {
                id,
                name,
                sector,
                org_id_scheme: scheme,
                org_id,
                ..Organisation::default()
            }) {
                continue;
            }
            let first = partnerships[self.rng.random_range(0..partnerships.len())];
            let second = partnerships[self.rng.random_range(0..partnerships.len())];
            let joins = if self.rng.random_range(0..3) == 0 && second != first {
                vec![first, second]
            } else {
                vec![first]
            };
            for partnership in joins {
                let observer = self.rng.random_range(0..5) == 0;
                let membership_id = MembershipId::next_in(&self.out.register.memberships);
                self.out.add(Membership {
                    id: membership_id,
                    partnership,
                    organisation: id,
                    role: if observer {
                        MembershipRole::Observer
                    } else {
                        MembershipRole::Member
                    },
                    voting: !observer,
                    representative: String::new(),
                });
            }
        }
    }
}

/// A partnership of a copy with the records that follow it in.
struct Bundle {
    partnership: Partnership,
    representations: Vec<Representation>,
    /// Report-back routes, by the index of their representation in `representations`.
    routes: Vec<(usize, ReportBackRoute)>,
    contributions: Vec<Contribution>,
    assessments: Vec<Assessment>,
}
