//! A member's bookmarks and highlights in a borrowed book (kept apart by kind): listed,
//! added (checked by `suite_domain::ereader::notes`, at most 500 per title) and removed,
//! each for the member whose loan runs, like the book's content.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use suite_domain::api::ErrorBody;
use suite_domain::ereader::notes::{
    AnnotationKind, AnnotationPlace, AnnotationView, MAX_ANNOTATIONS, NewAnnotation,
};
use suite_domain::i18n::Msg;

use crate::AppState;
use crate::auth::{self, member::CurrentMember};
use crate::error::{ApiJson, ApiPath, AppError};

/// The title of `member`'s running loan `loan`.
async fn title_of(state: &AppState, member: i64, loan: i64) -> Result<i64, AppError> {
    let (title, _) = state
        .db
        .ereader_running_loan(member, loan, auth::now_unix())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(title)
}

#[utoipa::path(get, path = "/api/ereader/loans/{loan_id}/annotations", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    responses(
        (status = 200, description = "The member's bookmarks and highlights of the book, bookmarks first", body = [AnnotationView]),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
) -> Result<Json<Vec<AnnotationView>>, AppError> {
    let title = title_of(&state, member.id, loan).await?;
    let rows = state.db.ereader_notes(member.id, title).await?;
    Ok(Json(
        rows.into_iter()
            .filter_map(|(id, kind, place, note, created)| {
                Some(AnnotationView {
                    id,
                    kind: AnnotationKind::parse(&kind)?,
                    place: serde_json::from_str::<AnnotationPlace>(&place).ok()?,
                    note,
                    created,
                })
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/ereader/loans/{loan_id}/annotations", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    request_body = NewAnnotation,
    responses(
        (status = 201, description = "Kept", body = AnnotationView),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
        (status = 422, description = "A place that is not one, a highlight without its passage, a note or passage too long, or 500 already: the Dutch message at the field", body = ErrorBody),
    ))]
pub(super) async fn add(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
    ApiJson(new): ApiJson<NewAnnotation>,
) -> Result<(StatusCode, Json<AnnotationView>), AppError> {
    new.check().map_err(|fault| AppError::InvalidAt {
        field: fault.field().into(),
        message: fault.msg(),
        detail: fault.to_string(),
    })?;
    let title = title_of(&state, member.id, loan).await?;
    let place = serde_json::to_string(&new.place)
        .map_err(|e| AppError::Internal(format!("an annotation's place: {e}")))?;
    let now = auth::now_unix();
    let most = i64::try_from(MAX_ANNOTATIONS).unwrap_or(i64::MAX);
    let id = state
        .db
        .ereader_add_note(
            member.id,
            title,
            new.kind.as_str(),
            &place,
            &new.note,
            now,
            most,
        )
        .await?
        .ok_or_else(|| AppError::InvalidAt {
            field: "kind".into(),
            message: Msg::EreaderNotesFull,
            detail: format!("{MAX_ANNOTATIONS} annotations of this title already"),
        })?;
    Ok((
        StatusCode::CREATED,
        Json(AnnotationView {
            id,
            kind: new.kind,
            place: new.place,
            note: new.note,
            created: now,
        }),
    ))
}

#[utoipa::path(delete, path = "/api/ereader/loans/{loan_id}/annotations/{annotation_id}", tag = "ereader",
    params(
        ("loan_id" = i64, Path, description = "Loan id"),
        ("annotation_id" = i64, Path, description = "Annotation id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member, or not one of its annotations", body = ErrorBody),
    ))]
pub(super) async fn remove(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath((loan, id)): ApiPath<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    let title = title_of(&state, member.id, loan).await?;
    if state.db.ereader_remove_note(member.id, title, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}
