//! A member's reading history: off by default (a loan that ends then keeps no trace of
//! the member); switched on, the books they read from then on are listed; switched off
//! again, the list is forgotten at once.

use axum::Json;
use axum::extract::State;
use suite_domain::api::ErrorBody;
use suite_domain::ereader::{HistoryChoice, HistoryEntry, HistoryView};

use crate::AppState;
use crate::auth::member::CurrentMember;
use crate::error::{ApiJson, AppError};

/// Books listed at most.
const HISTORY_LIMIT: i64 = 500;

async fn view(state: &AppState, member: i64) -> Result<HistoryView, AppError> {
    let keep = state.db.ereader_keeps_history(member).await?;
    let books = if keep {
        state
            .db
            .ereader_history(member, HISTORY_LIMIT)
            .await?
            .into_iter()
            .map(|(title_id, title, started, ended)| HistoryEntry {
                title_id,
                title,
                started,
                ended,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(HistoryView { keep, books })
}

#[utoipa::path(get, path = "/api/ereader/history", tag = "ereader",
    responses(
        (status = 200, description = "Whether the member keeps a reading history, and the books in it", body = HistoryView),
        (status = 401, description = "No member logged in", body = ErrorBody),
    ))]
pub(super) async fn history(
    State(state): State<AppState>,
    member: CurrentMember,
) -> Result<Json<HistoryView>, AppError> {
    Ok(Json(view(&state, member.id).await?))
}

#[utoipa::path(put, path = "/api/ereader/history", tag = "ereader", request_body = HistoryChoice,
    responses(
        (status = 200, description = "Switched: off forgets the books that were in it", body = HistoryView),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
    ))]
pub(super) async fn choose(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiJson(choice): ApiJson<HistoryChoice>,
) -> Result<Json<HistoryView>, AppError> {
    state.db.ereader_set_history(member.id, choice.keep).await?;
    tracing::info!(keep = choice.keep, "reading history switched");
    Ok(Json(view(&state, member.id).await?))
}
