//! Queries on server-side sessions. Only the SHA-256 of a session token is stored.

use super::staff::{STAFF_COLUMNS, to_staff};
use super::{Db, StaffRow};
use crate::auth::SESSION_IDLE_SECONDS;

/// A session's last use is written at most this often (one write a minute, not one per
/// request).
const LAST_SEEN_STEP_SECONDS: i64 = 60;

/// A live session with its staff member.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf_token: String,
}

impl Db {
    /// A new session, used at `now`, ending at `expires_at` at the latest.
    pub async fn insert_session(
        &self,
        token_hash: &str,
        staff_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, staff_id, csrf_token, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(csrf_token)
        .bind(now)
        .bind(expires_at)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The session with this token hash, if at `now` it has neither expired nor been
    /// unused for longer than [`SESSION_IDLE_SECONDS`]; finding it counts as a use.
    pub async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {STAFF_COLUMNS}, sessions.csrf_token, sessions.last_seen_at FROM sessions \
             JOIN staff ON staff.id = sessions.staff_id \
             WHERE sessions.token_hash = $1 AND sessions.expires_at > $2 \
             AND sessions.last_seen_at > $3"
        );
        type Row = (
            i64,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
            i64,
        );
        let row: Option<Row> = sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .bind(now - SESSION_IDLE_SECONDS)
            .fetch_optional(self.pool())
            .await?;
        let Some((id, email, name, hash, role, org, csrf_token, last_seen)) = row else {
            return Ok(None);
        };
        if last_seen < now - LAST_SEEN_STEP_SECONDS {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
                .bind(token_hash)
                .bind(now)
                .execute(self.pool())
                .await?;
        }
        Ok(to_staff((id, email, name, hash, role, org))
            .map(|staff| SessionRow { staff, csrf_token }))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// Removes sessions that expired, or went unused too long, before `now`.
    pub async fn purge_expired_sessions(&self, now: i64) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(now)
            .bind(now - SESSION_IDLE_SECONDS)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
