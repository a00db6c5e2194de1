//! Reading the JSON document back into a register. Nothing in it is trusted: the text is parsed
//! (any fault named by line and column, with what was expected there), the format and version
//! checked, and every record put in through `Register::apply`, so the rules that hold for every
//! edit (keys unique, links present, values valid) hold for an imported register too.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{FORMAT_NAME, FORMAT_VERSION};
use crate::model::{Edit, EditError, EntityKind, Record, Register};

/// Why a JSON document was not read. Messages are for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JsonError {
    /// The text is not JSON, or not shaped as the format says.
    #[error("Line {line}, column {column}: {what}")]
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong there, and what was expected.
        what: String,
    },
    /// The document is JSON but not a register (its `format` is missing or another).
    #[error(
        "This is not a Partnership Atlas register in JSON: its \"format\" is {found}, where \"{name}\" was expected",
        name = FORMAT_NAME
    )]
    NotARegister {
        /// What the document says its format is ("missing" when it says nothing).
        found: String,
    },
    /// A version of the format this build does not know.
    #[error(
        "The file is version {found} of the register format; this program reads version {known}: use a newer Partnership Atlas",
        known = FORMAT_VERSION
    )]
    Version {
        /// The document's version.
        found: u64,
    },
    /// The document holds no settings record, or more than one.
    #[error("The file must hold the register settings exactly once; it holds them {0} times")]
    Settings(usize),
    /// A record breaks a rule of the register.
    #[error("Record {number} ({title}) cannot go in: {reason}")]
    Record {
        /// Its place in the file's list of records, from 1.
        number: usize,
        /// Words naming it.
        title: String,
        /// The rule it breaks.
        reason: EditError,
    },
}

impl JsonError {
    fn from_serde(error: &serde_json::Error) -> Self {
        let full = error.to_string();
        // serde_json ends its message with " at line L column C"; those are given apart.
        let what = match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        Self::Text {
            line: error.line(),
            column: error.column(),
            what: capitalise(&what),
        }
    }
}

/// The first look: format and version only (the records skipped unread).
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    #[serde(rename = "records")]
    _records: Option<IgnoredAny>,
}

/// The whole document.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    #[serde(rename = "format")]
    _format: IgnoredAny,
    #[serde(rename = "version")]
    _version: IgnoredAny,
    records: Vec<Record>,
}

/// Reads a register from the JSON document `bytes`, checking everything, or says what is wrong.
pub fn decode(bytes: &[u8]) -> Result<Register, JsonError> {
    let header: Header =
        serde_json::from_slice(bytes).map_err(|error| JsonError::from_serde(&error))?;
    match &header.format {
        Some(serde_json::Value::String(name)) if name == FORMAT_NAME => {}
        Some(other) => {
            return Err(JsonError::NotARegister {
                found: other.to_string(),
            });
        }
        None => {
            return Err(JsonError::NotARegister {
                found: "missing".to_string(),
            });
        }
    }
    match &header.version {
        Some(serde_json::Value::Number(number))
            if number.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(serde_json::Value::Number(number)) => {
            return Err(JsonError::Version {
                found: number.as_u64().unwrap_or(0),
            });
        }
        _ => {
            return Err(JsonError::Text {
                line: 1,
                column: 1,
                what: "The document has no \"version\" number".to_string(),
            });
        }
    }
    let body: Body =
        serde_json::from_slice(bytes).map_err(|error| JsonError::from_serde(&error))?;
    build(body.records)
}

/// The register holding `records`, each put in after the kinds it links to (the settings,
/// which name the council's organisation, last).
fn build(records: Vec<Record>) -> Result<Register, JsonError> {
    let settings = records
        .iter()
        .filter(|record| record.kind() == EntityKind::Settings)
        .count();
    if settings != 1 {
        return Err(JsonError::Settings(settings));
    }
    let mut numbered: Vec<(usize, Record)> = records
        .into_iter()
        .enumerate()
        .map(|(index, record)| (index + 1, record))
        .collect();
    numbered.sort_by_key(|(_, record)| {
        let kind = record.kind();
        (kind == EntityKind::Settings, kind)
    });
    let mut register = Register::default();
    for (number, record) in numbered {
        let edit = match &record {
            Record::Settings(_) => Edit::change(register.settings.clone(), record.clone()),
            _ => Edit::Insert(record.clone()),
        };
        register.apply(&edit).map_err(|reason| JsonError::Record {
            number,
            title: record.title(),
            reason,
        })?;
    }
    Ok(register)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
