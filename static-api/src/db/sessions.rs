//! Queries on server-side sessions. Only the SHA-256 of a session token is stored.

use super::staff::{STAFF_COLUMNS, to_staff};
use super::{Db, StaffRow};

/// A live session with its staff member.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf_token: String,
}

impl Db {
    pub async fn insert_session(
        &self,
        token_hash: &str,
        staff_id: i64,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, staff_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(csrf_token)
        .bind(expires_at)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The session with this token hash, if it has not expired at `now`.
    pub async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {STAFF_COLUMNS}, sessions.csrf_token FROM sessions \
             JOIN staff ON staff.id = sessions.staff_id \
             WHERE sessions.token_hash = $1 AND sessions.expires_at > $2"
        );
        type Row = (i64, String, String, String, String, Option<String>, String);
        let row: Option<Row> = sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(self.pool())
            .await?;
        Ok(
            row.and_then(|(id, email, name, hash, role, org, csrf_token)| {
                let staff = to_staff((id, email, name, hash, role, org))?;
                Some(SessionRow { staff, csrf_token })
            }),
        )
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// Removes sessions that expired before `now`.
    pub async fn purge_expired_sessions(&self, now: i64) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
