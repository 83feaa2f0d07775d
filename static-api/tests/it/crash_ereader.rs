//! Crash safety of e-book loans: the real server is killed (SIGKILL) at a random moment
//! while the demo members borrow and return books as fast as they can; opened again,
//! every loan the server confirmed is stored as confirmed (title, end, and its member
//! while it runs), every return it confirmed has ended its loan, the limits hold, and
//! the database passes
//! `PRAGMA integrity_check`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use serde_json::{Value, json};
use static_api::demo::ereader::DEMO_MEMBERS;
use static_api::{AppState, Config};

use crate::crash::start;

/// What the server confirmed: loan id → (title, member's card, until, returned).
type Confirmed = Arc<Mutex<HashMap<i64, (i64, String, i64, bool)>>>;

struct Member {
    http: reqwest::Client,
    base: String,
    cookie: String,
    csrf: String,
}

impl Member {
    async fn log_in(base: &str, card: &str, pin: &str) -> Option<Member> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .ok()?;
        let res = http
            .post(format!("{base}/api/ereader/session"))
            .header("content-type", "application/json")
            .body(json!({"card": card, "pin": pin}).to_string())
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
        Some(Member {
            http,
            base: base.to_string(),
            cookie,
            csrf: body["csrf_token"].as_str()?.to_string(),
        })
    }

    async fn post(&self, path: &str, body: Option<Value>) -> Option<(u16, Value)> {
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf);
        if let Some(body) = body {
            req = req
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let res = req.send().await.ok()?;
        let status = res.status().as_u16();
        let bytes = res.bytes().await.ok()?;
        Some((
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        ))
    }

    async fn titles(&self) -> Option<Vec<i64>> {
        let res = self
            .http
            .get(format!("{}/api/ereader/titles", self.base))
            .send()
            .await
            .ok()?;
        let titles: Value = serde_json::from_slice(&res.bytes().await.ok()?).ok()?;
        Some(
            titles
                .as_array()?
                .iter()
                .filter_map(|t| t["id"].as_i64())
                .collect(),
        )
    }

    /// Returns the loans left running by the last round's kill.
    async fn return_all(&self) {
        let Ok(res) = self
            .http
            .get(format!("{}/api/ereader/loans", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
        else {
            return;
        };
        let loans: Value =
            serde_json::from_slice(&res.bytes().await.unwrap_or_default()).unwrap_or(Value::Null);
        for id in loans
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l["id"].as_i64())
        {
            self.post(&format!("/api/ereader/loans/{id}/return"), None)
                .await;
        }
    }
}

/// One member borrows and returns until the server is gone.
async fn lend_until_killed(member: Member, card: String, titles: Vec<i64>, confirmed: Confirmed) {
    member.return_all().await;
    for i in 0.. {
        let title = titles[i % titles.len()];
        let Some((status, loan)) = member
            .post("/api/ereader/loans", Some(json!({"title": title})))
            .await
        else {
            return;
        };
        if status != 201 {
            continue;
        }
        let (Some(id), Some(until)) = (loan["id"].as_i64(), loan["until"].as_i64()) else {
            return;
        };
        if let Ok(mut seen) = confirmed.lock() {
            seen.insert(id, (title, card.clone(), until, false));
        }
        let Some((status, _)) = member
            .post(&format!("/api/ereader/loans/{id}/return"), None)
            .await
        else {
            return;
        };
        if status == 204
            && let Ok(mut seen) = confirmed.lock()
            && let Some(loan) = seen.get_mut(&id)
        {
            loan.3 = true;
        }
    }
}

async fn round(data: &std::path::Path, rng: &mut impl Rng) -> usize {
    let port = crate::cli::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(data, port);
    let mut members = Vec::new();
    for (card, pin) in DEMO_MEMBERS {
        let mut member = None;
        for _ in 0..200 {
            member = Member::log_in(&base, card, pin).await;
            if member.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        members.push((
            card.to_string(),
            member.expect("the server came up and the member logged in"),
        ));
    }
    let titles = members[0].1.titles().await.expect("the collection");
    assert!(titles.len() >= 2, "the demo's books: {titles:?}");
    let confirmed: Confirmed = Arc::default();
    let mut lenders = tokio::task::JoinSet::new();
    for (n, (card, member)) in members.into_iter().enumerate() {
        let mut mine = titles.clone();
        mine.rotate_left(n);
        lenders.spawn(lend_until_killed(member, card, mine, confirmed.clone()));
    }
    tokio::time::sleep(Duration::from_millis(rng.gen_range(50..500))).await;
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    while lenders.join_next().await.is_some() {}
    let confirmed = confirmed.lock().map(|c| c.clone()).unwrap_or_default();

    let state = AppState::open(Config::new(data, data.join("site")))
        .await
        .expect("the data opens after a kill");
    assert_eq!(state.db.integrity_check().await.expect("check"), "ok");
    for (id, (title, card, until, returned)) in &confirmed {
        let stored: Option<(i64, Option<String>, i64, Option<i64>)> = sqlx::query_as(
            "SELECT l.title_id, m.card_hash, l.until_at, l.ended_at FROM ereader_loans l \
             LEFT JOIN ereader_members m ON m.id = l.member_id WHERE l.id = $1",
        )
        .bind(id)
        .fetch_optional(state.db.pool_for_tests())
        .await
        .expect("query");
        let (stored_title, hash, stored_until, ended) =
            stored.unwrap_or_else(|| panic!("the confirmed loan {id} is lost"));
        assert_eq!(
            (stored_title, stored_until),
            (*title, *until),
            "loan {id} as confirmed"
        );
        if *returned {
            assert!(ended.is_some(), "the confirmed return of loan {id} is lost");
        }
        // A running loan names its member; an ended one no longer does (the demo
        // members keep no reading history).
        let expected = ended
            .is_none()
            .then(|| static_api::auth::member::card_hash(card));
        assert_eq!(hash, expected, "loan {id}'s member");
    }
    let (over,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ereader_titles t WHERE (SELECT COUNT(*) FROM ereader_loans l \
         WHERE l.title_id = t.id AND l.ended_at IS NULL) > t.licences",
    )
    .fetch_one(state.db.pool_for_tests())
    .await
    .expect("query");
    assert_eq!(over, 0, "no licence lent twice");
    state.db.close().await;
    confirmed.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirmed_loans_survive_a_kill_at_any_moment() {
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
    assert!(confirmed > 0, "loans were confirmed before the kills");
    eprintln!("e-reader crash rounds: {rounds}, confirmed loans: {confirmed}, lost: 0");
}
