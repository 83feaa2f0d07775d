//! `Choice`: a multiple-choice task: radio buttons (one answer) or checkboxes (several),
//! large, in a fieldset that says which.

use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct ChoiceProps {
    pub(crate) id: AttrValue,
    pub(crate) options: Vec<String>,
    pub(crate) several: bool,
    pub(crate) on_answer: Callback<Answer>,
}

#[function_component]
pub(crate) fn Choice(props: &ChoiceProps) -> Html {
    let t = use_t();
    let chosen = use_state(Vec::<usize>::new);
    let missing = use_state(|| false);
    let submit = {
        let (chosen, missing, on_answer) =
            (chosen.clone(), missing.clone(), props.on_answer.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if chosen.is_empty() {
                missing.set(true);
            } else {
                on_answer.emit(Answer::Choices((*chosen).clone()));
            }
        })
    };
    let kind = if props.several { "checkbox" } else { "radio" };
    let legend = if props.several {
        Msg::BibTeamChooseSeveral
    } else {
        Msg::BibTeamChooseOne
    };
    html! {
        <form class="bib-answer" onsubmit={submit} novalidate=true>
            <fieldset class="bib-choices">
                <legend class="bib-label">{ t(legend) }</legend>
                { for props.options.iter().enumerate().map(|(i, option)| {
                    let toggle = {
                        let (chosen, several, missing) = (chosen.clone(), props.several, missing.clone());
                        Callback::from(move |_: Event| {
                            missing.set(false);
                            let mut next = if several { (*chosen).clone() } else { Vec::new() };
                            match next.iter().position(|&c| c == i) {
                                Some(at) if several => { next.remove(at); }
                                _ => next.push(i),
                            }
                            chosen.set(next);
                        })
                    };
                    let id = format!("bib-{}-{i}", props.id);
                    html! {
                        <label class="bib-choice" for={id.clone()}>
                            <input {id} type={kind} name={format!("bib-{}", props.id)}
                                   checked={chosen.contains(&i)} onchange={toggle} />
                            <span>{ option.clone() }</span>
                        </label>
                    }
                }) }
            </fieldset>
            if *missing {
                <p class="field-error" role="alert">{ t(Msg::BibTeamNeedAnswer) }</p>
            }
            <Button kind="submit" big=true>{ t(Msg::BibTeamSend) }</Button>
        </form>
    }
}
