//! The admin's figures: per app, the organisations signed up and active at each month's
//! end with the month's usage over every organisation, as a table and a bar chart of the
//! active organisations; the most active organisations; everything as CSV.

use suite_domain::figures::{AppFigures, ServiceFigures};
use suite_domain::i18n::Msg;
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

/// Bars of the active organisations per month (the numbers are in the table as well).
fn chart(app: &AppFigures, title: String) -> Html {
    let max = app
        .subscriptions
        .iter()
        .map(|m| m.active)
        .max()
        .unwrap_or(0)
        .max(1);
    let width = 24 * app.subscriptions.len().max(1);
    html! {
        <svg class="adm-chart" role="img" aria-label={title.clone()} viewBox={format!("0 0 {width} 100")}
            width={width.to_string()} height="100" preserveAspectRatio="none">
            <title>{ title }</title>
            { for app.subscriptions.iter().enumerate().map(|(i, m)| {
                let height = 100 * m.active / max;
                html! { <rect x={(i * 24 + 4).to_string()} y={(100 - height).to_string()}
                    width="16" height={height.to_string()} fill="currentColor" /> }
            }) }
        </svg>
    }
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
                            { chart(app, format!("{}: {}", name, t(Msg::AdmActiveCount))) }
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
