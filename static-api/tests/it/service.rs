//! Running the service (issue 12): organisations made and archived by the admin,
//! subscriptions asked for by staff and switched on by the admin (and the apps working
//! only there), the service-wide figures, the audit log. On both backends.

use crate::accounts::{GOOD_PASSWORD, accept, invite, token_of};
use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{ADMIN, Backend, GENT, Session, TestApp, WETTEREN};

async fn organisations_and_subscriptions(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let wetteren = app.session(WETTEREN).await;
    let new_lib =
        json!({"kind": "library", "id": "aalst", "name": "Bibliotheek Aalst", "town": "Aalst"});
    assert_eq!(
        app.request_as(Method::POST, "/api/orgs", Some(new_lib.clone()), &wetteren)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let made = app
        .request_as(Method::POST, "/api/orgs", Some(new_lib.clone()), &admin)
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    assert_eq!(
        app.request_as(Method::POST, "/api/orgs", Some(new_lib), &admin)
            .await
            .status,
        StatusCode::CONFLICT
    );
    for bad in ["Aalst", "-x", "a b", "", "a_b"] {
        let body = json!({"kind": "library", "id": bad, "name": "X"});
        assert_eq!(
            app.request_as(Method::POST, "/api/orgs", Some(body), &admin)
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}"
        );
    }
    // Two branches.
    for (id, name) in [("centrum", "Aalst centrum"), ("erembodegem", "Erembodegem")] {
        let res = app
            .request_as(
                Method::PUT,
                &format!("/api/orgs/library/aalst/branches/{id}"),
                Some(json!({"id": id, "name": name, "location_id": "", "address": ""})),
                &admin,
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    }
    let branches = app.get_as("/api/orgs/library/aalst/branches", &admin).await;
    assert_eq!(branches.json.as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.get_as("/api/orgs/library/aalst/branches", &wetteren)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Invite its first staff member (a manager) who asks for Bieblo.
    let link = invite(
        &app,
        &admin,
        "an@aalst.example",
        "library_staff",
        Some("aalst"),
        true,
    )
    .await;
    accept(&app, &token_of(&link.json), GOOD_PASSWORD).await;
    let aalst = app.session(("an@aalst.example", GOOD_PASSWORD)).await;
    let availability = app.get("/api/apps/bieblo/library/aalst").await;
    assert_eq!(availability.json["active"], false);
    assert_eq!(availability.json["org_name"], "Bibliotheek Aalst");
    let ask = |s: &Session, app_slug: &str| {
        let path = format!("/api/orgs/library/aalst/subscriptions/{app_slug}/request");
        let s = s.clone();
        let app = &app;
        async move {
            app.request_as(Method::POST, &path, Some(json!({})), &s)
                .await
        }
    };
    assert_eq!(
        ask(&wetteren, "bieblo").await.status,
        StatusCode::FORBIDDEN,
        "another library asks"
    );
    assert_eq!(
        ask(&aalst, "culture-matcher").await.status,
        StatusCode::NOT_FOUND,
        "a centre's app"
    );
    let asked = ask(&aalst, "bieblo").await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.json);
    assert_eq!(asked.json["state"], "requested");
    assert_eq!(asked.json["requested_by"], "an@aalst.example");
    assert_eq!(
        ask(&aalst, "bieblo").await.status,
        StatusCode::CONFLICT,
        "asked already"
    );
    let switch = |state: &str| json!({"state": state});
    let path = "/api/orgs/library/aalst/subscriptions/bieblo";
    assert_eq!(
        app.request_as(Method::PUT, path, Some(switch("active")), &aalst)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let on = app
        .request_as(Method::PUT, path, Some(switch("active")), &admin)
        .await;
    assert_eq!(on.json["state"], "active");
    assert!(on.json["active_from"].is_string());
    assert_eq!(
        app.get("/api/apps/bieblo/library/aalst").await.json["active"],
        true
    );
    assert_eq!(
        app.request_as(Method::PUT, path, Some(switch("requested")), &admin)
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        app.request_as(Method::PUT, path, Some(switch("paused")), &admin)
            .await
            .json["state"],
        "paused"
    );
    assert_eq!(
        app.get("/api/apps/bieblo/library/aalst").await.json["active"],
        false
    );
    // The e-book service records the population served.
    let ebooks = app
        .request_as(
            Method::POST,
            "/api/orgs/library/aalst/subscriptions/e-reader/request",
            Some(json!({"population": 88_000})),
            &aalst,
        )
        .await;
    assert_eq!(ebooks.json["population"], 88_000);
    let too_many = app
        .request_as(
            Method::PUT,
            "/api/orgs/library/aalst/subscriptions/e-reader",
            Some(json!({"state": "active", "population": -1})),
            &admin,
        )
        .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let listed = app
        .get_as("/api/orgs/library/aalst/subscriptions", &aalst)
        .await;
    assert_eq!(listed.json.as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.get_as("/api/subscriptions", &aalst).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(
        app.get_as("/api/subscriptions", &admin)
            .await
            .json
            .as_array()
            .is_some_and(|a| a.len() >= 2)
    );

    // Archived: its staff's session ends and they cannot log in; the history stays.
    let archived = app
        .request_as(
            Method::POST,
            "/api/orgs/library/aalst/archive",
            None,
            &admin,
        )
        .await;
    assert_eq!(archived.json["archived"], true);
    assert_eq!(
        app.get_as("/api/session", &aalst).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login("an@aalst.example", GOOD_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/apps/bieblo/library/aalst").await.json["org_name"],
        Value::Null
    );
    assert_eq!(
        app.get_as("/api/orgs/library/aalst/subscriptions", &admin)
            .await
            .json
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    app.request_as(
        Method::POST,
        "/api/orgs/library/aalst/restore",
        None,
        &admin,
    )
    .await;
    assert_eq!(
        app.login("an@aalst.example", GOOD_PASSWORD).await.status,
        StatusCode::OK
    );
}

async fn the_audit_log_says_who_did_what_and_stays_scoped(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let gent = app.session(GENT).await;
    let admin = app.session(ADMIN).await;
    app.request_as(
        Method::PUT,
        "/api/orgs/library/demo-wetteren",
        Some(json!({"name": "Bib Wetteren (demo)", "town": "Wetteren"})),
        &wetteren,
    )
    .await;
    invite(
        &app,
        &wetteren,
        "x1@demo.invalid",
        "library_staff",
        Some("demo-wetteren"),
        false,
    )
    .await;
    // A refused change leaves no line.
    app.request_as(
        Method::PUT,
        "/api/orgs/library/demo-gent",
        Some(json!({"name": "Overgenomen", "town": ""})),
        &wetteren,
    )
    .await;

    let own = app
        .get_as("/api/audit?org=library/demo-wetteren", &wetteren)
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.json);
    let lines = own.json.as_array().cloned().unwrap_or_default();
    let actions: Vec<&str> = lines.iter().filter_map(|l| l["action"].as_str()).collect();
    assert!(
        actions.contains(&"PUT /api/orgs/{kind}/{id}"),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"POST /api/staff/invitations"),
        "{actions:?}"
    );
    assert!(actions.contains(&"login"), "{actions:?}");
    let invited = lines
        .iter()
        .find(|l| l["action"] == "POST /api/staff/invitations")
        .expect("line");
    assert_eq!(invited["actor_email"], WETTEREN.0);
    assert_eq!(invited["detail"], "x1@demo.invalid");
    assert!(lines.iter().all(|l| l["org_id"] == "demo-wetteren"));
    let text = own.json.to_string();
    assert!(
        !text.contains("demo-wetteren-2026") && !text.contains("password\":"),
        "no passwords"
    );
    // Gent's log has no line of Wetteren's refused change, and Gent cannot read Wetteren's.
    let gent_log = app.get_as("/api/audit?org=library/demo-gent", &gent).await;
    assert!(
        gent_log
            .json
            .as_array()
            .into_iter()
            .flatten()
            .all(|l| l["actor_email"] != WETTEREN.0),
        "{}",
        gent_log.json
    );
    assert_eq!(
        app.get_as("/api/audit?org=library/demo-wetteren", &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_as("/api/audit", &wetteren).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(
        app.get_as("/api/audit", &admin)
            .await
            .json
            .as_array()
            .is_some_and(|a| a.len() >= 3)
    );
}

async fn the_admin_sees_service_wide_figures(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let usage = json!({"age": "eight_nine", "swipes": [{"theme": "humour", "liked": true},
        {"theme": "sport", "liked": false}], "tip_themes": ["humour"], "tips": 8});
    for kiosk in [
        "demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo",
        "demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo",
        "demo-gent/kiosks/gent-de-krook-demo",
    ] {
        let res = app
            .raw(
                Method::POST,
                &format!("/api/bieblo/{kiosk}/usage"),
                Some(usage.to_string()),
                &[("content-type", "application/json")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.json);
    }
    // A library that signs up and is switched on this month.
    app.request_as(
        Method::POST,
        "/api/orgs",
        Some(json!({"kind": "library", "id": "aalst", "name": "Bibliotheek Aalst"})),
        &admin,
    )
    .await;
    app.request_as(
        Method::PUT,
        "/api/orgs/library/aalst/subscriptions/bieblo",
        Some(json!({"state": "active"})),
        &admin,
    )
    .await;

    let res = app.get_as("/api/figures", &admin).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let month = static_api::import::now_rfc3339()[..7].to_string();
    assert_eq!(
        res.json["months"].as_array().and_then(|m| m.last()),
        Some(&json!(month))
    );
    let bieblo = res.json["apps"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["app"] == "bieblo")
        .expect("bieblo");
    let now = bieblo["subscriptions"]
        .as_array()
        .and_then(|m| m.last())
        .expect("this month");
    // The two demo libraries and Aalst.
    assert_eq!(
        (now["signed_up"].as_i64(), now["active"].as_i64()),
        (Some(3), Some(3)),
        "{now}"
    );
    let figure = |metric: &str| {
        bieblo["usage"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|u| u["month"] == month && u["metric"] == metric)
            .and_then(|u| u["value"].as_i64())
    };
    assert_eq!(figure("visits"), Some(3));
    assert_eq!(figure("tips"), Some(24));
    assert_eq!(figure("swipes_right"), Some(3));
    assert_eq!(figure("swipes_left"), Some(3));
    let top = bieblo["top"].as_array().cloned().unwrap_or_default();
    assert_eq!(top[0]["org_id"], "demo-wetteren");
    assert_eq!(top[0]["name"], "Bibliotheek Wetteren (demo)");
    assert_eq!(top[0]["total"], 16);
    assert_eq!(bieblo["top_metric"], "tips");

    let csv = app.get_as("/api/figures.csv", &admin).await;
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let text = String::from_utf8_lossy(&csv.body).into_owned();
    assert!(text.starts_with("app,month,figure,value\n"), "{text}");
    assert!(
        text.contains(&format!("bieblo,{month},tips,24\n")),
        "{text}"
    );
    // One organisation's figures by name are the admin's only.
    let wetteren = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/figures", &wetteren).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_as("/api/figures.csv", &wetteren).await.status,
        StatusCode::FORBIDDEN
    );
}

/// The kiosk of the demo library Gent's one branch.
const GENT_KIOSK: &str = "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo";

async fn an_app_works_only_where_it_is_switched_on(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let usage = json!({"age": "eight_nine", "swipes": [{"theme": "humour", "liked": true}],
        "tip_themes": ["humour"], "tips": 8});
    let post_usage = || {
        app.raw(
            Method::POST,
            "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo/usage",
            Some(usage.to_string()),
            &[("content-type", "application/json")],
        )
    };
    let listed = |list: &Value| {
        list.as_array()
            .into_iter()
            .flatten()
            .any(|k| k["library"] == "demo-gent")
    };
    assert_eq!(app.get(GENT_KIOSK).await.json["subscribed"], true);
    assert!(listed(&app.get("/api/bieblo/kiosks").await.json));

    let path = "/api/orgs/library/demo-gent/subscriptions/bieblo";
    let paused = app
        .request_as(Method::PUT, path, Some(json!({"state": "paused"})), &admin)
        .await;
    assert_eq!(paused.json["state"], "paused");
    let kiosk = app.get(GENT_KIOSK).await;
    assert_eq!(
        (
            kiosk.json["active"].clone(),
            kiosk.json["subscribed"].clone()
        ),
        (json!(true), json!(false))
    );
    assert!(!listed(&app.get("/api/bieblo/kiosks").await.json));
    assert_eq!(
        post_usage().await.status,
        StatusCode::NOT_FOUND,
        "nothing is counted"
    );
    assert_eq!(
        app.get("/api/apps/bieblo/library/demo-gent").await.json["active"],
        false
    );

    app.request_as(Method::PUT, path, Some(json!({"state": "active"})), &admin)
        .await;
    assert_eq!(app.get(GENT_KIOSK).await.json["subscribed"], true);
    assert_eq!(post_usage().await.status, StatusCode::NO_CONTENT);
    // An archived library's kiosk is not active either.
    app.request_as(
        Method::POST,
        "/api/orgs/library/demo-gent/archive",
        None,
        &admin,
    )
    .await;
    assert_eq!(app.get(GENT_KIOSK).await.json["subscribed"], false);
}

async fn culture_matcher_counts_nothing_where_it_is_not_switched_on(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    crate::culture::publish(
        &app,
        "demo-nova",
        vec![crate::culture::show("s-1", "Dansnacht")],
    );
    let post = |path: &'static str, body: Value| {
        app.raw(
            Method::POST,
            path,
            Some(body.to_string()),
            &[("content-type", "application/json")],
        )
    };
    let interaction = || {
        post(
            "/api/culture/demo-nova/interactions",
            json!({"show": "s-1", "interaction": "shown"}),
        )
    };
    let feedback = || {
        post(
            "/api/culture/demo-nova/feedback",
            json!({"show": "s-1", "rating": 4, "similar": true}),
        )
    };
    let listed = |list: &Value| {
        list.as_array()
            .into_iter()
            .flatten()
            .any(|c| c["id"] == "demo-nova")
    };
    assert_eq!(interaction().await.status, StatusCode::NO_CONTENT);
    assert!(listed(&app.get("/api/culture/centres").await.json));

    let path = "/api/orgs/centre/demo-nova/subscriptions/culture-matcher";
    let paused = app
        .request_as(Method::PUT, path, Some(json!({"state": "paused"})), &admin)
        .await;
    assert_eq!(paused.json["state"], "paused");
    assert_eq!(
        app.get("/api/apps/culture-matcher/centre/demo-nova")
            .await
            .json["active"],
        false,
        "the app asks this and says it is not active here"
    );
    assert_eq!(
        interaction().await.status,
        StatusCode::NOT_FOUND,
        "not counted"
    );
    assert_eq!(
        feedback().await.status,
        StatusCode::NOT_FOUND,
        "not counted"
    );
    assert!(!listed(&app.get("/api/culture/centres").await.json));

    app.request_as(Method::PUT, path, Some(json!({"state": "active"})), &admin)
        .await;
    assert_eq!(interaction().await.status, StatusCode::NO_CONTENT);
    assert_eq!(feedback().await.status, StatusCode::NO_CONTENT);
    let insight = app
        .get_as("/api/culture/demo-nova/insight", &admin)
        .await
        .json;
    let row = insight
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["show"] == "s-1"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(row["shown"], 2, "the two counted while active: {insight}");
    assert_eq!(row["feedback_count"], 1, "{insight}");
}

on_both_backends!(
    culture_matcher_counts_nothing_where_it_is_not_switched_on,
    organisations_and_subscriptions,
    the_audit_log_says_who_did_what_and_stays_scoped,
    the_admin_sees_service_wide_figures,
    an_app_works_only_where_it_is_switched_on,
);
