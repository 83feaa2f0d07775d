//! `Hint`: a task's hint: its cost, a confirmation, then its text (opened on the server,
//! which takes the cost off the task's points).

use suite_domain::bibster::api::TaskOpened;
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, use_lang, use_t};
use yew::prelude::*;

use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct HintProps {
    pub(crate) task: AttrValue,
    pub(crate) cost: u32,
    pub(crate) token: AttrValue,
    /// The hint's text, once opened.
    pub(crate) text: Option<String>,
    pub(crate) on_opened: Callback<TaskOpened>,
}

#[function_component]
pub(crate) fn Hint(props: &HintProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let asking = use_state(|| false);
    let error = use_state(|| None::<String>);
    if let Some(text) = &props.text {
        return html! {
            <p class="bib-hint__text" role="status"><strong>{ t(Msg::BibTeamHintText) }</strong>{ " " }{ text.clone() }</p>
        };
    }
    if !*asking {
        let ask = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| {
                asking.set(true);
                suite_ui::back_office::focus_id_soon("bib-hint-yes".into());
            })
        };
        return html! {
            <Button variant={ButtonVariant::Secondary} class="bib-hint" onclick={ask}>
                { t(Msg::BibTeamHint) }{ format!(" (−{})", props.cost) }
            </Button>
        };
    }
    let yes = {
        let (token, task, on_opened, error) = (
            props.token.clone(),
            props.task.clone(),
            props.on_opened.clone(),
            error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (token, task, on_opened, error) = (
                token.clone(),
                task.clone(),
                on_opened.clone(),
                error.clone(),
            );
            yew::platform::spawn_local(async move {
                match net::open(&token, &task, true).await {
                    Ok(opened) => on_opened.emit(opened),
                    Err(e) => error.set(Some(e.localized(lang))),
                }
            });
        })
    };
    let no = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    html! {
        <div class="bib-hint__confirm" role="group" aria-labelledby="bib-hint-cost">
            <p id="bib-hint-cost">{ t(Msg::BibTeamHintCost) }{ " " }<strong>{ props.cost }</strong>{ " " }{ t(Msg::BibTeamScore).to_lowercase() }</p>
            <div class="bib-actions">
                <button type="button" id="bib-hint-yes" class="btn btn--primary" onclick={yes}>{ t(Msg::BibTeamHintYes) }</button>
                <Button variant={ButtonVariant::Secondary} onclick={no}>{ t(Msg::BibTeamHintNo) }</Button>
            </div>
            if let Some(error) = &*error {
                <p class="field-error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}
