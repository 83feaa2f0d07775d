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
    let now = now_rfc3339();
    let job = ProgrammeImport {
        centre,
        centre_name: &org.name,
        now: &now,
        demo,
    };
    let (programme, mut report) = build_programme(&job, inputs, report);
    if report.failed() {
        report
            .warnings
            .push("nothing imported: the previous programme stays live".into());
    } else {
        let outcome = db
            .upsert_imported_programme(centre, &programme.venues, &programme.shows, &now)
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
    db.insert_import_run("events", "centre", centre, &now, &json)
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
/// (and so a failed import).
pub async fn import_url(
    db: &Db,
    public_dir: &Path,
    centre: &str,
    url: &str,
    timeout: Duration,
) -> Result<ImportReport, EventsImportError> {
    let mut report = ImportReport::new("events");
    let inputs = match fetch(url, timeout).await {
        Ok(body) => vec![(url.to_string(), body)],
        Err(reason) => {
            report.skip(url, reason);
            Vec::new()
        }
    };
    import_inputs(db, public_dir, centre, false, &inputs, report).await
}

/// GETs `url` (http or https) within `timeout`; the body as text, or why not.
pub async fn fetch(url: &str, timeout: Duration) -> Result<String, String> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err("the URL must start with http:// or https://".into());
    }
    let client = reqwest::Client::builder()
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
        .get(url)
        .header(
            reqwest::header::ACCEPT,
            "application/ld+json, application/json",
        )
        .send()
        .await
        .map_err(|e| format!("cannot fetch: {}", describe(&e)))?;
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

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        format!("cannot connect ({e})")
    } else {
        e.to_string()
    }
}
