//! A view's filters and style rules, read from its settings JSON with defaults for anything
//! missing, and written back the same way (unknown keys are kept by the caller's JSON merge).

use serde::{Deserialize, Serialize};

use crate::model::{
    Band, CouncilRole, PartnershipId, PartnershipKind, PartnershipStatus, StructuralLevel, ThemeId,
};

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
    /// Structural levels to show (in a structure view, as set or inferred).
    pub levels: Vec<StructuralLevel>,
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
            levels: Vec::new(),
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
            && self.council_roles.is_empty()
            && self.levels.is_empty())
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

/// How a partnership's sub-groups are drawn in a structure view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubGroups {
    /// Each sub-group its own box, joined to its parent by a line.
    #[default]
    Boxes,
    /// Listed inside the parent: a container box whose rows are the sub-groups (sub-groups
    /// with no sub-groups of their own and no other parent; the others stay boxes).
    Inside,
    /// Not drawn: the parent carries a "+5 sub-groups" badge.
    Collapsed,
}

impl SubGroups {
    /// Every choice, in menu order.
    pub const ALL: [SubGroups; 3] = [Self::Boxes, Self::Inside, Self::Collapsed];

    /// The words for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Boxes => "Show sub-groups as boxes",
            Self::Inside => "List sub-groups inside the parent",
            Self::Collapsed => "Collapse sub-groups",
        }
    }
}

/// One partnership's own choice of how its sub-groups are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubGroupsOf {
    /// The parent.
    pub partnership: PartnershipId,
    /// Its choice.
    pub sub_groups: SubGroups,
}

/// How a view groups its partnerships.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Grouping {
    /// How sub-groups are drawn, unless their parent says otherwise.
    pub sub_groups: SubGroups,
    /// Partnerships whose sub-groups are drawn otherwise than the view's choice.
    pub per_partnership: Vec<SubGroupsOf>,
    /// Labelled bands by level at the side (LSP board, executive, themed partnerships,
    /// sub-groups).
    pub level_bands: bool,
    /// Partnerships of the structure with no line to the rest in their own labelled band
    /// ("Not linked to the LSP structure") under the picture, never beside the board.
    pub unlinked_band: bool,
}

impl Default for Grouping {
    fn default() -> Self {
        Self {
            sub_groups: SubGroups::Boxes,
            per_partnership: Vec::new(),
            level_bands: false,
            unlinked_band: true,
        }
    }
}

impl Grouping {
    /// How `parent`'s sub-groups are drawn: its own choice, else the view's.
    pub fn sub_groups_of(&self, parent: PartnershipId) -> SubGroups {
        self.per_partnership
            .iter()
            .find(|p| p.partnership == parent)
            .map_or(self.sub_groups, |p| p.sub_groups)
    }

    /// `parent`'s sub-groups drawn as `choice` (its own choice dropped when it equals the
    /// view's).
    pub fn set_sub_groups_of(&mut self, parent: PartnershipId, choice: SubGroups) {
        self.per_partnership.retain(|p| p.partnership != parent);
        if choice != self.sub_groups {
            self.per_partnership.push(SubGroupsOf {
                partnership: parent,
                sub_groups: choice,
            });
            self.per_partnership.sort_by_key(|p| p.partnership);
        }
    }
}

/// How lines are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRouting {
    /// Horizontal and vertical runs around the boxes: a line never crosses a box.
    #[default]
    Orthogonal,
    /// Straight from box to box (may cross other boxes).
    Straight,
}

/// A view focused on one partnership: only what is at most `steps` lines from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Focus {
    /// The partnership in the middle.
    pub partnership: PartnershipId,
    /// How many lines out.
    pub steps: usize,
}

/// Everything a view's settings JSON holds that the diagram reads: which partnerships it
/// shows (filters, focus), how it groups them, and how it is styled.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Title for the caption; empty means the view's name.
    pub title: String,
    /// Filters.
    pub filters: Filters,
    /// Show only what is near one partnership (a focus chosen on screen overrides it).
    pub focus: Option<Focus>,
    /// Grouping: sub-groups as boxes, inside their parent or collapsed; bands.
    pub grouping: Grouping,
    /// Style rules.
    pub style: StyleRules,
    /// How lines are drawn.
    pub lines: LineRouting,
    /// Partnerships hidden from this view by hand ("Hide" on a box), whatever the filters say.
    pub hidden: Vec<PartnershipId>,
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
