//! `static-api import events`: UiTdatabank events (JSON-LD files, or a URL that serves
//! them) into a centre's Culture Matcher programme: stored in the database with the
//! centre's own choices kept, then published at `/data/culture-matcher/<centre>.json`.
//! When nothing could be imported, nothing changes and the previous programme stays.

use std::path::{Path, PathBuf};
use std::time::Duration;

use suite_domain::import::ImportReport;
use suite_domain::org::{OrgKind, OrgRef};
use suite_import::events::{ProgrammeImport, build_programme};

use super::{is_safe_id, now_rfc3339, read_inputs};
use crate::db::Db;
use crate::db::culture::PublishError;

/// How long a fetch of events may take, connecting included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest response accepted, in bytes.
pub const FETCH_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Why an import could not even start, or could not finish storing.
#[derive(Debug, thiserror::Error)]
pub enum EventsImportError {
    #[error("centre id {0:?} must be lower-case letters, digits, '-' or '_'")]
    BadCentreId(String),
    #[error("no centre {0:?}: create the organisation first")]
    UnknownCentre(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("publishing: {0}")]
    Publish(#[from] PublishError),
}

/// Parses `inputs` (name, body), stores the events for `centre` and publishes its
/// programme when at least one show was read; records the run with its report.
pub async fn import_inputs(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    demo: bool,
    inputs: &[(String, String)],
    report: ImportReport,
) -> Result<ImportReport, EventsImportError> {
    let now = now_rfc3339();
    import_inputs_at(db, public_dir, centre, demo, inputs, report, &now).await
}

/// [`import_inputs`] for a run that started at `now` (RFC 3339), as it is recorded.
async fn import_inputs_at(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    demo: bool,
    inputs: &[(String, String)],
    report: ImportReport,
    now: &str,
) -> Result<ImportReport, EventsImportError> {
    if !is_safe_id(centre) {
        return Err(EventsImportError::BadCentreId(centre.to_string()));
    }
    let org = db
        .get_org(&OrgRef {
            kind: OrgKind::Centre,
            id: centre.to_string(),
        })
        .await?
        .ok_or_else(|| EventsImportError::UnknownCentre(centre.to_string()))?;
    let job = ProgrammeImport {
        centre,
        centre_name: &org.name,
        now,
        demo,
    };
    let (programme, mut report) = build_programme(&job, inputs, report);
    if report.failed() {
        report
            .warnings
            .push("nothing imported: the previous programme stays live".into());
    } else {
        let outcome = db
            .upsert_imported_programme(centre, &programme.venues, &programme.shows, now)
            .await?;
        for id in &outcome.staff_kept {
            report.warnings.push(format!(
                "event {id} has the id of a show made by staff: the staff show is kept"
            ));
        }
        report.imported = report.imported.saturating_sub(outcome.staff_kept.len());
        db.publish_programme(centre, public_dir).await?;
    }
    let json = serde_json::to_string(&report).unwrap_or_default();
    db.insert_import_run("events", "centre", centre, now, &json)
        .await?;
    Ok(report)
}

/// Reads `files` and imports them.
pub async fn import_files(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    files: &[PathBuf],
) -> Result<ImportReport, EventsImportError> {
    let mut report = ImportReport::new("events");
    let inputs = read_inputs(files, &mut report);
    import_inputs(db, public_dir, centre, false, &inputs, report).await
}

/// Fetches `url` and imports what it serves; a failed fetch is a skip in the report
/// (and so a failed import). The report and the stored run name the URL without its
/// query or user part (they may carry an API key). Unless `allow_private`, only public
/// addresses are fetched ([`crate::net`]).
pub async fn import_url(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    url: &str,
    timeout: Duration,
    allow_private: bool,
) -> Result<ImportReport, EventsImportError> {
    let now = now_rfc3339();
    import_url_at(db, public_dir, centre, url, timeout, allow_private, &now).await
}

/// [`import_url`] for a run that started at `now` (RFC 3339), as it is recorded.
pub(crate) async fn import_url_at(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    url: &str,
    timeout: Duration,
    allow_private: bool,
    now: &str,
) -> Result<ImportReport, EventsImportError> {
    let mut report = ImportReport::new("events");
    let shown = redact_url(url);
    let inputs = match fetch(url, timeout, allow_private).await {
        Ok(body) => vec![(shown, body)],
        Err(reason) => {
            report.skip(shown, reason);
            Vec::new()
        }
    };
    import_inputs_at(db, public_dir, centre, false, &inputs, report, now).await
}

/// `url` as it may be shown and stored: scheme, host, port and path; a query or a user
/// part is replaced by `…`.
pub fn redact_url(url: &str) -> String {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return "(not a URL)".into();
    };
    let host = parsed.host_str().unwrap_or_default();
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let user = if parsed.username().is_empty() && parsed.password().is_none() {
        ""
    } else {
        "…@"
    };
    let query = if parsed.query().is_some() { "?…" } else { "" };
    format!(
        "{}://{user}{host}{port}{}{query}",
        parsed.scheme(),
        parsed.path()
    )
}

/// GETs `url` (http or https) within `timeout`; the body as text, or why not. The
/// reasons are plain and the same for every address that is not fetched.
pub async fn fetch(url: &str, timeout: Duration, allow_private: bool) -> Result<String, String> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| "the URL must start with http:// or https://".to_string())?;
    if let Err(refused) = crate::net::check_url(&parsed, allow_private) {
        return Err(match refused {
            crate::net::FetchRefused::NotHttp => {
                "the URL must start with http:// or https://".into()
            }
            crate::net::FetchRefused::PrivateAddress(_) => {
                "cannot fetch: address not allowed".into()
            }
        });
    }
    let client = crate::net::guarded_client(allow_private)
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(concat!(
            "static-api/",
            env!("CARGO_PKG_VERSION"),
            " (events import)"
        ))
        .build()
        .map_err(|e| format!("cannot make an HTTP client: {e}"))?;
    let mut response = client
        .get(parsed)
        .header(
            reqwest::header::ACCEPT,
            "application/ld+json, application/json",
        )
        .send()
        .await
        .map_err(|e| {
            tracing::info!(url = %redact_url(url), "events fetch failed: {e}");
            format!("cannot fetch: {}", describe(&e))
        })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("cannot read the answer: {}", describe(&e)))?
    {
        if body.len() + chunk.len() > FETCH_MAX_BYTES {
            return Err(format!("the answer is larger than {FETCH_MAX_BYTES} bytes"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// A short reason that names no address (the error's own text may).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() || e.is_redirect() {
        "cannot connect".into()
    } else {
        "the request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_query_or_user() {
        assert_eq!(
            redact_url("https://search.uitdatabank.be/events/?apiKey=secret-123&q=x"),
            "https://search.uitdatabank.be/events/?…"
        );
        assert_eq!(
            redact_url("http://user:pw@example.org:8080/a.json"),
            "http://…@example.org:8080/a.json"
        );
        assert_eq!(
            redact_url("https://example.org/a.json"),
            "https://example.org/a.json"
        );
        assert_eq!(redact_url("not a url"), "(not a URL)");
    }
}
