//! Staff accounts (issue 12): invitation links instead of typed passwords, managers
//! scoped to their own organisation, reset, disabled and deleted accounts, one's own
//! password and sessions. On both backends. Organisations, subscriptions, figures and
//! the audit log: `service.rs`.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{ADMIN, Backend, GENT, Session, TestApp, WETTEREN};

pub(crate) const GOOD_PASSWORD: &str = "paars-kanon-wolk-zeven";

/// Invites `email` into `org` as `session`; the answer.
pub(crate) async fn invite(
    app: &TestApp,
    s: &Session,
    email: &str,
    role: &str,
    org: Option<&str>,
    manager: bool,
) -> support::TestResponse {
    let body = json!({"email": email, "display_name": "Nieuwe collega", "role": role,
        "org": org, "manager": manager});
    app.request_as(Method::POST, "/api/staff/invitations", Some(body), s)
        .await
}

/// The token of an invitation answer's link.
pub(crate) fn token_of(link: &Value) -> String {
    let path = link["path"].as_str().unwrap_or_default();
    assert!(path.starts_with("/beheer/uitnodiging#"), "{path}");
    path.rsplit('#').next().unwrap_or_default().to_string()
}

pub(crate) async fn accept(app: &TestApp, token: &str, password: &str) -> support::TestResponse {
    app.raw(
        Method::POST,
        &format!("/api/invitations/{token}"),
        Some(json!({"password": password}).to_string()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn an_invitation_sets_a_password_once_and_is_scoped(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let made = invite(
        &app,
        &wetteren,
        "Nieuw@Demo.invalid",
        "library_staff",
        Some("demo-wetteren"),
        false,
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    assert_eq!(made.json["account"]["email"], "nieuw@demo.invalid");
    assert_eq!(made.json["account"]["has_password"], false);
    let token = token_of(&made.json);
    assert_eq!(token.len(), 64, "256 bits of hex");
    // Before the password is set, nothing logs in with any password.
    assert_eq!(
        app.login("nieuw@demo.invalid", GOOD_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );

    let info = app.get(&format!("/api/invitations/{token}")).await;
    assert_eq!(info.status, StatusCode::OK);
    assert_eq!(info.json["email"], "nieuw@demo.invalid");
    assert_eq!(info.json["org_name"], "Bibliotheek Wetteren (demo)");

    for (easy, why) in [
        ("kort", "too short"),
        ("wachtwoord1", "common"),
        ("nieuwecollega", "the name"),
    ] {
        let refused = accept(&app, &token, easy).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}");
        assert_eq!(refused.json["error"]["field"], "password", "{why}");
    }
    assert!(
        accept(&app, &token, "Wachtwoord1").await.json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("te makkelijk te raden"))
    );
    assert_eq!(
        accept(&app, &token, GOOD_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login("nieuw@demo.invalid", GOOD_PASSWORD).await.status,
        StatusCode::OK
    );
    // Once only.
    assert_eq!(
        accept(&app, &token, "een-ander-lang-wachtwoord")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/invitations/{token}")).await.status,
        StatusCode::NOT_FOUND
    );
    for forged in ["abc", &"g".repeat(64), &"0".repeat(64)] {
        assert_eq!(
            app.get(&format!("/api/invitations/{forged}")).await.status,
            StatusCode::NOT_FOUND,
            "{forged}"
        );
    }

    // A manager invites into their own organisation only, and no admins.
    for (email, role, org, status) in [
        (
            "a@demo.invalid",
            "library_staff",
            Some("demo-gent"),
            StatusCode::FORBIDDEN,
        ),
        ("b@demo.invalid", "admin", None, StatusCode::FORBIDDEN),
        (
            "geen-email",
            "library_staff",
            Some("demo-wetteren"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "nieuw@demo.invalid",
            "library_staff",
            Some("demo-wetteren"),
            StatusCode::CONFLICT,
        ),
        (
            "d@demo.invalid",
            "library_staff",
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "e@demo.invalid",
            "overlord",
            Some("demo-wetteren"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let res = invite(&app, &wetteren, email, role, org, false).await;
        assert_eq!(res.status, status, "{email} {role} {org:?}: {}", res.json);
    }
    // Staff who are no manager invite nobody.
    let colleague = app.session(("nieuw@demo.invalid", GOOD_PASSWORD)).await;
    let res = invite(
        &app,
        &colleague,
        "f@demo.invalid",
        "library_staff",
        Some("demo-wetteren"),
        false,
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let admin = app.session(ADMIN).await;
    let res = invite(
        &app,
        &admin,
        "g@demo.invalid",
        "library_staff",
        Some("demo-nergens"),
        false,
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

async fn an_invitation_expires(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let made = invite(
        &app,
        &admin,
        "laat@demo.invalid",
        "library_staff",
        Some("demo-gent"),
        false,
    )
    .await;
    let token = token_of(&made.json);
    // Eight days later, as far as the link knows.
    let hash = static_api::auth::token_hash(&token);
    let found = app
        .state
        .db
        .find_invitation(&hash, static_api::auth::now_unix())
        .await
        .expect("reads");
    let expires = found.map(|f| f.expires_at).expect("live link");
    let week = suite_domain::service::INVITATION_SECONDS;
    assert!(
        (expires - static_api::auth::now_unix() - week).abs() < 60,
        "valid 7 days"
    );
    assert!(
        app.state
            .db
            .find_invitation(&hash, expires + 1)
            .await
            .expect("reads")
            .is_none()
    );
    let used = app
        .state
        .db
        .use_invitation(
            &hash,
            made.json["account"]["id"].as_i64().unwrap_or_default(),
            "x",
            expires + 1,
        )
        .await
        .expect("reads");
    assert!(!used, "an expired link sets nothing");
}

async fn reset_disable_and_delete_are_the_managers(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let made = invite(
        &app,
        &wetteren,
        "c1@demo.invalid",
        "library_staff",
        Some("demo-wetteren"),
        false,
    )
    .await;
    let id = made.json["account"]["id"].as_i64().expect("id");
    accept(&app, &token_of(&made.json), GOOD_PASSWORD).await;
    let colleague = app.session(("c1@demo.invalid", GOOD_PASSWORD)).await;
    assert_eq!(
        app.get_as("/api/session", &colleague).await.status,
        StatusCode::OK
    );

    // Another library's manager may not; nor may one act on oneself here.
    let gent = app.session(GENT).await;
    for path in [
        format!("/api/staff/{id}/disable"),
        format!("/api/staff/{id}/reset"),
    ] {
        assert_eq!(
            app.request_as(Method::POST, &path, None, &gent)
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        app.request_as(Method::DELETE, &format!("/api/staff/{id}"), None, &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let me = app
        .get_as("/api/orgs/library/demo-wetteren/staff", &wetteren)
        .await;
    let my_id = me
        .json
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["email"] == WETTEREN.0)
        .and_then(|a| a["id"].as_i64())
        .expect("listed");
    assert_eq!(
        app.request_as(
            Method::POST,
            &format!("/api/staff/{my_id}/disable"),
            None,
            &wetteren
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    // Disabled: the colleague's session is refused at its next request, and login too.
    let off = app
        .request_as(
            Method::POST,
            &format!("/api/staff/{id}/disable"),
            None,
            &wetteren,
        )
        .await;
    assert_eq!(off.status, StatusCode::OK);
    assert_eq!(off.json["disabled"], true);
    assert_eq!(
        app.get_as("/api/session", &colleague).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login("c1@demo.invalid", GOOD_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let on = app
        .request_as(
            Method::POST,
            &format!("/api/staff/{id}/enable"),
            None,
            &wetteren,
        )
        .await;
    assert_eq!(on.json["disabled"], false);
    assert_eq!(
        app.login("c1@demo.invalid", GOOD_PASSWORD).await.status,
        StatusCode::OK
    );

    // Reset: the old password stops working at once; the new link sets another.
    let colleague = app.session(("c1@demo.invalid", GOOD_PASSWORD)).await;
    let reset = app
        .request_as(
            Method::POST,
            &format!("/api/staff/{id}/reset"),
            None,
            &wetteren,
        )
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!(
        app.get_as("/api/session", &colleague).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login("c1@demo.invalid", GOOD_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        accept(&app, &token_of(&reset.json), "groene-fiets-onder-brug")
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login("c1@demo.invalid", "groene-fiets-onder-brug")
            .await
            .status,
        StatusCode::OK
    );

    let gone = app
        .request_as(Method::DELETE, &format!("/api/staff/{id}"), None, &wetteren)
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.login("c1@demo.invalid", "groene-fiets-onder-brug")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

async fn own_password_and_sessions(backend: Backend) {
    let app = TestApp::on(backend).await;
    let first = app.session(GENT).await;
    let second = app.session(GENT).await;
    let listed = app.get_as("/api/session/all", &first).await;
    assert_eq!(listed.status, StatusCode::OK);
    let sessions = listed.json.as_array().cloned().unwrap_or_default();
    assert_eq!(sessions.len(), 2, "{}", listed.json);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);

    let change = |current: &str, new: &str| json!({"current": current, "new": new});
    let wrong = app
        .request_as(
            Method::PUT,
            "/api/session/password",
            Some(change("niet-het-wachtwoord", GOOD_PASSWORD)),
            &first,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.json["error"]["field"], "current");
    let easy = app
        .request_as(
            Method::PUT,
            "/api/session/password",
            Some(change(GENT.1, "Gent1234")),
            &first,
        )
        .await;
    assert_eq!(easy.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(easy.json["error"]["field"], "password");
    let done = app
        .request_as(
            Method::PUT,
            "/api/session/password",
            Some(change(GENT.1, GOOD_PASSWORD)),
            &first,
        )
        .await;
    assert_eq!(done.status, StatusCode::NO_CONTENT);
    // This session goes on; every other one has ended.
    assert_eq!(
        app.get_as("/api/session", &first).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_as("/api/session", &second).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login(GENT.0, GENT.1).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Log out everywhere else; and end one session by its id.
    let third = app.session((GENT.0, GOOD_PASSWORD)).await;
    let fourth = app.session((GENT.0, GOOD_PASSWORD)).await;
    assert_eq!(
        app.request_as(Method::DELETE, "/api/session/all", None, &first)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/session", &third).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/session", &fourth).await.status,
        StatusCode::NO_CONTENT
    );
    let fifth = app.session((GENT.0, GOOD_PASSWORD)).await;
    let list = app.get_as("/api/session/all", &first).await;
    let other = list
        .json
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["current"] == false)
        .and_then(|s| s["id"].as_str())
        .expect("the fifth")
        .to_string();
    assert_eq!(
        app.request_as(
            Method::DELETE,
            &format!("/api/session/all/{other}"),
            None,
            &first
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/session", &fifth).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.request_as(
            Method::DELETE,
            "/api/session/all/0000000000000000",
            None,
            &first
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

on_both_backends!(
    an_invitation_sets_a_password_once_and_is_scoped,
    an_invitation_expires,
    reset_disable_and_delete_are_the_managers,
    own_password_and_sessions,
);
