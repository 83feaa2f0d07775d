//! `/api/bieblo`: the settings of each branch's kiosk and its anonymous usage counts
//! (public), and the library's back-office: kiosk settings and statistics (staff,
//! scoped); its catalogue imports are `bieblo_imports.rs`.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use suite_domain::api::ErrorBody;
use suite_domain::bieblo::default_themes;
use suite_domain::bieblo::kiosk::{
    KioskSettings, KioskSettingsUpdate, KioskStats, KioskSummary, KioskUsage, check_settings,
    every_day, stats_period,
};
use suite_domain::date::LocalDate;
use suite_domain::org::{OrgKind, OrgRef};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError};
use crate::import::now_rfc3339;

pub(super) fn library_ref(library: &str) -> Result<OrgRef, AppError> {
    super::org_ref(OrgKind::Library, library)
}

/// The library `library` if `staff` manages it and it exists.
pub(super) async fn managed_library(
    state: &AppState,
    staff: &CurrentStaff,
    library: &str,
) -> Result<OrgRef, AppError> {
    super::managed_org(state, staff, OrgKind::Library, library).await
}

#[utoipa::path(get, path = "/api/bieblo/kiosks", tag = "bieblo",
    responses((status = 200, description = "Active kiosks", body = [KioskSummary])))]
pub(super) async fn list_kiosks(
    State(state): State<AppState>,
) -> Result<Json<Vec<KioskSummary>>, AppError> {
    Ok(Json(state.db.active_kiosks().await?))
}

#[utoipa::path(get, path = "/api/bieblo/{library}/kiosks", tag = "bieblo",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The kiosk of every branch of the library, by branch name", body = [KioskSettings]),
        (status = 404, description = "No such library", body = ErrorBody),
    ))]
pub(super) async fn library_kiosks(
    State(state): State<AppState>,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<KioskSettings>>, AppError> {
    if state.db.get_org(&library_ref(&library)?).await?.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(Json(state.db.library_kiosks(&library).await?))
}

/// The kiosk of a branch, or 404 when the library has no such branch.
async fn branch_kiosk(
    state: &AppState,
    library: &str,
    branch: &str,
) -> Result<KioskSettings, AppError> {
    library_ref(library)?;
    if !is_branch_id(branch) {
        return Err(AppError::NotFound);
    }
    state
        .db
        .kiosk(library, branch)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `id` can be a branch id (the rule of `Branch::id`); anything else is no branch.
fn is_branch_id(id: &str) -> bool {
    suite_domain::service::check_id("branch", id).is_ok()
}

#[utoipa::path(get, path = "/api/bieblo/{library}/kiosks/{branch}", tag = "bieblo",
    params(
        ("library" = String, Path, description = "Library id"),
        ("branch" = String, Path, description = "Branch id"),
    ),
    responses(
        (status = 200, description = "The kiosk's settings", body = KioskSettings),
        (status = 404, description = "No such library or branch", body = ErrorBody),
    ))]
pub(super) async fn get_kiosk(
    State(state): State<AppState>,
    ApiPath((library, branch)): ApiPath<(String, String)>,
) -> Result<Json<KioskSettings>, AppError> {
    Ok(Json(branch_kiosk(&state, &library, &branch).await?))
}

#[utoipa::path(put, path = "/api/bieblo/{library}/kiosks/{branch}", tag = "bieblo",
    params(
        ("library" = String, Path, description = "Library id"),
        ("branch" = String, Path, description = "Branch id"),
    ),
    request_body = KioskSettingsUpdate,
    responses(
        (status = 200, description = "Saved", body = KioskSettings),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such library or branch", body = ErrorBody),
        (status = 422, description = "Invalid settings", body = ErrorBody),
    ))]
pub(super) async fn put_kiosk(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, branch)): ApiPath<(String, String)>,
    ApiJson(update): ApiJson<KioskSettingsUpdate>,
) -> Result<Json<KioskSettings>, AppError> {
    managed_library(&state, &staff, &library).await?;
    branch_kiosk(&state, &library, &branch).await?;
    check_settings(&update)?;
    state.db.save_kiosk(&library, &branch, &update).await?;
    tracing::info!(by = %staff.email, %library, %branch, active = update.active, "kiosk settings saved");
    Ok(Json(branch_kiosk(&state, &library, &branch).await?))
}

/// Today as `YYYY-MM-DD` (UTC).
fn today() -> String {
    now_rfc3339().chars().take(10).collect()
}

/// The kiosk behind a public write of a kiosk (its usage, its heartbeat): the write
/// takes a token of the address's bucket (429 when empty), and only an active kiosk of a
/// library with Bieblo switched on writes anything (404 otherwise).
pub(super) async fn reporting_kiosk(
    state: &AppState,
    address: Option<std::net::IpAddr>,
    library: &str,
    branch: &str,
) -> Result<KioskSettings, AppError> {
    state
        .public_writes
        .take(address, crate::auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    let kiosk = branch_kiosk(state, library, branch).await?;
    if !(kiosk.active && kiosk.subscribed) {
        return Err(AppError::NotFound);
    }
    Ok(kiosk)
}

#[utoipa::path(post, path = "/api/bieblo/{library}/kiosks/{branch}/usage", tag = "bieblo",
    params(
        ("library" = String, Path, description = "Library id"),
        ("branch" = String, Path, description = "Branch id"),
    ),
    request_body = KioskUsage,
    responses(
        (status = 204, description = "Counted"),
        (status = 404, description = "No active kiosk", body = ErrorBody),
        (status = 422, description = "Not a plausible visit", body = ErrorBody),
        (status = 429, description = "Too many reports from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_usage(
    State(state): State<AppState>,
    crate::net::ClientIp(address): crate::net::ClientIp,
    ApiPath((library, branch)): ApiPath<(String, String)>,
    ApiJson(usage): ApiJson<KioskUsage>,
) -> Result<StatusCode, AppError> {
    reporting_kiosk(&state, address, &library, &branch).await?;
    let known: Vec<_> = default_themes().into_iter().map(|t| t.id).collect();
    let all_known = usage
        .swipes
        .iter()
        .map(|s| &s.theme)
        .chain(&usage.tip_themes)
        .all(|t| known.contains(t));
    if !usage.is_plausible() || !all_known {
        return Err(AppError::unprocessable("implausible kiosk usage"));
    }
    let mut per_theme: Vec<(String, u64, u64, u64)> = Vec::new();
    let mut bump = |theme: &str, like: u64, dislike: u64, tip: u64| match per_theme
        .iter_mut()
        .find(|(t, ..)| t == theme)
    {
        Some(entry) => {
            entry.1 += like;
            entry.2 += dislike;
            entry.3 += tip;
        }
        None => per_theme.push((theme.to_string(), like, dislike, tip)),
    };
    for swipe in &usage.swipes {
        bump(
            swipe.theme.as_str(),
            u64::from(swipe.liked),
            u64::from(!swipe.liked),
            0,
        );
    }
    for theme in &usage.tip_themes {
        bump(theme.as_str(), 0, 0, 1);
    }
    state
        .db
        .add_usage(
            &library,
            &branch,
            &today(),
            usage.new_visit,
            usage.tips,
            &per_theme,
            crate::rate_limit::DAILY_CAP_PER_LIBRARY,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The period of the statistics (`GET .../stats` and `.../stats.csv`).
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub(super) struct StatsQuery {
    /// First day, `YYYY-MM-DD` (by default 30 days before `to`).
    from: Option<String>,
    /// Last day, `YYYY-MM-DD` (by default today, UTC); at most 366 days after `from`.
    to: Option<String>,
}

async fn scoped_stats(
    state: &AppState,
    staff: &CurrentStaff,
    library: &str,
    query: &StatsQuery,
) -> Result<KioskStats, AppError> {
    let org = library_ref(library)?;
    staff.require_scope(&org)?;
    let today =
        LocalDate::parse(&today()).ok_or_else(|| AppError::Internal("no date today".into()))?;
    let (from, to) = stats_period(query.from.as_deref(), query.to.as_deref(), today)
        .ok_or_else(|| AppError::unprocessable("the period must be one to 366 days, YYYY-MM-DD"))?;
    let mut stats = state
        .db
        .kiosk_stats(library, &from.to_string(), &to.to_string())
        .await?;
    stats.days = every_day(&stats.days, from, to);
    Ok(stats)
}

#[utoipa::path(get, path = "/api/bieblo/{library}/stats", tag = "bieblo",
    params(("library" = String, Path, description = "Library id"), StatsQuery),
    responses(
        (status = 200, description = "Over the period: tips and visits on every day, swipes and tips per theme, visits and tips per kiosk", body = KioskStats),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library", body = ErrorBody),
        (status = 422, description = "Not a period of 1 to 366 days", body = ErrorBody),
    ))]
pub(super) async fn get_stats(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiQuery(query): ApiQuery<StatsQuery>,
) -> Result<Json<KioskStats>, AppError> {
    Ok(Json(scoped_stats(&state, &staff, &library, &query).await?))
}

#[utoipa::path(get, path = "/api/bieblo/{library}/stats.csv", tag = "bieblo",
    params(("library" = String, Path, description = "Library id"), StatsQuery),
    responses(
        (status = 200, description = "The same statistics as CSV", content_type = "text/csv"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library", body = ErrorBody),
        (status = 422, description = "Not a period of 1 to 366 days", body = ErrorBody),
    ))]
pub(super) async fn get_stats_csv(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiQuery(query): ApiQuery<StatsQuery>,
) -> Result<Response, AppError> {
    let stats = scoped_stats(&state, &staff, &library, &query).await?;
    let csv = stats.to_csv();
    let disposition = format!(
        "attachment; filename=\"bieblo-{library}-{}-{}.csv\"",
        stats.from, stats.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}
