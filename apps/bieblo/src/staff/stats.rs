//! "Statistieken": the kiosks' anonymous counts over a period staff choose (by default
//! the last 31 days; `GET /api/bieblo/<library>/stats?from=&to=`): a chart and table of
//! book tips on every day, a chart and table per theme, a table per branch's kiosk, and
//! the CSV download of the same period.

use std::rc::Rc;

use suite_domain::bieblo::kiosk::KioskStats;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::on_period_submit;
use suite_ui::url::period_query;
use suite_ui::{Button, EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::Summary;
use super::chart::{day_chart, day_label, theme_chart};
use super::view::{Table, load_failed, section};

/// The table beside the chart: the same days, the same numbers.
const DAYS: Table = Table {
    class: "stats-days",
    caption: Msg::BiebloStaffTipsPerDay,
    caption_hidden: true,
    columns: &[
        Msg::BiebloStaffDay,
        Msg::BiebloStaffTips,
        Msg::BiebloStaffVisits,
    ],
    numeric: true,
    row_class: None,
};

const THEMES: Table = Table {
    class: "stats-themes",
    caption: Msg::BiebloStaffPerTheme,
    caption_hidden: false,
    columns: &[
        Msg::BiebloStaffTheme,
        Msg::BiebloStaffLikes,
        Msg::BiebloStaffDislikes,
        Msg::BiebloStaffTips,
    ],
    numeric: true,
    row_class: None,
};

const KIOSKS: Table = Table {
    class: "stats-kiosks",
    caption: Msg::BiebloStaffPerKiosk,
    caption_hidden: false,
    columns: &[
        Msg::BiebloStaffKioskBranch,
        Msg::BiebloStaffVisits,
        Msg::BiebloStaffTips,
    ],
    numeric: true,
    row_class: None,
};

#[derive(Properties, PartialEq)]
pub(super) struct StatsSectionProps {
    pub(super) library: AttrValue,
    pub(super) summary: Rc<Summary>,
}

#[derive(Clone, PartialEq)]
enum Stats {
    Loading,
    Loaded(KioskStats),
    Failed(ApiError),
}

/// Whether there is anything to show: a day or a theme with a count.
pub(super) fn has_usage(stats: &KioskStats) -> bool {
    stats.days.iter().any(|d| d.tips > 0 || d.visits > 0)
        || stats
            .themes
            .iter()
            .any(|t| t.likes > 0 || t.dislikes > 0 || t.tips > 0)
}

#[function_component]
pub(super) fn StatsSection(props: &StatsSectionProps) -> Html {
    let (lang, t) = (use_lang(), use_t());
    let stats = use_state(|| Stats::Loading);
    let attempt = use_state(|| 0_u32);
    // The period asked for: empty for the server's default (the last 31 days).
    let period = use_state(String::new);
    let from = use_node_ref();
    let to = use_node_ref();
    {
        let stats = stats.clone();
        let url = format!("/api/bieblo/{}/stats{}", props.library, *period);
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            stats.set(Stats::Loading);
            spawn_local(async move {
                stats.set(match api::get::<KioskStats>(&url).await {
                    Ok(loaded) => Stats::Loaded(loaded),
                    Err(error) => Stats::Failed(error),
                });
            });
        });
    }
    let on_period = {
        let period = period.clone();
        on_period_submit(&from, &to, Callback::from(move |query| period.set(query)))
    };
    let period_form = |loaded: Option<&KioskStats>| {
        let (shown_from, shown_to) = loaded.map_or((String::new(), String::new()), |s| {
            (s.from.clone(), s.to.clone())
        });
        html! {
            <form class="bo-form stats-period" novalidate=true onsubmit={on_period.clone()}
                aria-label={t(Msg::BiebloStaffPeriod)}>
                <div class="field">
                    <label for="stats-from">{ t(Msg::BiebloStaffFrom) }</label>
                    <input id="stats-from" type="date" ref={from.clone()} value={shown_from} />
                </div>
                <div class="field">
                    <label for="stats-to">{ t(Msg::BiebloStaffTo) }</label>
                    <input id="stats-to" type="date" ref={to.clone()} value={shown_to} />
                </div>
                <div class="bo-actions">
                    <Button kind="submit" class="stats-show">{ t(Msg::BiebloStaffShowPeriod) }</Button>
                </div>
            </form>
        }
    };
    let body = match &*stats {
        Stats::Loading => html! { <Loading /> },
        Stats::Failed(error) => html! {
            <>
                { period_form(None) }
                { load_failed(error, lang, &attempt) }
            </>
        },
        Stats::Loaded(loaded) if !has_usage(loaded) => html! {
            <>
                { period_form(Some(loaded)) }
                <EmptyState message={Msg::BiebloStaffNoStats} />
            </>
        },
        Stats::Loaded(loaded) => {
            let days = &loaded.days;
            let day_rows = days
                .iter()
                .map(|d| {
                    (
                        day_label(&d.day, lang),
                        vec![d.tips.to_string(), d.visits.to_string()],
                    )
                })
                .collect();
            let theme_rows = loaded
                .themes
                .iter()
                .map(|c| {
                    let label = props.summary.theme_label(&c.theme, lang).to_owned();
                    (
                        label,
                        [c.likes, c.dislikes, c.tips]
                            .map(|n| n.to_string())
                            .to_vec(),
                    )
                })
                .collect();
            let theme_groups: Vec<(String, Vec<u64>)> = loaded
                .themes
                .iter()
                .map(|c| {
                    let label = props.summary.theme_label(&c.theme, lang).to_owned();
                    (label, vec![c.likes, c.dislikes, c.tips])
                })
                .collect();
            let kiosk_rows = loaded
                .kiosks
                .iter()
                .map(|k| {
                    (
                        k.branch.clone(),
                        vec![k.visits.to_string(), k.tips.to_string()],
                    )
                })
                .collect();
            html! {
                <>
                    { period_form(Some(loaded)) }
                    <h4>{ t(Msg::BiebloStaffTipsPerDay) }</h4>
                    <div class="stats-days-wrap">
                        { day_chart(days, lang) }
                        { DAYS.view(day_rows, lang) }
                    </div>
                    <h4>{ t(Msg::BiebloStaffPerTheme) }</h4>
                    { theme_chart(&theme_groups, lang) }
                    { THEMES.view(theme_rows, lang) }
                    { KIOSKS.view(kiosk_rows, lang) }
                    <p class="bo-download">
                        <a class="stats-csv" href={format!("/api/bieblo/{}/stats.csv{}", props.library, period_query(&loaded.from, &loaded.to))} download="">
                            { t(Msg::BiebloStaffCsv) }
                        </a>
                    </p>
                </>
            }
        }
    };
    section(super::STATS_HEADING, Msg::BiebloStaffStats, lang, body)
}
