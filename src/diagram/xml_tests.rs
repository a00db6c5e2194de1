//! One XML text rule for SVG and GraphML, read back by an XML parser: every character class
//! (markup, C0 controls, tab and line breaks, DEL and C1, the edge of the BMP, U+FFFE and
//! U+FFFF, astral characters) survives or is dropped as XML 1.0 says; DOT line breaks are
//! Graphviz's `\n`, checked by `dot -Tplain` where Graphviz is installed.

use super::graph_export::{GraphFormat, write_graph};
use super::*;
use crate::export::PageSetup;
use crate::model::*;

/// A name with a character of every class.
fn awkward_name() -> String {
    let mut name = String::from("A&B <C> \"D\" 'E' tab\there line\nbreak cr\rend ");
    for c in (0u32..0x20).chain([
        0x7f, 0x85, 0xa0, 0xd7ff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x1_0000, 0x1_f600, 0x10_ffff,
    ]) {
        if let Some(c) = char::from_u32(c) {
            name.push(c);
        }
    }
    name.push_str(" Ŵ é ✓ 😀");
    name
}

/// What XML keeps of `text`: the characters XML 1.0 allows.
fn allowed(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            let u = c as u32;
            matches!(c, '\t' | '\n' | '\r') || (u >= 0x20 && u != 0xfffe && u != 0xffff)
        })
        .collect()
}

fn register_named(name: &str) -> (Register, View) {
    let mut r = Register::new("Test Council");
    for (id, n, level) in [
        (1, name.to_string(), StructuralLevel::LspBoard),
        (2, "Child".to_string(), StructuralLevel::Thematic),
    ] {
        r.partnerships.insert(
            PartnershipId(id),
            Partnership {
                id: PartnershipId(id),
                name: n,
                structural_level: level,
                ..Partnership::default()
            },
        );
    }
    r.relationships.insert(
        RelationshipId(1),
        Relationship {
            id: RelationshipId(1),
            from: PartnershipId(2),
            to: PartnershipId(1),
            kind: RelationshipKind::SubGroupOf,
            label: String::new(),
        },
    );
    let r = super::tests::with_boxes(r);
    let view = r.views[&ViewId(1)].clone();
    (r, view)
}

#[test]
fn svg_and_graphml_read_back_through_an_xml_parser() {
    let name = awkward_name();
    let (register, view) = register_named(&name);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());

    let graphml = write_graph(&register, &diagram, GraphFormat::GraphMl);
    let document = roxmltree::Document::parse(&graphml).expect("GraphML is well-formed XML");
    let label = document
        .descendants()
        .find(|n| {
            n.attribute("key") == Some("label") && n.text().is_some_and(|t| t.starts_with("A&B"))
        })
        .and_then(|n| n.text())
        .expect("the label");
    // Carriage returns are normalised to line feeds by XML unless written as a reference.
    assert_eq!(
        label,
        allowed(&name),
        "the unbroken name, every allowed character"
    );

    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).expect("a date");
    let svg = crate::export::svg::to_svg(
        &scene::diagram_scene(&diagram, scene::caption(&register, &diagram, date)),
        &PageSetup::default(),
    );
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let title = document
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .find(|t| t.starts_with("A&B"))
        .expect("the full name as the box's <title>");
    let spaced: String = allowed(&name)
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    assert_eq!(title, spaced);
}

#[test]
fn graphml_declares_numbers_and_keeps_the_name_unbroken() {
    let (register, view) = register_named("Ashmere Vale Partnership Board of Many Words Wrapped");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let graphml = write_graph(&register, &diagram, GraphFormat::GraphMl);
    let document = roxmltree::Document::parse(&graphml).expect("XML");
    for key in ["x", "y", "width", "height"] {
        let declared = document
            .descendants()
            .find(|n| n.has_tag_name("key") && n.attribute("id") == Some(key))
            .expect("declared");
        assert_eq!(declared.attribute("attr.type"), Some("double"));
    }
    let node = document
        .descendants()
        .find(|n| n.has_tag_name("node"))
        .expect("a node");
    let data: Vec<(&str, &str)> = node
        .children()
        .filter(|n| n.has_tag_name("data"))
        .map(|n| (n.attribute("key").unwrap_or(""), n.text().unwrap_or("")))
        .collect();
    // yEd's shape comes first, so readers that take x, y and label from it (networkx) are
    // overridden by the typed attributes after it.
    assert_eq!(data[0].0, "yshape");
    let value = |key: &str| data.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    assert_eq!(
        value("label"),
        Some("Ashmere Vale Partnership Board of Many Words Wrapped")
    );
    assert!(value("wrapped_label").is_some_and(|w| w.contains('\n')));
    assert!(value("x").is_some_and(|x| x.parse::<f64>().is_ok()));
}

#[test]
fn dot_labels_break_lines_as_graphviz_reads_them() {
    let (register, view) =
        register_named("Ashmere Vale Partnership Board of Many Words \"Quoted\"");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let dot = write_graph(&register, &diagram, GraphFormat::Dot);
    assert!(!dot.contains("\\\\n"), "no literal backslash-n: {dot}");
    assert!(dot.contains("\\n"), "Graphviz line breaks: {dot}");
    let json = write_graph(&register, &diagram, GraphFormat::Json);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let route = &parsed["edges"][0]["route"];
    assert!(route.as_array().is_some_and(|r| r.len() >= 2), "{json}");

    // Graphviz, where installed (CI installs it), reads the labels with real line breaks.
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("graph.dot");
    std::fs::write(&path, &dot).expect("written");
    let Ok(output) = std::process::Command::new("dot")
        .arg("-Tplain")
        .arg(&path)
        .output()
    else {
        eprintln!("Graphviz is not installed: DOT checked as text only");
        return;
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plain = String::from_utf8_lossy(&output.stdout);
    // -Tplain writes labels escaped again: a line break as `\n`, a literal backslash-n as
    // `\\n`.
    assert!(plain.contains("Ashmere Vale\\nPartnership"), "{plain}");
    assert!(
        !plain.contains("\\\\n"),
        "dot shows no literal \\n: {plain}"
    );
    assert!(plain.contains("node p1"), "{plain}");
}
