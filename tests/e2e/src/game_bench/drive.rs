//! Driving one cold run of Voor de Show's bench in headless Chromium: the first visit to
//! the first room, the second visit from the cache, the frame times on its title.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{
    CHOOSE_WHILE_LOADING, CPU_SLOWDOWN, FRAME_SECONDS, GameRun, KEYS, OBSERVER, PATH, SCREEN_WAIT,
};
use crate::cpu_profile;
use crate::interactions::percentile;
use crate::{Browser, TestServer};

/// Polls `expression` until it is truthy or `limit` passes; whether it became true.
async fn becomes(browser: &Browser, expression: &str, limit: Duration) -> Result<bool, String> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if browser.eval(&format!("return !!({expression});")).await? == Value::Bool(true) {
            return Ok(true);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(false)
}

async fn seen(browser: &Browser, what: &str) -> Result<Option<f64>, String> {
    let v = browser
        .eval(&format!("return window.__vds.{what};"))
        .await?;
    Ok(v.as_f64().filter(|ms| *ms > 0.0))
}

/// One cold run into `run`: a new profile, the first visit to the first room, a second
/// visit from the cache with the frame times on its title; then another new profile,
/// the age chosen on the loading screen. Answers the pictures fetched.
pub(super) async fn cold_run(
    server: &TestServer,
    run: &mut GameRun,
) -> Result<Vec<String>, String> {
    let browser = Browser::start(&server.url(""), 1280, 720).await?;
    let outcome = visits(&browser, run).await;
    browser.close().await;
    let assets = outcome?;
    let browser = Browser::start(&server.url(""), 1280, 720).await?;
    let outcome = chosen_while_loading(&browser, run).await;
    browser.close().await;
    outcome.map(|()| assets)
}

/// Fast 4G, the CPU slowdown and [`OBSERVER`] on a new browser.
async fn throttled(browser: &Browser) -> Result<(), String> {
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": 60, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}),
        )
        .await?;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({"rate": CPU_SLOWDOWN}),
        )
        .await?;
    browser.cdp("Page.enable", json!({})).await?;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": OBSERVER}),
        )
        .await?;
    Ok(())
}

/// A cold visit in which [`CHOOSE_WHILE_LOADING`] picks the age on the loading screen:
/// the room is the game's first screen.
async fn chosen_while_loading(browser: &Browser, run: &mut GameRun) -> Result<(), String> {
    throttled(browser).await?;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": CHOOSE_WHILE_LOADING}),
        )
        .await?;
    browser.goto(PATH).await?;
    // A build from before the loading screen offered the choice (an older site compared
    // with `SUITE_SITE_DIR`) has no time for this way.
    if browser
        .eval("return !document.getElementById('vds-loader-choice');")
        .await?
        == Value::Bool(true)
    {
        return Ok(());
    }
    if becomes(browser, "window.__vds.screens.room > 0", SCREEN_WAIT).await? {
        run.chosen_ms = seen(browser, "chosen").await?;
        run.chosen_room_ms = seen(browser, "screens.room").await?;
    }
    Ok(())
}

async fn visits(browser: &Browser, run: &mut GameRun) -> Result<Vec<String>, String> {
    throttled(browser).await?;
    // The keys to the room, pressed by the page itself (first visit only).
    let keys = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": KEYS}),
        )
        .await?;
    let profiling = cpu_profile::wanted("VDS_CPU_PROFILE");
    if profiling.is_some() {
        cpu_profile::start(browser).await?;
    }
    browser.goto(PATH).await?;
    browser.wait_ready().await?;
    run.progress_ms = seen(browser, "boot").await?;
    run.ready_ms = seen(browser, "ready").await?;
    first_room(browser, run).await?;
    if let Some(file) = &profiling {
        cpu_profile::stop(browser, file, "voor-de-show").await?;
    }
    run.marks = marks(browser).await?;
    browser
        .cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({"identifier": keys["identifier"]}),
        )
        .await?;
    let fetched = browser
        .eval("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);")
        .await?;
    let fetched: Vec<String> = fetched
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    run.wasm_requests = fetched.iter().filter(|p| p.ends_with(".wasm")).count();
    let assets = fetched
        .iter()
        .filter_map(|p| p.strip_prefix(PATH))
        .filter(|p| p.starts_with("game-assets/"))
        .map(str::to_string)
        .collect();

    // The second visit: the same profile, the page opened again.
    browser.goto(PATH).await?;
    browser.wait_ready().await?;
    run.second_visit_ms = seen(browser, "ready").await?;
    frames_on_title(browser, run).await?;
    Ok(assets)
}

/// From the title through Enter (start) and `1` (grade 6-8), which [`KEYS`] presses in
/// the page as soon as each screen is drawn, to `data-screen="room"`.
async fn first_room(browser: &Browser, run: &mut GameRun) -> Result<(), String> {
    let reached = becomes(browser, "window.__vds.screens.room > 0", SCREEN_WAIT).await?;
    run.grade_ms = seen(browser, "screens.grade").await?;
    run.enter_key_ms = seen(browser, "keys[0]").await?;
    if reached {
        run.room_ms = seen(browser, "screens.room").await?;
        run.one_key_ms = seen(browser, "keys[window.__vds.keys.length - 1]").await?;
    } else if run.grade_ms.is_none() {
        run.room_note = Some("no data-screen=\"grade\" after Enter".into());
    } else {
        run.room_note = Some("no data-screen=\"room\" after key 1".into());
    }
    Ok(())
}

/// The page's `performance.mark`s of the loader's and the game's steps of the start
/// (`vds-*`; bevy's log also marks its spans), when the wasm was requested and its first
/// and last byte came (the network's side: the loader's `vds-downloaded` is when its
/// script, on the page's thread, had counted them all), and when each of the game's
/// pictures was requested and received (Resource Timing), ms since navigation.
async fn marks(browser: &Browser) -> Result<Vec<(String, f64)>, String> {
    let list = browser
        .eval(
            "const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm')); \
             return performance.getEntriesByType('mark').filter(m => m.name.startsWith('vds-')) \
               .map(m => [m.name, m.startTime]) \
               .concat(wasm ? [['wasm requested', wasm.startTime], ['wasm first byte', wasm.responseStart], \
                 ['wasm last byte', wasm.responseEnd]] : []) \
               .concat(performance.getEntriesByType('resource').filter(e => e.name.includes('/game-assets/')) \
                 .flatMap(e => { const name = e.name.split('/').pop(); \
                   return [[name + ' requested', e.startTime], [name + ' received', e.responseEnd]]; }));",
        )
        .await?;
    Ok(list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m[0].as_str()?.to_string(), m[1].as_f64()?)))
        .collect())
}

/// Time between animation frames on the title for [`FRAME_SECONDS`].
async fn frames_on_title(browser: &Browser, run: &mut GameRun) -> Result<(), String> {
    browser
        .eval(
            "window.__frames = []; window.__recording = true; let last = performance.now(); \
             const tick = t => { window.__frames.push(t - last); last = t; \
               if (window.__recording) requestAnimationFrame(tick); }; \
             requestAnimationFrame(tick); return true;",
        )
        .await?;
    tokio::time::sleep(Duration::from_secs(FRAME_SECONDS)).await;
    let frames = browser
        .eval("window.__recording = false; return window.__frames.slice(1);")
        .await?;
    let frames: Vec<f64> = frames
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    run.frames = frames.len();
    run.frame_p50_ms = percentile(&frames, 0.5);
    run.frame_p95_ms = percentile(&frames, 0.95);
    Ok(())
}
