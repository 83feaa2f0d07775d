//! The current interface language: a context provider, the hooks to read and change it,
//! and the translation hook every component uses to look texts up in the catalogue.
//!
//! ```ignore
//! let t = use_t();
//! html! { <h2>{ t(Msg::StaffArea) }</h2> }
//! ```

use suite_domain::i18n::{Lang, Msg};
use yew::prelude::*;

use crate::dom;

/// localStorage key of the chosen language (value: a BCP 47 tag such as `nl-BE`).
pub const LANG_STORAGE_KEY: &str = "suite.lang";

/// What the context carries: the language and the way to change it.
#[derive(Clone, PartialEq)]
struct LangContext {
    lang: Lang,
    set: Callback<Lang>,
}

/// The language to start with: the remembered choice, else the browser's, else Dutch.
fn initial_lang() -> Lang {
    dom::load(LANG_STORAGE_KEY)
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(|| {
            let navigator = web_sys::window()?.navigator();
            Lang::from_tag(&navigator.language()?)
        })
        .unwrap_or(Lang::Nl)
}

#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Holds the current [`Lang`] for everything inside it, remembers a change in
/// localStorage (`suite.lang`) and keeps `<html lang>` in step.
///
/// Nested providers share the outer one's language, so an app may wrap its whole tree
/// in a `LangProvider` and still use [`crate::AppShell`] (which has its own) inside.
#[function_component]
pub fn LangProvider(props: &LangProviderProps) -> Html {
    let outer = use_context::<LangContext>();
    let lang = use_state(initial_lang);
    let has_outer = outer.is_some();

    use_effect_with((*lang, has_outer), |&(lang, has_outer)| {
        if !has_outer {
            dom::set_root_attribute("lang", lang.tag());
        }
    });

    if outer.is_some() {
        return props.children.clone();
    }
    let set = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            dom::store(LANG_STORAGE_KEY, next.tag());
            lang.set(next);
        })
    };
    let context = LangContext { lang: *lang, set };
    html! {
        <ContextProvider<LangContext> {context}>
            { props.children.clone() }
        </ContextProvider<LangContext>>
    }
}

/// The current language (Dutch outside a [`LangProvider`]).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().map_or(Lang::Nl, |c| c.lang)
}

/// A callback that switches the language of the surrounding [`LangProvider`]
/// (does nothing outside one).
#[hook]
pub fn use_set_lang() -> Callback<Lang> {
    use_context::<LangContext>().map_or_else(Callback::noop, |c| c.set)
}

/// The translation function for the current language: `t(Msg::Retry)` gives
/// `"Opnieuw proberen"` or `"Try again"`. The function is `Copy`, so it can be moved
/// into as many closures as needed. Outside a component, use `msg.text(lang)`.
#[hook]
pub fn use_t() -> impl Fn(Msg) -> &'static str + Copy {
    let lang = use_lang();
    move |msg: Msg| msg.text(lang)
}
