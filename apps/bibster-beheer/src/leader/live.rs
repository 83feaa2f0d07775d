//! The session's live events (`GET /api/bibster/live/{code}`, server-sent events named
//! `bibster`): each event, each new connection (events may have been missed while away)
//! and each drop (the session may have ended) bumps a version the page fetches the board
//! anew on. A dropped connection is opened again after a growing pause; the leader sees
//! whether the board is live.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::EventSource;
use yew::prelude::*;

/// Whether the board hears the session's changes, and how often it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Live {
    pub(crate) online: bool,
    /// Bumped by every change and every (re)connection: fetch anew when it moves.
    pub(crate) version: u32,
}

/// What happened to the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LiveAction {
    Opened,
    Dropped,
    Changed,
}

impl Live {
    /// The state after `action`.
    pub(crate) fn next(self, action: LiveAction) -> Live {
        match action {
            LiveAction::Opened => Live {
                online: true,
                version: self.version.wrapping_add(1),
            },
            // Fetched anew too: the session may have ended while away.
            LiveAction::Dropped => Live {
                online: false,
                version: self.version.wrapping_add(1),
            },
            LiveAction::Changed => Live {
                version: self.version.wrapping_add(1),
                ..self
            },
        }
    }
}

impl Reducible for Live {
    type Action = LiveAction;

    fn reduce(self: Rc<Self>, action: LiveAction) -> Rc<Self> {
        Rc::new((*self).next(action))
    }
}

/// The pause before connection attempt `attempt` (0 after the first drop): 1 s,
/// doubling, at most 30 s.
pub(crate) fn reconnect_delay(attempt: u32) -> Duration {
    let secs = 1_u64 << attempt.min(5);
    Duration::from_secs(secs.min(30))
}

/// One open connection and the closures it calls (kept alive while it is open).
struct Connection {
    source: EventSource,
    _listeners: Vec<Closure<dyn Fn(web_sys::Event)>>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// What the hook keeps between connections.
struct Link {
    path: String,
    live: UseReducerDispatcher<Live>,
    connection: RefCell<Option<Connection>>,
    /// Drops in a row since the last successful open.
    attempts: Cell<u32>,
    /// Set when the page leaves the session: no more attempts.
    stopped: Cell<bool>,
}

/// Opens the stream of `link`; on an error closes it and tries again later.
fn connect(link: &Rc<Link>) {
    if link.stopped.get() {
        return;
    }
    let url = suite_ui::api::url(&link.path);
    let Ok(source) = EventSource::new(&url) else {
        schedule(link);
        return;
    };
    let on_open = {
        let link = Rc::downgrade(link);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            if let Some(link) = link.upgrade() {
                link.attempts.set(0);
                link.live.dispatch(LiveAction::Opened);
            }
        })
    };
    let on_change = {
        let link = Rc::downgrade(link);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            if let Some(link) = link.upgrade() {
                link.live.dispatch(LiveAction::Changed);
            }
        })
    };
    let on_error = {
        let link = Rc::downgrade(link);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            if let Some(link) = link.upgrade() {
                // The browser would retry on its own at a fixed pace; we pace it.
                link.connection.borrow_mut().take();
                link.live.dispatch(LiveAction::Dropped);
                schedule(&link);
            }
        })
    };
    let _ = source.add_event_listener_with_callback("open", on_open.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("bibster", on_change.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    *link.connection.borrow_mut() = Some(Connection {
        source,
        _listeners: vec![on_open, on_change, on_error],
    });
}

/// Connects again after the pause of the next attempt.
fn schedule(link: &Rc<Link>) {
    let attempt = link.attempts.get();
    link.attempts.set(attempt.saturating_add(1));
    let link = Rc::clone(link);
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(reconnect_delay(attempt)).await;
        connect(&link);
    });
}

/// The live state of session `code` (its game code), connected while the component is.
#[hook]
pub(crate) fn use_live(code: AttrValue) -> Live {
    let live = use_reducer(Live::default);
    let dispatcher = live.dispatcher();
    use_effect_with(code, move |code| {
        // No code yet (the board is loading): nothing to hear.
        let link = (!code.is_empty()).then(|| {
            Rc::new(Link {
                path: format!("/api/bibster/live/{}", suite_ui::url::encode(code)),
                live: dispatcher,
                connection: RefCell::new(None),
                attempts: Cell::new(0),
                stopped: Cell::new(false),
            })
        });
        if let Some(link) = &link {
            connect(link);
        }
        move || {
            if let Some(link) = link {
                link.stopped.set(true);
                link.connection.borrow_mut().take();
            }
        }
    });
    *live
}
