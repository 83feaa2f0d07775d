//! Queries of Bibster's statistics: one game's answers per task, and a library's totals
//! per game and per month. Teams count once they joined (a pre-made team nobody used
//! does not) and while not removed.

use suite_domain::bibster::api::{GameState, GameTotals};

use super::Db;

impl Db {
    /// Statistics of game `game` over its sessions: sessions, teams, and per task the
    /// verdicts and times (task, verdict, elapsed ms) of every answer of a team not removed.
    pub async fn bibster_game_answers(
        &self,
        game: i64,
    ) -> Result<(i64, i64, Vec<(String, String, Option<i64>)>), sqlx::Error> {
        let (sessions, teams): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM bibster_sessions WHERE game_id = $1), \
             (SELECT COUNT(*) FROM bibster_teams t JOIN bibster_sessions s \
             ON s.id = t.session_id WHERE s.game_id = $1 AND t.removed_at IS NULL \
             AND t.joined_at IS NOT NULL)",
        )
        .bind(game)
        .fetch_one(self.pool())
        .await?;
        let answers: Vec<(String, String, Option<i64>)> = sqlx::query_as(
            "SELECT a.task_id, a.verdict, a.elapsed_ms FROM bibster_answers a \
             JOIN bibster_sessions s ON s.id = a.session_id \
             JOIN bibster_teams t ON t.id = a.team_id \
             WHERE s.game_id = $1 AND t.removed_at IS NULL",
        )
        .bind(game)
        .fetch_all(self.pool())
        .await?;
        Ok((sessions, teams, answers))
    }

    /// Totals of every game of `library` (drafts and archived ones too), in the order
    /// they were made.
    pub async fn bibster_library_totals(
        &self,
        library: &str,
    ) -> Result<Vec<GameTotals>, sqlx::Error> {
        let rows: Vec<(i64, String, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT g.id, g.title, g.state, \
             (SELECT COUNT(*) FROM bibster_sessions s WHERE s.game_id = g.id), \
             (SELECT COUNT(*) FROM bibster_teams t JOIN bibster_sessions s ON s.id = t.session_id \
              WHERE s.game_id = g.id AND t.removed_at IS NULL AND t.joined_at IS NOT NULL), \
             (SELECT COUNT(*) FROM bibster_answers a JOIN bibster_sessions s ON s.id = a.session_id \
              JOIN bibster_teams t ON t.id = a.team_id WHERE s.game_id = g.id AND t.removed_at IS NULL), \
             (SELECT COUNT(*) FROM bibster_answers a JOIN bibster_sessions s ON s.id = a.session_id \
              JOIN bibster_teams t ON t.id = a.team_id WHERE s.game_id = g.id AND t.removed_at IS NULL \
              AND a.verdict = 'right') \
             FROM bibster_games g WHERE g.library_id = $1 ORDER BY g.id",
        )
        .bind(library)
        .fetch_all(self.pool())
        .await?;
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        Ok(rows
            .into_iter()
            .map(
                |(game, title, state, sessions, teams, answers, right)| GameTotals {
                    game,
                    title,
                    state: GameState::parse(&state).unwrap_or(GameState::Draft),
                    sessions: count(sessions),
                    teams: count(teams),
                    answers: count(answers),
                    right: count(right),
                },
            )
            .collect())
    }

    /// `library`'s use per month (`YYYY-MM`, `sessions` | `teams` | `answers`, count).
    pub async fn bibster_library_months(
        &self,
        library: &str,
    ) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT substr(started_at, 1, 7), 'sessions', COUNT(*) FROM bibster_sessions \
             WHERE library_id = $1 GROUP BY substr(started_at, 1, 7) \
             UNION ALL SELECT substr(t.joined_at, 1, 7), 'teams', COUNT(*) FROM bibster_teams t \
             JOIN bibster_sessions s ON s.id = t.session_id WHERE s.library_id = $1 \
             AND t.joined_at IS NOT NULL AND t.removed_at IS NULL GROUP BY substr(t.joined_at, 1, 7) \
             UNION ALL SELECT substr(a.answered_at, 1, 7), 'answers', COUNT(*) FROM bibster_answers a \
             JOIN bibster_sessions s ON s.id = a.session_id JOIN bibster_teams t ON t.id = a.team_id \
             WHERE s.library_id = $1 AND t.removed_at IS NULL GROUP BY substr(a.answered_at, 1, 7)",
        )
        .bind(library)
        .fetch_all(self.pool())
        .await
    }
}
