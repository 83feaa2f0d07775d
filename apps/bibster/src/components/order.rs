//! `Order`: put the items in order with "Hoger" and "Lager" buttons (keyboard first);
//! the focus stays with the item that moved.

use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use yew::prelude::*;

use crate::rules::moved;

#[derive(Properties, PartialEq)]
pub(crate) struct OrderProps {
    /// The items in the order shown to this team.
    pub(crate) items: Vec<String>,
    pub(crate) on_answer: Callback<Answer>,
}

#[function_component]
pub(crate) fn Order(props: &OrderProps) -> Html {
    let t = use_t();
    let order = use_state(|| (0..props.items.len()).collect::<Vec<usize>>());
    let count = order.len();
    let submit = {
        let (order, on_answer) = (order.clone(), props.on_answer.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_answer.emit(Answer::Order((*order).clone()));
        })
    };
    let mover = |at: usize, up: bool| {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| {
            let next = moved(&order, at, up);
            let to = if up {
                at.saturating_sub(1)
            } else {
                (at + 1).min(next.len() - 1)
            };
            let side = if to == 0 {
                "down"
            } else if up || to + 1 == next.len() {
                "up"
            } else {
                "down"
            };
            order.set(next);
            suite_ui::back_office::focus_id_soon(format!("bib-order-{to}-{side}"));
        })
    };
    html! {
        <form class="bib-answer" onsubmit={submit}>
            <p id="bib-order-help" class="bib-help">{ t(Msg::BibTeamOrderHelp) }</p>
            <ol class="bib-order" aria-describedby="bib-order-help">
                { for order.iter().enumerate().map(|(at, &item)| {
                    let text = props.items.get(item).cloned().unwrap_or_default();
                    html! {
                        <li class="bib-order__item">
                            <span class="bib-order__text">{ text.clone() }</span>
                            <span class="bib-order__moves">
                                <button type="button" id={format!("bib-order-{at}-up")} class="btn btn--secondary"
                                        disabled={at == 0} onclick={mover(at, true)}
                                        aria-label={format!("{}: {text}", t(Msg::BibTeamMoveUp))}>
                                    <span aria-hidden="true">{ "↑" }</span>
                                </button>
                                <button type="button" id={format!("bib-order-{at}-down")} class="btn btn--secondary"
                                        disabled={at + 1 == count} onclick={mover(at, false)}
                                        aria-label={format!("{}: {text}", t(Msg::BibTeamMoveDown))}>
                                    <span aria-hidden="true">{ "↓" }</span>
                                </button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <Button kind="submit" big=true>{ t(Msg::BibTeamSend) }</Button>
        </form>
    }
}
