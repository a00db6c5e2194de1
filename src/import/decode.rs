//! Text files' bytes into text: UTF-8 with or without a byte-order mark, UTF-16 (little or big
//! endian, by its byte-order mark), else Windows-1252 when the bytes are not UTF-8 (what Excel's
//! "CSV" writes on an English Windows). Never fails: encoding_rs replaces what cannot be read.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text of `bytes` and the name of the encoding it was read as.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), UTF_8.name()),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1252.name())
        }
    }
}
