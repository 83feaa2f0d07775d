//! Queries of Bibster's play: the teams in a session, the tasks they opened, their
//! answers (the first one to a task counts) and the leader's reviews. Sessions and
//! messages are in `bibster_sessions.rs`, statistics in `bibster_stats.rs`.

use suite_domain::bibster::api::TeamRow;

use super::Db;

/// A team as its token finds it.
#[derive(Debug, Clone)]
pub struct TeamAuth {
    pub id: i64,
    pub session_id: i64,
    pub name: String,
    pub seed: i64,
    pub removed: bool,
}

/// An answer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub task: String,
    pub answer: String,
    pub verdict: String,
    pub points: i64,
    pub hint_opened: bool,
    pub elapsed_ms: Option<i64>,
    pub answered_at: String,
}

/// A new answer to store.
#[derive(Debug, Clone)]
pub struct NewAnswer<'a> {
    pub team: i64,
    pub session: i64,
    pub task: &'a str,
    pub answer: &'a str,
    pub verdict: &'a str,
    pub points: i64,
    pub hint_opened: bool,
    pub elapsed_ms: Option<i64>,
    pub at: &'a str,
}

/// An answer waiting for review, with its team's name.
#[derive(Debug, Clone)]
pub struct WaitingAnswer {
    pub team: i64,
    pub team_name: String,
    pub task: String,
    pub answer: String,
    pub hint_opened: bool,
    pub answered_at: String,
}

type AnswerTuple = (String, String, String, i64, i64, Option<i64>, String);

fn stored(row: AnswerTuple) -> StoredAnswer {
    let (task, answer, verdict, points, hint, elapsed_ms, answered_at) = row;
    StoredAnswer {
        task,
        answer,
        verdict,
        points,
        hint_opened: hint != 0,
        elapsed_ms,
        answered_at,
    }
}

impl Db {
    /// Adds a team to session `session`: a pre-made one with its `code` and no token yet,
    /// or one that joins now with its `token_hash`. `None` when a team has that name.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_bibster_team(
        &self,
        session: i64,
        name: &str,
        code: Option<&str>,
        token_hash: Option<&str>,
        seed: i64,
        joined_at: Option<&str>,
    ) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "INSERT INTO bibster_teams (session_id, name, code, token_hash, seed, joined_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (session_id, name) WHERE removed_at IS NULL DO NOTHING RETURNING id",
        )
        .bind(session)
        .bind(name)
        .bind(code)
        .bind(token_hash)
        .bind(seed)
        .bind(joined_at)
        .fetch_optional(self.pool())
        .await
    }

    /// A pre-made team of `session` with `code` joins on a device with `token_hash` (a
    /// later device takes the team over); its id and name.
    pub async fn join_premade_team(
        &self,
        session: i64,
        code: &str,
        token_hash: &str,
        at: &str,
    ) -> Result<Option<(i64, String)>, sqlx::Error> {
        sqlx::query_as(
            "UPDATE bibster_teams SET token_hash = $3, joined_at = COALESCE(joined_at, $4) \
             WHERE session_id = $1 AND code = $2 AND removed_at IS NULL RETURNING id, name",
        )
        .bind(session)
        .bind(code)
        .bind(token_hash)
        .bind(at)
        .fetch_optional(self.pool())
        .await
    }

    /// The team whose device holds the token with `token_hash`.
    pub async fn bibster_team_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<TeamAuth>, sqlx::Error> {
        let row: Option<(i64, i64, String, i64, Option<String>)> = sqlx::query_as(
            "SELECT id, session_id, name, seed, removed_at FROM bibster_teams \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(id, session_id, name, seed, removed)| TeamAuth {
            id,
            session_id,
            name,
            seed,
            removed: removed.is_some(),
        }))
    }

    /// Renames team `team` of `session`: `Some(false)` when another team has that name,
    /// `None` when there is no such team.
    pub async fn rename_bibster_team(
        &self,
        session: i64,
        team: i64,
        name: &str,
    ) -> Result<Option<bool>, sqlx::Error> {
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM bibster_teams WHERE session_id = $1 AND name = $2 \
             AND removed_at IS NULL AND id <> $3",
        )
        .bind(session)
        .bind(name)
        .bind(team)
        .fetch_optional(self.pool())
        .await?;
        if taken.is_some() {
            return Ok(Some(false));
        }
        let done = sqlx::query(
            "UPDATE bibster_teams SET name = $3 \
             WHERE session_id = $1 AND id = $2 AND removed_at IS NULL",
        )
        .bind(session)
        .bind(team)
        .bind(name)
        .execute(self.pool())
        .await;
        match done {
            Ok(done) => Ok((done.rows_affected() == 1).then_some(true)),
            // Another rename took the name in between.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(Some(false)),
            Err(e) => Err(e),
        }
    }

    /// Removes team `team` from `session` (its answers stay out of the board); false when
    /// there is no such team.
    pub async fn remove_bibster_team(
        &self,
        session: i64,
        team: i64,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_teams SET removed_at = $3 \
             WHERE session_id = $1 AND id = $2 AND removed_at IS NULL",
        )
        .bind(session)
        .bind(team)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The board's teams of `session` (not removed), by score, then name.
    pub async fn bibster_team_rows(&self, session: i64) -> Result<Vec<TeamRow>, sqlx::Error> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            i64,
            i64,
            i64,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT t.id, t.name, t.code, t.joined_at, \
             CAST(COALESCE(SUM(a.points), 0) AS BIGINT), COUNT(a.task_id), \
             CAST(COALESCE(SUM(CASE WHEN a.verdict = 'to_review' THEN 1 ELSE 0 END), 0) AS BIGINT), \
             MAX(a.answered_at) \
             FROM bibster_teams t LEFT JOIN bibster_answers a ON a.team_id = t.id \
             WHERE t.session_id = $1 AND t.removed_at IS NULL \
             GROUP BY t.id, t.name, t.code, t.joined_at \
             ORDER BY 5 DESC, t.name, t.id",
        )
        .bind(session)
        .fetch_all(self.pool())
        .await?;
        let count = |n: i64| u32::try_from(n).unwrap_or(0);
        Ok(rows
            .into_iter()
            .map(
                |(id, name, code, joined_at, score, answered, to_review, last)| TeamRow {
                    id,
                    name,
                    code,
                    joined: joined_at.is_some(),
                    score: count(score),
                    answered: count(answered),
                    to_review: count(to_review),
                    last_answer_at: last,
                },
            )
            .collect())
    }

    /// Team `team` opens `task` at `now_ms` (the first opening counts), and its hint with
    /// `hint`; when it opened the task, and whether it opened the hint.
    pub async fn open_bibster_task(
        &self,
        team: i64,
        task: &str,
        now_ms: i64,
        hint: bool,
    ) -> Result<(i64, bool), sqlx::Error> {
        let (opened_ms, hint_opened): (i64, i64) = sqlx::query_as(
            "INSERT INTO bibster_opens (team_id, task_id, opened_ms, hint_opened) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (team_id, task_id) DO UPDATE SET \
             hint_opened = CASE WHEN excluded.hint_opened = 1 THEN 1 \
             ELSE bibster_opens.hint_opened END \
             RETURNING opened_ms, hint_opened",
        )
        .bind(team)
        .bind(task)
        .bind(now_ms)
        .bind(i64::from(hint))
        .fetch_one(self.pool())
        .await?;
        Ok((opened_ms, hint_opened != 0))
    }

    /// The tasks team `team` opened: task, when (ms), hint opened.
    pub async fn bibster_opens(&self, team: i64) -> Result<Vec<(String, i64, bool)>, sqlx::Error> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT task_id, opened_ms, hint_opened FROM bibster_opens \
             WHERE team_id = $1 ORDER BY opened_ms, task_id",
        )
        .bind(team)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(task, ms, hint)| (task, ms, hint != 0))
            .collect())
    }

    /// Stores a team's first answer to a task; the answer that counts (the stored one
    /// when the team had answered already) and whether this one was new.
    pub async fn record_bibster_answer(
        &self,
        new: &NewAnswer<'_>,
    ) -> Result<(StoredAnswer, bool), sqlx::Error> {
        let inserted = sqlx::query(
            "INSERT INTO bibster_answers (team_id, session_id, task_id, answer, verdict, points, \
             hint_opened, elapsed_ms, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (team_id, task_id) DO NOTHING",
        )
        .bind(new.team)
        .bind(new.session)
        .bind(new.task)
        .bind(new.answer)
        .bind(new.verdict)
        .bind(new.points)
        .bind(i64::from(new.hint_opened))
        .bind(new.elapsed_ms)
        .bind(new.at)
        .execute(self.pool())
        .await?
        .rows_affected()
            == 1;
        let row: AnswerTuple = sqlx::query_as(
            "SELECT task_id, answer, verdict, points, hint_opened, elapsed_ms, answered_at \
             FROM bibster_answers WHERE team_id = $1 AND task_id = $2",
        )
        .bind(new.team)
        .bind(new.task)
        .fetch_one(self.pool())
        .await?;
        Ok((stored(row), inserted))
    }

    /// Every answer of team `team`, in the order given.
    pub async fn bibster_team_answers(&self, team: i64) -> Result<Vec<StoredAnswer>, sqlx::Error> {
        let rows: Vec<AnswerTuple> = sqlx::query_as(
            "SELECT task_id, answer, verdict, points, hint_opened, elapsed_ms, answered_at \
             FROM bibster_answers WHERE team_id = $1 ORDER BY answered_at, task_id",
        )
        .bind(team)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(stored).collect())
    }

    /// The stored answer (JSON) of team `team` of `session` to `task`.
    pub async fn bibster_session_answer(
        &self,
        session: i64,
        team: i64,
        task: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT answer FROM bibster_answers \
             WHERE session_id = $1 AND team_id = $2 AND task_id = $3",
        )
        .bind(session)
        .bind(team)
        .bind(task)
        .fetch_optional(self.pool())
        .await
    }

    /// The answers of `session` waiting for review (teams not removed), oldest first.
    pub async fn bibster_waiting(&self, session: i64) -> Result<Vec<WaitingAnswer>, sqlx::Error> {
        let rows: Vec<(i64, String, String, String, i64, String)> = sqlx::query_as(
            "SELECT a.team_id, t.name, a.task_id, a.answer, a.hint_opened, a.answered_at \
             FROM bibster_answers a JOIN bibster_teams t ON t.id = a.team_id \
             WHERE a.session_id = $1 AND a.verdict = 'to_review' AND t.removed_at IS NULL \
             ORDER BY a.answered_at, a.team_id, a.task_id",
        )
        .bind(session)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(team, team_name, task, answer, hint, answered_at)| WaitingAnswer {
                    team,
                    team_name,
                    task,
                    answer,
                    hint_opened: hint != 0,
                    answered_at,
                },
            )
            .collect())
    }

    /// Judges a waiting answer of team `team` of `session`: `right` with `points`, or
    /// wrong; false when no such answer waits (judged already, or none).
    #[allow(clippy::too_many_arguments)]
    pub async fn review_bibster_answer(
        &self,
        session: i64,
        team: i64,
        task: &str,
        right: bool,
        points: i64,
        by: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bibster_answers SET verdict = $4, points = $5, reviewed_by = $6, \
             reviewed_at = $7 WHERE session_id = $1 AND team_id = $2 AND task_id = $3 \
             AND verdict = 'to_review'",
        )
        .bind(session)
        .bind(team)
        .bind(task)
        .bind(if right { "right" } else { "wrong" })
        .bind(if right { points } else { 0 })
        .bind(by)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
