//! The page's address as a back-office keeps its state in it (which view, a table's
//! search and order): read it, write it as a new history entry or in place of the
//! current one, and hear the browser's back and forward buttons.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// The current address's path (`/bieblo/beheer/`).
pub fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The current address's query string, with its `?` (or empty).
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// This page's address with the query string `query` (`?a=b`, or empty).
pub fn href(query: &str) -> String {
    format!("{}{query}", path())
}

/// Opens `href` (on this page) as a new history entry, without a reload.
pub fn push(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Writes `href` (on this page) in place of the current entry: a change the back
/// button should not step through (a search as it is typed).
pub fn replace(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Whether a click is a plain one (a link then moves without a reload; with a modifier
/// key the browser opens it as it would, in a new tab or window).
pub fn is_plain_click(event: &MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

/// Calls `moved` after the browser's back or forward button changed the address.
#[hook]
pub fn use_history_moves(moved: Callback<()>) {
    use_effect_with((), move |()| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            moved.emit(());
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = &window {
                let _ = window.remove_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}
