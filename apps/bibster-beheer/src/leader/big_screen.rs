//! The big screen (digibord or projector, read from the back of the room): the game's
//! code in very large letters and a QR code of the teams' app with the code filled in;
//! for pre-made teams their names and codes, printable; a button for full screen.

use suite_domain::bibster::api::TeamRow;
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, use_t};
use web_sys::Element;
use yew::prelude::*;

use super::address::join_url;

#[derive(Properties, PartialEq)]
pub(crate) struct BigScreenProps {
    pub(crate) code: String,
    pub(crate) teams: Vec<TeamRow>,
}

/// Whether the page shows something in full screen now.
fn in_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}

#[function_component]
pub(crate) fn BigScreen(props: &BigScreenProps) -> Html {
    let t = use_t();
    let screen = use_node_ref();
    let full = use_state(in_fullscreen);
    {
        // The browser also leaves full screen on Escape: follow it.
        let full = full.clone();
        use_effect_with((), move |()| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
                move |_: web_sys::Event| full.set(in_fullscreen()),
            );
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(document) = &document {
                use wasm_bindgen::JsCast;
                let _ = document.add_event_listener_with_callback(
                    "fullscreenchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(document) = &document {
                    use wasm_bindgen::JsCast;
                    let _ = document.remove_event_listener_with_callback(
                        "fullscreenchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    let toggle = {
        let screen = screen.clone();
        Callback::from(move |_: MouseEvent| {
            if in_fullscreen() {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    document.exit_fullscreen();
                }
            } else if let Some(element) = screen.cast::<Element>() {
                let _ = element.request_fullscreen();
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let url = join_url(&origin, &props.code);
    let premade: Vec<&TeamRow> = props.teams.iter().filter(|t| t.code.is_some()).collect();
    let teams = (!premade.is_empty()).then(|| {
        let mut premade = premade.clone();
        premade.sort_by(|a, b| a.name.cmp(&b.name));
        let rows = premade.into_iter().map(|team| {
            html! {
                <li class="bl-team-code">
                    <span class="bl-team-code__name">{ team.name.clone() }</span>
                    <span class="bl-team-code__code">{ team.code.clone().unwrap_or_default() }</span>
                </li>
            }
        });
        html! {
            <div class="bl-team-codes">
                <h4>{ t(Msg::BibLeadPremadeTitle) }</h4>
                <ul class="bl-team-code-list">{ for rows }</ul>
                <Button class="bl-print" variant={ButtonVariant::Secondary} onclick={print}>
                    { t(Msg::BibLeadPrint) }
                </Button>
            </div>
        }
    });
    html! {
        <section class="card bo-section bl-screen" aria-labelledby="bl-screen-title" ref={screen}>
            <h3 id="bl-screen-title" tabindex="-1">{ t(Msg::BibLeadCodeTitle) }</h3>
            <div class="bl-screen__join">
                <p class="bl-code" data-code={props.code.clone()}>{ props.code.clone() }</p>
                <div class="bl-qr">{ suite_ui::qr::qr_code(&url, t(Msg::BibLeadQrLabel)) }</div>
            </div>
            <p class="bl-join-url">{ format!("{} ", t(Msg::BibLeadJoinAt)) }<span class="bl-url">{ url.clone() }</span></p>
            { teams.unwrap_or_default() }
            <Button class="bl-fullscreen" variant={ButtonVariant::Secondary} onclick={toggle}>
                { t(if *full { Msg::BibLeadFullscreenExit } else { Msg::BibLeadFullscreen }) }
            </Button>
        </section>
    }
}
