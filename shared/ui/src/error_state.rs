//! `ErrorState`: an alert with what went wrong and, when it makes sense, a retry button.

use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::button::Button;
use crate::i18n::{use_lang, use_t};
use crate::text::UiText;

#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    /// What went wrong: a ready text (e.g. `ApiError::localized`) or a catalogue message.
    pub message: UiText,
    /// Shows a "try again" button that calls this.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

#[function_component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let lang = use_lang();
    let t = use_t();
    let retry = props.on_retry.clone().map(|on_retry| {
        html! {
            <Button class="error-state__retry" onclick={on_retry.reform(|_: MouseEvent| ())}>
                { t(Msg::Retry) }
            </Button>
        }
    });
    html! {
        <div class="error-state" role="alert">
            <p class="error-state__message">{ props.message.resolve(lang) }</p>
            { retry }
        </div>
    }
}
