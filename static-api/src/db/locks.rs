//! Work that one instance at a time may do (the scheduled catalogue and programme
//! refreshes), and when it was done last.
//!
//! On PostgreSQL an [`InstanceLock`] is a session advisory lock, held on a connection of
//! the pool for as long as the work runs: several instances on one database take turns,
//! and a crashed instance's lock ends with its connection. On SQLite the server is one
//! process, whose own mutex suffices (see `import::refresh`); the lock is always given.

use sqlx::Any;
use sqlx::pool::PoolConnection;

use super::{Backend, Db};

/// Advisory lock keys: one per kind of work (`pg_try_advisory_lock(bigint)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    CatalogueRefresh,
    ProgrammeRefresh,
}

impl Work {
    fn key(self) -> i64 {
        match self {
            // "suite" + 1, so no other program's keys on a shared server are likely hit.
            Work::CatalogueRefresh => 0x7375_6974_6501,
            Work::ProgrammeRefresh => 0x7375_6974_6502,
        }
    }

    fn setting(self) -> &'static str {
        match self {
            Work::CatalogueRefresh => "catalogue_refresh_last_unix",
            Work::ProgrammeRefresh => "programme_refresh_last_unix",
        }
    }
}

/// The right to do `Work` on this database; let it go with [`InstanceLock::release`].
/// Dropped unreleased (a panic), its connection is closed, which ends the lock too.
#[derive(Debug)]
pub struct InstanceLock {
    conn: Option<PoolConnection<Any>>,
    key: i64,
}

impl InstanceLock {
    /// Lets the lock go (and gives its connection back to the pool).
    pub async fn release(mut self) {
        if let Some(mut conn) = self.conn.take() {
            let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(self.key)
                .execute(&mut *conn)
                .await;
            if let Err(e) = unlocked {
                tracing::warn!("cannot release an advisory lock ({e}); closing its connection");
                drop(conn.detach());
            }
        }
    }
}

impl Drop for InstanceLock {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // Closing the session releases its advisory locks.
            drop(conn.detach());
        }
    }
}

impl Db {
    /// The lock for `work`, or `None` while another instance holds it.
    pub async fn try_instance_lock(&self, work: Work) -> Result<Option<InstanceLock>, sqlx::Error> {
        if self.backend() == Backend::Sqlite {
            return Ok(Some(InstanceLock {
                conn: None,
                key: work.key(),
            }));
        }
        let mut conn = self.pool().acquire().await?;
        let (taken,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_lock($1)")
            .bind(work.key())
            .fetch_one(&mut *conn)
            .await?;
        Ok(taken.then_some(InstanceLock {
            conn: Some(conn),
            key: work.key(),
        }))
    }

    /// When `work` was last started, by any instance (Unix seconds).
    pub async fn work_last_started(&self, work: Work) -> Result<Option<i64>, sqlx::Error> {
        Ok(self
            .setting(work.setting())
            .await?
            .and_then(|v| v.parse().ok()))
    }

    /// Notes that `work` starts now (`unix` seconds).
    pub async fn set_work_started(&self, work: Work, unix: i64) -> Result<(), sqlx::Error> {
        self.set_setting(work.setting(), &unix.to_string()).await
    }
}
