//! The insight over time: a period to choose (this month, this season, all time, or
//! from one day to another), and every count per day over it, each in a small chart
//! (`GET /api/culture/<centre>/insight/days`) with its numbers in a table beside it.

use suite_domain::chart::Layout;
use suite_domain::culture::insight::{InsightDays, Interaction};
use suite_domain::date::{LocalDate, month_of, season_of};
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::on_period_submit;
use suite_ui::chart::{BarChart, Series, bar_chart};
use suite_ui::url::period_query;
use suite_ui::{Button, ButtonVariant, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::load_failed;

/// Each count in the order of the insight table, with its name there.
pub(crate) const COUNTS: [(Interaction, Msg); 9] = [
    (Interaction::Shown, Msg::CmBoShown),
    (Interaction::Heart, Msg::CmBoHearts),
    (Interaction::Cross, Msg::CmBoCrosses),
    (Interaction::Suggested, Msg::CmBoSuggested),
    (Interaction::Saved, Msg::CmBoSavedCount),
    (Interaction::Shared, Msg::CmBoShared),
    (Interaction::Ticket, Msg::CmBoTickets),
    (Interaction::Went, Msg::CmBoWent),
    (Interaction::NotGone, Msg::CmBoNotGone),
];

/// One day's slot and bar.
const LAYOUT: Layout = Layout {
    slot: 10,
    bar_width: 7,
};

/// Today in this browser.
fn today() -> Option<LocalDate> {
    let now = js_sys::Date::new_0();
    LocalDate::new(
        i32::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// The query of this month and of this season (1 September to 31 August).
pub(crate) fn quick_periods(today: LocalDate) -> [String; 2] {
    [month_of(today), season_of(today)]
        .map(|(from, to)| period_query(&from.to_string(), &to.to_string()))
}

#[derive(Properties, PartialEq)]
pub(crate) struct PeriodChoiceProps {
    /// The period's query now (empty: all time).
    pub(crate) query: AttrValue,
    pub(crate) on_choose: Callback<String>,
}

/// The period of the insight: quick choices and a form for any two days.
#[function_component]
pub(crate) fn PeriodChoice(props: &PeriodChoiceProps) -> Html {
    let t = use_t();
    let from = use_node_ref();
    let to = use_node_ref();
    let quick = today().map(quick_periods);
    let choose = |query: String| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_: MouseEvent| on_choose.emit(query.clone()))
    };
    let onsubmit = on_period_submit(&from, &to, props.on_choose.clone());
    let pressed = |query: &str| {
        if props.query.as_str() == query {
            "true"
        } else {
            "false"
        }
    };
    html! {
        <div class="cm-bo-period">
            <div class="bo-actions" role="group" aria-label={t(Msg::CmBoPeriod)}>
                <Button class="cm-bo-period-all" variant={ButtonVariant::Secondary}
                    aria_pressed={AttrValue::Static(pressed(""))} onclick={choose(String::new())}>
                    { t(Msg::CmBoAllTime) }
                </Button>
                if let Some([month, season]) = quick {
                    <Button class="cm-bo-period-month" variant={ButtonVariant::Secondary}
                        aria_pressed={AttrValue::Static(pressed(&month))} onclick={choose(month.clone())}>
                        { t(Msg::CmBoThisMonth) }
                    </Button>
                    <Button class="cm-bo-period-season" variant={ButtonVariant::Secondary}
                        aria_pressed={AttrValue::Static(pressed(&season))} onclick={choose(season.clone())}>
                        { t(Msg::CmBoThisSeason) }
                    </Button>
                }
            </div>
            <form class="bo-form cm-bo-period-form" novalidate=true {onsubmit} aria-label={t(Msg::CmBoPeriod)}>
                <div class="field">
                    <label for="cm-bo-from">{ t(Msg::CmBoFrom) }</label>
                    <input id="cm-bo-from" type="date" ref={from} />
                </div>
                <div class="field">
                    <label for="cm-bo-to">{ t(Msg::CmBoTo) }</label>
                    <input id="cm-bo-to" type="date" ref={to} />
                </div>
                <div class="bo-actions">
                    <Button kind="submit" class="cm-bo-period-show">{ t(Msg::CmBoShowPeriod) }</Button>
                </div>
            </form>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct OverTimeProps {
    pub(crate) centre: AttrValue,
    /// The period's query (empty: the last 31 days).
    pub(crate) query: AttrValue,
    /// Bumped to read again.
    pub(crate) version: u32,
}

#[derive(Clone, PartialEq)]
enum Days {
    Loading,
    Loaded(InsightDays),
    Failed(ApiError),
}

/// A day as Flemish readers write it (`28/11`); as it came otherwise.
fn short_day(day: &str, lang: Lang) -> String {
    match (lang, day.split('-').collect::<Vec<_>>().as_slice()) {
        (Lang::Nl, [_, m, d]) => format!("{d}/{m}"),
        _ => day.to_owned(),
    }
}

/// Every count per day of the period, each in its own small chart.
#[function_component]
pub(crate) fn OverTime(props: &OverTimeProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let days = use_state(|| Days::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let days = days.clone();
        let url = format!("/api/culture/{}/insight/days{}", props.centre, props.query);
        use_effect_with((url, props.version, *attempt), move |(url, _, _)| {
            let url = url.clone();
            days.set(Days::Loading);
            spawn_local(async move {
                days.set(match api::get::<InsightDays>(&url).await {
                    Ok(loaded) => Days::Loaded(loaded),
                    Err(error) => Days::Failed(error),
                });
            });
        });
    }
    match &*days {
        Days::Loading => html! { <Loading /> },
        Days::Failed(error) => load_failed(error, lang, &attempt),
        Days::Loaded(loaded) => {
            let charts = COUNTS.iter().map(|&(interaction, name)| {
                let groups: Vec<(String, Vec<u64>)> = loaded
                    .days
                    .iter()
                    .map(|d| {
                        (
                            short_day(&d.day, lang),
                            vec![u64::from(d.count(interaction))],
                        )
                    })
                    .collect();
                let total: u64 = groups.iter().map(|(_, v)| v[0]).sum();
                let series = [Series {
                    name: t(name).to_string(),
                    class: "",
                }];
                html! {
                    <figure class="cm-bo-day-chart" data-count={interaction.as_str()}>
                        <figcaption>{ format!("{} ({total})", t(name)) }</figcaption>
                        { bar_chart(&BarChart {
                            label: format!("{}: {}", t(Msg::CmBoPerDay), t(name)),
                            class: "cm-bo-small-chart",
                            series: &series,
                            groups: &groups,
                            layout: LAYOUT,
                            ends: true,
                        }) }
                    </figure>
                }
            });
            html! {
                <>
                    <h4 class="cm-bo-over-time-title">
                        { format!("{} ({} – {})", t(Msg::CmBoPerDay), loaded.from, loaded.to) }
                    </h4>
                    <div class="cm-bo-day-charts">{ for charts }</div>
                </>
            }
        }
    }
}
