//! The game bench's report in Markdown: the download, the budgets, the start step by
//! step and each run.

use super::{
    CPU_SLOWDOWN, FRAME_SECONDS, GameBench, PROGRESS_BUDGET_MS, ROOM_BUDGET_MS,
    SECOND_VISIT_BUDGET_MS, median,
};
use crate::{kb, ms};

fn met(value: Option<f64>, budget: f64) -> &'static str {
    match value {
        Some(v) if v <= budget => "yes",
        Some(_) => "NO",
        None => "n/a",
    }
}

/// The section of the report.
pub fn markdown(bench: &GameBench) -> String {
    let d = &bench.download;
    let mut md = format!(
        "\n## Voor de Show: loading and the first room\n\n\
         What the first room needs (the page, the loader, wasm-bindgen's JS, the CSS, the wasm, and \
         the pictures the browser fetched: {}):\n\n\
         | part | raw | gzip | brotli |\n|---|---|---|---|\n\
         | page, loader, JS, CSS | {} | {} | {} |\n| wasm | {} | {} | {} |\n\
         | **total** | {} | {} | **{}** |\n\nBudget {} brotli: {}.\n",
        if d.assets.is_empty() {
            "none".to_string()
        } else {
            d.assets
                .iter()
                .map(|(name, len)| format!("`{name}` {}", kb(*len)))
                .collect::<Vec<_>>()
                .join(", ")
        },
        kb(d.page_js_css.raw),
        kb(d.page_js_css.gzip),
        kb(d.page_js_css.brotli),
        kb(d.wasm.raw),
        kb(d.wasm.gzip),
        kb(d.wasm.brotli),
        kb(d.total.raw),
        kb(d.total.gzip),
        kb(d.total.brotli),
        kb(d.budget_brotli),
        if d.within_budget {
            "met"
        } else {
            "**NOT met**"
        },
    );
    md.push_str(&format!(
        "\nHeadless Chromium, Fast 4G (9 Mbit/s down, 1.5 up, 60 ms), {CPU_SLOWDOWN}x CPU slowdown, \
         1280x720, a new profile per run (cold cache), median of {}. From navigation. The \
         room is reached by keys (Enter, then `1` for 6-8 years) that the page itself \
         dispatches on the canvas as soon as each screen is drawn (in a task after the \
         screen's attribute): the game's own time to its room, without a person's or a test \
         driver's delay (WebDriver's keys took 250-480 ms each to arrive). The other way \
         to the room, in a cold visit of its own: the loading screen's first grade button \
         clicked as soon as the loading screen offers the choice; the game then opens in the \
         room without its title. The second visit \
         opens the page again in the same profile (the browser's cache). The keys' own \
         times: from the key reaching the page (a `keydown` listener) to the next screen \
         drawn. Page frames: `requestAnimationFrame` deltas for \
         {FRAME_SECONDS} s on the title of the second visit, where the game rests (it draws \
         only when something changes or moves), software GL (SwiftShader), at the same \
         slowdown: an indication only.\n\n\
         | measure | median | budget | met |\n|---|---|---|---|\n\
         | loading screen shows progress (`data-boot=\"progress\"`) | **{}** | {PROGRESS_BUDGET_MS:.0} ms | {} |\n\
         | title drawn (`data-ready`) | {} | none set | |\n\
         | first playable room (`data-screen=\"room\"`) | **{}** | {ROOM_BUDGET_MS:.0} ms | {} |\n\
         | first playable room, the age chosen on the loading screen (at {}) | **{}** | {ROOM_BUDGET_MS:.0} ms | {} |\n\
         | Enter reaches the page → grade choice drawn | {} | none set | |\n\
         | `1` reaches the page → room drawn | {} | none set | |\n\
         | second visit, title drawn | **{}** | {SECOND_VISIT_BUDGET_MS:.0} ms | {} |\n\
         | page frame time on the resting title, p50 / p95 | {} / {} | indication | |\n",
        bench.runs.len(),
        ms(bench.progress_ms_median),
        met(bench.progress_ms_median, PROGRESS_BUDGET_MS),
        ms(bench.ready_ms_median),
        ms(bench.room_ms_median),
        met(bench.room_ms_median, ROOM_BUDGET_MS),
        ms(bench.chosen_ms_median),
        ms(bench.chosen_room_ms_median),
        met(bench.chosen_room_ms_median, ROOM_BUDGET_MS),
        ms(bench.grade_after_key_ms_median),
        ms(bench.room_after_key_ms_median),
        ms(bench.second_visit_ms_median),
        met(bench.second_visit_ms_median, SECOND_VISIT_BUDGET_MS),
        ms(bench.frame_p50_ms_median),
        ms(bench.frame_p95_ms_median),
    ));
    md.push_str(&steps(bench));
    md.push_str(
        "\n| run | load average | progress | title | grade choice | room | Enter → grade, 1 → room | age chosen while loading → room | second visit | frames p50 / p95 | wasm requests |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for (i, r) in bench.runs.iter().enumerate() {
        let room = match (&r.room_ms, &r.room_note) {
            (Some(v), _) => ms(Some(*v)),
            (None, Some(note)) => note.clone(),
            (None, None) => "n/a".into(),
        };
        md.push_str(&format!(
            "| {} | {:.2} | {} | {} | {} | {room} | {}, {} | {} → {} | {} | {} / {} ({} frames) | {} |\n",
            i + 1,
            r.load_average,
            ms(r.progress_ms),
            ms(r.ready_ms),
            ms(r.grade_ms),
            ms(r.grade_after_key_ms()),
            ms(r.room_after_key_ms()),
            ms(r.chosen_ms),
            ms(r.chosen_room_ms),
            ms(r.second_visit_ms),
            ms(r.frame_p50_ms),
            ms(r.frame_p95_ms),
            r.frames,
            r.wasm_requests,
        ));
        if let Some(e) = &r.error {
            md.push_str(&format!("\nRun {} failed: {e}\n\n", i + 1));
        }
    }
    md
}

/// The steps of the first visit's start (the page's `performance.mark`s, median of the
/// runs that have each), with the time since the step before.
fn steps(bench: &GameBench) -> String {
    let mut names: Vec<&str> = Vec::new();
    for run in &bench.runs {
        for (name, _) in &run.marks {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        return String::new();
    }
    let at = |name: &str| {
        median(
            bench
                .runs
                .iter()
                .map(|r| r.marks.iter().find(|(n, _)| n == name).map(|(_, t)| *t)),
        )
    };
    let mut md = String::from(
        "\nThe first visit's start, step by step (`performance.mark`s of the loader and the \
         game, median of the runs):\n\n| step | at | since the step before |\n|---|---|---|\n",
    );
    let mut rows: Vec<(String, Option<f64>)> =
        names.iter().map(|n| (format!("`{n}`"), at(n))).collect();
    rows.push(("title drawn".into(), bench.ready_ms_median));
    rows.push(("room drawn".into(), bench.room_ms_median));
    rows.sort_by(|a, b| a.1.unwrap_or(f64::MAX).total_cmp(&b.1.unwrap_or(f64::MAX)));
    let mut before: Option<f64> = None;
    for (name, t) in rows {
        let since = match (t, before) {
            (Some(t), Some(b)) => ms(Some(t - b)),
            _ => String::new(),
        };
        md.push_str(&format!("| {name} | {} | {since} |\n", ms(t)));
        before = t.or(before);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::super::GameRun;
    use super::*;

    #[test]
    fn the_steps_are_in_time_order_with_their_gaps() {
        let run = |main: f64, downloaded: f64| GameRun {
            marks: vec![
                ("vds-main".into(), main),
                ("vds-downloaded".into(), downloaded),
            ],
            ..GameRun::default()
        };
        let bench = GameBench {
            runs: vec![
                run(4000.0, 3500.0),
                run(4200.0, 3600.0),
                run(4100.0, 3700.0),
            ],
            ready_ms_median: Some(6000.0),
            ..GameBench::default()
        };
        let md = steps(&bench);
        let rows: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("| `") || l.starts_with("| title") || l.starts_with("| room"))
            .collect();
        assert_eq!(
            rows,
            [
                "| `vds-downloaded` | 3600 ms |  |",
                "| `vds-main` | 4100 ms | 500 ms |",
                "| title drawn | 6000 ms | 1900 ms |",
                "| room drawn | n/a |  |",
            ]
        );
        assert_eq!(steps(&GameBench::default()), "", "no marks, no table");
    }

    #[test]
    fn budgets_are_met_or_not() {
        assert_eq!(met(Some(1000.0), PROGRESS_BUDGET_MS), "yes");
        assert_eq!(met(Some(1000.5), PROGRESS_BUDGET_MS), "NO");
        assert_eq!(met(None, PROGRESS_BUDGET_MS), "n/a");
    }
}
