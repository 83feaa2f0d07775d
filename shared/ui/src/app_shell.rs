//! `AppShell`: the frame of every app page: skip link, header with the app's name, the
//! way back to the portal, the language and contrast switches, and the main landmark.

use suite_domain::i18n::Msg;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::contrast_toggle::ContrastToggle;
use crate::i18n::{LangProvider, use_lang};
use crate::lang_switch::LangSwitch;

#[derive(Properties, PartialEq)]
pub struct AppShellProps {
    /// The app's name, shown as the page's `h1`.
    pub title: Msg,
    /// A lead paragraph under the title.
    #[prop_or_default]
    pub description: Option<Msg>,
    #[prop_or_default]
    pub children: Html,
}

/// Wraps the page in a [`LangProvider`], so everything inside can use the i18n hooks.
#[function_component]
pub fn AppShell(props: &AppShellProps) -> Html {
    html! {
        <LangProvider>
            <ShellLayout title={props.title} description={props.description}>
                { props.children.clone() }
            </ShellLayout>
        </LangProvider>
    }
}

/// The layout itself; a separate component so that it renders inside the provider.
#[function_component]
fn ShellLayout(props: &AppShellProps) -> Html {
    let lang = use_lang();
    let title = props.title.text(lang);
    use_effect_with(title, |&title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
    // The apps' pages have `<base href="/<slug>/">`, so a plain `#main` link would
    // load the app's main page; moving the focus in place works on every page.
    let main = use_node_ref();
    let skip = {
        let main = main.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(main) = main.cast::<HtmlElement>() {
                let _ = main.focus();
            }
        })
    };
    let lead = props
        .description
        .map(|description| html! { <p class="lead">{ description.text(lang) }</p> });
    html! {
        <div class="app-shell">
            <a class="skip-link" href="#main" onclick={skip}>{ Msg::SkipToContent.text(lang) }</a>
            <header class="app-header">
                <div class="app-header__bar">
                    <a class="app-header__back" href="/">
                        <span aria-hidden="true">{ "← " }</span>
                        { Msg::BackToPortal.text(lang) }
                    </a>
                    <div class="app-header__tools">
                        <LangSwitch />
                        <ContrastToggle />
                    </div>
                </div>
                <h1 class="app-header__title">{ title }</h1>
            </header>
            <main id="main" class="app-main" tabindex="-1" ref={main}>
                { lead }
                { props.children.clone() }
            </main>
        </div>
    }
}
