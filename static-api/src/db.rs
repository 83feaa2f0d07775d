//! The database: SQLite embedded in the data folder (WAL, foreign keys on), or PostgreSQL
//! when a `postgres://` URL is configured; migrations of the chosen backend run at start.
//!
//! One pool type for both: sqlx's `Any` driver. Queries use `$1` placeholders, which
//! SQLite and PostgreSQL both read, and live in this module's submodules only, written
//! once for both backends; where the SQL must differ, one small function of this module
//! answers per backend (see ARCHITECTURE.md, "Storage").

mod backup;
pub mod bibster;
pub mod bibster_play;
pub mod bibster_sessions;
mod bibster_stats;
mod bieblo;
mod bieblo_kiosk_health;
mod bieblo_themes;
pub mod culture;
mod culture_insight;
pub mod culture_source;
pub mod ereader;
pub mod ereader_admin;
mod ereader_admin_queue;
mod ereader_lend;
pub mod ereader_members;
mod ereader_notes;
mod ereader_reading;
mod figures;
pub mod locks;
mod login_limits;
pub mod migrate_data;
mod orgs;
pub mod pending_counts;
mod public_writes;
mod recent;
pub mod service;
mod sessions;
mod settings;
mod sqlite_file;
mod staff;
pub mod vds;
pub mod vds_school;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Executor};

pub use ereader_notes::NoteRow;
pub use ereader_reading::{PlaceRow, TitleCounts};
pub use figures::OrgTotal;
pub use sessions::{SessionRow, SessionSummary};
pub use staff::StaffRow;

/// The database's file in the data folder.
pub const DB_FILE: &str = "suite.sqlite";

/// Connections of one server's pool.
const MAX_CONNECTIONS: u32 = 8;

/// How long a SQLite connection waits for a lock another one holds.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The migrations of each backend, embedded: the same numbers and meaning in both.
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

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
    #[error("{0}")]
    Url(#[from] BadDatabaseUrl),
}

/// Which database a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// A `--database-url` that is not a PostgreSQL URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the database URL must start with postgres:// or postgresql:// (without a URL the \
     database is SQLite in the data folder)"
)]
pub struct BadDatabaseUrl;

/// A PostgreSQL URL (`postgres://user:password@host:port/database`). Its `Debug` shows
/// neither the user nor the password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Accepts `postgres://…` and `postgresql://…`; anything else is an error.
    pub fn parse(text: &str) -> Result<Self, BadDatabaseUrl> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let rest = ["postgres://", "postgresql://"]
            .iter()
            .find_map(|scheme| lower.strip_prefix(scheme));
        match rest {
            Some(rest) if !rest.is_empty() => Ok(Self(text.to_string())),
            _ => Err(BadDatabaseUrl),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseUrl(postgres://…)")
    }
}

/// A handle on the database pool; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite's file (`None` on PostgreSQL).
    file: Option<std::sync::Arc<sqlite_file::SqliteFile>>,
    /// Republishes of this process (see [`crate::publish::Coalescer`]).
    publishes: std::sync::Arc<crate::publish::Coalescer>,
    /// Read results of this process used again for a moment (see [`recent`]).
    recent: std::sync::Arc<recent::Caches>,
    /// Interaction counts not yet written (see [`pending_counts`]).
    pending: std::sync::Arc<pending_counts::PendingCounts>,
}

/// How the pool is used now, for `/metrics`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections open now.
    pub size: u32,
    /// Open connections no one uses now.
    pub idle: usize,
    /// The most connections the pool opens.
    pub max: u32,
}

/// The first bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Db {
    /// The database of a configuration: PostgreSQL at `url` when there is one, otherwise
    /// `suite.sqlite` in `data_dir`.
    pub async fn connect(data_dir: &Path, url: Option<&DatabaseUrl>) -> Result<Self, DbError> {
        match url {
            Some(url) => Self::open_postgres(url).await,
            None => Self::open(data_dir).await,
        }
    }

    /// Opens `suite.sqlite` in `data_dir` (created if missing) and runs the migrations.
    pub async fn open(data_dir: &Path) -> Result<Self, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        Self::open_file(&data_dir.join(DB_FILE)).await
    }

    /// Opens (and migrates) the SQLite database in `file`.
    pub async fn open_file(file: &Path) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let url = SqliteConnectOptions::new()
            .filename(PathBuf::from(file))
            .create_if_missing(true)
            .to_url_lossy();
        let options = AnyConnectOptions::from_url(&url)?;
        // The Any driver reads only the file and mode from the URL: the rest of the
        // settings are pragmas on every new connection (the busy timeout first, so the
        // others wait for a lock instead of failing).
        let pragmas = format!(
            "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
             PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            SQLITE_BUSY_TIMEOUT.as_millis()
        );
        let pool = AnyPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .after_connect(move |conn, _| {
                let pragmas = pragmas.clone();
                Box::pin(async move { conn.execute(sqlx::raw_sql(&pragmas)).await.map(|_| ()) })
            })
            .connect_with(options)
            .await?;
        SQLITE_MIGRATIONS.run(&pool).await?;
        Ok(Self {
            pool,
            backend: Backend::Sqlite,
            file: Some(std::sync::Arc::new(sqlite_file::SqliteFile::open(file)?)),
            publishes: Default::default(),
            recent: Default::default(),
            pending: Default::default(),
        })
    }

    /// Connects to PostgreSQL at `url` and runs the migrations.
    pub async fn open_postgres(url: &DatabaseUrl) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .connect(url.as_str())
            .await?;
        POSTGRES_MIGRATIONS.run(&pool).await?;
        Ok(Self {
            pool,
            backend: Backend::Postgres,
            file: None,
            publishes: Default::default(),
            recent: Default::default(),
            pending: Default::default(),
        })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers: a connection of the pool answers a trivial query
    /// and, on SQLite, the file is still in place and still a database. The pool's open
    /// connections go on answering from a file that was removed or replaced, while the
    /// next connection (or the next start, which would create an empty one) would not.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        let Some(file) = self.file.clone() else {
            return Ok(());
        };
        tokio::task::spawn_blocking(move || file.check())
            .await
            .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))?
            .map_err(sqlx::Error::Io)
    }

    /// How the connection pool is used now.
    pub fn pool_stats(&self) -> PoolStats {
        PoolStats {
            size: self.pool.size(),
            idle: self.pool.num_idle(),
            max: self.pool.options().get_max_connections(),
        }
    }

    /// Closes every connection (before another process opens the file).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The pool, for integration tests that check the stored rows themselves (an
    /// observer beside a concurrent load); the server's code goes through the queries.
    #[doc(hidden)]
    pub fn pool_for_tests(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction that writes: on SQLite it takes the write lock at its start
    /// (`BEGIN IMMEDIATE`, waiting up to the busy timeout), so a transaction that reads
    /// before it writes never fails because another connection wrote in between (a
    /// deferred transaction's read snapshot cannot become a write then, and SQLite answers
    /// "database is locked" at once). PostgreSQL's plain `BEGIN` has no such failure.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// The error of an operation this backend does not have (SQLite's file copy and
    /// integrity check on PostgreSQL).
    fn unsupported(&self, what: &str) -> sqlx::Error {
        sqlx::Error::Configuration(
            format!("{what} is not available on {}", self.backend.name()).into(),
        )
    }
}

/// Whether an error is a violated UNIQUE or PRIMARY KEY constraint.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        for good in [
            "postgres://suite@127.0.0.1:5432/suite",
            "postgresql://suite:secret@db.example/suite?sslmode=require",
            " POSTGRES://host/db ",
        ] {
            assert!(DatabaseUrl::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "postgres://",
            "sqlite://data/suite.sqlite",
            "mysql://host/db",
            "data/suite.sqlite",
            "postgres:/host/db",
        ] {
            assert_eq!(DatabaseUrl::parse(bad), Err(BadDatabaseUrl), "{bad}");
        }
        let url = DatabaseUrl::parse("postgres://suite:secret@host/db").expect("a URL");
        assert!(!format!("{url:?}").contains("secret"));
    }

    #[tokio::test]
    async fn sqlite_connections_keep_their_settings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(dir.path()).await.expect("open");
        assert_eq!(db.backend(), Backend::Sqlite);
        // Every connection of the pool, not only the first: hold several at once.
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(db.pool().acquire().await.expect("a connection"));
        }
        for conn in &mut held {
            let pragma = |name: &str| format!("PRAGMA {name}");
            let text: (String,) = sqlx::query_as(&pragma("journal_mode"))
                .fetch_one(&mut **conn)
                .await
                .expect("journal mode");
            assert_eq!(text.0, "wal");
            for (name, expected) in [
                ("foreign_keys", 1),
                // NORMAL
                ("synchronous", 1),
                ("busy_timeout", 5_000),
            ] {
                let value: (i64,) = sqlx::query_as(&pragma(name))
                    .fetch_one(&mut **conn)
                    .await
                    .expect("a pragma");
                assert_eq!(value.0, expected, "{name}");
            }
        }
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let list = |migrator: &Migrator| {
            migrator
                .iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        let sqlite = list(&SQLITE_MIGRATIONS);
        assert_eq!(sqlite, list(&POSTGRES_MIGRATIONS));
        // 0003 was never used.
        assert_eq!(sqlite.len(), 21);
        assert_eq!(sqlite.last().map(|(v, _)| *v), Some(22));
    }
}
