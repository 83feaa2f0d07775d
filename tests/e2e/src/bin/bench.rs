//! `cargo xtask bench`: measures every app and the API into `report.md` and
//! `report.json` in the folder given as the first argument.
//!
//! - sizes of each app's wasm, JS and CSS: raw, gzip and brotli (the precompressed
//!   files the server sends);
//! - time from navigation to the app's `data-ready` marker in headless Chromium with
//!   4x CPU slowdown and Fast 4G emulation (9 Mbit/s down, 1.5 up, 60 ms RTT), cold
//!   cache, median of 5;
//! - requests per second and p50/p99 latency of `/api/health` and a static JSON file
//!   under load on loopback (wrk);
//! - Culture Matcher's swipe: frame times (`requestAnimationFrame` deltas, median and
//!   p95) while a card is dragged back and forth with CDP mouse events at phone size
//!   (390x844) with 4x CPU slowdown. `bench <dir> --swipe-only` measures only this;
//!   `--load-only` only the API load, `--hardening-only` only the hardening figures;
//! - `--apps-only`: only the apps (sizes, times to ready, the swipe's frames and the
//!   interactions), for a quick look after a change to an app;
//! - interaction latency (Event Timing, the INP measure) of a swipe run in Bieblo's
//!   kiosk and Culture Matcher at 4x CPU slowdown (`e2e::interactions`;
//!   `--interactions-only`: only this);
//! - mixed traffic on one SQLite instance and on two instances sharing one PostgreSQL
//!   database (`e2e::mixed_load`; `--mixed-only`: only this);
//! - Bibster under load: 1,000 teams answering every 5 s with 200 scoreboards open
//!   (`e2e::bibster_load`; `--bibster-only`: only this);
//! - OWASP ASVS 5.0 level 2: every item of `e2e::asvs::ITEMS` against the benched
//!   server, with its result and what the check saw (`--asvs-only`: only these);
//! - the e-reader beside foliate-js and epub.js on one book, cold, at 4x CPU slowdown
//!   (`e2e::reader_bench`; `--ereader-only`: only this, also into `ereader.md` and
//!   `ereader.json` in the folder);
//! - the W3C EPUB reading-system tests in the e-reader, pass rate per group
//!   (`e2e::conformance`; `--conformance-only`: only this, also into `conformance.md`
//!   and `conformance.json`).
//! - Voor de Show: the download to the first room, and at Fast 4G and 4x CPU the time
//!   until the loading screen shows progress, to the title, to the first room, a second
//!   visit from the cache, frame times (`e2e::game_bench`; `--game-only`: only this, also
//!   into `game.md` and `game.json`).
//!
//! Figures are reported beside their budgets; nothing here asserts them.

#![allow(clippy::print_stdout)] // A command that reports to the terminal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use e2e::asvs::{Outcome, Target};
use e2e::bibster_load::{self, BibsterLoad};
use e2e::conformance::run::{Conformance, conformance};
use e2e::game_bench::{self, GameBench};
use e2e::hardening::{
    BurstReport, DownloadReport, ServerProcess, largest_file, login_burst, slow_downloads,
};
use e2e::interactions::{self, InteractionReport, percentile};
use e2e::kb;
use e2e::mixed_load::{self, ShapeLoad, parse_wrk};
use e2e::reader_bench::{self, ReaderBench};
use e2e::{Browser, TestServer, site_dir};
use serde::Serialize;
use serde_json::json;
use suite_domain::apps::APPS;

const RUNS: usize = 5;
const YEW_BUDGET_BYTES: u64 = 160 * 1024;
const GAME_BUDGET_BYTES: u64 = 4 * 1024 * 1024;
const YEW_READY_BUDGET_MS: f64 = 1000.0;

#[derive(Debug, Default, Serialize, Clone, Copy)]
struct Size {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

impl std::ops::AddAssign for Size {
    fn add_assign(&mut self, o: Size) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

#[derive(Debug, Serialize)]
struct AppReport {
    slug: &'static str,
    wasm: Size,
    js: Size,
    css: Size,
    total: Size,
    budget_brotli: u64,
    within_size_budget: bool,
    #[serde(flatten)]
    ready: Ready,
    ready_budget_ms: Option<f64>,
}

/// Time to ready of one page: each run, their median, or what went wrong.
#[derive(Debug, Serialize)]
struct Ready {
    ready_ms_runs: Vec<f64>,
    ready_ms_median: Option<f64>,
    ready_error: Option<String>,
}

impl Ready {
    async fn measure(server: &TestServer, path: &str) -> Ready {
        let (runs, error) = match time_to_ready(server, path).await {
            Ok(runs) => (runs, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        Ready {
            ready_ms_median: median(&runs),
            ready_ms_runs: runs,
            ready_error: error,
        }
    }

    /// The report's median and runs cells.
    fn cells(&self) -> (String, String) {
        let median = self
            .ready_ms_median
            .map(|m| format!("**{m:.0} ms**"))
            .unwrap_or_else(|| "n/a".into());
        let runs: Vec<String> = self
            .ready_ms_runs
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect();
        let runs = self
            .ready_error
            .clone()
            .map(|e| format!("error: {e}"))
            .unwrap_or_else(|| runs.join(", "));
        (median, runs)
    }
}

/// A bundle an app loads on demand (`target/site/<slug>/<name>/`): its sizes, and the
/// budget when it is a public one (the staff back-offices have none).
#[derive(Debug, Serialize)]
struct BundleReport {
    bundle: String,
    total: Size,
    budget_brotli: Option<u64>,
    within_size_budget: Option<bool>,
}

/// Time to ready of a page other than an app's start page.
#[derive(Debug, Serialize)]
struct PageReady {
    label: &'static str,
    path: &'static str,
    #[serde(flatten)]
    ready: Ready,
}

/// Pages timed besides the start pages: where a shared Culture Matcher link lands (the
/// swipe of a centre), and its bundles of the whole programme and of saved shows.
const EXTRA_PAGES: [(&str, &str); 3] = [
    (
        "culture-matcher, swipe of a centre",
        "/culture-matcher/?centrum=demo-nova",
    ),
    (
        "culture-matcher/programma",
        "/culture-matcher/programma?centrum=demo-nova",
    ),
    (
        "culture-matcher/bewaard",
        "/culture-matcher/bewaard?centrum=demo-nova",
    ),
];

#[derive(Debug, Serialize)]
struct LoadReport {
    path: String,
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    command: String,
}

#[derive(Debug, Serialize)]
struct Report {
    generated_unix: u64,
    machine: String,
    chromium: String,
    apps: Vec<AppReport>,
    bundles: Vec<BundleReport>,
    pages: Vec<PageReady>,
    load: Vec<LoadReport>,
    swipe: SwipeReport,
    /// Interaction latency of a swipe run at 4x slowdown, per swipe app.
    interactions: Vec<InteractionReport>,
    hardening: Option<Hardening>,
    /// Mixed traffic: one SQLite instance, two PostgreSQL instances.
    mixed: Vec<ShapeLoad>,
    mixed_errors: Vec<String>,
    /// Bibster: 1,000 teams and 200 scoreboards, one SQLite instance and two PostgreSQL.
    bibster: Vec<BibsterLoad>,
    bibster_errors: Vec<String>,
    /// OWASP ASVS 5.0 level-2 items checked against the benched server.
    asvs: Vec<Outcome>,
    /// The e-reader beside foliate-js and epub.js.
    ereader: ReaderBench,
    /// The W3C EPUB reading-system tests in the e-reader.
    conformance: Conformance,
    /// Voor de Show's loading screen, first room, second visit and frames.
    game: GameBench,
}

/// The commit the bench runs on (with `+changes` when the work tree differs from it).
fn commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let head = git(&["rev-parse", "--short=10", "HEAD"]).unwrap_or_else(|| "unknown".into());
    let dirty =
        git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    if dirty {
        format!("{head}+changes")
    } else {
        head
    }
}

/// Writes one section's markdown and JSON as `<name>.md` and `<name>.json` in `dir`.
fn write_section(dir: &Path, name: &str, md: &str, value: &impl Serialize) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(format!("{name}.md")), md).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(format!("{name}.json")), json).map_err(|e| e.to_string())
}

/// Figures of the server under attack-like load (a process of its own).
#[derive(Debug, Serialize)]
struct Hardening {
    /// 300 concurrent wrong logins for one email from one address.
    burst_one_email: Option<BurstReport>,
    /// 300 concurrent wrong logins over 300 emails from one address.
    burst_many_emails: Option<BurstReport>,
    /// 300 slow downloads of the largest built file at once.
    slow_downloads: Option<DownloadReport>,
    /// The crash test's summary line (`cargo xtask bench` runs it first).
    crash: Option<String>,
    errors: Vec<String>,
}

/// Bibster's load of both shapes, against the production server binary.
async fn bibster(site: &Path) -> (Vec<BibsterLoad>, Vec<String>) {
    match e2e::hardening::server_binary() {
        Ok(binary) => bibster_load::compare(&binary, site).await,
        Err(e) => (Vec::new(), vec![e]),
    }
}

/// The mixed load of both shapes, against the production server binary.
async fn mixed(site: &Path) -> (Vec<ShapeLoad>, Vec<String>) {
    match e2e::hardening::server_binary() {
        Ok(binary) => mixed_load::compare(&binary, site).await,
        Err(e) => (Vec::new(), vec![e]),
    }
}

async fn hardening(site: &Path) -> Option<Hardening> {
    let binary = match e2e::hardening::server_binary() {
        Ok(binary) => binary,
        Err(e) => {
            println!("skipping the hardening figures: {e}");
            return None;
        }
    };
    fn ok<T>(errors: &mut Vec<String>, result: Result<T, String>) -> Option<T> {
        result.map_err(|e| errors.push(e)).ok()
    }
    let mut errors = Vec::new();
    let burst_one_email = match ServerProcess::start(&binary, site).await {
        Ok(server) => ok(&mut errors, login_burst(&server, 300, 1).await),
        Err(e) => ok(&mut errors, Err(e)),
    };
    let burst_many_emails = match ServerProcess::start(&binary, site).await {
        Ok(server) => ok(&mut errors, login_burst(&server, 300, 300).await),
        Err(e) => ok(&mut errors, Err(e)),
    };
    let slow = match (
        ServerProcess::start(&binary, site).await,
        largest_file(site),
    ) {
        (Ok(server), Some((path, len))) => ok(
            &mut errors,
            slow_downloads(&server, &path, len, 300, 10).await,
        ),
        (Err(e), _) => ok(&mut errors, Err(e)),
        (_, None) => ok(&mut errors, Err("no built file to download".into())),
    };
    Some(Hardening {
        burst_one_email,
        burst_many_emails,
        slow_downloads: slow,
        crash: std::env::var("SUITE_CRASH_SUMMARY").ok(),
        errors,
    })
}

fn hardening_markdown(h: &Hardening) -> String {
    let mut md = String::from(
        "\n## Hardening (the server binary in a process of its own, on loopback)\n\n\
         Budget: resident memory under 256 MiB; at most 5 password verifications per email \
         and address.\n\n\
         | load | verified (401) | refused 429 | busy 503 | memory before | peak memory |\n|---|---|---|---|---|---|\n",
    );
    for (label, burst) in [
        ("300 wrong logins, one email", &h.burst_one_email),
        ("300 wrong logins, 300 emails", &h.burst_many_emails),
    ] {
        if let Some(b) = burst {
            md.push_str(&format!(
                "| {label} | {} | {} | {} | {:.0} MiB | **{:.0} MiB** |\n",
                b.verified, b.refused_429, b.busy_503, b.rss_before_mib, b.peak_rss_mib
            ));
        }
    }
    if let Some(d) = &h.slow_downloads {
        md.push_str(&format!(
            "\n{} slow downloads of `{}` ({:.1} MiB, no compression asked) at once for {} s, \
             each reading 16 KiB then pausing 100 ms: {:.0} MiB read in all; resident memory \
             {:.0} MiB before, **{:.0} MiB** at its peak.\n",
            d.clients,
            d.file,
            d.file_mib,
            d.seconds,
            d.bytes_read_mib,
            d.rss_before_mib,
            d.peak_rss_mib
        ));
    }
    match &h.crash {
        Some(line) => md.push_str(&format!(
            "\nCrash test (SIGKILL under a write load, restart, check): {line}.\n"
        )),
        None => md.push_str("\nCrash test: not run (`cargo xtask bench` runs it).\n"),
    }
    for e in &h.errors {
        md.push_str(&format!("\nNot measured: {e}\n"));
    }
    md
}

/// The ASVS section: every item with its result and what its check saw.
fn asvs_markdown(outcomes: &[Outcome]) -> String {
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let mut md = format!(
        "\n## ASVS 5.0 level 2\n\nOWASP ASVS 5.0 requirements that apply to the suite, each \
         checked with real requests against the benched server (`e2e::asvs`; the end-to-end \
         test `asvs` runs the same list): {passed} of {} pass.\n\n\
         | id | requirement | result | detail |\n|---|---|---|---|\n",
        outcomes.len()
    );
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    for o in outcomes {
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            o.id,
            cell(o.title),
            if o.passed { "pass" } else { "**FAIL**" },
            cell(&o.detail)
        ));
    }
    md.push_str("\nOpen: level-2 requirements that apply but whose feature is not built yet.\n\n| id | what is missing |\n|---|---|\n");
    for (id, missing) in e2e::asvs::NOT_BUILT {
        md.push_str(&format!("| {id} | {} |\n", cell(missing)));
    }
    md
}

/// Frame times while the top card of Culture Matcher's swipe follows a drag.
#[derive(Debug, Default, Serialize)]
struct SwipeReport {
    /// Frames measured (requestAnimationFrame deltas during the drags).
    frames: usize,
    median_ms: Option<f64>,
    p95_ms: Option<f64>,
    /// The longest frame.
    max_ms: Option<f64>,
    budget_ms: f64,
    error: Option<String>,
}

/// One frame at 60 frames per second.
const FRAME_BUDGET_MS: f64 = 1000.0 / 60.0;
/// Back-and-forth drags of the card, and pointer moves per drag.
const SWIPE_DRAGS: usize = 4;
const SWIPE_MOVES: usize = 40;

/// Records the time between animation frames in `window.__frames` until
/// `window.__recording` is false.
const FRAME_RECORDER: &str = "window.__frames = []; window.__recording = true; \
    let last = performance.now(); \
    const tick = t => { window.__frames.push(t - last); last = t; \
      if (window.__recording) requestAnimationFrame(tick); }; \
    requestAnimationFrame(tick); return true;";

async fn mouse(browser: &Browser, kind: &str, x: f64, y: f64) -> Result<(), String> {
    let mut event = json!({"type": kind, "x": x, "y": y, "button": "left", "pointerType": "mouse"});
    event["buttons"] = json!(if kind == "mouseReleased" { 0 } else { 1 });
    event["clickCount"] = json!(if kind == "mouseMoved" { 0 } else { 1 });
    browser
        .cdp("Input.dispatchMouseEvent", event)
        .await
        .map(drop)
}

/// Drags Culture Matcher's top swipe card to the right and back (so it springs back and
/// stays on top) a few times, with a pointer move per frame, and reads the frame times.
async fn swipe_frames(server: &TestServer) -> Result<Vec<f64>, String> {
    let browser = Browser::start(&server.url(""), 390, 844).await?;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": false}),
        )
        .await?;
    browser.goto("/culture-matcher/?centrum=demo-nova").await?;
    browser.wait_ready().await?;
    browser.find(".swipe-card .cm-card__body").await?;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}))
        .await?;
    let at = browser
        .eval(
            "const r = document.querySelector('.swipe-card .cm-card__body').getBoundingClientRect(); \
             return [r.x + r.width / 2, r.y + r.height / 2];",
        )
        .await?;
    let (x, y) = (
        at[0].as_f64().ok_or("no card position")?,
        at[1].as_f64().ok_or("no card position")?,
    );
    browser.eval(FRAME_RECORDER).await?;
    let mut followed = false;
    for _ in 0..SWIPE_DRAGS {
        mouse(&browser, "mousePressed", x, y).await?;
        for step in 0..=SWIPE_MOVES {
            // Out to 60 px and back: less than a swipe, so the card springs back.
            let half = SWIPE_MOVES as f64 / 2.0;
            let dx = 60.0 * (1.0 - (step as f64 - half).abs() / half);
            mouse(&browser, "mouseMoved", x + dx, y).await?;
            if step == SWIPE_MOVES / 2 && !followed {
                let drag = browser
                    .eval("return document.querySelector('.swipe-card').style.getPropertyValue('--drag-x');")
                    .await?;
                followed = drag
                    .as_str()
                    .is_some_and(|d| d.ends_with("px") && d != "0px");
            }
            tokio::time::sleep(Duration::from_millis(16)).await;
        }
        mouse(&browser, "mouseReleased", x, y).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let frames = browser
        .eval("window.__recording = false; return window.__frames.slice(1);")
        .await?;
    let still_on_top = browser.find_all(".swipe-deck__position").await?.len();
    browser.close().await;
    if still_on_top == 0 {
        return Err("the deck is gone: a drag counted as a swipe".into());
    }
    if !followed {
        return Err("the card did not follow the pointer".into());
    }
    Ok(frames
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_f64)
        .collect())
}

/// Every app's sizes (and its on-demand bundles') and time to ready.
async fn measure_apps(server: &TestServer, site: &Path) -> (Vec<AppReport>, Vec<BundleReport>) {
    let mut apps = Vec::new();
    let mut bundles = Vec::new();
    for app in APPS {
        println!("measuring {} …", app.slug);
        let (wasm, js, css) = app_sizes(&site.join(app.slug));
        let mut total = wasm;
        total += js;
        total += css;
        let game = app.slug == "voor-de-show";
        let budget = if game {
            GAME_BUDGET_BYTES
        } else {
            YEW_BUDGET_BYTES
        };
        bundles.extend(self::bundles(app.slug, &site.join(app.slug)));
        let ready = Ready::measure(server, &format!("/{}/", app.slug)).await;
        apps.push(AppReport {
            slug: app.slug,
            wasm,
            js,
            css,
            total,
            budget_brotli: budget,
            within_size_budget: total.brotli <= budget,
            ready,
            ready_budget_ms: (!game).then_some(YEW_READY_BUDGET_MS),
        });
    }
    (apps, bundles)
}

/// The time to ready of [`EXTRA_PAGES`].
async fn measure_pages(server: &TestServer) -> Vec<PageReady> {
    let mut pages = Vec::new();
    for (label, path) in EXTRA_PAGES {
        println!("measuring {label} …");
        let ready = Ready::measure(server, path).await;
        pages.push(PageReady { label, path, ready });
    }
    pages
}

/// Both swipe apps' interaction latency (`e2e::interactions`).
async fn interaction_reports(server: &TestServer) -> Vec<InteractionReport> {
    vec![
        interactions::bieblo(
            server,
            "/bieblo/kiosk/demo-wetteren/wetteren-hoofdbibliotheek-demo",
        )
        .await,
        interactions::culture_matcher(server, "/culture-matcher/?centrum=demo-nova").await,
    ]
}

async fn swipe_report(server: &TestServer) -> SwipeReport {
    match swipe_frames(server).await {
        Ok(frames) => SwipeReport {
            frames: frames.len(),
            median_ms: median(&frames),
            p95_ms: percentile(&frames, 0.95),
            max_ms: frames.iter().copied().reduce(f64::max),
            budget_ms: FRAME_BUDGET_MS,
            error: None,
        },
        Err(e) => SwipeReport {
            budget_ms: FRAME_BUDGET_MS,
            error: Some(e),
            ..SwipeReport::default()
        },
    }
}

fn swipe_markdown(swipe: &SwipeReport) -> String {
    let mut md = format!(
        "\n## Swipe frames (Culture Matcher)\n\nThe top card dragged {SWIPE_DRAGS} times out to 60 px and back \
         ({SWIPE_MOVES} CDP mouse moves each, one per 16 ms), 390x844, 4x CPU slowdown; \
         time between `requestAnimationFrame` callbacks.\n\n| frames | median | p95 | max | budget |\n|---|---|---|---|---|\n"
    );
    let ms = |v: Option<f64>| {
        v.map(|v| format!("{v:.1} ms"))
            .unwrap_or_else(|| "n/a".into())
    };
    match &swipe.error {
        Some(e) => md.push_str(&format!("| error: {e} | | | | |\n")),
        None => md.push_str(&format!(
            "| {} | **{}** | {} | {} | {:.1} ms |\n",
            swipe.frames,
            ms(swipe.median_ms),
            ms(swipe.p95_ms),
            ms(swipe.max_ms),
            swipe.budget_ms
        )),
    }
    md
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn size_of(file: &Path) -> Size {
    let with = |suffix: &str| {
        let mut s = file.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    Size {
        raw: file_len(file),
        gzip: file_len(&with(".gz")),
        brotli: file_len(&with(".br")),
    }
}

/// The extra bundles of an app: its sub-folders with an `index.html`, sorted.
fn bundles(slug: &str, dir: &Path) -> Vec<BundleReport> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let (wasm, js, css) = app_sizes(&dir.join(&name));
            let mut total = wasm;
            total += js;
            total += css;
            let budget = (!STAFF_BUNDLES.contains(&name.as_str())).then_some(YEW_BUDGET_BYTES);
            BundleReport {
                bundle: format!("{slug}/{name}"),
                total,
                budget_brotli: budget,
                within_size_budget: budget.map(|b| total.brotli <= b),
            }
        })
        .collect()
}

fn app_sizes(dir: &Path) -> (Size, Size, Size) {
    let (mut wasm, mut js, mut css) = (Size::default(), Size::default(), Size::default());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (wasm, js, css);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => wasm += size_of(&path),
            Some("js") => js += size_of(&path),
            Some("css") => css += size_of(&path),
            _ => {}
        }
    }
    (wasm, js, css)
}

const READY_OBSERVER: &str = "(() => { const mark = () => { \
    if (!window.__readyAt && document.documentElement && document.documentElement.dataset.ready === 'true') \
    { window.__readyAt = performance.now(); } }; \
    new MutationObserver(mark).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']}); })();";

async fn time_to_ready(server: &TestServer, path: &str) -> Result<Vec<f64>, String> {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        // A new browser profile per run: nothing cached, nothing compiled.
        let browser = Browser::start(&server.url(""), 1280, 900).await?;
        browser.cdp("Network.enable", json!({})).await?;
        browser
            .cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))
            .await?;
        browser
            .cdp(
                "Network.emulateNetworkConditions",
                json!({"offline": false, "latency": 60, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}),
            )
            .await?;
        browser
            .cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}))
            .await?;
        browser.cdp("Page.enable", json!({})).await?;
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({"source": READY_OBSERVER}),
            )
            .await?;
        browser.goto(path).await?;
        browser.wait_ready().await?;
        browser
            .wait_until("ready time", "window.__readyAt > 0")
            .await?;
        let ms = browser
            .eval("return window.__readyAt;")
            .await?
            .as_f64()
            .unwrap_or(f64::NAN);
        runs.push(ms);
        browser.close().await;
    }
    Ok(runs)
}

fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

fn load(server: &TestServer, path: &str) -> Result<LoadReport, String> {
    let url = server.url(path);
    let args = ["-t2", "-c32", "-d10s", "--latency"];
    let out = Command::new("wrk")
        .args(args)
        .arg(&url)
        .output()
        .map_err(|e| {
            format!("cannot run wrk (apt-get install wrk; `cargo xtask bench` does): {e}")
        })?;
    let text = String::from_utf8_lossy(&out.stdout);
    let (rps, p50, p99, _, _) =
        parse_wrk(&text).ok_or_else(|| format!("cannot read wrk output:\n{text}"))?;
    Ok(LoadReport {
        path: path.into(),
        requests_per_second: rps,
        p50_ms: p50,
        p99_ms: p99,
        command: format!("wrk {} {url}", args.join(" ")),
    })
}

/// A section `cargo xtask bench` wrote before into the file named by `var` (fuzzing:
/// `SUITE_FUZZ_REPORT`, schemathesis: `SUITE_SCHEMATHESIS_REPORT`).
fn section_from(var: &str, title: &str) -> String {
    match std::env::var_os(var) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| {
            format!("\n## {title}\n\nNot measured: cannot read {path:?}: {e}\n")
        }),
        None => format!("\n## {title}\n\nNot run (`cargo xtask bench` runs it).\n"),
    }
}

fn markdown(report: &Report) -> String {
    let mut md = String::from("# Benchmark report\n\n");
    md.push_str(&format!(
        "Machine: {}. Browser: {}.\n\n",
        report.machine, report.chromium
    ));
    md.push_str(&apps_markdown(&report.apps, &report.bundles, &report.pages));
    md.push_str("\n## API under load (loopback; server and wrk share the machine's 2 cores)\n\n");
    md.push_str("| path | requests/s | p50 | p99 | command |\n|---|---|---|---|---|\n");
    for l in &report.load {
        md.push_str(&format!(
            "| `{}` | {:.0} | {:.2} ms | {:.2} ms | `{}` |\n",
            l.path, l.requests_per_second, l.p50_ms, l.p99_ms, l.command
        ));
    }
    md.push_str(&swipe_markdown(&report.swipe));
    md.push_str(&interactions::markdown(&report.interactions));
    md.push_str(&mixed_load::markdown(&report.mixed, &report.mixed_errors));
    md.push_str(&bibster_load::markdown(
        &report.bibster,
        &report.bibster_errors,
    ));
    if let Some(h) = &report.hardening {
        md.push_str(&hardening_markdown(h));
    }
    md.push_str(&section_from("SUITE_FUZZ_REPORT", "Bad input (fuzzing)"));
    md.push_str(&section_from(
        "SUITE_SCHEMATHESIS_REPORT",
        "Bad input (schemathesis)",
    ));
    md.push_str(&asvs_markdown(&report.asvs));
    let commit = commit();
    md.push_str(&reader_bench::markdown(&report.ereader, &commit));
    md.push_str(&report.conformance.markdown(&commit));
    md.push_str(&game_bench::markdown(&report.game));
    md
}

/// The apps' sizes and times to ready.
fn apps_markdown(apps: &[AppReport], bundles: &[BundleReport], pages: &[PageReady]) -> String {
    let mut md = String::from("## Sizes (what the server sends: brotli)\n\n");
    md.push_str("| app | wasm raw | wasm gzip | wasm brotli | JS brotli | CSS brotli | total brotli | budget | within |\n");
    md.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for a in apps {
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | **{}** | {} | {} |\n",
            a.slug,
            kb(a.wasm.raw),
            kb(a.wasm.gzip),
            kb(a.wasm.brotli),
            kb(a.js.brotli),
            kb(a.css.brotli),
            kb(a.total.brotli),
            kb(a.budget_brotli),
            if a.within_size_budget { "yes" } else { "NO" }
        ));
    }
    md.push_str(
        "\nBundles loaded on demand (a page of their own; the staff back-offices and Bibster's leader view have no budget):\n\n\
         | bundle | total brotli | budget | within |\n|---|---|---|---|\n",
    );
    for b in bundles {
        let (budget, within) = match (b.budget_brotli, b.within_size_budget) {
            (Some(budget), Some(within)) => (kb(budget), if within { "yes" } else { "NO" }),
            _ => ("none set".to_string(), "n/a"),
        };
        md.push_str(&format!(
            "| {} | **{}** | {budget} | {within} |\n",
            b.bundle,
            kb(b.total.brotli)
        ));
    }
    md.push_str(&format!(
        "\n## Time to ready\n\nNavigation to `data-ready=\"true\"`, headless Chromium, 4x CPU slowdown, \
         9 Mbit/s down / 1.5 Mbit/s up / 60 ms RTT, cold cache (new profile, cache disabled), median of {RUNS}.\n\n"
    ));
    md.push_str("| app | median | runs (ms) | budget |\n|---|---|---|---|\n");
    for a in apps {
        let (median, runs) = a.ready.cells();
        let budget = a
            .ready_budget_ms
            .map(|b| format!("{b:.0} ms"))
            .unwrap_or_else(|| "none set".into());
        md.push_str(&format!("| {} | {median} | {runs} | {budget} |\n", a.slug));
    }
    for p in pages {
        let (median, runs) = p.ready.cells();
        md.push_str(&format!(
            "| {} (`{}`) | {median} | {runs} | {} ms |\n",
            p.label, p.path, YEW_READY_BUDGET_MS
        ));
    }
    md
}

/// Bundles only staff load (behind the staff login): no size budget. Bibster's leader
/// view (`leiding`) runs on the library's own screen, never on a child's device.
const STAFF_BUNDLES: [&str; 2] = ["beheer", "leiding"];

#[tokio::main]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--open-loop") {
        println!("{}", mixed_load::open_loop_command(&args[2..]).await?);
        return Ok(());
    }
    let out_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench"));
    let site = site_dir()?;
    let server = TestServer::start().await?;
    if std::env::args().any(|a| a == "--swipe-only") {
        println!("measuring the Culture Matcher swipe …");
        let md = swipe_markdown(&swipe_report(&server).await);
        println!("{md}");
        return Ok(());
    }
    if std::env::args().any(|a| a == "--apps-only") {
        let (apps, bundles) = measure_apps(&server, &site).await;
        let pages = measure_pages(&server).await;
        println!("{}", apps_markdown(&apps, &bundles, &pages));
        println!("{}", swipe_markdown(&swipe_report(&server).await));
        println!(
            "{}",
            interactions::markdown(&interaction_reports(&server).await)
        );
        return Ok(());
    }
    if std::env::args().any(|a| a == "--interactions-only") {
        println!(
            "{}",
            interactions::markdown(&interaction_reports(&server).await)
        );
        return Ok(());
    }
    if std::env::args().any(|a| a == "--asvs-only") {
        println!(
            "{}",
            asvs_markdown(&e2e::asvs::run_all(&Target::of(&server)).await)
        );
        return Ok(());
    }
    if std::env::args().any(|a| a == "--ereader-only") {
        let bench = reader_bench::run(&server, &site).await;
        let md = reader_bench::markdown(&bench, &commit());
        write_section(&out_dir, "ereader", &md, &bench)?;
        println!("{md}");
        return Ok(());
    }
    if std::env::args().any(|a| a == "--game-only") {
        let bench = game_bench::run(&server, &site).await;
        let md = game_bench::markdown(&bench);
        write_section(&out_dir, "game", &md, &bench)?;
        println!("{md}");
        return Ok(());
    }
    if std::env::args().any(|a| a == "--conformance-only") {
        let c = conformance().await;
        let md = c.markdown(&commit());
        write_section(&out_dir, "conformance", &md, &c)?;
        println!("{md}");
        return Ok(());
    }
    if std::env::args().any(|a| a == "--mixed-only") {
        let (shapes, errors) = mixed(&site).await;
        println!("{}", mixed_load::markdown(&shapes, &errors));
        return Ok(());
    }
    if std::env::args().any(|a| a == "--bibster-only") {
        let (shapes, errors) = bibster(&site).await;
        println!("{}", bibster_load::markdown(&shapes, &errors));
        return Ok(());
    }
    if std::env::args().any(|a| a == "--hardening-only") {
        if let Some(h) = hardening(&site).await {
            println!("{}", hardening_markdown(&h));
        }
        return Ok(());
    }
    // A static JSON file of realistic size for the load test.
    let public = server.state.config.public_data_dir().join("bench");
    std::fs::create_dir_all(&public).map_err(|e| e.to_string())?;
    let items: Vec<_> = (0..100)
        .map(|i| json!({"id": format!("demo-{i}"), "title": format!("Voorbeeldboek {i}"), "shelf": "Jeugd - Avontuur"}))
        .collect();
    std::fs::write(
        public.join("sample.json"),
        json!({"items": items}).to_string(),
    )
    .map_err(|e| e.to_string())?;

    if std::env::args().any(|a| a == "--load-only") {
        for path in ["/api/health", "/data/bench/sample.json"] {
            let l = load(&server, path)?;
            println!(
                "{path}: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms",
                l.requests_per_second, l.p50_ms, l.p99_ms
            );
        }
        return Ok(());
    }
    let (apps, bundles) = measure_apps(&server, &site).await;
    let pages = measure_pages(&server).await;
    println!("measuring the Culture Matcher swipe …");
    let swipe = swipe_report(&server).await;
    println!("measuring interactions at 4x slowdown …");
    let interactions = interaction_reports(&server).await;
    println!("load testing …");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut loads = Vec::new();
    for path in ["/api/health", "/data/bench/sample.json"] {
        loads.push(load(&server, path)?);
    }
    println!("mixed load: one SQLite instance, two PostgreSQL instances …");
    let (mixed, mixed_errors) = mixed(&site).await;
    println!("Bibster: 1,000 teams and 200 scoreboards …");
    let (bibster, bibster_errors) = bibster(&site).await;
    println!("hardening figures (login bursts, slow downloads) …");
    let hardening = hardening(&site).await;
    println!("OWASP ASVS 5.0 level-2 checks …");
    let asvs = e2e::asvs::run_all(&Target::of(&server)).await;
    println!("the e-reader beside foliate-js and epub.js …");
    let ereader = reader_bench::run(&server, &site).await;
    println!("the W3C EPUB reading-system tests in the e-reader …");
    let conformance = conformance().await;
    println!("Voor de Show: loading, first room, second visit …");
    let game = game_bench::run(&server, &site).await;
    let chromium = Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let report = Report {
        generated_unix: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        machine: format!("{cores} cores, {}", std::env::consts::ARCH),
        chromium,
        apps,
        bundles,
        pages,
        load: loads,
        swipe,
        interactions,
        hardening,
        mixed,
        mixed_errors,
        bibster,
        bibster_errors,
        asvs,
        ereader,
        conformance,
        game,
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let md = markdown(&report);
    std::fs::write(out_dir.join("report.md"), &md).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    std::fs::write(out_dir.join("report.json"), json).map_err(|e| e.to_string())?;
    println!("{md}\nwritten to {}", out_dir.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_runs() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[f64::NAN, 2.0]), Some(2.0));
    }
}
