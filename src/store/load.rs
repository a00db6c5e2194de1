//! Reading the register back from its tables, checked record by record: every record's JSON
//! must match its checksum, decode, and agree with its row (its key, its name and links as
//! real columns); SQLite's `foreign_key_check` must find no link to nothing. Each problem is a
//! finding in plain words naming the record, so `check` can list them and an open can refuse
//! the file instead of reading a damaged record as truth.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use serde::de::DeserializeOwned;

use super::rows::{checksum, key_columns, link_columns, table_of};
use crate::model::*;

/// The register as read, and what was wrong with it.
pub(super) struct Loaded {
    /// Every record that could be read.
    pub register: Register,
    /// Each damaged record or broken link, in plain words. Empty: the register is sound.
    pub findings: Vec<String>,
}

/// Reads and checks the whole register. `Err` only for SQLite failing (a budget spent, the
/// drive gone); damage is reported in [`Loaded::findings`].
pub(super) fn load_register(connection: &rusqlite::Connection) -> rusqlite::Result<Loaded> {
    let mut reader = Reader {
        connection,
        findings: Vec::new(),
        has_checksums: has_column(connection, "partnerships", "checksum")?,
    };
    let mut register = Register::default();
    let mut settings = BTreeMap::new();
    reader.table::<RegisterSettings, ()>(EntityKind::Settings, &mut settings, |_| ())?;
    if let Some(found) = settings.into_values().next() {
        register.settings = found;
    }
    reader.table(
        EntityKind::Partnership,
        &mut register.partnerships,
        Entity::key,
    )?;
    reader.table(
        EntityKind::Relationship,
        &mut register.relationships,
        Entity::key,
    )?;
    reader.table(
        EntityKind::Organisation,
        &mut register.organisations,
        Entity::key,
    )?;
    reader.table(
        EntityKind::Membership,
        &mut register.memberships,
        Entity::key,
    )?;
    reader.table(EntityKind::Person, &mut register.people, Entity::key)?;
    reader.table(
        EntityKind::Representation,
        &mut register.representations,
        Entity::key,
    )?;
    reader.table(
        EntityKind::Contribution,
        &mut register.contributions,
        Entity::key,
    )?;
    reader.table(EntityKind::Theme, &mut register.themes, Entity::key)?;
    reader.table(EntityKind::Priority, &mut register.priorities, Entity::key)?;
    reader.table(EntityKind::ThemeTag, &mut register.theme_tags, Entity::key)?;
    reader.table(
        EntityKind::PriorityTag,
        &mut register.priority_tags,
        Entity::key,
    )?;
    reader.table(EntityKind::Strategy, &mut register.strategies, Entity::key)?;
    reader.table(EntityKind::Objective, &mut register.objectives, Entity::key)?;
    reader.table(EntityKind::Measure, &mut register.measures, Entity::key)?;
    reader.table(
        EntityKind::ObjectiveDelivery,
        &mut register.objective_deliveries,
        Entity::key,
    )?;
    reader.table(EntityKind::Action, &mut register.actions, Entity::key)?;
    reader.table(
        EntityKind::Assessment,
        &mut register.assessments,
        Entity::key,
    )?;
    reader.table(EntityKind::View, &mut register.views, Entity::key)?;
    reader.table(
        EntityKind::NodePosition,
        &mut register.node_positions,
        Entity::key,
    )?;
    reader.table(EntityKind::Snapshot, &mut register.snapshots, Entity::key)?;
    // A file older than migration 6 has no rounds table.
    if has_table(connection, table_of(EntityKind::Round))? {
        reader.table(EntityKind::Round, &mut register.rounds, Entity::key)?;
    }
    // A file older than migration 4 has no report-back routes table.
    if has_table(connection, table_of(EntityKind::ReportBackRoute))? {
        reader.table(
            EntityKind::ReportBackRoute,
            &mut register.report_back_routes,
            Entity::key,
        )?;
    }
    // A file older than migration 3 has no scoring schemes table, and so no schemes.
    if has_table(connection, table_of(EntityKind::ScoringScheme))? {
        reader.table(
            EntityKind::ScoringScheme,
            &mut register.scoring_schemes,
            Entity::key,
        )?;
    }
    reader.foreign_keys()?;
    Ok(Loaded {
        register,
        findings: reader.findings,
    })
}

struct Reader<'a> {
    connection: &'a rusqlite::Connection,
    findings: Vec<String>,
    /// The file has migration 5's checksums (an older one is checked without them).
    has_checksums: bool,
}

impl Reader<'_> {
    /// Reads every row of `kind`'s table into `map` (keyed by `key_of`), checking each.
    fn table<T, K>(
        &mut self,
        kind: EntityKind,
        map: &mut BTreeMap<K, T>,
        key_of: impl Fn(&T) -> K,
    ) -> rusqlite::Result<()>
    where
        T: DeserializeOwned + Clone + Into<Record>,
        K: Ord,
    {
        let mut statement = self
            .connection
            .prepare(&format!("SELECT * FROM {}", table_of(kind)))?;
        let names: Vec<String> = statement.column_names().map(str::to_string).collect();
        let position = |name: &str| names.iter().position(|known| known == name);
        let (Some(data_at), checksum_at) = (position("data"), position("checksum")) else {
            return Ok(());
        };
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let values: Vec<Value> = (0..names.len())
                .map(|index| row.get::<_, Value>(index))
                .collect::<rusqlite::Result<_>>()?;
            let row_key = || describe_row_key(&names, &values, kind);
            let Value::Text(data) = &values[data_at] else {
                self.findings
                    .push(format!("{} {} has no stored text", kind.label(), row_key()));
                continue;
            };
            let checksum_ok = !self.has_checksums
                || checksum_at.and_then(|at| match values[at] {
                    Value::Integer(stored) => Some(stored),
                    _ => None,
                }) == Some(checksum(data));
            let record: T = match serde_json::from_str(data) {
                Ok(record) => record,
                Err(error) => {
                    self.findings.push(format!(
                        "{} {} could not be read ({error}){}",
                        kind.label(),
                        row_key(),
                        if checksum_ok {
                            ""
                        } else {
                            ": its stored text does not match its checksum"
                        }
                    ));
                    continue;
                }
            };
            let whole: Record = record.clone().into();
            // Words for a finding, made only when there is one.
            let name = || format!("{} ({})", whole.title(), row_key());
            if !checksum_ok {
                self.findings.push(format!(
                    "{} is damaged: its stored text does not match its checksum",
                    name()
                ));
            }
            for (column, value) in key_columns(&whole.key())
                .into_iter()
                .chain(link_columns(&whole))
            {
                let stored = position(column).map(|at| &values[at]);
                if stored != Some(&value) {
                    self.findings.push(format!(
                        "{} does not match its row: its stored text says {column} is {}, its \
                         row says {}",
                        name(),
                        value_words(Some(&value)),
                        value_words(stored)
                    ));
                }
            }
            if map.insert(key_of(&record), record).is_some() {
                self.findings
                    .push(format!("{} is stored twice under one key", name()));
            }
        }
        Ok(())
    }

    /// SQLite's own check of every link column.
    fn foreign_keys(&mut self) -> rusqlite::Result<()> {
        let mut statement = self.connection.prepare("PRAGMA foreign_key_check")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let table: String = row.get(0)?;
            let row_id: Option<i64> = row.get(1)?;
            let parent: String = row.get(2)?;
            let kind = kind_of_table(&table);
            let parent_kind = kind_of_table(&parent);
            self.findings.push(format!(
                "{} {}links to {} that is not in the register",
                kind.map_or(table.clone(), |kind| kind.label().to_string()),
                row_id.map_or(String::new(), |id| format!("(row id {id}) ")),
                parent_kind.map_or(format!("a row of {parent}"), |kind| format!(
                    "{} {}",
                    article(kind.label()),
                    kind.label()
                )),
            ));
        }
        Ok(())
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn kind_of_table(table: &str) -> Option<EntityKind> {
    EntityKind::ALL
        .iter()
        .copied()
        .find(|kind| table_of(*kind) == table)
}

/// "row id 5", "row partnership_id 3, theme_id 2": the row's key columns as stored.
fn describe_row_key(names: &[String], values: &[Value], kind: EntityKind) -> String {
    let key_names: Vec<&str> = match kind {
        EntityKind::ThemeTag => vec!["partnership_id", "theme_id"],
        EntityKind::PriorityTag => vec!["partnership_id", "priority_id"],
        EntityKind::ObjectiveDelivery => vec!["partnership_id", "objective_id"],
        EntityKind::NodePosition => vec!["view_id", "node_kind", "node_id"],
        EntityKind::ScoringScheme => vec!["version"],
        _ => vec!["id"],
    };
    let parts: Vec<String> = key_names
        .iter()
        .filter_map(|name| {
            let at = names.iter().position(|known| known == name)?;
            Some(format!("{name} {}", value_words(Some(&values[at]))))
        })
        .collect();
    format!("row {}", parts.join(", "))
}

fn value_words(value: Option<&Value>) -> String {
    match value {
        None => "missing".to_string(),
        Some(Value::Null) => "empty".to_string(),
        Some(Value::Integer(number)) => number.to_string(),
        Some(Value::Real(number)) => number.to_string(),
        Some(Value::Text(text)) => format!("“{text}”"),
        Some(Value::Blob(bytes)) => format!("{} bytes", bytes.len()),
    }
}

fn has_table(connection: &rusqlite::Connection, table: &str) -> rusqlite::Result<bool> {
    connection.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |row| row.get::<_, i64>(0).map(|count| count > 0),
    )
}

fn has_column(
    connection: &rusqlite::Connection,
    table: &str,
    column: &str,
) -> rusqlite::Result<bool> {
    connection.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |row| row.get::<_, i64>(0).map(|count| count > 0),
    )
}
