//! The live catalogue client against a stand-in catalogue on loopback that replays the
//! real samples: paging, details and availability per candidate, the 401 and 409 error
//! bodies, retries on 503 and timeouts, giving up on a catalogue that keeps failing, and
//! covers. Nothing here leaves the machine.

use crate::support;

use std::path::Path;
use std::time::Duration;

use axum::http::StatusCode;
use static_api::import::catalogue::{CatalogueImport, snapshot_path};
use static_api::import::covers::{CoverStore, cover_name};
use static_api::import::live::{LiveClient, LiveError, LiveImport, import_live};
use suite_domain::bieblo::{Snapshot, default_themes};
use suite_domain::import::ImportReport;
use suite_import::catalogue::parse_availability;
use support::catalogue::{ADULT_IDS, FakeCatalogue, KEY, KID_ID, Plan, fixture};

const NOW: &str = "2026-11-28T08:00:00Z";

fn queries() -> Vec<String> {
    vec!["genre:detectives".to_string()]
}

async fn run(
    client: &LiveClient,
    public: &Path,
    queries: &[String],
    covers: Option<&CoverStore>,
) -> Result<ImportReport, LiveError> {
    let themes = default_themes();
    let job = LiveImport {
        import: CatalogueImport {
            library: "wetteren",
            location: None,
            demo: false,
            now: NOW,
            themes: &themes,
        },
        profile: "wetteren",
        queries,
    };
    import_live(client, &job, public, covers).await
}

fn published(public: &Path) -> Snapshot {
    let bytes = std::fs::read(snapshot_path(public, "wetteren")).expect("a published snapshot");
    serde_json::from_slice(&bytes).expect("snapshot JSON")
}

/// Publishes a snapshot the next runs must not replace; returns its bytes.
fn previous_snapshot(public: &Path) -> Vec<u8> {
    let path = snapshot_path(public, "wetteren");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    let bytes =
        br#"{"library":"wetteren","generated_at":"earlier","demo":false,"themes":[],"books":[]}"#;
    std::fs::write(&path, bytes).expect("write");
    bytes.to_vec()
}

#[tokio::test]
async fn pages_through_the_search_then_reads_details_and_copies_of_the_candidates() {
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let report = run(&catalogue.client(), dir.path(), &queries(), None)
        .await
        .expect("the run completes");

    let searches = catalogue.hits("search");
    let pages: Vec<_> = searches
        .iter()
        .map(|h| h.query.get("page").cloned().unwrap_or_default())
        .collect();
    assert_eq!(pages, ["1", "2"], "3 results in pages of 2");
    for hit in &searches {
        assert_eq!(hit.profile, "wetteren");
        assert_eq!(
            hit.query.get("q").map(String::as_str),
            Some("genre:detectives")
        );
        assert_eq!(hit.query.get("pagesize").map(String::as_str), Some("2"));
        assert_eq!(
            hit.query.get("authorization").map(String::as_str),
            Some(KEY)
        );
        assert_eq!(hit.query.get("lang").map(String::as_str), Some("nl"));
    }
    // Only the children's record costs details and availability requests.
    for endpoint in ["details", "availability"] {
        let ids: Vec<_> = catalogue
            .hits(endpoint)
            .iter()
            .map(|h| h.query.get("id").cloned().unwrap_or_default())
            .collect();
        assert_eq!(ids, [KID_ID], "{endpoint}");
    }

    assert_eq!(report.imported, 1, "{report}");
    for adult in ADULT_IDS {
        assert!(
            report
                .skipped
                .iter()
                .any(|s| s.record == adult && s.reason.contains("children")),
            "{report}"
        );
    }
    let snapshot = published(dir.path());
    let book = &snapshot.books[0];
    assert_eq!(book.id, KID_ID);
    assert_eq!(book.title, "Hoe vermoord ik mijn familie?");
    assert_eq!((book.ages.min, book.ages.max), (9, 11));
    assert_eq!(book.themes, vec!["adventure".into()]);
    let copies = parse_availability(&fixture("availability.xml"))
        .expect("sample")
        .copies();
    assert_eq!(book.copies, copies);
    assert_eq!(book.cover, None);
    let json = serde_json::to_string(&report).expect("json");
    assert!(!json.contains(KEY), "the key is never reported");
}

#[tokio::test]
async fn a_refused_key_stops_the_run_at_once_with_the_catalogues_reason() {
    let catalogue = FakeCatalogue::start(Plan::default()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let before = previous_snapshot(dir.path());
    let client = LiveClient::new(catalogue.config_with_key("wrong-key-777")).expect("client");
    let error = run(&client, dir.path(), &queries(), None)
        .await
        .expect_err("a 401 stops the run");
    match &error {
        LiveError::Unauthorized { profile, api } => {
            assert_eq!(profile, "wetteren");
            assert_eq!(api.code, "UnAuthorized");
            assert_eq!(api.reason, "Missing authorization");
        }
        other => panic!("not Unauthorized: {other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("refused the API key"), "{message}");
    assert!(
        message.contains("UnAuthorized (Missing authorization)"),
        "{message}"
    );
    assert!(!message.contains("wrong-key-777"), "{message}");
    assert!(!format!("{error:?}").contains("wrong-key-777"));
    assert_eq!(catalogue.hits("search").len(), 1, "a 401 is not retried");
    assert!(catalogue.hits("details").is_empty());
    let std_path = snapshot_path(dir.path(), "wetteren");
    assert_eq!(std::fs::read(std_path).expect("still there"), before);
}

#[tokio::test]
async fn a_rejected_request_is_reported_with_the_catalogues_reason_and_not_retried() {
    let mut plan = Plan::default();
    plan.reply
        .insert("search", (StatusCode::CONFLICT, fixture("error-409.xml")));
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let before = previous_snapshot(dir.path());
    let report = run(&catalogue.client(), dir.path(), &queries(), None)
        .await
        .expect("a 409 is the request's failure, not the run's");
    assert!(report.failed());
    let reason = &report.skipped[0].reason;
    assert_eq!(
        report.skipped[0].record,
        "search \"genre:detectives\" page 1"
    );
    assert!(reason.contains("HTTP 409"), "{reason}");
    assert!(
        reason.contains("FailedValidation (Parameter 'q' is required exactly once.)"),
        "{reason}"
    );
    assert_eq!(catalogue.hits("search").len(), 1, "a 409 is not retried");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("previous snapshot stays"))
    );
    assert_eq!(
        std::fs::read(snapshot_path(dir.path(), "wetteren")).expect("kept"),
        before
    );

    // A JSON 409 on details: the search result stands in, with a warning.
    let mut plan = Plan::default();
    plan.reply
        .insert("details", (StatusCode::CONFLICT, fixture("error-409.json")));
    catalogue.set_plan(plan);
    let report = run(&catalogue.client(), dir.path(), &queries(), None)
        .await
        .expect("run");
    assert_eq!(report.imported, 1, "{report}");
    assert!(
        report.warnings.iter().any(|w| w.contains(KID_ID)
            && w.contains("FailedValidation (Parameter 'lang' has an invalid value.)")),
        "{report}"
    );
}

#[tokio::test]
async fn a_503_is_retried_and_the_run_then_succeeds() {
    let mut plan = Plan::default();
    plan.fail_first.insert("search", 1);
    plan.fail_first.insert("availability", 2);
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let report = run(&catalogue.client(), dir.path(), &queries(), None)
        .await
        .expect("run");
    assert_eq!(report.imported, 1, "{report}");
    let pages: Vec<_> = catalogue
        .hits("search")
        .iter()
        .map(|h| h.query.get("page").cloned().unwrap_or_default())
        .collect();
    assert_eq!(pages, ["1", "1", "2"], "page 1 asked again after the 503");
    assert_eq!(
        catalogue.hits("availability").len(),
        3,
        "two 503s, then the answer"
    );
}

#[tokio::test]
async fn a_request_that_times_out_is_retried_then_reported() {
    let mut plan = Plan::default();
    plan.delay.insert("availability", Duration::from_secs(3));
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = catalogue.config();
    config.timeout = Duration::from_millis(200);
    config.retries = 1;
    let client = LiveClient::new(config).expect("client");
    let report = run(&client, dir.path(), &queries(), None)
        .await
        .expect("run");
    assert!(report.failed(), "{report}");
    let skipped = report
        .skipped
        .iter()
        .find(|s| s.record == KID_ID)
        .expect("the record is skipped");
    assert!(
        skipped.reason.contains("availability not read")
            && skipped.reason.contains("2 attempt(s)")
            && skipped.reason.contains("timed out after 200ms"),
        "{}",
        skipped.reason
    );
    assert_eq!(catalogue.hits("availability").len(), 2);
    assert!(!snapshot_path(dir.path(), "wetteren").exists());
}

#[tokio::test]
async fn a_catalogue_that_keeps_failing_stops_the_run() {
    let mut plan = Plan::default();
    plan.fail_first.insert("search", 1_000);
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let before = previous_snapshot(dir.path());
    let mut config = catalogue.config();
    config.retries = 1;
    config.give_up_after = 2;
    let client = LiveClient::new(config).expect("client");
    let queries: Vec<String> = ["a", "b", "c", "d"].iter().map(|q| q.to_string()).collect();
    let error = run(&client, dir.path(), &queries, None)
        .await
        .expect_err("the run stops");
    assert!(matches!(error, LiveError::Unreachable(_)), "{error:?}");
    assert!(error.to_string().contains("HTTP 503"), "{error}");
    assert_eq!(
        catalogue.hits("search").len(),
        4,
        "2 searches x 2 attempts, then no more"
    );
    assert_eq!(
        std::fs::read(snapshot_path(dir.path(), "wetteren")).expect("kept"),
        before
    );
    let report = error.to_report();
    assert!(report.failed());
    assert_eq!(report.skipped[0].record, "catalogue API");
}

#[tokio::test]
async fn the_cover_of_a_live_record_is_fetched_shrunk_and_published_as_ours() {
    let plan = Plan {
        cover_path: Some("/covers/good.png".into()),
        ..Plan::default()
    };
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let covers = CoverStore::new(dir.path(), support::loopback_covers()).expect("store");
    let report = run(&catalogue.client(), dir.path(), &queries(), Some(&covers))
        .await
        .expect("run");
    assert_eq!(report.imported, 1, "{report}");
    let name = cover_name(&format!("{}/covers/good.png", catalogue.url()));
    let book = &published(dir.path()).books[0];
    assert_eq!(
        book.cover.as_deref(),
        Some(format!("/data/bieblo/covers/{name}").as_str())
    );
    let stored = image::open(dir.path().join("bieblo/covers").join(&name)).expect("a JPEG");
    assert_eq!((stored.width(), stored.height()), (300, 400));
    assert_eq!(catalogue.hits("covers").len(), 1);
}

async fn cli(args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_static-api"));
    command.args(args).env_remove("SUITE_CATALOGUE_KEY");
    for (name, value) in envs {
        command.env(name, value);
    }
    command.output().await.expect("run static-api")
}

#[tokio::test]
async fn the_command_line_imports_live_and_never_shows_the_key() {
    let plan = Plan {
        cover_path: Some("/covers/good.png".into()),
        ..Plan::default()
    };
    let catalogue = FakeCatalogue::start(plan).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let url = catalogue.url();
    let base = [
        "--data-dir",
        data,
        "import",
        "catalogue",
        "--library",
        "wetteren",
        "--live",
        "--catalogue-url",
        &url,
        "--query",
        "subject:geheimen",
        "--no-covers",
    ];
    let ok = cli(
        &[&base[..], &["--json"]].concat(),
        &[("SUITE_CATALOGUE_KEY", KEY)],
    )
    .await;
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&ok.stdout).expect("JSON report");
    assert_eq!(report["imported"], 1, "{report}");
    let book = &published(&dir.path().join("public")).books[0];
    assert_eq!(book.id, KID_ID);
    assert_eq!(book.cover, None, "--no-covers");
    assert!(
        catalogue.hits("covers").is_empty(),
        "--no-covers fetches none"
    );
    assert_eq!(
        catalogue.hits("search")[0]
            .query
            .get("pagesize")
            .map(String::as_str),
        Some("20"),
        "the documented page size"
    );

    let refused = cli(
        &[&base[..], &["--catalogue-key", "cli-wrong-key"]].concat(),
        &[],
    )
    .await;
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("refused the API key"), "{stderr}");
    assert!(stderr.contains("Missing authorization"), "{stderr}");
    assert!(!stderr.contains("cli-wrong-key"), "{stderr}");

    let no_key = cli(&base, &[]).await;
    assert!(!no_key.status.success());
    assert!(String::from_utf8_lossy(&no_key.stderr).contains("needs an API key"));

    let help = cli(
        &["import", "catalogue", "--help"],
        &[("SUITE_CATALOGUE_KEY", "help-secret")],
    )
    .await;
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("--catalogue-key"), "{text}");
    assert!(!text.contains("help-secret"), "{text}");
}

#[tokio::test]
async fn serve_refuses_a_refresh_too_often_or_without_a_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let args = |every: &'static str| {
        vec![
            "--data-dir",
            data,
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--catalogue-refresh",
            every,
        ]
    };
    let often = cli(&args("5m"), &[("SUITE_CATALOGUE_KEY", KEY)]).await;
    assert!(!often.status.success());
    assert!(String::from_utf8_lossy(&often.stderr).contains("at least 10 minutes"));
    let keyless = cli(&args("6h"), &[]).await;
    assert!(!keyless.status.success());
    assert!(String::from_utf8_lossy(&keyless.stderr).contains("needs an API key"));
    let garbage = cli(&args("soon"), &[]).await;
    assert!(!garbage.status.success());
    assert!(String::from_utf8_lossy(&garbage.stderr).contains("not a duration"));
}
