//! The back-office's view of the e-reader's queues until the lending store's
//! reservations land: no title has a queue or holds yet, and licences are set by a plain
//! update (nobody waits for a freed licence). Replaced by the store's own queries.

use suite_domain::lending::Policy;

use super::Db;
use super::ereader_admin::HoldCounts;

impl Db {
    /// Sets title `title`'s licences (`licences_set` by hand or `None`: the rule) and
    /// the licences in force; false when there is no such title.
    pub async fn ereader_set_licences(
        &self,
        title: i64,
        licences_set: Option<i64>,
        licences: i64,
        _policy: &Policy,
        _now: i64,
    ) -> Result<bool, sqlx::Error> {
        let done =
            sqlx::query("UPDATE ereader_titles SET licences_set = $2, licences = $3 WHERE id = $1")
                .bind(title)
                .bind(licences_set)
                .bind(licences)
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Members waiting per title at `now`: (title id, waiting).
    pub async fn ereader_queue_lengths(&self, _now: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
        Ok(Vec::new())
    }

    /// How each title's holds and reservations ended.
    pub async fn ereader_hold_counts(&self) -> Result<Vec<HoldCounts>, sqlx::Error> {
        Ok(Vec::new())
    }
}
