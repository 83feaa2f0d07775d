//! `/api/culture`: Culture Matcher's anonymous interaction counts and after-show chat
//! (public, one small report at a time, added to daily counts), and the centre's insight
//! (staff of that centre or an admin).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use suite_domain::api::ErrorBody;
use suite_domain::culture::insight::{
    FEEDBACK_WORDS_KEPT, Feedback, InsightDays, InteractionReport, ShowInsight, insight_csv,
    insight_days,
};
use suite_domain::culture::programme::CentreSummary;
use suite_domain::org::{OrgKind, OrgRef};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError};
use crate::import::now_rfc3339;
use crate::net::ClientIp;
use crate::programme_index::ProgrammeShows;
use crate::rate_limit::DAILY_CAP_PER_SHOW;

/// Longest show id taken (the same limit as in the OpenAPI document).
use suite_domain::culture::insight::SHOW_ID_MAX;

fn centre_ref(centre: &str) -> Result<OrgRef, AppError> {
    super::org_ref(OrgKind::Centre, centre)
}

/// Today as `YYYY-MM-DD` (UTC).
fn today() -> String {
    now_rfc3339().chars().take(10).collect()
}

/// Checks that `centre` has Culture Matcher switched on and a published programme (else
/// 404: nothing is counted for a centre without an active subscription) and that `show`
/// is one of its shows: in the published programme, stored for the centre, or saved by
/// someone while it was published (else 422).
async fn check_show(state: &AppState, centre: &str, show: &str) -> Result<(), AppError> {
    let org = centre_ref(centre)?;
    if !state.db.app_active(&org, "culture-matcher").await? {
        return Err(AppError::NotFound);
    }
    let programme = state
        .programmes
        .shows(&state.config.public_data_dir(), centre)
        .await
        .ok_or(AppError::NotFound)?;
    if show.is_empty() || show.len() > SHOW_ID_MAX {
        return Err(AppError::unprocessable("show id of implausible length"));
    }
    let known = programme.contains(show)
        || state.db.get_culture_show(centre, show).await?.is_some()
        || state.db.culture_show_was_saved(centre, show).await?;
    if known {
        Ok(())
    } else {
        Err(AppError::unprocessable("unknown show"))
    }
}

#[utoipa::path(get, path = "/api/culture/centres", tag = "culture-matcher",
    responses((status = 200, description = "Centres with a published programme and Culture Matcher switched on, by name", body = [CentreSummary])))]
pub(super) async fn list_centres(
    State(state): State<AppState>,
) -> Result<Json<Vec<CentreSummary>>, AppError> {
    let mut listed = Vec::new();
    for centre in state
        .programmes
        .centres(&state.config.public_data_dir())
        .await
    {
        let org = suite_domain::org::OrgRef::new(OrgKind::Centre, centre.id.clone());
        if state.db.app_active(&org, "culture-matcher").await? {
            listed.push(centre);
        }
    }
    Ok(Json(listed))
}

#[utoipa::path(post, path = "/api/culture/{centre}/interactions", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = InteractionReport,
    responses(
        (status = 204, description = "Counted (anonymously, in the day's total)"),
        (status = 404, description = "Culture Matcher is not switched on for this centre, or it has no published programme", body = ErrorBody),
        (status = 422, description = "Not a show of the programme, or not a known interaction", body = ErrorBody),
        (status = 429, description = "Too many reports from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_interaction(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(centre): ApiPath<String>,
    ApiJson(report): ApiJson<InteractionReport>,
) -> Result<StatusCode, AppError> {
    state
        .public_writes
        .take(address, crate::auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    check_show(&state, &centre, &report.show).await?;
    // At the day's cap the report is taken, and not counted.
    state.db.count_culture_interaction(
        &centre,
        &report.show,
        &today(),
        report.interaction,
        DAILY_CAP_PER_SHOW,
    );
    Ok(StatusCode::NO_CONTENT)
}

/// The own words as stored: trimmed, control characters as spaces, `None` when empty.
fn clean_words(words: Option<&str>) -> Option<String> {
    let cleaned: String = words?
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[utoipa::path(post, path = "/api/culture/{centre}/feedback", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = Feedback,
    responses(
        (status = 204, description = "Counted; own words kept among the newest of the show"),
        (status = 404, description = "Culture Matcher is not switched on for this centre, or it has no published programme", body = ErrorBody),
        (status = 422, description = "Rating out of range, words too long, or not a show of the programme", body = ErrorBody),
        (status = 429, description = "Too many reports from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn post_feedback(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(centre): ApiPath<String>,
    ApiJson(feedback): ApiJson<Feedback>,
) -> Result<StatusCode, AppError> {
    state
        .public_writes
        .take(address, crate::auth::now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })?;
    feedback.check().map_err(AppError::unprocessable)?;
    check_show(&state, &centre, &feedback.show).await?;
    let day = today();
    // Own words beyond the address's few of the day are not kept (the answer still
    // counts), so a flood never pushes real answers out.
    let words = match clean_words(feedback.words.as_deref()) {
        Some(words) if state.public_writes.words_allowed(address, &day).await => Some(words),
        _ => None,
    };
    state
        .db
        .add_culture_feedback(
            &centre,
            &feedback.show,
            &day,
            feedback.rating,
            feedback.similar,
            words.as_deref(),
            FEEDBACK_WORDS_KEPT,
            DAILY_CAP_PER_SHOW,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Which own words to remove.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct WordsToDelete {
    /// The show the words were given about.
    show: String,
    /// The words exactly as the insight lists them.
    words: String,
}

#[utoipa::path(delete, path = "/api/culture/{centre}/insight/words", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id"), WordsToDelete),
    responses(
        (status = 204, description = "Removed (every answer of the show with exactly these words)"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such centre, or no such words", body = ErrorBody),
        (status = 422, description = "`show` or `words` missing", body = ErrorBody),
    ))]
pub(super) async fn delete_words(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    crate::error::ApiQuery(which): crate::error::ApiQuery<WordsToDelete>,
) -> Result<StatusCode, AppError> {
    super::managed_org(&state, &staff, OrgKind::Centre, &centre).await?;
    let removed = state
        .db
        .delete_feedback_words(&centre, &which.show, &which.words)
        .await?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    tracing::info!(by = %staff.email, %centre, show = %which.show, removed, "own words removed");
    Ok(StatusCode::NO_CONTENT)
}

/// The period of the insight (`from`, `to`; both optional).
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub(super) struct InsightQuery {
    /// First day, `YYYY-MM-DD`.
    from: Option<String>,
    /// Last day, `YYYY-MM-DD`; at most 366 days after `from`.
    to: Option<String>,
}

/// Days of the per-day insight when none are chosen, and the most that can be.
const INSIGHT_DEFAULT_DAYS: i64 = 31;
const INSIGHT_MAX_DAYS: i64 = 366;

/// The period asked for (`None`: all time, only where `all_time` is allowed).
fn insight_period(
    query: &InsightQuery,
    all_time: bool,
) -> Result<Option<(String, String)>, AppError> {
    if all_time && query.from.is_none() && query.to.is_none() {
        return Ok(None);
    }
    let today = suite_domain::date::LocalDate::parse(&now_rfc3339()[..10])
        .ok_or_else(|| AppError::Internal("no date today".into()))?;
    suite_domain::date::period(
        query.from.as_deref(),
        query.to.as_deref(),
        today,
        INSIGHT_DEFAULT_DAYS,
        INSIGHT_MAX_DAYS,
    )
    .map(|(from, to)| Some((from.to_string(), to.to_string())))
    .ok_or_else(|| AppError::unprocessable("the period must be one to 366 days, YYYY-MM-DD"))
}

/// `centre` if `staff` may read its insight: refused for another organisation's staff,
/// 404 for a centre that does not exist.
async fn insight_centre(
    state: &AppState,
    staff: &CurrentStaff,
    centre: &str,
) -> Result<(), AppError> {
    let org = centre_ref(centre)?;
    staff.require_scope(&org)?;
    if state.db.get_org(&org).await?.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The insight of `centre` for `staff` over the period asked for (all time by default).
/// Every show of the published programme comes first, in programme order (with zeros
/// when nothing was counted), then shows that were counted but have left the programme.
async fn scoped_insight(
    state: &AppState,
    staff: &CurrentStaff,
    centre: &str,
    query: &InsightQuery,
) -> Result<Vec<ShowInsight>, AppError> {
    insight_centre(state, staff, centre).await?;
    let counted = match insight_period(query, true)? {
        None => state.db.culture_insight(centre).await?,
        Some((from, to)) => state.db.culture_insight_between(centre, &from, &to).await?,
    };
    let programme = state
        .programmes
        .shows(&state.config.public_data_dir(), centre)
        .await
        .unwrap_or_default();
    Ok(in_programme_order(&programme, counted))
}

fn in_programme_order(programme: &ProgrammeShows, counted: Vec<ShowInsight>) -> Vec<ShowInsight> {
    let mut counted = counted;
    let mut rows: Vec<ShowInsight> = programme
        .shows
        .iter()
        .map(|(id, title)| {
            let mut row = counted
                .iter()
                .position(|c| &c.show == id)
                .map(|i| counted.swap_remove(i))
                .unwrap_or_else(|| ShowInsight {
                    show: id.clone(),
                    ..ShowInsight::default()
                });
            row.title = title.clone();
            row
        })
        .collect();
    counted.sort_by(|a, b| a.show.cmp(&b.show));
    rows.extend(counted.into_iter().map(|mut row| {
        row.title = programme.title(&row.show).unwrap_or(&row.show).to_string();
        row
    }));
    rows
}

#[utoipa::path(get, path = "/api/culture/{centre}/insight", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id"), InsightQuery),
    responses(
        (status = 200, description = "Per show over the period (all time without one): swipe, suggestion, save, share, ticket and attendance counts and the feedback summary", body = [ShowInsight]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
        (status = 422, description = "Not a period of 1 to 366 days", body = ErrorBody),
    ))]
pub(super) async fn get_insight(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiQuery(query): ApiQuery<InsightQuery>,
) -> Result<Json<Vec<ShowInsight>>, AppError> {
    Ok(Json(scoped_insight(&state, &staff, &centre, &query).await?))
}

#[utoipa::path(get, path = "/api/culture/{centre}/insight/days", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id"), InsightQuery),
    responses(
        (status = 200, description = "Every count per day over the period (by default the last 31 days), all shows together", body = InsightDays),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
        (status = 422, description = "Not a period of 1 to 366 days", body = ErrorBody),
    ))]
pub(super) async fn get_insight_days(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiQuery(query): ApiQuery<InsightQuery>,
) -> Result<Json<InsightDays>, AppError> {
    insight_centre(&state, &staff, &centre).await?;
    let (from, to) =
        insight_period(&query, false)?.ok_or_else(|| AppError::Internal("no period".into()))?;
    let rows = state.db.culture_insight_days(&centre, &from, &to).await?;
    let day = |text: &str| {
        suite_domain::date::LocalDate::parse(text)
            .ok_or_else(|| AppError::Internal(format!("not a day: {text}")))
    };
    Ok(Json(insight_days(&rows, day(&from)?, day(&to)?)))
}

#[utoipa::path(get, path = "/api/culture/{centre}/insight.csv", tag = "culture-matcher",
    params(("centre" = String, Path, description = "Centre id"), InsightQuery),
    responses(
        (status = 200, description = "The same insight as CSV", content_type = "text/csv"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another organisation", body = ErrorBody),
        (status = 404, description = "No such centre", body = ErrorBody),
        (status = 422, description = "Not a period of 1 to 366 days", body = ErrorBody),
    ))]
pub(super) async fn get_insight_csv(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiQuery(query): ApiQuery<InsightQuery>,
) -> Result<Response, AppError> {
    let csv = insight_csv(&scoped_insight(&state, &staff, &centre, &query).await?);
    let disposition = format!("attachment; filename=\"cultuurmatcher-{centre}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_words_are_trimmed_and_lose_control_characters() {
        assert_eq!(clean_words(None), None);
        assert_eq!(clean_words(Some("  \n\t ")), None);
        assert_eq!(
            clean_words(Some(" Echt\u{0}goed!\r\nMerci ")).as_deref(),
            Some("Echt goed!  Merci")
        );
    }

    #[test]
    fn programme_shows_come_first_in_order_then_the_rest() {
        let programme = ProgrammeShows {
            centre_name: "Nova".into(),
            shows: vec![("b".into(), "Bee".into()), ("a".into(), "Aa".into())],
        };
        let counted = vec![
            ShowInsight {
                show: "z".into(),
                shown: 1,
                ..ShowInsight::default()
            },
            ShowInsight {
                show: "a".into(),
                hearts: 2,
                ..ShowInsight::default()
            },
        ];
        let rows = in_programme_order(&programme, counted);
        let summary: Vec<_> = rows
            .iter()
            .map(|r| (r.show.as_str(), r.title.as_str(), r.hearts, r.shown))
            .collect();
        assert_eq!(
            summary,
            [("b", "Bee", 0, 0), ("a", "Aa", 2, 0), ("z", "z", 0, 1)]
        );
    }
}
