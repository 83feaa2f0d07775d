//! Messages to every team (`POST .../messages`, 1 to 500 characters: the server's rule)
//! and the list of the ones sent, newest first.

use suite_domain::bibster::api::{MESSAGE_MAX, Message, MessageBody};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{described, field_error, focus_id_soon};
use suite_ui::{Button, EmptyState, use_lang, use_t};
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::session::SessionRef;
use super::text::clock_time;

const FIELD: &str = "bl-message";

/// Whether `text` may be sent: 1 to [`MESSAGE_MAX`] characters once trimmed.
pub(crate) fn message_fits(text: &str) -> bool {
    let count = text.trim().chars().count();
    (1..=MESSAGE_MAX).contains(&count)
}

#[derive(Properties, PartialEq)]
pub(crate) struct MessagesProps {
    pub(crate) session: SessionRef,
    pub(crate) messages: Vec<Message>,
}

#[function_component]
pub(crate) fn Messages(props: &MessagesProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let text = use_state(String::new);
    let problem = use_state(|| None::<Msg>);
    let refused = use_state(|| None::<ApiError>);
    let sent = use_state(|| false);
    let busy = use_state(|| false);
    let on_input = {
        let (text, problem, sent) = (text.clone(), problem.clone(), sent.clone());
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            problem.set(None);
            sent.set(false);
        })
    };
    let on_submit = {
        let session = props.session.clone();
        let (text, problem, refused, sent, busy) = (
            text.clone(),
            problem.clone(),
            refused.clone(),
            sent.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if !message_fits(&text) {
                problem.set(Some(Msg::BibMessageLength));
                focus_id_soon(FIELD.into());
                return;
            }
            busy.set(true);
            refused.set(None);
            let body = MessageBody {
                text: text.trim().to_string(),
            };
            let (session, text, refused, sent, busy) = (
                session.clone(),
                text.clone(),
                refused.clone(),
                sent.clone(),
                busy.clone(),
            );
            spawn_local(async move {
                let answer = api::post_no_content(&session.path("/messages"), &body).await;
                busy.set(false);
                match answer {
                    Ok(()) => {
                        text.set(String::new());
                        sent.set(true);
                        session.on_changed.emit(());
                    }
                    Err(error) => {
                        refused.set(Some(error));
                        focus_id_soon(FIELD.into());
                    }
                }
            });
        })
    };
    let count = text.trim().chars().count();
    let (invalid, describedby) = described(FIELD, *problem, Some("bl-message-count"));
    let list = if props.messages.is_empty() {
        html! { <EmptyState message={Msg::BibLeadNoMessages} /> }
    } else {
        let items = props.messages.iter().rev().map(|m| {
            html! {
                <li class="bl-sent">
                    <span class="bl-sent__time">{ clock_time(&m.sent_at) }</span>
                    <span class="bl-sent__text">{ m.text.clone() }</span>
                </li>
            }
        });
        html! { <ul class="bl-sent-list">{ for items }</ul> }
    };
    html! {
        <section class="card bo-section bl-messages" aria-labelledby="bl-messages-title">
            <h3 id="bl-messages-title" tabindex="-1">{ t(Msg::BibLeadMessagesTitle) }</h3>
            <form class="bo-form" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label for={FIELD}>{ t(Msg::BibLeadMessage) }</label>
                    <textarea id={FIELD} rows="3" maxlength={MESSAGE_MAX.to_string()} value={(*text).clone()}
                        oninput={on_input} aria-invalid={invalid} aria-describedby={describedby} />
                    <p id="bl-message-count" class="bl-help">
                        { format!("{count} / {MESSAGE_MAX} {}", t(Msg::BibLeadCharacters)) }
                    </p>
                    { field_error(FIELD, *problem, lang) }
                    if let Some(error) = &*refused {
                        <p class="field-error" role="alert">{ error.localized(lang) }</p>
                    }
                </div>
                <div class="bo-actions">
                    <Button kind="submit" class="bl-send" disabled={*busy}>{ t(Msg::BibLeadSend) }</Button>
                    <p class="bl-sent-notice" role="status">
                        { if *sent { t(Msg::BibLeadSent) } else { "" } }
                    </p>
                </div>
            </form>
            { list }
        </section>
    }
}
