//! One cold run of a reader under the bench contract (`tests/e2e/bench/contract.js`): a new
//! browser profile, the cache disabled, Fast 4G (unless asked not to) and 4x CPU slowdown over the DevTools
//! protocol, the reader's page opened and its first page awaited; then, with the browser's
//! cache on as in a reading session, 20 turns and the extras.

use std::collections::BTreeMap;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde::Serialize;
use serde_json::{Value, json};

use crate::cpu_profile;
use crate::member::Member;
use crate::{Browser, Result};

/// The page size of every run (the harness's default, a laptop's window).
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 800;
/// Fast 4G as the rest of the bench emulates it: 9 Mbit/s down, 1.5 up, 60 ms.
const DOWN_BYTES_PER_S: u64 = 9_000_000 / 8;
const UP_BYTES_PER_S: u64 = 1_500_000 / 8;
const LATENCY_MS: u64 = 60;
pub(crate) const CPU_SLOWDOWN: u32 = 4;

/// What one reader is and how to open it.
pub(crate) struct Target {
    /// The server's origin.
    pub(crate) base: String,
    /// The reader's page on it.
    pub(crate) path: String,
    /// A script put into the page before it runs (our reader's contract).
    pub(crate) inject: Option<String>,
    /// Our reader: the demo member's loan, which it logs in for and sets back to the
    /// book's start (the reader opens where the loan's position was saved).
    pub(crate) loan: Option<i64>,
    pub(crate) extras: &'static [&'static str],
    /// Whether the network is slowed to Fast 4G (else loopback at full speed).
    pub(crate) fast_4g: bool,
}

/// One run's figures, in ms from the start of the reader page's navigation.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub first_done_ms: f64,
    pub first_frame_ms: f64,
    /// When the reader knew the whole book's pages (ours: its page count shown;
    /// foliate-js: a `relocate` with its locations' total).
    pub book_paged_ms: Option<f64>,
    pub first_text_chars: u64,
    pub first_section: String,
    /// Per turn, from the call to the page being shown (`None`: it did not move).
    pub turns_done_ms: Vec<Option<f64>>,
    /// Per turn, to the next frame drawn after it.
    pub turns_frame_ms: Vec<Option<f64>>,
    pub turn_sections: Vec<String>,
    pub extras: BTreeMap<String, Value>,
}

const OPENED: &str = "const wait = async () => {
    while (!window.__bench && !window.__benchError) await new Promise(r => setTimeout(r, 20));
    if (window.__benchError) throw new Error(window.__benchError);
    return window.__bench.opened;
  };
  wait().then(o => done({ok: o}), e => done({error: String(e && e.stack || e)}));";

const TURNS: &str = "(async () => {
    const out = [];
    for (let i = 0; i < TURN_COUNT; i++) {
      const t0 = performance.now();
      const r = await window.__bench.next();
      out.push({done: r.tDone == null ? null : r.tDone - t0, frame: r.tFrame == null ? null : r.tFrame - t0, section: String(r.section)});
    }
    return out;
  })().then(done, e => done({error: String(e && e.stack || e)}));";

/// What the page and its frames fetched so far and when, in ms of the page's clock
/// (a frame's entries shifted from its own), and when each frame's document was parsed
/// and loaded.
const TIMELINE: &str = "const line = (e, shift, where) =>
      `${Math.round(e.startTime + shift)}-${Math.round(e.responseEnd + shift)} ms ${where}${e.name.replace(location.origin, '')}`;
    const lines = performance.getEntriesByType('resource').map(e => line(e, 0, ''));
    for (const f of document.querySelectorAll('iframe')) {
      let w = null;
      try { w = f.contentWindow; w.performance.now(); } catch (_) { continue; }
      const shift = w.performance.timeOrigin - performance.timeOrigin;
      const where = `(frame ${f.className}) `;
      lines.push(...w.performance.getEntriesByType('resource').map(e => line(e, shift, where)));
      const nav = w.performance.getEntriesByType('navigation')[0];
      const at = t => t ? `${Math.round(t + shift)} ms` : 'not yet';
      if (nav) lines.push(`${where}parsed ${at(nav.domContentLoadedEventEnd)}, loaded ${at(nav.loadEventEnd)}`);
    }
    return lines;";

/// One cold run of `target` with `turns` page turns.
pub(crate) async fn cold_run(target: &Target, turns: usize) -> Result<Run> {
    let browser = Browser::start(&target.base, WIDTH, HEIGHT).await?;
    let run = measure(&browser, target, turns).await;
    browser.close().await;
    run
}

async fn measure(browser: &Browser, target: &Target, turns: usize) -> Result<Run> {
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(300)),
            None,
        ))
        .await
        .map_err(|e| format!("timeouts: {e}"))?;
    if let Some(loan) = target.loan {
        let member = Member::log_in(browser).await?;
        member.set_position(browser, loan, 0, 0.0).await?;
    }
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))
        .await?;
    // The page's requests go to the network, not through a service worker: the
    // emulated network below (and the disabled cache) apply to the page's target only,
    // not to a worker's own fetches, so once our app's worker took over, the frame's
    // requests ran at loopback speed and the first page measured ~0.7 s too fast. A
    // worker on a first visit only passes requests on to the same network.
    browser
        .cdp("Network.setBypassServiceWorker", json!({"bypass": true}))
        .await?;
    if target.fast_4g {
        browser
            .cdp(
                "Network.emulateNetworkConditions",
                json!({"offline": false, "latency": LATENCY_MS,
                       "downloadThroughput": DOWN_BYTES_PER_S, "uploadThroughput": UP_BYTES_PER_S}),
            )
            .await?;
    }
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({"rate": CPU_SLOWDOWN}),
        )
        .await?;
    browser.cdp("Page.enable", json!({})).await?;
    if let Some(source) = &target.inject {
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({"source": source}),
            )
            .await?;
    }
    // Ours only: a peer's time goes to its own code.
    let profiling = target
        .loan
        .and_then(|_| cpu_profile::wanted("SUITE_READER_CPU_PROFILE"));
    if profiling.is_some() {
        cpu_profile::start(browser).await?;
    }
    browser.goto(&target.path).await?;
    let opened = browser.eval_async(OPENED).await?;
    if let Some(file) = &profiling {
        cpu_profile::stop(browser, file, "e-reader").await?;
    }
    if let Some(e) = opened["error"].as_str() {
        return Err(format!("opening: {e}"));
    }
    let first = &opened["ok"];
    // What was fetched before the first page, and when: where the time goes.
    let requests = browser.eval(TIMELINE).await?;
    for line in requests.as_array().into_iter().flatten() {
        eprintln!("    {}", line.as_str().unwrap_or_default());
    }
    // The load was cold; from here the session keeps what it fetched as a reader's does
    // (our reader fetches each next document; the peers hold the whole book already).
    browser
        .cdp("Network.setCacheDisabled", json!({"cacheDisabled": false}))
        .await?;
    let turned = browser
        .eval_async(&TURNS.replace("TURN_COUNT", &turns.to_string()))
        .await?;
    if let Some(e) = turned["error"].as_str() {
        return Err(format!("turning: {e}"));
    }
    let turned = turned.as_array().cloned().unwrap_or_default();

    let mut extras = BTreeMap::new();
    for name in target.extras {
        let value = browser
            .eval_async(&format!(
                "window.__bench.extras[{name}]().then(done, e => done({{error: String(e && e.stack || e)}}));",
                name = json!(name)
            ))
            .await?;
        extras.insert((*name).to_string(), value);
    }
    Ok(Run {
        first_done_ms: first["tDone"].as_f64().ok_or("no first page time")?,
        first_frame_ms: first["tFrame"].as_f64().unwrap_or(f64::NAN),
        book_paged_ms: first["tBook"].as_f64(),
        first_text_chars: first["textChars"].as_u64().unwrap_or(0),
        first_section: first["section"].as_str().unwrap_or_default().to_string(),
        turns_done_ms: turned.iter().map(|t| t["done"].as_f64()).collect(),
        turns_frame_ms: turned.iter().map(|t| t["frame"].as_f64()).collect(),
        turn_sections: turned
            .iter()
            .map(|t| t["section"].as_str().unwrap_or_default().to_string())
            .collect(),
        extras,
    })
}
