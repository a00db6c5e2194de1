//! A partnership's fillable questionnaire workbook (rust_xlsxwriter), in the layout of
//! `crate::review::rounds::layout`: the questions and guidance locked by sheet protection
//! (no password: it guards against slips, not people), each answer unlocked, pre-filled with
//! what the register holds and checked by data validation (drop-down lists for bands, choices
//! and names from a hidden sheet, whole numbers for hours, pounds for money, dates), and a
//! hidden sheet naming the round and the partnership so the file reads back to the right
//! record whatever it is renamed to.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use super::super::table::xlsx::excel_date;
use crate::model::{Money, neutralised, parse_date};
use crate::review::rounds::layout::*;
use crate::review::rounds::{AnswerKind, Asked, Questionnaire, RoundError};

/// The questionnaire as workbook bytes.
pub fn questionnaire_xlsx(questionnaire: &Questionnaire) -> Result<Vec<u8>, RoundError> {
    build(questionnaire)
        .and_then(|mut workbook| workbook.save_to_buffer())
        .map_err(|error| RoundError::Write(error.to_string()))
}

fn build(questionnaire: &Questionnaire) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let mut lists = Vec::new();
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(QUESTIONS_SHEET)?;
        write_questions(sheet, questionnaire, &mut lists)?;
    }
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(LISTS_SHEET)?;
        for (column, options) in lists.iter().enumerate() {
            let column = u16::try_from(column).unwrap_or(u16::MAX);
            for (row, option) in options.iter().enumerate() {
                let row = u32::try_from(row).unwrap_or(u32::MAX);
                sheet.write_string(row, column, neutralised(option))?;
            }
        }
        sheet.set_hidden(true);
    }
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(IDENTITY_SHEET)?;
        write_identity(sheet, questionnaire)?;
        sheet.set_hidden(true);
    }
    Ok(workbook)
}

fn write_questions(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    lists: &mut Vec<Vec<String>>,
) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let heading = Format::new()
        .set_bold()
        .set_background_color("#DDE4EE")
        .set_border_bottom(FormatBorder::Thin);
    let label = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let answer = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#FFF9E0")
        .set_border(FormatBorder::Thin);
    let date = answer.clone().set_num_format("d mmmm yyyy");
    let money = answer.clone().set_num_format("£#,##0.00");
    let whole = answer.clone().set_num_format("0");
    let guidance = label.clone().set_font_color("#555555").set_italic();
    sheet.write_string_with_format(
        0,
        0,
        format!(
            "Questionnaire: {}",
            neutralised(&questionnaire.partnership_name)
        ),
        &title,
    )?;
    sheet.write_string(
        1,
        0,
        format!("Round: {}", neutralised(&questionnaire.round_name)),
    )?;
    let due = questionnaire
        .due
        .map(|d| format!(" Please return it by {}.", d.format("%-d %B %Y")))
        .unwrap_or_default();
    sheet.write_string(
        2,
        0,
        format!(
            "The answers show what the register holds now: change any that are wrong or out of \
             date, then save the file and send it back.{due}"
        ),
    )?;
    let headings_row = FIRST_QUESTION_ROW - 1;
    sheet.write_string_with_format(headings_row, QUESTION_COLUMN, "Question", &heading)?;
    sheet.write_string_with_format(headings_row, ANSWER_COLUMN, "Your answer", &heading)?;
    sheet.write_string_with_format(headings_row, GUIDANCE_COLUMN, "How to answer", &heading)?;
    sheet.set_column_width(QUESTION_COLUMN, 42)?;
    sheet.set_column_width(ANSWER_COLUMN, 48)?;
    sheet.set_column_width(GUIDANCE_COLUMN, 40)?;
    for (index, asked) in questionnaire.asked.iter().enumerate() {
        let row = FIRST_QUESTION_ROW + u32::try_from(index).unwrap_or(u32::MAX);
        sheet.write_string_with_format(
            row,
            QUESTION_COLUMN,
            neutralised(&asked.wording),
            &label,
        )?;
        sheet.write_string_with_format(
            row,
            GUIDANCE_COLUMN,
            neutralised(&asked.guidance),
            &guidance,
        )?;
        write_answer(sheet, row, asked, &answer, &date, &money, &whole)?;
        if let Some(validation) = validation_for(asked, lists)? {
            sheet.add_data_validation(row, ANSWER_COLUMN, row, ANSWER_COLUMN, &validation)?;
        }
    }
    sheet.set_freeze_panes(FIRST_QUESTION_ROW, 0)?;
    sheet.protect();
    Ok(())
}

fn write_answer(
    sheet: &mut Worksheet,
    row: u32,
    asked: &Asked,
    text: &Format,
    date: &Format,
    money: &Format,
    whole: &Format,
) -> Result<(), XlsxError> {
    let current = asked.current.trim();
    match asked.kind {
        AnswerKind::Date => {
            if let Some(day) = parse_date(current).ok().and_then(excel_date) {
                sheet.write_datetime_with_format(row, ANSWER_COLUMN, day, date)?;
                return Ok(());
            }
            sheet.write_blank(row, ANSWER_COLUMN, date)?;
        }
        AnswerKind::Money => {
            if let Ok(amount) = Money::parse(current).map(|m| m.pence)
                && !current.is_empty()
            {
                // Pence as pounds: exact for any amount a register holds.
                let pounds = amount as f64 / 100.0;
                sheet.write_number_with_format(row, ANSWER_COLUMN, pounds, money)?;
                return Ok(());
            }
            sheet.write_blank(row, ANSWER_COLUMN, money)?;
        }
        AnswerKind::WholeNumber => {
            if let Ok(number) = current.parse::<f64>() {
                sheet.write_number_with_format(row, ANSWER_COLUMN, number, whole)?;
                return Ok(());
            }
            sheet.write_blank(row, ANSWER_COLUMN, whole)?;
        }
        AnswerKind::Text | AnswerKind::Choice(_) => {
            if current.is_empty() {
                sheet.write_blank(row, ANSWER_COLUMN, text)?;
            } else {
                sheet.write_string_with_format(row, ANSWER_COLUMN, neutralised(current), text)?;
            }
        }
    }
    Ok(())
}

/// The check on an answer: lists from the hidden sheet (any length, unlike a typed list),
/// whole hours from 0, money from 0, dates from 1900.
fn validation_for(
    asked: &Asked,
    lists: &mut Vec<Vec<String>>,
) -> Result<Option<DataValidation>, XlsxError> {
    let validation = match &asked.kind {
        AnswerKind::Text => return Ok(None),
        AnswerKind::Choice(options) if options.is_empty() => return Ok(None),
        AnswerKind::Choice(options) => {
            let column = column_letters(lists.len());
            let last = options.len().max(1);
            lists.push(options.clone());
            DataValidation::new()
                .allow_list_formula(Formula::new(format!(
                    "={LISTS_SHEET}!${column}$1:${column}${last}"
                )))
                .set_error_title("Choose from the list")?
                .set_error_message("Choose one of the answers in the drop-down list.")?
        }
        AnswerKind::WholeNumber => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 10_000))
            .set_error_title("A whole number")?
            .set_error_message("Type a whole number of hours, for example 4.")?,
        AnswerKind::Money => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_title("An amount of money")?
            .set_error_message("Type an amount in pounds, for example 120000.")?,
        AnswerKind::Date => {
            let (Some(first), Some(last)) = (
                chrono::NaiveDate::from_ymd_opt(1900, 1, 1).and_then(excel_date),
                chrono::NaiveDate::from_ymd_opt(2199, 12, 31).and_then(excel_date),
            ) else {
                return Ok(None);
            };
            DataValidation::new()
                .allow_date(DataValidationRule::Between(first, last))
                .set_error_title("A date")?
                .set_error_message("Type a date, for example 22/03/2026.")?
        }
    };
    Ok(Some(validation))
}

/// A column's letters from its index (0 is A, 26 is AA).
fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn write_identity(sheet: &mut Worksheet, questionnaire: &Questionnaire) -> Result<(), XlsxError> {
    sheet.write_string(0, 0, MARKER)?;
    sheet.write_number(0, 1, f64::from(FORMAT))?;
    sheet.write_string(ROUND_ID_ROW, 0, "Round")?;
    sheet.write_string(ROUND_ID_ROW, 1, questionnaire.round.to_string())?;
    sheet.write_string(ROUND_NAME_ROW, 0, "Round name")?;
    sheet.write_string(ROUND_NAME_ROW, 1, neutralised(&questionnaire.round_name))?;
    sheet.write_string(PARTNERSHIP_ID_ROW, 0, "Partnership")?;
    sheet.write_string(PARTNERSHIP_ID_ROW, 1, questionnaire.partnership.to_string())?;
    sheet.write_string(PARTNERSHIP_NAME_ROW, 0, "Partnership name")?;
    sheet.write_string(
        PARTNERSHIP_NAME_ROW,
        1,
        neutralised(&questionnaire.partnership_name),
    )?;
    sheet.write_string(COUNT_ROW, 0, "Questions")?;
    sheet.write_string(COUNT_ROW, 1, questionnaire.asked.len().to_string())?;
    for (index, asked) in questionnaire.asked.iter().enumerate() {
        let at = u32::try_from(index).unwrap_or(u32::MAX);
        sheet.write_string(FIRST_KEY_ROW + at, 0, asked.key.code())?;
        sheet.write_string(
            FIRST_KEY_ROW + at,
            1,
            (FIRST_QUESTION_ROW + at + 1).to_string(),
        )?;
    }
    sheet.protect();
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        assert_eq!(super::column_letters(0), "A");
        assert_eq!(super::column_letters(25), "Z");
        assert_eq!(super::column_letters(26), "AA");
        assert_eq!(super::column_letters(701), "ZZ");
        assert_eq!(super::column_letters(702), "AAA");
    }
}
