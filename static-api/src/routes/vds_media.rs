//! Voor de Show's uploads (`/api/voor-de-show/companies/{company}/media`): a company's
//! images (PNG, JPEG or WebP, known by their first bytes, decoded within limits and
//! written anew, within a size and between a smallest and largest size in pixels) and
//! short sounds or videos (known by their first bytes, within a size), read by the one
//! upload path (`upload.rs`), stored once by their content under
//! `<data-dir>/voor-de-show/media/`, and served to the game and the preview at
//! `/api/voor-de-show/media/{media_id}` with their type. A refused upload keeps nothing.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use suite_domain::api::ErrorBody;
use suite_domain::i18n::Msg;
use suite_domain::show::api::{MediaUse, ShowMedia};
use suite_domain::show::media::{
    IMAGE_MAX_BYTES, SOUND_MAX_BYTES, Upload, image_sides_ok, sniff_upload,
};
use suite_domain::show::media_id_ok;

use super::upload::{read_body, stored_name};
use super::vds_companies::vds_company;
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::vds::MediaRow;
use crate::error::{ApiPath, AppError};
use crate::import::now_rfc3339;

/// Largest body an upload route reads: the largest sound or video.
pub(super) const MAX_UPLOAD_BYTES: usize = SOUND_MAX_BYTES;

/// The folder of the stored uploads.
fn media_dir(state: &AppState) -> std::path::PathBuf {
    state.config.data_dir.join("voor-de-show").join("media")
}

/// A refused upload: `status` with the Dutch `message` at the field `file`.
fn refusal(status: StatusCode, message: Msg, detail: String) -> AppError {
    AppError::FileReport {
        status,
        field: "file",
        message,
        detail,
    }
}

/// What is stored of an upload: its bytes, type, extension, use and pixels.
struct Checked {
    bytes: Vec<u8>,
    mime: &'static str,
    ext: &'static str,
    media_use: MediaUse,
    sides: Option<(u32, u32)>,
}

/// Checks an upload by its first bytes, size and (an image) pixels.
async fn check(bytes: axum::body::Bytes) -> Result<Checked, AppError> {
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    match sniff_upload(&bytes) {
        None => Err(refusal(
            unprocessable,
            Msg::VdsAdminMediaType,
            "not a PNG, JPEG, WebP, MP3, OGG, WAV, MP4 or WebM file".into(),
        )),
        Some(Upload::Image) if bytes.len() > IMAGE_MAX_BYTES => Err(refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            Msg::VdsAdminImageTooLarge,
            format!("{} bytes, at most {IMAGE_MAX_BYTES}", bytes.len()),
        )),
        Some(Upload::Image) => {
            let decoded =
                tokio::task::spawn_blocking(move || suite_import::pictures::reencode(&bytes))
                    .await
                    .map_err(|e| AppError::Internal(format!("re-encoding a picture: {e}")))?;
            let picture = decoded.map_err(|e| match e {
                suite_import::pictures::PictureError::TooLarge(..) => {
                    refusal(unprocessable, Msg::VdsAdminImageTooWide, e.to_string())
                }
                _ => refusal(unprocessable, Msg::VdsAdminImageBroken, e.to_string()),
            })?;
            if !image_sides_ok(picture.width, picture.height) {
                return Err(refusal(
                    unprocessable,
                    Msg::VdsAdminImageTooSmall,
                    format!("{} x {} pixels", picture.width, picture.height),
                ));
            }
            Ok(Checked {
                sides: Some((picture.width, picture.height)),
                bytes: picture.bytes,
                mime: picture.mime,
                ext: picture.ext,
                media_use: MediaUse::Image,
            })
        }
        Some(Upload::Sound { mime, ext }) => Ok(Checked {
            bytes: bytes.to_vec(),
            mime,
            ext,
            media_use: MediaUse::Sound,
            sides: None,
        }),
    }
}

#[utoipa::path(get, path = "/api/voor-de-show/companies/{company}/media", tag = "voor-de-show",
    params(("company" = String, Path, description = "Company id")),
    responses(
        (status = 200, description = "The company's uploads", body = [ShowMedia]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not staff of this company", body = ErrorBody),
    ))]
pub(super) async fn list_media(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(company): ApiPath<String>,
) -> Result<Json<Vec<ShowMedia>>, AppError> {
    let org = vds_company(&state, &staff, &company).await?;
    let rows = state.db.vds_company_media(&org.id).await?;
    Ok(Json(rows.iter().map(MediaRow::media).collect()))
}

#[utoipa::path(post, path = "/api/voor-de-show/companies/{company}/media", tag = "voor-de-show",
    params(("company" = String, Path, description = "Company id")),
    request_body(content = Vec<u8>, description = "The file itself: an image (PNG, JPEG or WebP, at most 4 MB, 320 x 240 to 4,096 x 4,096 pixels) or a short sound or video (MP3, OGG, WAV, MP4 or WebM, at most 8 MB)", content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored: put its `id` in the show data", body = ShowMedia),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not staff of this company, or no CSRF token", body = ErrorBody),
        (status = 413, description = "Too large for its kind, or over the company's quota (Dutch message)", body = ErrorBody),
        (status = 422, description = "Not a file of a kind taken, damaged, or an image too small or too large in pixels (Dutch message)", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn upload_media(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(company): ApiPath<String>,
    request: Request,
) -> Result<(StatusCode, Json<ShowMedia>), AppError> {
    let org = vds_company(&state, &staff, &company).await?;
    let bytes = read_body(request, MAX_UPLOAD_BYTES).await?;
    let checked = check(bytes).await?;
    let file = stored_name(&checked.bytes, checked.ext);
    let id = file.split('.').next().unwrap_or_default().to_string();
    let size = checked.bytes.len() as i64;
    let used = state.db.vds_media_bytes(&org.id).await?;
    if (used + size) as u64 > state.config.upload_quota_bytes {
        return Err(refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            Msg::VdsAdminQuota,
            format!("{company}'s uploads take {used} bytes; {size} more pass the quota"),
        ));
    }
    let path = media_dir(&state).join(&file);
    if !path.is_file() {
        let target = path.clone();
        let bytes = checked.bytes;
        tokio::task::spawn_blocking(move || crate::publish::write_atomically(&target, &bytes))
            .await
            .map_err(|e| AppError::Internal(format!("storing an upload: {e}")))?
            .map_err(|e| AppError::Internal(format!("cannot store {}: {e}", path.display())))?;
    }
    let row = MediaRow {
        company: org.id.clone(),
        id,
        media_use: checked.media_use,
        content_type: checked.mime.into(),
        file,
        bytes: size,
        width: checked.sides.map(|(w, _)| i64::from(w)),
        height: checked.sides.map(|(_, h)| i64::from(h)),
    };
    state.db.vds_insert_media(&row, &now_rfc3339()).await?;
    tracing::info!(by = %staff.email, %company, media = %row.id, "voor-de-show upload stored");
    Ok((StatusCode::CREATED, Json(row.media())))
}

#[utoipa::path(get, path = "/api/voor-de-show/media/{media_id}", tag = "voor-de-show",
    params(("media_id" = String, Path, description = "An upload's id")),
    responses(
        (status = 200, description = "The file with its type (named by its content: cached for a year)", content_type = "application/octet-stream"),
        (status = 404, description = "No such upload", body = ErrorBody),
    ))]
pub(super) async fn get_media(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<impl IntoResponse, AppError> {
    if !media_id_ok(&id) {
        return Err(AppError::NotFound);
    }
    let row = state.db.vds_media(&id).await?.ok_or(AppError::NotFound)?;
    if !crate::import::is_safe_id(&row.file.replace('.', "-")) {
        return Err(AppError::NotFound);
    }
    let bytes = tokio::fs::read(media_dir(&state).join(&row.file))
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, row.content_type),
            (
                header::CACHE_CONTROL,
                "public, max-age=31536000, immutable".to_string(),
            ),
        ],
        bytes,
    ))
}
