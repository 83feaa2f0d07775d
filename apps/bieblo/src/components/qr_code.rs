//! A QR code as an inline SVG built with yew (dark modules in one path, no style
//! attributes); nothing when the text is too long for any QR code.

use yew::prelude::*;

use crate::qr::QrMatrix;

/// The code for `text`, with `label` as the image's accessible name.
pub(super) fn qr_code(text: &str, label: &'static str) -> Html {
    let Some(qr) = QrMatrix::encode(text) else {
        return Html::default();
    };
    let size = qr.view_size().to_string();
    html! {
        <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={label}
             shape-rendering="crispEdges">
            <rect class="qr__light" width={size.clone()} height={size} fill="#ffffff" />
            <path class="qr__dark" d={qr.svg_path()} fill="#000000" />
        </svg>
    }
}
