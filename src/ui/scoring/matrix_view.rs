//! The risk/value matrix on screen: the same scene that is exported, painted to fit the panel,
//! with the legend under it. Clicking a circle (or its name) makes that partnership current;
//! "Export matrix..." asks where to save it as SVG, PNG or PDF. It is as at the date and
//! financial year chosen in the annual review overview.

use crate::export::matrix::{MatrixChart, matrix_chart_for};
use crate::export::scene::LegendSymbol;
use crate::model::{FinancialYear, PartnershipId};
use crate::scoring::ReviewBasis;
use crate::ui::PanelContext;
use crate::ui::scene_painter::{SceneTransform, fit_scene, paint_scene_ui};
use crate::ui::{Command, CommandQueue};

/// The chart as last built, and for which revision and basis.
#[derive(Debug, Default)]
pub struct MatrixViewState {
    chart: Option<(u64, ReviewBasis, MatrixChart)>,
}

impl MatrixViewState {
    /// Forgets the chart (another register was opened).
    pub fn forget_register(&mut self) {
        self.chart = None;
    }
}

/// The accessible name of the chart area.
pub const MATRIX_CHART_LABEL: &str = "Risk/value matrix chart";

/// Where the chart's scene is drawn in an area of the screen: fitted inside a small margin,
/// at most 2.5 times its size in points.
pub fn chart_transform(chart: &MatrixChart, area: egui::Rect) -> SceneTransform {
    fit_scene(&chart.scene, area.shrink(8.0), 2.5)
}

/// Draws the matrix panel.
pub fn matrix_view_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut MatrixViewState,
    basis: ReviewBasis,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    if state
        .chart
        .as_ref()
        .is_none_or(|(revision, built_for, _)| *revision != context.revision || *built_for != basis)
    {
        state.chart = Some((
            context.revision,
            basis,
            matrix_chart_for(context.register, &basis),
        ));
    }
    let Some((_, _, chart)) = &state.chart else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading(&chart.scene.caption.title);
        ui.label(format!(
            "{} (costs for {}; change it in Annual review).",
            chart.scene.caption.data_as_at_line(),
            FinancialYear::starting(basis.year)
        ));
        if ui.button("Export matrix...").clicked() {
            commands.send(Command::ExportMatrix);
        }
    });
    ui.label(format!(
        "{}. Click a circle to choose that partnership.",
        chart.coverage.describe()
    ));
    egui::Panel::bottom("matrix_legend").show(ui, |ui| {
        for group in &chart.scene.legend.groups {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&group.title).strong());
                for entry in &group.entries {
                    if let LegendSymbol::Swatch { paint, .. } = entry.symbol {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                        let fill = paint.fill.map_or(egui::Color32::TRANSPARENT, |c| {
                            egui::Color32::from_rgb(c.r, c.g, c.b)
                        });
                        ui.painter().circle(
                            rect.center(),
                            6.0,
                            fill,
                            egui::Stroke::new(1.0, egui::Color32::DARK_GRAY),
                        );
                    }
                    ui.label(&entry.label);
                }
            });
        }
        ui.weak(&chart.scene.caption.source);
    });
    let (response, painter) = ui.allocate_painter(ui.available_size(), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::Other, true, MATRIX_CHART_LABEL)
    });
    painter.rect_filled(response.rect, 0.0, egui::Color32::WHITE);
    let at = chart_transform(chart, response.rect);
    paint_scene_ui(&painter, &chart.scene, at);
    if let Some(selected) = current.and_then(|id| chart.points.iter().find(|p| p.partnership == id))
    {
        painter.circle_stroke(
            at.to_screen(selected.center),
            (selected.radius + 3.0) * at.scale,
            egui::Stroke::new(2.5, egui::Color32::BLACK),
        );
    }
    if let Some(position) = response.hover_pos()
        && let Some(id) = chart.partnership_at(at.to_scene(position))
        && let Some(point) = chart.points.iter().find(|p| p.partnership == id)
    {
        response.clone().on_hover_text(format!(
            "{}: {} a year",
            point.name,
            point.annual_cost.format_whole_pounds()
        ));
    }
    if response.clicked()
        && let Some(position) = response.interact_pointer_pos()
        && let Some(id) = chart.partnership_at(at.to_scene(position))
    {
        *current = Some(id);
    }
}
