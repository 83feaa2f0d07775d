//! The kiosk's start screen: a friendly title and one huge start button (Enter works too,
//! wherever the focus is: see `KioskVisit`).

use suite_domain::i18n::{Lang, Msg};
use suite_ui::Button;
use yew::prelude::*;

/// Three book spines in the kiosk's colours, for decoration.
const BOOKS: &str = concat!(
    "<div class=\"start-screen__books\" aria-hidden=\"true\">",
    "<span class=\"start-screen__book start-screen__book--1\"></span>",
    "<span class=\"start-screen__book start-screen__book--2\"></span>",
    "<span class=\"start-screen__book start-screen__book--3\"></span></div>",
);

/// The start screen in `lang`; the button calls `on_start`.
pub(super) fn start_screen(lang: Lang, on_start: Callback<()>) -> Html {
    html! {
        <section class="kiosk-screen start-screen">
            { Html::from_html_unchecked(AttrValue::Static(BOOKS)) }
            <h1 class="kiosk-title">{ Msg::BiebloKioskTitle.text(lang) }</h1>
            <p class="kiosk-lead">{ Msg::BiebloKioskIntro.text(lang) }</p>
            <Button class="kiosk-start" big=true onclick={on_start.reform(|_| ())}>
                { Msg::BiebloStart.text(lang) }
                <span aria-hidden="true">{ " ▶" }</span>
            </Button>
        </section>
    }
}
