//! The suite's one server: serves the built apps and static JSON, and the `/api`
//! functions, on an embedded SQLite database.
//!
//! Architecture invariant: this is the only crate that touches the database and the
//! file system; handlers are thin (parse, call the domain, store, answer).

pub mod audit;
pub mod auth;
pub mod backup;
pub mod config;
pub mod db;
pub mod demo;
pub mod embedded_site;
pub mod ereader_admin;
pub mod ereader_books;
pub mod error;
pub mod export;
pub mod import;
pub mod live_bus;
pub mod metrics;
pub mod net;
pub mod nul;
pub mod programme_index;
pub mod publish;
pub mod rate_limit;
pub mod routes;
pub mod security;
pub mod service;
pub mod site;

use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;
pub use error::AppError;

/// Everything a handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: db::Db,
    pub config: Arc<Config>,
    pub login_limiter: Arc<auth::LoginLimiter>,
    /// Runs argon2 a few at a time (a burst of logins cannot exhaust memory).
    pub passwords: Arc<auth::PasswordGate>,
    /// Who an e-reader member's card and PIN belong to (the store's own list).
    pub members: Arc<dyn auth::member::MemberDirectory>,
    /// The e-reader's books last opened.
    pub books: Arc<ereader_books::OpenBooks>,
    /// Token buckets and daily caps of the public (anonymous) writes.
    pub public_writes: Arc<rate_limit::PublicWrites>,
    /// Uploads held in memory at once (catalogue files, pictures, trailers).
    pub uploads: Arc<tokio::sync::Semaphore>,
    /// The shows of the published Culture Matcher programmes.
    pub programmes: Arc<programme_index::ProgrammeIndex>,
    /// Fetches and stores the covers of imported books.
    pub covers: import::covers::CoverStore,
    /// Live events to the live views of every instance (see [`live_bus`]).
    pub live: Arc<dyn live_bus::LiveBus>,
    /// Counters for operators (`/metrics`).
    pub metrics: Arc<metrics::Metrics>,
    /// The live catalogue API, when a key is configured: staff's "refresh now" (and the
    /// scheduled refresh) read it.
    pub catalogue: Option<import::live::LiveClient>,
}

/// Uploads read at once; one more waits [`UPLOAD_WAIT`], then is answered 503.
pub const UPLOADS_AT_ONCE: usize = 4;
/// How long an upload waits for its turn.
pub const UPLOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Why the server's state could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("cannot set up the HTTP client for covers: {0}")]
    Http(String),
}

impl AppState {
    /// Opens (and migrates) the configured database: PostgreSQL at the database URL, or
    /// SQLite in the data directory.
    pub async fn open(config: Config) -> Result<Self, OpenError> {
        let db = db::Db::connect(&config.data_dir, config.database_url.as_ref()).await?;
        let covers = import::covers::CoverStore::new(
            &config.public_data_dir(),
            import::covers::CoverSettings {
                allow_private: config.allow_private_fetch,
                ..import::covers::CoverSettings::default()
            },
        )
        .map_err(|e| OpenError::Http(import::live::describe(&e)))?;
        let live = live_bus::for_database(config.database_url.as_ref());
        let login_limiter = Arc::new(auth::LoginLimiter::for_db(&db));
        let public_writes = Arc::new(rate_limit::PublicWrites::for_db(&db));
        Ok(Self {
            db,
            config: Arc::new(config),
            login_limiter,
            passwords: Arc::new(auth::PasswordGate::default()),
            members: Arc::new(auth::member::LocalMembers),
            books: Arc::default(),
            public_writes,
            uploads: Arc::new(tokio::sync::Semaphore::new(UPLOADS_AT_ONCE)),
            programmes: Arc::default(),
            covers,
            live,
            metrics: Arc::default(),
            catalogue: None,
        })
    }

    /// Records an import run (its report as JSON) and counts it for `/metrics`.
    pub async fn record_import_run(
        &self,
        kind: &str,
        org_kind: &str,
        org_id: &str,
        started_at: &str,
        report: &suite_domain::import::ImportReport,
    ) -> Result<(), AppError> {
        self.metrics.record_import(kind, report);
        let json = serde_json::to_string(report).map_err(|e| AppError::Internal(e.to_string()))?;
        self.db
            .insert_import_run(kind, org_kind, org_id, started_at, &json)
            .await?;
        Ok(())
    }
}

/// The whole router: `/api`, `/data`, `/metrics` and the static site, with security
/// headers; every request counted and logged by its route (`metrics::track`).
pub fn app(state: AppState) -> Router {
    let (api, _openapi) = routes::api(&state);
    let router = Router::new()
        .merge(api.with_state(state.clone()))
        .route(
            "/metrics",
            axum::routing::any(metrics::serve_metrics).with_state(state.clone()),
        )
        .merge(site::router(state.clone()));
    // Outside the other layers: it sees their answers too (a panic's 500, a refused
    // cross-site request), and inside the router: the matched route is known.
    let allowed = Arc::new(state.config.allowed_origins.clone());
    with_layers(router, allowed).layer(axum::middleware::from_fn_with_state(state, metrics::track))
}

/// The layers every answer passes through. The panic catcher sits inside the header
/// layer, so a handler's panic is answered 500 with the security headers too.
/// `allowed_origins`: the static hosts of an export (`Config::allowed_origins`).
pub fn with_layers(router: Router, allowed_origins: Arc<Vec<String>>) -> Router {
    router
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            error::panic_response,
        ))
        .layer(axum::middleware::from_fn_with_state(
            allowed_origins,
            security::guard_unsafe_methods,
        ))
        .layer(axum::middleware::from_fn(security::add_security_headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// Removes what is kept no longer than a while: the own words of after-show answers and
/// the lines of the audit log older than their retention. Once at start, then daily,
/// until the process ends.
pub fn spawn_housekeeping(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut daily = tokio::time::interval(std::time::Duration::from_secs(86_400));
        loop {
            daily.tick().await;
            match housekeeping(&state).await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(removed, "old after-show words removed"),
                Err(e) => tracing::error!("housekeeping failed: {e}"),
            }
        }
    })
}

/// How often the e-reader's loans and holds that ran out are settled.
pub const LENDING_TICK: std::time::Duration = std::time::Duration::from_secs(30);

/// Settles the e-reader's loans and holds that ran out, every [`LENDING_TICK`], so a
/// freed licence is held for the next member in the queue without waiting for anyone
/// to look at the title. Several instances may all tick: each title is settled in its
/// own transaction under the title's lock, and settling twice changes nothing.
pub fn spawn_lending_clock(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(LENDING_TICK);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match state
                .db
                .ereader_settle_due(&state.config.lending, auth::now_unix())
                .await
            {
                Ok(events) if events.is_empty() => {}
                Ok(events) => {
                    tracing::info!(events = events.len(), "e-book loans and holds settled")
                }
                Err(e) => tracing::error!("settling e-book loans failed: {e}"),
            }
        }
    })
}

/// One round of [`spawn_housekeeping`]; how many answers' words were removed.
pub async fn housekeeping(state: &AppState) -> Result<u64, sqlx::Error> {
    let before = |retention: std::time::Duration| {
        let keep = time::Duration::try_from(retention).unwrap_or(time::Duration::days(365));
        time::OffsetDateTime::now_utc() - keep
    };
    let cutoff = before(state.config.feedback_retention).date();
    let day = format!(
        "{:04}-{:02}-{:02}",
        cutoff.year(),
        u8::from(cutoff.month()),
        cutoff.day()
    );
    let audit_cutoff = before(state.config.audit_retention)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let lines = state.db.purge_audit_log(&audit_cutoff).await?;
    if lines > 0 {
        tracing::info!(lines, "old lines of the audit log removed");
    }
    let stamp = |retention| {
        before(retention)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let stale = stamp(BIBSTER_SESSION_LONGEST);
    let photos = stamp(BIBSTER_PHOTO_RETENTION);
    tidy_bibster(state, &stale, &photos).await?;
    state.db.purge_feedback_words(&day).await
}

/// Bibster's part of the housekeeping: sessions started before `stale` that still run
/// end, and the teams' photos of sessions that ended before `photos` are removed (a
/// photo may show children: kept only for the leader's review and a look back).
async fn tidy_bibster(state: &AppState, stale: &str, photos: &str) -> Result<(), sqlx::Error> {
    let now = crate::import::now_rfc3339();
    let ended = state.db.end_stale_bibster_sessions(stale, &now).await?;
    if ended > 0 {
        tracing::info!(ended, "Bibster sessions a day old ended");
    }
    let gone = state.db.bibster_sessions_ended_before(photos).await?;
    let folders: Vec<std::path::PathBuf> = gone
        .into_iter()
        .map(|id| routes::bibster_photo_dir(state, id))
        .filter(|dir| dir.is_dir())
        .collect();
    if !folders.is_empty() {
        let removed = folders.len();
        let result = tokio::task::spawn_blocking(move || {
            folders.iter().try_for_each(std::fs::remove_dir_all)
        })
        .await;
        match result {
            Ok(Ok(())) => tracing::info!(sessions = removed, "old Bibster photos removed"),
            Ok(Err(e)) => tracing::error!("cannot remove old Bibster photos: {e}"),
            Err(e) => tracing::error!("removing old Bibster photos: {e}"),
        }
    }
    Ok(())
}

/// A Bibster session still running this long after it started ends by itself.
pub const BIBSTER_SESSION_LONGEST: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
/// The teams' photos of a Bibster session are removed this long after it ended.
pub const BIBSTER_PHOTO_RETENTION: std::time::Duration =
    std::time::Duration::from_secs(7 * 24 * 3600);

/// Limits of the connections the server takes (against slow and idle clients holding
/// them: slowloris).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Connections open at once; a connection beyond it is closed at once.
    pub max_connections: usize,
    /// Time a client has to send a request's headers, and to start the next request on
    /// a kept-alive connection (so an idle connection is closed after it too).
    pub header_timeout: std::time::Duration,
    /// Time an `/api` request may take until its answer starts (body uploads included).
    pub request_timeout: std::time::Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            max_connections: 1_024,
            header_timeout: std::time::Duration::from_secs(20),
            request_timeout: std::time::Duration::from_secs(120),
        }
    }
}

/// Serves the app on `listener` until the process is stopped, with the default limits.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with(
        listener,
        state,
        ConnectionLimits::default(),
        shutdown_signal(),
    )
    .await
}

/// Serves the app on `listener` until `stop` completes; then takes no new connections
/// and waits for the requests under way.
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    limits: ConnectionLimits,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use axum::extract::ConnectInfo;
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt;

    let db = state.db.clone();
    let counts = db::pending_counts::spawn_writer(db.clone());
    let router = app(state).layer(tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        limits.request_timeout,
    ));
    let open = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    let mut refused_logged = std::time::Instant::now() - std::time::Duration::from_secs(60);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment, go on.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Headers and body go out in separate writes: without this, Nagle's algorithm
        // and the client's delayed ACK hold every small answer back 40 ms.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!("cannot set TCP_NODELAY: {e}");
        }
        let Ok(permit) = Arc::clone(&open).try_acquire_owned() else {
            if refused_logged.elapsed() > std::time::Duration::from_secs(10) {
                tracing::warn!(
                    max = limits.max_connections,
                    "connection limit reached; closing new connections"
                );
                refused_logged = std::time::Instant::now();
            }
            drop(stream);
            continue;
        };
        let service = router.clone().map_request(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        );
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(
                TokioIo::new(stream),
                hyper_util::service::TowerToHyperService::new(service),
            );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _open = permit;
            if let Err(e) = connection.await {
                tracing::debug!("connection ended: {e}");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    counts.abort();
    if let Err(e) = db.write_pending_counts().await {
        tracing::error!("cannot write the last interaction counts: {e}");
    }
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM (what service managers and container runtimes send): stop taking
/// connections, finish the requests under way, then return.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    tracing::info!("shutting down: finishing the requests under way");
}
