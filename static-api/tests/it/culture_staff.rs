//! The centre's Culture Matcher back-office: only the centre's own staff (and admins)
//! list, make, change and delete shows, choose the swipe, write venue notes and upload
//! media; the shared rule refuses bad shows field by field; every change is published.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use static_api::auth::hash_password;
use static_api::db::culture::programme_path;
use static_api::demo;
use suite_domain::culture::brussels::LocalDateTime;
use suite_domain::culture::programme::Programme;
use suite_domain::org::{OrgKind, Organisation, Role};
use support::{ADMIN, Backend, Session, TestApp, WETTEREN};

pub(crate) const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
pub(crate) const SHOWS: &str = "/api/culture/demo-nova/shows";
pub(crate) const MEDIA: &str = "/api/culture/demo-nova/media";

/// A real 1x1 PNG (one orange pixel), whole and with right checksums.
pub(crate) const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xdf, 0xc0, 0xf0,
    0x1f, 0x00, 0x06, 0x80, 0x02, 0x7f, 0xcf, 0x12, 0x09, 0xf1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];
/// The start of a WebM file (EBML header with doc type `webm`).
pub(crate) const WEBM_HEAD: &[u8] =
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm";

/// The demo data and Nova's demo programme, as `serve --demo` has them.
pub(crate) async fn app(backend: Backend) -> TestApp {
    let app = TestApp::on(backend).await;
    demo::seed_programmes(&app.state.db, &app.state.config.public_data_dir())
        .await
        .expect("demo programme");
    app
}

pub(crate) fn published(app: &TestApp) -> Programme {
    let path = programme_path(&app.state.config.public_data_dir(), "demo-nova");
    let bytes = std::fs::read(path).expect("published programme");
    serde_json::from_slice(&bytes).expect("programme JSON")
}

/// A wall time in Belgium `days` from now at 20:00, as a `datetime-local` value.
pub(crate) fn evening_in(days: i64) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let day = LocalDateTime::from_unix(now + days * 86_400).expect("a date");
    LocalDateTime {
        hour: 20,
        minute: 0,
        second: 0,
        ..day
    }
    .input_value()
}

pub(crate) async fn first_venue(app: &TestApp, s: &Session) -> String {
    let res = app.get_as("/api/culture/demo-nova/venues", s).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    res.json[0]["id"].as_str().expect("a venue").to_string()
}

pub(crate) fn show_body(venue: &str) -> Value {
    json!({
        "title": "Nachtegaal in de stad",
        "text": "Een <i>voorstelling</i> over vogels.\n\nMet muziek.",
        "genre": "0.54.0.0.0",
        "dates": [{"start": evening_in(7), "end": null}, {"start": evening_in(8)}],
        "venue": venue,
        "price_cents": 1200,
        "ticket_url": "https://tickets.example.org/nachtegaal",
        "trailer": "https://vimeo.com/76979871",
        "in_swipe": true
    })
}

/// A second centre with its own staff member.
pub(crate) async fn other_centre_staff(app: &TestApp) -> Session {
    let org = Organisation {
        kind: OrgKind::Centre,
        id: "demo-elders".into(),
        name: "Cultuurcentrum Elders (demo)".into(),
        town: "Aalst".into(),
        archived: false,
    };
    app.state.db.insert_org(&org).await.expect("second centre");
    let hash = hash_password("elders-wachtwoord".into())
        .await
        .expect("hash");
    let role = Role::CentreStaff {
        centre: "demo-elders".into(),
    };
    app.state
        .db
        .insert_staff(
            "cc.elders@demo.invalid",
            "Elders (demo)",
            &hash,
            &role,
            false,
        )
        .await
        .expect("staff of the second centre");
    app.session(("cc.elders@demo.invalid", "elders-wachtwoord"))
        .await
}

pub(crate) async fn upload(
    app: &TestApp,
    s: &Session,
    content_type: &str,
    body: &[u8],
) -> support::TestResponse {
    let mut headers = vec![
        ("cookie", s.cookie.as_str()),
        ("content-type", content_type),
    ];
    if !s.csrf.is_empty() {
        headers.push(("x-csrf-token", s.csrf.as_str()));
    }
    app.raw_bytes(Method::POST, MEDIA, Some(body.to_vec()), &headers)
        .await
}

async fn staff_make_change_and_delete_a_show_and_each_change_is_published(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let picture = upload(&app, &nova, "image/png", TINY_PNG).await;
    assert_eq!(picture.status, StatusCode::OK, "{}", picture.json);
    let mut body = show_body(&venue);
    body["image"] = picture.json["url"].clone();
    body["image_alt"] = json!("Een nachtegaal op een lantaarnpaal");

    let made = app
        .request_as(Method::POST, SHOWS, Some(body.clone()), &nova)
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    let id = made.json["id"].as_str().expect("id").to_string();
    assert!(id.starts_with("cc-"), "{id}");
    assert_eq!(made.json["origin"], "staff");
    assert_eq!(made.json["input"]["title"], "Nachtegaal in de stad");
    assert_eq!(
        made.json["input"]["dates"][0]["start"],
        json!(evening_in(7))
    );

    let programme = published(&app);
    let show = programme.show(&id).expect("published at once");
    assert!(show.in_swipe);
    assert_eq!(
        show.description_html.nl,
        "<p>Een &lt;i&gt;voorstelling&lt;/i&gt; over vogels.</p><p>Met muziek.</p>"
    );
    assert_eq!(
        show.genre.as_ref().map(|g| g.label.as_str()),
        Some("Dansvoorstelling")
    );
    assert_eq!(show.calendar.occurrences.len(), 2);
    assert_eq!(
        show.booking.url.as_deref(),
        Some("https://tickets.example.org/nachtegaal")
    );
    let image = show
        .image
        .as_ref()
        .and_then(|i| i.src.clone())
        .expect("image");
    let served = image::load_from_memory(&app.get(&image).await.body).expect("served under /data");
    assert_eq!((served.width(), served.height()), (1, 1));

    let listed = app.get_as(SHOWS, &nova).await;
    assert_eq!(listed.status, StatusCode::OK);
    let rows = listed.json.as_array().expect("list");
    assert!(rows.len() > 40, "imported and own shows");
    assert!(
        rows.iter()
            .any(|r| r["id"] == id.as_str() && r["origin"] == "staff")
    );
    assert!(
        rows.iter()
            .any(|r| r["origin"] == "import" && r.get("input").is_none())
    );

    body["title"] = json!("Nachtegaal, herneming");
    body["in_swipe"] = json!(false);
    body["price_cents"] = json!(0);
    let path = format!("{SHOWS}/{id}");
    let saved = app.request_as(Method::PUT, &path, Some(body), &nova).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.json);
    let show = published(&app).show(&id).cloned().expect("still published");
    assert_eq!(show.title.nl, "Nachtegaal, herneming");
    assert!(!show.in_swipe);
    assert!(show.price.as_ref().is_some_and(|p| p.is_free()));

    let gone = app.request_as(Method::DELETE, &path, None, &nova).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert!(
        published(&app).show(&id).is_none(),
        "gone from the programme"
    );
    let again = app.request_as(Method::DELETE, &path, None, &nova).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

async fn imported_shows_only_go_in_or_out_of_the_swipe(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let programme = published(&app);
    let imported = programme
        .shows
        .iter()
        .find(|s| s.in_swipe)
        .expect("an imported show in the swipe")
        .id
        .clone();
    let path = format!("{SHOWS}/{imported}");
    for (method, body) in [
        (Method::DELETE, None),
        (Method::PUT, Some(show_body(&venue))),
    ] {
        let res = app.request_as(method.clone(), &path, body, &nova).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{method} {}", res.json);
    }
    assert!(published(&app).show(&imported).is_some(), "not deleted");

    let swipe = format!("{path}/swipe");
    let out = app
        .request_as(Method::PUT, &swipe, Some(json!({"in_swipe": false})), &nova)
        .await;
    assert_eq!(out.status, StatusCode::OK, "{}", out.json);
    assert_eq!(out.json["in_swipe"], false);
    assert_eq!(out.json["origin"], "import");
    let show = published(&app).show(&imported).cloned().expect("published");
    assert!(
        !show.in_swipe,
        "out of the swipe in the published programme"
    );
    let back = app
        .request_as(Method::PUT, &swipe, Some(json!({"in_swipe": true})), &nova)
        .await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(published(&app).show(&imported).is_some_and(|s| s.in_swipe));
    let listed = app.get_as(SHOWS, &nova).await;
    let row = listed
        .json
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == imported.as_str()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(row["in_swipe"], true);

    let unknown = app
        .request_as(
            Method::PUT,
            &format!("{SHOWS}/bestaat-niet/swipe"),
            Some(json!({"in_swipe": true})),
            &nova,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn bad_shows_are_refused_with_the_field_that_is_wrong(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let before = published(&app).shows.len();
    let cases: [(&str, Value, &str); 9] = [
        ("title", json!(" "), "title"),
        ("title", json!("x".repeat(121)), "title"),
        ("genre", json!("Toneel"), "genre"),
        ("dates", json!([]), "dates"),
        (
            "dates",
            json!([{"start": evening_in(3), "end": evening_in(2)}]),
            "dates.0.end",
        ),
        ("venue", json!("zaal-van-elders"), "venue"),
        ("ticket_url", json!("javascript:alert(1)"), "ticket_url"),
        (
            "image",
            json!("/data/culture-matcher/media/demo-nova/0123456789abcdef.png"),
            "image",
        ),
        (
            "trailer",
            json!("https://evil.example/trailer.mp4"),
            "trailer",
        ),
    ];
    for (key, value, field) in cases {
        let mut body = show_body(&venue);
        body[key] = value;
        let res = app.request_as(Method::POST, SHOWS, Some(body), &nova).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{key}: {}",
            res.json
        );
        assert_eq!(res.json["error"]["code"], "invalid_input");
        assert_eq!(res.json["error"]["field"], field, "{key}");
        assert!(
            res.json["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    let res = app
        .request_as(
            Method::POST,
            SHOWS,
            Some(json!({"title": "Zonder meer"})),
            &nova,
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing fields"
    );
    assert_eq!(published(&app).shows.len(), before, "nothing was published");
}

async fn other_centres_libraries_and_requests_without_csrf_are_refused(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let before = published(&app);
    let imported = before.shows[0].id.clone();
    let elders = other_centre_staff(&app).await;
    let library = app.session(WETTEREN).await;
    let body = show_body(&venue);
    let show = format!("{SHOWS}/{imported}");
    let venue_path = format!("/api/culture/demo-nova/venues/{venue}");
    let requests: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, SHOWS.into(), None),
        (Method::POST, SHOWS.into(), Some(body.clone())),
        (Method::PUT, show.clone(), Some(body)),
        (Method::DELETE, show.clone(), None),
        (
            Method::PUT,
            format!("{show}/swipe"),
            Some(json!({"in_swipe": false})),
        ),
        (Method::GET, "/api/culture/demo-nova/venues".into(), None),
        (
            Method::PUT,
            venue_path,
            Some(json!({"transport_note": "Overgenomen"})),
        ),
    ];
    for (method, path, body) in &requests {
        let res = app
            .raw(
                method.clone(),
                path,
                body.as_ref().map(Value::to_string),
                &[("content-type", "application/json")],
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNAUTHORIZED,
            "anonymous {method} {path}"
        );
        for (who, session) in [("other centre", &elders), ("library", &library)] {
            let res = app
                .request_as(method.clone(), path, body.clone(), session)
                .await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{who}: {method} {path}");
            assert!(
                !String::from_utf8_lossy(&res.body).contains("demo-show"),
                "{who} sees nothing"
            );
        }
        if *method != Method::GET {
            let res = app
                .request_as(method.clone(), path, body.clone(), &nova.without_csrf())
                .await;
            assert_eq!(
                res.status,
                StatusCode::FORBIDDEN,
                "no CSRF: {method} {path}"
            );
            assert_eq!(res.json["error"]["code"], "csrf");
        }
    }
    for session in [&elders, &library] {
        let res = upload(&app, session, "image/png", TINY_PNG).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
    let res = upload(&app, &nova.without_csrf(), "image/png", TINY_PNG).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let after = published(&app);
    assert_eq!(
        after.shows, before.shows,
        "no show made, changed or deleted"
    );
    assert_eq!(after.venues, before.venues, "no note changed");

    // An admin manages any centre; the other centre's staff their own (empty) one.
    let admin = app.session(ADMIN).await;
    assert_eq!(app.get_as(SHOWS, &admin).await.status, StatusCode::OK);
    let own = app.get_as("/api/culture/demo-elders/shows", &elders).await;
    assert_eq!((own.status, own.json.clone()), (StatusCode::OK, json!([])));
    assert_eq!(
        app.get_as("/api/culture/nergens/shows", &admin)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn venue_notes_are_saved_published_and_checked(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let path = format!("/api/culture/demo-nova/venues/{venue}");
    let notes = json!({"transport_note": " Tram 4 tot het Zuid ", "bike_note": ""});
    let res = app.request_as(Method::PUT, &path, Some(notes), &nova).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    assert_eq!(res.json["transport_note"], "Tram 4 tot het Zuid");
    assert!(res.json.get("bike_note").is_none(), "a blank note clears");
    let programme = published(&app);
    let published_venue = programme.venue(&venue).expect("venue");
    assert_eq!(
        published_venue.transport_note.as_deref(),
        Some("Tram 4 tot het Zuid")
    );
    assert_eq!(published_venue.bike_note, None);

    let long = json!({"bike_note": "x".repeat(501)});
    let res = app.request_as(Method::PUT, &path, Some(long), &nova).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json["error"]["field"], "bike_note");
    let res = app
        .request_as(
            Method::PUT,
            "/api/culture/demo-nova/venues/nergens",
            Some(json!({})),
            &nova,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

async fn parallel_staff_changes_never_fail_and_readers_never_see_half_a_programme(
    backend: Backend,
) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let shows: Vec<String> = published(&app)
        .shows
        .iter()
        .map(|s| s.id.clone())
        .take(20)
        .collect();
    let path = programme_path(&app.state.config.public_data_dir(), "demo-nova");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A reader of the published file, looping while the staff change it.
    let reader = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut reads = 0_u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let bytes = std::fs::read(&path).expect("always there");
                serde_json::from_slice::<Programme>(&bytes).expect("always whole JSON");
                reads += 1;
            }
            reads
        })
    };
    let mut changes = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (router, nova, show) = (
            app.router.clone(),
            nova.clone(),
            shows[i % shows.len()].clone(),
        );
        changes.spawn(async move {
            let request = axum::http::Request::builder()
                .method(Method::PUT)
                .uri(format!("/api/culture/demo-nova/shows/{show}/swipe"))
                .header("cookie", &nova.cookie)
                .header("x-csrf-token", &nova.csrf)
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({"in_swipe": i % 2 == 0}).to_string(),
                ))
                .expect("request");
            use tower::ServiceExt;
            router.oneshot(request).await.expect("answer").status()
        });
    }
    while let Some(status) = changes.join_next().await {
        assert_eq!(status.expect("task"), StatusCode::OK);
    }
    // Publishing itself, 40 times at once (as the staff changes, an import and the
    // refresh may): every publish succeeds.
    let mut publishes = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (db, public) = (app.state.db.clone(), app.state.config.public_data_dir());
        publishes
            .spawn(async move { db.publish_programme("demo-nova", &public).await.map(|_| ()) });
    }
    while let Some(done) = publishes.join_next().await {
        done.expect("task").expect("every publish succeeds");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(reader.join().expect("reader") > 0);
    // The last state is what is published: every show's swipe choice as stored.
    let stored = app.get_as(SHOWS, &nova).await;
    let programme = published(&app);
    for show in &shows {
        let stored_choice = stored
            .json
            .as_array()
            .and_then(|a| a.iter().find(|s| s["id"] == show.as_str()))
            .map(|s| s["in_swipe"].clone());
        let published_choice = programme
            .shows
            .iter()
            .find(|s| &s.id == show)
            .map(|s| json!(s.in_swipe));
        assert_eq!(stored_choice, published_choice, "{show}");
    }
}

on_both_backends!(multi_thread: parallel_staff_changes_never_fail_and_readers_never_see_half_a_programme);

on_both_backends!(
    staff_make_change_and_delete_a_show_and_each_change_is_published,
    imported_shows_only_go_in_or_out_of_the_swipe,
    bad_shows_are_refused_with_the_field_that_is_wrong,
    other_centres_libraries_and_requests_without_csrf_are_refused,
    venue_notes_are_saved_published_and_checked,
);
