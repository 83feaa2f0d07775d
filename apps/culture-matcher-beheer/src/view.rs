//! View pieces the sections share: the section frame, an API error with a retry button,
//! the message under a field and the notices after a change. Plain functions, not
//! components, to keep the wasm small.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::ErrorState;
use suite_ui::api::ApiError;
use yew::prelude::*;

/// A section of the back-office under its heading; `id` is the heading's (it can take
/// the focus, for the links at the top).
pub(crate) fn section(id: &'static str, title: Msg, lang: Lang, body: Html) -> Html {
    html! {
        <section class="card bo-section" aria-labelledby={id}>
            <h3 {id} tabindex="-1">{ title.text(lang) }</h3>
            { body }
        </section>
    }
}

/// The error of a failed load, with a button that bumps `attempt` to load again.
pub(crate) fn load_failed(error: &ApiError, lang: Lang, attempt: &UseStateHandle<u32>) -> Html {
    let attempt = attempt.clone();
    let on_retry = Callback::from(move |()| attempt.set(*attempt + 1));
    html! { <ErrorState message={error.localized(lang)} {on_retry} /> }
}

/// The id of the message under the field `id`.
pub(crate) fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The message under the field `id`, if it is not right.
pub(crate) fn field_error(id: &str, error: Option<Msg>, lang: Lang) -> Html {
    match error {
        Some(error) => html! { <p id={error_id(id)} class="field-error">{ error.text(lang) }</p> },
        None => Html::default(),
    }
}

/// `aria-invalid` and `aria-describedby` of a field with `error`, with its help text's
/// id if it has one.
pub(crate) fn described(
    id: &str,
    error: Option<Msg>,
    help: Option<&str>,
) -> (Option<AttrValue>, Option<AttrValue>) {
    let mut ids: Vec<String> = help.map(str::to_owned).into_iter().collect();
    if error.is_some() {
        ids.push(error_id(id));
    }
    (
        error.map(|_| AttrValue::Static("true")),
        (!ids.is_empty()).then(|| ids.join(" ").into()),
    )
}

/// A live region for the notices after a change: always in the page, so screen readers
/// read what appears in it; the notice can take the focus.
pub(crate) fn status(id: &str, text: Option<String>) -> Html {
    html! {
        <div class="cm-bo-status" role="status">
            if let Some(text) = text {
                <p id={id.to_owned()} class="staff-notice" tabindex="-1">{ text }</p>
            }
        </div>
    }
}

/// An error after a change, read out at once.
pub(crate) fn alert(id: &str, text: String) -> Html {
    html! { <p id={id.to_owned()} class="form-error" role="alert" tabindex="-1">{ text }</p> }
}
