//! Culture Matcher storage and the events importer: the database rules (staff shows,
//! swipe choices and venue notes survive imports), publishing, importing files and URLs
//! (a loopback server), the demo programme, and the command line.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use static_api::db::culture::{PutOutcome, ShowOrigin, programme_path};
use static_api::db::{DatabaseUrl, Db};
use static_api::import::events::{import_files, import_url};
use static_api::{AppState, Config};
use suite_domain::culture::programme::{Programme, Show, ShowStatus, Text, Venue};
use suite_domain::import::ImportReport;
use suite_domain::org::{OrgKind, Organisation};
use suite_import::events::{ProgrammeImport, build_programme};
use support::{Backend, TestApp};

const CENTRE: &str = "demo-nova";
const PUNKFEST: &str = "23017cb7-e515-47b4-87c4-780735acc942";
const SMAK_EVENT: &str = "caacf59e-29e7-4787-9197-bf3933e86288";
const HUNGARIA: &str = "179c89c5-dba4-417b-ae96-62e7a12c2405";
const NOW: &str = "2026-11-28T08:00:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/uitdatabank")
        .join(name)
}

const PERMANENT: &str = "udb3-search-service__event-original-permanent.json";
const EXHIBITION: &str = "udb3-backend__event_with_booking_info.json";

/// The shows and venues of sample files, as an import reads them.
fn read(files: &[&str]) -> Programme {
    let inputs: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            (
                f.to_string(),
                std::fs::read_to_string(fixture(f)).expect("fixture"),
            )
        })
        .collect();
    let job = ProgrammeImport {
        centre: CENTRE,
        centre_name: "Nova",
        now: NOW,
        demo: false,
    };
    let (programme, report) = build_programme(&job, &inputs, ImportReport::new("events"));
    assert_eq!(report.imported, files.len(), "{report}");
    programme
}

fn published(public: &Path, centre: &str) -> Programme {
    let bytes = std::fs::read(programme_path(public, centre)).expect("published programme");
    serde_json::from_slice(&bytes).expect("programme JSON")
}

async fn db(backend: Backend) -> (TestApp, Db) {
    let app = TestApp::on(backend).await;
    let db = app.state.db.clone();
    (app, db)
}

async fn imports_update_imported_shows_but_keep_staff_shows_swipe_choices_and_notes(
    backend: Backend,
) {
    let (_app, db) = db(backend).await;
    let p = read(&[PERMANENT, EXHIBITION]);
    let outcome = db
        .upsert_imported_programme(CENTRE, &p.venues, &p.shows, NOW)
        .await
        .expect("upsert");
    assert_eq!(outcome.added, [PUNKFEST, SMAK_EVENT]);
    assert_eq!(outcome.venues_added.len(), 2);

    let swiped = db
        .set_in_swipe(CENTRE, PUNKFEST, true)
        .await
        .expect("swipe")
        .expect("the show");
    assert!(swiped.show.in_swipe);
    assert_eq!(swiped.show.id, PUNKFEST);
    assert!(
        db.set_venue_notes(CENTRE, HUNGARIA, Some(" Bus 2 tot Vaartkom "), Some(""))
            .await
            .expect("notes")
    );
    // A show made by staff; the next import brings an event with the same id.
    let mut own = p.shows[0].clone();
    own.id = "eigen-1".into();
    own.title = Text::nl("Eigen voorstelling");
    assert_eq!(
        db.put_staff_show(CENTRE, &own, NOW).await.expect("put"),
        PutOutcome::Created
    );

    // The next import changes titles and venue data.
    let mut again = p.clone();
    again.shows[0].title = Text::nl("Punkfest 2");
    again.venues[0].town = "Kessel-Lo".into();
    let mut clash = own.clone();
    clash.title = Text::nl("Geïmporteerd met een staff-id");
    again.shows.push(clash);
    let outcome = db
        .upsert_imported_programme(CENTRE, &again.venues, &again.shows, "2026-11-29T08:00:00Z")
        .await
        .expect("upsert");
    assert_eq!(outcome.updated, [PUNKFEST, SMAK_EVENT]);
    assert_eq!(outcome.staff_kept, ["eigen-1"]);
    assert!(outcome.added.is_empty() && outcome.venues_added.is_empty());

    let punk = db
        .get_culture_show(CENTRE, PUNKFEST)
        .await
        .expect("get")
        .expect("there");
    assert_eq!(punk.show.title.nl, "Punkfest 2");
    assert!(punk.show.in_swipe, "the swipe choice survives the import");
    assert_eq!(punk.origin, ShowOrigin::Import);
    assert_eq!(punk.updated_at, "2026-11-29T08:00:00Z");
    let own_now = db
        .get_culture_show(CENTRE, "eigen-1")
        .await
        .expect("get")
        .expect("there");
    assert_eq!(own_now.show.title.nl, "Eigen voorstelling");
    assert_eq!(own_now.origin, ShowOrigin::Staff);
    let venues = db.culture_venues(CENTRE).await.expect("venues");
    let hungaria = venues.iter().find(|v| v.id == HUNGARIA).expect("venue");
    assert_eq!(hungaria.town, "Kessel-Lo");
    assert_eq!(
        hungaria.transport_note.as_deref(),
        Some("Bus 2 tot Vaartkom")
    );
    assert_eq!(hungaria.bike_note, None, "a blank note clears");
}

async fn staff_shows_are_listed_put_and_deleted_but_imported_ones_are_not_theirs(backend: Backend) {
    let (_app, db) = db(backend).await;
    let p = read(&[PERMANENT]);
    db.upsert_imported_programme(CENTRE, &p.venues, &p.shows, NOW)
        .await
        .expect("upsert");
    let mut own = p.shows[0].clone();
    assert_eq!(
        db.put_staff_show(CENTRE, &own, NOW).await.expect("put"),
        PutOutcome::IdTakenByImport
    );
    own.id = "eigen-2".into();
    own.in_swipe = true;
    assert_eq!(
        db.put_staff_show(CENTRE, &own, NOW).await.expect("put"),
        PutOutcome::Created
    );
    own.title = Text::nl("Nieuwe titel");
    own.in_swipe = false;
    assert_eq!(
        db.put_staff_show(CENTRE, &own, "2026-11-30T00:00:00Z")
            .await
            .expect("put"),
        PutOutcome::Updated
    );
    let staff = db.list_staff_shows(CENTRE).await.expect("list");
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].show.title.nl, "Nieuwe titel");
    assert!(!staff[0].show.in_swipe);
    assert_eq!(db.culture_shows(CENTRE).await.expect("all").len(), 2);
    // Another centre sees none of it.
    assert!(db.culture_shows("demo-x").await.expect("none").is_empty());
    assert!(
        !db.delete_staff_show(CENTRE, PUNKFEST)
            .await
            .expect("delete")
    );
    assert!(
        db.delete_staff_show(CENTRE, "eigen-2")
            .await
            .expect("delete")
    );
    assert!(
        !db.delete_staff_show(CENTRE, "eigen-2")
            .await
            .expect("delete")
    );
    assert!(
        db.set_in_swipe(CENTRE, "onbekend", true)
            .await
            .expect("swipe")
            .is_none()
    );
    assert!(
        !db.set_venue_notes(CENTRE, "onbekend", Some("x"), None)
            .await
            .expect("notes")
    );
    assert!(
        db.get_culture_show(CENTRE, "eigen-2")
            .await
            .expect("get")
            .is_none()
    );
    // Staff venues keep their notes.
    let venue = Venue {
        id: "eigen-zaal".into(),
        name: Text::nl("Eigen zaal"),
        street: "Straat 1".into(),
        postal_code: "9230".into(),
        town: "Wetteren".into(),
        geo: None,
        transport_note: Some("Trein".into()),
        bike_note: Some("  ".into()),
    };
    db.put_venue(CENTRE, &venue, NOW).await.expect("venue");
    let stored = db.culture_venues(CENTRE).await.expect("venues");
    let stored = stored.iter().find(|v| v.id == "eigen-zaal").expect("there");
    assert_eq!(
        (
            stored.transport_note.as_deref(),
            stored.bike_note.as_deref()
        ),
        (Some("Trein"), None)
    );
}

async fn the_published_programme_holds_shows_that_have_not_ended(backend: Backend) {
    let (app, db) = db(backend).await;
    let p = read(&[PERMANENT, EXHIBITION]);
    db.upsert_imported_programme(CENTRE, &p.venues, &p.shows, NOW)
        .await
        .expect("upsert");
    // A cancelled staff show in the future stays, so the app can say it is cancelled.
    let mut cancelled: Show = p.shows[1].clone();
    cancelled.id = "geannuleerd".into();
    cancelled.status = ShowStatus::Cancelled;
    cancelled.calendar.kind = suite_domain::culture::programme::CalendarKind::Single;
    cancelled.calendar.occurrences = vec![suite_domain::culture::programme::Occurrence {
        start: suite_import::events::parse_moment("2099-01-01T20:00:00+01:00").expect("date"),
        end: None,
        status: ShowStatus::Cancelled,
    }];
    db.put_staff_show(CENTRE, &cancelled, NOW)
        .await
        .expect("put");
    let public = app.state.config.public_data_dir();
    let path = db
        .publish_programme(CENTRE, &public)
        .await
        .expect("publish");
    assert_eq!(path, programme_path(&public, CENTRE));
    let programme = published(&public, CENTRE);
    let ids: Vec<&str> = programme.shows.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [PUNKFEST, "geannuleerd"],
        "the 2017 exhibition has ended"
    );
    assert_eq!(programme.centre_name, "Cultuurcentrum Nova (demo)");
    assert!(programme.demo);
    assert_eq!(programme.venues.len(), 2);
    assert!(!path.with_extension("json.tmp").exists());

    let unknown = db.publish_programme("demo-gent", &public).await;
    assert!(unknown.is_err(), "a library is no centre");
    assert!(db.publish_programme("../x", &public).await.is_err());
}

async fn importing_files_publishes_and_a_failed_import_changes_nothing(backend: Backend) {
    let (app, db) = db(backend).await;
    let public = app.state.config.public_data_dir();
    let report = import_files(
        &db,
        &public,
        CENTRE,
        &[
            fixture(PERMANENT),
            fixture(EXHIBITION),
            fixture("udb3-search-service__place-original-with-opening-hours.json"),
        ],
    )
    .await
    .expect("import");
    assert_eq!(report.imported, 2, "{report}");
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].reason.contains("not an event"));
    let before = std::fs::read(programme_path(&public, CENTRE)).expect("published");
    assert_eq!(published(&public, CENTRE).shows.len(), 1);

    let broken = app.dir.path().join("broken.json");
    let full = std::fs::read_to_string(fixture(PERMANENT)).expect("fixture");
    std::fs::write(&broken, &full[..full.len() / 2]).expect("write");
    let report = import_files(
        &db,
        &public,
        CENTRE,
        &[broken, app.dir.path().join("missing.json")],
    )
    .await
    .expect("import runs");
    assert!(report.failed());
    assert_eq!(report.skipped.len(), 2, "{report}");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("previous programme stays"))
    );
    assert_eq!(
        std::fs::read(programme_path(&public, CENTRE)).expect("still"),
        before
    );
    assert_eq!(db.culture_shows(CENTRE).await.expect("shows").len(), 2);
    let runs = db.import_runs("centre", CENTRE, 10).await.expect("runs");
    assert_eq!(runs.len(), 2);
    assert!(runs[0].1.contains("\"imported\":0"));

    let err = import_files(&db, &public, "demo-gent", &[fixture(PERMANENT)]).await;
    assert!(
        err.is_err_and(|e| e.to_string().contains("no centre")),
        "a library is no centre"
    );
}

/// A loopback server: `/events.json` serves a sample, `/kapot` answers 500, `/traag`
/// answers after two seconds.
async fn events_server() -> (String, tokio::task::JoinHandle<()>) {
    let body = std::fs::read_to_string(fixture(PERMANENT)).expect("fixture");
    let router = Router::new()
        .route("/events.json", get(move || async move { body }))
        .route(
            "/kapot",
            get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "kapot") }),
        )
        .route(
            "/traag",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(2)).await;
                "[]"
            }),
        );
    support::serve_on_loopback(router).await
}

async fn importing_a_url_fetches_with_a_timeout_and_reports_failures(backend: Backend) {
    let (app, db) = db(backend).await;
    let public = app.state.config.public_data_dir();
    let (base, server) = events_server().await;
    let timeout = Duration::from_secs(10);
    let report = import_url(
        &db,
        &public,
        CENTRE,
        &format!("{base}/events.json"),
        timeout,
        true,
    )
    .await
    .expect("import");
    assert_eq!(report.imported, 1, "{report}");
    let before = std::fs::read(programme_path(&public, CENTRE)).expect("published");

    let report = import_url(
        &db,
        &public,
        CENTRE,
        &format!("{base}/kapot"),
        timeout,
        true,
    )
    .await
    .expect("runs");
    assert!(report.failed());
    assert_eq!(
        report.skipped[0].reason,
        "the server answered 500 Internal Server Error"
    );
    let report = import_url(
        &db,
        &public,
        CENTRE,
        &format!("{base}/traag"),
        Duration::from_millis(300),
        true,
    )
    .await
    .expect("runs");
    assert_eq!(report.skipped[0].reason, "cannot fetch: timed out");
    let report = import_url(
        &db,
        &public,
        CENTRE,
        "ftp://example.invalid/x",
        timeout,
        true,
    )
    .await
    .expect("runs");
    assert!(report.skipped[0].reason.contains("http://"));
    server.abort();
    let report = import_url(
        &db,
        &public,
        CENTRE,
        &format!("{base}/events.json"),
        timeout,
        true,
    )
    .await
    .expect("runs");
    assert!(
        report.skipped[0].reason.starts_with("cannot fetch"),
        "{report}"
    );
    assert_eq!(
        std::fs::read(programme_path(&public, CENTRE)).expect("still"),
        before
    );
}

async fn an_events_url_may_not_reach_internal_addresses_and_its_query_is_not_kept(
    backend: Backend,
) {
    let (app, db) = db(backend).await;
    let public = app.state.config.public_data_dir();
    let (base, server) = events_server().await;
    let timeout = Duration::from_secs(10);
    // The stand-in answers on loopback; without the tests' setting it is never asked,
    // and every internal address gets the same answer.
    for url in [
        format!("{base}/events.json?apiKey=secret-777"),
        "http://169.254.169.254/latest/meta-data?apiKey=secret-777".to_string(),
        "http://localhost:9/events.json?apiKey=secret-777".to_string(),
        "http://[::1]:9/x?apiKey=secret-777".to_string(),
    ] {
        let report = import_url(&db, &public, CENTRE, &url, timeout, false)
            .await
            .expect("runs");
        assert!(report.failed(), "{url}: {report}");
        let reason = &report.skipped[0].reason;
        assert!(
            reason == "cannot fetch: address not allowed"
                || reason == "cannot fetch: cannot connect",
            "{url}: {reason}"
        );
        assert!(
            !serde_json::to_string(&report)
                .expect("json")
                .contains("secret-777")
        );
    }
    // Allowed, the query is still left out of the report and the stored run.
    let report = import_url(
        &db,
        &public,
        CENTRE,
        &format!("{base}/events.json?apiKey=secret-777"),
        timeout,
        true,
    )
    .await
    .expect("import");
    assert_eq!(report.imported, 1, "{report}");
    let json = serde_json::to_string(&report).expect("json");
    assert!(!json.contains("secret-777"), "{json}");
    server.abort();
}

async fn the_demo_programme_is_seeded_through_the_database_and_published(backend: Backend) {
    let (app, db) = db(backend).await;
    let public = app.state.config.public_data_dir();
    static_api::demo::seed_programmes(&db, &public)
        .await
        .expect("seed");
    let programme = published(&public, CENTRE);
    assert!(programme.demo);
    assert_eq!(programme.shows.len(), 40);
    assert_eq!(programme.shows.iter().filter(|s| s.in_swipe).count(), 12);
    assert!(programme.venues.iter().any(|v| v.transport_note.is_some()));
    assert!(
        programme
            .shows
            .iter()
            .all(|s| s.title.nl.ends_with("(demo)"))
    );
    // Every show has a poster drawn for the demo, published beside the centres' uploads.
    for show in &programme.shows {
        let src = show.image.as_ref().and_then(|i| i.src.as_deref());
        let file = src
            .and_then(|src| src.strip_prefix("/data/"))
            .map(|rel| public.join(rel))
            .unwrap_or_default();
        assert!(
            src.is_some_and(
                |s| s.starts_with(&format!("/data/{}/", static_api::demo::DEMO_POSTERS))
            ),
            "{}: {src:?}",
            show.id
        );
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            bytes.starts_with(&[0xff, 0xd8, 0xff]),
            "{} is no JPEG",
            file.display()
        );
    }

    // Staff take a show out of the swipe; the next demo run keeps that.
    let first = programme
        .shows
        .iter()
        .find(|s| s.in_swipe)
        .expect("a swipe show");
    db.set_in_swipe(CENTRE, &first.id, false)
        .await
        .expect("swipe");
    static_api::demo::seed_programmes(&db, &public)
        .await
        .expect("seed again");
    let again = published(&public, CENTRE);
    assert_eq!(again.shows.iter().filter(|s| s.in_swipe).count(), 11);
}

/// `static-api import events`, on PostgreSQL when `url` is given.
fn cli(data: &Path, url: Option<&DatabaseUrl>, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_static-api"));
    command.env_remove("DATABASE_URL");
    if let Some(url) = url {
        command.env("DATABASE_URL", url.as_str());
    }
    command
        .arg("--data-dir")
        .arg(data)
        .args(["import", "events"])
        .args(args)
        .output()
        .expect("run static-api")
}

async fn the_command_line_reports_and_exits_non_zero_when_nothing_is_imported(backend: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = support::database_url(backend).await;
    {
        let mut config = Config::new(dir.path(), dir.path().join("site"));
        config.database_url = url.clone();
        let state = AppState::open(config).await.expect("open");
        state
            .db
            .insert_org(&Organisation {
                kind: OrgKind::Centre,
                id: "cc-leuven".into(),
                name: "CC Leuven".into(),
                town: "Leuven".into(),
                archived: false,
            })
            .await
            .expect("centre");
    }
    let permanent = fixture(PERMANENT);
    let exhibition = fixture(EXHIBITION);
    let (p, e) = (
        permanent.to_str().expect("path"),
        exhibition.to_str().expect("path"),
    );

    let ok = cli(dir.path(), url.as_ref(), &["--centre", "cc-leuven", p, e]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(
        out.starts_with("events import: 2 imported, 0 skipped"),
        "{out}"
    );
    assert_eq!(
        published(&dir.path().join("public"), "cc-leuven")
            .shows
            .len(),
        1
    );

    let json = cli(
        dir.path(),
        url.as_ref(),
        &["--centre", "cc-leuven", "--json", p],
    );
    assert!(json.status.success());
    let report: ImportReport = serde_json::from_slice(&json.stdout).expect("report JSON");
    assert_eq!((report.kind.as_str(), report.imported), ("events", 1));

    let none = cli(
        dir.path(),
        url.as_ref(),
        &[
            "--centre",
            "cc-leuven",
            fixture("udb3-search-service__place-original-with-opening-hours.json")
                .to_str()
                .expect("path"),
        ],
    );
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stdout).contains("not an event: a place"));
    assert!(String::from_utf8_lossy(&none.stderr).contains("nothing imported for cc-leuven"));

    let unknown = cli(dir.path(), url.as_ref(), &["--centre", "cc-nergens", p]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no centre \"cc-nergens\""));

    let both = cli(
        dir.path(),
        url.as_ref(),
        &["--centre", "cc-leuven", "--url", "http://127.0.0.1:9/x", p],
    );
    assert!(!both.status.success(), "a URL or files, not both");
    let neither = cli(dir.path(), url.as_ref(), &["--centre", "cc-leuven"]);
    assert!(!neither.status.success());
    let refused = cli(
        dir.path(),
        url.as_ref(),
        &[
            "--centre",
            "cc-leuven",
            "--url",
            "http://127.0.0.1:9/events.json",
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("cannot fetch"));
}

on_both_backends!(
    the_command_line_reports_and_exits_non_zero_when_nothing_is_imported,
    imports_update_imported_shows_but_keep_staff_shows_swipe_choices_and_notes,
    staff_shows_are_listed_put_and_deleted_but_imported_ones_are_not_theirs,
    the_published_programme_holds_shows_that_have_not_ended,
    importing_files_publishes_and_a_failed_import_changes_nothing,
    importing_a_url_fetches_with_a_timeout_and_reports_failures,
    an_events_url_may_not_reach_internal_addresses_and_its_query_is_not_kept,
    the_demo_programme_is_seeded_through_the_database_and_published,
);
