//! A view's filters and style rules, read from its settings JSON with defaults for anything
//! missing, and written back the same way (unknown keys are kept by the caller's JSON merge).

use serde::{Deserialize, Serialize};

use crate::model::{Band, CouncilRole, PartnershipKind, PartnershipStatus, ThemeId};

/// What happens to a node a filter leaves out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterMode {
    /// Drawn pale, lines to it too: the shape of the whole stays visible.
    #[default]
    Fade,
    /// Not drawn at all.
    Hide,
}

/// Which nodes are shown in full. An empty list lets every value through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Themes to show (a partnership passes if it serves any of them).
    pub themes: Vec<ThemeId>,
    /// Kinds of body to show.
    pub kinds: Vec<PartnershipKind>,
    /// Statuses to show.
    pub statuses: Vec<PartnershipStatus>,
    /// Risk bands (from the current assessment) to show; partnerships never assessed pass only
    /// when this list is empty.
    pub risk_bands: Vec<Band>,
    /// The council's roles to show.
    pub council_roles: Vec<CouncilRole>,
    /// Fade or hide what the filters leave out.
    pub mode: FilterMode,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            themes: Vec::new(),
            kinds: Vec::new(),
            // Bodies closed or taken off the register are not part of today's picture.
            statuses: vec![
                PartnershipStatus::Proposed,
                PartnershipStatus::Active,
                PartnershipStatus::Dormant,
                PartnershipStatus::Closing,
            ],
            risk_bands: Vec::new(),
            council_roles: Vec::new(),
            mode: FilterMode::Hide,
        }
    }
}

impl Filters {
    /// Whether any filter is narrower than "everything".
    pub fn is_active(&self) -> bool {
        !(self.themes.is_empty()
            && self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.risk_bands.is_empty()
            && self.council_roles.is_empty())
    }
}

/// What the boxes' fill colour shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FillBy {
    /// The partnership's (first) theme.
    #[default]
    Theme,
    /// The value band of its current assessment (with a letter H, M or L).
    ValueBand,
    /// The recommendation of its current assessment (with the matrix's sign).
    Recommendation,
}

impl FillBy {
    /// Every choice, in menu order.
    pub const ALL: [FillBy; 3] = [Self::Theme, Self::ValueBand, Self::Recommendation];

    /// The words for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Theme => "Theme",
            Self::ValueBand => "Value band",
            Self::Recommendation => "Recommendation",
        }
    }
}

/// The style rules: each one shows in the legend while it is on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StyleRules {
    /// Fill each partnership with a colour for what `fill_by` says (called `colour_by_theme`
    /// before fills could show other things; old settings still read).
    #[serde(alias = "colour_by_theme")]
    pub colour_boxes: bool,
    /// What the fill shows: theme, value band or recommendation.
    pub fill_by: FillBy,
    /// Border width and dash by the risk band of the current assessment.
    pub border_by_risk: bool,
    /// A small badge in the corner naming the council's role.
    pub council_role_badge: bool,
    /// Boxes grow with the council's yearly cost (money plus officer time).
    pub size_by_cost: bool,
    /// Print relationship labels (and roles on membership lines) on the lines.
    pub line_labels: bool,
}

impl Default for StyleRules {
    fn default() -> Self {
        Self {
            colour_boxes: true,
            fill_by: FillBy::Theme,
            border_by_risk: true,
            council_role_badge: true,
            size_by_cost: false,
            line_labels: false,
        }
    }
}

/// Everything a view's settings JSON holds that the diagram reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Title for the caption; empty means the view's name.
    pub title: String,
    /// Filters.
    pub filters: Filters,
    /// Style rules.
    pub style: StyleRules,
}

impl ViewSettings {
    /// The settings in `json`, defaults for anything missing or unreadable (a view written by
    /// a later version still draws).
    pub fn from_json(json: &serde_json::Value) -> Self {
        if json.is_null() {
            return Self::default();
        }
        serde_json::from_value(json.clone()).unwrap_or_default()
    }

    /// These settings as JSON, keeping any keys of `existing` this version does not know.
    pub fn to_json(&self, existing: &serde_json::Value) -> serde_json::Value {
        let mut merged = match existing {
            serde_json::Value::Object(map) => map.clone(),
            _ => serde_json::Map::new(),
        };
        if let Ok(serde_json::Value::Object(ours)) = serde_json::to_value(self) {
            merged.extend(ours);
        }
        serde_json::Value::Object(merged)
    }
}
