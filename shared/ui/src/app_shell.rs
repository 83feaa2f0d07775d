//! `AppShell`: the frame of every app page: skip link, header with the app's name (and
//! what it is about, such as a centre's name), the way back to the portal, the language
//! and contrast switches, and the main landmark. On a phone the header is one compact
//! bar: the way back as an arrow, the name, and the switches behind a menu button
//! (style.css); wider screens show the switches and never the button.

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
    /// What the page is about, in smaller type under the title (a centre's name).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// Wraps the page in a [`LangProvider`], so everything inside can use the i18n hooks.
#[function_component]
pub fn AppShell(props: &AppShellProps) -> Html {
    html! {
        <LangProvider>
            <ShellLayout title={props.title} description={props.description}
                         context={props.context.clone()}>
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
    let tools_open = use_state(|| false);
    let toggle_tools = {
        let tools_open = tools_open.clone();
        Callback::from(move |_: MouseEvent| tools_open.set(!*tools_open))
    };
    let close_on_escape = {
        let tools_open = tools_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *tools_open {
                tools_open.set(false);
                crate::back_office::focus_id(MENU_BUTTON);
            }
        })
    };
    let lead = props
        .description
        .map(|description| html! { <p class="lead">{ description.text(lang) }</p> });
    let expanded = if *tools_open { "true" } else { "false" };
    html! {
        <div class="app-shell">
            <a class="skip-link" href="#main" onclick={skip}>{ Msg::SkipToContent.text(lang) }</a>
            <header class="app-header" onkeydown={close_on_escape}>
                <div class="app-header__bar">
                    <a class="app-header__back" href="/">
                        <span aria-hidden="true">{ "← " }</span>
                        <span class="app-header__back-text">{ Msg::BackToPortal.text(lang) }</span>
                    </a>
                    <button type="button" id={MENU_BUTTON} class="app-header__menu-button"
                            aria-expanded={expanded} aria-controls={TOOLS}
                            aria-label={Msg::DisplayMenu.text(lang)} onclick={toggle_tools}>
                        <span aria-hidden="true">{ "Aa" }</span>
                    </button>
                    <div id={TOOLS} class={classes!("app-header__tools", tools_open.then_some("is-open"))}>
                        <LangSwitch />
                        <ContrastToggle />
                    </div>
                </div>
                <h1 class="app-header__title">
                    { title }
                    if let Some(context) = &props.context {
                        <span class="app-header__context">{ context.clone() }</span>
                    }
                </h1>
            </header>
            <main id="main" class="app-main" tabindex="-1" ref={main}>
                { lead }
                { props.children.clone() }
            </main>
        </div>
    }
}

/// The menu button of the switches on a phone, and the switches' box.
const MENU_BUTTON: &str = "app-header-menu";
const TOOLS: &str = "app-header-tools";
