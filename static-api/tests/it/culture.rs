//! Culture Matcher's API: anonymous interaction counts and after-show feedback for shows
//! of a published programme only, and the centre's insight for its own staff.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use static_api::auth::hash_password;
use suite_domain::culture::insight::FEEDBACK_WORDS_KEPT;
use suite_domain::culture::programme::{
    Booking, Calendar, CalendarKind, Programme, Show, ShowStatus, Text,
};
use suite_domain::org::{OrgKind, Organisation, Role};
use support::{ADMIN, Backend, Session, TestApp, WETTEREN};

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
const CENTRE: &str = "demo-nova";

pub(crate) fn show(id: &str, title: &str) -> Show {
    Show {
        id: id.into(),
        title: Text::nl(title),
        description_html: Text::default(),
        genre: None,
        themes: vec![],
        venue: "zaal".into(),
        calendar: Calendar {
            kind: CalendarKind::Permanent,
            occurrences: vec![],
            start: None,
            end: None,
            opening_hours: vec![],
        },
        price: None,
        ages: None,
        image: None,
        trailer: None,
        booking: Booking::default(),
        organizer: None,
        status: ShowStatus::Available,
        bookable: true,
        in_swipe: true,
    }
}

/// Publishes a programme of `shows` for `centre` where the app reads it.
pub(crate) fn publish(app: &TestApp, centre: &str, shows: Vec<Show>) {
    let programme = Programme {
        centre: centre.into(),
        centre_name: "Cultuurcentrum Nova (demo)".into(),
        generated_at: "2026-11-28T10:00:00Z".into(),
        demo: true,
        venues: vec![],
        shows,
    };
    let dir = app.state.config.public_data_dir().join("culture-matcher");
    std::fs::create_dir_all(&dir).expect("programme folder");
    let json = serde_json::to_vec(&programme).expect("programme JSON");
    std::fs::write(dir.join(format!("{centre}.json")), json).expect("write programme");
}

async fn post(app: &TestApp, path: &str, body: Value) -> StatusCode {
    app.raw(
        Method::POST,
        path,
        Some(body.to_string()),
        &[("content-type", "application/json")],
    )
    .await
    .status
}

async fn post_from(app: &TestApp, peer: &str, path: &str, body: Value) -> support::TestResponse {
    app.raw_from(
        Some(peer),
        Method::POST,
        path,
        Some(body.to_string().into_bytes()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn interact(app: &TestApp, show: &str, interaction: &str) -> StatusCode {
    post(
        app,
        "/api/culture/demo-nova/interactions",
        json!({"show": show, "interaction": interaction}),
    )
    .await
}

async fn feedback(app: &TestApp, body: Value) -> StatusCode {
    post(app, "/api/culture/demo-nova/feedback", body).await
}

fn row<'a>(insight: &'a Value, show: &str) -> &'a Value {
    insight
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["show"] == show))
        .unwrap_or(&Value::Null)
}

async fn interactions_add_up_per_show_for_the_centres_staff(backend: Backend) {
    let app = TestApp::on(backend).await;
    publish(
        &app,
        CENTRE,
        vec![show("s-1", "Dansnacht"), show("s-2", "Stille film")],
    );
    for interaction in ["shown", "shown", "heart", "saved", "shared", "ticket"] {
        assert_eq!(
            interact(&app, "s-1", interaction).await,
            StatusCode::NO_CONTENT
        );
    }
    for interaction in ["shown", "cross", "suggested", "went", "went", "not_gone"] {
        assert_eq!(
            interact(&app, "s-2", interaction).await,
            StatusCode::NO_CONTENT
        );
    }

    let nova = app.session(NOVA).await;
    let res = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    assert_eq!(res.json[0]["show"], "s-1", "programme order");
    let s1 = row(&res.json, "s-1");
    assert_eq!(s1["title"], "Dansnacht");
    let counts = |r: &Value| {
        [
            "shown",
            "hearts",
            "crosses",
            "suggested",
            "saved",
            "shared",
            "tickets",
            "went",
            "not_gone",
        ]
        .map(|k| r[k].as_u64().unwrap_or(99))
    };
    assert_eq!(counts(s1), [2, 1, 0, 0, 1, 1, 1, 0, 0]);
    assert_eq!(
        counts(row(&res.json, "s-2")),
        [1, 0, 1, 1, 0, 0, 0, 2, 1],
        "went twice, did not go once"
    );
    assert_eq!(s1["feedback_count"], 0);
    assert_eq!(s1["rating_mean"], Value::Null);

    // Over time: every day of the last 31, today's counts on the last.
    let days = app
        .get_as("/api/culture/demo-nova/insight/days", &nova)
        .await;
    assert_eq!(days.status, StatusCode::OK, "{}", days.json);
    let list = days.json["days"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 31);
    let today = &list[30];
    assert_eq!(today["day"], days.json["to"]);
    assert_eq!(
        [
            &today["shown"],
            &today["hearts"],
            &today["crosses"],
            &today["went"],
            &today["not_gone"]
        ],
        [&json!(3), &json!(1), &json!(1), &json!(2), &json!(1)]
    );
    assert_eq!(list[0]["shown"], 0);
    // A period long gone counts nothing; a period that is not one is refused.
    let old = app
        .get_as(
            "/api/culture/demo-nova/insight?from=2020-01-01&to=2020-01-31",
            &nova,
        )
        .await;
    assert_eq!(old.status, StatusCode::OK);
    assert_eq!(row(&old.json, "s-1")["shown"], 0);
    let old_days = app
        .get_as(
            "/api/culture/demo-nova/insight/days?from=2020-01-01&to=2020-01-03",
            &nova,
        )
        .await;
    assert_eq!(old_days.json["days"].as_array().map(Vec::len), Some(3));
    for bad in [
        "from=2026-02-01&to=2026-01-01",
        "from=2020-01-01&to=2026-01-01",
        "to=nooit",
    ] {
        for path in ["insight", "insight/days", "insight.csv"] {
            let res = app
                .get_as(&format!("/api/culture/demo-nova/{path}?{bad}"), &nova)
                .await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}?{bad}");
        }
    }

    let csv = app
        .get_as("/api/culture/demo-nova/insight.csv", &nova)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let text = String::from_utf8_lossy(&csv.body);
    assert!(
        text.starts_with("show,title,")
            && text.contains("\"s-1\",\"Dansnacht\",2,1,0,0,1,1,1,0,0,0,")
            && text.contains("\"s-2\",\"Stille film\",1,0,1,1,0,0,0,2,1,0,"),
        "{text}"
    );
    let admin = app.session(ADMIN).await;
    assert_eq!(
        app.get_as("/api/culture/demo-nova/insight", &admin)
            .await
            .status,
        StatusCode::OK
    );
}

async fn centres_with_a_readable_programme_are_listed_publicly(backend: Backend) {
    let app = TestApp::on(backend).await;
    assert_eq!(app.get("/api/culture/centres").await.json, json!([]));
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    let dir = app.state.config.public_data_dir().join("culture-matcher");
    std::fs::write(dir.join("kapot.json"), b"[").expect("write");
    std::fs::write(dir.join("Niet Veilig.json"), b"{}").expect("write");
    let res = app.get("/api/culture/centres").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.json,
        json!([{"id": "demo-nova", "name": "Cultuurcentrum Nova (demo)"}])
    );
}

async fn unknown_centres_shows_and_interactions_are_refused(backend: Backend) {
    let app = TestApp::on(backend).await;
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    assert_eq!(
        interact(&app, "elders", "shown").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not a show of the programme"
    );
    assert_eq!(
        interact(&app, "", "shown").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        interact(&app, &"x".repeat(129), "shown").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        interact(&app, "s-1", "like").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not an interaction"
    );
    for path in [
        "/api/culture/nergens/interactions",
        "/api/culture/..%2Fbieblo/interactions",
        "/api/culture/Demo-Nova/interactions",
    ] {
        let status = post(&app, path, json!({"show": "s-1", "interaction": "shown"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let cross_site = app
        .raw(
            Method::POST,
            "/api/culture/demo-nova/interactions",
            Some(json!({"show": "s-1", "interaction": "shown"}).to_string()),
            &[
                ("content-type", "application/json"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    // A programme that cannot be read counts nothing.
    let dir = app.state.config.public_data_dir().join("culture-matcher");
    std::fs::write(dir.join("kapot.json"), b"{\"centre\":").expect("write");
    let status = post(
        &app,
        "/api/culture/kapot/interactions",
        json!({"show": "s-1", "interaction": "shown"}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let nova = app.session(NOVA).await;
    let res = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    assert_eq!(counts_total(&res.json), 0, "nothing refused was counted");
}

fn counts_total(insight: &Value) -> u64 {
    insight
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| {
            ["shown", "hearts", "crosses", "saved", "shared", "tickets"].map(|k| r[k].as_u64())
        })
        .flatten()
        .sum()
}

async fn feedback_is_summarised_and_own_words_are_capped(backend: Backend) {
    let app = TestApp::on(backend).await;
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    let answers = [
        json!({"show": "s-1", "rating": 5, "similar": true, "words": "  Wauw, wat een energie!  "}),
        json!({"show": "s-1", "rating": 4, "similar": true, "words": null}),
        json!({"show": "s-1", "rating": 2, "similar": false, "words": "   "}),
    ];
    for answer in answers {
        assert_eq!(feedback(&app, answer).await, StatusCode::NO_CONTENT);
    }
    for bad in [
        json!({"show": "s-1", "rating": 0, "similar": true, "words": null}),
        json!({"show": "s-1", "rating": 6, "similar": true, "words": null}),
        json!({"show": "s-1", "rating": 3, "similar": true, "words": "a".repeat(281)}),
        json!({"show": "onbekend", "rating": 3, "similar": true, "words": null}),
        json!({"show": "s-1", "rating": 3}),
    ] {
        assert_eq!(
            feedback(&app, bad.clone()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}"
        );
    }
    let nova = app.session(NOVA).await;
    let res = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    let s1 = row(&res.json, "s-1");
    assert_eq!(s1["feedback_count"], 3);
    let mean = s1["rating_mean"].as_f64().unwrap_or_default();
    assert!((mean - 11.0 / 3.0).abs() < 1e-4, "{mean}");
    assert_eq!(
        (s1["similar_yes"].clone(), s1["similar_no"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(s1["words"], json!(["Wauw, wat een energie!"]));

    for i in 0..FEEDBACK_WORDS_KEPT + 5 {
        let answer =
            json!({"show": "s-1", "rating": 3, "similar": true, "words": format!("woord {i}")});
        // Each from a phone of its own.
        let peer = format!("81.1.{}.{}:4000", i / 200, i % 200);
        assert_eq!(
            post_from(&app, &peer, "/api/culture/demo-nova/feedback", answer)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
    }
    let res = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    let words = row(&res.json, "s-1")["words"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(words.len(), FEEDBACK_WORDS_KEPT);
    assert_eq!(
        words[0],
        json!(format!("woord {}", FEEDBACK_WORDS_KEPT + 4)),
        "newest first"
    );
}

async fn public_writes_are_limited_per_address_and_capped_per_day(backend: Backend) {
    use static_api::rate_limit::{BURST, DAILY_CAP_PER_SHOW, WORDS_PER_ADDRESS_PER_DAY};
    let app = TestApp::on(backend).await;
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    let ticket = json!({"show": "s-1", "interaction": "ticket"});
    let path = "/api/culture/demo-nova/interactions";
    // One address floods: the bucket cuts it off, with a Retry-After.
    let mut counted = 0;
    let mut refused = None;
    let started = std::time::Instant::now();
    for _ in 0..400 {
        let res = post_from(&app, "6.6.6.6:1000", path, ticket.clone()).await;
        match res.status {
            StatusCode::NO_CONTENT => counted += 1,
            StatusCode::TOO_MANY_REQUESTS => refused = Some(res),
            other => panic!("{other}"),
        }
    }
    // The bucket, and what it regained while the flood went on.
    let regained = (started.elapsed().as_secs_f64() * static_api::rate_limit::PER_SECOND).ceil();
    assert!(counted >= BURST as usize, "{counted}");
    assert!(counted <= (BURST + regained) as usize + 1, "{counted}");
    let refused = refused.expect("the flood is refused");
    assert!(refused.header("retry-after").is_some());
    // Another phone is not affected.
    let other = post_from(&app, "81.1.1.1:1000", path, ticket.clone()).await;
    assert_eq!(other.status, StatusCode::NO_CONTENT);
    // Many addresses: the show's count for the day stops at its cap.
    for i in 0..5 {
        for _ in 0..250 {
            post_from(&app, &format!("81.2.0.{i}:1000"), path, ticket.clone()).await;
        }
    }
    let nova = app.session(NOVA).await;
    let insight = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    assert_eq!(
        row(&insight.json, "s-1")["tickets"].as_i64(),
        Some(DAILY_CAP_PER_SHOW)
    );

    // Real answers first, then a flood of answers from one address.
    let answer =
        |words: String| json!({"show": "s-1", "rating": 4, "similar": true, "words": words});
    let feedback_path = "/api/culture/demo-nova/feedback";
    for i in 0..3 {
        let res = post_from(
            &app,
            &format!("81.3.0.{i}:1"),
            feedback_path,
            answer(format!("echt {i}")),
        )
        .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT);
    }
    for i in 0..100 {
        post_from(
            &app,
            "7.7.7.7:1",
            feedback_path,
            answer(format!("spam {i}")),
        )
        .await;
    }
    let insight = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    let words: Vec<String> = row(&insight.json, "s-1")["words"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|w| w.as_str().map(String::from))
        .collect();
    for i in 0..3 {
        assert!(words.contains(&format!("echt {i}")), "{words:?}");
    }
    let spam = words.iter().filter(|w| w.starts_with("spam")).count();
    assert_eq!(spam, WORDS_PER_ADDRESS_PER_DAY as usize);

    // The centre's staff remove an answer's words; other staff cannot.
    let delete = "/api/culture/demo-nova/insight/words?show=s-1&words=spam%200";
    let gent = app.session(support::GENT).await;
    assert_eq!(
        app.request_as(Method::DELETE, delete, None, &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.request_as(Method::DELETE, delete, None, &nova.without_csrf())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = app.request_as(Method::DELETE, delete, None, &nova).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.json);
    assert_eq!(
        app.request_as(Method::DELETE, delete, None, &nova)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let insight = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    let left = row(&insight.json, "s-1")["words"].to_string();
    assert!(!left.contains("\"spam 0\""), "{left}");
    assert!(left.contains("spam 1"), "{left}");
}

async fn own_words_are_removed_after_the_retention(backend: Backend) {
    let app = TestApp::with_config_on(backend, |config| {
        config.feedback_retention = std::time::Duration::from_secs(0);
    })
    .await;
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    let res = post_from(
        &app,
        "81.1.1.1:1",
        "/api/culture/demo-nova/feedback",
        json!({"show": "s-1", "rating": 4, "similar": true, "words": "Mooi"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    // Words are kept by day: a round removes the days before today minus the
    // retention, so today's stay even with a retention of nothing.
    assert_eq!(
        static_api::housekeeping(&app.state).await.expect("round"),
        0
    );
    assert_eq!(
        app.state
            .db
            .purge_feedback_words("2000-01-01")
            .await
            .expect("purge"),
        0
    );
    let removed = app
        .state
        .db
        .purge_feedback_words("2999-01-01")
        .await
        .expect("purge");
    assert_eq!(removed, 1);
    let nova = app.session(NOVA).await;
    let insight = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    assert_eq!(row(&insight.json, "s-1")["words"], json!([]));
    assert_eq!(
        row(&insight.json, "s-1")["feedback_count"],
        1,
        "the counts stay"
    );
}

async fn feedback_on_a_saved_show_still_counts_after_it_left_the_programme(backend: Backend) {
    let app = TestApp::on(backend).await;
    publish(
        &app,
        CENTRE,
        vec![show("s-1", "Dansnacht"), show("s-2", "Stille film")],
    );
    assert_eq!(interact(&app, "s-1", "saved").await, StatusCode::NO_CONTENT);
    assert_eq!(interact(&app, "s-2", "shown").await, StatusCode::NO_CONTENT);
    // The next import publishes a programme without the two past shows.
    publish(&app, CENTRE, vec![show("s-3", "Nieuw")]);
    let answer = |show: &str| json!({"show": show, "rating": 4, "similar": true, "words": null});
    assert_eq!(feedback(&app, answer("s-1")).await, StatusCode::NO_CONTENT);
    assert_eq!(
        feedback(&app, answer("s-2")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "never saved, so no feedback expected"
    );
    let nova = app.session(NOVA).await;
    let res = app.get_as("/api/culture/demo-nova/insight", &nova).await;
    let shows: Vec<_> = res
        .json
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (r["show"].clone(), r["title"].clone()))
        .collect();
    assert_eq!(
        shows,
        [
            (json!("s-3"), json!("Nieuw")),
            (json!("s-1"), json!("s-1")),
            (json!("s-2"), json!("s-2")),
        ]
    );
    assert_eq!(row(&res.json, "s-1")["feedback_count"], 1);
}

/// A second centre with its own staff member, to test the scope.
async fn other_centre_staff(app: &TestApp) -> Session {
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

async fn insight_is_only_for_the_centres_own_staff_and_admins(backend: Backend) {
    let app = TestApp::on(backend).await;
    publish(&app, CENTRE, vec![show("s-1", "Dansnacht")]);
    assert_eq!(interact(&app, "s-1", "heart").await, StatusCode::NO_CONTENT);
    let elders = other_centre_staff(&app).await;
    let library = app.session(WETTEREN).await;
    for path in [
        "/api/culture/demo-nova/insight",
        "/api/culture/demo-nova/insight.csv",
        "/api/culture/demo-nova/insight/days",
    ] {
        assert_eq!(
            app.get(path).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        for session in [&elders, &library] {
            let res = app.get_as(path, session).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
            assert!(!String::from_utf8_lossy(&res.body).contains("Dansnacht"));
        }
    }
    assert_eq!(
        app.get_as("/api/culture/demo-elders/insight", &elders)
            .await
            .status,
        StatusCode::OK,
        "their own centre (nothing published yet)"
    );
    let admin = app.session(ADMIN).await;
    assert_eq!(
        app.get_as("/api/culture/nergens/insight", &admin)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

on_both_backends!(
    interactions_add_up_per_show_for_the_centres_staff,
    centres_with_a_readable_programme_are_listed_publicly,
    unknown_centres_shows_and_interactions_are_refused,
    feedback_is_summarised_and_own_words_are_capped,
    public_writes_are_limited_per_address_and_capped_per_day,
    own_words_are_removed_after_the_retention,
    feedback_on_a_saved_show_still_counts_after_it_left_the_programme,
    insight_is_only_for_the_centres_own_staff_and_admins,
);
