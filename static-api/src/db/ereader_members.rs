//! Queries of the e-reader's members: found by the SHA-256 of their card number, and
//! their sessions (the SHA-256 of the cookie's token, a CSRF token, an end and the last
//! use). A member of a library that left the e-reader is not found.

use super::Db;

/// A member as the login finds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub library: String,
    pub pin_hash: String,
}

/// A member's running session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSession {
    pub member: i64,
    pub library: String,
    pub csrf_token: String,
}

impl Db {
    /// The member of a card, while their library takes part (one that left is unknown).
    pub async fn ereader_member_by_card(
        &self,
        card_hash: &str,
    ) -> Result<Option<MemberRow>, sqlx::Error> {
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT m.id, m.library_id, m.pin_hash FROM ereader_members m \
             JOIN ereader_libraries l ON l.library_id = m.library_id \
             WHERE m.card_hash = $1 AND l.left_at IS NULL",
        )
        .bind(card_hash)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(id, library, pin_hash)| MemberRow {
            id,
            library,
            pin_hash,
        }))
    }

    pub async fn insert_ereader_session(
        &self,
        token_hash: &str,
        member: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO ereader_sessions (token_hash, member_id, csrf_token, expires_at, last_seen_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(member)
        .bind(csrf_token)
        .bind(expires_at)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The session of `token_hash` if it runs at `now`, was used within `idle` seconds
    /// and its member's library takes part; marks it used.
    pub async fn ereader_session(
        &self,
        token_hash: &str,
        now: i64,
        idle: i64,
    ) -> Result<Option<MemberSession>, sqlx::Error> {
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "UPDATE ereader_sessions SET last_seen_at = $2 \
             WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at > $3 \
             AND member_id IN (SELECT m.id FROM ereader_members m JOIN ereader_libraries l \
                 ON l.library_id = m.library_id WHERE l.left_at IS NULL) \
             RETURNING member_id, csrf_token, \
             (SELECT library_id FROM ereader_members m WHERE m.id = member_id)",
        )
        .bind(token_hash)
        .bind(now)
        .bind(now - idle)
        .fetch_optional(self.pool())
        .await?
        .map(|(member, csrf, library): (i64, String, String)| (member, library, csrf));
        Ok(row.map(|(member, library, csrf_token)| MemberSession {
            member,
            library,
            csrf_token,
        }))
    }

    pub async fn delete_ereader_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM ereader_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Removes the sessions that ended or went idle (housekeeping); how many.
    pub async fn purge_ereader_sessions(&self, now: i64, idle: i64) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            "DELETE FROM ereader_sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
        )
        .bind(now)
        .bind(now - idle)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }

    /// Whether `member` keeps their reading history (off by default).
    pub async fn ereader_keeps_history(&self, member: i64) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT keep_history FROM ereader_members WHERE id = $1")
                .bind(member)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.is_some_and(|(keep,)| keep == 1))
    }

    /// Switches `member`'s reading history on or off; off forgets what it held: their
    /// ended loans and places lose their member, and the bookmarks and highlights of
    /// titles they no longer borrow go, in the same transaction.
    pub async fn ereader_set_history(&self, member: i64, keep: bool) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE ereader_members SET keep_history = $2 WHERE id = $1")
            .bind(member)
            .bind(i64::from(keep))
            .execute(&mut *tx)
            .await?;
        if !keep {
            sqlx::query(
                "DELETE FROM ereader_annotations WHERE member_id = $1 AND title_id NOT IN \
                 (SELECT title_id FROM ereader_loans WHERE member_id = $1 AND ended_at IS NULL)",
            )
            .bind(member)
            .execute(&mut *tx)
            .await?;
            for table in ["ereader_loans", "ereader_reservations"] {
                sqlx::query(&format!(
                    "UPDATE {table} SET member_id = NULL WHERE member_id = $1 AND ended_at IS NOT NULL"
                ))
                .bind(member)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await
    }

    /// The books `member` read (their ended loans, kept while their history is on):
    /// (title id, title, started, ended), the latest first, at most `limit`.
    pub async fn ereader_history(
        &self,
        member: i64,
        limit: i64,
    ) -> Result<Vec<(i64, String, i64, i64)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT l.title_id, t.title, l.started_at, l.ended_at FROM ereader_loans l \
             JOIN ereader_titles t ON t.id = l.title_id \
             WHERE l.member_id = $1 AND l.ended_at IS NOT NULL \
             ORDER BY l.ended_at DESC, l.id DESC LIMIT $2",
        )
        .bind(member)
        .bind(limit)
        .fetch_all(self.pool())
        .await
    }
}
