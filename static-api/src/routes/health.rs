//! `GET /api/health` (readiness: the server and its database answer; a load balancer
//! sends traffic only then) and `GET /api/health/live` (liveness: the process answers;
//! a supervisor restarts it when not). Liveness never touches the database, so a
//! database outage takes instances out of the balancer without restarting them all.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use suite_domain::api::{ErrorBody, Health};

use crate::AppState;
use crate::error::AppError;

/// How long readiness waits for the database (a load balancer's check gives up after a
/// few seconds; a pool whose connections are all stuck counts as not ready).
pub(crate) const READY_TIMEOUT: Duration = Duration::from_secs(2);

/// When a client should ask again after a 503.
const RETRY_AFTER: Duration = Duration::from_secs(5);

fn health(state: &AppState) -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        demo: state.config.demo,
    })
}

#[utoipa::path(
    get,
    path = "/api/health",
    tag = "system",
    responses(
        (status = 200, description = "Ready: the server and its database answer", body = Health),
        (status = 503, description = "Not ready: the database does not answer (within 2 s); see `Retry-After`", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before asking again"))),
    )
)]
pub(super) async fn ready(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    let reason = match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => return Ok(health(&state)),
        Ok(Err(e)) => format!("the database does not answer: {e}"),
        Err(_) => format!("the database does not answer within {READY_TIMEOUT:?}"),
    };
    Err(AppError::Unavailable {
        reason,
        retry_after: RETRY_AFTER,
    })
}

#[utoipa::path(
    get,
    path = "/api/health/live",
    tag = "system",
    responses(
        (status = 200, description = "Alive: the process answers (the database is not asked)", body = Health),
    )
)]
pub(super) async fn live(State(state): State<AppState>) -> Json<Health> {
    health(&state)
}
