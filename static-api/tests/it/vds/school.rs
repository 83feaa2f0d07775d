//! The school side: a centre links its companies' shows to performances, publishes
//! them with class codes, the game reads a code (an unknown or expired one is 404 in
//! Dutch) and counts what classes did, and the centre reads the figures and their CSV.

use super::*;

const PERFORMANCES: &str = "/api/voor-de-show/centres/demo-nova/performances";

/// Demo Nova's new performance of `show` on `date`; the answer.
async fn perform(app: &TestApp, nova: &Session, show: i64, date: &str) -> support::TestResponse {
    let body = json!({"show": show, "date": date, "venue": "Grote zaal", "grades": ["8-10"]});
    app.request_as(Method::POST, PERFORMANCES, Some(body), nova)
        .await
}

/// Publishes performance `id`; the answer.
async fn publish(app: &TestApp, nova: &Session, id: i64) -> Value {
    let path = format!("{PERFORMANCES}/{id}/publish");
    let published = app.request_as(Method::POST, &path, None, nova).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.json);
    published.json
}

/// A day `days` from today, as `YYYY-MM-DD`.
fn day_from_today(days: i64) -> String {
    let today = static_api::import::now_rfc3339();
    let today = suite_domain::date::LocalDate::parse(&today[..10]).expect("today");
    suite_domain::date::LocalDate::from_days(today.days_since_epoch() + days)
        .expect("a day")
        .to_string()
}

async fn event(app: &TestApp, code: &str, body: Value) -> support::TestResponse {
    app.raw(
        Method::POST,
        &format!("/api/voor-de-show/play/{code}/events"),
        Some(body.to_string()),
        &[("content-type", "application/json")],
    )
    .await
}

async fn a_centre_publishes_performances_and_classes_play_them(backend: Backend) {
    let app = TestApp::on(backend).await;
    let (company, own) = new_company(&app, "Het Gezelschap", "gez@demo.invalid").await;
    let show = make_show(&app, &own, &company, show_data("De koffer")).await;
    let nova = app.session(NOVA).await;
    // Only shows of companies the centre invited, on a real day, with venue and grades.
    let demo_company = app.session(KLEIN_VERHAAL).await;
    let foreign = make_show(
        &app,
        &demo_company,
        "demo-klein-verhaal",
        show_data("Elders"),
    )
    .await;
    let refused = perform(&app, &nova, foreign, &day_from_today(10)).await;
    assert_eq!(refused.json["error"]["field"], "show", "{}", refused.json);
    let refused = perform(&app, &nova, show, "2026-02-30").await;
    assert_eq!(refused.json["error"]["field"], "date");
    let body = json!({"show": show, "date": day_from_today(3), "venue": " ", "grades": ["8-10"]});
    let refused = app
        .request_as(Method::POST, PERFORMANCES, Some(body), &nova)
        .await;
    assert_eq!(refused.json["error"]["field"], "venue");
    let body = json!({"show": show, "date": day_from_today(3), "venue": "Zaal", "grades": []});
    let refused = app
        .request_as(Method::POST, PERFORMANCES, Some(body), &nova)
        .await;
    assert_eq!(refused.json["error"]["field"], "grades");

    let made = perform(&app, &nova, show, &day_from_today(10)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    assert_eq!(made.json["published"], false);
    assert_eq!(made.json["show_title"], "De koffer");
    let id = made.json["id"].as_i64().expect("an id");
    let more = format!("{PERFORMANCES}/{id}/codes");
    let early = app.request_as(Method::POST, &more, None, &nova).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    let published = publish(&app, &nova, id).await;
    assert_eq!(published["published"], true);
    let code = published["codes"][0]["code"]
        .as_str()
        .expect("a code")
        .to_string();
    assert_eq!(code.len(), 6);
    assert!(!code.contains(['0', 'O', '1', 'I']), "{code}");
    assert_eq!(
        published["codes"][0]["link"],
        format!("/voor-de-show/?klas={code}")
    );
    assert_eq!(published["codes"][0]["expires_on"], day_from_today(24));
    // Publishing again makes no second code; a class of its own gets one on asking.
    assert_eq!(
        publish(&app, &nova, id).await["codes"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let second = app.request_as(Method::POST, &more, None, &nova).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.json["codes"].as_array().map(Vec::len), Some(2));

    // The game: the code (typed in any case) answers the show; nothing personal.
    let play = app
        .get(&format!("/api/voor-de-show/play/{}", code.to_lowercase()))
        .await;
    assert_eq!(play.status, StatusCode::OK, "{}", play.json);
    assert_eq!(play.json["code"], code.as_str());
    assert_eq!(play.json["centre"], "Cultuurcentrum Nova (demo)");
    assert_eq!(play.json["grades"], json!(["8-10"]));
    assert_eq!(play.json["show"]["title"], "De koffer");
    for unknown in ["ZZZZZZ", "ABC", "0OOOOO", "%20"] {
        let missing = app.get(&format!("/api/voor-de-show/play/{unknown}")).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{unknown}");
        assert!(
            missing.json["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("klascode")),
            "{}",
            missing.json
        );
    }
    // An unpublished performance's show is not played; an expired code is 404.
    let unpublished = perform(&app, &nova, show, &day_from_today(5)).await;
    assert_eq!(unpublished.json["codes"], json!([]));
    let past = perform(&app, &nova, show, &day_from_today(-15)).await;
    let past = publish(&app, &nova, past.json["id"].as_i64().expect("id")).await;
    let old = past["codes"][0]["code"].as_str().expect("a code");
    assert_eq!(past["codes"][0]["expires_on"], day_from_today(-1));
    let expired = app.get(&format!("/api/voor-de-show/play/{old}")).await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    assert_eq!(
        event(&app, old, json!({"assignment": "wat-als", "kind": "done"}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Events count per code, assignment and kind; bad ones are refused.
    for (assignment, kind) in [
        ("wat-als", "done"),
        ("wat-als", "done"),
        ("wat-als", "skipped"),
        ("ideeenmuur", "done"),
    ] {
        let counted = event(&app, &code, json!({"assignment": assignment, "kind": kind})).await;
        assert_eq!(counted.status, StatusCode::NO_CONTENT, "{}", counted.json);
    }
    let bad = event(
        &app,
        &code,
        json!({"assignment": "bestaat-niet", "kind": "done"}),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad = event(
        &app,
        &code,
        json!({"assignment": "wat-als", "kind": "half"}),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other_code = second.json["codes"][1]["code"].as_str().expect("a code");
    let counted = event(
        &app,
        other_code,
        json!({"assignment": "wat-als", "kind": "done"}),
    )
    .await;
    assert_eq!(counted.status, StatusCode::NO_CONTENT);

    let figures = app
        .get_as("/api/voor-de-show/centres/demo-nova/figures", &nova)
        .await;
    assert_eq!(figures.status, StatusCode::OK);
    assert_eq!(
        figures.json,
        json!({"shows": [{"show": show, "title": "De koffer", "classes": 2, "assignments": [
            {"assignment": "ideeenmuur", "done": 1, "skipped": 0},
            {"assignment": "wat-als", "done": 3, "skipped": 1},
        ]}]})
    );
    let csv = app
        .get_as("/api/voor-de-show/centres/demo-nova/figures.csv", &nova)
        .await;
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(
        String::from_utf8_lossy(&csv.body),
        "show,classes,assignment,done,skipped\n\"De koffer\",2,\"ideeenmuur\",1,0\n\"De koffer\",2,\"wat-als\",3,1\n"
    );
    // A company reads no centre's performances or figures.
    assert_eq!(
        app.get_as(PERFORMANCES, &own).await.status,
        StatusCode::FORBIDDEN
    );
}

/// A row in every Voor de Show table (for the copy to PostgreSQL): Demo Nova invited
/// Demo Klein Verhaal, whose show with an upload is performed, published with a code
/// that a class played.
pub(crate) async fn fill(db: &static_api::db::Db, at: &str) {
    let company = "demo-klein-verhaal";
    db.vds_link_company("demo-nova", company, at, NOVA.0)
        .await
        .expect("a link");
    let upload = static_api::db::vds::MediaRow {
        company: company.into(),
        id: "0123456789abcdef".into(),
        media_use: suite_domain::show::api::MediaUse::Image,
        content_type: "image/png".into(),
        file: "0123456789abcdef.png".into(),
        bytes: 1_000,
        width: Some(400),
        height: Some(300),
    };
    db.vds_insert_media(&upload, at).await.expect("an upload");
    let data: ShowData = serde_json::from_value(show_data("De koffer")).expect("show data");
    let show = db
        .vds_insert_show(company, &data, at, KLEIN_VERHAAL.0)
        .await
        .expect("a show");
    let performance = db
        .vds_insert_performance(
            "demo-nova",
            show,
            "2026-12-10",
            "Zaal",
            &[Grade::Ages8To10],
            at,
        )
        .await
        .expect("a performance");
    db.vds_publish(performance).await.expect("published");
    assert!(
        db.vds_insert_code("ABCDEF", performance, "2026-12-24", at)
            .await
            .expect("a code")
    );
    assert!(
        db.vds_count_play("ABCDEF", "wat-als", "done", "2026-12-11", 10)
            .await
            .expect("counted")
    );
}

async fn the_demo_has_a_published_show_with_a_class_code(backend: Backend) {
    let app = TestApp::on(backend).await;
    static_api::demo::vds::seed(&app.state.db)
        .await
        .expect("seeded");
    static_api::demo::vds::seed(&app.state.db)
        .await
        .expect("seeded once");
    let code = static_api::demo::vds::DEMO_CODE;
    let play = app.get(&format!("/api/voor-de-show/play/{code}")).await;
    assert_eq!(play.status, StatusCode::OK, "{}", play.json);
    assert_eq!(play.json["show"]["title"], "De koffer van Kobe (demo)");
    let nova = app.session(NOVA).await;
    let listed = app.get_as(PERFORMANCES, &nova).await;
    assert_eq!(listed.json.as_array().map(Vec::len), Some(1));
    assert_eq!(listed.json[0]["codes"][0]["code"], code);
}

on_both_backends!(
    a_centre_publishes_performances_and_classes_play_them,
    the_demo_has_a_published_show_with_a_class_code
);
