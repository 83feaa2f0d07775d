//! A centre's programme source and its imports, against a stand-in UiTdatabank on
//! loopback serving the samples of `tests/fixtures/uitdatabank`: staff set and remove
//! the source (checked, scoped, CSRF), import now and read the history; an organiser id
//! is searched with the operator's key; the scheduled refresh takes every centre with a
//! source and Culture Matcher on; a failed run keeps the programme and is recorded.

use crate::support;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::RawQuery;
use axum::http::{Method, StatusCode};
use axum::routing::get;
use serde_json::json;
use static_api::db::culture::programme_path;
use static_api::db::service::SubscriptionWrite;
use static_api::import::live::ApiKey;
use static_api::import::programme_refresh::ProgrammeRefresher;
use suite_domain::culture::source::{ProgrammeSource, SourceKind};
use suite_domain::org::{OrgKind, OrgRef, Organisation};
use suite_domain::service::SubscriptionState;
use support::{Backend, TestApp, WETTEREN};

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const SOURCE: &str = "/api/culture/demo-nova/programme-source";
const IMPORT: &str = "/api/culture/demo-nova/programme-source/import";
const HISTORY: &str = "/api/culture/demo-nova/imports";
const EVENT: &str = "23017cb7-e515-47b4-87c4-780735acc942";
const ORGANISER: &str = "5cf42d51-3a4f-46f0-a8af-1cf672be8c84";

/// A stand-in UiTdatabank: `/events.json` serves one event, `/events/` a search
/// (a collection with `member`) and notes its query, `/kapot` answers 500.
struct StandIn {
    base: String,
    queries: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn stand_in() -> StandIn {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/uitdatabank/udb3-search-service__event-original-permanent.json");
    let event = std::fs::read_to_string(path).expect("fixture");
    let search = format!(
        r#"{{"@context": "http://www.w3.org/ns/hydra/context.jsonld", "@type": "PagedCollection", "totalItems": 1, "member": [{event}]}}"#
    );
    let queries = Arc::new(Mutex::new(Vec::new()));
    let seen = queries.clone();
    let router = Router::new()
        .route("/events.json", get(move || async move { event }))
        .route(
            "/events/",
            get(move |RawQuery(query): RawQuery| async move {
                seen.lock()
                    .expect("queries")
                    .push(query.unwrap_or_default());
                search
            }),
        )
        .route(
            "/kapot",
            get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "kapot") }),
        );
    let (base, task) = support::serve_on_loopback(router).await;
    StandIn {
        base,
        queries,
        task,
    }
}

fn url_source(url: &str) -> serde_json::Value {
    json!({"kind": "search_url", "value": url})
}

fn published(app: &TestApp) -> Vec<u8> {
    let public = app.state.config.public_data_dir();
    std::fs::read(programme_path(&public, "demo-nova")).expect("published programme")
}

async fn staff_set_a_source_import_it_now_and_read_the_history(backend: Backend) {
    let source = stand_in().await;
    let app = TestApp::on(backend).await;
    let nova = app.session(NOVA).await;
    let none = app.get_as(SOURCE, &nova).await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.json["source"], serde_json::Value::Null);
    let nothing = app.request_as(Method::POST, IMPORT, None, &nova).await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(nothing.json["error"]["message"], "Bewaar eerst een bron.");

    // Checked by the rule the form runs, with Dutch messages.
    let cases = [
        (
            url_source("ftp://x.example/events"),
            "De zoek-URL moet met https:// beginnen.",
        ),
        (
            json!({"kind": "organiser", "value": "nova"}),
            "Een organisator-id bestaat",
        ),
        (url_source("  "), "Dit veld is verplicht."),
    ];
    for (body, message) in cases {
        let refused = app.request_as(Method::PUT, SOURCE, Some(body), &nova).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.json
        );
        let said = refused.json["error"]["message"]
            .as_str()
            .unwrap_or_default();
        assert!(said.starts_with(message), "{said}");
        assert_eq!(refused.json["error"]["field"], "value");
    }
    let events = format!("{}/events.json", source.base);
    let body = url_source(&format!(" {events} "));
    let no_csrf = nova.without_csrf();
    let refused = app
        .request_as(Method::PUT, SOURCE, Some(body.clone()), &no_csrf)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let wetteren = app.session(WETTEREN).await;
    for (method, path) in [
        (Method::GET, SOURCE),
        (Method::PUT, SOURCE),
        (Method::POST, IMPORT),
        (Method::GET, HISTORY),
    ] {
        let other = app
            .request_as(method, path, Some(body.clone()), &wetteren)
            .await;
        assert_eq!(
            other.status,
            StatusCode::FORBIDDEN,
            "{path}: another organisation"
        );
    }

    let saved = app.request_as(Method::PUT, SOURCE, Some(body), &nova).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.json);
    assert_eq!(saved.json["source"]["value"], events, "trimmed");
    assert_eq!(saved.json["changed_by"], NOVA.0);
    assert_eq!(app.get_as(SOURCE, &nova).await.json, saved.json);

    let run = app.request_as(Method::POST, IMPORT, None, &nova).await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.json);
    assert_eq!(run.json["report"]["kind"], "events");
    assert_eq!(run.json["report"]["imported"], 1, "{}", run.json);
    let programme = app.get("/data/culture-matcher/demo-nova.json").await;
    let ids: Vec<_> = programme.json["shows"]
        .as_array()
        .expect("shows")
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    assert!(ids.contains(&json!(EVENT)), "{ids:?}");
    let before = published(&app);

    // A source that fails: the programme stays, the run is in the history with why.
    let broken = url_source(&format!("{}/kapot", source.base));
    app.request_as(Method::PUT, SOURCE, Some(broken), &nova)
        .await;
    let failed = app.request_as(Method::POST, IMPORT, None, &nova).await;
    assert_eq!(failed.status, StatusCode::OK);
    assert_eq!(failed.json["report"]["imported"], 0);
    assert_eq!(
        failed.json["report"]["skipped"][0]["reason"],
        "the server answered 500 Internal Server Error"
    );
    assert_eq!(published(&app), before, "the previous programme stays");
    let history = app.get_as(HISTORY, &nova).await;
    let runs = history.json.as_array().cloned().unwrap_or_default();
    assert_eq!(runs.len(), 2, "{}", history.json);
    assert_eq!(
        runs[0]["started_at"], failed.json["started_at"],
        "newest first"
    );
    assert_eq!(runs[1]["started_at"], run.json["started_at"]);
    assert_eq!(runs[1]["report"]["imported"], 1);

    let removed = app.request_as(Method::DELETE, SOURCE, None, &nova).await;
    assert_eq!(removed.status, StatusCode::OK);
    assert_eq!(
        app.get_as(SOURCE, &nova).await.json["source"],
        serde_json::Value::Null
    );
}

async fn search_urls_are_https_only_outside_tests(backend: Backend) {
    let app = TestApp::with_config_on(backend, |c| c.allow_private_fetch = false).await;
    let nova = app.session(NOVA).await;
    let body = url_source("http://search.uitdatabank.be/events/?q=x");
    let refused = app.request_as(Method::PUT, SOURCE, Some(body), &nova).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json["error"]["message"],
        "De zoek-URL moet met https:// beginnen."
    );
    let body = url_source("https://search.uitdatabank.be/events/?q=x");
    let saved = app.request_as(Method::PUT, SOURCE, Some(body), &nova).await;
    assert_eq!(saved.status, StatusCode::OK);
}

async fn an_organiser_is_searched_with_the_operators_key(backend: Backend) {
    let source = stand_in().await;
    let search = format!("{}/events/", source.base);
    let app = TestApp::with_config_on(backend, |c| {
        c.uitdatabank_url = search;
        c.uitdatabank_key = ApiKey::new("geheime-sleutel");
    })
    .await;
    let nova = app.session(NOVA).await;
    // Pasted as its address, in capitals: the id is kept in lower case.
    let pasted = format!(
        "https://io.uitdatabank.be/organizers/{}",
        ORGANISER.to_uppercase()
    );
    let body = json!({"kind": "organiser", "value": pasted});
    let saved = app.request_as(Method::PUT, SOURCE, Some(body), &nova).await;
    assert_eq!(saved.json["source"]["value"], ORGANISER, "{}", saved.json);
    let run = app.request_as(Method::POST, IMPORT, None, &nova).await;
    assert_eq!(run.json["report"]["imported"], 1, "{}", run.json);
    let queries = source.queries.lock().expect("queries").clone();
    assert_eq!(
        queries,
        [format!(
            "organizerId={ORGANISER}&embed=true&limit=200&apiKey=geheime-sleutel"
        )]
    );
    let history = app.get_as(HISTORY, &nova).await;
    assert!(
        !history.json.to_string().contains("geheime-sleutel"),
        "the key is kept out of the history"
    );
}

/// A centre with a source whose Culture Matcher is paused: the refresh leaves it alone.
async fn paused_centre(app: &TestApp, url: &str) {
    let db = &app.state.db;
    let org = Organisation {
        kind: OrgKind::Centre,
        id: "cc-gepauzeerd".into(),
        name: "CC Gepauzeerd".into(),
        town: "Gent".into(),
        archived: false,
    };
    db.insert_org(&org).await.expect("centre");
    db.write_subscription(SubscriptionWrite {
        org: &OrgRef::new(OrgKind::Centre, "cc-gepauzeerd"),
        app: "culture-matcher",
        state: SubscriptionState::Paused,
        by: "admin@demo.invalid",
        at: "2026-12-05T09:00:00Z",
        population: None,
    })
    .await
    .expect("paused");
    let source = ProgrammeSource {
        kind: SourceKind::SearchUrl,
        value: url.into(),
    };
    db.set_programme_source(
        "cc-gepauzeerd",
        Some(&source),
        "x@demo.invalid",
        "2026-12-05T09:00:00Z",
    )
    .await
    .expect("source");
}

async fn a_tick_imports_every_centre_with_a_source_and_a_failure_keeps_the_programme(
    backend: Backend,
) {
    let source = stand_in().await;
    let app = TestApp::on(backend).await;
    let events = format!("{}/events.json", source.base);
    paused_centre(&app, &events).await;
    let refresher = ProgrammeRefresher::new(app.state.clone());
    assert!(
        refresher.tick().await.expect("tick").is_empty(),
        "no source yet"
    );

    let set = |url: String| {
        let db = app.state.db.clone();
        async move {
            let source = ProgrammeSource {
                kind: SourceKind::SearchUrl,
                value: url,
            };
            db.set_programme_source(
                "demo-nova",
                Some(&source),
                "cc.nova@demo.invalid",
                "2026-12-05T09:00:00Z",
            )
            .await
            .expect("source");
        }
    };
    set(events).await;
    let runs = refresher.tick().await.expect("tick");
    let centres: Vec<_> = runs.iter().map(|r| r.org.as_str()).collect();
    assert_eq!(centres, ["demo-nova"], "not the paused centre");
    assert!(runs[0].published(), "{runs:?}");
    let before = published(&app);

    set(format!("{}/kapot", source.base)).await;
    let runs = refresher.tick().await.expect("tick");
    assert!(!runs[0].published());
    assert_eq!(
        runs[0].error.as_deref(),
        Some("the server answered 500 Internal Server Error")
    );
    assert_eq!(published(&app), before, "the previous programme stays");
    let recorded = app
        .state
        .db
        .import_runs("centre", "demo-nova", 10)
        .await
        .expect("runs");
    assert_eq!(recorded.len(), 2, "both runs are recorded");
    assert!(
        app.state
            .db
            .import_runs("centre", "cc-gepauzeerd", 10)
            .await
            .expect("runs")
            .is_empty()
    );
}

async fn the_spawned_programme_refresh_runs_its_first_tick_at_start(backend: Backend) {
    let source = stand_in().await;
    let app = TestApp::on(backend).await;
    let url = ProgrammeSource {
        kind: SourceKind::SearchUrl,
        value: format!("{}/events.json", source.base),
    };
    app.state
        .db
        .set_programme_source(
            "demo-nova",
            Some(&url),
            "cc.nova@demo.invalid",
            "2026-12-05T09:00:00Z",
        )
        .await
        .expect("source");
    let task = ProgrammeRefresher::new(app.state.clone()).spawn(Duration::from_secs(3600));
    let recorded = support::runs_soon(&app, "centre", "demo-nova").await;
    task.abort();
    assert_eq!(recorded.len(), 1, "the first tick ran at start");
}

on_both_backends!(
    staff_set_a_source_import_it_now_and_read_the_history,
    search_urls_are_https_only_outside_tests,
    an_organiser_is_searched_with_the_operators_key,
    a_tick_imports_every_centre_with_a_source_and_a_failure_keeps_the_programme,
    the_spawned_programme_refresh_runs_its_first_tick_at_start,
);
