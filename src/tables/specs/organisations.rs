//! The organisations table: partner bodies with their org-id identifier.

use crate::model::*;
use crate::tables::{Column, TableSpec};

/// The organisations table. The identifier is checked against the shape of its scheme.
pub fn organisations() -> TableSpec<Organisation> {
    TableSpec {
        id: "organisations",
        noun: "organisation",
        columns: vec![
            Column::name(
                "name",
                "Name",
                "An organisation's name",
                |r| &r.name,
                |r, v| r.name = v,
            ),
            Column::choice(
                "sector",
                "Sector",
                |r: &Organisation| r.sector,
                |r, v| r.sector = v,
            ),
            Column::optional_choice(
                "org_id_scheme",
                "Identifier scheme",
                |r: &Organisation| r.org_id_scheme,
                set_scheme,
            ),
            Column::checked_text("org_id", "Identifier", |r| &r.org_id, set_org_id),
            Column::text(
                "ons_code",
                "ONS code",
                |r| &r.ons_code,
                |r, v| r.ons_code = v,
            ),
            Column::text("website", "Website", |r| &r.website, |r, v| r.website = v),
            Column::text(
                "notes",
                "Notes",
                |r: &Organisation| &r.notes,
                |r, v| r.notes = v,
            )
            .hidden(),
        ],
        name_column: Some(0),
        numeric_id: Some((|r| r.id.0, |r, id| r.id = OrganisationId(id))),
        new_record: |register, _| {
            Ok(Organisation {
                id: OrganisationId::next_in(&register.organisations),
                name: "New organisation".to_string(),
                ..Organisation::default()
            })
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// A new scheme keeps the identifier only if it fits the scheme's shape.
fn set_scheme(record: &mut Organisation, scheme: Option<OrgIdScheme>) {
    record.org_id_scheme = scheme;
    if let Some(scheme) = scheme
        && !record.org_id.is_empty()
        && let Ok(tidy) = validate_org_id(scheme, &record.org_id)
    {
        record.org_id = tidy;
    }
}

fn set_org_id(record: &mut Organisation, text: &str) -> Result<(), InvalidValue> {
    let text = text.trim();
    if text.is_empty() {
        record.org_id.clear();
        return Ok(());
    }
    let Some(scheme) = record.org_id_scheme else {
        return Err(InvalidValue(
            "Choose the identifier scheme first (GB-COH, GB-CHC...)".to_string(),
        ));
    };
    record.org_id = validate_org_id(scheme, text)?;
    Ok(())
}
