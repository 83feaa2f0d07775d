//! The JSON shapes of the `/api` surface, shared by the server and the typed client
//! in the apps, so both sides always agree.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::org::{OrgKind, Role};

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the server and its database answer.
    pub status: String,
    /// Version of the server binary.
    pub version: String,
    /// Whether the server runs with demo data.
    pub demo: bool,
}

/// One event of `GET /api/live/published` (server-sent events, `data:` as JSON): what
/// changed, so a page that stays open (a kiosk, a programme) can fetch it anew. Later
/// live views (Bibster's scoreboard) add their kinds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LiveEvent {
    /// A file under `/data/` was published anew; `path` is its URL path
    /// (`/data/culture-matcher/ccha.json`).
    Published { path: String },
    /// Something changed in Bibster session `session` (its game code): the board, the
    /// teams or its messages; a leader's or team's view fetches anew.
    Bibster {
        session: String,
        change: crate::bibster::api::SessionChange,
    },
}

/// `POST /api/session`: log in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// The logged-in staff member, answered by login and `GET /api/session`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub email: String,
    pub display_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub role: Role,
    /// Sent back in the `x-csrf-token` header of every state-changing request.
    pub csrf_token: String,
    /// May invite, reset and disable colleagues of the same organisation.
    #[serde(default)]
    pub manager: bool,
}

/// The editable part of a library, centre or company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationUpdate {
    /// 1 to `NAME_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub name: String,
    /// At most `NAME_MAX` characters; may be empty.
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub town: String,
}

/// A staff account as listed to those who manage it (never the password hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSummary {
    pub email: String,
    pub display_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub role: Role,
}

/// One file handed to an importer from the back-office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadedFile {
    pub name: String,
    /// The file's text (catalogue XML or JSON).
    pub content: String,
}

/// `POST .../imports`: files to import now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportUpload {
    pub files: Vec<UploadedFile>,
}

/// One import run as staff see it in the back-office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRun {
    /// RFC 3339.
    pub started_at: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub report: crate::import::ImportReport,
}

/// Whether this server can read the live library catalogue (`GET /api/bieblo/catalogue`):
/// only with a catalogue key configured by the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveCatalogue {
    pub live: bool,
}

/// Every error the API answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadCredentials,
    /// A member's card number or PIN is wrong (the e-reader).
    BadCard,
    TooManyAttempts,
    NotLoggedIn,
    Forbidden,
    NotFound,
    InvalidInput,
    BodyTooLarge,
    Csrf,
    Conflict,
    Internal,
    /// The server is too busy for this now (503, with `Retry-After`).
    Busy,
}

impl ErrorCode {
    /// The HTTP status that goes with the code.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadCredentials | ErrorCode::BadCard | ErrorCode::NotLoggedIn => 401,
            ErrorCode::Forbidden | ErrorCode::Csrf => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::Conflict => 409,
            ErrorCode::BodyTooLarge => 413,
            ErrorCode::InvalidInput => 422,
            ErrorCode::TooManyAttempts => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Busy => 503,
        }
    }

    /// The catalogue message a user sees for this error.
    pub fn message(self) -> Msg {
        match self {
            ErrorCode::BadCredentials => Msg::ErrBadCredentials,
            ErrorCode::BadCard => Msg::ErrBadCard,
            ErrorCode::TooManyAttempts => Msg::ErrTooManyAttempts,
            ErrorCode::NotLoggedIn => Msg::ErrNotLoggedIn,
            ErrorCode::Forbidden => Msg::ErrForbidden,
            ErrorCode::NotFound => Msg::ErrNotFound,
            ErrorCode::InvalidInput => Msg::ErrInvalidInput,
            ErrorCode::BodyTooLarge => Msg::ErrBodyTooLarge,
            ErrorCode::Csrf => Msg::ErrCsrf,
            ErrorCode::Conflict => Msg::ErrConflict,
            ErrorCode::Internal => Msg::ErrInternal,
            ErrorCode::Busy => Msg::ErrBusy,
        }
    }
}

/// The body of every error answer: `{"error": {"code": ..., "message": ...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    /// A Dutch message the UI can show as it is.
    pub message: String,
    /// For `invalid_input`: which field is wrong, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For a refused file the staff sent (an EPUB): what is wrong and where, in English
    /// (the entry and line), beside the Dutch message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            error: ErrorDetail {
                code,
                message: code.message().text(Lang::Nl).into(),
                field: None,
                detail: None,
            },
        }
    }
}

/// Path segment of the organisation kind in admin URLs: `/api/orgs/{kind}/{id}`.
pub fn org_path(kind: OrgKind, id: &str) -> String {
    format!("/api/orgs/{}/{}", kind.as_str(), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_has_the_documented_shape() {
        let body = serde_json::to_value(ErrorBody::new(ErrorCode::Forbidden)).ok();
        let expected = serde_json::json!({
            "error": {"code": "forbidden", "message": "Dit mag je niet bekijken of wijzigen."}
        });
        assert_eq!(body, Some(expected));
    }

    #[test]
    fn client_errors_are_4xx_and_only_internal_and_busy_are_5xx() {
        let all = [
            ErrorCode::BadCredentials,
            ErrorCode::BadCard,
            ErrorCode::TooManyAttempts,
            ErrorCode::NotLoggedIn,
            ErrorCode::Forbidden,
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::BodyTooLarge,
            ErrorCode::Csrf,
            ErrorCode::Conflict,
        ];
        for code in all {
            assert!((400..500).contains(&code.http_status()), "{code:?}");
        }
        assert_eq!(ErrorCode::Internal.http_status(), 500);
        assert_eq!(ErrorCode::Busy.http_status(), 503);
    }
}
