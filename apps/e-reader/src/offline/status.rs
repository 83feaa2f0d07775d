//! Whether the app is offline: the browser's own `online`/`offline` events, and the
//! service worker's word after each call (`{ereaderOffline}`: the server could not be
//! reached, and the answer came from this device).

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// Given by the app to every page: `Offline(true)` while the server cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Offline(pub(crate) bool);

/// Follows the connection from the browser's events and the worker's messages.
#[hook]
pub(crate) fn use_offline() -> bool {
    let offline = use_state(|| web_sys::window().is_some_and(|w| !w.navigator().on_line()));
    {
        let offline = offline.clone();
        use_effect_with((), move |()| {
            let window = web_sys::window();
            let (on, off, told) = (offline.clone(), offline.clone(), offline);
            let online = Closure::<dyn Fn()>::new(move || on.set(false));
            let gone = Closure::<dyn Fn()>::new(move || off.set(true));
            let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    let said = js_sys::Reflect::get(&event.data(), &"ereaderOffline".into())
                        .ok()
                        .and_then(|v| v.as_bool());
                    if let Some(said) = said {
                        told.set(said);
                    }
                },
            );
            let container = window.as_ref().and_then(|w| {
                let navigator = w.navigator();
                js_sys::Reflect::has(&navigator, &"serviceWorker".into())
                    .unwrap_or(false)
                    .then(|| navigator.service_worker())
            });
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
                let _ =
                    w.add_event_listener_with_callback("offline", gone.as_ref().unchecked_ref());
            }
            if let Some(c) = &container {
                let _ =
                    c.add_event_listener_with_callback("message", message.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "online",
                        online.as_ref().unchecked_ref(),
                    );
                    let _ = w.remove_event_listener_with_callback(
                        "offline",
                        gone.as_ref().unchecked_ref(),
                    );
                }
                if let Some(c) = &container {
                    let _ = c.remove_event_listener_with_callback(
                        "message",
                        message.as_ref().unchecked_ref(),
                    );
                }
                drop((online, gone, message));
            }
        });
    }
    *offline
}
