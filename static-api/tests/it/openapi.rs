//! The OpenAPI document is generated from the handlers and kept true: every documented
//! operation is routed, and answers an anonymous request with a documented status.

use crate::support;

use axum::http::{Method, StatusCode};
use support::TestApp;

#[tokio::test]
async fn served_document_lists_the_api() {
    let app = TestApp::new().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.json["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3."))
    );
    let paths = res.json["paths"].as_object().expect("paths");
    for path in [
        "/api/health",
        "/api/session",
        "/api/orgs",
        "/api/orgs/{kind}/{id}",
        "/api/staff",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    assert!(res.json["components"]["schemas"]["ErrorBody"].is_object());
}

#[tokio::test]
async fn every_documented_operation_answers_with_a_documented_status() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let concrete = path
            .replace("{kind}", "library")
            .replace("{id}", "demo-wetteren");
        for (method, operation) in item.as_object().expect("path item") {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let body = (method == Method::POST || method == Method::PUT).then(|| "{}".to_string());
            let res = app
                .raw(
                    method.clone(),
                    &concrete,
                    body,
                    &[("content-type", "application/json")],
                )
                .await;
            let documented: Vec<String> = operation["responses"]
                .as_object()
                .expect("responses")
                .keys()
                .cloned()
                .collect();
            assert!(
                documented.contains(&res.status.as_u16().to_string()),
                "{method} {path} answered {} but documents {documented:?}",
                res.status
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} operations checked");
}

#[tokio::test]
async fn answers_every_handler_shares_are_documented_too() {
    let app = TestApp::new().await;
    let session = app.session(support::ADMIN).await;
    let doc = app.get("/api/openapi.json").await.json;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        if path == "/api/session" {
            continue;
        }
        let concrete = path
            .replace("{kind}", "library")
            .replace("{id}", "demo-wetteren")
            .replace("{library}", "demo-wetteren")
            .replace("{centre}", "demo-nova")
            .replace("{theme}", "sport")
            .replace("{show}", "no-such-show")
            .replace("{venue}", "no-such-venue");
        for (method, operation) in item.as_object().expect("path item") {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let documented = |status: StatusCode| {
                operation["responses"]
                    .as_object()
                    .is_some_and(|r| r.contains_key(&status.as_u16().to_string()))
            };
            if !operation["requestBody"].is_null() {
                // Logged in, with the CSRF token: a body that is not JSON, and no type.
                let mut headers = vec![
                    ("cookie", session.cookie.as_str()),
                    ("x-csrf-token", session.csrf.as_str()),
                ];
                let untyped = app
                    .raw(method.clone(), &concrete, Some("{}".into()), &headers)
                    .await;
                assert!(
                    documented(untyped.status),
                    "{method} {path} without a content type answered {}",
                    untyped.status
                );
                headers.push(("content-type", "application/json"));
                let broken = app
                    .raw(method.clone(), &concrete, Some("{\"x\": ".into()), &headers)
                    .await;
                assert!(
                    documented(broken.status),
                    "{method} {path} with broken JSON answered {}",
                    broken.status
                );
                checked += 1;
            }
            if path.contains('{') {
                assert!(documented(StatusCode::NOT_FOUND), "{method} {path}: no 404");
                let odd = path
                    .split('/')
                    .map(|seg| if seg.starts_with('{') { "%FF%00" } else { seg })
                    .collect::<Vec<_>>()
                    .join("/");
                let res = app.get_as(&odd, &session).await;
                if method == Method::GET {
                    assert!(
                        documented(res.status),
                        "{method} {odd} answered {}",
                        res.status
                    );
                }
            }
        }
    }
    assert!(
        checked >= 10,
        "only {checked} operations with a body checked"
    );
}
