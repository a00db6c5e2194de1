//! Finding a diagram view by the name a user typed (the command line's `--view`).

use crate::model::{Register, View};

/// No view has the name asked for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoSuchView {
    /// The register has no views at all (made by an older version).
    #[error(
        "There is no view called \"{name}\": this register has no diagram views (a file made by \
         an older version). Open it in Partnership Atlas, where the Diagram offers the standard \
         views"
    )]
    NoViews {
        /// The name asked for.
        name: String,
    },
    /// Other views exist.
    #[error("There is no view called \"{name}\". The views are: {}", quoted(.views))]
    NotAmong {
        /// The name asked for.
        name: String,
        /// The views there are, in the register's order.
        views: Vec<String>,
    },
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The view called `name` (ignoring case and surrounding spaces), or which views there are.
pub fn find_view<'a>(register: &'a Register, name: &str) -> Result<&'a View, NoSuchView> {
    let wanted = name.trim().to_lowercase();
    register
        .views
        .values()
        .find(|view| view.name.trim().to_lowercase() == wanted)
        .ok_or_else(|| {
            let views: Vec<String> = register.views.values().map(|v| v.name.clone()).collect();
            let name = name.to_string();
            if views.is_empty() {
                NoSuchView::NoViews { name }
            } else {
                NoSuchView::NotAmong { name, views }
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_found_by_its_name_in_any_case_or_the_views_there_are_are_named() {
        let register = crate::sample::sample_register();
        let view = find_view(&register, "  lsp STRUCTURE ").expect("found");
        assert_eq!(view.name, "LSP structure");
        let missing = find_view(&register, "Nowhere").expect_err("not there");
        assert!(matches!(&missing, NoSuchView::NotAmong { views, .. } if views.len() > 1));
        let words = missing.to_string();
        assert!(
            words.starts_with(
                "There is no view called \"Nowhere\". The views are: \"LSP structure\""
            ),
            "{words}"
        );
        let mut empty = crate::model::Register::new("Empty");
        empty.views.clear();
        assert!(matches!(
            find_view(&empty, "LSP structure"),
            Err(NoSuchView::NoViews { .. })
        ));
    }
}
