//! Style rules turned into paint: fill by theme, border by risk band, a badge for the council's
//! role, size by cost, faded nodes; and the legend built from the same rules, listing only what
//! the picture shows, so the two always agree.

use std::collections::BTreeMap;

use crate::export::{
    ArrowHeads, Color, Dash, LegendEntry, LegendGroup, LegendSymbol, Paint, Stroke, SwatchShape,
};
use crate::model::{
    Assessment, Band, CouncilRole, PartnershipId, Recommendation, Register, RelationshipKind,
    ThemeId,
};

use super::graph::{LineKind, NodeKind};
use super::settings::{FillBy, StyleRules};

/// Text colour inside boxes and for labels.
pub const INK: Color = Color::rgb(0x1f, 0x2d, 0x3d);
/// Colour of the lines between nodes.
pub const LINE_INK: Color = Color::rgb(0x3c, 0x46, 0x50);
/// Colour of membership lines: lighter than formal lines.
pub const MEMBERSHIP_INK: Color = Color::rgb(0x8a, 0x94, 0x9e);
/// Fill of a partnership with no theme, or when colour by theme is off.
pub const PLAIN_FILL: Color = Color::rgb(0xf4, 0xf6, 0xf8);
/// Fill of organisations in the membership network.
pub const ORGANISATION_FILL: Color = Color::rgb(0xff, 0xff, 0xff);
/// Fill of the council's hexagon.
pub const COUNCIL_FILL: Color = Color::rgb(0xdd, 0xe4, 0xee);
/// Fill of a role badge.
pub const BADGE_FILL: Color = Color::rgb(0x1f, 0x2d, 0x3d);
/// Text colour of a role badge.
pub const BADGE_TEXT: Color = Color::rgb(0xff, 0xff, 0xff);

/// Light fills for themes, in theme order; pale enough for black text, distinct on screen.
const THEME_FILLS: [Color; 10] = [
    Color::rgb(0xcf, 0xe2, 0xf3),
    Color::rgb(0xd9, 0xea, 0xd3),
    Color::rgb(0xfc, 0xe5, 0xcd),
    Color::rgb(0xea, 0xd1, 0xdc),
    Color::rgb(0xff, 0xf2, 0xcc),
    Color::rgb(0xd0, 0xe0, 0xe3),
    Color::rgb(0xe4, 0xd7, 0xf5),
    Color::rgb(0xf4, 0xcc, 0xcc),
    Color::rgb(0xe2, 0xef, 0xc4),
    Color::rgb(0xf0, 0xdf, 0xc8),
];

/// `color` moved `share` of the way towards white (faded nodes print pale, no transparency).
pub fn towards_white(color: Color, share: f32) -> Color {
    let mix = |c: u8| -> u8 {
        let c = f32::from(c);
        (c + (255.0 - c) * share.clamp(0.0, 1.0)).round() as u8
    };
    Color::rgb(mix(color.r), mix(color.g), mix(color.b))
}

/// The fill of each theme, by theme order in the register.
pub fn theme_fills(register: &Register) -> BTreeMap<ThemeId, Color> {
    register
        .themes
        .keys()
        .enumerate()
        .map(|(i, &id)| (id, THEME_FILLS[i % THEME_FILLS.len()]))
        .collect()
}

/// The first theme a partnership serves, if any.
pub fn first_theme(register: &Register, id: PartnershipId) -> Option<ThemeId> {
    register
        .theme_tags
        .range((id, ThemeId(i64::MIN))..=(id, ThemeId(i64::MAX)))
        .next()
        .map(|(&(_, theme), _)| theme)
}

/// The value band of a partnership's current assessment (looked up once per picture with
/// [`Register::current_assessments`]: one scan per box made big pictures quadratic).
pub fn value_band(current: Option<&Assessment>) -> Option<Band> {
    current.and_then(|a| a.value_band)
}

/// The recommendation of a partnership's current assessment.
pub fn recommendation(current: Option<&Assessment>) -> Option<Recommendation> {
    current.and_then(|a| a.recommendation)
}

/// The fill and the letter a value band gives (colour is never the only signal: the letter
/// goes in the box's top-left corner).
pub fn value_fill(band: Option<Band>) -> (Color, &'static str) {
    match band {
        Some(Band::High) => (Color::rgb(0xc8, 0xe6, 0xc9), "H"),
        Some(Band::Medium) => (Color::rgb(0xff, 0xf2, 0xcc), "M"),
        Some(Band::Low) => (Color::rgb(0xf8, 0xcf, 0xcf), "L"),
        None => (PLAIN_FILL, "–"),
    }
}

/// The words for a value band in the legend.
pub fn value_label(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::High) => "High value",
        Some(Band::Medium) => "Medium value",
        Some(Band::Low) => "Low value",
        None => "Not assessed",
    }
}

/// The fill and the sign a recommendation gives: the matrix's colour, paled so names stay
/// readable, and the matrix's sign in the box's top-left corner.
pub fn recommendation_fill(recommendation: Option<Recommendation>) -> (Color, &'static str) {
    let (color, _, sign) = crate::export::matrix::recommendation_style(recommendation);
    match recommendation {
        Some(_) => (towards_white(color, 0.72), sign),
        None => (PLAIN_FILL, "–"),
    }
}

/// The risk band of a partnership's current assessment.
pub fn risk_band(current: Option<&Assessment>) -> Option<Band> {
    current.and_then(|a| a.risk_band)
}

/// The border a risk band gives: width and dash differ, so it reads in greyscale.
pub fn risk_border(band: Option<Band>) -> Stroke {
    match band {
        Some(Band::High) => Stroke::solid(Color::rgb(0xa6, 0x1c, 0x00), 3.0),
        Some(Band::Medium) => Stroke::new(Color::rgb(0x9c, 0x52, 0x00), 2.0, Dash::Dashed),
        Some(Band::Low) => Stroke::solid(Color::rgb(0x38, 0x5d, 0x2d), 1.0),
        None => Stroke::new(Color::rgb(0x77, 0x77, 0x77), 1.0, Dash::Dotted),
    }
}

/// The border when risk bands are not shown.
pub const PLAIN_BORDER: Stroke = Stroke::solid(Color::rgb(0x4a, 0x55, 0x60), 1.0);

/// The legend words for a risk band.
pub fn risk_label(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::High) => "High risk",
        Some(Band::Medium) => "Medium risk",
        Some(Band::Low) => "Low risk",
        None => "Not assessed",
    }
}

/// The badge text for the council's role (none for "no direct seat").
pub fn role_badge(role: CouncilRole) -> Option<&'static str> {
    match role {
        CouncilRole::AccountableBody => Some("AB"),
        CouncilRole::LeadOrChair => Some("Lead"),
        CouncilRole::Secretariat => Some("Sec"),
        CouncilRole::Member => Some("Mem"),
        CouncilRole::Observer => Some("Obs"),
        CouncilRole::FunderOnly => Some("£"),
        CouncilRole::NoDirectSeat => None,
    }
}

/// How a line of this kind is drawn, and which end has the arrowhead.
pub fn line_style(kind: LineKind) -> (Stroke, ArrowHeads) {
    match kind {
        LineKind::Relationship(RelationshipKind::Advises | RelationshipKind::Informs) => {
            (Stroke::new(LINE_INK, 1.2, Dash::Dashed), ArrowHeads::End)
        }
        // Drawn from the body commissioned up to the commissioner; the arrow points down.
        LineKind::Relationship(RelationshipKind::Commissions) => {
            (Stroke::solid(LINE_INK, 1.2), ArrowHeads::Start)
        }
        LineKind::Relationship(_) => (Stroke::solid(LINE_INK, 1.2), ArrowHeads::End),
        // Many and of one kind: thin and light, so names and boxes stay readable over them.
        LineKind::Membership(_) => (
            Stroke::new(MEMBERSHIP_INK, 1.0, Dash::Dotted),
            ArrowHeads::None,
        ),
        LineKind::Involvement(_) => (Stroke::solid(LINE_INK, 0.8), ArrowHeads::None),
    }
}

/// What a line style means in the legend (one entry per style).
fn line_meaning(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Relationship(RelationshipKind::Advises | RelationshipKind::Informs) => {
            "Advises or informs (arrow to the body advised)"
        }
        LineKind::Relationship(RelationshipKind::Commissions) => {
            "Commissions (arrow to the body commissioned)"
        }
        LineKind::Relationship(_) => {
            "Sub-group of, reports to or accountable to (arrow to the parent)"
        }
        LineKind::Membership(_) => {
            "Member of (organisation to partnership; small unnamed ellipse: in one partnership \
             only, name on hover)"
        }
        LineKind::Involvement(_) => "The council sits on it",
    }
}

/// What the picture uses, collected while nodes are styled, for the legend.
#[derive(Clone, Debug, Default)]
pub struct Used {
    /// Node kinds drawn.
    pub shapes: Vec<NodeKind>,
    /// Line kinds drawn (one per style).
    pub lines: Vec<LineKind>,
    /// Themes drawn, and whether any partnership has none.
    pub themes: Vec<ThemeId>,
    /// Some partnership drawn has no theme.
    pub no_theme: bool,
    /// Risk bands drawn (None: not assessed).
    pub bands: Vec<Option<Band>>,
    /// Council roles badged.
    pub roles: Vec<CouncilRole>,
    /// Value bands shown by fill (None: not assessed).
    pub value_bands: Vec<Option<Band>>,
    /// Recommendations shown by fill (None: not assessed).
    pub recommendations: Vec<Option<Recommendation>>,
    /// Some node is faded by the filters.
    pub faded: bool,
}

fn push_once<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

impl Used {
    /// Notes a node kind.
    pub fn shape(&mut self, kind: NodeKind) {
        push_once(&mut self.shapes, kind);
    }

    /// Notes a line kind (by its style).
    pub fn line(&mut self, kind: LineKind) {
        if !self
            .lines
            .iter()
            .any(|&known| line_meaning(known) == line_meaning(kind))
        {
            self.lines.push(kind);
        }
    }

    /// Notes a theme (or none).
    pub fn theme(&mut self, theme: Option<ThemeId>) {
        match theme {
            Some(theme) => push_once(&mut self.themes, theme),
            None => self.no_theme = true,
        }
    }

    /// Notes a risk band.
    pub fn band(&mut self, band: Option<Band>) {
        push_once(&mut self.bands, band);
    }

    /// Notes a value band shown by fill.
    pub fn value_band(&mut self, band: Option<Band>) {
        push_once(&mut self.value_bands, band);
    }

    /// Notes a recommendation shown by fill.
    pub fn recommendation(&mut self, recommendation: Option<Recommendation>) {
        push_once(&mut self.recommendations, recommendation);
    }

    /// Notes a badged role.
    pub fn role(&mut self, role: CouncilRole) {
        push_once(&mut self.roles, role);
    }
}

/// The legend for the rules in `rules` and what `used` says the picture shows.
pub fn legend_groups(register: &Register, rules: &StyleRules, used: &Used) -> Vec<LegendGroup> {
    let mut groups = Vec::new();
    let swatch = |shape: SwatchShape, paint: Paint, label: String| LegendEntry {
        symbol: LegendSymbol::Swatch { shape, paint },
        label,
    };
    let mut shapes = Vec::new();
    for kind in [
        NodeKind::Partnership,
        NodeKind::Council,
        NodeKind::Organisation,
    ] {
        if used.shapes.contains(&kind) {
            shapes.push(match kind {
                NodeKind::Partnership => swatch(
                    SwatchShape::RoundedRect,
                    Paint::new(PLAIN_FILL, PLAIN_BORDER),
                    "Partnership or other body".to_string(),
                ),
                NodeKind::Council => swatch(
                    SwatchShape::Council,
                    Paint::new(COUNCIL_FILL, Stroke::solid(INK, 1.5)),
                    register.settings.council_name.clone(),
                ),
                NodeKind::Organisation => swatch(
                    SwatchShape::Ellipse,
                    Paint::new(ORGANISATION_FILL, PLAIN_BORDER),
                    "Partner organisation".to_string(),
                ),
            });
        }
    }
    if shapes.len() > 1 {
        groups.push(LegendGroup {
            title: "Shapes".to_string(),
            entries: shapes,
        });
    }
    let mut lines: Vec<LineKind> = used.lines.clone();
    lines.sort_by_key(|kind| line_meaning(*kind));
    if !lines.is_empty() {
        groups.push(LegendGroup {
            title: "Lines".to_string(),
            entries: lines
                .iter()
                .map(|&kind| {
                    let (stroke, arrows) = line_style(kind);
                    LegendEntry {
                        symbol: LegendSymbol::Line { stroke, arrows },
                        label: line_meaning(kind).to_string(),
                    }
                })
                .collect(),
        });
    }
    if rules.colour_boxes && rules.fill_by == FillBy::ValueBand && !used.value_bands.is_empty() {
        let order = [Some(Band::High), Some(Band::Medium), Some(Band::Low), None];
        groups.push(LegendGroup {
            title: "Fill: value band (current assessment)".to_string(),
            entries: order
                .iter()
                .filter(|band| used.value_bands.contains(band))
                .map(|&band| {
                    let (fill, letter) = value_fill(band);
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(fill, PLAIN_BORDER),
                        format!("{letter} {}", value_label(band)),
                    )
                })
                .collect(),
        });
    }
    if rules.colour_boxes
        && rules.fill_by == FillBy::Recommendation
        && !used.recommendations.is_empty()
    {
        let order = Recommendation::ALL.iter().copied().map(Some).chain([None]);
        groups.push(LegendGroup {
            title: "Fill: recommendation (current assessment)".to_string(),
            entries: order
                .filter(|r| used.recommendations.contains(r))
                .map(|r| {
                    let (fill, sign) = recommendation_fill(r);
                    let words = r.map_or("Not assessed", |r| r.label());
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(fill, PLAIN_BORDER),
                        format!("{sign} {words}"),
                    )
                })
                .collect(),
        });
    }
    if rules.colour_boxes
        && rules.fill_by == FillBy::Theme
        && (!used.themes.is_empty() || used.no_theme)
    {
        let fills = theme_fills(register);
        let mut entries: Vec<LegendEntry> = register
            .themes
            .values()
            .filter(|theme| used.themes.contains(&theme.id))
            .map(|theme| {
                let fill = fills.get(&theme.id).copied().unwrap_or(PLAIN_FILL);
                swatch(
                    SwatchShape::RoundedRect,
                    Paint::new(fill, PLAIN_BORDER),
                    theme.name.clone(),
                )
            })
            .collect();
        if used.no_theme {
            entries.push(swatch(
                SwatchShape::RoundedRect,
                Paint::new(PLAIN_FILL, PLAIN_BORDER),
                "No theme".to_string(),
            ));
        }
        groups.push(LegendGroup {
            title: "Fill: theme".to_string(),
            entries,
        });
    }
    if rules.border_by_risk && !used.bands.is_empty() {
        let order = [Some(Band::High), Some(Band::Medium), Some(Band::Low), None];
        groups.push(LegendGroup {
            title: "Border: risk (current assessment)".to_string(),
            entries: order
                .iter()
                .filter(|band| used.bands.contains(band))
                .map(|&band| {
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(Color::WHITE, risk_border(band)),
                        risk_label(band).to_string(),
                    )
                })
                .collect(),
        });
    }
    if rules.council_role_badge && !used.roles.is_empty() {
        groups.push(LegendGroup {
            title: "Badge: the council's role".to_string(),
            entries: CouncilRole::ALL
                .iter()
                .filter(|role| used.roles.contains(role))
                .filter_map(|&role| {
                    let badge = role_badge(role)?;
                    Some(LegendEntry {
                        symbol: LegendSymbol::Badge {
                            text: badge,
                            fill: BADGE_FILL,
                            ink: BADGE_TEXT,
                        },
                        label: role.label().to_string(),
                    })
                })
                .collect(),
        });
    }
    let mut other = Vec::new();
    if rules.size_by_cost {
        other.push(swatch(
            SwatchShape::RoundedRect,
            Paint::new(PLAIN_FILL, PLAIN_BORDER),
            "Larger box: higher yearly cost to the council (money and officer time)".to_string(),
        ));
    }
    if used.faded {
        other.push(swatch(
            SwatchShape::RoundedRect,
            Paint::new(towards_white(PLAIN_FILL, 0.6), faded_stroke(PLAIN_BORDER)),
            "Pale: outside the filters chosen".to_string(),
        ));
    }
    if !other.is_empty() {
        groups.push(LegendGroup {
            title: "Also".to_string(),
            entries: other,
        });
    }
    groups
}

/// A border or line faded with its node.
pub fn faded_stroke(stroke: Stroke) -> Stroke {
    Stroke {
        color: towards_white(stroke.color, 0.65),
        ..stroke
    }
}
