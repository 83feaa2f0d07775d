//! Bieblo's API: public kiosk settings and anonymous usage, and the scoped back-office
//! (kiosk settings, imports, statistics).

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::json;
use suite_import::catalogue::generate_demo_catalogue;
use support::{Backend, GENT, TestApp, WETTEREN};

/// The kiosks of the demo libraries' branches (Wetteren's first is on, Massemen's off).
const WETTEREN_KIOSK: &str = "/api/bieblo/demo-wetteren/kiosks/wetteren-hoofdbibliotheek-demo";
const MASSEMEN_KIOSK: &str = "/api/bieblo/demo-wetteren/kiosks/uitleenpost-massemen-demo";
const GENT_KIOSK: &str = "/api/bieblo/demo-gent/kiosks/gent-de-krook-demo";

fn usage_path(kiosk: &str) -> String {
    format!("{kiosk}/usage")
}

fn usage(theme: &str) -> serde_json::Value {
    json!({"age": "eight_nine", "swipes": [{"theme": theme, "liked": true}, {"theme": "sport", "liked": false}],
           "tip_themes": [theme, theme], "tips": 8})
}

async fn kiosks_are_public_and_only_active_ones_are_listed(backend: Backend) {
    let app = TestApp::on(backend).await;
    let list = app.get("/api/bieblo/kiosks").await;
    assert_eq!(list.status, StatusCode::OK);
    let libraries: Vec<_> = list
        .json
        .as_array()
        .into_iter()
        .flatten()
        .map(|k| k["library"].clone())
        .collect();
    assert_eq!(libraries, [json!("demo-gent"), json!("demo-wetteren")]);
    assert_eq!(list.json[1]["branch_id"], "wetteren-hoofdbibliotheek-demo");
    let kiosk = app.get(WETTEREN_KIOSK).await;
    assert_eq!(kiosk.json["branch"], "Wetteren hoofdbibliotheek (demo)");
    assert_eq!(kiosk.json["idle_seconds"], 60);
    assert_eq!(kiosk.json["active"], true);
    // Every branch has its kiosk; Massemen's is off.
    let library = app.get("/api/bieblo/demo-wetteren/kiosks").await;
    assert_eq!(library.status, StatusCode::OK);
    let branches: Vec<_> = library
        .json
        .as_array()
        .into_iter()
        .flatten()
        .map(|k| (k["branch"].clone(), k["active"].clone()))
        .collect();
    assert_eq!(
        branches,
        [
            (json!("Uitleenpost Massemen (demo)"), json!(false)),
            (json!("Wetteren hoofdbibliotheek (demo)"), json!(true))
        ]
    );
    for missing in [
        "/api/bieblo/nowhere/kiosks",
        "/api/bieblo/nowhere/kiosks/x",
        "/api/bieblo/demo-wetteren/kiosks/elders",
        "/api/bieblo/demo-wetteren/kiosks/Bad%20Id",
        "/api/bieblo/..%2Fx/kiosks",
    ] {
        assert_eq!(
            app.get(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

async fn staff_change_only_their_own_librarys_kiosk(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let update = json!({"idle_seconds": 90, "active": true, "lang": "en"});
    let own = app
        .request_as(Method::PUT, MASSEMEN_KIOSK, Some(update.clone()), &wetteren)
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json["idle_seconds"], 90);
    assert_eq!(app.get(MASSEMEN_KIOSK).await.json["lang"], "en");
    // Without a language, a kiosk speaks Dutch; a language the suite does not have is refused.
    assert_eq!(app.get(WETTEREN_KIOSK).await.json["lang"], "nl-BE");
    let french = app
        .request_as(
            Method::PUT,
            MASSEMEN_KIOSK,
            Some(json!({"idle_seconds": 90, "active": true, "lang": "fr"})),
            &wetteren,
        )
        .await;
    assert_eq!(french.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(own.json["branch"], "Uitleenpost Massemen (demo)");
    // The other branch's kiosk keeps its own settings.
    assert_eq!(app.get(WETTEREN_KIOSK).await.json["idle_seconds"], 60);
    let nowhere = app
        .request_as(
            Method::PUT,
            "/api/bieblo/demo-wetteren/kiosks/elders",
            Some(update.clone()),
            &wetteren,
        )
        .await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND, "no such branch");

    let other = app
        .request_as(Method::PUT, GENT_KIOSK, Some(update.clone()), &wetteren)
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(GENT_KIOSK).await.json["idle_seconds"], 60);

    let bad = json!({"idle_seconds": 3, "active": true});
    let res = app
        .request_as(Method::PUT, MASSEMEN_KIOSK, Some(bad), &wetteren)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json["error"]["field"], "idle_seconds");

    assert_eq!(
        app.get("/api/bieblo/kiosks")
            .await
            .json
            .as_array()
            .map(Vec::len),
        Some(3),
        "both of Wetteren's kiosks are listed"
    );
    let off = json!({"idle_seconds": 90, "active": false});
    app.request_as(Method::PUT, WETTEREN_KIOSK, Some(off), &wetteren)
        .await;
    let list = app.get("/api/bieblo/kiosks").await;
    assert_eq!(
        list.json.as_array().map(Vec::len),
        Some(2),
        "the inactive kiosk is not listed"
    );
    let res = app
        .raw(
            Method::POST,
            &usage_path(WETTEREN_KIOSK),
            Some(usage("humour").to_string()),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::NOT_FOUND,
        "an inactive kiosk counts nothing"
    );
    // Massemen's kiosk, switched on above, counts for itself.
    let res = app
        .raw(
            Method::POST,
            &usage_path(MASSEMEN_KIOSK),
            Some(usage("humour").to_string()),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let stats = app
        .get_as("/api/bieblo/demo-wetteren/stats", &wetteren)
        .await;
    assert_eq!(
        stats.json["kiosks"][0]["branch_id"],
        "uitleenpost-massemen-demo"
    );
    assert_eq!(stats.json["kiosks"][0]["visits"], 1);
    assert_eq!(stats.json["kiosks"].as_array().map(Vec::len), Some(1));
}

async fn anonymous_usage_adds_up_in_the_scoped_statistics(backend: Backend) {
    let app = TestApp::on(backend).await;
    for _ in 0..3 {
        let res = app
            .raw(
                Method::POST,
                &usage_path(WETTEREN_KIOSK),
                Some(usage("animals").to_string()),
                &[("content-type", "application/json")],
            )
            .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT);
    }
    let unknown = app
        .raw(
            Method::POST,
            &usage_path(WETTEREN_KIOSK),
            Some(usage("cooking").to_string()),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cross_site = app
        .raw(
            Method::POST,
            &usage_path(WETTEREN_KIOSK),
            Some(usage("animals").to_string()),
            &[
                ("content-type", "application/json"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    // A visit's next shelf ("8 other tips"): its tips count, not another visit; a later
    // shelf with swipes is not plausible.
    let later = json!({"age": "eight_nine", "swipes": [], "tip_themes": ["animals"], "tips": 8,
        "new_visit": false});
    for (body, status) in [
        (later.clone(), StatusCode::NO_CONTENT),
        (
            json!({"age": "eight_nine", "swipes": [{"theme": "sport", "liked": true}],
                "tip_themes": [], "tips": 8, "new_visit": false}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let res = app
            .raw(
                Method::POST,
                &usage_path(WETTEREN_KIOSK),
                Some(body.to_string()),
                &[("content-type", "application/json")],
            )
            .await;
        assert_eq!(res.status, status, "{body}");
    }

    let wetteren = app.session(WETTEREN).await;
    let stats = app
        .get_as("/api/bieblo/demo-wetteren/stats", &wetteren)
        .await;
    assert_eq!(stats.status, StatusCode::OK);
    // Every day of the last 31, today last; the empty ones too.
    let days = stats.json["days"].as_array().cloned().unwrap_or_default();
    assert_eq!(days.len(), 31);
    assert_eq!(days[0]["visits"], 0);
    assert_eq!(days[30]["day"], stats.json["to"]);
    assert_eq!(days[30]["visits"], 3);
    assert_eq!(days[30]["tips"], 32);
    // A chosen period, and one that is not.
    let chosen = app
        .get_as(
            "/api/bieblo/demo-wetteren/stats?from=2026-02-27&to=2026-03-01",
            &wetteren,
        )
        .await;
    let chosen_days: Vec<_> = chosen.json["days"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| d["day"].clone())
        .collect();
    assert_eq!(
        chosen_days,
        [
            json!("2026-02-27"),
            json!("2026-02-28"),
            json!("2026-03-01")
        ]
    );
    for bad in [
        "from=2026-03-02&to=2026-03-01",
        "from=2024-01-01&to=2026-01-01",
        "from=gisteren",
    ] {
        let res = app
            .get_as(&format!("/api/bieblo/demo-wetteren/stats?{bad}"), &wetteren)
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let themes = stats.json["themes"].as_array().cloned().unwrap_or_default();
    let animals = themes
        .iter()
        .find(|t| t["theme"] == "animals")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (animals["likes"].clone(), animals["tips"].clone()),
        (json!(3), json!(7))
    );
    let sport = themes
        .iter()
        .find(|t| t["theme"] == "sport")
        .cloned()
        .unwrap_or_default();
    assert_eq!(sport["dislikes"], 3);
    // Each branch's kiosk counts its own visits and tips.
    assert_eq!(
        stats.json["kiosks"],
        json!([{"branch_id": "wetteren-hoofdbibliotheek-demo",
                "branch": "Wetteren hoofdbibliotheek (demo)", "visits": 3, "tips": 32}])
    );

    let csv = app
        .get_as("/api/bieblo/demo-wetteren/stats.csv", &wetteren)
        .await;
    assert_eq!(
        csv.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    let text = String::from_utf8_lossy(&csv.body);
    assert!(
        text.starts_with("day,tips,visits\n")
            && text.contains("animals,3,0,7")
            && text.contains("\"Wetteren hoofdbibliotheek (demo)\",3,32"),
        "{text}"
    );

    let gent = app.session(GENT).await;
    assert_eq!(
        app.get_as("/api/bieblo/demo-wetteren/stats", &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_as("/api/bieblo/demo-wetteren/stats.csv", &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/bieblo/demo-wetteren/stats").await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn staff_import_catalogue_files_and_read_the_runs(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let demo = generate_demo_catalogue(5, 30, &["Wetteren hoofdbibliotheek (demo)"]);
    let mut files = vec![json!({"name": "search.xml", "content": demo.search_xml})];
    for (id, xml) in demo.availability_xml {
        files.push(json!({"name": format!("availability {id}"), "content": xml}));
    }
    // Demo records are refused outside demo snapshots: the report says so, and the
    // snapshot is not replaced.
    let res = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/imports",
            Some(json!({"files": files})),
            &wetteren,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    assert_eq!(res.json["report"]["imported"], 0);
    assert!(
        res.json["report"]["skipped"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.to_lowercase().contains("demo")),
        "{}",
        res.json
    );

    let broken =
        json!({"files": [{"name": "kapot.xml", "content": "<aquabrowser><results><result>"}]});
    let res = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/imports",
            Some(broken),
            &wetteren,
        )
        .await;
    assert_eq!(res.json["report"]["skipped"][0]["record"], "kapot.xml");

    let runs = app
        .get_as("/api/bieblo/demo-wetteren/imports", &wetteren)
        .await;
    assert_eq!(runs.json.as_array().map(Vec::len), Some(2));
    assert_eq!(
        runs.json[0]["report"]["skipped"][0]["record"], "kapot.xml",
        "newest first"
    );

    let gent = app.session(GENT).await;
    let res = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/imports",
            Some(json!({"files": []})),
            &gent,
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_as("/api/bieblo/demo-wetteren/imports", &gent)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

fn png_data_url() -> String {
    use base64::Engine;
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(support::png_of(64, 48, 200))
    )
}

async fn staff_edit_their_librarys_themes_and_the_kiosk_sees_labels_at_once(backend: Backend) {
    let app = TestApp::on(backend).await;
    let public = app.state.config.public_data_dir();
    static_api::import::catalogue::import_demo(
        &public,
        "demo-wetteren",
        &["Wetteren hoofdbibliotheek (demo)"],
        7,
        "2026-11-28T08:00:00Z",
    )
    .expect("demo snapshot");
    let wetteren = app.session(WETTEREN).await;
    let url = "/api/bieblo/demo-wetteren/themes";

    let defaults = app.get_as(url, &wetteren).await;
    assert_eq!(defaults.status, StatusCode::OK);
    let mut themes = defaults.json.clone();
    assert_eq!(themes.as_array().map(Vec::len), Some(10));
    assert_eq!(themes[3]["id"], "sport");

    // A picture of our own: stored under /data and served back as PNG.
    let res = app
        .request_as(
            Method::POST,
            "/api/bieblo/demo-wetteren/themes/sport/picture",
            Some(json!({"data_url": png_data_url()})),
            &wetteren,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let picture = res.json["picture"].as_str().unwrap_or_default().to_string();
    assert!(
        picture.starts_with("/data/bieblo/themes/demo-wetteren/sport-")
            && picture.ends_with(".png"),
        "{picture}"
    );
    let served = app.get(&picture).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type").as_deref(), Some("image/png"));

    themes[3]["label_nl"] = json!("  Sport en   spel ");
    themes[3]["picture"] = json!(picture);
    themes[3]["subjects"] = json!(["Voetbal", "tennis", "voetbal"]);
    let res = app
        .request_as(Method::PUT, url, Some(themes.clone()), &wetteren)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    assert_eq!(res.json[3]["label_nl"], "Sport en spel");
    assert_eq!(res.json[3]["subjects"], json!(["voetbal", "tennis"]));
    assert_eq!(app.get_as(url, &wetteren).await.json, res.json);

    // The published snapshot carries the new label and picture, and keeps its books.
    let snapshot = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(snapshot.json["themes"][3]["label_nl"], "Sport en spel");
    assert_eq!(snapshot.json["themes"][3]["picture"], json!(picture));
    assert!(
        snapshot.json["books"]
            .as_array()
            .is_some_and(|b| !b.is_empty())
    );

    // A wrong edit is refused and changes nothing.
    let mut wrong = res.json.clone();
    wrong[0]["label_nl"] = json!(" ");
    wrong[1]["picture"] = json!("https://example.org/tracker.png");
    let refused = app
        .request_as(Method::PUT, url, Some(wrong), &wetteren)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json["error"]["field"], "themes.humour.label_nl");
    assert_eq!(refused.json["error"]["code"], "invalid_input");
    assert_eq!(app.get_as(url, &wetteren).await.json, res.json);

    // Back to the defaults, in the database and on the kiosk.
    let reset = app.request_as(Method::DELETE, url, None, &wetteren).await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get_as(url, &wetteren).await.json, defaults.json);
    let snapshot = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(snapshot.json["themes"][3]["label_nl"], "Sport");
}

async fn theme_pictures_must_be_small_real_images_and_themes_stay_in_their_library(
    backend: Backend,
) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let post = |theme: &'static str, data_url: String| {
        let path = format!("/api/bieblo/demo-wetteren/themes/{theme}/picture");
        let session = &wetteren;
        let app = &app;
        async move {
            app.request_as(
                Method::POST,
                &path,
                Some(json!({"data_url": data_url})),
                session,
            )
            .await
            .status
        }
    };
    use base64::Engine;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let svg = format!(
        "data:image/svg+xml;base64,{}",
        b64(b"<svg onload=alert(1)>")
    );
    assert_eq!(post("sport", svg).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        post("sport", "data:image/png,plain".into()).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The right first bytes are not enough: the picture is decoded (within limits).
    let fake = format!(
        "data:image/png;base64,{}",
        b64(b"\x89PNG\r\n\x1a\nnot a real image body, but the right first bytes")
    );
    assert_eq!(post("sport", fake).await, StatusCode::UNPROCESSABLE_ENTITY);
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(1024 * 1024 + 1, 0);
    let big = format!("data:image/png;base64,{}", b64(&big));
    assert_eq!(post("sport", big).await, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(post("cooking", png_data_url()).await, StatusCode::NOT_FOUND);

    let gent = app.session(GENT).await;
    let url = "/api/bieblo/demo-wetteren/themes";
    assert_eq!(app.get_as(url, &gent).await.status, StatusCode::FORBIDDEN);
    let defaults = app.get_as(url, &wetteren).await.json;
    let put = app
        .request_as(Method::PUT, url, Some(defaults.clone()), &gent)
        .await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);
    let del = app.request_as(Method::DELETE, url, None, &gent).await;
    assert_eq!(del.status, StatusCode::FORBIDDEN);
    // Without the CSRF token even the library's own staff cannot change them.
    let put = app
        .request_as(Method::PUT, url, Some(defaults), &wetteren.without_csrf())
        .await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);
    // Anonymous: not logged in.
    assert_eq!(app.get(url).await.status, StatusCode::UNAUTHORIZED);
}

async fn theme_pictures_no_theme_uses_are_tidied_a_day_later(backend: Backend) {
    let app = TestApp::on(backend).await;
    let wetteren = app.session(WETTEREN).await;
    let url = "/api/bieblo/demo-wetteren/themes";
    let folder = app
        .state
        .config
        .public_data_dir()
        .join("bieblo/themes/demo-wetteren");
    let post = |data_url: String| {
        let (app, wetteren) = (&app, &wetteren);
        async move {
            app.request_as(
                Method::POST,
                "/api/bieblo/demo-wetteren/themes/sport/picture",
                Some(json!({ "data_url": data_url })),
                wetteren,
            )
            .await
        }
    };
    // A picture that a theme uses, and one that none does.
    let used = post(png_data_url()).await.json["picture"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut themes = app.get_as(url, &wetteren).await.json;
    themes[3]["picture"] = json!(used);
    let saved = app
        .request_as(Method::PUT, url, Some(themes), &wetteren)
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.json);
    let stray = folder.join("sport-00000000deadbeef.png");
    std::fs::write(&stray, b"old").expect("write");
    let used_file = folder.join(used.rsplit('/').next().unwrap_or_default());
    // Both two days old.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    for file in [&stray, &used_file] {
        std::fs::File::options()
            .write(true)
            .open(file)
            .and_then(|f| f.set_modified(old))
            .expect("age the file");
    }
    use base64::Engine;
    let other = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(support::png_of(8, 8, 9))
    );
    assert_eq!(post(other).await.status, StatusCode::OK);
    assert!(!stray.exists(), "the unused picture is gone");
    assert!(used_file.exists(), "the picture a theme uses stays");
}

on_both_backends!(
    kiosks_are_public_and_only_active_ones_are_listed,
    staff_change_only_their_own_librarys_kiosk,
    anonymous_usage_adds_up_in_the_scoped_statistics,
    staff_import_catalogue_files_and_read_the_runs,
    staff_edit_their_librarys_themes_and_the_kiosk_sees_labels_at_once,
    theme_pictures_must_be_small_real_images_and_themes_stay_in_their_library,
    theme_pictures_no_theme_uses_are_tidied_a_day_later,
);
