//! A member's reservations: join a title's queue when no licence is free for them,
//! leave it, suspend and resume their place, or pass on a licence held for them. Taking
//! a held licence is borrowing (`POST /api/ereader/loans`). Every change is one
//! transaction of the store where `suite_domain::lending` decides; a refusal comes with
//! the rule's Dutch message at `title`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::ereader::{PlaceAction, PlaceBody, ReservationView, ReserveBody};

use super::ereader_loans::{count, refusal};
use crate::AppState;
use crate::auth::{self, member::CurrentMember};
use crate::db::ereader::QueueOp;
use crate::error::{ApiJson, ApiPath, AppError};

/// The member's places now, the oldest first.
async fn places(state: &AppState, member: i64) -> Result<Vec<ReservationView>, AppError> {
    let rows = state.db.ereader_places_of(member, auth::now_unix()).await?;
    Ok(rows
        .into_iter()
        .map(
            |(title_id, title, place, waiting, since, suspended, hold_until)| ReservationView {
                title_id,
                title,
                place: count(place),
                waiting: count(waiting),
                since,
                suspended: suspended != 0,
                hold_until,
            },
        )
        .collect())
}

/// The member's place in `title`'s queue, after a change.
async fn place_of(
    state: &AppState,
    member: i64,
    title: i64,
) -> Result<Option<ReservationView>, AppError> {
    Ok(places(state, member)
        .await?
        .into_iter()
        .find(|p| p.title_id == title))
}

async fn change(state: &AppState, member: i64, title: i64, what: QueueOp) -> Result<(), AppError> {
    state
        .db
        .ereader_queue(member, title, what, &state.config.lending, auth::now_unix())
        .await?
        .map_err(refusal)?;
    tracing::info!(title, op = ?what, "e-book queue changed");
    Ok(())
}

#[utoipa::path(get, path = "/api/ereader/reservations", tag = "ereader",
    responses(
        (status = 200, description = "The member's places in queues, the oldest first; `hold_until` while a licence waits for them", body = [ReservationView]),
        (status = 401, description = "No member logged in", body = ErrorBody),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    member: CurrentMember,
) -> Result<Json<Vec<ReservationView>>, AppError> {
    Ok(Json(places(&state, member.id).await?))
}

#[utoipa::path(post, path = "/api/ereader/reservations", tag = "ereader", request_body = ReserveBody,
    responses(
        (status = 201, description = "In the queue (a licence may be held for the member at once)", body = ReservationView),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such title", body = ErrorBody),
        (status = 422, description = "Refused by a rule (a licence free: borrow instead; reserved or borrowed already; the member's limit), with its Dutch message at `title`", body = ErrorBody),
    ))]
pub(super) async fn reserve(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiJson(body): ApiJson<ReserveBody>,
) -> Result<(StatusCode, Json<ReservationView>), AppError> {
    change(&state, member.id, body.title, QueueOp::Reserve).await?;
    let place = place_of(&state, member.id, body.title)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(place)))
}

#[utoipa::path(post, path = "/api/ereader/reservations/{title_id}", tag = "ereader", request_body = PlaceBody,
    params(("title_id" = i64, Path, description = "The reserved title's id")),
    responses(
        (status = 200, description = "Suspended or resumed: the place now", body = ReservationView),
        (status = 204, description = "Passed: the member left the queue, the licence goes to the next"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such title", body = ErrorBody),
        (status = 422, description = "Refused by a rule (not in the queue, nothing held to pass, a held licence cannot be suspended, already suspended or not), with its Dutch message at `title`", body = ErrorBody),
    ))]
pub(super) async fn act(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(title): ApiPath<i64>,
    ApiJson(body): ApiJson<PlaceBody>,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    let what = match body.action {
        PlaceAction::Suspend => QueueOp::Suspend,
        PlaceAction::Resume => QueueOp::Resume,
        PlaceAction::Pass => QueueOp::Pass,
    };
    change(&state, member.id, title, what).await?;
    if what == QueueOp::Pass {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    match place_of(&state, member.id, title).await? {
        Some(place) => Ok(Json(place).into_response()),
        None => Err(AppError::NotFound),
    }
}

#[utoipa::path(delete, path = "/api/ereader/reservations/{title_id}", tag = "ereader",
    params(("title_id" = i64, Path, description = "The reserved title's id")),
    responses(
        (status = 204, description = "Cancelled: the member left the queue (a licence held for them goes to the next)"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such title", body = ErrorBody),
        (status = 422, description = "Not in the queue, with the Dutch message at `title`", body = ErrorBody),
    ))]
pub(super) async fn cancel(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(title): ApiPath<i64>,
) -> Result<StatusCode, AppError> {
    change(&state, member.id, title, QueueOp::Cancel).await?;
    Ok(StatusCode::NO_CONTENT)
}
