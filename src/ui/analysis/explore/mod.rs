//! Explore mode: a live, force-directed exploration of a membership view or the knowledge
//! network, on egui_graphs (the egui graph widget the design card names). The network settles
//! under the user's hands; a dragged node stays where it is dropped (pinned) and the rest make
//! room; "Keep this arrangement" stores a membership view's places as one undoable edit, and
//! the diagram (our own canvas) shows the view again.
//!
//! Designed around the widget's repaint: `GraphView::show` asks for a repaint every frame, so
//! the widget is on screen only while the layout runs or the pointer moves or presses on the
//! network. Once settled, with the pointer elsewhere or resting, the same picture is painted by `still.rs` from the same
//! positions and the same zoom and pan, which asks for nothing: the window goes idle. Outside
//! Explore mode the widget is never shown.

mod forces;
mod keep;
mod network;
mod still;

use egui::Pos2;
use egui_graphs::{
    DefaultEdgeShape, DefaultNodeShape, GraphView, MetadataFrame, SettingsInteraction,
    SettingsNavigation, SettingsStyle,
};
use petgraph::Undirected;
use petgraph::stable_graph::{DefaultIx, NodeIndex};

pub use forces::ForcesState;
pub use network::{Choice, membership_views};

use crate::analysis::AnalysisSettings;
use crate::ui::{CommandQueue, PanelContext};

/// The widget's id for `choice`: its layout state, zoom and pan live in egui's memory under
/// it, so each network keeps its own and a newly chosen one is fitted to the window.
fn graph_id(choice: Choice) -> String {
    match choice {
        Choice::Membership(view) => format!("analysis_explore_view_{}", view.0),
        Choice::Knowledge => "analysis_explore_knowledge".to_string(),
    }
}

/// The most nodes explored live: each step of the forces compares every pair of nodes, and
/// 1,500 nodes are over a million pairs a frame. A bigger view is filtered first.
const MOST_NODES: usize = 1_500;

/// Seconds the pointer may rest on a settled network before the still picture takes over.
const RESTING_SECONDS: f32 = 1.0;

type ExploreGraph =
    egui_graphs::Graph<usize, (), Undirected, DefaultIx, DefaultNodeShape, DefaultEdgeShape>;

/// One exploration: the network and the widget's graph of it.
struct Session {
    choice: Choice,
    revision: u64,
    network: network::Network,
    graph: ExploreGraph,
    indices: Vec<NodeIndex>,
    /// Where the network was drawn last frame, for the still picture and for tests.
    rect: egui::Rect,
}

/// Explore mode's state between frames.
#[derive(Default)]
pub struct ExploreState {
    /// What to explore; `None` until chosen.
    pub choice: Option<Choice>,
    session: Option<Session>,
    /// Whether the widget drew the last frame (else the still picture did).
    pub live_last_frame: bool,
}

impl std::fmt::Debug for ExploreState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExploreState")
            .field("choice", &self.choice)
            .field("live_last_frame", &self.live_last_frame)
            .finish_non_exhaustive()
    }
}

impl ExploreState {
    /// A different register: start again.
    pub fn forget_register(&mut self) {
        self.choice = None;
        self.session = None;
    }

    /// Where each node is now, by name (diagram points), for tests and the kept arrangement.
    pub fn positions(&self) -> Vec<(String, Pos2)> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        session
            .indices
            .iter()
            .zip(&session.network.nodes)
            .filter_map(|(&index, node)| {
                let place = session.graph.node(index)?.location();
                Some((node.name.clone(), place))
            })
            .collect()
    }

    /// Where the node named `name` is on screen, as last drawn.
    pub fn screen_position(&self, ui_memory: &egui::Context, name: &str) -> Option<Pos2> {
        let session = self.session.as_ref()?;
        let at = session.network.nodes.iter().position(|n| n.name == name)?;
        let place = session.graph.node(*session.indices.get(at)?)?.location();
        // egui_graphs stores the frame under the id of its id.
        let key = egui::Id::new(MetadataFrame::new(Some(graph_id(session.choice))).get_id());
        let meta = ui_memory.data_mut(|d| d.get_persisted::<MetadataFrame>(key))?;
        Some(session.rect.left_top() + meta.canvas_to_screen_pos(place).to_vec2())
    }

    /// The names of the pinned nodes.
    pub fn pinned(&self, ctx: &egui::Context) -> Vec<String> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let state = layout_state(ctx, session.choice);
        session
            .indices
            .iter()
            .zip(&session.network.nodes)
            .filter(|(index, _)| state.pinned.contains(&index.index()))
            .map(|(_, node)| node.name.clone())
            .collect()
    }

    /// Whether the layout is still moving nodes.
    pub fn running(&self, ctx: &egui::Context) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| layout_state(ctx, s.choice).running)
    }
}

fn state_id(choice: Choice) -> egui::Id {
    // egui_graphs keys layout states as "egui_graphs_layout_<id>".
    egui::Id::new(format!("egui_graphs_layout_{}", graph_id(choice)))
}

fn layout_state(ctx: &egui::Context, choice: Choice) -> ForcesState {
    ctx.data_mut(|d| d.get_persisted::<ForcesState>(state_id(choice)))
        .unwrap_or_default()
}

fn set_layout_state(ctx: &egui::Context, choice: Choice, state: ForcesState) {
    ctx.data_mut(|d| d.insert_persisted(state_id(choice), state));
}

/// The session for `choice`, built again when the register changed (nodes that were there
/// before keep their places).
fn session_for<'s>(
    slot: &'s mut Option<Session>,
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    choice: Choice,
    settings: &AnalysisSettings,
) -> &'s mut Session {
    let stale = slot
        .as_ref()
        .is_none_or(|s| s.choice != choice || s.revision != context.revision);
    if stale {
        let previous = slot.as_ref().filter(|s| s.choice == choice);
        let session = build_session(previous, ctx, context, choice, settings);
        *slot = Some(session);
    }
    slot.get_or_insert_with(|| build_session(None, ctx, context, choice, settings))
}

/// A session for `choice` from the register; a new one (no `previous`) starts the layout warm
/// with the view's own pins.
fn build_session(
    previous: Option<&Session>,
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    choice: Choice,
    settings: &AnalysisSettings,
) -> Session {
    let before: Vec<(String, Pos2)> = previous
        .map(|s| {
            s.indices
                .iter()
                .zip(&s.network.nodes)
                .filter_map(|(&i, n)| Some((n.name.clone(), s.graph.node(i)?.location())))
                .collect()
        })
        .unwrap_or_default();
    let network = network::build(context.register, choice, &settings.knowledge);
    let mut graph = ExploreGraph::new();
    let mut indices = Vec::with_capacity(network.nodes.len());
    let mut pinned = Vec::new();
    for (at, node) in network.nodes.iter().enumerate() {
        let place = before
            .iter()
            .find(|(name, _)| *name == node.name)
            .map_or(node.start, |(_, p)| *p);
        let index = graph.add_node_with_label_and_location(at, node.name.clone(), place);
        if let Some(shown) = graph.node_mut(index) {
            shown.set_color(node.tone.colour());
            shown.display_mut().radius = node.tone.radius();
        }
        if node.pinned {
            pinned.push(index.index());
        }
        indices.push(index);
    }
    for &(from, to, _) in &network.edges {
        if let (Some(&a), Some(&b)) = (indices.get(from), indices.get(to)) {
            graph.add_edge_with_label(a, b, (), String::new());
        }
    }
    if previous.is_none() {
        set_layout_state(
            ctx,
            choice,
            ForcesState {
                pinned,
                ..ForcesState::default()
            },
        );
    }
    Session {
        choice,
        revision: context.revision,
        network,
        graph,
        indices,
        rect: egui::Rect::NOTHING,
    }
}

/// Draws Explore mode.
pub fn explore_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut ExploreState,
    settings: &AnalysisSettings,
    commands: &mut CommandQueue,
) {
    let views = membership_views(context.register);
    if state.choice.is_none() {
        state.choice = views
            .first()
            .map(|(id, _)| Choice::Membership(*id))
            .or(Some(Choice::Knowledge));
    }
    let ctx = ui.ctx().clone();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Network").id;
        let shown = match state.choice {
            Some(Choice::Membership(id)) => views
                .iter()
                .find(|(v, _)| *v == id)
                .map_or_else(String::new, |(_, name)| name.clone()),
            _ => "Knowledge network".to_string(),
        };
        egui::ComboBox::from_id_salt("explore_network")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (id, name) in &views {
                    ui.selectable_value(&mut state.choice, Some(Choice::Membership(*id)), name);
                }
                ui.selectable_value(
                    &mut state.choice,
                    Some(Choice::Knowledge),
                    "Knowledge network",
                );
            })
            .response
            .labelled_by(label);
    });
    let Some(choice) = state.choice else {
        return;
    };
    let session = session_for(&mut state.session, &ctx, context, choice, settings);
    if session.network.nodes.len() > MOST_NODES {
        ui.label(format!(
            "This view has {}: too many to explore live (at most {}). Filter the view in the \
             diagram first, or choose another.",
            crate::analysis::counted(session.network.nodes.len(), "node"),
            MOST_NODES
        ));
        return;
    }
    let mut layout = layout_state(&ctx, choice);
    ui.horizontal_wrapped(|ui| {
        let moving = if layout.running {
            "Pause"
        } else {
            "Settle again"
        };
        if ui
            .button(moving)
            .on_hover_text("Stop or restart the forces that arrange the network")
            .clicked()
        {
            if layout.running {
                layout.running = false;
            } else {
                layout.stir();
            }
            set_layout_state(&ctx, choice, layout.clone());
        }
        if ui
            .add_enabled(!layout.pinned.is_empty(), egui::Button::new("Unpin all"))
            .on_hover_text("Let every node move again")
            .clicked()
        {
            layout.pinned.clear();
            layout.stir();
            set_layout_state(&ctx, choice, layout.clone());
        }
        let keepable = matches!(choice, Choice::Membership(_)) && !context.read_only;
        let keep = ui
            .add_enabled(keepable, egui::Button::new("Keep this arrangement"))
            .on_hover_text("Store these places in the view, as one step you can undo")
            .on_disabled_hover_text(
                "Only a membership view's places are kept; the knowledge network is arranged \
                 afresh each time",
            );
        if keep.clicked()
            && let Choice::Membership(view) = choice
        {
            keep::keep_arrangement(context, session, &layout, view, commands);
        }
        ui.label(status(session, &layout));
    });
    draw_network(ui, session, &mut layout, &mut state.live_last_frame);
    set_layout_state(&ctx, choice, layout);
}

fn status(session: &Session, layout: &ForcesState) -> String {
    let count = session.network.nodes.len();
    let nodes = crate::analysis::counted(count, "node");
    let pinned = crate::analysis::counted(layout.pinned.len(), "pinned node");
    if layout.running {
        format!("{nodes}; arranging ({pinned})")
    } else {
        format!("{nodes}; settled ({pinned}). Drag a node to move and pin it.")
    }
}

/// The widget while the layout runs or the pointer works on the network; the still picture
/// otherwise.
fn draw_network(
    ui: &mut egui::Ui,
    session: &mut Session,
    layout: &mut ForcesState,
    live_last_frame: &mut bool,
) {
    let rect = ui.available_rect_before_wrap();
    let pointer_on = ui
        .ctx()
        .pointer_latest_pos()
        .is_some_and(|p| rect.contains(p));
    // A pointer resting on the settled network is not exploring: after a second still, our
    // picture takes over again and the window goes idle; a move or a press hands back.
    let handling = ui
        .input(|i| i.pointer.any_down() || i.pointer.time_since_last_movement() < RESTING_SECONDS);
    let dragging = session.graph.dragged_node().is_some();
    let live = layout.running || dragging || (pointer_on && handling);
    session.rect = rect;
    *live_last_frame = live;
    let id = graph_id(session.choice);
    if !live {
        still::paint(ui, session, layout, &id);
        return;
    }
    // The state the widget's layout reads this frame is the one the buttons just set.
    set_layout_state(ui.ctx(), session.choice, layout.clone());
    let response = GraphView::<ForcesState, forces::Forces>::new()
        .with_id(Some(id))
        .with_interactions(
            &SettingsInteraction::new()
                .with_dragging_enabled(true)
                .with_hover_enabled(true)
                .with_node_clicking_enabled(true),
        )
        .with_navigations(
            &SettingsNavigation::new()
                .with_fit_to_screen_enabled(false)
                .with_zoom_and_pan_enabled(true),
        )
        .with_styles(&SettingsStyle::new().with_labels_always(true))
        .show(ui, &mut session.graph);
    let was_running = layout.running;
    *layout = layout_state(ui.ctx(), session.choice);
    if was_running && !layout.running && session.graph.dragged_node().is_none() {
        fit_to(ui.ctx(), session, rect);
    }
    for change in response.changes {
        match change {
            egui_graphs::GraphChange::NodeDragStarted { .. }
            | egui_graphs::GraphChange::NodeMoved { .. } => layout.stir(),
            egui_graphs::GraphChange::NodeDragEnded { node } => {
                if !layout.pinned.contains(&node.index()) {
                    layout.pinned.push(node.index());
                }
                layout.stir();
            }
            _ => {}
        }
    }
}

/// Once settled, the whole network fitted to the room, as the widget fits it when it starts
/// (its own fit-to-screen would refit every frame, fighting the user's zoom).
fn fit_to(ctx: &egui::Context, session: &Session, rect: egui::Rect) {
    let mut bounds = egui::Rect::NOTHING;
    for (index, node) in session.indices.iter().zip(&session.network.nodes) {
        if let Some(shown) = session.graph.node(*index) {
            bounds = bounds.union(egui::Rect::from_center_size(
                shown.location(),
                egui::Vec2::splat(node.tone.radius() * 6.0),
            ));
        }
    }
    if !bounds.is_positive() || !rect.is_positive() {
        return;
    }
    let key = egui::Id::new(MetadataFrame::new(Some(graph_id(session.choice))).get_id());
    ctx.data_mut(|d| {
        let Some(mut meta) = d.get_persisted::<MetadataFrame>(key) else {
            return;
        };
        let zoom = (rect.width() / bounds.width()).min(rect.height() / bounds.height()) * 0.95;
        meta.zoom = zoom;
        meta.pan = rect.size() / 2.0 - bounds.center().to_vec2() * zoom;
        d.insert_persisted(key, meta);
    });
}
