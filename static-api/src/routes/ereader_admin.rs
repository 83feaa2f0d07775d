//! The e-reader's back-office (`/api/ereader/admin/...`): the shared collection is the
//! service's, so the admin uploads books (checked by `suite_epub`; a broken file gets
//! the Dutch report with the English detail and nothing is kept), sets licences by hand
//! or back to the population rule and the download flag, and sees the participating
//! libraries; the admin and the staff of a participating library read the statistics.
//! Every write is the admin's, with the CSRF token, in the audit log.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use suite_domain::api::ErrorBody;
use suite_domain::ereader::admin::{
    AdminTitle, EreaderStats, MAX_LICENCES, Participants, TitleSettings, stats_csv,
};
use suite_domain::i18n::Msg;
use suite_domain::validation::FieldError;

use super::upload::read_body;
use crate::AppState;
use crate::auth::{CurrentStaff, now_unix};
use crate::ereader_admin as admin;
use crate::ereader_books::AddError;
use crate::error::{ApiJson, ApiPath, AppError};

/// Largest EPUB the admin uploads.
pub(super) const MAX_EPUB_BYTES: usize = 50 * 1024 * 1024;

/// Staff who may read the statistics: the admin, and staff of a library taking part.
async fn require_reader_of_stats(state: &AppState, staff: &CurrentStaff) -> Result<(), AppError> {
    if staff.role.is_admin() {
        return Ok(());
    }
    let Some(org) = staff.role.org() else {
        return Err(AppError::Forbidden(format!(
            "{} takes no part",
            staff.email
        )));
    };
    let taking_part = state
        .db
        .ereader_participants()
        .await?
        .iter()
        .any(|(library, ..)| org.kind == suite_domain::org::OrgKind::Library && *library == org.id);
    if taking_part {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "{} is not of a library taking part in the e-reader",
            staff.email
        )))
    }
}

async fn title_of(state: &AppState, id: i64) -> Result<AdminTitle, AppError> {
    admin::titles(&state.db, now_unix())
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)
}

#[utoipa::path(get, path = "/api/ereader/admin/titles", tag = "ereader-admin",
    responses(
        (status = 200, description = "The collection with licences (by hand or by the rule), download flag, running loans and queue", body = [AdminTitle]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin", body = ErrorBody),
    ))]
pub(super) async fn list_titles(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Vec<AdminTitle>>, AppError> {
    staff.require_admin()?;
    Ok(Json(admin::titles(&state.db, now_unix()).await?))
}

#[utoipa::path(post, path = "/api/ereader/admin/titles", tag = "ereader-admin",
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The EPUB file as it is (at most 50 MB), read whatever its declared type (the back-office sends `application/epub+zip`)"),
    responses(
        (status = 201, description = "Checked and added; its licences follow the population rule", body = AdminTitle),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin, or no CSRF token", body = ErrorBody),
        (status = 409, description = "The same file is in the collection already", body = ErrorBody),
        (status = 413, description = "Larger than 50 MB", body = ErrorBody),
        (status = 422, description = "Not a usable EPUB: the Dutch message says what is wrong, `detail` where (nothing is kept)", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn upload_title(
    State(state): State<AppState>,
    staff: CurrentStaff,
    request: Request,
) -> Result<(StatusCode, Json<AdminTitle>), AppError> {
    staff.require_admin()?;
    let bytes = read_body(request, MAX_EPUB_BYTES).await?;
    let at = crate::import::now_rfc3339();
    let added = crate::ereader_books::add_title(
        &state.db,
        &state.config.data_dir,
        bytes.to_vec(),
        None,
        &staff.email,
        &at,
    )
    .await
    .map_err(|e| match (e.msg(), &e) {
        (Some(message), AddError::Duplicate(_)) => AppError::FileReport {
            status: StatusCode::CONFLICT,
            field: "file",
            message,
            detail: e.to_string(),
        },
        (Some(message), _) => AppError::FileReport {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            field: "file",
            message,
            detail: e.to_string(),
        },
        (None, _) => AppError::Internal(e.to_string()),
    })?;
    staff.audit.note(
        None,
        format!("e-book {} added: {:?}", added.id, added.title),
    );
    tracing::info!(by = %staff.email, title = added.id, "e-book added");
    Ok((StatusCode::CREATED, Json(title_of(&state, added.id).await?)))
}

#[utoipa::path(put, path = "/api/ereader/admin/titles/{title_id}", tag = "ereader-admin",
    params(("title_id" = i64, Path, description = "Title id")),
    request_body = TitleSettings,
    responses(
        (status = 200, description = "The title with its new licences and download flag", body = AdminTitle),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such title", body = ErrorBody),
        (status = 422, description = "More than 10,000 licences", body = ErrorBody),
    ))]
pub(super) async fn put_title(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
    ApiJson(settings): ApiJson<TitleSettings>,
) -> Result<Json<AdminTitle>, AppError> {
    staff.require_admin()?;
    if settings.licences_set.is_some_and(|n| n > MAX_LICENCES) {
        return Err(FieldError::new("licences_set", Msg::EreaderAdmLicencesTooMany).into());
    }
    let Some(licences) = admin::set_licences(
        &state.db,
        &state.config.lending,
        id,
        settings.licences_set,
        now_unix(),
    )
    .await?
    else {
        return Err(AppError::NotFound);
    };
    state.db.ereader_set_download(id, settings.download).await?;
    let how = match settings.licences_set {
        Some(_) => "by hand",
        None => "by the rule",
    };
    staff.audit.note(
        None,
        format!(
            "e-book {id}: {licences} licences {how}, download {}",
            if settings.download { "on" } else { "off" }
        ),
    );
    Ok(Json(title_of(&state, id).await?))
}

#[utoipa::path(get, path = "/api/ereader/admin/libraries", tag = "ereader-admin",
    responses(
        (status = 200, description = "The libraries taking part (an active e-reader subscription), their population and what the rule gives", body = Participants),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin", body = ErrorBody),
    ))]
pub(super) async fn list_libraries(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Participants>, AppError> {
    staff.require_admin()?;
    Ok(Json(admin::participants(&state.db).await?))
}

#[utoipa::path(get, path = "/api/ereader/admin/stats", tag = "ereader-admin",
    responses(
        (status = 200, description = "Per title: loans in total and per month, how they ended, the queue and its holds, and whether more licences would help", body = EreaderStats),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin nor staff of a library taking part", body = ErrorBody),
    ))]
pub(super) async fn get_stats(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<EreaderStats>, AppError> {
    require_reader_of_stats(&state, &staff).await?;
    Ok(Json(admin::stats(&state.db, now_unix()).await?))
}

#[utoipa::path(get, path = "/api/ereader/admin/stats.csv", tag = "ereader-admin",
    responses(
        (status = 200, description = "The same statistics as CSV", content_type = "text/csv"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not the admin nor staff of a library taking part", body = ErrorBody),
    ))]
pub(super) async fn get_stats_csv(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Response, AppError> {
    require_reader_of_stats(&state, &staff).await?;
    let stats = admin::stats(&state.db, now_unix()).await?;
    let month = stats.months.last().cloned().unwrap_or_default();
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"e-reader-statistieken-{month}.csv\""),
            ),
        ],
        stats_csv(&stats),
    )
        .into_response())
}
