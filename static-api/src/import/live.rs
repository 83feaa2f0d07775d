//! The live client of the Cultuurconnect catalogue API (*Catalogus webservices v1*):
//! searches page by page, then reads each candidate's details and availability, and
//! builds and publishes the snapshot exactly as the file import does ([`finish`],
//! [`publish`]).
//!
//! The API (see `tests/fixtures/catalogue/PROVENANCE.md` for the documentation used):
//! `GET <base>/<profile>/search/?q=…&page=N&pagesize=20`, `…/details/?id=…` and
//! `…/availability/?id=…`, each with the key as the `authorization` query parameter and
//! `lang=nl`. Pages count from 1; 20 per page is the default and the most an ordinary
//! key may ask (a larger `pagesize` without the rights makes the service stall). The
//! search answers `<meta><count>` (all pages) and `<page>`.
//!
//! Errors: a 401 (`UnAuthorized`) stops the run at once with a clear message; a 409
//! (`FailedValidation`), 404 or other 4xx is that request's failure, reported with the
//! catalogue's own reason and never retried. Timeouts, connection failures, 429 and 5xx
//! are retried with exponential backoff (a `Retry-After` in seconds is honoured, up to
//! the cap). After `give_up_after` requests in a row fail that way the run stops: the
//! catalogue is down, and the previous snapshot stays live.
//!
//! The key travels in URLs, so no URL is ever logged or reported: messages name the
//! request (`search "…" page 2`, `details |library/marc/vlacc|123`) instead, and
//! [`ApiKey`]'s `Debug` hides it.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, RETRY_AFTER};
use suite_domain::catalog::Copy;
use suite_domain::import::ImportReport;
use suite_import::catalogue::{
    ApiError, CatalogueError, CatalogueRecord, SearchPage, candidate, parse_availability,
    parse_details, parse_error, parse_search,
};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::catalogue::{CatalogueImport, ImportError, finish, publish};
use super::covers::CoverStore;
use super::is_safe_id;

/// The documented endpoint of every profile.
pub const DEFAULT_BASE_URL: &str = "https://cataloguswebservices.bibliotheek.be";
/// Results per search page: the API's default and an ordinary key's ceiling.
pub const PAGE_SIZE: u32 = 20;
/// A larger response is refused (the largest sample, an availability, is 55 kB).
const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// The catalogue API key. `Debug` never shows it.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// The key, or `None` when it is blank.
    pub fn new(key: &str) -> Option<Self> {
        let key = key.trim();
        (!key.is_empty()).then(|| Self(key.to_string()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<hidden>)")
    }
}

/// Where the catalogue is and how patiently to ask it.
#[derive(Debug, Clone)]
pub struct LiveConfig {
    /// The endpoint without profile, e.g. [`DEFAULT_BASE_URL`].
    pub base_url: Url,
    pub key: ApiKey,
    /// One request, body included.
    pub timeout: Duration,
    /// Further attempts after a timeout, connection failure, 429 or 5xx.
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub backoff: Duration,
    /// Longest wait between attempts (also caps `Retry-After`).
    pub max_backoff: Duration,
    /// `pagesize` of searches.
    pub page_size: u32,
    /// Pages read per search at most.
    pub max_pages: u32,
    /// Candidates whose details and availability are read, at most.
    pub max_candidates: usize,
    /// Details and availability requests at the same time.
    pub concurrency: usize,
    /// Stop the run after this many requests in a row failed after all retries.
    pub give_up_after: u32,
}

impl LiveConfig {
    /// The defaults for `base_url` (http or https) and `key`.
    pub fn new(base_url: &str, key: ApiKey) -> Result<Self, LiveError> {
        let base_url = Url::parse(base_url.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .filter(|u| u.query().is_none() && u.fragment().is_none())
            .ok_or_else(|| {
                LiveError::BadConfig(format!(
                    "the catalogue URL {:?} is not an http(s) URL without query",
                    base_url.trim()
                ))
            })?;
        Ok(Self {
            base_url,
            key,
            timeout: Duration::from_secs(20),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            page_size: PAGE_SIZE,
            max_pages: 10,
            max_candidates: 1_000,
            concurrency: 4,
            give_up_after: 3,
        })
    }
}

/// The wait before retry number `retry` (from 1): `backoff` doubled for each earlier
/// retry, or the server's `Retry-After`, never more than `max_backoff`.
pub fn backoff_delay(config: &LiveConfig, retry: u32, retry_after: Option<Duration>) -> Duration {
    let doubled = config
        .backoff
        .saturating_mul(2u32.saturating_pow(retry.saturating_sub(1)));
    retry_after.unwrap_or(doubled).min(config.max_backoff)
}

/// Why one request to the catalogue failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    #[error("the catalogue refused the API key (HTTP 401): {0}")]
    Unauthorized(ApiError),
    #[error("the catalogue rejected the request (HTTP {status}): {reason}")]
    Rejected { status: u16, reason: String },
    #[error("no answer after {attempts} attempt(s): {last}")]
    Unavailable { attempts: u32, last: String },
    #[error("the answer cannot be read: {0}")]
    Unreadable(String),
}

impl From<CatalogueError> for FetchError {
    fn from(e: CatalogueError) -> Self {
        match e {
            CatalogueError::Api(api) if api.code.eq_ignore_ascii_case("unauthorized") => {
                FetchError::Unauthorized(api)
            }
            other => FetchError::Unreadable(other.to_string()),
        }
    }
}

/// Why a live import run stopped without publishing.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("library id {0:?} must be lower-case letters, digits, '-' or '_'")]
    BadLibraryId(String),
    #[error("{0}")]
    BadConfig(String),
    #[error(
        "the catalogue refused the API key for profile {profile:?}: {api}; check \
         --catalogue-key (SUITE_CATALOGUE_KEY)"
    )]
    Unauthorized { profile: String, api: ApiError },
    #[error("the catalogue cannot be reached: {0}")]
    Unreachable(String),
    #[error(transparent)]
    Publish(#[from] ImportError),
}

impl LiveError {
    /// A failed report saying why, for the import-run history.
    pub fn to_report(&self) -> ImportReport {
        let mut report = ImportReport::new("catalogue");
        report.skip("catalogue API", self.to_string());
        report
            .warnings
            .push("nothing imported: the previous snapshot stays live".into());
        report
    }
}

/// A reqwest error in words, without the URL (it holds the key).
pub(crate) fn describe(error: &reqwest::Error) -> String {
    let mut text = if error.is_connect() {
        "cannot connect".to_string()
    } else if error.is_body() || error.is_decode() {
        "the answer broke off".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Counts requests that failed after all retries, in a row, for one run.
#[derive(Debug, Default)]
struct Breaker {
    failures: AtomicU32,
}

impl Breaker {
    fn tripped(&self, limit: u32) -> bool {
        self.failures.load(Ordering::Relaxed) >= limit.max(1)
    }
}

#[derive(Debug, Clone, Copy)]
enum Endpoint {
    Search,
    Details,
    Availability,
}

impl Endpoint {
    fn path(self) -> &'static str {
        match self {
            Endpoint::Search => "search",
            Endpoint::Details => "details",
            Endpoint::Availability => "availability",
        }
    }
}

/// What one attempt came to.
enum Attempt {
    Done(String),
    Fail(FetchError),
    Retry {
        reason: String,
        after: Option<Duration>,
    },
}

/// A client of one catalogue endpoint. Cheap to clone.
#[derive(Debug, Clone)]
pub struct LiveClient {
    http: reqwest::Client,
    config: Arc<LiveConfig>,
}

impl LiveClient {
    pub fn new(config: LiveConfig) -> Result<Self, LiveError> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::limited(3))
            .user_agent(concat!("flemish-culture-suite/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LiveError::BadConfig(format!("HTTP client: {}", describe(&e))))?;
        Ok(Self {
            http,
            config: Arc::new(config),
        })
    }

    pub fn config(&self) -> &LiveConfig {
        &self.config
    }

    fn url(&self, profile: &str, endpoint: Endpoint, params: &[(&str, &str)]) -> Option<Url> {
        let mut url = self.config.base_url.clone();
        url.path_segments_mut()
            .ok()?
            .pop_if_empty()
            .push(profile)
            .push(endpoint.path())
            .push("");
        {
            let mut query = url.query_pairs_mut();
            for (name, value) in params {
                query.append_pair(name, value);
            }
            query.append_pair("lang", "nl");
            query.append_pair("authorization", self.config.key.expose());
        }
        Some(url)
    }

    /// GETs a body, retrying what may pass; the breaker counts what did not.
    async fn get(
        &self,
        profile: &str,
        endpoint: Endpoint,
        params: &[(&str, &str)],
        breaker: &Breaker,
    ) -> Result<String, FetchError> {
        let config = &self.config;
        if breaker.tripped(config.give_up_after) {
            return Err(FetchError::Unavailable {
                attempts: 0,
                last: "not asked: the catalogue failed too often in a row".into(),
            });
        }
        let url = self
            .url(profile, endpoint, params)
            .ok_or_else(|| FetchError::Unreadable("the catalogue URL cannot take a path".into()))?;
        let mut last = String::new();
        let mut wait = None;
        for attempt in 0..=config.retries {
            if let Some(delay) = wait.take() {
                tokio::time::sleep(delay).await;
            }
            match self.attempt(url.clone()).await {
                Attempt::Done(body) => {
                    breaker.failures.store(0, Ordering::Relaxed);
                    return Ok(body);
                }
                Attempt::Fail(error) => {
                    breaker.failures.store(0, Ordering::Relaxed);
                    return Err(error);
                }
                Attempt::Retry { reason, after } => {
                    tracing::debug!(endpoint = endpoint.path(), attempt, %reason, "catalogue request will be retried");
                    last = reason;
                    wait = Some(backoff_delay(config, attempt + 1, after));
                }
            }
        }
        breaker.failures.fetch_add(1, Ordering::Relaxed);
        Err(FetchError::Unavailable {
            attempts: config.retries + 1,
            last,
        })
    }

    async fn attempt(&self, url: Url) -> Attempt {
        let sent = self
            .http
            .get(url)
            .header(ACCEPT, "application/xml")
            .send()
            .await;
        let mut response = match sent {
            Ok(response) => response,
            Err(e) => return self.retry_after_error(&e),
        };
        let status = response.status().as_u16();
        let after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                        return Attempt::Fail(FetchError::Unreadable(format!(
                            "larger than {MAX_RESPONSE_BYTES} bytes"
                        )));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return self.retry_after_error(&e),
            }
        }
        let body = String::from_utf8_lossy(&body).into_owned();
        let api = parse_error(&body);
        let reason = || match &api {
            Some(api) => api.to_string(),
            None => "no error body".to_string(),
        };
        match status {
            200..=299 => Attempt::Done(body),
            401 => Attempt::Fail(FetchError::Unauthorized(api.clone().unwrap_or(ApiError {
                code: "UnAuthorized".into(),
                reason: "HTTP 401 without an error body".into(),
            }))),
            429 | 500..=599 => Attempt::Retry {
                reason: format!("HTTP {status} ({})", reason()),
                after,
            },
            _ => Attempt::Fail(FetchError::Rejected {
                status,
                reason: reason(),
            }),
        }
    }

    fn retry_after_error(&self, error: &reqwest::Error) -> Attempt {
        let reason = if error.is_timeout() {
            format!("timed out after {:?}", self.config.timeout)
        } else {
            describe(error)
        };
        Attempt::Retry {
            reason,
            after: None,
        }
    }

    async fn search(
        &self,
        profile: &str,
        query: &str,
        page: u32,
        breaker: &Breaker,
    ) -> Result<SearchPage, FetchError> {
        let page = page.to_string();
        let size = self.config.page_size.to_string();
        let params = [("q", query), ("page", &page), ("pagesize", &size)];
        let body = self
            .get(profile, Endpoint::Search, &params, breaker)
            .await?;
        Ok(parse_search(&body)?)
    }

    async fn details(
        &self,
        profile: &str,
        id: &str,
        breaker: &Breaker,
    ) -> Result<CatalogueRecord, FetchError> {
        let body = self
            .get(profile, Endpoint::Details, &[("id", id)], breaker)
            .await?;
        Ok(parse_details(&body)?)
    }

    async fn copies(
        &self,
        profile: &str,
        id: &str,
        location: Option<&str>,
        breaker: &Breaker,
    ) -> Result<Vec<Copy>, FetchError> {
        let body = self
            .get(profile, Endpoint::Availability, &[("id", id)], breaker)
            .await?;
        let availability = parse_availability(&body)?;
        Ok(match location {
            Some(prefix) => availability.copies_under(prefix),
            None => availability.copies(),
        })
    }
}

/// What one live import run is about.
#[derive(Debug, Clone)]
pub struct LiveImport<'a> {
    pub import: CatalogueImport<'a>,
    /// The catalogue profile (the path segment after the endpoint), e.g. `wetteren`.
    pub profile: &'a str,
    /// The searches; the theme queries by default (`suite_import::catalogue::theme_queries`).
    pub queries: &'a [String],
}

/// Whether `profile` is a plain catalogue profile name.
fn is_profile(profile: &str) -> bool {
    !profile.is_empty()
        && profile.len() <= 64
        && profile
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// One candidate after its details and availability were asked.
struct Fetched {
    index: usize,
    searched: CatalogueRecord,
    details: Result<CatalogueRecord, FetchError>,
    copies: Result<Vec<Copy>, FetchError>,
}

/// Searches, reads the candidates' details and copies, builds the snapshot, fetches its
/// covers (when `covers` is given) and publishes it when a book was imported.
pub async fn import_live(
    client: &LiveClient,
    job: &LiveImport<'_>,
    public_dir: &Path,
    covers: Option<&CoverStore>,
) -> Result<ImportReport, LiveError> {
    let library = job.import.library;
    if !is_safe_id(library) {
        return Err(LiveError::BadLibraryId(library.to_string()));
    }
    if !is_profile(job.profile) {
        return Err(LiveError::BadConfig(format!(
            "catalogue profile {:?} must be letters, digits, '-' or '_'",
            job.profile
        )));
    }
    let config = client.config();
    let breaker = Arc::new(Breaker::default());
    let unauthorized = |api: ApiError| LiveError::Unauthorized {
        profile: job.profile.to_string(),
        api,
    };
    let mut report = ImportReport::new("catalogue");
    let found = search_all(client, job, &breaker, &mut report)
        .await
        .map_err(unauthorized)?;
    if breaker.tripped(config.give_up_after) {
        return Err(LiveError::Unreachable(unreachable_reason(&report)));
    }

    // Records that cannot be kiosk books go to the builder as they are (it says why);
    // only candidates cost two more requests each.
    let themes = job.import.themes;
    let mut records = Vec::new();
    let mut wanted = Vec::new();
    for record in found {
        if candidate(&record, themes, job.import.demo).is_err() {
            records.push(record);
        } else if wanted.len() < config.max_candidates {
            wanted.push(record);
        } else {
            report.skip(
                record.id,
                format!("over the limit of {} candidates", config.max_candidates),
            );
        }
    }

    let mut availability = Vec::new();
    for fetched in fetch_candidates(client, job, wanted, &breaker).await {
        let id = fetched.searched.id.clone();
        let record = match fetched.details {
            Ok(details) if details.id == id => details,
            Ok(details) => {
                report.warnings.push(format!(
                    "{id}: details answered for {}; the search result is used",
                    details.id
                ));
                fetched.searched
            }
            Err(FetchError::Unauthorized(api)) => return Err(unauthorized(api)),
            Err(e) => {
                report.warnings.push(format!(
                    "{id}: details not read ({e}); the search result is used"
                ));
                fetched.searched
            }
        };
        match fetched.copies {
            Ok(copies) => {
                availability.push((id, copies));
                records.push(record);
            }
            Err(FetchError::Unauthorized(api)) => return Err(unauthorized(api)),
            Err(e) => report.skip(id, format!("availability not read: {e}")),
        }
    }
    if breaker.tripped(config.give_up_after) {
        return Err(LiveError::Unreachable(unreachable_reason(&report)));
    }

    let (mut snapshot, mut report) = finish(&job.import, &records, &availability, report);
    if let Some(covers) = covers
        && !report.failed()
    {
        covers.resolve(&mut snapshot, &mut report).await;
    }
    Ok(publish(public_dir, &snapshot, report)?)
}

/// The last request failure in `report`, for [`LiveError::Unreachable`].
fn unreachable_reason(report: &ImportReport) -> String {
    report
        .skipped
        .iter()
        .rev()
        .find(|s| s.reason.contains("attempt"))
        .map(|s| format!("{}: {}", s.record, s.reason))
        .unwrap_or_else(|| "too many failed requests in a row".into())
}

/// Every page of every search; the records in first-seen order, without repeats.
/// `Err` only for a refused key.
async fn search_all(
    client: &LiveClient,
    job: &LiveImport<'_>,
    breaker: &Breaker,
    report: &mut ImportReport,
) -> Result<Vec<CatalogueRecord>, ApiError> {
    let config = client.config();
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    'queries: for query in job.queries {
        let mut page = 1;
        loop {
            if breaker.tripped(config.give_up_after) {
                break 'queries;
            }
            let result = match client.search(job.profile, query, page, breaker).await {
                Ok(result) => result,
                Err(FetchError::Unauthorized(api)) => return Err(api),
                Err(e) => {
                    report.skip(format!("search {query:?} page {page}"), e.to_string());
                    break;
                }
            };
            for unreadable in &result.unreadable {
                report.skip(
                    format!("search {query:?} page {page} {unreadable}"),
                    "unreadable search result",
                );
            }
            let on_page = result.records.len();
            for record in result.records {
                if seen.insert(record.id.clone()) {
                    found.push(record);
                }
            }
            let pages = result.count.div_ceil(u64::from(config.page_size.max(1)));
            if on_page == 0 || u64::from(page) >= pages {
                break;
            }
            if page >= config.max_pages {
                report.warnings.push(format!(
                    "search {query:?}: read {page} of {pages} pages (the limit)"
                ));
                break;
            }
            page += 1;
        }
    }
    Ok(found)
}

/// Details and availability of each candidate, a few at a time, in the given order.
async fn fetch_candidates(
    client: &LiveClient,
    job: &LiveImport<'_>,
    wanted: Vec<CatalogueRecord>,
    breaker: &Arc<Breaker>,
) -> Vec<Fetched> {
    let limit = Arc::new(Semaphore::new(client.config().concurrency.max(1)));
    let mut tasks = JoinSet::new();
    for (index, searched) in wanted.into_iter().enumerate() {
        let client = client.clone();
        let breaker = Arc::clone(breaker);
        let limit = Arc::clone(&limit);
        let profile = job.profile.to_string();
        let location = job.import.location.map(str::to_string);
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let details = client.details(&profile, &searched.id, &breaker).await;
            let copies = client
                .copies(&profile, &searched.id, location.as_deref(), &breaker)
                .await;
            Fetched {
                index,
                searched,
                details,
                copies,
            }
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(fetched) => done.push(fetched),
            Err(e) => tracing::warn!("catalogue task failed: {e}"),
        }
    }
    done.sort_by_key(|f| f.index);
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> LiveConfig {
        LiveConfig::new(
            "https://catalogue.example",
            ApiKey::new("secret").expect("key"),
        )
        .expect("config")
    }

    #[test]
    fn backoff_doubles_honours_retry_after_and_is_capped() {
        let c = config();
        assert_eq!(backoff_delay(&c, 1, None), Duration::from_secs(1));
        assert_eq!(backoff_delay(&c, 2, None), Duration::from_secs(2));
        assert_eq!(backoff_delay(&c, 3, None), Duration::from_secs(4));
        assert_eq!(backoff_delay(&c, 40, None), Duration::from_secs(30));
        assert_eq!(
            backoff_delay(&c, 1, Some(Duration::from_secs(7))),
            Duration::from_secs(7)
        );
        assert_eq!(
            backoff_delay(&c, 1, Some(Duration::from_secs(3600))),
            Duration::from_secs(30)
        );
    }

    #[test]
    fn urls_carry_profile_paging_and_key_and_the_key_never_shows_in_debug() {
        let client = LiveClient::new(config()).expect("client");
        let url = client
            .url(
                "wetteren",
                Endpoint::Search,
                &[("q", "a b&c"), ("page", "2")],
            )
            .expect("url");
        assert_eq!(
            url.as_str(),
            "https://catalogue.example/wetteren/search/?q=a+b%26c&page=2&lang=nl&authorization=secret"
        );
        assert!(!format!("{client:?}").contains("secret"));
        assert!(!format!("{:?}", config()).contains("secret"));
    }

    #[test]
    fn only_http_urls_and_plain_profiles_and_keys() {
        let key = || ApiKey::new("k").expect("key");
        for bad in [
            "ftp://x",
            "not a url",
            "https://x/?authorization=1",
            "mailto:a@b",
        ] {
            assert!(LiveConfig::new(bad, key()).is_err(), "{bad}");
        }
        assert!(ApiKey::new("  ").is_none());
        assert!(is_profile("wetteren") && is_profile("zbb"));
        for bad in ["", "a/b", "..", "a?b", "wet teren"] {
            assert!(!is_profile(bad), "{bad}");
        }
    }
}
