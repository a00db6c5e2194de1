//! Words for a diagram where a picture cannot be seen: the alternative text of the PDF's
//! figure (read by screen readers, required of published cabinet papers by the Public Sector
//! Bodies Accessibility Regulations 2018) and the PDF's document information.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use crate::export::pdf::DocumentInfo;
use crate::model::{Register, ViewKind};

use super::graph::NodeKind;
use super::{Diagram, Visibility};

/// How many names the alternative text lists at the top of the picture before "and N more".
const TOP_NAMES: usize = 3;

/// The alternative text of the diagram's picture: what it is, how many boxes and lines of
/// each kind it shows, and which bodies are at the top.
pub fn alt_text(diagram: &Diagram) -> String {
    let shown: Vec<_> = diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .collect();
    let partnerships = shown
        .iter()
        .filter(|n| n.kind == NodeKind::Partnership)
        .count();
    let organisations = shown
        .iter()
        .filter(|n| n.kind == NodeKind::Organisation)
        .count();
    let what = match diagram.kind {
        ViewKind::Structure => "Diagram of the partnership structure",
        ViewKind::Involvement => "Diagram of the council's involvement in partnerships",
        ViewKind::Membership => "Diagram of the membership network of partnerships",
    };
    let mut text = format!("{what} \"{}\": {}", diagram.title(), {
        crate::model::words::counted(partnerships, "partnership")
    });
    if organisations > 0 {
        text.push_str(&format!(
            " and {}",
            crate::model::words::counted(organisations, "organisation")
        ));
    }
    let mut lines: BTreeMap<&str, usize> = BTreeMap::new();
    for edge in &diagram.edges {
        if edge.visibility != Visibility::Hidden {
            *lines.entry(edge.edge.kind.label()).or_default() += 1;
        }
    }
    if !lines.is_empty() {
        let parts: Vec<String> = lines
            .iter()
            .map(|(label, n)| format!("{n} \"{label}\""))
            .collect();
        let total: usize = lines.values().sum();
        text.push_str(&format!(
            ", joined by {} ({})",
            crate::model::words::counted(total, "line"),
            parts.join(", ")
        ));
    }
    text.push('.');
    if diagram.kind == ViewKind::Structure {
        let top_y = shown
            .iter()
            .map(|n| n.centre.y - n.height / 2.0)
            .fold(f32::INFINITY, f32::min);
        let mut top: Vec<&str> = shown
            .iter()
            .filter(|n| (n.centre.y - n.height / 2.0 - top_y).abs() < 1.0)
            .map(|n| n.name.as_str())
            .collect();
        top.sort_unstable();
        if !top.is_empty() {
            let more = top.len().saturating_sub(TOP_NAMES);
            let names = top[..top.len().min(TOP_NAMES)].join("; ");
            text.push_str(&format!(" At the top: {names}"));
            if more > 0 {
                text.push_str(&format!(" and {more} more"));
            }
            text.push('.');
        }
    }
    text.push_str(" The register's tables list every partnership and relationship in full.");
    text
}

/// The PDF's document information for a picture of `diagram`: the caption's title, the
/// council as author, the view as subject, British English.
pub fn document_info(
    register: &Register,
    diagram: &Diagram,
    title: &str,
    created: Option<NaiveDateTime>,
) -> DocumentInfo {
    let council = register.settings.council_name.trim();
    DocumentInfo {
        title: title.to_string(),
        author: council.to_string(),
        subject: format!("Partnership diagram: {}", diagram.name),
        keywords: "partnerships, partnership of partnerships, diagram".to_string(),
        creator: "Partnership Atlas".to_string(),
        language: crate::export::pdf::DEFAULT_LANGUAGE.to_string(),
        created,
    }
}
