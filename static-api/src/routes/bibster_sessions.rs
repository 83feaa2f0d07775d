//! `/api/bibster/{library}/sessions`: the group leader's side of play (library staff,
//! scoped): start a session of a published game (a game code for the big screen, teams
//! that join by name or pre-made teams with codes), the board (teams by score, progress,
//! answers waiting), rename or remove a team, judge waiting answers, send messages to
//! every team, end the session. Every change is announced on the live bus
//! (`LiveEvent::Bibster`), so the leader's and teams' views of every instance fetch anew.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rand::RngCore;
use suite_domain::api::{ErrorBody, LiveEvent};
use suite_domain::bibster::api::{
    Board, GameState, MESSAGE_MAX, MessageBody, ReviewDecision, ReviewItem, SessionChange,
    SessionStart, SessionSummary, TeamMode, TeamName,
};
use suite_domain::bibster::game::Game;
use suite_domain::bibster::task::Answer;
use suite_domain::bibster::team::{NameProblem, check_team_name, code_from};
use suite_domain::i18n::Msg;

use super::bibster::bibster_library;
use crate::AppState;
use crate::auth::CurrentStaff;
use crate::db::bibster_sessions::SessionRow;
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;

/// Tells every instance's views of session `code` what changed; a failure is logged
/// (the change is stored: views learn at their next fetch).
pub(crate) async fn announce(state: &AppState, code: &str, change: SessionChange) {
    let event = LiveEvent::Bibster {
        session: code.to_string(),
        change,
    };
    if let Err(e) = state.live.publish(event).await {
        tracing::warn!("cannot send a live event: {e}");
    }
}

/// A team name as the API refuses it.
pub(crate) fn name_refused(problem: NameProblem, name: &str) -> AppError {
    let message = match problem {
        NameProblem::Length => Msg::BibTeamNameLength,
        NameProblem::Characters => Msg::BibTeamNameCharacters,
        NameProblem::NotAllowed => Msg::BibTeamNameNotAllowed,
    };
    AppError::InvalidAt {
        field: "name".into(),
        message,
        detail: format!(
            "team name refused ({problem:?}): {} characters",
            name.chars().count()
        ),
    }
}

pub(crate) fn name_taken() -> AppError {
    AppError::InvalidAt {
        field: "name".into(),
        message: Msg::BibTeamNameTaken,
        detail: "a team of the session has that name".into(),
    }
}

/// The most a reviewed answer earns: the task's points less an opened hint.
fn most_points(task: &suite_domain::bibster::task::Task, hint_opened: bool) -> u32 {
    use suite_domain::bibster::task::{Verdict, score};
    score(task, Verdict::Right, hint_opened, true)
}

/// A fresh random seed or code letter source.
fn random() -> u64 {
    rand::rngs::OsRng.next_u64()
}

/// Session `id` of `library` (404 for another library's).
async fn own_session(state: &AppState, library: &str, id: i64) -> Result<SessionRow, AppError> {
    match state.db.bibster_session(id).await? {
        Some(row) if row.summary.library == library => Ok(row),
        _ => Err(AppError::NotFound),
    }
}

/// The game a session plays (stored when it started).
pub(crate) fn session_game(row: &SessionRow) -> Result<Game, AppError> {
    serde_json::from_str(&row.game)
        .map_err(|e| AppError::Internal(format!("session {} game unreadable: {e}", row.summary.id)))
}

async fn board(state: &AppState, row: &SessionRow) -> Result<Board, AppError> {
    let id = row.summary.id;
    let teams = state.db.bibster_team_rows(id).await?;
    let game = session_game(row)?;
    Ok(Board {
        session: SessionSummary {
            teams: u32::try_from(teams.len()).unwrap_or(u32::MAX),
            ..row.summary.clone()
        },
        tasks: u32::try_from(game.tasks.len()).unwrap_or(u32::MAX),
        to_review: teams.iter().map(|t| t.to_review).sum(),
        teams,
        messages: state.db.bibster_messages(id).await?,
    })
}

/// A running session of `library` (422 when it ended).
async fn running(state: &AppState, library: &str, id: i64) -> Result<SessionRow, AppError> {
    let row = own_session(state, library, id).await?;
    if row.summary.ended_at.is_some() {
        return Err(AppError::InvalidAt {
            field: "session".into(),
            message: Msg::BibSessionEnded,
            detail: format!("session {id} has ended"),
        });
    }
    Ok(row)
}

/// Adds a pre-made team named `name` with a fresh code (unique in the session).
async fn add_premade(state: &AppState, session: i64, name: &str) -> Result<(), AppError> {
    let name = check_team_name(name).map_err(|p| name_refused(p, name))?;
    for _ in 0..8 {
        let code = code_from(random);
        let added = state
            .db
            .add_bibster_team(session, &name, Some(&code), None, random() as i64, None)
            .await;
        match added {
            Ok(Some(_)) => return Ok(()),
            Ok(None) => return Err(name_taken()),
            // The code was drawn twice in this session: draw again.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::Internal("no free team code after 8 draws".into()))
}

#[utoipa::path(post, path = "/api/bibster/{library}/sessions", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    request_body = SessionStart,
    responses(
        (status = 201, description = "Started: the board with the game's code (and each pre-made team's code)", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such game of this library", body = ErrorBody),
        (status = 422, description = "The game is not published, or a team name is refused", body = ErrorBody),
    ))]
pub(super) async fn start_session(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
    ApiJson(start): ApiJson<SessionStart>,
) -> Result<(StatusCode, Json<Board>), AppError> {
    bibster_library(&state, &staff, &library).await?;
    let record = match state.db.bibster_game(start.game).await? {
        Some(record) if record.summary.library == library => record,
        _ => return Err(AppError::NotFound),
    };
    if record.summary.state != GameState::Published {
        return Err(AppError::InvalidAt {
            field: "game".into(),
            message: Msg::BibGameNotPublished,
            detail: format!("game {} is {}", start.game, record.summary.state.as_str()),
        });
    }
    if start.teams == TeamMode::Premade && (start.names.is_empty() || start.names.len() > 100) {
        return Err(AppError::InvalidAt {
            field: "names".into(),
            message: Msg::BibTeamNameLength,
            detail: format!("{} pre-made teams (1 to 100)", start.names.len()),
        });
    }
    for name in &start.names {
        check_team_name(name).map_err(|p| name_refused(p, name))?;
    }
    let json = serde_json::to_string(&record.game).unwrap_or_default();
    let at = now_rfc3339();
    let mut id = None;
    for _ in 0..8 {
        let code = code_from(random);
        id = state
            .db
            .start_bibster_session(
                &library,
                start.game,
                &code,
                &json,
                &record.summary.title,
                start.teams,
                &staff.email,
                &at,
            )
            .await?;
        if id.is_some() {
            break;
        }
    }
    let id = id.ok_or_else(|| AppError::Internal("no free game code after 8 draws".into()))?;
    if start.teams == TeamMode::Premade {
        for name in &start.names {
            add_premade(&state, id, name).await?;
        }
    }
    staff
        .audit
        .note(None, format!("session {id} of game {}", start.game));
    let row = own_session(&state, &library, id).await?;
    Ok((StatusCode::CREATED, Json(board(&state, &row).await?)))
}

#[utoipa::path(get, path = "/api/bibster/{library}/sessions", tag = "bibster",
    params(("library" = String, Path, description = "Library id")),
    responses(
        (status = 200, description = "The library's latest sessions (at most 50), newest first", body = [SessionSummary]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
    ))]
pub(super) async fn list_sessions(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath(library): ApiPath<String>,
) -> Result<Json<Vec<SessionSummary>>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    Ok(Json(state.db.bibster_sessions(&library).await?))
}

#[utoipa::path(get, path = "/api/bibster/{library}/sessions/{session_id}", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    responses(
        (status = 200, description = "The board: teams by score with their progress, answers waiting, messages", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such session of this library", body = ErrorBody),
    ))]
pub(super) async fn get_board(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<Json<Board>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    Ok(Json(board(&state, &row).await?))
}

#[utoipa::path(post, path = "/api/bibster/{library}/sessions/{session_id}/teams", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    request_body = TeamName,
    responses(
        (status = 200, description = "A pre-made team added, with its code", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session of this library", body = ErrorBody),
        (status = 422, description = "The name is refused or taken, or the session ended", body = ErrorBody),
    ))]
pub(super) async fn add_team(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(team): ApiJson<TeamName>,
) -> Result<Json<Board>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = running(&state, &library, id).await?;
    add_premade(&state, id, &team.name).await?;
    announce(&state, &row.summary.code, SessionChange::Teams).await;
    Ok(Json(board(&state, &row).await?))
}

#[utoipa::path(put, path = "/api/bibster/{library}/sessions/{session_id}/teams/{team_id}", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id"), ("team_id" = i64, Path, description = "Team id")),
    request_body = TeamName,
    responses(
        (status = 200, description = "Renamed", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session or team", body = ErrorBody),
        (status = 422, description = "The name is refused or taken", body = ErrorBody),
    ))]
pub(super) async fn rename_team(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id, team)): ApiPath<(String, i64, i64)>,
    ApiJson(body): ApiJson<TeamName>,
) -> Result<Json<Board>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    let name = check_team_name(&body.name).map_err(|p| name_refused(p, &body.name))?;
    match state.db.rename_bibster_team(id, team, &name).await? {
        None => return Err(AppError::NotFound),
        Some(false) => return Err(name_taken()),
        Some(true) => {}
    }
    announce(&state, &row.summary.code, SessionChange::Teams).await;
    Ok(Json(board(&state, &row).await?))
}

#[utoipa::path(delete, path = "/api/bibster/{library}/sessions/{session_id}/teams/{team_id}", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id"), ("team_id" = i64, Path, description = "Team id")),
    responses(
        (status = 200, description = "Removed: off the board, its device can no longer play", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session or team", body = ErrorBody),
    ))]
pub(super) async fn remove_team(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id, team)): ApiPath<(String, i64, i64)>,
) -> Result<Json<Board>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    if !state
        .db
        .remove_bibster_team(id, team, &now_rfc3339())
        .await?
    {
        return Err(AppError::NotFound);
    }
    announce(&state, &row.summary.code, SessionChange::Teams).await;
    Ok(Json(board(&state, &row).await?))
}

#[utoipa::path(get, path = "/api/bibster/{library}/sessions/{session_id}/reviews", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    responses(
        (status = 200, description = "Photos and open answers waiting for the leader, oldest first", body = [ReviewItem]),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, or Bibster not active there", body = ErrorBody),
        (status = 404, description = "No such session of this library", body = ErrorBody),
    ))]
pub(super) async fn list_reviews(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<Json<Vec<ReviewItem>>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    let game = session_game(&row)?;
    let waiting = state.db.bibster_waiting(id).await?;
    Ok(Json(
        waiting
            .into_iter()
            .filter_map(|w| {
                let task = game.tasks.iter().find(|t| t.id == w.task)?;
                let answer: Answer = serde_json::from_str(&w.answer).ok()?;
                let points = most_points(task, w.hint_opened);
                Some(ReviewItem {
                    team: w.team,
                    team_name: w.team_name,
                    task: w.task,
                    prompt: task.prompt.clone(),
                    answer,
                    points,
                    answered_at: w.answered_at,
                })
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/bibster/{library}/sessions/{session_id}/reviews", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    request_body = ReviewDecision,
    responses(
        (status = 204, description = "Judged; the team's score changes"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session, or no such answer waiting (judged already)", body = ErrorBody),
        (status = 422, description = "More points than the task gives", body = ErrorBody),
    ))]
pub(super) async fn decide_review(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(decision): ApiJson<ReviewDecision>,
) -> Result<StatusCode, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    let game = session_game(&row)?;
    let task = game
        .tasks
        .iter()
        .find(|t| t.id == decision.task)
        .ok_or(AppError::NotFound)?;
    let waiting = state.db.bibster_waiting(id).await?;
    let answer = waiting
        .iter()
        .find(|w| w.team == decision.team && w.task == decision.task)
        .ok_or(AppError::NotFound)?;
    let most = most_points(task, answer.hint_opened);
    let points = decision.points.unwrap_or(most);
    if points > task.points {
        return Err(AppError::InvalidAt {
            field: "points".into(),
            message: Msg::BibPointsTooMany,
            detail: format!("{points} points for a task of {}", task.points),
        });
    }
    let judged = state
        .db
        .review_bibster_answer(
            id,
            decision.team,
            &decision.task,
            decision.approve,
            i64::from(points),
            &staff.email,
            &now_rfc3339(),
        )
        .await?;
    if !judged {
        return Err(AppError::NotFound);
    }
    announce(&state, &row.summary.code, SessionChange::Scores).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/bibster/{library}/sessions/{session_id}/messages", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    request_body = MessageBody,
    responses(
        (status = 204, description = "Sent to every team"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session of this library", body = ErrorBody),
        (status = 422, description = "Empty or longer than 500 characters, or the session ended", body = ErrorBody),
    ))]
pub(super) async fn send_message(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<StatusCode, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = running(&state, &library, id).await?;
    let text = body.text.trim();
    if text.is_empty() || text.chars().count() > MESSAGE_MAX {
        return Err(AppError::InvalidAt {
            field: "text".into(),
            message: Msg::BibMessageLength,
            detail: format!("message of {} characters", text.chars().count()),
        });
    }
    state
        .db
        .add_bibster_message(id, text, &now_rfc3339())
        .await?;
    announce(&state, &row.summary.code, SessionChange::Message).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/bibster/{library}/sessions/{session_id}/end", tag = "bibster",
    params(("library" = String, Path, description = "Library id"), ("session_id" = i64, Path, description = "Session id")),
    responses(
        (status = 200, description = "Ended (or it had ended): the final board for the podium; teams can no longer answer", body = Board),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Another library, Bibster not active there, or no CSRF token", body = ErrorBody),
        (status = 404, description = "No such session of this library", body = ErrorBody),
    ))]
pub(super) async fn end_session(
    State(state): State<AppState>,
    staff: CurrentStaff,
    ApiPath((library, id)): ApiPath<(String, i64)>,
) -> Result<Json<Board>, AppError> {
    bibster_library(&state, &staff, &library).await?;
    let row = own_session(&state, &library, id).await?;
    if state.db.end_bibster_session(id, &now_rfc3339()).await? {
        announce(&state, &row.summary.code, SessionChange::Ended).await;
    }
    let row = own_session(&state, &library, id).await?;
    Ok(Json(board(&state, &row).await?))
}
