//! Registers in and out as files other programs read: the whole register as versioned JSON
//! (`json`), for councils' own scripts and for archiving. Pure: bytes in, a `Register` out, and
//! back; the CLI and the window read and write the files.

pub mod json;
