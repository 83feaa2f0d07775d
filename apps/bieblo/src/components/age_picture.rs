//! The pictures of the age buttons: a small, a middle and a tall waving child, drawn
//! inline so no image has to load (and no text has to be read). Static SVG text: cheaper
//! to ship than building the same elements in code.

use suite_domain::bieblo::AgeBand;
use yew::prelude::*;

const SMALL: &str = concat!(
    "<svg class=\"age-picture\" viewBox=\"0 0 120 160\" aria-hidden=\"true\" focusable=\"false\">",
    "<ellipse cx=\"60\" cy=\"154\" rx=\"34\" ry=\"5\" fill=\"#d9c9a3\"/>",
    "<rect x=\"48\" y=\"113.4\" width=\"10.1\" height=\"38.6\" rx=\"4\" fill=\"#34495e\"/>",
    "<rect x=\"61.8\" y=\"113.4\" width=\"10.1\" height=\"38.6\" rx=\"4\" fill=\"#34495e\"/>",
    "<path d=\"M46.2 90.4L32.4 112.4\" stroke=\"#e4572e\" stroke-width=\"7.4\" stroke-linecap=\"round\"/>",
    "<path d=\"M73.8 90.4L89.4 72\" stroke=\"#e4572e\" stroke-width=\"7.4\" stroke-linecap=\"round\"/>",
    "<rect x=\"44.4\" y=\"84.8\" width=\"31.3\" height=\"31.3\" rx=\"6.4\" fill=\"#e4572e\"/>",
    "<circle cx=\"60\" cy=\"72\" r=\"12\" fill=\"#f2c6a0\"/>",
    "<path d=\"M48 72A12 12 0 0 1 72 70.8Z\" fill=\"#6b3e26\"/>",
    "<circle cx=\"55.5\" cy=\"72.6\" r=\"1.3\" fill=\"#1b1b1f\"/>",
    "<circle cx=\"64.5\" cy=\"72.6\" r=\"1.3\" fill=\"#1b1b1f\"/>",
    "<path d=\"M54.6 75.5Q60 81.5 65.4 75.5\" fill=\"none\" stroke=\"#1b1b1f\" stroke-width=\"1.2\" stroke-linecap=\"round\"/>",
    "</svg>",
);

const MIDDLE: &str = concat!(
    "<svg class=\"age-picture\" viewBox=\"0 0 120 160\" aria-hidden=\"true\" focusable=\"false\">",
    "<ellipse cx=\"60\" cy=\"154\" rx=\"34\" ry=\"5\" fill=\"#d9c9a3\"/>",
    "<rect x=\"44.7\" y=\"102.4\" width=\"13\" height=\"49.6\" rx=\"4\" fill=\"#34495e\"/>",
    "<rect x=\"62.4\" y=\"102.4\" width=\"13\" height=\"49.6\" rx=\"4\" fill=\"#34495e\"/>",
    "<path d=\"M42.3 72.9L24.6 101.3\" stroke=\"#2e86ab\" stroke-width=\"9.4\" stroke-linecap=\"round\"/>",
    "<path d=\"M77.7 72.9L97.8 49.3\" stroke=\"#2e86ab\" stroke-width=\"9.4\" stroke-linecap=\"round\"/>",
    "<rect x=\"39.9\" y=\"65.9\" width=\"40.1\" height=\"40.1\" rx=\"8.3\" fill=\"#2e86ab\"/>",
    "<circle cx=\"60\" cy=\"49.3\" r=\"15.3\" fill=\"#f2c6a0\"/>",
    "<path d=\"M44.7 49.3A15.3 15.3 0 0 1 75.3 47.8Z\" fill=\"#6b3e26\"/>",
    "<circle cx=\"54.2\" cy=\"50.1\" r=\"1.7\" fill=\"#1b1b1f\"/>",
    "<circle cx=\"65.8\" cy=\"50.1\" r=\"1.7\" fill=\"#1b1b1f\"/>",
    "<path d=\"M53.1 53.9Q60 61.6 66.9 53.9\" fill=\"none\" stroke=\"#1b1b1f\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>",
    "</svg>",
);

const TALL: &str = concat!(
    "<svg class=\"age-picture\" viewBox=\"0 0 120 160\" aria-hidden=\"true\" focusable=\"false\">",
    "<ellipse cx=\"60\" cy=\"154\" rx=\"34\" ry=\"5\" fill=\"#d9c9a3\"/>",
    "<rect x=\"41.3\" y=\"91.5\" width=\"15.8\" height=\"60.5\" rx=\"4\" fill=\"#34495e\"/>",
    "<rect x=\"62.9\" y=\"91.5\" width=\"15.8\" height=\"60.5\" rx=\"4\" fill=\"#34495e\"/>",
    "<path d=\"M38.4 55.5L16.8 90.1\" stroke=\"#7a4fbf\" stroke-width=\"11.5\" stroke-linecap=\"round\"/>",
    "<path d=\"M81.6 55.5L106.1 26.7\" stroke=\"#7a4fbf\" stroke-width=\"11.5\" stroke-linecap=\"round\"/>",
    "<rect x=\"35.5\" y=\"46.9\" width=\"49\" height=\"49\" rx=\"10.1\" fill=\"#7a4fbf\"/>",
    "<circle cx=\"60\" cy=\"26.7\" r=\"18.7\" fill=\"#f2c6a0\"/>",
    "<path d=\"M41.3 26.7A18.7 18.7 0 0 1 78.7 24.8Z\" fill=\"#6b3e26\"/>",
    "<circle cx=\"52.9\" cy=\"27.7\" r=\"2.1\" fill=\"#1b1b1f\"/>",
    "<circle cx=\"67.1\" cy=\"27.7\" r=\"2.1\" fill=\"#1b1b1f\"/>",
    "<path d=\"M51.6 32.3Q60 41.7 68.4 32.3\" fill=\"none\" stroke=\"#1b1b1f\" stroke-width=\"1.9\" stroke-linecap=\"round\"/>",
    "</svg>",
);

/// The child for an age band, taller for older bands; decorative (the button says the ages).
pub(super) fn age_picture(band: AgeBand) -> Html {
    let svg = match band {
        AgeBand::SixSeven => SMALL,
        AgeBand::EightNine => MIDDLE,
        AgeBand::TenEleven => TALL,
    };
    Html::from_html_unchecked(AttrValue::Static(svg))
}
