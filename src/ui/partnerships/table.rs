//! The partnerships table: one line per partnership, headings that sort, only the visible
//! rows drawn (so 10,000 partnerships scroll as smoothly as 80).

use egui::{Align, Layout};
use egui_extras::{Column, TableBuilder};

use super::rows::{PartnershipRows, SortColumn, SortOrder};
use crate::model::PartnershipId;

/// Draws the table. Clicking a heading changes `sort`; clicking a row makes it `current`.
/// With `scroll_to_current`, the current row is scrolled into view. A table wider than the
/// space scrolls sideways (and never reaches over the panels beside it).
pub fn partnerships_table_ui(
    ui: &mut egui::Ui,
    rows: &PartnershipRows,
    sort: &mut SortOrder,
    current: &mut Option<PartnershipId>,
    scroll_to_current: bool,
) {
    egui::ScrollArea::horizontal()
        .id_salt("partnerships_table_sideways")
        .show(ui, |ui| {
            table_ui(ui, rows, sort, current, scroll_to_current)
        });
}

fn table_ui(
    ui: &mut egui::Ui,
    rows: &PartnershipRows,
    sort: &mut SortOrder,
    current: &mut Option<PartnershipId>,
    scroll_to_current: bool,
) {
    let row_height = ui.spacing().interact_size.y + 4.0;
    let contribution_heading = rows.contribution_year_label().map_or_else(
        || "Contribution".to_string(),
        |year| format!("Contribution {year}"),
    );
    let mut table = TableBuilder::new(ui)
        .id_salt("partnerships_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        // The name takes the room left over; the others are sized for their longest words.
        .column(
            Column::remainder()
                .at_least(240.0)
                .clip(true)
                .resizable(false),
        )
        .column(Column::initial(140.0).at_least(80.0).clip(true))
        .column(Column::initial(140.0).at_least(70.0).clip(true))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::initial(125.0).at_least(80.0).clip(true))
        .column(Column::initial(100.0).at_least(70.0))
        .column(Column::initial(140.0).at_least(90.0))
        .column(Column::initial(100.0).at_least(90.0));
    if scroll_to_current && let Some(position) = current.and_then(|id| rows.visible_position(id)) {
        table = table.scroll_to_row(position, Some(Align::Center));
    }
    table
        .header(row_height + 2.0, |mut header| {
            for &column in SortColumn::ALL {
                header.col(|ui| {
                    let heading = match column {
                        SortColumn::Contribution => contribution_heading.as_str(),
                        other => heading(other),
                    };
                    if column.is_numeric() {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            sort_heading_ui(ui, heading, column, sort);
                        });
                    } else {
                        sort_heading_ui(ui, heading, column, sort);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.visible_len(), |mut table_row| {
                let Some(row) = rows.visible_row(table_row.index()) else {
                    return;
                };
                let selected = *current == Some(row.id);
                table_row.set_selected(selected);
                let mut clicked = false;
                for &column in SortColumn::ALL {
                    table_row.col(|ui| {
                        if column == SortColumn::Name {
                            clicked |= ui.selectable_label(selected, &row.name).clicked();
                        } else if column.is_numeric() {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(row.cell_text(column));
                            });
                        } else {
                            ui.label(row.cell_text(column));
                        }
                    });
                }
                if clicked || table_row.response().clicked() {
                    *current = Some(row.id);
                }
            });
        });
}

/// A column heading's words.
fn heading(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Name => "Name",
        SortColumn::Kind => "Kind",
        SortColumn::Status => "Status",
        SortColumn::Level => "Level",
        SortColumn::CouncilRole => "Council role",
        SortColumn::Hours => "Hours a month",
        SortColumn::Contribution => "Contribution",
        SortColumn::ReviewDate => "Review date",
    }
}

/// A heading that sorts by its column when clicked, showing an arrow when it is the sort.
fn sort_heading_ui(ui: &mut egui::Ui, heading: &str, column: SortColumn, sort: &mut SortOrder) {
    let sorted_here = sort.column == column;
    let arrow = match (sorted_here, sort.ascending) {
        (false, _) => "",
        (true, true) => " ⏶",
        (true, false) => " ⏷",
    };
    let text = egui::RichText::new(format!("{heading}{arrow}")).strong();
    let response = ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(format!("Sort by {}", heading.to_lowercase()));
    if response.clicked() {
        *sort = sort.after_clicking(column);
    }
}
