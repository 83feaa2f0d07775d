//! Reading JSON-LD values: localised texts, plain strings, ids and URLs.

use serde_json::Value;
use suite_domain::culture::programme::Text;

/// A trimmed, non-empty string value.
pub(crate) fn string(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A localised text (`{"nl": "...", "en": "..."}`) or a plain string: Dutch, else the
/// main language, else the first language with text; English when given.
pub(crate) fn localised(value: Option<&Value>, main_language: &str) -> Option<Text> {
    let value = value?;
    if let Some(s) = string(Some(value)) {
        return Some(Text::nl(s));
    }
    let map = value.as_object()?;
    let get = |lang: &str| string(map.get(lang));
    let nl = get("nl")
        .or_else(|| get(main_language))
        .or_else(|| map.values().find_map(|v| string(Some(v))))?;
    Some(Text { nl, en: get("en") })
}

/// The last path segment of an `@id` URL, when it is a usable id (letters, digits, `-`,
/// `_`; at most 64 characters).
pub(crate) fn id_of(value: Option<&Value>) -> Option<String> {
    let url = string(value)?;
    let path = url.split(['?', '#']).next().unwrap_or("");
    let segment = path.rsplit('/').find(|s| !s.is_empty())?;
    let usable = segment.len() <= 64
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    usable.then(|| segment.to_ascii_lowercase())
}

/// The path segments of an `@id` URL after the host, e.g. `["event", "d1f0..."]`.
pub(crate) fn id_path(value: Option<&Value>) -> Vec<String> {
    let Some(url) = string(value) else {
        return Vec::new();
    };
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    rest.split('/')
        .skip(1)
        .map(|s| s.to_ascii_lowercase())
        .collect()
}

/// The host of an http(s) URL, lower case, without `www.` or `m.`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_string();
    let valid = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    valid.then_some(host)
}

/// The URL when it is an http or https URL without spaces; `//host/...` becomes https.
pub(crate) fn web_url(value: Option<&Value>) -> Option<String> {
    let url = string(value)?;
    let url = match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url,
    };
    (host(&url).is_some() && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn localised_texts_fall_back_to_the_main_language() {
        let v = json!({"fr": "Nom", "es": "Nombre", "en": "Name"});
        let t = localised(Some(&v), "es").expect("text");
        assert_eq!((t.nl.as_str(), t.en.as_deref()), ("Nombre", Some("Name")));
        let t = localised(Some(&v), "de").expect("text");
        assert_eq!(t.nl, "Name", "first language in key order");
        assert_eq!(
            localised(Some(&json!(" Titel ")), "nl"),
            Some(Text::nl("Titel"))
        );
        assert_eq!(localised(Some(&json!({"nl": "  "})), "nl"), None);
        assert_eq!(localised(Some(&json!(3)), "nl"), None);
        assert_eq!(localised(None, "nl"), None);
    }

    #[test]
    fn ids_hosts_and_urls() {
        let id = json!("http://culudb-silex.dev:8080/event/152DC82B-d04b-4c8d?x=1");
        assert_eq!(id_of(Some(&id)).as_deref(), Some("152dc82b-d04b-4c8d"));
        assert_eq!(id_path(Some(&id)), ["event", "152dc82b-d04b-4c8d?x=1"]);
        assert_eq!(id_of(Some(&json!("http://x/event/a.b"))), None);
        assert_eq!(id_of(Some(&json!("///"))), None);
        assert_eq!(
            host("https://www.YouTube.com/watch?v=1").as_deref(),
            Some("youtube.com")
        );
        assert_eq!(
            host("http://user@m.vimeo.com:80/1").as_deref(),
            Some("vimeo.com")
        );
        assert_eq!(host("javascript:alert(1)"), None);
        assert_eq!(host("https://"), None);
        assert_eq!(
            web_url(Some(&json!("//media.uitdatabank.be/a.jpg"))).as_deref(),
            Some("https://media.uitdatabank.be/a.jpg")
        );
        assert_eq!(web_url(Some(&json!("javascript:alert(1)"))), None);
        assert_eq!(web_url(Some(&json!("https://a.be/x y"))), None);
    }
}
