//! A company's uploads: send an image or a short sound or video (the server checks its
//! kind, size and pixels; a refusal is its Dutch message at the file field) and the list
//! of what is there, to choose from in the show-data form.

use suite_domain::i18n::Msg;
use suite_domain::show::api::{MediaUse, ShowMedia};
use suite_ui::api::{self, ApiError};
use suite_ui::back_office::{focus_id, load_failed, section};
use suite_ui::{EmptyState, Loading, use_lang};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::office::UPLOADS_HEADING;

const FILE_ID: &str = "vds-bo-file";
const HELP_ID: &str = "vds-bo-file-help";

#[derive(Properties, PartialEq)]
pub(crate) struct UploadsProps {
    pub(crate) company: AttrValue,
}

#[function_component]
pub(crate) fn UploadsSection(props: &UploadsProps) -> Html {
    let lang = use_lang();
    let path = format!("/api/voor-de-show/companies/{}/media", props.company);
    let load = use_state(|| None::<Result<Vec<ShowMedia>, ApiError>>);
    let attempt = use_state(|| 0_u32);
    let input = use_node_ref();
    let error = use_state(|| None::<String>);
    let done = use_state(|| false);
    {
        let (load, path) = (load.clone(), path.clone());
        use_effect_with(*attempt, move |_| {
            spawn_local(async move { load.set(Some(api::get::<Vec<ShowMedia>>(&path).await)) });
        });
    }
    let onsubmit = {
        let (input, error, done, attempt, path) = (
            input.clone(),
            error.clone(),
            done.clone(),
            attempt.clone(),
            path.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let file = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else {
                error.set(Some(Msg::VdsAdminChooseFile.text(lang).into()));
                focus_id(FILE_ID);
                return;
            };
            let (error, done, attempt, path) =
                (error.clone(), done.clone(), attempt.clone(), path.clone());
            spawn_local(async move {
                match api::post_body::<ShowMedia>(&path, "application/octet-stream", &file.into())
                    .await
                {
                    Ok(_) => {
                        error.set(None);
                        done.set(true);
                        attempt.set(*attempt + 1);
                    }
                    Err(e) => {
                        done.set(false);
                        error.set(Some(e.localized(lang)));
                        focus_id(FILE_ID);
                    }
                }
            });
        })
    };
    let error_id = format!("{FILE_ID}-error");
    let described = match &*error {
        Some(_) => format!("{HELP_ID} {error_id}"),
        None => HELP_ID.to_string(),
    };
    let list = match &*load {
        None => html! { <Loading /> },
        Some(Err(e)) => load_failed(e, lang, &attempt),
        Some(Ok(found)) if found.is_empty() => {
            html! { <EmptyState message={Msg::VdsAdminNoUploads} /> }
        }
        Some(Ok(found)) => html! {
            <ul class="vds-bo-uploads">
                { for found.iter().map(|m| html! {
                    <li class="vds-bo-media" data-media={m.id.clone()}>
                        if m.media_use == MediaUse::Image { <img src={api::url(&m.url)} alt="" />{ " " } }
                        { format!("{} · {} · {} kB", m.id, m.content_type, m.bytes / 1024) }
                    </li>
                }) }
            </ul>
        },
    };
    let body = html! {
        <>
            <form class="vds-bo-form" {onsubmit} novalidate={true}>
                <label for={FILE_ID}>{ Msg::VdsAdminUploadLabel.text(lang) }</label>
                <p class="field-help" id={HELP_ID}>{ Msg::VdsAdminUploadHelp.text(lang) }</p>
                <input id={FILE_ID} type="file" ref={input}
                    accept="image/png,image/jpeg,image/webp,audio/mpeg,audio/ogg,audio/wav,video/mp4,video/webm"
                    aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={described} />
                if let Some(message) = &*error { <p id={error_id.clone()} class="field-error">{ message.clone() }</p> }
                <button type="submit" class="button button--primary">{ Msg::VdsAdminUploadButton.text(lang) }</button>
                <p role="status">{ if *done { Msg::VdsAdminUploaded.text(lang) } else { "" } }</p>
            </form>
            { list }
        </>
    };
    section(UPLOADS_HEADING, Msg::VdsAdminUploads, lang, body)
}
