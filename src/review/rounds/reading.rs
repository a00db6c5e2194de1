//! A returned questionnaire workbook read back: which round and partnership its hidden sheet
//! names, and each answer as text (dates in the register's form, whole numbers without a
//! decimal point), read through the importer's workbook reader (calamine) so cells read as
//! they do in an import. The layout is [`super::layout`]'s; the writer is not needed.

use super::RoundError;
use super::layout::*;
use super::questionnaire::AnswerKey;
use crate::import::dates::normalise_date_cell;
use crate::import::workbook::read_workbook as read_sheet;
use crate::model::{PartnershipId, RoundId, unneutralised};

/// What a returned workbook says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilledQuestionnaire {
    /// The round it was sent in.
    pub round: RoundId,
    /// The round's name as written in it.
    pub round_name: String,
    /// The partnership it is about.
    pub partnership: PartnershipId,
    /// The partnership's name as written in it.
    pub partnership_name: String,
    /// Each answer, in the order asked: what it changes and the text given.
    pub answers: Vec<(AnswerKey, String)>,
}

/// Reads a returned questionnaire from a workbook's bytes. Refused, in words, when it is not a
/// workbook, has no identity sheet, or its identity sheet does not read.
pub fn read_workbook(bytes: &[u8]) -> Result<FilledQuestionnaire, RoundError> {
    let not_ours = |why: &str| RoundError::NotAQuestionnaire(why.to_string());
    let identity = read_sheet(bytes, Some(IDENTITY_SHEET)).map_err(|error| {
        RoundError::NotAQuestionnaire(format!(
            "This is not a questionnaire from Partnership Atlas ({error})"
        ))
    })?;
    let cell = |row: u32, column: usize| -> String {
        identity
            .rows
            .get(row as usize)
            .and_then(|cells| cells.get(column))
            .map(|text| text.trim().to_string())
            .unwrap_or_default()
    };
    if cell(0, 0) != MARKER {
        return Err(not_ours(
            "This is not a questionnaire from Partnership Atlas: its identity sheet has been \
             changed",
        ));
    }
    let number = |row: u32, what: &str| -> Result<i64, RoundError> {
        cell(row, 1).parse::<i64>().map_err(|_| {
            RoundError::NotAQuestionnaire(format!(
                "The questionnaire's identity sheet does not say which {what} it is for"
            ))
        })
    };
    let round = RoundId(number(ROUND_ID_ROW, "round")?);
    let partnership = PartnershipId(number(PARTNERSHIP_ID_ROW, "partnership")?);
    let count = usize::try_from(number(COUNT_ROW, "questions")?).unwrap_or(0);
    let questions = read_sheet(bytes, Some(QUESTIONS_SHEET)).map_err(|error| {
        RoundError::NotAQuestionnaire(format!(
            "The questionnaire's answers cannot be read: {error}"
        ))
    })?;
    let mut answers = Vec::with_capacity(count);
    for index in 0..count {
        let row = FIRST_KEY_ROW + u32::try_from(index).unwrap_or(u32::MAX);
        let key = AnswerKey::parse(&cell(row, 0)).ok_or_else(|| {
            not_ours("The questionnaire's identity sheet has a question this program does not know")
        })?;
        let at = cell(row, 1)
            .parse::<usize>()
            .ok()
            .and_then(|excel_row| excel_row.checked_sub(1))
            .ok_or_else(|| {
                not_ours("The questionnaire's identity sheet has lost a question's row")
            })?;
        let text = questions
            .rows
            .get(at)
            .and_then(|cells| cells.get(usize::from(ANSWER_COLUMN)))
            .map(|text| unneutralised(text.trim()).to_string())
            .unwrap_or_default();
        answers.push((key, text));
    }
    Ok(FilledQuestionnaire {
        round,
        round_name: unneutralised(&cell(ROUND_NAME_ROW, 1)).to_string(),
        partnership,
        partnership_name: unneutralised(&cell(PARTNERSHIP_NAME_ROW, 1)).to_string(),
        answers,
    })
}

/// An answer to a date question in the register's form (2026-12-01) when it reads as a date
/// (typed day first, or an Excel serial left unformatted), else as given.
pub fn date_answer(text: &str) -> String {
    normalise_date_cell(text)
}
