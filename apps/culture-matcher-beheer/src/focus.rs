//! Moving the keyboard focus: to the first field with a problem, to a form that opens,
//! to the notice after a change, so keyboard and screen reader users follow along.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the element with this `id`, if the page has it.
pub(crate) fn focus_id(id: &str) {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Focuses `id` after the next render (the element may not exist yet).
pub(crate) fn focus_id_soon(id: String) {
    yew::platform::spawn_local(async move {
        // One turn of the event loop: yew renders the pending state first.
        let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
        focus_id(&id);
    });
}
