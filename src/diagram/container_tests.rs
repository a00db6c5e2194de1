//! Containers: sub-groups listed inside their parent (sizing, rows selectable and linked, a
//! second parent keeps a box of its own), collapsed sub-groups, and a golden SVG of a small
//! structure with a container and a second parent.

use super::settings::SubGroups;
use super::*;
use crate::export::{Orientation, PageSetup, PaperSize, Rect};
use crate::model::*;

/// A board with two themed partnerships; the first has three sub-groups, the second one;
/// a fifth sub-group answers to both (a second parent); an advice line from a sub-group to
/// the second themed partnership.
fn grouped_register(sub_groups: SubGroups) -> (Register, View) {
    let mut r = Register::new("Eastvale Borough Council");
    let names = [
        (
            1,
            "Eastvale Together Board",
            StructuralLevel::LspBoard,
            CouncilRole::LeadOrChair,
        ),
        (
            2,
            "Community Safety Partnership",
            StructuralLevel::Thematic,
            CouncilRole::AccountableBody,
        ),
        (
            3,
            "Health and Wellbeing Partnership",
            StructuralLevel::Thematic,
            CouncilRole::Member,
        ),
        (
            4,
            "Anti-social Behaviour Group",
            StructuralLevel::SubGroup,
            CouncilRole::Observer,
        ),
        (
            5,
            "Domestic Abuse Forum",
            StructuralLevel::SubGroup,
            CouncilRole::Member,
        ),
        (
            6,
            "Serious Violence Duty Task and Finish Group",
            StructuralLevel::TaskAndFinish,
            CouncilRole::Secretariat,
        ),
        (
            7,
            "Physical Activity Alliance",
            StructuralLevel::SubGroup,
            CouncilRole::Member,
        ),
        (
            8,
            "Youth Justice Board",
            StructuralLevel::SubGroup,
            CouncilRole::Member,
        ),
    ];
    for (id, name, level, role) in names {
        r.partnerships.insert(
            PartnershipId(id),
            Partnership {
                id: PartnershipId(id),
                name: name.to_string(),
                structural_level: level,
                council_role: role,
                ..Partnership::default()
            },
        );
    }
    let lines = [
        (1, 2, 1, RelationshipKind::SubGroupOf),
        (2, 3, 1, RelationshipKind::SubGroupOf),
        (3, 4, 2, RelationshipKind::SubGroupOf),
        (4, 5, 2, RelationshipKind::SubGroupOf),
        (5, 6, 2, RelationshipKind::SubGroupOf),
        (6, 7, 3, RelationshipKind::SubGroupOf),
        (7, 8, 2, RelationshipKind::SubGroupOf),
        (8, 8, 3, RelationshipKind::ReportsTo),
        (9, 4, 3, RelationshipKind::Advises),
    ];
    for (id, from, to, kind) in lines {
        r.relationships.insert(
            RelationshipId(id),
            Relationship {
                id: RelationshipId(id),
                from: PartnershipId(from),
                to: PartnershipId(to),
                kind,
                label: String::new(),
            },
        );
    }
    let view_id = ViewId(1);
    let mut settings = ViewSettings::from_json(&serde_json::Value::Null);
    settings.grouping.sub_groups = sub_groups;
    let view = View {
        id: view_id,
        name: "LSP structure".to_string(),
        kind: ViewKind::Structure,
        settings: settings.to_json(&serde_json::Value::Null),
    };
    r.views.insert(view_id, view.clone());
    (r, view)
}

fn index(diagram: &Diagram, name: &str) -> usize {
    diagram
        .nodes
        .iter()
        .position(|n| n.name == name)
        .unwrap_or_else(|| panic!("{name} drawn"))
}

fn rect(node: &DiagramNode) -> Rect {
    scene::node_rect(node)
}

#[test]
fn sub_groups_listed_inside_their_parent_fill_a_container() {
    let (register, view) = grouped_register(SubGroups::Inside);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let csp = index(&diagram, "Community Safety Partnership");
    let container = &diagram.nodes[csp];
    let rows: Vec<&str> = container
        .rows
        .iter()
        .map(|&r| diagram.nodes[r].name.as_str())
        .collect();
    // Sorted by name; the sub-group with a second parent keeps its own box.
    assert_eq!(
        rows,
        vec![
            "Anti-social Behaviour Group",
            "Domestic Abuse Forum",
            "Serious Violence Duty Task and Finish Group"
        ]
    );
    let youth = index(&diagram, "Youth Justice Board");
    assert_eq!(diagram.nodes[youth].row_of, None);
    assert!(diagram.nodes[youth].rows.is_empty());

    // Sizing: rows stacked under the header inside the container, none overlapping, all as
    // wide as the container's inside, the container just tall enough.
    let outer = rect(container);
    let mut bottom = outer.y + containers::header_height(container.lines.len());
    for &r in &container.rows {
        let row = &diagram.nodes[r];
        let inner = rect(row);
        assert_eq!(row.row_of, Some(csp));
        assert!(outer.contains_rect(&inner, 0.01), "{} inside", row.name);
        assert!(inner.y >= bottom - 0.01, "{} under the one above", row.name);
        assert!((inner.width - (outer.width - 2.0 * containers::CONTAINER_PADDING)).abs() < 0.01);
        assert!(row.lines.len() <= sizing::MAX_NAME_LINES);
        bottom = inner.bottom();
    }
    assert!((outer.bottom() - bottom - containers::CONTAINER_PADDING).abs() < 1.01);

    // A row is what the pointer finds, and its own line elsewhere is still drawn.
    let asb = index(&diagram, "Anti-social Behaviour Group");
    assert_eq!(diagram.node_at(diagram.nodes[asb].centre), Some(asb));
    assert_eq!(
        diagram.node_at(Point::new(outer.center().x, outer.y + 3.0)),
        Some(csp)
    );
    let advice = diagram
        .edges
        .iter()
        .find(|e| e.edge.kind == LineKind::Relationship(RelationshipKind::Advises))
        .expect("the advice line");
    assert_eq!(advice.visibility, Visibility::Full);
    // The lines from rows to their own container are the container itself: not drawn.
    for e in &diagram.edges {
        if diagram.nodes[e.edge.from].row_of == Some(e.edge.to) {
            assert_eq!(e.visibility, Visibility::Hidden);
        }
    }
    // No two top-level boxes overlap.
    let tops: Vec<Rect> = diagram
        .nodes
        .iter()
        .filter(|n| n.row_of.is_none())
        .map(rect)
        .collect();
    for (i, a) in tops.iter().enumerate() {
        for b in &tops[i + 1..] {
            assert!(
                !(a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()),
                "{a:?} overlaps {b:?}"
            );
        }
    }
}

#[test]
fn rows_have_no_places_of_their_own_and_move_with_their_container() {
    let (mut register, view) = grouped_register(SubGroups::Inside);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let csp = index(&diagram, "Community Safety Partnership");
    let to = Point::new(
        diagram.nodes[csp].centre.x + 300.0,
        diagram.nodes[csp].centre.y,
    );
    let edit = edits::move_edit(&register, &diagram, csp, to).expect("a move");
    register.apply(&edit).expect("moved");
    let rows: Vec<NodeRef> = diagram.nodes[csp]
        .rows
        .iter()
        .map(|&r| diagram.nodes[r].node)
        .collect();
    for node in &rows {
        assert!(
            !register.node_positions.contains_key(&(view.id, *node)),
            "a row stores no place"
        );
    }
    let moved = Diagram::build(&register, &view, &BuildOptions::default());
    let container = rect(&moved.nodes[csp]);
    for &r in &moved.nodes[csp].rows {
        assert!(container.contains_rect(&rect(&moved.nodes[r]), 0.01));
    }
}

#[test]
fn collapsed_sub_groups_leave_a_badge() {
    let (register, view) = grouped_register(SubGroups::Collapsed);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let csp = index(&diagram, "Community Safety Partnership");
    assert_eq!(diagram.nodes[csp].collapsed, 3);
    assert_eq!(
        diagram.nodes[index(&diagram, "Domestic Abuse Forum")].visibility,
        Visibility::Hidden
    );
    let svg = crate::export::svg::to_svg(
        &scene::diagram_scene(
            &diagram,
            scene::caption(&register, &diagram, chrono::NaiveDate::default()),
        ),
        &PageSetup::new(PaperSize::A4, Orientation::Landscape),
    );
    assert!(svg.contains("+3 sub-groups"), "the badge is drawn");
    assert!(svg.contains("+1 sub-group<"), "singular for one");
}

#[test]
fn golden_svg_of_a_container_and_a_second_parent() {
    let (register, view) = grouped_register(SubGroups::Inside);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).expect("a date");
    let scene = scene::diagram_scene(&diagram, scene::caption(&register, &diagram, date));
    let svg = crate::export::svg::to_svg(
        &scene,
        &PageSetup::new(PaperSize::A4, Orientation::Landscape),
    );
    insta::assert_snapshot!("container_and_second_parent", svg);
}
