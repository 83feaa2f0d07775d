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
}
