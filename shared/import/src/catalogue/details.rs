//! `/details/` responses: the full description of one title, in XML and in the
//! undocumented JSON form (`output=json`), both read into a [`CatalogueRecord`].
//!
//! The JSON form carries less than the XML: no relator codes (only localized roles such
//! as `Vertaler`), no target-audience codes (only the rendering, in `custom` entries of
//! type `audience`), no reading levels, and languages partly as `{NOTFOUND:…}`
//! placeholders. Prefer the XML; the JSON reader exists for callers that already have it.

use serde_json::Value;

use super::error::{CatalogueError, json_document};
use super::record::{
    Award, CatalogueRecord, CodedTerm, Contributor, Subject, SubjectKind, first_year, non_empty,
    record_from_xml, series,
};
use super::xml::parse_catalogue;

/// Reads a `/details/` XML response.
pub fn parse_details(xml: &str) -> Result<CatalogueRecord, CatalogueError> {
    let root = parse_catalogue(xml)?;
    record_from_xml(&root).ok_or_else(|| CatalogueError::WrongKind {
        expected: "details".to_string(),
        detail: "it has no <id> under the root".to_string(),
    })
}

/// Reads a `/details/` JSON response (`output=json`) into the same record as the XML.
pub fn parse_details_json(json: &str) -> Result<CatalogueRecord, CatalogueError> {
    let value = json_document(json)?;
    let wrong = |detail: &str| CatalogueError::WrongKind {
        expected: "details".to_string(),
        detail: detail.to_string(),
    };
    let json = value
        .get("record")
        .filter(|r| r.is_object())
        .ok_or_else(|| wrong("it has no \"record\" object"))?;
    record_from_json(json).ok_or_else(|| wrong("its record has no \"id\""))
}

/// One record of the JSON form (a details response's `record`, a search response's
/// `results` item); `None` without an id.
pub(super) fn record_from_json(json: &Value) -> Option<CatalogueRecord> {
    let id = non_empty(json.get("id").and_then(Value::as_str))?;
    let title = strings(json.get("titles"))
        .into_iter()
        .next()
        .unwrap_or_default();
    let mut record = CatalogueRecord::new(id, title);
    record.native_id = record.id.rsplit('|').next().map(str::to_string);
    record.frabl = match json.get("frabl") {
        Some(Value::Object(f)) => non_empty(f.get("value").and_then(Value::as_str)),
        Some(Value::String(s)) => non_empty(Some(s)),
        _ => None,
    };
    read_people(json, &mut record);
    record.cover_url = strings(json.get("coverimages")).into_iter().next();
    record.description = strings(json.get("summaries")).into_iter().next();
    for language in strings(json.get("languages")) {
        match language.strip_prefix("{NOTFOUND:ID=original:") {
            Some(code) => record.original_languages.push(CodedTerm {
                code: code.trim_end_matches('}').to_string(),
                label: String::new(),
            }),
            None if language.starts_with("{NOTFOUND") => {}
            None => record.languages.push(label(language)),
        }
    }
    record.formats = objects(json.get("formats"))
        .filter_map(|f| non_empty(f.get("text").and_then(Value::as_str)))
        .map(label)
        .collect();
    record.target_audiences = objects(json.get("custom"))
        .filter(|c| c.get("type").and_then(Value::as_str) == Some("audience"))
        .filter_map(|c| non_empty(c.get("text").and_then(Value::as_str)))
        .map(label)
        .collect();
    for (key, kind) in [
        ("subject-topical", SubjectKind::Topical),
        ("subject-local", SubjectKind::Local),
        ("subject-personal", SubjectKind::Personal),
        ("subject-corporate", SubjectKind::Corporate),
    ] {
        let texts = strings(json.get(key));
        record
            .subjects
            .extend(texts.into_iter().map(|text| Subject { kind, text }));
    }
    record.genres = strings(json.get("genres"));
    record.series = match json.get("series") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|s| match s {
                Value::String(text) => series(text, None),
                Value::Object(o) => series(
                    o.get("text").and_then(Value::as_str).unwrap_or(""),
                    o.get("volume").and_then(Value::as_str),
                ),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    record.year = json
        .get("year")
        .and_then(Value::as_str)
        .and_then(first_year)
        .or_else(|| {
            strings(json.get("publisher"))
                .iter()
                .find_map(|p| first_year(p))
        });
    record.awards = strings(json.get("award"))
        .into_iter()
        .map(|name| Award { name, year: None })
        .collect();
    for isbn in strings(json.get("isbn")) {
        let number = isbn.split_whitespace().next().unwrap_or("").to_string();
        if !number.is_empty() && !record.isbns.contains(&number) {
            record.isbns.push(number);
        }
    }
    Some(record)
}

fn label(text: String) -> CodedTerm {
    CodedTerm {
        code: String::new(),
        label: text,
    }
}

/// A string or an array of strings, cleaned, blanks dropped.
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => non_empty(Some(s)).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(|v| non_empty(v.as_str())).collect(),
        _ => Vec::new(),
    }
}

fn objects(value: Option<&Value>) -> impl Iterator<Item = &serde_json::Map<String, Value>> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

/// Authors from `authorsDetailed` (role `Auteur` or none) or, without it, `authors`.
fn read_people(json: &Value, record: &mut CatalogueRecord) {
    let detailed: Vec<_> = objects(json.get("authorsDetailed")).collect();
    if detailed.is_empty() {
        record.authors = strings(json.get("authors"));
        return;
    }
    for person in detailed {
        let Some(name) = non_empty(person.get("full").and_then(Value::as_str)) else {
            continue;
        };
        let role = person
            .get("localized-type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        if role.is_empty() || role.eq_ignore_ascii_case("auteur") {
            if !record.authors.contains(&name) {
                record.authors.push(name);
            }
        } else {
            record.contributors.push(Contributor {
                name,
                role: String::new(),
                role_label: role.to_string(),
            });
        }
    }
}
