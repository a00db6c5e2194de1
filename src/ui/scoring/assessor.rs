//! Who made the assessment: by default the person signed in to the computer (the register's
//! person whose e-mail address is theirs, else the account name itself), typed over or chosen
//! from the register's people.

use crate::model::{PersonKind, Register, normalised_name};

/// The accessible name of the assessor field.
pub const ASSESSOR_LABEL: &str = "Assessor";

/// The accessible name of the menu of the register's people.
pub const CHOOSE_ASSESSOR: &str = "Choose from the register's people";

/// The assessor a new assessment starts with, for the computer account `account`: the
/// register's person whose e-mail address is the account's (jsmith@ashmere.gov.uk for jsmith),
/// or whose name is the account name, else the account name as it is. Empty when the computer
/// gives no name, so the form asks for one instead of saving "unknown user".
pub fn default_assessor(register: &Register, account: Option<&str>) -> String {
    let Some(account) = account.map(str::trim).filter(|a| !a.is_empty()) else {
        return String::new();
    };
    let wanted = normalised_name(account);
    let person = register.people.values().find(|person| {
        let local = person.email.split('@').next().unwrap_or("");
        (!local.is_empty() && normalised_name(local) == wanted)
            || normalised_name(&person.name) == wanted
    });
    person.map_or_else(|| account.to_string(), |p| p.name.clone())
}

/// The computer's account name, or `None` when it gives none.
pub fn account_name() -> Option<String> {
    let name = crate::platform::user_name();
    let name = name.trim();
    (!name.is_empty() && name != "unknown user").then(|| name.to_string())
}

/// The assessor field with a menu of the register's people (officers first).
pub fn assessor_field_ui(
    ui: &mut egui::Ui,
    register: &Register,
    assessor: &mut String,
    read_only: bool,
) {
    let label = ui.label(ASSESSOR_LABEL);
    ui.add_enabled(
        !read_only,
        egui::TextEdit::singleline(assessor)
            .hint_text("Who made the assessment")
            .desired_width(180.0),
    )
    .labelled_by(label.id);
    let mut people: Vec<_> = register.people.values().collect();
    people.sort_by_key(|p| (p.kind != PersonKind::Officer, p.name.to_lowercase()));
    ui.add_enabled_ui(!read_only && !people.is_empty(), |ui| {
        ui.menu_button("People…", |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for person in people {
                        let text = if person.job_title.is_empty() {
                            person.name.clone()
                        } else {
                            format!("{} ({})", person.name, person.job_title)
                        };
                        if ui.button(text).clicked() {
                            *assessor = person.name.clone();
                            ui.close();
                        }
                    }
                });
        })
        .response
        .on_hover_text(CHOOSE_ASSESSOR);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, PersonId};

    #[test]
    fn the_assessor_is_the_register_person_whose_account_it_is() {
        let mut register = Register::new("Test");
        register.people.insert(
            PersonId(1),
            Person {
                id: PersonId(1),
                name: "Jane Smith".into(),
                email: "JSmith@ashmere.gov.uk".into(),
                ..Person::default()
            },
        );
        assert_eq!(default_assessor(&register, Some("jsmith")), "Jane Smith");
        assert_eq!(
            default_assessor(&register, Some("Jane Smith")),
            "Jane Smith"
        );
        assert_eq!(default_assessor(&register, Some("akhan")), "akhan");
        assert_eq!(default_assessor(&register, Some("  ")), "");
        assert_eq!(default_assessor(&register, None), "");
    }
}
