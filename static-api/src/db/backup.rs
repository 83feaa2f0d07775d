//! Online backup of the database: a consistent copy while the server runs. SQLite only:
//! a PostgreSQL database is backed up with its own tools (`pg_dump`).

use std::path::Path;

use super::{Backend, Db};

impl Db {
    /// Writes a consistent, compact copy of the database to `target` (which must not
    /// exist) while others go on reading and writing (`VACUUM INTO`).
    pub async fn copy_into(&self, target: &Path) -> Result<(), sqlx::Error> {
        if self.backend() != Backend::Sqlite {
            return Err(self.unsupported("a copy of the database file"));
        }
        self.write_pending_counts().await?;
        sqlx::query("VACUUM INTO $1")
            .bind(target.to_string_lossy().into_owned())
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    /// SQLite's own check of the whole file: `ok`, or what is wrong.
    pub async fn integrity_check(&self) -> Result<String, sqlx::Error> {
        if self.backend() != Backend::Sqlite {
            return Err(self.unsupported("SQLite's integrity check"));
        }
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .into_iter()
            .map(|(line,)| line)
            .collect::<Vec<_>>()
            .join("; "))
    }
}
