//! `/api/session`: staff log in (POST), see who they are (GET) and log out (DELETE);
//! change their password, list their sessions and end them.

use axum::Json;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, LoginRequest, SessionInfo};
use suite_domain::i18n::Msg;
use suite_domain::service::{ActiveSession, PasswordChange};
use suite_domain::validation::{FieldError, MAX_PASSWORD_CHARS, normalise_email};

use crate::AppState;
use crate::auth::{self, CurrentStaff};
use crate::error::{ApiJson, ApiPath, AppError};
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
    // A disabled account, one of an archived organisation and one still waiting for
    // its password are checked against the dummy hash: the same time, the same answer.
    let staff = staff.filter(|s| s.may_log_in());
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
    let device = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(auth::describe_device)
        .unwrap_or_default();
    state
        .db
        .insert_session(
            &auth::token_hash(&token),
            staff.id,
            &csrf_token,
            now_unix,
            expires,
            &device,
        )
        .await?;
    tracing::info!(%email, role = staff.role.name(), "staff logged in");
    crate::audit::write(
        &state,
        &staff.email,
        staff.role.org().as_ref(),
        "login",
        &device,
    )
    .await;
    let info = SessionInfo {
        email: staff.email,
        display_name: staff.display_name,
        role: staff.role,
        csrf_token,
        manager: staff.manager,
    };
    Ok(([(SET_COOKIE, auth::session_cookie(&token))], Json(info)).into_response())
}

#[utoipa::path(
    get,
    path = "/api/session",
    tag = "session",
    responses(
        (status = 200, description = "The logged-in staff member", body = SessionInfo),
        (status = 204, description = "Nobody is logged in (not an error: every back-office asks this before its login form)"),
    )
)]
pub(super) async fn current(staff: Result<CurrentStaff, AppError>) -> Result<Response, AppError> {
    match staff {
        Ok(staff) => Ok(Json(SessionInfo {
            email: staff.email,
            display_name: staff.display_name,
            role: staff.role,
            csrf_token: staff.csrf_token,
            manager: staff.manager,
        })
        .into_response()),
        Err(AppError::NotLoggedIn) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(e) => Err(e),
    }
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

#[utoipa::path(
    put,
    path = "/api/session/password",
    tag = "session",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; every other session of the account has ended"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 422, description = "The current password is wrong, or the new one too short, too long or too easy to guess", body = ErrorBody),
        (status = 503, description = "Too many password checks at once; see `Retry-After`", body = ErrorBody),
    )
)]
pub(super) async fn change_password(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiJson(change): ApiJson<PasswordChange>,
) -> Result<StatusCode, AppError> {
    let stored = state
        .db
        .get_staff(staff.id)
        .await?
        .map(|s| s.password_hash)
        .filter(|h| !h.is_empty());
    let current_ok = change.current.chars().count() <= MAX_PASSWORD_CHARS
        && state.passwords.verify(change.current, stored).await?;
    if !current_ok {
        return Err(FieldError::new("current", Msg::ErrWrongCurrentPassword).into());
    }
    auth::check_strength(&change.new, &[&staff.email, &staff.display_name])?;
    let hash = state.passwords.hash(change.new).await?;
    state
        .db
        .set_password(staff.id, &hash, Some(&staff.token_hash))
        .await?;
    tracing::info!(email = %staff.email, "password changed");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/session/all",
    tag = "session",
    responses(
        (status = 200, description = "The account's live sessions, the latest used first", body = [ActiveSession]),
        (status = 401, description = "Not logged in", body = ErrorBody),
    )
)]
pub(super) async fn list_sessions(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Vec<ActiveSession>>, AppError> {
    let sessions = state.db.sessions_of(staff.id, auth::now_unix()).await?;
    Ok(Json(
        sessions
            .into_iter()
            .map(|s| ActiveSession {
                id: public_id(&s.token_hash),
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
                device: s.device,
                current: s.token_hash == staff.token_hash,
            })
            .collect(),
    ))
}

/// The id by which a session is listed and ended: the start of its token's hash (the
/// token itself cannot be derived from it).
fn public_id(token_hash: &str) -> String {
    token_hash.chars().take(16).collect()
}

#[utoipa::path(
    delete,
    path = "/api/session/all",
    tag = "session",
    responses(
        (status = 204, description = "Every other session of the account has ended (\"log out everywhere else\")"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
    )
)]
pub(super) async fn end_other_sessions(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<StatusCode, AppError> {
    let ended = state
        .db
        .end_sessions_of(staff.id, Some(&staff.token_hash))
        .await?;
    tracing::info!(email = %staff.email, ended, "other sessions ended");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    delete,
    path = "/api/session/all/{id}",
    tag = "session",
    params(("id" = String, Path, description = "The session's id from the list")),
    responses(
        (status = 204, description = "That session has ended"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such session of this account", body = ErrorBody),
    )
)]
pub(super) async fn end_session(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    let sessions = state.db.sessions_of(staff.id, auth::now_unix()).await?;
    let Some(session) = sessions.iter().find(|s| public_id(&s.token_hash) == id) else {
        return Err(AppError::NotFound);
    };
    state.db.delete_session(&session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
