//! How fast the swipe apps answer a key or a tap on a slow device: the browser's Event
//! Timing API (what the INP measure is built on) during a whole swipe run at 4x CPU
//! slowdown, for Bieblo's kiosk and Culture Matcher's swipe. Each interaction's latency
//! is the longest of its events (input delay, handlers and the next paint); the event
//! handlers' own time is reported apart. Event Timing reports only events of at least
//! 16 ms: an interaction it does not report took less, and counts as 16 ms here (an
//! upper bound). Figures for the bench's report; nothing here asserts them.

use serde::Serialize;
use serde_json::{Value, json};

use crate::{Browser, TestServer};

/// The budget of an interaction's latency at 4x slowdown (p95), in ms.
pub const INTERACTION_BUDGET_MS: f64 = 100.0;
/// The budget of one event's handlers, in ms.
pub const HANDLER_BUDGET_MS: f64 = 16.0;
/// Event Timing's smallest reported duration.
const THRESHOLD_MS: f64 = 16.0;

/// The figures of one app's swipe run.
#[derive(Debug, Default, Serialize)]
pub struct InteractionReport {
    pub app: &'static str,
    /// Interactions done (keys and taps).
    pub interactions: usize,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// The longest handler time of one event, and the event's name.
    pub handler_max_ms: Option<f64>,
    pub handler_max_event: Option<String>,
    pub error: Option<String>,
}

/// Collects Event Timing entries with an interaction id in `window.__events`.
const OBSERVER: &str = "window.__events = []; \
    new PerformanceObserver(list => { for (const e of list.getEntries()) { \
      if (e.interactionId) window.__events.push({id: e.interactionId, name: e.name, \
        duration: e.duration, handlers: e.processingEnd - e.processingStart, \
        target: e.target ? String(e.target.className || e.target.tagName) : ''}); } }) \
    .observe({type: 'event', buffered: true, durationThreshold: 16}); return true;";

/// One step of a run: a key on an element or a tap (click) on one.
enum Step {
    Key(&'static str, fantoccini::key::Key),
    Tap(&'static str),
}

async fn act(browser: &Browser, step: &Step) -> crate::Result<()> {
    match step {
        Step::Key(css, key) => browser.press(css, *key).await,
        Step::Tap(css) => browser.click(css).await,
    }
}

/// The value below which `share` of the values lie (nearest rank); non-finite values
/// are left out.
pub fn percentile(values: &[f64], share: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((share * v.len() as f64).ceil() as usize).clamp(1, v.len());
    Some(v[rank - 1])
}

/// The report of `done` interactions from the entries the observer collected.
fn summarise(app: &'static str, done: usize, entries: &[Value]) -> InteractionReport {
    let mut by_id: std::collections::BTreeMap<u64, f64> = std::collections::BTreeMap::new();
    let mut handler_max: Option<(f64, String)> = None;
    for e in entries {
        let (Some(id), Some(duration)) = (e["id"].as_u64(), e["duration"].as_f64()) else {
            continue;
        };
        let longest = by_id.entry(id).or_insert(0.0);
        *longest = longest.max(duration);
        let handlers = e["handlers"].as_f64().unwrap_or(0.0);
        if handler_max.as_ref().is_none_or(|(max, _)| handlers > *max) {
            let name = e["name"].as_str().unwrap_or("?");
            let target = e["target"].as_str().unwrap_or_default();
            handler_max = Some((
                handlers,
                format!("{name} on {target}")
                    .trim_end_matches(" on ")
                    .to_string(),
            ));
        }
    }
    let mut latencies: Vec<f64> = by_id.into_values().collect();
    // The interactions under the threshold, which Event Timing leaves out.
    latencies.resize(latencies.len().max(done), THRESHOLD_MS);
    InteractionReport {
        app,
        interactions: done,
        p50_ms: percentile(&latencies, 0.5),
        p95_ms: percentile(&latencies, 0.95),
        max_ms: latencies.iter().copied().reduce(f64::max),
        handler_max_ms: handler_max.as_ref().map(|(ms, _)| *ms),
        handler_max_event: handler_max.map(|(_, name)| name),
        error: None,
    }
}

/// Runs `steps` on `path` at phone or kiosk size with 4x CPU slowdown, waiting after
/// each for the page to settle.
async fn run(
    server: &TestServer,
    app: &'static str,
    path: &str,
    size: (u32, u32),
    first: &str,
    steps: &[Step],
) -> crate::Result<InteractionReport> {
    let browser = Browser::start(&server.url(""), size.0, size.1).await?;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": size.0, "height": size.1, "deviceScaleFactor": 1, "mobile": false}),
        )
        .await?;
    browser.goto(path).await?;
    browser.wait_ready().await?;
    browser.find(first).await?;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({"rate": 4}))
        .await?;
    browser.eval(OBSERVER).await?;
    let mut done = 0;
    for step in steps {
        act(&browser, step).await?;
        done += 1;
        // Let the answer render and the observer hear of it.
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    }
    let entries = browser.eval("return window.__events;").await?;
    browser.close().await;
    Ok(summarise(
        app,
        done,
        entries.as_array().map(Vec::as_slice).unwrap_or_default(),
    ))
}

/// Bieblo's kiosk: start, an age, then ten cards by arrow keys and taps.
pub async fn bieblo(server: &TestServer, kiosk_path: &str) -> InteractionReport {
    use fantoccini::key::Key;
    let mut steps = vec![Step::Tap(".kiosk-start"), Step::Tap(".age-8-9")];
    for i in 0..10 {
        steps.push(match i % 4 {
            0 => Step::Key(".swipe-deck", Key::Right),
            1 => Step::Key(".swipe-deck", Key::Left),
            2 => Step::Tap(".swipe-like"),
            _ => Step::Tap(".swipe-dislike"),
        });
    }
    run(
        server,
        "bieblo",
        kiosk_path,
        (1080, 1920),
        ".kiosk-start",
        &steps,
    )
    .await
    .unwrap_or_else(|e| InteractionReport {
        app: "bieblo",
        error: Some(e),
        ..InteractionReport::default()
    })
}

/// Culture Matcher's swipe at phone size: five cards by arrow keys and taps, then the
/// "about you" step skipped.
pub async fn culture_matcher(server: &TestServer, swipe_path: &str) -> InteractionReport {
    use fantoccini::key::Key;
    let steps = [
        Step::Key(".swipe-deck", Key::Right),
        Step::Tap(".swipe-dislike"),
        Step::Key(".swipe-deck", Key::Left),
        Step::Tap(".swipe-like"),
        Step::Key(".swipe-deck", Key::Right),
        Step::Tap(".cm-about-skip"),
    ];
    run(
        server,
        "culture-matcher",
        swipe_path,
        (390, 844),
        ".swipe-card .cm-card",
        &steps,
    )
    .await
    .unwrap_or_else(|e| InteractionReport {
        app: "culture-matcher",
        error: Some(e),
        ..InteractionReport::default()
    })
}

/// The report's section.
pub fn markdown(reports: &[InteractionReport]) -> String {
    let mut md = format!(
        "\n## Interactions on a slow device (Event Timing, 4x CPU)\n\nA whole swipe run with \
         keys and taps; each interaction's latency is its longest event (input delay, \
         handlers, next paint); interactions under Event Timing's 16 ms threshold count as \
         16 ms. Budget: p95 <= {INTERACTION_BUDGET_MS:.0} ms, handlers <= \
         {HANDLER_BUDGET_MS:.0} ms.\n\n\
         | app | interactions | p50 | p95 | max | longest handlers |\n|---|---|---|---|---|---|\n"
    );
    let ms = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.0} ms"));
    for r in reports {
        if let Some(e) = &r.error {
            md.push_str(&format!("| {} | error: {e} | | | | |\n", r.app));
            continue;
        }
        md.push_str(&format!(
            "| {} | {} | {} | **{}** | {} | {} ({}) |\n",
            r.app,
            r.interactions,
            ms(r.p50_ms),
            ms(r.p95_ms),
            ms(r.max_ms),
            ms(r.handler_max_ms),
            r.handler_max_event.as_deref().unwrap_or("-")
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.95), Some(19.0));
        assert_eq!(percentile(&values, 0.5), Some(10.0));
        assert_eq!(percentile(&[3.0], 0.95), Some(3.0));
        assert_eq!(percentile(&[], 0.95), None);
    }

    #[test]
    fn an_interaction_is_its_longest_event_and_unreported_ones_count_as_the_threshold() {
        let entries = vec![
            json!({"id": 1, "name": "keydown", "duration": 40.0, "handlers": 12.0}),
            json!({"id": 1, "name": "keyup", "duration": 24.0, "handlers": 1.0}),
            json!({"id": 2, "name": "click", "duration": 120.0, "handlers": 30.0}),
        ];
        let r = summarise("x", 4, &entries);
        // 40, 120 and two under the threshold: 16, 16, 40, 120.
        assert_eq!(r.p50_ms, Some(16.0));
        assert_eq!(r.p95_ms, Some(120.0));
        assert_eq!(r.max_ms, Some(120.0));
        assert_eq!(r.handler_max_ms, Some(30.0));
        assert_eq!(r.handler_max_event.as_deref(), Some("click"));
        let on = summarise(
            "x",
            1,
            &[
                json!({"id": 1, "name": "keydown", "duration": 20.0, "handlers": 5.0, "target": "swipe-deck"}),
            ],
        );
        assert_eq!(
            on.handler_max_event.as_deref(),
            Some("keydown on swipe-deck")
        );
    }
}
