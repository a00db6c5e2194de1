//! The annual review overview: every partnership with its current bands, recommendation,
//! annual cost and review date, filterable and sortable, only the visible rows drawn.
//! Partnerships never assessed or overdue stand out in colour AND with a text marker. Under
//! the table, the totals by recommendation. Clicking a row makes it the current partnership.
//! Above it, the "as at" date and financial year (which assessments count, which year is
//! costed; the matrix follows the same choice) and "Export table..." (XLSX or CSV).

use egui::{Align, Layout};
use egui_extras::{Column, TableBuilder};

use crate::model::{FinancialYear, PartnershipId, normalised_name};
use crate::scoring::{self, Overview, OverviewRow, ReviewBasis};
use crate::ui::{Command, CommandQueue};
use crate::ui::{PanelContext, theme};

/// The columns, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverviewColumn {
    /// Partnership name.
    Name,
    /// Current risk band and score.
    Risk,
    /// Current value band and percentage.
    Value,
    /// Governance rating.
    Governance,
    /// Current recommendation.
    Recommendation,
    /// Annual cost.
    Cost,
    /// Next review due.
    ReviewDue,
    /// Never assessed / overdue.
    Attention,
}

impl OverviewColumn {
    const ALL: [Self; 8] = [
        Self::Name,
        Self::Risk,
        Self::Value,
        Self::Governance,
        Self::Recommendation,
        Self::Cost,
        Self::ReviewDue,
        Self::Attention,
    ];

    fn heading(self) -> &'static str {
        match self {
            Self::Name => "Partnership",
            Self::Risk => "Risk",
            Self::Value => "Value",
            Self::Governance => "Governance",
            Self::Recommendation => "Recommendation",
            Self::Cost => "Annual cost",
            Self::ReviewDue => "Review due",
            Self::Attention => "Attention",
        }
    }
}

fn attention(row: &OverviewRow) -> &'static str {
    if row.never_assessed {
        "⚠ Never assessed"
    } else if row.review_overdue {
        "⚠ Review overdue"
    } else {
        ""
    }
}

fn cell_text(row: &OverviewRow, column: OverviewColumn) -> String {
    match column {
        OverviewColumn::Name => row.name.clone(),
        OverviewColumn::Risk => match (row.risk_band, row.risk_score) {
            (Some(band), Some(score)) => format!("{} ({score})", band.label()),
            (Some(band), None) => band.label().to_string(),
            _ => "—".to_string(),
        },
        OverviewColumn::Value => match (row.value_band, row.value_percent) {
            (Some(band), Some(percent)) => format!("{} ({percent}%)", band.label()),
            (Some(band), None) => band.label().to_string(),
            _ => "—".to_string(),
        },
        OverviewColumn::Governance => row.governance.map_or("—", |g| g.label()).to_string(),
        OverviewColumn::Recommendation => match row.recommendation {
            Some(r) if row.overridden() => format!("{} (override)", r.label()),
            Some(r) => r.label().to_string(),
            None => "—".to_string(),
        },
        OverviewColumn::Cost => row.cost.total.format_whole_pounds(),
        OverviewColumn::ReviewDue => row
            .review_due
            .map_or_else(|| "—".to_string(), |d| d.to_string()),
        OverviewColumn::Attention => attention(row).to_string(),
    }
}

/// What the visible rows were worked out for: revision, basis, filter and sort.
type ShownFor = (u64, ReviewBasis, String, Option<(usize, bool)>);

/// The panel's memory: the as-at date and year, filter, sort, and the overview as last built.
#[derive(Debug, Default)]
pub struct OverviewState {
    /// Words every shown row must contain.
    pub filter: String,
    /// The as-at date and financial year chosen; `None` follows today.
    pub chosen_basis: Option<ReviewBasis>,
    /// The as-at date as typed.
    as_at_text: String,
    /// Why the typed date was not taken.
    as_at_problem: Option<String>,
    sort: Option<(usize, bool)>,
    built: Option<(u64, ReviewBasis, Overview)>,
    visible: Vec<usize>,
    shown_for: Option<ShownFor>,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

impl OverviewState {
    /// Forgets everything tied to the register.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }

    /// What the overview (and the matrix, and their exports) is as at: the date and year
    /// chosen, or today and this financial year.
    pub fn basis(&self) -> ReviewBasis {
        self.chosen_basis
            .unwrap_or_else(|| ReviewBasis::on(today()))
    }

    fn refresh(&mut self, context: &PanelContext<'_>) {
        let basis = self.basis();
        if self.built.as_ref().is_none_or(|(revision, built_for, _)| {
            *revision != context.revision || *built_for != basis
        }) {
            let overview = scoring::overview_for(context.register, &basis);
            self.built = Some((context.revision, basis, overview));
            self.shown_for = None;
        }
        let key = (context.revision, basis, self.filter.clone(), self.sort);
        if self.shown_for.as_ref() == Some(&key) {
            return;
        }
        let Some((_, _, overview)) = &self.built else {
            return;
        };
        let words: Vec<String> = normalised_name(&self.filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut visible: Vec<usize> = overview
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                let haystack = normalised_name(&format!(
                    "{} {}",
                    row.name,
                    cell_text(row, OverviewColumn::Recommendation)
                ));
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(index, _)| index)
            .collect();
        let rows = &overview.rows;
        match self.sort {
            None => visible.sort_by_key(|i| rows[*i].name.to_lowercase()),
            Some((column, ascending)) => {
                visible.sort_by(|a, b| {
                    let (a, b) = (&rows[*a], &rows[*b]);
                    let order = match OverviewColumn::ALL[column] {
                        OverviewColumn::Risk => a.risk_score.cmp(&b.risk_score),
                        OverviewColumn::Value => a.value_percent.cmp(&b.value_percent),
                        OverviewColumn::Governance => a.governance.cmp(&b.governance),
                        OverviewColumn::Recommendation => a.recommendation.cmp(&b.recommendation),
                        OverviewColumn::Cost => a.cost.total.cmp(&b.cost.total),
                        OverviewColumn::ReviewDue => a.review_due.cmp(&b.review_due),
                        OverviewColumn::Attention => (a.never_assessed, a.review_overdue)
                            .cmp(&(b.never_assessed, b.review_overdue)),
                        OverviewColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                    };
                    if ascending { order } else { order.reverse() }
                });
            }
        }
        self.visible = visible;
        self.shown_for = Some(key);
    }
}

/// The as-at date and financial year picker: a typed date (taken when it reads as a date), a
/// financial year (as at its end, or today for this year), and "Today".
fn basis_ui(ui: &mut egui::Ui, context: &PanelContext<'_>, state: &mut OverviewState) {
    let basis = state.basis();
    let today = today();
    if state.as_at_text.is_empty() && state.as_at_problem.is_none() {
        state.as_at_text = basis.as_at.to_string();
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("As at");
        let response = ui
            .add(egui::TextEdit::singleline(&mut state.as_at_text).desired_width(100.0))
            .labelled_by(label.id)
            .on_hover_text(
                "Assessments made after this date do not count; reviews due before it are \
                 overdue (YYYY-MM-DD)",
            );
        if response.changed() {
            match crate::model::parse_date(&state.as_at_text) {
                Ok(date) => {
                    state.chosen_basis = Some(basis.with_as_at(date));
                    state.as_at_problem = None;
                }
                Err(error) => state.as_at_problem = Some(error.to_string()),
            }
        }
        let label = ui.label("Financial year");
        let mut year = basis.year;
        egui::ComboBox::from_id_salt("overview_financial_year")
            .selected_text(FinancialYear::starting(year).label())
            .show_ui(ui, |ui| {
                for offered in scoring::years_on_record(context.register, today)
                    .into_iter()
                    .rev()
                {
                    ui.selectable_value(
                        &mut year,
                        offered,
                        FinancialYear::starting(offered).label(),
                    );
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "The year whose contributions are costed; choosing one shows it as at its end",
            );
        if year != basis.year {
            let chosen = ReviewBasis::for_year(year, today);
            state.chosen_basis = Some(chosen);
            state.as_at_text = chosen.as_at.to_string();
            state.as_at_problem = None;
        }
        if ui
            .add_enabled(state.chosen_basis.is_some(), egui::Button::new("Today"))
            .on_hover_text("Back to today and this financial year")
            .clicked()
        {
            state.chosen_basis = None;
            state.as_at_text = today.to_string();
            state.as_at_problem = None;
        }
    });
    if let Some(problem) = &state.as_at_problem {
        ui.label(
            egui::RichText::new(format!("The as-at date was not changed: {problem}"))
                .color(theme::invalid_text_colour(ui.visuals())),
        );
    }
}

/// Draws the overview panel.
pub fn overview_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut OverviewState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    state.refresh(context);
    let Some((_, basis, overview)) = &state.built else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading("Annual review");
        ui.label(format!(
            "{} {}; {} never assessed; {} overdue for review.",
            crate::model::words::counted(overview.rows.len(), "partnership"),
            basis.describe(),
            overview.never_assessed,
            overview.overdue
        ));
    });
    basis_ui(ui, context, state);
    state.refresh(context);
    let Some((_, _, overview)) = &state.built else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("Name or recommendation")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if ui
            .button("Export table...")
            .on_hover_text(
                "Save this overview (every partnership, as at the date above) as .xlsx or .csv",
            )
            .clicked()
        {
            commands.send(Command::ExportOverview);
        }
    });
    egui::Panel::bottom("overview_totals").show(ui, |ui| {
        ui.label(
            egui::RichText::new(format!(
                "Totals by recommendation ({})",
                FinancialYear::starting(overview.year)
            ))
            .strong(),
        );
        for total in &overview.totals {
            ui.label(format!(
                "{}; whole cost with officer time {}",
                total.summary(),
                total.annual_cost.format_whole_pounds()
            ));
        }
    });
    let attention_colour = theme::invalid_text_colour(ui.visuals());
    let row_height = ui.spacing().interact_size.y + 2.0;
    let mut clicked_sort = None;
    let mut clicked_row = None;
    // In a scope of its own: the table draws its column lines down to the bottom of its
    // Ui, which would otherwise run through the totals panel below it.
    ui.scope(|ui| {
        TableBuilder::new(ui)
            .id_salt("overview_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::remainder().at_least(240.0).clip(true))
            .columns(Column::initial(110.0).at_least(70.0).clip(true), 2)
            .column(Column::initial(200.0).at_least(70.0).clip(true))
            .column(Column::initial(150.0).at_least(90.0).clip(true))
            .column(Column::initial(100.0).at_least(80.0))
            .column(Column::initial(100.0).at_least(80.0))
            .column(Column::initial(150.0).at_least(90.0))
            .header(row_height, |mut header| {
                for (index, column) in OverviewColumn::ALL.iter().enumerate() {
                    header.col(|ui| {
                        let arrow = match state.sort {
                            Some((sorted, true)) if sorted == index => " ⏶",
                            Some((sorted, false)) if sorted == index => " ⏷",
                            _ => "",
                        };
                        let text =
                            egui::RichText::new(format!("{}{arrow}", column.heading())).strong();
                        if ui.add(egui::Button::new(text).frame(false)).clicked() {
                            clicked_sort = Some(index);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.visible.len(), |mut table_row| {
                    let Some(row) = state
                        .visible
                        .get(table_row.index())
                        .and_then(|i| overview.rows.get(*i))
                    else {
                        return;
                    };
                    let selected = *current == Some(row.partnership);
                    table_row.set_selected(selected);
                    let flagged = row.never_assessed || row.review_overdue;
                    let mut clicked = false;
                    for column in OverviewColumn::ALL {
                        table_row.col(|ui| {
                            let mut text = egui::RichText::new(cell_text(row, column));
                            if flagged
                                && matches!(
                                    column,
                                    OverviewColumn::Attention | OverviewColumn::ReviewDue
                                )
                            {
                                text = text.color(attention_colour).strong();
                            }
                            if column == OverviewColumn::Name {
                                clicked |= ui.selectable_label(selected, text).clicked();
                            } else {
                                ui.label(text);
                            }
                        });
                    }
                    if clicked || table_row.response().clicked() {
                        clicked_row = Some(row.partnership);
                    }
                });
            });
    });
    if let Some(index) = clicked_sort {
        state.sort = match state.sort {
            Some((sorted, ascending)) if sorted == index => Some((index, !ascending)),
            _ => Some((index, true)),
        };
    }
    if let Some(id) = clicked_row {
        *current = Some(id);
    }
}
