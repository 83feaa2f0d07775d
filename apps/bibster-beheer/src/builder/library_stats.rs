//! The library's statistics over all its games (`GET /api/bibster/{library}/stats`):
//! totals, teams per month as bars (`suite_ui::chart`) with the numbers in a table, a
//! table per game, and the games' totals as a CSV download.

use suite_domain::bibster::api::LibraryStats;
use suite_domain::chart::Layout;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{Row, Table, section};
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::game_row::state_name;
use super::office::{LIBRARY_STATS_HEADING, Library, failed};
use super::stats::{csv_address, right_percent};

const MONTHS: Table = Table {
    class: "bb-library-months",
    caption: Msg::BibBuildPerMonth,
    caption_hidden: false,
    columns: &[
        Msg::BibBuildMonth,
        Msg::BibBuildSessionsColumn,
        Msg::BibBuildTeamsColumn,
        Msg::BibBuildAnswersColumn,
    ],
    numeric: true,
    row_class: None,
};

/// Not `numeric`: the state column is text.
const GAMES: Table = Table {
    class: "bb-library-games",
    caption: Msg::BibBuildPerGame,
    caption_hidden: false,
    columns: &[
        Msg::BibBuildGameColumn,
        Msg::BibBuildState,
        Msg::BibBuildSessionsColumn,
        Msg::BibBuildTeamsColumn,
        Msg::BibBuildAnswersColumn,
        Msg::BibBuildRightShare,
    ],
    numeric: false,
    row_class: None,
};

const LAYOUT: Layout = Layout {
    slot: 36,
    bar_width: 24,
};

/// The header row of [`library_csv`].
pub(crate) const LIBRARY_CSV_HEADER: &str =
    "game,title,state,sessions,teams,answers,right,right_percent";

/// The games' totals as CSV for spreadsheets: one row per game.
pub(crate) fn library_csv(stats: &LibraryStats) -> String {
    let mut csv = format!("{LIBRARY_CSV_HEADER}\n");
    for g in &stats.games {
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            g.game,
            suite_domain::csv::text(&g.title),
            g.state.as_str(),
            g.sessions,
            g.teams,
            g.answers,
            g.right,
            right_percent(g.answers, g.right)
                .map(|p| p.to_string())
                .unwrap_or_default(),
        ));
    }
    csv
}

fn share(answers: u32, right: u32) -> String {
    right_percent(answers, right).map_or_else(|| "–".into(), |p| format!("{p}%"))
}

fn figures(stats: &LibraryStats, lang: Lang, csv: Option<String>) -> Html {
    if stats.sessions == 0 {
        return html! { <EmptyState message={Msg::BibBuildNoPlayYet} /> };
    }
    let totals = format!(
        "{} {} · {} {} · {} {} · {} {}",
        Msg::BibBuildSessions.text(lang),
        stats.sessions,
        Msg::BibBuildTeams.text(lang),
        stats.teams,
        Msg::BibBuildAnswersTotal.text(lang),
        stats.answers,
        Msg::BibBuildRightTotal.text(lang),
        share(stats.answers, stats.right)
    );
    let series = [Series {
        name: Msg::BibBuildTeamsColumn.text(lang).into(),
        class: "",
    }];
    let groups: Vec<(String, Vec<u64>)> = stats
        .months
        .iter()
        .map(|m| (m.month.clone(), vec![u64::from(m.teams)]))
        .collect();
    let chart = bar_chart(&BarChart {
        label: Msg::BibBuildTeamsPerMonth.text(lang).into(),
        class: "bb-chart",
        series: &series,
        groups: &groups,
        layout: LAYOUT,
        ends: true,
    });
    let months: Vec<Row> = stats
        .months
        .iter()
        .map(|m| {
            let cells = [m.sessions, m.teams, m.answers].map(|n| n.to_string());
            (m.month.clone(), cells.to_vec())
        })
        .collect();
    let games: Vec<Row> = stats
        .games
        .iter()
        .map(|g| {
            let cells = vec![
                state_name(g.state).text(lang).to_string(),
                g.sessions.to_string(),
                g.teams.to_string(),
                g.answers.to_string(),
                share(g.answers, g.right),
            ];
            (g.title.clone(), cells)
        })
        .collect();
    html! {
        <>
            <p class="bb-stats__totals">{ totals }</p>
            <h4>{ Msg::BibBuildTeamsPerMonth.text(lang) }</h4>
            { chart }
            { MONTHS.view(months, lang) }
            { GAMES.view(games, lang) }
            if let Some(href) = csv {
                <p class="bo-download">
                    <a class="bb-library-csv" {href} download="bibster-statistieken.csv">{ Msg::BibBuildCsv.text(lang) }</a>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct LibraryStatsProps {
    pub(crate) library: Library,
}

#[function_component]
pub(crate) fn LibraryStatsSection(props: &LibraryStatsProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<LibraryStats, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (load, path) = (
            load.clone(),
            format!("/api/bibster/{}/stats", props.library.id),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<LibraryStats>(&path).await)) });
        });
    }
    let csv = use_memo(load.clone(), |load| match &**load {
        Some(Ok(stats)) => csv_address(&library_csv(stats)),
        _ => None,
    });
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => failed(error, lang, &attempt),
        Some(Ok(stats)) => figures(stats, lang, (*csv).clone()),
    };
    let body = html! {
        <>
            <p class="field-help">{ Msg::BibBuildLibraryStatsHelp.text(lang) }</p>
            { body }
        </>
    };
    section(LIBRARY_STATS_HEADING, Msg::BibBuildLibraryStats, lang, body)
}
