//! `Typed`: a typed answer: open text, a number (`3,5` or `3.5`), or the code found at
//! a shelf (typed, or scanned on the scan page and handed back).

use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::rules::read_number;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypedKind {
    Text,
    Number,
    Code,
}

#[derive(Properties, PartialEq)]
pub(crate) struct TypedProps {
    pub(crate) kind: TypedKind,
    pub(crate) on_answer: Callback<Answer>,
}

#[function_component]
pub(crate) fn Typed(props: &TypedProps) -> Html {
    let t = use_t();
    let kind = props.kind;
    // A code the scan page found comes back through the device's storage.
    let value = use_state(|| match kind {
        TypedKind::Code => crate::store::take_scanned().unwrap_or_default(),
        _ => String::new(),
    });
    let missing = use_state(|| false);
    let submit = {
        let (value, missing, on_answer) = (value.clone(), missing.clone(), props.on_answer.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let answer = match kind {
                TypedKind::Number => read_number(&value).map(Answer::Number),
                _ => Some(value.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .map(Answer::Text),
            };
            match answer {
                Some(answer) => on_answer.emit(answer),
                None => {
                    missing.set(true);
                    suite_ui::back_office::focus_id("bib-typed");
                }
            }
        })
    };
    let oninput = {
        let (value, missing) = (value.clone(), missing.clone());
        Callback::from(move |e: InputEvent| {
            missing.set(false);
            value.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let (label, mode, capitalize) = match kind {
        TypedKind::Text => (Msg::BibTeamYourAnswer, "text", "sentences"),
        TypedKind::Number => (Msg::BibTeamYourNumber, "decimal", "off"),
        TypedKind::Code => (Msg::BibTeamFoundCode, "text", "characters"),
    };
    html! {
        <form class="bib-answer" onsubmit={submit} novalidate=true>
            <label class="bib-label" for="bib-typed">{ t(label) }</label>
            <input id="bib-typed" class={classes!("bib-input", (kind == TypedKind::Code).then_some("bib-code-input"))}
                   type="text" inputmode={mode} autocapitalize={capitalize} autocomplete="off"
                   value={(*value).clone()} {oninput}
                   aria-invalid={missing.then_some("true")} aria-describedby="bib-typed-error" />
            <p id="bib-typed-error" class="field-error" role="alert">
                if *missing { { t(Msg::BibTeamNeedAnswer) } }
            </p>
            <Button kind="submit" big=true>{ t(Msg::BibTeamSend) }</Button>
            if kind == TypedKind::Code {
                <a class="btn btn--secondary bib-scan-link" href="scan/">{ t(Msg::BibTeamScan) }</a>
            }
        </form>
    }
}
