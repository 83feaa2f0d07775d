//! `LangSwitch`: one button per language, each named in its own language, the current one
//! marked with `aria-pressed`.

use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

use crate::i18n::{use_lang, use_set_lang, use_t};

#[function_component]
pub fn LangSwitch() -> Html {
    let current = use_lang();
    let set_lang = use_set_lang();
    let t = use_t();
    let options = Lang::ALL.into_iter().map(|lang| {
        let pressed = if lang == current { "true" } else { "false" };
        let onclick = set_lang.reform(move |_: MouseEvent| lang);
        html! {
            <button
                type="button"
                class="lang-switch__option"
                lang={lang.tag()}
                data-lang={lang.tag()}
                aria-pressed={pressed}
                {onclick}
            >
                { lang.native_name() }
            </button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={t(Msg::Language)}>
            <span class="lang-switch__label" aria-hidden="true">{ t(Msg::Language) }</span>
            { for options }
        </div>
    }
}
