//! The typed API client: headers, the CSRF token and error mapping.

use serde_json::json;
use suite_domain::api::{ErrorCode, Health};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::ApiError;
use suite_ui::api::{self, set_csrf_token};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{fetch_calls, stub_fetch};

#[wasm_bindgen_test]
fn error_bodies_and_bare_statuses_become_api_errors() {
    let body = r#"{"error":{"code":"too_many_attempts","message":"Wacht 5 minuten."}}"#;
    let error = ApiError::from_body(429, body);
    assert_eq!(error.status, 429);
    assert_eq!(error.code, Some(ErrorCode::TooManyAttempts));
    assert_eq!(error.message, "Wacht 5 minuten.");
    assert_eq!(
        error.localized(Lang::En),
        Msg::ErrTooManyAttempts.text(Lang::En)
    );
    // In Dutch the server's own, more precise message.
    assert_eq!(error.localized(Lang::Nl), "Wacht 5 minuten.");
    let blank = ApiError::from_body(
        429,
        r#"{"error":{"code":"too_many_attempts","message":" "}}"#,
    );
    assert_eq!(
        blank.localized(Lang::Nl),
        Msg::ErrTooManyAttempts.text(Lang::Nl)
    );

    let cases = [
        (401, Some(ErrorCode::NotLoggedIn)),
        (403, Some(ErrorCode::Forbidden)),
        (404, Some(ErrorCode::NotFound)),
        (422, Some(ErrorCode::InvalidInput)),
        (502, Some(ErrorCode::Internal)),
        (418, None),
    ];
    for (status, code) in cases {
        let error = ApiError::from_body(status, "<html>Bad gateway</html>");
        assert_eq!((error.status, error.code), (status, code), "{status}");
        let msg = code.map_or(Msg::ErrInternal, ErrorCode::message);
        assert_eq!(error.message, msg.text(Lang::Nl), "{status}");
    }

    let offline = ApiError::network();
    assert_eq!((offline.status, offline.code), (0, None));
    assert_eq!(offline.message, Msg::ErrNetwork.text(Lang::Nl));
    assert_eq!(offline.localized(Lang::En), Msg::ErrNetwork.text(Lang::En));
}

#[wasm_bindgen_test]
async fn changes_carry_the_csrf_token_and_reads_no_header_of_their_own() {
    stub_fetch(json!({
        "GET /api/health": [200, {"status": "ok", "version": "1", "demo": false}],
        "PUT /api/thing": [200, {"status": "ok", "version": "2", "demo": false}],
        "POST /api/empty": [204, null],
        "DELETE /api/thing": [204, null],
    }));
    set_csrf_token(Some("tok-9".to_owned()));
    let health: Result<Health, ApiError> = api::get("/api/health").await;
    assert_eq!(health.map(|h| h.version).ok().as_deref(), Some("1"));
    let put: Result<Health, ApiError> = api::put("/api/thing", &json!({"a": 1})).await;
    assert_eq!(put.map(|h| h.version).ok().as_deref(), Some("2"));
    assert_eq!(api::post_empty("/api/empty").await, Ok(()));
    assert_eq!(api::delete("/api/thing").await, Ok(()));
    set_csrf_token(None);
    assert!(api::delete("/api/thing").await.is_ok());

    let calls = fetch_calls();
    let seen: Vec<_> = calls
        .iter()
        .map(|c| (c.key.as_str(), c.csrf.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("GET /api/health", None),
            ("PUT /api/thing", Some("tok-9")),
            ("POST /api/empty", Some("tok-9")),
            ("DELETE /api/thing", Some("tok-9")),
            ("DELETE /api/thing", None),
        ]
    );
    // A read sends only the browser's own headers (so it can take a preloaded
    // answer); a change says it accepts JSON.
    let accepts: Vec<_> = calls.iter().map(|c| c.accept.as_deref()).collect();
    assert_eq!(
        accepts,
        [
            None,
            Some("application/json"),
            Some("application/json"),
            Some("application/json"),
            Some("application/json"),
        ]
    );
    assert_eq!(calls[1].body, r#"{"a":1}"#);
}

#[wasm_bindgen_test]
async fn failures_keep_the_status_and_the_servers_message() {
    stub_fetch(json!({
        "POST /api/thing": [409, {"error": {"code": "conflict", "message": "Die bestaat al."}}],
        "PUT /api/thing": [422, {"error": {"code": "invalid_input", "message": "Kies een zaal.", "field": "venue", "detail": "venue 7 is closed"}}],
        "GET /api/gone": "network",
    }));
    let conflict = api::post::<_, Health>("/api/thing", &json!({})).await;
    let expected = ApiError {
        status: 409,
        code: Some(ErrorCode::Conflict),
        message: "Die bestaat al.".into(),
        field: None,
        detail: None,
    };
    assert_eq!(conflict, Err(expected));
    // A refused form names its field (and a refused file what is wrong, in English).
    let invalid = api::put::<_, Health>("/api/thing", &json!({})).await;
    let expected = ApiError {
        status: 422,
        code: Some(ErrorCode::InvalidInput),
        message: "Kies een zaal.".into(),
        field: Some("venue".into()),
        detail: Some("venue 7 is closed".into()),
    };
    assert_eq!(invalid, Err(expected));
    assert_eq!(
        api::get::<Health>("/api/gone").await,
        Err(ApiError::network())
    );
    // A page instead of JSON (no such route) is a 404 without body.
    let missing = api::get::<Health>("/api/missing")
        .await
        .map_err(|e| (e.status, e.code));
    assert_eq!(missing, Err((404, Some(ErrorCode::NotFound))));
}
