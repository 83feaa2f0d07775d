//! A centre's figures (`GET /api/voor-de-show/centres/{centre}/figures`): per show the
//! classes that played and per assignment how often it was done or skipped, as bars
//! (`suite_ui::chart`) with the same numbers in a table beside them, and the CSV the
//! server writes.

use suite_domain::chart::Layout;
use suite_domain::i18n::{Lang, Msg};
use suite_domain::show::api::CentreFigures;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{Row, Table, load_failed, section};
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::{EmptyState, Loading, use_lang};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::FIGURES_HEADING;
use crate::rules::figure_groups;

const ASSIGNMENTS: Table = Table {
    class: "vds-bo-figures",
    caption: Msg::VdsAdminFigures,
    caption_hidden: true,
    columns: &[
        Msg::VdsAdminAssignment,
        Msg::VdsAdminDone,
        Msg::VdsAdminSkipped,
    ],
    numeric: true,
    row_class: None,
};

const LAYOUT: Layout = Layout {
    slot: 48,
    bar_width: 18,
};

fn view(figures: &CentreFigures, centre: &str, lang: Lang) -> Html {
    if figures.shows.is_empty() {
        return html! { <EmptyState message={Msg::VdsAdminNoFigures} /> };
    }
    let series = [
        Series {
            name: Msg::VdsAdminDone.text(lang).into(),
            class: "",
        },
        Series {
            name: Msg::VdsAdminSkipped.text(lang).into(),
            class: "bo-series-2",
        },
    ];
    let shows = figures.shows.iter().map(|show| {
        let groups = figure_groups(show);
        let rows: Vec<Row> = show
            .assignments
            .iter()
            .map(|a| (a.assignment.clone(), vec![a.done.to_string(), a.skipped.to_string()]))
            .collect();
        html! {
            <div class="er-bo-pair vds-bo-show-figures">
                <div>
                    <h4>{ format!("{} · {}: {}", show.title, Msg::VdsAdminClasses.text(lang), show.classes) }</h4>
                    { bar_chart(&BarChart {
                        label: show.title.clone(),
                        class: "vds-bo-chart",
                        series: &series,
                        groups: &groups,
                        layout: LAYOUT,
                        ends: true,
                    }) }
                </div>
                <div class="vds-bo-scroll" tabindex="0" role="region" aria-label={show.title.clone()}>
                    { ASSIGNMENTS.view(rows, lang) }
                </div>
            </div>
        }
    });
    let csv = api::url(&format!("/api/voor-de-show/centres/{centre}/figures.csv"));
    html! {
        <>
            { for shows }
            <p class="bo-download"><a href={csv} download="voor-de-show-cijfers.csv">{ Msg::VdsAdminCsv.text(lang) }</a></p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FiguresProps {
    pub(crate) centre: AttrValue,
}

#[function_component]
pub(crate) fn FiguresSection(props: &FiguresProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| None::<Result<CentreFigures, ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (load, path) = (
            load.clone(),
            format!("/api/voor-de-show/centres/{}/figures", props.centre),
        );
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<CentreFigures>(&path).await)) });
        });
    }
    let body = match &*load {
        None => html! { <Loading /> },
        Some(Err(e)) => load_failed(e, lang, &attempt),
        Some(Ok(figures)) => view(figures, &props.centre, lang),
    };
    let body =
        html! { <><p class="field-help">{ Msg::VdsAdminFiguresHelp.text(lang) }</p>{ body }</> };
    section(FIGURES_HEADING, Msg::VdsAdminFigures, lang, body)
}
