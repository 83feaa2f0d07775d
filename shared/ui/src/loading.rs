//! `Loading`: a polite status with a spinner (still under `prefers-reduced-motion`).

use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::i18n::use_t;

#[function_component]
pub fn Loading() -> Html {
    let t = use_t();
    html! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span class="loading__text">{ t(Msg::Loading) }</span>
        </div>
    }
}
