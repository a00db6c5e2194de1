//! The schema check: before a file is read or written, its schema (every table, index, view and
//! trigger in `sqlite_schema`) is compared with the one this build's migrations make at the
//! file's version, in a fresh in-memory database. Anything else is refused in plain words: a
//! trigger (instructions that would run on every change), a view where a table should be (a
//! query that runs when the table is read), a table or index a register does not have, a table
//! laid out differently. Reading `sqlite_schema` evaluates nothing.

use std::sync::OnceLock;

use rusqlite::Connection;

use super::schema::MIGRATIONS;

/// One entry of `sqlite_schema`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SchemaEntry {
    kind: String,
    name: String,
    table: String,
    /// The statement that made it, with runs of white space made one space.
    sql: Option<String>,
}

/// What the schema check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SchemaVerdict {
    /// Each difference, in plain words ("a trigger “f”, instructions that would run on every
    /// change"). Empty: the schema is the register's.
    pub findings: Vec<String>,
    /// Every table a register has is there as made: the data can be copied into a fresh
    /// register ("Save a clean copy"), leaving out what does not belong.
    pub clean_copy_possible: bool,
}

impl SchemaVerdict {
    /// The schema is exactly the register's.
    pub fn is_sound(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Compares the schema of `connection`'s main database with a register's at `version`.
pub(super) fn check_schema(
    connection: &Connection,
    version: u32,
) -> rusqlite::Result<SchemaVerdict> {
    let found = read_schema(connection)?;
    let expected = expected_schema(version)?;
    Ok(compare(&found, expected))
}

fn read_schema(connection: &Connection) -> rusqlite::Result<Vec<SchemaEntry>> {
    let mut statement =
        connection.prepare("SELECT type, name, tbl_name, sql FROM main.sqlite_schema")?;
    let rows = statement.query_map([], |row| {
        Ok(SchemaEntry {
            kind: row.get(0)?,
            name: row.get(1)?,
            table: row.get(2)?,
            sql: row.get::<_, Option<String>>(3)?.map(|sql| one_line(&sql)),
        })
    })?;
    rows.collect()
}

fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema a register has at `version`, made once per version by the migrations themselves.
fn expected_schema(version: u32) -> rusqlite::Result<&'static [SchemaEntry]> {
    static SCHEMAS: OnceLock<Vec<Vec<SchemaEntry>>> = OnceLock::new();
    if let Some(schemas) = SCHEMAS.get() {
        return Ok(schema_at(schemas, version));
    }
    let mut schemas = Vec::with_capacity(MIGRATIONS.len() + 1);
    let connection = Connection::open_in_memory()?;
    super::schema::add_functions(&connection)?;
    schemas.push(read_schema(&connection)?);
    for migration in MIGRATIONS {
        connection.execute_batch(migration)?;
        schemas.push(read_schema(&connection)?);
    }
    Ok(schema_at(SCHEMAS.get_or_init(|| schemas), version))
}

fn schema_at(schemas: &[Vec<SchemaEntry>], version: u32) -> &[SchemaEntry] {
    let index = usize::try_from(version).unwrap_or(usize::MAX);
    schemas.get(index).map_or(&[], Vec::as_slice)
}

fn compare(found: &[SchemaEntry], expected: &[SchemaEntry]) -> SchemaVerdict {
    let mut findings = Vec::new();
    let mut tables_sound = true;
    for entry in found {
        match expected.iter().find(|wanted| wanted.name == entry.name) {
            Some(wanted) if wanted == entry => {}
            Some(wanted) if wanted.kind == "table" => {
                tables_sound = false;
                findings.push(if entry.kind == "view" {
                    format!(
                        "its table “{}” has been replaced by a view (a stored query that runs \
                         whenever it is read)",
                        entry.name
                    )
                } else {
                    format!(
                        "its {} “{}” is not laid out as a register's is",
                        kind_words(&entry.kind),
                        entry.name
                    )
                });
            }
            Some(_) => findings.push(format!(
                "its {} “{}” is not the one a register has",
                kind_words(&entry.kind),
                entry.name
            )),
            None => findings.push(match entry.kind.as_str() {
                "trigger" => format!(
                    "it has a trigger “{}” (instructions that would run whenever the register \
                     is changed)",
                    entry.name
                ),
                "view" => format!(
                    "it has a view “{}” (a stored query that runs whenever it is read)",
                    entry.name
                ),
                kind => format!(
                    "it has {} {} “{}” that a register does not have",
                    if kind == "index" { "an" } else { "a" },
                    kind_words(kind),
                    entry.name
                ),
            }),
        }
    }
    for wanted in expected {
        if !found.iter().any(|entry| entry.name == wanted.name) {
            if wanted.kind == "table" {
                tables_sound = false;
            }
            findings.push(format!(
                "its {} “{}” is missing",
                kind_words(&wanted.kind),
                wanted.name
            ));
        }
    }
    if expected.is_empty() && !found.is_empty() {
        // Version 0 has no tables: a file that says so and has them is lying about its version.
        return SchemaVerdict {
            findings: vec![format!(
                "its version number says it has no tables yet, but it has {}",
                count_words(
                    found.iter().filter(|entry| entry.kind == "table").count(),
                    "table"
                )
            )],
            clean_copy_possible: false,
        };
    }
    SchemaVerdict {
        clean_copy_possible: tables_sound && !findings.is_empty(),
        findings,
    }
}

fn count_words(count: usize, noun: &str) -> String {
    crate::model::words::counted(count, noun)
}

fn kind_words(kind: &str) -> &str {
    match kind {
        "table" => "table",
        "index" => "index",
        "view" => "view",
        "trigger" => "trigger",
        _ => "schema entry",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::newest_version;

    fn migrated() -> Connection {
        let connection = Connection::open_in_memory().expect("memory");
        crate::store::schema::add_functions(&connection).expect("functions");
        for migration in MIGRATIONS {
            connection.execute_batch(migration).expect("migrate");
        }
        connection
    }

    #[test]
    fn a_freshly_migrated_schema_is_sound_and_older_versions_have_their_own() {
        let connection = migrated();
        assert!(
            check_schema(&connection, newest_version())
                .expect("check")
                .is_sound()
        );
        let verdict = check_schema(&connection, 1).expect("check");
        assert!(!verdict.is_sound());
        assert!(
            verdict
                .findings
                .iter()
                .any(|finding| finding.contains("“scoring_schemes”")),
            "{verdict:?}"
        );
        assert!(
            check_schema(&Connection::open_in_memory().expect("m"), 0)
                .expect("check")
                .is_sound()
        );
    }

    #[test]
    fn triggers_views_and_changed_tables_are_named() {
        let connection = migrated();
        connection
            .execute_batch(
                "CREATE TRIGGER f AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;
                 CREATE VIEW v AS SELECT 1;
                 CREATE INDEX extra ON people(name);",
            )
            .expect("hostile schema");
        let verdict = check_schema(&connection, newest_version()).expect("check");
        assert_eq!(verdict.findings.len(), 3, "{verdict:?}");
        assert!(verdict.findings[0].starts_with("it has a trigger “f”"));
        assert!(verdict.clean_copy_possible, "every table is sound");

        connection
            .execute_batch(
                "DROP TABLE snapshots; CREATE VIEW snapshots(id, name, data) AS SELECT 1, 'x', 'y';",
            )
            .expect("view for a table");
        let verdict = check_schema(&connection, newest_version()).expect("check");
        assert!(
            verdict
                .findings
                .iter()
                .any(|finding| finding
                    .starts_with("its table “snapshots” has been replaced by a view")),
            "{verdict:?}"
        );
        assert!(!verdict.clean_copy_possible, "a table's data is gone");
    }
}
