//! Queries of the e-reader's reading side: the collection with its free licences, a
//! member's loans with their titles, the book of a running loan and the place in it,
//! and what the licence rule and backups need (population, files). Lending itself is
//! `ereader.rs`.

use super::Db;

/// A title's row in the collection: id, title, creators (JSON), language, licences,
/// running loans, holds, members waiting, the title's direction.
pub type TitleCounts = (i64, String, String, String, i64, i64, i64, i64, String);

/// Loan `$1` of member `$2` while it runs at `$3` (`l`), with its title (`t`).
const RUNNING_LOAN: &str = "ereader_loans l JOIN ereader_titles t ON t.id = l.title_id \
    WHERE l.id = $1 AND l.member_id = $2 AND l.ended_at IS NULL AND l.until_at > $3";

/// A member's place in a queue: title id, title, place (from 1), waiting in all, since,
/// suspended (0/1), hold until.
pub type PlaceRow = (i64, String, i64, i64, i64, i64, Option<i64>);

impl Db {
    /// Every title with its licences, its loans running at `now`, the licences held
    /// for a member then and the members waiting: (id, title, creators as JSON,
    /// language, licences, running loans, holds, waiting, direction), by title. A loan or hold that
    /// ran out but is not settled yet is not counted.
    pub async fn ereader_titles(&self, now: i64) -> Result<Vec<TitleCounts>, sqlx::Error> {
        sqlx::query_as(
            "SELECT t.id, t.title, t.creators, t.language, t.licences, \
             (SELECT COUNT(*) FROM ereader_loans l WHERE l.title_id = t.id \
              AND l.ended_at IS NULL AND l.until_at > $1), \
             (SELECT COUNT(*) FROM ereader_reservations r WHERE r.title_id = t.id \
              AND r.ended_at IS NULL AND r.hold_until > $1), \
             (SELECT COUNT(*) FROM ereader_reservations r WHERE r.title_id = t.id \
              AND r.ended_at IS NULL AND (r.hold_until IS NULL OR r.hold_until > $1)), \
             t.title_direction \
             FROM ereader_titles t ORDER BY t.title, t.id",
        )
        .bind(now)
        .fetch_all(self.pool())
        .await
    }

    /// The running loans of `member` at `now` with their titles: (loan id, title id,
    /// title, until, may be downloaded), soonest end first.
    pub async fn ereader_loans_with_titles(
        &self,
        member: i64,
        now: i64,
    ) -> Result<Vec<(i64, i64, String, i64, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT l.id, l.title_id, t.title, l.until_at, t.download FROM ereader_loans l \
             JOIN ereader_titles t ON t.id = l.title_id \
             WHERE l.member_id = $1 AND l.ended_at IS NULL AND l.until_at > $2 \
             ORDER BY l.until_at, l.id",
        )
        .bind(member)
        .bind(now)
        .fetch_all(self.pool())
        .await
    }

    /// The open places of `member` at `now` (a hold that ran out is gone), the oldest
    /// first, with their place in the queue and its length.
    pub async fn ereader_places_of(
        &self,
        member: i64,
        now: i64,
    ) -> Result<Vec<PlaceRow>, sqlx::Error> {
        sqlx::query_as(
            "WITH open AS (SELECT id, title_id, member_id, since, suspended, hold_until \
                 FROM ereader_reservations \
                 WHERE ended_at IS NULL AND (hold_until IS NULL OR hold_until > $2)) \
             SELECT r.title_id, t.title, \
               (SELECT COUNT(*) FROM open o WHERE o.title_id = r.title_id \
                AND (o.since < r.since OR (o.since = r.since AND o.id <= r.id))), \
               (SELECT COUNT(*) FROM open o WHERE o.title_id = r.title_id), \
               r.since, r.suspended, r.hold_until \
             FROM open r JOIN ereader_titles t ON t.id = r.title_id \
             WHERE r.member_id = $1 ORDER BY r.since, r.id",
        )
        .bind(member)
        .bind(now)
        .fetch_all(self.pool())
        .await
    }

    /// The SHA-256 of every title's file (what a backup must hold).
    pub async fn ereader_files(&self) -> Result<Vec<String>, sqlx::Error> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT file_sha256 FROM ereader_titles ORDER BY id")
                .fetch_all(self.pool())
                .await?;
        Ok(rows.into_iter().map(|(sha,)| sha).collect())
    }

    /// The inhabitants the participating libraries serve together (not those that left).
    pub async fn ereader_population(&self) -> Result<i64, sqlx::Error> {
        let (total,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(population), 0) AS BIGINT) FROM ereader_libraries \
             WHERE left_at IS NULL",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(total)
    }

    /// The title (id and file's SHA-256) of `member`'s loan `loan` while it runs at `now`.
    pub async fn ereader_running_loan(
        &self,
        member: i64,
        loan: i64,
        now: i64,
    ) -> Result<Option<(i64, String)>, sqlx::Error> {
        sqlx::query_as(&format!("SELECT t.id, t.file_sha256 FROM {RUNNING_LOAN}"))
            .bind(loan)
            .bind(member)
            .bind(now)
            .fetch_optional(self.pool())
            .await
    }

    /// For a copy of `member`'s running loan `loan`: the title's id, file, name, whether
    /// it may be downloaded, and the loan's end.
    pub async fn ereader_download_of(
        &self,
        member: i64,
        loan: i64,
        now: i64,
    ) -> Result<Option<(i64, String, String, i64, i64)>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT t.id, t.file_sha256, t.title, t.download, l.until_at FROM {RUNNING_LOAN}"
        ))
        .bind(loan)
        .bind(member)
        .bind(now)
        .fetch_optional(self.pool())
        .await
    }

    /// Where `member` is in the book of their running loan `loan` (JSON), if saved.
    pub async fn ereader_position(
        &self,
        member: i64,
        loan: i64,
        now: i64,
    ) -> Result<Option<Option<String>>, sqlx::Error> {
        let row: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT position FROM ereader_loans WHERE id = $1 AND member_id = $2 \
             AND ended_at IS NULL AND until_at > $3",
        )
        .bind(loan)
        .bind(member)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(p,)| p))
    }

    /// Saves where `member` is in their running loan `loan`; false when it is not one.
    pub async fn set_ereader_position(
        &self,
        member: i64,
        loan: i64,
        now: i64,
        position: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE ereader_loans SET position = $4 WHERE id = $1 AND member_id = $2 \
             AND ended_at IS NULL AND until_at > $3",
        )
        .bind(loan)
        .bind(member)
        .bind(now)
        .bind(position)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
