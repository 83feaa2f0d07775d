//! The scheduled catalogue refresh: one tick imports every library with an active kiosk
//! from a stand-in catalogue on loopback, publishes its snapshot and records the run the
//! back-office shows; a failing run keeps the previous snapshot; ticks never overlap;
//! demo snapshots are left alone.

use crate::support;

use std::time::Duration;

use axum::http::{Method, StatusCode};
use static_api::import::catalogue::snapshot_path;
use static_api::import::live::LiveClient;
use static_api::import::refresh::{Refresher, TickError};
use support::catalogue::{FakeCatalogue, KID_ID, Plan};
use support::{Backend, GENT, TestApp, WETTEREN};

async fn a_tick_publishes_every_active_kiosks_snapshot_and_records_the_runs(backend: Backend) {
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let app = TestApp::on(backend).await;
    // Both of Wetteren's kiosks are on: its catalogue is still read once.
    let on = suite_domain::bieblo::kiosk::KioskSettingsUpdate {
        idle_seconds: 60,
        active: true,
        lang: suite_domain::i18n::Lang::Nl,
    };
    app.state
        .db
        .save_kiosk("demo-wetteren", "uitleenpost-massemen-demo", &on)
        .await
        .expect("second kiosk on");
    let refresher = Refresher::new(app.state.clone(), catalogue.client());
    let runs = refresher.tick().await.expect("tick");
    let libraries: Vec<_> = runs.iter().map(|r| r.org.as_str()).collect();
    assert_eq!(
        libraries,
        ["demo-gent", "demo-wetteren"],
        "the libraries with an active kiosk, once each"
    );
    assert!(
        runs.iter().all(|r| r.published() && r.imported == 1),
        "{runs:?}"
    );
    let profiles: Vec<_> = catalogue
        .hits("details")
        .iter()
        .map(|h| h.profile.clone())
        .collect();
    assert_eq!(
        profiles,
        ["demo-gent", "demo-wetteren"],
        "the profile is the library id"
    );

    let res = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["books"][0]["id"], KID_ID);

    let recorded = app
        .state
        .db
        .import_runs("library", "demo-wetteren", 10)
        .await
        .expect("runs");
    assert_eq!(recorded.len(), 1);
    let wetteren = app.session(WETTEREN).await;
    let shown = app
        .get_as("/api/bieblo/demo-wetteren/imports", &wetteren)
        .await;
    assert_eq!(shown.json[0]["report"]["imported"], 1, "{}", shown.json);
    assert_eq!(shown.json[0]["report"]["kind"], "catalogue");
}

async fn a_failing_run_keeps_the_previous_snapshot_and_is_recorded(backend: Backend) {
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let app = TestApp::on(backend).await;
    let good = Refresher::new(app.state.clone(), catalogue.client());
    good.refresh("demo-wetteren").await;
    let path = snapshot_path(&app.state.config.public_data_dir(), "demo-wetteren");
    let before = std::fs::read(&path).expect("published");

    let refused = LiveClient::new(catalogue.config_with_key("expired-key")).expect("client");
    let summary = Refresher::new(app.state.clone(), refused)
        .refresh("demo-wetteren")
        .await;
    assert!(!summary.published());
    let error = summary.error.clone().unwrap_or_default();
    assert!(
        error.contains("UnAuthorized (Missing authorization)"),
        "{error}"
    );
    assert!(!error.contains("expired-key"), "{error}");
    assert_eq!(std::fs::read(&path).expect("still there"), before);

    let wetteren = app.session(WETTEREN).await;
    let shown = app
        .get_as("/api/bieblo/demo-wetteren/imports", &wetteren)
        .await;
    let runs = shown.json.as_array().cloned().unwrap_or_default();
    assert_eq!(runs.len(), 2, "{}", shown.json);
    assert_eq!(runs[0]["report"]["imported"], 0, "newest first");
    assert!(
        runs[0]["report"]["skipped"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("refused the API key")),
        "{}",
        shown.json
    );
    assert_eq!(runs[1]["report"]["imported"], 1);
}

async fn staff_refresh_their_library_now_where_a_key_is_configured(backend: Backend) {
    // Without a key: the back-office is told, and a refresh is refused.
    let plain = TestApp::on(backend).await;
    let wetteren = plain.session(WETTEREN).await;
    let live = plain.get_as("/api/bieblo/catalogue", &wetteren).await;
    assert_eq!(live.json["live"], false);
    let refused = plain
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/refresh",
            None,
            &wetteren,
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);

    // With a key (here the stand-in catalogue's).
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let mut state = static_api::AppState::open((*plain.state.config).clone())
        .await
        .expect("state");
    state.catalogue = Some(catalogue.client());
    let app = TestApp::with_state(state);
    let wetteren = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/bieblo/catalogue", &wetteren).await.json["live"],
        true
    );
    let run = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/refresh",
            None,
            &wetteren,
        )
        .await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.json);
    assert_eq!(run.json["report"]["imported"], 1, "{}", run.json);
    let profiles: Vec<_> = catalogue
        .hits("details")
        .iter()
        .map(|h| h.profile.clone())
        .collect();
    assert_eq!(profiles, ["demo-wetteren"], "only this library");
    let shown = app
        .get_as("/api/bieblo/demo-wetteren/imports", &wetteren)
        .await;
    assert_eq!(shown.json[0]["started_at"], run.json["started_at"]);
    let published = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(published.json["books"][0]["id"], KID_ID);
    // Another library's staff may not.
    let gent = app.session(GENT).await;
    let other = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/refresh",
            None,
            &gent,
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

async fn ticks_never_overlap_and_demo_snapshots_are_left_alone(backend: Backend) {
    let mut plan = Plan::default();
    plan.delay.insert("search", Duration::from_millis(300));
    let catalogue = FakeCatalogue::start(plan).await;
    let app = TestApp::on(backend).await;
    let refresher = Refresher::new(app.state.clone(), catalogue.client())
        .with_queries(vec!["subject:geheimen".into()]);
    let (first, second) = tokio::join!(refresher.tick(), refresher.tick());
    let busy = [&first, &second]
        .iter()
        .filter(|r| matches!(r, Err(TickError::Busy)))
        .count();
    assert_eq!(busy, 1, "{first:?} {second:?}");
    assert!(first.is_ok() || second.is_ok());

    static_api::demo::seed_snapshots(&app.state.config.public_data_dir()).expect("demo");
    let before = catalogue.hits("search").len();
    let runs = refresher.tick().await.expect("tick");
    assert!(runs.is_empty(), "{runs:?}");
    assert_eq!(catalogue.hits("search").len(), before, "nothing asked");
}

async fn the_spawned_refresh_runs_its_first_tick_at_start(backend: Backend) {
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let app = TestApp::on(backend).await;
    let task = Refresher::new(app.state.clone(), catalogue.client())
        .with_queries(vec!["subject:geheimen".into()])
        .spawn(Duration::from_secs(3600));
    let recorded = support::runs_soon(&app, "library", "demo-gent").await;
    task.abort();
    assert_eq!(recorded.len(), 1, "the first tick ran at start");
}

on_both_backends!(
    a_tick_publishes_every_active_kiosks_snapshot_and_records_the_runs,
    a_failing_run_keeps_the_previous_snapshot_and_is_recorded,
    staff_refresh_their_library_now_where_a_key_is_configured,
    ticks_never_overlap_and_demo_snapshots_are_left_alone,
    the_spawned_refresh_runs_its_first_tick_at_start,
);
