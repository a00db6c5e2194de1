//! The table itself: headings that sort, only the visible rows drawn, click to select (Ctrl
//! adds, Shift extends), double-click or Enter to edit, overdue rows in the warning colour.

use egui::{Align, Layout};
use egui_extras::{Column as GridColumn, TableBuilder};

use super::TableViewState;
use crate::model::{Entity, PartnershipId};
use crate::tables::{SortOrder, TableSpec};
use crate::ui::CommandQueue;
use crate::ui::PanelContext;

pub(crate) fn grid_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    egui::ScrollArea::horizontal()
        .id_salt((spec.id, "sideways"))
        .show(ui, |ui| {
            table_ui(ui, context, spec, state, shown, current, commands)
        });
}

fn table_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let columns: Vec<usize> = (0..spec.columns.len()).filter(|&c| shown[c]).collect();
    if columns.is_empty() {
        ui.label("Every column is hidden: show some with Columns.");
        return;
    }
    let row_height = ui.spacing().interact_size.y + 6.0;
    let widths = column_widths(ui, spec, state, &columns);
    let warning = ui.visuals().warn_fg_color;
    // Column widths are kept per width of window (to the nearest 100 points): a window
    // made wider or narrower lays its columns out again for the room it has, instead of
    // keeping the widths worked out for the first size it had.
    let room_bucket = (ui.available_width() / 100.0).round() as i64;
    let mut table = TableBuilder::new(ui)
        .id_salt((spec.id, "table", room_bucket))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center));
    for (position, &width) in widths.iter().enumerate() {
        let grid_column = if position + 1 == columns.len() {
            GridColumn::remainder()
                .at_least(width.min(120.0))
                .clip(true)
        } else {
            GridColumn::initial(width).at_least(60.0).clip(true)
        };
        table = table.column(grid_column);
    }
    if let Some(row) = state.scroll_to.take() {
        table = table.scroll_to_row(row, Some(Align::Center));
    }
    let mut clicked: Option<(usize, usize, egui::Modifiers, bool)> = None;
    table
        .header(row_height, |mut header| {
            for &c in &columns {
                header.col(|ui| {
                    let column = &spec.columns[c];
                    let arrow = match state.sort {
                        Some(SortOrder {
                            column,
                            ascending: true,
                        }) if column == c => " ⏶",
                        Some(SortOrder {
                            column,
                            ascending: false,
                        }) if column == c => " ⏷",
                        _ => "",
                    };
                    let text = egui::RichText::new(format!("{}{arrow}", column.header)).strong();
                    let response = ui
                        .add(egui::Button::new(text).frame(false))
                        .on_hover_text(format!("Sort by {}", column.header.to_lowercase()));
                    if response.clicked() {
                        state.sort = Some(SortOrder::after_clicking(state.sort, c));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.rows.visible_len(), |mut table_row| {
                let index = table_row.index();
                let (Some(key), Some(cells)) = (
                    state.rows.visible_key(index),
                    state.rows.visible_cells(index),
                ) else {
                    return;
                };
                let cells = cells.to_vec();
                let selected = state.selected.contains(&key);
                let flagged = state.rows.visible_flagged(index);
                table_row.set_selected(selected);
                for &c in &columns {
                    let editing_here = state
                        .editing
                        .as_ref()
                        .is_some_and(|e| e.key == key && e.column == c);
                    table_row.col(|ui| {
                        if editing_here {
                            super::cell_editor::editor_ui(
                                ui, context, spec, state, shown, commands,
                            );
                            return;
                        }
                        let column = &spec.columns[c];
                        let mut text = egui::RichText::new(&cells[c].text);
                        if flagged {
                            text = text.color(warning).strong();
                        }
                        let is_cursor = state.cursor == Some((key, c));
                        let draw = |ui: &mut egui::Ui| {
                            ui.add(
                                egui::Button::selectable(selected, text)
                                    .frame_when_inactive(is_cursor),
                            )
                        };
                        let response = if column.is_numeric() {
                            ui.with_layout(Layout::right_to_left(Align::Center), draw)
                                .inner
                        } else {
                            draw(ui)
                        };
                        if is_cursor {
                            // The current cell stands out in a selected row too.
                            let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
                            ui.painter().rect_stroke(
                                response.rect,
                                2.0,
                                stroke,
                                egui::StrokeKind::Inside,
                            );
                        }
                        if flagged && c == columns[0] {
                            response
                                .clone()
                                .on_hover_text("Overdue: due before today and still open");
                        } else if cells[c].text.chars().count() > 24 {
                            // The whole text, for a cell too narrow to show it.
                            response.clone().on_hover_text(&cells[c].text);
                        }
                        if response.double_clicked() {
                            clicked = Some((index, c, ui.input(|i| i.modifiers), true));
                        } else if response.clicked() {
                            clicked = Some((index, c, ui.input(|i| i.modifiers), false));
                        }
                    });
                }
                if table_row.response().clicked() && clicked.is_none() {
                    clicked = Some((index, columns[0], egui::Modifiers::NONE, false));
                }
            });
        });
    if let Some((index, column, modifiers, double)) = clicked {
        let selected = click_row(state, index, column, modifiers);
        let partnership = state.rows.visible_partnership(index);
        if selected {
            if let Some(p) = partnership {
                *current = Some(p);
            }
        } else if spec.id == "partnerships" && partnership.is_some() && *current == partnership {
            // Ctrl+click on the current partnership's row: another selected one becomes
            // current, or none.
            *current = state
                .selected
                .iter()
                .find_map(|key| state.rows.visible_position(*key))
                .and_then(|position| state.rows.visible_partnership(position));
        }
        if double
            && !context.read_only
            && let Some(key) = state.rows.visible_key(index)
        {
            super::cell_editor::start_editing(context, spec, state, key, column);
        }
    }
}

/// Selection by click: plain selects one, Ctrl toggles (so Ctrl+click on a selected row
/// deselects it), Shift extends from the anchor. Returns whether the row is selected now.
fn click_row<K: Copy + Ord>(
    state: &mut TableViewState<K>,
    index: usize,
    column: usize,
    modifiers: egui::Modifiers,
) -> bool {
    let Some(key) = state.rows.visible_key(index) else {
        return false;
    };
    if state
        .editing
        .as_ref()
        .is_some_and(|e| e.key != key || e.column != column)
    {
        state.editing = None;
    }
    if modifiers.shift
        && let Some(anchor) = state.anchor
    {
        let (from, to) = (anchor.min(index), anchor.max(index));
        state.selected = (from..=to)
            .filter_map(|i| state.rows.visible_key(i))
            .collect();
    } else if modifiers.command {
        if !state.selected.remove(&key) {
            state.selected.insert(key);
        }
        state.anchor = Some(index);
    } else {
        state.selected = [key].into_iter().collect();
        state.anchor = Some(index);
    }
    state.cursor = Some((key, column));
    state.selected.contains(&key)
}

/// The width below which column `c`'s text stops being readable: about 26 characters for the
/// row's name, 14 for other text, 11 for numbers and dates (a whole "30 September 2027" or
/// "£1,250,000").
pub(crate) fn readable_width<T: Entity + 'static>(
    spec: &TableSpec<T>,
    c: usize,
    char_width: f32,
) -> f32 {
    let chars = if spec.name_column == Some(c) {
        26.0
    } else if spec.columns[c].is_numeric() {
        11.0
    } else {
        14.0
    };
    chars * char_width + 24.0
}

/// Starting widths of the shown columns, from their headings and the longest text of the
/// first few hundred rows: each column as wide as its text (a text column at most 420
/// points), narrowed in proportion when the window is too narrow for all of them, never below
/// its heading or a readable width (the table scrolls sideways beyond that).
fn column_widths<T: Entity + 'static>(
    ui: &egui::Ui,
    spec: &TableSpec<T>,
    state: &TableViewState<T::Key>,
    columns: &[usize],
) -> Vec<f32> {
    let heading_width = |header: &str| {
        let text = egui::WidgetText::from(egui::RichText::new(format!("{header} ⏷")).strong());
        text.into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x + 16.0
    };
    // About the width of an average character of the body font.
    let char_width = ui.fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(
                "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ".to_string(),
                egui::TextStyle::Body.resolve(ui.style()),
                egui::Color32::BLACK,
            )
            .size()
            .x
    }) / 37.0;
    let sampled = state.rows.visible_len().min(300);
    let mut longest = vec![0usize; columns.len()];
    for index in 0..sampled {
        if let Some(cells) = state.rows.visible_cells(index) {
            for (position, &c) in columns.iter().enumerate() {
                let chars = cells.get(c).map_or(0, |cell| cell.text.chars().count());
                longest[position] = longest[position].max(chars);
            }
        }
    }
    let natural: Vec<f32> = longest
        .iter()
        .map(|&chars| chars as f32 * char_width + 24.0)
        .collect();
    // Never narrowed below its heading, nor below a readable width of its text: the
    // table scrolls sideways instead ("Ashm…" tells the user nothing).
    let minimum: Vec<f32> = columns
        .iter()
        .zip(&natural)
        .map(|(&c, &natural)| {
            let readable = readable_width(spec, c, char_width);
            heading_width(spec.columns[c].header)
                .max(70.0)
                .max(natural.min(readable))
        })
        .collect();
    let wanted: Vec<f32> = columns
        .iter()
        .enumerate()
        .map(|(position, &c)| {
            let most = if spec.columns[c].is_numeric() {
                200.0
            } else {
                420.0
            };
            natural[position].min(most).max(minimum[position])
        })
        .collect();
    let spacing = ui.spacing().item_spacing.x * columns.len() as f32 + 24.0;
    let room = ui.available_width() - spacing;
    let total: f32 = wanted.iter().sum();
    if total <= room {
        // Room to spare: it goes to the columns whose text was cut at 420 points.
        let short_of: Vec<f32> = natural
            .iter()
            .zip(&wanted)
            .map(|(natural, want)| (natural - want).max(0.0))
            .collect();
        let needed: f32 = short_of.iter().sum();
        if needed <= 0.0 {
            return wanted;
        }
        let share = ((room - total) / needed).min(1.0);
        return wanted
            .iter()
            .zip(&short_of)
            .map(|(want, short)| want + short * share)
            .collect();
    }
    // Narrow each column in proportion to what it has above its minimum.
    let floor: f32 = minimum.iter().sum();
    let give = (room - floor).max(0.0);
    let above: f32 = total - floor;
    wanted
        .iter()
        .zip(&minimum)
        .map(|(want, min)| min + (want - min) * give / above.max(1.0))
        .collect()
}
