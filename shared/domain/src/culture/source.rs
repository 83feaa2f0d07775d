//! Where a centre's programme comes from: a UiTdatabank search URL (https) or the id of
//! the centre as an organiser in UiTdatabank, which becomes a search of its events. The
//! back-office form and the server check it with the same rule ([`check_source`]).

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;
use crate::validation::FieldError;

/// Longest search URL taken, in characters.
pub const SEARCH_URL_MAX: usize = 2000;
/// The UiTdatabank search of events an organiser id becomes (the operator may name
/// another, e.g. the test environment, `--uitdatabank-url`).
pub const DEFAULT_SEARCH_BASE: &str = "https://search.uitdatabank.be/events/";
/// How many events one search of an organiser asks for.
pub const ORGANISER_LIMIT: u32 = 200;

/// What kind of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A search URL of UiTdatabank (or any https address serving its JSON-LD).
    SearchUrl,
    /// The centre's organiser id in UiTdatabank (a UUID).
    Organiser,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::SearchUrl => "search_url",
            SourceKind::Organiser => "organiser",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "search_url" => Some(SourceKind::SearchUrl),
            "organiser" => Some(SourceKind::Organiser),
            _ => None,
        }
    }
}

/// A centre's source, as staff send it and as it is stored (after [`check_source`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgrammeSource {
    pub kind: SourceKind,
    /// The URL, or the organiser id.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub value: String,
}

/// A centre's source with who set it and when (`GET .../programme-source`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceSetting {
    /// `None`: the programme is only imported by hand.
    pub source: Option<ProgrammeSource>,
    /// RFC 3339.
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
}

/// The source made tidy (trimmed; an organiser id in lower case, also when pasted as
/// the end of its UiTdatabank address), or why it is refused. `allow_http` also takes
/// `http://` URLs: only for stand-ins on the server's own machine (tests).
pub fn check_source(
    source: &ProgrammeSource,
    allow_http: bool,
) -> Result<ProgrammeSource, FieldError> {
    let value = source.value.trim();
    let refuse = |message| {
        Err(FieldError {
            field: "value",
            message,
        })
    };
    if value.is_empty() {
        return refuse(Msg::ErrRequired);
    }
    let value = match source.kind {
        SourceKind::SearchUrl => check_url(value, allow_http).map(str::to_owned),
        SourceKind::Organiser => organiser_id(value).ok_or(Msg::CmBoSourceBadOrganiser),
    };
    match value {
        Ok(value) => Ok(ProgrammeSource {
            kind: source.kind,
            value,
        }),
        Err(message) => refuse(message),
    }
}

/// An https URL with a host, no user part, no spaces or control characters.
fn check_url(url: &str, allow_http: bool) -> Result<&str, Msg> {
    if url.chars().count() > SEARCH_URL_MAX {
        return Err(Msg::CmBoSourceTooLong);
    }
    let lower = url.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url["https://".len()..]
    } else if allow_http && lower.starts_with("http://") {
        &url["http://".len()..]
    } else {
        return Err(Msg::CmBoSourceHttps);
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host);
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"');
    if host.is_empty() || authority.contains('@') || url.chars().any(bad_char) {
        return Err(Msg::CmBoSourceBadUrl);
    }
    Ok(url)
}

/// The UUID at the end of `value` (`5cf42d51-…` or an address that ends in it), in
/// lower case.
fn organiser_id(value: &str) -> Option<String> {
    let value = value.trim_end_matches('/');
    let start = value.len().checked_sub(36)?;
    let id = value.get(start..)?;
    let before = value[..start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let groups: Vec<&str> = id.split('-').collect();
    let lengths_fit = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
    let hex = groups
        .iter()
        .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
    (lengths_fit && hex).then(|| id.to_ascii_lowercase())
}

/// The URL the importer fetches for a checked `source`: a search URL as it is; an
/// organiser's events through the search at `base` (with their full JSON-LD).
pub fn fetch_url(source: &ProgrammeSource, base: &str) -> String {
    match source.kind {
        SourceKind::SearchUrl => source.value.clone(),
        SourceKind::Organiser => {
            let glue = if base.contains('?') { '&' } else { '?' };
            format!(
                "{base}{glue}organizerId={}&embed=true&limit={ORGANISER_LIMIT}",
                source.value
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "5cf42d51-3a4f-46f0-a8af-1cf672be8c84";

    fn check(kind: SourceKind, value: &str) -> Result<String, Msg> {
        let source = ProgrammeSource {
            kind,
            value: value.into(),
        };
        check_source(&source, false)
            .map(|s| s.value)
            .map_err(|e| e.message)
    }

    #[test]
    fn search_urls_are_https_with_a_host() {
        let url = "https://search.uitdatabank.be/events/?q=theater&apiKey=x";
        assert_eq!(
            check(SourceKind::SearchUrl, &format!("  {url} ")),
            Ok(url.into())
        );
        let refused = [
            ("", Msg::ErrRequired),
            ("http://search.uitdatabank.be/events/", Msg::CmBoSourceHttps),
            ("ftp://x/y", Msg::CmBoSourceHttps),
            ("search.uitdatabank.be/events", Msg::CmBoSourceHttps),
            ("https:///events", Msg::CmBoSourceBadUrl),
            ("https://user:pw@host/x", Msg::CmBoSourceBadUrl),
            ("https://host/a b", Msg::CmBoSourceBadUrl),
            ("https://host/a\u{7}", Msg::CmBoSourceBadUrl),
        ];
        for (url, why) in refused {
            assert_eq!(check(SourceKind::SearchUrl, url), Err(why), "{url}");
        }
        let long = format!("https://x/{}", "a".repeat(SEARCH_URL_MAX));
        assert_eq!(
            check(SourceKind::SearchUrl, &long),
            Err(Msg::CmBoSourceTooLong)
        );
        let local = ProgrammeSource {
            kind: SourceKind::SearchUrl,
            value: "http://127.0.0.1:8080/events.json".into(),
        };
        assert!(check_source(&local, true).is_ok(), "stand-ins in tests");
    }

    #[test]
    fn organiser_ids_are_uuids_also_at_the_end_of_an_address() {
        assert_eq!(check(SourceKind::Organiser, ID), Ok(ID.into()));
        assert_eq!(
            check(SourceKind::Organiser, &ID.to_uppercase()),
            Ok(ID.into())
        );
        let address = format!("https://io.uitdatabank.be/organizers/{ID}/");
        assert_eq!(check(SourceKind::Organiser, &address), Ok(ID.into()));
        let slugged = format!("https://www.uitinvlaanderen.be/organisatoren/nova-{ID}");
        assert_eq!(check(SourceKind::Organiser, &slugged), Ok(ID.into()));
        for bad in [
            "nova",
            "5cf42d51-3a4f-46f0-a8af-1cf672be8c8",
            "5cf42d51-3a4f-46f0-a8af-1cf672be8c8g",
            "a5cf42d51-3a4f-46f0-a8af-1cf672be8c84",
            "5cf42d513a4f-46f0-a8af--1cf672be8c84",
            "ééééééééééééééééééééééééééééééééééééé",
        ] {
            assert_eq!(
                check(SourceKind::Organiser, bad),
                Err(Msg::CmBoSourceBadOrganiser),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_organiser_becomes_a_search_of_its_events() {
        let organiser = ProgrammeSource {
            kind: SourceKind::Organiser,
            value: ID.into(),
        };
        assert_eq!(
            fetch_url(&organiser, DEFAULT_SEARCH_BASE),
            format!("https://search.uitdatabank.be/events/?organizerId={ID}&embed=true&limit=200")
        );
        assert_eq!(
            fetch_url(&organiser, "http://127.0.0.1:9/events?apiKey=k"),
            format!("http://127.0.0.1:9/events?apiKey=k&organizerId={ID}&embed=true&limit=200")
        );
        let url = ProgrammeSource {
            kind: SourceKind::SearchUrl,
            value: "https://x/y".into(),
        };
        assert_eq!(fetch_url(&url, DEFAULT_SEARCH_BASE), "https://x/y");
    }

    #[test]
    fn kinds_read_back() {
        for kind in [SourceKind::SearchUrl, SourceKind::Organiser] {
            assert_eq!(SourceKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(SourceKind::parse("other"), None);
    }
}
