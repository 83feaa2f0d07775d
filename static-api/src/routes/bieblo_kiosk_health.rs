//! `/api/bieblo`: the heartbeat of each branch's kiosk (public, as its usage report) and
//! what staff read of it (scoped), so a kiosk that is gone or cannot load its library's
//! book list is told to staff, never to the child (`suite_domain::bieblo::kiosk_health`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::bieblo::kiosk_health::{KioskHeartbeat, KioskSeen, check_heartbeat};

use super::bieblo::{managed_library, reporting_kiosk};
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

#[utoipa::path(post, path = "/api/bieblo/{library}/kiosks/{branch}/heartbeat", tag = "bieblo",
    params(
        ("library" = String, Path, description = "Library id"),
        ("branch" = String, Path, description = "Branch id"),
    ),
    request_body = KioskHeartbeat,
    responses(
        (status = 204, description = "Noted: the kiosk is seen now"),
        (status = 404, description = "No active kiosk", body = ErrorBody),
        (status = 422, description = "`data_from` is not an RFC 3339 time", body = ErrorBody),
        (status = 429, description = "Too many reports from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_heartbeat(
    State(state): State<AppState>,
    crate::net::ClientIp(address): crate::net::ClientIp,
    ApiPath((library, branch)): ApiPath<(String, String)>,
    ApiJson(heartbeat): ApiJson<KioskHeartbeat>,
) -> Result<StatusCode, AppError> {
    reporting_kiosk(&state, address, &library, &branch).await?;
    check_heartbeat(&heartbeat)?;
    let noted = state
        .db
        .record_heartbeat(
            &library,
            &branch,
            &now_rfc3339(),
            heartbeat.data_from.as_deref(),
            heartbeat.problem,
        )
        .await?;
    if !noted {
        // An active kiosk has its row; it went between the two queries.
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/bieblo/{library}/kiosk-status", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The last heartbeat of every kiosk staff set up, by branch id", body = [KioskSeen]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
    ))]
pub(super) async fn kiosk_status(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<KioskSeen>>, AppError> {
    managed_library(&state, &staff, &library).await?;
    Ok(Json(state.db.kiosks_seen(&library).await?))
}
