//! Covers: fetched from loopback, shrunk to kiosk width and stored under
//! `/data/bieblo/covers/`, fetched once per URL, a broken image or a 404 a warning and
//! `cover: None`; served with a week's cache.

use crate::support;

use axum::http::StatusCode;
use static_api::import::covers::{
    COVER_FAILED, CoverError, CoverSettings, CoverStore, cover_name, is_own_cover,
};
use suite_domain::bieblo::{Snapshot, SnapshotBook};
use suite_domain::catalog::AgeRange;
use suite_domain::import::ImportReport;
use support::TestApp;
use support::catalogue::{FakeCatalogue, Plan};

fn book(id: &str, cover: Option<String>) -> SnapshotBook {
    SnapshotBook {
        id: id.into(),
        title: format!("Boek {id}"),
        authors: Vec::new(),
        cover,
        ages: AgeRange { min: 6, max: 8 },
        themes: Vec::new(),
        series: None,
        year: None,
        copies: Vec::new(),
    }
}

fn snapshot(books: Vec<SnapshotBook>) -> Snapshot {
    Snapshot {
        library: "wetteren".into(),
        generated_at: "2026-11-28T08:00:00Z".into(),
        demo: false,
        themes: Vec::new(),
        books,
    }
}

#[tokio::test]
async fn covers_are_stored_once_and_failures_become_warnings() {
    let server = FakeCatalogue::start(Plan::default()).await;
    let url = |name: &str| format!("{}/covers/{name}", server.url());
    let app = TestApp::new().await;
    let covers = &app.state.covers;
    let mut shot = snapshot(vec![
        book("good", Some(url("good.png"))),
        book("same", Some(url("good.png"))),
        book("broken", Some(url("broken.png"))),
        book("missing", Some(url("missing.png"))),
        book("none", None),
        book("bad-scheme", Some("file:///etc/passwd".into())),
    ]);
    let mut report = ImportReport::new("catalogue");
    covers.resolve(&mut shot, &mut report).await;

    let own = format!("/data/bieblo/covers/{}", cover_name(&url("good.png")));
    let cover = |id: &str| {
        shot.books
            .iter()
            .find(|b| b.id == id)
            .and_then(|b| b.cover.clone())
    };
    assert_eq!(cover("good").as_deref(), Some(own.as_str()));
    assert_eq!(cover("same").as_deref(), Some(own.as_str()));
    assert!(is_own_cover(&own));
    for id in ["broken", "missing", "none", "bad-scheme"] {
        assert_eq!(cover(id), None, "{id}");
    }
    // One warning, the same whatever went wrong: the report cannot tell a host that
    // answers 404 from a broken image or a refused URL.
    for id in ["broken", "missing", "bad-scheme"] {
        assert!(
            report.warnings.contains(&format!("{id}: {COVER_FAILED}")),
            "{id}: {report}"
        );
    }
    assert_eq!(report.warnings.len(), 3, "{report}");
    assert_eq!(
        server.hits("covers").len(),
        3,
        "one fetch per URL, none for file:"
    );

    let file = covers.dir().join(cover_name(&url("good.png")));
    let stored = image::open(&file).expect("a JPEG");
    assert_eq!((stored.width(), stored.height()), (300, 400));

    // The next import finds it stored and does not fetch it again.
    let mut again = snapshot(vec![book("good", Some(url("good.png")))]);
    covers
        .resolve(&mut again, &mut ImportReport::new("catalogue"))
        .await;
    assert_eq!(again.books[0].cover.as_deref(), Some(own.as_str()));
    assert_eq!(server.hits("covers").len(), 3);

    let res = app.get(&own).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("content-type").as_deref(), Some("image/jpeg"));
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("public, max-age=604800")
    );
    let snapshot_res = app.get("/data/bieblo/none.json").await;
    assert_eq!(snapshot_res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_slow_or_too_large_cover_is_a_warning() {
    let mut plan = Plan::default();
    plan.delay
        .insert("covers", std::time::Duration::from_secs(3));
    let server = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = CoverSettings {
        timeout: std::time::Duration::from_millis(200),
        ..support::loopback_covers()
    };
    let covers = CoverStore::new(dir.path(), settings).expect("store");
    let url = format!("{}/covers/good.png", server.url());
    let mut shot = snapshot(vec![book("slow", Some(url.clone()))]);
    let mut report = ImportReport::new("catalogue");
    covers.resolve(&mut shot, &mut report).await;
    assert_eq!(shot.books[0].cover, None);
    assert_eq!(report.warnings, [format!("slow: {COVER_FAILED}")]);
    // The reason, for the server's log.
    assert!(matches!(
        covers.store(&url).await,
        Err(CoverError::Timeout(_))
    ));

    server.set_plan(Plan::default());
    let small = CoverStore::new(
        dir.path(),
        CoverSettings {
            max_bytes: 100,
            ..support::loopback_covers()
        },
    )
    .expect("store");
    let mut shot = snapshot(vec![book("big", Some(url.clone()))]);
    let mut report = ImportReport::new("catalogue");
    small.resolve(&mut shot, &mut report).await;
    assert_eq!(shot.books[0].cover, None);
    assert_eq!(report.warnings, [format!("big: {COVER_FAILED}")]);
    assert!(matches!(
        small.store(&url).await,
        Err(CoverError::TooLarge(100))
    ));
}

#[tokio::test]
async fn covers_are_never_fetched_from_internal_addresses() {
    let server = FakeCatalogue::start(Plan::default()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    // The server's own settings: public addresses only.
    let covers = CoverStore::new(dir.path(), CoverSettings::default()).expect("store");
    let port = server
        .url()
        .rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .unwrap_or_default()
        .to_string();
    let urls = [
        server.url().to_string() + "/covers/good.png",
        format!("http://localhost:{port}/covers/good.png"),
        format!("http://[::ffff:127.0.0.1]:{port}/covers/good.png"),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://10.0.0.1/cover.jpg".to_string(),
    ];
    let books = urls
        .iter()
        .enumerate()
        .map(|(i, u)| book(&format!("b{i}"), Some(u.clone())))
        .collect();
    let mut shot = snapshot(books);
    let mut report = ImportReport::new("catalogue");
    covers.resolve(&mut shot, &mut report).await;
    assert!(shot.books.iter().all(|b| b.cover.is_none()));
    assert_eq!(report.warnings.len(), urls.len(), "{report}");
    assert!(
        report.warnings.iter().all(|w| w.ends_with(COVER_FAILED)),
        "{report}"
    );
    assert!(
        server.hits("covers").is_empty(),
        "no request reached loopback"
    );
    assert!(matches!(
        covers.store(&urls[0]).await,
        Err(CoverError::Refused(_))
    ));
}

#[tokio::test]
async fn an_import_fetches_at_most_its_limit_of_covers() {
    let server = FakeCatalogue::start(Plan::default()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let covers = CoverStore::new(
        dir.path(),
        CoverSettings {
            max_fetches: 2,
            ..support::loopback_covers()
        },
    )
    .expect("store");
    let books = (0..5)
        .map(|i| {
            book(
                &format!("b{i}"),
                Some(format!("{}/covers/good.png?v={i}", server.url())),
            )
        })
        .collect();
    let mut shot = snapshot(books);
    let mut report = ImportReport::new("catalogue");
    covers.resolve(&mut shot, &mut report).await;
    assert_eq!(server.hits("covers").len(), 2);
    assert_eq!(shot.books.iter().filter(|b| b.cover.is_some()).count(), 2);
    assert!(
        report
            .warnings
            .contains(&"3 covers not fetched: at most 2 per import".to_string()),
        "{report}"
    );
}
