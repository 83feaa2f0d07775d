//! `/api/figures`: the service-wide figures for the admin, as JSON and as CSV.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use suite_domain::api::ErrorBody;
use suite_domain::figures::{ServiceFigures, figures_csv};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::AppError;

#[utoipa::path(
    get,
    path = "/api/figures",
    tag = "organisations",
    responses(
        (status = 200, description = "Per app and month: organisations signed up and active, usage over every organisation; the top organisations", body = ServiceFigures),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
    )
)]
pub(super) async fn get_figures(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<ServiceFigures>, AppError> {
    staff.require_admin()?;
    Ok(Json(crate::service::figures(&state.db).await?))
}

#[utoipa::path(
    get,
    path = "/api/figures.csv",
    tag = "organisations",
    responses(
        (status = 200, description = "The same figures as CSV: app, month, figure, value", content_type = "text/csv"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
    )
)]
pub(super) async fn get_figures_csv(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<impl IntoResponse, AppError> {
    staff.require_admin()?;
    let figures = crate::service::figures(&state.db).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cijfers.csv\"",
            ),
        ],
        figures_csv(&figures),
    ))
}
