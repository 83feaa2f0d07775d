//! `/api/session`: staff log in (POST), see who they are (GET) and log out (DELETE).

use axum::Json;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, LoginRequest, SessionInfo};
use suite_domain::validation::{MAX_PASSWORD_CHARS, normalise_email};

use crate::AppState;
use crate::auth::{self, CurrentStaff};
use crate::error::{ApiJson, AppError};
use crate::net::ClientIp;

#[utoipa::path(
    post,
    path = "/api/session",
    tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; sets the HttpOnly session cookie", body = SessionInfo),
        (status = 401, description = "Wrong email or password", body = ErrorBody),
        (status = 422, description = "Malformed body", body = ErrorBody),
        (status = 429, description = "Too many failed attempts for this email from this address, or from this address; see `Retry-After`", body = ErrorBody),
        (status = 503, description = "Too many logins at once; see `Retry-After`", body = ErrorBody),
    )
)]
pub(super) async fn login(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, AppError> {
    let email = normalise_email(&request.email);
    // Counted before the password is checked: a burst cannot pass the limit.
    let attempt = state
        .login_limiter
        .begin(&email, address, auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    if request.password.chars().count() > MAX_PASSWORD_CHARS {
        return Err(AppError::BadCredentials);
    }
    let staff = state.db.find_staff_by_email(&email).await?;
    let stored = staff.as_ref().map(|s| s.password_hash.clone());
    let valid = state.passwords.verify(request.password, stored).await?;
    let Some(staff) = staff.filter(|_| valid) else {
        // Neither the typed email (sometimes a password typed in the wrong field) nor
        // the password is logged.
        tracing::warn!("failed staff login");
        return Err(AppError::BadCredentials);
    };
    state.login_limiter.succeeded(attempt).await;
    let now_unix = auth::now_unix();
    state.db.purge_expired_sessions(now_unix).await?;
    // The session this browser had ends here: a login always starts a new one.
    if let Some(old) = auth::token_from_headers(&headers) {
        state.db.delete_session(&auth::token_hash(&old)).await?;
    }
    let token = auth::new_token();
    let csrf_token = auth::new_token();
    let expires = now_unix + auth::SESSION_SECONDS;
    state
        .db
        .insert_session(
            &auth::token_hash(&token),
            staff.id,
            &csrf_token,
            now_unix,
            expires,
        )
        .await?;
    tracing::info!(%email, role = staff.role.name(), "staff logged in");
    let info = SessionInfo {
        email: staff.email,
        display_name: staff.display_name,
        role: staff.role,
        csrf_token,
    };
    Ok(([(SET_COOKIE, auth::session_cookie(&token))], Json(info)).into_response())
}

#[utoipa::path(
    get,
    path = "/api/session",
    tag = "session",
    responses(
        (status = 200, description = "The logged-in staff member", body = SessionInfo),
        (status = 401, description = "Not logged in", body = ErrorBody),
    )
)]
pub(super) async fn current(staff: CurrentStaff) -> Json<SessionInfo> {
    Json(SessionInfo {
        email: staff.email,
        display_name: staff.display_name,
        role: staff.role,
        csrf_token: staff.csrf_token,
    })
}

#[utoipa::path(
    delete,
    path = "/api/session",
    tag = "session",
    responses(
        (status = 204, description = "Logged out; the session is gone on the server too"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
    )
)]
pub(super) async fn logout(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Response, AppError> {
    state.db.delete_session(&staff.token_hash).await?;
    tracing::info!(email = %staff.email, "staff logged out");
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, auth::clear_cookie())]).into_response())
}
