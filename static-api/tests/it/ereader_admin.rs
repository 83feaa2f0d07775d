//! The e-reader's back-office, on SQLite and PostgreSQL: the libraries taking part follow
//! their `e-reader` subscription (joining with its population, leaving when it is paused,
//! their members locked out meanwhile); the admin uploads EPUBs (a broken one gets the
//! Dutch report and the English detail and nothing is kept, the same file twice is a
//! conflict), sets licences by hand and back to the rule (which follows the population),
//! and reads the statistics per title; library staff may read those statistics only.

use crate::support::{ADMIN, Backend, Session, TestApp, WETTEREN};

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use static_api::auth::member::card_hash;
use suite_domain::lending::Policy;

const CARD: &str = "2000000000012";
const PIN: &str = "4321";
const MOBY: &[u8] = include_bytes!("../../../tests/fixtures/epub/books/moby-dick.epub");
const CHILDREN: &[u8] =
    include_bytes!("../../../tests/fixtures/epub/books/childrens-literature.epub");

async fn upload(app: &TestApp, who: &Session, bytes: &[u8]) -> crate::support::TestResponse {
    let mut headers = vec![
        ("cookie", who.cookie.as_str()),
        ("content-type", "application/epub+zip"),
    ];
    if !who.csrf.is_empty() {
        headers.push(("x-csrf-token", who.csrf.as_str()));
    }
    app.raw_bytes(
        Method::POST,
        "/api/ereader/admin/titles",
        Some(bytes.to_vec()),
        &headers,
    )
    .await
}

async fn set_subscription(app: &TestApp, admin: &Session, state: &str, population: Option<i64>) {
    let mut body = json!({"state": state});
    if let Some(p) = population {
        body["population"] = json!(p);
    }
    let res = app
        .request_as(
            Method::PUT,
            "/api/orgs/library/demo-wetteren/subscriptions/e-reader",
            Some(body),
            admin,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{state}: {}", res.json);
}

async fn member_logs_in(app: &TestApp) -> StatusCode {
    app.raw(
        Method::POST,
        "/api/ereader/session",
        Some(json!({"card": CARD, "pin": PIN}).to_string()),
        &[("content-type", "application/json")],
    )
    .await
    .status
}

fn population_of(libraries: &Value, id: &str) -> Option<i64> {
    libraries["libraries"]
        .as_array()?
        .iter()
        .find(|l| l["library"] == id)?["population"]
        .as_i64()
}

async fn the_libraries_taking_part_follow_their_subscription(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    // The demo switches the e-reader on for every demo library, 25,000 inhabitants each.
    let before = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.json);
    assert_eq!(population_of(&before.json, "demo-wetteren"), Some(25_000));
    assert!(before.json["libraries"][0]["name"].is_string());
    let together = before.json["population"].as_i64().unwrap_or_default();
    assert!(together >= 25_000, "{}", before.json);
    let pin_hash = static_api::auth::hash_password(PIN.to_string())
        .await
        .expect("hash");
    app.state
        .db
        .ereader_add_member(
            "demo-wetteren",
            &card_hash(CARD),
            &pin_hash,
            "2026-12-05T10:00:00Z",
        )
        .await
        .expect("query");
    assert_eq!(member_logs_in(&app).await, StatusCode::OK);

    // Paused: Wetteren leaves, its inhabitants no longer count, its members cannot log in.
    set_subscription(&app, &admin, "paused", None).await;
    let paused = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(population_of(&paused.json, "demo-wetteren"), None);
    assert_eq!(paused.json["population"].as_i64(), Some(together - 25_000));
    assert_eq!(member_logs_in(&app).await, StatusCode::UNAUTHORIZED);

    // Active again with another population: it takes part with that one, its member is back.
    set_subscription(&app, &admin, "active", Some(31_000)).await;
    let back = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(population_of(&back.json, "demo-wetteren"), Some(31_000));
    assert_eq!(
        back.json["population"].as_i64(),
        Some(together - 25_000 + 31_000)
    );
    assert_eq!(member_logs_in(&app).await, StatusCode::OK);

    // The same through the operator's path (service.rs) as through the API: ended, it leaves.
    static_api::service::change_subscription(
        &app.state,
        &suite_domain::org::OrgRef::new(suite_domain::org::OrgKind::Library, "demo-wetteren"),
        "e-reader",
        suite_domain::service::Actor::Admin,
        suite_domain::service::SubscriptionState::Ended,
        "operator",
        None,
    )
    .await
    .expect("ended");
    let ended = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(population_of(&ended.json, "demo-wetteren"), None);

    // Archived, an active library leaves too; restored, it takes part again.
    set_subscription(&app, &admin, "active", Some(31_000)).await;
    assert_eq!(member_logs_in(&app).await, StatusCode::OK);
    let org = |what: &'static str| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let path = format!("/api/orgs/library/demo-wetteren/{what}");
            let res = app.request_as(Method::POST, &path, None, &admin).await;
            assert_eq!(res.status, StatusCode::OK, "{what}: {}", res.json);
        }
    };
    org("archive").await;
    let archived = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(population_of(&archived.json, "demo-wetteren"), None);
    assert_eq!(member_logs_in(&app).await, StatusCode::UNAUTHORIZED);
    org("restore").await;
    let restored = app.get_as("/api/ereader/admin/libraries", &admin).await;
    assert_eq!(population_of(&restored.json, "demo-wetteren"), Some(31_000));
    assert_eq!(member_logs_in(&app).await, StatusCode::OK);
}
on_both_backends!(the_libraries_taking_part_follow_their_subscription);

async fn the_admin_uploads_good_broken_and_duplicate_books(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let added = upload(&app, &admin, MOBY).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.json);
    assert_eq!(added.json["title"], "Moby-Dick");
    assert_eq!(added.json["licences_set"], Value::Null);
    assert_eq!(added.json["download"], false);
    // The rule: one licence per started 10,000 inhabitants the libraries serve.
    let libraries = app.get_as("/api/ereader/admin/libraries", &admin).await;
    let population = libraries.json["population"].as_i64().unwrap_or_default();
    assert_eq!(
        added.json["licences"].as_i64(),
        Some((population + 9_999) / 10_000)
    );
    assert_eq!(added.json["rule_licences"], added.json["licences"]);

    let again = upload(&app, &admin, MOBY).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.json);
    assert_eq!(
        again.json["error"]["message"],
        "Dit boek zit al in de uitleencollectie."
    );

    // A broken copy: the Dutch message for a librarian, the English detail with the place.
    let mut broken = MOBY.to_vec();
    broken.truncate(MOBY.len() / 2);
    let refused = upload(&app, &admin, &broken).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.json
    );
    assert_eq!(refused.json["error"]["field"], "file");
    assert!(
        refused.json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Dit bestand is geen EPUB")),
        "{}",
        refused.json
    );
    assert!(
        refused.json["error"]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not a zip archive")),
        "{}",
        refused.json
    );
    // Nothing kept: one title, one file.
    let titles = app.get_as("/api/ereader/admin/titles", &admin).await;
    assert_eq!(
        titles.json.as_array().map(Vec::len),
        Some(1),
        "{}",
        titles.json
    );
    let files = std::fs::read_dir(static_api::ereader_books::folder(
        &app.state.config.data_dir,
    ))
    .map(|d| d.count())
    .unwrap_or_default();
    assert_eq!(files, 1);

    // Not the admin, or no CSRF token: refused, nothing added.
    let wetteren = app.session(WETTEREN).await;
    assert_eq!(
        upload(&app, &wetteren, CHILDREN).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&app, &admin.without_csrf(), CHILDREN).await.status,
        StatusCode::FORBIDDEN
    );
    for path in ["/api/ereader/admin/titles", "/api/ereader/admin/libraries"] {
        assert_eq!(
            app.get_as(path, &wetteren).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let titles = app.get_as("/api/ereader/admin/titles", &admin).await;
    assert_eq!(titles.json.as_array().map(Vec::len), Some(1));
}
on_both_backends!(the_admin_uploads_good_broken_and_duplicate_books);

async fn licences_by_hand_back_to_the_rule_and_the_rule_follows_the_population(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let added = upload(&app, &admin, CHILDREN).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.json);
    let id = added.json["id"].as_i64().unwrap_or_default();
    let rule = added.json["licences"].as_i64().unwrap_or_default();
    let path = format!("/api/ereader/admin/titles/{id}");

    let by_hand = app
        .request_as(
            Method::PUT,
            &path,
            Some(json!({"licences_set": 3, "download": true})),
            &admin,
        )
        .await;
    assert_eq!(by_hand.status, StatusCode::OK, "{}", by_hand.json);
    assert_eq!(
        (
            &by_hand.json["licences"],
            &by_hand.json["licences_set"],
            &by_hand.json["download"]
        ),
        (&json!(3), &json!(3), &json!(true))
    );
    // A population change leaves a number set by hand alone...
    set_subscription(&app, &admin, "paused", None).await;
    let titles = app.get_as("/api/ereader/admin/titles", &admin).await;
    assert_eq!(titles.json[0]["licences"], 3);

    // ...and a title back on the rule gets what the rule gives for today's population.
    let to_rule = app
        .request_as(
            Method::PUT,
            &path,
            Some(json!({"licences_set": null, "download": false})),
            &admin,
        )
        .await;
    assert_eq!(to_rule.status, StatusCode::OK, "{}", to_rule.json);
    assert_eq!(to_rule.json["licences_set"], Value::Null);
    assert_eq!(to_rule.json["download"], false);
    let rule_for = |population: i64| ((population + 9_999) / 10_000).max(1);
    let libraries = app.get_as("/api/ereader/admin/libraries", &admin).await;
    let without = libraries.json["population"].as_i64().unwrap_or_default();
    assert_eq!(
        libraries.json["rule_licences"].as_i64(),
        Some(rule_for(without))
    );
    assert_eq!(to_rule.json["licences"].as_i64(), Some(rule_for(without)));
    assert_eq!(rule, rule_for(without + 25_000));
    // Wetteren joins again with 95,000 inhabitants: titles on the rule follow at once.
    set_subscription(&app, &admin, "active", Some(95_000)).await;
    let titles = app.get_as("/api/ereader/admin/titles", &admin).await;
    let grown = rule_for(without + 95_000);
    assert!(grown > rule);
    assert_eq!(
        titles.json[0]["licences"].as_i64(),
        Some(grown),
        "{}",
        titles.json
    );

    let too_many = app
        .request_as(
            Method::PUT,
            &path,
            Some(json!({"licences_set": 10_001, "download": false})),
            &admin,
        )
        .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(too_many.json["error"]["field"], "licences_set");
    let missing = app
        .request_as(
            Method::PUT,
            "/api/ereader/admin/titles/999999",
            Some(json!({"licences_set": 1, "download": false})),
            &admin,
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let wetteren = app.session(WETTEREN).await;
    let refused = app
        .request_as(
            Method::PUT,
            &path,
            Some(json!({"licences_set": 9, "download": true})),
            &wetteren,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let titles = app.get_as("/api/ereader/admin/titles", &admin).await;
    assert_eq!(titles.json[0]["licences"].as_i64(), Some(grown));
}
on_both_backends!(licences_by_hand_back_to_the_rule_and_the_rule_follows_the_population);

const DAY: i64 = 24 * 60 * 60;

async fn statistics_count_loans_per_title_and_month(backend: Backend) {
    let app = TestApp::on(backend).await;
    let admin = app.session(ADMIN).await;
    let moby = upload(&app, &admin, MOBY).await.json["id"]
        .as_i64()
        .unwrap_or_default();
    let children = upload(&app, &admin, CHILDREN).await.json["id"]
        .as_i64()
        .unwrap_or_default();
    let db = &app.state.db;
    let mut members = Vec::new();
    for n in 0..3 {
        let id = db
            .ereader_add_member(
                "demo-wetteren",
                &card_hash(&format!("card-{n}")),
                "x",
                "2026-01-01T00:00:00Z",
            )
            .await
            .expect("query")
            .expect("new");
        members.push(id);
    }
    let now = static_api::auth::now_unix();
    let policy = Policy::default();
    // Last month, the first member borrowed Moby-Dick and brought it back early; the
    // second borrowed it for 7 days, which ran out.
    let earlier = now - 40 * DAY;
    let first = db
        .ereader_borrow(members[0], moby, &policy, earlier, None)
        .await
        .expect("query")
        .expect("lent");
    assert!(
        db.ereader_return(members[0], first.id, &policy, earlier + DAY)
            .await
            .expect("query")
    );
    db.ereader_borrow(members[1], moby, &policy, earlier + DAY, Some(7))
        .await
        .expect("query")
        .expect("lent");
    // Now all three borrow it, and one borrows the children's book.
    for m in &members {
        db.ereader_borrow(*m, moby, &policy, now, None)
            .await
            .expect("query")
            .expect("lent");
    }
    let lent_children = db
        .ereader_borrow(members[2], children, &policy, now, None)
        .await
        .expect("query")
        .expect("lent");

    let stats = app.get_as("/api/ereader/admin/stats", &admin).await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.json);
    let months: Vec<String> =
        serde_json::from_value(stats.json["months"].clone()).unwrap_or_default();
    assert!(months.len() >= 2, "{months:?}");
    let of = |id: i64| {
        stats.json["titles"]
            .as_array()
            .and_then(|t| t.iter().find(|t| t["id"] == id).cloned())
            .unwrap_or_default()
    };
    let m = of(moby);
    assert_eq!(
        [
            &m["loans"],
            &m["running"],
            &m["returned_early"],
            &m["expired"],
            &m["queue"]
        ],
        [&json!(5), &json!(3), &json!(1), &json!(1), &json!(0)],
        "{m}"
    );
    let per_month: Vec<i64> = m["per_month"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["loans"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(per_month.iter().sum::<i64>(), 5);
    assert_eq!(per_month.last(), Some(&3), "this month's loans: {m}");
    assert_eq!(m["more_licences"], false);
    assert_eq!(of(children)["loans"], 1);

    // The children's book gets 1 licence by hand and two members queue for it: more
    // wait than there are licences, so more would help.
    let one = app
        .request_as(
            Method::PUT,
            &format!("/api/ereader/admin/titles/{children}"),
            Some(json!({"licences_set": 1, "download": false})),
            &admin,
        )
        .await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.json);
    for m in &members[..2] {
        db.ereader_queue(
            *m,
            children,
            static_api::db::ereader::QueueOp::Reserve,
            &policy,
            now,
        )
        .await
        .expect("query")
        .expect("queued");
    }
    let stats = app.get_as("/api/ereader/admin/stats", &admin).await;
    let queued = stats.json["titles"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == children).cloned())
        .unwrap_or_default();
    assert_eq!(
        [
            &queued["queue"],
            &queued["licences"],
            &queued["more_licences"]
        ],
        [&json!(2), &json!(1), &json!(true)],
        "{queued}"
    );
    let listed = app.get_as("/api/ereader/admin/titles", &admin).await;
    let row = listed
        .json
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == children).cloned());
    assert_eq!(row.map(|r| r["queue"].clone()), Some(json!(2)));
    // The book comes back: the first in the queue gets it on hold, passes, the second
    // gets it on hold.
    assert!(
        db.ereader_return(members[2], lent_children.id, &policy, now + 60)
            .await
            .expect("query")
    );
    db.ereader_queue(
        members[0],
        children,
        static_api::db::ereader::QueueOp::Pass,
        &policy,
        now + 120,
    )
    .await
    .expect("query")
    .expect("passed");
    let stats = app.get_as("/api/ereader/admin/stats", &admin).await;
    let held = stats.json["titles"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == children).cloned())
        .unwrap_or_default();
    assert_eq!(
        [
            &held["queue"],
            &held["holds_given"],
            &held["passes"],
            &held["returned_early"],
            &held["more_licences"]
        ],
        [&json!(1), &json!(2), &json!(1), &json!(1), &json!(false)],
        "{held}"
    );

    // Staff of a library taking part read them too (not write); the CSV has a row per title.
    let wetteren = app.session(WETTEREN).await;
    assert_eq!(
        app.get_as("/api/ereader/admin/stats", &wetteren)
            .await
            .status,
        StatusCode::OK
    );
    let csv = app.get_as("/api/ereader/admin/stats.csv", &admin).await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = String::from_utf8_lossy(&csv.body);
    assert_eq!(text.lines().count(), 3, "{text}");
    let row = text.lines().find(|l| l.starts_with("\"Moby-Dick\","));
    // Licences (by the rule), then 5 loans, 3 running, 1 returned early, 1 expired, no queue.
    assert!(row.is_some_and(|r| r.contains(",5,3,1,1,0,")), "{text}");
    // Staff of a library that left: no statistics.
    set_subscription(&app, &admin, "paused", None).await;
    assert_eq!(
        app.get_as("/api/ereader/admin/stats", &wetteren)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
on_both_backends!(statistics_count_loans_per_title_and_month);
