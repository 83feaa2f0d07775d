//! What every scheduled import shares (the catalogue refresh, `refresh`, and the
//! programme refresh, `programme_refresh`): a tick never overlaps another in this
//! process, one instance at a time does the work (`db::locks`), a tick soon after
//! another instance's does nothing, and the summary of each organisation's run.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;

use crate::db::Db;
use crate::db::locks::Work;

/// The shortest interval of a scheduled refresh: the sources ask their users to go easy.
pub const MIN_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// What one organisation's run came to, for the log and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSummary {
    /// The library or centre.
    pub org: String,
    pub imported: usize,
    pub skipped: usize,
    pub warnings: usize,
    /// The run stopped early (refused key, source down); its reason.
    pub error: Option<String>,
}

impl RunSummary {
    /// The summary of a run's report; `error` when it stopped early.
    pub fn of(
        org: &str,
        report: &suite_domain::import::ImportReport,
        error: Option<String>,
    ) -> Self {
        Self {
            org: org.to_string(),
            imported: report.imported,
            skipped: report.skipped.len(),
            warnings: report.warnings.len(),
            error,
        }
    }

    /// Whether the run published something new.
    pub fn published(&self) -> bool {
        self.error.is_none() && self.imported > 0
    }
}

/// Why a tick did nothing.
#[derive(Debug, thiserror::Error)]
pub enum TickError {
    #[error("the previous run is still going")]
    Busy,
    #[error("another instance is running it")]
    BusyElsewhere,
    #[error("another instance ran it {0:?} ago")]
    RecentlyDone(Duration),
    #[error("cannot list what to refresh: {0}")]
    Db(#[from] sqlx::Error),
}

/// One kind of scheduled work on one database: whether a tick may run now.
#[derive(Debug, Clone)]
pub struct Schedule {
    db: Db,
    work: Work,
    /// A tick started less than this after the last one (by any instance) does nothing:
    /// several instances with the same schedule run once per interval between them.
    pub(crate) min_gap: Duration,
    running: Arc<Mutex<()>>,
}

impl Schedule {
    pub fn new(db: Db, work: Work) -> Self {
        Self {
            db,
            work,
            min_gap: Duration::ZERO,
            running: Arc::new(Mutex::new(())),
        }
    }

    /// Runs `body` as one tick: `Busy` when a tick is still running here,
    /// `BusyElsewhere` on another instance, `RecentlyDone` when another instance's tick
    /// started less than the minimum gap ago.
    pub async fn tick<T, Fut>(&self, body: impl FnOnce() -> Fut) -> Result<T, TickError>
    where
        Fut: Future<Output = Result<T, TickError>>,
    {
        let Ok(_running) = self.running.try_lock() else {
            return Err(TickError::Busy);
        };
        let Some(lock) = self.db.try_instance_lock(self.work).await? else {
            return Err(TickError::BusyElsewhere);
        };
        let outcome = match self.start().await {
            Ok(()) => body().await,
            Err(e) => Err(e),
        };
        lock.release().await;
        outcome
    }

    /// Notes the start, unless another instance started less than the gap ago.
    async fn start(&self) -> Result<(), TickError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        if let Some(last) = self.db.work_last_started(self.work).await? {
            let since = Duration::from_secs(u64::try_from(now - last).unwrap_or(0));
            if since < self.min_gap {
                return Err(TickError::RecentlyDone(since));
            }
        }
        self.db.set_work_started(self.work, now).await?;
        Ok(())
    }
}

/// Calls `tick` now and then every `every`, until the process ends, logging what each
/// gave (`what`: "catalogue refresh"). A tick that runs longer than `every` delays the
/// next one.
pub fn spawn_every<F, Fut>(
    every: Duration,
    what: &'static str,
    tick: F,
) -> tokio::task::JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = Result<Vec<RunSummary>, TickError>> + Send,
{
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match tick().await {
                Ok(runs) => tracing::info!(
                    organisations = runs.len(),
                    published = runs.iter().filter(|r| r.published()).count(),
                    "{what} done"
                ),
                Err(e @ (TickError::BusyElsewhere | TickError::RecentlyDone(_))) => {
                    tracing::info!("{what} left to another instance: {e}")
                }
                Err(e) => tracing::warn!("{what} skipped: {e}"),
            }
        }
    })
}
