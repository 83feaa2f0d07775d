//! Percent-encoding and query strings for the links the apps build and read (a child's
//! list in Bieblo, show links and filters in Culture Matcher).

/// Encodes `text` for a URL path segment or query value: RFC 3986 unreserved characters
/// stay, every other byte of its UTF-8 becomes `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` for a space (a query value); a broken escape stays as
/// it is and invalid UTF-8 is replaced, so any input gives some text.
pub fn decode(text: &str) -> String {
    decode_with(text, true)
}

/// Decodes a path segment or fragment: `%XX` escapes only (a `+` is a plus there).
pub fn decode_path(text: &str) -> String {
    decode_with(text, false)
}

fn decode_with(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of a query string (with or without its leading `?`), raw.
fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// The decoded value of parameter `name`, if present.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    pairs(query)
        .find(|(key, _)| decode(key) == name)
        .map(|(_, value)| decode(value))
}

/// The query string without parameter `name` (no leading `?`), other pairs as they were.
pub fn without_param(query: &str, name: &str) -> String {
    pairs(query)
        .filter(|(key, _)| decode(key) != name)
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// `query` with each of `changes` set (`Some`, encoded) or removed (`None`), other pairs
/// as they were: `?a=1&b=2`, or empty when nothing is left.
pub fn with_params(query: &str, changes: &[(&str, Option<String>)]) -> String {
    let mut kept: Vec<String> = pairs(query)
        .filter(|(key, _)| !changes.iter().any(|(name, _)| decode(key) == *name))
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    for (name, value) in changes {
        if let Some(value) = value {
            kept.push(format!("{}={}", encode(name), encode(value)));
        }
    }
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The query string of a period of days chosen in a back-office: `?from=..&to=..`,
/// leaving out an empty end; empty when both are (the server's default period).
pub fn period_query(from: &str, to: &str) -> String {
    let parts: Vec<String> = [("from", from), ("to", to)]
        .into_iter()
        .filter(|(_, day)| !day.trim().is_empty())
        .map(|(name, day)| format!("{name}={}", encode(day.trim())))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_period_becomes_a_query() {
        assert_eq!(period_query("", " "), "");
        assert_eq!(
            period_query("2026-11-01", " 2026-11-30 "),
            "?from=2026-11-01&to=2026-11-30"
        );
        assert_eq!(period_query("", "2026-11-30"), "?to=2026-11-30");
        assert_eq!(period_query("a&b", ""), "?from=a%26b");
    }

    #[wasm_bindgen_test]
    fn params_are_set_and_removed_keeping_the_others() {
        let query = "?onderdeel=voorstellingen&zoek=oud";
        assert_eq!(
            with_params(
                query,
                &[("zoek", Some("één storm".into())), ("wanneer", None)]
            ),
            "?onderdeel=voorstellingen&zoek=%C3%A9%C3%A9n%20storm"
        );
        assert_eq!(
            with_params(query, &[("onderdeel", None), ("zoek", None)]),
            ""
        );
        assert_eq!(with_params("", &[("a", Some("b".into()))]), "?a=b");
    }

    #[wasm_bindgen_test]
    fn a_path_keeps_its_plus_a_query_value_does_not() {
        assert_eq!(decode_path("a+b%20c%2B"), "a+b c+");
        assert_eq!(decode("a+b%20c%2B"), "a b c+");
    }

    #[test]
    fn encoding_round_trips() {
        for text in ["demo-nova", "a b,c&d=e", "één/twee?", "100%", ""] {
            assert_eq!(decode(&encode(text)), text, "{text}");
        }
        assert_eq!(encode("a b/c"), "a%20b%2Fc");
        assert_eq!(decode("a+b%2"), "a b%2");
    }

    #[wasm_bindgen_test]
    fn query_params_are_found_and_removed() {
        let query = "?centrum=demo-nova&max=1500&genre=Dans%20en%20zo";
        assert_eq!(query_param(query, "centrum").as_deref(), Some("demo-nova"));
        assert_eq!(query_param(query, "genre").as_deref(), Some("Dans en zo"));
        assert_eq!(query_param(query, "stad"), None);
        assert_eq!(
            without_param(query, "centrum"),
            "max=1500&genre=Dans%20en%20zo"
        );
        assert_eq!(without_param("centrum=x", "centrum"), "");
        assert_eq!(query_param("?gratis", "gratis").as_deref(), Some(""));
    }
}
