//! Cover images for the kiosk: the importer fetches each kept book's cover from the URL
//! the catalogue gives, shrinks it to kiosk size, stores it as JPEG under
//! `<data-dir>/public/bieblo/covers/<hash of the URL>.jpg` and publishes our own URL
//! (`/data/bieblo/covers/<hash>.jpg`), so the kiosk never asks a third party for an image.
//!
//! A stored file is never fetched again (its name is the URL's hash). Fetches run a few
//! at a time, each with a timeout and a size limit, at most [`CoverSettings::max_fetches`]
//! per import, and only from public addresses ([`crate::net`]): cover URLs come from
//! catalogue data and staff uploads, so they must not reach into the server's network.
//! A cover that cannot be fetched or decoded is one generic warning in the report (the
//! reason goes to the server log only, so the report cannot be used to scan hosts) and
//! `cover: None`: the kiosk then draws one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use suite_domain::bieblo::Snapshot;
use suite_domain::import::ImportReport;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::write_atomically;

/// The one warning of a cover that could not be fetched or read, whatever the reason.
pub const COVER_FAILED: &str = "cover not fetched or not readable; the kiosk draws one";

/// Where covers are served, under `/data/`.
pub const COVERS_URL_PREFIX: &str = "/data/bieblo/covers/";
/// Hex digits of the URL's SHA-256 in a cover's file name.
const NAME_HEX: usize = 32;

/// How covers are fetched and sized.
#[derive(Debug, Clone)]
pub struct CoverSettings {
    /// Whole request, body included.
    pub timeout: Duration,
    /// Fetches at the same time.
    pub concurrency: usize,
    /// A larger image is refused.
    pub max_bytes: usize,
    /// Stored covers are at most this wide (narrower ones are kept as they are).
    pub max_width: u32,
    /// Most covers fetched in one import (stored ones do not count).
    pub max_fetches: usize,
    /// Whether loopback and private addresses may be fetched (tests' stand-ins only).
    pub allow_private: bool,
}

impl Default for CoverSettings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            concurrency: 4,
            max_bytes: 5 * 1024 * 1024,
            max_width: 300,
            max_fetches: 2_000,
            allow_private: false,
        }
    }
}

/// Why one cover could not be stored; the message goes into the report's warnings.
#[derive(Debug, thiserror::Error)]
pub enum CoverError {
    #[error("not an http(s) URL")]
    BadUrl,
    #[error("refused: {0}")]
    Refused(#[from] crate::net::FetchRefused),
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("request failed: {0}")]
    Request(String),
    #[error("HTTP {0}")]
    Status(u16),
    #[error("larger than {0} bytes")]
    TooLarge(usize),
    #[error("not an image that can be read: {0}")]
    Decode(String),
    #[error("cannot store it: {0}")]
    Store(String),
}

/// The file name of the cover fetched from `url`: `<first 32 hex digits of SHA-256>.jpg`.
pub fn cover_name(url: &str) -> String {
    let digest = Sha256::digest(url.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}.jpg", &hex[..NAME_HEX])
}

/// Whether `url` is a cover on this server as [`CoverStore`] publishes it.
pub fn is_own_cover(url: &str) -> bool {
    url.strip_prefix(COVERS_URL_PREFIX)
        .and_then(|name| name.strip_suffix(".jpg"))
        .is_some_and(|hex| {
            hex.len() == NAME_HEX
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Fetches and stores covers under `<public>/bieblo/covers/`. Cheap to clone.
#[derive(Debug, Clone)]
pub struct CoverStore {
    http: reqwest::Client,
    dir: PathBuf,
    settings: Arc<CoverSettings>,
}

impl CoverStore {
    /// A store for the public data folder `public_dir`.
    pub fn new(public_dir: &Path, settings: CoverSettings) -> Result<Self, reqwest::Error> {
        let http = crate::net::guarded_client(settings.allow_private)
            .timeout(settings.timeout)
            .user_agent(concat!("flemish-culture-suite/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            http,
            dir: public_dir.join("bieblo").join("covers"),
            settings: Arc::new(settings),
        })
    }

    /// The folder covers are stored in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Replaces every catalogue cover URL in `snapshot` by our own URL of the stored
    /// cover, fetching the ones not stored yet; a cover that fails becomes `None` and a
    /// warning in `report`.
    pub async fn resolve(&self, snapshot: &mut Snapshot, report: &mut ImportReport) {
        let mut urls: Vec<String> = snapshot
            .books
            .iter()
            .filter_map(|b| b.cover.clone())
            .filter(|url| !is_own_cover(url))
            .collect();
        urls.sort();
        urls.dedup();
        let mut outcomes = HashMap::new();
        let mut to_fetch = Vec::new();
        for url in urls {
            if self.dir.join(cover_name(&url)).is_file() {
                outcomes.insert(
                    url.clone(),
                    Ok(format!("{COVERS_URL_PREFIX}{}", cover_name(&url))),
                );
            } else {
                to_fetch.push(url);
            }
        }
        let over = to_fetch.len().saturating_sub(self.settings.max_fetches);
        if over > 0 {
            to_fetch.truncate(self.settings.max_fetches);
            report.warnings.push(format!(
                "{over} covers not fetched: at most {} per import",
                self.settings.max_fetches
            ));
        }
        outcomes.extend(self.fetch_all(to_fetch).await);
        for book in &mut snapshot.books {
            let Some(url) = book.cover.take() else {
                continue;
            };
            if is_own_cover(&url) {
                book.cover = Some(url);
                continue;
            }
            match outcomes.get(&url) {
                Some(Ok(own)) => book.cover = Some(own.clone()),
                Some(Err(reason)) => {
                    tracing::info!(book = %book.id, %reason, "cover not stored");
                    report.warnings.push(format!("{}: {COVER_FAILED}", book.id));
                }
                // Over the limit of fetches: said once above.
                None => {}
            }
        }
    }

    async fn fetch_all(&self, urls: Vec<String>) -> HashMap<String, Result<String, String>> {
        let limit = Arc::new(Semaphore::new(self.settings.concurrency.max(1)));
        let mut tasks = JoinSet::new();
        for url in urls {
            let store = self.clone();
            let limit = Arc::clone(&limit);
            tasks.spawn(async move {
                let outcome = match limit.acquire_owned().await {
                    Ok(_permit) => store.store(&url).await.map_err(|e| e.to_string()),
                    Err(_) => Err("cancelled".to_string()),
                };
                (url, outcome)
            });
        }
        let mut outcomes = HashMap::new();
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((url, outcome)) => {
                    outcomes.insert(url, outcome);
                }
                Err(e) => tracing::warn!("cover task failed: {e}"),
            }
        }
        outcomes
    }

    /// Our URL of the cover from `url`, fetching and storing it unless it is stored.
    pub async fn store(&self, url: &str) -> Result<String, CoverError> {
        let name = cover_name(url);
        let path = self.dir.join(&name);
        let own = format!("{COVERS_URL_PREFIX}{name}");
        if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_file()) {
            return Ok(own);
        }
        let parsed = reqwest::Url::parse(url).map_err(|_| CoverError::BadUrl)?;
        crate::net::check_url(&parsed, self.settings.allow_private)?;
        let bytes = self.download(parsed).await?;
        let max_width = self.settings.max_width;
        tokio::task::spawn_blocking(move || {
            let jpeg = suite_import::pictures::to_kiosk_jpeg(&bytes, max_width)
                .map_err(|e| CoverError::Decode(e.to_string()))?;
            write_atomically(&path, &jpeg).map_err(|e| CoverError::Store(e.to_string()))
        })
        .await
        .map_err(|e| CoverError::Store(e.to_string()))??;
        Ok(own)
    }

    async fn download(&self, url: reqwest::Url) -> Result<Vec<u8>, CoverError> {
        let timeout = self.settings.timeout;
        let request_error = |e: reqwest::Error| {
            if e.is_timeout() {
                CoverError::Timeout(timeout)
            } else {
                CoverError::Request(super::live::describe(&e))
            }
        };
        let mut response = self.http.get(url).send().await.map_err(request_error)?;
        if !response.status().is_success() {
            return Err(CoverError::Status(response.status().as_u16()));
        }
        let max = self.settings.max_bytes;
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(CoverError::TooLarge(max));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(request_error)? {
            if body.len() + chunk.len() > max {
                return Err(CoverError::TooLarge(max));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_url_hashes_and_only_those_are_our_covers() {
        let name = cover_name("https://covers.example/a.jpg");
        assert_eq!(name.len(), NAME_HEX + 4);
        assert_eq!(name, cover_name("https://covers.example/a.jpg"));
        assert_ne!(name, cover_name("https://covers.example/b.jpg"));
        assert!(is_own_cover(&format!("{COVERS_URL_PREFIX}{name}")));
        for other in [
            "https://covers.example/a.jpg",
            "/data/bieblo/covers/../x.jpg",
            "/data/bieblo/covers/ABCDEF0123456789ABCDEF0123456789.jpg",
            "/data/bieblo/covers/.jpg",
        ] {
            assert!(!is_own_cover(other), "{other}");
        }
    }
}
