//! A picture of the game (a task's image, a floor plan): uploaded as it is to
//! `POST /api/bibster/{library}/pictures` (the body is the file, `Content-Type` its
//! type), which answers the stored picture's path.

use suite_domain::bibster::api::StoredPicture;
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use suite_ui::use_lang;
use web_sys::{File, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

/// Uploads `file` for `library`; the answer is the stored picture's path.
pub(crate) async fn upload(library: &str, file: File) -> Result<String, ApiError> {
    let path = format!("/api/bibster/{library}/pictures");
    let kind = file.type_();
    api::post_body::<StoredPicture>(&path, &kind, &file.into())
        .await
        .map(|stored| stored.path)
}

#[derive(Properties, PartialEq)]
pub(crate) struct PictureFieldProps {
    pub(crate) library: AttrValue,
    pub(crate) id: String,
    pub(crate) label: Msg,
    pub(crate) value: Option<String>,
    pub(crate) on_change: Callback<Option<String>>,
}

/// The picture chosen (a small preview and a button to take it away) and a file input
/// that uploads a new one at once.
#[function_component]
pub(crate) fn PictureField(props: &PictureFieldProps) -> Html {
    let lang = use_lang();
    let state = use_state(|| None::<Result<(), ApiError>>);
    let onchange = {
        let (library, on_change, state) = (
            props.library.clone(),
            props.on_change.clone(),
            state.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            state.set(Some(Ok(())));
            let (library, on_change, state) = (library.clone(), on_change.clone(), state.clone());
            spawn_local(async move {
                match upload(&library, file).await {
                    Ok(path) => {
                        on_change.emit(Some(path));
                        state.set(None);
                    }
                    Err(error) => state.set(Some(Err(error))),
                }
            });
        })
    };
    let remove = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(None))
    };
    let status = match &*state {
        None => Html::default(),
        Some(Ok(())) => html! { <p class="staff-notice">{ Msg::BibBuildUploading.text(lang) }</p> },
        Some(Err(error)) => {
            html! { <p class="form-error">{ format!("{} {}", Msg::BibBuildUploadFailed.text(lang), error.localized(lang)) }</p> }
        }
    };
    let label = props.label.text(lang);
    html! {
        <div class="field bb-picture">
            if let Some(path) = &props.value {
                <p class="bb-picture__current">
                    <img src={path.clone()} alt={label} class="bb-thumb" />
                    <button type="button" class="btn btn--secondary bb-small" onclick={remove}
                        aria-label={format!("{}: {label}", Msg::BibBuildRemove.text(lang))}>{ Msg::BibBuildRemove.text(lang) }</button>
                </p>
            }
            <label for={props.id.clone()}>{ format!("{label} ({})", Msg::BibBuildUploadHint.text(lang)) }</label>
            <input id={props.id.clone()} type="file" accept="image/png,image/jpeg,image/webp" {onchange} />
            <div role="status">{ status }</div>
        </div>
    }
}
