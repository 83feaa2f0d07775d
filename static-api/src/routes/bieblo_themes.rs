//! `/api/bieblo/<library>/themes`: staff change the label, picture and catalogue terms of
//! their library's themes. Labels and pictures reach the kiosk at once (the published
//! snapshot is restyled); terms tag books from the next import on.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use sha2::{Digest, Sha256};
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::bieblo::theme_edit::{
    PICTURE_MAX_BYTES, ThemePicture, ThemePictureUpload, check_themes, picture_prefix,
    sniff_picture,
};
use suite_domain::bieblo::{Theme, default_themes};

use super::bieblo::managed_library;
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::catalogue::restyle_snapshot;
use crate::import::{now_rfc3339, write_atomically};

/// Puts the themes into the published snapshot; a failure there is logged, not fatal:
/// the themes are saved and the next import publishes them anyway.
async fn restyle(state: &AppState, library: &str, themes: &[Theme]) {
    let public = state.config.public_data_dir();
    let (owned_library, themes) = (library.to_string(), themes.to_vec());
    let done =
        tokio::task::spawn_blocking(move || restyle_snapshot(&public, &owned_library, &themes))
            .await;
    match done {
        Ok(Ok(true)) => {
            let public = state.config.public_data_dir();
            let path = crate::import::catalogue::snapshot_path(&public, library);
            crate::live_bus::announce_published(state.live.as_ref(), &public, &path).await;
        }
        Ok(Ok(false)) => {}
        Ok(Err(e)) => {
            tracing::error!(%library, "themes saved, but the snapshot could not be restyled: {e}");
        }
        Err(e) => tracing::error!(%library, "restyling the snapshot stopped: {e}"),
    }
}

#[utoipa::path(get, path = "/api/bieblo/{library}/themes", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The library's themes (the defaults when it has none of its own)", body = [Theme]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
    ))]
pub(super) async fn get_themes(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<Theme>>, AppError> {
    managed_library(&state, &staff, &library).await?;
    Ok(Json(state.db.library_themes(&library).await?))
}

#[utoipa::path(put, path = "/api/bieblo/{library}/themes", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    request_body = [Theme],
    responses(
        (status = 200, description = "Saved, normalised", body = [Theme]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
        (status = 422, description = "A label, picture or term list is not right", body = ErrorBody),
    ))]
pub(super) async fn put_themes(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiJson(edited): ApiJson<Vec<Theme>>,
) -> Result<Json<Vec<Theme>>, AppError> {
    managed_library(&state, &staff, &library).await?;
    let themes = check_themes(&edited, &library).map_err(|errors| {
        let detail = errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        match errors.into_iter().next() {
            Some(first) => AppError::InvalidAt {
                field: format!("themes.{}.{}", first.theme.as_str(), first.field.as_str()),
                message: first.message,
                detail,
            },
            None => AppError::unprocessable(detail),
        }
    })?;
    state
        .db
        .save_library_themes(&library, &themes, &now_rfc3339())
        .await?;
    restyle(&state, &library, &themes).await;
    tracing::info!(by = %staff.email, %library, "themes saved");
    Ok(Json(themes))
}

#[utoipa::path(delete, path = "/api/bieblo/{library}/themes", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 204, description = "Back to the default themes"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
    ))]
pub(super) async fn reset_themes(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    managed_library(&state, &staff, &library).await?;
    state.db.reset_library_themes(&library).await?;
    restyle(&state, &library, &default_themes()).await;
    tracing::info!(by = %staff.email, %library, "themes reset to the defaults");
    Ok(StatusCode::NO_CONTENT)
}

/// The bytes of a `data:image/...;base64,...` URL.
fn decode_data_url(data_url: &str) -> Option<Vec<u8>> {
    let (head, data) = data_url.split_once(',')?;
    let head = head.strip_prefix("data:")?;
    if !head.ends_with(";base64") {
        return None;
    }
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .ok()
}

#[utoipa::path(post, path = "/api/bieblo/{library}/themes/{theme}/picture", tag = "bieblo",
    params(
        ("library" = String, Path, description = "Library id"),
        ("theme" = String, Path, description = "Theme id, e.g. `sport`"),
    ),
    request_body = ThemePictureUpload,
    responses(
        (status = 200, description = "Stored; put `picture` in the theme and save the themes", body = ThemePicture),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library or theme", body = ErrorBody),
        (status = 413, description = "Larger than 1 MB", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
        (status = 422, description = "Not a PNG, JPEG or WebP picture", body = ErrorBody),
    ))]
pub(super) async fn post_picture(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, theme)): ApiPath<(String, String)>,
    ApiJson(upload): ApiJson<ThemePictureUpload>,
) -> Result<Json<ThemePicture>, AppError> {
    managed_library(&state, &staff, &library).await?;
    if !default_themes().iter().any(|t| t.id.as_str() == theme) {
        return Err(AppError::NotFound);
    }
    let bytes = decode_data_url(&upload.data_url)
        .ok_or_else(|| AppError::unprocessable("the picture is not a base64 data URL"))?;
    if bytes.len() > PICTURE_MAX_BYTES {
        return Err(AppError::Rejected {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: ErrorCode::InvalidInput,
            detail: format!("picture of {} bytes", bytes.len()),
        });
    }
    sniff_picture(&bytes)
        .ok_or_else(|| AppError::unprocessable("the picture is not PNG, JPEG or WebP"))?;
    // Decoded within limits and written anew: no huge declared sizes, no metadata.
    let picture = tokio::task::spawn_blocking(move || suite_import::pictures::reencode(&bytes))
        .await
        .map_err(|e| AppError::Internal(format!("re-encoding a picture: {e}")))?
        .map_err(|e| AppError::unprocessable(format!("theme picture: {e}")))?;
    let hash: String = Sha256::digest(&picture.bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("{theme}-{hash}.{}", picture.ext);
    let path = state
        .config
        .public_data_dir()
        .join("bieblo/themes")
        .join(&library)
        .join(&name);
    // Pictures of this library that no theme uses and that are a day old go now.
    let prefix = picture_prefix(&library);
    let used: std::collections::HashSet<String> = state
        .db
        .library_themes(&library)
        .await?
        .iter()
        .filter_map(|t| t.picture.strip_prefix(prefix.as_str()).map(str::to_string))
        .collect();
    let folder = path.parent().map(std::path::Path::to_path_buf);
    if let Some(folder) = folder {
        tokio::task::spawn_blocking(move || crate::publish::tidy_unused(&folder, &used))
            .await
            .map_err(|e| AppError::Internal(format!("tidying pictures: {e}")))?;
    }
    let bytes = picture.bytes;
    let len = bytes.len();
    let target = path.clone();
    tokio::task::spawn_blocking(move || write_atomically(&target, &bytes))
        .await
        .map_err(|e| AppError::Internal(format!("storing a picture: {e}")))?
        .map_err(|e| AppError::Internal(format!("cannot store {}: {e}", path.display())))?;
    tracing::info!(by = %staff.email, %library, %theme, bytes = len, "theme picture stored");
    Ok(Json(ThemePicture {
        picture: format!("{}{name}", picture_prefix(&library)),
    }))
}
