//! Broken and hostile input: truncated samples, garbage, wrong types in every field.
//! Nothing panics; a document that cannot be read is one skip saying why.

use serde_json::{Value, json};
use suite_domain::import::ImportReport;
use suite_import::events::*;

use super::{SAMPLES, fixture};

/// The longest prefix of `text` no longer than `len` bytes.
fn cut(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn parse(body: &str) -> (Vec<Event>, ImportReport) {
    let mut report = ImportReport::new("events");
    let events = parse_document("f.json", body, &mut report);
    (events, report)
}

#[test]
fn every_cut_of_two_samples_is_one_skip() {
    for file in [
        "udb3-search-service__event-original-for-all-ages.json",
        "udb3-backend__event_with_booking_info.json",
    ] {
        let full = fixture(file);
        let end = full.trim_end().len();
        for len in 0..end {
            let (events, report) = parse(cut(&full, len));
            assert!(events.is_empty(), "{file} cut at {len}");
            assert_eq!(report.skipped.len(), 1, "{file} cut at {len}");
            let reason = &report.skipped[0].reason;
            assert!(
                reason.starts_with("not JSON: EOF while parsing")
                    || reason == "the document is empty",
                "{file} cut at {len}: {reason}"
            );
        }
        assert_eq!(parse(&full).0.len(), 1, "{file} itself");
    }
}

#[test]
fn cuts_of_every_sample_never_panic() {
    for file in SAMPLES {
        let full = fixture(file);
        for len in (0..full.len()).step_by(13) {
            let (events, report) = parse(cut(&full, len));
            assert!(events.is_empty() && report.failed(), "{file} cut at {len}");
        }
    }
}

#[test]
fn garbage_is_refused_with_a_useful_message() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let cases: Vec<(&str, &str)> = vec![
        ("", "the document is empty"),
        ("  \n", "the document is empty"),
        ("\u{feff}", "the document is empty"),
        (
            "<html><body>502 Bad Gateway</body></html>",
            "not JSON: expected value at line 1 column 1",
        ),
        ("null", "not an event: neither an object nor a list"),
        ("42", "not an event: neither an object nor a list"),
        ("\"event\"", "not an event: neither an object nor a list"),
        ("{}", "no usable @id"),
        ("{\"@id\": 5}", "no usable @id"),
        ("{\"@id\": \"https://x/event/../..\"}", "no usable @id"),
        ("{\"@id\": \"https://x/event/a\"}", "no name"),
        (
            "{\"@id\": \"https://x/event/a\", \"name\": {\"nl\": \"N\"}}",
            "no location",
        ),
        (
            "{\"@type\": \"Organizer\", \"@id\": \"https://x/organizers/o\"}",
            "not an event: a organizer",
        ),
        (
            "{\"@id\": \"https://x/event/a\", \"name\": \"N\", \"location\": {\"name\": \"Zaal\"}}",
            "no calendarType and no dates",
        ),
        (
            "{\"@id\": \"https://x/event/a\", \"name\": \"N\", \"location\": {\"name\": \"Zaal\"}, \"calendarType\": \"weekly\"}",
            "unknown calendarType \"weekly\"",
        ),
        (
            "{\"@id\": \"https://x/event/a\", \"name\": \"N\", \"location\": {\"name\": \"Zaal\"}, \"calendarType\": \"single\", \"startDate\": \"morgen\"}",
            "no start date",
        ),
        (
            "{\"@id\": \"https://x/event/a\", \"name\": \"N\", \"location\": {\"name\": \"Zaal\"}, \"calendarType\": \"periodic\", \"startDate\": \"2026-01-01T00:00:00Z\"}",
            "periodic calendar without start and end date",
        ),
        ("{\"member\": 3}", "no usable @id"),
        (&deep, "not JSON: recursion limit exceeded"),
    ];
    for (input, fragment) in cases {
        let (events, report) = parse(input);
        assert!(events.is_empty(), "{input:.60}");
        let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(
            reasons.iter().any(|r| r.contains(fragment)),
            "{reasons:?} lacks {fragment:?} for {input:.60}"
        );
    }
    let (events, report) = parse("[]");
    assert!(events.is_empty() && report.skipped.is_empty() && report.failed());
}

/// Every position of `value` with its path, depth first.
fn paths(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = path.clone();
                p.push(k.clone());
                paths(v, p, out);
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                let mut p = path.clone();
                p.push(i.to_string());
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

fn at_mut<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, key| match v {
        Value::Object(map) => map.get_mut(key),
        Value::Array(list) => key.parse::<usize>().ok().and_then(|i| list.get_mut(i)),
        _ => None,
    })
}

#[test]
fn wrong_types_anywhere_never_panic() {
    let odd = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1e308),
        json!(""),
        json!("  "),
        json!("-"),
        json!("9999-99-99T99:99:99+99:99"),
        json!([]),
        json!([null]),
        json!({}),
        json!({"nl": 1}),
    ];
    for file in [
        "udb3-search-service__event-original-with-optional-fields.json",
        "udb3-search-service__event-original-with-unavailable-status.json",
        "udb3-backend__event_with_booking_info.json",
        "udb3-backend__event_with_price.json",
    ] {
        let mut original: Value = serde_json::from_str(&fixture(file)).expect("json");
        original["calendarType"] = original
            .get("calendarType")
            .cloned()
            .unwrap_or(json!("permanent"));
        let mut all = Vec::new();
        paths(&original, Vec::new(), &mut all);
        for path in all.iter().skip(1) {
            for replacement in &odd {
                let mut value = original.clone();
                if let Some(slot) = at_mut(&mut value, path) {
                    *slot = replacement.clone();
                }
                let mut warnings = Vec::new();
                if let Ok(event) = parse_event(&value, &mut warnings) {
                    assert_eq!(event.show.venue, event.venue.id);
                    assert!(!event.show.title.nl.trim().is_empty(), "{path:?}");
                }
            }
        }
    }
}

#[test]
fn prices_out_of_range_are_left_out_with_a_warning() {
    let mut value: Value =
        serde_json::from_str(&fixture("udb3-backend__event_with_price.json")).expect("json");
    value["priceInfo"][1]["price"] = json!(-3);
    value["priceInfo"]
        .as_array_mut()
        .expect("list")
        .push(json!({"category": "tariff", "price": 5, "priceCurrency": "USD"}));
    value["priceInfo"]
        .as_array_mut()
        .expect("list")
        .push(json!({"category": "tariff", "price": 1e12}));
    let mut warnings = Vec::new();
    let e = parse_event(&value, &mut warnings).expect("event");
    let price = e.show.price.expect("base stays");
    assert_eq!((price.base_cents, price.tariffs.len()), (1050, 0));
    let price_warnings = warnings.iter().filter(|w| w.starts_with("price ")).count();
    assert_eq!(price_warnings, 3, "{warnings:?}");
    value["typicalAgeRange"] = json!("12-6");
    let mut warnings = Vec::new();
    let e = parse_event(&value, &mut warnings).expect("event");
    assert_eq!(e.show.ages, None);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("minimum above its maximum")),
        "{warnings:?}"
    );
}
