//! One session as its leader runs it: the board and the review queue fetched anew on
//! every live event and after each of the leader's own changes; while it runs, the big
//! screen, the board, the queue, messages and the end; once ended, the podium.

use std::cell::Cell;
use std::rc::Rc;

use suite_domain::bibster::api::{Board, ReviewItem};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{focus_id_soon, load_failed};
use suite_ui::{Button, ButtonVariant, EmptyState, Loading, use_lang, use_t};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::big_screen::BigScreen;
use super::board::TeamBoard;
use super::live::{Live, use_live};
use super::messages::Messages;
use super::podium::Podium;
use super::reviews::ReviewQueue;
use super::text::not_active;

/// The session's heading, which takes the focus when the session opens.
pub(crate) const SESSION_HEADING: &str = "bl-session-title";

#[derive(Properties, PartialEq)]
pub(crate) struct SessionPageProps {
    pub(crate) library: AttrValue,
    pub(crate) id: i64,
    pub(crate) on_back: Callback<()>,
}

/// The board and the queue, as last fetched.
#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Board>, Rc<Vec<ReviewItem>>),
    Failed(ApiError),
}

/// What every part of a running session is given: where its API is and how to say
/// that it changed something (the page then fetches anew).
#[derive(Clone, PartialEq)]
pub(crate) struct SessionRef {
    pub(crate) library: AttrValue,
    pub(crate) id: i64,
    pub(crate) on_changed: Callback<()>,
}

impl SessionRef {
    /// The API path of the session, with `rest` after it (`/reviews`).
    pub(crate) fn path(&self, rest: &str) -> String {
        format!("/api/bibster/{}/sessions/{}{rest}", self.library, self.id)
    }
}

#[function_component]
pub(crate) fn SessionPage(props: &SessionPageProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let loaded = use_state(|| Loaded::Loading);
    let attempt = use_state(|| 0_u32);
    // Bumped by the leader's own changes.
    let changes = use_state(|| 0_u32);
    let code = match &*loaded {
        Loaded::Ready(board, _) if board.session.ended_at.is_none() => {
            AttrValue::from(board.session.code.clone())
        }
        _ => AttrValue::default(),
    };
    let live: Live = use_live(code);
    // Only the newest fetch may show its result.
    let newest = use_mut_ref(|| Rc::new(Cell::new(0_u32)));
    {
        let (loaded, newest) = (loaded.clone(), newest.borrow().clone());
        let session = SessionRef {
            library: props.library.clone(),
            id: props.id,
            on_changed: Callback::noop(),
        };
        use_effect_with((*attempt, *changes, live.version), move |_| {
            let ticket = newest.get().wrapping_add(1);
            newest.set(ticket);
            let first = matches!(*loaded, Loaded::Loading | Loaded::Failed(_));
            spawn_local(async move {
                let board = api::get::<Board>(&session.path("")).await;
                let reviews = match &board {
                    Ok(_) => api::get::<Vec<ReviewItem>>(&session.path("/reviews")).await,
                    Err(error) => Err(error.clone()),
                };
                if newest.get() != ticket {
                    return;
                }
                match (board, reviews) {
                    (Ok(board), Ok(reviews)) => {
                        loaded.set(Loaded::Ready(Rc::new(board), Rc::new(reviews)));
                        if first {
                            focus_id_soon(SESSION_HEADING.into());
                        }
                    }
                    (Err(error), _) | (_, Err(error)) => {
                        // A failed refresh keeps what is shown; the indicator says
                        // whether the board is live.
                        if first {
                            loaded.set(Loaded::Failed(error));
                        }
                    }
                }
            });
        });
    }
    let back = html! {
        <p class="bl-back">
            <Button class="bl-back-button" variant={ButtonVariant::Secondary}
                onclick={props.on_back.reform(|_: MouseEvent| ())}>
                { format!("← {}", t(Msg::BibLeadBack)) }
            </Button>
        </p>
    };
    let (board, reviews) = match &*loaded {
        Loaded::Loading => return html! { <>{ back }<Loading /></> },
        Loaded::Failed(error) if not_active(error) => {
            return html! { <>{ back }<EmptyState message={Msg::BibNotActive} /></> };
        }
        Loaded::Failed(error) => {
            return html! { <>{ back }{ load_failed(error, lang, &attempt) }</> };
        }
        Loaded::Ready(board, reviews) => (board.clone(), reviews.clone()),
    };
    let session = SessionRef {
        library: props.library.clone(),
        id: props.id,
        on_changed: {
            let changes = changes.clone();
            Callback::from(move |()| changes.set(changes.wrapping_add(1)))
        },
    };
    let title = html! {
        <h3 id={SESSION_HEADING} class="bl-session-title" tabindex="-1">
            { board.session.title.clone() }
        </h3>
    };
    if board.session.ended_at.is_some() {
        return html! {
            <div class="bl-session bl-session--ended">
                { back }
                { title }
                <Podium teams={board.teams.clone()} />
            </div>
        };
    }
    let (live_class, live_text) = match live.online {
        true => ("bl-live bl-live--on", Msg::BibLeadLive),
        false => ("bl-live bl-live--off", Msg::BibLeadOffline),
    };
    html! {
        <div class="bl-session">
            { back }
            <div class="bl-session-head">
                { title }
                <p class={live_class} role="status" data-online={live.online.to_string()}>
                    <span class="bl-live__dot" aria-hidden="true"></span>
                    { t(live_text) }
                </p>
            </div>
            <BigScreen code={board.session.code.clone()} teams={board.teams.clone()} />
            <TeamBoard session={session.clone()} board={board.clone()} />
            <ReviewQueue session={session.clone()} items={reviews} />
            <Messages session={session.clone()} messages={board.messages.clone()} />
            <EndGame {session} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EndGameProps {
    session: SessionRef,
}

/// Ends the game, after the leader confirms.
#[function_component]
fn EndGame(props: &EndGameProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let asking = use_state(|| false);
    let refused = use_state(|| None::<ApiError>);
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| {
            asking.set(true);
            focus_id_soon("bl-end-yes".into());
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            focus_id_soon("bl-end".into());
        })
    };
    let end = {
        let (session, refused) = (props.session.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            let (session, refused) = (session.clone(), refused.clone());
            spawn_local(async move {
                match api::post_empty(&session.path("/end")).await {
                    Ok(()) => session.on_changed.emit(()),
                    Err(error) => refused.set(Some(error)),
                }
            });
        })
    };
    html! {
        <section class="card bo-section bl-end" aria-labelledby="bl-end-title">
            <h3 id="bl-end-title" class="visually-hidden">{ t(Msg::BibLeadEnd) }</h3>
            if *asking {
                <div class="bl-confirm" role="group" aria-labelledby="bl-end-question">
                    <p id="bl-end-question">{ t(Msg::BibLeadEndConfirm) }</p>
                    <div class="bo-actions">
                        <button type="button" id="bl-end-yes" class="btn btn--danger bl-end-yes" onclick={end}>
                            { t(Msg::BibLeadEndYes) }
                        </button>
                        <Button class="bl-end-cancel" variant={ButtonVariant::Secondary} onclick={cancel}>
                            { t(Msg::BibLeadCancel) }
                        </Button>
                    </div>
                </div>
            } else {
                <button type="button" id="bl-end" class="btn btn--danger bl-end-button" onclick={ask}>
                    { t(Msg::BibLeadEnd) }
                </button>
            }
            if let Some(error) = &*refused {
                <p class="field-error" role="alert">{ error.localized(lang) }</p>
            }
        </section>
    }
}
