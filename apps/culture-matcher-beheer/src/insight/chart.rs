//! The bar chart of hearts and crosses per show: bars computed as plain numbers
//! (testable), drawn as an inline SVG with a `<title>` per bar. The table beside it
//! carries the same numbers, so the chart is never the only way to read them.

use suite_domain::culture::insight::ShowInsight;
use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

/// Most shows in the chart (the table has them all).
pub(crate) const CHART_SHOWS: usize = 30;
/// Width of one show's slot, of each of its two bars, and the height of the tallest
/// bar, in SVG user units (the SVG stretches to its box).
pub(crate) const SLOT: u64 = 20;
pub(crate) const BAR_WIDTH: u64 = 8;
pub(crate) const CHART_HEIGHT: u64 = 100;

/// One show's two bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BarPair {
    pub(crate) title: String,
    pub(crate) hearts: u32,
    pub(crate) crosses: u32,
    /// Left edge of the hearts bar; the crosses bar stands right beside it.
    pub(crate) x: u64,
    pub(crate) heart_height: u64,
    pub(crate) cross_height: u64,
}

/// The shows with a heart or a cross, in the given order, at most [`CHART_SHOWS`].
pub(crate) fn charted(rows: &[ShowInsight]) -> Vec<&ShowInsight> {
    rows.iter()
        .filter(|r| r.hearts > 0 || r.crosses > 0)
        .take(CHART_SHOWS)
        .collect()
}

/// The bars of `rows`, scaled to the highest count (rounded up, so one still shows).
pub(crate) fn bar_pairs(rows: &[&ShowInsight]) -> Vec<BarPair> {
    let most = rows
        .iter()
        .map(|r| r.hearts.max(r.crosses))
        .max()
        .unwrap_or(0);
    let height = |n: u32| match most {
        0 => 0,
        most => (u64::from(n.min(most)) * CHART_HEIGHT).div_ceil(u64::from(most)),
    };
    rows.iter()
        .zip(0..)
        .map(|(r, i)| BarPair {
            title: r.title.clone(),
            hearts: r.hearts,
            crosses: r.crosses,
            x: i * SLOT + (SLOT - 2 * BAR_WIDTH) / 2,
            heart_height: height(r.hearts),
            cross_height: height(r.crosses),
        })
        .collect()
}

/// The chart of `rows` (already [`charted`]).
pub(crate) fn chart(rows: &[&ShowInsight], lang: Lang) -> Html {
    let pairs = bar_pairs(rows);
    let most = rows
        .iter()
        .map(|r| r.hearts.max(r.crosses))
        .max()
        .unwrap_or(0);
    let width = (pairs.len() as u64).max(1) * SLOT;
    let bar = |class: &'static str, x: u64, height: u64, label: String| {
        html! {
            <rect {class} x={x.to_string()} y={(CHART_HEIGHT - height).to_string()}
                width={BAR_WIDTH.to_string()} height={height.to_string()}>
                <title>{ label }</title>
            </rect>
        }
    };
    let bars = pairs.iter().map(|p| {
        let hearts = format!("{}: {} {}", p.title, p.hearts, Msg::CmBoHearts.text(lang));
        let crosses = format!("{}: {} {}", p.title, p.crosses, Msg::CmBoCrosses.text(lang));
        html! {
            <>
                { bar("cm-bo-bar cm-bo-bar--heart", p.x, p.heart_height, hearts) }
                { bar("cm-bo-bar cm-bo-bar--cross", p.x + BAR_WIDTH, p.cross_height, crosses) }
            </>
        }
    });
    html! {
        <div class="stats-chart cm-bo-chart">
            <div class="stats-chart__plot">
                <span class="stats-chart__max" aria-hidden="true">{ most }</span>
                <svg viewBox={format!("0 0 {width} {CHART_HEIGHT}")} preserveAspectRatio="none"
                    role="img" aria-label={Msg::CmBoChartLabel.text(lang)}>
                    { for bars }
                    <line class="stats-axis" x1="0" y1={CHART_HEIGHT.to_string()}
                        x2={width.to_string()} y2={CHART_HEIGHT.to_string()} />
                </svg>
            </div>
            <ul class="cm-bo-legend" aria-hidden="true">
                <li><span class="cm-bo-swatch cm-bo-swatch--heart"></span>{ Msg::CmBoHearts.text(lang) }</li>
                <li><span class="cm-bo-swatch cm-bo-swatch--cross"></span>{ Msg::CmBoCrosses.text(lang) }</li>
            </ul>
        </div>
    }
}
