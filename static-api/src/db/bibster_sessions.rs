//! Queries of Bibster's sessions: started by a leader with a game code (unique while it
//! runs), read by id or code, listed per library, ended (by the leader, or by the
//! housekeeping when left running), and the leader's messages to every team.

use suite_domain::bibster::api::{Message, SessionSummary, TeamMode};

use super::Db;

/// A session as stored.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub summary: SessionSummary,
    /// The game as it was when the session started (JSON).
    pub game: String,
}

const SESSION_COLUMNS: &str = "s.id, s.code, s.library_id, s.game_id, s.title, s.teams_mode, \
     s.started_at, s.ended_at, \
     (SELECT COUNT(*) FROM bibster_teams t WHERE t.session_id = s.id AND t.removed_at IS NULL), \
     s.game";

type SessionTuple = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    i64,
    String,
);

fn session(row: SessionTuple) -> SessionRow {
    let (id, code, library, game_id, title, mode, started_at, ended_at, teams, game) = row;
    SessionRow {
        summary: SessionSummary {
            id,
            code,
            library,
            game: game_id,
            title,
            teams_mode: if mode == "premade" {
                TeamMode::Premade
            } else {
                TeamMode::Join
            },
            started_at,
            ended_at,
            teams: u32::try_from(teams).unwrap_or(0),
        },
        game,
    }
}

impl Db {
    /// Starts a session of game `game_id` (its JSON as of now) with `code`; `None` when a
    /// running session has that code already (take another).
    #[allow(clippy::too_many_arguments)]
    pub async fn start_bibster_session(
        &self,
        library: &str,
        game_id: i64,
        code: &str,
        game: &str,
        title: &str,
        mode: TeamMode,
        by: &str,
        at: &str,
    ) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "INSERT INTO bibster_sessions (code, library_id, game_id, game, title, teams_mode, \
             started_at, started_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (code) WHERE ended_at IS NULL DO NOTHING RETURNING id",
        )
        .bind(code)
        .bind(library)
        .bind(game_id)
        .bind(game)
        .bind(title)
        .bind(match mode {
            TeamMode::Join => "join",
            TeamMode::Premade => "premade",
        })
        .bind(at)
        .bind(by)
        .fetch_optional(self.pool())
        .await
    }

    /// Session `id`.
    pub async fn bibster_session(&self, id: i64) -> Result<Option<SessionRow>, sqlx::Error> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM bibster_sessions s WHERE s.id = $1");
        let row: Option<SessionTuple> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(session))
    }

    /// The running session with game code `code`.
    pub async fn running_bibster_session(
        &self,
        code: &str,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM bibster_sessions s \
             WHERE s.code = $1 AND s.ended_at IS NULL"
        );
        let row: Option<SessionTuple> = sqlx::query_as(&sql)
            .bind(code)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(session))
    }

    /// The latest sessions of `library` (at most 50), newest first.
    pub async fn bibster_sessions(
        &self,
        library: &str,
    ) -> Result<Vec<SessionSummary>, sqlx::Error> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM bibster_sessions s WHERE s.library_id = $1 \
             ORDER BY s.started_at DESC, s.id DESC LIMIT 50"
        );
        let rows: Vec<SessionTuple> = sqlx::query_as(&sql)
            .bind(library)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(|r| session(r).summary).collect())
    }

    /// Ends session `id`; false when it had ended already.
    pub async fn end_bibster_session(&self, id: i64, at: &str) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL",
        )
        .bind(id)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Ends every session started before `started_before` that still runs (a leader who
    /// forgot: a library visit takes hours, not days), at `at`; how many.
    pub async fn end_stale_bibster_sessions(
        &self,
        started_before: &str,
        at: &str,
    ) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_sessions SET ended_at = $2 \
             WHERE ended_at IS NULL AND started_at < $1",
        )
        .bind(started_before)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }

    /// The sessions that ended before `cutoff` (whose photos go).
    pub async fn bibster_sessions_ended_before(
        &self,
        cutoff: &str,
    ) -> Result<Vec<i64>, sqlx::Error> {
        sqlx::query_scalar("SELECT id FROM bibster_sessions WHERE ended_at < $1 ORDER BY id")
            .bind(cutoff)
            .fetch_all(self.pool())
            .await
    }

    /// Sends a message to every team of `session`.
    pub async fn add_bibster_message(
        &self,
        session: i64,
        text: &str,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO bibster_messages (session_id, text, sent_at) VALUES ($1, $2, $3)")
            .bind(session)
            .bind(text)
            .bind(at)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// The messages of `session`, oldest first.
    pub async fn bibster_messages(&self, session: i64) -> Result<Vec<Message>, sqlx::Error> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT text, sent_at FROM bibster_messages WHERE session_id = $1 ORDER BY id",
        )
        .bind(session)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(text, sent_at)| Message { text, sent_at })
            .collect())
    }
}
