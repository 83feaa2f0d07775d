//! `/api/bieblo/{library}/imports` and `.../refresh`: a library's catalogue imports from
//! uploaded export files or, where the operator configured a key, from the live
//! catalogue at once; each run's report goes into the history staff read (scoped).

use axum::Json;
use axum::extract::State;
use suite_domain::api::{ErrorBody, ImportRun, ImportUpload, LiveCatalogue};
use suite_domain::import::ImportReport;

use super::bieblo::{library_ref, managed_library};
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::catalogue::{CatalogueImport, ImportError, build, publish};
use crate::import::now_rfc3339;
use crate::import::refresh::Refresher;

#[utoipa::path(post, path = "/api/bieblo/{library}/imports", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    request_body = ImportUpload,
    responses(
        (status = 200, description = "The import report; the snapshot is replaced only when books were imported", body = ImportRun),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
        (status = 413, description = "Files too large", body = ErrorBody),
        (status = 503, description = "Too many uploads at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_import(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiJson(upload): ApiJson<ImportUpload>,
) -> Result<Json<ImportRun>, AppError> {
    managed_library(&state, &staff, &library).await?;
    let started_at = now_rfc3339();
    let inputs: Vec<(String, String)> = upload
        .files
        .into_iter()
        .map(|f| (f.name, f.content))
        .collect();
    let public = state.config.public_data_dir();
    let lib = library.clone();
    let now = started_at.clone();
    let themes = state.db.library_themes(&library).await?;
    let (mut snapshot, mut report) = tokio::task::spawn_blocking(move || {
        let job = CatalogueImport {
            library: &lib,
            location: None,
            demo: false,
            now: &now,
            themes: &themes,
        };
        build(&job, &inputs, ImportReport::new("catalogue"))
    })
    .await
    .map_err(|e| AppError::Internal(format!("import task: {e}")))?;
    if !report.failed() {
        state.covers.resolve(&mut snapshot, &mut report).await;
    }
    let published = crate::import::catalogue::snapshot_path(&public, &library);
    let report = tokio::task::spawn_blocking(move || publish(&public, &snapshot, report))
        .await
        .map_err(|e| AppError::Internal(format!("import task: {e}")))?
        .map_err(|e: ImportError| AppError::Internal(e.to_string()))?;
    if !report.failed() {
        let public = state.config.public_data_dir();
        crate::live_bus::announce_published(state.live.as_ref(), &public, &published).await;
    }
    state
        .record_import_run("catalogue", "library", &library, &started_at, &report)
        .await?;
    tracing::info!(by = %staff.email, %library, imported = report.imported, skipped = report.skipped.len(), "catalogue import");
    Ok(Json(ImportRun { started_at, report }))
}

#[utoipa::path(get, path = "/api/bieblo/catalogue", tag = "bieblo",
    responses(
        (status = 200, description = "Whether the live catalogue can be read (a key is configured)", body = LiveCatalogue),
        (status = 401, description = "Not logged in", body = ErrorBody),
    ))]
pub(super) async fn live_catalogue(
    State(state): State<AppState>,
    _staff: CurrentStaff,
) -> Json<LiveCatalogue> {
    Json(LiveCatalogue {
        live: state.catalogue.is_some(),
    })
}

#[utoipa::path(post, path = "/api/bieblo/{library}/refresh", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The live import's report (also in the import history); the snapshot is replaced only when books were imported", body = ImportRun),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
        (status = 409, description = "No catalogue key is configured on this server", body = ErrorBody),
        (status = 503, description = "Too many imports at once; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_refresh(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<ImportRun>, AppError> {
    managed_library(&state, &staff, &library).await?;
    let Some(client) = state.catalogue.clone() else {
        return Err(AppError::Conflict(
            "no catalogue key is configured on this server".into(),
        ));
    };
    let (summary, run) = Refresher::new(state.clone(), client)
        .refresh_run(&library)
        .await;
    tracing::info!(by = %staff.email, %library, imported = summary.imported, error = ?summary.error, "catalogue refreshed now");
    Ok(Json(run))
}

#[utoipa::path(get, path = "/api/bieblo/{library}/imports", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The latest import runs, newest first", body = [ImportRun]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library", body = ErrorBody),
    ))]
pub(super) async fn list_imports(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<ImportRun>>, AppError> {
    let org = library_ref(&library)?;
    staff.require_scope(&org)?;
    Ok(Json(super::import_history(&state, &org).await?))
}
