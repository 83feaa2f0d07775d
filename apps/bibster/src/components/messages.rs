//! `Messages`: the leader's messages, newest first; the newest in a live region so it
//! is read out when it comes.

use suite_domain::bibster::api::Message;
use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct MessagesProps {
    pub(crate) messages: Vec<Message>,
}

#[function_component]
pub(crate) fn Messages(props: &MessagesProps) -> Html {
    let t = use_t();
    let mut newest_first = props.messages.iter().rev();
    let newest = newest_first.next();
    html! {
        <section class="bib-messages" aria-labelledby="bib-messages-heading"
                 hidden={props.messages.is_empty()}>
            <h2 id="bib-messages-heading" class="bib-messages__heading">{ t(Msg::BibTeamMessages) }</h2>
            <p class="bib-message bib-message--newest" aria-live="polite">
                { newest.map(|m| m.text.clone()).unwrap_or_default() }
            </p>
            <ul class="bib-messages__older">
                { for newest_first.map(|m| html! { <li class="bib-message">{ m.text.clone() }</li> }) }
            </ul>
        </section>
    }
}
