//! `/api/orgs`: the organisations a staff member manages, scoped by role.

use axum::Json;
use axum::extract::State;
use suite_domain::api::{ErrorBody, OrganisationUpdate, StaffSummary};
use suite_domain::org::{OrgKind, OrgRef, Organisation};
use suite_domain::validation::{NAME_MAX, check_text};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};

fn org_ref(kind: &str, id: String) -> Result<OrgRef, AppError> {
    let kind = OrgKind::parse(kind).ok_or(AppError::NotFound)?;
    Ok(OrgRef::new(kind, id))
}

#[utoipa::path(
    get,
    path = "/api/orgs",
    tag = "organisations",
    responses(
        (status = 200, description = "The organisations the caller manages", body = [Object]),
        (status = 401, description = "Not logged in", body = ErrorBody),
    )
)]
pub(super) async fn list_orgs(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Vec<Organisation>>, AppError> {
    let orgs = state.db.list_orgs().await?;
    let visible = orgs
        .into_iter()
        .filter(|o| staff.role.can_manage(&OrgRef::new(o.kind, o.id.clone())))
        .collect();
    Ok(Json(visible))
}

#[utoipa::path(
    get,
    path = "/api/orgs/{kind}/{id}",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "The organisation", body = Object),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation's data", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
pub(super) async fn get_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Organisation>, AppError> {
    let org = org_ref(&kind, id)?;
    staff.require_scope(&org)?;
    state
        .db
        .get_org(&org)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

#[utoipa::path(
    put,
    path = "/api/orgs/{kind}/{id}",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    request_body = OrganisationUpdate,
    responses(
        (status = 200, description = "The changed organisation", body = Object),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation's data, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        (status = 422, description = "Invalid name or town", body = ErrorBody),
    )
)]
pub(super) async fn update_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
    ApiJson(update): ApiJson<OrganisationUpdate>,
) -> Result<Json<Organisation>, AppError> {
    let org = org_ref(&kind, id)?;
    staff.require_scope(&org)?;
    check_text("name", &update.name, NAME_MAX)?;
    if update.town.chars().count() > NAME_MAX {
        check_text("town", &update.town, NAME_MAX)?;
    }
    if !state
        .db
        .update_org(&org, update.name.trim(), update.town.trim())
        .await?
    {
        return Err(AppError::NotFound);
    }
    tracing::info!(by = %staff.email, %org, "organisation updated");
    state
        .db
        .get_org(&org)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

#[utoipa::path(
    get,
    path = "/api/orgs/{kind}/{id}/staff",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "The organisation's staff accounts", body = [StaffSummary]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation's data", body = ErrorBody),
    )
)]
pub(super) async fn list_staff(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Vec<StaffSummary>>, AppError> {
    let org = org_ref(&kind, id)?;
    staff.require_scope(&org)?;
    let rows = state.db.list_staff_of(&org).await?;
    Ok(Json(
        rows.into_iter()
            .map(|s| StaffSummary {
                email: s.email,
                display_name: s.display_name,
                role: s.role,
            })
            .collect(),
    ))
}
