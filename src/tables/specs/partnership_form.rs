//! The partnership detail form: every field of a partnership (`partnership_fields.rs`), in the
//! groups of a council register (research/domain.md section 3): identity and classification;
//! purpose and strategy alignment; council involvement; resources; governance evidence.
//!
//! The form is a [`TableSpec`] of one row, so a typed value is checked by the same column
//! rules as a table cell and becomes one undoable [`Edit`](crate::model::Edit) through
//! [`TableSpec::edit_cell`].

use super::partnership_fields::{FormGroup, Lines, partnership_fields};
use crate::model::Partnership;
use crate::tables::{Column, TableSpec};

/// One field of the form: its column (label, editor, rules) and how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormField {
    /// The column's position in [`PartnershipForm::spec`].
    pub column: usize,
    /// The section it is in.
    pub group: FormGroup,
    /// Several lines of text.
    pub multiline: bool,
    /// Grey words shown while the field is empty.
    pub hint: &'static str,
}

/// The form: its columns as a one-row table, and where each is shown.
pub struct PartnershipForm {
    /// Every field as a column (the column's header is the field's label).
    pub spec: TableSpec<Partnership>,
    /// The fields, in the order shown.
    pub fields: Vec<FormField>,
}

impl PartnershipForm {
    /// The fields of one group, in order.
    pub fn fields_in(&self, group: FormGroup) -> impl Iterator<Item = &FormField> + '_ {
        self.fields.iter().filter(move |f| f.group == group)
    }

    /// The field whose column id is `id`.
    pub fn field(&self, id: &str) -> Option<&FormField> {
        let column = self.spec.column_index(id)?;
        self.fields.iter().find(|f| f.column == column)
    }
}

impl std::fmt::Debug for PartnershipForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PartnershipForm")
    }
}

/// Builds the form's fields.
pub fn partnership_form() -> PartnershipForm {
    let (columns, fields) = form_columns();
    let table = super::partnerships();
    PartnershipForm {
        spec: TableSpec {
            id: "partnership_form",
            noun: "partnership",
            columns,
            name_column: Some(0),
            status_column: None,
            ..table
        },
        fields,
    }
}

fn form_columns() -> (Vec<Column<Partnership>>, Vec<FormField>) {
    let fields = partnership_fields();
    let mut columns = Vec::with_capacity(fields.len());
    let mut form_fields = Vec::with_capacity(fields.len());
    for (index, field) in fields.into_iter().enumerate() {
        columns.push(field.column);
        form_fields.push(FormField {
            column: index,
            group: field.group,
            multiline: field.lines == Lines::Several,
            hint: field.hint,
        });
    }
    (columns, form_fields)
}
