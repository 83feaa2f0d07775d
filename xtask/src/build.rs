//! The composite commands: build the site, serve it, test everything, benchmark.

use std::path::PathBuf;
use std::process::Command;

use suite_domain::apps::APPS;

use crate::run::{self, Result, Steps, cargo, root};
use crate::setup::{Needs, Tools, setup};
use crate::site;
use crate::wasm_loader;

/// Crates that only build for wasm32 (checked and tested with that target).
pub(crate) const WASM_CRATES: [&str; 11] = [
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
pub(crate) const NO_BROWSER_TESTS: [&str; 1] = ["voor-de-show"];

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

pub(crate) fn e2e_command(tools: &Tools) -> Command {
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
