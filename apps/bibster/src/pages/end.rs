//! The last screens: the game ended (the team's score), or the leader removed the team
//! (the server's message). Either way the device can start a new game.

use suite_domain::i18n::Msg;
use suite_ui::{Button, use_t};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct EndPageProps {
    pub(crate) score: u32,
    pub(crate) name: AttrValue,
    pub(crate) on_leave: Callback<()>,
}

/// Moves the focus to the heading of a screen that replaced another.
#[hook]
fn use_focus_on_mount() -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    heading
}

#[function_component]
pub(crate) fn EndPage(props: &EndPageProps) -> Html {
    let t = use_t();
    let heading = use_focus_on_mount();
    html! {
        <section class="bib-end" aria-labelledby="bib-end-heading">
            <h2 id="bib-end-heading" tabindex="-1" ref={heading}>{ t(Msg::BibTeamEndHeading) }</h2>
            <p class="bib-end__team">{ props.name.clone() }</p>
            <p class="bib-end__score">
                { t(Msg::BibTeamEndScore) }{ " " }<strong class="bib-end__points">{ props.score }</strong>
            </p>
            <Button onclick={props.on_leave.reform(|_| ())}>{ t(Msg::BibTeamNewGame) }</Button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct RemovedPageProps {
    pub(crate) message: AttrValue,
    pub(crate) on_leave: Callback<()>,
}

#[function_component]
pub(crate) fn RemovedPage(props: &RemovedPageProps) -> Html {
    let t = use_t();
    html! {
        <section class="bib-end">
            <p class="bib-removed" role="alert">{ props.message.clone() }</p>
            <Button onclick={props.on_leave.reform(|_| ())}>{ t(Msg::BibTeamNewGame) }</Button>
        </section>
    }
}
