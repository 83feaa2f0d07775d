//! `GET /api/health`: the server and its database answer.

use axum::Json;
use axum::extract::State;
use suite_domain::api::{ErrorBody, Health};

use crate::AppState;
use crate::error::AppError;

#[utoipa::path(
    get,
    path = "/api/health",
    tag = "system",
    responses(
        (status = 200, description = "Server and database answer", body = Health),
        (status = 500, description = "The database does not answer", body = ErrorBody),
    )
)]
pub(super) async fn health(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    state.db.ping().await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        demo: state.config.demo,
    }))
}
