//! `Photo`: a photo task: the device's camera (or a picture), sent as it is with its
//! type to `POST /api/bibster/play/photos/{task}`; a failure shows the error state with
//! a retry.

use suite_domain::i18n::Msg;
use suite_ui::{ErrorState, Loading, use_lang, use_t};
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::net;

#[derive(Properties, PartialEq)]
pub(crate) struct PhotoProps {
    pub(crate) task: AttrValue,
    pub(crate) token: AttrValue,
    pub(crate) on_sent: Callback<()>,
}

#[function_component]
pub(crate) fn Photo(props: &PhotoProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let file = use_state(|| None::<File>);
    let sending = use_state(|| false);
    let error = use_state(|| None::<String>);
    let send = {
        let (sending, error) = (sending.clone(), error.clone());
        let (task, token, on_sent) = (
            props.task.clone(),
            props.token.clone(),
            props.on_sent.clone(),
        );
        Callback::from(move |picture: File| {
            let (sending, error, task, token, on_sent) = (
                sending.clone(),
                error.clone(),
                task.clone(),
                token.clone(),
                on_sent.clone(),
            );
            sending.set(true);
            error.set(None);
            yew::platform::spawn_local(async move {
                let result = net::photo(&token, &task, &picture).await;
                sending.set(false);
                match result {
                    Ok(_) => on_sent.emit(()),
                    Err(e) => error.set(Some(e.localized(lang))),
                }
            });
        })
    };
    let onchange = {
        let (file, send) = (file.clone(), send.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(picked) = input.files().and_then(|list| list.get(0)) {
                file.set(Some(picked.clone()));
                send.emit(picked);
            }
        })
    };
    let retry = (*file)
        .clone()
        .map(|picked| send.reform(move |()| picked.clone()));
    html! {
        <div class="bib-answer bib-photo">
            <label class="bib-label bib-photo__label" for="bib-photo">{ t(Msg::BibTeamPhotoLabel) }</label>
            <input id="bib-photo" class="bib-photo__input" type="file" accept="image/*"
                   capture="environment" {onchange} disabled={*sending} />
            if *sending {
                <Loading />
            }
            if let Some(message) = &*error {
                <ErrorState message={message.clone()} on_retry={retry} />
            }
        </div>
    }
}
