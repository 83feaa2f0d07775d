//! The bar chart of book tips per day, drawn by `suite_ui::chart` (the table beside it
//! carries the same numbers, so the chart is never the only way to read them).

use suite_domain::bieblo::kiosk::DayCount;
use suite_domain::chart::Layout;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::chart::{BarChart, Series, bar_chart};
use yew::prelude::*;

/// How many of the latest days the chart (and its table) show.
pub(super) const CHART_DAYS: usize = 31;
/// One day's slot and its bar, in SVG user units.
pub(super) const LAYOUT: Layout = Layout {
    slot: 10,
    bar_width: 7,
};

/// The latest `CHART_DAYS` days, oldest first as the server sends them.
pub(super) fn recent_days(days: &[DayCount]) -> &[DayCount] {
    &days[days.len().saturating_sub(CHART_DAYS)..]
}

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
