//! Queries of Bieblo's kiosk heartbeats: when each branch's kiosk was last heard from,
//! which book list it showed and what it reported going wrong.

use suite_domain::bieblo::kiosk_health::{KioskProblem, KioskSeen};

use super::Db;

type SeenRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Db {
    /// Records a heartbeat of a kiosk staff set up, at `now` (RFC 3339): a problem keeps
    /// its start while the kiosk goes on reporting it. `false` when the kiosk has no row.
    pub async fn record_heartbeat(
        &self,
        library: &str,
        branch: &str,
        now: &str,
        data_from: Option<&str>,
        problem: Option<KioskProblem>,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE bieblo_branch_kiosks SET last_seen_at = $3, data_from = $4, \
             problem_since = CASE WHEN CAST($5 AS TEXT) IS NULL THEN NULL \
             WHEN problem = $5 AND problem_since IS NOT NULL THEN problem_since ELSE $3 END, \
             problem = $5 \
             WHERE library_id = $1 AND branch_id = $2",
        )
        .bind(library)
        .bind(branch)
        .bind(now)
        .bind(data_from)
        .bind(problem.map(KioskProblem::code))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The last heartbeat of every kiosk of `library` staff ever set up, by branch id;
    /// a problem this version does not know reads as a book list that could not load.
    pub async fn kiosks_seen(&self, library: &str) -> Result<Vec<KioskSeen>, sqlx::Error> {
        let rows: Vec<SeenRow> = sqlx::query_as(
            "SELECT branch_id, last_seen_at, data_from, problem, problem_since \
             FROM bieblo_branch_kiosks WHERE library_id = $1 ORDER BY branch_id",
        )
        .bind(library)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(branch_id, last_seen_at, data_from, problem, problem_since)| KioskSeen {
                    branch_id,
                    last_seen_at,
                    data_from,
                    problem: problem.map(|code| {
                        KioskProblem::from_code(&code).unwrap_or(KioskProblem::Snapshot)
                    }),
                    problem_since,
                },
            )
            .collect())
    }
}
