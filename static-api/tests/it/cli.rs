//! The server's command line: `create-admin` makes the first admin (password from stdin,
//! validated), and without `--demo` no demo account exists; on SQLite and, through
//! `DATABASE_URL`, on PostgreSQL, where backups point to `pg_dump`.

use crate::support;

use std::io::Write;
use std::process::{Command, Stdio};

use axum::http::StatusCode;
use static_api::db::DatabaseUrl;
use static_api::{AppState, Config};
use support::Backend;

/// `static-api`, with `DATABASE_URL` when `url` is given (and never from this process's
/// environment).
fn command(url: Option<&DatabaseUrl>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_static-api"));
    command.env_remove("DATABASE_URL");
    if let Some(url) = url {
        command.env("DATABASE_URL", url.as_str());
    }
    command
}

fn create_admin(
    data: &std::path::Path,
    email: &str,
    password: &str,
    url: Option<&DatabaseUrl>,
) -> std::process::Output {
    let mut child = command(url)
        .arg("--data-dir")
        .arg(data)
        .args([
            "create-admin",
            "--email",
            email,
            "--name",
            "Eerste Beheerder",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run static-api");
    if let Some(stdin) = child.stdin.as_mut() {
        writeln!(stdin, "{password}").expect("write password");
    }
    child.wait_with_output().expect("wait")
}

async fn create_admin_makes_a_working_admin_and_refuses_short_passwords(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    let short = create_admin(dir.path(), "beheer@bib.example", "kort", url.as_ref());
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 8 characters"));

    let ok = create_admin(
        dir.path(),
        "Beheer@Bib.Example",
        "een lang wachtwoord",
        url.as_ref(),
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let again = create_admin(
        dir.path(),
        "beheer@bib.example",
        "een ander wachtwoord",
        url.as_ref(),
    );
    assert!(!again.status.success(), "the email is taken");

    let mut config = Config::new(dir.path(), dir.path().join("site"));
    config.database_url = url;
    let state = AppState::open(config).await.expect("open");
    assert_eq!(state.db.count_admins().await.expect("count"), 1);
    assert!(
        state
            .db
            .find_staff_by_email("admin@demo.invalid")
            .await
            .expect("query")
            .is_none(),
        "no demo accounts"
    );
    let app = support::TestApp::with_state(state);
    let res = app.login("beheer@bib.example", "een lang wachtwoord").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["role"]["role"], "admin");
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub(crate) fn serve(
    data: &std::path::Path,
    args: &[&str],
    url: Option<&DatabaseUrl>,
) -> std::process::Child {
    command(url)
        .arg("--data-dir")
        .arg(data)
        .arg("serve")
        .arg("--site-dir")
        .arg(data.join("site"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run static-api")
}

/// Waits (at most 20 s) until the server on `port` answers its health check.
pub(crate) fn wait_until_up(port: u16) -> bool {
    use std::io::{Read, Write as _};
    for _ in 0..200 {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let request = format!(
                "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            );
            let mut answer = String::new();
            if stream.write_all(request.as_bytes()).is_ok()
                && stream.read_to_string(&mut answer).is_ok()
                && answer.starts_with("HTTP/1.1 200")
            {
                return true;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    false
}

async fn demo_data_is_only_served_as_a_demo_on_loopback(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    // --demo on an outside address: refused before anything is created.
    let outside = serve(dir.path(), &["--demo", "--addr", "0.0.0.0:0"], url.as_ref())
        .wait_with_output()
        .expect("wait");
    assert!(!outside.status.success());
    assert!(
        String::from_utf8_lossy(&outside.stderr).contains("loopback"),
        "{}",
        String::from_utf8_lossy(&outside.stderr)
    );
    assert!(!dir.path().join("suite.sqlite").exists());

    // A demo database...
    let mut config = Config::new(dir.path(), dir.path().join("site"));
    config.database_url = url.clone();
    let state = AppState::open(config).await.expect("open");
    static_api::demo::seed(&state.db).await.expect("seed");
    let loopback: std::net::SocketAddr = "127.0.0.1:8080".parse().expect("addr");
    assert!(
        static_api::demo::check_serve_mode(&state.db, true, loopback)
            .await
            .is_ok()
    );
    state.db.close().await;
    // ...is not served without --demo: its accounts' passwords are published.
    let port = free_port();
    let plain = serve(
        dir.path(),
        &["--addr", &format!("127.0.0.1:{port}")],
        url.as_ref(),
    )
    .wait_with_output()
    .expect("wait");
    assert!(!plain.status.success());
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert!(stderr.contains("seeded by `serve --demo`"), "{stderr}");

    // A database without demo data serves without --demo.
    let fresh = tempfile::tempdir().expect("temp dir");
    let mut config = Config::new(fresh.path(), fresh.path().join("site"));
    config.database_url = support::database_url(backend).await;
    let state = AppState::open(config).await.expect("open");
    assert!(
        static_api::demo::check_serve_mode(&state.db, false, loopback)
            .await
            .is_ok()
    );
    assert!(
        static_api::demo::check_serve_mode(&state.db, true, "0.0.0.0:8080".parse().expect("addr"))
            .await
            .is_err()
    );
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut child = serve(dir.path(), &["--addr", &format!("127.0.0.1:{port}")], None);
    assert!(wait_until_up(port), "the server came up");
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(term.success());
    let mut stopped = None;
    for _ in 0..100 {
        if let Some(status) = child.try_wait().expect("wait") {
            stopped = Some(status);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let Some(status) = stopped else {
        let _ = child.kill();
        panic!("still running 10 s after SIGTERM");
    };
    let output = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(status.success(), "{status}: {stderr}");
    assert!(stderr.contains("shutting down"), "{stderr}");
}

/// Interaction counts wait a moment in memory (`db::pending_counts`); a server told to
/// stop writes them before it ends.
#[tokio::test]
async fn a_stopping_server_writes_the_pending_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut child = serve(
        dir.path(),
        &["--demo", "--addr", &format!("127.0.0.1:{port}")],
        None,
    );
    assert!(
        tokio::task::spawn_blocking(move || wait_until_up(port))
            .await
            .expect("wait"),
        "the server came up"
    );
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let programme = http
        .get(format!("{base}/data/culture-matcher/demo-nova.json"))
        .send()
        .await
        .expect("programme")
        .bytes()
        .await
        .expect("programme");
    let programme: serde_json::Value = serde_json::from_slice(&programme).expect("JSON");
    let show = programme["shows"][0]["id"]
        .as_str()
        .expect("a show")
        .to_string();
    for _ in 0..3 {
        let res = http
            .post(format!("{base}/api/culture/demo-nova/interactions"))
            .header("content-type", "application/json")
            .body(serde_json::json!({"show": show, "interaction": "ticket"}).to_string())
            .send()
            .await
            .expect("report");
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(term.success());
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .expect("join")
        .expect("wait");
    assert!(status.success(), "{status}");
    let db = static_api::db::Db::open(dir.path()).await.expect("open");
    let insight = db.culture_insight("demo-nova").await.expect("insight");
    let tickets = insight
        .iter()
        .find(|s| s.show == show)
        .map_or(0, |s| s.tickets);
    assert_eq!(tickets, 3);
}

#[test]
fn backup_runs_beside_a_running_server_and_restore_waits_for_it_to_stop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let mut server = serve(dir.path(), &["--addr", &format!("127.0.0.1:{port}")], None);
    assert!(wait_until_up(port), "the server came up");
    let archive = dir.path().join("backup.tar");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_static-api"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run static-api")
    };
    let backup = run(&["backup", archive.to_str().expect("utf-8 path")]);
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(archive.is_file());
    let refused = run(&["restore", archive.to_str().expect("utf-8 path")]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("stop it before restoring"), "{stderr}");
    // A second server on the same folder is refused too.
    let second = serve(
        dir.path(),
        &["--addr", &format!("127.0.0.1:{}", free_port())],
        None,
    )
    .wait_with_output()
    .expect("wait");
    assert!(!second.status.success());

    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();
    let restored = run(&["restore", archive.to_str().expect("utf-8 path")]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
}

/// `static-api` with `args`, the password on stdin, and `DATABASE_URL` when given.
pub(crate) fn static_api(args: &[&str], url: Option<&DatabaseUrl>) -> std::process::Output {
    let mut child = command(url)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run static-api");
    if let Some(stdin) = child.stdin.as_mut() {
        writeln!(stdin, "een lang wachtwoord").expect("write password");
    }
    child.wait_with_output().expect("wait")
}

#[tokio::test]
async fn a_postgres_url_selects_postgres_and_backups_point_to_pg_dump() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let data = data.to_str().expect("a UTF-8 path");
    let archive = dir.path().join("backup.tar");
    let archive = archive.to_str().expect("a UTF-8 path");

    let wrong = static_api(
        &[
            "--data-dir",
            data,
            "--database-url",
            "mysql://db.example/suite",
            "backup",
            archive,
        ],
        None,
    );
    assert!(!wrong.status.success());
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("postgres://"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );

    let url = support::postgres::fresh_database().await;
    let admin = [
        "--data-dir",
        data,
        "create-admin",
        "--email",
        "beheer@bib.example",
        "--name",
        "Beheer",
    ];
    let made = static_api(&admin, Some(&url));
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(
        !dir.path().join("data").join("suite.sqlite").exists(),
        "no SQLite file beside PostgreSQL"
    );
    let db = static_api::db::Db::open_postgres(&url).await.expect("open");
    assert_eq!(db.count_admins().await.expect("count"), 1);

    let backup = static_api(&["--data-dir", data, "backup", archive], Some(&url));
    assert!(!backup.status.success());
    let message = String::from_utf8_lossy(&backup.stderr);
    assert!(message.contains("pg_dump"), "{message}");
    assert!(!std::path::Path::new(archive).exists());
    let restore = static_api(&["--data-dir", data, "restore", archive], Some(&url));
    assert!(String::from_utf8_lossy(&restore.stderr).contains("pg_restore"));
}

/// A new installation set up from a script: organisations and subscriptions by the
/// command line, under the API's rules, in the audit log as the operator.
async fn an_operator_sets_up_organisations_and_subscriptions(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("a UTF-8 path");
    let url = support::database_url(backend).await;
    let run = |args: &[&str]| {
        let mut all = vec!["--data-dir", data];
        all.extend_from_slice(args);
        let out = static_api(&all, url.as_ref());
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, out, err) = run(&[
        "org",
        "create",
        "--kind",
        "library",
        "--id",
        "aalst",
        "--name",
        "Bibliotheek Aalst",
        "--town",
        "Aalst",
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "library/aalst");
    let (ok, _, err) = run(&[
        "org", "create", "--kind", "library", "--id", "aalst", "--name", "Nog eens",
    ]);
    assert!(!ok && err.contains("exists"), "{err}");
    let (ok, _, err) = run(&[
        "org", "create", "--kind", "centre", "--id", "Geen Id", "--name", "X",
    ]);
    assert!(!ok && err.contains("invalid input"), "{err}");

    let (ok, _, err) = run(&[
        "subscription",
        "request",
        "library/aalst",
        "bieblo",
        "--by",
        "an@aalst.example",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&[
        "subscription",
        "activate",
        "library/aalst",
        "e-reader",
        "--population",
        "88000",
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&["subscription", "pause", "library/aalst", "bieblo"]);
    assert!(!ok && err.contains("not from requested to paused"), "{err}");
    let (ok, _, err) = run(&[
        "subscription",
        "activate",
        "library/aalst",
        "culture-matcher",
    ]);
    assert!(
        !ok && err.contains("no organisation of a kind that takes culture-matcher"),
        "{err}"
    );
    let (ok, _, err) = run(&["subscription", "activate", "library/aalst", "bieblo"]);
    assert!(ok, "{err}");
    let (_, listed, _) = run(&["subscription", "list"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("library/aalst\tbieblo\tactive\t")
                && l.contains("an@aalst.example")),
        "{listed}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("library/aalst\te-reader\tactive\t") && l.ends_with("\t88000")),
        "{listed}"
    );

    let (ok, _, err) = run(&["org", "archive", "library/aalst"]);
    assert!(ok, "{err}");
    let (_, orgs, _) = run(&["org", "list"]);
    assert_eq!(
        orgs.trim(),
        "library\taalst\tBibliotheek Aalst\tAalst\tarchived"
    );
    let (ok, _, err) = run(&["org", "archive", "library/nergens"]);
    assert!(!ok && err.contains("no such organisation"), "{err}");

    let config = {
        let mut config = Config::new(dir.path().to_path_buf(), dir.path().join("site"));
        config.database_url = url.clone();
        config
    };
    let state = AppState::open(config).await.expect("open");
    let log = state.db.audit_log(None, None, 50).await.expect("audit");
    assert!(
        log.iter()
            .all(|l| l.actor_email == "operator (command line)"
                || l.actor_email == "an@aalst.example"),
        "{log:?}"
    );
    assert!(log.iter().any(|l| l.action == "org archive"));
    assert!(log.iter().any(|l| l.detail == "bieblo: active"));
}

on_both_backends!(
    create_admin_makes_a_working_admin_and_refuses_short_passwords,
    demo_data_is_only_served_as_a_demo_on_loopback,
    an_operator_sets_up_organisations_and_subscriptions,
);

/// Several instances on PostgreSQL share one data folder: a second `serve` on the same
/// folder starts (on SQLite it refuses: the database file is there).
#[tokio::test]
async fn instances_on_postgres_share_a_data_folder_and_sqlite_servers_do_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let url = support::postgres::fresh_database().await;
    let ports = [free_port(), free_port()];
    let mut servers: Vec<std::process::Child> = ports
        .iter()
        .map(|port| serve(&data, &["--addr", &format!("127.0.0.1:{port}")], Some(&url)))
        .collect();
    let up: Vec<bool> = ports.iter().map(|port| wait_until_up(*port)).collect();
    for server in &mut servers {
        server.kill().ok();
        server.wait().ok();
    }
    assert_eq!(up, [true, true], "both instances on one folder answer");

    let sqlite = dir.path().join("sqlite");
    let port = free_port();
    let mut first = serve(&sqlite, &["--addr", &format!("127.0.0.1:{port}")], None);
    assert!(wait_until_up(port));
    let second = serve(
        &sqlite,
        &["--addr", &format!("127.0.0.1:{}", free_port())],
        None,
    )
    .wait_with_output()
    .expect("second server ends");
    first.kill().ok();
    first.wait().ok();
    assert!(
        !second.status.success(),
        "a second SQLite server on one folder refuses"
    );
}
