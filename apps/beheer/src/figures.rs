//! The admin's figures: per app, the organisations signed up and active at each month's
//! end with the month's usage over every organisation, as a table and as bar charts (the
//! organisations, and one small chart per usage figure); the most active organisations;
//! everything as CSV.

use suite_domain::chart::Layout;
use suite_domain::figures::{AppFigures, ServiceFigures};
use suite_domain::i18n::Msg;
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::{Loading, use_lang, use_t};
use yew::prelude::*;

use crate::view::{Load, load_failed, section, use_load};

/// The usage figures an app counts, in the order they first appear.
fn metrics(app: &AppFigures) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for u in &app.usage {
        if !out.contains(&u.metric) {
            out.push(u.metric.clone());
        }
    }
    out
}

/// A count as a bar's value (a negative one, which the server never sends, as 0).
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// One month's slot and its bars in the charts, in SVG user units.
const LAYOUT: Layout = Layout {
    slot: 24,
    bar_width: 9,
};

/// The organisations signed up and active at each month's end, side by side.
fn organisations_chart(app: &AppFigures, title: String, t: impl Fn(Msg) -> &'static str) -> Html {
    let series = [
        Series {
            name: t(Msg::AdmSignedUp).to_string(),
            class: "adm-bar--signed",
        },
        Series {
            name: t(Msg::AdmActiveCount).to_string(),
            class: "",
        },
    ];
    let groups: Vec<(String, Vec<u64>)> = app
        .subscriptions
        .iter()
        .map(|m| (m.month.clone(), vec![count(m.signed_up), count(m.active)]))
        .collect();
    bar_chart(&BarChart {
        label: title,
        class: "adm-chart",
        series: &series,
        groups: &groups,
        layout: LAYOUT,
        ends: true,
    })
}

/// One usage figure per month over every organisation (small multiples: one chart per
/// figure, each on its own scale).
fn usage_chart(app: &AppFigures, metric: &str, title: String) -> Html {
    let series = [Series {
        name: metric.to_string(),
        class: "",
    }];
    let groups: Vec<(String, Vec<u64>)> = app
        .subscriptions
        .iter()
        .map(|m| {
            let value = app
                .usage
                .iter()
                .find(|u| u.month == m.month && u.metric == metric)
                .map_or(0, |u| count(u.value));
            (m.month.clone(), vec![value])
        })
        .collect();
    bar_chart(&BarChart {
        label: title,
        class: "adm-chart adm-chart--small",
        series: &series,
        groups: &groups,
        layout: LAYOUT,
        ends: true,
    })
}

#[function_component]
pub(crate) fn FiguresSection() -> Html {
    let (lang, t) = (use_lang(), use_t());
    let attempt = use_state(|| 0_u32);
    let figures = use_load::<ServiceFigures>("/api/figures".into(), *attempt);
    let body = match &*figures {
        Load::Loading => html! { <Loading /> },
        Load::Failed(error) => load_failed(error, lang, &attempt),
        Load::Ready(figures) => html! {
            <>
                <p><a class="bo-download" href="/api/figures.csv" download="cijfers.csv">{ t(Msg::AdmCsv) }</a></p>
                { for figures.apps.iter().map(|app| {
                    let name = suite_domain::apps::app_by_slug(&app.app).map_or(app.app.as_str(), |a| t(a.name));
                    let metrics = metrics(app);
                    let value = |month: &str, metric: &str| app.usage.iter()
                        .find(|u| u.month == month && u.metric == metric)
                        .map_or(0, |u| u.value);
                    html! {
                        <div key={app.app.clone()} data-figures={app.app.clone()}>
                            <h4>{ name }</h4>
                            { organisations_chart(app, format!("{}: {}", name, t(Msg::AdmOrganisationsChart)), t) }
                            if !metrics.is_empty() {
                                <div class="adm-usage-charts">
                                    { for metrics.iter().map(|metric| html! {
                                        <figure key={metric.clone()} class="adm-usage-chart" data-metric={metric.clone()}>
                                            <figcaption>{ metric.clone() }</figcaption>
                                            { usage_chart(app, metric, format!("{}: {} {}", name, metric, t(Msg::AdmPerMonth))) }
                                        </figure>
                                    }) }
                                </div>
                            }
                            <table class="bo-table">
                                <caption class="visually-hidden">{ name }</caption>
                                <thead><tr>
                                    <th scope="col">{ t(Msg::AdmMonth) }</th>
                                    <th scope="col" class="bo-num">{ t(Msg::AdmSignedUp) }</th>
                                    <th scope="col" class="bo-num">{ t(Msg::AdmActiveCount) }</th>
                                    { for metrics.iter().map(|m| html! { <th scope="col" class="bo-num">{ m.clone() }</th> }) }
                                </tr></thead>
                                <tbody>
                                    { for app.subscriptions.iter().map(|m| html! {
                                        <tr key={m.month.clone()}>
                                            <th scope="row">{ m.month.clone() }</th>
                                            <td class="bo-num">{ m.signed_up }</td>
                                            <td class="bo-num">{ m.active }</td>
                                            { for metrics.iter().map(|metric| html! {
                                                <td class="bo-num">{ value(&m.month, metric) }</td>
                                            }) }
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                            if !app.top.is_empty() {
                                <p>{ format!("{} ({}):", t(Msg::AdmTop), app.top_metric) }</p>
                                <ol>
                                    { for app.top.iter().map(|o| html! {
                                        <li key={o.org_id.clone()}>{ format!("{}: {}", o.name, o.total) }</li>
                                    }) }
                                </ol>
                            }
                        </div>
                    }
                }) }
            </>
        },
    };
    section("adm-figures", Msg::AdmFigures, lang, body)
}
