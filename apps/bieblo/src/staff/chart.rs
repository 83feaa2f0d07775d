//! The bar chart of book tips per day: bars computed as plain numbers (testable), drawn
//! as an inline SVG with a `<title>` per bar. The table beside it carries the same
//! numbers, so the chart is never the only way to read them.

use suite_domain::bieblo::kiosk::DayCount;
use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

/// How many of the latest days the chart (and its table) show.
pub(super) const CHART_DAYS: usize = 31;
/// Width of one day's slot and of its bar, and the height of the tallest bar, in SVG
/// user units (the SVG stretches to its box).
pub(super) const SLOT: u64 = 10;
pub(super) const BAR_WIDTH: u64 = 7;
pub(super) const CHART_HEIGHT: u64 = 100;

/// One day's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bar {
    pub(super) day: String,
    pub(super) tips: u64,
    /// Left edge.
    pub(super) x: u64,
    /// Height; the tallest day reaches `CHART_HEIGHT`, and any day with tips shows.
    pub(super) height: u64,
}

/// The latest `CHART_DAYS` days, oldest first as the server sends them.
pub(super) fn recent_days(days: &[DayCount]) -> &[DayCount] {
    &days[days.len().saturating_sub(CHART_DAYS)..]
}

/// The bars of `days`, scaled to the busiest day (rounded up, so one tip still shows).
pub(super) fn day_bars(days: &[DayCount]) -> Vec<Bar> {
    let most = days.iter().map(|d| d.tips).max().unwrap_or(0);
    days.iter()
        .zip(0..)
        .map(|(d, i)| Bar {
            day: d.day.clone(),
            tips: d.tips,
            x: i * SLOT + (SLOT - BAR_WIDTH) / 2,
            height: match most {
                0 => 0,
                most => (d.tips.min(most) * CHART_HEIGHT).div_ceil(most),
            },
        })
        .collect()
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

/// The chart of `days` (oldest first).
pub(super) fn day_chart(days: &[DayCount], lang: Lang) -> Html {
    let bars = day_bars(days);
    let most = days.iter().map(|d| d.tips).max().unwrap_or(0);
    let width = (bars.len() as u64).max(1) * SLOT;
    let rects = bars.iter().map(|bar| {
        html! {
            <rect class="stats-bar" x={bar.x.to_string()} y={(CHART_HEIGHT - bar.height).to_string()}
                width={BAR_WIDTH.to_string()} height={bar.height.to_string()}>
                <title>{ format!("{}: {}", day_label(&bar.day, lang), bar.tips) }</title>
            </rect>
        }
    });
    let (first, last) = match (days.first(), days.last()) {
        (Some(first), Some(last)) => (day_label(&first.day, lang), day_label(&last.day, lang)),
        _ => Default::default(),
    };
    html! {
        <div class="stats-chart">
            <div class="stats-chart__plot">
                <span class="stats-chart__max" aria-hidden="true">{ most }</span>
                <svg viewBox={format!("0 0 {width} {CHART_HEIGHT}")} preserveAspectRatio="none"
                    role="img" aria-label={Msg::BiebloStaffChartLabel.text(lang)}>
                    { for rects }
                    <line class="stats-axis" x1="0" y1={CHART_HEIGHT.to_string()}
                        x2={width.to_string()} y2={CHART_HEIGHT.to_string()} />
                </svg>
                <p class="stats-chart__days" aria-hidden="true">
                    <span>{ first }</span><span>{ last }</span>
                </p>
            </div>
        </div>
    }
}
