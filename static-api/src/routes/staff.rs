//! `POST /api/staff`: add a staff account. Admins add anyone; staff add colleagues
//! to their own organisation only; only admins add admins.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::{ErrorBody, NewStaff, StaffSummary};
use suite_domain::i18n::Msg;
use suite_domain::org::Role;
use suite_domain::validation::{
    FieldError, NAME_MAX, check_email, check_new_password, check_text, normalise_email,
};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::is_unique_violation;
use crate::error::{ApiJson, AppError};

#[utoipa::path(
    post,
    path = "/api/staff",
    tag = "organisations",
    request_body = NewStaff,
    responses(
        (status = 201, description = "Account created", body = StaffSummary),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Outside the caller's organisation", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        (status = 409, description = "Email already in use", body = ErrorBody),
        (status = 422, description = "Invalid field", body = ErrorBody),
    )
)]
pub(super) async fn create_staff(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiJson(new): ApiJson<NewStaff>,
) -> Result<(StatusCode, Json<StaffSummary>), AppError> {
    let role = Role::from_parts(&new.role, new.org.as_deref()).ok_or(FieldError {
        field: "role",
        message: Msg::ErrInvalidInput,
    })?;
    match role.org() {
        None => staff.require_admin()?,
        Some(org) => {
            staff.require_scope(&org)?;
            if state.db.get_org(&org).await?.is_none() {
                return Err(AppError::NotFound);
            }
        }
    }
    check_email(&new.email)?;
    check_text("display_name", &new.display_name, NAME_MAX)?;
    check_new_password(&new.password)?;
    let email = normalise_email(&new.email);
    let hash = state.passwords.hash(new.password).await?;
    let name = new.display_name.trim();
    match state.db.insert_staff(&email, name, &hash, &role).await {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::Conflict(format!("{email} exists")));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(by = %staff.email, %email, role = role.name(), "staff account created");
    Ok((
        StatusCode::CREATED,
        Json(StaffSummary {
            email,
            display_name: name.into(),
            role,
        }),
    ))
}
