use proptest::prelude::*;

use super::{FORMAT_NAME, JsonError, decode, encode};
use crate::model::{Membership, MembershipId, OrganisationId, Record, Register};
use crate::sample;

fn text(register: &Register) -> String {
    String::from_utf8(encode(register).expect("encode")).expect("utf-8")
}

#[test]
fn the_sample_goes_out_and_back_unchanged_and_byte_for_byte() {
    let register = sample::sample_register();
    let first = encode(&register).expect("encode");
    let back = decode(&first).expect("decode");
    assert_eq!(back, register, "every record and field kept");
    assert_eq!(encode(&back).expect("encode"), first, "byte-identical");
}

#[test]
fn a_synthetic_register_goes_out_and_back_byte_for_byte() {
    let register = sample::synthetic_register(300, 7);
    let first = encode(&register).expect("encode");
    let back = decode(&first).expect("decode");
    assert_eq!(back.partnerships.len(), 300);
    assert_eq!(back, register);
    assert_eq!(encode(&back).expect("encode"), first);
}

#[test]
fn the_document_names_its_format_and_version_first_and_holds_every_kind() {
    let mut register = sample::sample_register();
    // The sample's views have no stored positions (they are laid out when shown): give one.
    let view = *register.views.keys().next().expect("a view");
    let partnership = *register.partnerships.keys().next().expect("a partnership");
    let position = crate::model::NodePosition {
        view,
        node: crate::model::NodeRef::Partnership(partnership),
        x: 12.5,
        y: -3.25,
        pinned: true,
    };
    register
        .node_positions
        .insert((view, position.node), position);
    assert_eq!(
        decode(&encode(&register).expect("encode")).expect("decode"),
        register
    );
    let written = text(&register);
    assert!(
        written.starts_with(&format!(
            "{{\n  \"format\": \"{FORMAT_NAME}\",\n  \"version\": 1,\n  \"records\": ["
        )),
        "{}",
        &written[..120]
    );
    for kind in [
        "view",
        "node_position",
        "scoring_scheme",
        "assessment",
        "report_back_route",
    ] {
        assert!(
            written.contains(&format!("\"entity\": \"{kind}\"")),
            "{kind} is written"
        );
    }
    assert!(written.ends_with("}\n"));
}

#[test]
fn records_in_any_order_are_read_as_the_same_register() {
    let register = sample::sample_register();
    let mut records: Vec<Record> = register.records().collect();
    records.reverse();
    let shuffled = serde_json::json!({ "format": FORMAT_NAME, "version": 1, "records": records });
    let back = decode(shuffled.to_string().as_bytes()).expect("decode");
    assert_eq!(back, register);
}

#[test]
fn broken_json_is_named_by_line_and_column_with_what_was_expected() {
    let bad = "{\n  \"format\": \"partnership-atlas-register\",\n  \"version\": 1,\n  \"records\": [\n    {\"entity\": \"theme\" \"record\": {}}\n  ]\n}\n";
    let error = decode(bad.as_bytes()).expect_err("refused");
    let JsonError::Text { line, column, .. } = &error else {
        panic!("a text fault: {error:?}");
    };
    assert_eq!((*line, *column), (5, 24));
    assert_eq!(error.to_string(), "Line 5, column 24: Expected `,` or `}`");
}

#[test]
fn a_wrong_field_value_is_named_by_its_place_too() {
    let bad = r#"{"format": "partnership-atlas-register", "version": 1, "records": [{"entity": "organisation", "record": {"id": "seven"}}]}"#;
    let error = decode(bad.as_bytes()).expect_err("refused").to_string();
    assert!(error.starts_with("Line 1, column "), "{error}");
    assert!(error.contains("expected"), "{error}");
}

#[test]
fn another_format_a_newer_version_and_no_settings_are_refused_in_words() {
    let other = decode(br#"{"format": "geojson", "version": 1, "records": []}"#);
    assert!(
        matches!(other, Err(JsonError::NotARegister { .. })),
        "{other:?}"
    );
    let missing = decode(br#"{"records": []}"#)
        .expect_err("refused")
        .to_string();
    assert!(missing.contains("\"format\" is missing"), "{missing}");
    let newer = decode(br#"{"format": "partnership-atlas-register", "version": 2, "records": []}"#);
    assert_eq!(newer, Err(JsonError::Version { found: 2 }));
    let empty = decode(br#"{"format": "partnership-atlas-register", "version": 1, "records": []}"#);
    assert_eq!(empty, Err(JsonError::Settings(0)));
}

#[test]
fn a_record_linking_to_nothing_is_refused_by_number() {
    let mut register = sample::sample_register();
    let id = MembershipId::next_in(&register.memberships);
    let partnership = *register.partnerships.keys().next().expect("a partnership");
    register.memberships.insert(
        id,
        Membership {
            id,
            partnership,
            organisation: OrganisationId(999_999),
            ..Membership::default()
        },
    );
    let error = decode(&encode(&register).expect("encode")).expect_err("refused");
    assert!(
        matches!(&error, JsonError::Record { title, .. } if title == "membership"),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("refers to a organisation"),
        "{error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_bytes_are_refused_or_read_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn a_damaged_document_is_refused_or_read_never_a_panic(
        cut in 0usize..4_000,
        flips in proptest::collection::vec((0usize..4_000, any::<u8>()), 0..6),
    ) {
        let mut bytes = encode(&small_register()).expect("encode");
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let _ = decode(&bytes);
    }

    #[test]
    fn json_shaped_text_is_refused_or_read_never_a_panic(text in r#"\{("(format|version|records|entity|record|id|name)"|[0-9]+|\[|\]|\{|\}|,|:|"[a-z_-]*"|null|true| ){0,60}"#) {
        let _ = decode(text.as_bytes());
    }
}

fn small_register() -> Register {
    let mut register = Register::new("Small");
    let id = OrganisationId(1);
    register.organisations.insert(
        id,
        crate::model::Organisation {
            id,
            name: "Police".to_string(),
            ..Default::default()
        },
    );
    register
}
