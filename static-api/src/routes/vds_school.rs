//! Voor de Show's centre side, part two (`/api/voor-de-show/centres/{centre}/...`): a
//! centre links shows of the companies it invited to school performances (date, venue,
//! grades), publishes them, gets class codes (one on publishing, more per class) with
//! their links, and reads what classes did (per show and assignment; table, chart and
//! CSV in the back-office).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use suite_domain::api::ErrorBody;
use suite_domain::date::LocalDate;
use suite_domain::i18n::Msg;
use suite_domain::show::api::{
    AssignmentCount, CentreFigures, ClassCode, NewPerformance, Performance, ShowFigures,
    figures_csv,
};
use suite_domain::show::{CODE_DAYS_AFTER, CODE_LENGTH, class_code, class_link};
use suite_domain::validation::{FieldError, NAME_MAX};

use super::vds_companies::vds_centre;
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::vds_school::PerformanceRow;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

/// The performances of `centre` with their codes.
async fn performances(state: &AppState, centre: &str) -> Result<Vec<Performance>, AppError> {
    let mut codes: BTreeMap<i64, Vec<ClassCode>> = BTreeMap::new();
    for (performance, code, expires_on) in state.db.vds_codes(centre).await? {
        codes.entry(performance).or_default().push(ClassCode {
            link: class_link(&code),
            code,
            expires_on,
        });
    }
    let rows = state.db.vds_performances(centre).await?;
    Ok(rows
        .into_iter()
        .map(|p| Performance {
            codes: codes.remove(&p.id).unwrap_or_default(),
            id: p.id,
            show: p.show,
            show_title: p.show_title,
            company: p.company,
            date: p.day,
            venue: p.venue,
            grades: p.grades,
            published: p.published,
        })
        .collect())
}

async fn performance(state: &AppState, centre: &str, id: i64) -> Result<Performance, AppError> {
    performances(state, centre)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)
}

/// Performance `id` of `centre` (404 for another centre's).
async fn own_performance(
    state: &AppState,
    centre: &str,
    id: i64,
) -> Result<PerformanceRow, AppError> {
    match state.db.vds_performance(id).await? {
        Some(p) if p.centre == centre => Ok(p),
        _ => Err(AppError::NotFound),
    }
}

/// Draws and stores a new class code for `performance`, open until `CODE_DAYS_AFTER`
/// days after its day.
async fn new_code(state: &AppState, performance: &PerformanceRow) -> Result<(), AppError> {
    let day = LocalDate::parse(&performance.day)
        .ok_or_else(|| AppError::Internal(format!("stored day {:?}", performance.day)))?;
    let expires_on = LocalDate::from_days(day.days_since_epoch() + CODE_DAYS_AFTER)
        .ok_or_else(|| AppError::Internal(format!("no day after {day}")))?
        .to_string();
    for _ in 0..20 {
        let mut random = [0_u8; CODE_LENGTH];
        rand::rngs::OsRng.fill_bytes(&mut random);
        let code = class_code(random);
        if state
            .db
            .vds_insert_code(&code, performance.id, &expires_on, &now_rfc3339())
            .await?
        {
            return Ok(());
        }
    }
    Err(AppError::Internal("no free class code in 20 draws".into()))
}

#[utoipa::path(get, path = "/api/voor-de-show/centres/{centre}/performances", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The centre's school performances by day, with their class codes and links", body = [Performance]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, or Voor de Show not active there", body = ErrorBody),
    ))]
pub(super) async fn list_performances(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<Vec<Performance>>, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    Ok(Json(performances(&state, &org.id).await?))
}

#[utoipa::path(post, path = "/api/voor-de-show/centres/{centre}/performances", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    request_body = NewPerformance,
    responses(
        (status = 201, description = "Stored, not published yet", body = Performance),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, Voor de Show not active there, or no CSRF token", body = ErrorBody),
        (status = 422, description = "A show not of a company the centre invited, a wrong date, no venue or no grades", body = ErrorBody),
    ))]
pub(super) async fn create_performance(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
    ApiJson(new): ApiJson<NewPerformance>,
) -> Result<(StatusCode, Json<Performance>), AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    let shows = state.db.vds_centre_shows(&org.id).await?;
    if !shows.iter().any(|s| s.id == new.show) {
        return Err(FieldError::new("show", Msg::VdsAdminShowUnknown).into());
    }
    let day =
        LocalDate::parse(new.date.trim()).ok_or(FieldError::new("date", Msg::VdsAdminDate))?;
    let venue = new.venue.trim();
    if venue.is_empty() || venue.chars().count() > NAME_MAX {
        return Err(FieldError::new("venue", Msg::VdsAdminVenue).into());
    }
    let twice = new
        .grades
        .iter()
        .enumerate()
        .any(|(i, g)| new.grades[..i].contains(g));
    if new.grades.is_empty() || twice {
        return Err(FieldError::new("grades", Msg::VdsAdminGrades).into());
    }
    let id = state
        .db
        .vds_insert_performance(
            &org.id,
            new.show,
            &day.to_string(),
            venue,
            &new.grades,
            &now_rfc3339(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(performance(&state, &org.id, id).await?),
    ))
}

#[utoipa::path(post, path = "/api/voor-de-show/centres/{centre}/performances/{performance_id}/publish", tag = "voor-de-show",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("performance_id" = i64, Path, description = "Performance id"),
    ),
    responses(
        (status = 200, description = "Published: its class codes open the game (the first code is made now)", body = Performance),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, Voor de Show not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such performance of this centre", body = ErrorBody),
    ))]
pub(super) async fn publish(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, id)): ApiPath<(String, i64)>,
) -> Result<Json<Performance>, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    let row = own_performance(&state, &org.id, id).await?;
    state.db.vds_publish(id).await?;
    if performance(&state, &org.id, id).await?.codes.is_empty() {
        new_code(&state, &row).await?;
    }
    Ok(Json(performance(&state, &org.id, id).await?))
}

#[utoipa::path(post, path = "/api/voor-de-show/centres/{centre}/performances/{performance_id}/codes", tag = "voor-de-show",
    params(
        ("centre" = String, Path, description = "Centre id"),
        ("performance_id" = i64, Path, description = "Performance id"),
    ),
    responses(
        (status = 201, description = "One more class code (for one more class)", body = Performance),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, Voor de Show not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such performance of this centre", body = ErrorBody),
        (status = 422, description = "Not published yet", body = ErrorBody),
    ))]
pub(super) async fn add_code(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((centre, id)): ApiPath<(String, i64)>,
) -> Result<(StatusCode, Json<Performance>), AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    let row = own_performance(&state, &org.id, id).await?;
    if !row.published {
        return Err(FieldError::new("published", Msg::VdsAdminNotPublished).into());
    }
    new_code(&state, &row).await?;
    Ok((
        StatusCode::CREATED,
        Json(performance(&state, &org.id, id).await?),
    ))
}

/// The centre's figures: per show, classes that played and each assignment's counts.
async fn figures(state: &AppState, centre: &str) -> Result<CentreFigures, AppError> {
    let classes: BTreeMap<i64, i64> = state
        .db
        .vds_classes_played(centre)
        .await?
        .into_iter()
        .collect();
    let mut shows: Vec<ShowFigures> = Vec::new();
    for row in state.db.vds_play_counts(centre).await? {
        if shows.last().is_none_or(|s| s.show != row.show) {
            shows.push(ShowFigures {
                show: row.show,
                title: row.title.clone(),
                classes: classes.get(&row.show).copied().unwrap_or(0),
                assignments: Vec::new(),
            });
        }
        let Some(show) = shows.last_mut() else {
            continue;
        };
        if show
            .assignments
            .last()
            .is_none_or(|a| a.assignment != row.assignment)
        {
            show.assignments.push(AssignmentCount {
                assignment: row.assignment.clone(),
                done: 0,
                skipped: 0,
            });
        }
        if let Some(a) = show.assignments.last_mut() {
            match row.kind.as_str() {
                "done" => a.done += row.n,
                _ => a.skipped += row.n,
            }
        }
    }
    Ok(CentreFigures { shows })
}

#[utoipa::path(get, path = "/api/voor-de-show/centres/{centre}/figures", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "Per show: classes that played (class codes counted once a day) and per assignment how often it was done or skipped", body = CentreFigures),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, or Voor de Show not active there", body = ErrorBody),
    ))]
pub(super) async fn get_figures(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Json<CentreFigures>, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    Ok(Json(figures(&state, &org.id).await?))
}

#[utoipa::path(get, path = "/api/voor-de-show/centres/{centre}/figures.csv", tag = "voor-de-show",
    params(("centre" = String, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The same figures as CSV", content_type = "text/csv"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another centre, or Voor de Show not active there", body = ErrorBody),
    ))]
pub(super) async fn get_figures_csv(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(centre): ApiPath<String>,
) -> Result<Response, AppError> {
    let org = vds_centre(&state, &staff, &centre).await?;
    let figures = figures(&state, &org.id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"voor-de-show-{}.csv\"", org.id),
            ),
        ],
        figures_csv(&figures),
    )
        .into_response())
}
