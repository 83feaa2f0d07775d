//! "Statistieken": the kiosks' anonymous counts (`GET /api/bieblo/<library>/stats`): a
//! chart and table of book tips per day, a table per theme and one per branch's kiosk,
//! and the CSV download.

use std::rc::Rc;

use suite_domain::bieblo::kiosk::KioskStats;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::{EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::Summary;
use super::chart::{day_chart, day_label, recent_days};
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
    {
        let stats = stats.clone();
        let url = format!("/api/bieblo/{}/stats", props.library);
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
    let body = match &*stats {
        Stats::Loading => html! { <Loading /> },
        Stats::Failed(error) => load_failed(error, lang, &attempt),
        Stats::Loaded(loaded) if !has_usage(loaded) => {
            html! { <EmptyState message={Msg::BiebloStaffNoStats} /> }
        }
        Stats::Loaded(loaded) => {
            let days = recent_days(&loaded.days);
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
                    <h4>{ t(Msg::BiebloStaffTipsPerDay) }</h4>
                    <div class="stats-days-wrap">
                        { day_chart(days, lang) }
                        { DAYS.view(day_rows, lang) }
                    </div>
                    { THEMES.view(theme_rows, lang) }
                    { KIOSKS.view(kiosk_rows, lang) }
                    <p class="bo-download">
                        <a class="stats-csv" href={format!("/api/bieblo/{}/stats.csv", props.library)} download="">
                            { t(Msg::BiebloStaffCsv) }
                        </a>
                    </p>
                </>
            }
        }
    };
    section("bo-stats-title", Msg::BiebloStaffStats, lang, body)
}
