//! View pieces the sections share: the notices after a change, and (from
//! `suite_ui::back_office`, common to every back-office) the section frame, an API error
//! with a retry button and the message under a field. Plain functions, not components,
//! to keep the wasm small.

pub(crate) use suite_ui::back_office::{described, field_error, load_failed, section};
use yew::prelude::*;

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
