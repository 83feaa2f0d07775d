//! `/api/bibster/play`: a team's device (public, no account). A team joins with the
//! game's code and a name of its own or its pre-made team's code, and gets a token its
//! device keeps and sends as `x-team-token`; with it, the device reads its state (the game
//! without its answers, what it answered, the messages, the server's clock), opens tasks
//! (a time limit runs from the server's clock), opens hints and answers. The first
//! answer to a task counts, and the same answer sent again gets the same result, so a
//! device keeps answers made offline and sends them until the server confirms. Every
//! request takes a token of the address's public-write bucket.

use std::collections::HashSet;

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use suite_domain::api::{ErrorBody, LiveEvent};
use suite_domain::bibster::api::{
    AnswerBody, JoinRequest, Joined, OpenBody, PlayState, SessionChange, SessionInfo,
    TEAM_TOKEN_HEADER, TaskOpened, TeamAnswer, TeamMode,
};
use suite_domain::bibster::game::{Game, Variant};
use suite_domain::bibster::progress::{quest_open_in, story_next_in};
use suite_domain::bibster::task::{Answer, Task, Verdict, in_time, judge, score};
use suite_domain::bibster::team::{check_team_name, from_team, read_code, team_game};
use suite_domain::i18n::Msg;

use super::bibster_sessions::{announce, name_refused, name_taken, session_game};
use crate::AppState;
use crate::auth::{new_token, now_ms, token_hash};
use crate::db::bibster_play::{NewAnswer, SessionRow, StoredAnswer, TeamAuth};
use crate::error::{ApiJson, ApiPath, AppError};
use crate::import::now_rfc3339;
use crate::net::ClientIp;

/// The team of a request (by its token), not removed, with its session.
pub(super) struct Team {
    pub auth: TeamAuth,
    pub session: SessionRow,
}

impl FromRequestParts<AppState> for Team {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let ClientIp(address) = ClientIp::from_request_parts(parts, state)
            .await
            .unwrap_or(ClientIp(None));
        take_token(state, address).await?;
        let token = parts
            .headers
            .get(TEAM_TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .ok_or(AppError::NotLoggedIn)?;
        let auth = state
            .db
            .bibster_team_by_token(&token_hash(token))
            .await?
            .ok_or(AppError::NotLoggedIn)?;
        if auth.removed {
            return Err(AppError::InvalidAt {
                field: "team".into(),
                message: Msg::BibTeamRemoved,
                detail: format!("team {} was removed", auth.id),
            });
        }
        let session = state
            .db
            .bibster_session(auth.session_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(Team { auth, session })
    }
}

async fn take_token(state: &AppState, address: Option<std::net::IpAddr>) -> Result<(), AppError> {
    state
        .public_writes
        .take(address, now_ms())
        .await
        .map_err(|retry_after| AppError::TooManyAttempts { retry_after })
}

fn seed(team: &TeamAuth) -> u64 {
    team.seed as u64
}

fn ended(team: &Team) -> Result<(), AppError> {
    if team.session.summary.ended_at.is_some() {
        return Err(AppError::InvalidAt {
            field: "session".into(),
            message: Msg::BibSessionEnded,
            detail: format!("session {} has ended", team.session.summary.id),
        });
    }
    Ok(())
}

fn unknown_task(id: &str) -> AppError {
    AppError::InvalidAt {
        field: "task".into(),
        message: Msg::BibUnknownTask,
        detail: format!("no task {id:?} open to this team"),
    }
}

/// The first option chosen, of a stored multiple-choice answer.
fn chosen(answer: &str) -> Option<u32> {
    match serde_json::from_str::<Answer>(answer).ok()? {
        Answer::Choices(c) => c.first().and_then(|&c| u32::try_from(c).ok()),
        _ => None,
    }
}

fn team_answer(stored: &StoredAnswer) -> TeamAnswer {
    TeamAnswer {
        task: stored.task.clone(),
        verdict: match stored.verdict.as_str() {
            "right" => Verdict::Right,
            "to_review" => Verdict::ToReview,
            _ => Verdict::Wrong,
        },
        points: u32::try_from(stored.points).unwrap_or(0),
        chosen: chosen(&stored.answer),
    }
}

/// Whether `task` is open to a team that gave `answers`: in a Story the next task along
/// its path, in a Quest a task whose locks are done.
fn is_open(game: &Game, answers: &[StoredAnswer], task: &str) -> bool {
    let done: HashSet<String> = answers.iter().map(|a| a.task.clone()).collect();
    match game.variant {
        Variant::Story => {
            let next = story_next_in(
                &game.chapters,
                |id| done.contains(id),
                |id| {
                    answers
                        .iter()
                        .find(|a| a.task == id)
                        .and_then(|a| chosen(&a.answer))
                        .map(|c| c as usize)
                },
            );
            next.is_some_and(|(_, id)| id == task)
        }
        Variant::Quest => {
            quest_open_in(game.tasks.iter().map(|t| t.id.as_str()), &game.spots, &done)
                .contains(&task)
        }
    }
}

#[utoipa::path(get, path = "/api/bibster/play/sessions/{code}", tag = "bibster",
    params(("code" = String, Path, description = "The game's code (case, spaces and dashes aside)")),
    responses(
        (status = 200, description = "The running session: its title and how teams join", body = SessionInfo),
        (status = 404, description = "No running session with that code", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn session_info(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<SessionInfo>, AppError> {
    take_token(&state, address).await?;
    let code = read_code(&code).ok_or(AppError::NotFound)?;
    let session = state
        .db
        .running_bibster_session(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let library = suite_domain::org::OrgRef::new(
        suite_domain::org::OrgKind::Library,
        &session.summary.library,
    );
    if !state.db.app_active(&library, super::bibster::APP).await? {
        return Err(AppError::NotFound);
    }
    Ok(Json(SessionInfo {
        code,
        title: session.summary.title,
        teams_mode: session.summary.teams_mode,
    }))
}

#[utoipa::path(post, path = "/api/bibster/play/join", tag = "bibster",
    request_body = JoinRequest,
    responses(
        (status = 200, description = "In the game: the team's token (keep it; send it as `x-team-token`)", body = Joined),
        (status = 422, description = "Unknown game code or team code, or a team name that is refused or taken", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn join(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiJson(request): ApiJson<JoinRequest>,
) -> Result<Json<Joined>, AppError> {
    take_token(&state, address).await?;
    let unknown = || AppError::InvalidAt {
        field: "code".into(),
        message: Msg::BibCodeUnknown,
        detail: "no running session with that code".into(),
    };
    let code = read_code(&request.code).ok_or_else(unknown)?;
    let session = state
        .db
        .running_bibster_session(&code)
        .await?
        .ok_or_else(unknown)?;
    let library = suite_domain::org::OrgRef::new(
        suite_domain::org::OrgKind::Library,
        &session.summary.library,
    );
    if !state.db.app_active(&library, super::bibster::APP).await? {
        return Err(unknown());
    }
    let token = new_token();
    let hash = token_hash(&token);
    let at = now_rfc3339();
    let id = session.summary.id;
    let (team, name) = match session.summary.teams_mode {
        TeamMode::Premade => {
            let team_code = request
                .team_code
                .as_deref()
                .and_then(read_code)
                .ok_or_else(team_code_unknown)?;
            state
                .db
                .join_premade_team(id, &team_code, &hash, &at)
                .await?
                .ok_or_else(team_code_unknown)?
        }
        TeamMode::Join => {
            let typed = request.name.clone().unwrap_or_default();
            let name = check_team_name(&typed).map_err(|p| name_refused(p, &typed))?;
            let seed = rand::Rng::r#gen::<i64>(&mut rand::rngs::OsRng);
            let team = state
                .db
                .add_bibster_team(id, &name, None, Some(&hash), seed, Some(&at))
                .await?
                .ok_or_else(name_taken)?;
            (team, name)
        }
    };
    announce(&state, &code, SessionChange::Teams).await;
    Ok(Json(Joined {
        session: code,
        team,
        name,
        token,
    }))
}

fn team_code_unknown() -> AppError {
    AppError::InvalidAt {
        field: "team_code".into(),
        message: Msg::BibTeamCodeUnknown,
        detail: "no pre-made team with that code".into(),
    }
}

#[utoipa::path(get, path = "/api/bibster/play/state", tag = "bibster",
    params(("x-team-token" = String, Header, description = "The team's token from joining")),
    responses(
        (status = 200, description = "Everything the device needs to continue (also after the session ended: the final score)", body = PlayState),
        (status = 401, description = "No or an unknown team token", body = ErrorBody),
        (status = 422, description = "The team was removed by the leader", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn play_state(
    State(state): State<AppState>,
    team: Team,
) -> Result<Json<PlayState>, AppError> {
    let game = session_game(&team.session)?;
    let answers = state.db.bibster_team_answers(team.auth.id).await?;
    let opened = state.db.bibster_opens(team.auth.id).await?;
    let hint_of = |task: &str| {
        game.tasks
            .iter()
            .find(|t| t.id == task)
            .and_then(|t| t.hint.as_ref())
            .map(|h| h.text.clone())
    };
    Ok(Json(PlayState {
        session: team.session.summary.code.clone(),
        team: team.auth.id,
        name: team.auth.name.clone(),
        game: team_game(&game, seed(&team.auth)),
        score: answers
            .iter()
            .map(|a| u32::try_from(a.points).unwrap_or(0))
            .sum(),
        answers: answers.iter().map(team_answer).collect(),
        opened: opened
            .into_iter()
            .map(|(task, opened_ms, hint)| TaskOpened {
                hint: if hint { hint_of(&task) } else { None },
                task,
                opened_ms,
            })
            .collect(),
        messages: state.db.bibster_messages(team.session.summary.id).await?,
        now_ms: now_ms(),
        ended: team.session.summary.ended_at.is_some(),
    }))
}

#[utoipa::path(post, path = "/api/bibster/play/open", tag = "bibster",
    params(("x-team-token" = String, Header, description = "The team's token from joining")),
    request_body = OpenBody,
    responses(
        (status = 200, description = "Opened (the first opening counts); with `hint`, the hint's text", body = TaskOpened),
        (status = 401, description = "No or an unknown team token", body = ErrorBody),
        (status = 422, description = "No such task open to the team, the team was removed, or the session ended", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn open_task(
    State(state): State<AppState>,
    team: Team,
    ApiJson(body): ApiJson<OpenBody>,
) -> Result<Json<TaskOpened>, AppError> {
    ended(&team)?;
    let game = session_game(&team.session)?;
    let task = game
        .tasks
        .iter()
        .find(|t| t.id == body.task)
        .ok_or_else(|| unknown_task(&body.task))?;
    let hint = body.hint && task.hint.is_some();
    let (opened_ms, hint_opened) = state
        .db
        .open_bibster_task(team.auth.id, &task.id, now_ms(), hint)
        .await?;
    Ok(Json(TaskOpened {
        task: task.id.clone(),
        opened_ms,
        hint: hint_opened
            .then(|| task.hint.as_ref().map(|h| h.text.clone()))
            .flatten(),
    }))
}

/// Judges a team's new answer to `task` (in the game's own order): the verdict and the
/// points on the server's clock.
fn judged(task: &Task, answer: &Answer, elapsed_ms: Option<i64>, hint: bool) -> (Verdict, u32) {
    let verdict = judge(&task.kind, answer);
    let secs = elapsed_ms.map_or(0, |ms| u64::try_from(ms.max(0)).unwrap_or(0) / 1000);
    (verdict, score(task, verdict, hint, in_time(task, secs)))
}

#[utoipa::path(post, path = "/api/bibster/play/answers", tag = "bibster",
    params(("x-team-token" = String, Header, description = "The team's token from joining")),
    request_body = AnswerBody,
    responses(
        (status = 200, description = "Judged (photos and reviewed open answers: waiting for the leader); the first answer to a task counts, a repeat gets the stored result", body = TeamAnswer),
        (status = 401, description = "No or an unknown team token", body = ErrorBody),
        (status = 422, description = "No such task open to the team, an answer of another kind, the team was removed, or the session ended", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see `Retry-After`", body = ErrorBody),
    ))]
pub(super) async fn answer(
    State(state): State<AppState>,
    team: Team,
    ApiJson(body): ApiJson<AnswerBody>,
) -> Result<Json<TeamAnswer>, AppError> {
    let (game, _) = match open_for(&state, &team, &body.task).await? {
        Ok(open) => open,
        Err(stored) => return Ok(Json(stored)),
    };
    if matches!(body.answer, Answer::Photo(_)) {
        // Photos come through their upload (`bibster_media::post_photo`).
        return Err(AppError::InvalidAt {
            field: "answer".into(),
            message: Msg::BibAnswerShape,
            detail: "photo answers are uploaded, not named".into(),
        });
    }
    let (stored, new) = record_answer(&state, &team, &game, &body.task, body.answer).await?;
    if new {
        announce(&state, &team.session.summary.code, SessionChange::Scores).await;
    }
    Ok(Json(stored))
}

/// The session's game and the team's answers when `task` is open to the team now, or
/// (as `Err` inside) the stored result when the team answered it already: a repeat gets
/// the first answer's result, also after the session ended.
pub(super) async fn open_for(
    state: &AppState,
    team: &Team,
    task: &str,
) -> Result<Result<(Game, Vec<StoredAnswer>), TeamAnswer>, AppError> {
    let answers = state.db.bibster_team_answers(team.auth.id).await?;
    if let Some(stored) = answers.iter().find(|a| a.task == task) {
        return Ok(Err(team_answer(stored)));
    }
    ended(team)?;
    let game = session_game(&team.session)?;
    if !game.tasks.iter().any(|t| t.id == task) || !is_open(&game, &answers, task) {
        return Err(unknown_task(task));
    }
    Ok(Ok((game, answers)))
}

/// Judges and stores the team's answer to open `task` (what the team sent, in the order it
/// saw; a photo by its stored name), on the server's clock; the result that counts and
/// whether it is new.
pub(super) async fn record_answer(
    state: &AppState,
    team: &Team,
    game: &Game,
    task: &str,
    sent: Answer,
) -> Result<(TeamAnswer, bool), AppError> {
    let task = game
        .tasks
        .iter()
        .find(|t| t.id == task)
        .ok_or_else(|| unknown_task(task))?;
    let answer = from_team(task, seed(&team.auth), sent);
    let now = now_ms();
    let opened = state.db.bibster_opens(team.auth.id).await?;
    let (elapsed_ms, hint) = match opened.iter().find(|(t, _, _)| *t == task.id) {
        Some((_, at, hint)) => (Some(now - at), *hint),
        None => (None, false),
    };
    let (verdict, points) = judged(task, &answer, elapsed_ms, hint);
    let verdict_text = match verdict {
        Verdict::Right => "right",
        Verdict::Wrong => "wrong",
        Verdict::ToReview => "to_review",
    };
    let json = serde_json::to_string(&answer).unwrap_or_default();
    let (stored, new) = state
        .db
        .record_bibster_answer(&NewAnswer {
            team: team.auth.id,
            session: team.session.summary.id,
            task: &task.id,
            answer: &json,
            verdict: verdict_text,
            points: i64::from(points),
            hint_opened: hint,
            elapsed_ms,
            at: &now_rfc3339(),
        })
        .await?;
    Ok((team_answer(&stored), new))
}

#[utoipa::path(get, path = "/api/bibster/live/{code}", tag = "bibster",
    params(("code" = String, Path, description = "The game's code")),
    responses(
        (status = 200, description = "Server-sent events that stay open: one event `bibster` (data: the JSON of a LiveEvent) each time the session's teams, scores or messages change or it ends. Fetch anew when it arrives.", content_type = "text/event-stream", body = LiveEvent),
        (status = 404, description = "No running session with that code", body = ErrorBody),
        (status = 503, description = "Live events cannot be reached now", body = ErrorBody),
    ))]
pub(super) async fn live(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
) -> Result<axum::response::Response, AppError> {
    let code = read_code(&code).ok_or(AppError::NotFound)?;
    state
        .db
        .running_bibster_session(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let receiver = super::live::subscribe(&state).await?;
    let stream = super::live::stream(receiver, move |event| match event {
        LiveEvent::Bibster { session, .. } if *session == code => Some("bibster"),
        _ => None,
    });
    Ok(axum::response::IntoResponse::into_response(stream))
}
