//! NUL characters in requests. PostgreSQL's text cannot hold U+0000 (it refuses the
//! whole statement), SQLite's can, and no text of the suite has a use for it. So every
//! request meets the same rule, whichever the database:
//!
//! - in a JSON body (where it can only come as the escape `\u0000`) it becomes U+FFFD,
//!   the replacement character, before the body is read ([`crate::error::ApiJson`]): the
//!   text keeps its length, and is taken or refused by the same checks as any other;
//! - in an `/api` path or query (`%00`) the answer is 404: no organisation, show, venue
//!   or stored text is named with it ([`refuse_in_uri`]).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// JSON text with every `\u0000` escape replaced by `\ufffd`; `None` when it has none.
/// Escaped backslashes are skipped as a pair, so `\\u0000` (a backslash, then the text
/// `u0000`) stays as it is.
pub fn replace_nul_escapes(json: &[u8]) -> Option<Vec<u8>> {
    if !json.windows(6).any(|w| w == b"\\u0000") {
        return None;
    }
    let mut out = Vec::with_capacity(json.len());
    let mut i = 0;
    while let Some(&byte) = json.get(i) {
        if byte == b'\\' {
            if json.get(i + 1..i + 6) == Some(b"u0000") {
                out.extend_from_slice(b"\\ufffd");
                i += 6;
            } else {
                out.extend_from_slice(&json[i..(i + 2).min(json.len())]);
                i += 2;
            }
        } else {
            out.push(byte);
            i += 1;
        }
    }
    Some(out)
}

fn has_encoded_nul(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| w == b"%00")
}

/// Answers 404 for an `/api` request with `%00` in its path or query.
pub async fn refuse_in_uri(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if has_encoded_nul(uri.path()) || uri.query().is_some_and(has_encoded_nul) {
        return AppError::NotFound.into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replaced(json: &str) -> Option<String> {
        replace_nul_escapes(json.as_bytes()).map(|b| String::from_utf8(b).expect("utf-8"))
    }

    #[test]
    fn nul_escapes_become_replacement_characters() {
        assert_eq!(replaced(r#"{"a":"x"}"#), None);
        assert_eq!(
            replaced(r#"{"a":"v\u0000w","b":["\u0000"]}"#).as_deref(),
            Some(r#"{"a":"v\ufffdw","b":["\ufffd"]}"#)
        );
        let value: serde_json::Value =
            serde_json::from_str(&replaced(r#"{"a":"\u0000"}"#).expect("changed"))
                .expect("still JSON");
        assert_eq!(value["a"], "\u{fffd}");
    }

    #[test]
    fn escaped_backslashes_and_other_escapes_stay() {
        // A backslash followed by the text u0000, next to a real NUL.
        assert_eq!(
            replaced(r#"["\\u0000","\u0000","\u00001","\n\\"]"#).as_deref(),
            Some(r#"["\\u0000","\ufffd","\ufffd1","\n\\"]"#)
        );
        assert_eq!(
            replaced(r#"["\\\\u0000"]"#).as_deref(),
            Some(r#"["\\\\u0000"]"#)
        );
        // A body cut off after a backslash is left for the JSON reader to refuse.
        assert_eq!(replaced("\"\\u0000\\").as_deref(), Some("\"\\ufffd\\"));
    }

    #[test]
    fn encoded_nul_in_a_uri() {
        assert!(has_encoded_nul("/api/culture/x%00y/shows"));
        assert!(has_encoded_nul("words=a%00b"));
        assert!(!has_encoded_nul("/api/culture/x%2500/shows"));
        assert!(!has_encoded_nul("words=100%25"));
    }
}
