//! Documents of events into a centre's programme, with a report of what was skipped.

use serde_json::Value;
use suite_domain::culture::programme::{Programme, Show, Venue};
use suite_domain::import::ImportReport;

use super::event::{Event, parse_event};
use super::text::{id_of, id_path, string};

/// What one import is about.
#[derive(Debug, Clone, Copy)]
pub struct ProgrammeImport<'a> {
    /// The centre's id, e.g. `demo-nova`.
    pub centre: &'a str,
    /// The centre's name, as the app shows it.
    pub centre_name: &'a str,
    /// RFC 3339 time of the run.
    pub now: &'a str,
    /// The programme is built from generated demo data; otherwise demo events are refused.
    pub demo: bool,
}

/// Reads one document (`name` is its file name or URL, for the report): an event, an
/// array of events, or a collection with a `member` list. Places, organizers and
/// anything else are skipped as "not an event".
pub fn parse_document(name: &str, body: &str, report: &mut ImportReport) -> Vec<Event> {
    let body = body.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        report.skip(name, "the document is empty");
        return Vec::new();
    }
    let value: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) => {
            report.skip(name, format!("not JSON: {e}"));
            return Vec::new();
        }
    };
    let records: Vec<(String, &Value)> = match &value {
        Value::Array(list) => numbered(name, list),
        Value::Object(map) => match map.get("member").and_then(Value::as_array) {
            Some(list) => numbered(name, list),
            None => vec![(name.to_string(), &value)],
        },
        _ => {
            report.skip(name, "not an event: neither an object nor a list");
            return Vec::new();
        }
    };
    let mut events = Vec::new();
    for (record, value) in records {
        let record = match id_of(value.get("@id")) {
            Some(id) => format!("{record} {id}"),
            None => record,
        };
        if let Some(kind) = not_an_event(value) {
            report.skip(record, format!("not an event: a {kind}"));
            continue;
        }
        let mut warnings = Vec::new();
        match parse_event(value, &mut warnings) {
            Ok(event) => {
                report
                    .warnings
                    .extend(warnings.into_iter().map(|w| format!("{record}: {w}")));
                events.push(event);
            }
            Err(reason) => report.skip(record, reason),
        }
    }
    events
}

fn numbered<'a>(name: &str, list: &'a [Value]) -> Vec<(String, &'a Value)> {
    list.iter()
        .enumerate()
        .map(|(i, v)| (format!("{name}#{}", i + 1), v))
        .collect()
}

/// `Some(kind)` for a place, an organizer or another non-event type.
fn not_an_event(value: &Value) -> Option<String> {
    if !value.is_object() {
        return Some("value that is not an object".into());
    }
    if let Some(kind) = string(value.get("@type")) {
        let kind = kind.trim_start_matches("schema:").to_ascii_lowercase();
        return (kind != "event").then_some(kind);
    }
    let path = id_path(value.get("@id"));
    ["place", "places", "organizer", "organizers"]
        .into_iter()
        .find(|p| path.first().map(String::as_str) == Some(*p))
        .map(|p| p.trim_end_matches('s').to_string())
}

/// Builds a programme from documents: events in document order, a repeated event id
/// skipped (the first is kept), venues once each. In a programme not marked demo, events
/// labelled [`DEMO_MARKER`](super::DEMO_MARKER) are skipped. `imported` in the report is the number of shows.
pub fn build_programme(
    import: &ProgrammeImport<'_>,
    inputs: &[(String, String)],
    mut report: ImportReport,
) -> (Programme, ImportReport) {
    let mut shows: Vec<Show> = Vec::new();
    let mut venues: Vec<Venue> = Vec::new();
    for (name, body) in inputs {
        for event in parse_document(name, body, &mut report) {
            let record = format!("{name} {}", event.show.id);
            if !import.demo && event.demo {
                report.skip(record, "demo event in a programme not marked demo");
                continue;
            }
            if shows.iter().any(|s| s.id == event.show.id) {
                report.skip(record, "duplicate event id (the first is kept)");
                continue;
            }
            match venues.iter_mut().find(|v| v.id == event.venue.id) {
                Some(known) => {
                    if known.geo.is_none() {
                        known.geo = event.venue.geo;
                    }
                }
                None => venues.push(event.venue),
            }
            shows.push(event.show);
        }
    }
    report.imported = shows.len();
    let programme = Programme {
        centre: import.centre.to_string(),
        centre_name: import.centre_name.to_string(),
        generated_at: import.now.to_string(),
        demo: import.demo,
        venues,
        shows,
    };
    (programme, report)
}
