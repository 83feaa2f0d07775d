//! `use_window_event`: listens to events on `window` for as long as the component lives
//! (passive listeners: they never block scrolling or touch).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{AddEventListenerOptions, Event};
use yew::prelude::*;

/// Calls `callback` for every event named in `events` on `window`; the latest callback
/// given is the one called.
#[hook]
pub(crate) fn use_window_event(events: &'static [&'static str], callback: Callback<Event>) {
    let latest: Rc<RefCell<Callback<Event>>> = use_mut_ref(|| callback.clone());
    *latest.borrow_mut() = callback;
    use_effect_with(events, move |events| {
        let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            let callback = latest.borrow().clone();
            callback.emit(event);
        });
        let window = web_sys::window();
        let options = AddEventListenerOptions::new();
        options.set_passive(true);
        if let Some(window) = &window {
            for name in events.iter() {
                let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                    name,
                    listener.as_ref().unchecked_ref(),
                    &options,
                );
            }
        }
        let events = *events;
        move || {
            if let Some(window) = &window {
                for name in events {
                    let _ = window.remove_event_listener_with_callback(
                        name,
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
            drop(listener);
        }
    });
}
