//! The reader page's effects outside its frame: the window's listeners (a new size
//! lays the document out again; the keys turn pages and select text wherever the focus
//! is), the reading colours on the app's chrome, and the position saved at once when
//! the reader is left.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::reader::controller::{Reader, Shared, save_now};
use crate::reader::listen::{Keys, reader_key};
use crate::rules::Theme;

/// Leaving the reader before the wait is over saves at once; the handlers that hold
/// the reader go.
#[hook]
pub(crate) fn use_save_on_leave(view: Shared, loan: i64) {
    use_effect_with((), move |()| {
        move || {
            let pending = view.borrow_mut().save.take();
            if pending.is_some() {
                save_now(loan, &view);
            }
            let mut v = view.borrow_mut();
            v.listeners = None;
            v.on_shown = None;
        }
    });
}

/// A new window size lays the document out again at the same point; the arrow keys
/// turn wherever the focus is on the page (inside the frame its own listeners hear
/// them), except in a field or the contents; `keys` (Shift with the arrows, M) first.
#[hook]
pub(crate) fn use_window_listeners(reader: Reader, keys: Keys) {
    let (resizer, turner) = (reader.clone(), reader);
    use_effect_with((), move |()| {
        let resize = Closure::<dyn Fn()>::new(move || resizer.relayout());
        let key = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.key() == " " {
                return;
            }
            let elsewhere = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| {
                    e.closest("input, select, textarea, .er-toc, .er-panel")
                        .ok()
                        .flatten()
                })
                .is_some();
            if elsewhere {
                return;
            }
            reader_key(&event, &keys, &|direction| turner.turn_side(direction));
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ =
                window.add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
            let _ =
                window.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = &window {
                let _ = window
                    .remove_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
                let _ = window
                    .remove_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
            }
            drop((resize, key));
        }
    });
}

/// The app's chrome around the frame takes the reading colours while the reader is open.
#[hook]
pub(crate) fn use_reading_colours(theme: Theme) {
    use_effect_with(theme, move |theme| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = &root {
            let _ = root.set_attribute("data-er-theme", theme.key());
        }
        move || {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-er-theme");
            }
        }
    });
}
