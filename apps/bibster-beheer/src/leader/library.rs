//! One library's leader view: the start page, or the session the address names
//! (`?sessie=<id>`); opening a session and going back are history entries, so the
//! browser's back button and a reload work as expected.

use suite_ui::history;
use yew::prelude::*;

use super::address::{game_in, session_in, with_session};
use super::session::SessionPage;
use super::start::StartPage;

#[derive(Properties, PartialEq)]
pub(crate) struct LibraryProps {
    pub(crate) library: AttrValue,
}

#[function_component]
pub(crate) fn Library(props: &LibraryProps) -> Html {
    let open = use_state(|| session_in(&history::query()));
    {
        let open = open.clone();
        history::use_history_moves(Callback::from(move |()| {
            open.set(session_in(&history::query()));
        }));
    }
    // Back from a session: the start page's heading takes the focus once it is there.
    let came_back = use_state(|| false);
    let go = {
        let (open, came_back) = (open.clone(), came_back.clone());
        Callback::from(move |id: Option<i64>| {
            history::push(&history::href(&with_session(&history::query(), id)));
            came_back.set(id.is_none());
            open.set(id);
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
    };
    match *open {
        Some(id) => html! {
            <SessionPage key={id.to_string()} library={props.library.clone()} {id}
                on_back={go.reform(|()| None)} />
        },
        None => html! {
            <StartPage library={props.library.clone()} preselect={game_in(&history::query())}
                focus_heading={*came_back} on_open={go.reform(Some)} />
        },
    }
}
