//! Writing a register as the JSON document (see the module above).

use serde::Serialize;
use serde::ser::SerializeMap;

use super::{FORMAT_NAME, FORMAT_VERSION};
use crate::model::Register;

/// The register as JSON bytes: pretty-printed (two spaces), fields in declaration order, map
/// keys sorted, ending with a newline. Fails only on a value JSON cannot hold.
pub fn encode(register: &Register) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut bytes);
    Document(register).serialize(&mut serializer)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The document: its format and version first, then the records.
struct Document<'a>(&'a Register);

impl Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("format", FORMAT_NAME)?;
        map.serialize_entry("version", &FORMAT_VERSION)?;
        map.serialize_entry("records", &Records(self.0))?;
        map.end()
    }
}

/// Every record, streamed in the register's order without a copy of the whole.
struct Records<'a>(&'a Register);

impl Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.records())
    }
}
