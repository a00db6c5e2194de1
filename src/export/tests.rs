//! Tests of the export layer as a whole: golden SVG, escaping, PNG size and rendered text, PDF
//! page size and embedded font, and the page fit as a property.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::page::Transform;
use super::scene::{council_size_for_text, council_text_area};
use super::text::{self, FontWeight};
use super::*;

const BOX_FILL: Color = Color::rgb(0xe8, 0xf0, 0xfa);
const INK: Color = Color::rgb(0x1f, 0x2d, 0x3d);

fn caption() -> Caption {
    Caption {
        title: "Appendix 4: how the partnerships relate to each other".to_string(),
        data_as_at: NaiveDate::from_ymd_opt(2026, 3, 14).expect("date"),
        source: "Source: Westshire partnership register, Policy & Partnerships Team".to_string(),
    }
}

/// A labelled partnership box sized to its wrapped name, centred on `center`.
fn partnership(scene: &mut Scene, name: &str, center: Point, border: Stroke) -> Rect {
    let lines = text::wrap(name, 10.0, FontWeight::Bold, 120.0);
    let size = text::block_size(&lines, 10.0, FontWeight::Bold);
    let rect = Rect::centered(center, size.width + 16.0, size.height + 12.0);
    scene.push_shape(
        Shape::new(
            Geometry::RoundedRect { rect, radius: 6.0 },
            Paint::new(BOX_FILL, border),
        )
        .with_tooltip(name),
    );
    scene.push_text(
        TextRun::new(
            Point::new(center.x, center.y - size.height / 2.0),
            lines,
            10.0,
        )
        .bold()
        .colored(INK),
    );
    rect
}

fn line(scene: &mut Scene, from: Point, to: Point, dash: Dash, arrows: ArrowHeads) {
    scene.push_shape(Shape::new(
        Geometry::Polyline {
            points: vec![from, to],
            arrows,
        },
        Paint::stroke(Stroke::new(INK, 1.2, dash)),
    ));
}

/// A small fixed scene: the council, three partnerships, an organisation, each line style,
/// a label on a line, and a legend with line styles, shapes and borders.
fn fixture() -> Scene {
    let mut scene = Scene::new(caption());
    let council_lines = text::wrap("Westshire County Council", 11.0, FontWeight::Bold, 160.0);
    let council_text = text::block_size(&council_lines, 11.0, FontWeight::Bold);
    let (width, height) = council_size_for_text(council_text.width, council_text.height, 1.5);
    let council = Rect::centered(Point::new(300.0, 40.0), width, height);
    scene.push_shape(Shape::new(
        Geometry::Council { rect: council },
        Paint::new(Color::rgb(0xff, 0xf4, 0xd6), Stroke::solid(INK, 1.5)),
    ));
    let area = council_text_area(&council, 1.5);
    scene.push_text(
        TextRun::new(
            Point::new(area.center().x, area.center().y - council_text.height / 2.0),
            council_lines,
            11.0,
        )
        .bold(),
    );

    let board = partnership(
        &mut scene,
        "Health & Wellbeing <Board>",
        Point::new(120.0, 160.0),
        Stroke::solid(INK, 2.5),
    );
    let safety = partnership(
        &mut scene,
        "Community Safety Partnership",
        Point::new(300.0, 160.0),
        Stroke::new(INK, 1.2, Dash::Dashed),
    );
    let climate = partnership(
        &mut scene,
        "Climate Emergency Advisory Group",
        Point::new(480.0, 160.0),
        Stroke::solid(INK, 0.8),
    );
    let fire = Rect::centered(Point::new(300.0, 280.0), 150.0, 40.0);
    scene.push_shape(
        Shape::new(
            Geometry::Ellipse { rect: fire },
            Paint::new(Color::rgb(0xee, 0xee, 0xee), Stroke::solid(INK, 1.0)),
        )
        .with_tooltip("Fire & Rescue Service"),
    );
    scene.push_text(TextRun::line(
        Point::new(300.0, 280.0 - text::line_height(10.0) / 2.0),
        "Fire & Rescue Service",
        10.0,
    ));

    let council_bottom = Point::new(council.center().x, council.bottom());
    line(
        &mut scene,
        Point::new(board.center().x, board.y),
        council_bottom,
        Dash::Solid,
        ArrowHeads::End,
    );
    line(
        &mut scene,
        Point::new(safety.center().x, safety.y),
        council_bottom,
        Dash::Solid,
        ArrowHeads::End,
    );
    line(
        &mut scene,
        Point::new(climate.x, climate.center().y),
        Point::new(safety.right(), safety.center().y),
        Dash::Dashed,
        ArrowHeads::End,
    );
    line(
        &mut scene,
        Point::new(board.center().x, board.bottom()),
        Point::new(fire.x + 10.0, fire.center().y),
        Dash::Dotted,
        ArrowHeads::None,
    );
    scene.push_text(
        TextRun::line(Point::new(390.0, safety.center().y - 18.0), "advises", 8.0)
            .with_background(Color::WHITE),
    );

    let swatch = |shape, paint| LegendSymbol::Swatch { shape, paint };
    let entry = |symbol, label: &str| LegendEntry {
        symbol,
        label: label.to_string(),
    };
    let plain = Paint::new(BOX_FILL, Stroke::solid(INK, 1.0));
    scene.legend.groups = vec![
        LegendGroup {
            title: "Lines".to_string(),
            entries: vec![
                entry(
                    LegendSymbol::Line {
                        stroke: Stroke::solid(INK, 1.2),
                        arrows: ArrowHeads::End,
                    },
                    "reports to / accountable to",
                ),
                entry(
                    LegendSymbol::Line {
                        stroke: Stroke::new(INK, 1.2, Dash::Dashed),
                        arrows: ArrowHeads::End,
                    },
                    "advises or informs",
                ),
                entry(
                    LegendSymbol::Line {
                        stroke: Stroke::new(INK, 1.2, Dash::Dotted),
                        arrows: ArrowHeads::None,
                    },
                    "shared membership",
                ),
            ],
        },
        LegendGroup {
            title: "Shapes".to_string(),
            entries: vec![
                entry(swatch(SwatchShape::Council, plain), "the council"),
                entry(swatch(SwatchShape::RoundedRect, plain), "partnership"),
                entry(swatch(SwatchShape::Ellipse, plain), "organisation"),
            ],
        },
        LegendGroup {
            title: "Border: risk band".to_string(),
            entries: vec![
                entry(
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(BOX_FILL, Stroke::solid(INK, 2.5)),
                    ),
                    "high",
                ),
                entry(
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(BOX_FILL, Stroke::new(INK, 1.2, Dash::Dashed)),
                    ),
                    "medium",
                ),
                entry(
                    swatch(
                        SwatchShape::RoundedRect,
                        Paint::new(BOX_FILL, Stroke::solid(INK, 0.8)),
                    ),
                    "low",
                ),
            ],
        },
    ];
    scene
}

/// Every item of every layer, with its layer's transform.
fn placed_items<'p>(page: &'p Page) -> impl Iterator<Item = (Transform, &'p Item)> {
    page.layers
        .iter()
        .flat_map(|layer| layer.items.iter().map(move |item| (layer.transform, item)))
}

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = ::png::Decoder::new(bytes);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    assert_eq!(info.color_type, ::png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

fn dark_pixels_in(pixels: &[u8], width: u32, area: (u32, u32, u32, u32)) -> usize {
    let (left, top, right, bottom) = area;
    (top..bottom)
        .flat_map(|y| (left..right).map(move |x| ((y * width + x) * 3) as usize))
        .filter(|&at| {
            let sum = u32::from(pixels[at]) + u32::from(pixels[at + 1]) + u32::from(pixels[at + 2]);
            sum < 3 * 100
        })
        .count()
}

#[test]
fn golden_svg_of_a_small_scene() {
    let svg = svg::to_svg(&fixture(), &PageSetup::default());
    insta::assert_snapshot!("fixture_a4_landscape", svg);
}

#[test]
fn every_text_run_appears_escaped_in_the_svg() {
    let scene = fixture();
    let svg = svg::to_svg(&scene, &PageSetup::default());
    assert!(svg.contains("Health &amp; Wellbeing &lt;Board&gt;"));
    assert!(!svg.contains("<Board>") && !svg.contains("& "));
    for item in &scene.items {
        if let Item::Text(run) = item {
            for line in &run.lines {
                assert!(svg.contains(&svg::escape(line)), "missing {line}");
            }
        }
    }
    for words in [
        "Appendix 4: how the partnerships relate to each other",
        "Data as at 14 March 2026",
        "Source: Westshire partnership register, Policy &amp; Partnerships Team",
        "shared membership",
        "Border: risk band",
    ] {
        assert!(svg.contains(words), "missing {words}");
    }
    // Full names are tooltips, even where the label wraps.
    assert!(svg.contains("<title>Climate Emergency Advisory Group</title>"));
    // Well-formed XML that usvg reads.
    super::parse_svg(&svg).expect("usvg reads the SVG");
}

#[test]
fn svg_is_sized_to_the_paper() {
    let svg = svg::to_svg(&fixture(), &PageSetup::default());
    assert!(svg.contains("width=\"297mm\" height=\"210mm\" viewBox=\"0 0 841.89 595.28\""));
    let portrait = svg::to_svg(
        &fixture(),
        &PageSetup::new(PaperSize::A3, Orientation::Portrait),
    );
    assert!(portrait.contains("width=\"297mm\" height=\"420mm\""));
}

#[test]
fn png_a4_landscape_at_300_dpi_is_3508_by_2480_with_text_drawn() {
    let bytes =
        export(&fixture(), &PageSetup::default(), Format::Png { dpi: 300 }).expect("PNG export");
    let (width, height, pixels) = decode_png(&bytes);
    assert_eq!((width, height), (3508, 2480));
    // The corners are white background.
    assert_eq!(&pixels[..3], &[255, 255, 255]);
    // The title sits alone in the top-left corner, inside the 15 mm margin: dark pixels there
    // are glyphs (an empty font database would leave it white).
    let margin = 177; // 15 mm at 300 dpi
    let title = dark_pixels_in(&pixels, width, (margin, margin, margin + 1500, margin + 55));
    assert!(title > 5_000, "title text drawn: {title} dark pixels");
    let outside = dark_pixels_in(&pixels, width, (0, 0, width, margin - 5));
    assert_eq!(outside, 0, "nothing in the top margin");
}

#[test]
fn png_resolutions_scale_and_unknown_dpi_is_refused() {
    let scene = fixture();
    let setup = PageSetup::new(PaperSize::A4, Orientation::Portrait);
    assert_eq!(png::pixel_size(&setup, 150), (1240, 1754));
    assert_eq!(png::pixel_size(&setup, 600), (4961, 7016));
    let bytes = png::to_png(&scene, &setup, 150).expect("PNG");
    let (width, height, _) = decode_png(&bytes);
    assert_eq!((width, height), (1240, 1754));
    assert!(matches!(
        png::to_png(&scene, &setup, 72),
        Err(ExportError::Dpi(72))
    ));
}

#[test]
fn png_records_its_resolution() {
    let bytes = png::to_png(&fixture(), &PageSetup::default(), 150).expect("PNG");
    let decoder = ::png::Decoder::new(bytes.as_slice());
    let reader = decoder.read_info().expect("a PNG");
    let dims = reader.info().pixel_dims.expect("pHYs");
    assert_eq!(dims.xppu, 5906); // 150 dots per inch
    assert_eq!(dims.unit, ::png::Unit::Meter);
}

fn media_box(pdf: &[u8]) -> [f32; 4] {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/MediaBox [").expect("a MediaBox") + "/MediaBox [".len();
    let end = at + text[at..].find(']').expect("closed");
    let numbers: Vec<f32> = text[at..end]
        .split_whitespace()
        .map(|n| n.parse().expect("a number"))
        .collect();
    [numbers[0], numbers[1], numbers[2], numbers[3]]
}

#[test]
fn pdf_is_a4_with_the_font_embedded() {
    let landscape = export(&fixture(), &PageSetup::default(), Format::Pdf).expect("PDF");
    assert!(landscape.starts_with(b"%PDF"));
    let [x0, y0, x1, y1] = media_box(&landscape);
    assert_eq!((x0, y0), (0.0, 0.0));
    assert!(
        (x1 - 841.89).abs() < 0.01 && (y1 - 595.28).abs() < 0.01,
        "{x1} x {y1}"
    );
    let text = String::from_utf8_lossy(&landscape);
    assert!(
        text.contains("/FontFile2"),
        "TrueType font program embedded"
    );
    assert!(
        text.contains("LiberationSans"),
        "the embedded font is named"
    );
    assert!(text.contains("LiberationSans-Bold"), "bold embedded too");

    let portrait = pdf::to_pdf(
        &fixture(),
        &PageSetup::new(PaperSize::A4, Orientation::Portrait),
    )
    .expect("PDF");
    let [_, _, x1, y1] = media_box(&portrait);
    assert!(
        (x1 - 595.28).abs() < 0.01 && (y1 - 841.89).abs() < 0.01,
        "{x1} x {y1}"
    );
}

#[test]
fn measured_widths_are_never_narrower_than_what_usvg_draws() {
    for (words, weight) in [
        ("Health & Wellbeing Board", FontWeight::Regular),
        ("AVA Tower, Tewkesbury", FontWeight::Bold),
        ("Community Safety Partnership", FontWeight::Bold),
        ("Łódź – Ærø: 12,345 hours", FontWeight::Regular),
    ] {
        let bold = if weight == FontWeight::Bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"100\"><text x=\"0\" y=\"50\" font-size=\"20\"{bold}>{}</text></svg>",
            svg::escape(words)
        );
        let tree = super::parse_svg(&svg).expect("parses");
        let drawn = tree.root().children().iter().find_map(|node| match node {
            usvg::Node::Text(text) => Some(text.bounding_box().width()),
            _ => None,
        });
        let drawn = drawn.expect("text kept: the font database has the font");
        let measured = text::line_width(words, 20.0, weight);
        assert!(
            drawn <= measured + 0.5,
            "{words}: drawn {drawn} > measured {measured}"
        );
        // Kerning ("AV", "To") is all the difference.
        assert!(
            measured - drawn < measured * 0.05,
            "{words}: {measured} vs {drawn}"
        );
    }
}

#[test]
fn the_page_keeps_an_unscaled_small_scene_at_print_size() {
    let scene = fixture();
    let page = compose(&scene, &PageSetup::default());
    assert_eq!(page.layers[0].transform.scale, 1.0);
    assert_eq!(page.smallest_text_pt(), Some(8.0));
    assert_eq!(page.readability_warning(), None);
    let bounds = page.content_bounds().expect("content");
    assert!(
        PageSetup::default()
            .printable()
            .contains_rect(&bounds, 0.01)
    );
}

#[test]
fn a_huge_scene_is_scaled_down_not_clipped() {
    let mut scene = fixture();
    partnership(
        &mut scene,
        "Far away",
        Point::new(5000.0, 3000.0),
        Stroke::solid(INK, 1.0),
    );
    let setup = PageSetup::new(PaperSize::A3, Orientation::Portrait);
    let page = compose(&scene, &setup);
    assert!(page.layers[0].transform.scale < 0.2);
    for (transform, item) in placed_items(&page) {
        let bounds = transform.apply_rect(&item.bounds().expect("bounds"));
        assert!(setup.printable().contains_rect(&bounds, 0.01), "{bounds:?}");
    }
    assert!(page.smallest_text_pt().expect("text") < 2.0);
    let warning = page.readability_warning().expect("a warning");
    assert!(warning.contains("A3"), "{warning}");
}

#[test]
fn format_follows_the_file_name() {
    use std::path::Path;
    assert_eq!(
        Format::from_path(Path::new("a/b.SVG"), 300),
        Some(Format::Svg)
    );
    assert_eq!(
        Format::from_path(Path::new("out.png"), 600),
        Some(Format::Png { dpi: 600 })
    );
    assert_eq!(
        Format::from_path(Path::new("out.pdf"), 300),
        Some(Format::Pdf)
    );
    assert_eq!(Format::from_path(Path::new("out.docx"), 300), None);
    assert_eq!(Format::from_path(Path::new("out"), 300), None);
}

#[test]
fn an_empty_scene_still_has_its_caption() {
    let scene = Scene::new(caption());
    let page = compose(&scene, &PageSetup::default());
    let svg = svg::page_to_svg(&page);
    assert!(svg.contains("Data as at 14 March 2026"));
    pdf::page_to_pdf(&page).expect("PDF of an empty picture");
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z&<> ]{0,40}",
        "[a-z]{1,60}( [a-z]{1,12}){0,8}",
        Just("Supercalifragilisticexpialidocious-partnership-board".to_string()),
    ]
}

fn any_point() -> impl Strategy<Value = Point> {
    (-3000.0f32..3000.0, -3000.0f32..3000.0).prop_map(|(x, y)| Point::new(x, y))
}

fn any_stroke() -> impl Strategy<Value = Stroke> {
    (0.1f32..6.0, 0..3u8).prop_map(|(width, dash)| {
        let dash = match dash {
            0 => Dash::Solid,
            1 => Dash::Dashed,
            _ => Dash::Dotted,
        };
        Stroke::new(INK, width, dash)
    })
}

fn any_rect() -> impl Strategy<Value = Rect> {
    (any_point(), 0.5f32..900.0, 0.5f32..600.0)
        .prop_map(|(corner, width, height)| Rect::new(corner.x, corner.y, width, height))
}

fn any_item() -> impl Strategy<Value = Item> {
    prop_oneof![
        (any_rect(), any_stroke(), 0..3u8).prop_map(|(rect, stroke, kind)| {
            let geometry = match kind {
                0 => Geometry::RoundedRect { rect, radius: 6.0 },
                1 => Geometry::Ellipse { rect },
                _ => Geometry::Council { rect },
            };
            Item::Shape(Shape::new(geometry, Paint::new(BOX_FILL, stroke)))
        }),
        (any_point(), 0.5f32..200.0, any_stroke()).prop_map(|(center, radius, stroke)| {
            Item::Shape(Shape::new(
                Geometry::Circle { center, radius },
                Paint::new(BOX_FILL, stroke),
            ))
        }),
        (
            prop::collection::vec(any_point(), 2..5),
            any_stroke(),
            0..4u8
        )
            .prop_map(|(points, stroke, arrows)| {
                let arrows = match arrows {
                    0 => ArrowHeads::None,
                    1 => ArrowHeads::End,
                    2 => ArrowHeads::Start,
                    _ => ArrowHeads::Both,
                };
                Item::Shape(Shape::new(
                    Geometry::Polyline { points, arrows },
                    Paint::stroke(stroke),
                ))
            }),
        (
            any_point(),
            any_text(),
            4.0f32..40.0,
            0..3u8,
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(origin, words, size, anchor, bold, boxed)| {
                let weight = if bold {
                    FontWeight::Bold
                } else {
                    FontWeight::Regular
                };
                let mut run = TextRun::new(origin, text::wrap(&words, size, weight, 150.0), size)
                    .anchored(match anchor {
                        0 => Anchor::Start,
                        1 => Anchor::Middle,
                        _ => Anchor::End,
                    });
                run.weight = weight;
                if boxed {
                    run = run.with_background(Color::WHITE);
                }
                Item::Text(run)
            }),
    ]
}

fn any_legend() -> impl Strategy<Value = Legend> {
    let entry = (any_text(), any_stroke(), 0..5u8).prop_map(|(label, stroke, kind)| {
        let symbol = match kind {
            0 => LegendSymbol::Line {
                stroke,
                arrows: ArrowHeads::End,
            },
            1 => LegendSymbol::Swatch {
                shape: SwatchShape::RoundedRect,
                paint: Paint::new(BOX_FILL, stroke),
            },
            2 => LegendSymbol::Swatch {
                shape: SwatchShape::Council,
                paint: Paint::new(BOX_FILL, stroke),
            },
            3 => LegendSymbol::Swatch {
                shape: SwatchShape::Ellipse,
                paint: Paint::new(BOX_FILL, stroke),
            },
            _ => LegendSymbol::Swatch {
                shape: SwatchShape::Circle,
                paint: Paint::fill(BOX_FILL),
            },
        };
        LegendEntry { symbol, label }
    });
    let group = (any_text(), prop::collection::vec(entry, 0..14))
        .prop_map(|(title, entries)| LegendGroup { title, entries });
    prop::collection::vec(group, 0..8).prop_map(|groups| Legend {
        groups,
        compact: false,
        names_size: None,
    })
}

fn any_setup() -> impl Strategy<Value = PageSetup> {
    (any::<bool>(), any::<bool>(), 0.0f32..60.0).prop_map(|(a3, portrait, margin_mm)| PageSetup {
        paper: if a3 { PaperSize::A3 } else { PaperSize::A4 },
        orientation: if portrait {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        },
        margin_mm,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the scene, legend and title, everything drawn lies inside the margins, and
    /// the picture is never enlarged.
    #[test]
    fn the_page_fit_keeps_everything_inside_the_printable_area(
        items in prop::collection::vec(any_item(), 0..30),
        legend in any_legend(),
        title in prop_oneof![any_text(), "[a-z ]{200,600}"],
        setup in any_setup(),
    ) {
        let mut scene = Scene::new(Caption { title, ..caption() });
        scene.items = items;
        scene.legend = legend;
        let page = compose(&scene, &setup);
        let printable = setup.printable();
        for (transform, item) in placed_items(&page) {
            if let Some(bounds) = item.bounds() {
                let placed = transform.apply_rect(&bounds);
                prop_assert!(
                    printable.contains_rect(&placed, 0.05),
                    "{placed:?} outside {printable:?}: {item:?}"
                );
            }
        }
        if !scene.items.is_empty() {
            prop_assert!(page.layers[0].transform.scale <= 1.0);
        }
    }
}
