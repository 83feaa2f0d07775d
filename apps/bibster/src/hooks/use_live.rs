//! `use_live`: the session's live events (`EventSource` on `/api/bibster/live/{code}`,
//! events named `bibster`). Every event, and every reconnection, asks the state anew;
//! a lost connection is made again after a growing pause.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, EventSource};
use yew::prelude::*;

use crate::rules::backoff_ms;

type Listener = Closure<dyn FnMut(Event)>;

/// The open connection and its listeners (dropped with it).
#[derive(Default)]
struct Connection {
    source: Option<EventSource>,
    listeners: Vec<Listener>,
}

impl Connection {
    fn close(&mut self) {
        if let Some(source) = self.source.take() {
            source.close();
        }
        self.listeners.clear();
    }
}

fn connect(
    code: Rc<str>,
    changed: Callback<()>,
    live: Rc<RefCell<Connection>>,
    alive: Rc<Cell<bool>>,
    failures: u32,
) {
    if !alive.get() {
        return;
    }
    let url = suite_ui::api::url(&format!("/api/bibster/live/{code}"));
    let Ok(source) = EventSource::new(&url) else {
        return;
    };
    let on_event: Listener = {
        let changed = changed.clone();
        Closure::wrap(Box::new(move |_: Event| changed.emit(())))
    };
    let on_error: Listener = {
        let (live, alive) = (live.clone(), alive.clone());
        Closure::wrap(Box::new(move |_: Event| {
            // Close, ask the state (the session may have ended, the team may be removed),
            // and connect again later.
            // This listener belongs to the connection: it is dropped later, not while it runs.
            let old = std::mem::take(&mut *live.borrow_mut());
            if let Some(source) = &old.source {
                source.close();
            }
            changed.emit(());
            let (code, changed, live, alive) =
                (code.clone(), changed.clone(), live.clone(), alive.clone());
            gloo_timers::callback::Timeout::new(backoff_ms(failures), move || {
                drop(old);
                connect(code, changed, live, alive, failures.saturating_add(1));
            })
            .forget();
        }))
    };
    let _ = source.add_event_listener_with_callback("bibster", on_event.as_ref().unchecked_ref());
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut connection = live.borrow_mut();
    connection.close();
    connection.source = Some(source);
    connection.listeners = vec![on_event, on_error];
}

#[hook]
pub(crate) fn use_live(code: Option<String>, changed: Callback<()>) {
    use_effect_with(code, move |code| {
        let live = Rc::new(RefCell::new(Connection::default()));
        let alive = Rc::new(Cell::new(true));
        if let Some(code) = code {
            connect(
                Rc::from(code.as_str()),
                changed,
                live.clone(),
                alive.clone(),
                0,
            );
        }
        move || {
            alive.set(false);
            live.borrow_mut().close();
        }
    });
}
