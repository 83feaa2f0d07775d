//! The e-reader's collection and a member's loans: the titles with their free licences
//! (public), a member's running loans, borrowing (the rules of `suite_domain::lending`
//! in one transaction of the store, refused with the rule's Dutch message) and
//! returning early.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::ereader::{BorrowBody, LoanView, TitleView};
use suite_domain::lending::{LendError, days_left};

use crate::AppState;
use crate::auth::{self, member::CurrentMember};
use crate::error::{ApiJson, ApiPath, AppError};

pub(super) fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// A rule's refusal: 404 for a title that is not there, else 422 with the rule's Dutch
/// message at `days` (a loan length) or `title`.
pub(super) fn refusal(refused: LendError) -> AppError {
    if matches!(refused, LendError::UnknownTitle(_)) {
        return AppError::NotFound;
    }
    let field = if matches!(refused, LendError::LoanLength { .. }) {
        "days"
    } else {
        "title"
    };
    AppError::InvalidAt {
        field: field.into(),
        message: refused.msg(),
        detail: refused.to_string(),
    }
}

#[utoipa::path(get, path = "/api/ereader/titles", tag = "ereader",
    responses((status = 200, description = "The collection: every title, how many of its licences are free now and how many members wait for it", body = [TitleView])))]
pub(super) async fn list_titles(
    State(state): State<AppState>,
) -> Result<Json<Vec<TitleView>>, AppError> {
    let rows = state.db.ereader_titles(auth::now_unix()).await?;
    Ok(Json(
        rows.into_iter()
            .map(
                |(id, title, creators, language, licences, lent, held, waiting, direction)| {
                    TitleView {
                        id,
                        title,
                        title_direction: direction,
                        creators: serde_json::from_str(&creators).unwrap_or_default(),
                        language,
                        licences: count(licences),
                        free: count(licences - lent - held),
                        waiting: count(waiting),
                    }
                },
            )
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/ereader/loans", tag = "ereader",
    responses(
        (status = 200, description = "The member's running loans, the soonest end first", body = [LoanView]),
        (status = 401, description = "No member logged in", body = ErrorBody),
    ))]
pub(super) async fn list_loans(
    State(state): State<AppState>,
    member: CurrentMember,
) -> Result<Json<Vec<LoanView>>, AppError> {
    let now = auth::now_unix();
    let rows = state.db.ereader_loans_with_titles(member.id, now).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(id, title_id, title, until, download)| LoanView {
                id,
                title_id,
                title,
                until,
                days_left: days_left(until, now),
                download: download != 0,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/ereader/loans", tag = "ereader", request_body = BorrowBody,
    responses(
        (status = 201, description = "Borrowed", body = LoanView),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such title", body = ErrorBody),
        (status = 422, description = "Refused by a rule (no licence free for the member, the member's limit, borrowed already, a loan length outside the allowed days), with its Dutch message at `title` or `days`", body = ErrorBody),
    ))]
pub(super) async fn borrow(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiJson(body): ApiJson<BorrowBody>,
) -> Result<(StatusCode, Json<LoanView>), AppError> {
    let now = auth::now_unix();
    let policy = state.config.lending;
    let loan = match state
        .db
        .ereader_borrow(member.id, body.title, &policy, now, body.days)
        .await?
    {
        Ok(loan) => loan,
        Err(refused) => return Err(refusal(refused)),
    };
    tracing::info!(title = loan.title_id, "e-book borrowed");
    Ok((
        StatusCode::CREATED,
        Json(LoanView {
            id: loan.id,
            title_id: loan.title_id,
            title: loan.title,
            until: loan.until_at,
            days_left: days_left(loan.until_at, now),
            download: loan.download,
        }),
    ))
}

#[utoipa::path(post, path = "/api/ereader/loans/{loan_id}/return", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    responses(
        (status = 204, description = "Returned: the licence is free for the next member"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
    ))]
pub(super) async fn give_back(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
) -> Result<StatusCode, AppError> {
    if state
        .db
        .ereader_return(member.id, loan, &state.config.lending, auth::now_unix())
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}
