//! The centre's Culture Matcher back-office, its uploads: pictures and trailers are
//! sniffed, limited and stored by their hash; files no show uses any more are removed;
//! uploads stay within the centre's quota and wait for their turn.

use crate::culture_staff::{NOVA, SHOWS, TINY_PNG, WEBM_HEAD, app, first_venue, show_body, upload};
use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use static_api::demo;
use suite_domain::culture::media::IMAGE_MAX_BYTES;
use support::{Backend, TestApp};

async fn uploads_are_sniffed_limited_and_stored_by_their_hash(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let res = upload(&app, &nova, "image/png", TINY_PNG).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let url = res.json["url"].as_str().expect("url").to_string();
    assert!(
        url.starts_with("/data/culture-matcher/media/demo-nova/") && url.ends_with(".png"),
        "{url}"
    );
    assert_eq!(res.json["mime"], "image/png");
    let again = upload(&app, &nova, "image/png", TINY_PNG).await;
    assert_eq!(
        again.json["url"],
        url.as_str(),
        "the same file, the same name"
    );
    let file = app
        .state
        .config
        .public_data_dir()
        .join(url.trim_start_matches("/data/"));
    // Written anew: the same picture, the size the answer said.
    let stored = std::fs::read(file).expect("stored");
    assert_eq!(res.json["bytes"], stored.len());
    let pixel = image::load_from_memory(&stored).expect("a png").to_rgba8();
    let original = image::load_from_memory(TINY_PNG).expect("a png").to_rgba8();
    assert_eq!(pixel, original);
    let served = app.get(&url).await;
    assert_eq!(served.header("content-type").as_deref(), Some("image/png"));

    let video = upload(&app, &nova, "video/webm", WEBM_HEAD).await;
    assert_eq!(video.status, StatusCode::OK, "{}", video.json);
    assert!(
        video.json["url"]
            .as_str()
            .is_some_and(|u| u.ends_with(".webm"))
    );

    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let html = b"<!doctype html><script>alert(1)</script>";
    for (content_type, body) in [
        ("image/png", &svg[..]),
        ("image/svg+xml", &svg[..]),
        ("text/html", &html[..]),
        ("image/jpeg", TINY_PNG),
        ("video/mp4", WEBM_HEAD),
        ("", TINY_PNG),
    ] {
        let res = upload(&app, &nova, content_type, body).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{content_type}"
        );
        assert_eq!(res.json["error"]["code"], "invalid_input");
    }
    let mut big = TINY_PNG.to_vec();
    big.resize(IMAGE_MAX_BYTES + 1, 0);
    let res = upload(&app, &nova, "image/png", &big).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.json["error"]["code"], "body_too_large");
    // The same size is fine for a video: each kind has its own limit.
    let mut long_video = WEBM_HEAD.to_vec();
    long_video.resize(IMAGE_MAX_BYTES + 1, 0);
    let res = upload(&app, &nova, "video/webm", &long_video).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    let stored = std::fs::read_dir(
        app.state
            .config
            .public_data_dir()
            .join("culture-matcher/media/demo-nova"),
    )
    .expect("media folder")
    .count();
    assert_eq!(stored, 3, "refused uploads leave nothing behind");
}

async fn uploads_no_show_uses_any_more_are_removed_and_shared_ones_stay(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    let venue = first_venue(&app, &nova).await;
    let media_dir = app
        .state
        .config
        .public_data_dir()
        .join("culture-matcher/media/demo-nova");
    let stored = |url: &Value| {
        let name = url
            .as_str()
            .and_then(|u| u.rsplit('/').next())
            .expect("a url");
        media_dir.join(name).is_file()
    };
    let url_of = |res: support::TestResponse| {
        assert_eq!(res.status, StatusCode::OK, "{}", res.json);
        res.json["url"].clone()
    };
    // Three pictures (one pixel in three colours) and a trailer.
    let picture = |red: u8| support::png_of(1, 1, red);
    let a = url_of(upload(&app, &nova, "image/png", &picture(1)).await);
    let b = url_of(upload(&app, &nova, "image/png", &picture(2)).await);
    let fresh = url_of(upload(&app, &nova, "image/png", &picture(3)).await);
    let video = url_of(upload(&app, &nova, "video/webm", WEBM_HEAD).await);

    let make = |image: &Value, trailer: Option<&Value>| {
        let mut body = show_body(&venue);
        body["image"] = image.clone();
        body["image_alt"] = json!("Een vogel");
        if let Some(trailer) = trailer {
            body["trailer"] = trailer.clone();
        }
        body
    };
    let first = app
        .request_as(Method::POST, SHOWS, Some(make(&a, Some(&video))), &nova)
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let first = format!("{SHOWS}/{}", first.json["id"].as_str().expect("id"));
    let second = app
        .request_as(Method::POST, SHOWS, Some(make(&a, None)), &nova)
        .await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.json);
    let second = format!("{SHOWS}/{}", second.json["id"].as_str().expect("id"));

    // The first show gets picture b: a stays, the second show uses it.
    let res = app
        .request_as(Method::PUT, &first, Some(make(&b, Some(&video))), &nova)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.json);
    assert!(stored(&a) && stored(&b) && stored(&video));

    // The second show goes: now nothing uses a.
    let res = app.request_as(Method::DELETE, &second, None, &nova).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(!stored(&a), "a is removed");
    assert!(stored(&b) && stored(&video));

    // The first show goes with its picture and trailer.
    let res = app.request_as(Method::DELETE, &first, None, &nova).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(!stored(&b) && !stored(&video));
    assert_eq!(
        app.get(b.as_str().expect("url")).await.status,
        StatusCode::NOT_FOUND
    );
    // An upload that no show has used yet (a form not saved yet) is left alone.
    assert!(stored(&fresh));
}

async fn uploads_stay_within_the_quota_and_stale_unused_ones_are_tidied(backend: Backend) {
    let app = TestApp::with_config_on(backend, |config| config.upload_quota_bytes = 400).await;
    demo::seed_programmes(&app.state.db, &app.state.config.public_data_dir())
        .await
        .expect("demo programme");
    let nova = app.session(NOVA).await;
    let media = app
        .state
        .config
        .public_data_dir()
        .join("culture-matcher/media/demo-nova");
    std::fs::create_dir_all(&media).expect("mkdir");
    // A day-old upload that no show uses: it goes at the next upload.
    let stale = media.join("00000000000000aa.png");
    std::fs::write(&stale, vec![0_u8; 300]).expect("write");
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(two_days_ago))
        .expect("age the file");
    // A fresh one that no show uses yet (the form may still be open): it stays.
    let fresh = media.join("00000000000000bb.png");
    std::fs::write(&fresh, vec![0_u8; 10]).expect("write");

    let first = upload(&app, &nova, "image/png", &support::png_of(2, 2, 1)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.json);
    assert!(!stale.exists(), "the stale upload is gone");
    assert!(fresh.exists(), "the fresh upload stays");
    // Over the quota: refused, nothing stored.
    let big = support::png_of(200, 200, 7);
    assert!(big.len() > 400);
    let refused = upload(&app, &nova, "image/png", &big).await;
    assert_eq!(
        refused.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        refused.json
    );
    let files = std::fs::read_dir(&media).expect("list").count();
    assert_eq!(files, 2, "the first upload and the fresh one");
}

async fn uploads_wait_for_their_turn_and_are_answered_busy_when_none_comes(backend: Backend) {
    let app = app(backend).await;
    let nova = app.session(NOVA).await;
    // Every turn taken (as by four slow uploads at once).
    let held = app
        .state
        .uploads
        .clone()
        .acquire_many_owned(static_api::UPLOADS_AT_ONCE as u32)
        .await
        .expect("all turns");
    let busy = upload(&app, &nova, "image/png", TINY_PNG).await;
    assert_eq!(
        busy.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        busy.json
    );
    assert_eq!(busy.json["error"]["code"], "busy");
    assert_eq!(busy.header("retry-after").as_deref(), Some("5"));
    drop(held);
    let ok = upload(&app, &nova, "image/png", TINY_PNG).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
}

on_both_backends!(
    uploads_are_sniffed_limited_and_stored_by_their_hash,
    uploads_no_show_uses_any_more_are_removed_and_shared_ones_stay,
    uploads_stay_within_the_quota_and_stale_unused_ones_are_tidied,
    uploads_wait_for_their_turn_and_are_answered_busy_when_none_comes,
);
