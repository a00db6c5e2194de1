//! The knowledge network: where knowledge does not come back into the council (no
//! report-back route, routes overdue, no seat and not kept informed), and a short form to
//! record a report-back route for the chosen representation, as one undoable edit.

use chrono::NaiveDate;

use super::{Answer, FindingRow};
use crate::analysis::{self, AnalysisSettings, Evidence, counted};
use crate::model::{
    Edit, Register, ReportAudience, ReportBackRoute, ReportBackRouteId, ReportFrequency,
    RepresentationId, parse_date,
};
use crate::ui::{Command, CommandQueue, PanelContext, choice_combo_ui};

/// The threshold: days of grace before a report is late.
pub fn thresholds_ui(ui: &mut egui::Ui, settings: &mut AnalysisSettings) {
    ui.label("Late after");
    ui.add(
        egui::DragValue::new(&mut settings.knowledge.grace_days)
            .range(0..=180)
            .suffix(" days"),
    )
    .on_hover_text("Days after a report was due before it counts as overdue");
}

/// Every place knowledge does not come back.
pub fn answer(register: &Register, settings: &AnalysisSettings) -> Answer {
    let report = analysis::knowledge(register, &settings.knowledge);
    let rows = report
        .findings
        .iter()
        .map(|finding| {
            let person = finding
                .person
                .and_then(|id| register.people.get(&id))
                .map_or_else(String::new, |p| p.name.clone());
            let evidence = finding.describe(register);
            FindingRow {
                cells: vec![
                    register.partnership_name(finding.partnership).to_string(),
                    person,
                    finding.problem.label().to_string(),
                    evidence.clone(),
                ],
                evidence,
                records: finding.records(),
                representation: finding.representation,
                flagged: true,
            }
        })
        .collect();
    Answer {
        headings: vec!["Partnership", "Representative", "Problem", "Evidence"],
        widths: vec![330.0, 190.0, 220.0],
        rows,
        summary: format!(
            "{} of {} in post report back on time; {} on record, {} overdue.",
            report.flowing,
            counted(report.representations, "representative"),
            counted(report.routes, "report-back route"),
            report.overdue_routes
        ),
    }
}

/// The report-back route being recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteForm {
    /// Who it goes to.
    pub audience: ReportAudience,
    /// The recipient by name.
    pub recipient: String,
    /// How often.
    pub frequency: ReportFrequency,
    /// When it last happened, as typed (empty: never).
    pub last_reported: String,
    /// The representation the form was filled in for.
    pub for_representation: Option<RepresentationId>,
}

impl Default for RouteForm {
    fn default() -> Self {
        Self {
            audience: ReportAudience::PortfolioHolder,
            recipient: String::new(),
            frequency: ReportFrequency::Quarterly,
            last_reported: String::new(),
            for_representation: None,
        }
    }
}

/// "Record a report-back route" for `representation`: recipient, how often, last reported.
pub fn route_form_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    form: &mut RouteForm,
    representation: RepresentationId,
    settings: &AnalysisSettings,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    if form.for_representation != Some(representation) {
        let suggested = register
            .representations
            .get(&representation)
            .and_then(|r| register.partnerships.get(&r.partnership))
            .map(|p| p.reports_to_council.clone())
            .unwrap_or_default();
        *form = RouteForm {
            recipient: suggested,
            last_reported: settings.today().to_string(),
            for_representation: Some(representation),
            ..RouteForm::default()
        };
    }
    ui.strong("Record a report-back route");
    egui::Grid::new("route_form").num_columns(2).show(ui, |ui| {
        let label = ui.label("Reports to").id;
        if let Some(picked) = choice_combo_ui(
            ui,
            egui::Id::new("route_audience"),
            label,
            ReportAudience::ALL,
            form.audience,
            ReportAudience::label,
        ) {
            form.audience = picked;
        }
        ui.end_row();
        let label = ui.label("Recipient").id;
        ui.add(
            egui::TextEdit::singleline(&mut form.recipient)
                .desired_width(320.0)
                .hint_text("Portfolio Holder for Communities"),
        )
        .labelled_by(label);
        ui.end_row();
        let label = ui.label("How often").id;
        if let Some(picked) = choice_combo_ui(
            ui,
            egui::Id::new("route_frequency"),
            label,
            ReportFrequency::ALL,
            form.frequency,
            ReportFrequency::label,
        ) {
            form.frequency = picked;
        }
        ui.end_row();
        let label = ui.label("Last reported").id;
        ui.add(
            egui::TextEdit::singleline(&mut form.last_reported)
                .desired_width(110.0)
                .hint_text("YYYY-MM-DD or empty"),
        )
        .labelled_by(label);
        ui.end_row();
    });
    let last: Result<Option<NaiveDate>, String> = if form.last_reported.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(&form.last_reported)
            .map(Some)
            .map_err(|error| error.to_string())
    };
    if let Err(message) = &last {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
    let allowed = !context.read_only && last.is_ok();
    if ui
        .add_enabled(allowed, egui::Button::new("Record route"))
        .clicked()
        && let Ok(last_reported) = last
    {
        let route = ReportBackRoute {
            id: ReportBackRouteId::next_in(&register.report_back_routes),
            representation,
            audience: form.audience,
            recipient: form.recipient.trim().to_string(),
            frequency: form.frequency,
            last_reported,
            notes: String::new(),
        };
        commands.send(Command::edit(Edit::insert(route)));
        form.for_representation = None;
    }
}
