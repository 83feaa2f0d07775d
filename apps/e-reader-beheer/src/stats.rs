//! The statistics per title (`GET /api/ereader/admin/stats`): loans per title and per
//! month as bars (`suite_ui::chart`) with the same numbers in tables beside them, how
//! loans and holds ended, the queue and whether more licences would help, and the CSV
//! the server writes.

use suite_domain::chart::Layout;
use suite_domain::ereader::admin::EreaderStats;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{Row, Table, load_failed, section};
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::STATS_HEADING;
use crate::rules::{loans_per_month, loans_per_title};

const TITLES: Table = Table {
    class: "er-bo-stats-titles",
    caption: Msg::EreaderAdmLoansPerTitle,
    caption_hidden: true,
    columns: &[
        Msg::EreaderAdmColTitle,
        Msg::EreaderAdmColLicences,
        Msg::EreaderAdmColLoansTotal,
        Msg::EreaderAdmColLoans,
        Msg::EreaderAdmColReturnedEarly,
        Msg::EreaderAdmColExpired,
        Msg::EreaderAdmColQueue,
        Msg::EreaderAdmColHolds,
        Msg::EreaderAdmColHoldExpiries,
        Msg::EreaderAdmColPasses,
        Msg::EreaderAdmColAdvice,
    ],
    numeric: true,
    row_class: None,
};

const MONTHS: Table = Table {
    class: "er-bo-stats-months",
    caption: Msg::EreaderAdmLoansPerMonth,
    caption_hidden: true,
    columns: &[Msg::EreaderAdmColMonth, Msg::EreaderAdmColLoansTotal],
    numeric: true,
    row_class: None,
};

const LAYOUT: Layout = Layout {
    slot: 36,
    bar_width: 24,
};

fn chart(label: Msg, groups: &[(String, Vec<u64>)], lang: Lang) -> Html {
    let series = [Series {
        name: Msg::EreaderAdmColLoansTotal.text(lang).into(),
        class: "",
    }];
    bar_chart(&BarChart {
        label: label.text(lang).into(),
        class: "er-bo-chart",
        series: &series,
        groups,
        layout: LAYOUT,
        ends: true,
    })
}

fn figures(stats: &EreaderStats, lang: Lang) -> Html {
    if stats.titles.iter().all(|t| t.loans == 0) {
        return html! { <EmptyState message={Msg::EreaderAdmNoLoans} /> };
    }
    let titles: Vec<Row> = stats
        .titles
        .iter()
        .map(|t| {
            let advice = if t.more_licences {
                Msg::EreaderAdmMoreLicences
            } else {
                Msg::EreaderAdmEnough
            };
            let mut cells: Vec<String> = [
                t.licences,
                t.loans,
                t.running,
                t.returned_early,
                t.expired,
                t.queue,
                t.holds_given,
                t.hold_expiries,
                t.passes,
            ]
            .iter()
            .map(u32::to_string)
            .collect();
            cells.push(advice.text(lang).into());
            (t.title.clone(), cells)
        })
        .collect();
    let per_month = loans_per_month(stats);
    let months: Vec<Row> = per_month
        .iter()
        .map(|(month, n)| (month.clone(), vec![n.iter().sum::<u64>().to_string()]))
        .collect();
    let csv = api::url("/api/ereader/admin/stats.csv");
    html! {
        <>
            <div class="er-bo-pair">
                <div>
                    <h4>{ Msg::EreaderAdmLoansPerTitle.text(lang) }</h4>
                    { chart(Msg::EreaderAdmLoansPerTitle, &loans_per_title(stats), lang) }
                </div>
                <div class="er-bo-scroll" tabindex="0" role="region"
                    aria-label={Msg::EreaderAdmLoansPerTitle.text(lang)}>
                    { TITLES.view(titles, lang) }
                </div>
            </div>
            <div class="er-bo-pair">
                <div>
                    <h4>{ Msg::EreaderAdmLoansPerMonth.text(lang) }</h4>
                    { chart(Msg::EreaderAdmLoansPerMonth, &per_month, lang) }
                </div>
                { MONTHS.view(months, lang) }
            </div>
            <p class="bo-download">
                <a class="er-bo-csv" href={csv} download="e-reader-statistieken.csv">{ Msg::EreaderAdmCsv.text(lang) }</a>
            </p>
        </>
    }
}

#[function_component]
pub(crate) fn StatsSection() -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<EreaderStats, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                load.set(Some(
                    api::get::<EreaderStats>("/api/ereader/admin/stats").await,
                ));
            });
        });
    }
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(error)) => load_failed(error, lang, &attempt),
        Some(Ok(stats)) => figures(stats, lang),
    };
    let body = html! {
        <>
            <p class="field-help">{ Msg::EreaderAdmStatsHelp.text(lang) }</p>
            { body }
        </>
    };
    section(STATS_HEADING, Msg::EreaderAdmStats, lang, body)
}
