//! The root: the team this device joined as (or the join page), its state from the
//! server (asked anew on every live event and answer), and which screen shows it.

use suite_domain::bibster::api::Joined;
use suite_domain::i18n::Msg;
use suite_ui::{AppShell, ErrorState, HealthCheck, Loading, use_mark_ready, use_t};
use yew::prelude::*;

use crate::hooks::use_live;
use crate::net;
use crate::pages::{EndPage, JoinPage, PlayPage, RemovedPage};
use crate::state::{Action, State};
use crate::store;

fn device_now() -> i64 {
    js_sys::Date::now() as i64
}

#[function_component]
pub(crate) fn App() -> Html {
    let state = use_reducer(|| State {
        team: store::team(),
        ..State::default()
    });
    let token = state.team.as_ref().map(|t| t.token.clone());
    let refresh = {
        let dispatch = state.dispatcher();
        let token = token.clone();
        Callback::from(move |()| {
            let (dispatch, Some(token)) = (dispatch.clone(), token.clone()) else {
                return;
            };
            yew::platform::spawn_local(async move {
                match net::state(&token).await {
                    Ok(play) => dispatch.dispatch(Action::Loaded(play, device_now())),
                    Err(error) if error.is_unauthorized() => {
                        store::leave();
                        dispatch.dispatch(Action::Left);
                    }
                    Err(error) if error.field.as_deref() == Some("team") => {
                        dispatch.dispatch(Action::Removed(error.message));
                    }
                    Err(error) => dispatch.dispatch(Action::Failed(error)),
                }
            });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with(token.clone(), move |_| refresh.emit(()));
    }
    let ended = state.play.as_ref().is_some_and(|p| p.ended);
    let live_code = state
        .team
        .as_ref()
        .filter(|_| !ended && state.removed.is_none())
        .map(|t| t.session.clone());
    use_live(live_code, refresh.clone());
    let on_joined = {
        let dispatch = state.dispatcher();
        Callback::from(move |joined: Joined| {
            store::set_team(&joined);
            dispatch.dispatch(Action::Joined(joined));
        })
    };
    let on_leave = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            store::leave();
            // The old game's code (from its QR code) is not asked again.
            suite_ui::history::replace(&suite_ui::history::href(""));
            dispatch.dispatch(Action::Left);
        })
    };
    let on_opened = {
        let dispatch = state.dispatcher();
        Callback::from(move |opened| dispatch.dispatch(Action::Opened(opened)))
    };
    let t = use_t();
    let ready = state.team.is_none()
        || state.play.is_some()
        || state.error.is_some()
        || state.removed.is_some();
    use_mark_ready(ready);
    let context = state
        .play
        .as_ref()
        .map(|p| AttrValue::from(p.game.title.clone()));
    let body = match (&state.team, &state.play) {
        // Before a team joins: whether the server answers, and the way to the staff's
        // pages, as on every app's first page.
        (None, _) => html! {
            <>
                <HealthCheck />
                <JoinPage {on_joined} />
                <p class="app-frame__link"><a href={suite_ui::STAFF_SEGMENT}>{ t(Msg::StaffArea) }</a></p>
            </>
        },
        _ if state.removed.is_some() => html! {
            <RemovedPage message={state.removed.clone().unwrap_or_default()} on_leave={on_leave} />
        },
        (Some(_), Some(play)) if play.ended => html! {
            <EndPage score={play.score} name={play.name.clone()} on_leave={on_leave} />
        },
        (Some(team), Some(play)) => html! {
            <PlayPage play={play.clone()} token={team.token.clone()} offset_ms={state.offset_ms}
                      offline={state.error.as_ref().is_some_and(|e| e.status == 0)}
                      on_opened={on_opened}
                      on_refresh={refresh} />
        },
        (Some(_), None) => match &state.error {
            Some(error) => html! {
                <ErrorState message={error.message.clone()} on_retry={refresh} />
            },
            None => html! { <Loading /> },
        },
    };
    html! {
        <AppShell title={Msg::BibTeamTitle} {context}>
            { body }
        </AppShell>
    }
}
