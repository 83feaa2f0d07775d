//! `Pairs`: match pairs: for each left item, a choice of the right item it goes with.

use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct PairsProps {
    pub(crate) left: Vec<String>,
    /// The right items in the order shown to this team.
    pub(crate) right: Vec<String>,
    pub(crate) on_answer: Callback<Answer>,
}

#[function_component]
pub(crate) fn Pairs(props: &PairsProps) -> Html {
    let t = use_t();
    let chosen = use_state(|| vec![None::<usize>; props.left.len()]);
    let missing = use_state(|| false);
    let submit = {
        let (chosen, missing, on_answer) =
            (chosen.clone(), missing.clone(), props.on_answer.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match chosen.iter().copied().collect::<Option<Vec<usize>>>() {
                Some(pairs) => on_answer.emit(Answer::Pairs(pairs)),
                None => missing.set(true),
            }
        })
    };
    html! {
        <form class="bib-answer" onsubmit={submit} novalidate=true>
            { for props.left.iter().enumerate().map(|(i, left)| {
                let onchange = {
                    let (chosen, missing) = (chosen.clone(), missing.clone());
                    Callback::from(move |e: Event| {
                        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                        let mut next = (*chosen).clone();
                        if let Some(slot) = next.get_mut(i) {
                            *slot = value.parse().ok();
                        }
                        missing.set(false);
                        chosen.set(next);
                    })
                };
                let id = format!("bib-pair-{i}");
                html! {
                    <div class="bib-pair">
                        <label class="bib-label" for={id.clone()}>
                            { left.clone() }{ " " }<span class="bib-pair__with">{ t(Msg::BibTeamGoesWith) }</span>
                        </label>
                        <select {id} class="bib-input" {onchange}>
                            <option value="" selected={chosen.get(i).copied().flatten().is_none()}>{ t(Msg::BibTeamPick) }</option>
                            { for props.right.iter().enumerate().map(|(j, right)| html! {
                                <option value={j.to_string()} selected={chosen.get(i).copied().flatten() == Some(j)}>
                                    { right.clone() }
                                </option>
                            }) }
                        </select>
                    </div>
                }
            }) }
            if *missing {
                <p class="field-error" role="alert">{ t(Msg::BibTeamNeedAnswer) }</p>
            }
            <Button kind="submit" big=true>{ t(Msg::BibTeamSend) }</Button>
        </form>
    }
}
