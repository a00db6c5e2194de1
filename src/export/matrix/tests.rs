//! The matrix: every assessed partnership on it once, names that never overlap, circles that
//! grow with cost, and the SVG of a small fixed register as a golden file.

use chrono::NaiveDate;

use super::labels::overlaps;
use super::*;
use crate::export::{Format, PageSetup, export};
use crate::model::{
    Assessment, AssessmentId, Contribution, ContributionId, Partnership, PartnershipStatus,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("date")
}

/// Four partnerships: three assessed in different cells and at different costs, one never
/// assessed.
pub(crate) fn small_register() -> Register {
    let mut register = Register::new("Harborough District Council");
    register.settings.source_line = "Source: Harborough partnership register, Policy Team".into();
    let rows = [
        (
            1,
            "Harborough Community Safety Partnership",
            Some((Band::High, 12, Band::High, 80, Recommendation::Maintain)),
            40_000,
        ),
        (
            2,
            "Welland Valley Tourism Forum",
            Some((Band::Low, 2, Band::Low, 20, Recommendation::Reduce)),
            1_500,
        ),
        (
            3,
            "Market Harborough Town Centre Partnership",
            Some((Band::Medium, 6, Band::Medium, 50, Recommendation::Review)),
            9_000,
        ),
        (4, "Lutterworth Youth Network", None, 0),
    ];
    for (id, name, assessment, pounds) in rows {
        let partnership = PartnershipId(id);
        register.partnerships.insert(
            partnership,
            Partnership {
                id: partnership,
                name: name.into(),
                status: PartnershipStatus::Active,
                ..Partnership::default()
            },
        );
        if pounds > 0 {
            register.contributions.insert(
                ContributionId(id),
                Contribution {
                    id: ContributionId(id),
                    partnership,
                    year: 2025,
                    amount: Money::from_pounds(pounds),
                    ..Contribution::default()
                },
            );
        }
        if let Some((risk, risk_score, value, percent, recommendation)) = assessment {
            let likelihood = u8::try_from(risk_score / 2).expect("small");
            register.assessments.insert(
                AssessmentId(id),
                Assessment {
                    id: AssessmentId(id),
                    partnership,
                    date: NaiveDate::from_ymd_opt(2025, 10, 1),
                    risk_likelihood: likelihood,
                    risk_impact: 2,
                    risk_band: Some(risk),
                    value_band: Some(value),
                    value_percent: Some(percent),
                    recommendation: Some(recommendation),
                    suggested_recommendation: Some(recommendation),
                    scheme_version: 1,
                    ..Assessment::default()
                },
            );
        }
    }
    register
}

fn assessed_count(register: &Register) -> usize {
    scoring::overview(register, today(), 2025)
        .rows
        .iter()
        .filter(|r| {
            scoring::is_reviewed(r.status) && r.risk_band.is_some() && r.value_band.is_some()
        })
        .count()
}

#[test]
fn every_assessed_partnership_appears_once() {
    for register in [crate::sample::sample_register(), small_register()] {
        let chart = matrix_chart(&register, today());
        assert_eq!(chart.points.len(), assessed_count(&register));
        assert!(!chart.points.is_empty());
        let mut ids: Vec<_> = chart.points.iter().map(|p| p.partnership).collect();
        ids.dedup();
        assert_eq!(ids.len(), chart.points.len(), "each partnership once");
        for point in &chart.points {
            let circles = chart
                .scene
                .items
                .iter()
                .filter(|item| matches!(item, crate::export::Item::Shape(shape)
                    if shape.tooltip.as_deref().is_some_and(|t| t.starts_with(&format!("{}:", point.name)))))
                .count();
            assert_eq!(circles, 1, "{} has one circle", point.name);
            assert!(chart.plot.contains_rect(
                &Rect::centered(point.center, 2.0 * point.radius, 2.0 * point.radius),
                0.01
            ));
            assert!(chart.partnership_at(point.center).is_some());
        }
    }
    assert_eq!(matrix_chart(&small_register(), today()).not_assessed, 1);
}

#[test]
fn no_two_labels_overlap_and_none_covers_a_circle() {
    let chart = matrix_chart(&crate::sample::sample_register(), today());
    for (i, a) in chart.points.iter().enumerate() {
        for b in &chart.points[i + 1..] {
            assert!(
                !overlaps(&a.label, &b.label),
                "{} and {} overlap",
                a.name,
                b.name
            );
        }
        for other in chart.points.iter().filter(|_| a.label.width > 0.0) {
            let nearest_x = other.center.x.clamp(a.label.x, a.label.right());
            let nearest_y = other.center.y.clamp(a.label.y, a.label.bottom());
            let (dx, dy) = (other.center.x - nearest_x, other.center.y - nearest_y);
            assert!(
                dx * dx + dy * dy >= other.radius * other.radius - 0.01,
                "the label of {} covers the circle of {}",
                a.name,
                other.name
            );
        }
    }
}

#[test]
fn circles_grow_with_cost() {
    let chart = matrix_chart(&crate::sample::sample_register(), today());
    let mut points = chart.points.clone();
    points.sort_by_key(|p| p.annual_cost);
    for pair in points.windows(2) {
        if pair[1].annual_cost > pair[0].annual_cost {
            assert!(
                pair[1].radius > pair[0].radius,
                "{} vs {}",
                pair[1].name,
                pair[0].name
            );
        } else {
            assert!((pair[1].radius - pair[0].radius).abs() < 1e-4);
        }
    }
    assert!((points.last().expect("points").radius - MAX_RADIUS).abs() < 1e-4);
    assert_eq!(
        radius_for(Money::default(), Money::from_pounds(10)),
        MIN_RADIUS
    );
}

#[test]
fn labels_are_placed_clear_of_each_other_even_when_crowded() {
    // Twenty circles on top of each other: names where there is room, numbers elsewhere,
    // never overlapping.
    let markers: Vec<labels::Marker> = (0..20)
        .map(|i| labels::Marker {
            center: Point::new(100.0 + (i % 3) as f32, 100.0),
            radius: 6.0,
        })
        .collect();
    let names: Vec<Vec<String>> = (0..20)
        .map(|i| vec![format!("Partnership number {i}")])
        .collect();
    let order: Vec<usize> = (0..20).collect();
    let template = TextRun::new(Point::default(), Vec::new(), LABEL_SIZE);
    let placed = labels::place_labels(
        &markers,
        &names,
        &order,
        Rect::new(0.0, 0.0, 200.0, 200.0),
        &[],
        &template,
    );
    let mut boxes = Vec::new();
    let mut numbers = Vec::new();
    for labelled in placed {
        match labelled {
            labels::Labelled::Named(label) => boxes.push(label.run.bounds()),
            labels::Labelled::Numbered(number, label) => {
                numbers.push(number);
                boxes.push(label.expect("room for a number").run.bounds());
            }
        }
    }
    assert!(!numbers.is_empty(), "too crowded for every name");
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!overlaps(a, b));
        }
    }
}

#[test]
fn golden_svg_of_a_small_register() {
    let chart = matrix_chart(&small_register(), today());
    let svg = export(
        &chart.scene,
        &PageSetup::from_str_or_default("a4-landscape"),
        Format::Svg,
    )
    .expect("svg");
    let svg = String::from_utf8(svg).expect("utf-8");
    assert!(svg.contains("Data as at 31 March 2026"));
    assert!(svg.contains("Harborough partnership register, Policy Team"));
    insta::assert_snapshot!("matrix_small_register_a4_landscape", svg);
}

#[test]
fn png_at_300_dpi_on_a4_landscape_is_3508_by_2480() {
    let chart = matrix_chart(&small_register(), today());
    let png = export(
        &chart.scene,
        &PageSetup::from_str_or_default("a4-landscape"),
        Format::Png { dpi: 300 },
    )
    .expect("png");
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().expect("width"));
    let height = u32::from_be_bytes(png[20..24].try_into().expect("height"));
    assert_eq!((width, height), (3508, 2480));
}

trait FromStrOrDefault {
    fn from_str_or_default(name: &str) -> Self;
}

impl FromStrOrDefault for PageSetup {
    fn from_str_or_default(name: &str) -> Self {
        name.parse().expect("a page name")
    }
}

#[test]
fn pairs_found_through_the_grid_spread_a_crowd_as_well_as_every_pair() {
    // A crowd packed into a block: spread with every pair looked at, and with the grid.
    let count = 1_200;
    let cell = Rect::new(0.0, 0.0, 900.0, 900.0);
    let start: Vec<Point> = (0..count)
        .map(|i| Point::new(450.0 + (i % 40) as f32 * 3.0, 450.0 + (i / 40) as f32 * 3.0))
        .collect();
    let radii: Vec<f32> = (0..count).map(|i| 6.0 + (i % 5) as f32).collect();
    let cells = vec![cell; count];
    let overlaps = |centers: &[Point]| {
        (0..count)
            .flat_map(|i| (i + 1..count).map(move |j| (i, j)))
            .filter(|&(i, j)| {
                let (dx, dy) = (centers[j].x - centers[i].x, centers[j].y - centers[i].y);
                (dx * dx + dy * dy).sqrt() < radii[i] + radii[j]
            })
            .count()
    };
    let mut every = start.clone();
    super::spread_finding_pairs(&mut every, &radii, &cells, true);
    let mut grid = start.clone();
    super::spread_finding_pairs(&mut grid, &radii, &cells, false);
    let (every, grid_overlaps) = (overlaps(&every), overlaps(&grid));
    assert!(
        grid_overlaps <= every + every / 10 + 5,
        "grid {grid_overlaps} overlaps, every pair {every}"
    );
    assert!(grid_overlaps < overlaps(&start) / 20, "the crowd is spread");
    assert!(
        grid.iter()
            .all(|c| cell.contains_rect(&Rect::new(c.x, c.y, 0.0, 0.0), 0.0))
    );
}
