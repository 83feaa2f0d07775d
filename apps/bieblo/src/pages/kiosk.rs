//! `/bieblo/kiosk/<library>/<branch>`: the kiosk of a branch, full screen, with no way out of the app (only a
//! small language switch). Loads the branch's kiosk and the library's data, then runs visits; a kiosk that cannot
//! start says so calmly, for the adults who set it up.

use suite_domain::i18n::Msg;
use suite_ui::{LangSwitch, Loading, use_mark_ready, use_t};
use yew::prelude::*;

use crate::components::KioskVisit;
use crate::hooks::{KioskData, use_kiosk_data};

#[derive(Properties, PartialEq)]
pub(crate) struct KioskPageProps {
    pub(crate) library: AttrValue,
    pub(crate) branch: AttrValue,
}

/// The page; rendered inside the app's `LangProvider`.
#[function_component]
pub(crate) fn KioskPage(props: &KioskPageProps) -> Html {
    let t = use_t();
    let data = use_kiosk_data(&props.library, &props.branch);
    use_mark_ready(matches!(
        data,
        KioskData::NotReady | KioskData::SwitchedOff | KioskData::NotActiveHere
    ));
    use_effect_with((), move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(t(Msg::AppBiebloName));
        }
    });
    let body = match data {
        KioskData::Loading => html! { <Loading /> },
        KioskData::NotReady => html! {
            <section class="kiosk-screen kiosk-not-ready" role="status">
                <h1 class="kiosk-title kiosk-title--small">{ t(Msg::BiebloNotReady) }</h1>
                <p class="kiosk-lead">{ t(Msg::BiebloNotReadyHelp) }</p>
            </section>
        },
        KioskData::SwitchedOff => html! {
            <section class="kiosk-screen kiosk-not-ready kiosk-off" role="status">
                <h1 class="kiosk-title kiosk-title--small">{ t(Msg::BiebloKioskOff) }</h1>
                <p class="kiosk-lead">{ t(Msg::BiebloNotReadyHelp) }</p>
            </section>
        },
        KioskData::NotActiveHere => html! {
            <section class="kiosk-screen kiosk-not-ready kiosk-not-active" role="status">
                <h1 class="kiosk-title kiosk-title--small">{ t(Msg::BiebloNotActiveHere) }</h1>
                <p class="kiosk-lead">{ t(Msg::BiebloNotActiveHereHelp) }</p>
            </section>
        },
        KioskData::Ready(library) => html! { <KioskVisit {library} /> },
    };
    html! {
        <div class="kiosk">
            <header class="kiosk-bar">
                <p class="kiosk-bar__name">{ t(Msg::AppBiebloName) }</p>
                <LangSwitch />
            </header>
            <main id="main" class="kiosk-main">{ body }</main>
        </div>
    }
}
