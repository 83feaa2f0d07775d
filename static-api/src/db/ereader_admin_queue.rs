//! The back-office's view of the e-reader's queues (`ereader_reservations`): how many
//! wait per title now, and how each title's places and holds ended, for the statistics.

use super::Db;
use super::ereader_admin::HoldCounts;

impl Db {
    /// Members waiting per title (open places, a running hold included): (title id,
    /// waiting).
    pub async fn ereader_queue_lengths(&self) -> Result<Vec<(i64, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT title_id, COUNT(*) FROM ereader_reservations WHERE ended_at IS NULL \
             GROUP BY title_id ORDER BY title_id",
        )
        .fetch_all(self.pool())
        .await
    }

    /// How each title's holds and places ended: a place that was ever given a hold
    /// keeps its `hold_until`; it ends taken, passed, expired or cancelled.
    pub async fn ereader_hold_counts(&self) -> Result<Vec<HoldCounts>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT title_id, \
             CAST(SUM(CASE WHEN hold_until IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'taken' THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'expired' THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'passed' THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'cancelled' THEN 1 ELSE 0 END) AS BIGINT) \
             FROM ereader_reservations GROUP BY title_id ORDER BY title_id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(title, given, taken, expired, passed, cancelled)| HoldCounts {
                    title,
                    given,
                    taken,
                    expired,
                    passed,
                    cancelled,
                },
            )
            .collect())
    }
}
