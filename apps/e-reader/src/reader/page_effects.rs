//! The reader page's effects outside its frame: the window's listeners (a new size
//! lays the document out again; the keys turn pages and select text wherever the focus
//! is), the reading colours on the app's chrome, and the position saved at once when
//! the reader is left; the book and the place in it asked for when the page opens.

use std::rc::Rc;

use suite_domain::ereader::BookView;
use suite_domain::ereader::page_map::PageMap;
use suite_ui::ApiError;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::net;
use crate::reader::controller::{Reader, Shared, save_now};
use crate::reader::listen::{Keys, reader_key};
use crate::rules::{Theme, first_linear};

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

/// The loan's book and the place in it, asked for at the same time when the page opens
/// (or its loan changes): the view gets the book's documents and the place to open at;
/// the answer (the book, or why not) is in the state returned.
#[hook]
pub(crate) fn use_book(
    loan: i64,
    view: Shared,
) -> UseStateHandle<Option<Result<Rc<BookView>, ApiError>>> {
    let book = use_state(|| None::<Result<Rc<BookView>, ApiError>>);
    {
        let book = book.clone();
        use_effect_with(loan, move |_| {
            yew::platform::spawn_local(async move {
                // The place in the book is asked for at the same time as the book.
                let (loaded, position) =
                    suite_ui::api::both(net::book(loan), net::position(loan)).await;
                if let Ok(found) = &loaded {
                    let position = position.ok().flatten();
                    let mut v = view.borrow_mut();
                    v.paths = found.spine.iter().map(|s| s.path.clone()).collect();
                    v.linear = found.spine.iter().map(|s| s.linear).collect();
                    v.fixed = found.spine.iter().map(|s| s.fixed).collect();
                    v.map = PageMap::new(
                        found.spine.iter().map(|s| s.chars).collect(),
                        v.linear.clone(),
                        v.fixed.clone(),
                    );
                    v.rtl = found.direction == "rtl";
                    let (spine, progress) = position.map_or_else(
                        || (first_linear(&v.linear) as u32, 0.0),
                        |p| (p.spine, p.progress),
                    );
                    v.spine = (spine as usize).min(found.spine.len().saturating_sub(1));
                    v.pending = Some(progress);
                }
                book.set(Some(loaded.map(Rc::new)));
            });
        });
    }
    book
}
