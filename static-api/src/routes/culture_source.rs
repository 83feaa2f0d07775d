//! `/api/culture/{centre}/programme-source` and `/imports`: where a centre's programme
//! comes from in UiTdatabank (a search URL or its organiser id, set by its staff), its
//! import now ("Importeer nu", the same import as the scheduled programme refresh), and
//! the history of its imports (scoped to the centre's staff, or an admin).

use axum::Json;
use axum::extract::State;
use suite_domain::api::{ErrorBody, ImportRun};
use suite_domain::culture::source::{ProgrammeSource, SourceKind, SourceSetting, check_source};
use suite_domain::i18n::Msg;
use suite_domain::org::OrgKind;

use super::{import_history, managed_org};
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::events::redact_url;
use crate::import::now_rfc3339;
use crate::import::programme_refresh::ProgrammeRefresher;

#[utoipa::path(get, path = "/api/culture/{centre}/programme-source", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The centre's programme source (none: imported by hand only), who set it and when", body = SourceSetting),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
    ))]
pub(super) async fn get_source(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<SourceSetting>, AppError> {
    managed_org(&state, &staff, OrgKind::Centre, &centre).await?;
    Ok(Json(state.db.programme_source(&centre).await?))
}

#[utoipa::path(put, path = "/api/culture/{centre}/programme-source", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = ProgrammeSource,
    responses(
        (status = 200, description = "Saved (tidied: trimmed, an organiser id in lower case); the scheduled refresh imports it from now on", body = SourceSetting),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 422, description = "Not an https search URL, or not an organiser id", body = ErrorBody),
    ))]
pub(super) async fn put_source(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiJson(source): ApiJson<ProgrammeSource>,
) -> Result<Json<SourceSetting>, AppError> {
    managed_org(&state, &staff, OrgKind::Centre, &centre).await?;
    // http only towards the stand-ins of tests, which also allow private addresses.
    let source = check_source(&source, state.config.allow_private_fetch)?;
    let at = now_rfc3339();
    state
        .db
        .set_programme_source(&centre, Some(&source), &staff.email, &at)
        .await?;
    let shown = match source.kind {
        SourceKind::SearchUrl => redact_url(&source.value),
        SourceKind::Organiser => source.value.clone(),
    };
    tracing::info!(by = %staff.email, %centre, kind = source.kind.as_str(), source = %shown, "programme source set");
    Ok(Json(state.db.programme_source(&centre).await?))
}

#[utoipa::path(delete, path = "/api/culture/{centre}/programme-source", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "Removed: the programme is imported by hand only", body = SourceSetting),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
    ))]
pub(super) async fn delete_source(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<SourceSetting>, AppError> {
    managed_org(&state, &staff, OrgKind::Centre, &centre).await?;
    state
        .db
        .set_programme_source(&centre, None, &staff.email, &now_rfc3339())
        .await?;
    tracing::info!(by = %staff.email, %centre, "programme source removed");
    Ok(Json(SourceSetting::default()))
}

#[utoipa::path(post, path = "/api/culture/{centre}/programme-source/import", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The import's report (also in the history); the programme is replaced only when shows were imported", body = ImportRun),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 422, description = "The centre has no source", body = ErrorBody),
        (status = 503, description = "Too many imports at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn import_now(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<ImportRun>, AppError> {
    managed_org(&state, &staff, OrgKind::Centre, &centre).await?;
    let Some(source) = state.db.programme_source(&centre).await?.source else {
        return Err(AppError::InvalidAt {
            field: "source".into(),
            message: Msg::CmBoImportNoSource,
            detail: format!("{centre} has no programme source"),
        });
    };
    let (summary, run) = ProgrammeRefresher::new(state.clone())
        .import(&centre, &source)
        .await;
    tracing::info!(by = %staff.email, %centre, imported = summary.imported, error = ?summary.error, "programme imported now");
    Ok(Json(run))
}

#[utoipa::path(get, path = "/api/culture/{centre}/imports", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The latest import runs of the programme, newest first", body = [ImportRun]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
    ))]
pub(super) async fn list_imports(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<Vec<ImportRun>>, AppError> {
    let org = super::org_ref(OrgKind::Centre, &centre)?;
    staff.require_scope(&org)?;
    Ok(Json(import_history(&state, &org).await?))
}
