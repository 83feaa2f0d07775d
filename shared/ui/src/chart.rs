//! The back-offices' bar chart: an inline SVG with a `<title>` per bar (its group, value
//! and series), the highest value beside it, optional first and last labels under it and
//! a legend when there are several series. The bars are placed by
//! `suite_domain::chart::place`; the table beside every chart carries the same numbers.
//! A plain function, not a component, to keep the wasm small.

use suite_domain::chart::{CHART_HEIGHT, Layout, place};
use yew::prelude::*;

/// One series of bars: its name (legend and bar titles) and the class that colours it
/// (on its bars and on its legend swatch; may be empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub class: &'static str,
}

/// What a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart<'a> {
    /// The chart's accessible name.
    pub label: String,
    /// A class of the chart's box, for the app's colours (may be empty).
    pub class: &'static str,
    pub series: &'a [Series],
    /// Each group's label and its values, one per series.
    pub groups: &'a [(String, Vec<u64>)],
    pub layout: Layout,
    /// Whether the first and last groups' labels stand under the chart.
    pub ends: bool,
}

/// Draws `chart`.
pub fn bar_chart(chart: &BarChart<'_>) -> Html {
    let values: Vec<Vec<u64>> = chart.groups.iter().map(|(_, v)| v.clone()).collect();
    let placed = place(&values, chart.layout);
    let width = placed.width;
    let rects = placed.bars.iter().map(|bar| {
        let series = chart.series.get(bar.series);
        let group = chart
            .groups
            .get(bar.group)
            .map_or("", |(label, _)| label.as_str());
        let title = match series {
            Some(s) if chart.series.len() > 1 => format!("{group}: {} {}", bar.value, s.name),
            _ => format!("{group}: {}", bar.value),
        };
        html! {
            <rect class={classes!("stats-bar", series.map(|s| s.class).filter(|c| !c.is_empty()))}
                x={bar.x.to_string()} y={(CHART_HEIGHT - bar.height).to_string()}
                width={chart.layout.bar_width.to_string()} height={bar.height.to_string()}>
                <title>{ title }</title>
            </rect>
        }
    });
    let ends = match (chart.groups.first(), chart.groups.last()) {
        (Some((first, _)), Some((last, _))) if chart.ends => html! {
            <p class="stats-chart__days" aria-hidden="true">
                <span>{ first.clone() }</span><span>{ last.clone() }</span>
            </p>
        },
        _ => Html::default(),
    };
    html! {
        <div class={classes!("stats-chart", (!chart.class.is_empty()).then_some(chart.class))}>
            <div class="stats-chart__plot">
                <span class="stats-chart__max" aria-hidden="true">{ placed.most }</span>
                <svg viewBox={format!("0 0 {width} {CHART_HEIGHT}")} preserveAspectRatio="none"
                    role="img" aria-label={chart.label.clone()}>
                    { for rects }
                    <line class="stats-axis" x1="0" y1={CHART_HEIGHT.to_string()}
                        x2={width.to_string()} y2={CHART_HEIGHT.to_string()} />
                </svg>
                { ends }
            </div>
            if chart.series.len() > 1 {
                <ul class="stats-legend" aria-hidden="true">
                    { for chart.series.iter().map(|s| html! {
                        <li><span class={classes!("stats-swatch", (!s.class.is_empty()).then_some(s.class))}></span>{ s.name.clone() }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
