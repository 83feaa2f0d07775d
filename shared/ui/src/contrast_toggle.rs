//! `ContrastToggle`: switches the large, high-contrast theme for classroom digibords
//! (class `theme-digibord` on `<html>`) and remembers the choice in localStorage.

use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::dom;
use crate::i18n::use_t;

/// localStorage key of the theme (`digibord` or `default`).
pub(crate) const THEME_STORAGE_KEY: &str = "suite.theme";
/// The class on `<html>` that switches the theme in `style.css`.
pub(crate) const THEME_CLASS: &str = "theme-digibord";

fn theme_is_on() -> bool {
    match dom::load(THEME_STORAGE_KEY).as_deref() {
        Some("digibord") => true,
        Some(_) => false,
        None => dom::root_has_class(THEME_CLASS),
    }
}

#[function_component]
pub fn ContrastToggle() -> Html {
    let t = use_t();
    let on = use_state(theme_is_on);

    use_effect_with(*on, |&on| dom::toggle_root_class(THEME_CLASS, on));

    let onclick = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| {
            let next = !*on;
            dom::store(THEME_STORAGE_KEY, if next { "digibord" } else { "default" });
            on.set(next);
        })
    };
    html! {
        <button
            type="button"
            class="contrast-toggle"
            aria-pressed={if *on { "true" } else { "false" }}
            {onclick}
        >
            <span class="contrast-toggle__icon" aria-hidden="true">{ "◐" }</span>
            { t(Msg::HighContrast) }
        </button>
    }
}
