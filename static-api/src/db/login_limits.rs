//! The login limits of several instances (`auth::LoginLimiter::Shared`): one transaction
//! per attempt, serialised per client address by an advisory lock, so concurrent
//! attempts on any instance are counted one after the other.

use std::time::Duration;

use crate::auth::limiter::{Entry, Keys, MAX_DELAY, decide};

use super::Db;

impl Db {
    /// Counts an attempt under `keys` at `now_ms` if the rule allows it; the inner error
    /// is how long to wait.
    pub async fn login_limit_begin(
        &self,
        keys: &Keys,
        now_ms: i64,
    ) -> Result<Result<(), Duration>, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind(&keys.address)
            .execute(&mut *tx)
            .await?;
        let stale = now_ms - i64::try_from(MAX_DELAY.as_millis()).unwrap_or(i64::MAX);
        sqlx::query("DELETE FROM login_limits WHERE since_ms < $1")
            .bind(stale)
            .execute(&mut *tx)
            .await?;
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT key, CAST(failures AS BIGINT), since_ms FROM login_limits \
             WHERE key = $1 OR key = $2",
        )
        .bind(&keys.pair)
        .bind(&keys.address)
        .fetch_all(&mut *tx)
        .await?;
        let entry = |key: &str| {
            rows.iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, f, s)| Entry {
                    failures: u32::try_from(*f).unwrap_or(u32::MAX),
                    since_ms: *s,
                })
        };
        let (pair, address) = match decide(entry(&keys.pair), entry(&keys.address), now_ms) {
            Ok(entries) => entries,
            Err(wait) => {
                tx.commit().await?;
                return Ok(Err(wait));
            }
        };
        for (key, e) in [(&keys.pair, pair), (&keys.address, address)] {
            sqlx::query(
                "INSERT INTO login_limits (key, failures, since_ms) VALUES ($1, $2, $3) \
                 ON CONFLICT (key) DO UPDATE SET failures = $2, since_ms = $3",
            )
            .bind(key)
            .bind(i64::from(e.failures))
            .bind(e.since_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// A right login: the pair's failures go, and the attempt stops counting against
    /// the address.
    pub async fn login_limit_succeeded(&self, keys: &Keys) -> Result<(), sqlx::Error> {
        let mut tx = self.begin_write().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind(&keys.address)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM login_limits WHERE key = $1")
            .bind(&keys.pair)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE login_limits SET failures = failures - 1 WHERE key = $1 AND failures > 0",
        )
        .bind(&keys.address)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}
