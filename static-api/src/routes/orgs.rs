//! `/api/orgs`: the organisations a staff member manages, scoped by role; the admin
//! adds and archives them; a library's branches.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::{ErrorBody, OrganisationUpdate};
use suite_domain::org::{OrgKind, OrgRef, Organisation};
use suite_domain::service::{ADDRESS_MAX, Branch, NewOrganisation, StaffAccount, check_id};
use suite_domain::validation::{FieldError, NAME_MAX, check_text};

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
        (status = 200, description = "The organisation's staff accounts", body = [StaffAccount]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation's data", body = ErrorBody),
    )
)]
pub(super) async fn list_staff(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Vec<StaffAccount>>, AppError> {
    let org = org_ref(&kind, id)?;
    staff.require_scope(&org)?;
    let rows = state.db.list_staff_of(&org).await?;
    Ok(Json(
        rows.iter().map(crate::db::StaffRow::account).collect(),
    ))
}

#[utoipa::path(
    post,
    path = "/api/orgs",
    tag = "organisations",
    request_body = NewOrganisation,
    responses(
        (status = 201, description = "Added", body = Object),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin, or no CSRF token", body = ErrorBody),
        (status = 409, description = "An organisation of that kind with that id exists", body = ErrorBody),
        (status = 422, description = "Invalid id, name or town", body = ErrorBody),
    )
)]
pub(super) async fn create_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiJson(new): ApiJson<NewOrganisation>,
) -> Result<(StatusCode, Json<Organisation>), AppError> {
    staff.require_admin()?;
    check_id("id", &new.id)?;
    check_text("name", &new.name, NAME_MAX)?;
    if new.town.chars().count() > NAME_MAX {
        check_text("town", &new.town, NAME_MAX)?;
    }
    let org = Organisation {
        kind: new.kind,
        id: new.id,
        name: new.name.trim().to_string(),
        town: new.town.trim().to_string(),
        archived: false,
    };
    match state.db.insert_org(&org).await {
        Ok(()) => {}
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(AppError::Conflict(format!(
                "{}/{} exists",
                org.kind.as_str(),
                org.id
            )));
        }
        Err(e) => return Err(e.into()),
    }
    let reference = OrgRef::new(org.kind, org.id.clone());
    staff.audit.note(Some(reference.clone()), org.name.clone());
    tracing::info!(by = %staff.email, org = %reference, "organisation created");
    Ok((StatusCode::CREATED, Json(org)))
}

/// Archives or restores an organisation (the admin).
async fn set_archived(
    state: &AppState,
    staff: &CurrentStaff,
    kind: &str,
    id: String,
    archived: bool,
) -> Result<Json<Organisation>, AppError> {
    staff.require_admin()?;
    let org = org_ref(kind, id)?;
    if !state
        .db
        .set_archived(&org, archived, &crate::import::now_rfc3339())
        .await?
    {
        return Err(AppError::NotFound);
    }
    tracing::info!(by = %staff.email, %org, archived, "organisation archived or restored");
    state
        .db
        .get_org(&org)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

#[utoipa::path(
    post,
    path = "/api/orgs/{kind}/{id}/archive",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "Archived: its history stays, its staff's sessions ended and they can no longer log in", body = Object),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
pub(super) async fn archive_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Organisation>, AppError> {
    set_archived(&state, &staff, &kind, id, true).await
}

#[utoipa::path(
    post,
    path = "/api/orgs/{kind}/{id}/restore",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "No longer archived", body = Object),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
pub(super) async fn restore_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Organisation>, AppError> {
    set_archived(&state, &staff, &kind, id, false).await
}

/// The library `id`, if `staff` may change its branches: the admin, or a manager of it.
async fn branch_library(
    state: &AppState,
    staff: &CurrentStaff,
    id: &str,
    change: bool,
) -> Result<OrgRef, AppError> {
    let org = super::managed_org(state, staff, OrgKind::Library, id).await?;
    if change {
        staff.require_manager_of(&org)?;
    }
    Ok(org)
}

#[utoipa::path(
    get,
    path = "/api/orgs/library/{library}/branches",
    tag = "organisations",
    params(("library" = String, Path, description = "Id of the library")),
    responses(
        (status = 200, description = "The library's branches, by name", body = [Branch]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
    )
)]
pub(super) async fn list_branches(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<Branch>>, AppError> {
    let org = branch_library(&state, &staff, &library, false).await?;
    Ok(Json(state.db.branches(&org.id).await?))
}

#[utoipa::path(
    put,
    path = "/api/orgs/library/{library}/branches/{branch}",
    tag = "organisations",
    params(
        ("library" = String, Path, description = "Id of the library"),
        ("branch" = String, Path, description = "Id of the branch (lowercase letters, digits and -)"),
    ),
    request_body = Branch,
    responses(
        (status = 200, description = "Added or changed; the library's branches", body = [Branch]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library", body = ErrorBody),
        (status = 422, description = "Invalid id, name, location or address; or the body's id is not the path's", body = ErrorBody),
    )
)]
pub(super) async fn put_branch(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, branch_id)): ApiPath<(String, String)>,
    ApiJson(branch): ApiJson<Branch>,
) -> Result<Json<Vec<Branch>>, AppError> {
    let org = branch_library(&state, &staff, &library, true).await?;
    check_id("id", &branch_id)?;
    if branch.id != branch_id {
        return Err(FieldError::new("id", suite_domain::i18n::Msg::ErrInvalidInput).into());
    }
    check_text("name", &branch.name, NAME_MAX)?;
    if branch.location_id.chars().count() > NAME_MAX {
        check_text("location_id", &branch.location_id, NAME_MAX)?;
    }
    if branch.address.chars().count() > ADDRESS_MAX {
        check_text("address", &branch.address, ADDRESS_MAX)?;
    }
    let clean = Branch {
        id: branch_id,
        name: branch.name.trim().to_string(),
        location_id: branch.location_id.trim().to_string(),
        address: branch.address.trim().to_string(),
    };
    state.db.put_branch(&org.id, &clean).await?;
    Ok(Json(state.db.branches(&org.id).await?))
}

#[utoipa::path(
    delete,
    path = "/api/orgs/library/{library}/branches/{branch}",
    tag = "organisations",
    params(
        ("library" = String, Path, description = "Id of the library"),
        ("branch" = String, Path, description = "Id of the branch"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library or branch", body = ErrorBody),
    )
)]
pub(super) async fn delete_branch(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, branch_id)): ApiPath<(String, String)>,
) -> Result<StatusCode, AppError> {
    let org = branch_library(&state, &staff, &library, true).await?;
    if !state.db.delete_branch(&org.id, &branch_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
