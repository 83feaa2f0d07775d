//! The bar chart of book tips per day, drawn by `suite_ui::chart` (the table beside it
//! carries the same numbers, so the chart is never the only way to read them).

use suite_domain::bieblo::kiosk::DayCount;
use suite_domain::chart::Layout;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::chart::{BarChart, Series, bar_chart};
use yew::prelude::*;

/// One day's slot and its bar, in SVG user units.
pub(super) const LAYOUT: Layout = Layout {
    slot: 10,
    bar_width: 7,
};
/// One theme's slot and its three bars.
const THEME_LAYOUT: Layout = Layout {
    slot: 30,
    bar_width: 7,
};

/// A `YYYY-MM-DD` day as Flemish readers write it (`28/11/2026`); as it came in English
/// or when it is not such a day.
pub(super) fn day_label(day: &str, lang: Lang) -> String {
    let parts: Vec<&str> = day.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Nl, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => day.to_owned(),
    }
}

/// The chart's groups: each day with its tips.
pub(super) fn day_groups(days: &[DayCount], lang: Lang) -> Vec<(String, Vec<u64>)> {
    days.iter()
        .map(|d| (day_label(&d.day, lang), vec![d.tips]))
        .collect()
}

/// The chart per theme: liked, not liked and tips side by side (`groups`: each theme's
/// label with those three counts).
pub(super) fn theme_chart(groups: &[(String, Vec<u64>)], lang: Lang) -> Html {
    let series = [
        (Msg::BiebloStaffLikes, "stats-bar--likes"),
        (Msg::BiebloStaffDislikes, "stats-bar--dislikes"),
        (Msg::BiebloStaffTips, ""),
    ]
    .map(|(name, class)| Series {
        name: name.text(lang).to_string(),
        class,
    });
    bar_chart(&BarChart {
        label: Msg::BiebloStaffThemeChartLabel.text(lang).to_string(),
        class: "stats-themes-chart",
        series: &series,
        groups,
        layout: THEME_LAYOUT,
        ends: false,
    })
}

/// The chart of `days` (oldest first).
pub(super) fn day_chart(days: &[DayCount], lang: Lang) -> Html {
    let series = [Series {
        name: Msg::BiebloStaffChartLabel.text(lang).to_string(),
        class: "",
    }];
    bar_chart(&BarChart {
        label: Msg::BiebloStaffChartLabel.text(lang).to_string(),
        class: "",
        series: &series,
        groups: &day_groups(days, lang),
        layout: LAYOUT,
        ends: true,
    })
}
