//! Asks before the page is left (reload, another address, closing the tab) while the
//! editor holds unsaved changes.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// While `dirty`, the browser asks before leaving the page (it shows its own text; the
/// `message` is given for the browsers that still show one).
#[hook]
pub(crate) fn use_leave_guard(dirty: bool, message: &'static str) {
    use_effect_with(dirty, move |&dirty| {
        let window = web_sys::window();
        let listener = dirty.then(|| {
            Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
                move |event: web_sys::BeforeUnloadEvent| {
                    event.prevent_default();
                    event.set_return_value(message);
                },
            )
        });
        if let (Some(window), Some(listener)) = (&window, &listener) {
            let _ = window.add_event_listener_with_callback(
                "beforeunload",
                listener.as_ref().unchecked_ref(),
            );
        }
        move || {
            if let (Some(window), Some(listener)) = (window, listener) {
                let _ = window.remove_event_listener_with_callback(
                    "beforeunload",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
