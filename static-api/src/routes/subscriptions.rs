//! Subscriptions: an organisation's staff ask for an app, the admin switches it on,
//! pauses or ends it; an app asks whether it works for an organisation. The rules are
//! `suite_domain::service::may_change`. And the audit log, read by the admin and, for
//! their own organisation, by managers.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use suite_domain::api::ErrorBody;
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::{
    Actor, AppAvailability, AuditEntry, Subscription, SubscriptionChange, SubscriptionRequest,
    SubscriptionState,
};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError};

/// The organisation of the path, if `app` is one its kind takes (otherwise 404).
fn subscriber(kind: &str, id: &str, app: &str) -> Result<OrgRef, AppError> {
    let kind = OrgKind::parse(kind).ok_or(AppError::NotFound)?;
    crate::service::subscriber(OrgRef::new(kind, id), app)
}

/// Stores a change the rules allow for `actor` ([`crate::service::change_subscription`])
/// and notes it for the audit log.
async fn change(
    state: &AppState,
    staff: &CurrentStaff,
    org: &OrgRef,
    app: &str,
    actor: Actor,
    to: SubscriptionState,
    population: Option<i64>,
) -> Result<Json<Subscription>, AppError> {
    let changed =
        crate::service::change_subscription(state, org, app, actor, to, &staff.email, population)
            .await?;
    staff
        .audit
        .note(Some(org.clone()), format!("{app}: {}", to.as_str()));
    tracing::info!(by = %staff.email, %org, app, state = to.as_str(), "subscription changed");
    Ok(Json(changed))
}

#[utoipa::path(
    get,
    path = "/api/orgs/{kind}/{id}/subscriptions",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library, centre or company"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "The organisation's subscriptions, by app", body = [Subscription]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
pub(super) async fn list_for_org(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id)): ApiPath<(String, String)>,
) -> Result<Json<Vec<Subscription>>, AppError> {
    let kind = OrgKind::parse(&kind).ok_or(AppError::NotFound)?;
    let org = super::managed_org(&state, &staff, kind, &id).await?;
    Ok(Json(state.db.subscriptions(Some(&org)).await?))
}

#[utoipa::path(
    get,
    path = "/api/subscriptions",
    tag = "organisations",
    responses(
        (status = 200, description = "Every subscription, by app and organisation", body = [Subscription]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
    )
)]
pub(super) async fn list_all(
    State(state): State<AppState>,
    staff: CurrentStaff,
) -> Result<Json<Vec<Subscription>>, AppError> {
    staff.require_admin()?;
    Ok(Json(state.db.subscriptions(None).await?))
}

#[utoipa::path(
    post,
    path = "/api/orgs/{kind}/{id}/subscriptions/{app}/request",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library or centre"),
        ("id" = String, Path, description = "Id of the organisation"),
        ("app" = String, Path, description = "The app's slug (bieblo, culture-matcher, …)"),
    ),
    request_body = SubscriptionRequest,
    responses(
        (status = 200, description = "Asked; the admin switches it on", body = Subscription),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not staff of this organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such organisation, or an app its kind does not take", body = ErrorBody),
        (status = 409, description = "Already asked for, active or paused", body = ErrorBody),
        (status = 422, description = "Population out of range", body = ErrorBody),
    )
)]
pub(super) async fn request(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id, app)): ApiPath<(String, String, String)>,
    ApiJson(asked): ApiJson<SubscriptionRequest>,
) -> Result<Json<Subscription>, AppError> {
    let org = subscriber(&kind, &id, &app)?;
    if staff.role.org().as_ref() != Some(&org) {
        return Err(AppError::Forbidden(format!(
            "{} is not staff of {org}",
            staff.email
        )));
    }
    let population = asked.population;
    change(
        &state,
        &staff,
        &org,
        &app,
        Actor::OwnStaff,
        SubscriptionState::Requested,
        population,
    )
    .await
}

#[utoipa::path(
    put,
    path = "/api/orgs/{kind}/{id}/subscriptions/{app}",
    tag = "organisations",
    params(
        ("kind" = String, Path, description = "library or centre"),
        ("id" = String, Path, description = "Id of the organisation"),
        ("app" = String, Path, description = "The app's slug (bieblo, culture-matcher, …)"),
    ),
    request_body = SubscriptionChange,
    responses(
        (status = 200, description = "Changed", body = Subscription),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such organisation, or an app its kind does not take", body = ErrorBody),
        (status = 409, description = "Not a change the rules allow from where it stands", body = ErrorBody),
        (status = 422, description = "Population out of range", body = ErrorBody),
    )
)]
pub(super) async fn set_state(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((kind, id, app)): ApiPath<(String, String, String)>,
    ApiJson(wanted): ApiJson<SubscriptionChange>,
) -> Result<Json<Subscription>, AppError> {
    staff.require_admin()?;
    let org = subscriber(&kind, &id, &app)?;
    let population = wanted.population;
    change(
        &state,
        &staff,
        &org,
        &app,
        Actor::Admin,
        wanted.state,
        population,
    )
    .await
}

#[utoipa::path(
    get,
    path = "/api/apps/{app}/{kind}/{id}",
    tag = "organisations",
    params(
        ("app" = String, Path, description = "The app's slug"),
        ("kind" = String, Path, description = "library or centre"),
        ("id" = String, Path, description = "Id of the organisation"),
    ),
    responses(
        (status = 200, description = "Whether the app works for the organisation (public: the state only)", body = AppAvailability),
        (status = 404, description = "An app its kind does not take", body = ErrorBody),
    )
)]
pub(super) async fn availability(
    State(state): State<AppState>,
    ApiPath((app, kind, id)): ApiPath<(String, String, String)>,
) -> Result<Json<AppAvailability>, AppError> {
    let org = subscriber(&kind, &id, &app)?;
    let found = state.db.get_org(&org).await?.filter(|o| !o.archived);
    let active = found.is_some() && state.db.app_active(&org, &app).await?;
    Ok(Json(AppAvailability {
        active,
        org_name: found.map(|o| o.name),
    }))
}

/// `GET /api/audit`'s query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(super) struct AuditQuery {
    /// `kind/id` of one organisation; without it (the admin only) every line.
    org: Option<String>,
    /// Lines from before this moment (RFC 3339), for the next page.
    before: Option<String>,
}

/// Lines per page of the audit log.
const AUDIT_PAGE: i64 = 200;

#[utoipa::path(
    get,
    path = "/api/audit",
    tag = "organisations",
    params(AuditQuery),
    responses(
        (status = 200, description = "The newest 200 lines (before `before`)", body = [AuditEntry]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not an admin, nor a manager of that organisation", body = ErrorBody),
        (status = 404, description = "Not an organisation", body = ErrorBody),
    )
)]
pub(super) async fn audit_log(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    let org = match query.org.as_deref() {
        Some(text) => {
            let (kind, id) = text.split_once('/').ok_or(AppError::NotFound)?;
            let kind = OrgKind::parse(kind).ok_or(AppError::NotFound)?;
            let org = super::org_ref(kind, id)?;
            staff.require_manager_of(&org)?;
            Some(org)
        }
        None => {
            staff.require_admin()?;
            None
        }
    };
    let before = query.before.filter(|b| b.len() <= 40);
    Ok(Json(
        state
            .db
            .audit_log(org.as_ref(), before.as_deref(), AUDIT_PAGE)
            .await?,
    ))
}
