//! The Diagram panel: the view list and tools on top, the diagram in the middle (drawn from the
//! same export `Scene` the files get, by the one [`scene_painter`](crate::ui::scene_painter)),
//! the view's settings, the selected box's actions, the export form and the legend on the
//! right.
//!
//! The diagram is a view of the register, rebuilt when the register changes; a drag ends in
//! one move edit, and every other change (pin, re-layout, sub-group, connect, remove, nudge,
//! new, duplicate, rename or delete a view, filters, style rules) is one edit too, sent as a
//! [`Command`](crate::ui::Command). The canvas asks for a new frame only on input, so an open
//! diagram costs no CPU while nobody touches it.

mod badges;
mod camera;
mod canvas;
mod context_menu;
mod controls;
mod detail;
mod export_form;
mod side_panel;
mod views;

use std::collections::BTreeSet;

use crate::diagram::print::PageChoice;
use crate::diagram::{BuildOptions, Diagram};
use crate::export::{Format, PageSetup, Rect, Scene};
use crate::model::{NodeRef, PartnershipId, Register, RelationshipKind, View, ViewId};

use super::PanelContext;
use crate::ui::CommandQueue;
use crate::ui::scene_painter::{SceneTransform, item_bounds};

pub use camera::{ZOOM_STEP, zoom_in_notches};
pub use canvas::{CANVAS_LABEL, NUDGE_STEP};
pub use export_form::{ExportForm, PagesChoice};
pub use views::ViewsForm;

/// A diagram export asked for from the panel or File, Export diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramExport {
    /// The view.
    pub view: ViewId,
    /// Where to write.
    pub path: std::path::PathBuf,
    /// Page preset.
    pub setup: PageSetup,
    /// SVG, PNG (with dpi) or PDF.
    pub format: Format,
    /// The focus shown when it was asked for.
    pub options: BuildOptions,
    /// An overview page and one page per themed partnership, in one PDF.
    pub per_theme: bool,
}

/// A compact arrangement for the page, shown before it is kept: what it prints and the one
/// edit that stores it ([`crate::diagram::print::compact_arrangement`]).
pub struct ArrangementPreview {
    /// The register revision it was made from (a change ends the preview).
    pub revision: u64,
    /// The view it arranges.
    pub view: ViewId,
    /// The picture as it would print.
    pub plan: crate::diagram::print::PrintPlan,
    /// The edit that stores it.
    pub edit: crate::model::Edit,
}

struct Cached {
    revision: u64,
    view: View,
    options: BuildOptions,
    /// The page the picture is previewed on ("As printed"), if it is.
    preview: Option<PageChoice>,
    diagram: Diagram,
    scene: Scene,
    /// Each scene item's bounds, for culling (worked out with the scene).
    bounds: Vec<Option<Rect>>,
    /// How the preview fits its page.
    preview_note: Option<String>,
    /// The names as drawn short when zoomed out ([`detail::short_names`]).
    short_names: Vec<String>,
}

impl Cached {
    /// The scene drawn again from the diagram (a node was dragged or nudged).
    fn redraw(&mut self, register: &Register) {
        self.scene = build_scene(register, &self.diagram);
        self.bounds = item_bounds(&self.scene.items);
    }
}

struct Drag {
    index: usize,
    /// Pointer minus node centre, in diagram points, when the drag began.
    grab: egui::Vec2,
    moved: bool,
}

/// Where the right-click menu was opened: on a box (its node) or the background, and where in
/// the diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
struct MenuTarget {
    node: Option<NodeRef>,
    at: crate::export::Point,
}

/// The panel's state between frames (never the register).
pub struct DiagramPanelState {
    /// The view shown.
    pub view: Option<ViewId>,
    /// Nodes selected (the current partnership's node is always among them).
    pub selected: BTreeSet<NodeRef>,
    /// Focus on the current partnership this many steps out (None: show everything).
    pub focus_steps: Option<usize>,
    /// Name typed for a new sub-group in the side panel.
    pub sub_group_name: String,
    /// Name typed for a new sub-group in the right-click menu.
    pub menu_sub_group_name: String,
    /// Name typed for a partnership added from the background's right-click menu.
    pub new_partnership_name: String,
    /// Kind of relationship "Connect" makes.
    pub connect_kind: RelationshipKind,
    /// Waiting for the partnership to connect the current one to.
    pub connect_from: Option<PartnershipId>,
    /// The export form.
    pub export: ExportForm,
    /// The view list's forms (new, rename, delete).
    pub views: ViewsForm,
    /// Show the picture as it prints on the export form's page; nodes cannot be dragged then.
    pub as_printed: bool,
    /// A compact arrangement being previewed, if one is.
    pub arrangement: Option<ArrangementPreview>,
    camera: camera::Camera,
    cache: Option<Cached>,
    drag: Option<Drag>,
    canvas: Option<egui::Rect>,
    menu: Option<MenuTarget>,
    nudge: Option<canvas::Nudge>,
}

impl std::fmt::Debug for DiagramPanelState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiagramPanelState")
            .field("view", &self.view)
            .field("selected", &self.selected)
            .field("scale", &self.camera.scale)
            .finish_non_exhaustive()
    }
}

impl Default for DiagramPanelState {
    fn default() -> Self {
        Self {
            view: None,
            selected: BTreeSet::new(),
            focus_steps: None,
            sub_group_name: String::new(),
            menu_sub_group_name: String::new(),
            new_partnership_name: String::new(),
            connect_kind: RelationshipKind::ReportsTo,
            connect_from: None,
            export: ExportForm::default(),
            views: ViewsForm::default(),
            as_printed: false,
            arrangement: None,
            camera: camera::Camera::default(),
            cache: None,
            drag: None,
            canvas: None,
            menu: None,
            nudge: None,
        }
    }
}

impl DiagramPanelState {
    /// A different register: forget the view, the selection and the picture.
    pub fn forget_register(&mut self) {
        let mut export = self.export.clone();
        export.forget_register();
        *self = Self {
            export,
            ..Self::default()
        };
    }

    /// How diagram points map to the screen, as last drawn.
    pub fn canvas_view(&self) -> Option<SceneTransform> {
        Some(self.camera.transform(self.canvas?))
    }

    /// Where `node`'s centre was drawn on screen in the last frame.
    pub fn screen_position(&self, node: NodeRef) -> Option<egui::Pos2> {
        let cache = self.cache.as_ref()?;
        let index = cache.diagram.index_of(node)?;
        Some(
            self.canvas_view()?
                .to_screen(cache.diagram.nodes[index].centre),
        )
    }

    /// The diagram as last built.
    pub fn diagram(&self) -> Option<&Diagram> {
        self.cache.as_ref().map(|c| &c.diagram)
    }

    /// The scene as last drawn.
    pub fn scene(&self) -> Option<&Scene> {
        self.cache.as_ref().map(|c| &c.scene)
    }

    /// The note on the "As printed" preview (page, printed name size), when it is shown.
    pub fn preview_note(&self) -> Option<&str> {
        self.cache.as_ref().and_then(|c| c.preview_note.as_deref())
    }

    /// Ends the preview of a compact arrangement (kept or not): the picture is drawn from the
    /// register again on the next frame, fitted.
    pub fn end_arrangement_preview(&mut self) {
        self.arrangement = None;
        if let Some(cache) = &mut self.cache {
            cache.revision = u64::MAX;
        }
        self.fit_to_window();
    }

    /// Asks for the picture to be fitted to the window on the next frame.
    pub fn fit_to_window(&mut self) {
        self.camera.pending = Some(camera::Aim::Fit);
    }

    /// Asks for the selected boxes to fill the window on the next frame.
    pub fn zoom_to_selection(&mut self) {
        self.camera.pending = Some(camera::Aim::Selection);
    }

    /// The indexes of the selected nodes in the diagram shown.
    fn selected_indexes(&self) -> BTreeSet<usize> {
        let Some(cache) = &self.cache else {
            return BTreeSet::new();
        };
        cache
            .diagram
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| self.selected.contains(&n.node))
            .map(|(i, _)| i)
            .collect()
    }

    fn options(&self, current: Option<PartnershipId>) -> BuildOptions {
        BuildOptions {
            focus: match (self.focus_steps, current) {
                (Some(steps), Some(id)) => Some((NodeRef::Partnership(id), steps)),
                _ => None,
            },
        }
    }

    /// Rebuilds the diagram when the register, the view or the focus changed.
    fn refresh(&mut self, register: &Register, revision: u64, current: Option<PartnershipId>) {
        let view = self
            .view
            .and_then(|id| register.views.get(&id))
            .or_else(|| register.views.values().next())
            .cloned();
        let Some(view) = view else {
            self.view = None;
            self.cache = None;
            return;
        };
        if self.view != Some(view.id) {
            self.fit_to_window();
        }
        self.view = Some(view.id);
        let options = self.options(current);
        if self
            .arrangement
            .as_ref()
            .is_some_and(|a| a.revision != revision || a.view != view.id)
        {
            self.arrangement = None;
        }
        if let Some(arrangement) = &self.arrangement {
            // The preview of a compact arrangement: drawn as it would print, not movable.
            let choice = PageChoice::Fixed(arrangement.plan.setup);
            if self.cache.as_ref().is_some_and(|c| {
                c.preview == Some(choice) && c.revision == revision && c.view == view
            }) {
                return;
            }
            let diagram = arrangement.plan.diagram.clone();
            let scene = arrangement.plan.scene.clone();
            self.cache = Some(Cached {
                revision,
                view,
                options,
                preview: Some(choice),
                bounds: item_bounds(&scene.items),
                short_names: detail::short_names(&diagram),
                diagram,
                scene,
                preview_note: None,
            });
            return;
        }
        let preview = self.as_printed.then(|| self.export.page_choice());
        let fresh = self.cache.as_ref().is_some_and(|c| {
            c.revision == revision && c.view == view && c.options == options && c.preview == preview
        });
        if fresh {
            return; // Mid-drag too: the canvas moves the node in the cached picture itself.
        }
        if self.cache.as_ref().is_some_and(|c| c.preview != preview) {
            self.fit_to_window();
        }
        let diagram = Diagram::build(register, &view, &options);
        let (diagram, scene, preview_note) = match preview {
            None => {
                let scene = build_scene(register, &diagram);
                (diagram, scene, None)
            }
            Some(choice) => {
                let today = chrono::Local::now().date_naive();
                let caption = crate::diagram::scene::caption(register, &diagram, today);
                let plan = crate::diagram::print::plan(&diagram, &caption, choice);
                let note = match plan.note() {
                    Some(note) => format!("As printed on {}: {note}", plan.setup),
                    None => format!(
                        "As printed on {}: names at {:.1} pt.",
                        plan.setup, plan.name_pt
                    ),
                };
                (plan.diagram, plan.scene, Some(note))
            }
        };
        self.cache = Some(Cached {
            revision,
            view,
            options,
            preview,
            bounds: item_bounds(&scene.items),
            short_names: detail::short_names(&diagram),
            diagram,
            scene,
            preview_note,
        });
        self.drag = None;
    }
}

fn build_scene(register: &Register, diagram: &Diagram) -> Scene {
    let today = chrono::Local::now().date_naive();
    crate::diagram::scene::diagram_scene(
        diagram,
        crate::diagram::scene::caption(register, diagram, today),
    )
}

/// Draws the Diagram panel.
pub fn diagram_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    state.refresh(context.register, context.revision, *current);
    if let Some(id) = *current {
        state.selected.insert(NodeRef::Partnership(id));
    }
    egui::Panel::top("diagram_tools").show(ui, |ui| {
        controls::toolbar_ui(ui, context, state, *current, commands);
        export_form::arrangement_preview_ui(ui, context, state, commands);
    });
    egui::Panel::right("diagram_side")
        .default_size(340.0)
        .size_range(260.0..=520.0)
        .show(ui, |ui| {
            side_panel::side_panel_ui(ui, context, state, *current, commands);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        if state.cache.is_none() {
            views::no_views_ui(ui, context, commands);
            return;
        }
        canvas::canvas_ui(ui, context, state, current, commands);
    });
}
