//! `/api/culture/<centre>/shows`, `/venues` and `/media`: the centre's Culture Matcher
//! back-office (staff of that centre, or an admin). Staff list their shows (imported and
//! their own), make, change and delete their own shows, choose which shows take part in
//! the swipe, write how to reach each venue, and upload pictures and trailer videos.
//! Every change publishes the centre's programme again at once.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use suite_domain::api::ErrorBody;
use suite_domain::culture::media::{
    MediaKind, StoredMedia, media_prefix, sniff_media, unused_uploads, uploads_of,
};
use suite_domain::culture::programme::{Show, Trailer};
use suite_domain::culture::show_input::{
    ShowContext, ShowField, ShowFieldError, ShowInput, check_show_input,
};
use suite_domain::culture::staff::{
    CentreShow, CentreVenue, ShowOrigin, SwipeChoice, VenueNotes, check_venue_notes,
};
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, OrgRef};

use super::upload::{read_body, stored_name, too_large};
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::culture::{PutOutcome, StoredShow};
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::{now_rfc3339, write_atomically};

/// Longest show id taken in a path.
use suite_domain::culture::insight::SHOW_ID_MAX;

/// The centre `centre` if `staff` manages it and it exists: the check every handler here
/// starts with.
async fn managed_centre(
    state: &AppState,
    staff: &CurrentStaff,
    centre: &str,
) -> Result<OrgRef, AppError> {
    super::managed_org(state, staff, OrgKind::Centre, centre).await
}

fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Publishes the centre's programme again, so the app shows the change at once.
async fn republish(state: &AppState, centre: &str) -> Result<(), AppError> {
    let public = state.config.public_data_dir();
    let path = state
        .db
        .publish_programme(centre, &public)
        .await
        .map_err(|e| AppError::Internal(format!("publishing the programme of {centre}: {e}")))?;
    crate::live_bus::announce_published(state.live.as_ref(), &public, &path).await;
    Ok(())
}

/// The folder of `centre`'s uploads, served at `media_prefix(centre)`.
pub(crate) fn media_dir(state: &AppState, centre: &str) -> std::path::PathBuf {
    state
        .config
        .public_data_dir()
        .join("culture-matcher/media")
        .join(centre)
}

/// Removes the uploaded files that `before` (a show just changed or deleted) used and no
/// show of the centre uses now. A failure is logged, never the request's: the change is
/// already stored, and a left-over file harms nothing.
async fn remove_unused_uploads(state: &AppState, centre: &str, before: &Show) {
    let shows = match state.db.culture_shows(centre).await {
        Ok(stored) => stored.into_iter().map(|s| s.show).collect::<Vec<_>>(),
        Err(e) => {
            tracing::warn!(%centre, error = %e, "cannot read the shows to tidy the uploads");
            return;
        }
    };
    let dir = media_dir(state, centre);
    for file in unused_uploads(before, &shows, centre) {
        let path = dir.join(file);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => tracing::info!(%centre, %file, "unused upload removed"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(%centre, %file, error = %e, "cannot remove an unused upload"),
        }
    }
}

/// Removes `centre`'s uploads that no show uses and that are older than a day, and
/// answers how many bytes the centre's uploads then take.
async fn tidy_uploads(state: &AppState, centre: &str) -> Result<u64, AppError> {
    let used: std::collections::HashSet<String> = state
        .db
        .culture_shows(centre)
        .await?
        .iter()
        .flat_map(|s| uploads_of(&s.show, centre))
        .map(str::to_string)
        .collect();
    let dir = media_dir(state, centre);
    tokio::task::spawn_blocking(move || crate::publish::tidy_unused(&dir, &used))
        .await
        .map_err(|e| AppError::Internal(format!("tidying uploads: {e}")))
}

/// A stored show of the centre, or 404.
async fn stored_show(state: &AppState, centre: &str, show: &str) -> Result<StoredShow, AppError> {
    if show.is_empty() || show.len() > SHOW_ID_MAX {
        return Err(AppError::NotFound);
    }
    state
        .db
        .get_culture_show(centre, show)
        .await?
        .ok_or(AppError::NotFound)
}

/// Refuses changing an imported show (only its place in the swipe is the centre's).
fn staff_made(stored: &StoredShow, staff: &CurrentStaff) -> Result<(), AppError> {
    match stored.origin {
        ShowOrigin::Staff => Ok(()),
        ShowOrigin::Import => Err(AppError::Forbidden(format!(
            "{} tried to change imported show {}",
            staff.email, stored.show.id
        ))),
    }
}

fn first_invalid(errors: Vec<ShowFieldError>) -> AppError {
    let detail = errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    match errors.into_iter().next() {
        Some(first) => AppError::InvalidAt {
            field: first.field.name(),
            message: first.message,
            detail,
        },
        None => AppError::Internal("a show was refused without a reason".into()),
    }
}

/// Checks `input` with the shared rule for the show `show_id` of `centre`, and that the
/// files it points to were uploaded.
async fn checked_show(
    state: &AppState,
    centre: &str,
    show_id: &str,
    input: &ShowInput,
) -> Result<Show, AppError> {
    let venues: Vec<String> = state
        .db
        .culture_venues(centre)
        .await?
        .into_iter()
        .map(|v| v.id)
        .collect();
    let ctx = ShowContext {
        centre,
        show_id,
        venues: &venues,
    };
    let show = check_show_input(input, &ctx).map_err(first_invalid)?;
    let public = state.config.public_data_dir();
    let uploaded = |url: &str| {
        url.strip_prefix("/data/")
            .is_some_and(|rel| public.join(rel).is_file())
    };
    if let Some(src) = show.image.as_ref().and_then(|i| i.src.as_deref())
        && !uploaded(src)
    {
        return Err(first_invalid(vec![ShowFieldError {
            field: ShowField::Image,
            message: Msg::CmBoImageInvalid,
        }]));
    }
    if let Some(Trailer::File { src, .. }) = &show.trailer
        && !uploaded(src)
    {
        return Err(first_invalid(vec![ShowFieldError {
            field: ShowField::Trailer,
            message: Msg::CmBoTrailerInvalid,
        }]));
    }
    Ok(show)
}

/// A new id for a show staff make: `cc-` and 16 random hex digits.
fn new_show_id() -> String {
    format!("cc-{:016x}", rand::random::<u64>())
}

#[utoipa::path(get, path = "/api/culture/{centre}/shows", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "Every show of the centre, imported and made by staff: coming ones by date, then those that are over", body = [CentreShow]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
    ))]
pub(super) async fn list_shows(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<Vec<CentreShow>>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let now = now_unix();
    let mut shows: Vec<CentreShow> = state
        .db
        .recent_culture_shows(&centre)
        .await?
        .iter()
        .map(|s| CentreShow::of(&s.show, s.origin, now))
        .collect();
    shows.sort_by(|a, b| {
        // Coming shows first, soonest first; then the ones that are over, latest first.
        let key = |s: &CentreShow| (s.ended, if s.ended { s.date.map(|d| -d) } else { s.date });
        key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title))
    });
    Ok(Json(shows))
}

#[utoipa::path(post, path = "/api/culture/{centre}/shows", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = ShowInput,
    responses(
        (status = 201, description = "Made and published", body = CentreShow),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
        (status = 422, description = "A field is not right (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn create_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiJson(input): ApiJson<ShowInput>,
) -> Result<(StatusCode, Json<CentreShow>), AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let show = checked_show(&state, &centre, &new_show_id(), &input).await?;
    match state
        .db
        .put_staff_show(&centre, &show, &now_rfc3339())
        .await?
    {
        PutOutcome::Created => {}
        outcome => {
            return Err(AppError::Internal(format!(
                "a new show id was taken ({outcome:?})"
            )));
        }
    }
    republish(&state, &centre).await?;
    tracing::info!(by = %staff.email, %centre, show = %show.id, "show made");
    Ok((
        StatusCode::CREATED,
        Json(CentreShow::of(&show, ShowOrigin::Staff, now_unix())),
    ))
}

#[utoipa::path(put, path = "/api/culture/{centre}/shows/{show}", tag = "culture-matcher",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("show" = String, Path, description = "Show id"),
    ),
    request_body = ShowInput,
    responses(
        (status = 200, description = "Saved and published", body = CentreShow),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, no CSRF token, or an imported show", body = ErrorBody),
        (status = 404, description = "No such centre or show", body = ErrorBody),
        (status = 422, description = "A field is not right (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn update_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, id)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<ShowInput>,
) -> Result<Json<CentreShow>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let stored = stored_show(&state, &centre, &id).await?;
    staff_made(&stored, &staff)?;
    let show = checked_show(&state, &centre, &id, &input).await?;
    match state
        .db
        .put_staff_show(&centre, &show, &now_rfc3339())
        .await?
    {
        PutOutcome::Updated => {}
        // Deleted or imported in the meantime.
        PutOutcome::Created | PutOutcome::IdTakenByImport => {
            return Err(AppError::Conflict(format!("show {id} changed meanwhile")));
        }
    }
    republish(&state, &centre).await?;
    remove_unused_uploads(&state, &centre, &stored.show).await;
    tracing::info!(by = %staff.email, %centre, show = %id, "show saved");
    Ok(Json(CentreShow::of(&show, ShowOrigin::Staff, now_unix())))
}

#[utoipa::path(delete, path = "/api/culture/{centre}/shows/{show}", tag = "culture-matcher",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("show" = String, Path, description = "Show id"),
    ),
    responses(
        (status = 204, description = "Deleted; the programme is published without it"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, no CSRF token, or an imported show (leave it out of the swipe instead)", body = ErrorBody),
        (status = 404, description = "No such centre or show", body = ErrorBody),
    ))]
pub(super) async fn delete_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, id)): ApiPath<(String, String)>,
) -> Result<StatusCode, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let stored = stored_show(&state, &centre, &id).await?;
    staff_made(&stored, &staff)?;
    if !state.db.delete_staff_show(&centre, &id).await? {
        return Err(AppError::NotFound);
    }
    republish(&state, &centre).await?;
    remove_unused_uploads(&state, &centre, &stored.show).await;
    tracing::info!(by = %staff.email, %centre, show = %id, "show deleted");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/culture/{centre}/shows/{show}/swipe", tag = "culture-matcher",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("show" = String, Path, description = "Show id"),
    ),
    request_body = SwipeChoice,
    responses(
        (status = 200, description = "Saved and published", body = CentreShow),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such centre or show", body = ErrorBody),
        (status = 422, description = "Not a choice", body = ErrorBody),
    ))]
pub(super) async fn set_swipe(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, id)): ApiPath<(String, String)>,
    ApiJson(choice): ApiJson<SwipeChoice>,
) -> Result<Json<CentreShow>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    if id.is_empty() || id.len() > SHOW_ID_MAX {
        return Err(AppError::NotFound);
    }
    let stored = state
        .db
        .set_in_swipe(&centre, &id, choice.in_swipe)
        .await?
        .ok_or(AppError::NotFound)?;
    republish(&state, &centre).await?;
    tracing::info!(by = %staff.email, %centre, show = %id, in_swipe = choice.in_swipe, "swipe choice");
    Ok(Json(CentreShow::of(
        &stored.show,
        stored.origin,
        now_unix(),
    )))
}

#[utoipa::path(get, path = "/api/culture/{centre}/venues", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The centre's venues with their notes on getting there", body = [CentreVenue]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
    ))]
pub(super) async fn list_venues(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<Vec<CentreVenue>>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let venues = state.db.culture_venues(&centre).await?;
    Ok(Json(venues.iter().map(CentreVenue::from).collect()))
}

#[utoipa::path(put, path = "/api/culture/{centre}/venues/{venue}", tag = "culture-matcher",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("venue" = String, Path, description = "Venue id"),
    ),
    request_body = VenueNotes,
    responses(
        (status = 200, description = "Saved and published", body = CentreVenue),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such centre or venue", body = ErrorBody),
        (status = 422, description = "A note is too long", body = ErrorBody),
    ))]
pub(super) async fn put_venue_notes(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, venue)): ApiPath<(String, String)>,
    ApiJson(notes): ApiJson<VenueNotes>,
) -> Result<Json<CentreVenue>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    check_venue_notes(&notes)?;
    let found = state
        .db
        .set_venue_notes(
            &centre,
            &venue,
            notes.transport_note.as_deref(),
            notes.bike_note.as_deref(),
        )
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    republish(&state, &centre).await?;
    tracing::info!(by = %staff.email, %centre, %venue, "venue notes saved");
    state
        .db
        .culture_venues(&centre)
        .await?
        .iter()
        .find(|v| v.id == venue)
        .map(|v| Json(CentreVenue::from(v)))
        .ok_or(AppError::NotFound)
}

#[utoipa::path(post, path = "/api/culture/{centre}/media", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    request_body(description = "The file as it is: a picture (at most 2 MB) or a trailer video (at most 50 MB); its first bytes must match its type",
        content(("image/png"), ("image/jpeg"), ("image/webp"), ("video/mp4"), ("video/webm"))),
    responses(
        (status = 200, description = "Stored; put `url` in the show's `image` or `trailer`", body = StoredMedia),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
        (status = 413, description = "Too large for its kind, or over the organisation's upload quota", body = ErrorBody),
        (status = 422, description = "Not a PNG, JPEG or WebP picture or an MP4 or WebM video, or not what its type says", body = ErrorBody),
    ))]
pub(super) async fn post_media(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    request: Request,
) -> Result<Json<StoredMedia>, AppError> {
    managed_centre(&state, &staff, &centre).await?;
    let declared = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let kind = MediaKind::from_mime(declared)
        .ok_or_else(|| AppError::unprocessable(format!("upload of type {declared:?}")))?;
    let bytes = read_body(request, kind.max_bytes()).await?;
    if sniff_media(&bytes) != Some(kind) {
        return Err(AppError::unprocessable(format!(
            "the upload is not {} (sniffed {:?})",
            kind.mime(),
            sniff_media(&bytes)
        )));
    }
    // Pictures are decoded within limits and written anew (no huge declared sizes, no
    // metadata); videos are stored as they came, after the sniff above.
    let (bytes, ext, mime) = if kind.is_video() {
        (bytes.to_vec(), kind.ext(), kind.mime())
    } else {
        let picture = tokio::task::spawn_blocking(move || suite_import::pictures::reencode(&bytes))
            .await
            .map_err(|e| AppError::Internal(format!("re-encoding a picture: {e}")))?
            .map_err(|e| AppError::unprocessable(format!("show picture: {e}")))?;
        (picture.bytes, picture.ext, picture.mime)
    };
    let name = stored_name(&bytes, ext);
    let path = media_dir(&state, &centre).join(&name);
    let size = bytes.len() as u64;
    if !path.is_file() {
        let used = tidy_uploads(&state, &centre).await?;
        let quota = state.config.upload_quota_bytes;
        if used + size > quota {
            return Err(too_large(format!(
                "{centre}'s uploads take {used} bytes; with {size} more they pass the quota of {quota}"
            )));
        }
        let target = path.clone();
        tokio::task::spawn_blocking(move || write_atomically(&target, &bytes))
            .await
            .map_err(|e| AppError::Internal(format!("storing an upload: {e}")))?
            .map_err(|e| AppError::Internal(format!("cannot store {}: {e}", path.display())))?;
    }
    tracing::info!(by = %staff.email, %centre, file = %name, bytes = size, "media stored");
    Ok(Json(StoredMedia {
        url: format!("{}{name}", media_prefix(&centre)),
        mime: mime.to_string(),
        bytes: size,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_safe_and_differ() {
        let (a, b) = (new_show_id(), new_show_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 19);
        assert!(crate::import::is_safe_id(&a), "{a}");
    }
}
