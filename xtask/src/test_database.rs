//! The database the test command runs the server on: SQLite by default, PostgreSQL with
//! `SUITE_TEST_DATABASE=postgres` (the end-to-end tests read the same variable; the store
//! tests run on both either way). For its own server (schemathesis), xtask then starts
//! `throwaway-postgres` of crate `test-postgres`, which keeps a throwaway PostgreSQL
//! server with a fresh database until its input closes.

use std::io::BufRead;
use std::process::{Child, Stdio};

use crate::run::{Failure, Result, cargo};

/// The server's database in the test command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TestDatabase {
    Sqlite,
    Postgres,
}

impl TestDatabase {
    /// From `SUITE_TEST_DATABASE` (`sqlite`, the default, or `postgres`).
    pub(crate) fn chosen() -> Result<Self> {
        match std::env::var("SUITE_TEST_DATABASE").as_deref() {
            Err(_) | Ok("sqlite") => Ok(Self::Sqlite),
            Ok("postgres") => Ok(Self::Postgres),
            Ok(other) => Err(Failure::new(format!(
                "SUITE_TEST_DATABASE must be sqlite or postgres, not {other:?}"
            ))),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }

    /// A database for a server of xtask's own: none for SQLite (the data folder's
    /// file), a throwaway PostgreSQL database otherwise.
    pub(crate) fn server_database(self) -> Result<Option<Throwaway>> {
        match self {
            Self::Sqlite => Ok(None),
            Self::Postgres => Throwaway::start().map(Some),
        }
    }
}

/// A throwaway PostgreSQL database, there until this is dropped.
pub(crate) struct Throwaway {
    child: Child,
    pub(crate) url: String,
}

impl Throwaway {
    fn start() -> Result<Self> {
        let mut child = cargo()
            .args([
                "run",
                "--locked",
                "--quiet",
                "--package",
                "test-postgres",
                "--bin",
                "throwaway-postgres",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| Failure::new(format!("cannot run throwaway-postgres: {e}")))?;
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = std::io::BufReader::new(out).read_line(&mut line);
        }
        let url = line.trim().to_string();
        if !url.starts_with("postgres://") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Failure::new(
                "throwaway-postgres started no PostgreSQL server (its message is above)",
            ));
        }
        Ok(Self { child, url })
    }
}

impl Drop for Throwaway {
    fn drop(&mut self) {
        // Closing its input ends it; its watchdog then removes the server.
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
