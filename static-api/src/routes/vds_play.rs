//! Voor de Show's game side (`/api/voor-de-show/play/{code}`): public, no account, no
//! personal data, rate-limited per address like the suite's other public writes. A class
//! code of a published performance that has not expired answers the centre's name, the
//! grades and the show data; the class's events are counted per code, assignment, kind
//! and day only (no address, no time finer than the day), up to a daily cap per code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::ShowData;
use suite_domain::show::api::{PlayEvent, PlayShow};
use suite_domain::show::read_class_code;
use suite_domain::validation::FieldError;

use super::vds_shows::content;
use crate::AppState;
use crate::auth::now_ms;
use crate::db::vds_school::PlayRow;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::net::ClientIp;

/// Events one class code counts a day at most.
const EVENTS_PER_CODE_A_DAY: i64 = 2_000;

/// Today (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    crate::import::now_rfc3339().chars().take(10).collect()
}

/// 404 with the Dutch message for an unknown or expired class code.
fn unknown_code() -> Response {
    let mut body = ErrorBody::new(ErrorCode::NotFound);
    body.error.message = Msg::VdsAdminUnknownCode.text(Lang::Nl).into();
    body.error.field = Some("code".into());
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

/// The class code's show, after the address's token: `Err` is the answer to give.
async fn playable(
    state: &AppState,
    address: Option<std::net::IpAddr>,
    code: &str,
) -> Result<Result<(String, PlayRow), Response>, AppError> {
    state
        .public_writes
        .take(address, now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    let Some(code) = read_class_code(code) else {
        return Ok(Err(unknown_code()));
    };
    match state.db.vds_play(&code, &today()).await? {
        Some(row) => Ok(Ok((code, row))),
        None => Ok(Err(unknown_code())),
    }
}

#[utoipa::path(get, path = "/api/voor-de-show/play/{code}", tag = "voor-de-show",
    params(("code" = String, Path, description = "The class code (case and spaces ignored)")),
    responses(
        (status = 200, description = "The show the class plays: the centre's name, the grades and the show data", body = PlayShow),
        (status = 404, description = "Unknown or expired code, or not published (Dutch message)", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn play(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(code): ApiPath<String>,
) -> Result<Response, AppError> {
    let (code, row) = match playable(&state, address, &code).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let show: ShowData = serde_json::from_str(&row.data)
        .map_err(|e| AppError::Internal(format!("stored show data: {e}")))?;
    Ok(Json(PlayShow {
        code,
        centre: row.centre_name,
        grades: row.grades,
        show,
    })
    .into_response())
}

#[utoipa::path(post, path = "/api/voor-de-show/play/{code}/events", tag = "voor-de-show",
    params(("code" = String, Path, description = "The class code")),
    request_body = PlayEvent,
    responses(
        (status = 204, description = "Counted (past the code's daily cap: taken, not counted)"),
        (status = 404, description = "Unknown or expired code, or not published (Dutch message)", body = ErrorBody),
        (status = 422, description = "No such assignment in the game", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_event(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(code): ApiPath<String>,
    ApiJson(event): ApiJson<PlayEvent>,
) -> Result<Response, AppError> {
    let (code, _) = match playable(&state, address, &code).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    if content()?.assignment(&event.assignment).is_none() {
        return Err(FieldError::new("assignment", Msg::VdsAdminUnknownAssignment).into());
    }
    state
        .db
        .vds_count_play(
            &code,
            &event.assignment,
            event.kind.as_str(),
            &today(),
            EVENTS_PER_CODE_A_DAY,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
