//! Server configuration: where the data and the built site live, which database (SQLite
//! in the data folder, or PostgreSQL at a URL), whether this is a demo, which reverse proxies to trust, who may read `/metrics`, whether outgoing fetches may reach private
//! addresses; and how durations are written on the command line (`6h`, `30m`, `1h30m`).

use std::path::PathBuf;
use std::time::Duration;

use crate::db::DatabaseUrl;
use crate::net::{NetList, TrustedProxies};

#[derive(Debug, Clone)]
pub struct Config {
    /// Holds `suite.sqlite` and `public/` (the JSON served under `/data/`).
    pub data_dir: PathBuf,
    /// PostgreSQL instead of `suite.sqlite` (`--database-url`, `DATABASE_URL`).
    pub database_url: Option<DatabaseUrl>,
    /// The built site: `index.html` (portal) and one folder per app.
    pub site_dir: PathBuf,
    /// Demo mode: demo organisations and staff accounts exist.
    pub demo: bool,
    /// Reverse proxies whose forwarded-for header names the client.
    pub proxies: TrustedProxies,
    /// Clients that may read `/metrics` (`--metrics-from`; loopback by default).
    pub metrics_from: NetList,
    /// Whether covers and event imports may fetch from loopback, private and link-local
    /// addresses (only for tests and stand-ins on this machine; off by default).
    pub allow_private_fetch: bool,
    /// How long the own words of after-show answers are kept.
    pub feedback_retention: Duration,
    /// How long lines of the audit log are kept.
    pub audit_retention: Duration,
    /// Most bytes of uploads (pictures, trailers) one organisation keeps.
    pub upload_quota_bytes: u64,
    /// Origins of static hosts that serve an export of the apps (`--allow-origin`):
    /// their pages may call `/api` across origins, without cookies.
    pub allowed_origins: Vec<String>,
    /// The UiTdatabank search of events that a centre's organiser id is looked up in
    /// (`--uitdatabank-url`).
    pub uitdatabank_url: String,
    /// The UiTdatabank API key sent with those searches (`--uitdatabank-key`); a search
    /// URL staff give carries its own.
    pub uitdatabank_key: Option<crate::import::live::ApiKey>,
    /// The e-reader's lending rules (`--loan-days`, `--hold-hours`).
    pub lending: suite_domain::lending::Policy,
}

/// One GiB per organisation.
pub const DEFAULT_UPLOAD_QUOTA: u64 = 1024 * 1024 * 1024;

/// One year.
pub const DEFAULT_FEEDBACK_RETENTION: Duration = Duration::from_secs(365 * 86_400);

/// One year.
pub const DEFAULT_AUDIT_RETENTION: Duration = Duration::from_secs(365 * 86_400);

impl Config {
    /// A configuration with the defaults: SQLite in the data folder, no demo, no trusted
    /// proxy, `/metrics` for loopback only, public fetches only.
    pub fn new(data_dir: impl Into<PathBuf>, site_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            database_url: None,
            site_dir: site_dir.into(),
            demo: false,
            proxies: TrustedProxies::default(),
            metrics_from: NetList::loopback(),
            allow_private_fetch: false,
            feedback_retention: DEFAULT_FEEDBACK_RETENTION,
            audit_retention: DEFAULT_AUDIT_RETENTION,
            upload_quota_bytes: DEFAULT_UPLOAD_QUOTA,
            allowed_origins: Vec::new(),
            uitdatabank_url: suite_domain::culture::source::DEFAULT_SEARCH_BASE.into(),
            uitdatabank_key: None,
            lending: suite_domain::lending::Policy::default(),
        }
    }

    /// The folder whose files are served under `/data/`.
    pub fn public_data_dir(&self) -> PathBuf {
        self.data_dir.join("public")
    }
}

/// Reads `--allow-origin`: comma-separated origins (`https://apps.example.org`,
/// `http://127.0.0.1:8081`), each a scheme and a host with an optional port, nothing
/// more; written lowercase, as browsers send them.
pub fn parse_origins(text: &str) -> Result<Vec<String>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|origin| {
            let lower = origin.to_ascii_lowercase();
            let host = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"))
                .filter(|h| !h.is_empty())
                .ok_or_else(|| {
                    format!("{origin:?} is not an origin such as https://apps.example.org")
                })?;
            if host.contains(['/', '?', '#', '@', ' ']) {
                return Err(format!(
                    "{origin:?} is not an origin: only a scheme and a host, with an optional port"
                ));
            }
            Ok(lower)
        })
        .collect()
}

/// Reads a duration written as numbers with units, e.g. `6h`, `30m`, `1h30m`, `45s`,
/// `1d`, `500ms`. The message of an error is for the command line.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("{text:?} is not a duration such as 6h, 30m, 1h30m, 45s or 500ms");
    let text = text.trim();
    if text.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let number: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let part = match unit {
            "ms" => Duration::from_millis(number),
            "s" => Duration::from_secs(number),
            "m" => Duration::from_secs(number.saturating_mul(60)),
            "h" => Duration::from_secs(number.saturating_mul(3_600)),
            "d" => Duration::from_secs(number.saturating_mul(86_400)),
            _ => return Err(bad()),
        };
        total = total.saturating_add(part);
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            parse_origins(" https://Apps.Example.org, http://127.0.0.1:8081 ,"),
            Ok(vec![
                "https://apps.example.org".to_string(),
                "http://127.0.0.1:8081".to_string()
            ])
        );
        assert_eq!(parse_origins(""), Ok(Vec::new()));
        for bad in [
            "apps.example.org",
            "https://",
            "https://apps.example.org/",
            "https://apps.example.org/path",
            "ftp://apps.example.org",
            "https://user@apps.example.org",
        ] {
            assert!(parse_origins(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("6h"), Ok(Duration::from_secs(6 * 3600)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration(" 45s "), Ok(Duration::from_secs(45)));
        assert_eq!(parse_duration("1d"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        for bad in [
            "",
            "6",
            "h",
            "6 h",
            "6x",
            "-1h",
            "1.5h",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
