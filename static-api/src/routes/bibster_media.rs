//! Bibster's pictures and photos. Staff upload floor plans and task images (public, under
//! `/data/bibster/<library>/pictures/`, since every team sees them); a team answers a
//! photo task with its picture, kept outside the public data (a photo may show children)
//! and shown only to its library's staff, for the leader's review. Every picture is
//! decoded within limits and written anew (no metadata, no location), as every upload.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use suite_domain::api::ErrorBody;
use suite_domain::bibster::api::{PHOTO_MAX_BYTES, SessionChange, StoredPicture, TeamAnswer};
use suite_domain::bibster::task::{Answer, TaskKind};
use suite_domain::i18n::Msg;

use super::bibster::bibster_library;
use super::bibster_play::{Team, open_for, record_answer};
use super::bibster_sessions::announce;
use super::upload::{read_body, stored_name, too_large};
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiPath, AppError};
use crate::import::write_atomically;

/// Largest floor plan or task image.
const PICTURE_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The folder of a team's photos of `session` (outside the public data).
pub(crate) fn photo_dir(state: &AppState, session: i64) -> std::path::PathBuf {
    state
        .config
        .data_dir
        .join("bibster-photos")
        .join(session.to_string())
}

/// Decodes an uploaded picture within limits and encodes it anew.
async fn reencoded(bytes: axum::body::Bytes) -> Result<suite_import::pictures::Stored, AppError> {
    tokio::task::spawn_blocking(move || suite_import::pictures::reencode(&bytes))
        .await
        .map_err(|e| AppError::Internal(format!("re-encoding a picture: {e}")))?
        .map_err(|e| AppError::unprocessable(format!("bibster picture: {e}")))
}

async fn store(path: std::path::PathBuf, bytes: Vec<u8>) -> Result<(), AppError> {
    let target = path.clone();
    tokio::task::spawn_blocking(move || write_atomically(&target, &bytes))
        .await
        .map_err(|e| AppError::Internal(format!("storing a picture: {e}")))?
        .map_err(|e| AppError::Internal(format!("cannot store {}: {e}", path.display())))
}

/// Bytes of the files in `dir` (none when it does not exist).
fn folder_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

#[utoipa::path(post, path = "/api/bibster/{library}/pictures", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    request_body(content = Vec<u8>, description = "The picture itself", content_type = "image/jpeg"),
    responses(
        (status = 200, description = "Stored: put `path` in the game (a floor plan or a task's image)", body = StoredPicture),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 413, description = "Larger than 4 MB, or over the library's upload quota", body = ErrorBody),
        (status = 422, description = "Not a PNG, JPEG or WebP picture within 4,096 pixels a side", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_picture(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    request: Request,
) -> Result<Json<StoredPicture>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let bytes = read_body(request, PICTURE_MAX_BYTES).await?;
    let picture = reencoded(bytes).await?;
    let name = stored_name(&picture.bytes, picture.ext);
    let folder = state
        .config
        .public_data_dir()
        .join("bibster")
        .join(&library)
        .join("pictures");
    let path = folder.join(&name);
    if !path.is_file() {
        let used = folder_bytes(&folder);
        let size = picture.bytes.len() as u64;
        if used + size > state.config.upload_quota_bytes {
            return Err(too_large(format!(
                "{library}'s Bibster pictures take {used} bytes; {size} more pass the quota"
            )));
        }
        store(path, picture.bytes).await?;
    }
    tracing::info!(by = %staff.email, %library, file = %name, "bibster picture stored");
    Ok(Json(StoredPicture {
        path: format!("/data/bibster/{library}/pictures/{name}"),
    }))
}

#[utoipa::path(post, path = "/api/bibster/play/photos/{task}", tag = "bibster",
    params(
        ("task" = String, Path, description = "A photo task open to the team"),
        ("x-team-token" = String, Header, description = "The team's token from joining"),
    ),
    request_body(content = Vec<u8>, description = "The photo itself (PNG, JPEG or WebP)", content_type = "image/jpeg"),
    responses(
        (status = 200, description = "Kept for the leader's review (verdict `to_review`); a second photo for the same task gets the first's result", body = TeamAnswer),
        (status = 401, description = "No or an unknown team token", body = ErrorBody),
        (status = 413, description = "Larger than 8 MB", body = ErrorBody),
        (status = 422, description = "Not a picture, not a photo task open to the team, the team was removed, or the session ended", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_photo(
    State(state): State<AppState>,
    team: Team,
    ApiPath(task): ApiPath<String>,
    request: Request,
) -> Result<Json<TeamAnswer>, AppError> {
    let (game, _) = match open_for(&state, &team, &task).await? {
        Ok(open) => open,
        Err(stored) => return Ok(Json(stored)),
    };
    let Some(kind) = game.tasks.iter().find(|t| t.id == task).map(|t| &t.kind) else {
        return Err(AppError::NotFound);
    };
    if !matches!(kind, TaskKind::Photo) {
        return Err(AppError::InvalidAt {
            field: "answer".into(),
            message: Msg::BibAnswerShape,
            detail: format!("task {task:?} is not a photo task"),
        });
    }
    let bytes = read_body(request, PHOTO_MAX_BYTES).await?;
    let picture = reencoded(bytes).await?;
    let name = format!(
        "{}-{}",
        team.auth.id,
        stored_name(&picture.bytes, picture.ext)
    );
    store(
        photo_dir(&state, team.session.summary.id).join(&name),
        picture.bytes,
    )
    .await?;
    let (stored, new) = record_answer(&state, &team, &game, &task, Answer::Photo(name)).await?;
    if new {
        announce(&state, &team.session.summary.code, SessionChange::Scores).await;
    }
    Ok(Json(stored))
}

#[utoipa::path(get, path = "/api/bibster/{library}/sessions/{session_id}/photos/{team_id}/{task}", tag = "bibster",
    params(
        ("library" = String, Path, description = "Library id"),
        ("session_id" = i64, Path, description = "Session id"),
        ("team_id" = i64, Path, description = "Team id"),
        ("task" = String, Path, description = "Task id"),
    ),
    responses(
        (status = 200, description = "The team's photo (never cached)", content_type = "image/jpeg"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such session, team or photo", body = ErrorBody),
    ))]
pub(super) async fn get_photo(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, session, team, task)): ApiPath<(String, i64, i64, String)>,
) -> Result<impl IntoResponse, AppError> {
    bibster_library(&state, &staff, &library).await?;
    match state.db.bibster_session(session).await? {
        Some(row) if row.summary.library == library => {}
        _ => return Err(AppError::NotFound),
    }
    let answers = state
        .db
        .bibster_session_answer(session, team, &task)
        .await?;
    let Some(Answer::Photo(name)) = answers.and_then(|a| serde_json::from_str(&a).ok()) else {
        return Err(AppError::NotFound);
    };
    // A stored name is ours (`<team>-<hash>.<ext>`); anything else is not served.
    if !crate::import::is_safe_id(name.replace('.', "-").as_str()) {
        return Err(AppError::NotFound);
    }
    let path = photo_dir(&state, session).join(&name);
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|_| AppError::NotFound)?;
    let mime = if name.ends_with(".png") {
        "image/png"
    } else {
        "image/jpeg"
    };
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        bytes,
    ))
}
