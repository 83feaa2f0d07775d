//! `AppFrame` and `run_app`: the default page of an app, driven by its entry in
//! `suite_domain::apps::APPS`: the shell with the app's name and description, the live
//! API check and the app's content; under `/<slug>/beheer` the staff panel instead.

use suite_domain::apps::app_by_slug;
use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::app_shell::AppShell;
use crate::error_state::ErrorState;
use crate::health_check::HealthCheck;
use crate::i18n::{LangProvider, use_t};
use crate::ready::use_mark_ready;
use crate::staff_panel::StaffPanel;

/// The last path segment of an app's staff page: `/<slug>/beheer`.
pub const STAFF_SEGMENT: &str = "beheer";

/// Whether `path` is an app's staff page (`/bieblo/beheer`, with or without a final `/`).
pub fn is_staff_path(path: &str) -> bool {
    path.trim_end_matches('/').rsplit('/').next() == Some(STAFF_SEGMENT)
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct AppFrameProps {
    /// The app's slug in `suite_domain::apps::APPS`.
    pub slug: AttrValue,
    /// The app's own content, shown on its main page.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn AppFrame(props: &AppFrameProps) -> Html {
    use_mark_ready(true);
    let Some(app) = app_by_slug(&props.slug) else {
        return html! {
            <LangProvider>
                <main id="main" class="app-main">
                    <ErrorState message={Msg::ErrNotFound} />
                </main>
            </LangProvider>
        };
    };
    let content = if is_staff_path(&current_path()) {
        html! {
            <>
                <StaffPanel />
                <FrameLink href="./" text={app.name} />
            </>
        }
    } else {
        html! {
            <>
                { props.children.clone() }
                <FrameLink href={STAFF_SEGMENT} text={Msg::StaffArea} />
            </>
        }
    };
    html! {
        <AppShell title={app.name} description={Some(app.description)}>
            <HealthCheck />
            { content }
        </AppShell>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct FrameLinkProps {
    pub(crate) href: AttrValue,
    pub(crate) text: Msg,
}

/// A link between the app's main page and its staff page, in the current language.
#[function_component]
pub(crate) fn FrameLink(props: &FrameLinkProps) -> Html {
    let t = use_t();
    html! {
        <p class="app-frame__link"><a href={props.href.clone()}>{ t(props.text) }</a></p>
    }
}

/// Starts the app `slug` with the default frame, rendered into `<body>`.
pub fn run_app(slug: &'static str) {
    let props = AppFrameProps {
        slug: AttrValue::Static(slug),
        children: Html::default(),
    };
    yew::Renderer::<AppFrame>::with_props(props).render();
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn staff_pages_end_in_beheer() {
        for (path, staff) in [
            ("/bieblo/beheer", true),
            ("/bieblo/beheer/", true),
            ("/bieblo/", false),
            ("/bieblo", false),
            ("/", false),
            ("", false),
            ("/beheer-oud/", false),
        ] {
            assert_eq!(is_staff_path(path), staff, "{path}");
        }
    }
}
