//! Queries of the e-reader's back-office: which libraries take part (kept in step with
//! their `e-reader` subscription in the subscription's own transaction), the collection
//! with its licences, and the numbers of the statistics per title.

use super::Db;

/// The app whose subscription makes a library take part.
pub const EREADER_APP: &str = "e-reader";

/// A title as the back-office lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminTitleRow {
    pub id: i64,
    pub title: String,
    /// JSON array of the creators.
    pub creators: String,
    pub language: String,
    pub licences: i64,
    pub licences_set: Option<i64>,
    pub download: bool,
    pub running: i64,
    pub file_bytes: i64,
    pub added_at: String,
}

/// A title's loans as the statistics count them (at `now`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoanCounts {
    pub total: i64,
    pub running: i64,
    pub returned_early: i64,
    pub expired: i64,
}

type TitleTuple = (
    i64,
    String,
    String,
    String,
    i64,
    Option<i64>,
    i64,
    i64,
    i64,
    String,
);

impl Db {
    /// Keeps `ereader_libraries` in step with `library`'s `e-reader` subscription, inside
    /// the transaction that wrote it: while it is active the library takes part with the
    /// subscription's population (joining anew after it had left) unless the library is
    /// archived; otherwise it leaves (its members stay, but cannot log in, and its
    /// population no longer counts).
    pub(super) async fn ereader_follow_subscription(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        library: &str,
        active: bool,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        if active {
            sqlx::query(
                "INSERT INTO ereader_libraries (library_id, population, joined_at) \
                 SELECT s.org_id, COALESCE(s.population, 0), $2 FROM subscriptions s \
                 JOIN organisations o ON o.kind = s.org_kind AND o.id = s.org_id \
                 WHERE s.org_kind = 'library' AND s.org_id = $1 AND s.app = $3 \
                 AND o.archived_at IS NULL \
                 ON CONFLICT (library_id) DO UPDATE SET population = excluded.population, \
                 joined_at = CASE WHEN ereader_libraries.left_at IS NULL \
                     THEN ereader_libraries.joined_at ELSE excluded.joined_at END, \
                 left_at = NULL",
            )
            .bind(library)
            .bind(at)
            .bind(EREADER_APP)
            .execute(&mut **tx)
            .await?;
        } else {
            sqlx::query(
                "UPDATE ereader_libraries SET left_at = $2 WHERE library_id = $1 AND left_at IS NULL",
            )
            .bind(library)
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// The libraries taking part: (id, name, population, joined at), by name.
    pub async fn ereader_participants(
        &self,
    ) -> Result<Vec<(String, String, i64, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT l.library_id, COALESCE(o.name, l.library_id), l.population, l.joined_at \
             FROM ereader_libraries l LEFT JOIN organisations o \
             ON o.kind = l.org_kind AND o.id = l.library_id \
             WHERE l.left_at IS NULL ORDER BY o.name, l.library_id",
        )
        .fetch_all(self.pool())
        .await
    }

    /// Every title with its licences, download flag and loans running at `now`, by title.
    pub async fn ereader_admin_titles(&self, now: i64) -> Result<Vec<AdminTitleRow>, sqlx::Error> {
        let rows: Vec<TitleTuple> = sqlx::query_as(
            "SELECT t.id, t.title, t.creators, t.language, t.licences, t.licences_set, t.download, \
             (SELECT COUNT(*) FROM ereader_loans l WHERE l.title_id = t.id \
              AND l.ended_at IS NULL AND l.until_at > $1), \
             t.file_bytes, t.added_at \
             FROM ereader_titles t ORDER BY t.title, t.id",
        )
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    title,
                    creators,
                    language,
                    licences,
                    licences_set,
                    download,
                    running,
                    file_bytes,
                    added_at,
                )| AdminTitleRow {
                    id,
                    title,
                    creators,
                    language,
                    licences,
                    licences_set,
                    download: download != 0,
                    running,
                    file_bytes,
                    added_at,
                },
            )
            .collect())
    }

    /// Sets whether title `title` may be downloaded during a loan; false when there is
    /// no such title.
    pub async fn ereader_set_download(
        &self,
        title: i64,
        download: bool,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("UPDATE ereader_titles SET download = $2 WHERE id = $1")
            .bind(title)
            .bind(i64::from(download))
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Each title's loans counted at `now`: (title id, counts). A loan past its end that
    /// no transaction ended yet counts as expired.
    pub async fn ereader_loan_counts(
        &self,
        now: i64,
    ) -> Result<Vec<(i64, LoanCounts)>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT title_id, COUNT(*), \
             CAST(SUM(CASE WHEN ended_at IS NULL AND until_at > $1 THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'returned' THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN ended_how = 'expired' OR (ended_at IS NULL AND until_at <= $1) \
                 THEN 1 ELSE 0 END) AS BIGINT) \
             FROM ereader_loans GROUP BY title_id ORDER BY title_id",
        )
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(title, total, running, returned_early, expired)| {
                (
                    title,
                    LoanCounts {
                        total,
                        running,
                        returned_early,
                        expired,
                    },
                )
            })
            .collect())
    }

    /// Loans started per title and day (days since the epoch, UTC): (title id, day,
    /// loans), from `since` (Unix seconds).
    pub async fn ereader_loans_per_day(
        &self,
        since: i64,
    ) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT title_id, started_at / 86400, COUNT(*) FROM ereader_loans \
             WHERE started_at >= $1 GROUP BY title_id, started_at / 86400 \
             ORDER BY title_id, started_at / 86400",
        )
        .bind(since)
        .fetch_all(self.pool())
        .await
    }

    /// The day (since the epoch, UTC) the first loan started, if any.
    pub async fn ereader_first_loan_day(&self) -> Result<Option<i64>, sqlx::Error> {
        let (first,): (Option<i64>,) =
            sqlx::query_as("SELECT MIN(started_at) / 86400 FROM ereader_loans")
                .fetch_one(self.pool())
                .await?;
        Ok(first)
    }
}

/// How the holds and reservations of one title ended (`ereader_reservations.ended_how`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HoldCounts {
    pub title: i64,
    /// Holds given: a licence held for the first in the queue.
    pub given: i64,
    pub taken: i64,
    pub expired: i64,
    pub passed: i64,
    pub cancelled: i64,
}
