//! Integration tests of the server through its router (tower `oneshot`) with a
//! temporary SQLite database and a temporary built site.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{ADMIN, Backend, GENT, TestApp, WETTEREN};

async fn health_answers_with_the_database(backend: Backend) {
    let app = TestApp::on(backend).await;
    let res = app.get("/api/health").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["status"], "ok");
    assert_eq!(res.json["demo"], true);
}

async fn login_sets_a_host_prefixed_http_only_strict_cookie(backend: Backend) {
    let app = TestApp::on(backend).await;
    let res = app.login(WETTEREN.0, WETTEREN.1).await;
    assert_eq!(res.status, StatusCode::OK);
    let cookie = res.header("set-cookie").unwrap_or_default();
    for part in [
        "__Host-suite_session=",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/",
    ] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
    assert_eq!(res.json["role"]["role"], "library_staff");
    assert_eq!(res.json["role"]["library"], "demo-wetteren");
    assert_eq!(res.json["csrf_token"].as_str().map(str::len), Some(64));
    assert!(res.json.get("password_hash").is_none());
}

async fn wrong_password_and_unknown_email_are_refused_alike(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wrong = app.login(WETTEREN.0, "not-the-password").await;
    let unknown = app.login("nobody@demo.invalid", "whatever-123").await;
    for res in [&wrong, &unknown] {
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(res.json["error"]["code"], "bad_credentials");
        assert_eq!(
            res.json["error"]["message"],
            "E-mailadres of wachtwoord klopt niet."
        );
        assert!(res.header("set-cookie").is_none());
    }
}

async fn repeated_failures_are_rate_limited_even_with_the_right_password(backend: Backend) {
    let app = TestApp::on(backend).await;
    for _ in 0..5 {
        assert_eq!(
            app.login(GENT.0, "wrong-password").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let res = app.login(GENT.0, GENT.1).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.json["error"]["code"], "too_many_attempts");
    assert_eq!(res.header("retry-after").as_deref(), Some("30"));
    // Another account is not affected.
    assert_eq!(
        app.login(WETTEREN.0, WETTEREN.1).await.status,
        StatusCode::OK
    );
}

async fn a_burst_of_wrong_logins_verifies_at_most_five_passwords(backend: Backend) {
    let app = TestApp::on(backend).await;
    let before = app.state.passwords.verifications();
    let attempts = (0..300).map(|i| {
        let app = &app;
        async move {
            let peer = "81.1.1.1:4000";
            let res = app
                .login_from(peer, ADMIN.0, &format!("wrong-{i}"), &[])
                .await;
            (res.status, res.header("retry-after"))
        }
    });
    let answers = futures_join_all(attempts).await;
    let verified = app.state.passwords.verifications() - before;
    assert!(verified <= 5, "{verified} passwords verified");
    let wrong = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(wrong as u64, verified);
    for (status, retry) in &answers {
        assert!(
            matches!(
                *status,
                StatusCode::UNAUTHORIZED
                    | StatusCode::TOO_MANY_REQUESTS
                    | StatusCode::SERVICE_UNAVAILABLE
            ),
            "{status}"
        );
        if *status != StatusCode::UNAUTHORIZED {
            assert!(
                retry
                    .as_deref()
                    .is_some_and(|r| r.parse::<u64>().is_ok_and(|n| n >= 1))
            );
        }
    }
    // The burst came from one address: the admin logs in from their own.
    let own = app.login_from("81.2.2.2:5000", ADMIN.0, ADMIN.1, &[]).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.json);
}

/// Runs the futures together on this task (a small `join_all`).
async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut set = Vec::new();
    for f in futures {
        set.push(Box::pin(f));
    }
    let mut out: Vec<Option<F::Output>> = (0..set.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in set.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().flatten().collect()
}

async fn nobody_can_lock_a_staff_member_out_from_another_address(backend: Backend) {
    let app = TestApp::on(backend).await;
    for _ in 0..30 {
        let res = app
            .login_from("6.6.6.6:1000", GENT.0, "wrong-password", &[])
            .await;
        assert!(
            matches!(
                res.status,
                StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS
            ),
            "{}",
            res.status
        );
    }
    let blocked = app.login_from("6.6.6.6:1000", GENT.0, GENT.1, &[]).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(blocked.header("retry-after").is_some());
    let own = app.login_from("81.2.2.2:5000", GENT.0, GENT.1, &[]).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.json);
}

async fn behind_a_trusted_proxy_the_limit_keys_on_the_forwarded_client(backend: Backend) {
    let app = TestApp::with_config_on(backend, |config| {
        config.proxies = static_api::net::TrustedProxies::parse("10.0.0.2", None).expect("list");
    })
    .await;
    let proxy = "10.0.0.2:443";
    let from = |client: &'static str| [("x-forwarded-for", client)];
    for _ in 0..6 {
        app.login_from(proxy, GENT.0, "wrong-password", &from("81.1.1.1"))
            .await;
    }
    let attacker = app
        .login_from(proxy, GENT.0, GENT.1, &from("81.1.1.1"))
        .await;
    assert_eq!(attacker.status, StatusCode::TOO_MANY_REQUESTS);
    // Everyone else behind the same proxy still logs in.
    let staff = app
        .login_from(proxy, GENT.0, GENT.1, &from("81.9.9.9"))
        .await;
    assert_eq!(staff.status, StatusCode::OK, "{}", staff.json);
    // A client that is not the proxy cannot choose its address by the header.
    for _ in 0..6 {
        app.login_from("81.1.1.1:999", WETTEREN.0, "wrong", &from("81.7.7.7"))
            .await;
    }
    let forged = app
        .login_from("81.1.1.1:999", WETTEREN.0, WETTEREN.1, &from("81.8.8.8"))
        .await;
    assert_eq!(forged.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn logout_needs_the_csrf_token_and_ends_the_session_on_the_server(backend: Backend) {
    let app = TestApp::on(backend).await;
    let session = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/session", &session).await.status,
        StatusCode::OK
    );

    let forged = app
        .request_as(
            Method::DELETE,
            "/api/session",
            None,
            &session.without_csrf(),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(forged.json["error"]["code"], "csrf");
    assert_eq!(
        app.get_as("/api/session", &session).await.status,
        StatusCode::OK
    );

    let res = app
        .request_as(Method::DELETE, "/api/session", None, &session)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(
        res.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    // The old cookie no longer works, even if a client keeps sending it: the session
    // check says nobody is logged in (204, no error), any staff route refuses it.
    let after = app.get_as("/api/session", &session).await;
    assert_eq!(after.status, StatusCode::NO_CONTENT);
    assert!(after.body.is_empty());
    let refused = app.get_as("/api/session/all", &session).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json["error"]["code"], "not_logged_in");
    assert_eq!(
        app.get("/api/session").await.status,
        StatusCode::NO_CONTENT,
        "without any cookie"
    );
}

async fn library_staff_cannot_read_or_change_another_library(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let own = app
        .get_as("/api/orgs/library/demo-wetteren", &wetteren)
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json["name"], "Bibliotheek Wetteren (demo)");

    for path in [
        "/api/orgs/library/demo-gent",
        "/api/orgs/library/demo-gent/staff",
        "/api/orgs/centre/demo-nova",
    ] {
        let res = app.get_as(path, &wetteren).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(res.json["error"]["code"], "forbidden");
    }
    let body = json!({"name": "Overgenomen", "town": "Gent"});
    let res = app
        .request_as(
            Method::PUT,
            "/api/orgs/library/demo-gent",
            Some(body),
            &wetteren,
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let admin = app.session(ADMIN).await;
    let gent = app.get_as("/api/orgs/library/demo-gent", &admin).await;
    assert_eq!(
        gent.json["name"], "Bibliotheek Gent (demo)",
        "nothing changed"
    );

    let list = app.get_as("/api/orgs", &wetteren).await;
    let ids: Vec<_> = list
        .json
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| o["id"].clone())
        .collect();
    assert_eq!(ids, [json!("demo-wetteren")]);
    let all = app.get_as("/api/orgs", &admin).await;
    assert_eq!(all.json.as_array().map(Vec::len), Some(4));
}

async fn staff_update_their_own_organisation_with_validation(backend: Backend) {
    let app = TestApp::on(backend).await;
    let s = app.session(WETTEREN).await;
    let path = "/api/orgs/library/demo-wetteren";
    let res = app
        .request_as(
            Method::PUT,
            path,
            Some(json!({"name": "  Bib Wetteren  ", "town": "Wetteren"})),
            &s,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["name"], "Bib Wetteren");

    let res = app
        .request_as(
            Method::PUT,
            path,
            Some(json!({"name": " ", "town": ""})),
            &s,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json["error"]["field"], "name");
    assert_eq!(res.json["error"]["message"], "Dit veld is verplicht.");
    assert_eq!(
        app.get_as(path, &s).await.json["name"],
        "Bib Wetteren",
        "bad input lost nothing"
    );

    let res = app
        .request_as(
            Method::PUT,
            "/api/orgs/planet/x",
            Some(json!({"name": "a", "town": ""})),
            &s,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

async fn cross_site_state_changes_are_refused(backend: Backend) {
    let app = TestApp::on(backend).await;
    let s = app.session(WETTEREN).await;
    let body = json!({"name": "Gehackt", "town": ""});
    let res = app
        .raw(
            Method::PUT,
            "/api/orgs/library/demo-wetteren",
            Some(body.to_string()),
            &[
                ("cookie", &s.cookie),
                ("x-csrf-token", &s.csrf),
                ("content-type", "application/json"),
                ("host", "127.0.0.1:8080"),
                ("origin", "http://evil.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json["error"]["code"], "csrf");
    let res = app
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({"email": WETTEREN.0, "password": WETTEREN.1}).to_string()),
            &[
                ("content-type", "application/json"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "login CSRF refused too");
    assert_eq!(
        app.get_as("/api/orgs/library/demo-wetteren", &s).await.json["name"],
        "Bibliotheek Wetteren (demo)"
    );
}

async fn malformed_requests_get_4xx_with_the_error_body_never_5xx(backend: Backend) {
    let app = TestApp::on(backend).await;
    let json_ct = [("content-type", "application/json")];
    type Case<'a> = (
        Method,
        &'a str,
        Option<String>,
        &'a [(&'a str, &'a str)],
        StatusCode,
    );
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            "/api/session",
            Some("{not json".into()),
            &json_ct,
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::POST,
            "/api/session",
            Some(r#"{"email": 5, "password": []}"#.into()),
            &json_ct,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::POST,
            "/api/session",
            Some(r#"{"email": "a@b.be"}"#.into()),
            &json_ct,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::POST,
            "/api/session",
            Some(r#"{"email":"a@b.be","password":"x"}"#.into()),
            &[],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            Method::POST,
            "/api/session",
            Some(format!(
                r#"{{"email":"a@b.be","password":"{}"}}"#,
                "x".repeat(100_000)
            )),
            &json_ct,
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            Method::GET,
            "/api/nothing-here",
            None,
            &[],
            StatusCode::NOT_FOUND,
        ),
        (Method::GET, "/api", None, &[], StatusCode::NOT_FOUND),
        (
            Method::GET,
            "/api/orgs/library/%FF",
            None,
            &[],
            StatusCode::UNAUTHORIZED,
        ),
    ];
    for (method, path, body, headers, status) in cases {
        let res = app.raw(method.clone(), path, body, headers).await;
        assert_eq!(res.status, status, "{method} {path}");
        assert!(
            res.json["error"]["code"].is_string(),
            "{method} {path}: {}",
            res.json
        );
        assert!(res.json["error"]["message"].is_string());
    }
    // A very long password is refused before hashing.
    let long = app.login(WETTEREN.0, &"x".repeat(5_000)).await;
    assert_eq!(long.status, StatusCode::UNAUTHORIZED);
}

async fn every_response_carries_the_security_headers(backend: Backend) {
    let app = TestApp::on(backend).await;
    for path in [
        "/",
        "/api/health",
        "/api/nothing",
        "/bieblo/",
        "/no-such-page",
        "/data/missing.json",
    ] {
        let res = app.get(path).await;
        let csp = res.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(
            csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(
            res.header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            res.header("referrer-policy").as_deref(),
            Some("no-referrer"),
            "{path}"
        );
    }
}

on_both_backends!(
    health_answers_with_the_database,
    login_sets_a_host_prefixed_http_only_strict_cookie,
    wrong_password_and_unknown_email_are_refused_alike,
    repeated_failures_are_rate_limited_even_with_the_right_password,
    a_burst_of_wrong_logins_verifies_at_most_five_passwords,
    nobody_can_lock_a_staff_member_out_from_another_address,
    behind_a_trusted_proxy_the_limit_keys_on_the_forwarded_client,
    logout_needs_the_csrf_token_and_ends_the_session_on_the_server,
    library_staff_cannot_read_or_change_another_library,
    staff_update_their_own_organisation_with_validation,
    cross_site_state_changes_are_refused,
    malformed_requests_get_4xx_with_the_error_body_never_5xx,
    every_response_carries_the_security_headers,
);
