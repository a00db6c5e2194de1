//! Where things are in a questionnaire workbook: the one description the writer
//! (`crate::export::round_papers::workbook`) and the reader (`reading`) share, so a workbook
//! another program writes to the same layout reads back too.
//!
//! - [`QUESTIONS_SHEET`]: the questions (locked), the answers (unlocked, pre-filled with what
//!   the register holds, checked by data validation) and guidance (locked), one row each from
//!   [`FIRST_QUESTION_ROW`].
//! - [`LISTS_SHEET`] (hidden): one column per question answered from a list.
//! - [`IDENTITY_SHEET`] (hidden): [`MARKER`] and the format in row 1, then the round's id and
//!   name, the partnership's id and name, the number of questions, and from
//!   [`FIRST_KEY_ROW`] each answer's key ([`AnswerKey::code`](super::AnswerKey::code)) in
//!   column A and its row on the questions sheet (counted from 1, as Excel shows it) in B.

/// The visible sheet of questions and answers.
pub const QUESTIONS_SHEET: &str = "Questionnaire";
/// The hidden sheet of drop-down lists.
pub const LISTS_SHEET: &str = "Lists";
/// The hidden sheet that says which round and partnership the workbook is for.
pub const IDENTITY_SHEET: &str = "Identity";
/// The first cell of the identity sheet.
pub const MARKER: &str = "Partnership Atlas questionnaire";
/// The layout's version, beside the marker.
pub const FORMAT: u32 = 1;

/// Identity sheet rows (from 0): the round's id.
pub const ROUND_ID_ROW: u32 = 1;
/// The round's name.
pub const ROUND_NAME_ROW: u32 = 2;
/// The partnership's id.
pub const PARTNERSHIP_ID_ROW: u32 = 3;
/// The partnership's name.
pub const PARTNERSHIP_NAME_ROW: u32 = 4;
/// How many questions.
pub const COUNT_ROW: u32 = 5;
/// The first answer key.
pub const FIRST_KEY_ROW: u32 = 7;

/// Questions sheet: the row (from 0) of the first question; the title, instructions and
/// headings are above it.
pub const FIRST_QUESTION_ROW: u32 = 5;
/// The column of the question's words.
pub const QUESTION_COLUMN: u16 = 0;
/// The column of the answer.
pub const ANSWER_COLUMN: u16 = 1;
/// The column of the guidance.
pub const GUIDANCE_COLUMN: u16 = 2;
