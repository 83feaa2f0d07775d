//! The suite's one server: serves the built apps and static JSON, and the `/api`
//! functions, on an embedded SQLite database.
//!
//! Architecture invariant: this is the only crate that touches the database and the
//! file system; handlers are thin (parse, call the domain, store, answer).

pub mod auth;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod import;
pub mod programme_index;
pub mod routes;
pub mod security;
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
    /// The shows of the published Culture Matcher programmes.
    pub programmes: Arc<programme_index::ProgrammeIndex>,
    /// Fetches and stores the covers of imported books.
    pub covers: import::covers::CoverStore,
}

/// Why the server's state could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("cannot set up the HTTP client for covers: {0}")]
    Http(String),
}

impl AppState {
    /// Opens (and migrates) the database in the configured data directory.
    pub async fn open(config: Config) -> Result<Self, OpenError> {
        let db = db::Db::open(&config.data_dir).await?;
        let covers = import::covers::CoverStore::new(
            &config.public_data_dir(),
            import::covers::CoverSettings::default(),
        )
        .map_err(|e| OpenError::Http(import::live::describe(&e)))?;
        Ok(Self {
            db,
            config: Arc::new(config),
            login_limiter: Arc::new(auth::LoginLimiter::default()),
            programmes: Arc::default(),
            covers,
        })
    }
}

/// The whole router: `/api`, `/data` and the static site, with security headers.
pub fn app(state: AppState) -> Router {
    let (api, _openapi) = routes::api();
    Router::new()
        .merge(api.with_state(state.clone()))
        .merge(site::router(state.clone()))
        .layer(axum::middleware::from_fn(security::guard_unsafe_methods))
        .layer(axum::middleware::from_fn(security::add_security_headers))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            error::panic_response,
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// Serves the app on `listener` until the process is stopped.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    // If the signal handler cannot be installed, run until killed.
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
