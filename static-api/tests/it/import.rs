//! The catalogue importer: real samples, broken files, the demo catalogue, publishing
//! only on success, and the command line with its report and exit code.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use axum::http::StatusCode;
use static_api::import::catalogue::{CatalogueImport, import_demo, import_files, snapshot_path};
use suite_domain::bieblo::{Snapshot, Theme, default_themes};
use support::TestApp;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/catalogue")
        .join(name)
}

static DEFAULT_THEMES: LazyLock<Vec<Theme>> = LazyLock::new(default_themes);

fn job(library: &str) -> CatalogueImport<'_> {
    CatalogueImport {
        library,
        location: None,
        demo: false,
        now: "2026-11-28T08:00:00Z",
        themes: &DEFAULT_THEMES,
    }
}

#[test]
fn real_samples_parse_but_hold_no_childrens_books_so_nothing_is_published() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: Vec<_> = [
        "search.xml",
        "details.xml",
        "details.json",
        "availability.xml",
        "error-401.xml",
        "error-409.json",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let report = import_files(dir.path(), &job("wetteren"), &files).expect("import runs");
    assert!(report.failed());
    let reasons: Vec<_> = report
        .skipped
        .iter()
        .map(|s| format!("{} {}", s.record, s.reason))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("error-401.xml") && r.contains("UnAuthorized")),
        "{reasons:#?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("error-409.json") && r.contains("FailedValidation")),
        "{reasons:#?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("6967964") && r.contains("children")),
        "{reasons:#?}"
    );
    assert!(!snapshot_path(dir.path(), "wetteren").exists());
}

#[test]
fn a_search_response_in_json_is_read_as_a_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report =
        import_files(dir.path(), &job("wetteren"), &[fixture("search.json")]).expect("import runs");
    let reasons: Vec<_> = report
        .skipped
        .iter()
        .map(|s| format!("{} {}", s.record, s.reason))
        .collect();
    // Its one record is read and reaches the snapshot's rules (the search form carries
    // no target audience, so it is left out for having no age), not refused as a file.
    assert_eq!(
        reasons,
        ["|library/marc/vlacc|6967964 no target age"],
        "{reasons:#?}"
    );
    assert!(
        !reasons.iter().any(|r| r.contains("search.json")),
        "{reasons:#?}"
    );
}

#[test]
fn a_failed_import_leaves_the_previous_snapshot_live() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = import_demo(
        dir.path(),
        "demo-x",
        &["Hoofdbibliotheek"],
        7,
        "2026-11-28T08:00:00Z",
    )
    .expect("demo");
    assert!(report.imported > 100, "{report}");
    let path = snapshot_path(dir.path(), "demo-x");
    let before = std::fs::read(&path).expect("published");

    let broken = dir.path().join("broken.xml");
    let full = std::fs::read_to_string(fixture("search.xml")).expect("fixture");
    std::fs::write(&broken, &full[..full.len() / 2]).expect("write");
    let missing = dir.path().join("does-not-exist.xml");
    let report = import_files(dir.path(), &job("demo-x"), &[broken, missing]).expect("import runs");
    assert!(report.failed());
    assert_eq!(report.skipped.len(), 2, "{report}");
    assert_eq!(std::fs::read(&path).expect("still there"), before);
}

#[test]
fn demo_snapshot_serves_every_theme_and_age_band_without_third_party_covers() {
    let dir = tempfile::tempdir().expect("temp dir");
    import_demo(
        dir.path(),
        "demo-y",
        &["Hoofdbibliotheek"],
        3,
        "2026-11-28T08:00:00Z",
    )
    .expect("demo");
    let snapshot: Snapshot =
        serde_json::from_slice(&std::fs::read(snapshot_path(dir.path(), "demo-y")).expect("read"))
            .expect("json");
    assert!(snapshot.demo);
    assert_eq!(snapshot.themes.len(), 10);
    for theme in &snapshot.themes {
        assert!(
            snapshot.books.iter().any(|b| b.themes.contains(&theme.id)),
            "{:?} empty",
            theme.id
        );
    }
    assert!(
        snapshot.books.iter().all(|b| b.cover.is_none()),
        "no third-party cover URLs published"
    );
    assert!(snapshot.books.iter().any(|b| {
        b.copies
            .iter()
            .any(|c| c.available && c.branch == "Hoofdbibliotheek")
    }));
}

#[test]
fn unsafe_library_ids_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(import_files(dir.path(), &job("../etc"), &[fixture("search.xml")]).is_err());
}

#[tokio::test]
async fn the_demo_server_publishes_snapshots_under_data() {
    let app = TestApp::new().await;
    static_api::demo::seed_snapshots(&app.state.config.public_data_dir()).expect("seed");
    let res = app.get("/data/bieblo/demo-wetteren.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json["library"], "demo-wetteren");
    assert!(res.json["books"].as_array().is_some_and(|b| b.len() > 100));
    assert!(res.header("etag").is_some());
}

#[test]
fn command_line_prints_the_report_and_exits_non_zero_when_nothing_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_static-api"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "catalogue", "--library", "wetteren", "--json"])
        .arg(fixture("details.xml"))
        .output()
        .expect("run static-api");
    assert!(!out.status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON report on stdout");
    assert_eq!(report["kind"], "catalogue");
    assert_eq!(report["imported"], 0);
    assert!(
        report["skipped"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("children")),
        "{report}"
    );

    let text = Command::new(env!("CARGO_BIN_EXE_static-api"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "catalogue", "--library", "wetteren"])
        .arg(fixture("error-401.xml"))
        .output()
        .expect("run static-api");
    assert!(!text.status.success());
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.starts_with("catalogue import: 0 imported, 1 skipped"),
        "{stdout}"
    );
}

#[test]
fn the_librarys_own_theme_terms_tag_the_books() {
    let demo = suite_import::catalogue::generate_demo_catalogue(3, 120, &["Hoofd"]);
    let mut inputs = vec![("search.xml".to_string(), demo.search_xml)];
    inputs.extend(
        demo.availability_xml
            .into_iter()
            .map(|(id, xml)| (format!("availability {id}"), xml)),
    );
    let tagged = |themes: &[Theme], id: &str| {
        let mut job = job("demo-lib");
        job.demo = true;
        job.themes = themes;
        let (snapshot, _) = static_api::import::catalogue::build(
            &job,
            &inputs,
            suite_domain::import::ImportReport::new("catalogue"),
        );
        snapshot
            .books
            .iter()
            .filter(|b| b.themes.iter().any(|t| t.as_str() == id))
            .count()
    };
    let defaults = default_themes();
    assert!(tagged(&defaults, "animals") > 0);
    let mut own = default_themes();
    let animals = own
        .iter_mut()
        .find(|t| t.id.as_str() == "animals")
        .expect("animals is a default theme");
    animals.subjects = vec!["zeilen".into()];
    animals.genres.clear();
    assert_eq!(tagged(&own, "animals"), 0, "no demo book is about sailing");
    assert_eq!(tagged(&own, "sport"), tagged(&defaults, "sport"));
}
