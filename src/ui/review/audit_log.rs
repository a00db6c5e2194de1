//! The audit log on screen, for internal audit: who changed what, when, on which computer and
//! with what origin, newest first, filtered by person, date range, kind of record and one
//! record (a partnership's History button opens it on that partnership). The log is read a
//! page at a time through SQL and only the rows in view are drawn (egui_extras' `rows`), so a
//! log of 100,000 rows scrolls as one of ten.

use std::collections::BTreeMap;

use egui_extras::{Column, TableBuilder};

use super::typed_day;
use crate::model::{EntityKind, RecordKey};
use crate::store::{AuditEntry, AuditFilter, Store};

/// Rows read from the log at a time.
const PAGE: usize = 200;

/// The panel's state between frames.
#[derive(Debug, Default)]
pub struct AuditLogState {
    /// The person typed.
    pub user: String,
    /// The first day typed.
    pub since: String,
    /// The last day typed.
    pub until: String,
    /// The kind of record chosen.
    pub entity: Option<EntityKind>,
    /// One record, with its title, from a History button.
    pub record: Option<(RecordKey, String)>,
    /// The row chosen, by its place in the filtered log.
    pub selected: Option<usize>,
    /// Pages read for the filter and revision they were read for.
    cache: Option<Cache>,
}

#[derive(Debug)]
struct Cache {
    filter: AuditFilter,
    revision: u64,
    total: usize,
    pages: BTreeMap<usize, Vec<AuditEntry>>,
}

impl AuditLogState {
    /// A different register was opened.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }

    /// Show only the history of `key` (titled `title`).
    pub fn show_record(&mut self, key: RecordKey, title: String) {
        *self = Self {
            record: Some((key, title)),
            ..Self::default()
        };
    }

    /// The filter the typed values make, or what is wrong with them.
    pub fn filter(&self) -> Result<AuditFilter, String> {
        let user = self.user.trim();
        Ok(AuditFilter {
            user: (!user.is_empty()).then(|| user.to_string()),
            since: typed_day(&self.since)?,
            until: typed_day(&self.until)?,
            entity: self
                .record
                .as_ref()
                .map(|(key, _)| key.kind())
                .or(self.entity)
                .map(|kind| kind.label().to_string()),
            entity_key: self
                .record
                .as_ref()
                .and_then(|(key, _)| serde_json::to_string(key).ok()),
        })
    }
}

/// Draws the panel.
pub fn audit_log_ui(ui: &mut egui::Ui, store: &Store, revision: u64, state: &mut AuditLogState) {
    ui.heading("Audit log");
    filters_ui(ui, state);
    let filter = match state.filter() {
        Ok(filter) => filter,
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
    };
    let fresh = state
        .cache
        .as_ref()
        .is_some_and(|c| c.filter == filter && c.revision == revision);
    if !fresh {
        match store.audit_count(&filter) {
            Ok(total) => {
                state.cache = Some(Cache {
                    filter: filter.clone(),
                    revision,
                    total,
                    pages: BTreeMap::new(),
                });
                state.selected = None;
            }
            Err(error) => {
                ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                return;
            }
        }
    }
    let Some(cache) = state.cache.as_mut() else {
        return;
    };
    ui.label(crate::model::words::counted(cache.total, "change"));
    let selected = &mut state.selected;
    let detail_height = if selected.is_some() { 220.0 } else { 0.0 };
    let table_height = (ui.available_height() - detail_height).max(120.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
        rows_ui(ui, store, cache, selected);
    });
    if let Some(index) = *selected
        && let Some(entry) = entry_at(store, cache, index)
    {
        detail_ui(ui, &entry);
    }
}

fn filters_ui(ui: &mut egui::Ui, state: &mut AuditLogState) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Person").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.user)
                .desired_width(120.0)
                .hint_text("anyone"),
        )
        .labelled_by(label)
        .on_hover_text("The computer account name, as the log records it");
        let label = ui.label("From").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.since)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(label);
        let label = ui.label("To").id;
        ui.add(
            egui::TextEdit::singleline(&mut state.until)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(label);
        ui.label("Record kind");
        egui::ComboBox::from_id_salt("audit_kind")
            .selected_text(state.entity.map_or("every kind", |k| k.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.entity, None, "every kind");
                for &kind in EntityKind::ALL {
                    ui.selectable_value(&mut state.entity, Some(kind), kind.label());
                }
            });
        if let Some((_, title)) = &state.record {
            ui.label(format!("History of {title}"));
            if ui.button("Show every record").clicked() {
                state.record = None;
            }
        }
    });
}

/// The entry at `index` of the filtered log, reading its page if it is not read yet.
fn entry_at(store: &Store, cache: &mut Cache, index: usize) -> Option<AuditEntry> {
    let page = index / PAGE;
    if !cache.pages.contains_key(&page) {
        let rows = store
            .audit_page(&cache.filter, page * PAGE, PAGE)
            .unwrap_or_default();
        // Keep a screenful or two of pages: far scrolling does not grow memory.
        if cache.pages.len() > 8 {
            cache.pages.clear();
        }
        cache.pages.insert(page, rows);
    }
    cache.pages.get(&page)?.get(index % PAGE).cloned()
}

fn rows_ui(ui: &mut egui::Ui, store: &Store, cache: &mut Cache, selected: &mut Option<usize>) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let headings = ["When", "Who", "Computer", "Origin", "What", "Record kind"];
    let total = cache.total;
    TableBuilder::new(ui)
        .id_salt("audit_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::initial(150.0).at_least(90.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(70.0).at_least(50.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::initial(130.0).at_least(80.0).clip(true))
        .header(row_height, |mut header| {
            for heading in headings {
                header.col(|ui| {
                    ui.strong(heading);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, total, |mut row| {
                let index = row.index();
                let Some(entry) = entry_at(store, cache, index) else {
                    return;
                };
                row.set_selected(*selected == Some(index));
                let cells = [
                    entry
                        .at
                        .replace('T', " ")
                        .chars()
                        .take(19)
                        .collect::<String>(),
                    entry.user_name.clone(),
                    entry.machine.clone(),
                    entry.origin.clone(),
                    entry.description.clone(),
                    entry.entity.clone(),
                ];
                for cell in cells {
                    row.col(|ui| {
                        ui.label(cell);
                    });
                }
                if row.response().clicked() {
                    *selected = Some(index);
                }
            });
        });
}

/// The chosen change: the record before and after, as the log keeps it.
fn detail_ui(ui: &mut egui::Ui, entry: &AuditEntry) {
    ui.separator();
    let key = if entry.entity_key == "null" {
        String::new()
    } else {
        format!(", key {}", entry.entity_key)
    };
    ui.strong(format!(
        "Step {}: {} ({} {}{key})",
        entry.step, entry.description, entry.action, entry.entity
    ));
    ui.columns(2, |columns| {
        for (column, (title, json)) in columns
            .iter_mut()
            .zip([("Before", &entry.before), ("After", &entry.after)])
        {
            column.weak(title);
            egui::ScrollArea::vertical()
                .id_salt(title)
                .max_height(180.0)
                .show(column, |ui| {
                    let text = json.as_deref().map_or_else(
                        || "(none)".to_string(),
                        |json| {
                            serde_json::from_str::<serde_json::Value>(json)
                                .and_then(|v| serde_json::to_string_pretty(&v))
                                .unwrap_or_else(|_| json.to_string())
                        },
                    );
                    ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
                });
        }
    });
}
