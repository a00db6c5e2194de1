//! The whole register as one JSON document (format `partnership-atlas-register`, version 1,
//! documented in `docs/json-format.md`): every record, each as the store and the audit log
//! write it (`{"entity": "partnership", "record": {...}}`), in the register's own order (kind
//! in dependency order, then key; the settings last). The same register always gives the same
//! bytes, so export, import into a new register and export again are byte for byte equal.

mod decode;
mod encode;

pub use decode::{JsonError, decode};
pub use encode::encode;

/// The name in the document's `format` field.
pub const FORMAT_NAME: &str = "partnership-atlas-register";

/// The version of the format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

#[cfg(test)]
mod tests;
