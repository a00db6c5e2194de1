//! Hiding partnerships from one view by hand ("Hide" on a box's menu) and showing them again
//! ("Show hidden"): each one edit of the view's settings ([`ViewSettings::hidden`]), with every
//! shown place stored in the same step so the rest of the picture stays where it is.

use crate::model::{Edit, EditError, PartnershipId, Register, View};

use super::{Diagram, ViewSettings, edits::keeping_places};

/// The partnerships hidden from `view` by hand that are still in the register.
pub fn hidden_partnerships(register: &Register, view: &View) -> Vec<PartnershipId> {
    ViewSettings::from_json(&view.settings)
        .hidden
        .into_iter()
        .filter(|id| register.partnerships.contains_key(id))
        .collect()
}

fn settings_change(view: &View, settings: &ViewSettings) -> Edit {
    Edit::change(
        view.clone(),
        View {
            settings: settings.to_json(&view.settings),
            ..view.clone()
        },
    )
}

/// Hiding `ids` from `view` (drawn as `diagram`): one edit, or `None` if all are hidden already.
pub fn hide_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
    ids: &[PartnershipId],
) -> Option<Result<Edit, EditError>> {
    let mut settings = ViewSettings::from_json(&view.settings);
    let fresh: Vec<PartnershipId> = ids
        .iter()
        .copied()
        .filter(|id| !settings.hidden.contains(id))
        .collect();
    let description = match fresh.as_slice() {
        [] => return None,
        [one] => format!(
            "Hide \u{201c}{}\u{201d} from \u{201c}{}\u{201d}",
            register.partnership_name(*one),
            view.name
        ),
        many => format!(
            "Hide {} from \u{201c}{}\u{201d}",
            crate::model::words::counted(many.len(), "partnership"),
            view.name
        ),
    };
    settings.hidden.extend(fresh);
    settings.hidden.sort();
    let change = settings_change(view, &settings);
    Some(keeping_places(
        register,
        view,
        diagram,
        description,
        vec![change],
    ))
}

/// Showing every partnership hidden from `view` by hand again: one edit, or `None` if none is.
pub fn show_hidden_edit(
    register: &Register,
    view: &View,
    diagram: &Diagram,
) -> Option<Result<Edit, EditError>> {
    let mut settings = ViewSettings::from_json(&view.settings);
    if settings.hidden.is_empty() {
        return None;
    }
    let count = hidden_partnerships(register, view).len();
    settings.hidden.clear();
    let change = settings_change(view, &settings);
    let description = format!(
        "Show {} in \u{201c}{}\u{201d}",
        crate::model::words::counted(count, "hidden partnership"),
        view.name
    );
    Some(keeping_places(
        register,
        view,
        diagram,
        description,
        vec![change],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::{BuildOptions, Visibility, find_view};
    use crate::model::NodeRef;

    fn shown(register: &Register, view: &View, id: PartnershipId) -> Visibility {
        let diagram = Diagram::build(register, view, &BuildOptions::default());
        let index = diagram
            .index_of(NodeRef::Partnership(id))
            .expect("in the view");
        diagram.nodes[index].visibility
    }

    #[test]
    fn a_hidden_partnership_is_left_out_until_shown_again_and_undo_brings_it_back() {
        let mut register = crate::sample::sample_register();
        let view = find_view(&register, "LSP structure").expect("view").clone();
        let diagram = Diagram::build(&register, &view, &BuildOptions::default());
        let id = register
            .partnerships
            .values()
            .find(|p| p.name == "Ashmere Vale Heritage Forum")
            .expect("in the sample")
            .id;
        assert_eq!(shown(&register, &view, id), Visibility::Full);

        let hide = hide_edit(&register, &view, &diagram, &[id])
            .expect("not hidden yet")
            .expect("valid");
        assert!(hide.describe().contains("Hide"));
        register.apply(&hide).expect("applies");
        let view_now = register.views[&view.id].clone();
        assert_eq!(shown(&register, &view_now, id), Visibility::Hidden);
        assert_eq!(hidden_partnerships(&register, &view_now), vec![id]);
        let again = Diagram::build(&register, &view_now, &BuildOptions::default());
        assert!(hide_edit(&register, &view_now, &again, &[id]).is_none());

        let show = show_hidden_edit(&register, &view_now, &again)
            .expect("one hidden")
            .expect("valid");
        register.apply(&show).expect("applies");
        let view_shown = register.views[&view.id].clone();
        assert_eq!(shown(&register, &view_shown, id), Visibility::Full);
        assert!(show_hidden_edit(&register, &view_shown, &again).is_none());

        // Undoing the hide on the register as it was after it shows it again too.
        let mut hidden = crate::sample::sample_register();
        hidden.apply(&hide).expect("applies");
        hidden.apply(&hide.inverse()).expect("undo applies");
        assert_eq!(
            shown(&hidden, &hidden.views[&view.id], id),
            Visibility::Full
        );
    }
}
