//! Staff accounts: nobody types another person's password. The admin, and a manager for
//! their own organisation, invite a person (a one-time link where they set their own
//! password), reset an account (a new link; the old password stops working), disable
//! and enable it (its sessions end at once) or delete it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::i18n::Msg;
use suite_domain::org::Role;
use suite_domain::service::{
    INVITATION_PAGE, INVITATION_SECONDS, InvitationAccept, InvitationInfo, InvitationLink,
    NewInvitation, StaffAccount,
};
use suite_domain::validation::{FieldError, NAME_MAX, check_email, check_text, normalise_email};

use crate::AppState;
use crate::auth::{self, CurrentStaff};
use crate::db::{StaffRow, is_unique_violation};
use crate::error::{ApiJson, ApiPath, AppError};
use crate::net::ClientIp;

/// Makes a new one-time link for `account` (earlier unused ones stop working).
async fn new_link(
    state: &AppState,
    account: &StaffRow,
    by: &str,
) -> Result<InvitationLink, AppError> {
    let token = auth::new_token();
    let now = auth::now_unix();
    let expires_at = now + INVITATION_SECONDS;
    state
        .db
        .insert_invitation(&auth::token_hash(&token), account.id, by, now, expires_at)
        .await?;
    Ok(InvitationLink {
        account: account.account(),
        path: format!("{INVITATION_PAGE}#{token}"),
        expires_at,
    })
}

/// The account `id`, if `staff` may manage it: an admin any account but their own, a
/// manager those of their own organisation but their own.
async fn managed_account(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
) -> Result<StaffRow, AppError> {
    let account = state.db.get_staff(id).await?.ok_or(AppError::NotFound)?;
    if account.id == staff.id {
        return Err(AppError::Forbidden(format!(
            "{} acts on their own account in their own settings",
            staff.email
        )));
    }
    match account.role.org() {
        Some(org) => staff.require_manager_of(&org)?,
        None => staff.require_admin()?,
    }
    staff.audit.note(account.role.org(), account.email.clone());
    Ok(account)
}

#[utoipa::path(
    post,
    path = "/api/staff/invitations",
    tag = "organisations",
    request_body = NewInvitation,
    responses(
        (status = 201, description = "Account made, waiting for its password; the link to pass on", body = InvitationLink),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of that organisation", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        (status = 409, description = "Email already in use", body = ErrorBody),
        (status = 422, description = "Invalid field", body = ErrorBody),
    )
)]
pub(super) async fn invite(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiJson(new): ApiJson<NewInvitation>,
) -> Result<(StatusCode, Json<InvitationLink>), AppError> {
    let role = Role::from_parts(&new.role, new.org.as_deref()).ok_or(FieldError {
        field: "role",
        message: Msg::ErrInvalidInput,
    })?;
    match role.org() {
        None => staff.require_admin()?,
        Some(org) => {
            staff.require_manager_of(&org)?;
            match state.db.get_org(&org).await? {
                Some(found) if !found.archived => {}
                _ => return Err(AppError::NotFound),
            }
        }
    }
    let manager = new.manager && !role.is_admin();
    let link = invite_account(
        &state,
        &staff,
        &role,
        &new.email,
        &new.display_name,
        manager,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(link)))
}

/// Makes an account of `role` that waits for its password, and its one-time link: the
/// one way an account is invited (here, and a theatre company's account by a centre in
/// `vds_companies`). The caller has checked that `staff` may invite into `role`.
pub(super) async fn invite_account(
    state: &AppState,
    staff: &CurrentStaff,
    role: &Role,
    email: &str,
    display_name: &str,
    manager: bool,
) -> Result<InvitationLink, AppError> {
    check_email(email)?;
    check_text("display_name", display_name, NAME_MAX)?;
    let email = normalise_email(email);
    let name = display_name.trim();
    let id = match state.db.insert_staff(&email, name, "", role, manager).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::Conflict(format!("{email} exists")));
        }
        Err(e) => return Err(e.into()),
    };
    let account = state.db.get_staff(id).await?.ok_or(AppError::NotFound)?;
    staff.audit.note(role.org(), email.clone());
    tracing::info!(by = %staff.email, %email, role = role.name(), "staff invited");
    new_link(state, &account, &staff.email).await
}

#[utoipa::path(
    post,
    path = "/api/staff/{account}/reset",
    tag = "organisations",
    params(("account" = i64, Path, description = "The account's id")),
    responses(
        (status = 200, description = "The password no longer works and the sessions ended; the new link to pass on", body = InvitationLink),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the account's organisation, or one's own account", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody),
    )
)]
pub(super) async fn reset(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<InvitationLink>, AppError> {
    let account = managed_account(&state, &staff, id).await?;
    state.db.set_password(account.id, "", None).await?;
    let account = state.db.get_staff(id).await?.ok_or(AppError::NotFound)?;
    tracing::info!(by = %staff.email, email = %account.email, "staff account reset");
    Ok(Json(new_link(&state, &account, &staff.email).await?))
}

/// Disables or enables an account.
async fn set_disabled(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
    disabled: bool,
) -> Result<Json<StaffAccount>, AppError> {
    let account = managed_account(state, staff, id).await?;
    state
        .db
        .set_disabled(account.id, disabled, &crate::import::now_rfc3339())
        .await?;
    tracing::info!(by = %staff.email, email = %account.email, disabled, "staff account switched");
    let account = state.db.get_staff(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(account.account()))
}

#[utoipa::path(
    post,
    path = "/api/staff/{account}/disable",
    tag = "organisations",
    params(("account" = i64, Path, description = "The account's id")),
    responses(
        (status = 200, description = "Disabled; its sessions ended at once", body = StaffAccount),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the account's organisation, or one's own account", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody),
    )
)]
pub(super) async fn disable(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<StaffAccount>, AppError> {
    set_disabled(&state, &staff, id, true).await
}

#[utoipa::path(
    post,
    path = "/api/staff/{account}/enable",
    tag = "organisations",
    params(("account" = i64, Path, description = "The account's id")),
    responses(
        (status = 200, description = "Enabled: it may log in again", body = StaffAccount),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the account's organisation, or one's own account", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody),
    )
)]
pub(super) async fn enable(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<StaffAccount>, AppError> {
    set_disabled(&state, &staff, id, false).await
}

#[utoipa::path(
    delete,
    path = "/api/staff/{account}",
    tag = "organisations",
    params(("account" = i64, Path, description = "The account's id")),
    responses(
        (status = 204, description = "Deleted, with its sessions and links"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin or a manager of the account's organisation, or one's own account", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody),
    )
)]
pub(super) async fn delete(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, AppError> {
    let account = managed_account(&state, &staff, id).await?;
    state.db.delete_staff(account.id).await?;
    tracing::info!(by = %staff.email, email = %account.email, "staff account deleted");
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/staff/admins",
    tag = "organisations",
    responses(
        (status = 200, description = "The service's admins", body = [StaffAccount]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
    )
)]
pub(super) async fn list_admins(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Vec<StaffAccount>>, AppError> {
    staff.require_admin()?;
    let admins = state.db.list_admins().await?;
    Ok(Json(admins.iter().map(StaffRow::account).collect()))
}

/// The invitation of a link's token: a well-formed token of a live, unused link.
async fn invitation(
    state: &AppState,
    token: &str,
) -> Result<crate::db::service::InvitationRow, AppError> {
    let well_formed = token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit());
    if !well_formed {
        return Err(AppError::NotFound);
    }
    state
        .db
        .find_invitation(&auth::token_hash(token), auth::now_unix())
        .await?
        .ok_or(AppError::NotFound)
}

/// The name of the account's organisation; `None` for an admin.
async fn org_name(state: &AppState, account: &StaffRow) -> Result<Option<String>, AppError> {
    match account.role.org() {
        Some(org) => Ok(state.db.get_org(&org).await?.map(|o| o.name)),
        None => Ok(None),
    }
}

#[utoipa::path(
    get,
    path = "/api/invitations/{token}",
    tag = "session",
    params(("token" = String, Path, description = "The token after `#` in the link")),
    responses(
        (status = 200, description = "Whose invitation this is", body = InvitationInfo),
        (status = 404, description = "No such link, or used, or expired", body = ErrorBody),
        (status = 429, description = "Too many tries from this address; see `Retry-After`", body = ErrorBody),
    )
)]
pub(super) async fn get_invitation(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<InvitationInfo>, AppError> {
    state
        .public_writes
        .take(address, auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    let found = invitation(&state, &token).await?;
    let org_name = org_name(&state, &found.staff).await?;
    Ok(Json(InvitationInfo {
        email: found.staff.email,
        display_name: found.staff.display_name,
        org_name,
        expires_at: found.expires_at,
    }))
}

#[utoipa::path(
    post,
    path = "/api/invitations/{token}",
    tag = "session",
    params(("token" = String, Path, description = "The token after `#` in the link")),
    request_body = InvitationAccept,
    responses(
        (status = 204, description = "The password is set; the link no longer works. Log in with it."),
        (status = 404, description = "No such link, or used, or expired", body = ErrorBody),
        (status = 422, description = "The password is too short, too long or too easy to guess", body = ErrorBody),
        (status = 429, description = "Too many tries from this address; see `Retry-After`", body = ErrorBody),
        (status = 503, description = "Too many password hashes at once; see `Retry-After`", body = ErrorBody),
    )
)]
pub(super) async fn accept_invitation(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(token): ApiPath<String>,
    ApiJson(accept): ApiJson<InvitationAccept>,
) -> Result<StatusCode, AppError> {
    state
        .public_writes
        .take(address, auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    let found = invitation(&state, &token).await?;
    let org_name = org_name(&state, &found.staff).await?;
    let mut personal = vec![
        found.staff.email.as_str(),
        found.staff.display_name.as_str(),
    ];
    personal.extend(org_name.as_deref());
    auth::check_strength(&accept.password, &personal)?;
    let hash = state.passwords.hash(accept.password).await?;
    let used = state
        .db
        .use_invitation(
            &auth::token_hash(&token),
            found.staff.id,
            &hash,
            auth::now_unix(),
        )
        .await?;
    if !used {
        return Err(AppError::NotFound);
    }
    tracing::info!(email = %found.staff.email, "invitation used: password set");
    crate::audit::write(
        &state,
        &found.staff.email,
        found.staff.role.org().as_ref(),
        "invitation used",
        "password set",
    )
    .await;
    Ok(StatusCode::NO_CONTENT)
}
