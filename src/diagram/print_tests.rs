//! Tests of the printed picture and what feeds it: the page prints what was arranged, scaled
//! (a moved box stays where it was moved); the advice measures each fix and a compact
//! arrangement is one undoable edit that prints as previewed; labels on lines never overlap
//! each other or a box;
//! the theme filter; hidden nodes' gaps closed while stored positions stay; the membership
//! network's quiet organisations.

use chrono::NaiveDate;

use super::print::{self, Arrangement, MIN_PRINTED_NAME_PT, PageChoice};
use super::tests::sample_with_boxes;
use super::*;
use crate::export::{Item, Orientation, PageSetup, PaperSize, Rect, TextRun};
use crate::model::*;
use crate::sample::sample_register;

fn view_named(register: &Register, name: &str) -> View {
    register
        .views
        .values()
        .find(|v| v.name == name)
        .cloned()
        .expect("the sample has this view")
}

fn caption(register: &Register, diagram: &Diagram) -> crate::export::Caption {
    let date = NaiveDate::from_ymd_opt(2026, 3, 14).expect("date");
    scene::caption(register, diagram, date)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

fn shown_boxes(diagram: &Diagram) -> Vec<(String, Rect)> {
    diagram
        .nodes
        .iter()
        // A container's rows lie inside it by design; they never overlap each other.
        .filter(|n| n.visibility != Visibility::Hidden && n.row_of.is_none())
        .map(|n| (n.name.clone(), scene::node_rect(n)))
        .collect()
}

fn assert_no_box_overlaps(diagram: &Diagram) {
    let boxes = shown_boxes(diagram);
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            assert!(!overlaps(ra, rb), "{a} overlaps {b}");
        }
    }
}

/// The labels on lines in a scene: the runs on a white box (names and badges have none).
fn line_labels(scene: &crate::export::Scene) -> Vec<&TextRun> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) if run.background.is_some() => Some(run),
            _ => None,
        })
        .collect()
}

#[test]
fn an_exported_view_prints_its_arranged_positions_at_the_page_scale() {
    let mut register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    // Drag a sub-group to the right of its siblings, as the officer did.
    let (index, parent) = diagram
        .edges
        .iter()
        .find(|e| e.edge.kind.is_formal() && e.visibility == Visibility::Full)
        .map(|e| (e.edge.from, e.edge.to))
        .expect("a sub-group");
    let siblings_right = diagram
        .edges
        .iter()
        .filter(|e| e.edge.to == parent)
        .map(|e| {
            let n = &diagram.nodes[e.edge.from];
            n.centre.x + n.width / 2.0
        })
        .fold(f32::MIN, f32::max);
    let target = crate::export::Point::new(
        siblings_right + 40.0 + diagram.nodes[index].width / 2.0,
        diagram.nodes[index].centre.y,
    );
    let moved = edits::move_edit(&register, &diagram, index, target).expect("a move");
    register.apply(&moved).expect("moved");
    let arranged = Diagram::build(&register, &view, &BuildOptions::default());

    for choice in [
        PageChoice::Fixed(PageSetup::new(PaperSize::A4, Orientation::Landscape)),
        PageChoice::Auto,
    ] {
        let plan = print::plan(&arranged, &caption(&register, &arranged), choice);
        assert_eq!(plan.arrangement, Arrangement::AsArranged);
        let page = crate::export::compose(&plan.scene, &plan.setup);
        let picture = &page.layers[0].transform;
        // Every box on the page is its arranged place through one scale and offset.
        for (printed, node) in plan.diagram.nodes.iter().zip(&arranged.nodes) {
            assert_eq!(printed.centre, node.centre, "{}", node.name);
        }
        let on_page = |n: &DiagramNode| picture.apply(n.centre);
        let moved_on_page = on_page(&arranged.nodes[index]);
        let target_on_page = picture.apply(target);
        assert!((moved_on_page.x - target_on_page.x).abs() < 0.01);
        assert!((moved_on_page.y - target_on_page.y).abs() < 0.01);
        // Still to the right of every sibling on paper.
        for e in arranged
            .edges
            .iter()
            .filter(|e| e.edge.to == parent && e.edge.from != index)
        {
            assert!(on_page(&arranged.nodes[e.edge.from]).x < moved_on_page.x);
        }
        assert!((picture.scale * sizing::NAME_SIZE - plan.name_pt).abs() < 1e-3);
    }
}

#[test]
fn the_advice_measures_each_fix_and_a_compact_arrangement_is_one_undoable_edit() {
    let mut register = sample_with_boxes();
    let view = view_named(&register, "LSP structure");
    let a4 = PageSetup::new(PaperSize::A4, Orientation::Landscape);
    // A user dragged one box far off: the arrangement as stored prints small.
    let arranged = Diagram::build(&register, &view, &BuildOptions::default());
    let far = arranged
        .nodes
        .iter()
        .position(|n| n.name == "Ashmere Vale Housing Partnership")
        .expect("the housing partnership");
    let dragged = edits::move_edit(
        &register,
        &arranged,
        far,
        crate::export::Point::new(2400.0, 1600.0),
    )
    .expect("a move");
    register.apply(&dragged).expect("moved");
    let advice = print::advice(
        &register,
        &view,
        &BuildOptions::default(),
        PageChoice::Fixed(a4),
    );
    assert!(
        !advice.readable(),
        "the sample's structure is too big for A4 as arranged"
    );
    assert!(advice.describe().contains("What would help"));
    let a3 = advice
        .fixes
        .iter()
        .find_map(|fix| match fix {
            print::PrintFix::UseA3 { name_pt } => Some(*name_pt),
            _ => None,
        })
        .expect("A3 offered");
    assert!(a3 > advice.name_pt * 1.3, "{a3} vs {}", advice.name_pt);
    assert!(
        advice
            .fixes
            .iter()
            .any(|f| matches!(f, print::PrintFix::FilterView))
    );
    // Every measured fix prints the names larger than as arranged, largest first.
    let sizes: Vec<f32> = advice
        .fixes
        .iter()
        .filter_map(print::PrintFix::name_pt)
        .collect();
    assert!(
        sizes.iter().all(|&pt| pt >= advice.name_pt),
        "{:?}",
        advice.fixes
    );
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{:?}", advice.fixes);
    let per_theme = advice
        .fixes
        .iter()
        .find_map(|f| match f {
            print::PrintFix::OnePagePerTheme { pages, .. } => Some(*pages),
            _ => None,
        })
        .expect("pages per theme offered");
    assert!(per_theme >= 3);

    // The compact arrangement: previewed, then stored as one edit, then printed as previewed.
    let date = NaiveDate::from_ymd_opt(2026, 3, 14).expect("date");
    let (preview, edit) =
        print::compact_arrangement(&register, &view, &BuildOptions::default(), a4, date)
            .expect("a compact arrangement");
    assert_eq!(preview.arrangement, Arrangement::Compact);
    assert!(preview.name_pt > advice.name_pt);
    assert_no_box_overlaps(&preview.diagram);
    let before = register.clone();
    register.apply(&edit).expect("stored");
    let stored = Diagram::build(&register, &view, &BuildOptions::default());
    let printed = print::plan(&stored, &caption(&register, &stored), PageChoice::Fixed(a4));
    assert!(
        (printed.name_pt - preview.name_pt).abs() < 0.01,
        "{} vs preview {}",
        printed.name_pt,
        preview.name_pt
    );
    register.apply(&edit.inverse()).expect("undone");
    assert!(register == before, "undo puts the old arrangement back");
}

#[test]
fn a_focused_picture_fits_a4_with_readable_names() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let id = register
        .partnerships
        .values()
        .find(|p| p.name == "Ashmere Vale Community Safety Partnership")
        .map(|p| p.id)
        .expect("the CSP");
    let options = BuildOptions {
        focus: Some((NodeRef::Partnership(id), 1)),
    };
    let diagram = Diagram::build(&register, &view, &options);
    let plan = print::plan(&diagram, &caption(&register, &diagram), PageChoice::Auto);
    assert_eq!(
        plan.setup,
        PageSetup::new(PaperSize::A4, Orientation::Landscape)
    );
    assert!(plan.name_pt >= MIN_PRINTED_NAME_PT);
    assert!(plan.note().is_none_or(|note| !note.contains("only")));
    assert_no_box_overlaps(&plan.diagram);
    // A small register's picture prints at full size.
    let small = crate::diagram::tests::small_register();
    let view = small.views.values().next().cloned().expect("a view");
    let diagram = Diagram::build(&small, &view, &BuildOptions::default());
    let plan = print::plan(&diagram, &caption(&small, &diagram), PageChoice::Auto);
    assert!(plan.name_pt >= sizing::NAME_SIZE - 1e-3, "{}", plan.name_pt);
    assert!(plan.note().is_none_or(|note| !note.contains("only")));
}

#[test]
fn labels_on_lines_never_overlap_each_other_or_a_box() {
    let register = sample_register();
    for name in ["LSP structure", "Council involvement"] {
        let mut view = view_named(&register, name);
        let mut settings = ViewSettings::from_json(&view.settings);
        settings.style.line_labels = true;
        view.settings = settings.to_json(&view.settings);
        let diagram = Diagram::build(&register, &view, &BuildOptions::default());
        let caption = caption(&register, &diagram);
        let plan = print::plan(&diagram, &caption, PageChoice::Auto);
        for (picture, scene) in [
            (&diagram, scene::diagram_scene(&diagram, caption.clone())),
            (&plan.diagram, plan.scene.clone()),
        ] {
            let labels = line_labels(&scene);
            assert!(!labels.is_empty(), "{name} has labels on its lines");
            let rects: Vec<Rect> = labels.iter().map(|run| run.bounds()).collect();
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    assert!(!overlaps(a, b), "{name}: labels {a:?} and {b:?} overlap");
                }
                for (box_name, rect) in shown_boxes(picture) {
                    assert!(
                        !overlaps(a, &rect),
                        "{name}: label {:?} covers {box_name}",
                        labels[i].lines
                    );
                }
            }
            // A label drawn as a number is explained in the legend.
            let numbered = labels
                .iter()
                .filter(|run| run.lines[0].chars().all(|c| c.is_ascii_digit()))
                .count();
            let key = scene
                .legend
                .groups
                .iter()
                .find(|g| g.title.starts_with("Labels on lines"))
                .map_or(0, |g| g.entries.len());
            assert_eq!(numbered, key, "{name}");
        }
    }
}

#[test]
fn the_theme_filter_fades_or_hides_partnerships_of_other_themes() {
    let register = sample_register();
    let mut view = view_named(&register, "LSP structure");
    let theme = register
        .themes
        .values()
        .find(|t| t.name == "Community safety")
        .map(|t| t.id)
        .expect("a theme");
    let mut settings = ViewSettings::from_json(&view.settings);
    settings.filters.themes = vec![theme];
    settings.filters.statuses.clear(); // every status: only the theme filters
    settings.filters.mode = FilterMode::Fade;
    view.settings = settings.to_json(&view.settings);
    let faded = Diagram::build(&register, &view, &BuildOptions::default());
    let serves = |node: &DiagramNode| {
        node.partnership()
            .is_some_and(|id| register.theme_tags.contains_key(&(id, theme)))
    };
    let mut full = 0;
    for node in faded
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
    {
        if serves(node) {
            assert_eq!(node.visibility, Visibility::Full, "{}", node.name);
            full += 1;
        } else {
            assert_eq!(node.visibility, Visibility::Faded, "{}", node.name);
        }
    }
    assert!(full >= 3, "the community safety bodies are shown in full");

    settings.filters.mode = FilterMode::Hide;
    view.settings = settings.to_json(&view.settings);
    let hidden = Diagram::build(&register, &view, &BuildOptions::default());
    let shown: Vec<&DiagramNode> = hidden
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
        .collect();
    assert_eq!(shown.len(), full);
    assert!(shown.iter().all(|n| serves(n)));
}

#[test]
fn hidden_nodes_leave_no_gaps_and_stored_positions_stay() {
    let mut register = sample_with_boxes();
    let mut view = view_named(&register, "LSP structure");
    // Store every place first, as a user who arranged the picture would have.
    let before = Diagram::build(&register, &view, &BuildOptions::default());
    let places = edits::relayout_edit(&register, &before, None);
    if let Some(edit) = places {
        register.apply(&edit).expect("store places");
    }
    let stored = register.node_positions.clone();
    let arranged = Diagram::build(&register, &view, &BuildOptions::default());

    let theme = register
        .themes
        .values()
        .find(|t| t.name == "Health and wellbeing")
        .map(|t| t.id)
        .expect("a theme");
    let mut settings = ViewSettings::from_json(&view.settings);
    settings.filters.themes = vec![theme];
    settings.filters.mode = FilterMode::Hide;
    view.settings = settings.to_json(&view.settings);
    register
        .apply(&Edit::change(
            register.views[&view.id].clone(),
            view.clone(),
        ))
        .expect("filter");
    let hidden = Diagram::build(&register, &view, &BuildOptions::default());

    // Stored positions are untouched, and each shown node is arranged where it is stored.
    assert_eq!(register.node_positions, stored);
    for node in hidden.nodes.iter() {
        let place = stored[&(view.id, node.node)];
        assert_eq!(node.arranged(), crate::export::Point::new(place.x, place.y));
    }
    // The picture closes the gaps that run across it: no larger than the shown nodes were
    // where arranged, and nothing overlaps. (A hidden block in one column of the page grid
    // leaves its column shorter; no gap runs across the whole picture there.)
    let extent = |diagram: &Diagram, arranged: bool| {
        let shown: Vec<Rect> = diagram
            .nodes
            .iter()
            .filter(|n| n.visibility != Visibility::Hidden)
            .map(|n| {
                let centre = if arranged { n.arranged() } else { n.centre };
                Rect::centered(centre, n.width, n.height)
            })
            .collect();
        shown.iter().skip(1).fold(shown[0], |all, r| all.union(r))
    };
    let before_extent = extent(&hidden, true);
    let after_extent = extent(&hidden, false);
    assert!(
        after_extent.width * after_extent.height <= before_extent.width * before_extent.height,
        "{after_extent:?} vs {before_extent:?}"
    );
    assert_no_box_overlaps(&hidden);
    // A move in the closed-up picture stores the arranged position moved by the same amount.
    let index = hidden
        .nodes
        .iter()
        .position(|n| {
            n.visibility != Visibility::Hidden && n.offset() != crate::export::Point::default()
        })
        .expect("some shown node was shifted");
    let node = &hidden.nodes[index];
    let to = crate::export::Point::new(node.centre.x + 10.0, node.centre.y + 5.0);
    let edit = edits::move_edit(&register, &hidden, index, to).expect("a move");
    register.apply(&edit).expect("move");
    let place = register.node_positions[&(view.id, node.node)];
    assert_eq!(place.x, node.arranged().x + 10.0);
    assert_eq!(place.y, node.arranged().y + 5.0);
    // Nothing else moved.
    let moved: Vec<_> = register
        .node_positions
        .iter()
        .filter(|(key, place)| stored.get(key) != Some(place))
        .collect();
    assert_eq!(moved.len(), 1);
    let _ = arranged;
}

#[test]
fn organisations_in_one_partnership_are_small_and_unnamed_in_the_membership_network() {
    let register = sample_register();
    let view = view_named(&register, "Membership network");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let mut quiet = 0;
    let mut named = 0;
    for (v, node) in diagram.nodes.iter().enumerate() {
        if node.kind != graph::NodeKind::Organisation {
            continue;
        }
        let links: std::collections::BTreeSet<usize> = diagram
            .edges
            .iter()
            .filter(|e| e.edge.from == v)
            .map(|e| e.edge.to)
            .collect();
        if links.len() < 2 {
            assert!(node.lines.is_empty(), "{}", node.name);
            assert!(node.width <= 20.0 && node.height <= 12.0);
            quiet += 1;
        } else {
            assert!(!node.lines.is_empty(), "{}", node.name);
            named += 1;
        }
    }
    assert!(quiet > 0 && named > 0, "{quiet} quiet, {named} named");
    // Their names are still in the picture, as tooltips.
    let scene = scene::diagram_scene(&diagram, caption(&register, &diagram));
    for node in diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
    {
        assert!(scene.items.iter().any(|item| matches!(item,
            Item::Shape(shape) if shape.tooltip.as_deref() == Some(node.name.as_str()))));
    }
}

#[test]
fn only_gaps_that_hidden_nodes_leave_are_closed() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let mut nodes: Vec<DiagramNode> = diagram.nodes.iter().take(3).cloned().collect();
    for (i, node) in nodes.iter_mut().enumerate() {
        node.centre = crate::export::Point::new(i as f32 * 400.0, 100.0);
        node.arranged_at = node.centre;
        node.visibility = Visibility::Full;
    }
    // A gap the user left (nothing hidden in it) stays.
    let mut kept = nodes.clone();
    close_gaps(&mut kept);
    assert_eq!(kept, nodes);
    // The middle node hidden: the gap it leaves closes to CLOSED_GAP_ACROSS, and the right
    // node keeps its arranged place in its offset.
    let mut closed = nodes.clone();
    closed[1].visibility = Visibility::Hidden;
    close_gaps(&mut closed);
    let gap =
        (closed[2].centre.x - closed[2].width / 2.0) - (closed[0].centre.x + closed[0].width / 2.0);
    assert!((gap - CLOSED_GAP_ACROSS).abs() < 1e-3, "{gap}");
    assert_eq!(closed[2].arranged(), nodes[2].centre);
    assert_eq!(closed[0].centre, nodes[0].centre);
}

#[test]
fn a_small_picture_scale_is_written_exactly_enough_to_stay_off_the_legend() {
    // The membership network prints at about 0.12: written to 0.01 the scale was 4 % out and
    // the far right of the picture ran over the legend beside it.
    let register = sample_register();
    let view = view_named(&register, "Membership network");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    let plan = print::plan(&diagram, &caption(&register, &diagram), PageChoice::Auto);
    let page = crate::export::compose(&plan.scene, &plan.setup);
    let scale = page.picture_scale.expect("a picture");
    let svg = crate::export::svg::page_to_svg(&page);
    let written: f32 = svg
        .split("matrix(")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|number| number.parse().ok())
        .expect("the picture layer's scale");
    assert!(
        (written - scale).abs() <= 1e-6 + scale * 1e-5,
        "{written} vs {scale}"
    );
}

#[test]
fn the_sample_structure_is_arranged_page_shaped_and_prints_as_arranged() {
    let register = sample_register();
    let view = view_named(&register, "LSP structure");
    let diagram = Diagram::build(&register, &view, &BuildOptions::default());
    assert!(
        diagram.nodes.iter().any(|n| !n.rows.is_empty()),
        "the standard structure lists sub-groups inside their parents"
    );
    let a4 = PageSetup::new(PaperSize::A4, Orientation::Landscape);
    let a3 = PageSetup::new(PaperSize::A3, Orientation::Landscape);
    let mut sizes = Vec::new();
    for setup in [a4, a3] {
        let plan = print::plan(
            &diagram,
            &caption(&register, &diagram),
            PageChoice::Fixed(setup),
        );
        assert_eq!(plan.arrangement, Arrangement::AsArranged);
        for (printed, node) in plan.diagram.nodes.iter().zip(&diagram.nodes) {
            assert_eq!(printed.centre, node.centre, "{}", node.name);
        }
        // Every name is a box or row name at the one name size, through the one scale.
        let page = crate::export::compose(&plan.scene, &plan.setup);
        assert!((page.layers[0].transform.scale * sizing::NAME_SIZE - plan.name_pt).abs() < 1e-3);
        sizes.push(plan.name_pt);
    }
    // Before the page grid the sample printed at 4.7 pt on A4 and 7.2 pt on A3 (issue 14);
    // before the layers were wrapped and sub-groups listed inside, 3.7 and 5.6 pt. The page
    // grid prints it at 7.19 pt: still short of the 8 pt a paper needs (MIN_PRINTED_NAME_PT).
    assert!(sizes[0] >= 7.1, "A4: {} pt", sizes[0]);
    assert!(sizes[1] >= sizes[0], "A3: {} pt", sizes[1]);
    // The board reads as the top of the structure: alone on its row, everything under it.
    let board = diagram
        .nodes
        .iter()
        .find(|n| n.name == "Ashmere Vale Partnership Board")
        .expect("the sample's LSP board");
    let board_bottom = scene::node_rect(board).bottom();
    for n in diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden && n.node != board.node)
    {
        assert!(
            scene::node_rect(n).y > board_bottom,
            "{} beside the board",
            n.name
        );
    }
    // Other boards (county, sub-regional) and unlinked bodies are in bands of their own.
    let in_tree = |n: &&DiagramNode| !n.outside_board && !n.unlinked && n.row_of.is_none();
    let tree = diagram
        .nodes
        .iter()
        .filter(in_tree)
        .map(scene::node_rect)
        .reduce(|a, b| a.union(&b))
        .expect("the board's tree");
    for n in diagram
        .nodes
        .iter()
        .filter(|n| n.outside_board || n.unlinked)
    {
        let r = scene::node_rect(n);
        assert!(
            r.y > tree.bottom() || r.x > tree.right(),
            "{} in the board's tree",
            n.name
        );
    }
    // The arrangement itself is page-shaped, not a strip.
    let (mut left, mut right, mut top, mut bottom) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for n in diagram
        .nodes
        .iter()
        .filter(|n| n.visibility != Visibility::Hidden)
    {
        let r = scene::node_rect(n);
        left = left.min(r.x);
        right = right.max(r.right());
        top = top.min(r.y);
        bottom = bottom.max(r.bottom());
    }
    let aspect = (right - left) / (bottom - top);
    assert!((0.8..=2.5).contains(&aspect), "{aspect}");
    assert_no_box_overlaps(&diagram);
}
