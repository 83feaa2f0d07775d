//! What can go wrong reading a catalogue response, and the catalogue's own error bodies
//! (`<error><code>…</code><reason>…</reason></error>` in XML, `{"error": {…}}` in JSON).

use std::fmt;

use thiserror::Error;

use super::xml;

/// An error the catalogue API answered with instead of data, e.g. `UnAuthorized` (HTTP 401)
/// or `FailedValidation` (HTTP 409).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The catalogue's error code, e.g. `UnAuthorized`, `FailedValidation`, `NotFound`.
    pub code: String,
    /// The catalogue's explanation, e.g. `Missing authorization`.
    pub reason: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.reason)
    }
}

/// Why a catalogue response could not be read. The messages are in English, for the
/// operator running an import.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    /// The body was empty or held only whitespace, comments or an XML declaration.
    #[error("the response is empty")]
    Empty,
    /// The body is something other than XML, e.g. JSON or an HTML page.
    #[error("the response is not XML but {found}")]
    NotXml {
        /// What it looks like instead, e.g. `JSON` or `an HTML page`.
        found: String,
    },
    /// The XML is not well-formed.
    #[error("malformed XML at line {line}, column {column}: {message}")]
    MalformedXml {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The XML stops before the document is complete, as a cut-off download does.
    #[error("the XML ends early at line {line}, column {column} (truncated response?): {unclosed}")]
    Truncated {
        /// 1-based line where the input ends.
        line: usize,
        /// 1-based column where the input ends.
        column: usize,
        /// Which markup was left open, e.g. `<title> opened at line 3, column 9 is never closed`.
        unclosed: String,
    },
    /// Elements nest deeper than any catalogue response does.
    #[error("the XML nests deeper than {max} elements at line {line}, column {column}")]
    TooDeep {
        /// The nesting limit.
        max: usize,
        /// 1-based line of the element that went too deep.
        line: usize,
        /// 1-based column of that element.
        column: usize,
    },
    /// The document's root element is not the one the catalogue sends.
    #[error("expected <{expected}> as the root element, found <{found}>")]
    UnexpectedRoot {
        /// The root element expected, `aquabrowser`.
        expected: String,
        /// The root element found.
        found: String,
    },
    /// A well-formed catalogue document, but of another kind than expected (e.g. a
    /// holdings response given to the search parser).
    #[error("not a {expected} response: {detail}")]
    WrongKind {
        /// The kind of response expected, e.g. `search`.
        expected: String,
        /// What is missing or unexpected.
        detail: String,
    },
    /// A value the parser needs could not be read, e.g. a non-numeric result count.
    #[error("invalid {field} {value:?} in the {context}")]
    InvalidValue {
        /// Which value, e.g. `<count>`.
        field: String,
        /// The value as found.
        value: String,
        /// Which response, e.g. `search response`.
        context: String,
    },
    /// The JSON is not well-formed or does not have the expected shape.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The catalogue answered with an error body instead of data.
    #[error("the catalogue answered with an error instead of data: {0}")]
    Api(ApiError),
}

impl From<serde_json::Error> for CatalogueError {
    fn from(e: serde_json::Error) -> Self {
        CatalogueError::MalformedJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

/// Reads a catalogue error body, XML or JSON. Returns `None` when `body` is not an error
/// body (data, garbage, or empty).
///
/// Besides `<aquabrowser><error>` and `{"error": …}` it recognises the
/// `<root><xslt-error>` body that `/refine/`, `/index/` and `/resolver/` send when JSON
/// was asked for, as the code `XsltError`.
pub fn parse_error(body: &str) -> Option<ApiError> {
    let trimmed = body.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        return json_error(trimmed);
    }
    let root = xml::parse_document(trimmed).ok()?;
    api_error_in(&root)
}

/// The catalogue error a parsed XML document carries, if it is an error body.
pub(crate) fn api_error_in(root: &xml::Element) -> Option<ApiError> {
    match root.name.as_str() {
        "aquabrowser" => {
            let error = root.child("error")?;
            Some(ApiError {
                code: error.child_text("code").unwrap_or("").to_string(),
                reason: error.child_text("reason").unwrap_or("").to_string(),
            })
            .filter(|e| !e.code.is_empty() || !e.reason.is_empty())
        }
        "root" => root.child_text("xslt-error").map(|reason| ApiError {
            code: "XsltError".to_string(),
            reason: reason.to_string(),
        }),
        _ => None,
    }
}

pub(crate) fn json_error(body: &str) -> Option<ApiError> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    error_in(&value)
}

/// A JSON response read once: its value, or why it is none (empty, malformed, or the
/// catalogue's error body instead of data).
pub(crate) fn json_document(json: &str) -> Result<serde_json::Value, CatalogueError> {
    let body = json.trim_start_matches('\u{feff}').trim();
    if body.is_empty() {
        return Err(CatalogueError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(body)?;
    match error_in(&value) {
        Some(api) => Err(CatalogueError::Api(api)),
        None => Ok(value),
    }
}

/// The catalogue's error in a JSON body, if it is one.
fn error_in(value: &serde_json::Value) -> Option<ApiError> {
    let error = value.get("error")?;
    let field = |name: &str| {
        error
            .get(name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let found = ApiError {
        code: field("code"),
        reason: field("reason"),
    };
    (!found.code.is_empty() || !found.reason.is_empty()).then_some(found)
}
