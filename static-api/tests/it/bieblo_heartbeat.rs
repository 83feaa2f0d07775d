//! Bieblo's kiosk heartbeat: public like the kiosk's usage report (the same rate limit),
//! and read by the library's own staff only.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{Backend, GENT, TestApp, WETTEREN};

const KIOSK: &str = "/api/bieblo/demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo";
const BRANCH: &str = "wetteren-hoofdbibliotheek-demo";
const STATUS: &str = "/api/bieblo/demo-wetteren/kiosk-status";
const LIST: &str = "2026-12-03T06:00:00.123Z";

async fn beat_from(app: &TestApp, peer: &str, path: &str, body: Value) -> support::TestResponse {
    app.raw_from(
        Some(peer),
        Method::POST,
        path,
        Some(body.to_string().into_bytes()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn beat(app: &TestApp, body: Value) -> StatusCode {
    let path = format!("{KIOSK}/heartbeat");
    beat_from(app, "81.4.0.1:1000", &path, body).await.status
}

/// The kiosk's entry in the staff's list.
fn entry(list: &Value) -> Value {
    list.as_array()
        .into_iter()
        .flatten()
        .find(|k| k["branch_id"] == BRANCH)
        .cloned()
        .unwrap_or(Value::Null)
}

async fn staff_see_when_a_kiosk_was_last_heard_from_and_its_problem(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let before = app.get_as(STATUS, &wetteren).await;
    assert_eq!(before.status, StatusCode::OK);
    assert_eq!(
        entry(&before.json)["last_seen_at"],
        Value::Null,
        "never seen"
    );

    assert_eq!(
        beat(&app, json!({"data_from": LIST})).await,
        StatusCode::NO_CONTENT
    );
    let seen = entry(&app.get_as(STATUS, &wetteren).await.json);
    let last_seen = seen["last_seen_at"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        suite_domain::date::rfc3339_unix(&last_seen).is_some(),
        "{seen}"
    );
    assert_eq!(seen["data_from"], LIST);
    assert_eq!(seen["problem"], Value::Null);

    // The book list could not load: the kiosk says so and which list it still shows.
    let failing = json!({"data_from": LIST, "problem": "snapshot"});
    assert_eq!(beat(&app, failing.clone()).await, StatusCode::NO_CONTENT);
    let seen = entry(&app.get_as(STATUS, &wetteren).await.json);
    assert_eq!(seen["problem"], "snapshot");
    let since = seen["problem_since"].clone();
    assert!(since.is_string(), "{seen}");
    assert_eq!(beat(&app, failing).await, StatusCode::NO_CONTENT);
    let seen = entry(&app.get_as(STATUS, &wetteren).await.json);
    assert_eq!(seen["problem_since"], since, "the problem keeps its start");
    // An empty heartbeat: a kiosk that shows no list and has nothing to report.
    assert_eq!(beat(&app, json!({})).await, StatusCode::NO_CONTENT);
    let seen = entry(&app.get_as(STATUS, &wetteren).await.json);
    assert_eq!(
        (seen["problem"].clone(), seen["data_from"].clone()),
        (Value::Null, Value::Null)
    );

    // Another library's staff, and nobody logged in, read nothing of it.
    let gent = app.session(GENT).await;
    assert_eq!(
        app.get_as(STATUS, &gent).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(STATUS).await.status, StatusCode::UNAUTHORIZED);
    let own = app
        .get_as("/api/bieblo/demo-gent/kiosk-status", &gent)
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(
        own.json
            .as_array()
            .into_iter()
            .flatten()
            .all(|k| k["last_seen_at"].is_null()),
        "{}",
        own.json
    );
    // Nor does the public list of kiosks carry it.
    let public = app.get("/api/bieblo/demo-wetteren/kiosks").await;
    assert!(
        public.json[0].get("last_seen_at").is_none(),
        "{}",
        public.json
    );
}

async fn heartbeats_of_no_active_kiosk_or_with_a_bad_body_are_refused(backend: Backend) {
    let app = TestApp::on(backend).await;
    for path in [
        "/api/bieblo/demo-wetteren/kiosks/uitleenpost-massemen-demo/heartbeat",
        "/api/bieblo/demo-wetteren/kiosks/elders/heartbeat",
        "/api/bieblo/demo-wetteren/kiosks/Bad%20Id/heartbeat",
        "/api/bieblo/nowhere/kiosks/x/heartbeat",
    ] {
        let res = beat_from(&app, "81.4.0.2:1000", path, json!({"data_from": LIST})).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
    }
    for body in [
        json!({"data_from": "gisteren"}),
        json!({"data_from": "2026-02-30T10:00:00Z"}),
        json!({"data_from": format!("2026-12-03T06:00:00.{}Z", "1".repeat(40))}),
        json!({"problem": "fire"}),
        json!({"data_from": 12}),
        json!([]),
    ] {
        assert_eq!(
            beat(&app, body.clone()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
    }
    let path = format!("{KIOSK}/heartbeat");
    let not_json = app
        .raw(
            Method::POST,
            &path,
            Some("{".into()),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    let cross_site = app
        .raw(
            Method::POST,
            &path,
            Some("{}".into()),
            &[
                ("content-type", "application/json"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    let wetteren = app.session(WETTEREN).await;
    assert_eq!(
        entry(&app.get_as(STATUS, &wetteren).await.json)["last_seen_at"],
        Value::Null
    );
}

async fn heartbeats_share_the_public_write_limit_with_usage(backend: Backend) {
    use static_api::rate_limit::{BURST, PER_SECOND};
    let app = TestApp::on(backend).await;
    let heartbeat = format!("{KIOSK}/heartbeat");
    let usage_path = format!("{KIOSK}/usage");
    let usage = json!({"age": "eight_nine", "swipes": [], "tip_themes": [], "tips": 0});
    // Heartbeats and usage reports by turns, each on its own well below the bucket: one
    // shared bucket lets through about BURST of them in all (plus what it regains while the
    // flood goes on), two buckets would let all of them through.
    let each = (BURST as usize) * 2 / 3 + 50;
    let started = std::time::Instant::now();
    let (mut accepted, mut refused_beats, mut refused_usage, mut retry_after) = (0, 0, 0, None);
    for i in 0..2 * each {
        let res = if i % 2 == 0 {
            beat_from(&app, "6.6.6.7:1000", &heartbeat, json!({"data_from": LIST})).await
        } else {
            beat_from(&app, "6.6.6.7:1000", &usage_path, usage.clone()).await
        };
        match res.status {
            StatusCode::NO_CONTENT => accepted += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                if i % 2 == 0 {
                    refused_beats += 1;
                } else {
                    refused_usage += 1;
                }
                retry_after = res.header("retry-after");
            }
            other => panic!("{i}: {other}: {}", res.json),
        }
    }
    let regained = (started.elapsed().as_secs_f64() * PER_SECOND).ceil() as usize;
    let burst = BURST as usize;
    assert!(
        (burst..=burst + regained + 1).contains(&accepted),
        "{accepted} of {} accepted (burst {burst}, regained {regained})",
        2 * each
    );
    assert!(
        refused_beats > 0 && refused_usage > 0,
        "{refused_beats} {refused_usage}"
    );
    assert!(retry_after.is_some_and(|s| s.parse::<u64>().is_ok()));
    // Another address is not affected.
    let other = beat_from(&app, "81.4.0.3:1000", &heartbeat, json!({})).await;
    assert_eq!(other.status, StatusCode::NO_CONTENT);
}

on_both_backends!(
    staff_see_when_a_kiosk_was_last_heard_from_and_its_problem,
    heartbeats_of_no_active_kiosk_or_with_a_bad_body_are_refused,
    heartbeats_share_the_public_write_limit_with_usage,
);
