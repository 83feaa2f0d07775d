//! Voor de Show's loading screen (apps/voor-de-show/loader.js): it counts the wasm's bytes
//! in a percentage, downloads the wasm once, hands over to the game when its title is
//! drawn, and shows a Dutch error with "Opnieuw proberen" when the wasm is missing. While
//! the game loads it says a class link's show and takes the class's age (a click, or
//! keys 1-3), and the game then opens in the cultuurhuis without its title.

use std::path::Path;

use e2e::game_bench::{OBSERVER, PATH};
use e2e::{Browser, Result, TestServer, site_dir};
use serde_json::{Value, json};

mod choice;

/// A browser on `server` that records what the loader shows from the document's start,
/// at Fast 4G (the download then takes seconds: steps to see).
async fn browser_recording(server: &TestServer) -> Result<Browser> {
    let browser = Browser::start(&server.url(""), 1280, 720).await?;
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": 60, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}),
        )
        .await?;
    browser.cdp("Page.enable", json!({})).await?;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": OBSERVER}),
        )
        .await?;
    Ok(browser)
}

/// The percentage in a label "Het spel wordt geladen… 42 %".
fn percent_in(label: &str) -> Option<u32> {
    label
        .strip_prefix("Het spel wordt geladen… ")?
        .strip_suffix("\u{a0}%")?
        .parse()
        .ok()
}

async fn loader_display(browser: &Browser) -> Result<Value> {
    browser
        .eval("return getComputedStyle(document.getElementById('vds-loader')).display;")
        .await
}

/// How often the page requested a wasm (Resource Timing: a preload and a fetch that
/// did not match, or a second loader, would be two).
async fn wasm_requests(browser: &Browser) -> Result<Value> {
    browser
        .eval("return performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.endsWith('.wasm')).length;")
        .await
}

/// A real server on a copy of the built site with the game's files that `missing`
/// picks left out (they answer 404); put them back with [`Broken::repair`].
struct Broken {
    built: std::path::PathBuf,
    game: std::path::PathBuf,
    server: TestServer,
    _site: tempfile::TempDir,
}

impl Broken {
    async fn start(missing: &dyn Fn(&Path) -> bool) -> Result<Self> {
        let built = site_dir()?;
        let site = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        std::fs::copy(built.join("index.html"), site.path().join("index.html"))
            .map_err(|e| format!("copy the portal: {e}"))?;
        let game = site.path().join("voor-de-show");
        copy_dir(&built.join("voor-de-show"), &game, missing)?;
        let root = site.path().to_path_buf();
        let server = TestServer::start_with(|config| config.site_dir = root).await?;
        Ok(Self {
            built,
            game,
            server,
            _site: site,
        })
    }

    /// Copies the files left out into the site.
    fn repair(&self, missing: &dyn Fn(&Path) -> bool) -> Result<()> {
        copy_dir(&self.built.join("voor-de-show"), &self.game, &|path| {
            !missing(path)
        })
    }
}

/// Waits for the loader's error and checks its Dutch message, which says `what`.
async fn loader_error(browser: &Browser, what: &str) -> Result<()> {
    browser
        .wait_until(
            "the loader's error",
            "document.documentElement.dataset.boot === 'error'",
        )
        .await?;
    let message = browser.text("#vds-loader-error-text").await?;
    assert!(
        message.starts_with("Het spel kon niet laden.") && message.contains(what),
        "{message}"
    );
    Ok(())
}

#[tokio::test]
async fn voor_de_show_loader_counts_the_wasm_then_hands_over_to_the_game() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = browser_recording(&server).await?;
    browser.goto(PATH).await?;
    browser.wait_ready().await?;
    let seen = browser.eval("return window.__vds;").await?;
    let labels: Vec<&str> = seen["labels"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let percents: Vec<u32> = labels.iter().filter_map(|l| percent_in(l)).collect();
    assert!(
        percents.iter().any(|p| (1..100).contains(p)),
        "a percentage on the way: {labels:?}"
    );
    assert!(
        percents.windows(2).all(|w| w[0] < w[1]),
        "the percentage only grows: {percents:?}"
    );
    assert_eq!(percents.last(), Some(&100), "{labels:?}");
    assert_eq!(labels.last(), Some(&"Het spel start…"), "{labels:?}");
    let values: Vec<f64> = seen["values"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    assert!(
        values.len() >= 3 && values.last() == Some(&100.0),
        "the bar's value follows: {values:?}"
    );
    assert_eq!(
        browser
            .eval("return document.getElementById('vds-loader-bar').getAttribute('aria-valuenow');")
            .await?,
        json!("100")
    );
    let (boot, ready) = (seen["boot"].as_f64(), seen["ready"].as_f64());
    assert!(
        matches!((boot, ready), (Some(b), Some(r)) if b > 0.0 && b < r),
        "data-boot=progress before data-ready: {boot:?} {ready:?}"
    );
    assert_eq!(loader_display(&browser).await?, json!("none"));
    assert_eq!(
        wasm_requests(&browser).await?,
        json!(1),
        "one download: the loader's fetch takes the preload's"
    );
    assert_eq!(
        browser
            .eval("return [document.querySelectorAll('script[src*=\"boot-\"]').length, \
                   document.querySelectorAll('link[rel=preload][href$=\".wasm\"]:not([integrity])').length, \
                   document.querySelectorAll('link[href$=\".wasm\"]').length];")
            .await?,
        json!([0, 1, 1]),
        "trunk's boot script is gone, its wasm preload lost its integrity"
    );
    browser.close().await;
    Ok(())
}

/// Copies `from` into `to`, leaving out the files `skip` names.
fn copy_dir(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| format!("create {}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target, skip)?;
        } else if !skip(&path) {
            std::fs::copy(&path, &target).map_err(|e| format!("copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn is_wasm(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.contains(".wasm"))
}

#[tokio::test]
async fn voor_de_show_loader_shows_a_dutch_error_without_the_wasm_and_retries() -> Result<()> {
    // The built site without the game's wasm: it answers 404.
    let site = Broken::start(&is_wasm).await?;
    let browser = browser_recording(&site.server).await?;
    browser.goto(PATH).await?;
    loader_error(&browser, "probeer opnieuw").await?;
    assert_eq!(browser.text("#vds-loader-retry").await?, "Opnieuw proberen");
    assert_eq!(
        browser
            .eval("return [document.activeElement.id, document.getElementById('vds-loader-busy').hidden, document.documentElement.dataset.ready || ''];")
            .await?,
        json!(["vds-loader-retry", true, ""]),
        "the retry button has the focus, the progress is gone, no game"
    );
    browser.assert_axe_clean("the loader's error").await?;

    // The wasm is back: "Opnieuw proberen" loads the game.
    site.repair(&is_wasm)?;
    browser.click("#vds-loader-retry").await?;
    browser.wait_ready().await?;
    assert_eq!(loader_display(&browser).await?, json!("none"));
    assert_eq!(wasm_requests(&browser).await?, json!(1), "one download");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn voor_de_show_draws_its_title_without_downloading_a_picture() -> Result<()> {
    // The game's pictures are compiled into its wasm: with every picture of the site's
    // game-assets gone, the title is still drawn, and nothing was asked for them.
    let is_picture = |path: &Path| {
        path.extension().is_some_and(|e| e == "png")
            && path.components().any(|c| c.as_os_str() == "game-assets")
    };
    let site = Broken::start(&is_picture).await?;
    let browser = browser_recording(&site.server).await?;
    browser.goto(PATH).await?;
    browser.wait_ready().await?;
    assert_eq!(loader_display(&browser).await?, json!("none"));
    assert_eq!(
        browser
            .eval("return performance.getEntriesByType('resource').filter(e => e.name.includes('/game-assets/')).length;")
            .await?,
        json!(0),
        "no picture fetched"
    );
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn voor_de_show_loader_names_what_an_old_browser_lacks() -> Result<()> {
    let server = TestServer::start().await?;
    let browser = browser_recording(&server).await?;
    // A browser without WebGL2, as old ones are: the interface is gone before any script.
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": "delete window.WebGL2RenderingContext;"}),
        )
        .await?;
    browser.goto(PATH).await?;
    loader_error(&browser, "WebGL2").await?;
    assert_eq!(browser.text("#vds-loader-retry").await?, "Opnieuw proberen");
    assert_eq!(
        wasm_requests(&browser).await?,
        json!(0),
        "nothing downloaded for a browser that cannot play"
    );
    browser.close().await;
    Ok(())
}
