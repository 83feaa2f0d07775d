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

use suite_domain::bieblo::default_themes;
use suite_import::catalogue::theme_queries;
use tokio::sync::Mutex;

use super::catalogue::{CatalogueImport, snapshot_path};
use super::live::{LiveClient, LiveImport, import_live};
use super::now_rfc3339;
use crate::AppState;
use crate::db::locks::Work;

/// The shortest refresh interval `serve` accepts: the catalogue asks its users to go easy.
pub const MIN_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// What one library's run came to, for the log and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSummary {
    pub library: String,
    pub imported: usize,
    pub skipped: usize,
    pub warnings: usize,
    /// The run stopped early (refused key, catalogue down); its reason.
    pub error: Option<String>,
}

impl RunSummary {
    /// Whether the run published a new snapshot.
    pub fn published(&self) -> bool {
        self.error.is_none() && self.imported > 0
    }
}

/// Why a tick did nothing.
#[derive(Debug, thiserror::Error)]
pub enum TickError {
    #[error("the previous catalogue refresh is still running")]
    Busy,
    #[error("another instance is refreshing the catalogue")]
    BusyElsewhere,
    #[error("another instance refreshed the catalogue {0:?} ago")]
    RecentlyDone(Duration),
    #[error("cannot list the active kiosks: {0}")]
    Db(#[from] sqlx::Error),
}

/// Runs the live import for the active kiosks, one tick at a time.
#[derive(Debug, Clone)]
pub struct Refresher {
    state: AppState,
    client: LiveClient,
    /// Own searches for every library; `None`: the queries of each library's themes.
    queries: Option<Arc<Vec<String>>>,
    /// A tick started less than this after the last one (by any instance) does nothing:
    /// several instances with the same schedule refresh once per interval between them.
    min_gap: Duration,
    running: Arc<Mutex<()>>,
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
        Self {
            state,
            client,
            queries: None,
            min_gap: Duration::ZERO,
            running: Arc::new(Mutex::new(())),
        }
    }

    /// The same, searching `queries` instead.
    pub fn with_queries(mut self, queries: Vec<String>) -> Self {
        self.queries = Some(Arc::new(queries));
        self
    }

    /// Ticks started within `gap` of the last one (on any instance) do nothing.
    pub fn with_min_gap(mut self, gap: Duration) -> Self {
        self.min_gap = gap;
        self
    }

    /// One tick: refreshes every library with an active kiosk, in turn. `Busy` when a
    /// tick is still running here, `BusyElsewhere` on another instance, `RecentlyDone`
    /// when another instance's tick started less than the minimum gap ago.
    pub async fn tick(&self) -> Result<Vec<RunSummary>, TickError> {
        let Ok(_running) = self.running.try_lock() else {
            return Err(TickError::Busy);
        };
        let db = &self.state.db;
        let Some(lock) = db.try_instance_lock(Work::CatalogueRefresh).await? else {
            return Err(TickError::BusyElsewhere);
        };
        let outcome = self.tick_holding_the_lock().await;
        lock.release().await;
        outcome
    }

    async fn tick_holding_the_lock(&self) -> Result<Vec<RunSummary>, TickError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        if let Some(last) = self
            .state
            .db
            .work_last_started(Work::CatalogueRefresh)
            .await?
        {
            let since = Duration::from_secs(u64::try_from(now - last).unwrap_or(0));
            if since < self.min_gap {
                return Err(TickError::RecentlyDone(since));
            }
        }
        self.state
            .db
            .set_work_started(Work::CatalogueRefresh, now)
            .await?;
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
        let summary = RunSummary {
            library: library.to_string(),
            imported: report.imported,
            skipped: report.skipped.len(),
            warnings: report.warnings.len(),
            error,
        };
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

    /// Ticks now and then every `every`, until the process ends. A tick that runs
    /// longer than `every` delays the next one; ticks never overlap.
    /// With several instances, each ticks on its own schedule; a tick less than half an
    /// interval after another instance's does nothing, so the catalogue is asked about
    /// once per interval whatever the number of instances.
    pub fn spawn(self, every: Duration) -> tokio::task::JoinHandle<()> {
        let refresher = if self.min_gap.is_zero() {
            self.with_min_gap(every / 2)
        } else {
            self
        };
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(every);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                interval.tick().await;
                match refresher.tick().await {
                    Ok(runs) => tracing::info!(
                        libraries = runs.len(),
                        published = runs.iter().filter(|r| r.published()).count(),
                        "catalogue refresh done"
                    ),
                    Err(e @ (TickError::BusyElsewhere | TickError::RecentlyDone(_))) => {
                        tracing::info!("catalogue refresh left to another instance: {e}")
                    }
                    Err(e) => tracing::warn!("catalogue refresh skipped: {e}"),
                }
            }
        })
    }
}
