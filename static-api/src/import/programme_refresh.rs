//! The scheduled programme refresh of `serve --programme-refresh <every>`: on each tick
//! every centre with a programme source (set by its staff) and an active Culture Matcher
//! subscription is imported from UiTdatabank, one centre after the other, each run
//! recorded in the import history the back-office shows. Staff's "Importeer nu" runs
//! the same import for their centre ([`ProgrammeRefresher::import`]). A failed run
//! leaves the centre's programme as it was, and is recorded with its reason.

use std::time::Duration;

use suite_domain::api::ImportRun;
use suite_domain::culture::source::{ProgrammeSource, SourceKind, fetch_url};
use suite_domain::import::ImportReport;

use super::events::{FETCH_TIMEOUT, import_url_at, redact_url};
use super::now_rfc3339;
use super::schedule::{RunSummary, Schedule, TickError, spawn_every};
use crate::AppState;
use crate::db::culture::programme_path;
use crate::db::locks::Work;

/// Imports the centres' programmes from their sources, one tick at a time.
#[derive(Debug, Clone)]
pub struct ProgrammeRefresher {
    state: AppState,
    schedule: Schedule,
    timeout: Duration,
}

impl ProgrammeRefresher {
    pub fn new(state: AppState) -> Self {
        let schedule = Schedule::new(state.db.clone(), Work::ProgrammeRefresh);
        Self {
            state,
            schedule,
            timeout: FETCH_TIMEOUT,
        }
    }

    /// Ticks started within `gap` of the last one (on any instance) do nothing.
    pub fn with_min_gap(mut self, gap: Duration) -> Self {
        self.schedule.min_gap = gap;
        self
    }

    /// A fetch of a source may take this long.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// One tick: imports every centre with a source and an active subscription, in
    /// turn (see [`Schedule::tick`] for when it does nothing).
    pub async fn tick(&self) -> Result<Vec<RunSummary>, TickError> {
        self.schedule.tick(|| self.refresh_all()).await
    }

    async fn refresh_all(&self) -> Result<Vec<RunSummary>, TickError> {
        let mut summaries = Vec::new();
        for centre in self.state.db.centres_to_refresh().await? {
            summaries.push(self.import(&centre.centre, &centre.source).await.0);
        }
        Ok(summaries)
    }

    /// The URL fetched for `source`: an organiser's events through the configured
    /// search, with the operator's key when there is one.
    fn url_of(&self, source: &ProgrammeSource) -> String {
        let config = &self.state.config;
        let url = fetch_url(source, &config.uitdatabank_url);
        match (&config.uitdatabank_key, source.kind) {
            (Some(key), SourceKind::Organiser) => match reqwest::Url::parse(&url) {
                Ok(mut parsed) => {
                    parsed.query_pairs_mut().append_pair("apiKey", key.expose());
                    parsed.to_string()
                }
                Err(_) => url,
            },
            _ => url,
        }
    }

    /// Fetches `source` and imports it into `centre`'s programme; records the run
    /// (also one that could not finish) and answers it as the back-office shows it.
    pub async fn import(&self, centre: &str, source: &ProgrammeSource) -> (RunSummary, ImportRun) {
        let started_at = now_rfc3339();
        let (state, public) = (&self.state, self.state.config.public_data_dir());
        let url = self.url_of(source);
        let allow_private = state.config.allow_private_fetch;
        let imported = import_url_at(
            &state.db,
            &public,
            centre,
            &url,
            self.timeout,
            allow_private,
            &started_at,
        )
        .await;
        let (report, error) = match imported {
            Ok(report) => {
                // The import recorded the run itself; count it too.
                state.metrics.record_import("events", &report);
                let error = report
                    .failed()
                    .then(|| report.skipped.first().map(|s| s.reason.clone()))
                    .flatten();
                (report, error)
            }
            Err(e) => {
                let mut report = ImportReport::new("events");
                report.skip(redact_url(&url), e.to_string());
                let recorded = state
                    .record_import_run("events", "centre", centre, &started_at, &report)
                    .await;
                if let Err(e) = recorded {
                    tracing::error!(%centre, "cannot record the programme import: {e}");
                }
                (report, Some(e.to_string()))
            }
        };
        let summary = RunSummary::of(centre, &report, error);
        if !report.failed() {
            let path = programme_path(&public, centre);
            crate::live_bus::announce_published(state.live.as_ref(), &public, &path).await;
        }
        match &summary.error {
            None => tracing::info!(
                %centre,
                imported = summary.imported,
                skipped = summary.skipped,
                warnings = summary.warnings,
                "programme import"
            ),
            Some(error) => {
                tracing::warn!(%centre, %error, "programme import failed; the previous programme stays live")
            }
        }
        (summary, ImportRun { started_at, report })
    }

    /// Ticks now and then every `every`, until the process ends; ticks never overlap,
    /// and with several instances a tick less than half an interval after another
    /// instance's does nothing.
    pub fn spawn(self, every: Duration) -> tokio::task::JoinHandle<()> {
        let refresher = if self.schedule.min_gap.is_zero() {
            self.with_min_gap(every / 2)
        } else {
            self
        };
        spawn_every(every, "programme refresh", move || {
            let refresher = refresher.clone();
            async move { refresher.tick().await }
        })
    }
}
