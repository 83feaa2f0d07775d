//! Voor de Show's bench (the bench's `--game-only` section, also in the full run): the
//! download to the first room, brotli and gzip, and at Fast 4G and 4x CPU slowdown, cold
//! (a new browser profile per run), the median of [`RUNS`]: time until the loading screen
//! shows real progress (`data-boot="progress"`), until the title is drawn (`data-ready`),
//! until the first playable room (Enter, key `1`, `data-screen="room"`), a second visit
//! from the browser's cache, frame times on the title in software GL, and in a cold
//! visit of its own the room when the class's age is chosen on the loading screen.
//! `VDS_CPU_PROFILE=<file>` adds a CPU profile of the first visit ([`crate::cpu_profile`]).

mod drive;
mod report;

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::TestServer;
use crate::interactions::percentile;
use drive::cold_run;
pub use report::markdown;

pub const RUNS: usize = 3;
pub const PATH: &str = "/voor-de-show/";
pub const SIZE_BUDGET_BROTLI: u64 = 4 * 1024 * 1024;
pub const PROGRESS_BUDGET_MS: f64 = 1000.0;
pub const ROOM_BUDGET_MS: f64 = 6000.0;
pub const SECOND_VISIT_BUDGET_MS: f64 = 3000.0;
const CPU_SLOWDOWN: u32 = 4;
/// How long the frame times are recorded on the title.
const FRAME_SECONDS: u64 = 3;
/// How long a screen of the game may take after the key that leads to it.
const SCREEN_WAIT: Duration = Duration::from_secs(30);

/// Records from the document's start (`Page.addScriptToEvaluateOnNewDocument`) what the
/// loading screen and the game show, with `performance.now()` (ms since navigation):
/// `window.__vds = {labels, boot, ready, screens, keys}` (`keys`: when each key reached the
/// page). The end-to-end test reads it too.
pub const OBSERVER: &str = "(() => { const seen = window.__vds = {labels: [], values: [], boot: 0, ready: 0, screens: {}, keys: []}; \
    addEventListener('keydown', () => seen.keys.push(performance.now()), true); \
    const look = () => { const root = document.documentElement; if (!root) return; \
      const label = document.getElementById('vds-loader-label'); \
      const text = label && label.textContent; \
      if (text && seen.labels[seen.labels.length - 1] !== text) seen.labels.push(text); \
      const bar = document.getElementById('vds-loader-bar'); \
      if (bar && bar.hasAttribute('value') && seen.values[seen.values.length - 1] !== bar.value) seen.values.push(bar.value); \
      const now = performance.now(); \
      if (!seen.boot && root.dataset.boot === 'progress') seen.boot = now; \
      if (!seen.ready && root.dataset.ready === 'true') seen.ready = now; \
      const screen = root.dataset.screen; if (screen && !seen.screens[screen]) seen.screens[screen] = now; }; \
    new MutationObserver(look).observe(document, {subtree: true, childList: true, characterData: true, attributes: true}); })();";

/// The bench's keys, in the page (`Page.addScriptToEvaluateOnNewDocument`, first visit
/// only): Enter on the canvas when the title is drawn (`data-screen="title"`), `1` (6-8
/// years) when the grade choice is; each in a task of its own after the attribute, as a
/// person's key would come. The measure is the game's own time to its room: a teacher
/// takes longer to press, and a test driver's keys (WebDriver) take 250-480 ms each to
/// arrive at 4x CPU slowdown.
pub const KEYS: &str = "(() => { const pressed = new Set(); \
    const press = (key, code) => setTimeout(() => { const canvas = document.getElementById('game'); \
      canvas.dispatchEvent(new KeyboardEvent('keydown', {key, code, bubbles: true, cancelable: true})); \
      setTimeout(() => canvas.dispatchEvent(new KeyboardEvent('keyup', {key, code, bubbles: true, cancelable: true})), 30); }); \
    const look = () => { const screen = document.documentElement.dataset.screen; \
      if (pressed.has(screen)) return; \
      if (screen === 'title') { pressed.add(screen); press('Enter', 'Enter'); } \
      if (screen === 'grade') { pressed.add(screen); press('1', 'Digit1'); } }; \
    new MutationObserver(look).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-screen']}); })();";

/// The other way to the room, in the page (`Page.addScriptToEvaluateOnNewDocument`, a
/// visit of its own): the first grade button of the loading screen clicked as soon as
/// the loading screen offers the choice (in a task after it is shown), so the game opens
/// in the room without its title.
pub const CHOOSE_WHILE_LOADING: &str = "(() => { let clicked = false; \
    const look = () => { const choice = document.getElementById('vds-loader-choice'); \
      if (clicked || !choice || choice.hidden) return; clicked = true; \
      setTimeout(() => { window.__vds.chosen = performance.now(); \
        choice.querySelector('.loader__grade:not([hidden])').click(); }); }; \
    new MutationObserver(look).observe(document, {subtree: true, attributes: true, attributeFilter: ['hidden']}); })();";

/// Bytes as sent, gzip (level 9) and brotli (quality 11): the precompressed files the
/// server sends.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Bytes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// What the first room needs, from the built files.
#[derive(Debug, Default, Serialize)]
pub struct Download {
    /// The page, the loader, wasm-bindgen's JS, the CSS.
    pub page_js_css: Bytes,
    pub wasm: Bytes,
    /// The pictures the browser fetched until the first room (or the title), as sent
    /// (PNG: no compression).
    pub assets: Vec<(String, u64)>,
    pub total: Bytes,
    pub budget_brotli: u64,
    pub within_budget: bool,
}

/// One cold run.
#[derive(Debug, Default, Serialize)]
pub struct GameRun {
    /// The 1-minute load average when the run started (other builds share the cores).
    pub load_average: f64,
    pub progress_ms: Option<f64>,
    pub ready_ms: Option<f64>,
    /// When the grade choice was drawn (after Enter on the title).
    pub grade_ms: Option<f64>,
    pub room_ms: Option<f64>,
    /// When Enter and `1` reached the page (a `keydown` listener): the screens' own time
    /// is from these to `grade_ms` and `room_ms`; the rest is the driver's.
    pub enter_key_ms: Option<f64>,
    pub one_key_ms: Option<f64>,
    /// Why there is no room time, when there is none.
    pub room_note: Option<String>,
    /// Another cold visit, the class's age chosen on the loading screen
    /// ([`CHOOSE_WHILE_LOADING`]): when the choice was clicked, and when the room (the
    /// game's first screen then) was drawn.
    pub chosen_ms: Option<f64>,
    pub chosen_room_ms: Option<f64>,
    pub second_visit_ms: Option<f64>,
    /// The page's `performance.mark`s of the first visit: the loader's
    /// (`vds-downloaded`: the wasm's last byte counted; `vds-started`: the game's `main`
    /// returned) and the game's (`vds-main`, `vds-built`, `vds-first-update`,
    /// `vds-loaded`: its pictures loaded), and the wasm's request, first and last byte
    /// (Resource Timing), ms since navigation.
    pub marks: Vec<(String, f64)>,
    /// Requests for the wasm in the first visit (Resource Timing): 1 when nothing else
    /// downloads it besides the loader.
    pub wasm_requests: usize,
    pub frames: usize,
    pub frame_p50_ms: Option<f64>,
    pub frame_p95_ms: Option<f64>,
    pub error: Option<String>,
}

impl GameRun {
    /// From Enter reaching the page to the grade choice drawn: the game's own time.
    pub fn grade_after_key_ms(&self) -> Option<f64> {
        Some(self.grade_ms? - self.enter_key_ms?)
    }

    /// From `1` reaching the page to the room drawn.
    pub fn room_after_key_ms(&self) -> Option<f64> {
        Some(self.room_ms? - self.one_key_ms?)
    }
}

#[derive(Debug, Default, Serialize)]
pub struct GameBench {
    pub download: Download,
    pub runs: Vec<GameRun>,
    pub progress_ms_median: Option<f64>,
    pub ready_ms_median: Option<f64>,
    pub room_ms_median: Option<f64>,
    pub grade_after_key_ms_median: Option<f64>,
    pub room_after_key_ms_median: Option<f64>,
    pub chosen_ms_median: Option<f64>,
    pub chosen_room_ms_median: Option<f64>,
    pub second_visit_ms_median: Option<f64>,
    pub frame_p50_ms_median: Option<f64>,
    pub frame_p95_ms_median: Option<f64>,
}

fn median(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    percentile(&values.flatten().collect::<Vec<_>>(), 0.5)
}

/// The 1-minute load average (`/proc/loadavg`), or NaN where there is none.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

/// How many cold runs are measured: [`RUNS`], or `SUITE_GAME_BENCH_RUNS` (more runs for
/// a steadier median while working on the game).
fn run_count() -> usize {
    crate::run_count("SUITE_GAME_BENCH_RUNS", RUNS)
}

/// Runs the whole bench against `server`, whose built site is `site`.
pub async fn run(server: &TestServer, site: &Path) -> GameBench {
    let mut runs = Vec::new();
    let mut assets = Vec::new();
    let count = run_count();
    for i in 0..count {
        eprintln!("voor-de-show: cold run {} of {count} …", i + 1);
        let mut run = GameRun {
            load_average: load_average(),
            ..GameRun::default()
        };
        match cold_run(server, &mut run).await {
            Ok(fetched) => assets = fetched,
            Err(e) => run.error = Some(e),
        }
        eprintln!("  {run:?}");
        runs.push(run);
    }
    let m = |f: fn(&GameRun) -> Option<f64>| median(runs.iter().map(f));
    GameBench {
        download: download(&site.join("voor-de-show"), &assets),
        progress_ms_median: m(|r| r.progress_ms),
        ready_ms_median: m(|r| r.ready_ms),
        room_ms_median: m(|r| r.room_ms),
        grade_after_key_ms_median: m(GameRun::grade_after_key_ms),
        room_after_key_ms_median: m(GameRun::room_after_key_ms),
        chosen_ms_median: m(|r| r.chosen_ms),
        chosen_room_ms_median: m(|r| r.chosen_room_ms),
        second_visit_ms_median: m(|r| r.second_visit_ms),
        frame_p50_ms_median: m(|r| r.frame_p50_ms),
        frame_p95_ms_median: m(|r| r.frame_p95_ms),
        runs,
    }
}

fn bytes_of(file: &Path) -> Bytes {
    let len = |suffix: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        std::fs::metadata(Path::new(&name)).map_or(0, |m| m.len())
    };
    Bytes {
        raw: len(""),
        gzip: len(".gz"),
        brotli: len(".br"),
    }
}

/// The built files of the first download and the `assets` the browser fetched.
fn download(dir: &Path, assets: &[String]) -> Download {
    let mut out = Download {
        budget_brotli: SIZE_BUDGET_BROTLI,
        ..Download::default()
    };
    let add = |sum: &mut Bytes, b: Bytes| {
        sum.raw += b.raw;
        sum.gzip += b.gzip;
        sum.brotli += b.brotli;
    };
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => add(&mut out.wasm, bytes_of(&path)),
            Some("js" | "css") => add(&mut out.page_js_css, bytes_of(&path)),
            _ if name == "index.html" => add(&mut out.page_js_css, bytes_of(&path)),
            _ => {}
        }
    }
    let (mut total, wasm) = (out.page_js_css, out.wasm);
    add(&mut total, wasm);
    for asset in assets {
        let len = std::fs::metadata(dir.join(asset)).map_or(0, |m| m.len());
        add(
            &mut total,
            Bytes {
                raw: len,
                gzip: len,
                brotli: len,
            },
        );
        out.assets.push((asset.clone(), len));
    }
    out.total = total;
    out.within_budget = total.brotli <= SIZE_BUDGET_BROTLI;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_skip_missing_runs() {
        assert_eq!(median([Some(3.0), None, Some(1.0)].into_iter()), Some(1.0));
        assert_eq!(
            median([Some(3.0), Some(9.0), Some(1.0)].into_iter()),
            Some(3.0)
        );
        assert_eq!(median([None, None].into_iter()), None);
    }

    #[test]
    fn the_keys_own_time_needs_both_ends() {
        let run = GameRun {
            grade_ms: Some(24_391.0),
            enter_key_ms: Some(23_663.0),
            room_ms: Some(35_188.0),
            ..GameRun::default()
        };
        assert_eq!(run.grade_after_key_ms(), Some(728.0));
        assert_eq!(run.room_after_key_ms(), None, "no time for the key 1");
    }
}
