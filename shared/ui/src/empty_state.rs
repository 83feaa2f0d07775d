//! `EmptyState`: what a list or screen shows when there is nothing (yet).

use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::i18n::use_lang;
use crate::text::UiText;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// A catalogue message or a ready text; `Msg::Nothing` when not given.
    #[prop_or(UiText::Msg(Msg::Nothing))]
    pub message: UiText,
    /// Actions or explanation under the message.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="empty-state">
            <p class="empty-state__message">{ props.message.resolve(lang) }</p>
            { props.children.clone() }
        </div>
    }
}
