//! Voor de Show's company side (`/api/voor-de-show/companies/{company}/shows`,
//! `/api/voor-de-show/shows/{show_id}`): a theatre company keeps its shows, each body a
//! `ShowData` checked by `ShowData::check` against the game's built-in content, its
//! images and sounds among the company's own uploads; refused data answers 422 naming
//! every field with its Dutch message, and nothing is stored. A company never sees
//! another's show (404). The preview answers what the game gets, for the company and for
//! the centres that invited it.

use std::sync::OnceLock;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use suite_domain::api::{ErrorBody, ErrorCode};
use suite_domain::i18n::{Lang, Msg};
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::show::api::{FieldProblem, MediaUse, PlayShow, ShowRecord};
use suite_domain::show::{Content, ShowData, ShowIssue, ShowProblem};

use super::vds_companies::vds_company;
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

/// The game's own content (built in), read once.
pub(super) fn content() -> Result<&'static Content, AppError> {
    static CONTENT: OnceLock<Result<Content, String>> = OnceLock::new();
    CONTENT
        .get_or_init(|| {
            suite_domain::show::builtin().map_err(|problems| {
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
        .as_ref()
        .map_err(|e| AppError::Internal(format!("the game's content: {e}")))
}

/// The answer to refused show data: 422, the first field in `error`, and every problem
/// with its field and Dutch message in `problems` (absent when the body itself could not
/// be read as show data: then only `error`, as every other 422).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(super) struct ShowRefusal {
    error: suite_domain::api::ErrorDetail,
    #[schema(required = false)]
    problems: Vec<FieldProblem>,
}

fn refused(problems: &[ShowProblem]) -> Response {
    tracing::info!(
        problems = %problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        "show data refused"
    );
    let mut body = ErrorBody::new(ErrorCode::InvalidInput).error;
    body.message = Msg::VdsAdminShowInvalid.text(Lang::Nl).into();
    body.field = problems.first().map(|p| p.field.clone());
    let problems = problems
        .iter()
        .map(|p| FieldProblem {
            field: p.field.clone(),
            message: p.msg().text(Lang::Nl).into(),
            detail: p.to_string(),
        })
        .collect();
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(ShowRefusal {
            error: body,
            problems,
        }),
    )
        .into_response()
}

/// Every problem of `data` for `company`: the check's, and images or sounds that are
/// not the company's uploads of that kind.
async fn problems(
    state: &AppState,
    company: &str,
    data: &ShowData,
) -> Result<Vec<ShowProblem>, AppError> {
    let mut problems = data.check(content()?);
    let uploads = state.db.vds_company_media(company).await?;
    let known =
        |id: &str, use_: MediaUse| uploads.iter().any(|m| m.id == id && m.media_use == use_);
    for (field, list, use_) in [
        ("images", &data.images, MediaUse::Image),
        ("sounds", &data.sounds, MediaUse::Sound),
    ] {
        for (i, id) in list.iter().enumerate() {
            let at = format!("{field}[{i}]");
            if !known(id, use_) && !problems.iter().any(|p| p.field == at) {
                problems.push(ShowProblem {
                    field: at,
                    issue: ShowIssue::BadMedia,
                });
            }
        }
    }
    Ok(problems)
}

/// Show `id` if `staff` are of its company (or the admin); 404 for any other's.
async fn own_show(state: &AppState, staff: &CurrentStaff, id: i64) -> Result<ShowRecord, AppError> {
    let show = state.db.vds_show(id).await?.ok_or(AppError::NotFound)?;
    if !staff
        .role
        .can_manage(&OrgRef::new(OrgKind::Company, &show.company))
    {
        return Err(AppError::NotFound);
    }
    Ok(show)
}

#[utoipa::path(get, path = "/api/voor-de-show/companies/{company}/shows", tag = "voor-de-show",
    params(("company" = String, Path, description = "Company id")),
    responses(
        (status = 200, description = "The company's shows, newest first", body = [ShowRecord]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not staff of this company", body = ErrorBody),
    ))]
pub(super) async fn list_shows(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(company): ApiPath<String>,
) -> Result<Json<Vec<ShowRecord>>, AppError> {
    let org = vds_company(&state, &staff, &company).await?;
    Ok(Json(state.db.vds_company_shows(&org.id).await?))
}

#[utoipa::path(post, path = "/api/voor-de-show/companies/{company}/shows", tag = "voor-de-show",
    params(("company" = String, Path, description = "Company id")),
    request_body(content = Object, description = "The show data (`ShowData`)"),
    responses(
        (status = 201, description = "Checked and stored", body = ShowRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not staff of this company, or no CSRF token", body = ErrorBody),
        (status = 422, description = "Refused: every field with its Dutch message; nothing stored", body = ShowRefusal),
    ))]
pub(super) async fn create_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(company): ApiPath<String>,
    ApiJson(data): ApiJson<ShowData>,
) -> Result<Response, AppError> {
    let org = vds_company(&state, &staff, &company).await?;
    let problems = problems(&state, &org.id, &data).await?;
    if !problems.is_empty() {
        return Ok(refused(&problems));
    }
    let id = state
        .db
        .vds_insert_show(&org.id, &data, &now_rfc3339(), &staff.email)
        .await?;
    let show = state.db.vds_show(id).await?.ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(show)).into_response())
}

#[utoipa::path(get, path = "/api/voor-de-show/shows/{show_id}", tag = "voor-de-show",
    params(("show_id" = i64, Path, description = "Show id")),
    responses(
        (status = 200, description = "The show with its data", body = ShowRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 404, description = "No such show, or another company's", body = ErrorBody),
    ))]
pub(super) async fn get_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ShowRecord>, AppError> {
    Ok(Json(own_show(&state, &staff, id).await?))
}

#[utoipa::path(put, path = "/api/voor-de-show/shows/{show_id}", tag = "voor-de-show",
    params(("show_id" = i64, Path, description = "Show id")),
    request_body(content = Object, description = "The show data (`ShowData`)"),
    responses(
        (status = 200, description = "Checked and stored", body = ShowRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "No CSRF token", body = ErrorBody),
        (status = 404, description = "No such show, or another company's", body = ErrorBody),
        (status = 422, description = "Refused: every field with its Dutch message; nothing stored", body = ShowRefusal),
    ))]
pub(super) async fn update_show(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
    ApiJson(data): ApiJson<ShowData>,
) -> Result<Response, AppError> {
    let show = own_show(&state, &staff, id).await?;
    let problems = problems(&state, &show.company, &data).await?;
    if !problems.is_empty() {
        return Ok(refused(&problems));
    }
    state
        .db
        .vds_update_show(id, &data, &now_rfc3339(), &staff.email)
        .await?;
    let show = state.db.vds_show(id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(show).into_response())
}

#[utoipa::path(get, path = "/api/voor-de-show/shows/{show_id}/preview", tag = "voor-de-show",
    params(("show_id" = i64, Path, description = "Show id")),
    responses(
        (status = 200, description = "What the game gets for this show (code `preview`)", body = PlayShow),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 404, description = "No such show, or neither its company's nor a centre's that invited it", body = ErrorBody),
    ))]
pub(super) async fn preview(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PlayShow>, AppError> {
    let show = state.db.vds_show(id).await?.ok_or(AppError::NotFound)?;
    let company = OrgRef::new(OrgKind::Company, &show.company);
    let viewer = match staff.role.org() {
        None => company.clone(),
        Some(own) if own == company => own,
        Some(own)
            if own.kind == OrgKind::Centre
                && state.db.vds_invited(&own.id, &show.company).await? =>
        {
            own
        }
        Some(_) => return Err(AppError::NotFound),
    };
    let centre = state
        .db
        .get_org(&viewer)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(Json(PlayShow {
        code: "preview".into(),
        centre,
        grades: show.data.grades.clone(),
        show: show.data,
    }))
}
