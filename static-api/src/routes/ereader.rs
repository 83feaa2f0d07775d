//! `/api/ereader/session`: an e-reader member logs in with their library card and PIN
//! (POST), sees who they are (GET) and logs out (DELETE). Failed logins are limited per
//! card and per address like staff's; the answer never says whether the card is known.

use axum::Json;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::ereader::{MAX_PIN_CHARS, MemberInfo, MemberLogin, normalise_card};

use crate::AppState;
use crate::auth::member::{
    CurrentMember, MEMBER_COOKIE, MEMBER_SESSION_SECONDS, card_hash, clear_member_cookie,
    member_cookie,
};
use crate::auth::{self, cookie_token};
use crate::error::{ApiJson, AppError};
use crate::net::ClientIp;

fn bad_card() -> AppError {
    AppError::Rejected {
        status: StatusCode::UNAUTHORIZED,
        code: ErrorCode::BadCard,
        detail: "wrong card number or PIN".into(),
    }
}

#[utoipa::path(
    post,
    path = "/api/ereader/session",
    tag = "ereader",
    request_body = MemberLogin,
    responses(
        (status = 200, description = "Logged in; sets the member's HttpOnly session cookie", body = MemberInfo),
        (status = 401, description = "Wrong card number or PIN", body = ErrorBody),
        (status = 422, description = "Malformed body", body = ErrorBody),
        (status = 429, description = "Too many failed attempts for this card from this address, or from this address; see `Retry-After`", body = ErrorBody),
        (status = 503, description = "Too many logins at once; see `Retry-After`", body = ErrorBody),
    )
)]
pub(super) async fn member_login(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    headers: HeaderMap,
    ApiJson(login): ApiJson<MemberLogin>,
) -> Result<Response, AppError> {
    let card = normalise_card(&login.card);
    // Counted before the PIN is checked (keyed by the card's hash, never the number).
    let key = format!("card:{}", card_hash(card.as_deref().unwrap_or("")));
    let attempt = state
        .login_limiter
        .begin(&key, address, auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    let Some(card) = card.filter(|_| login.pin.chars().count() <= MAX_PIN_CHARS) else {
        return Err(bad_card());
    };
    let Some(member) = state.members.verify(&state, &card, login.pin).await? else {
        tracing::warn!("failed member login");
        return Err(bad_card());
    };
    state.login_limiter.succeeded(attempt).await;
    let now = auth::now_unix();
    if let Some(old) = cookie_token(&headers, MEMBER_COOKIE) {
        state
            .db
            .delete_ereader_session(&auth::token_hash(&old))
            .await?;
    }
    let token = auth::new_token();
    let csrf_token = auth::new_token();
    state
        .db
        .insert_ereader_session(
            &auth::token_hash(&token),
            member.id,
            &csrf_token,
            now,
            now + MEMBER_SESSION_SECONDS,
        )
        .await?;
    tracing::info!(library = %member.library, "member logged in");
    let info = MemberInfo {
        library: member.library,
        csrf_token,
    };
    Ok(([(SET_COOKIE, member_cookie(&token))], Json(info)).into_response())
}

#[utoipa::path(
    get,
    path = "/api/ereader/session",
    tag = "ereader",
    responses(
        (status = 200, description = "The logged-in member", body = MemberInfo),
        (status = 204, description = "No member is logged in (not an error: the reader asks this before its login form)"),
    )
)]
pub(super) async fn member_current(
    member: Result<CurrentMember, AppError>,
) -> Result<Response, AppError> {
    match member {
        Ok(member) => Ok(Json(MemberInfo {
            library: member.library,
            csrf_token: member.csrf_token,
        })
        .into_response()),
        Err(AppError::NotLoggedIn) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(e) => Err(e),
    }
}

#[utoipa::path(
    delete,
    path = "/api/ereader/session",
    tag = "ereader",
    responses(
        (status = 204, description = "Logged out; the session is gone on the server too"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
    )
)]
pub(super) async fn member_logout(
    State(state): State<AppState>,
    member: CurrentMember,
) -> Result<Response, AppError> {
    state.db.delete_ereader_session(&member.token_hash).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, clear_member_cookie())],
    )
        .into_response())
}
