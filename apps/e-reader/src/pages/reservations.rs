//! The member's reservations, under their loans: the place in each queue, and for a
//! book that waits for them the time left to borrow it or pass their turn; a place can
//! be paused (others go first, the place is kept), taken up again, or cancelled after a
//! question.

use suite_domain::ereader::ReservationView;
use suite_domain::i18n::Msg;
use suite_domain::lending::hours_left;
use suite_ui::{ApiError, EmptyState, ErrorState, Loading, UiText, use_lang, use_t};
use yew::prelude::*;

use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct ReservationsProps {
    /// A held book was borrowed: the loans above show it.
    pub(crate) on_borrowed: Callback<()>,
}

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// What a button of a place does.
#[derive(Clone, Copy, PartialEq)]
enum Act {
    Borrow,
    Pass,
    Suspend,
    Resume,
    Cancel,
}

#[function_component]
pub(crate) fn ReservationsSection(props: &ReservationsProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let places = use_state(|| None::<Result<Vec<ReservationView>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let confirming = use_state(|| None::<i64>);
    let notice = use_state(|| None::<String>);
    {
        let places = places.clone();
        use_effect_with(*attempt, move |_| {
            yew::platform::spawn_local(async move { places.set(Some(net::reservations().await)) });
        });
    }
    let act = {
        let (attempt, confirming, notice) = (attempt.clone(), confirming.clone(), notice.clone());
        let on_borrowed = props.on_borrowed.clone();
        Callback::from(move |(title, act): (i64, Act)| {
            let (attempt, confirming, notice, on_borrowed) = (
                attempt.clone(),
                confirming.clone(),
                notice.clone(),
                on_borrowed.clone(),
            );
            yew::platform::spawn_local(async move {
                let result = match act {
                    Act::Borrow => net::borrow(title).await.map(drop),
                    Act::Pass => net::place_action(title, "pass").await,
                    Act::Suspend => net::place_action(title, "suspend").await,
                    Act::Resume => net::place_action(title, "resume").await,
                    Act::Cancel => net::cancel_reservation(title).await,
                };
                confirming.set(None);
                let done = match act {
                    Act::Borrow => Some(Msg::EreaderBorrowed),
                    Act::Pass => Some(Msg::EreaderPassed),
                    Act::Cancel => Some(Msg::EreaderCancelled),
                    Act::Suspend | Act::Resume => None,
                };
                notice.set(match result {
                    Ok(()) => done.map(|m| m.text(lang).to_string()),
                    Err(error) => Some(error.localized(lang)),
                });
                if act == Act::Borrow {
                    on_borrowed.emit(());
                }
                attempt.set(*attempt + 1);
            });
        })
    };
    // Offline, every change of a place waits for the network (the banner says so).
    let offline = use_context::<crate::offline::Offline>()
        .unwrap_or_default()
        .0;
    let button = |title: i64, what: Act, label: Msg, class: &'static str| {
        let act = act.clone();
        html! {
            <button type="button" class={classes!("er-button", class)} disabled={offline}
                    aria-describedby={offline.then_some("er-offline")}
                    onclick={Callback::from(move |_: MouseEvent| act.emit((title, what)))}>
                { t(label) }
            </button>
        }
    };
    let list = match &*places {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorState message={UiText::Text(error.localized(lang).into())}
            on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(list)) if list.is_empty() => {
            html! { <EmptyState message={UiText::Msg(Msg::EreaderNoReservations)} /> }
        }
        Some(Ok(list)) => html! {
            <ul class="er-list">
                { for list.iter().map(|place| {
                    let id = place.title_id;
                    let heading = format!("er-place-{id}");
                    let status = match place.hold_until {
                        Some(until) => {
                            let hours = hours_left(until, now_secs());
                            let unit = if hours == 1 { Msg::EreaderHour } else { Msg::EreaderHours };
                            html! { <p class="er-item__hold">{ format!("{} {hours} {}.", t(Msg::EreaderHoldReady), t(unit)) }</p> }
                        }
                        None => html! {
                            <p class="er-item__place">
                                { format!("{} {} {} {}", t(Msg::EreaderPlace), place.place, t(Msg::EreaderPlaceOf), place.waiting) }
                                if place.suspended { <br />{ t(Msg::EreaderSuspendedNote) } }
                            </p>
                        },
                    };
                    let actions = if *confirming == Some(id) {
                        let keep = {
                            let confirming = confirming.clone();
                            Callback::from(move |_: MouseEvent| confirming.set(None))
                        };
                        html! {
                            <div class="er-confirm" role="group" aria-labelledby={format!("er-cancel-q-{id}")}>
                                <p id={format!("er-cancel-q-{id}")}>{ t(Msg::EreaderCancelConfirm) }</p>
                                { button(id, Act::Cancel, Msg::EreaderCancelYes, "er-button--main") }
                                <button type="button" class="er-button" id={format!("er-cancel-no-{id}")} onclick={keep}>
                                    { t(Msg::EreaderCancelNo) }
                                </button>
                            </div>
                        }
                    } else if place.hold_until.is_some() {
                        html! {
                            <div class="er-actions">
                                { button(id, Act::Borrow, Msg::EreaderBorrow, "er-button--main") }
                                { button(id, Act::Pass, Msg::EreaderPass, "er-pass") }
                            </div>
                        }
                    } else {
                        let ask = {
                            let confirming = confirming.clone();
                            Callback::from(move |_: MouseEvent| {
                                confirming.set(Some(id));
                                suite_ui::back_office::focus_id_soon(format!("er-cancel-no-{id}"));
                            })
                        };
                        html! {
                            <div class="er-actions">
                                if place.suspended {
                                    { button(id, Act::Resume, Msg::EreaderResume, "er-resume") }
                                } else {
                                    { button(id, Act::Suspend, Msg::EreaderSuspend, "er-suspend") }
                                }
                                <button type="button" class="er-button er-cancel" onclick={ask}
                                        disabled={offline} aria-describedby={offline.then_some("er-offline")}>
                                    { t(Msg::EreaderCancelReservation) }
                                </button>
                            </div>
                        }
                    };
                    html! {
                        <li class="er-item er-place" aria-labelledby={heading.clone()}>
                            <h3 class="er-item__title" id={heading} dir="auto">{ &place.title }</h3>
                            { status }
                            { actions }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="er-page er-reservations" aria-labelledby="er-reservations-title">
            <h2 id="er-reservations-title" tabindex="-1">{ t(Msg::EreaderMyReservations) }</h2>
            <p class="er-notice" role="status">{ (*notice).clone().unwrap_or_default() }</p>
            { list }
        </section>
    }
}
