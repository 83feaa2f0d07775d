//! Bibster's live events and housekeeping on both databases: every change of a session
//! (a team joins, an answer, the end) reaches its live events, a repeat says nothing, an
//! ended session has none; across two PostgreSQL instances within a second; sessions
//! left running end and old photos go.

use crate::bibster::{QUEST, STORY, published_game};
use crate::bibster_play::{Device, SESSIONS, start};
use crate::support;

use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{Backend, Session, TestApp, WETTEREN};

const WITHIN: Duration = Duration::from_secs(1);

async fn every_change_reaches_the_sessions_live_events(backend: Backend) {
    let app = TestApp::on(backend).await;
    let staff = app.session(WETTEREN).await;
    let game = published_game(&app, &staff, STORY).await;
    let board = start(&app, &staff, game, json!({"teams": "join"})).await;
    let code = board["session"]["code"].as_str().expect("code").to_string();
    let session = board["session"]["id"].as_i64().expect("id");
    let (status, _, mut stream) = app.open_stream(&format!("/api/bibster/live/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    let team = Device::joined(&app, json!({"code": code, "name": "Live"})).await;
    let (name, data) = support::next_event(&mut stream, WITHIN)
        .await
        .expect("the join arrives");
    assert_eq!(name, "bibster");
    let event: Value = serde_json::from_str(&data).expect("json");
    assert_eq!(
        event,
        json!({"kind": "bibster", "session": code, "change": "teams"})
    );
    team.answer(&app, "begin", json!({"type": "read"})).await;
    let (_, data) = support::next_event(&mut stream, WITHIN)
        .await
        .expect("the answer arrives");
    assert!(data.contains("scores"), "{data}");
    // A repeat changes nothing and says nothing.
    team.answer(&app, "begin", json!({"type": "read"})).await;
    assert!(
        support::next_event(&mut stream, Duration::from_millis(300))
            .await
            .is_none()
    );
    app.request_as(
        Method::POST,
        &format!("{SESSIONS}/{session}/end"),
        None,
        &staff,
    )
    .await;
    let (_, data) = support::next_event(&mut stream, WITHIN)
        .await
        .expect("the end arrives");
    assert!(data.contains("ended"), "{data}");
    let gone = app.open_stream(&format!("/api/bibster/live/{code}")).await;
    assert_eq!(
        gone.0,
        StatusCode::NOT_FOUND,
        "an ended session has no live events"
    );
}

on_both_backends!(every_change_reaches_the_sessions_live_events);

/// Two instances on one PostgreSQL database: an answer through one reaches the leader's
/// live view on the other within a second.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_through_one_instance_reaches_the_leader_on_another() {
    let one = TestApp::on(Backend::Postgres).await;
    let two = one.second_instance().await;
    let staff = one.session(WETTEREN).await;
    let game = published_game(&one, &staff, STORY).await;
    let board = start(&one, &staff, game, json!({"teams": "join"})).await;
    let code = board["session"]["code"].as_str().expect("code").to_string();
    let (status, _, mut on_two) = two.open_stream(&format!("/api/bibster/live/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    let team = Device::joined(&one, json!({"code": code, "name": "Overal"})).await;
    assert!(
        support::next_event(&mut on_two, WITHIN)
            .await
            .is_some_and(|(_, d)| d.contains("teams"))
    );
    let started = std::time::Instant::now();
    team.answer(&one, "begin", json!({"type": "read"})).await;
    let (_, data) = support::next_event(&mut on_two, WITHIN)
        .await
        .expect("within 1 s on the other instance");
    assert!(data.contains("scores"), "{data}");
    assert!(started.elapsed() < WITHIN);
}

/// The daily housekeeping ends sessions left running for a day and removes the photos of
/// sessions that ended more than a week ago (never those of a recent one).
async fn old_sessions_end_and_their_photos_go(backend: Backend) {
    let app = TestApp::on(backend).await;
    let staff = app.session(WETTEREN).await;
    let game = published_game(&app, &staff, QUEST).await;
    let mut photographed = Vec::new();
    for name in ["Oud", "Nieuw"] {
        let board = start(&app, &staff, game, json!({"teams": "join"})).await;
        let code = board["session"]["code"].as_str().expect("code").to_string();
        let team = Device::joined(&app, json!({"code": code, "name": name})).await;
        for (task, answer) in [
            ("strips", json!({"type": "text", "value": "STRIP-7"})),
            ("volgorde", json!({"type": "order", "value": [0, 1, 2]})),
        ] {
            team.answer(&app, task, answer).await;
        }
        let photo = app
            .raw_bytes(
                Method::POST,
                "/api/bibster/play/photos/foto",
                Some(support::png_of(16, 16, 3)),
                &[
                    ("x-team-token", team.token.as_str()),
                    ("content-type", "image/png"),
                ],
            )
            .await;
        assert_eq!(photo.json["verdict"], "to_review", "{}", photo.json);
        photographed.push(board["session"]["id"].as_i64().expect("id"));
    }
    let (old, recent) = (photographed[0], photographed[1]);
    let dir = |id: i64| {
        app.state
            .config
            .data_dir
            .join("bibster-photos")
            .join(id.to_string())
    };
    assert!(dir(old).is_dir() && dir(recent).is_dir());
    // The old one ended long ago; the recent one runs until a stale-session cutoff
    // after its start ends it now.
    assert!(
        app.state
            .db
            .end_bibster_session(old, "2000-01-01T00:00:00Z")
            .await
            .expect("end")
    );
    assert!(board_of(&app, &staff, recent).await["session"]["ended_at"].is_null());
    let none = app
        .state
        .db
        .end_stale_bibster_sessions("2000-01-01T00:00:00Z", "x")
        .await;
    assert_eq!(
        none.expect("ends"),
        0,
        "a session started today is not stale in 2000"
    );
    let later = (time::OffsetDateTime::now_utc() + time::Duration::minutes(1))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("time");
    let now = static_api::import::now_rfc3339();
    let ended = app.state.db.end_stale_bibster_sessions(&later, &now).await;
    assert_eq!(ended.expect("ends"), 1);
    assert!(board_of(&app, &staff, recent).await["session"]["ended_at"].is_string());
    static_api::housekeeping(&app.state)
        .await
        .expect("housekeeping");
    assert!(
        !dir(old).exists(),
        "the photos of a session that ended long ago go"
    );
    assert!(dir(recent).is_dir(), "a recent session's photos stay");
}

async fn board_of(app: &TestApp, staff: &Session, session: i64) -> Value {
    app.get_as(&format!("{SESSIONS}/{session}"), staff)
        .await
        .json
}

on_both_backends!(old_sessions_end_and_their_photos_go);
