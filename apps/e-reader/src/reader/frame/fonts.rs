//! Waiting for a framed document's fonts: the shipped or the book's own fonts arrive
//! after the first layout and change the page count, so a layout made while they load
//! is made again once they are in.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlIFrameElement;

use super::document;

/// Who waits for a framed document's fonts ([`when_fonts_load`]): the shown frame's
/// layout, or the one made ahead in the hidden frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FontsWait {
    Shown,
    Ahead,
}

impl FontsWait {
    /// The mark on the framed document while this wait is set (the app's own property
    /// on the document object; the frame runs no scripts).
    fn mark(self) -> &'static str {
        match self {
            FontsWait::Shown => "__erFontsShown",
            FontsWait::Ahead => "__erFontsAhead",
        }
    }
}

/// Calls `then` once the framed document's fonts have loaded, if some are loading now
/// (the shipped font arrives after the first layout, and changes the page count). One
/// wait of each kind per document: the layouts made while its fonts load (at its
/// parsing, at its load) share it.
pub(crate) fn when_fonts_load(
    frame: &HtmlIFrameElement,
    wait: FontsWait,
    then: impl FnOnce() + 'static,
) {
    let Some(document) = document(frame) else {
        return;
    };
    let mark: JsValue = wait.mark().into();
    if js_sys::Reflect::get(&document, &mark).is_ok_and(|set| set.is_truthy()) {
        return;
    }
    let Ok(fonts) = js_sys::Reflect::get(&document, &"fonts".into()) else {
        return;
    };
    let loading = js_sys::Reflect::get(&fonts, &"status".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "loading");
    let ready = js_sys::Reflect::get(&fonts, &"ready".into()).ok();
    if let Some(ready) = ready.filter(|_| loading) {
        let _ = js_sys::Reflect::set(&document, &mark, &JsValue::TRUE);
        let marked = document.clone();
        // Freed once called (`Promise::then` of js-sys wants a closure kept alive).
        let done = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = js_sys::Reflect::set(&marked, &mark, &JsValue::FALSE);
            then();
        });
        if let Ok(then) = js_sys::Reflect::get(&ready, &"then".into()) {
            let _ = then
                .unchecked_into::<js_sys::Function>()
                .call1(&ready, &done);
        }
    }
}
