//! Listeners on the framed document (keys, swipes, scrolling), added by the app after
//! each load: the book's own scripts never run, but the app hears the reader's keys and
//! gestures inside the frame (a drag that selects text is no swipe). Dropping a
//! `Listeners` removes them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, Event, KeyboardEvent, PointerEvent};

use crate::rules::{Direction, key_turn, swipe};

type Handler = Closure<dyn Fn(Event)>;

const ELEMENT_NODE: u16 = 1;

pub(crate) struct Listeners {
    document: Document,
    handlers: Vec<(&'static str, Handler)>,
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (name, handler) in &self.handlers {
            let _ = self
                .document
                .remove_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
        }
    }
}

/// The reader's other keys (to select and highlight), given the key and whether Shift
/// is held; true when the key did something.
pub(crate) type Keys = Rc<dyn Fn(&str, bool) -> bool>;

/// A key in the reader, in the frame or on the page: `keys` first (Shift with the
/// arrows, M), then a turning key (without Shift) calls `turn`; the browser's own use
/// of a key the reader took is prevented.
pub(crate) fn reader_key(event: &KeyboardEvent, keys: &Keys, turn: &dyn Fn(Direction)) {
    let key = event.key();
    if keys(&key, event.shift_key()) {
        event.prevent_default();
    } else if let Some(direction) = key_turn(&key).filter(|_| !event.shift_key()) {
        event.prevent_default();
        turn(direction);
    }
}

/// Listens on `document`: a key `keys` takes does that, another turning key or a swipe
/// calls `turn`, scrolling `scrolled`, a link activated `follow` with its resolved
/// address (instead of the frame going there by itself, out of the reader's order).
pub(crate) fn listen(
    document: Document,
    turn: Rc<dyn Fn(Direction)>,
    scrolled: Rc<dyn Fn()>,
    follow: Rc<dyn Fn(String)>,
    keys: Keys,
) -> Listeners {
    let start = Rc::new(std::cell::Cell::new(None::<(f64, f64)>));
    let key = {
        let turn = turn.clone();
        Handler::new(move |event: Event| {
            // The framed document's events come from its own realm (`instanceof` against
            // the app's constructors fails): the event's type says what it is.
            if event.type_() != "keydown" {
                return;
            }
            let event = event.unchecked_ref::<KeyboardEvent>();
            if event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            reader_key(event, &keys, &*turn);
        })
    };
    let down = {
        let start = start.clone();
        Handler::new(move |event: Event| {
            let event = event.unchecked_ref::<PointerEvent>();
            start.set(Some((
                f64::from(event.client_x()),
                f64::from(event.client_y()),
            )));
        })
    };
    let selecting = document.clone();
    let up = Handler::new(move |event: Event| {
        let Some((x, y)) = start.take() else {
            return;
        };
        // A drag that selects text (to highlight it) is no swipe.
        let selected = selecting
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|s| !s.is_collapsed());
        if selected {
            return;
        }
        let event = event.unchecked_ref::<PointerEvent>();
        let (dx, dy) = (
            f64::from(event.client_x()) - x,
            f64::from(event.client_y()) - y,
        );
        if let Some(direction) = swipe(dx, dy) {
            turn(direction);
        }
    });
    let scroll = Handler::new(move |_: Event| scrolled());
    let click = Handler::new(move |event: Event| {
        let link = event
            .target()
            .map(JsCast::unchecked_into::<Element>)
            .filter(|target| target.node_type() == ELEMENT_NODE)
            .and_then(|target| target.closest("a[href]").ok().flatten());
        let Some(link) = link else {
            return;
        };
        event.prevent_default();
        // An HTML link's `href` property is its address resolved against the document.
        if let Some(href) = js_sys::Reflect::get(&link, &"href".into())
            .ok()
            .and_then(|h| h.as_string())
        {
            follow(href);
        }
    });
    let handlers = vec![
        ("click", click),
        ("keydown", key),
        ("pointerdown", down),
        ("pointerup", up),
        ("scroll", scroll),
    ];
    for (name, handler) in &handlers {
        let _ = document.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    Listeners { document, handlers }
}
