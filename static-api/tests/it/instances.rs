//! Several instances of the server on one database: live events reach the live views of
//! every instance (PostgreSQL: LISTEN/NOTIFY; one SQLite process: in memory), and the
//! scheduled catalogue refresh runs on one instance at a time, once per interval; the
//! login limits and the limits on public writes count what reaches every instance.

use std::time::{Duration, Instant};

use crate::support::{self, Backend, TestApp};
use axum::http::{Method, StatusCode};
use serde_json::json;
use static_api::demo;
use static_api::import::refresh::{Refresher, TickError};
use suite_domain::api::LiveEvent;
use support::catalogue::{FakeCatalogue, Plan};

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const LIVE: &str = "/api/live/published";
/// How soon a change must reach a live view of another instance (the figure).
const WITHIN: Duration = Duration::from_secs(1);

/// The demo data with Nova's published programme.
async fn app(backend: Backend) -> TestApp {
    let app = TestApp::on(backend).await;
    demo::seed_programmes(&app.state.db, &app.state.config.public_data_dir())
        .await
        .expect("demo programme");
    app
}

/// Changes a venue note of Nova through `app` (the programme is published anew).
async fn change_a_venue_note(app: &TestApp, note: &str) {
    let nova = app.session(NOVA).await;
    let venues = app.get_as("/api/culture/demo-nova/venues", &nova).await;
    let venue = venues.json[0]["id"].as_str().expect("a venue").to_string();
    let res = app
        .request_as(
            Method::PUT,
            &format!("/api/culture/demo-nova/venues/{venue}"),
            Some(json!({"transport_note": note})),
            &nova,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
}

fn programme_published() -> LiveEvent {
    LiveEvent::Published {
        path: "/data/culture-matcher/demo-nova.json".into(),
    }
}

async fn a_change_reaches_a_live_view_of_the_same_instance(backend: Backend) {
    let app = app(backend).await;
    let (status, headers, mut stream) = app.open_stream(LIVE).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    assert!(
        support::next_event(&mut stream, Duration::from_millis(200))
            .await
            .is_none(),
        "nothing changed yet"
    );
    change_a_venue_note(&app, "Tram 4 tot het Zuid").await;
    let (name, data) = support::next_event(&mut stream, WITHIN)
        .await
        .expect("the change arrives");
    assert_eq!(name, "published");
    let event: LiveEvent = serde_json::from_str(&data).expect("a live event");
    assert_eq!(event, programme_published());
}

async fn a_change_through_one_instance_reaches_a_live_view_of_another() {
    let one = app(Backend::Postgres).await;
    let two = one.second_instance().await;
    let (status, _, mut on_two) = two.open_stream(LIVE).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, mut on_one) = one.open_stream(LIVE).await;

    let started = Instant::now();
    change_a_venue_note(&one, "Bus 17 tot de Markt").await;
    let (name, data) = support::next_event(&mut on_two, WITHIN)
        .await
        .expect("the change made through instance one reaches instance two within 1 s");
    let took = started.elapsed();
    assert_eq!(name, "published");
    assert_eq!(
        serde_json::from_str::<LiveEvent>(&data).expect("a live event"),
        programme_published()
    );
    // The instance the change went through hears it too, once.
    assert!(support::next_event(&mut on_one, WITHIN).await.is_some());
    assert!(
        support::next_event(&mut on_one, Duration::from_millis(300))
            .await
            .is_none(),
        "one change, one event"
    );
    // And the other way round.
    change_a_venue_note(&two, "Tram 1").await;
    assert!(support::next_event(&mut on_one, WITHIN).await.is_some());
    eprintln!(
        "a change reached the other instance's live view after {took:?} (login and change included)"
    );
}

on_both_backends!(a_change_reaches_a_live_view_of_the_same_instance);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_postgresql_share_live_events() {
    a_change_through_one_instance_reaches_a_live_view_of_another().await;
}

/// Two instances on one PostgreSQL database, each with its refresh: while one ticks, the
/// other's tick is refused; a tick soon after another instance's does nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_catalogue_refresh_at_a_time_across_instances() {
    let mut plan = Plan::default();
    plan.delay.insert("search", Duration::from_millis(400));
    let catalogue = FakeCatalogue::start(plan).await;
    let one = TestApp::on(Backend::Postgres).await;
    let two = one.second_instance().await;
    // One search per library (the themes' dozen searches, each delayed, take a minute).
    let queries = || vec!["subject:geheimen".to_string()];
    let on_one = Refresher::new(one.state.clone(), catalogue.client()).with_queries(queries());
    let on_two = Refresher::new(two.state.clone(), catalogue.client()).with_queries(queries());

    let (first, second) = tokio::join!(on_one.tick(), async {
        // Let instance one take the lock first.
        tokio::time::sleep(Duration::from_millis(100)).await;
        on_two.tick().await
    });
    let runs = first.expect("instance one refreshes");
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert!(
        matches!(second, Err(TickError::BusyElsewhere)),
        "{second:?}"
    );
    // Done: the lock is free again, and with a gap a fresh tick elsewhere waits its turn.
    let soon = Refresher::new(two.state.clone(), catalogue.client())
        .with_queries(queries())
        .with_min_gap(Duration::from_secs(3600));
    assert!(
        matches!(soon.tick().await, Err(TickError::RecentlyDone(_))),
        "another instance refreshed a moment ago"
    );
    let runs = on_two
        .tick()
        .await
        .expect("without a gap instance two may refresh");
    assert_eq!(runs.len(), 2);
}

/// Wrong logins for one email from one address, spread over two instances at once: at
/// most five passwords are verified between them, and both then make the address wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_limits_count_the_attempts_of_every_instance() {
    let one = TestApp::on(Backend::Postgres).await;
    let two = one.second_instance().await;
    let before = one.state.passwords.verifications() + two.state.passwords.verifications();
    let peer = "81.1.1.1:4000";
    let attempts = (0..60).map(|i| {
        let app = if i % 2 == 0 { &one } else { &two };
        async move {
            app.login_from(peer, support::ADMIN.0, &format!("wrong-{i}"), &[])
                .await
                .status
        }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let verified =
        one.state.passwords.verifications() + two.state.passwords.verifications() - before;
    assert!(
        verified <= 5,
        "{verified} passwords verified over two instances"
    );
    let wrong = answers
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(wrong as u64, verified, "{answers:?}");
    for app in [&one, &two] {
        let res = app
            .login_from(peer, support::ADMIN.0, support::ADMIN.1, &[])
            .await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS, "{}", res.json);
        assert!(res.header("retry-after").is_some());
    }
    // The admin at another address is not locked out, on either instance; a right
    // login clears nothing for the attacker's address.
    let res = two
        .login_from("81.9.9.9:4000", support::ADMIN.0, support::ADMIN.1, &[])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let res = one
        .login_from(peer, support::ADMIN.0, support::ADMIN.1, &[])
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

/// A flood of public writes from one address spread over two instances: between them
/// they take one bucket's burst, not two.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_write_limits_count_the_writes_of_every_instance() {
    let one = app(Backend::Postgres).await;
    let two = one.second_instance().await;
    let programme = one.get("/data/culture-matcher/demo-nova.json").await;
    let show = programme.json["shows"][0]["id"]
        .as_str()
        .expect("a show")
        .to_string();
    let body = json!({"show": show, "interaction": "ticket"}).to_string();
    let started = Instant::now();
    let mut accepted = 0;
    for i in 0..700 {
        let app = if i % 2 == 0 { &one } else { &two };
        let res = app
            .raw_from(
                Some("81.1.1.1:4000"),
                Method::POST,
                "/api/culture/demo-nova/interactions",
                Some(body.clone().into_bytes()),
                &[("content-type", "application/json")],
            )
            .await;
        match res.status {
            StatusCode::NO_CONTENT => accepted += 1,
            StatusCode::TOO_MANY_REQUESTS => assert!(res.header("retry-after").is_some()),
            other => panic!("{other}: {}", res.json),
        }
    }
    let refilled =
        (started.elapsed().as_secs_f64() * static_api::rate_limit::PER_SECOND) as usize + 1;
    let burst = static_api::rate_limit::BURST as usize;
    assert!(
        (burst..=burst + refilled).contains(&accepted),
        "{accepted} of 700 accepted over two instances (burst {burst}, refill {refilled})"
    );

    // Own words of after-show answers: five per address and day between the instances.
    let address = "81.1.1.1".parse().ok();
    let allowed = [&one, &two, &one, &two, &one, &two, &one];
    let mut kept = Vec::new();
    for app in allowed {
        kept.push(
            app.state
                .public_writes
                .words_allowed(address, "2026-12-04")
                .await,
        );
    }
    assert_eq!(kept, [true, true, true, true, true, false, false]);
    assert!(
        two.state
            .public_writes
            .words_allowed("81.1.1.2".parse().ok(), "2026-12-04")
            .await,
        "another address"
    );
    assert!(
        one.state
            .public_writes
            .words_allowed(address, "2026-12-05")
            .await,
        "the next day"
    );
}
