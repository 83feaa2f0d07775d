//! The real static-api on 127.0.0.1 with a temporary data folder and demo data (or,
//! as an operator starts, nothing but an admin), on SQLite or
//! (`SUITE_TEST_DATABASE=postgres`) PostgreSQL.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use static_api::db::DatabaseUrl;
use static_api::{AppState, Config, demo};

use crate::Result;

/// The built site (`cargo xtask build` writes it); `SUITE_SITE_DIR` overrides.
pub fn site_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("SUITE_SITE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // At run time first: worktrees sharing a target folder share this binary.
            std::env::var_os("CARGO_MANIFEST_DIR")
                .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
                .join("../../target/site")
        });
    if dir.join("index.html").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "no built site in {}: run the tests with `cargo xtask test` (it builds the apps first)",
            dir.display()
        ))
    }
}

/// The server program cargo built beside the test binary (`target/<profile>/`).
pub fn server_program() -> Result<PathBuf> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let program = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join(format!("static-api{}", std::env::consts::EXE_SUFFIX)))
        .ok_or("no target folder above the test binary")?;
    if program.is_file() {
        Ok(program)
    } else {
        Err(format!(
            "{} is missing: run the end-to-end tests with `cargo xtask test` or `cargo xtask e2e`, which build it",
            program.display()
        ))
    }
}

/// A running server; stopped when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    pub state: AppState,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    _data: tempfile::TempDir,
}

/// The database of the end-to-end tests: `SUITE_TEST_DATABASE=postgres` puts each
/// server on a fresh database of a throwaway PostgreSQL server; SQLite otherwise.
async fn database_url() -> Result<Option<DatabaseUrl>> {
    match std::env::var("SUITE_TEST_DATABASE").as_deref() {
        Ok("postgres") => {
            let url = test_postgres::try_fresh_database().await?;
            Ok(Some(DatabaseUrl::parse(&url).map_err(|e| e.to_string())?))
        }
        Ok("sqlite") | Err(_) => Ok(None),
        Ok(other) => Err(format!(
            "SUITE_TEST_DATABASE must be sqlite or postgres, not {other:?}"
        )),
    }
}

impl TestServer {
    pub async fn start() -> Result<TestServer> {
        Self::start_with(|_| {}).await
    }

    /// A server on an empty database with one admin, made as an operator makes it:
    /// `static-api create-admin` (the real program, the password on standard input).
    /// No demo data, no organisation.
    pub async fn start_empty_with_admin(
        email: &str,
        name: &str,
        password: &str,
    ) -> Result<TestServer> {
        let data = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        let mut config = Config::new(data.path(), site_dir()?);
        config.database_url = database_url().await?;
        let mut command = Command::new(server_program()?);
        command
            .env_remove("DATABASE_URL")
            .arg("--data-dir")
            .arg(data.path());
        if let Some(url) = &config.database_url {
            command.arg("--database-url").arg(url.as_str());
        }
        let mut child = command
            .args(["create-admin", "--email", email, "--name", name])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("create-admin: {e}"))?;
        child
            .stdin
            .take()
            .ok_or("create-admin: no standard input")?
            .write_all(format!("{password}\n").as_bytes())
            .map_err(|e| format!("create-admin: {e}"))?;
        let done = child
            .wait_with_output()
            .map_err(|e| format!("create-admin: {e}"))?;
        if !done.status.success() {
            return Err(format!(
                "create-admin failed: {}",
                String::from_utf8_lossy(&done.stderr)
            ));
        }
        let state = AppState::open(config)
            .await
            .map_err(|e| format!("open database: {e}"))?;
        Self::serve(state, data).await
    }

    /// A server whose configuration `change` adjusts (after the demo defaults).
    pub async fn start_with(change: impl FnOnce(&mut Config)) -> Result<TestServer> {
        let data = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        let mut config = Config::new(data.path(), site_dir()?);
        config.demo = true;
        config.database_url = database_url().await?;
        change(&mut config);
        let state = AppState::open(config)
            .await
            .map_err(|e| format!("open database: {e}"))?;
        demo::seed_all(&state.db, &state.config.data_dir).await?;
        Self::serve(state, data).await
    }

    /// Serves `state` on a free port of 127.0.0.1.
    async fn serve(state: AppState, data: tempfile::TempDir) -> Result<TestServer> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("bind: {e}"))?;
        let addr = listener.local_addr().map_err(|e| format!("addr: {e}"))?;
        let task = tokio::spawn(static_api::serve(listener, state.clone()));
        Ok(TestServer {
            addr,
            state,
            task,
            _data: data,
        })
    }

    /// Absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
