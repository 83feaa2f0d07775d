//! A throwaway PostgreSQL server for a test or bench process, and a fresh database per
//! caller: the store tests of static-api run on it, and so do the end-to-end tests and
//! the bench when they run on PostgreSQL.
//!
//! The first caller that asks starts one cluster: `initdb` in a temporary folder (as the
//! `postgres` user when the tests run as root: PostgreSQL refuses to run as root), then
//! `pg_ctl start` on 127.0.0.1 and a free port, with fsync off. Each test then gets a
//! database of its own (`CREATE DATABASE`), so tests never see each other's rows.
//!
//! Nothing is left behind. A watchdog process (`sh`) waits for the end of this test
//! process on a pipe: the kernel closes the pipe however the process ends (the last
//! test, a panic, SIGKILL), and the watchdog then stops the server and removes the
//! folder. `forbid(unsafe_code)` leaves no `atexit` to Rust code, and a static is never
//! dropped, so this pipe is the guard and the exit hook in one. The watchdog runs in a
//! process group of its own, so a Ctrl-C of the test run does not take it down first.
//! Should it die anyway, the next run stops and removes the clusters of test processes
//! that no longer exist (`suite-test-pg-*` folders with an `owner` file) first.

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use sqlx::{Connection, Executor};

/// Names of the cluster folders under the temporary folder.
const PREFIX: &str = "suite-test-pg-";

/// The running cluster of this process.
struct Cluster {
    port: u16,
    /// The watchdog and its input, kept open until this process ends: the end of the
    /// input tells the watchdog to clean up.
    _watchdog: Mutex<(Child, ChildStdin)>,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static NEXT_DATABASE: AtomicU32 = AtomicU32::new(0);

/// The URL of a new, empty database on this process's PostgreSQL server (started on
/// first use), or what to do when PostgreSQL is not installed.
pub async fn try_fresh_database() -> Result<String, String> {
    let port = match CLUSTER.get_or_init(start) {
        Ok(cluster) => cluster.port,
        Err(message) => return Err(message.clone()),
    };
    let name = format!("test_{}", NEXT_DATABASE.fetch_add(1, Ordering::Relaxed) + 1);
    let admin = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let mut conn = sqlx::postgres::PgConnection::connect(&admin)
        .await
        .map_err(|e| format!("connect to the test PostgreSQL on port {port}: {e}"))?;
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .map_err(|e| format!("create database {name}: {e}"))?;
    conn.close().await.ok();
    Ok(format!("postgres://postgres@127.0.0.1:{port}/{name}"))
}

/// [`try_fresh_database`] for tests: panics with what to do when it fails.
pub async fn fresh_database() -> String {
    try_fresh_database().await.unwrap_or_else(|e| panic!("{e}"))
}

/// A PostgreSQL program: on the PATH, or in Debian's `/usr/lib/postgresql/<version>/bin`.
fn program(name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.flatten().map(|d| d.path().join("bin")).collect())
        .unwrap_or_default();
    // The newest version first ("15" after "9": compare as numbers).
    debian.sort_by_key(|dir| {
        std::cmp::Reverse(
            dir.parent()
                .and_then(|v| v.file_name())
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0),
        )
    });
    on_path
        .into_iter()
        .chain(debian)
        .map(|dir| dir.join(name))
        .find(|file| file.is_file())
}

/// Whether this process runs as root (then PostgreSQL's programs run as `postgres`).
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `'text'` for `sh`.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The shell command that runs `program args...` as the user PostgreSQL accepts.
fn as_postgres(program: &Path, args: &[&str]) -> String {
    let command = std::iter::once(program.to_string_lossy().into_owned())
        .chain(args.iter().map(|a| (*a).to_string()))
        .map(|part| quoted(&part))
        .collect::<Vec<_>>()
        .join(" ");
    if is_root() {
        format!("su postgres -s /bin/sh -c {}", quoted(&command))
    } else {
        command
    }
}

/// Runs a shell command; its output in the error.
fn run(command: &str) -> Result<(), String> {
    let out = Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {command}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A port nobody listens on now.
fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port on loopback: {e}"))
}

/// Stops and removes the clusters of earlier test processes that are gone.
fn remove_leftovers(pg_ctl: &Path) {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let root = entry.path();
        let is_ours = entry.file_name().to_string_lossy().starts_with(PREFIX);
        let owner = std::fs::read_to_string(root.join("owner")).ok();
        let alive = owner
            .as_deref()
            .and_then(|pid| pid.trim().parse::<u32>().ok())
            .is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
        if is_ours && owner.is_some() && !alive {
            let data = root.join("data");
            let _ = run(&as_postgres(
                pg_ctl,
                &["stop", "-D", &data.to_string_lossy(), "-m", "immediate"],
            ));
            let _ = std::fs::remove_dir_all(&root);
        }
    }
}

fn start() -> Result<Cluster, String> {
    let (Some(initdb), Some(pg_ctl)) = (program("initdb"), program("pg_ctl")) else {
        return Err(
            "PostgreSQL is not installed (no initdb and pg_ctl on the PATH or in \
                    /usr/lib/postgresql/*/bin), and the store tests run on PostgreSQL too: \
                    install it with `apt-get install postgresql` (as root) and run the tests again"
                .to_string(),
        );
    };
    remove_leftovers(&pg_ctl);
    let root = tempfile::Builder::new()
        .prefix(PREFIX)
        .tempdir()
        .map_err(|e| format!("temporary folder: {e}"))?
        .keep();
    std::fs::write(root.join("owner"), std::process::id().to_string())
        .map_err(|e| format!("write the owner of {}: {e}", root.display()))?;
    let root_text = root.to_string_lossy().into_owned();
    // The watchdog first, so even a failed start is cleaned up.
    let watchdog = watchdog(&root_text, &pg_ctl)?;
    if is_root() {
        run(&format!("chown -R postgres: {}", quoted(&root_text)))?;
    }
    let data = root.join("data").to_string_lossy().into_owned();
    run(&as_postgres(
        &initdb,
        &[
            "-D",
            &data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            // Text sorts by its bytes, as in SQLite.
            "--locale=C",
            "--no-sync",
        ],
    ))?;
    let log = root.join("server.log").to_string_lossy().into_owned();
    let mut last_error = String::new();
    // Another process may take the free port before the server does: try a few.
    for _ in 0..3 {
        let port = free_port()?;
        let options = format!(
            "-k {root_text} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        );
        match run(&as_postgres(
            &pg_ctl,
            &[
                "start", "-D", &data, "-l", &log, "-o", &options, "-w", "-t", "60",
            ],
        )) {
            Ok(()) => {
                return Ok(Cluster {
                    port,
                    _watchdog: Mutex::new(watchdog),
                });
            }
            Err(e) => last_error = e,
        }
    }
    let server_log = std::fs::read_to_string(&log).unwrap_or_default();
    Err(format!(
        "the test PostgreSQL did not start: {last_error}\n{server_log}"
    ))
}

/// Starts the process that stops the server and removes `root` once this process ends.
fn watchdog(root: &str, pg_ctl: &Path) -> Result<(Child, ChildStdin), String> {
    let data = format!("{root}/data");
    let stop = as_postgres(pg_ctl, &["stop", "-D", &data, "-m", "immediate", "-w"]);
    // `read` returns at the end of its input: when every writer, this process, is gone.
    let script = format!(
        "read _ignored; if [ -f {pid} ]; then {stop} >/dev/null 2>&1; fi; rm -rf {root}",
        pid = quoted(&format!("{data}/postmaster.pid")),
        root = quoted(root),
    );
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start the PostgreSQL watchdog: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("the watchdog has no input pipe")?;
    // Nothing is ever written but this check that the pipe is open.
    stdin
        .write_all(b"")
        .map_err(|e| format!("the watchdog's pipe: {e}"))?;
    Ok((child, stdin))
}

/// Cuts the database at `url` off (`allow: false`): no new connections, and every open
/// one ended, as when its server stops, but without stopping the cluster the other tests
/// use; `allow: true` lets connections in again.
pub async fn allow_connections(url: &str, allow: bool) {
    let (server, name) = url.rsplit_once('/').expect("a URL with a database name");
    let mut conn = sqlx::postgres::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .unwrap_or_else(|e| panic!("connect to the test PostgreSQL: {e}"));
    conn.execute(format!("ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}").as_str())
        .await
        .unwrap_or_else(|e| panic!("allow connections to {name}: {e}"));
    if !allow {
        conn.execute(
            format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            )
            .as_str(),
        )
        .await
        .unwrap_or_else(|e| panic!("end the connections to {name}: {e}"));
    }
    conn.close().await.ok();
}
