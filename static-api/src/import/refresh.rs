//! The scheduled catalogue refresh of `serve --catalogue-refresh <every>`: on each tick
//! the live import runs for every library with an active kiosk, one library after the
//! other, and each run is recorded in the import-run history the back-office shows. A
//! tick never overlaps another; a failed run leaves that library's snapshot as it was.
//!
//! A library's catalogue profile is its id (`wetteren` → `<catalogue>/wetteren/…`). A
//! library whose published snapshot is demo data (`serve --demo`) is left alone.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::catalogue::{CatalogueImport, snapshot_path};
use super::live::{LiveClient, LiveImport, import_live};
use super::now_rfc3339;
use super::schedule::{Schedule, spawn_every};
use crate::AppState;
use crate::db::locks::Work;
use suite_domain::bieblo::default_themes;
use suite_import::catalogue::theme_queries;

pub use super::schedule::{MIN_INTERVAL, RunSummary, TickError};

/// Runs the live import for the active kiosks, one tick at a time.
#[derive(Debug, Clone)]
pub struct Refresher {
    state: AppState,
    client: LiveClient,
    /// Own searches for every library; `None`: the queries of each library's themes.
    queries: Option<Arc<Vec<String>>>,
    schedule: Schedule,
}

/// Whether the snapshot published for `library` is generated demo data.
async fn has_demo_snapshot(public_dir: &Path, library: &str) -> bool {
    tokio::fs::read(snapshot_path(public_dir, library))
        .await
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|json| json.get("demo").and_then(serde_json::Value::as_bool))
        .unwrap_or(false)
}

impl Refresher {
    /// A refresher searching, per library, the queries of its themes.
    pub fn new(state: AppState, client: LiveClient) -> Self {
        let schedule = Schedule::new(state.db.clone(), Work::CatalogueRefresh);
        Self {
            state,
            client,
            queries: None,
            schedule,
        }
    }

    /// The same, searching `queries` instead.
    pub fn with_queries(mut self, queries: Vec<String>) -> Self {
        self.queries = Some(Arc::new(queries));
        self
    }

    /// Ticks started within `gap` of the last one (on any instance) do nothing.
    pub fn with_min_gap(mut self, gap: Duration) -> Self {
        self.schedule.min_gap = gap;
        self
    }

    /// One tick: refreshes every library with an active kiosk, in turn (see
    /// [`Schedule::tick`] for when it does nothing).
    pub async fn tick(&self) -> Result<Vec<RunSummary>, TickError> {
        self.schedule.tick(|| self.refresh_all()).await
    }

    async fn refresh_all(&self) -> Result<Vec<RunSummary>, TickError> {
        let public = self.state.config.public_data_dir();
        let mut summaries = Vec::new();
        // Once per library, however many of its branches' kiosks are on.
        let mut libraries: Vec<String> = Vec::new();
        for kiosk in self.state.db.active_kiosks().await? {
            if !libraries.contains(&kiosk.library) {
                libraries.push(kiosk.library);
            }
        }
        for library in libraries {
            if has_demo_snapshot(&public, &library).await {
                tracing::info!(%library, "catalogue refresh: demo snapshot left alone");
                continue;
            }
            summaries.push(self.refresh(&library).await);
        }
        Ok(summaries)
    }

    /// Runs the live import for `library` (profile = its id) and records the run.
    pub async fn refresh(&self, library: &str) -> RunSummary {
        self.refresh_run(library).await.0
    }

    /// [`Self::refresh`], with the run as the back-office shows it.
    pub async fn refresh_run(&self, library: &str) -> (RunSummary, suite_domain::api::ImportRun) {
        let started_at = now_rfc3339();
        // The library's own themes tag the books and, unless searches were given, say
        // what to search.
        let themes = match self.state.db.library_themes(library).await {
            Ok(themes) => themes,
            Err(e) => {
                tracing::error!(%library, "cannot read the library's themes ({e}); using the defaults");
                default_themes()
            }
        };
        let queries = match &self.queries {
            Some(queries) => queries.to_vec(),
            None => theme_queries(&themes),
        };
        let job = LiveImport {
            import: CatalogueImport {
                library,
                location: None,
                demo: false,
                now: &started_at,
                themes: &themes,
            },
            profile: library,
            queries: &queries,
        };
        let public = self.state.config.public_data_dir();
        let outcome = import_live(&self.client, &job, &public, Some(&self.state.covers)).await;
        let (report, error) = match outcome {
            Ok(report) => (report, None),
            Err(e) => (e.to_report(), Some(e.to_string())),
        };
        if let Err(e) = self
            .state
            .record_import_run("catalogue-live", "library", library, &started_at, &report)
            .await
        {
            tracing::error!(%library, "cannot record the catalogue refresh: {e}");
        }
        let summary = RunSummary::of(library, &report, error);
        if summary.published() {
            let path = snapshot_path(&public, library);
            crate::live_bus::announce_published(self.state.live.as_ref(), &public, &path).await;
        }
        match &summary.error {
            None => tracing::info!(
                %library,
                imported = summary.imported,
                skipped = summary.skipped,
                warnings = summary.warnings,
                published = summary.published(),
                "catalogue refresh"
            ),
            Some(error) => {
                tracing::warn!(%library, %error, "catalogue refresh failed; the previous snapshot stays live")
            }
        }
        (summary, suite_domain::api::ImportRun { started_at, report })
    }

    /// Ticks now and then every `every`, until the process ends; ticks never overlap.
    /// With several instances, each ticks on its own schedule; a tick less than half an
    /// interval after another instance's does nothing, so the catalogue is asked about
    /// once per interval whatever the number of instances.
    pub fn spawn(self, every: Duration) -> tokio::task::JoinHandle<()> {
        let refresher = if self.schedule.min_gap.is_zero() {
            self.with_min_gap(every / 2)
        } else {
            self
        };
        spawn_every(every, "catalogue refresh", move || {
            let refresher = refresher.clone();
            async move { refresher.tick().await }
        })
    }
}
