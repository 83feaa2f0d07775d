//! The server's command line: `create-admin` makes the first admin (password from stdin,
//! validated), and without `--demo` no demo account exists.

use crate::support;

use std::io::Write;
use std::process::{Command, Stdio};

use axum::http::StatusCode;
use static_api::{AppState, Config};

fn create_admin(data: &std::path::Path, email: &str, password: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_static-api"))
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

#[tokio::test]
async fn create_admin_makes_a_working_admin_and_refuses_short_passwords() {
    let dir = tempfile::tempdir().expect("temp dir");
    let short = create_admin(dir.path(), "beheer@bib.example", "kort");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 8 characters"));

    let ok = create_admin(dir.path(), "Beheer@Bib.Example", "een lang wachtwoord");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let again = create_admin(dir.path(), "beheer@bib.example", "een ander wachtwoord");
    assert!(!again.status.success(), "the email is taken");

    let config = Config::new(dir.path(), dir.path().join("site"));
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
