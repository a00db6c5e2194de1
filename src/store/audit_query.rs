//! Reading the audit log for people: filtered by person, date range, kind of record and record,
//! newest first, a page at a time through SQL (`LIMIT`/`OFFSET`), so a log of 100,000 rows is
//! never read whole to show a screenful.

use rusqlite::{Connection, ToSql};

use super::audit::AuditEntry;

/// Which audit rows to read. Every part left `None` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// The user name, exactly (case ignored).
    pub user: Option<String>,
    /// Rows on or after this day (YYYY-MM-DD of the row's local time).
    pub since: Option<chrono::NaiveDate>,
    /// Rows on or before this day.
    pub until: Option<chrono::NaiveDate>,
    /// The kind of record, as the log names it ("partnership", "snapshot").
    pub entity: Option<String>,
    /// One record, by its key as the log keeps it (the `RecordKey`'s JSON).
    pub entity_key: Option<String>,
}

impl AuditFilter {
    /// The SQL condition and its values.
    fn condition(&self) -> (String, Vec<String>) {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        if let Some(user) = &self.user {
            clauses.push("user_name = ? COLLATE NOCASE");
            values.push(user.trim().to_string());
        }
        if let Some(since) = self.since {
            clauses.push("substr(at, 1, 10) >= ?");
            values.push(since.format("%Y-%m-%d").to_string());
        }
        if let Some(until) = self.until {
            clauses.push("substr(at, 1, 10) <= ?");
            values.push(until.format("%Y-%m-%d").to_string());
        }
        if let Some(entity) = &self.entity {
            clauses.push("entity = ?");
            values.push(entity.clone());
        }
        if let Some(key) = &self.entity_key {
            clauses.push("entity_key = ?");
            values.push(key.clone());
        }
        let condition = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        (condition, values)
    }
}

fn params(values: &[String]) -> Vec<&dyn ToSql> {
    values.iter().map(|v| v as &dyn ToSql).collect()
}

/// How many rows the filter lets through.
pub(super) fn count(connection: &Connection, filter: &AuditFilter) -> rusqlite::Result<usize> {
    let (condition, values) = filter.condition();
    let sql = format!("SELECT count(*) FROM audit_log {condition}");
    let count: i64 = connection.query_row(&sql, params(&values).as_slice(), |row| row.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Up to `limit` rows the filter lets through, newest first, skipping the first `offset`.
pub(super) fn page(
    connection: &Connection,
    filter: &AuditFilter,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<AuditEntry>> {
    let (condition, mut values) = filter.condition();
    values.push(limit.to_string());
    values.push(offset.to_string());
    let sql = format!(
        "SELECT step, at, user_name, machine, origin, description, action, entity, entity_key, \
         before, after FROM audit_log {condition} ORDER BY id DESC LIMIT CAST(? AS INTEGER) \
         OFFSET CAST(? AS INTEGER)"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(params(&values).as_slice(), |row| {
        Ok(AuditEntry {
            step: row.get(0)?,
            at: row.get(1)?,
            user_name: row.get(2)?,
            machine: row.get(3)?,
            origin: row.get(4)?,
            description: row.get(5)?,
            action: row.get(6)?,
            entity: row.get(7)?,
            entity_key: row.get(8)?,
            before: row.get(9)?,
            after: row.get(10)?,
        })
    })?;
    rows.collect()
}

/// Everyone who appears in the log, in order.
pub(super) fn users(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement =
        connection.prepare("SELECT DISTINCT user_name FROM audit_log ORDER BY user_name")?;
    let rows = statement.query_map([], |row| row.get(0))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A log written by two people over three days.
    fn log() -> Connection {
        let connection = Connection::open_in_memory().expect("memory");
        connection
            .execute_batch(
                "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, step INTEGER NOT NULL, \
                 at TEXT NOT NULL, user_name TEXT NOT NULL, origin TEXT NOT NULL, \
                 description TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, \
                 entity_key TEXT NOT NULL, before TEXT, after TEXT, machine TEXT NOT NULL \
                 DEFAULT '');",
            )
            .expect("table");
        let rows = [
            ("2026-03-20T09:00:00+00:00", "jsmith", "partnership", "1"),
            ("2026-03-21T23:59:00+00:00", "jsmith", "person", "2"),
            ("2026-03-22T00:01:00+00:00", "akhan", "partnership", "1"),
            ("2026-03-22T10:00:00+00:00", "JSmith", "partnership", "3"),
        ];
        for (step, (at, user, entity, key)) in rows.iter().enumerate() {
            connection
                .execute(
                    "INSERT INTO audit_log (step, at, user_name, origin, description, action, \
                     entity, entity_key) VALUES (?, ?, ?, 'edit', 'Change', 'change', ?, ?)",
                    rusqlite::params![step as i64 + 1, at, user, entity, key],
                )
                .expect("row");
        }
        connection
    }

    fn steps(connection: &Connection, filter: &AuditFilter) -> Vec<i64> {
        page(connection, filter, 0, 100)
            .expect("page")
            .iter()
            .map(|e| e.step)
            .collect()
    }

    #[test]
    fn filters_by_person_and_date_range_newest_first() {
        let connection = log();
        let by_smith = AuditFilter {
            user: Some("jsmith".to_string()),
            ..AuditFilter::default()
        };
        assert_eq!(steps(&connection, &by_smith), [4, 2, 1], "case is ignored");
        let on_the_22nd = AuditFilter {
            since: Some(day("2026-03-22")),
            until: Some(day("2026-03-22")),
            ..AuditFilter::default()
        };
        assert_eq!(steps(&connection, &on_the_22nd), [4, 3]);
        let smith_from_the_21st = AuditFilter {
            user: Some("JSMITH".to_string()),
            since: Some(day("2026-03-21")),
            ..AuditFilter::default()
        };
        assert_eq!(steps(&connection, &smith_from_the_21st), [4, 2]);
        assert_eq!(count(&connection, &smith_from_the_21st).expect("count"), 2);
        let one_record = AuditFilter {
            entity: Some("partnership".to_string()),
            entity_key: Some("1".to_string()),
            ..AuditFilter::default()
        };
        assert_eq!(steps(&connection, &one_record), [3, 1]);
    }

    #[test]
    fn pages_through_the_log() {
        let connection = log();
        let all = AuditFilter::default();
        let second_page: Vec<i64> = page(&connection, &all, 2, 2)
            .expect("page")
            .iter()
            .map(|e| e.step)
            .collect();
        assert_eq!(second_page, [2, 1]);
        assert_eq!(count(&connection, &all).expect("count"), 4);
        assert_eq!(
            users(&connection).expect("users"),
            ["JSmith", "akhan", "jsmith"]
        );
    }
}
