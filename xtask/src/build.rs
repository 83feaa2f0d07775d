//! The composite commands: build the site, serve it, test everything, benchmark.

use std::path::PathBuf;
use std::process::Command;

use suite_domain::apps::APPS;

use crate::run::{self, Result, Steps, cargo, root};
use crate::schemathesis;
use crate::setup::{Needs, Tools, setup};
use crate::site;
use crate::test_database::TestDatabase;
use crate::wasm_loader;

/// schemathesis' examples per operation in `test` (well under a minute) and in `bench`.
const SCHEMATHESIS_TEST_EXAMPLES: u32 = 5;
const SCHEMATHESIS_BENCH_EXAMPLES: u32 = 50;
/// Seconds each fuzz target runs in `test`, in `bench` and by default in `fuzz`.
const FUZZ_TEST_SECONDS: u32 = 5;
const FUZZ_BENCH_SECONDS: u32 = 120;
const FUZZ_DEFAULT_SECONDS: u32 = 60;

/// Crates that only build for wasm32 (checked and tested with that target).
const WASM_CRATES: [&str; 11] = [
    "suite-ui",
    "suite-beheer",
    "voor-de-show",
    "bibster",
    "bieblo",
    "culture-matcher",
    "culture-matcher-beheer",
    "bibster-beheer",
    "e-reader",
    "e-reader-beheer",
    "voor-de-show-beheer",
];

/// The wasm crates without browser unit tests (the bevy game's rules are tested
/// natively in `suite-domain`, its bevy logic natively in its own crate with
/// `MinimalPlugins`: see the native test step).
const NO_BROWSER_TESTS: [&str; 1] = ["voor-de-show"];

/// Builds one app with trunk into `target/site/<slug>`, unless its inputs are
/// unchanged since the last build. Its compression (and then its up-to-date stamp) runs on
/// a thread of its own, beside the next app's build: join the handle before serving.
fn build_app(slug: &str, tools: &Tools) -> Result<Option<Compressing>> {
    let root = root();
    // What the app's build reads: the shared crates' sources (not their tests).
    let mut inputs: Vec<PathBuf> = [
        "Cargo.toml",
        "Cargo.lock",
        "Trunk.toml",
        "shared/domain/Cargo.toml",
        "shared/domain/src",
    ]
    .iter()
    .map(|p| root.join(p))
    .collect();
    // The game uses no suite-ui; its staff bundle does.
    let staff_crate = root.join("apps").join(format!("{slug}-{STAFF_BUNDLE}"));
    if slug != "voor-de-show" || staff_crate.is_dir() {
        for p in [
            "shared/ui/Cargo.toml",
            "shared/ui/src",
            "shared/ui/style.css",
            "shared/ui/staff.css",
        ] {
            inputs.push(root.join(p));
        }
    }
    inputs.push(root.join("apps").join(slug));
    // An app whose staff bundle is a crate of its own (`apps/<slug>-beheer`, linked from
    // its `beheer.html`).
    if staff_crate.is_dir() {
        inputs.push(staff_crate);
    }
    if slug == "voor-de-show" {
        inputs.push(root.join("game-assets"));
    }
    let fingerprint = site::fingerprint(&inputs);
    let dist = site::site_dir().join(slug);
    let stamp = dist.join(".fingerprint");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(fingerprint.as_str())
        && dist.join("index.html").is_file()
    {
        println!("    {slug}: up to date");
        return Ok(None);
    }
    trunk_build(
        tools,
        &format!("apps/{slug}/index.html"),
        &format!("/{slug}/"),
        &dist,
    )?;
    // An app may ship some pages as bundles of their own (`apps/<slug>/<name>.html`, served
    // at `/<slug>/<name>/`): the staff pages (`beheer.html`), Culture Matcher's saved shows
    // (`bewaard.html`), so the first download stays small. Built after the main bundle,
    // whose build replaces `dist`.
    for name in sub_bundles(&root.join("apps").join(slug)) {
        let html = format!("apps/{slug}/{name}.html");
        trunk_build(tools, &html, &format!("/{slug}/{name}/"), &dist.join(&name))?;
    }
    println!("    {slug}: compressing (brotli 11, gzip 9) beside the next build");
    let slug = slug.to_string();
    Ok(Some(std::thread::spawn(move || {
        site::compress_dir(&dist)?;
        std::fs::write(&stamp, fingerprint)
            .map_err(|e| run::Failure::new(format!("cannot write {}: {e}", stamp.display())))?;
        Ok(slug)
    })))
}

/// An app's compression running on its own thread; it answers the app's slug.
type Compressing = std::thread::JoinHandle<Result<String>>;

/// Waits for the apps' compression threads; the first failure wins.
fn finish_compressing(pending: Vec<Compressing>) -> Result {
    let mut outcome = Ok(());
    for handle in pending {
        let done = handle
            .join()
            .unwrap_or_else(|_| Err(run::Failure::new("an app's compression thread panicked")));
        match done {
            Ok(slug) => println!("    {slug}: compressed"),
            Err(e) if outcome.is_ok() => outcome = Err(e),
            Err(_) => {}
        }
    }
    outcome
}

/// The folder (and URL segment) of an app's separate staff bundle.
const STAFF_BUNDLE: &str = "beheer";

/// The names of an app's extra bundles: its HTML files other than `index.html`, sorted.
fn sub_bundles(app_dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(app_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".html")?;
            (stem != "index").then(|| stem.to_string())
        })
        .collect();
    names.sort();
    names
}

/// One trunk release build of `html` into `dist`, served under `public_url`, with its
/// inline boot script moved into a file (the CSP allows no inline script), or, for a page
/// with a wasm loader of its own (Voor de Show's), dropped for that loader.
fn trunk_build(tools: &Tools, html: &str, public_url: &str, dist: &std::path::Path) -> Result {
    run::run(
        Command::new("trunk")
            .current_dir(root())
            .env("PATH", &tools.path)
            .args([
                "--config",
                "Trunk.toml",
                "build",
                "--release",
                "--public-url",
                public_url,
                "--dist",
            ])
            .arg(dist)
            .arg(html),
    )?;
    let page = dist.join("index.html");
    if wasm_loader::hand_wasm_to_loader(&page, public_url)? {
        println!("    {public_url}: the wasm goes to the page's own loader");
    }
    site::externalise_inline_scripts(&page, public_url)
}

/// Every bundle the site serves: the apps and the service's back-office.
fn all_bundles() -> Vec<&'static str> {
    let mut all: Vec<&str> = APPS.iter().map(|a| a.slug).collect();
    all.push(suite_domain::apps::ADMIN_SLUG);
    all
}

pub(crate) fn build_site(tools: &Tools, steps: &mut Steps) -> Result {
    build_apps(tools, steps, &all_bundles())
}

fn build_apps(tools: &Tools, steps: &mut Steps, slugs: &[&str]) -> Result {
    steps.step("portal");
    site::copy_portal()?;
    site::compress_dir(&site::site_dir().join("portal"))?;
    let mut pending = Vec::new();
    for slug in slugs {
        steps.step(&format!("app {slug} (trunk, release)"));
        match build_app(slug, tools) {
            Ok(compressing) => pending.extend(compressing),
            Err(e) => {
                // Let the started compressions finish: their stamps must not be half-made.
                let _ = finish_compressing(pending);
                return Err(e);
            }
        }
    }
    finish_compressing(pending)
}

/// `cargo xtask build [app...]`: the portal and the named apps (all when none named).
pub(crate) fn build(args: &[String]) -> Result {
    let known = all_bundles();
    let mut slugs: Vec<&str> = Vec::new();
    for arg in args {
        let Some(slug) = known.iter().find(|k| **k == arg.as_str()) else {
            return Err(run::Failure::new(format!(
                "unknown app {arg:?}; the apps are: {}",
                known.join(", ")
            )));
        };
        slugs.push(slug);
    }
    if slugs.is_empty() {
        slugs = known;
    }
    let tools = setup(Needs::Build)?;
    let mut steps = Steps::new("build", 1 + slugs.len());
    build_apps(&tools, &mut steps, &slugs)?;
    steps.finish();
    Ok(())
}

/// `cargo xtask e2e [cargo test args...]`: only the end-to-end tests, on the site as
/// last built (build the apps they need first).
pub(crate) fn e2e(args: &[String]) -> Result {
    let tools = setup(Needs::All)?;
    // The one-program test packs the server program cargo builds beside the tests.
    run::run(cargo().args([
        "build",
        "--locked",
        "--package",
        "static-api",
        "--bin",
        "static-api",
    ]))?;
    run::run(e2e_command(&tools).args(args))
}

fn e2e_command(tools: &Tools) -> Command {
    let mut e2e = cargo();
    e2e.env("PATH", &tools.path)
        .env("SUITE_SITE_DIR", site::site_dir())
        .args(["test", "--locked", "--package", "e2e"]);
    if let Some(driver) = &tools.chromedriver {
        e2e.env("CHROMEDRIVER", driver);
    }
    if let Some(axe) = &tools.axe_core {
        e2e.env("AXE_CORE_JS", axe);
    }
    e2e
}

/// `cargo xtask serve`: setup, build, and run the server with demo data.
pub(crate) fn serve() -> Result {
    let tools = setup(Needs::Build)?;
    let mut steps = Steps::new("serve", 3 + APPS.len());
    build_site(&tools, &mut steps)?;
    steps.step("server (demo data in target/demo-data, SQLite)");
    let data = root().join("target/demo-data");
    run::run(
        cargo()
            .args([
                "run",
                "--profile",
                "server",
                "--package",
                "static-api",
                "--",
                "--data-dir",
            ])
            .arg(&data)
            .args(["serve", "--demo", "--addr", "127.0.0.1:8080", "--site-dir"])
            .arg(site::site_dir()),
    )
}

/// `cargo xtask test`: everything CI checks, in order of speed.
pub(crate) fn test() -> Result {
    // Checked first: a typo in it should not wait for the whole build.
    let database = TestDatabase::chosen()?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    run::check_disk(&target)?;
    let tools = setup(Needs::All)?;
    let mut steps = Steps::new("test", 8 + 2 + APPS.len());

    steps.step("cargo fmt --check");
    run::run(cargo().args(["fmt", "--all", "--check"]))?;

    steps.step("cargo deny (licences, banned and duplicate crates, sources)");
    crate::deny::check()?;

    steps.step("clippy (native crates), warnings are errors");
    let mut native = cargo();
    native.args(["clippy", "--workspace", "--all-targets", "--locked"]);
    for krate in WASM_CRATES {
        native.args(["--exclude", krate]);
    }
    run::run(native.args(["--", "-D", "warnings"]))?;

    steps.step("clippy (wasm crates), warnings are errors");
    let mut wasm = cargo();
    wasm.args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--locked",
    ]);
    for krate in WASM_CRATES {
        wasm.args(["--package", krate]);
    }
    run::run(wasm.args(["--", "-D", "warnings"]))?;

    steps.step(&format!(
        "fuzz every parser of outside data for {FUZZ_TEST_SECONDS} s each ({})",
        crate::fuzz::NIGHTLY
    ));
    crate::fuzz::run_all(FUZZ_TEST_SECONDS)?;

    build_site(&tools, &mut steps)?;

    // The native tests and the end-to-end tests in one cargo run: the crates they share
    // (the whole server) are built once, with one set of features.
    steps.step(&format!(
        "native unit and integration tests (store tests on SQLite and PostgreSQL), and \
         end-to-end tests (real server on {}, headless Chromium)",
        database.name()
    ));
    run::run(e2e_command(&tools).args([
        "--package",
        "suite-domain",
        "--package",
        "suite-import",
        "--package",
        "static-api",
        "--package",
        "xtask",
        // The game's logic as a bevy app without a window (its screens, pacing, sound
        // cues and a show's version), built natively: bevy without winit.
        "--package",
        "voor-de-show",
    ]))?;

    steps.step(&format!(
        "schemathesis against the demo server's API on {}, short (at most {SCHEMATHESIS_TEST_EXAMPLES} examples per operation)",
        database.name()
    ));
    let server_database = database.server_database()?;
    let outcome = schemathesis::run(
        schemathesis::Binary::Tested,
        SCHEMATHESIS_TEST_EXAMPLES,
        server_database.as_ref().map(|d| d.url.as_str()),
    )?;
    drop(server_database);
    println!("    {}", outcome.line());
    if !outcome.clean() {
        return Err(run::Failure::new(format!(
            "schemathesis found bad answers (see its output above): {}",
            outcome.line()
        )));
    }

    let tested: Vec<&str> = WASM_CRATES
        .into_iter()
        .filter(|c| !NO_BROWSER_TESTS.contains(c))
        .collect();
    steps.step(&format!(
        "browser unit tests (wasm-bindgen-test in headless Chromium: {})",
        tested.join(", ")
    ));
    let mut browser = cargo();
    browser.env("PATH", &tools.path).args([
        "test",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    for krate in tested {
        browser.args(["--package", krate]);
    }
    if let Some(driver) = &tools.chromedriver {
        browser.env("CHROMEDRIVER", driver);
    }
    run::run(&mut browser)?;
    steps.finish();
    Ok(())
}

/// `cargo xtask fuzz [seconds]`: every target for `seconds` each, then the figures.
pub(crate) fn fuzz(seconds: Option<&str>) -> Result {
    let seconds = match seconds {
        None => FUZZ_DEFAULT_SECONDS,
        Some(text) => text.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
            run::Failure::new(format!(
                "seconds must be a whole number above 0, not {text:?}"
            ))
        })?,
    };
    crate::fuzz::install(crate::fuzz::start_nightly_install()?)?;
    let runs = crate::fuzz::run_all(seconds)?;
    println!("{}", crate::fuzz::markdown(&runs));
    Ok(())
}

/// Builds the server as it runs in production (`--profile server`) and returns its path.
pub(crate) fn server_binary() -> Result<PathBuf> {
    run::run(cargo().args([
        "build",
        "--locked",
        "--profile",
        "server",
        "--package",
        "static-api",
    ]))?;
    Ok(root().join("target/server/static-api"))
}

/// `cargo xtask bench`: writes `target/bench/report.md` and `report.json`.
pub(crate) fn bench() -> Result {
    let tools = setup(Needs::Bench)?;
    let mut steps = Steps::new("bench", 7 + APPS.len());
    build_site(&tools, &mut steps)?;
    steps.step("crash test: 1,000 rounds of SIGKILL under a write load (about 15 min)");
    let crash = run::output_and_errors(cargo().env("SUITE_CRASH_ROUNDS", "1000").args([
        "test",
        "--locked",
        "--profile",
        "server",
        "--package",
        "static-api",
        "--test",
        "it",
        "crash::",
        "--",
        "--nocapture",
    ]));
    let crash_summary = crash
        .lines()
        .find(|l| l.starts_with("crash rounds:"))
        .map(str::to_string)
        .unwrap_or_else(|| "FAILED (see the output above)".to_string());
    println!("    {crash_summary}");
    steps.step("server binary for the hardening figures");
    let server_bin = server_binary()?;
    steps.step(&format!(
        "schemathesis against the demo server's API (at most {SCHEMATHESIS_BENCH_EXAMPLES} examples per operation)"
    ));
    // Reported, not asserted (as every bench figure): a failed run is in the report.
    let schemathesis_md = root().join("target/bench/schemathesis.md");
    let section = match schemathesis::run(
        schemathesis::Binary::Bench,
        SCHEMATHESIS_BENCH_EXAMPLES,
        None,
    ) {
        Ok(outcome) => {
            println!("    {}", outcome.line());
            outcome.markdown()
        }
        Err(e) => format!("\n## Bad input (schemathesis)\n\nNot measured: {e}\n"),
    };
    std::fs::create_dir_all(root().join("target/bench"))
        .and_then(|()| std::fs::write(&schemathesis_md, section))
        .map_err(|e| {
            run::Failure::new(format!("cannot write {}: {e}", schemathesis_md.display()))
        })?;
    steps.step(&format!(
        "fuzz every parser of outside data for {FUZZ_BENCH_SECONDS} s each"
    ));
    let fuzz_md = root().join("target/bench/fuzz.md");
    let section = match crate::fuzz::run_all(FUZZ_BENCH_SECONDS) {
        Ok(runs) => crate::fuzz::markdown(&runs),
        Err(e) => format!("\n## Bad input (fuzzing)\n\nFAILED: {e}\n"),
    };
    std::fs::write(&fuzz_md, section)
        .map_err(|e| run::Failure::new(format!("cannot write {}: {e}", fuzz_md.display())))?;
    steps.step("measure (sizes, time to ready, API load, hardening)");
    let mut cmd = cargo();
    cmd.env("PATH", &tools.path)
        .env("SUITE_SITE_DIR", site::site_dir())
        .env("SUITE_SERVER_BIN", &server_bin)
        .env("SUITE_CRASH_SUMMARY", &crash_summary)
        .env("SUITE_SCHEMATHESIS_REPORT", &schemathesis_md)
        .env("SUITE_FUZZ_REPORT", &fuzz_md)
        .args([
            "run",
            "--locked",
            "--profile",
            "server",
            "--package",
            "e2e",
            "--bin",
            "bench",
            "--",
        ])
        .arg(root().join("target/bench"));
    if let Some(driver) = &tools.chromedriver {
        cmd.env("CHROMEDRIVER", driver);
    }
    run::run(&mut cmd)?;
    steps.finish();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_bundles_are_the_html_files_beside_index() {
        let dir = std::env::temp_dir().join(format!("xtask-bundles-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("src")).expect("temp dir");
        for file in [
            "index.html",
            "bewaard.html",
            "beheer.html",
            "style.css",
            "Cargo.toml",
        ] {
            std::fs::write(dir.join(file), "").expect("temp file");
        }
        let names = sub_bundles(&dir);
        std::fs::remove_dir_all(&dir).expect("remove temp dir");
        assert_eq!(names, ["beheer", "bewaard"]);
        assert!(sub_bundles(&dir).is_empty(), "a missing folder has none");
    }
}
