//! `/search/` responses: one page of catalogue hits, in XML and in the JSON form
//! (`output=json`: `meta` with every number as a string, and `results`, records of the
//! same JSON form as a details response's).

use serde_json::Value;

use super::details::record_from_json;
use super::error::{CatalogueError, json_document};
use super::record::{CatalogueRecord, record_from_xml};
use super::xml::{Element, parse_catalogue};

/// One page of search results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage {
    /// How many results the whole search has (all pages).
    pub count: u64,
    /// Which page this is, from 1.
    pub page: u64,
    /// The results on this page, in the catalogue's order.
    pub records: Vec<CatalogueRecord>,
    /// Results that could not be read (e.g. without an id), by position on the page
    /// (from 1) and reason.
    pub unreadable: Vec<String>,
}

/// Reads a `/search/` XML response.
pub fn parse_search(xml: &str) -> Result<SearchPage, CatalogueError> {
    let root = parse_catalogue(xml)?;
    let meta = root
        .child("meta")
        .ok_or_else(|| wrong("it has no <meta>"))?;
    let count = number(meta, "count")?.ok_or_else(|| wrong("it has no <meta><count>"))?;
    let page = number(meta, "page")?.unwrap_or(1);
    let mut records = Vec::new();
    let mut unreadable = Vec::new();
    for (i, result) in root.all_at(&["results", "result"]).into_iter().enumerate() {
        match record_from_xml(result) {
            Some(record) => records.push(record),
            None => unreadable.push(format!("result {}: no <id>", i + 1)),
        }
    }
    Ok(SearchPage {
        count,
        page,
        records,
        unreadable,
    })
}

/// Reads a `/search/` JSON response (`output=json`) into the same page as the XML.
pub fn parse_search_json(json: &str) -> Result<SearchPage, CatalogueError> {
    let value = json_document(json)?;
    let meta = value
        .get("meta")
        .filter(|m| m.is_object())
        .ok_or_else(|| wrong("it has no \"meta\" object"))?;
    let results = value
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| wrong("it has no \"results\" list"))?;
    // Counts come as strings ("83"); a number is taken too.
    let number = |name: &str| -> Result<Option<u64>, CatalogueError> {
        let read = match meta.get(name) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            Some(_) => None,
        };
        read.map(Some).ok_or_else(|| CatalogueError::InvalidValue {
            field: format!("\"{name}\""),
            value: meta.get(name).map(Value::to_string).unwrap_or_default(),
            context: "search response".to_string(),
        })
    };
    let count = number("result-count")?.unwrap_or(results.len() as u64);
    let page = number("current-page")?.unwrap_or(1);
    let mut records = Vec::new();
    let mut unreadable = Vec::new();
    for (i, result) in results.iter().enumerate() {
        match record_from_json(result) {
            Some(record) => records.push(record),
            None => unreadable.push(format!("result {}: no \"id\"", i + 1)),
        }
    }
    Ok(SearchPage {
        count,
        page,
        records,
        unreadable,
    })
}

fn wrong(detail: &str) -> CatalogueError {
    CatalogueError::WrongKind {
        expected: "search".to_string(),
        detail: detail.to_string(),
    }
}

fn number(meta: &Element, name: &str) -> Result<Option<u64>, CatalogueError> {
    let Some(element) = meta.child(name) else {
        return Ok(None);
    };
    let text = element.text();
    text.parse()
        .map(Some)
        .map_err(|_| CatalogueError::InvalidValue {
            field: format!("<{name}>"),
            value: text.to_string(),
            context: "search response".to_string(),
        })
}
