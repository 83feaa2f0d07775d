//! Moving the keyboard focus to a new screen's main control, so keyboard and screen
//! reader users follow the kiosk from screen to screen.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the first element of the page that matches `selector`, if any.
pub(crate) fn focus_first(selector: &str) {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
