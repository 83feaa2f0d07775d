//! A CPU profile of a bench's cold load, for finding where the time goes: with
//! `VDS_CPU_PROFILE=<file>` the game bench records Chromium's sampling profile (CDP
//! `Profiler`) from navigation to the first room, with `SUITE_READER_CPU_PROFILE=<file>`
//! the reader bench from navigation to our reader's first page (each run overwrites
//! it: the last run's stays); either writes it to `<file>` (open it in Chromium's
//! DevTools) and prints the functions with the most time of their own. A wasm built
//! without its name section shows as `wasm-function[N]`.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::Browser;

/// Where to write the profile, when `variable` asks for one.
pub(crate) fn wanted(variable: &str) -> Option<PathBuf> {
    std::env::var_os(variable).map(PathBuf::from)
}

pub(crate) async fn start(browser: &Browser) -> Result<(), String> {
    browser.cdp("Profiler.enable", json!({})).await?;
    // 1 ms between samples: the screens' changes last seconds at 4x slowdown.
    browser
        .cdp("Profiler.setSamplingInterval", json!({"interval": 1000}))
        .await?;
    browser.cdp("Profiler.start", json!({})).await?;
    Ok(())
}

/// Stops the profile, writes it to `file` and prints its [`summary`].
pub(crate) async fn stop(browser: &Browser, file: &PathBuf, label: &str) -> Result<(), String> {
    let answer = browser.cdp("Profiler.stop", json!({})).await?;
    let profile = &answer["profile"];
    let text = serde_json::to_string(profile).map_err(|e| format!("profile: {e}"))?;
    std::fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    eprintln!("{label}: CPU profile in {}", file.display());
    for (name, ms) in summary(profile, 40) {
        eprintln!("  {ms:>9.0} ms  {name}");
    }
    Ok(())
}

/// The `top` functions by self time (ms), from a CDP `Profiler.Profile`: each sample
/// counts for the time until the next one, to the node it hit.
pub fn summary(profile: &Value, top: usize) -> Vec<(String, f64)> {
    let mut names: HashMap<u64, String> = HashMap::new();
    for node in profile["nodes"].as_array().into_iter().flatten() {
        let Some(id) = node["id"].as_u64() else {
            continue;
        };
        let frame = &node["callFrame"];
        let name = match frame["functionName"].as_str() {
            Some("") | None => "(anonymous)".to_string(),
            Some(n) => n.to_string(),
        };
        let url = frame["url"].as_str().unwrap_or("");
        let file = url.rsplit('/').next().unwrap_or("");
        names.insert(
            id,
            if file.is_empty() {
                name
            } else {
                format!("{name} ({file})")
            },
        );
    }
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut self_us: HashMap<&str, f64> = HashMap::new();
    // timeDeltas[i] is the time from sample i-1 to sample i: it belongs to sample i-1.
    for (i, sample) in samples.iter().enumerate() {
        let next = deltas.get(i + 1).and_then(Value::as_f64).unwrap_or(0.0);
        if let Some(name) = sample.as_u64().and_then(|id| names.get(&id)) {
            *self_us.entry(name.as_str()).or_default() += next;
        }
    }
    let mut out: Vec<(String, f64)> = self_us
        .into_iter()
        .map(|(name, us)| (name.to_string(), us / 1000.0))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out.truncate(top);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_time_goes_to_the_sampled_function() {
        let profile = json!({
            "nodes": [
                {"id": 1, "callFrame": {"functionName": "(root)", "url": ""}},
                {"id": 2, "callFrame": {"functionName": "layout", "url": "http://x/game.wasm"}},
                {"id": 3, "callFrame": {"functionName": "", "url": "http://x/a.js"}},
            ],
            "samples": [2, 2, 3, 1],
            "timeDeltas": [0, 1000, 3000, 500],
        });
        let top = summary(&profile, 10);
        assert_eq!(top[0], ("layout (game.wasm)".to_string(), 4.0));
        assert_eq!(top[1], ("(anonymous) (a.js)".to_string(), 0.5));
        assert_eq!(top.len(), 3);
        assert_eq!(summary(&profile, 1).len(), 1);
    }
}
