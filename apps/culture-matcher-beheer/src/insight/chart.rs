//! The bar chart of hearts and crosses per show, drawn by `suite_ui::chart` (the table
//! beside it carries the same numbers, so the chart is never the only way to read them).

use suite_domain::chart::Layout;
use suite_domain::culture::insight::ShowInsight;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::chart::{BarChart, Series, bar_chart};
use yew::prelude::*;

/// Most shows in the chart (the table has them all).
pub(crate) const CHART_SHOWS: usize = 30;
/// One show's slot and each of its two bars, in SVG user units.
pub(crate) const LAYOUT: Layout = Layout {
    slot: 20,
    bar_width: 8,
};

/// The shows with a heart or a cross, in the given order, at most [`CHART_SHOWS`].
pub(crate) fn charted(rows: &[ShowInsight]) -> Vec<&ShowInsight> {
    rows.iter()
        .filter(|r| r.hearts > 0 || r.crosses > 0)
        .take(CHART_SHOWS)
        .collect()
}

/// The chart's groups: each show's title with its hearts and crosses.
pub(crate) fn show_groups(rows: &[&ShowInsight]) -> Vec<(String, Vec<u64>)> {
    rows.iter()
        .map(|r| {
            (
                r.title.clone(),
                vec![u64::from(r.hearts), u64::from(r.crosses)],
            )
        })
        .collect()
}

/// The chart of `rows` (already [`charted`]).
pub(crate) fn chart(rows: &[&ShowInsight], lang: Lang) -> Html {
    let series = [
        Series {
            name: Msg::CmBoHearts.text(lang).to_string(),
            class: "cm-bo-bar--heart",
        },
        Series {
            name: Msg::CmBoCrosses.text(lang).to_string(),
            class: "cm-bo-bar--cross",
        },
    ];
    bar_chart(&BarChart {
        label: Msg::CmBoChartLabel.text(lang).to_string(),
        class: "cm-bo-chart",
        series: &series,
        groups: &show_groups(rows),
        layout: LAYOUT,
        ends: false,
    })
}
