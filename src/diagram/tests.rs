//! Tests of the diagram: layout and scene invariants on the sample's three views (no two
//! boxes overlap, formal lines point up the layers, same input same picture, pinned nodes stay,
//! adding a partnership moves nothing else), edits and their undo, a golden SVG of a small
//! fixed register, the 300 dpi A4 PNG size, every name in the SVG, and the graph exports.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::graph_export::{GraphFormat, write_graph};
use super::*;
use crate::export::{self, Format, Orientation, PageSetup, PaperSize};
use crate::layout::Size;
use crate::layout::geometry::find_overlap;
use crate::model::*;
use crate::sample::sample_register;

fn view_named<'a>(register: &'a Register, name: &str) -> &'a View {
    register
        .views
        .values()
        .find(|v| v.name == name)
        .expect("the sample has this view")
}

fn data_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).expect("date")
}

fn shown_overlap(diagram: &Diagram) -> Option<(String, String)> {
    let shown: Vec<&DiagramNode> = diagram
        .nodes
        .iter()
        // A container's rows lie inside it by design.
        .filter(|n| n.visibility != Visibility::Hidden && n.row_of.is_none())
        .collect();
    let positions: Vec<crate::layout::Point> = shown
        .iter()
        .map(|n| crate::layout::Point::new(f64::from(n.centre.x), f64::from(n.centre.y)))
        .collect();
    let sizes: Vec<Size> = shown
        .iter()
        .map(|n| Size::new(f64::from(n.width), f64::from(n.height)))
        .collect();
    find_overlap(&positions, &sizes, 1.0)
        .map(|(a, b)| (shown[a].name.clone(), shown[b].name.clone()))
}

/// Structure views drawing every sub-group as its own box (the register's views list them
/// inside their parents by default): for tests about boxes, their moves and their lines.
pub(super) fn with_boxes(mut register: Register) -> Register {
    for view in register.views.values_mut() {
        if view.kind == ViewKind::Structure {
            let mut settings = ViewSettings::from_json(&view.settings);
            settings.grouping.sub_groups = settings::SubGroups::Boxes;
            view.settings = settings.to_json(&view.settings);
        }
    }
    register
}

/// The sample register with sub-groups drawn as boxes ([`with_boxes`]).
pub(super) fn sample_with_boxes() -> Register {
    with_boxes(sample_register())
}

fn apply(register: &mut Register, edit: &Edit) {
    register.apply(edit).expect("the edit applies");
}

#[test]
fn no_two_boxes_overlap_in_any_sample_view() {
    let register = sample_register();
    for view in register.views.values() {
        let diagram = Diagram::build(&register, view, &BuildOptions::default());
        assert!(diagram.nodes.len() > 5, "{} draws something", view.name);
        assert_eq!(shown_overlap(&diagram), None, "{}", view.name);
    }
}

#[test]
fn formal_lines_go_up_to_the_parent_in_the_structure() {
    let register = sample_with_boxes();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let mut upward = 0;
    for edge in &diagram.edges {
        if !edge.edge.kind.is_formal() {
            continue;
        }
        let (child, parent) = (&diagram.nodes[edge.edge.from], &diagram.nodes[edge.edge.to]);
        // A second parent among the other boards (a county board a themed partnership
        // reports to) is in their band beside the structure: its line runs across.
        if parent.outside_board && !child.outside_board {
            continue;
        }
        assert!(
            parent.centre.y + parent.height / 2.0 < child.centre.y - child.height / 2.0,
            "{} is drawn above its parent {}",
            child.name,
            parent.name
        );
        upward += 1;
    }
    assert!(upward > 20, "the structure has its formal lines ({upward})");
}

#[test]
fn the_structure_holds_the_lsp_and_the_county_boards_above() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let names: Vec<&str> = diagram.nodes.iter().map(|n| n.name.as_str()).collect();
    assert!(names.contains(&"Ashmere Vale Partnership Board"));
    assert!(names.contains(&"Mardleshire Together Board"));
    assert!(
        !names.contains(&"Mardleshire Parking Partnership Board"),
        "standalone bodies stay out"
    );
}

#[test]
fn the_same_register_gives_the_same_picture() {
    let register = sample_register();
    for view in register.views.values() {
        let once = Diagram::build(&register, view, &BuildOptions::default());
        let again = Diagram::build(&sample_register(), view, &BuildOptions::default());
        assert_eq!(once, again, "{}", view.name);
    }
}

#[test]
fn a_move_is_one_edit_that_keeps_the_others_and_undoes() {
    let mut register = sample_with_boxes();
    let view = view_named(&register, "LSP structure").clone();
    let before = Diagram::build(&register, &view, &BuildOptions::default());
    let target = Point::new(
        before.nodes[3].centre.x + 500.0,
        before.nodes[3].centre.y + 300.0,
    );
    let edit = edits::move_edit(&register, &before, 3, target).expect("a move");
    apply(&mut register, &edit);
    let after = Diagram::build(&register, &view, &BuildOptions::default());
    assert_eq!(after.nodes[3].centre, target);
    for (v, (a, b)) in before.nodes.iter().zip(&after.nodes).enumerate() {
        assert!(b.stored);
        if v != 3 {
            assert_eq!(a.centre, b.centre, "{} did not move", a.name);
        }
    }
    apply(&mut register, &edit.inverse());
    assert!(register.node_positions.is_empty());
    assert_eq!(
        Diagram::build(&register, &view, &BuildOptions::default()),
        before
    );
}

#[test]
fn adding_a_partnership_moves_nothing_already_placed() {
    let mut register = sample_with_boxes();
    for name in ["LSP structure", "Membership network"] {
        let view = view_named(&register, name).clone();
        let before = Diagram::build(&register, &view, &BuildOptions::default());
        let parent = before.nodes[0].partnership().expect("a partnership");
        let edit = edits::add_sub_group_edit(
            &register,
            &view,
            &before,
            parent,
            &format!("New group for {name}"),
        )
        .expect("the sub-group edit");
        apply(&mut register, &edit);
        let after = Diagram::build(&register, &view, &BuildOptions::default());
        for node in &before.nodes {
            let index = after.index_of(node.node).expect("still drawn");
            assert_eq!(
                after.nodes[index].centre, node.centre,
                "{} stayed",
                node.name
            );
        }
        assert_eq!(after.nodes.len(), before.nodes.len() + 1, "{name}");
        assert!(
            after.nodes.iter().all(|n| n.stored),
            "the new place is stored too"
        );
        assert_eq!(shown_overlap(&after), None, "{name}");
    }
}

#[test]
fn pinned_nodes_stay_put_in_a_relayout() {
    let mut register = sample_with_boxes();
    let view = view_named(&register, "LSP structure").clone();
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    // Move two nodes far away and pin them, then lay everything out again.
    let far = Point::new(-900.0, -700.0);
    let edit = edits::move_edit(&register, &diagram, 2, far).expect("move");
    apply(&mut register, &edit);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let pinned = BTreeSet::from([2, 5]);
    let edit = edits::pin_edit(&register, &diagram, &pinned, true).expect("pin");
    apply(&mut register, &edit);
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let edit = edits::relayout_edit(&register, &diagram, None).expect("relayout");
    apply(&mut register, &edit);
    let after = Diagram::build(&register, &view, &BuildOptions::default());
    // Stored positions are what stays put (the picture shown closes the gaps of nodes the
    // default filters hide, so compare where the nodes are arranged).
    assert_eq!(after.nodes[2].arranged(), diagram.nodes[2].arranged());
    assert_eq!(after.nodes[5].arranged(), diagram.nodes[5].arranged());
    assert!(after.nodes[2].pinned && after.nodes[5].pinned);
    assert_eq!(shown_overlap(&after), None);
    // Undo brings back the picture before the re-layout.
    apply(&mut register, &edit.inverse());
    assert_eq!(
        Diagram::build(&register, &view, &BuildOptions::default()),
        diagram
    );
}

#[test]
fn relayout_of_a_selection_moves_only_the_selection() {
    let mut register = sample_with_boxes();
    let view = view_named(&register, "LSP structure").clone();
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let chosen = BTreeSet::from([1, 4]);
    let mut scattered = register.clone();
    apply(
        &mut scattered,
        &edits::move_edit(&register, &diagram, 1, Point::new(3000.0, 3000.0)).expect("move"),
    );
    register = scattered;
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let edit = edits::relayout_edit(&register, &diagram, Some(&chosen)).expect("relayout");
    apply(&mut register, &edit);
    let after = Diagram::build(&register, &view, &BuildOptions::default());
    for (v, (a, b)) in diagram.nodes.iter().zip(&after.nodes).enumerate() {
        if !chosen.contains(&v) {
            assert_eq!(a.centre, b.centre, "{} stayed", a.name);
        }
    }
    assert_ne!(after.nodes[1].centre, Point::new(3000.0, 3000.0));
    assert_eq!(shown_overlap(&after), None);
}

#[test]
fn filters_fade_or_hide_and_the_legend_says_so() {
    let register = sample_register();
    let mut view = view_named(&register, "LSP structure").clone();
    let mut settings = ViewSettings::default();
    settings.filters.council_roles = vec![CouncilRole::LeadOrChair];
    settings.filters.mode = FilterMode::Fade;
    view.settings = settings.to_json(&view.settings);
    let faded = Diagram::build(&register, &view, &BuildOptions::default());
    assert!(
        faded
            .nodes
            .iter()
            .any(|n| n.visibility == Visibility::Faded)
    );
    assert!(faded.nodes.iter().any(|n| n.visibility == Visibility::Full));
    let labels: Vec<&str> = faded
        .legend
        .groups
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.label.as_str()))
        .collect();
    assert!(labels.iter().any(|l| l.starts_with("Pale")));
    settings.filters.mode = FilterMode::Hide;
    view.settings = settings.to_json(&view.settings);
    let hidden = Diagram::build(&register, &view, &BuildOptions::default());
    assert!(
        hidden
            .nodes
            .iter()
            .all(|n| n.visibility != Visibility::Faded)
    );
    // Hiding never moves what is arranged; the picture closes the gaps instead.
    for (a, b) in faded.nodes.iter().zip(&hidden.nodes) {
        assert_eq!(a.arranged(), b.arranged());
    }
}

#[test]
fn focus_shows_only_the_nodes_near_the_chosen_one() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let full = Diagram::build(&register, view, &BuildOptions::default());
    let centre = full.nodes[0].node;
    let focused = Diagram::build(
        &register,
        view,
        &BuildOptions {
            focus: Some((centre, 1)),
        },
    );
    let shown = focused
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .count();
    assert!(shown >= 2 && shown < full.nodes.len() / 2, "{shown}");
}

#[test]
fn the_legend_lists_every_rule_the_picture_uses() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let titles: Vec<&str> = diagram
        .legend
        .groups
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    for wanted in [
        "Lines",
        "Fill: theme",
        "Border: risk (current assessment)",
        "Badge: the council's role",
    ] {
        assert!(titles.contains(&wanted), "{wanted} in {titles:?}");
    }
    let mut view = view.clone();
    let mut settings = ViewSettings::default();
    settings.style.colour_boxes = false;
    settings.style.council_role_badge = false;
    view.settings = settings.to_json(&view.settings);
    let plain = Diagram::build(&register, &view, &BuildOptions::default());
    assert!(
        plain
            .legend
            .groups
            .iter()
            .all(|g| g.title != "Fill: theme" && !g.title.starts_with("Badge"))
    );
    assert!(plain.nodes.iter().all(|n| n.badge.is_none()));
}

fn sample_svg(view_name: &str) -> (Register, Diagram, String) {
    let register = sample_register();
    let view = view_named(&register, view_name).clone();
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let scene = scene::diagram_scene(&diagram, scene::caption(&register, &diagram, data_date()));
    let setup = PageSetup::new(PaperSize::A4, Orientation::Landscape);
    let svg = String::from_utf8(export::export(&scene, &setup, Format::Svg).expect("svg"))
        .expect("utf-8");
    (register, diagram, svg)
}

#[test]
fn every_name_in_a_view_is_in_its_svg() {
    for name in ["LSP structure", "Council involvement", "Membership network"] {
        let (_, diagram, svg) = sample_svg(name);
        for node in diagram
            .nodes
            .iter()
            .filter(|n| n.visibility != Visibility::Hidden)
        {
            let escaped = crate::export::svg::escape(&node.name);
            assert!(svg.contains(&escaped), "{} in the {name} SVG", node.name);
            for line in &node.lines {
                assert!(svg.contains(&crate::export::svg::escape(line)), "{line}");
            }
        }
        assert!(svg.contains("Data as at 14 March 2026"));
        assert!(svg.contains("Source: Ashmere Vale District Council partnership register"));
    }
}

#[test]
fn a_300_dpi_a4_landscape_png_is_3508_by_2480() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let scene = scene::diagram_scene(&diagram, scene::caption(&register, &diagram, data_date()));
    let setup = PageSetup::new(PaperSize::A4, Orientation::Landscape);
    let png = export::export(&scene, &setup, Format::Png { dpi: 300 }).expect("png");
    let decoder = ::png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().expect("a png");
    let info = reader.info();
    assert_eq!((info.width, info.height), (3508, 2480));
}

/// A small fixed register: a board, an executive, two themed partnerships, a sub-group, a
/// county board above and an advice line; the council and a member.
pub(crate) fn small_register() -> Register {
    let mut r = Register::new("Westshire District Council");
    r.settings.source_line = "Source: Westshire partnership register".to_string();
    let mut add = |id: i64, name: &str, level: StructuralLevel, role: CouncilRole| {
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
    };
    add(
        1,
        "Westshire County Strategic Board",
        StructuralLevel::CountyBoard,
        CouncilRole::Member,
    );
    add(
        2,
        "Westshire Partnership Board",
        StructuralLevel::LspBoard,
        CouncilRole::LeadOrChair,
    );
    add(
        3,
        "Westshire Partnership Executive",
        StructuralLevel::LspExecutive,
        CouncilRole::Secretariat,
    );
    add(
        4,
        "Community Safety Partnership",
        StructuralLevel::Thematic,
        CouncilRole::AccountableBody,
    );
    add(
        5,
        "Health & Wellbeing <Partnership>",
        StructuralLevel::Thematic,
        CouncilRole::Member,
    );
    add(
        6,
        "Anti-social Behaviour Action Group",
        StructuralLevel::SubGroup,
        CouncilRole::Observer,
    );
    let lines = [
        (1, 2, 1, RelationshipKind::ReportsTo),
        (2, 3, 2, RelationshipKind::SubGroupOf),
        (3, 4, 3, RelationshipKind::SubGroupOf),
        (4, 5, 3, RelationshipKind::SubGroupOf),
        (5, 6, 4, RelationshipKind::SubGroupOf),
        (6, 5, 4, RelationshipKind::Advises),
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
    r.themes.insert(
        ThemeId(1),
        Theme {
            id: ThemeId(1),
            name: "Community safety".to_string(),
            description: String::new(),
        },
    );
    for p in [4, 6] {
        r.theme_tags.insert(
            (PartnershipId(p), ThemeId(1)),
            ThemeTag {
                partnership: PartnershipId(p),
                theme: ThemeId(1),
            },
        );
    }
    r.views.insert(
        ViewId(1),
        View {
            id: ViewId(1),
            name: "LSP structure".to_string(),
            kind: ViewKind::Structure,
            settings: serde_json::json!({"style": {"line_labels": true}}),
        },
    );
    r
}

#[test]
fn golden_svg_of_a_small_register() {
    let register = small_register();
    let view = &register.views[&ViewId(1)];
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let scene = scene::diagram_scene(&diagram, scene::caption(&register, &diagram, data_date()));
    let setup = PageSetup::new(PaperSize::A4, Orientation::Landscape);
    let svg = String::from_utf8(export::export(&scene, &setup, Format::Svg).expect("svg"))
        .expect("utf-8");
    assert!(svg.contains("Health &amp; Wellbeing &lt;Partnership&gt;"));
    insta::assert_snapshot!("small_register_structure", svg);
}

#[test]
fn graph_exports_hold_every_shown_node_and_line() {
    let register = small_register();
    let view = &register.views[&ViewId(1)];
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let json: serde_json::Value =
        serde_json::from_str(&write_graph(&register, &diagram, GraphFormat::Json)).expect("json");
    assert_eq!(json["nodes"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["edges"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["edges"][0]["type"], "reports_to");
    assert!(json["nodes"][0]["width"].as_f64().is_some_and(|w| w > 60.0));
    let graphml = write_graph(&register, &diagram, GraphFormat::GraphMl);
    assert_eq!(graphml.matches("<node id=").count(), 6);
    assert_eq!(graphml.matches("<edge id=").count(), 6);
    assert!(graphml.contains("Health &amp; Wellbeing &lt;Partnership&gt;"));
    let dot = write_graph(&register, &diagram, GraphFormat::Dot);
    assert_eq!(dot.matches(" -> ").count(), 6);
    assert!(dot.contains("p2 -> p3 [dir=back, style=solid]"));
    assert!(
        dot.contains("constraint=false"),
        "the advice line does not rank"
    );
}

#[test]
fn settings_json_keeps_unknown_keys_and_reads_defaults() {
    let json = serde_json::json!({"later_version": 3, "style": {"size_by_cost": true}});
    let settings = ViewSettings::from_json(&json);
    assert!(settings.style.size_by_cost && settings.style.colour_boxes);
    let back = settings.to_json(&json);
    assert_eq!(back["later_version"], 3);
    assert_eq!(
        ViewSettings::from_json(&serde_json::json!("nonsense")),
        ViewSettings::default()
    );
}

#[test]
fn size_by_cost_makes_costly_partnerships_bigger() {
    let register = sample_register();
    let mut view = view_named(&register, "Council involvement").clone();
    let plain = Diagram::build(&register, &view, &BuildOptions::default());
    let mut settings = ViewSettings::default();
    settings.style.size_by_cost = true;
    view.settings = settings.to_json(&view.settings);
    let sized = Diagram::build(&register, &view, &BuildOptions::default());
    let grew = plain
        .nodes
        .iter()
        .zip(&sized.nodes)
        .filter(|(a, b)| b.width > a.width)
        .count();
    assert!(grew > 5, "{grew}");
    assert_eq!(shown_overlap(&sized), None);
}

#[test]
fn connecting_refuses_loops_duplicates_and_self_links_and_otherwise_is_one_edit() {
    let mut register = sample_register();
    let view = view_named(&register, "LSP structure").clone();
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let line = register
        .relationships
        .values()
        .find(|r| r.kind == RelationshipKind::SubGroupOf)
        .expect("the sample has sub-groups")
        .clone();
    let connect = |register: &Register, from, to, kind| {
        edits::connect_edit(register, &view, &diagram, from, to, kind)
    };
    let refused = |result: Result<Edit, EditError>| result.expect_err("refused").to_string();
    let parent_to_child = connect(&register, line.to, line.from, RelationshipKind::ReportsTo);
    assert!(refused(parent_to_child).contains("loop"));
    let again = connect(&register, line.from, line.to, RelationshipKind::SubGroupOf);
    assert!(refused(again).contains("already recorded"));
    let itself = connect(&register, line.from, line.from, RelationshipKind::Advises);
    assert!(refused(itself).contains("itself"));

    let before = register.relationships.len();
    let advice = connect(&register, line.to, line.from, RelationshipKind::Advises).expect("ok");
    apply(&mut register, &advice);
    assert_eq!(register.relationships.len(), before + 1);
    apply(&mut register, &advice.inverse());
    assert_eq!(register.relationships.len(), before);
}

#[test]
fn buses_of_different_parents_never_run_along_one_line() {
    // Two parents on one layer whose children interleave: each parent's bus gets its own
    // height, so no stretch of one bus lies on another.
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, view, &BuildOptions::default());
    let scene = scene::diagram_scene(&diagram, scene::caption(&register, &diagram, data_date()));
    let mut runs: Vec<(f32, f32, f32)> = Vec::new(); // (y, x from, x to) of horizontal segments
    for item in &scene.items {
        if let crate::export::scene::Item::Shape(shape) = item
            && let crate::export::Geometry::Polyline { points, .. } = &shape.geometry
        {
            for pair in points.windows(2) {
                if (pair[0].y - pair[1].y).abs() < 0.01 && (pair[0].x - pair[1].x).abs() > 0.01 {
                    let (a, b) = (pair[0].x.min(pair[1].x), pair[0].x.max(pair[1].x));
                    runs.push((pair[0].y, a, b));
                }
            }
        }
    }
    assert!(runs.len() > 10, "the structure has buses");
    // Each parent's bus: the horizontal runs at its height through its centre line.
    let buses = buses::bus_heights(&diagram);
    let mut by_height: std::collections::BTreeMap<i64, Vec<usize>> = Default::default();
    for (parent, y) in &buses {
        by_height
            .entry((y * 100.0).round() as i64)
            .or_default()
            .push(*parent);
    }
    for parents in by_height.values() {
        let spans: Vec<(f32, f32)> = parents
            .iter()
            .map(|p| {
                let y = buses[p];
                runs.iter()
                    .filter(|r| (r.0 - y).abs() < 0.01)
                    .filter(|r| {
                        let x = diagram.nodes[*p].centre.x;
                        r.1 <= x + 0.01 && x - 0.01 <= r.2
                    })
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |s, r| {
                        (s.0.min(r.1), s.1.max(r.2))
                    })
            })
            .collect();
        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                assert!(
                    a.1 < b.0 || b.1 < a.0,
                    "two parents' buses overlap at one height: {a:?} {b:?}"
                );
            }
        }
    }
}

#[test]
fn boxes_can_be_coloured_by_value_band_or_recommendation_with_a_mark_and_a_legend() {
    let register = sample_register();
    let mut view = view_named(&register, "LSP structure").clone();
    for (fill_by, title) in [
        (FillBy::ValueBand, "Fill: value band (current assessment)"),
        (
            FillBy::Recommendation,
            "Fill: recommendation (current assessment)",
        ),
    ] {
        let mut settings = ViewSettings::from_json(&view.settings);
        settings.style.fill_by = fill_by;
        view.settings = settings.to_json(&view.settings);
        let diagram = Diagram::build(&register, &view, &BuildOptions::default());
        let group = diagram
            .legend
            .groups
            .iter()
            .find(|g| g.title == title)
            .unwrap_or_else(|| panic!("{title} in the legend"));
        assert!(
            diagram
                .legend
                .groups
                .iter()
                .all(|g| g.title != "Fill: theme")
        );
        for node in &diagram.nodes {
            let Some(id) = node.partnership() else {
                continue;
            };
            if node.visibility == Visibility::Hidden {
                continue;
            }
            let (fill, mark) = match fill_by {
                FillBy::ValueBand => {
                    style::value_fill(style::value_band(register.current_assessment(id)))
                }
                _ => style::recommendation_fill(style::recommendation(
                    register.current_assessment(id),
                )),
            };
            assert_eq!((node.fill, node.mark), (fill, Some(mark)), "{}", node.name);
            // The legend explains every mark drawn.
            assert!(
                group
                    .entries
                    .iter()
                    .any(|e| e.label.starts_with(&format!("{mark} "))),
                "{mark} of {} in {title}",
                node.name
            );
        }
        let assessed = diagram
            .nodes
            .iter()
            .filter(|n| n.mark.is_some_and(|m| m != "–"))
            .count();
        assert!(assessed > 20, "{title}: most boxes show an assessed result");
    }
    // Settings written before fills could show more still read.
    let old = serde_json::json!({"style": {"colour_by_theme": false}});
    assert!(!ViewSettings::from_json(&old).style.colour_boxes);
    let theme = Diagram::build(
        &register,
        view_named(&register, "LSP structure"),
        &BuildOptions::default(),
    );
    assert!(theme.nodes.iter().all(|n| n.mark.is_none()));
}
