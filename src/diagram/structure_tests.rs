//! The structure view comes from the links: a register whose partnerships have sub-group
//! links and no structural levels (what an imported register looks like) draws its whole tree,
//! with levels inferred from the tree and marked as inferred.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::model::*;

fn structure_view() -> View {
    View {
        id: ViewId(1),
        name: "LSP structure".to_string(),
        kind: ViewKind::Structure,
        settings: serde_json::json!({}),
    }
}

/// A register of `names.len()` partnerships, no levels set, with sub-group lines
/// `(child, parent)` by index.
fn linked_register(names: &[&str], lines: &[(usize, usize)]) -> Register {
    let mut r = Register::new("Eastvale Borough Council");
    for (i, name) in names.iter().enumerate() {
        let id = PartnershipId(i as i64 + 1);
        r.partnerships.insert(
            id,
            Partnership {
                id,
                name: (*name).to_string(),
                ..Partnership::default()
            },
        );
    }
    for (k, &(child, parent)) in lines.iter().enumerate() {
        let id = RelationshipId(k as i64 + 1);
        r.relationships.insert(
            id,
            Relationship {
                id,
                from: PartnershipId(child as i64 + 1),
                to: PartnershipId(parent as i64 + 1),
                kind: RelationshipKind::SubGroupOf,
                label: String::new(),
            },
        );
    }
    let view = structure_view();
    r.views.insert(view.id, view);
    r
}

/// The published structure of a council's LSP as an imported register has it: 19 bodies,
/// 15 sub-group links, no levels; three bodies not linked at all.
fn published_structure() -> Register {
    let names = [
        "Eastvale Together Board",          // 0
        "Community Safety Partnership",     // 1
        "Health and Wellbeing Partnership", // 2
        "Economy and Skills Partnership",   // 3
        "Housing Partnership",              // 4
        "Anti-social Behaviour Group",      // 5
        "Domestic Abuse Forum",             // 6
        "Serious Violence Task Group",      // 7
        "Physical Activity Alliance",       // 8
        "Mental Health Group",              // 9
        "Town Centre Partnership",          // 10
        "Tourism Partnership",              // 11
        "Skills Group",                     // 12
        "Homelessness Forum",               // 13
        "Affordable Housing Group",         // 14
        "Rough Sleeping Task and Finish",   // 15
        "Eastvale Heritage Forum",          // 16 (not linked)
        "Eastvale Arts Network",            // 17 (not linked)
        "Eastvale Youth Council",           // 18 (not linked)
    ];
    let lines = [
        (1, 0),
        (2, 0),
        (3, 0),
        (4, 0),
        (5, 1),
        (6, 1),
        (7, 5),
        (8, 2),
        (9, 2),
        (10, 3),
        (11, 3),
        (12, 3),
        (13, 4),
        (14, 4),
        (15, 13),
    ];
    linked_register(&names, &lines)
}

#[test]
fn links_without_levels_draw_the_whole_tree_with_inferred_levels() {
    let register = published_structure();
    let diagram = Diagram::build(&register, &structure_view(), &BuildOptions::default());
    let names: Vec<&str> = diagram.nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        diagram.nodes.len(),
        16,
        "every linked body is drawn: {names:?}"
    );
    assert_eq!(diagram.edges.len(), 15, "every sub-group line is drawn");
    let level = |name: &str| {
        diagram
            .nodes
            .iter()
            .find(|n| n.name == name)
            .and_then(|n| n.level)
            .unwrap_or_else(|| panic!("{name} has a level"))
    };
    for node in &diagram.nodes {
        assert!(
            node.level.is_some_and(|l| l.inferred),
            "{} inferred",
            node.name
        );
    }
    assert_eq!(
        level("Eastvale Together Board").level,
        StructuralLevel::LspBoard
    );
    assert_eq!(
        level("Community Safety Partnership").level,
        StructuralLevel::Thematic
    );
    assert_eq!(
        level("Anti-social Behaviour Group").level,
        StructuralLevel::SubGroup
    );
    assert_eq!(
        level("Serious Violence Task Group").level,
        StructuralLevel::TaskAndFinish
    );
    assert_eq!(
        level("Rough Sleeping Task and Finish").label(),
        "Task and finish group (inferred)"
    );
    // The unlinked bodies with no level are not part of the structure.
    assert!(!names.contains(&"Eastvale Heritage Forum"));
    // The tree reads downwards: every parent above its sub-groups.
    for edge in &diagram.edges {
        let (child, parent) = (&diagram.nodes[edge.edge.from], &diagram.nodes[edge.edge.to]);
        assert!(
            parent.centre.y < child.centre.y,
            "{} above {}",
            parent.name,
            child.name
        );
    }
}

#[test]
fn a_level_set_in_the_register_is_kept_and_not_marked_inferred() {
    let mut register = published_structure();
    if let Some(p) = register.partnerships.get_mut(&PartnershipId(2)) {
        p.structural_level = StructuralLevel::LspExecutive;
    }
    let diagram = Diagram::build(&register, &structure_view(), &BuildOptions::default());
    let node = |name: &str| {
        diagram
            .nodes
            .iter()
            .find(|n| n.name == name)
            .and_then(|n| n.level)
            .expect("drawn with a level")
    };
    assert_eq!(
        node("Community Safety Partnership"),
        NodeLevel {
            level: StructuralLevel::LspExecutive,
            inferred: false
        }
    );
    // Below an executive come themed partnerships.
    assert_eq!(
        node("Anti-social Behaviour Group").level,
        StructuralLevel::Thematic
    );
}

#[test]
fn the_graph_export_says_which_levels_are_inferred() {
    let register = published_structure();
    let diagram = Diagram::build(&register, &structure_view(), &BuildOptions::default());
    let json = graph_export::write_graph(&register, &diagram, graph_export::GraphFormat::Json);
    assert!(json.contains("\"level_inferred\": true"), "{json}");
}

proptest! {
    /// On random forests of sub-group links with no levels, every linked partnership is drawn,
    /// every level is inferred, heads with sub-groups are LSP boards and every child sits one
    /// level below its parent (or at the lowest level).
    #[test]
    fn random_trees_draw_every_linked_partnership(parents in proptest::collection::vec(proptest::option::of(0usize..1000), 1..40)) {
        // Node i's parent is an earlier node (so there is no loop), or none.
        let lines: Vec<(usize, usize)> = parents
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.filter(|_| i > 0).map(|p| (i, p % i)))
            .collect();
        let names: Vec<String> = (0..parents.len()).map(|i| format!("Partnership {i}")).collect();
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let register = linked_register(&name_refs, &lines);
        let diagram = Diagram::build(&register, &structure_view(), &BuildOptions::default());
        let mut linked: Vec<usize> = lines.iter().flat_map(|&(a, b)| [a, b]).collect();
        linked.sort_unstable();
        linked.dedup();
        prop_assert_eq!(diagram.nodes.len(), linked.len());
        prop_assert_eq!(diagram.edges.len(), lines.len());
        let by_name: BTreeMap<&str, &DiagramNode> =
            diagram.nodes.iter().map(|n| (n.name.as_str(), n)).collect();
        let order = [
            StructuralLevel::LspBoard,
            StructuralLevel::Thematic,
            StructuralLevel::SubGroup,
            StructuralLevel::TaskAndFinish,
        ];
        let rank = |l: StructuralLevel| order.iter().position(|&o| o == l).expect("a tree level");
        for &(child, parent) in &lines {
            let c = by_name[names[child].as_str()].level.expect("level");
            let p = by_name[names[parent].as_str()].level.expect("level");
            prop_assert!(c.inferred && p.inferred);
            prop_assert!(rank(c.level) == (rank(p.level) + 1).min(3), "{:?} under {:?}", c, p);
        }
        for &v in &linked {
            let has_parent = lines.iter().any(|&(c, _)| c == v);
            if !has_parent {
                prop_assert_eq!(by_name[names[v].as_str()].level.expect("level").level, StructuralLevel::LspBoard);
            }
        }
    }
}

#[test]
fn an_empty_view_is_refused_with_the_reason_and_what_to_do() {
    let data_as_at = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).expect("a date");
    let export = |register: &Register| {
        print::export(
            register,
            &structure_view(),
            &BuildOptions::default(),
            print::PageChoice::Auto,
            crate::export::Format::Svg,
            data_as_at,
        )
        .map(|_| ())
    };
    let empty = linked_register(&[], &[]);
    let error = export(&empty).expect_err("nothing to draw");
    assert!(error.to_string().contains("no partnerships yet"), "{error}");

    // Partnerships with neither levels nor links: the structure is empty, and the message says
    // how to make one.
    let unlinked = linked_register(&["Heritage Forum", "Arts Network"], &[]);
    let error = export(&unlinked).expect_err("nothing to draw");
    let message = error.to_string();
    assert!(
        message.contains("\"LSP structure\" has nothing to draw"),
        "{message}"
    );
    assert!(message.contains("sub-group of"), "{message}");
    assert!(message.contains("then export again"), "{message}");

    // With one link it draws.
    let linked = linked_register(&["Heritage Forum", "Arts Network"], &[(1, 0)]);
    export(&linked).expect("a picture");
}
