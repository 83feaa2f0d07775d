//! Bibster's JSON shapes between the server and its three bundles: the builder (library
//! staff: `/api/bibster/{library}/games...`), the leader's view (staff: a session's board,
//! review queue, messages) and the team's device (public, with the team's token:
//! `/api/bibster/play/...`). The paths are in the server's OpenAPI document.

use serde::{Deserialize, Serialize};

use super::game::{Game, Variant};
use super::task::{Answer, Verdict};
use super::team::TeamGame;

/// The header a team's device sends its token in (from [`Joined`]).
pub const TEAM_TOKEN_HEADER: &str = "x-team-token";

/// Where a game is in its life: staff edit a draft, start sessions of a published game,
/// and an archived one is kept (with its sessions) but no longer listed by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GameState {
    Draft,
    Published,
    Archived,
}

impl GameState {
    pub fn as_str(self) -> &'static str {
        match self {
            GameState::Draft => "draft",
            GameState::Published => "published",
            GameState::Archived => "archived",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [GameState::Draft, GameState::Published, GameState::Archived]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// Where a copied game came from (the template library, or the library's own game).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GameSource {
    pub id: i64,
    pub library: String,
    pub library_name: String,
    pub title: String,
}

/// A game in a library's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GameSummary {
    pub id: i64,
    pub library: String,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub variant: Variant,
    pub state: GameState,
    pub tasks: u32,
    /// In the public template library.
    pub shared: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<GameSource>,
    pub updated_at: String,
    pub updated_by: String,
}

/// A whole game of a library: its summary and the game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GameRecord {
    #[serde(flatten)]
    pub summary: GameSummary,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub game: Game,
}

/// `PUT .../games/{id}/state`: publish, archive, or back to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateChange {
    pub state: GameState,
}

/// `PUT .../games/{id}/shared`: in the template library or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedChange {
    pub shared: bool,
}

/// A game in the public template library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Template {
    pub id: i64,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub variant: Variant,
    pub tasks: u32,
    pub library: String,
    pub library_name: String,
    pub updated_at: String,
}

/// How teams come into a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TeamMode {
    /// Teams join with the game's code and a name of their own.
    Join,
    /// The leader made the teams; each joins with its own code.
    Premade,
}

/// `POST /api/bibster/{library}/sessions`: the leader starts a session of a published game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionStart {
    pub game: i64,
    pub teams: TeamMode,
    /// The teams' names, for [`TeamMode::Premade`].
    #[serde(default)]
    pub names: Vec<String>,
}

/// A session as its leader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionSummary {
    pub id: i64,
    /// The game's code, on the big screen.
    pub code: String,
    pub library: String,
    pub game: i64,
    pub title: String,
    pub teams_mode: TeamMode,
    pub started_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    pub teams: u32,
}

/// A team on the leader's board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamRow {
    pub id: i64,
    pub name: String,
    /// A pre-made team's own code (to hand out); none for teams that joined by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// On a device now (a pre-made team before it joined: not yet).
    pub joined: bool,
    pub score: u32,
    /// Tasks answered (judged or waiting).
    pub answered: u32,
    pub to_review: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_answer_at: Option<String>,
}

/// A message from the leader to every team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub text: String,
    pub sent_at: String,
}

/// `POST .../sessions/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageBody {
    pub text: String,
}

/// Most characters of a message to the teams.
pub const MESSAGE_MAX: usize = 500;

/// The leader's board: the session, its teams by score (highest first, then by name),
/// the answers waiting for review, the messages sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    pub session: SessionSummary,
    /// Tasks in the game.
    pub tasks: u32,
    pub teams: Vec<TeamRow>,
    pub to_review: u32,
    pub messages: Vec<Message>,
}

/// `PUT .../sessions/{id}/teams/{team}`: the leader renames a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamName {
    pub name: String,
}

/// An answer waiting for the leader (a photo, or open text under review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewItem {
    pub team: i64,
    pub team_name: String,
    pub task: String,
    pub prompt: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answer: Answer,
    /// The most the answer earns (the task's points less an opened hint).
    pub points: u32,
    pub answered_at: String,
}

/// `POST .../sessions/{id}/reviews`: the leader's verdict on one answer; `points`
/// (at most the task's) when approved, the task's points less an opened hint by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDecision {
    pub team: i64,
    pub task: String,
    pub approve: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
}

/// `GET /api/bibster/play/sessions/{code}`: what a team's device needs before it joins
/// (the game's title, and whether teams choose a name or type their team's code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub code: String,
    pub title: String,
    pub teams_mode: TeamMode,
}

/// A picture stored by `POST /api/bibster/{library}/pictures` (a floor plan or a task's
/// image; the body is the PNG, JPEG or WebP file itself, `Content-Type` saying which):
/// its public path, to put in the game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoredPicture {
    pub path: String,
}

/// `POST /api/bibster/play/join`: a team comes in with the game's code, and either a name
/// of its own or its pre-made team's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JoinRequest {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_code: Option<String>,
}

/// The answer to a join: the team's token, which the device keeps and sends as
/// `x-team-token` with every later request of the team (it is the team's only key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Joined {
    pub session: String,
    pub team: i64,
    pub name: String,
    pub token: String,
}

/// One of the team's answers as the server judged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamAnswer {
    pub task: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub verdict: Verdict,
    pub points: u32,
    /// The first option chosen, for a multiple-choice task (a story's branches follow it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<u32>,
}

/// A task the team opened: when, on the server's clock (milliseconds since the epoch),
/// and the hint's text if it opened that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskOpened {
    pub task: String,
    pub opened_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// `GET /api/bibster/play/state`: everything a team's device needs to continue: the
/// game as the team sees it, its answers, the tasks it opened, the messages, the
/// server's clock (to count a time limit down) and whether the session ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlayState {
    pub session: String,
    pub team: i64,
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub game: TeamGame,
    pub score: u32,
    pub answers: Vec<TeamAnswer>,
    pub opened: Vec<TaskOpened>,
    pub messages: Vec<Message>,
    pub now_ms: i64,
    pub ended: bool,
}

/// A photo task is answered by `POST /api/bibster/play/photos/{task}` with the picture
/// itself as the body (PNG, JPEG or WebP, `Content-Type` saying which, at most
/// [`PHOTO_MAX_BYTES`]); the answer is then `TeamAnswer` with the verdict `to_review`.
/// The leader sees it at `GET /api/bibster/{library}/sessions/{session}/photos/{team}/{task}`
/// (staff only: a team's photo may show children).
pub const PHOTO_MAX_BYTES: usize = 8 * 1024 * 1024;

/// `POST /api/bibster/play/answers`: an answer in the order the team saw (see
/// [`super::team::from_team`]). A team's device sends it again until it gets an
/// answer; the first answer to a task counts and a repeat gets the same result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerBody {
    pub task: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answer: Answer,
}

/// `POST /api/bibster/play/open`: the team opens a task (its time limit starts on the
/// server's clock), or its hint (`hint`: it costs the hint's points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenBody {
    pub task: String,
    #[serde(default)]
    pub hint: bool,
}

/// The final podium and the statistics of a game, per task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskStats {
    pub task: String,
    pub prompt: String,
    pub answered: u32,
    pub right: u32,
    /// Median seconds from opening to answering, of the answers with an opening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_secs: Option<u32>,
}

/// Statistics of one game over a library's sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GameStats {
    pub game: i64,
    pub sessions: u32,
    pub teams: u32,
    pub answers: u32,
    pub tasks: Vec<TaskStats>,
}

/// One game's totals in a library's statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GameTotals {
    pub game: i64,
    pub title: String,
    pub state: GameState,
    pub sessions: u32,
    /// Teams that joined (and were not removed).
    pub teams: u32,
    pub answers: u32,
    /// Answers judged right (by the server or the leader).
    pub right: u32,
}

/// A month's totals in a library's statistics (`month` is `YYYY-MM`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthTotals {
    pub month: String,
    pub sessions: u32,
    pub teams: u32,
    pub answers: u32,
}

/// `GET /api/bibster/{library}/stats`: a library's Bibster over all its games (drafts
/// and archived ones too): totals, per game, and per month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibraryStats {
    pub sessions: u32,
    pub teams: u32,
    pub answers: u32,
    pub right: u32,
    pub games: Vec<GameTotals>,
    /// Months with any use, oldest first.
    pub months: Vec<MonthTotals>,
}

/// The live events of a session (server-sent events on
/// `/api/bibster/sessions/{code}/live`): what changed, so a view fetches anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionChange {
    /// A team joined, was renamed or removed.
    Teams,
    /// A team answered, or the leader judged an answer.
    Scores,
    /// The leader sent a message.
    Message,
    /// The session ended.
    Ended,
}
