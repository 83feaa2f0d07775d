//! The e-reader's API, on SQLite and PostgreSQL: a member logs in with card and PIN
//! (typed with spaces), gets a session of their own (not staff's), logs out with the
//! CSRF token; a wrong PIN and an unknown card get the same Dutch answer; failures are
//! limited per card.

use crate::support::{Backend, Session, TestApp, WETTEREN};

use axum::http::{Method, StatusCode};
use serde_json::json;
use static_api::auth::FREE_FAILURES;
use static_api::auth::member::card_hash;

const CARD: &str = "2000000000012";
const PIN: &str = "4321";

async fn with_member(backend: Backend) -> TestApp {
    let app = TestApp::on(backend).await;
    let db = &app.state.db;
    db.ereader_join("demo-wetteren", 24_000, "2026-12-05T10:00:00Z")
        .await
        .expect("joins");
    let pin_hash = static_api::auth::hash_password(PIN.to_string())
        .await
        .expect("hash");
    db.ereader_add_member(
        "demo-wetteren",
        &card_hash(CARD),
        &pin_hash,
        "2026-12-05T10:00:00Z",
    )
    .await
    .expect("query")
    .expect("a new member");
    app
}

async fn log_in(app: &TestApp, card: &str, pin: &str) -> crate::support::TestResponse {
    app.raw(
        Method::POST,
        "/api/ereader/session",
        Some(json!({"card": card, "pin": pin}).to_string()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn a_member_logs_in_with_card_and_pin(backend: Backend) {
    let app = with_member(backend).await;
    let wrong = log_in(&app, CARD, "0000").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["error"]["code"], "bad_card");
    assert_eq!(
        wrong.json["error"]["message"],
        "Je kaartnummer of pincode klopt niet."
    );
    let unknown = log_in(&app, "2000000000099", PIN).await;
    assert_eq!(
        (unknown.status, &unknown.json),
        (wrong.status, &wrong.json),
        "an unknown card gets the same answer"
    );
    let ok = log_in(&app, "2000 0000-0001 2", PIN).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
    assert_eq!(ok.json["library"], "demo-wetteren");
    let set_cookie = ok.header("set-cookie").expect("a cookie");
    for part in [
        "__Host-suite_member=",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
    ] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    let member = Session {
        cookie: set_cookie.split(';').next().unwrap_or_default().to_string(),
        csrf: ok.json["csrf_token"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    };
    let me = app.get_as("/api/ereader/session", &member).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["csrf_token"], ok.json["csrf_token"]);
    // A staff session is not a member's, and a member's is not staff's.
    let staff = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/ereader/session", &staff).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/session", &member).await.status,
        StatusCode::NO_CONTENT
    );
    // Logging out needs the CSRF token; afterwards the cookie is worth nothing.
    let forged = app
        .request_as(
            Method::DELETE,
            "/api/ereader/session",
            None,
            &member.without_csrf(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let out = app
        .request_as(Method::DELETE, "/api/ereader/session", None, &member)
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(
        out.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    assert_eq!(
        app.get_as("/api/ereader/session", &member).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn guessing_a_pin_is_limited(backend: Backend) {
    let app = with_member(backend).await;
    let mut statuses = Vec::new();
    for n in 0..=FREE_FAILURES + 1 {
        statuses.push(log_in(&app, CARD, &format!("{n:04}")).await.status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // Even the right PIN waits now.
    let right = log_in(&app, CARD, PIN).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(right.header("retry-after").is_some());
}

on_both_backends!(
    a_member_logs_in_with_card_and_pin,
    guessing_a_pin_is_limited
);
