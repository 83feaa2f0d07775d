//! A game's statistics (`GET .../stats`): sessions, teams, and per task how many teams
//! answered, the share of right answers and the median time, as a table, as bars
//! (`suite_ui::chart`) and as a CSV download.

use suite_domain::bibster::api::GameStats;
use suite_domain::chart::Layout;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::focus_id_soon;
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::{Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::office::{GAMES_HEADING, Library, Screen, failed};

/// Two bars per task (answered, right) and a gap.
const LAYOUT: Layout = Layout {
    slot: 30,
    bar_width: 12,
};

/// The share of right answers in percent, when a task was answered.
pub(crate) fn right_percent(answered: u32, right: u32) -> Option<u32> {
    (answered > 0).then(|| (f64::from(right) * 100.0 / f64::from(answered)).round() as u32)
}

/// The header row of [`stats_csv`].
pub(crate) const STATS_CSV_HEADER: &str = "task,prompt,answered,right,right_percent,median_seconds";

/// A game's statistics as CSV for spreadsheets: one row per task.
pub(crate) fn stats_csv(stats: &GameStats) -> String {
    let mut csv = format!("{STATS_CSV_HEADER}\n");
    for t in &stats.tasks {
        csv.push_str(&format!(
            "{},{},{},{},{},{}\n",
            suite_domain::csv::text(&t.task),
            suite_domain::csv::text(&t.prompt),
            t.answered,
            t.right,
            right_percent(t.answered, t.right)
                .map(|p| p.to_string())
                .unwrap_or_default(),
            t.median_secs.map(|s| s.to_string()).unwrap_or_default(),
        ));
    }
    csv
}

/// A `blob:` address of `text` as a CSV file, for a download link.
pub(crate) fn csv_address(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

#[derive(Properties, PartialEq)]
pub(crate) struct StatsProps {
    pub(crate) library: Library,
    pub(crate) game: i64,
    pub(crate) title: String,
}

#[function_component]
pub(crate) fn StatsView(props: &StatsProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<GameStats, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (load, path) = (
            load.clone(),
            format!(
                "/api/bibster/{}/games/{}/stats",
                props.library.id, props.game
            ),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<GameStats>(&path).await)) });
        });
    }
    let csv = use_memo(load.clone(), |load| match &**load {
        Some(Ok(stats)) => csv_address(&stats_csv(stats)),
        _ => None,
    });
    let back = {
        let screen = props.library.screen.clone();
        Callback::from(move |_: MouseEvent| {
            screen.set(Screen::List);
            focus_id_soon(GAMES_HEADING.into());
        })
    };
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => failed(error, lang, &attempt),
        Some(Ok(stats)) => {
            let rows = stats.tasks.iter().enumerate().map(|(i, t)| html! {
                <tr>
                    <th scope="row">{ format!("{} {}: {}", Msg::BibBuildTask.text(lang), i + 1, t.prompt) }</th>
                    <td class="bo-num">{ t.answered }</td>
                    <td class="bo-num">{ t.right }</td>
                    <td class="bo-num">{ right_percent(t.answered, t.right).map(|p| format!("{p}%")).unwrap_or_else(|| "–".into()) }</td>
                    <td class="bo-num">{ t.median_secs.map(|s| format!("{s} s")).unwrap_or_else(|| "–".into()) }</td>
                </tr>
            });
            let series = [
                Series {
                    name: Msg::BibBuildAnswered.text(lang).into(),
                    class: "",
                },
                Series {
                    name: Msg::BibBuildRightCount.text(lang).into(),
                    class: "bb-bar-right",
                },
            ];
            let groups: Vec<(String, Vec<u64>)> = stats
                .tasks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        format!("{} {}", Msg::BibBuildTask.text(lang), i + 1),
                        vec![u64::from(t.answered), u64::from(t.right)],
                    )
                })
                .collect();
            let chart = bar_chart(&BarChart {
                label: format!("{}: {}", Msg::BibBuildStats.text(lang), props.title),
                class: "bb-chart",
                series: &series,
                groups: &groups,
                layout: LAYOUT,
                ends: false,
            });
            let columns = [
                Msg::BibBuildTask,
                Msg::BibBuildAnswered,
                Msg::BibBuildRightCount,
                Msg::BibBuildRightShare,
                Msg::BibBuildMedian,
            ];
            html! {
                <>
                    <p class="bb-stats__totals">{ format!("{} {} · {} {}", Msg::BibBuildSessions.text(lang), stats.sessions, Msg::BibBuildTeams.text(lang), stats.teams) }</p>
                    { chart }
                    <table class="bo-table bb-stats">
                        <caption>{ Msg::BibBuildPerTask.text(lang) }</caption>
                        <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c.text(lang) }</th> }) }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if let Some(href) = (*csv).clone() {
                        <p class="bo-download">
                            <a class="bb-csv" {href} download={format!("bibster-statistieken-{}.csv", props.game)}>{ Msg::BibBuildCsv.text(lang) }</a>
                        </p>
                    }
                </>
            }
        }
    };
    html! {
        <div class="bb-stats-view">
            <div class="bo-actions">
                <button type="button" class="btn btn--secondary bb-back" onclick={back}>{ Msg::BibBuildBack.text(lang) }</button>
            </div>
            <h4 id="bb-stats-heading" tabindex="-1">{ format!("{}: {}", Msg::BibBuildStats.text(lang), props.title) }</h4>
            { body }
        </div>
    }
}
