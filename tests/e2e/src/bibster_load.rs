//! Bibster under load, as the bench measures it: 1,000 teams in 200 sessions (five each)
//! answering every 5 s, with the 200 sessions' scoreboards open (server-sent events, and
//! each event fetches the board as the leader's view does). Measured: the answers' p50
//! and p99, the time from sending an answer to its session's scoreboard hearing of it,
//! and events lost (answers whose event never came). One SQLite instance on one core,
//! and two instances on one PostgreSQL (teams on one, their scoreboards on the other).
//!
//! Teams come from addresses of their own (`X-Forwarded-For` from the loopback proxy the
//! server trusts), as tablets in different schools would, so the public-write limit per
//! address does not throttle the load.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde::Serialize;
use serde_json::{Value, json};

use crate::Result;
use crate::hardening::{ServerOptions, ServerProcess};

/// Teams, sessions (one scoreboard each), and how often a team answers.
pub const TEAMS: usize = 1_000;
pub const SESSIONS: usize = 200;
pub const EVERY: Duration = Duration::from_secs(5);
/// How long the teams answer.
pub const RUN: Duration = Duration::from_secs(30);
/// Budgets of the issue: answers p99, answer to scoreboard p99, none lost.
pub const BUDGET_ANSWER_P99_MS: f64 = 50.0;
pub const BUDGET_EVENT_P99_MS: f64 = 250.0;

const STAFF: (&str, &str) = ("bib.wetteren@demo.invalid", "demo-wetteren-2026");
const LIBRARY: &str = "demo-wetteren";

/// One shape's figures.
#[derive(Debug, Clone, Serialize)]
pub struct BibsterLoad {
    pub shape: String,
    pub teams: usize,
    pub scoreboards: usize,
    pub seconds: f64,
    pub answers: u64,
    pub answers_failed: u64,
    pub answer_p50_ms: f64,
    pub answer_p99_ms: f64,
    pub event_p50_ms: f64,
    pub event_p99_ms: f64,
    pub events_lost: u64,
    pub board_fetches: u64,
    pub board_p99_ms: f64,
}

impl BibsterLoad {
    /// Whether the figures keep the budget.
    pub fn within_budget(&self) -> bool {
        self.answers > 0
            && self.answers_failed == 0
            && self.events_lost == 0
            && self.answer_p99_ms <= BUDGET_ANSWER_P99_MS
            && self.event_p99_ms <= BUDGET_EVENT_P99_MS
    }
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// One instance as the load sees it.
struct Target {
    client: HttpClient,
    base: String,
}

impl Target {
    fn new(port: u16) -> Target {
        Target {
            client: Client::builder(TokioExecutor::new()).build_http(),
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<(u16, http::HeaderMap, Value)> {
        let mut request = http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let bytes = body.map(|b| b.to_string()).unwrap_or_default();
        let request = request
            .body(Full::new(Bytes::from(bytes)))
            .map_err(|e| e.to_string())?;
        let response = self
            .client
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok((
            status,
            headers,
            serde_json::from_slice(&body).unwrap_or(Value::Null),
        ))
    }
}

/// A logged-in staff member's headers.
struct Staff {
    cookie: String,
    csrf: String,
}

impl Staff {
    fn headers(&self) -> [(&str, &str); 2] {
        [
            ("cookie", self.cookie.as_str()),
            ("x-csrf-token", self.csrf.as_str()),
        ]
    }
}

async fn log_in(target: &Target) -> Result<Staff> {
    let body = json!({"email": STAFF.0, "password": STAFF.1});
    let (status, headers, json) = target
        .send("POST", "/api/session", &[], Some(&body))
        .await?;
    if status != 200 {
        return Err(format!("staff login answered {status}"));
    }
    let cookie = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .ok_or("no session cookie")?
        .to_string();
    let csrf = json["csrf_token"].as_str().unwrap_or_default().to_string();
    Ok(Staff { cookie, csrf })
}

/// A quest of `n` number tasks without locks: every task open, each answered once.
fn load_game(n: usize) -> Value {
    let tasks: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("t{i}"), "prompt": format!("Vraag {i}"), "type": "number", "value": i, "tolerance": 0, "points": 10}))
        .collect();
    json!({"format": 1, "title": "Belasting", "variant": "quest", "tasks": tasks})
}

/// The address a team comes from.
fn team_address(team: usize) -> String {
    format!("10.{}.{}.{}", team / 65_536, (team / 256) % 256, team % 256)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// What the scoreboards and teams share: per session, the send times of answers whose
/// event has not come yet.
type Pending = Arc<Vec<Mutex<VecDeque<Instant>>>>;

/// The load against `servers` (teams spread over them; each session's scoreboard on
/// another instance than its teams when there are two).
pub async fn run(shape: &str, servers: &[&ServerProcess]) -> Result<BibsterLoad> {
    let targets: Vec<Arc<Target>> = servers
        .iter()
        .map(|s| Arc::new(Target::new(s.port)))
        .collect();
    let first = &targets[0];
    let staff = log_in(first).await?;
    let games = format!("/api/bibster/{LIBRARY}/games");
    let tasks = (RUN.as_secs() / EVERY.as_secs() + 2) as usize;
    let (status, _, game) = first
        .send("POST", &games, &staff.headers(), Some(&load_game(tasks)))
        .await?;
    let id = game["id"]
        .as_i64()
        .ok_or(format!("game not made ({status}): {game}"))?;
    first
        .send(
            "PUT",
            &format!("{games}/{id}/state"),
            &staff.headers(),
            Some(&json!({"state": "published"})),
        )
        .await?;
    let mut codes = Vec::new();
    let mut ids = Vec::new();
    for _ in 0..SESSIONS {
        let (status, _, board) = first
            .send(
                "POST",
                &format!("/api/bibster/{LIBRARY}/sessions"),
                &staff.headers(),
                Some(&json!({"game": id, "teams": "join"})),
            )
            .await?;
        let code = board["session"]["code"]
            .as_str()
            .ok_or(format!("no session ({status}): {board}"))?;
        codes.push(code.to_string());
        ids.push(board["session"]["id"].as_i64().unwrap_or_default());
    }
    let index: Arc<HashMap<String, usize>> = Arc::new(
        codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect(),
    );
    let pending: Pending = Arc::new((0..SESSIONS).map(|_| Mutex::new(VecDeque::new())).collect());
    let event_times = Arc::new(Mutex::new(Vec::new()));
    let board_times = Arc::new(Mutex::new(Vec::new()));

    // The scoreboards: each on the instance after its teams'.
    let staff = Arc::new(staff);
    let mut boards = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let target = targets[(i + 1) % targets.len()].clone();
        let request = http::Request::builder()
            .uri(format!("{}/api/bibster/live/{code}", target.base))
            .body(Full::new(Bytes::new()))
            .map_err(|e| e.to_string())?;
        let response = target
            .client
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        if response.status() != 200 {
            return Err(format!("scoreboard stream answered {}", response.status()));
        }
        let mut body = response.into_body();
        let (index, pending, event_times, board_times, staff) = (
            index.clone(),
            pending.clone(),
            event_times.clone(),
            board_times.clone(),
            staff.clone(),
        );
        let board_path = format!("/api/bibster/{LIBRARY}/sessions/{}", ids[i]);
        boards.push(tokio::spawn(async move {
            let mut text = String::new();
            while let Some(Ok(frame)) = body.frame().await {
                let Ok(data) = frame.into_data() else {
                    continue;
                };
                text.push_str(&String::from_utf8_lossy(&data));
                while let Some(end) = text.find("\n\n") {
                    let block: String = text.drain(..end + 2).collect();
                    let Some(json) = block.lines().find_map(|l| l.strip_prefix("data:")) else {
                        continue;
                    };
                    let Ok(event) = serde_json::from_str::<Value>(json.trim()) else {
                        continue;
                    };
                    if event["change"] != "scores" {
                        continue;
                    }
                    let Some(&session) = event["session"].as_str().and_then(|c| index.get(c))
                    else {
                        continue;
                    };
                    let sent = pending[session]
                        .lock()
                        .map(|mut p| p.pop_front())
                        .ok()
                        .flatten();
                    if let Some(sent) = sent
                        && let Ok(mut times) = event_times.lock()
                    {
                        times.push(sent.elapsed().as_secs_f64() * 1000.0);
                    }
                    // The leader's view fetches the board anew.
                    let started = Instant::now();
                    let fetched = target
                        .send("GET", &board_path, &staff.headers(), None)
                        .await;
                    if let Ok((200, _, _)) = fetched
                        && let Ok(mut times) = board_times.lock()
                    {
                        times.push(started.elapsed().as_secs_f64() * 1000.0);
                    }
                }
            }
        }));
    }

    // The teams join, then answer every 5 s from a phase of their own.
    let mut devices = Vec::new();
    for team in 0..TEAMS {
        let session = team / (TEAMS / SESSIONS);
        let target = targets[session % targets.len()].clone();
        let address = team_address(team);
        let body = json!({"code": codes[session], "name": format!("Team {team}")});
        let (status, _, joined) = target
            .send(
                "POST",
                "/api/bibster/play/join",
                &[("x-forwarded-for", address.as_str())],
                Some(&body),
            )
            .await?;
        let token = joined["token"]
            .as_str()
            .ok_or(format!("team {team} not in ({status}): {joined}"))?;
        devices.push((team, session, target, address, token.to_string()));
    }
    let answer_times = Arc::new(Mutex::new(Vec::new()));
    let failed = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let started = Instant::now();
    let mut teams = Vec::new();
    for (team, session, target, address, token) in devices {
        let (pending, answer_times, failed) =
            (pending.clone(), answer_times.clone(), failed.clone());
        teams.push(tokio::spawn(async move {
            let phase = EVERY.mul_f64((team % 100) as f64 / 100.0);
            tokio::time::sleep(phase).await;
            let mut next = 0;
            while started.elapsed() < RUN {
                let body = json!({"task": format!("t{next}"), "answer": {"type": "number", "value": next}});
                if let Ok(mut p) = pending[session].lock() {
                    p.push_back(Instant::now());
                }
                let sent = Instant::now();
                let headers = [("x-forwarded-for", address.as_str()), ("x-team-token", token.as_str())];
                match target.send("POST", "/api/bibster/play/answers", &headers, Some(&body)).await {
                    Ok((200, _, _)) => {
                        if let Ok(mut times) = answer_times.lock() {
                            times.push(sent.elapsed().as_secs_f64() * 1000.0);
                        }
                    }
                    _ => {
                        failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        // No event will come for it.
                        if let Ok(mut p) = pending[session].lock() {
                            p.pop_back();
                        }
                    }
                }
                next += 1;
                tokio::time::sleep(EVERY.saturating_sub(sent.elapsed())).await;
            }
        }));
    }
    for team in teams {
        let _ = team.await;
    }
    let seconds = started.elapsed().as_secs_f64();
    // Stragglers' events.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for board in &boards {
        board.abort();
    }
    let lost: u64 = pending
        .iter()
        .map(|p| p.lock().map(|p| p.len() as u64).unwrap_or(0))
        .sum();
    let sorted = |times: &Arc<Mutex<Vec<f64>>>| {
        let mut v = times.lock().map(|t| t.clone()).unwrap_or_default();
        v.sort_by(f64::total_cmp);
        v
    };
    let (answers, events, fetches) = (
        sorted(&answer_times),
        sorted(&event_times),
        sorted(&board_times),
    );
    Ok(BibsterLoad {
        shape: shape.to_string(),
        teams: TEAMS,
        scoreboards: SESSIONS,
        seconds,
        answers: answers.len() as u64,
        answers_failed: failed.load(std::sync::atomic::Ordering::Relaxed),
        answer_p50_ms: percentile(&answers, 50.0),
        answer_p99_ms: percentile(&answers, 99.0),
        event_p50_ms: percentile(&events, 50.0),
        event_p99_ms: percentile(&events, 99.0),
        events_lost: lost,
        board_fetches: fetches.len() as u64,
        board_p99_ms: percentile(&fetches, 99.0),
    })
}

/// Both shapes against the production server binary: one SQLite instance on one core,
/// two instances on one PostgreSQL sharing the machine.
pub async fn compare(binary: &Path, site: &Path) -> (Vec<BibsterLoad>, Vec<String>) {
    let mut shapes = Vec::new();
    let mut errors = Vec::new();
    let proxied: &[&str] = &["--trusted-proxies", "127.0.0.1"];
    let one = async {
        let options = ServerOptions {
            args: proxied,
            cpus: Some("1"),
            ..ServerOptions::default()
        };
        let server = ServerProcess::start_with(binary, site, options).await?;
        run("1 instance, SQLite, one core", &[&server]).await
    };
    match one.await {
        Ok(load) => shapes.push(load),
        Err(e) => errors.push(format!("SQLite: {e}")),
    }
    let two = async {
        let url = test_postgres::try_fresh_database().await?;
        let shared = tempfile::tempdir().map_err(|e| e.to_string())?;
        let options = ServerOptions {
            data_dir: Some(shared.path()),
            database_url: Some(&url),
            args: proxied,
            cpus: None,
        };
        let a = ServerProcess::start_with(binary, site, options).await?;
        let b = ServerProcess::start_with(binary, site, options).await?;
        run("2 instances, PostgreSQL", &[&a, &b]).await
    };
    match two.await {
        Ok(load) => shapes.push(load),
        Err(e) => errors.push(format!("PostgreSQL: {e}")),
    }
    (shapes, errors)
}

/// The figures as a Markdown table with the budget's verdict per shape.
pub fn markdown(shapes: &[BibsterLoad], errors: &[String]) -> String {
    let mut md = format!(
        "\n## Bibster under load\n\n{TEAMS} teams in {SESSIONS} sessions answering every {} s for {} s, \
         each session's scoreboard open (server-sent events; each event fetches the board). \
         Budget: answers p99 <= {BUDGET_ANSWER_P99_MS} ms, answer to scoreboard p99 <= \
         {BUDGET_EVENT_P99_MS} ms, none lost.\n\n\
         | shape | answers | failed | answer p50 | answer p99 | to scoreboard p50 | to scoreboard p99 | lost | board fetches (p99) | budget |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
        EVERY.as_secs(),
        RUN.as_secs()
    );
    for s in shapes {
        md.push_str(&format!(
            "| {} | {} | {} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {} | {} ({:.1} ms) | {} |\n",
            s.shape,
            s.answers,
            s.answers_failed,
            s.answer_p50_ms,
            s.answer_p99_ms,
            s.event_p50_ms,
            s.event_p99_ms,
            s.events_lost,
            s.board_fetches,
            s.board_p99_ms,
            if s.within_budget() { "met" } else { "NOT met" }
        ));
    }
    for e in errors {
        md.push_str(&format!("\nNot measured: {e}\n"));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_and_addresses() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert!(percentile(&[], 50.0).is_nan());
        assert_eq!(team_address(0), "10.0.0.0");
        assert_eq!(team_address(999), "10.0.3.231");
        assert_ne!(team_address(255), team_address(256));
    }

    #[test]
    fn the_budget_needs_every_figure() {
        let good = BibsterLoad {
            shape: "x".into(),
            teams: TEAMS,
            scoreboards: SESSIONS,
            seconds: 30.0,
            answers: 6_000,
            answers_failed: 0,
            answer_p50_ms: 2.0,
            answer_p99_ms: 20.0,
            event_p50_ms: 3.0,
            event_p99_ms: 40.0,
            events_lost: 0,
            board_fetches: 6_000,
            board_p99_ms: 30.0,
        };
        assert!(good.within_budget());
        assert!(
            !BibsterLoad {
                events_lost: 1,
                ..good.clone()
            }
            .within_budget()
        );
        assert!(
            !BibsterLoad {
                answer_p99_ms: 51.0,
                ..good.clone()
            }
            .within_budget()
        );
        assert!(
            !BibsterLoad {
                event_p99_ms: 251.0,
                ..good.clone()
            }
            .within_budget()
        );
        assert!(
            !BibsterLoad {
                answers_failed: 1,
                ..good
            }
            .within_budget()
        );
    }
}
