//! Crash safety: the real server is killed (SIGKILL) at random moments while staff make
//! shows, then its data is opened again: every show whose creation was confirmed is
//! there, the database passes `PRAGMA integrity_check`, and the published programme is
//! whole JSON. A few rounds here; the bench runs 1,000 (`SUITE_CRASH_ROUNDS`).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use rand::Rng;
use serde_json::{Value, json};
use static_api::{AppState, Config};
use suite_domain::culture::brussels::LocalDateTime;
use suite_domain::culture::programme::Programme;

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");

pub(crate) fn start(data: &std::path::Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_static-api"))
        .arg("--data-dir")
        .arg(data)
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .arg("--site-dir")
        .arg(data.join("site"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run static-api")
}

fn evening_in(days: i64) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let day = LocalDateTime::from_unix(now + days * 86_400).expect("a date");
    LocalDateTime {
        hour: 20,
        minute: 0,
        second: 0,
        ..day
    }
    .input_value()
}

/// Logs in as Nova's staff: the cookie and the CSRF token.
async fn login(http: &reqwest::Client, base: &str) -> Option<(String, String)> {
    let res = http
        .post(format!("{base}/api/session"))
        .header("content-type", "application/json")
        .body(json!({"email": NOVA.0, "password": NOVA.1}).to_string())
        .send()
        .await
        .ok()?;
    let cookie = res
        .headers()
        .get("set-cookie")?
        .to_str()
        .ok()?
        .split(';')
        .next()?
        .to_string();
    let body: Value = serde_json::from_slice(&res.bytes().await.ok()?).ok()?;
    Some((cookie, body["csrf_token"].as_str()?.to_string()))
}

/// One round: start, write until killed, then check. Returns the confirmed writes.
async fn round(data: &std::path::Path, rng: &mut impl Rng) -> usize {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(data, port);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let mut session = None;
    for _ in 0..200 {
        session = login(&http, &base).await;
        if session.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (cookie, csrf) = session.expect("the server came up and Nova logged in");
    let venues = http
        .get(format!("{base}/api/culture/demo-nova/venues"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("venues")
        .bytes()
        .await
        .expect("venues");
    let venues: Value = serde_json::from_slice(&venues).expect("venues JSON");
    let venue = venues[0]["id"].as_str().expect("a venue").to_string();
    // Four writers make shows until the server is killed.
    let confirmed = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut writers = tokio::task::JoinSet::new();
    for w in 0..4 {
        let (http, base, cookie, csrf, venue, confirmed) = (
            http.clone(),
            base.clone(),
            cookie.clone(),
            csrf.clone(),
            venue.clone(),
            confirmed.clone(),
        );
        writers.spawn(async move {
            for i in 0.. {
                let body = json!({
                    "title": format!("Crashtest {w}-{i}"),
                    "text": "Een voorstelling.",
                    "genre": "0.54.0.0.0",
                    "dates": [{"start": evening_in(7)}],
                    "venue": venue,
                    "price_cents": 1000,
                    "ticket_url": "https://tickets.example.org/x",
                    "in_swipe": false
                });
                let Ok(res) = http
                    .post(format!("{base}/api/culture/demo-nova/shows"))
                    .header("cookie", &cookie)
                    .header("x-csrf-token", &csrf)
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await
                else {
                    return;
                };
                if !res.status().is_success() {
                    return;
                }
                let Ok(bytes) = res.bytes().await else {
                    return;
                };
                let Ok(show) = serde_json::from_slice::<Value>(&bytes) else {
                    return;
                };
                if let Some(id) = show["id"].as_str()
                    && let Ok(mut ids) = confirmed.lock()
                {
                    ids.push(id.to_string());
                }
            }
        });
    }
    tokio::time::sleep(Duration::from_millis(rng.gen_range(30..400))).await;
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    while writers.join_next().await.is_some() {}
    let confirmed = confirmed.lock().map(|ids| ids.clone()).unwrap_or_default();

    let state = AppState::open(Config::new(data, data.join("site")))
        .await
        .expect("the data opens after a kill");
    assert_eq!(state.db.integrity_check().await.expect("check"), "ok");
    let stored = state.db.culture_shows("demo-nova").await.expect("shows");
    for id in &confirmed {
        assert!(
            stored.iter().any(|s| &s.show.id == id),
            "the confirmed show {id} is lost"
        );
    }
    let bytes =
        std::fs::read(data.join("public/culture-matcher/demo-nova.json")).expect("published");
    serde_json::from_slice::<Programme>(&bytes).expect("the published programme is whole");
    state.db.close().await;
    confirmed.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirmed_writes_survive_a_kill_at_any_moment() {
    let rounds: usize = std::env::var("SUITE_CRASH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = rand::thread_rng();
    let mut confirmed = 0;
    for _ in 0..rounds {
        confirmed += round(dir.path(), &mut rng).await;
    }
    assert!(confirmed > 0, "writes were confirmed before the kills");
    // The figure the bench reads.
    eprintln!("crash rounds: {rounds}, confirmed writes: {confirmed}, lost: 0");
}
