//! The one error type of the API: typed, logged in English, answered as JSON
//! `{"error": {"code", "message"}}` with a Dutch message the UI can show.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::i18n::Lang;
use suite_domain::validation::FieldError;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("wrong email or password")]
    BadCredentials,
    /// Too many attempts or requests from this client: 429 with `Retry-After`.
    #[error("too many attempts; retry after {retry_after:?}")]
    TooManyAttempts { retry_after: std::time::Duration },
    /// The server has no capacity for this now: 503 with `Retry-After`.
    #[error("busy; retry after {retry_after:?}")]
    Busy { retry_after: std::time::Duration },
    /// Something the server needs does not answer (the database): 503 with
    /// `Retry-After`; `reason` is for the log.
    #[error("unavailable: {reason}; retry after {retry_after:?}")]
    Unavailable {
        reason: String,
        retry_after: std::time::Duration,
    },
    #[error("not logged in")]
    NotLoggedIn,
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldError),
    /// A field of a list or nested form (e.g. `themes.sport.label_nl`); `detail` says
    /// in English everything that was wrong, for the log.
    #[error("invalid input at {field}: {detail}")]
    InvalidAt {
        field: String,
        message: suite_domain::i18n::Msg,
        detail: String,
    },
    /// Not allowed for a reason the UI shows at `field` (an app not switched on for the
    /// organisation): 403 with `message`.
    #[error("forbidden at {field}: {detail}")]
    ForbiddenAt {
        field: String,
        message: suite_domain::i18n::Msg,
        detail: String,
    },
    #[error("request rejected ({status}): {detail}")]
    Rejected {
        status: StatusCode,
        code: ErrorCode,
        detail: String,
    },
    #[error("CSRF check failed: {0}")]
    Csrf(&'static str),
    #[error("conflict: {0}")]
    Conflict(String),
    /// A file staff sent that cannot be used (a broken or duplicate EPUB): `status` with
    /// `message` at `field`, and `detail` in English (what and where) sent along, since
    /// it is about the sender's own file.
    #[error("refused file ({status}): {detail}")]
    FileReport {
        status: StatusCode,
        field: &'static str,
        message: suite_domain::i18n::Msg,
        detail: String,
    },
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// Input the handler cannot use (422), with `detail` in English for the log.
    pub fn unprocessable(detail: impl Into<String>) -> Self {
        AppError::Rejected {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: ErrorCode::InvalidInput,
            detail: detail.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::BadCredentials => ErrorCode::BadCredentials,
            AppError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            AppError::Busy { .. } | AppError::Unavailable { .. } => ErrorCode::Busy,
            AppError::NotLoggedIn => ErrorCode::NotLoggedIn,
            AppError::Forbidden(_) | AppError::ForbiddenAt { .. } => ErrorCode::Forbidden,
            AppError::NotFound => ErrorCode::NotFound,
            AppError::Invalid(_) | AppError::InvalidAt { .. } => ErrorCode::InvalidInput,
            AppError::Rejected { code, .. } => *code,
            AppError::Csrf(_) => ErrorCode::Csrf,
            AppError::Conflict(_) => ErrorCode::Conflict,
            AppError::FileReport { status, .. } if *status == StatusCode::CONFLICT => {
                ErrorCode::Conflict
            }
            AppError::FileReport { .. } => ErrorCode::InvalidInput,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::Rejected { status, .. } | AppError::FileReport { status, .. } => *status,
            other => StatusCode::from_u16(other.code().http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::info!(error = %self, status = status.as_u16(), "request refused");
        }
        let mut body = ErrorBody::new(self.code());
        match &self {
            AppError::Invalid(field) => {
                body.error.message = field.message.text(Lang::Nl).into();
                body.error.field = Some(field.field.into());
            }
            AppError::InvalidAt { field, message, .. }
            | AppError::ForbiddenAt { field, message, .. } => {
                body.error.message = message.text(Lang::Nl).into();
                body.error.field = Some(field.clone());
            }
            AppError::FileReport {
                field,
                message,
                detail,
                ..
            } => {
                body.error.message = message.text(Lang::Nl).into();
                body.error.field = Some((*field).into());
                body.error.detail = Some(detail.clone());
            }
            _ => {}
        }
        let mut response = (status, Json(body)).into_response();
        if let AppError::TooManyAttempts { retry_after }
        | AppError::Busy { retry_after }
        | AppError::Unavailable { retry_after, .. } = &self
        {
            // Whole seconds, rounded up: a client never retries too early.
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs.max(1)),
            );
        }
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::Internal(format!("database: {err}"))
    }
}

impl From<FieldError> for AppError {
    fn from(err: FieldError) -> Self {
        AppError::Invalid(err)
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
            ErrorCode::BodyTooLarge
        } else {
            ErrorCode::InvalidInput
        };
        AppError::Rejected {
            status,
            code,
            detail: rejection.body_text(),
        }
    }
}

impl From<PathRejection> for AppError {
    fn from(rejection: PathRejection) -> Self {
        AppError::Rejected {
            status: StatusCode::BAD_REQUEST,
            code: ErrorCode::InvalidInput,
            detail: rejection.body_text(),
        }
    }
}

/// JSON request bodies whose rejections (bad JSON, wrong types, wrong content type,
/// too large) become an [`AppError`] with the usual body; a NUL character in the body
/// is read as U+FFFD ([`crate::nul`]).
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::Bytes::from_request(
            axum::extract::Request::from_parts(parts.clone(), body),
            state,
        )
        .await
        .map_err(|e| AppError::from(JsonRejection::from(e)))?;
        let bytes = match crate::nul::replace_nul_escapes(&bytes) {
            Some(tidied) => axum::body::Bytes::from(tidied),
            None => bytes,
        };
        let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
        let Json(value) = Json::<T>::from_request(request, state).await?;
        Ok(ApiJson(value))
    }
}

/// Path parameters with the same error treatment.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct ApiPath<T>(pub T);

/// Query strings with the same error treatment: one that cannot be read is a 422.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct ApiQuery<T>(pub T);

impl From<axum::extract::rejection::QueryRejection> for AppError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        AppError::unprocessable(rejection.body_text())
    }
}

/// Answer for a handler that panicked: logged, and a plain 500 with the usual body.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_default();
    AppError::Internal(format!("handler panicked: {detail}")).into_response()
}

/// Answer for an `/api` path that does not exist.
pub async fn api_not_found() -> AppError {
    AppError::NotFound
}
