//! Voor de Show's centre side, part one (`/api/voor-de-show/centres/{centre}/...`): a
//! centre's staff (an active `voor-de-show` subscription) invite theatre companies
//! through the one invitation path of staff accounts, and see their companies, the
//! pending links and their companies' shows. Also the scope rules every Voor de Show
//! handler starts with.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, OrgRef, Role};
use suite_domain::service::NewOrganisation;
use suite_domain::show::api::{
    APP, CentreCompanies, CompanyInvitation, CompanyInvite, ShowRecord, company_id,
};
use suite_domain::validation::{FieldError, NAME_MAX, check_text};

use super::staff::invite_account;
use crate::AppState;
use crate::auth::{CurrentStaff, now_unix};
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

/// `centre` if `staff` manage it (403/404 otherwise) and it takes part in Voor de Show
/// (an active subscription, not archived: otherwise 403 at the field `centre`).
pub(super) async fn vds_centre(
    state: &AppState,
    staff: &CurrentStaff,
    centre: &str,
) -> Result<OrgRef, AppError> {
    let org = super::managed_org(state, staff, OrgKind::Centre, centre).await?;
    if !state.db.app_active(&org, APP).await? {
        return Err(AppError::ForbiddenAt {
            field: "centre".into(),
            message: Msg::VdsAdminNotActive,
            detail: format!("{centre} has no active Voor de Show subscription"),
        });
    }
    Ok(org)
}

/// `company` if `staff` are its staff (or the admin): 403/404 otherwise.
pub(super) async fn vds_company(
    state: &AppState,
    staff: &CurrentStaff,
    company: &str,
) -> Result<OrgRef, AppError> {
    super::managed_org(state, staff, OrgKind::Company, company).await
}

#[utoipa::path(get, path = "/api/voor-de-show/centres/{centre}/companies", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The companies the centre invited and the company accounts' links not used yet", body = CentreCompanies),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, or Voor de Show not active there", body = ErrorBody),
    ))]
pub(super) async fn list_companies(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<CentreCompanies>, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    Ok(Json(CentreCompanies {
        companies: state.db.vds_centre_companies(&org.id).await?,
        pending: state
            .db
            .vds_pending_invitations(&org.id, now_unix())
            .await?,
    }))
}

/// The company an invitation is for: one of the centre's, or a new organisation.
async fn company_for(
    state: &AppState,
    centre: &str,
    invite: &CompanyInvite,
) -> Result<String, AppError> {
    if let Some(id) = invite.company.as_deref() {
        if !state.db.vds_invited(centre, id).await? {
            return Err(FieldError::new("company", Msg::VdsAdminNotInvited).into());
        }
        return Ok(id.to_string());
    }
    check_text("company_name", &invite.company_name, NAME_MAX)
        .map_err(|_| FieldError::new("company_name", Msg::VdsAdminCompanyName))?;
    if invite.town.chars().count() > NAME_MAX {
        check_text("town", &invite.town, NAME_MAX)?;
    }
    for n in 1..=50 {
        let new = NewOrganisation {
            kind: OrgKind::Company,
            id: company_id(&invite.company_name, n),
            name: invite.company_name.clone(),
            town: invite.town.clone(),
        };
        match crate::service::create_org(&state.db, new).await {
            Ok(org) => return Ok(org.id),
            Err(AppError::Conflict(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(AppError::Conflict(format!(
        "no free id for the company {:?}",
        invite.company_name
    )))
}

#[utoipa::path(post, path = "/api/voor-de-show/centres/{centre}/companies", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = CompanyInvite,
    responses(
        (status = 201, description = "The company (new, or one of the centre's) and the one-time link of its new account, to pass on", body = CompanyInvitation),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, Voor de Show not active there, or no CSRF token", body = ErrorBody),
        (status = 409, description = "The email is in use already", body = ErrorBody),
        (status = 422, description = "A field is missing or wrong, or the company is not one of the centre's", body = ErrorBody),
    ))]
pub(super) async fn invite_company(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiJson(invite): ApiJson<CompanyInvite>,
) -> Result<(StatusCode, Json<CompanyInvitation>), AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    // The person's fields first, so a refused invitation makes no company.
    suite_domain::validation::check_email(&invite.email)?;
    check_text("display_name", &invite.display_name, NAME_MAX)?;
    let company = company_for(&state, &org.id, &invite).await?;
    let role = Role::Company {
        company: company.clone(),
    };
    let link = invite_account(
        &state,
        &staff,
        &role,
        &invite.email,
        &invite.display_name,
        true,
    )
    .await?;
    state
        .db
        .vds_link_company(&org.id, &company, &now_rfc3339(), &staff.email)
        .await?;
    let company = state
        .db
        .vds_centre_companies(&org.id)
        .await?
        .into_iter()
        .find(|c| c.id == company)
        .ok_or(AppError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(CompanyInvitation { company, link }),
    ))
}

#[utoipa::path(get, path = "/api/voor-de-show/centres/{centre}/shows", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The shows of the companies the centre invited, newest first", body = [ShowRecord]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, or Voor de Show not active there", body = ErrorBody),
    ))]
pub(super) async fn centre_shows(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<Vec<ShowRecord>>, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    Ok(Json(state.db.vds_centre_shows(&org.id).await?))
}
