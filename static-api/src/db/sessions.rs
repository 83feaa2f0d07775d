//! Queries on server-side sessions. Only the SHA-256 of a session token is stored.

use super::staff::{STAFF_COLUMNS, STAFF_MAY_LOG_IN, staff_tuple, to_staff};
use super::{Db, StaffRow};
use crate::auth::SESSION_IDLE_SECONDS;

/// A session's last use is written at most this often (one write a minute, not one per
/// request).
const LAST_SEEN_STEP_SECONDS: i64 = 60;

/// One session as its owner sees it listed.
#[derive(Debug, Clone)]
pub struct SessionSummary {
    pub token_hash: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub device: String,
}

/// A live session with its staff member.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf_token: String,
}

/// A session as [`Db::find_session`] keeps it for a moment (see [`super::recent`]): used
/// again only while it is valid at the time asked and its last use needs no new write.
#[derive(Debug, Clone)]
pub(super) struct KeptSession {
    row: SessionRow,
    expires_at: i64,
    last_seen_at: i64,
}

impl Db {
    /// A new session, begun and used at `now`, ending at `expires_at` at the latest, on
    /// `device` (a short description of the browser).
    pub async fn insert_session(
        &self,
        token_hash: &str,
        staff_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
        device: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, staff_id, csrf_token, last_seen_at, expires_at, \
             created_at, device) VALUES ($1, $2, $3, $4, $5, $4, $6)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(csrf_token)
        .bind(now)
        .bind(expires_at)
        .bind(device)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The live sessions of one account, the latest used first.
    pub async fn sessions_of(
        &self,
        staff_id: i64,
        now: i64,
    ) -> Result<Vec<SessionSummary>, sqlx::Error> {
        let rows: Vec<(String, i64, i64, String)> = sqlx::query_as(
            "SELECT token_hash, created_at, last_seen_at, device FROM sessions \
             WHERE staff_id = $1 AND expires_at > $2 AND last_seen_at > $3 \
             ORDER BY last_seen_at DESC",
        )
        .bind(staff_id)
        .bind(now)
        .bind(now - SESSION_IDLE_SECONDS)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(token_hash, created_at, last_seen_at, device)| SessionSummary {
                    token_hash,
                    created_at,
                    last_seen_at,
                    device,
                },
            )
            .collect())
    }

    /// Ends every session of an account but `keep` (a token hash); how many ended.
    pub async fn end_sessions_of(
        &self,
        staff_id: i64,
        keep: Option<&str>,
    ) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE staff_id = $1 AND token_hash <> $2")
            .bind(staff_id)
            .bind(keep.unwrap_or(""))
            .execute(self.pool())
            .await;
        self.sessions_changed();
        Ok(done?.rows_affected())
    }

    /// The session with this token hash, if at `now` it has neither expired nor been
    /// unused for longer than [`SESSION_IDLE_SECONDS`]; finding it counts as a use.
    pub async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let asked_at = std::time::Instant::now();
        if let Some(kept) = self.recent.sessions.get(token_hash, asked_at)
            && kept.expires_at > now
            && kept.last_seen_at >= now - LAST_SEEN_STEP_SECONDS
        {
            return Ok(Some(kept.row));
        }
        let generation = self.recent.sessions.generation();
        let sql = format!(
            "SELECT {STAFF_COLUMNS}, sessions.csrf_token, sessions.last_seen_at, \
             sessions.expires_at FROM sessions \
             JOIN staff ON staff.id = sessions.staff_id \
             WHERE sessions.token_hash = $1 AND sessions.expires_at > $2 \
             AND sessions.last_seen_at > $3 AND {STAFF_MAY_LOG_IN}"
        );
        let found = sqlx::query(&sql)
            .bind(token_hash)
            .bind(now)
            .bind(now - SESSION_IDLE_SECONDS)
            .fetch_optional(self.pool())
            .await?;
        let Some(found) = found else {
            return Ok(None);
        };
        use sqlx::Row as _;
        let staff = staff_tuple(&found)?;
        let csrf_token: String = found.try_get(9)?;
        let mut last_seen_at: i64 = found.try_get(10)?;
        let expires_at: i64 = found.try_get(11)?;
        if last_seen_at < now - LAST_SEEN_STEP_SECONDS {
            sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
                .bind(token_hash)
                .bind(now)
                .execute(self.pool())
                .await?;
            last_seen_at = now;
        }
        let Some(staff) = to_staff(staff) else {
            return Ok(None);
        };
        let row = SessionRow { staff, csrf_token };
        let kept = KeptSession {
            row: row.clone(),
            expires_at,
            last_seen_at,
        };
        self.recent
            .sessions
            .put(token_hash, kept, generation, asked_at);
        Ok(Some(row))
    }

    /// After a write that may end sessions or change who may use them: the sessions read
    /// before are read again.
    pub(super) fn sessions_changed(&self) {
        self.recent.sessions.forget_all();
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await;
        self.sessions_changed();
        done.map(|_| ())
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
