//! The database: SQLite embedded (WAL, foreign keys on, migrations run at start).
//!
//! Queries use `$1` placeholders, which SQLite and PostgreSQL both read, and live in
//! this module's submodules only, so a PostgreSQL backend means a second set of
//! migrations and a pool type, not a rewrite of every handler.

mod backup;
mod bieblo;
mod bieblo_themes;
pub mod culture;
mod culture_insight;
mod orgs;
mod sessions;
mod settings;
mod staff;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use sessions::SessionRow;
pub use staff::StaffRow;

/// The database's file in the data folder.
pub const DB_FILE: &str = "suite.sqlite";

/// Errors while opening or migrating the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open database: {0}")]
    Open(#[from] sqlx::Error),
    #[error("cannot migrate database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A handle on the database pool; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens `suite.sqlite` in `data_dir` (created if missing) and runs the migrations.
    pub async fn open(data_dir: &Path) -> Result<Self, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        Self::open_file(&data_dir.join(DB_FILE)).await
    }

    /// Opens (and migrates) the database in `file`.
    pub async fn open_file(file: &Path) -> Result<Self, DbError> {
        let file = file.to_path_buf();
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(file)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Closes every connection (before another process opens the file).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Whether an error is a violated UNIQUE or PRIMARY KEY constraint.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}
