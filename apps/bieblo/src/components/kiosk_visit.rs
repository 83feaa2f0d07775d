//! `KioskVisit`: the running kiosk. Holds the visit's state machine (`state.rs`), shows
//! the screen it is on, moves the focus along, runs the idle timer and reports the
//! anonymous usage. The kiosk is ready (for tests and watchdogs) once its start screen shows.

use std::rc::Rc;

use suite_domain::i18n::Lang;
use suite_ui::{use_lang, use_mark_ready, use_set_lang};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};
use yew::prelude::*;

use super::age_choice::age_choice;
use super::idle_overlay::idle_overlay;
use super::shelf_view::shelf_view;
use super::start_screen::start_screen;
use super::take_list::take_list;
use super::theme_deck::theme_deck;
use crate::focus::focus_first;
use crate::hooks::{use_idle, use_usage_report, use_window_event};
use crate::library::Library;
use crate::state::{Action, Screen, State};

#[derive(Properties, PartialEq)]
pub(crate) struct KioskVisitProps {
    pub(crate) library: Rc<Library>,
}

/// A seed for this visit's shelves, so equally good books take turns between visits.
fn visit_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

fn this_year() -> u16 {
    u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2026)
}

/// The control that gets the focus when a screen appears.
fn focus_target(screen: Screen) -> &'static str {
    match screen {
        Screen::Start => ".kiosk-start",
        Screen::Age => ".age-6-7",
        Screen::Themes => ".swipe-deck",
        Screen::Shelf | Screen::TakeList => ".kiosk-screen h1",
    }
}

/// Whether Enter on this event's target already means something else (a button, a link).
fn handled_natively(event: &Event) -> bool {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    target.is_some_and(|t| t.closest("button, a, input").ok().flatten().is_some())
}

#[function_component]
pub(crate) fn KioskVisit(props: &KioskVisitProps) -> Html {
    let state = use_reducer(|| State::new(props.library.clone()));
    // A tap or key paints its own feedback (the pressed button, the card leaving) first;
    // the next screen renders in the task after that paint, so a slow kiosk still
    // answers within a frame.
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| {
            let state = state.clone();
            suite_ui::after_next_paint(move || state.dispatch(action));
        })
    };
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.library.clone(), move |library| {
            dispatch.emit(Action::Refreshed(library.clone()));
        });
    }
    use_usage_report(&state);
    use_mark_ready(state.screen == Screen::Start);
    use_effect_with(state.screen, |&screen| focus_first(focus_target(screen)));

    let start = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            dispatch.emit(Action::Start {
                seed: visit_seed(),
                year: this_year(),
            })
        })
    };
    // Enter starts a visit wherever the focus is. On key up, not down: a key down would
    // also reach the age button that gets the focus right after (its keypress).
    {
        let start = start.clone();
        let on_start_screen = state.screen == Screen::Start;
        use_window_event(
            &["keyup"],
            Callback::from(move |event: Event| {
                let enter = event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Enter");
                if on_start_screen && enter && !handled_natively(&event) {
                    start.emit(());
                }
            }),
        );
    }

    // Every visit starts in the kiosk's language, whatever the device is set to. The
    // idle timer runs during a visit, and on the start screen while a child chose another
    // language (the next child starts in the kiosk's).
    let lang = use_lang();
    let set_lang = use_set_lang();
    let home: Lang = state.library.settings.lang;
    {
        let set_lang = set_lang.clone();
        use_effect_with(home, move |&home| set_lang.emit(home));
    }
    let armed = state.screen != Screen::Start || lang != home;
    let on_idle = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            dispatch.emit(Action::IdleTimeout);
            set_lang.emit(home);
        })
    };
    let countdown = use_idle(armed, state.library.idle_seconds(), on_idle);

    let library = &state.library;
    let screen = match (state.screen, &state.visit.shelf) {
        (Screen::Start, _) => start_screen(lang, start),
        (Screen::Age, _) => age_choice(lang, &dispatch),
        (Screen::Themes, _) => theme_deck(&library.snapshot.themes, lang, &dispatch),
        (Screen::Shelf, Some(shelf)) => shelf_view(library, shelf, lang, &dispatch),
        (Screen::Shelf, None) => Html::default(),
        (Screen::TakeList, _) => take_list(library, state.list(), lang, &dispatch),
    };
    html! {
        <>
            { screen }
            if let Some(seconds) = countdown {
                { idle_overlay(seconds, lang) }
            }
        </>
    }
}
