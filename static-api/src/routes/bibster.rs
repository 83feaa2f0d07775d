//! `/api/bibster/{library}/games`: the builder (library staff, scoped to their library):
//! a library's games (create, read, replace, publish, archive, duplicate, export), the
//! public template library (share, list, copy), and a game's statistics. Every game
//! stored is sound (`suite_import::bibster::parse_game`, the file import's reader), and
//! only where the library has Bibster switched on.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use suite_domain::api::ErrorBody;
use suite_domain::bibster::api::{
    GameRecord, GameState, GameStats, GameSummary, LibraryStats, SharedChange, StateChange,
    Template,
};
use suite_domain::bibster::game::Game;
use suite_domain::bibster::stats::{Counted, game_stats, library_stats};
use suite_domain::i18n::Msg;
use suite_domain::org::{OrgKind, OrgRef};
use suite_import::bibster::{GameFileError, parse_game, write_game};

use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::bibster::CopiedFrom;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

/// The app's name in subscriptions.
pub(crate) const APP: &str = "bibster";

/// `library` if `staff` manage it (403/404 otherwise) and it has Bibster switched on
/// (otherwise 403 with "not active here" at the field `library`).
pub(crate) async fn bibster_library(
    state: &AppState,
    staff: &CurrentStaff,
    library: &str,
) -> Result<OrgRef, AppError> {
    let org = super::managed_org(state, staff, OrgKind::Library, library).await?;
    if !state.db.app_active(&org, APP).await? {
        return Err(AppError::ForbiddenAt {
            field: "library".into(),
            message: Msg::BibNotActive,
            detail: format!("{library} has no active Bibster subscription"),
        });
    }
    Ok(org)
}

/// A game file's refusal as the API answers it: the place of the first problem, with
/// every problem in English for the log (the builder checks with the same rule and
/// marks each).
pub(crate) fn refused(error: GameFileError) -> AppError {
    let (field, message) = match &error {
        GameFileError::TooLarge(_) => ("game".to_string(), Msg::BibFileTooLarge),
        GameFileError::NewerFormat(_) => ("format".to_string(), Msg::BibFileNewer),
        GameFileError::NotAGame(_) => ("game".to_string(), Msg::BibFileNotAGame),
        GameFileError::Problems(problems) => (
            problems.first().map(|p| p.at.clone()).unwrap_or_default(),
            Msg::BibGameProblems,
        ),
    };
    AppError::InvalidAt {
        field,
        message,
        detail: error.to_string(),
    }
}

/// A game as sent (any JSON), read and checked as a game file is.
fn read_game(body: &serde_json::Value) -> Result<Game, AppError> {
    parse_game(&body.to_string()).map_err(refused)
}

/// Game `id` of `library` (404 for another library's).
async fn own_game(state: &AppState, library: &str, id: i64) -> Result<GameRecord, AppError> {
    match state.db.bibster_game(id).await? {
        Some(record) if record.summary.library == library => Ok(record),
        _ => Err(AppError::NotFound),
    }
}

#[utoipa::path(get, path = "/api/bibster/{library}/games", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The library's games, latest change first, archived ones too (their state says so)", body = [GameSummary]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
    ))]
pub(super) async fn list_games(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<GameSummary>>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    Ok(Json(state.db.bibster_games(&library, true).await?))
}

#[utoipa::path(post, path = "/api/bibster/{library}/games", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    request_body(content = Object, description = "A game in the versioned JSON format (also an exported game file)"),
    responses(
        (status = 201, description = "Stored as a draft", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 422, description = "Not a sound game: `field` is the place of the first problem", body = ErrorBody),
    ))]
pub(super) async fn create_game(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<(StatusCode, Json<GameRecord>), AppError> {
    bibster_library(&state, &staff, &library).await?;
    let game = read_game(&body)?;
    let id = state
        .db
        .create_bibster_game(&library, &game, None, &staff.email, &now_rfc3339())
        .await?;
    staff.audit.note(None, format!("game {id}"));
    Ok((
        StatusCode::CREATED,
        Json(own_game(&state, &library, id).await?),
    ))
}

#[utoipa::path(get, path = "/api/bibster/{library}/games/{game_id}", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    responses(
        (status = 200, description = "The game", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
    ))]
pub(super) async fn get_game(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<Json<GameRecord>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    Ok(Json(own_game(&state, &library, id).await?))
}

#[utoipa::path(put, path = "/api/bibster/{library}/games/{game_id}", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    request_body(content = Object, description = "The game's new version"),
    responses(
        (status = 200, description = "Saved; sessions already started keep the version they started with", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
        (status = 422, description = "Not a sound game", body = ErrorBody),
    ))]
pub(super) async fn update_game(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Json<GameRecord>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let game = read_game(&body)?;
    if !state
        .db
        .update_bibster_game(id, &library, &game, &staff.email, &now_rfc3339())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(Json(own_game(&state, &library, id).await?))
}

#[utoipa::path(put, path = "/api/bibster/{library}/games/{game_id}/state", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    request_body = StateChange,
    responses(
        (status = 200, description = "The game in its new state (archived or back to draft: out of the template library)", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
    ))]
pub(super) async fn set_state(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(change): ApiJson<StateChange>,
) -> Result<Json<GameRecord>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    if !state
        .db
        .set_bibster_game_state(id, &library, change.state, &staff.email, &now_rfc3339())
        .await?
    {
        return Err(AppError::NotFound);
    }
    staff
        .audit
        .note(None, format!("game {id} {}", change.state.as_str()));
    Ok(Json(own_game(&state, &library, id).await?))
}

#[utoipa::path(put, path = "/api/bibster/{library}/games/{game_id}/shared", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    request_body = SharedChange,
    responses(
        (status = 200, description = "In the template library (with the library's name) or out of it", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
        (status = 422, description = "Only a published game can be shared", body = ErrorBody),
    ))]
pub(super) async fn set_shared(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(change): ApiJson<SharedChange>,
) -> Result<Json<GameRecord>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let record = own_game(&state, &library, id).await?;
    if change.shared && record.summary.state != GameState::Published {
        return Err(AppError::InvalidAt {
            field: "shared".into(),
            message: Msg::BibShareNeedsPublished,
            detail: format!("game {id} is not published"),
        });
    }
    state
        .db
        .set_bibster_game_shared(id, &library, change.shared, &staff.email, &now_rfc3339())
        .await?;
    Ok(Json(own_game(&state, &library, id).await?))
}

#[utoipa::path(post, path = "/api/bibster/{library}/games/{game_id}/copy", tag = "bibster",
    params(("library" = String, Path, description = "Library id (the copy's)"), ("game_id" = i64, Path, description = "A game of this library, or a template of any library")),
    responses(
        (status = 201, description = "A draft copy, linked to its source", body = GameRecord),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such game of this library, and no such template", body = ErrorBody),
    ))]
pub(super) async fn copy_game(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<(StatusCode, Json<GameRecord>), AppError> {
    bibster_library(&state, &staff, &library).await?;
    let source = state.db.bibster_game(id).await?.ok_or(AppError::NotFound)?;
    let summary = &source.summary;
    let template = summary.shared && summary.state == GameState::Published;
    if summary.library != library && !template {
        return Err(AppError::NotFound);
    }
    let mut game = source.game.clone();
    if summary.library == library {
        game.title = copy_title(&game.title);
    }
    let from = CopiedFrom {
        id,
        library: summary.library.clone(),
        title: summary.title.clone(),
    };
    let new = state
        .db
        .create_bibster_game(&library, &game, Some(&from), &staff.email, &now_rfc3339())
        .await?;
    staff
        .audit
        .note(None, format!("game {new} copied from {id}"));
    Ok((
        StatusCode::CREATED,
        Json(own_game(&state, &library, new).await?),
    ))
}

/// The title of a library's copy of its own game: "(kopie)" added, within 200 characters.
fn copy_title(title: &str) -> String {
    const MARK: &str = " (kopie)";
    let room = 200 - MARK.chars().count();
    let kept: String = title.chars().take(room).collect();
    format!("{kept}{MARK}")
}

#[utoipa::path(get, path = "/api/bibster/{library}/games/{game_id}/export", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    responses(
        (status = 200, description = "The game file (JSON in the versioned format), as a download", content_type = "application/json"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
    ))]
pub(super) async fn export_game(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<impl IntoResponse, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let record = own_game(&state, &library, id).await?;
    let disposition = format!("attachment; filename=\"bibster-{library}-{id}.json\"");
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        write_game(&record.game),
    ))
}

#[utoipa::path(get, path = "/api/bibster/{library}/stats", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The library's sessions, teams and answers: totals, per game and per month", body = LibraryStats),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
    ))]
pub(super) async fn library_statistics(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<LibraryStats>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let games = state.db.bibster_library_totals(&library).await?;
    let months = state.db.bibster_library_months(&library).await?;
    Ok(Json(library_stats(games, &months)))
}

#[utoipa::path(get, path = "/api/bibster/templates", tag = "bibster",
    responses(
        (status = 200, description = "The template library: games libraries share, with their names", body = [Template]),
        (status = 401, description = "Not logged in", body = ErrorBody),
    ))]
pub(super) async fn list_templates(
    State(state): State<AppState>,
    _staff: CurrentStaff,
) -> Result<Json<Vec<Template>>, AppError> {
    Ok(Json(state.db.bibster_templates().await?))
}

#[utoipa::path(get, path = "/api/bibster/{library}/games/{game_id}/stats", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("game_id" = i64, Path, description = "Game id")),
    responses(
        (status = 200, description = "Sessions, teams, and per task how many answered, the right ones and the median time", body = GameStats),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
    ))]
pub(super) async fn game_statistics(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<Json<GameStats>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let record = own_game(&state, &library, id).await?;
    let (sessions, teams, answers) = state.db.bibster_game_answers(id).await?;
    let counted: Vec<Counted> = answers
        .iter()
        .map(|(task, verdict, elapsed_ms)| Counted {
            task,
            right: verdict == "right",
            elapsed_ms: *elapsed_ms,
        })
        .collect();
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Json(game_stats(
        id,
        &record.game,
        count(sessions),
        count(teams),
        &counted,
    )))
}
